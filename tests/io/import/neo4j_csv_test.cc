#include "embargo/import/neo4j_csv.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "lib/graph/graph_data.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using testing_import::TempPath;
using testing_import::WriteTemp;

constexpr char kNodes[] =
    "id:ID,name,kind:LABEL,country\n"
    "RUS,Russia,State,\n"                          // 2
    "PRK,North Korea,State,\n"                     // 3
    "USA,United States,State,\n"                   // 4
    "UNSC,UN Security Council,Authority,\n"        // 5
    "OFAC,US Treasury OFAC,Authority,USA\n"        // 6
    "C000001,\"Front, Ltd\",Company,PRK\n"         // 7
    "C000002,Holding,Company,RUS\n"                // 8
    "P000001,Ivan Petrov,Person,RUS\n"             // 9
    "V000001,Sea Star,Vessel,RUS\n"                // 10
    "O000001,Some Group,Organization,\n"           // 11
    "M000001,Unit 1,MilitaryUnit,RUS\n"            // 12
    "X000001,Thing,Spaceship,\n"                   // 13: unknown label
    "C000001,Again,Company,\n"                     // 14: duplicate
    "Russia,Bad State,State,\n"                    // 15: not ISO
    "\n"                                           // 16: empty, skipped
    "A000001,,Company;Sanctioned,\n";              // 17: no name; 2 labels

constexpr char kEdges[] =
    ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n"
    "C000002,C000001,OWNS,50.0,,,\n"                        // 2
    "P000001,C000002,DIRECTS,,,,\n"                         // 3
    "C000002,V000001,OPERATES,,,,\n"                        // 4
    "V000001,RUS,FLAG,,,2019,\n"                            // 5
    "PRK,RUS,TRANSFER,,artillery_ammunition,2023,confirmed\n"  // 6
    "RUS,PRK,TRANSFER,,components,,alleged\n"               // 7
    "OFAC,C000001,SANCTIONS,,DPRK3,2018,\n"                 // 8
    "UNSC,PRK,SANCTIONS,,UNSCR 1718,2006,\n"                // 9
    "RUS,PRK,MARRIES,,,,\n"                                 // 10: unknown type
    "RUS,NOPE,OWNS,10.0,,,\n"                               // 11: unknown end
    "RUS,RUS,OWNS,10.0,,,\n"                                // 12: self-loop
    "RUS,C000001,OWNS,150.0,,,\n"                           // 13: share
    "RUS,PRK,TRANSFER,,,2020,\n"                            // 14: no item
    "RUS,PRK,TRANSFER,,teleporters,2020,\n"                 // 15: bad item
    "RUS,PRK,TRANSFER,,rockets,2020,sure\n"                 // 16: bad status
    "OFAC,P000001,SANCTIONS,,X,,\n"                         // 17: no year
    "RUS,PRK,TRANSFER,,rockets,twenty,\n"                   // 18: bad year
    "RUS,PRK,FLAG,12.5,,,\n"                                // 19: share on FLAG
    "M000001,A000001,TRANSFER,,drones,2024,reported\n";     // 20

class Neo4jCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nodes_ = WriteTemp("nodes.csv", kNodes);
    edges_ = WriteTemp("edges.csv", kEdges);
  }
  std::string nodes_, edges_;
};

TEST_F(Neo4jCsvTest, ReportAccountsForEveryRow) {
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes_, edges_);
  ASSERT_TRUE(r.ok()) << r.status();
  const ImportReport& rep = r->report;
  EXPECT_EQ(rep.format, "neo4j-csv");
  EXPECT_EQ(rep.rows_read, 15 + 19);
  EXPECT_TRUE(rep.Reconciles());
  EXPECT_EQ(rep.rows_imported, 12 + 9);
  EXPECT_EQ(rep.records.at("actor"), 12);
  EXPECT_EQ(rep.records.at("relation"), 4);
  EXPECT_EQ(rep.records.at("transfer"), 3);
  EXPECT_EQ(rep.records.at("sanction"), 2);
  EXPECT_EQ(rep.records.at("source"), 2);

  std::vector<std::string> rejected;
  for (const auto& x : rep.rejected) {
    rejected.push_back(absl::StrCat(x.file == nodes_ ? "n" : "e", x.line, ":",
                                    x.column, " ", x.reason));
  }
  EXPECT_THAT(rejected,
              ::testing::ElementsAre(
                  "n13:3 unknown label \"Spaceship\"",
                  HasSubstr("n14:1 duplicate node id \"C000001\""),
                  HasSubstr("n15:1 state id \"Russia\""),
                  "e10:3 unknown relationship type \"MARRIES\"",
                  "e11:2 unknown end node \"NOPE\"",
                  "e12:2 the relationship joins a node to itself",
                  HasSubstr("e13:4 share 150.0"),
                  "e14:5 a TRANSFER needs an item",
                  "e15:5 unknown item category \"teleporters\"",
                  "e16:7 unknown status \"sure\"",
                  "e17:6 a SANCTIONS row needs the year of listing",
                  HasSubstr("e18:6 year \"twenty\""),
                  "e19:4 a share is only meaningful for OWNS"));
  EXPECT_THAT(rep.notes, ::testing::Contains("unknown label \"Spaceship\": 1 rows"));
  EXPECT_THAT(rep.notes,
              ::testing::Contains("unknown relationship type \"MARRIES\": 1 rows"));
}

TEST_F(Neo4jCsvTest, MapsLabelsTypesAndEvidence) {
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes_, edges_);
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Dataset& ds = r->dataset;
  ASSERT_EQ(ds.sources_size(), 2);
  EXPECT_EQ(ds.sources(0).id(), "csv:nodes.csv");
  EXPECT_EQ(ds.sources(1).id(), "csv:edges.csv");

  auto actor = [&](const std::string& id) -> const v1::Actor& {
    for (const v1::Actor& a : ds.actors()) {
      if (a.id() == id) return a;
    }
    ADD_FAILURE() << "no actor " << id;
    return v1::Actor::default_instance();
  };
  EXPECT_EQ(actor("RUS").kind(), v1::ACTOR_KIND_STATE);
  EXPECT_EQ(actor("UNSC").kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);
  EXPECT_EQ(actor("OFAC").kind(), v1::ACTOR_KIND_GOVERNMENT_BODY);
  EXPECT_EQ(actor("OFAC").country(), "USA");
  EXPECT_EQ(actor("C000001").name(), "Front, Ltd");
  EXPECT_EQ(actor("C000001").kind(), v1::ACTOR_KIND_COMPANY);
  EXPECT_EQ(actor("P000001").kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(actor("V000001").kind(), v1::ACTOR_KIND_VESSEL);
  EXPECT_EQ(actor("O000001").kind(), v1::ACTOR_KIND_ORGANIZATION);
  EXPECT_EQ(actor("M000001").kind(), v1::ACTOR_KIND_MILITARY_UNIT);
  EXPECT_EQ(actor("A000001").name(), "A000001");
  EXPECT_EQ(actor("A000001").kind(), v1::ACTOR_KIND_COMPANY);
  ASSERT_EQ(actor("PRK").evidence_size(), 1);
  EXPECT_EQ(actor("PRK").evidence(0).source_id(), "csv:nodes.csv");
  EXPECT_EQ(actor("PRK").evidence(0).locator(), "3");

  ASSERT_EQ(ds.relations_size(), 4);
  const v1::Relation& owns = ds.relations(0);
  EXPECT_EQ(owns.id(), "E2");
  EXPECT_EQ(owns.kind(), v1::RELATION_KIND_OWNERSHIP);
  EXPECT_EQ(owns.subject_id(), "C000002");
  EXPECT_EQ(owns.object_id(), "C000001");
  EXPECT_EQ(owns.share_percent(), 50.0);
  EXPECT_EQ(owns.status(), v1::STATUS_REPORTED);  // The default.
  EXPECT_EQ(owns.evidence(0).source_id(), "csv:edges.csv");
  EXPECT_EQ(owns.evidence(0).locator(), "2");
  EXPECT_EQ(ds.relations(1).kind(), v1::RELATION_KIND_DIRECTORSHIP);
  EXPECT_EQ(ds.relations(2).kind(), v1::RELATION_KIND_OPERATOR);
  EXPECT_EQ(ds.relations(3).kind(), v1::RELATION_KIND_FLAG);
  EXPECT_EQ(ds.relations(3).period().start().year(), 2019);

  ASSERT_EQ(ds.transfers_size(), 3);
  const v1::Transfer& t = ds.transfers(0);
  EXPECT_EQ(t.id(), "E6");
  EXPECT_EQ(t.supplier_id(), "PRK");
  EXPECT_EQ(t.recipient_id(), "RUS");
  EXPECT_EQ(t.item(), v1::ITEM_ARTILLERY_AMMUNITION);
  EXPECT_EQ(t.delivered().start().year(), 2023);
  EXPECT_EQ(t.delivered().end().year(), 2023);
  EXPECT_EQ(t.status(), v1::STATUS_CONFIRMED);
  EXPECT_FALSE(ds.transfers(1).has_delivered());
  EXPECT_EQ(ds.transfers(1).status(), v1::STATUS_ALLEGED);

  ASSERT_EQ(ds.sanctions_size(), 2);
  const v1::Sanction& s = ds.sanctions(1);
  EXPECT_EQ(s.id(), "E9");
  EXPECT_EQ(s.authority_id(), "UNSC");
  EXPECT_EQ(s.target_id(), "PRK");
  EXPECT_EQ(s.program(), "UNSCR 1718");
  EXPECT_EQ(s.listed().year(), 2006);
  ASSERT_EQ(s.measures_size(), 1);
  EXPECT_EQ(s.measures(0), v1::MEASURE_ASSET_FREEZE);

  // What the importer writes passes validation.
  DatasetFile f;
  f.path = "import";
  f.dataset = ds;
  EXPECT_TRUE(Validate({f}).ok()) << Validate({f});
}

// The direct path must hold exactly what GraphBuilder builds from the
// importer's records: same nodes, same edges, same records.
void ExpectSameGraph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.num_nodes(), b.num_nodes());
  ASSERT_EQ(a.num_edges(), b.num_edges());
  for (uint32_t n = 0; n < a.num_nodes(); ++n) {
    const NodeId id(n);
    EXPECT_EQ(a.node_id(id), b.node_id(id));
    EXPECT_EQ(a.node_name(id), b.node_name(id));
    EXPECT_EQ(a.node_kind(id), b.node_kind(id));
    EXPECT_EQ(a.node_country(id), b.node_country(id));
    EXPECT_TRUE(MessageDifferencer::Equals(a.NodeRecord(id), b.NodeRecord(id)))
        << a.NodeRecord(id).DebugString() << b.NodeRecord(id).DebugString();
    EXPECT_EQ(a.Incidences(id).size(), b.Incidences(id).size());
  }
  // Edge numbering differs (the general builder groups edges by record
  // kind); match them by record id.
  std::map<std::string, EdgeId> by_id;
  for (uint32_t e = 0; e < b.num_edges(); ++e) {
    by_id[b.EdgeRecordId(EdgeId(e))] = EdgeId(e);
  }
  for (uint32_t e = 0; e < a.num_edges(); ++e) {
    const std::string rid = a.EdgeRecordId(EdgeId(e));
    ASSERT_TRUE(by_id.count(rid)) << rid;
    const EdgeInfo x = a.edge(EdgeId(e));
    const EdgeInfo y = b.edge(by_id[rid]);
    EXPECT_EQ(x.kind, y.kind) << rid;
    EXPECT_EQ(x.from, y.from) << rid;
    EXPECT_EQ(x.to, y.to) << rid;
    EXPECT_EQ(x.item, y.item) << rid;
    EXPECT_EQ(x.status, y.status) << rid;
    EXPECT_EQ(x.days, y.days) << rid;
    EXPECT_EQ(x.share_percent, y.share_percent) << rid;
    EXPECT_TRUE(MessageDifferencer::Equals(a.EdgeRecord(EdgeId(e)),
                                           b.EdgeRecord(by_id[rid])))
        << a.EdgeRecord(EdgeId(e)).DebugString()
        << b.EdgeRecord(by_id[rid]).DebugString();
    EXPECT_EQ(a.Evidence(EdgeId(e)).size(), b.Evidence(by_id[rid]).size());
  }
  ASSERT_EQ(a.sources().size(), b.sources().size());
}

TEST_F(Neo4jCsvTest, DirectGraphEqualsRecordsPath) {
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes_, edges_);
  ASSERT_TRUE(r.ok()) << r.status();
  GraphBuilder builder;
  builder.AddDataset(r->dataset, "import");
  absl::StatusOr<Graph> general = builder.Build();
  ASSERT_TRUE(general.ok()) << general.status();

  absl::StatusOr<Neo4jCsvGraph> direct = LoadNeo4jCsvGraph(nodes_, edges_);
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_EQ(direct->report.rows_read, r->report.rows_read);
  EXPECT_EQ(direct->report.rows_imported, r->report.rows_imported);
  EXPECT_EQ(direct->report.rejected.size(), r->report.rejected.size());
  EXPECT_EQ(direct->report.records, r->report.records);
  EXPECT_TRUE(direct->report.Reconciles());
  ExpectSameGraph(direct->graph, *general);

  const Graph& g = direct->graph;
  EXPECT_EQ(g.FindByName("front ltd"), std::vector<NodeId>{*g.FindNode("C000001")});
  EXPECT_EQ(g.EdgeOrigin(EdgeId(0)).record, "line 2");
  EXPECT_EQ(g.EdgeOrigin(EdgeId(0)).file, edges_);
  EXPECT_EQ(g.NodeOrigin(*g.FindNode("PRK")).record, "line 3");
  ASSERT_NE(g.FindSource("csv:edges.csv"), nullptr);
}

TEST_F(Neo4jCsvTest, RecordStreamRoundTripLoadsTheSameGraph) {
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes_, edges_);
  ASSERT_TRUE(r.ok()) << r.status();
  const std::string path = TempPath("import.records");
  ASSERT_TRUE(WriteDatasetFile(r->dataset, path).ok());
  absl::StatusOr<Graph> stream = LoadGraph({path});
  ASSERT_TRUE(stream.ok()) << stream.status();
  GraphBuilder builder;
  builder.AddDataset(r->dataset, "import");
  absl::StatusOr<Graph> general = builder.Build();
  ASSERT_TRUE(general.ok()) << general.status();
  ExpectSameGraph(*stream, *general);
  // The stream took the compact path: no record was kept serialized.
  EXPECT_EQ(stream->data().compact.size(),
            stream->num_nodes() + stream->num_edges());
  EXPECT_TRUE(stream->data().arena.empty());
  EXPECT_THAT(stream->NodeOrigin(*stream->FindNode("RUS")).record,
              HasSubstr("record "));

  // A record the compact form cannot hold (an alias) still loads, through
  // the general path, and keeps it.
  r->dataset.mutable_actors(0)->add_aliases("Russian Federation");
  ASSERT_TRUE(WriteDatasetFile(r->dataset, path).ok());
  absl::StatusOr<Graph> mixed = LoadGraph({path});
  ASSERT_TRUE(mixed.ok()) << mixed.status();
  EXPECT_EQ(mixed->NodeRecord(*mixed->FindNode("RUS")).actor().aliases_size(), 1);
  EXPECT_EQ(mixed->num_edges(), stream->num_edges());

  // An invalid stream is reported by the general path's validation.
  r->dataset.mutable_relations(0)->set_object_id("NOWHERE");
  ASSERT_TRUE(WriteDatasetFile(r->dataset, path).ok());
  absl::StatusOr<Graph> bad = LoadGraph({path});
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("NOWHERE"));
}

// A record stream is read straight from the wire when its records have the
// compact shapes; any other shape falls back to the full parse. Either way
// the graph is the one the general builder makes.
class CompactStreamTest : public Neo4jCsvTest {
 protected:
  void SetUp() override {
    Neo4jCsvTest::SetUp();
    absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes_, edges_);
    ASSERT_TRUE(r.ok()) << r.status();
    dataset_ = r->dataset;
    ASSERT_GT(dataset_.relations_size(), 0);
    ASSERT_GT(dataset_.transfers_size(), 0);
    ASSERT_GT(dataset_.sanctions_size(), 0);
  }

  // Loads `path` and the general builder's graph of `ds`, compares them and
  // returns whether the stream took the compact path.
  bool LoadsLikeTheGeneralPath(const v1::Dataset& ds, const std::string& path) {
    absl::StatusOr<Graph> stream = LoadGraph({path});
    EXPECT_TRUE(stream.ok()) << stream.status();
    if (!stream.ok()) return false;
    GraphBuilder builder;
    builder.AddDataset(ds, "general");
    absl::StatusOr<Graph> general = builder.Build();
    EXPECT_TRUE(general.ok()) << general.status();
    if (!general.ok()) return false;
    ExpectSameGraph(*stream, *general);
    return stream->data().arena.empty();
  }

  bool Compact(const v1::Dataset& ds) {
    const std::string path = TempPath("shape.records");
    EXPECT_TRUE(WriteDatasetFile(ds, path).ok());
    return LoadsLikeTheGeneralPath(ds, path);
  }

  v1::Dataset dataset_;
};

TEST_F(CompactStreamTest, ShapesOutsideTheCompactFormsFallBack) {
  EXPECT_TRUE(Compact(dataset_));
  struct Case {
    const char* what;
    void (*mutate)(v1::Dataset&);
    bool compact;
  };
  const Case cases[] = {
      {"a name outside ASCII",
       [](v1::Dataset& d) { d.mutable_actors(1)->set_name("M\xC3\xBCller"); },
       true},
      {"a programme outside ASCII",
       [](v1::Dataset& d) { d.mutable_sanctions(0)->set_program("R\xC3\xA9gime"); },
       true},
      {"an actor's note",
       [](v1::Dataset& d) { d.mutable_actors(0)->set_note("n"); }, false},
      {"an actor's birth date",
       [](v1::Dataset& d) { d.mutable_actors(0)->mutable_born()->set_year(1950); },
       false},
      {"a relation's role",
       [](v1::Dataset& d) { d.mutable_relations(0)->set_role("chair"); }, false},
      {"a relation that ends",
       [](v1::Dataset& d) {
         d.mutable_relations(0)->mutable_period()->mutable_start()->set_year(2019);
         d.mutable_relations(0)->mutable_period()->mutable_end()->set_year(2021);
       },
       false},
      {"a start month",
       [](v1::Dataset& d) {
         v1::Date* start = d.mutable_relations(0)->mutable_period()->mutable_start();
         start->set_year(2019);
         start->set_month(3);
       },
       false},
      {"a quote in the evidence",
       [](v1::Dataset& d) { d.mutable_relations(0)->mutable_evidence(0)->set_quote("q"); },
       false},
      {"a second evidence",
       [](v1::Dataset& d) {
         *d.mutable_transfers(0)->add_evidence() = d.transfers(0).evidence(0);
       },
       false},
      {"a quantity",
       [](v1::Dataset& d) { d.mutable_transfers(0)->set_quantity(5); }, false},
      {"a delivery over two years",
       [](v1::Dataset& d) {
         v1::Period* p = d.mutable_transfers(0)->mutable_delivered();
         p->mutable_start()->set_year(2022);
         p->mutable_end()->set_year(2023);
       },
       false},
      {"a delisting",
       [](v1::Dataset& d) { d.mutable_sanctions(0)->mutable_delisted()->set_year(2024); },
       false},
      {"a second measure",
       [](v1::Dataset& d) { d.mutable_sanctions(0)->add_measures(v1::MEASURE_TRAVEL_BAN); },
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    v1::Dataset ds = dataset_;
    c.mutate(ds);
    EXPECT_EQ(Compact(ds), c.compact);
  }
}

// Streams written by hand, with wire forms protobuf accepts but its own
// writer never produces.
std::string Varint(uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}

std::string Field(int number, const std::string& bytes) {
  return Varint(static_cast<uint64_t>(number) << 3 | 2) + Varint(bytes.size()) + bytes;
}

// The stream of `ds` with the body of its first sanction replaced.
std::string StreamWithSanction(const v1::Dataset& ds, const std::string& body) {
  std::string out;
  auto put = [&](const std::string& record) { out += Varint(record.size()) + record; };
  for (const v1::Source& s : ds.sources()) put(Field(1, s.SerializeAsString()));
  for (const v1::Actor& a : ds.actors()) put(Field(2, a.SerializeAsString()));
  for (int i = 0; i < ds.sanctions_size(); ++i) {
    put(Field(5, i == 0 ? body : ds.sanctions(i).SerializeAsString()));
  }
  for (const v1::Relation& r : ds.relations()) put(Field(6, r.SerializeAsString()));
  return out;
}

TEST_F(CompactStreamTest, WireFormsTheWriterNeverProduces) {
  v1::Dataset ds = dataset_;
  ds.clear_transfers();
  const v1::Sanction& s = ds.sanctions(0);
  const std::string path = TempPath("wire.records");

  // Measures unpacked (a varint, not a packed list): the same record.
  v1::Sanction bare = s;
  bare.clear_measures();
  std::string body = bare.SerializeAsString() + Varint(5 << 3) + Varint(1);
  WriteTemp("wire.records", StreamWithSanction(ds, body));
  EXPECT_TRUE(LoadsLikeTheGeneralPath(ds, path));

  // A field given twice: protobuf keeps the last; so does the graph.
  v1::Sanction later = s;
  later.set_program("LATER");
  body = s.SerializeAsString() + Field(4, "LATER");
  WriteTemp("wire.records", StreamWithSanction(ds, body));
  v1::Dataset expect = ds;
  *expect.mutable_sanctions(0) = later;
  EXPECT_FALSE(LoadsLikeTheGeneralPath(expect, path));

  // A programme that is not UTF-8: refused, with the record named.
  body = s.SerializeAsString() + Field(4, "\xFF");
  WriteTemp("wire.records", StreamWithSanction(ds, body));
  absl::StatusOr<Graph> bad = LoadGraph({path});
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("wire.records"));
}

TEST(Neo4jCsvErrors, HeadersAndFiles) {
  const std::string nodes = WriteTemp("n2.csv", "name,kind:LABEL\nX,State\n");
  const std::string edges = WriteTemp("e2.csv", ":START_ID,:END_ID,:TYPE\n");
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes, edges);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("n2.csv: line 1"));

  const std::string good = WriteTemp("n3.csv", "id:ID,kind:LABEL\nRUS,State\n");
  const std::string bad_edges = WriteTemp("e3.csv", ":START_ID,:TYPE\n");
  absl::StatusOr<Neo4jCsvGraph> g = LoadNeo4jCsvGraph(good, bad_edges);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr(":END_ID"));

  absl::StatusOr<ImportResult> missing = ImportNeo4jCsv("/no/such/nodes.csv", edges);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

TEST(Neo4jCsvErrors, WholeGraphRulesFailTheDirectLoad) {
  const std::string nodes = WriteTemp(
      "n4.csv",
      "id:ID,name,kind:LABEL,country\nRUS,Russia,State,\nC1,A,Company,RUS\n"
      "C2,B,Company,XYZ\nP1,Owner,Person,\nP2,Owner 2,Person,\n");
  const std::string edges = WriteTemp(
      "e4.csv",
      ":START_ID,:END_ID,:TYPE,share:float\nP1,C1,OWNS,60.0\nP2,C1,OWNS,50.0\n");
  absl::StatusOr<Neo4jCsvGraph> g = LoadNeo4jCsvGraph(nodes, edges);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(), HasSubstr("e4.csv: line 3"));
  EXPECT_THAT(g.status().message(), HasSubstr("sum to over 100"));
  EXPECT_THAT(g.status().message(),
              HasSubstr("\"XYZ\" is not a known state actor"));
}

// Big enough (over 1 MiB of relationships) to be cut in two: the two-thread
// parse gives the same graph and report as one thread.
TEST(Neo4jCsvLarge, TwoThreadsEqualOne) {
  std::string nodes = "id:ID,name,kind:LABEL,country\nRUS,Russia,State,\n";
  // Over 1 MiB of node rows; the last ones are a quoted name, a repeated id
  // and an unknown label.
  const int kNodes = 40000;
  for (int i = 1; i <= kNodes; ++i) {
    absl::StrAppend(&nodes, "C", i, ",Company ", i, ",Company,RUS\n");
  }
  absl::StrAppend(&nodes, "Q1,\"Quoted, Name\",Company,RUS\n",
                  "C5,Again,Company,\n", "X1,Thing,Spaceship,\n");
  ASSERT_GT(nodes.size(), size_t{1} << 20);
  std::string edges = ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n";
  uint64_t x = 12345;
  for (int i = 0; i < 60000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const int a = 1 + static_cast<int>((x >> 33) % kNodes);
    const int b = 1 + static_cast<int>((x >> 13) % kNodes);
    if (i == 30001) {
      absl::StrAppend(&edges, "C1,C1,TRANSFER,,rockets,2020,reported\n");
    } else if (a == b) {
      absl::StrAppend(&edges, "C", a, ",RUS,TRANSFER,,drones,2021,alleged\n");
    } else {
      absl::StrAppend(&edges, "C", a, ",C", b, ",TRANSFER,,rockets,",
                      1990 + i % 30, ",confirmed\n");
    }
  }
  ASSERT_GT(edges.size(), size_t{1} << 20);
  const std::string np = WriteTemp("n5.csv", nodes);
  const std::string ep = WriteTemp("e5.csv", edges);
  Neo4jCsvOptions one;
  one.parallel = false;
  absl::StatusOr<Neo4jCsvGraph> a = LoadNeo4jCsvGraph(np, ep, one);
  absl::StatusOr<Neo4jCsvGraph> b = LoadNeo4jCsvGraph(np, ep);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(a->graph.num_edges(), 59999u);
  ASSERT_EQ(b->graph.num_edges(), 59999u);
  ASSERT_EQ(b->report.rejected.size(), 3u);
  EXPECT_EQ(b->report.rejected[0].line, kNodes + 4);  // C5 again
  EXPECT_EQ(b->report.rejected[1].line, kNodes + 5);  // Spaceship
  EXPECT_EQ(b->report.rejected[2].line, 30003);
  ASSERT_EQ(a->graph.num_nodes(), b->graph.num_nodes());
  ASSERT_EQ(b->graph.num_nodes(), static_cast<size_t>(kNodes) + 2);
  for (uint32_t n = 0; n < a->graph.num_nodes(); ++n) {
    ASSERT_EQ(a->graph.node_id(NodeId(n)), b->graph.node_id(NodeId(n)));
    ASSERT_EQ(a->graph.node_name(NodeId(n)), b->graph.node_name(NodeId(n)));
    ASSERT_EQ(a->graph.NodeOrigin(NodeId(n)).record,
              b->graph.NodeOrigin(NodeId(n)).record);
  }
  EXPECT_EQ(b->graph.node_name(*b->graph.FindNode("Q1")), "Quoted, Name");
  EXPECT_EQ(b->graph.node_name(*b->graph.FindNode("C5")), "Company 5");
  for (uint32_t e = 0; e < a->graph.num_edges(); e += 997) {
    EXPECT_TRUE(MessageDifferencer::Equals(a->graph.EdgeRecord(EdgeId(e)),
                                           b->graph.EdgeRecord(EdgeId(e))));
  }
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(np, ep);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->dataset.transfers_size(), 59999);
  EXPECT_EQ(r->dataset.transfers(30001).id(), "E30004");
}

TEST(Neo4jCsvQuirksTest, SeveralQuotedFieldsOnOneLine) {
  const std::string nodes = WriteTemp(
      "q_nodes.csv",
      "id:ID,name,kind:LABEL,country\n"
      "\"A,1\",\"Alpha, \"\"the first\"\"\",Company,\n"
      "\"B,2\",\"Beta, Ltd\",Company,\n");
  const std::string edges = WriteTemp(
      "q_edges.csv",
      ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n"
      "\"A,1\",\"B,2\",OWNS,25.0,,,\n");
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes, edges);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->report.rejected.empty()) << r->report.Summary();
  ASSERT_EQ(r->dataset.actors_size(), 2);
  EXPECT_EQ(r->dataset.actors(0).id(), "A,1");
  EXPECT_EQ(r->dataset.actors(0).name(), "Alpha, \"the first\"");
  ASSERT_EQ(r->dataset.relations_size(), 1);
  EXPECT_EQ(r->dataset.relations(0).subject_id(), "A,1");
  EXPECT_EQ(r->dataset.relations(0).object_id(), "B,2");
}

TEST(Neo4jCsvQuirksTest, CountryThatIsNotAStateIsKeptInTheNote) {
  const std::string nodes = WriteTemp(
      "c_nodes.csv",
      "id:ID,name,kind:LABEL,country\n"
      "RUS,Russia,State,\n"
      "C000003,Silver Freight LLC,Company,ARE\n");
  const std::string edges = WriteTemp(
      "c_edges.csv", ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n");
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes, edges);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.actors_size(), 2);
  EXPECT_EQ(r->dataset.actors(1).country(), "");
  EXPECT_THAT(r->dataset.actors(1).note(), HasSubstr("\"ARE\""));
  ASSERT_FALSE(r->report.notes.empty());
  EXPECT_THAT(r->report.notes.back(), HasSubstr("C000003 (ARE)"));
  DatasetFile f;
  f.path = "c";
  f.dataset = r->dataset;
  EXPECT_TRUE(Validate({f}).ok());
}

TEST(Neo4jCsvQuirksTest, SharesOverOneHundredAreRejectedRows) {
  const std::string nodes = WriteTemp(
      "s_nodes.csv",
      "id:ID,name,kind:LABEL,country\n"
      "C1,One,Company,\nC2,Two,Company,\nC3,Three,Company,\nC4,Four,Company,\n");
  const std::string edges = WriteTemp(
      "s_edges.csv",
      ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n"
      "C1,C4,OWNS,60.0,,,\n"
      "C2,C4,OWNS,50.0,,,\n"   // 3: 110 > 100
      "C3,C4,OWNS,40.0,,,\n");  // 4: 100 exactly
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes, edges);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->report.Reconciles()) << r->report.Summary();
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 3);
  EXPECT_EQ(r->report.rejected[0].column, 4);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("(over 100)"));
  EXPECT_EQ(r->dataset.relations_size(), 2);
  DatasetFile f;
  f.path = "s";
  f.dataset = r->dataset;
  EXPECT_TRUE(Validate({f}).ok());
}

TEST(Neo4jCsvQuirksTest, NotUtf8IsRefusedWithItsPlace) {
  const std::string nodes = WriteTemp(
      "u_nodes.csv",
      "id:ID,name,kind:LABEL,country\nC1,Caf\xe9 Trading,Company,\n");
  const std::string edges = WriteTemp(
      "u_edges.csv", ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n");
  absl::StatusOr<ImportResult> r = ImportNeo4jCsv(nodes, edges);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("u_nodes.csv:2:7: byte 0xE9"));
  EXPECT_EQ(LoadNeo4jCsvGraph(nodes, edges).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace embargo
