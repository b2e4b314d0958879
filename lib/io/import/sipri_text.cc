// See sipri_text.h.

#include "lib/io/import/sipri_text.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/internal/status_macros.h"
#include "lib/internal/input_file.h"
#include "lib/text/cp1252.h"
#include "lib/text/utf8.h"

namespace embargo::sipri_internal {
namespace {

// Line and column (1-based, bytes) of offset `at`.
std::pair<int64_t, int64_t> Position(absl::string_view s, size_t at) {
  int64_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (s[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int64_t>(at - line_start) + 1};
}

absl::Status EncodingError(absl::string_view name, absl::string_view bytes,
                           size_t at, absl::string_view what) {
  auto [line, column] = Position(bytes, at);
  return absl::InvalidArgumentError(
      absl::StrCat(name, ":", line, ":", column, ": ", what));
}

}  // namespace

absl::StatusOr<DecodedText> DecodeRegister(absl::string_view bytes,
                                           absl::string_view name,
                                           Encoding encoding) {
  DecodedText out;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
       (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return EncodingError(name, bytes, 0,
                         "UTF-16 byte-order mark: the register must be "
                         "cp1252 (as SIPRI writes it) or UTF-8");
  }
  size_t start = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    start = 3;
    if (encoding == Encoding::kAuto) encoding = Encoding::kUtf8;
  }
  if (size_t nul = bytes.find('\0'); nul != absl::string_view::npos) {
    return EncodingError(name, bytes, nul,
                         "NUL byte: this is not 8-bit text (UTF-16?); the "
                         "register must be cp1252 or UTF-8");
  }
  const absl::string_view body = bytes.substr(start);
  size_t bad = 0;
  const bool valid = text::IsValidUtf8(body, &bad);
  if (encoding == Encoding::kAuto) {
    // UTF-8 when the text is valid UTF-8 with some multi-byte sequence
    // (pure ASCII reads the same either way).
    const bool multibyte = std::any_of(body.begin(), body.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80;
    });
    encoding = valid && multibyte ? Encoding::kUtf8 : Encoding::kCp1252;
  }
  if (encoding == Encoding::kUtf8) {
    if (!valid) {
      return EncodingError(
          name, bytes, start + bad,
          absl::StrFormat("byte 0x%02X is not valid UTF-8",
                          static_cast<unsigned char>(body[bad])));
    }
    out.text = std::string(body);
    out.utf8_input = true;
    return out;
  }
  if (!text::Cp1252ToUtf8(body, text::Cp1252Undefined::kRefuse, out.text,
                          &bad)) {
    return EncodingError(
        name, bytes, start + bad,
        absl::StrFormat("byte 0x%02X is undefined in cp1252 (Windows-1252); "
                        "the file is in another encoding",
                        static_cast<unsigned char>(body[bad])));
  }
  return out;
}

std::vector<Field> SplitRecord(absl::string_view line, int64_t line_number) {
  std::vector<Field> fields;
  size_t i = 0;
  int64_t column = 1;  // Characters before i, plus one.
  // Advances i by one byte, counting characters.
  const auto step = [&]() {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    ++i;
  };
  // Column counting treats a continuation byte as part of the character
  // before it, so `column` counts lead bytes only.
  while (true) {
    Field f;
    f.line = line_number;
    f.column = column;
    if (i < line.size() && line[i] == '"') {
      step();
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            f.text.push_back('"');
            step();
            step();
            continue;
          }
          step();
          break;
        }
        f.text.push_back(line[i]);
        step();
      }
      // Text after the closing quote, up to the comma, is kept as is.
      while (i < line.size() && line[i] != ',') {
        f.text.push_back(line[i]);
        step();
      }
    } else {
      while (i < line.size() && line[i] != ',') {
        f.text.push_back(line[i]);
        step();
      }
    }
    fields.push_back(std::move(f));
    if (i >= line.size()) break;
    step();  // The comma.
  }
  return fields;
}

std::string Slug(absl::string_view name) {
  std::string out;
  bool dash = false;
  for (char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      dash = true;
    }
  }
  if (out.empty()) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : name) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    out = absl::StrFormat("x%016x", h);
  }
  return out;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path,
                                          int64_t max_bytes) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    if (err == EACCES) {
      return absl::PermissionDeniedError(
          absl::StrCat(path, ": cannot open: ", std::strerror(err)));
    }
    return absl::NotFoundError(absl::StrCat(
        path, ": cannot open: ", err != 0 ? std::strerror(err) : "not found"));
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) {
    return absl::DataLossError(absl::StrCat(path, ": cannot read its size"));
  }
  if (size > max_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": ", size, " bytes is larger than the limit of ", max_bytes));
  }
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  return bytes;
}

}  // namespace embargo::sipri_internal
