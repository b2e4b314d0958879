// Text helpers for the importers. See text_util.h.

#include "lib/io/import/text_util.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// IsClean says whether CleanText would return `s` as it is: no whitespace
// at either end, and none inside but single spaces. Whitespace bytes are
// all 0x20 or below: sixteen bytes at a time, only those are looked at.
bool IsClean(absl::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n == 0 || IsSpace(p[0]) || IsSpace(p[n - 1])) return false;
  const auto ok = [p](size_t k) {  // k > 0: p[0] is not whitespace.
    const char c = p[k];
    if (c == ' ') return !IsSpace(p[k - 1]);
    return !IsSpace(c);
  };
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    uint32_t mask = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, low), x)));
    while (mask != 0) {
      if (!ok(i + static_cast<size_t>(__builtin_ctz(mask)))) return false;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) <= 0x20 && !ok(i)) return false;
  }
  return true;
}

}  // namespace

std::string CleanText(absl::string_view s) {
  // Most values are clean already (single spaces between words, none at
  // the ends): then one copy.
  if (IsClean(s)) return std::string(s);
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

void AppendPieces(std::string& out,
                  std::initializer_list<absl::string_view> pieces) {
  size_t size = out.size();
  for (absl::string_view p : pieces) size += p.size();
  out.reserve(size);
  for (absl::string_view p : pieces) out.append(p.data(), p.size());
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
      while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        field.push_back(text_[pos_]);
        advance(text_[pos_]);
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
             !(text_[pos_] == '\r' && pos_ + 1 < text_.size() &&
               text_[pos_ + 1] == '\n')) {
        field.push_back(text_[pos_]);
        advance(text_[pos_]);
      }
    }
    row.fields.push_back(std::move(field));
    if (pos_ >= text_.size()) return true;
    const char c = text_[pos_];
    if (c == separator_) {
      advance(c);
      continue;
    }
    if (c == '\r') advance(c);
    if (pos_ < text_.size() && text_[pos_] == '\n') advance('\n');
    return true;
  }
}

}  // namespace embargo::import_internal
