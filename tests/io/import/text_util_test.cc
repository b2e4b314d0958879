#include "lib/io/import/text_util.h"

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

}  // namespace
}  // namespace embargo::import_internal
