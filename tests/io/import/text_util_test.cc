#include "lib/io/import/text_util.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace embargo::import_internal {
namespace {

TEST(CleanTextTest, CollapsesAndTrimsWhitespace) {
  // Already clean: kept as is.
  EXPECT_EQ(CleanText("Korea Mining Development Trading Corporation"),
            "Korea Mining Development Trading Corporation");
  EXPECT_EQ(CleanText("Шойгу"), "Шойгу");
  EXPECT_EQ(CleanText("x"), "x");
  // Not clean: runs of any whitespace become one space, none at the ends.
  EXPECT_EQ(CleanText(" a"), "a");
  EXPECT_EQ(CleanText("a "), "a");
  EXPECT_EQ(CleanText("a  b"), "a b");
  EXPECT_EQ(CleanText("a\tb"), "a b");
  EXPECT_EQ(CleanText("a\r\nb c"), "a b c");
  EXPECT_EQ(CleanText("\v\fa\f"), "a");
  EXPECT_EQ(CleanText(""), "");
  EXPECT_EQ(CleanText("   "), "");
}

// The byte-at-a-time rule CleanText follows (it looks at sixteen bytes at
// a time): whitespace is space, tab, LF, VT, FF and CR.
std::string CleanTextByBytes(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

TEST(CleanTextTest, AgreesWithTheByteRuleAcrossBlockBoundaries) {
  // Whitespace of each kind, control bytes that are not whitespace, and
  // UTF-8 bytes (above 0x7F), at every position of strings up to 50 bytes
  // (three blocks of sixteen and a tail).
  const std::string alphabet = std::string("ab \t\n\v\f\r\x01\x1f") + "\xD0\x96";
  std::mt19937 rng(14);
  for (int n = 0; n <= 50; ++n) {
    for (int trial = 0; trial < 400; ++trial) {
      std::string s;
      for (int i = 0; i < n; ++i) {
        // Mostly letters, so that clean strings come up as often as not.
        s.push_back(rng() % 4 != 0 ? 'a' + static_cast<char>(rng() % 3)
                                   : alphabet[rng() % alphabet.size()]);
      }
      ASSERT_EQ(CleanText(s), CleanTextByBytes(s)) << "input of " << n << " bytes";
    }
  }
  // One space after byte 15, 16 and 31: the previous byte lies in the
  // block before.
  EXPECT_EQ(CleanText("aaaaaaaaaaaaaaa  b"), "aaaaaaaaaaaaaaa b");
  EXPECT_EQ(CleanText("aaaaaaaaaaaaaaaa\tb"), "aaaaaaaaaaaaaaaa b");
  EXPECT_EQ(CleanText(std::string(31, 'a') + " b"), std::string(31, 'a') + " b");
}

}  // namespace
}  // namespace embargo::import_internal
