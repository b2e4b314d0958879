// See sipri_text.h.

#include "lib/io/import/sipri_text.h"

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

namespace embargo::sipri_internal {
namespace {

// Unicode code points of cp1252 bytes 0x80..0x9F; 0 where undefined.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the well-formed UTF-8 sequence at s[i], or 0.
size_t Utf8SequenceLength(absl::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

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
  if (encoding == Encoding::kAuto) {
    bool multibyte = false, valid = true;
    for (size_t i = start; i < bytes.size();) {
      size_t n = Utf8SequenceLength(bytes, i);
      if (n == 0) {
        valid = false;
        break;
      }
      if (n > 1) multibyte = true;
      i += n;
    }
    encoding = valid && multibyte ? Encoding::kUtf8 : Encoding::kCp1252;
  }
  if (encoding == Encoding::kUtf8) {
    for (size_t i = start; i < bytes.size();) {
      size_t n = Utf8SequenceLength(bytes, i);
      if (n == 0) {
        return EncodingError(
            name, bytes, i,
            absl::StrFormat("byte 0x%02X is not valid UTF-8", 
                            static_cast<unsigned char>(bytes[i])));
      }
      i += n;
    }
    out.text = std::string(bytes.substr(start));
    out.utf8_input = true;
    return out;
  }
  out.text.reserve(bytes.size() + bytes.size() / 16);
  for (size_t i = start; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.text.push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      const uint16_t cp = kCp1252High[c - 0x80];
      if (cp == 0) {
        return EncodingError(
            name, bytes, i,
            absl::StrFormat("byte 0x%02X is undefined in cp1252 (Windows-1252); "
                            "the file is in another encoding",
                            c));
      }
      AppendUtf8(cp, out.text);
    } else {
      AppendUtf8(c, out.text);
    }
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
