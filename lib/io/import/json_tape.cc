// JsonTape. See json_tape.h.

#include "lib/io/import/json_tape.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "lib/text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace embargo::import_internal {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes that end the plain run of a string: the quote, the backslash and
// the control characters.
struct StopTable {
  bool stop[256] = {};
  constexpr StopTable() {
    for (int c = 0; c < 0x20; ++c) stop[c] = true;
    stop[static_cast<unsigned char>('"')] = true;
    stop[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr StopTable kStop;

// SkipPlain returns the first position at or after `i` whose byte is in
// kStop, or `n`: sixteen bytes at a time where SSE2 is there.
size_t SkipPlain(const char* data, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  while (i + 16 <= n) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    // A byte <= 0x1F (unsigned) is one whose max with 0x1F is 0x1F.
    const __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
        _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));
    const int mask = _mm_movemask_epi8(stop);
    if (mask != 0) {
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    i += 16;
  }
#endif
  while (i < n && !kStop.stop[static_cast<unsigned char>(data[i])]) ++i;
  return i;
}

std::string Describe(absl::string_view in, size_t pos) {
  if (pos >= in.size()) return "the end of the line";
  const unsigned char c = static_cast<unsigned char>(in[pos]);
  if (c < 0x20 || c >= 0x80) return absl::StrFormat("byte 0x%02X", c);
  return absl::StrCat("'", absl::string_view(&in[pos], 1), "'");
}

}  // namespace

std::optional<JsonTape::Error> JsonTape::Parse(absl::string_view json,
                                               int max_depth) {
  in_ = json;
  pos_ = 0;
  max_depth_ = max_depth;
  count_ = 0;
  scratch_.clear();
  escaped_.clear();
  error_.reset();
  Ws();
  if (Value(0)) {
    Ws();
    if (pos_ < in_.size()) {
      Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                        " after the value; expected the end of the line"));
    }
  }
  if (error_) return std::move(error_);
  for (const Escaped& e : escaped_) {
    nodes_[e.node].text =
        absl::string_view(scratch_).substr(e.offset, e.length);
  }
  return std::nullopt;
}

bool JsonTape::Fail(std::string message, Error::Kind kind) {
  if (!error_) {
    error_ = Error{static_cast<int64_t>(pos_), std::move(message), kind};
  }
  return false;
}

bool JsonTape::Value(int depth) {
  if (pos_ >= in_.size()) {
    return Fail("unexpected end of the line; expected a value");
  }
  const char c = in_[pos_];
  switch (c) {
    case '"':
      return String();
    case '{':
    case '[': {
      if (depth >= max_depth_) {
        return Fail(absl::StrCat("nesting deeper than ", max_depth_, " levels"),
                    Error::kDepth);
      }
      const bool object = c == '{';
      const char close = object ? '}' : ']';
      const uint32_t self = size();
      Push({object ? Type::kObject : Type::kArray, 0, {}});
      ++pos_;
      Ws();
      if (pos_ < in_.size() && in_[pos_] == close) {
        ++pos_;
        nodes_[self].end = size();
        return true;
      }
      while (true) {
        if (object) {
          if (pos_ >= in_.size() || in_[pos_] != '"') {
            return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                                     "; expected a member name in quotes"));
          }
          if (!String()) return false;
          Ws();
          if (pos_ >= in_.size() || in_[pos_] != ':') {
            return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                                     "; expected ':'"));
          }
          ++pos_;
          Ws();
        }
        // Strings, most values, without the call and the switch.
        const bool read = pos_ < in_.size() && in_[pos_] == '"'
                              ? String()
                              : Value(depth + 1);
        if (!read) return false;
        Ws();
        if (pos_ < in_.size() && in_[pos_] == ',') {
          ++pos_;
          Ws();
          continue;
        }
        if (pos_ < in_.size() && in_[pos_] == close) {
          ++pos_;
          nodes_[self].end = size();
          return true;
        }
        return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                                 "; expected ',' or '",
                                 absl::string_view(&close, 1), "'"));
      }
    }
    case 't':
      return Literal("true", Type::kTrue);
    case 'f':
      return Literal("false", Type::kFalse);
    case 'n':
      return Literal("null", Type::kNull);
    default:
      if (c == '-' || IsDigit(c)) return Number();
      return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                               "; expected a value"));
  }
}

bool JsonTape::Literal(absl::string_view word, Type type) {
  const size_t start = pos_;
  for (char w : word) {
    if (pos_ >= in_.size() || in_[pos_] != w) {
      return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                               "; expected '", word, "'"));
    }
    ++pos_;
  }
  const uint32_t self = size();
  Push({type, self + 1, in_.substr(start, word.size())});
  return true;
}

bool JsonTape::Number() {
  const size_t start = pos_;
  const auto digits = [&]() {
    const size_t from = pos_;
    while (pos_ < in_.size() && IsDigit(in_[pos_])) ++pos_;
    return pos_ > from;
  };
  if (in_[pos_] == '-') ++pos_;
  if (pos_ < in_.size() && in_[pos_] == '0') {
    ++pos_;
  } else if (!digits()) {
    return Fail(
        absl::StrCat("unexpected ", Describe(in_, pos_), "; expected a digit"));
  }
  if (pos_ < in_.size() && in_[pos_] == '.') {
    ++pos_;
    if (!digits()) {
      return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                               "; expected a digit after '.'"));
    }
  }
  if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
    if (!digits()) {
      return Fail(absl::StrCat("unexpected ", Describe(in_, pos_),
                               "; expected a digit in the exponent"));
    }
  }
  const absl::string_view text = in_.substr(start, pos_ - start);
  double value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range &&
      end == text.data() + text.size()) {
    // Underflow to zero is harmless; overflow is not a number we can hold.
    bool tiny = false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == 'e' || text[i] == 'E') {
        tiny = i + 1 < text.size() && text[i + 1] == '-';
        break;
      }
    }
    if (!tiny) {
      pos_ = start;
      return Fail(absl::StrCat("number ", text, " is out of a double's range"),
                  Error::kRange);
    }
  }
  const uint32_t self = size();
  Push({Type::kNumber, self + 1, text});
  return true;
}

bool JsonTape::String() {
  // Fast path, most strings: no escape before the closing quote. Locals
  // rather than members, which the stores of Push would make the compiler
  // read again.
  const size_t n = in_.size();
  const char* const data = in_.data();
  const size_t start = pos_ + 1;  // After the opening quote.
  const size_t end = SkipPlain(data, start, n);
  if (end < n && data[end] == '"') [[likely]] {
    Push({Type::kString, count_ + 1,
          absl::string_view(data + start, end - start)});
    pos_ = end + 1;
    return true;
  }
  return RestOfString(start, end);
}

bool JsonTape::RestOfString(size_t start, size_t stop) {
  pos_ = stop;
  if (pos_ >= in_.size()) {
    return Fail("unexpected end of the line in a string; expected '\"'");
  }
  if (in_[pos_] != '\\') {
    return Fail(absl::StrFormat(
        "control character 0x%02X in a string (it must be escaped)",
        static_cast<unsigned char>(in_[pos_])));
  }
  // Slow path: unescape into scratch_.
  const uint32_t offset = static_cast<uint32_t>(scratch_.size());
  scratch_.append(in_.data() + start, pos_ - start);
  while (pos_ < in_.size()) {
    const char c = in_[pos_];
    if (c == '"') {
      const uint32_t self = size();
      Push({Type::kString, self + 1, {}});
      escaped_.push_back(
          {self, offset, static_cast<uint32_t>(scratch_.size() - offset)});
      ++pos_;
      return true;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      return Fail(absl::StrFormat(
          "control character 0x%02X in a string (it must be escaped)",
          static_cast<unsigned char>(c)));
    }
    if (c != '\\') {
      scratch_.push_back(c);
      ++pos_;
      continue;
    }
    const size_t backslash = pos_++;
    if (pos_ >= in_.size()) break;
    const char e = in_[pos_];
    switch (e) {
      case '"':
        scratch_.push_back('"');
        break;
      case '\\':
        scratch_.push_back('\\');
        break;
      case '/':
        scratch_.push_back('/');
        break;
      case 'b':
        scratch_.push_back('\b');
        break;
      case 'f':
        scratch_.push_back('\f');
        break;
      case 'n':
        scratch_.push_back('\n');
        break;
      case 'r':
        scratch_.push_back('\r');
        break;
      case 't':
        scratch_.push_back('\t');
        break;
      case 'u': {
        const auto hex4 = [&](size_t at) -> int32_t {
          if (at + 4 > in_.size()) return -1;
          int32_t v = 0;
          for (size_t k = 0; k < 4; ++k) {
            const int d = HexDigit(in_[at + k]);
            if (d < 0) return -1;
            v = v * 16 + d;
          }
          return v;
        };
        const int32_t first = hex4(pos_ + 1);
        if (first < 0) {
          pos_ = backslash;
          return Fail("\\u must be followed by four hexadecimal digits");
        }
        uint32_t cp = static_cast<uint32_t>(first);
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          pos_ = backslash;
          return Fail(absl::StrFormat(
              "\\u%04X is a low surrogate without a high one before it", cp));
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          const int32_t second = pos_ + 6 < in_.size() &&
                                         in_[pos_ + 5] == '\\' &&
                                         in_[pos_ + 6] == 'u'
                                     ? hex4(pos_ + 7)
                                     : -1;
          if (second < 0xDC00 || second > 0xDFFF) {
            pos_ = backslash;
            return Fail(absl::StrFormat(
                "\\u%04X is a high surrogate without a low one after it", cp));
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) +
               (static_cast<uint32_t>(second) - 0xDC00);
          pos_ += 6;
        }
        text::AppendUtf8(static_cast<char32_t>(cp), scratch_);
        pos_ += 4;
        break;
      }
      default: {
        std::string what =
            absl::StrCat("unknown escape \\", Describe(in_, pos_));
        pos_ = backslash;
        return Fail(std::move(what));
      }
    }
    ++pos_;
  }
  return Fail("unexpected end of the line in a string; expected '\"'");
}

}  // namespace embargo::import_internal
