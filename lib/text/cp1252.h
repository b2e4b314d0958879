// Windows-1252 (cp1252), the 8-bit encoding of the OFAC legacy CSV files
// and of SIPRI's trade-register exports: one table and one decoder for every
// reader that meets it.
//
//   std::string text;
//   size_t bad;
//   if (!text::Cp1252ToUtf8(bytes, text::Cp1252Undefined::kRefuse, text,
//                           &bad)) {
//     return Located(file, bad, "byte undefined in cp1252");
//   }
//
// Bytes below 0x80 are ASCII, 0xA0..0xFF are Latin-1 (U+00A0..U+00FF), and
// 0x80..0x9F are the typographic signs Windows puts there (0x80 -> U+20AC,
// 0x92 -> U+2019, 0x96 -> U+2013, ...), except five bytes the code page
// leaves undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D.
//
// Thread safety: pure functions.

#ifndef EMBARGO_LIB_TEXT_CP1252_H_
#define EMBARGO_LIB_TEXT_CP1252_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace embargo::text {

// Cp1252CodePoint returns the code point of byte `b`, or 0 for the five
// undefined bytes.
char32_t Cp1252CodePoint(unsigned char b);

// What Cp1252ToUtf8 does with an undefined byte.
enum class Cp1252Undefined {
  // Decode it as the C1 control of the same number, as Windows does (for
  // files that are known to be cp1252 and are read leniently).
  kC1Control,
  // Stop: the file is in another encoding.
  kRefuse,
};

// Cp1252ToUtf8 appends the UTF-8 text of cp1252 `bytes` to `out`. It
// returns false only with kRefuse, at the first undefined byte, whose offset
// in `bytes` it stores in `*bad_offset` when given (`out` then holds the
// text before it).
bool Cp1252ToUtf8(absl::string_view bytes, Cp1252Undefined undefined,
                  std::string& out, size_t* bad_offset = nullptr);

}  // namespace embargo::text

#endif  // EMBARGO_LIB_TEXT_CP1252_H_
