// See utf8.h.

#include "lib/text/utf8.h"

#include <cstdint>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace embargo::text {
namespace {

// Length of the well-formed sequence at s[i], or 0 (RFC 3629, table 3-7 of
// the Unicode standard: the second byte's range depends on the first).
size_t SequenceLength(absl::string_view s, size_t i) {
  const auto b = [&](size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned char b0 = b(i);
  if (b0 < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;       // No overlong forms.
    if (b0 == 0xED) hi = 0x9F;       // No surrogates.
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;       // No overlong forms.
    if (b0 == 0xF4) hi = 0x8F;       // Nothing above U+10FFFF.
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

bool IsValidUtf8(absl::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t len = SequenceLength(s, i);
    if (len == 0) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

absl::Status CheckUtf8(absl::string_view s, absl::string_view where,
                       absl::string_view field) {
  size_t bad = 0;
  if (IsValidUtf8(s, &bad)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: %s is not UTF-8 (byte 0x%02X at offset %d)", where, field,
      static_cast<unsigned char>(s[bad]), bad));
}

}  // namespace embargo::text
