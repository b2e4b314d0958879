// Tests of lib/io/export/: JSON lines, records from a graph, GraphML read by
// NetworkX, Graphviz DOT, Neo4j CSV read back by embargo's own importer.

#include "embargo/export.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/graph.h"
#include "embargo/image.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/io.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "embargo/validate.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/testing/dataset_builder.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

using google::protobuf::util::MessageDifferencer;

constexpr char kArticle[] = EMBARGO_SOURCE_DIR
    "/examples/data/article_2023.textproto";

std::string TempDir() {
  std::string tmpl = ::testing::TempDir() + "/export_test_XXXXXX";
  char* d = mkdtemp(tmpl.data());
  EXPECT_NE(d, nullptr);
  return tmpl;
}

v1::Dataset Article() {
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(kArticle);
  EXPECT_TRUE(f.ok()) << f.status();
  return f->dataset;
}

Graph GraphOf(const v1::Dataset& ds) {
  GraphBuilder b;
  b.AddDataset(ds, "test");
  absl::StatusOr<Graph> g = b.Build();
  EXPECT_TRUE(g.ok()) << g.status();
  return *g;
}

// Records only: a dataset's name and description are not records.
v1::Dataset RecordsOf(v1::Dataset ds) {
  ds.clear_name();
  ds.clear_description();
  return ds;
}

// SortedById orders each kind's records by id, so that datasets holding the
// same records in another order compare equal.
v1::Dataset SortedById(v1::Dataset ds) {
  auto sort = [](auto* field) {
    std::sort(field->begin(), field->end(),
              [](const auto& a, const auto& b) { return a.id() < b.id(); });
  };
  sort(ds.mutable_sources());
  sort(ds.mutable_actors());
  sort(ds.mutable_events());
  sort(ds.mutable_transfers());
  sort(ds.mutable_sanctions());
  sort(ds.mutable_relations());
  return ds;
}

void ExpectSameRecords(const v1::Dataset& a, const v1::Dataset& b) {
  MessageDifferencer diff;
  std::string report;
  diff.ReportDifferencesToString(&report);
  EXPECT_TRUE(diff.Compare(a, b)) << report;
}

// A dataset whose names need escaping in every format.
v1::Dataset Hostile() {
  testing::DatasetBuilder b;
  b.State("RUS").State("PRK");
  b.Actor("C<&>1", v1::ACTOR_KIND_COMPANY, "RUS");
  b.Actor("P\"2", v1::ACTOR_KIND_PERSON, "PRK");
  b.dataset().mutable_actors(2)->set_name(
      "Tricky & <Co> \"Ltd\", 'ok'\nline\x01two; semi\\back");
  b.dataset().mutable_actors(3)->set_name("Ким, \"Чен\"");
  b.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_REPORTED, 2023,
             {"C<&>1"});
  b.Relation("R1", v1::RELATION_KIND_OWNERSHIP, "P\"2", "C<&>1", 51);
  // One quoted field per relationship line: embargo's Neo4j CSV importer
  // loses the text of a quoted field when a later one on the line is quoted.
  b.Sanction("S1", "RUS", "P\"2", "PROG 1718", {v1::MEASURE_ASSET_FREEZE},
             2020);
  return b.dataset();
}

// ---------------------------------------------------------------------------
// JSON lines and records
// ---------------------------------------------------------------------------

TEST(JsonLinesTest, RoundTripLosesNothing) {
  const v1::Dataset original = RecordsOf(Article());
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonLines(original, out).ok());
  const std::string text = out.str();
  const int64_t lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_EQ(lines, original.sources_size() + original.actors_size() +
                       original.events_size() + original.transfers_size() +
                       original.sanctions_size() + original.relations_size());
  absl::StatusOr<v1::Dataset> back = ParseJsonLines(text, "mem.jsonl");
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameRecords(original, *back);
}

TEST(JsonLinesTest, FileRoundTripOfHostileText) {
  const std::string dir = TempDir();
  const std::string path = dir + "/h.jsonl";
  const v1::Dataset original = RecordsOf(Hostile());
  ASSERT_TRUE(ExportJsonLines(original, path).ok());
  absl::StatusOr<v1::Dataset> back = ReadJsonLinesFile(path);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameRecords(original, *back);
  std::filesystem::remove_all(dir);
}

TEST(JsonLinesTest, ErrorsNameTheLine) {
  absl::StatusOr<v1::Dataset> r = ParseJsonLines(
      "{\"actor\": {\"id\": \"A\"}}\n\n{\"actor\": {\"idd\": 1}}\n", "x.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("x.jsonl: line 3"), std::string::npos)
      << r.status();
  r = ParseJsonLines("{}\n", "y.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("y.jsonl: line 1"), std::string::npos);
  EXPECT_EQ(ReadJsonLinesFile("/nonexistent/z.jsonl").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(DatasetFromGraphTest, KeepsEveryRecord) {
  const v1::Dataset original = RecordsOf(Article());
  const Graph graph = GraphOf(original);
  const v1::Dataset back = DatasetFromGraph(graph);
  ExpectSameRecords(SortedById(original), SortedById(back));
  // And through JSON lines from the graph.
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonLines(back, out).ok());
  absl::StatusOr<v1::Dataset> again = ParseJsonLines(out.str(), "g.jsonl");
  ASSERT_TRUE(again.ok());
  ExpectSameRecords(SortedById(original), SortedById(*again));
}

// ---------------------------------------------------------------------------
// GraphML, read by NetworkX
// ---------------------------------------------------------------------------

// ReadWithNetworkX runs the checker script; nullopt (and a skip) when
// Python or NetworkX is missing.
std::optional<nlohmann::json> ReadWithNetworkX(const std::string& path) {
  const std::string cmd =
      absl::StrCat("python3 '", EMBARGO_CHECK_GRAPHML, "' '", path, "'");
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  const int rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (rc == 3 || rc == 127) return std::nullopt;
  EXPECT_EQ(rc, 0) << "NetworkX could not read " << path;
  if (rc != 0) return std::nullopt;
  return nlohmann::json::parse(out);
}

std::string EdgeKey(const std::string& s, const std::string& t,
                    const std::string& kind, const std::string& record) {
  return absl::StrCat(s, "|", t, "|", kind, "|", record);
}

void CheckGraphMlWithNetworkX(const Graph& graph, const std::string& dir) {
  const std::string path = dir + "/g.graphml";
  ASSERT_TRUE(ExportGraphMl(graph, path).ok());
  std::optional<nlohmann::json> j = ReadWithNetworkX(path);
  if (!j) GTEST_SKIP() << "python3 with networkx is not installed";
  EXPECT_TRUE((*j)["directed"].get<bool>());
  ASSERT_EQ((*j)["nodes"].size(), graph.num_nodes());
  ASSERT_EQ((*j)["edges"].size(), graph.num_edges());
  for (uint32_t i = 0; i < graph.num_nodes(); ++i) {
    const NodeId n(i);
    const std::string id(graph.node_id(n));
    ASSERT_TRUE((*j)["nodes"].contains(id)) << id;
    const nlohmann::json& a = (*j)["nodes"][id];
    EXPECT_EQ(a["id"], id);
    std::string name(graph.node_name(n));
    // XML 1.0 cannot carry control characters; the exporter writes U+FFFD.
    for (size_t p; (p = name.find('\x01')) != std::string::npos;) {
      name.replace(p, 1, "\xEF\xBF\xBD");
    }
    EXPECT_EQ(a["name"], name) << id;
    EXPECT_EQ(a["kind"], std::string(NodeKindName(graph.node_kind(n))));
    EXPECT_EQ(a["country"], std::string(graph.node_country(n)));
  }
  // Edges: compare the multiset of (source, target, kind, record) and each
  // edge's attributes with the graph's.
  std::map<std::string, int> want, got;
  for (uint32_t i = 0; i < graph.num_edges(); ++i) {
    const EdgeInfo e = graph.edge(EdgeId(i));
    ++want[EdgeKey(std::string(graph.node_id(e.from)),
                   std::string(graph.node_id(e.to)),
                   std::string(EdgeKindName(e.kind)),
                   graph.EdgeRecordId(EdgeId(i)))];
  }
  for (const nlohmann::json& e : (*j)["edges"]) {
    ++got[EdgeKey(e["source"], e["target"], e["kind"], e["record_id"])];
    const std::string key = e["key"];  // "e<EdgeId>".
    ASSERT_EQ(key.substr(0, 1), "e");
    const EdgeId id(std::stoul(key.substr(1)));
    const EdgeInfo info = graph.edge(id);
    EXPECT_EQ(e["status"], StatusName(info.status)) << key;
    EXPECT_EQ(e["item"], info.item == v1::ITEM_UNSPECIFIED
                             ? std::string()
                             : ItemName(info.item))
        << key;
    if (info.share_percent > 0) {
      EXPECT_DOUBLE_EQ(e["share"].get<double>(), info.share_percent) << key;
    } else {
      EXPECT_FALSE(e.contains("share")) << key;  // Unknown: not written.
    }
    std::set<std::string> sources;
    for (const v1::Evidence& ev : graph.Evidence(id)) {
      sources.insert(ev.source_id());
    }
    const std::string listed = e["sources"];
    const std::vector<std::string> parts = absl::StrSplit(listed, ';');
    EXPECT_EQ(std::set<std::string>(parts.begin(), parts.end()), sources)
        << key;
    EXPECT_EQ(parts.size(), sources.size()) << key;
  }
  EXPECT_EQ(want, got);
}

TEST(GraphMlTest, NetworkXReadsTheArticle) {
  const std::string dir = TempDir();
  const Graph graph = GraphOf(Article());
  CheckGraphMlWithNetworkX(graph, dir);
  std::filesystem::remove_all(dir);
}

TEST(GraphMlTest, NetworkXReadsEscapedText) {
  const std::string dir = TempDir();
  const Graph graph = GraphOf(Hostile());
  CheckGraphMlWithNetworkX(graph, dir);
  std::filesystem::remove_all(dir);
}

TEST(GraphMlTest, SanctionedAttribute) {
  std::ostringstream out;
  const Graph graph = GraphOf(Hostile());
  ASSERT_TRUE(WriteGraphMl(graph, out).ok());
  const std::string xml = out.str();
  EXPECT_NE(xml.find("<node id=\"P&quot;2\">"), std::string::npos);
  EXPECT_NE(xml.find("<node id=\"C&lt;&amp;&gt;1\">"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  const size_t p = xml.find("<node id=\"P&quot;2\">");
  const size_t end = xml.find("</node>", p);
  EXPECT_NE(xml.substr(p, end - p).find(
                "<data key=\"n_sanctioned\">true</data>"),
            std::string::npos);
  EXPECT_EQ(ExportGraphMl(graph, "/nonexistent/dir/x.graphml").code(),
            absl::StatusCode::kPermissionDenied);
}

// A graph with no sanctions list cannot say "not sanctioned": GraphML
// leaves the attribute out, Neo4j CSV the cell empty (null); with one, a
// node that is no target is false.
TEST(GraphMlTest, SanctionedIsUnknownWithoutASanctionsList) {
  testing::DatasetBuilder b;
  b.State("RUS").State("PRK");
  b.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_REPORTED, 2023, {});
  const Graph bare = GraphOf(b.dataset());
  std::ostringstream xml, nodes, rels;
  ASSERT_TRUE(WriteGraphMl(bare, xml).ok());
  EXPECT_EQ(xml.str().find("<data key=\"n_sanctioned\">"), std::string::npos);
  ASSERT_TRUE(WriteNeo4jCsv(bare, nodes, rels, {}).ok());
  EXPECT_NE(nodes.str().find("\nRUS,Name of RUS,State,,,,\n"), std::string::npos) << nodes.str();
  const Graph listed = GraphOf(Hostile());
  std::ostringstream xml2;
  ASSERT_TRUE(WriteGraphMl(listed, xml2).ok());
  EXPECT_NE(xml2.str().find("<data key=\"n_sanctioned\">false</data>"), std::string::npos);
}

// An ownership whose share is not known carries no share at all: GraphML
// leaves the data out, Neo4j CSV leaves the cell empty; a known share is
// written.
TEST(GraphMlTest, UnknownShareIsNotZero) {
  v1::Dataset ds = Hostile();
  testing::DatasetBuilder b;
  b.dataset() = ds;
  b.Relation("R2", v1::RELATION_KIND_OWNERSHIP, "RUS", "C<&>1", 0);
  const Graph graph = GraphOf(b.dataset());
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphMl(graph, out).ok());
  const std::string xml = out.str();
  EXPECT_EQ(xml.find("<data key=\"e_share\">0</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e_share\">51</data>"), std::string::npos);
  const size_t r2 = xml.find("<data key=\"e_record_id\">R2</data>");
  ASSERT_NE(r2, std::string::npos);
  const std::string edge = xml.substr(r2, xml.find("</edge>", r2) - r2);
  EXPECT_EQ(edge.find("e_share"), std::string::npos) << edge;
}

// ---------------------------------------------------------------------------
// DOT
// ---------------------------------------------------------------------------

TEST(DotTest, PathsPicture) {
  const Graph graph = GraphOf(Article());
  Filter f;
  f.edge_kinds = TransferKinds();
  absl::StatusOr<Paths> paths = AllPaths(graph, *graph.FindNode("RUS"),
                                         *graph.FindNode("PRK"), 3, f);
  ASSERT_TRUE(paths.ok());
  ASSERT_FALSE(paths->paths.empty());
  const Subgraph sub = SubgraphOfPaths(graph, paths->paths);
  // Every hop's nodes and edge are in, each once.
  std::set<uint32_t> nodes, edges;
  for (NodeId n : sub.nodes) EXPECT_TRUE(nodes.insert(n.value()).second);
  for (EdgeId e : sub.edges) EXPECT_TRUE(edges.insert(e.value()).second);
  for (const Path& p : paths->paths) {
    for (const Hop& h : p.hops) {
      EXPECT_TRUE(edges.count(h.edge.value()));
      EXPECT_TRUE(nodes.count(h.from.value()) && nodes.count(h.to.value()));
    }
  }
  DotOptions options;
  options.title = "Russia \"and\" DPRK";
  const std::string dot = ToDot(graph, sub, options);
  EXPECT_EQ(dot.rfind("digraph embargo {", 0), 0u);
  EXPECT_NE(dot.find("label=\"Russia \\\"and\\\" DPRK\""), std::string::npos);
  // PRK is the target of a sanction: marked.
  const size_t prk = dot.find("\n  \"PRK\" [");
  ASSERT_NE(prk, std::string::npos);
  const std::string prk_line = dot.substr(prk, dot.find('\n', prk + 1) - prk);
  EXPECT_NE(prk_line.find("[sanctioned]"), std::string::npos) << prk_line;
  EXPECT_NE(prk_line.find("penwidth=3"), std::string::npos);
  // RUS is not.
  const size_t rus = dot.find("\n  \"RUS\" [");
  const std::string rus_line = dot.substr(rus, dot.find('\n', rus + 1) - rus);
  EXPECT_EQ(rus_line.find("[sanctioned]"), std::string::npos);
  EXPECT_NE(rus_line.find("peripheries=2"), std::string::npos);
  // Edges labelled with item, designation, year, status; evidence in the
  // tooltip.
  EXPECT_NE(dot.find("label=\"artillery_ammunition\\nartillery ammunition "
                     "(amunisi artileri)\\n2023\\nalleged\""),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("tooltip=\"transfer tr-prk-rus-2023-artillery-ammunition"),
            std::string::npos);
  EXPECT_NE(dot.find("said by John Kirby"), std::string::npos);
}

// A transfer edge's label says briefly what the source gives: designation,
// numbers ordered and delivered, TIV; nothing where it gives none.
TEST(DotTest, TransferNumbersInLabels) {
  v1::Dataset ds = Hostile();
  v1::Transfer* t = ds.mutable_transfers(0);
  t->set_designation("KN-23");
  t->set_quantity_ordered(20);
  t->set_quantity(12);
  t->set_tiv_total(3.5);
  const Graph graph = GraphOf(ds);
  Filter f;
  f.edge_kinds = TransferKinds();
  absl::StatusOr<Paths> paths = AllPaths(graph, *graph.FindNode("PRK"),
                                         *graph.FindNode("RUS"), 1, f);
  ASSERT_TRUE(paths.ok());
  ASSERT_FALSE(paths->paths.empty());
  const std::string dot =
      ToDot(graph, SubgraphOfPaths(graph, paths->paths), DotOptions());
  EXPECT_NE(dot.find("rockets\\nKN-23\\n20 ordered, 12 delivered, TIV 3.5"),
            std::string::npos)
      << dot;
  // Unknown numbers are left out, never 0.
  t->set_quantity_ordered(0);
  t->set_tiv_total(0);
  const Graph g2 = GraphOf(ds);
  absl::StatusOr<Paths> p2 = AllPaths(g2, *g2.FindNode("PRK"),
                                      *g2.FindNode("RUS"), 1, f);
  ASSERT_TRUE(p2.ok());
  const std::string dot2 =
      ToDot(g2, SubgraphOfPaths(g2, p2->paths), DotOptions());
  EXPECT_NE(dot2.find("KN-23\\n12 delivered\\n"), std::string::npos) << dot2;
  EXPECT_EQ(dot2.find("0 ordered"), std::string::npos) << dot2;
}

TEST(DotTest, EscapesAndNeighborhood) {
  const Graph graph = GraphOf(Hostile());
  const NodeId c = *graph.FindNode("C<&>1");
  absl::StatusOr<Neighborhood> nb = Neighbors(graph, c, 1);
  ASSERT_TRUE(nb.ok());
  const Subgraph sub = SubgraphOfNeighborhood(graph, c, *nb);
  EXPECT_EQ(sub.nodes.size(), nb->nodes.size() + 1);
  // Among C, PRK, RUS and P"2: the transfer PRK -> RUS, its two legs
  // through C, the ownership P"2 -> C and the sanction RUS -> P"2.
  EXPECT_EQ(sub.edges.size(), 5u);
  const std::string dot = ToDot(graph, sub);
  EXPECT_NE(dot.find("\"P\\\"2\""), std::string::npos);
  EXPECT_NE(dot.find("semi\\\\back"), std::string::npos);
  EXPECT_EQ(dot.find('\x01'), std::string::npos);
  // Every quote in the text is escaped: outside escapes, quotes pair up.
  int quotes = 0;
  for (size_t i = 0; i < dot.size(); ++i) {
    if (dot[i] == '\\') {
      ++i;
    } else if (dot[i] == '"') {
      ++quotes;
    }
  }
  EXPECT_EQ(quotes % 2, 0);
  // A filter leaves edges out.
  Filter only_ownership;
  only_ownership.edge_kinds = {EdgeKind::kOwnership};
  EXPECT_EQ(SubgraphOfNeighborhood(graph, c, *nb, only_ownership).edges.size(),
            1u);
}

TEST(DotTest, RenderSvgWhenDotIsInstalled) {
  EXPECT_EQ(RenderDot("digraph {}", "gif", "/tmp/x.gif").code(),
            absl::StatusCode::kInvalidArgument);
  if (!DotAvailable()) GTEST_SKIP() << "Graphviz dot is not installed";
  const std::string dir = TempDir();
  const Graph graph = GraphOf(Hostile());
  const std::string svg = dir + "/g.svg";
  ASSERT_TRUE(RenderDot(ToDot(graph, WholeGraph(graph)), "svg", svg).ok());
  std::ifstream in(svg);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("<svg"), std::string::npos);
  const absl::Status bad = RenderDot("digraph { a -> }", "svg", dir + "/b.svg");
  EXPECT_EQ(bad.code(), absl::StatusCode::kInternal);
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------------------
// Neo4j CSV, read back by the Neo4j CSV importer
// ---------------------------------------------------------------------------

// Carried projects a record onto what the Neo4j CSV format carries back
// through embargo's importer: node id, kind, name, country; relationship
// type, ends, item (transfers) or programme (sanctions), share, year,
// status. Record ids of relationships are not carried (the importer names
// them by line).
v1::Record Carried(const v1::Record& r) {
  v1::Record out;
  switch (r.record_case()) {
    case v1::Record::kActor: {
      v1::Actor* a = out.mutable_actor();
      a->set_id(r.actor().id());
      a->set_kind(r.actor().kind());
      a->set_name(r.actor().name());
      a->set_country(r.actor().country());
      break;
    }
    case v1::Record::kTransfer: {
      const v1::Transfer& t = r.transfer();
      v1::Transfer* c = out.mutable_transfer();
      c->set_supplier_id(t.supplier_id());
      c->set_recipient_id(t.recipient_id());
      c->set_item(t.item());
      c->set_status(t.status());
      const int year = t.delivered().start().year() != 0
                           ? t.delivered().start().year()
                           : t.ordered().year();
      c->mutable_delivered()->mutable_start()->set_year(year);
      break;
    }
    case v1::Record::kSanction: {
      const v1::Sanction& s = r.sanction();
      v1::Sanction* c = out.mutable_sanction();
      c->set_authority_id(s.authority_id());
      c->set_target_id(s.target_id());
      c->set_program(s.program());
      c->set_status(s.status());
      c->mutable_listed()->set_year(s.listed().year());
      break;
    }
    case v1::Record::kRelation: {
      const v1::Relation& rel = r.relation();
      v1::Relation* c = out.mutable_relation();
      c->set_kind(rel.kind());
      c->set_subject_id(rel.subject_id());
      c->set_object_id(rel.object_id());
      c->set_share_percent(rel.share_percent());
      c->set_status(rel.status());
      // The whole period comes back (start and end, to the day): stakes
      // held at different times must not sum on re-import.
      *c->mutable_period() = rel.period();
      break;
    }
    default:
      break;
  }
  return out;
}

// The relation kinds the importer knows (others are rejected rows).
bool ImporterKnows(v1::RelationKind k) {
  switch (k) {
    case v1::RELATION_KIND_OWNERSHIP:
    case v1::RELATION_KIND_DIRECTORSHIP:
    case v1::RELATION_KIND_OPERATOR:
    case v1::RELATION_KIND_FLAG:
    case v1::RELATION_KIND_CONTROL:
    case v1::RELATION_KIND_MEMBERSHIP:
    case v1::RELATION_KIND_EMPLOYMENT:
    case v1::RELATION_KIND_FAMILY:
    case v1::RELATION_KIND_ASSOCIATE:
    case v1::RELATION_KIND_PART_OF:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> CarriedSet(const v1::Dataset& ds, bool expected) {
  std::vector<v1::Record> recs;
  for (const v1::Actor& a : ds.actors()) {
    v1::Record r;
    *r.mutable_actor() = a;
    recs.push_back(Carried(r));
  }
  for (const v1::Transfer& t : ds.transfers()) {
    v1::Record r;
    *r.mutable_transfer() = t;
    recs.push_back(Carried(r));
  }
  for (const v1::Sanction& s : ds.sanctions()) {
    v1::Record r;
    *r.mutable_sanction() = s;
    recs.push_back(Carried(r));
  }
  for (const v1::Relation& rel : ds.relations()) {
    if (expected && !ImporterKnows(rel.kind())) continue;
    v1::Record r;
    *r.mutable_relation() = rel;
    recs.push_back(Carried(r));
  }
  std::vector<std::string> out;
  for (const v1::Record& r : recs) {
    std::string s;
    ::google::protobuf::TextFormat::PrintToString(r, &s);
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CheckNeo4jRoundTrip(const v1::Dataset& original) {
  const std::string dir = TempDir();
  const Graph graph = GraphOf(original);
  absl::StatusOr<Neo4jExportCounts> counts =
      ExportNeo4jCsv(graph, dir + "/nodes.csv", dir + "/rels.csv");
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->nodes, static_cast<int64_t>(graph.num_nodes()));
  absl::StatusOr<ImportResult> back =
      ImportNeo4jCsv(dir + "/nodes.csv", dir + "/rels.csv");
  ASSERT_TRUE(back.ok()) << back.status();
  // Events and the relationship types the importer does not know come back
  // as rejected rows; everything else comes back.
  const int64_t events = original.events_size();
  int64_t unknown_relations = 0;
  for (const v1::Relation& r : original.relations()) {
    unknown_relations += !ImporterKnows(r.kind());
  }
  int64_t participations = 0;
  for (uint32_t e = 0; e < graph.num_edges(); ++e) {
    participations += graph.edge(EdgeId(e)).kind == EdgeKind::kParticipation;
  }
  EXPECT_EQ(back->report.rows_rejected(),
            events + unknown_relations + participations)
      << back->report.Summary();
  EXPECT_TRUE(back->report.Reconciles());
  const std::vector<std::string> want = CarriedSet(original, true);
  const std::vector<std::string> got = CarriedSet(back->dataset, false);
  EXPECT_EQ(want, got);
  // And record by record with MessageDifferencer (same order after sorting).
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    v1::Record a, b;
    ASSERT_TRUE(::google::protobuf::TextFormat::ParseFromString(want[i], &a));
    ASSERT_TRUE(::google::protobuf::TextFormat::ParseFromString(got[i], &b));
    EXPECT_TRUE(MessageDifferencer::Equals(a, b)) << want[i] << "\n" << got[i];
  }
  std::filesystem::remove_all(dir);
}

TEST(Neo4jCsvTest, RoundTripThroughTheImporterOfTheArticle) {
  CheckNeo4jRoundTrip(Article());
}

// Regression: relation periods were lost on re-import (only the start year
// came back), so ownership stakes that do not overlap in time summed over
// 100 % and failed validation.
TEST(Neo4jCsvTest, RoundTripKeepsRelationPeriods) {
  testing::DatasetBuilder b;
  b.Actor("OWNER1").Actor("OWNER2").Actor("CO");
  b.Relation("R1", v1::RELATION_KIND_OWNERSHIP, "OWNER1", "CO", 80,
             v1::STATUS_CONFIRMED, 2001, 2005);
  b.Relation("R2", v1::RELATION_KIND_OWNERSHIP, "OWNER2", "CO", 70,
             v1::STATUS_CONFIRMED, 2010, 2015);
  b.dataset().mutable_relations(1)->mutable_period()->mutable_start()
      ->set_month(3);
  CheckNeo4jRoundTrip(b.dataset());
  const std::string dir = TempDir();
  ASSERT_TRUE(ExportNeo4jCsv(GraphOf(b.dataset()), dir + "/nodes.csv",
                             dir + "/rels.csv").ok());
  absl::StatusOr<ImportResult> back =
      ImportNeo4jCsv(dir + "/nodes.csv", dir + "/rels.csv");
  ASSERT_TRUE(back.ok()) << back.status();
  DatasetFile file;
  file.path = "back";
  file.dataset = back->dataset;
  EXPECT_THAT(FindProblems({file}), ::testing::IsEmpty());
}

TEST(Neo4jCsvTest, RoundTripOfEscapedText) {
  v1::Dataset ds = Hostile();
  // The importer reads fields within one line: line breaks become spaces
  // on the way out, so compare against that.
  ds.mutable_actors(2)->set_name(
      "Tricky & <Co> \"Ltd\", 'ok' line\x01two; semi\\back");
  CheckNeo4jRoundTrip(ds);
}

TEST(Neo4jCsvTest, HeadersAndLabels) {
  const Graph graph = GraphOf(Hostile());
  std::ostringstream nodes, rels;
  Neo4jExportOptions o;
  o.transfer_legs = true;
  absl::StatusOr<Neo4jExportCounts> c = WriteNeo4jCsv(graph, nodes, rels, o);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(nodes.str().substr(0, nodes.str().find('\n')),
            "id:ID,name,kind:LABEL,country,aliases:string[],"
            "identifiers:string[],sanctioned:boolean");
  EXPECT_EQ(rels.str().substr(0, 23), ":START_ID,:END_ID,:TYPE");
  // One line per node: the name's line break was folded into a space.
  const std::string node_text = nodes.str();
  EXPECT_EQ(std::count(node_text.begin(), node_text.end(), '\n'),
            static_cast<int64_t>(graph.num_nodes()) + 1);
  EXPECT_NE(nodes.str().find("'ok' line"), std::string::npos);
  EXPECT_NE(nodes.str().find("\"P\"\"2\","), std::string::npos);
  EXPECT_NE(nodes.str().find("Person;Sanctioned,PRK"), std::string::npos);
  EXPECT_NE(rels.str().find("PRK,RUS,TRANSFER,T1,,rockets,2023,reported"),
            std::string::npos)
      << rels.str();
  // Transfer legs on request: two legs through C<&>1.
  EXPECT_NE(rels.str().find("PRK,C<&>1,TRANSFER_VIA,T1"), std::string::npos);
  EXPECT_NE(rels.str().find("C<&>1,RUS,TRANSFER_VIA,T1"), std::string::npos);
  EXPECT_EQ(c->relationships, 5);  // Transfer, 2 legs, ownership, sanction.
}

// Round-trip property: for random datasets, every export format that claims
// to be lossless (binary, text, JSON, record stream, JSON lines, graph
// image) reads back to the same records (nodes, edges, attributes,
// periods); the Neo4j CSV, which is lossy, re-imports to records that pass
// validation (stakes keep their periods).
TEST(RoundTripProperty, LosslessFormatsReadBackTheSameGraph) {
  std::mt19937 rng(1717);
  for (int round = 0; round < 40; ++round) {
    SCOPED_TRACE(round);
    const v1::Dataset ds = testing::RandomDataset(rng);
    const Graph graph = GraphOf(ds);
    const v1::Dataset want = DatasetFromGraph(graph);
    const std::string dir = TempDir();
    auto same = [&](const absl::StatusOr<Graph>& back, const char* format) {
      ASSERT_TRUE(back.ok()) << format << ": " << back.status();
      EXPECT_EQ(back->num_nodes(), graph.num_nodes()) << format;
      EXPECT_EQ(back->num_edges(), graph.num_edges()) << format;
      EXPECT_TRUE(MessageDifferencer::Equals(DatasetFromGraph(*back), want))
          << format;
    };
    for (const char* ext : {"pb", "textproto", "json", "records"}) {
      const std::string path = absl::StrCat(dir, "/rt.", ext);
      ASSERT_TRUE(WriteDatasetFile(want, path).ok()) << ext;
      same(LoadGraph({path}), ext);
    }
    const std::string jsonl = dir + "/rt.jsonl";
    ASSERT_TRUE(ExportJsonLines(want, jsonl).ok());
    absl::StatusOr<v1::Dataset> lines = ReadJsonLinesFile(jsonl);
    ASSERT_TRUE(lines.ok()) << lines.status();
    EXPECT_TRUE(MessageDifferencer::Equals(*lines, want));
    const std::string image = dir + "/rt.egraph";
    ASSERT_TRUE(WriteGraphImage(graph, image).ok());
    same(ReadGraphImage(image), "image");

    ASSERT_TRUE(ExportNeo4jCsv(graph, dir + "/nodes.csv", dir + "/rels.csv")
                    .ok());
    absl::StatusOr<ImportResult> back =
        ImportNeo4jCsv(dir + "/nodes.csv", dir + "/rels.csv");
    ASSERT_TRUE(back.ok()) << back.status();
    DatasetFile file;
    file.path = "neo4j";
    file.dataset = back->dataset;
    const std::vector<Problem> problems = FindProblems({file});
    EXPECT_TRUE(problems.empty()) << problems[0].ToString();
  }
}

}  // namespace
}  // namespace embargo
