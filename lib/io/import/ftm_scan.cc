// The first-pass readers of FtM lines. See ftm_scan.h.

#include "lib/io/import/ftm_scan.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace embargo::import_internal {
namespace {

// Find returns the first position in [p, end) whose byte is one of `Cs`,
// or `end`: sixteen bytes at a time where SSE2 is there.
template <char... Cs>
const char* Find(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit =
        (_mm_setzero_si128() | ... | _mm_cmpeq_epi8(x, _mm_set1_epi8(Cs)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && ((*p != Cs) && ...)) ++p;
  return p;
}

void Assign(std::string& to, absl::string_view from) {
  to.assign(from.data(), from.size());
}

// Cursor walks one line without checking it. Every step returns false
// when it cannot follow the text.
class Cursor {
 public:
  explicit Cursor(absl::string_view line)
      : p_(line.data()), end_(line.data() + line.size()) {}

  void Ws() {
    while (p_ < end_ &&
           (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) {
      ++p_;
    }
  }
  // At returns whether the next byte, after white space, is `c`.
  bool At(char c) {
    Ws();
    return p_ < end_ && *p_ == c;
  }
  bool Eat(char c) {
    if (!At(c)) return false;
    ++p_;
    return true;
  }
  bool AtEnd() {
    Ws();
    return p_ == end_;
  }

  // String reads the string that starts here: `text` is what lies between
  // the quotes as written, `escaped` whether it holds a backslash.
  bool String(absl::string_view& text, bool& escaped) {
    if (!Eat('"')) return false;
    const char* start = p_;
    escaped = false;
    while (true) {
      p_ = Find<'"', '\\'>(p_, end_);
      if (p_ >= end_) return false;
      if (*p_ == '"') break;
      escaped = true;
      p_ += 2;  // The backslash and the byte it escapes.
    }
    text = absl::string_view(start, static_cast<size_t>(p_ - start));
    ++p_;
    return true;
  }
  // PlainString is String for a value the caller keeps: false when escaped.
  bool PlainString(absl::string_view& text) {
    bool escaped = false;
    return String(text, escaped) && !escaped;
  }

  // Skip passes over one value of any kind.
  bool Skip() {
    Ws();
    if (p_ >= end_) return false;
    absl::string_view text;
    bool escaped = false;
    if (*p_ == '"') return String(text, escaped);
    if (*p_ != '{' && *p_ != '[') {
      // A number or a literal: up to the next delimiter.
      const char* start = p_;
      while (p_ < end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' &&
             *p_ != ' ' && *p_ != '\t' && *p_ != '\r' && *p_ != '\n') {
        ++p_;
      }
      return p_ > start;
    }
    return Container([](absl::string_view, bool) { return kSkip; });
  }

  // What a member name handed to Container's `key` means.
  enum KeyAction { kSkip, kRead, kFail };

  // Container passes over the array or object that starts here. In an
  // object, `key(name, escaped)` is called at each member name of its own
  // level, the cursor on the value: kSkip goes on (the value is passed
  // over), kRead says `key` has read the value, kFail gives up.
  //
  // One pass, sixteen bytes at a time: a mask marks the quotes,
  // backslashes and brackets of each block, and only those bytes are
  // looked at; brackets inside strings and escaped bytes are passed over.
  template <typename F>
  bool Container(F key) {
    if (p_ >= end_ || (*p_ != '{' && *p_ != '[')) return false;
    const bool object = *p_ == '{';
    int depth = 0;
    bool in_string = false, escaped = false;
    const char* string_start = nullptr;
    const char* p = p_;
    while (p < end_) {
      const size_t block = std::min<size_t>(16, static_cast<size_t>(end_ - p));
      uint32_t mask = Marks(p, block);
      const char* next = p + block;
      while (mask != 0) {
        const unsigned i = static_cast<unsigned>(__builtin_ctz(mask));
        mask &= mask - 1;
        const char* q = p + i;
        if (in_string) {
          if (*q == '\\') {
            // The escaped byte is passed over, here or in the next block.
            escaped = true;
            if (i + 1 < block) {
              mask &= ~(uint32_t{1} << (i + 1));
            } else {
              next = q + 2;
            }
          } else if (*q == '"') {
            in_string = false;
            if (object && depth == 1 && IsName(q + 1)) {
              const KeyAction action = key(
                  absl::string_view(string_start,
                                    static_cast<size_t>(q - string_start)),
                  escaped);
              if (action == kFail) return false;
              if (action == kRead) {
                // key() read the value from the cursor: go on from there.
                next = p_;
                break;
              }
            }
          }
          continue;
        }
        switch (*q) {
          case '"':
            in_string = true;
            escaped = false;
            string_start = q + 1;
            break;
          case '{':
          case '[':
            ++depth;
            break;
          case '}':
          case ']':
            if (--depth == 0) {
              p_ = q + 1;
              return true;
            }
            break;
          default:  // A backslash outside a string: not JSON.
            return false;
        }
      }
      p = next;
    }
    return false;
  }

  // Members calls `member(key)` at each member of the object that starts
  // here, the cursor on its value; `member` reads or skips the value.
  template <typename F>
  bool Members(F member) {
    if (!Eat('{')) return false;
    if (Eat('}')) return true;
    while (true) {
      absl::string_view key;
      if (!PlainString(key) || !Eat(':') || !member(key)) return false;
      if (Eat(',')) continue;
      return Eat('}');
    }
  }

  // Strings calls `each(text)` for each string of the array that starts
  // here; false for any other element.
  template <typename F>
  bool Strings(F each) {
    if (!Eat('[')) return false;
    if (Eat(']')) return true;
    while (true) {
      absl::string_view text;
      if (!PlainString(text)) return false;
      each(text);
      if (Eat(',')) continue;
      return Eat(']');
    }
  }

 private:
  // Marks is a mask of the bytes of p[0, n) (n <= 16) that are quotes,
  // backslashes or brackets.
  static uint32_t Marks(const char* p, size_t n) {
#if defined(__SSE2__)
    if (n == 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit =
          _mm_cmpeq_epi8(x, _mm_set1_epi8('"')) |
          _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')) |
          _mm_cmpeq_epi8(x, _mm_set1_epi8('{')) |
          _mm_cmpeq_epi8(x, _mm_set1_epi8('}')) |
          _mm_cmpeq_epi8(x, _mm_set1_epi8('[')) |
          _mm_cmpeq_epi8(x, _mm_set1_epi8(']'));
      return static_cast<uint32_t>(_mm_movemask_epi8(hit));
    }
#endif
    uint32_t mask = 0;
    for (size_t i = 0; i < n; ++i) {
      const char c = p[i];
      if (c == '"' || c == '\\' || c == '{' || c == '}' || c == '[' ||
          c == ']') {
        mask |= uint32_t{1} << i;
      }
    }
    return mask;
  }

  // IsName says whether the string that ended just before `after` is a
  // member name (a ':' follows); if so the cursor moves past the ':'.
  bool IsName(const char* after) {
    while (after < end_ && (*after == ' ' || *after == '\t' ||
                            *after == '\r' || *after == '\n')) {
      ++after;
    }
    if (after >= end_ || *after != ':') return false;
    p_ = after + 1;
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool ScanEntityLineQuick(absl::string_view line, EntityScan& out,
                         EditionScan* edition) {
  out.Clear();
  if (edition != nullptr) edition->Clear();
  Cursor c(line);
  bool id = false, schema = false, properties = false;
  bool last_seen = false, datasets = false;
  bool addresses = false, holder = false;
  const auto once = [](bool& seen) { return !std::exchange(seen, true); };
  // A name with an escape might spell one of the two: unsure.
  const auto property = [&](absl::string_view key, bool escaped) {
    if (escaped) return Cursor::kFail;
    bool read = true;
    if (key == "addressEntity") {
      read = once(addresses) && c.Strings([&](absl::string_view a) {
               out.addresses.emplace_back(a.data(), a.size());
             });
    } else if (key == "holder") {
      bool first = true;
      read = once(holder) && c.Strings([&](absl::string_view h) {
               if (std::exchange(first, false)) Assign(out.holder, h);
             });
    } else {
      return Cursor::kSkip;
    }
    return read ? Cursor::kRead : Cursor::kFail;
  };
  const bool read = c.Members([&](absl::string_view key) {
    absl::string_view text;
    if (key == "id") {
      if (!once(id) || !c.PlainString(text)) return false;
      Assign(out.id, text);
      return true;
    }
    if (key == "schema") {
      if (!once(schema) || !c.PlainString(text)) return false;
      Assign(out.schema, text);
      return true;
    }
    if (key == "properties") {
      return once(properties) && c.At('{') && c.Container(property);
    }
    if (edition != nullptr && key == "last_seen") {
      if (!once(last_seen) || !c.PlainString(text)) return false;
      edition->last_seen = text;
      return true;
    }
    if (edition != nullptr && key == "datasets") {
      return once(datasets) && c.Strings([&](absl::string_view d) {
               edition->datasets.push_back(d);
             });
    }
    return c.Skip();
  });
  return read && c.AtEnd();
}

}  // namespace embargo::import_internal
