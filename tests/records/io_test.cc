#include "embargo/io.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing::DatasetBuilder;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("embargo_io_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

v1::Dataset Sample() {
  DatasetBuilder b;
  b.State("RUS").State("PRK").Actor("SHIP", v1::ACTOR_KIND_VESSEL);
  b.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_ALLEGED, 2023, {"SHIP"});
  b.Relation("R1", v1::RELATION_KIND_FLAG, "SHIP", "RUS");
  b.Event("E1", v1::EVENT_KIND_PARADE, {"RUS", "PRK"}, 2023);
  return b.dataset();
}

TEST(IoTest, EveryFormatRoundTrips) {
  const v1::Dataset ds = Sample();
  for (const char* name : {"rt.pb", "rt.textproto", "rt.json", "rt.records"}) {
    const std::string path = TempPath(name);
    ASSERT_TRUE(WriteDatasetFile(ds, path).ok()) << name;
    absl::StatusOr<DatasetFile> back = ReadDatasetFile(path);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        back->dataset.sources(0), ds.sources(0)));
    v1::Dataset expected = ds;
    v1::Dataset got = back->dataset;
    if (back->format == Format::kRecordStream) {
      // Streams carry no dataset name or description.
      expected.clear_name();
      EXPECT_EQ(back->positions.transfers.size(), 1u);
      EXPECT_EQ(back->positions.transfers[0], 1 + 3 + 1);  // Source, actors, event.
    }
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(got, expected))
        << name;
    std::remove(path.c_str());
  }
}

TEST(IoTest, FormatFromPath) {
  EXPECT_EQ(*FormatFromPath("a/b.PB"), Format::kBinary);
  EXPECT_EQ(*FormatFromPath("x.txtpb"), Format::kText);
  EXPECT_EQ(*FormatFromPath("x.json"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("x.records"), Format::kRecordStream);
  EXPECT_EQ(FormatFromPath("x.csv").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*ParseFormat("text"), Format::kText);
  EXPECT_FALSE(ParseFormat("xml").ok());
}

TEST(IoTest, MissingFileIsNotFound) {
  absl::StatusOr<DatasetFile> f = ReadDatasetFile("/nonexistent/x.pb");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(f.status().message(), HasSubstr("/nonexistent/x.pb"));
}

TEST(IoTest, TextSyntaxErrorsHaveLineAndColumn) {
  absl::StatusOr<DatasetFile> f = ParseDatasetBytes(
      "name: \"x\"\nactors {\n  id: \"RUS\"\n  kind: ACTOR_KIND_PLANET\n}\n",
      Format::kText, "bad.textproto");
  ASSERT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  // protobuf places an unknown enum value at the token after it.
  EXPECT_THAT(std::string(f.status().message()),
              ::testing::ContainsRegex("bad\\.textproto:[45]:[0-9]+: "));
  EXPECT_THAT(f.status().message(), HasSubstr("ACTOR_KIND_PLANET"));

  absl::StatusOr<DatasetFile> g = ParseDatasetBytes(
      "actors { id: \"RUS\" colour: 3 }", Format::kText, "u.textproto");
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr("u.textproto:1:"));
  EXPECT_THAT(g.status().message(), HasSubstr("colour"));
}

TEST(IoTest, CorruptBinaryIsDataLoss) {
  std::string bytes;
  Sample().SerializeToString(&bytes);
  absl::StatusOr<DatasetFile> truncated = ParseDatasetBytes(
      bytes.substr(0, bytes.size() - 7), Format::kBinary, "t.pb");
  EXPECT_EQ(truncated.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(truncated.status().message(), HasSubstr("t.pb"));
  absl::StatusOr<DatasetFile> junk =
      ParseDatasetBytes("\xff\xff\xff\xff\xff", Format::kBinary, "j.pb");
  EXPECT_EQ(junk.status().code(), absl::StatusCode::kDataLoss);
}

TEST(IoTest, TruncatedStreamNamesTheRecord) {
  absl::StatusOr<std::string> bytes =
      SerializeDataset(Sample(), Format::kRecordStream);
  ASSERT_TRUE(bytes.ok());
  absl::StatusOr<DatasetFile> f = ParseDatasetBytes(
      bytes->substr(0, bytes->size() - 3), Format::kRecordStream, "s.records");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(f.status().message(), HasSubstr("s.records: record 6"));
  EXPECT_THAT(f.status().message(), HasSubstr("truncated"));
}

TEST(IoTest, HugeClaimedLengthIsRefusedWithoutAllocating) {
  // A length prefix claiming 2^40 bytes.
  std::string bytes = "\x80\x80\x80\x80\x80\x20";
  absl::StatusOr<DatasetFile> f =
      ParseDatasetBytes(bytes, Format::kRecordStream, "h.records");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(f.status().message(), HasSubstr("over the record limit"));
}

TEST(IoTest, EmptyRecordIsAnError) {
  absl::StatusOr<DatasetFile> f =
      ParseDatasetBytes(std::string("\x00", 1), Format::kRecordStream, "e.records");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(f.status().message(), HasSubstr("record 0"));
}

TEST(IoTest, DeepJsonIsRefused) {
  std::string deep = "{\"name\": " + std::string(1000, '[') +
                     std::string(1000, ']') + "}";
  absl::StatusOr<DatasetFile> f = ParseDatasetBytes(deep, Format::kJson, "d.json");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(f.status().message(), HasSubstr("nested deeper"));
}

TEST(IoTest, JsonErrorsNameTheFile) {
  absl::StatusOr<DatasetFile> f =
      ParseDatasetBytes("{\"actors\": [{\"kind\": \"NOPE\"}]}", Format::kJson, "k.json");
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(f.status().message(), HasSubstr("k.json"));
}

TEST(IoTest, StreamWriterAppends) {
  const std::string path = TempPath("w.records");
  absl::StatusOr<std::unique_ptr<RecordStreamWriter>> w =
      RecordStreamWriter::Open(path);
  ASSERT_TRUE(w.ok());
  v1::Record r;
  r.mutable_actor()->set_id("RUS");
  ASSERT_TRUE((*w)->Write(r).ok());
  r.mutable_source()->set_id("s");
  ASSERT_TRUE((*w)->Write(r).ok());
  EXPECT_EQ((*w)->records_written(), 2);
  ASSERT_TRUE((*w)->Close().ok());
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(path);
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->dataset.actors_size(), 1);
  EXPECT_EQ(f->dataset.sources_size(), 1);
  EXPECT_EQ(f->positions.sources[0], 1);
  std::remove(path.c_str());
}

// The writer hands records to the file a megabyte at a time: a stream of
// several megabytes, records written whole and as bytes, reads back in
// order; what is written reaches the file without Close too; and a write
// that fails is reported (here at Close, where the last bytes go).
TEST(IoTest, StreamWriterBuffersAcrossChunks) {
  const std::string path = TempPath("chunks.records");
  constexpr int kRecords = 30000;
  {
    absl::StatusOr<std::unique_ptr<RecordStreamWriter>> w =
        RecordStreamWriter::Open(path);
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < kRecords; ++i) {
      v1::Record r;
      v1::Actor& a = *r.mutable_actor();
      a.set_id(absl::StrCat("A", i));
      a.set_name(std::string(100 + i % 300, static_cast<char>('a' + i % 26)));
      if (i % 2 == 0) {
        ASSERT_TRUE((*w)->Write(r).ok());
      } else {
        ASSERT_TRUE((*w)->WriteSerialized(r.SerializeAsString()).ok());
      }
    }
    EXPECT_EQ((*w)->records_written(), kRecords);
    ASSERT_TRUE((*w)->Close().ok());
  }
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(path);
  ASSERT_TRUE(f.ok()) << f.status();
  ASSERT_EQ(f->dataset.actors_size(), kRecords);
  for (int i : {0, 1, 9999, kRecords - 1}) {
    EXPECT_EQ(f->dataset.actors(i).id(), absl::StrCat("A", i));
    EXPECT_EQ(f->dataset.actors(i).name().size(), size_t(100 + i % 300));
  }
  {
    absl::StatusOr<std::unique_ptr<RecordStreamWriter>> w =
        RecordStreamWriter::Open(path);
    ASSERT_TRUE(w.ok());
    v1::Record r;
    r.mutable_actor()->set_id("PRK");
    ASSERT_TRUE((*w)->Write(r).ok());
  }  // No Close.
  f = ReadDatasetFile(path);
  ASSERT_TRUE(f.ok()) << f.status();
  ASSERT_EQ(f->dataset.actors_size(), 1);
  EXPECT_EQ(f->dataset.actors(0).id(), "PRK");
  std::remove(path.c_str());
  if (std::ifstream("/dev/full").good()) {
    absl::StatusOr<std::unique_ptr<RecordStreamWriter>> w =
        RecordStreamWriter::Open("/dev/full");
    ASSERT_TRUE(w.ok()) << w.status();
    v1::Record r;
    r.mutable_actor()->set_id("UKR");
    ASSERT_TRUE((*w)->Write(r).ok());  // Still in the buffer.
    const absl::Status closed = (*w)->Close();
    EXPECT_FALSE(closed.ok());
    EXPECT_THAT(closed.message(), HasSubstr("/dev/full"));
  }
}

TEST(IoTest, BundledDatasetReads) {
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(
      std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_GT(f->dataset.actors_size(), 10);
  EXPECT_GT(f->dataset.transfers_size(), 2);
}

}  // namespace
}  // namespace embargo
