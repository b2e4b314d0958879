// The one cp1252 decoder (lib/text/cp1252.h) and the UTF-8 primitives
// (lib/text/utf8.h) that the importers share.

#include "lib/text/cp1252.h"

#include <string>

#include "gtest/gtest.h"
#include "lib/text/utf8.h"

namespace embargo::text {
namespace {

TEST(Cp1252Test, DecodesTheTypographicRangeAndLatin1) {
  std::string out;
  // 0x93 0x94: curly double quotes; 0x96: en dash; 0x80: euro; 0xE9: é.
  ASSERT_TRUE(Cp1252ToUtf8("\x93Ryonha\x94 \x96 \x80 caf\xE9",
                           Cp1252Undefined::kRefuse, out));
  EXPECT_EQ(out, "\u201CRyonha\u201D \u2013 \u20AC caf\u00E9");
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(Cp1252Test, UndefinedBytesAreRefusedWithTheirOffset) {
  std::string out;
  size_t bad = 99;
  EXPECT_FALSE(Cp1252ToUtf8("ab\x81" "cd", Cp1252Undefined::kRefuse, out, &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_EQ(out, "ab");
  for (unsigned char b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    EXPECT_EQ(Cp1252CodePoint(b), 0u) << static_cast<int>(b);
  }
}

TEST(Cp1252Test, UndefinedBytesBecomeC1ControlsWhenLenient) {
  std::string out;
  ASSERT_TRUE(Cp1252ToUtf8("a\x9D", Cp1252Undefined::kC1Control, out));
  EXPECT_EQ(out, "a\u009D");
}

TEST(Cp1252Test, AsciiIsUnchangedAndAppendKeepsWhatWasThere) {
  std::string out = "x";
  ASSERT_TRUE(Cp1252ToUtf8("KOMID", Cp1252Undefined::kRefuse, out));
  EXPECT_EQ(out, "xKOMID");
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  for (char32_t c : {U'A', U'\u00E9', U'\u0416', U'\uB9AC', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(c, s);
    char32_t back = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, back), static_cast<int>(s.size()));
    EXPECT_EQ(back, c);
  }
  char32_t c = 0;
  EXPECT_EQ(DecodeUtf8("\xC0\x80", 0, c), 0);       // Overlong NUL.
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, c), 0);   // Surrogate.
  EXPECT_EQ(DecodeUtf8("\xE2\x82", 0, c), 0);       // Truncated.
}

}  // namespace
}  // namespace embargo::text
