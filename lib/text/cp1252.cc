// Windows-1252 decoding. See cp1252.h.

#include "lib/text/cp1252.h"

#include <cstdint>

#include "lib/text/utf8.h"

namespace embargo::text {
namespace {

// Code points of bytes 0x80..0x9F; 0 where the code page defines none.
constexpr uint16_t kHigh[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

char32_t Cp1252CodePoint(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) return kHigh[b - 0x80];
  return b;
}

bool Cp1252ToUtf8(absl::string_view bytes, Cp1252Undefined undefined,
                  std::string& out, size_t* bad_offset) {
  out.reserve(out.size() + bytes.size() + bytes.size() / 16);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      continue;
    }
    char32_t c = Cp1252CodePoint(b);
    if (c == 0) {
      if (undefined == Cp1252Undefined::kRefuse) {
        if (bad_offset != nullptr) *bad_offset = i;
        return false;
      }
      c = b;  // The C1 control U+0081, U+008D, ...
    }
    AppendUtf8(c, out);
  }
  return true;
}

}  // namespace embargo::text
