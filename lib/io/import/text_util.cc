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
#include "lib/text/utf8.h"

namespace embargo::import_internal {
namespace {

// Unicode code points of cp1252 bytes 0x80..0x9F.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 if malformed).
int DecodeUtf8(absl::string_view s, size_t i, char32_t& c) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  if (b0 < 0x80) {
    c = b0;
    return 1;
  }
  int len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return len;
}

// Folds of U+00C0..U+017F to one ASCII letter; ' ' for non-letters and '*'
// for the letters that fold to two (handled in FoldLatin).
constexpr char kLatinFold[] =
    "aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
    "lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Appends the fold of a Latin code point; false when `c` is not one.
bool FoldLatin(char32_t c, std::string& out) {
  if (c < 0xC0 || c > 0x17F) return false;
  const char f = kLatinFold[c - 0xC0];
  if (f != '*') {
    out.push_back(f);
    return true;
  }
  switch (c) {
    case 0xC6: case 0xE6: out += "ae"; break;
    case 0xDE: case 0xFE: out += "th"; break;
    case 0xDF: out += "ss"; break;
    case 0x132: case 0x133: out += "ij"; break;
    default: out += "oe"; break;  // U+0152, U+0153.
  }
  return true;
}

}  // namespace

std::string Cp1252ToUtf8(absl::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  for (char ch : bytes) {
    const unsigned char b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      AppendUtf8(kCp1252High[b - 0x80], out);
    } else {
      AppendUtf8(b, out);
    }
  }
  return out;
}

bool IsValidUtf8(absl::string_view s, size_t* bad_offset) {
  return text::IsValidUtf8(s, bad_offset);
}

std::string FoldForMatch(absl::string_view utf8) {
  // Pass 1: fold characters, punctuation to spaces.
  std::string folded;
  folded.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    char32_t c;
    int len = DecodeUtf8(utf8, i, c);
    if (len == 0) {  // Not UTF-8: treat the byte as a separator.
      folded.push_back(' ');
      ++i;
      continue;
    }
    if (c < 0x80) {
      folded.push_back(absl::ascii_isalnum(static_cast<unsigned char>(c))
                           ? absl::ascii_tolower(static_cast<unsigned char>(c))
                           : ' ');
    } else if (FoldLatin(c, folded)) {
      // Done.
    } else if ((c >= 0x2000 && c <= 0x206F) || c == 0xA0 ||
               (c >= 0xA1 && c <= 0xBF)) {
      folded.push_back(' ');  // General punctuation, NBSP, Latin-1 signs.
    } else {
      folded.append(utf8.data() + i, len);
    }
    i += len;
  }
  // Pass 2: split into words, drop "the", join with single spaces.
  std::string out;
  out.reserve(folded.size());
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) {
      absl::string_view word(folded.data() + i, j - i);
      if (word != "the") {
        if (!out.empty()) out.push_back(' ');
        out.append(word.data(), word.size());
      }
    }
    i = j;
  }
  return out;
}

std::string BaseName(absl::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path
                                                      : path.substr(slash + 1));
}

std::string CleanText(absl::string_view s) {
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
