// Text helpers for the importers. See text_util.h.

#include "lib/io/import/text_util.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/internal/input_file.h"
#include "lib/internal/status_macros.h"

namespace embargo::import_internal {

std::string BaseName(absl::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path
                                                      : path.substr(slash + 1));
}

std::string CleanText(absl::string_view s) {
  // Most values are clean already (single spaces between words, none at
  // the ends): then one copy.
  bool after_space = true;  // The start counts as a space: none may lead.
  bool clean = true;
  for (char c : s) {
    const bool ws = c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
                    c == '\v' || c == '\f';
    if (ws && (c != ' ' || after_space)) {
      clean = false;
      break;
    }
    after_space = ws;
  }
  if (clean && !after_space) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
        c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

absl::StatusOr<std::string> ReadFileBytes(const std::string& path,
                                          int64_t max_bytes) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  errno = 0;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    const int err = errno;
    const std::string msg =
        absl::StrCat(path, ": cannot open: ", err ? std::strerror(err) : "");
    if (err == ENOENT) return absl::NotFoundError(msg);
    if (err == EACCES) return absl::PermissionDeniedError(msg);
    return absl::UnavailableError(msg);
  }
  const std::streamoff size = in.tellg();
  if (size < 0) return absl::UnavailableError(absl::StrCat(path, ": cannot read"));
  if (size > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat(path, ": ", size, " bytes is more than the limit of ",
                     max_bytes, " bytes"));
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (size > 0 && !in.read(bytes.data(), size)) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  return bytes;
}

std::optional<int64_t> ParseInt64(absl::string_view s) {
  int64_t v;
  if (!absl::SimpleAtoi(s, &v)) return std::nullopt;
  return v;
}

absl::StatusOr<bool> CsvReader::Next(CsvRow& row) {
  row.fields.clear();
  row.columns.clear();
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    }
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  row.line = line_;
  const auto advance = [&](char c) {
    ++pos_;
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // Count characters, not UTF-8 continuation bytes.
    }
  };
  while (true) {
    std::string field;
    row.columns.push_back(column_);
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const int64_t open_line = line_, open_column = column_;
      advance('"');
      bool closed = false;
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field.push_back('"');
            advance(c);
            advance(c);
            continue;
          }
          advance(c);
          closed = true;
          break;
        }
        if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
          advance(c);  // CRLF inside a quoted field reads as LF.
          continue;
        }
        field.push_back(c);
        advance(c);
      }
      if (!closed) {
        return absl::DataLossError(absl::StrCat(
            file_, ":", open_line, ":", open_column,
            ": quoted field is not closed before the end of the file "
            "(truncated file?)"));
      }
      // Text after the closing quote up to the separator is kept (lenient).
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        field.push_back(text_[pos_]);
        advance(text_[pos_]);
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             !(text_[pos_] == '\r' && pos_ + 1 < text_.size() &&
               text_[pos_ + 1] == '\n')) {
        field.push_back(text_[pos_]);
        advance(text_[pos_]);
      }
    }
    row.fields.push_back(std::move(field));
    if (pos_ >= text_.size()) return true;
    const char c = text_[pos_];
    if (c == ',') {
      advance(c);
      continue;
    }
    if (c == '\r') advance(c);
    if (pos_ < text_.size() && text_[pos_] == '\n') advance('\n');
    return true;
  }
}

}  // namespace embargo::import_internal
