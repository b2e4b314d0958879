// Tests for the streaming FtM importer (lib/io/import/ftm_stream.cc): the
// records it writes block by block are those ImportFtmJson makes of the
// whole file, on the real exports and on generated ones.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/import/ftm.h"
#include "embargo/import/opensanctions.h"
#include "embargo/io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"
#include "tests/testing/ftm_generator.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing_import::TempPath;
using testing_import::WriteTemp;

std::vector<std::string> Records(const v1::Dataset& ds) {
  return testing_import::SortedRecords(ds);
}

// kept_line_bytes < 0 keeps the default budget for the lines blocks share.
void ExpectSameAsWholeFile(const std::string& path, int64_t block_lines,
                           int threads = 1, int64_t kept_line_bytes = -1) {
  absl::StatusOr<ImportResult> whole = ImportFtmJson(path);
  ASSERT_TRUE(whole.ok()) << whole.status();
  const std::string out = TempPath("ftm_stream_test.records");
  FtmStreamOptions o;
  o.block_lines = block_lines;
  o.threads = threads;
  if (kept_line_bytes >= 0) o.kept_line_bytes = kept_line_bytes;
  int calls = 0;
  o.progress = [&](int64_t done, int64_t total, int pass) {
    EXPECT_LE(done, total);
    EXPECT_TRUE(pass == 1 || pass == 2);
    ++calls;
  };
  absl::StatusOr<ImportReport> rep = ImportFtmJsonToStream(path, out, o);
  ASSERT_TRUE(rep.ok()) << rep.status();
  EXPECT_GE(calls, 2);
  EXPECT_EQ(rep->rows_read, whole->report.rows_read);
  EXPECT_EQ(rep->rows_imported, whole->report.rows_imported);
  ASSERT_EQ(rep->rows_rejected(), whole->report.rows_rejected());
  for (int i = 0; i < rep->rows_rejected(); ++i) {
    EXPECT_EQ(rep->rejected[i].line, whole->report.rejected[i].line);
    EXPECT_EQ(rep->rejected[i].reason, whole->report.rejected[i].reason);
  }
  EXPECT_EQ(rep->records, whole->report.records);
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(out);
  ASSERT_TRUE(f.ok()) << f.status();
  const std::vector<std::string> got = Records(f->dataset),
                                 want = Records(whole->dataset);
  std::vector<std::string> missing, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty() && extra.empty())
      << missing.size() << " missing, first: "
      << (missing.empty() ? "" : missing[0].substr(0, 300)) << "\n"
      << extra.size() << " extra, first: "
      << (extra.empty() ? "" : extra[0].substr(0, 300));
  // Actors come before any relation or sanction in the stream.
  if (!f->positions.relations.empty()) {
    EXPECT_LT(f->positions.actors.back(), f->positions.relations.front());
  }
}

TEST(FtmStreamTest, ZalaInBlocksOfSevenLines) {
  const std::string zala =
      std::string(EMBARGO_SHARED_DATA_DIR) + "/ftm/zala_entities.ftm.json";
  ExpectSameAsWholeFile(zala, 7);
  // The lines blocks share read again from the file instead of kept.
  ExpectSameAsWholeFile(zala, 7, 1, /*kept_line_bytes=*/0);
}

TEST(FtmStreamTest, WikidataPepsInBlocks) {
  ExpectSameAsWholeFile(std::string(EMBARGO_SHARED_DATA_DIR) +
                            "/opensanctions/wd_peps_2024-03/entities.ftm.json",
                        100);
}

TEST(FtmStreamTest, GeneratedExport) {
  const std::string path = TempPath("generated.ftm.json");
  {
    std::ofstream out(path);
    testing_ftm::WriteEntities(out, 3000, 7);
  }
  ExpectSameAsWholeFile(path, 250);
  // The lines blocks share read again from the file, all of them or those
  // beyond a budget that holds some.
  ExpectSameAsWholeFile(path, 250, 1, /*kept_line_bytes=*/0);
  ExpectSameAsWholeFile(path, 250, 1, /*kept_line_bytes=*/5000);
  // The mix is as documented (3000 entities: within a few percent).
  int persons = 0, sanctions = 0;
  for (int64_t i = 0; i < 3000; ++i) {
    const std::string s = testing_ftm::SchemaOf(i, 7);
    persons += s == "Person";
    sanctions += s == "Sanction";
  }
  EXPECT_NEAR(persons / 3000.0, 0.38, 0.03);
  EXPECT_NEAR(sanctions / 3000.0, 0.14, 0.03);
}

// An actor named as an address by an actor of another block is written
// once (it was once per block that named it), and an actor takes the
// identifiers of Identification entities in the order of their ids, whether
// its block holds them or borrows them.
TEST(FtmStreamTest, EntitiesReadAcrossBlocksAreWrittenOnce) {
  const std::string path = WriteTemp(
      "stream_across.ftm.json",
      R"({"id":"i2","schema":"Identification","properties":{"holder":["p1"],"number":["N2"]}}
{"id":"i9","schema":"Passport","properties":{"holder":["p1"],"number":["P9"]}}
{"id":"p1","schema":"Person","properties":{"name":["Ivan Petrov"],"addressEntity":["org1"]}}
{"id":"i5","schema":"Identification","properties":{"holder":["p1"],"number":["N5"]}}
{"id":"p2","schema":"Person","properties":{"name":["Anna Petrova"],"addressEntity":["org1"]}}
{"id":"org1","schema":"Organization","properties":{"name":["Trade Co"]}}
)");
  for (int block : {1, 2, 3, 100}) {
    for (int64_t kept : {-1, 0, 100}) {
      SCOPED_TRACE(absl::StrCat("blocks of ", block, ", kept ", kept));
      ExpectSameAsWholeFile(path, block, 1, kept);
    }
  }
  absl::StatusOr<ImportResult> whole = ImportFtmJson(path);
  ASSERT_TRUE(whole.ok());
  const v1::Actor* p1 = testing_import::FindActor(whole->dataset, "FTM-p1");
  ASSERT_NE(p1, nullptr);
  std::vector<std::string> ids;
  for (const v1::Identifier& i : p1->identifiers()) {
    if (i.scheme() != "FTM_ID") ids.push_back(i.value());
  }
  EXPECT_THAT(ids, ::testing::ElementsAre("N2", "N5", "P9"));
}

TEST(FtmStreamTest, BadLinesAndDuplicatesAcrossBlocks) {
  const std::string path = WriteTemp(
      "stream_bad.ftm.json",
      R"({"id":"a1","schema":"Person","properties":{"name":["Ann"],"addressEntity":["ad1"]}}
{"id":"c1","schema":"Company","properties":{"name":["Co"]}}
{"id":"bad", "schema":
{"id":"a1","schema":"Person","properties":{"name":["Ann again"]}}
{"id":"o1","schema":"Ownership","properties":{"owner":["a1"],"asset":["c1"],"percentage":["60"]}}
{"id":"ad1","schema":"Address","properties":{"full":["1 Main St"]}}
{"id":"p1","schema":"Passport","properties":{"holder":["a1"],"number":["X123"]}}
{"id":"o2","schema":"Ownership","properties":{"owner":["ad1"],"asset":["c1"]}}
)");
  ExpectSameAsWholeFile(path, 2);
  const std::string out = TempPath("stream_bad.records");
  FtmStreamOptions o;
  o.block_lines = 2;
  absl::StatusOr<ImportReport> rep = ImportFtmJsonToStream(path, out, o);
  ASSERT_TRUE(rep.ok());
  ASSERT_EQ(rep->rows_rejected(), 3);
  EXPECT_EQ(rep->rejected[0].line, 3);
  EXPECT_EQ(rep->rejected[1].line, 4);
  EXPECT_THAT(rep->rejected[1].reason, HasSubstr("first at line 1"));
  EXPECT_EQ(rep->rejected[2].line, 8);
  EXPECT_THAT(rep->rejected[2].reason, HasSubstr("is a Address"));
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(out);
  ASSERT_TRUE(f.ok());
  const v1::Actor* ann = testing_import::FindActor(f->dataset, "FTM-a1");
  ASSERT_NE(ann, nullptr);
  // Address and passport from other blocks reached their actor.
  EXPECT_THAT(ann->addresses(), ::testing::ElementsAre("1 Main St"));
  EXPECT_TRUE(testing_import::HasIdentifier(*ann, "PASSPORT", "X123"));
}

// Lines with an id that the importer rejects leave the id to a later line,
// and references to them dangle, as in the whole-file import: a literal
// that is not JSON (which pass 1's quick reader does not check), a byte
// that is not UTF-8 and a schema the model lacks, each in a block of its
// own, with the line that then bears the id and a relation to it in
// others.
TEST(FtmStreamTest, RejectedLinesDoNotClaimTheirIds) {
  const std::string path = WriteTemp(
      "stream_claims.ftm.json",
      "{\"id\":\"a1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann\"]},"
      "\"target\":tru}\n"
      "{\"id\":\"b1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"B \xFF\"]}}\n"
      "{\"id\":\"c1\",\"schema\":\"Spaceship\",\"properties\":{}}\n"
      "{\"id\":\"a1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann 2\"]}}\n"
      "{\"id\":\"o1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"a1\"],"
      "\"asset\":[\"b1\"]}}\n"
      "{\"id\":\"o2\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"a1\"],"
      "\"asset\":[\"c1\"]}}\n"
      "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"C\"]}}\n");
  ExpectSameAsWholeFile(path, 1);
  ExpectSameAsWholeFile(path, 3);
  const std::string out = TempPath("stream_claims.records");
  FtmStreamOptions o;
  o.block_lines = 1;
  absl::StatusOr<ImportReport> rep = ImportFtmJsonToStream(path, out, o);
  ASSERT_TRUE(rep.ok()) << rep.status();
  std::vector<int64_t> rejected;
  for (const auto& r : rep->rejected) rejected.push_back(r.line);
  // Lines 1-3 are unreadable; o1 names b1, which no line bears.
  EXPECT_THAT(rejected, ::testing::ElementsAre(1, 2, 3, 5));
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(out);
  ASSERT_TRUE(f.ok());
  const v1::Actor* ann = testing_import::FindActor(f->dataset, "FTM-a1");
  ASSERT_NE(ann, nullptr);
  EXPECT_EQ(ann->name(), "Ann 2");
  EXPECT_NE(testing_import::FindActor(f->dataset, "FTM-c1"), nullptr);
  ASSERT_EQ(f->dataset.relations_size(), 1);
  EXPECT_EQ(f->dataset.relations(0).object_id(), "FTM-c1");
}

// What the importer passes over or strips: a UTF-8 byte-order mark before
// the first line (an Address another block borrows), lines of nothing but
// white space, and no newline after the last line; with a misread line
// among them, in blocks of one to four lines, on one and two threads.
TEST(FtmStreamTest, ByteOrderMarkBlankLinesAndNoLastNewline) {
  const std::string path = WriteTemp(
      "stream_blank.ftm.json",
      "\xEF\xBB\xBF{\"id\":\"ad1\",\"schema\":\"Address\",\"properties\":"
      "{\"full\":[\"1 Main St\"]}}\n"
      "\t\n"
      "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Co\"]}}\n"
      "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"X\"]},"
      "\"t\":tru}\n"
      " \f \r\n"
      "{\"id\":\"a1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann\"],"
      "\"addressEntity\":[\"ad1\"]}}\n"
      "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"X2\"]}}\n"
      "{\"id\":\"o1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"a1\"],"
      "\"asset\":[\"c1\"]}}\n"
      "{\"id\":\"o2\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"x1\"],"
      "\"asset\":[\"c1\"]}}");
  for (int threads : {1, 2}) {
    for (int64_t block = 1; block <= 4; ++block) {
      SCOPED_TRACE(absl::StrCat(threads, " threads, blocks of ", block));
      ExpectSameAsWholeFile(path, block, threads);
    }
  }
  const std::string out = TempPath("stream_blank.records");
  FtmStreamOptions o;
  o.block_lines = 2;
  absl::StatusOr<ImportReport> rep = ImportFtmJsonToStream(path, out, o);
  ASSERT_TRUE(rep.ok()) << rep.status();
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(out);
  ASSERT_TRUE(f.ok());
  const v1::Actor* ann = testing_import::FindActor(f->dataset, "FTM-a1");
  ASSERT_NE(ann, nullptr);
  EXPECT_THAT(ann->addresses(), ::testing::ElementsAre("1 Main St"));
  const v1::Actor* x = testing_import::FindActor(f->dataset, "FTM-x1");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->name(), "X2");
  EXPECT_EQ(f->dataset.relations_size(), 2);
}

TEST(FtmStreamTest, WholeFileErrorsNameTheLine) {
  const std::string out = TempPath("stream_err.records");
  static const char kNul[] =
      "{\"id\":\"a\",\"schema\":\"Person\"}\n{\"id\":\"b\"\0}\n";
  const std::string nul = WriteTemp("stream_nul.ftm.json",
                                    std::string(kNul, sizeof(kNul) - 1));
  absl::StatusOr<ImportReport> r = ImportFtmJsonToStream(nul, out);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("stream_nul.ftm.json:2:10: NUL byte"));
  const std::string bom = WriteTemp("stream_bom.ftm.json", "\xFF\xFE{\0");
  r = ImportFtmJsonToStream(bom, out);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(":1:1: UTF-16"));
  r = ImportFtmJsonToStream(TempPath("no-such.ftm.json"), out);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace embargo
