// Tests for the quick first-pass reader of FtM lines
// (lib/io/import/ftm_scan.h): where it answers, it answers as the FtM
// entity parser does, on the real exports, on generated ones and on lines
// made to trip it.

#include "lib/io/import/ftm_scan.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "embargo/import/ftm.h"
#include "lib/io/import/ftm_entity.h"
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

// ParserReads is what the streaming import's index takes of a line read by
// the importer's own entity parser; false when the parser rejects it.
bool ParserReads(absl::string_view line, EntityScan& out) {
  static const FtmOptions options;
  ftm::EntityParser parser(FtmModel::BuiltIn(), options);
  ftm::Entity e;
  e.text = line;
  if (parser.Parse(e)) return false;
  out.Clear();
  out.id = e.id;
  out.schema = e.schema;
  for (absl::string_view a : e.Values("addressEntity")) {
    out.addresses.emplace_back(a.data(), a.size());
  }
  if (auto h = e.Values("holder"); !h.empty()) {
    out.holder.assign(h.front().data(), h.front().size());
  }
  return true;
}

// Checks every line of `lines`; returns how many the quick reader read.
int ExpectAgree(const std::vector<std::string>& lines) {
  int quick = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    EntityScan fast, slow;
    if (!ScanEntityLineQuick(lines[i], fast)) continue;
    ++quick;
    if (!ParserReads(lines[i], slow)) continue;  // Rejected by the parser.
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
      R"( "addressEntity": ["ad1", "ad2"], "holder": ["h1", "h2"]},)"
      R"( "schema": "Passport", "id": "p1", "n": -1.5e3, "t": true} )",
      s));
  EXPECT_EQ(s.id, "p1");
  EXPECT_EQ(s.schema, "Passport");
  EXPECT_THAT(s.addresses, ElementsAre("ad1", "ad2"));
  EXPECT_EQ(s.holder, "h1");  // The first, as the parser's Values give it.
  ASSERT_TRUE(ScanEntityLineQuick(
      R"({"id":"p2","schema":"Passport","properties":{"holder":["","h2"]}})", s));
  EXPECT_EQ(s.holder, "");
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
           // A member read twice (the parser keeps the last id, and the
           // values of both properties).
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
  // when it maps them, and reads its index again with the parser.
  EntityScan s;
  const std::string line = R"({"id":"a","schema":"Person","x":tru})";
  EXPECT_TRUE(ScanEntityLineQuick(line, s));
  EXPECT_FALSE(ParserReads(line, s));
}

}  // namespace
}  // namespace embargo::import_internal
