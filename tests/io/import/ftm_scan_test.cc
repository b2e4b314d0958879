// Tests for the first-pass readers of FtM lines (lib/io/import/ftm_scan.h):
// where the quick reader answers, it answers as the tape reader does, on
// the real exports, on generated ones and on lines made to trip it.

#include "lib/io/import/ftm_scan.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/io/import/json_tape.h"
#include "tests/testing/ftm_generator.h"

namespace embargo::import_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string Show(const EntityScan& s) {
  std::string out = absl::StrCat("id=", s.id, " schema=", s.schema,
                                 " holder=", s.holder, " addresses=");
  for (const std::string& a : s.addresses) absl::StrAppend(&out, a, ",");
  return out;
}

// Checks every line of `lines`; returns how many the quick reader read.
int ExpectAgree(const std::vector<std::string>& lines) {
  JsonTape tape;
  int quick = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    EntityScan fast, slow;
    if (!ScanEntityLineQuick(lines[i], fast)) continue;
    ++quick;
    if (!ScanEntityLine(tape, lines[i], slow)) continue;  // Not JSON.
    EXPECT_EQ(Show(fast), Show(slow)) << "line " << i + 1 << ": " << lines[i];
  }
  return quick;
}

std::vector<std::string> Lines(std::istream& in) {
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> FileLines(const std::string& relative) {
  std::ifstream in(std::string(EMBARGO_SHARED_DATA_DIR) + "/" + relative);
  EXPECT_TRUE(in.good()) << relative;
  return Lines(in);
}

TEST(FtmScanTest, QuickAgreesOnTheRealExports) {
  for (const char* file : {"ftm/zala_entities.ftm.json", "ftm/t1_entities.ftm.json",
                           "opensanctions/wd_peps_2024-03/entities.ftm.json",
                           "opensanctions/wd_peps_2024-03/targets.nested.json"}) {
    SCOPED_TRACE(file);
    const std::vector<std::string> lines = FileLines(file);
    ASSERT_FALSE(lines.empty());
    const int quick = ExpectAgree(lines);
    // It answers for nearly every line of a real export.
    EXPECT_GE(quick, static_cast<int>(lines.size() * 9 / 10));
  }
}

TEST(FtmScanTest, QuickAgreesOnGeneratedExports) {
  std::stringstream text;
  testing_ftm::WriteEntities(text, 5000, 11);
  const std::vector<std::string> lines = Lines(text);
  EXPECT_EQ(ExpectAgree(lines), 5000);
}

TEST(FtmScanTest, ReadsTheIndexFields) {
  EntityScan s;
  ASSERT_TRUE(ScanEntityLineQuick(
      R"( {"caption": "x", "properties": {"note": ["a]b{\"c", {"d": [1]}],)"
      R"( "addressEntity": ["ad1", "ad2"], "holder": ["", "h2"]},)"
      R"( "schema": "Passport", "id": "p1", "n": -1.5e3, "t": true} )",
      s));
  EXPECT_EQ(s.id, "p1");
  EXPECT_EQ(s.schema, "Passport");
  EXPECT_THAT(s.addresses, ElementsAre("ad1", "ad2"));
  EXPECT_EQ(s.holder, "");  // The first string, as the tape reader takes it.
  // A member name one level down is not a property.
  ASSERT_TRUE(ScanEntityLineQuick(
      R"({"id":"a","schema":"Person","properties":{"x":[{"holder":["h"]}]}})",
      s));
  EXPECT_EQ(s.holder, "");
  // An escaped backslash at the end of each sixteen-byte block.
  for (int pad = 0; pad < 20; ++pad) {
    const std::string line = absl::StrCat(
        R"({"id":"a","properties":{"note":[")", std::string(pad, 'x'),
        R"(\\", "\"]"],"holder":["h"]},"schema":"Person"})");
    ASSERT_TRUE(ScanEntityLineQuick(line, s)) << line;
    EXPECT_EQ(s.holder, "h") << line;
    EXPECT_EQ(ExpectAgree({line}), 1);
  }
}

TEST(FtmScanTest, QuickIsUnsureWhereItCouldDiffer) {
  EntityScan s;
  for (const char* line : {
           // Escapes in what it would return, or in a member name.
           R"({"id":"a\u0031","schema":"Person"})",
           R"({"\u0069d":"a","schema":"Person"})",
           R"({"id":"a","schema":"Person","properties":{"holde\u0072":["h"]}})",
           R"({"id":"a","schema":"Person","properties":{"addressEntity":["a\"d"]}})",
           // A member read twice (the tape reader keeps the last).
           R"({"id":"a","id":"b","schema":"Person"})",
           R"({"id":"a","schema":"Person","properties":{"holder":["h"],"holder":["g"]}})",
           // Not the shapes it reads.
           R"({"id":1,"schema":"Person"})",
           R"({"id":"a","schema":"Person","properties":[]})",
           R"({"id":"a","schema":"Person","properties":{"holder":"h"}})",
           R"({"id":"a","schema":"Person","properties":{"holder":[1,"h"]}})",
           // Not followable.
           R"({"id":"a","schema":"Person")",
           R"({"id":"a","schema":"Person"} x)",
           R"([{"id":"a"}])",
           "",
       }) {
    EXPECT_FALSE(ScanEntityLineQuick(line, s)) << line;
  }
}

TEST(FtmScanTest, QuickDoesNotCheckTheJson) {
  // Read quickly, though not JSON: the streaming import finds such lines
  // when it maps them, and reads its index again strictly.
  JsonTape tape;
  EntityScan s;
  const std::string line = R"({"id":"a","schema":"Person","x":tru})";
  EXPECT_TRUE(ScanEntityLineQuick(line, s));
  EXPECT_FALSE(ScanEntityLine(tape, line, s));
}

}  // namespace
}  // namespace embargo::import_internal
