// Tests for edition updates of the streaming FtM import
// (lib/io/import/ftm_update.cc): the records an update writes from the
// previous edition's are those a full import of the new edition writes, on
// random editions that add, remove, change, retype and repeat entities,
// on the real exports changed by hand, and on a small case checked by hand.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
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

// The records of a stream, each serialized, sorted: order does not count.
std::vector<std::string> Records(const std::string& path) {
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(path);
  EXPECT_TRUE(f.ok()) << f.status();
  if (!f.ok()) return {};
  return testing_import::SortedRecords(f->dataset);
}

// An edition's file, in a directory of its own: editions share the file
// name, as OpenSanctions' daily exports do.
std::string EditionPath(const std::string& edition) {
  const std::string dir = TempPath(edition);
  std::filesystem::create_directories(dir);
  return dir + "/entities.ftm.json";
}

std::string Write(const std::string& edition, const std::string& text) {
  const std::string path = EditionPath(edition);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

// ExpectUpdateIsImport imports `old_text` in full, updates to `new_text`
// from it, and checks the update's records against a full import of
// `new_text`. Returns the update's report and leaves its records at
// `records_out` (for a chain of updates).
ImportReport ExpectUpdateIsImport(const std::string& old_path,
                                  const std::string& old_records,
                                  const std::string& new_text,
                                  const std::string& edition,
                                  std::string* records_out = nullptr,
                                  int threads = 1) {
  const std::string new_path = Write(edition, new_text);
  const std::string full = TempPath(edition + "-full.records");
  const std::string updated = TempPath(edition + "-update.records");
  FtmStreamOptions o;
  o.block_lines = 37;  // Several blocks, and entities borrowed across them.
  o.threads = threads;
  absl::StatusOr<ImportReport> want = ImportFtmJsonToStream(new_path, full, o);
  EXPECT_TRUE(want.ok()) << want.status();
  absl::StatusOr<ImportReport> got =
      UpdateFtmJsonStream(old_path, old_records, new_path, updated, o);
  EXPECT_TRUE(got.ok()) << got.status();
  if (!want.ok() || !got.ok()) return {};
  const std::vector<std::string> a = Records(full), b = Records(updated);
  std::vector<std::string> missing, extra;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::back_inserter(missing));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty() && extra.empty())
      << edition << ": " << missing.size() << " missing, first: "
      << (missing.empty() ? "" : missing[0].substr(0, 400)) << "\n"
      << extra.size() << " extra, first: "
      << (extra.empty() ? "" : extra[0].substr(0, 400));
  EXPECT_EQ(a.size(), b.size());
  EXPECT_EQ(got->records, want->records) << edition;
  // Actors still come before any relation or sanction.
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(updated);
  if (f.ok() && !f->positions.relations.empty() && !f->positions.actors.empty()) {
    EXPECT_LT(f->positions.actors.back(), f->positions.relations.front());
  }
  if (records_out != nullptr) *records_out = updated;
  return *got;
}

// --- Random editions --------------------------------------------------------

struct Entity {
  std::string id, schema;
  std::vector<std::pair<std::string, std::vector<std::string>>> props;
  std::vector<std::string> datasets;
  std::string first_seen = "2021-01-01T00:00:00", last_seen = "2024-03-10T00:00:00";
  bool repeated = false;  // Written twice.
  // last_seen written first, or with an escape (read by the slow path).
  bool seen_first = false, seen_escaped = false;
};

std::string Quote(const std::string& s) {
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\\", "\\\\"}, {"\"", "\\\""}}),
                      "\"");
}

std::string Line(const Entity& e) {
  std::vector<std::string> props;
  for (const auto& [name, values] : e.props) {
    std::vector<std::string> q;
    for (const std::string& v : values) q.push_back(Quote(v));
    props.push_back(absl::StrCat(Quote(name), ":[", absl::StrJoin(q, ","), "]"));
  }
  std::vector<std::string> ds;
  for (const std::string& d : e.datasets) ds.push_back(Quote(d));
  std::string seen = Quote(e.last_seen);
  if (e.seen_escaped && seen.size() > 2) seen.replace(1, 1, "\\u0032");
  std::string line = absl::StrCat(
      "{", e.seen_first && !e.last_seen.empty() ? "\"last_seen\":" + seen + "," : "",
      "\"id\":", Quote(e.id), ",\"schema\":", Quote(e.schema),
      ",\"properties\":{", absl::StrJoin(props, ","), "},\"datasets\":[",
      absl::StrJoin(ds, ","), "]");
  if (!e.first_seen.empty()) absl::StrAppend(&line, ",\"first_seen\":", Quote(e.first_seen));
  if (!e.last_seen.empty() && !e.seen_first) absl::StrAppend(&line, ",\"last_seen\":", seen);
  return line + "}";
}

class Editions {
 public:
  explicit Editions(uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 160; ++i) entities_.push_back(Make(i));
  }

  std::string Text() const {
    std::string out;
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i];
      absl::StrAppend(&out, Line(e), "\n");
      if (e.repeated) absl::StrAppend(&out, Line(e), "\n");
      if (i % 53 == 7) absl::StrAppend(&out, "{\"id\": \"broken\n");
      if (i % 61 == 3) absl::StrAppend(&out, "\n");
    }
    return out;
  }

  // Next changes the edition as a day's export changes.
  void Next() {
    ++day_;
    std::vector<Entity> next;
    for (Entity& e : entities_) {
      const int r = Roll(1000);
      if (r < 30) continue;  // Removed.
      if (r < 80) Change(e);
      else if (r < 90) Retype(e);
      else if (r < 100) e.datasets.push_back(absl::StrCat("ds", Roll(6)));
      else if (r < 105) e.first_seen = absl::StrCat("2022-0", 1 + Roll(9), "-01T00:00:00");
      else if (r < 110) e.repeated = !e.repeated;
      else if (r < 115) e.seen_escaped = !e.seen_escaped;
      else if (r < 120) e.seen_first = !e.seen_first;
      if (Roll(10) < 8) e.last_seen = absl::StrCat("2024-03-", 10 + day_, "T00:00:00");
      next.push_back(std::move(e));
      if (Roll(1000) < 25) next.push_back(Make(static_cast<int>(Roll(100000)) + 1000));
    }
    // Some lines move.
    for (size_t i = 0; i < next.size(); ++i) {
      if (Roll(100) < 3) std::swap(next[i], next[Roll(next.size())]);
    }
    entities_ = std::move(next);
  }

 private:
  size_t Roll(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  // An id of kind `k` among the first ones (some never made: dangling).
  std::string Some(char k) { return absl::StrCat(std::string(1, k), Roll(190)); }
  std::string Country() {
    static const char* const kCountries[] = {"ru", "kp", "ir", "cn", "ae", "xx", "de"};
    return kCountries[Roll(7)];
  }
  std::string Actor() {
    static const char kKinds[] = {'p', 'c', 'v'};
    return Some(kKinds[Roll(3)]);
  }

  Entity Make(int i) {
    Entity e;
    static const char kKinds[] = {'p', 'c', 'v', 'a', 'i', 'o', 'f', 's', 'u'};
    const char k = kKinds[i % 9];
    e.id = absl::StrCat(std::string(1, k), i);
    e.datasets = {absl::StrCat("ds", Roll(6))};
    if (Roll(20) == 0) e.first_seen.clear();
    switch (k) {
      case 'p':
        e.schema = "Person";
        e.props = {{"name", {absl::StrCat("Ivan \"", i, "\" Petrov")}},
                   {"nationality", {Country()}},
                   {"addressEntity", {Some('a')}}};
        break;
      case 'c':
        e.schema = Roll(2) ? "Company" : "Organization";
        e.props = {{"name", {absl::StrCat("Trade Co ", i)}},
                   {"jurisdiction", {Country()}},
                   {"addressEntity", {Some('a'), Some('a')}}};
        break;
      case 'v':
        e.schema = "Vessel";
        e.props = {{"name", {absl::StrCat("Ship ", i)}}, {"flag", {Country()}}};
        break;
      case 'a':
        e.schema = "Address";
        e.props = {{"full", {absl::StrCat(i, " Harbour Road")}}, {"country", {Country()}}};
        break;
      case 'i':
        e.schema = Roll(2) ? "Passport" : "Identification";
        e.props = {{"holder", {Some('p')}},
                   {"number", {absl::StrCat("N", i)}},
                   {"country", {Country()}}};
        break;
      case 'o':
        e.schema = "Ownership";
        e.props = {{"owner", {Actor()}},
                   {"asset", {Some('c')}},
                   {"percentage", {absl::StrCat(10 + Roll(60))}}};
        break;
      case 'f':
        e.schema = "Family";
        e.props = {{"person", {Some('p')}}, {"relative", {Some('p')}}};
        break;
      case 's': {
        static const char* const kAuthorities[] = {
            "Office of Foreign Assets Control", "Ministry of Finance",
            "State Secretariat for Economic Affairs"};
        e.schema = "Sanction";
        e.props = {{"entity", {Actor()}},
                   {"authority", {kAuthorities[Roll(3)]}},
                   {"country", {Country()}},
                   {"program", {absl::StrCat("PROG-", Roll(4))}}};
        if (Roll(3) > 0) e.props.push_back({"startDate", {"2022-02-24"}});
        break;
      }
      default:
        e.schema = Roll(2) ? "UnknownLink" : "Associate";
        e.props = {{Roll(2) ? "subject" : "person", {Actor()}},
                   {Roll(2) ? "object" : "associate", {Actor()}}};
        break;
    }
    return e;
  }

  // Change alters one property value (a name, a reference, a number).
  void Change(Entity& e) {
    if (e.props.empty()) return;
    auto& [name, values] = e.props[Roll(e.props.size())];
    if (name == "addressEntity") values = {Some('a')};
    else if (name == "holder" || name == "person" || name == "relative") values = {Some('p')};
    else if (name == "owner" || name == "entity" || name == "subject") values = {Actor()};
    else if (name == "asset") values = {Some('c')};
    else if (name == "country" || name == "nationality" || name == "flag" ||
             name == "jurisdiction") values = {Country()};
    else values = {absl::StrCat(values.empty() ? "" : values[0], " ", day_)};
  }

  // Retype gives the entity another schema of a kind its references allow.
  void Retype(Entity& e) {
    if (e.schema == "Person") e.schema = "Company";
    else if (e.schema == "Company") e.schema = "Address";
    else if (e.schema == "Address") e.schema = "Organization";
    else if (e.schema == "Passport") e.schema = "Identification";
    else if (e.schema == "Vessel") e.schema = "Airplane";
    else if (e.schema == "Ownership") e.schema = "Directorship";
  }

  std::mt19937_64 rng_;
  int day_ = 0;
  std::vector<Entity> entities_;
};

// Under AddressSanitizer a chain takes ten times as long: fewer of them.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr uint64_t kChains = 8;
#else
constexpr uint64_t kChains = 40;
#endif

TEST(FtmUpdateTest, RandomEditionsUpdateAsAFullImportWrites) {
  for (uint64_t seed = 1; seed <= kChains; ++seed) {
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    Editions editions(seed);
    std::string old_path = Write(absl::StrCat("s", seed, "-e0"), editions.Text());
    std::string old_records = TempPath(absl::StrCat("s", seed, "-e0.records"));
    ASSERT_TRUE(ImportFtmJsonToStream(old_path, old_records).ok());
    // A chain: each update starts from the records of the one before.
    for (int day = 1; day <= 3; ++day) {
      editions.Next();
      const std::string edition = absl::StrCat("s", seed, "-e", day);
      std::string records;
      ExpectUpdateIsImport(old_path, old_records, editions.Text(), edition,
                           &records, 1 + static_cast<int>(seed % 2));
      if (records.empty()) return;
      old_path = EditionPath(edition);
      old_records = records;
    }
  }
}

// --- Real exports, changed by hand ------------------------------------------

// Changed: every 29th line dropped, every 17th entity's name changed,
// every line's last_seen moved a day on, and two lines swapped.
std::string NextDay(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  std::vector<std::string> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i % 29 == 5) continue;
    std::string l = lines[i];
    const size_t at = l.find("\"last_seen\": \"");
    const size_t at2 = l.find("\"last_seen\":\"");
    if (at != std::string::npos) l.replace(at + 14, 4, "2099");
    if (at2 != std::string::npos) l.replace(at2 + 13, 4, "2099");
    if (i % 17 == 3) {
      const size_t name = l.find("\"name\": [\"");
      if (name != std::string::npos) l.insert(name + 10, "Changed ");
    }
    out.push_back(l);
  }
  if (out.size() > 10) std::swap(out[2], out[9]);
  return absl::StrJoin(out, "\n") + "\n";
}

void ExpectRealExportUpdates(const std::string& file, const std::string& tag) {
  std::ifstream in(file, std::ios::binary);
  ASSERT_TRUE(in) << file;
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  const std::string old_path = Write(tag + "-old", text);
  const std::string old_records = TempPath(tag + "-old.records");
  ASSERT_TRUE(ImportFtmJsonToStream(old_path, old_records).ok());
  const ImportReport r =
      ExpectUpdateIsImport(old_path, old_records, NextDay(text), tag + "-new");
  // Most entities changed only their last_seen and are not mapped again.
  const int64_t lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_GT(r.rows_read, 0);
  EXPECT_LT(r.rows_read, lines / 2) << tag;
}

TEST(FtmUpdateTest, WikidataPepsNextDay) {
  ExpectRealExportUpdates(std::string(EMBARGO_SHARED_DATA_DIR) +
                              "/opensanctions/wd_peps_2024-03/entities.ftm.json",
                          "peps");
}

TEST(FtmUpdateTest, ZalaNextDay) {
  ExpectRealExportUpdates(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/ftm/zala_entities.ftm.json", "zala");
}

// --- By hand ----------------------------------------------------------------

// The next day: the address changed, x1 went, p2 came (r1 now stands), and
// every last_seen moved.
constexpr char kDay2[] =
    R"({"id":"p1","schema":"Person","properties":{"name":["Ivan Petrov"],"addressEntity":["a1"]},"datasets":["ds1"],"first_seen":"2021-01-01","last_seen":"2024-03-11"}
{"id":"a1","schema":"Address","properties":{"full":["2 Harbour Road"],"country":["ru"]},"datasets":["ds1"],"last_seen":"2024-03-11"}
{"id":"c1","schema":"Company","properties":{"name":["Trade Co"]},"datasets":["ds2"],"last_seen":"2024-03-11"}
{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"percentage":["60"]},"datasets":["ds1"],"last_seen":"2024-03-11"}
{"id":"r1","schema":"Family","properties":{"person":["p1"],"relative":["p2"]},"datasets":["ds1"],"last_seen":"2024-03-11"}
{"id":"p2","schema":"Person","properties":{"name":["Anna Petrova"]},"datasets":["ds1"],"last_seen":"2024-03-11"}
)";

TEST(FtmUpdateTest, ByHand) {
  const std::string old_path = Write("hand-old", kFtmDay1);
  const std::string old_records = TempPath("hand-old.records");
  ASSERT_TRUE(ImportFtmJsonToStream(old_path, old_records).ok());
  std::string records;
  const ImportReport r =
      ExpectUpdateIsImport(old_path, old_records, kDay2, "hand-new", &records);
  // Mapped again: a1 (changed), p1 (names a1), p2 (added), r1 (made no
  // record: its relative was missing); c1 and o1 are kept.
  EXPECT_EQ(r.rows_read, 4);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_THAT(r.notes[0], HasSubstr("1 entities added, 1 changed, 1 removed, 4 the same"));
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(records);
  ASSERT_TRUE(f.ok());
  const v1::Actor* c1 = testing_import::FindActor(f->dataset, "FTM-c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->evidence(0).locator(), "line 3 (c1); last seen 2024-03-11");
  const v1::Actor* p1 = testing_import::FindActor(f->dataset, "FTM-p1");
  ASSERT_NE(p1, nullptr);
  EXPECT_THAT(p1->addresses(), ::testing::ElementsAre("2 Harbour Road"));
  EXPECT_EQ(testing_import::FindActor(f->dataset, "FTM-x1"), nullptr);
  bool family = false, ds3 = false;
  for (const v1::Relation& x : f->dataset.relations()) family |= x.id() == "FTM-r1";
  for (const v1::Source& s : f->dataset.sources()) ds3 |= s.id() == "FTM-DATASET-ds3";
  EXPECT_TRUE(family);
  EXPECT_FALSE(ds3);  // Only the removed x1 gave it.
}

TEST(FtmUpdateTest, RecordsOfAnotherExportAreRefused) {
  const std::string old_path = Write("other-old", kFtmDay1);
  const std::string other = Write("other-other", kDay2);
  const std::string other_records = TempPath("other-other.records");
  ASSERT_TRUE(ImportFtmJsonToStream(other, other_records).ok());
  const std::string new_path = Write("other-new", kDay2);
  absl::StatusOr<ImportReport> r = UpdateFtmJsonStream(
      old_path, other_records, new_path, TempPath("other-out.records"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("\"p2\""));
  EXPECT_THAT(r.status().message(), HasSubstr("not imported from it"));

  // Records of another edition of the same entities: their lines differ.
  const absl::string_view day1 = kFtmDay1;
  const std::string first_last = Write(
      "other-shifted",
      absl::StrCat(day1.substr(day1.find('\n') + 1), day1.substr(0, day1.find('\n') + 1)));
  const std::string day1_records = TempPath("other-day1.records");
  ASSERT_TRUE(ImportFtmJsonToStream(old_path, day1_records).ok());
  r = UpdateFtmJsonStream(first_last, day1_records, new_path,
                          TempPath("other-out.records"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("is at line"));
  EXPECT_THAT(r.status().message(), HasSubstr("not imported from that file"));

  // Not a record stream at all.
  r = UpdateFtmJsonStream(old_path, old_path, new_path, TempPath("other-out.records"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(old_path));
}

}  // namespace
}  // namespace embargo
