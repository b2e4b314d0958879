// Tests for ApplyFtmDelta (lib/io/import/ftm_delta.cc): the next edition of
// an FtM export written from the previous one and an OpenSanctions delta
// file, checked line by line on a small case, against the edition the delta
// describes on the real Wikidata PEPs export, and imported as an update;
// and the refusals of a delta that does not fit.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/import/opensanctions.h"
#include "embargo/io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing_import::kFtmDay1;
using testing_import::TempPath;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Files in directories of their own: an edition's export is
// "entities.ftm.json" in every edition, as OpenSanctions names it (the
// records' source id comes from the file name).
std::string PathOf(const std::string& dir, const std::string& name = "entities.ftm.json") {
  const std::string d = TempPath("delta-" + dir);
  std::filesystem::create_directories(d);
  return d + "/" + name;
}
std::string Put(const std::string& dir, const std::string& text,
                const std::string& name = "entities.ftm.json") {
  const std::string path = PathOf(dir, name);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

// The string value of `key` in an entity line, as written (no escapes).
std::string Member(const std::string& line, const std::string& key) {
  size_t at = line.find("\"" + key + "\":");
  if (at == std::string::npos) return "";
  at = line.find('"', at + key.size() + 3);
  return line.substr(at + 1, line.find('"', at + 1) - at - 1);
}

// The records of a stream, sorted; `no_locators` clears every evidence
// locator first (they name lines, which differ between two files of one
// edition).
std::vector<std::string> Records(const std::string& path, bool no_locators = false) {
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(path);
  EXPECT_TRUE(f.ok()) << f.status();
  if (!f.ok()) return {};
  if (no_locators) {
    v1::Dataset& ds = f->dataset;
    for (v1::Actor& x : *ds.mutable_actors()) {
      for (v1::Evidence& e : *x.mutable_evidence()) e.clear_locator();
    }
    for (v1::Relation& x : *ds.mutable_relations()) {
      for (v1::Evidence& e : *x.mutable_evidence()) e.clear_locator();
    }
    for (v1::Sanction& x : *ds.mutable_sanctions()) {
      for (v1::Evidence& e : *x.mutable_evidence()) e.clear_locator();
    }
  }
  return testing_import::SortedRecords(f->dataset);
}

// ExpectUpdateIsImport imports `old_path` in full, updates to `new_path`
// from it and checks the update's records against a full import of
// `new_path`; returns the full import's records file.
std::string ExpectUpdateIsImport(const std::string& old_path, const std::string& new_path,
                                 const std::string& tag) {
  const std::string old_records = TempPath(tag + "-old.records");
  const std::string full = TempPath(tag + "-full.records");
  const std::string updated = TempPath(tag + "-update.records");
  EXPECT_TRUE(ImportFtmJsonToStream(old_path, old_records).ok());
  absl::StatusOr<ImportReport> want = ImportFtmJsonToStream(new_path, full);
  EXPECT_TRUE(want.ok()) << want.status();
  absl::StatusOr<ImportReport> got =
      UpdateFtmJsonStream(old_path, old_records, new_path, updated);
  EXPECT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(Records(updated), Records(full)) << tag;
  return full;
}

// The address changed, x1 went, p2 came; the entity members in another
// order and spacing than the export's, a member after the entity, a blank
// line.
constexpr char kDelta[] =
    R"({"op":"MOD","entity":{"id":"a1","schema":"Address","properties":{"full":["2 Harbour Road"],"country":["ru"]},"datasets":["ds1"],"last_seen":"2024-03-11"}}
{"op":"DEL","entity":{"id":"x1"}}

{"entity": {"schema": "Person", "id": "p2", "properties": {"name": ["Anna \"Anya\" Petrova"]}, "datasets": ["ds1"], "last_seen": "2024-03-11"}, "op": "ADD"}
)";

TEST(FtmDeltaTest, ByHand) {
  const std::string old_path = Put("hand-old", kFtmDay1);
  const std::string delta = Put("hand-old", kDelta, "entities.delta.json");
  const std::string next = PathOf("hand-next");
  absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_path, delta, next);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->modified, 1);
  EXPECT_EQ(r->deleted, 1);
  EXPECT_EQ(r->lines_kept, 4);
  EXPECT_EQ(r->lines_dropped, 2);
  EXPECT_EQ(r->lines_written, 6);
  const std::vector<std::string> old_lines = absl::StrSplit(kFtmDay1, '\n');
  const std::vector<std::string> want = {
      old_lines[0], old_lines[2], old_lines[3], old_lines[5],
      R"({"id":"a1","schema":"Address","properties":{"full":["2 Harbour Road"],"country":["ru"]},"datasets":["ds1"],"last_seen":"2024-03-11"})",
      R"({"schema": "Person", "id": "p2", "properties": {"name": ["Anna \"Anya\" Petrova"]}, "datasets": ["ds1"], "last_seen": "2024-03-11"})"};
  EXPECT_EQ(Read(next), absl::StrJoin(want, "\n") + "\n");
  for (const auto& f : std::filesystem::directory_iterator(PathOf("hand-next", ""))) {
    EXPECT_EQ(f.path().filename(), "entities.ftm.json");  // No temporary file left.
  }

  // Imported as an update of the old edition: what a full import writes;
  // p1 has the new address, x1 is gone, r1 now stands, c1 cites its new
  // line and keeps the last_seen the delta did not move.
  const std::string full = ExpectUpdateIsImport(old_path, next, "delta-hand");
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(full);
  ASSERT_TRUE(f.ok());
  const v1::Actor* p1 = testing_import::FindActor(f->dataset, "FTM-p1");
  ASSERT_NE(p1, nullptr);
  EXPECT_THAT(p1->addresses(), ::testing::ElementsAre("2 Harbour Road"));
  EXPECT_EQ(testing_import::FindActor(f->dataset, "FTM-x1"), nullptr);
  const v1::Actor* p2 = testing_import::FindActor(f->dataset, "FTM-p2");
  ASSERT_NE(p2, nullptr);
  EXPECT_EQ(p2->name(), "Anna \"Anya\" Petrova");
  const v1::Actor* c1 = testing_import::FindActor(f->dataset, "FTM-c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->evidence(0).locator(), "line 2 (c1); last seen 2024-03-10");
  bool family = false;
  for (const v1::Relation& x : f->dataset.relations()) family |= x.id() == "FTM-r1";
  EXPECT_TRUE(family);
}

// The real PEPs export, a next edition of it made by hand (entities
// removed, renamed, added), and the delta between the two as OpenSanctions
// writes one: the edition the delta rebuilds imports to the records of the
// true next edition but for the lines its evidence cites.
TEST(FtmDeltaTest, WikidataPepsDelta) {
  const std::string text =
      Read(std::string(EMBARGO_SHARED_DATA_DIR) + "/opensanctions/wd_peps_2024-03/entities.ftm.json");
  ASSERT_FALSE(text.empty());
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  std::vector<std::string> next, delta;
  int modified = 0, deleted = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    const std::string id = Member(l, "id");
    ASSERT_FALSE(id.empty()) << l;
    if (i % 29 == 5) {
      delta.push_back(absl::StrCat(R"({"op":"DEL","entity":{"id":")", id, "\"}}"));
      ++deleted;
      continue;
    }
    const std::string name = Member(l, "name");  // properties.name[0]
    if (i % 17 == 3 && !name.empty()) {
      std::string changed = l;
      const size_t at = changed.find("\"" + name + "\"", changed.find("\"name\":"));
      changed.insert(at + 1, "Changed ");
      next.push_back(changed);
      delta.push_back(absl::StrCat(R"({"op":"MOD","entity":)", changed, "}"));
      ++modified;
      continue;
    }
    next.push_back(l);
  }
  for (const char* added :
       {R"({"id":"Qnew1","schema":"Person","properties":{"name":["Added Person"],"country":["sa"]},"datasets":["sa_wiki_peps_v2"],"last_seen":"2024-03-15T00:00:00"})",
        R"({"id":"Qnew2","schema":"Company","properties":{"name":["Added Company"]},"datasets":["sa_wiki_peps_v2"],"last_seen":"2024-03-15T00:00:00"})"}) {
    next.push_back(added);
    delta.push_back(absl::StrCat(R"({"op":"ADD","entity":)", added, "}"));
  }
  ASSERT_GT(modified, 20);
  ASSERT_GT(deleted, 20);
  const std::string old_path = Put("peps-old", text);
  const std::string true_next = Put("peps-true", absl::StrJoin(next, "\n") + "\n");
  const std::string delta_path =
      Put("peps-old", absl::StrJoin(delta, "\n") + "\n", "entities.delta.json");
  const std::string rebuilt = PathOf("peps-rebuilt");
  absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_path, delta_path, rebuilt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->modified, modified);
  EXPECT_EQ(r->deleted, deleted);
  EXPECT_EQ(r->lines_written, static_cast<int64_t>(next.size()));

  const std::string from_delta = ExpectUpdateIsImport(old_path, rebuilt, "delta-peps");
  const std::string true_records = TempPath("delta-peps-true.records");
  ASSERT_TRUE(ImportFtmJsonToStream(true_next, true_records).ok());
  const std::vector<std::string> a = Records(from_delta, true), b = Records(true_records, true);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, b);
}

// A byte-order mark before the first line of either file: that line's
// entity is still found.
TEST(FtmDeltaTest, ByteOrderMarks) {
  const std::string old_path = Put("bom-old", absl::StrCat("\xEF\xBB\xBF", kFtmDay1));
  const std::string delta = Put(
      "bom-old", "\xEF\xBB\xBF{\"op\":\"DEL\",\"entity\":{\"id\":\"p1\"}}\n",
      "entities.delta.json");
  const std::string next = PathOf("bom-next");
  absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_path, delta, next);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->lines_dropped, 1);
  EXPECT_EQ(Read(next).find("\"id\":\"p1\""), std::string::npos);
  EXPECT_NE(Read(next).find("\"id\":\"a1\""), std::string::npos);
}

TEST(FtmDeltaTest, DeltasThatDoNotFitAreRefused) {
  const std::string old_path = Put("refuse-old", kFtmDay1);
  const std::string out = PathOf("refuse-new");
  const auto refused = [&](const std::string& delta_text, const std::string& why) {
    const std::string delta = Put("refuse-old", delta_text, "entities.delta.json");
    absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_path, delta, out);
    ASSERT_FALSE(r.ok()) << delta_text;
    EXPECT_THAT(r.status().message(), HasSubstr(why)) << delta_text;
    EXPECT_FALSE(std::filesystem::exists(out)) << delta_text;
    EXPECT_TRUE(std::filesystem::is_empty(PathOf("refuse-new", ""))) << delta_text;
  };
  const std::string del_c1 = R"({"op":"DEL","entity":{"id":"c1"}})";
  refused(R"({"op":"ADD","entity":{"id":"c1","schema":"Company"}})",
          "line 1: ADD of \"c1\", which " + old_path + " has at line 3");
  refused(del_c1 + "\n" + R"({"op":"MOD","entity":{"id":"zz","schema":"Company"}})",
          "line 2: MOD of \"zz\", which " + old_path + " does not have");
  refused(R"({"op":"DEL","entity":{"id":"zz"}})", "DEL of \"zz\"");
  refused(del_c1 + "\n" + del_c1, "line 2: entity.id: \"c1\" is already at line 1");
  refused(R"({"op":"MERGE","entity":{"id":"c1"}})", "line 1: op: \"MERGE\" is not ADD");
  refused(R"({"entity":{"id":"c1"}})", "line 1: op: missing");
  refused(R"({"op":"DEL","entity":{"id":7}})", "line 1: entity.id: missing");
  refused(R"({"op":"DEL","entity":["c1"]})", "line 1: entity: not an object");
  refused(del_c1 + "\n{\"op\":\"DEL\",", "line 2: line: not JSON");
  refused(R"(["DEL","c1"])", "line 1: line: not a JSON object");
  refused("{\"op\":\"DEL\",\"entity\":{\"id\":\"c\xff\"}}", "line 1: line: not UTF-8 at byte 30");

  // Never over an input.
  const std::string delta = Put("refuse-old", del_c1, "entities.delta.json");
  for (const std::string& target : {old_path, delta}) {
    absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_path, delta, target);
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(r.status().message(), HasSubstr("would destroy it"));
  }
  EXPECT_EQ(Read(old_path), kFtmDay1);
}

}  // namespace
}  // namespace embargo
