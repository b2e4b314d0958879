// Graph images: every graph reads back exactly as it was written, and a
// damaged or inconsistent file is refused with the section and item named.

#include "embargo/image.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "embargo/graph.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/image_internal.h"
#include "tests/io/import/list_test_util.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using testing_import::TempPath;
using testing_import::WriteTemp;

constexpr char kArticle[] = EMBARGO_SOURCE_DIR "/examples/data/article_2023.textproto";

constexpr char kNodes[] =
    "id:ID,name,kind:LABEL,country\n"
    "RUS,Russia,State,\n"
    "PRK,North Korea,State,\n"
    "USA,United States,State,\n"
    "OFAC,US Treasury OFAC,Authority,USA\n"
    "C000001,Front Ltd,Company,PRK\n"
    "C000002,Holding,Company,RUS\n"
    "P000001,Ivan Petrov,Person,RUS\n"
    "V000001,Sea Star,Vessel,RUS\n";

constexpr char kEdges[] =
    ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n"
    "C000002,C000001,OWNS,50.0,,,\n"
    "P000001,C000002,OWNS,60.0,,,\n"
    "P000001,C000002,DIRECTS,,,,\n"
    "C000002,V000001,OPERATES,,,,\n"
    "V000001,RUS,FLAG,,,2019,\n"
    "PRK,RUS,TRANSFER,,artillery_ammunition,2023,confirmed\n"
    "RUS,PRK,TRANSFER,,components,,alleged\n"
    "OFAC,C000001,SANCTIONS,,DPRK3,2018,\n"
    "OFAC,P000001,SANCTIONS,,RUSSIA-EO14024,2022,\n";

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every observable part of two graphs is equal.
void ExpectSameGraph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.num_nodes(), b.num_nodes());
  ASSERT_EQ(a.num_edges(), b.num_edges());
  ASSERT_EQ(a.sources().size(), b.sources().size());
  for (size_t i = 0; i < a.sources().size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(a.sources()[i], b.sources()[i]));
  }
  for (uint32_t i = 0; i < a.num_nodes(); ++i) {
    const NodeId n(i);
    EXPECT_EQ(a.node_id(n), b.node_id(n));
    EXPECT_EQ(a.node_name(n), b.node_name(n));
    EXPECT_EQ(a.node_country(n), b.node_country(n));
    EXPECT_EQ(a.node_kind(n), b.node_kind(n));
    EXPECT_TRUE(MessageDifferencer::Equals(a.NodeRecord(n), b.NodeRecord(n)))
        << a.node_id(n);
    EXPECT_EQ(a.NodeOrigin(n).file, b.NodeOrigin(n).file);
    EXPECT_EQ(a.NodeOrigin(n).record, b.NodeOrigin(n).record);
    EXPECT_EQ(b.FindNode(a.node_id(n)), n);
    EXPECT_EQ(a.FindByName(a.node_name(n)), b.FindByName(a.node_name(n)));
    std::vector<std::tuple<uint32_t, uint32_t, bool>> ia, ib;
    for (const Incidence& x : a.Incidences(n)) ia.emplace_back(x.other.value(), x.edge.value(), x.along);
    for (const Incidence& x : b.Incidences(n)) ib.emplace_back(x.other.value(), x.edge.value(), x.along);
    EXPECT_EQ(ia, ib) << a.node_id(n);
  }
  for (uint32_t i = 0; i < a.num_edges(); ++i) {
    const EdgeId e(i);
    const EdgeInfo x = a.edge(e), y = b.edge(e);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.item, y.item);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.days, y.days);
    EXPECT_EQ(x.share_percent, y.share_percent);
    EXPECT_EQ(a.EdgeRecordId(e), b.EdgeRecordId(e));
    EXPECT_TRUE(MessageDifferencer::Equals(a.EdgeRecord(e), b.EdgeRecord(e)));
    EXPECT_EQ(a.EdgeOrigin(e).file, b.EdgeOrigin(e).file);
    EXPECT_EQ(a.EdgeOrigin(e).record, b.EdgeOrigin(e).record);
    const std::vector<v1::Evidence> ea = a.Evidence(e), eb = b.Evidence(e);
    ASSERT_EQ(ea.size(), eb.size());
    for (size_t k = 0; k < ea.size(); ++k) {
      EXPECT_TRUE(MessageDifferencer::Equals(ea[k], eb[k]));
    }
  }
}

Graph RoundTrip(const Graph& g, const std::string& name) {
  const std::string path = TempPath(name);
  EXPECT_TRUE(WriteGraphImage(g, path).ok());
  absl::StatusOr<Graph> back = ReadGraphImage(path);
  EXPECT_TRUE(back.ok()) << back.status();
  return back.ok() ? *back : g;
}

TEST(GraphImageTest, ArticleGraphReadsBackWhole) {
  absl::StatusOr<Graph> g = LoadGraph({kArticle});
  ASSERT_TRUE(g.ok()) << g.status();
  const Graph back = RoundTrip(*g, "article.egraph");
  ExpectSameGraph(*g, back);
  // The main job's query gives the same answer on the image.
  Filter f;
  f.direction = Direction::kEither;
  absl::StatusOr<Paths> pa = AllPaths(*g, *g->FindNode("PRK"), *g->FindNode("RUS"), 3, f);
  absl::StatusOr<Paths> pb = AllPaths(back, *back.FindNode("PRK"), *back.FindNode("RUS"), 3, f);
  ASSERT_TRUE(pa.ok() && pb.ok());
  ASSERT_GT(pa->paths.size(), 0u);
  EXPECT_EQ(pa->paths.size(), pb->paths.size());
}

TEST(GraphImageTest, LoadGraphReadsImagesByName) {
  absl::StatusOr<Graph> g = LoadGraph({kArticle});
  ASSERT_TRUE(g.ok());
  const std::string path = TempPath("by_name.egraph");
  ASSERT_TRUE(WriteGraphImage(*g, path).ok());
  absl::StatusOr<Graph> back = LoadGraph({path});
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameGraph(*g, *back);
  // An image is a whole graph: it does not load with other files.
  absl::StatusOr<Graph> mixed = LoadGraph({path, kArticle});
  EXPECT_EQ(mixed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(mixed.status().message(), HasSubstr("load it alone"));
}

TEST(GraphImageTest, CsvAndRecordStreamGraphsReadBackWhole) {
  const std::string nodes = WriteTemp("img_nodes.csv", kNodes);
  const std::string edges = WriteTemp("img_edges.csv", kEdges);
  absl::StatusOr<Neo4jCsvGraph> csv = LoadNeo4jCsvGraph(nodes, edges);
  ASSERT_TRUE(csv.ok()) << csv.status();
  ASSERT_EQ(csv->graph.num_edges(), 9u);
  ExpectSameGraph(csv->graph, RoundTrip(csv->graph, "csv.egraph"));

  absl::StatusOr<ImportResult> imported = ImportNeo4jCsv(nodes, edges);
  ASSERT_TRUE(imported.ok());
  const std::string stream = TempPath("img.records");
  ASSERT_TRUE(WriteDatasetFile(imported->dataset, stream, Format::kRecordStream).ok());
  absl::StatusOr<Graph> g = LoadGraph({stream});
  ASSERT_TRUE(g.ok());
  ExpectSameGraph(*g, RoundTrip(*g, "stream.egraph"));
}

TEST(GraphImageTest, RandomGraphsReadBackWhole) {
  std::mt19937 rng(20261128);
  for (int i = 0; i < 50; ++i) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random.pb");
    absl::StatusOr<Graph> g = b.Build();
    ASSERT_TRUE(g.ok()) << g.status();
    ExpectSameGraph(*g, RoundTrip(*g, "random.egraph"));
  }
}

TEST(GraphImageTest, EqualGraphsGiveEqualFiles) {
  absl::StatusOr<Graph> a = LoadGraph({kArticle});
  absl::StatusOr<Graph> b = LoadGraph({kArticle});
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string pa = TempPath("a.egraph"), pb = TempPath("b.egraph");
  ASSERT_TRUE(WriteGraphImage(*a, pa).ok());
  ASSERT_TRUE(WriteGraphImage(*b, pb).ok());
  EXPECT_EQ(ReadBytes(pa), ReadBytes(pb));
}

// Regression: the writer opened a predictable OUT.tmp, following symlinks,
// and renamed it over whatever OUT was. A symlink planted at OUT.tmp must
// not get its target overwritten; a symlink or device at OUT is refused.
TEST(GraphImageTest, WriterNeverFollowsOrReplacesNonRegularFiles) {
  absl::StatusOr<Graph> g = LoadGraph({kArticle});
  ASSERT_TRUE(g.ok());
  const std::string victim = WriteTemp("victim.txt", "precious\n");
  const std::string out = TempPath("planted.egraph");
  std::remove(out.c_str());
  std::remove((out + ".tmp").c_str());
  ASSERT_EQ(symlink(victim.c_str(), (out + ".tmp").c_str()), 0);
  ASSERT_TRUE(WriteGraphImage(*g, out).ok());
  EXPECT_EQ(ReadBytes(victim), "precious\n");
  EXPECT_TRUE(ReadGraphImage(out).ok());
  std::remove((out + ".tmp").c_str());

  // A symlink at OUT: refused, the link and its target left alone.
  const std::string link = TempPath("link.egraph");
  std::remove(link.c_str());
  ASSERT_EQ(symlink(victim.c_str(), link.c_str()), 0);
  absl::Status s = WriteGraphImage(*g, link);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("a symbolic link"));
  struct stat st;
  ASSERT_EQ(lstat(link.c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_EQ(ReadBytes(victim), "precious\n");
  std::remove(link.c_str());

  // A device at OUT: refused, still a device.
  s = WriteGraphImage(*g, "/dev/null");
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_EQ(lstat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  // A directory at OUT: refused.
  EXPECT_THAT(WriteGraphImage(*g, ::testing::TempDir()).message(),
              HasSubstr("a directory"));
}

// ---- damaged and inconsistent files ---------------------------------------

// The layout of image_format.h: a 64-byte header, then 32-byte table entries
// (u32 id, u32 element size, u64 offset, u64 count, u64 checksum).
struct Section {
  uint64_t offset, count;
};
Section FindSection(const std::string& bytes, uint32_t id) {
  Section s;
  std::memcpy(&s.offset, bytes.data() + 64 + 32 * id + 8, 8);
  std::memcpy(&s.count, bytes.data() + 64 + 32 * id + 16, 8);
  return s;
}
// Section ids, in the order image_format.h lists them.
constexpr uint32_t kNodeIdBytes = 9, kNodeNameOffsets = 10, kNodeNameBytes = 11,
                   kNodeCountryBytes = 13, kNodeKind = 14,
                   kEdgeTo = 17, kEdgeStatus = 20, kEdgeShare = 22,
                   kRowStart = 28, kRowOther = 29, kRowEntry = 30;

// The error of reading `bytes` without checksums ("" when it reads).
std::string ReadUnchecked(const std::string& bytes) {
  return std::string(
      internal::ReadImageBytes("x.egraph", reinterpret_cast<const uint8_t*>(bytes.data()),
                               bytes.size(), /*verify_checksums=*/false)
          .status()
          .message());
}

class DamagedImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string nodes = WriteTemp("dmg_nodes.csv", kNodes);
    const std::string edges = WriteTemp("dmg_edges.csv", kEdges);
    absl::StatusOr<Neo4jCsvGraph> g = LoadNeo4jCsvGraph(nodes, edges);
    ASSERT_TRUE(g.ok());
    path_ = TempPath("damaged.egraph");
    ASSERT_TRUE(WriteGraphImage(g->graph, path_).ok());
    bytes_ = ReadBytes(path_);
    ASSERT_EQ(ReadUnchecked(bytes_), "");
  }
  template <typename T>
  void Set(uint32_t section, uint64_t index, T value) {
    const Section s = FindSection(bytes_, section);
    ASSERT_LT(index, s.count);
    std::memcpy(bytes_.data() + s.offset + index * sizeof(T), &value, sizeof(T));
  }
  template <typename T>
  T Get(uint32_t section, uint64_t index) {
    T value;
    std::memcpy(&value, bytes_.data() + FindSection(bytes_, section).offset + index * sizeof(T),
                sizeof(T));
    return value;
  }
  std::string path_;
  std::string bytes_;
};

TEST_F(DamagedImageTest, ChecksumNamesTheDamagedSection) {
  Set<uint8_t>(kNodeIdBytes, 0, 'X');  // RUS -> XUS
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes_;
  absl::StatusOr<Graph> g = ReadGraphImage(path_);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(), HasSubstr(path_));
  EXPECT_THAT(g.status().message(), HasSubstr("section node_id.bytes: checksum mismatch"));
}

TEST_F(DamagedImageTest, TruncatedOrForeignFilesAreRefused) {
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes_.substr(0, bytes_.size() - 100);
  absl::StatusOr<Graph> g = ReadGraphImage(path_);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr("truncated"));

  std::ofstream(path_, std::ios::binary | std::ios::trunc) << "id:ID,name\nRUS,Russia\n" << std::string(100, ' ');
  g = ReadGraphImage(path_);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr("not a graph image"));

  std::string other = bytes_;
  other[8] = 9;  // Version 9.
  EXPECT_THAT(ReadUnchecked(other), HasSubstr("format version 9"));

  g = ReadGraphImage(TempPath("missing.egraph"));
  EXPECT_EQ(g.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(DamagedImageTest, AnEdgeEndOutOfRangeIsRefused) {
  Set<uint32_t>(kEdgeTo, 0, 1000);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("edge 0"));
}

TEST_F(DamagedImageTest, AnEdgeMovedWithoutItsRowsIsRefused) {
  // Edge 0 (C000002 -> C000001) now ends at PRK: its row entries disagree.
  Set<uint32_t>(kEdgeTo, 0, 1);
  EXPECT_THAT(ReadUnchecked(bytes_),
              HasSubstr("section row_entry: entry"));
}

TEST_F(DamagedImageTest, RowsOutOfOrderOrRepeatedAreRefused) {
  // Swap the first two entries of the first row with two or more entries.
  const uint32_t n = static_cast<uint32_t>(FindSection(bytes_, kRowStart).count - 1);
  for (uint32_t u = 0; u < n; ++u) {
    const uint32_t lo = Get<uint32_t>(kRowStart, u), hi = Get<uint32_t>(kRowStart, u + 1);
    if (hi - lo < 2) continue;
    const uint64_t a = Get<uint64_t>(kRowEntry, lo), b = Get<uint64_t>(kRowEntry, lo + 1);
    const uint32_t oa = Get<uint32_t>(kRowOther, lo), ob = Get<uint32_t>(kRowOther, lo + 1);
    const std::string original = bytes_;
    Set<uint64_t>(kRowEntry, lo, b);
    Set<uint64_t>(kRowEntry, lo + 1, a);
    Set<uint32_t>(kRowOther, lo, ob);
    Set<uint32_t>(kRowOther, lo + 1, oa);
    EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("section row_entry"));
    bytes_ = original;
    // The same entry twice in a row.
    Set<uint64_t>(kRowEntry, lo + 1, a);
    Set<uint32_t>(kRowOther, lo + 1, oa);
    EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("section row_entry"));
    return;
  }
  FAIL() << "no row with two entries";
}

TEST_F(DamagedImageTest, StringsOutsideTheirBytesOrNotUtf8AreRefused) {
  const std::string original = bytes_;
  Set<uint8_t>(kNodeNameBytes, 0, 0xFF);  // "Russia" no longer UTF-8.
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("section node_name.bytes: not UTF-8"));
  bytes_ = original;
  // "Россия" in place of "Russia" is UTF-8 but longer: the second name
  // would start inside a character.
  Set<uint64_t>(kNodeNameOffsets, 1, 3);
  Set<uint8_t>(kNodeNameBytes, 2, 0xD0);
  Set<uint8_t>(kNodeNameBytes, 3, 0xBE);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("starts inside a character"));
  bytes_ = original;
  Set<uint64_t>(kNodeNameOffsets, 1, uint64_t{1} << 60);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("past the bytes"));
}

TEST_F(DamagedImageTest, RepeatedOrStrayCompactRowsAreRefused) {
  // Compact rows: 8 actors, then the 9 edges'; each is 24 bytes, its line
  // the second u32. Edge 1's record gets edge 0's line, so its id repeats.
  const std::string original = bytes_;
  const uint64_t rows = FindSection(bytes_, 27 /* compact */).offset;
  ASSERT_EQ(FindSection(bytes_, 27).count, 17u);
  std::memcpy(bytes_.data() + rows + 9 * 24 + 4, bytes_.data() + rows + 8 * 24 + 4, 4);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("record id E2 repeats"));
  bytes_ = original;
  // Edge 0 points at node 0's row instead of its own: its own row is stray
  // and node 0's is not an edge's.
  Set<uint32_t>(23 /* edge_record */, 0, 0x80000000u);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("edge 0"));
}

TEST_F(DamagedImageTest, ARowStartThatGoesBackIsRefused) {
  Set<uint32_t>(kRowStart, 1, 1000);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("section row_start"));
}

TEST_F(DamagedImageTest, ColumnsThatBreakTheRecordsAreRefused) {
  Set<int32_t>(kEdgeStatus, 0, 99);  // No such status.
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("edge 0"));
}

TEST_F(DamagedImageTest, OwnershipSharesOutOfRangeAreRefused) {
  // Edge 0 is C000002's 50 % of C000001, its only owner.
  Set<double>(kEdgeShare, 0, 100.0);
  ASSERT_EQ(ReadUnchecked(bytes_), "");
  Set<double>(kEdgeShare, 0, 100.5);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("edge 0"));
}

TEST_F(DamagedImageTest, RepeatedIdsUnknownKindsAndBadCountriesAreRefused) {
  std::string original = bytes_;
  // The ids are stored back to back: "RUSPRKUSA...". PRK becomes RUS.
  Set<uint8_t>(kNodeIdBytes, 3, 'R');
  Set<uint8_t>(kNodeIdBytes, 4, 'U');
  Set<uint8_t>(kNodeIdBytes, 5, 'S');
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("the id repeats"));
  bytes_ = original;
  Set<uint8_t>(kNodeKind, 0, 200);
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("unknown kind"));
  bytes_ = original;
  // C000001's country PRK -> USA is fine; -> "ZZZ" names no state.
  const Section countries = FindSection(bytes_, kNodeCountryBytes);
  const std::string text = bytes_.substr(countries.offset, countries.count);
  const size_t at = text.find("PRK");
  ASSERT_NE(at, std::string::npos);
  for (int k = 0; k < 3; ++k) Set<uint8_t>(kNodeCountryBytes, at + k, 'Z');
  EXPECT_THAT(ReadUnchecked(bytes_), HasSubstr("is not a state"));
}

}  // namespace
}  // namespace embargo
