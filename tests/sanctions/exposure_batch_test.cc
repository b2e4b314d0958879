// CountSanctionedNeighbors (the batch exposure count, workload query q5):
// by hand on a small graph, against SanctionedNeighbors seed by seed on
// random graphs and filters, and against the workload's expected q5 answers
// at size S.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/sanctions.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

using testing::DatasetBuilder;

// A hub H owns A, B and C; S1 and S2 are sanctioned; X is a transfer away.
//   S1 -owns-> H -owns-> A, B, C;   B -directs- S2;   C -transfer-> X (S)
Graph Small() {
  DatasetBuilder b;
  b.Actor("OFAC", v1::ACTOR_KIND_GOVERNMENT_BODY);
  for (const char* id : {"H", "A", "B", "C", "S1", "S2", "X"}) b.Actor(id);
  b.Relation("r1", v1::RELATION_KIND_OWNERSHIP, "S1", "H", 60);
  b.Relation("r2", v1::RELATION_KIND_OWNERSHIP, "H", "A", 100);
  b.Relation("r3", v1::RELATION_KIND_OWNERSHIP, "H", "B", 100);
  b.Relation("r4", v1::RELATION_KIND_OWNERSHIP, "H", "C", 100);
  b.Relation("r5", v1::RELATION_KIND_DIRECTORSHIP, "S2", "B");
  b.Transfer("t1", "C", "X", v1::ITEM_ROCKETS);
  b.Sanction("s1", "OFAC", "S1", "P", {v1::MEASURE_ASSET_FREEZE}, 2020);
  b.Sanction("s2", "OFAC", "S2", "P", {v1::MEASURE_ASSET_FREEZE}, 2020);
  b.Sanction("s3", "OFAC", "X", "P", {v1::MEASURE_ASSET_FREEZE}, 2020);
  return b.BuildGraph();
}

std::vector<NodeId> Nodes(const Graph& g, std::vector<std::string> ids) {
  std::vector<NodeId> out;
  for (const std::string& id : ids) out.push_back(*g.FindNode(id));
  return out;
}

TEST(ExposureBatchTest, ByHand) {
  const Graph g = Small();
  Filter links;
  links.edge_kinds = {EdgeKind::kOwnership, EdgeKind::kDirectorship};
  const std::vector<NodeId> seeds = Nodes(g, {"A", "B", "C", "H", "S1", "X"});
  absl::StatusOr<ExposureCounts> two =
      CountSanctionedNeighbors(g, seeds, Regime{}, PartialDate(), 2, links);
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(two->targets, 3u);  // S1, S2 and X.
  // A: S1 (A-H-S1). B: S2 (1 hop), S1 (2). C: S1 (X is a transfer away).
  // H: S1 (1), S2 (2). S1: S1 left out; S2 is 3 hops. X: no links.
  EXPECT_EQ(two->counts, (std::vector<uint32_t>{1, 2, 1, 2, 0, 0}));
  EXPECT_FALSE(two->truncated);
  absl::StatusOr<ExposureCounts> one =
      CountSanctionedNeighbors(g, seeds, Regime{}, PartialDate(), 1, links);
  EXPECT_EQ(one->counts, (std::vector<uint32_t>{0, 1, 0, 1, 0, 0}));
  // With transfers, C reaches X in one hop.
  links.edge_kinds = {EdgeKind::kOwnership, EdgeKind::kTransfer};
  EXPECT_EQ(CountSanctionedNeighbors(g, Nodes(g, {"C"}), Regime{},
                                     PartialDate(), 1, links)
                ->counts,
            (std::vector<uint32_t>{1}));
  // Before the listings there is nothing to be exposed to.
  EXPECT_EQ(CountSanctionedNeighbors(g, seeds, Regime{},
                                     *PartialDate::Parse("2019"), 2, links)
                ->targets,
            0u);
  // Bad input.
  EXPECT_FALSE(CountSanctionedNeighbors(g, seeds, Regime{}, PartialDate(), 0).ok());
  EXPECT_FALSE(CountSanctionedNeighbors(g, {NodeId(999)}, Regime{},
                                        PartialDate(), 2)
                   .ok());
  Regime unknown;
  unknown.authority_ids = {"NOPE"};
  EXPECT_FALSE(CountSanctionedNeighbors(g, seeds, unknown, PartialDate(), 2).ok());
}

// Against SanctionedNeighbors, seed by seed, on random graphs with random
// filters (node kinds and directions included), hops 1 to 4, and batches
// large enough to run on two threads.
TEST(ExposureBatchTest, AgreesWithSeedBySeedSearch) {
  for (uint32_t seed = 0; seed < 300; ++seed) {
    std::mt19937 rng(seed);
    testing::RandomGraphOptions options;
    options.max_nodes = 40;
    options.max_edges = 90;
    v1::Dataset ds = testing::RandomDataset(rng, options);
    // Sanction a random third of the actors.
    v1::Actor* authority = ds.add_actors();
    authority->set_id("AUTH");
    authority->set_name("Authority");
    authority->set_kind(v1::ACTOR_KIND_GOVERNMENT_BODY);
    authority->add_evidence()->set_source_id(ds.sources(0).id());
    const int actors = ds.actors_size() - 1;
    for (int i = 0; i < actors; ++i) {
      if (rng() % 3 != 0) continue;
      v1::Sanction* s = ds.add_sanctions();
      s->set_id(absl::StrCat("S", i));
      s->set_authority_id("AUTH");
      s->set_target_id(ds.actors(i).id());
      s->add_measures(v1::MEASURE_ASSET_FREEZE);
      s->mutable_listed()->set_year(2000 + static_cast<int>(rng() % 20));
      s->set_status(v1::STATUS_CONFIRMED);
      s->add_evidence()->set_source_id(ds.sources(0).id());
    }
    GraphBuilder builder;
    builder.AddDataset(ds, "random");
    absl::StatusOr<Graph> g = builder.Build();
    ASSERT_TRUE(g.ok()) << g.status();
    const Filter filter = testing::RandomFilter(rng);
    const int hops = 1 + static_cast<int>(rng() % 4);
    const PartialDate as_of =
        rng() % 2 ? PartialDate() : *PartialDate::Parse("2010");
    std::vector<NodeId> seeds;
    const size_t batch = rng() % 2 ? 20 : 300;  // 300: two threads.
    for (size_t i = 0; i < batch; ++i) {
      seeds.push_back(NodeId(static_cast<uint32_t>(rng() % g->num_nodes())));
    }
    absl::StatusOr<ExposureCounts> counts =
        CountSanctionedNeighbors(*g, seeds, Regime{}, as_of, hops, filter);
    ASSERT_TRUE(counts.ok()) << counts.status();
    ASSERT_EQ(counts->counts.size(), seeds.size());
    Limits all;
    all.max_results = g->num_nodes();
    for (size_t i = 0; i < seeds.size(); ++i) {
      absl::StatusOr<Neighborhood> one = SanctionedNeighbors(
          *g, seeds[i], Regime{}, as_of, hops, filter, all);
      ASSERT_TRUE(one.ok());
      ASSERT_EQ(counts->counts[i], one->nodes.size())
          << "graph " << seed << ", seed " << g->node_id(seeds[i]) << ", "
          << hops << " hops";
    }
  }
}

TEST(ExposureBatchTest, WorkLimitTruncatesAfterTheSeedsAnswered) {
  const Graph g = Small();
  std::vector<NodeId> seeds;
  for (int i = 0; i < 400; ++i) seeds.push_back(*g.FindNode("H"));
  Limits tight;
  tight.max_work = 50;
  absl::StatusOr<ExposureCounts> c =
      CountSanctionedNeighbors(g, seeds, Regime{}, PartialDate(), 2, {}, tight);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_TRUE(c->truncated);
  EXPECT_EQ(c->truncation_reason, "work limit reached");
  EXPECT_LT(c->counts.size(), seeds.size());
  for (uint32_t n : c->counts) EXPECT_EQ(n, 3u);  // S1, S2 and X.
}

// q5 of the shared workload at size S equals its expected answers.
std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The integers of the JSON list after `"key": [` in `json`.
std::vector<std::string> ListAfter(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  size_t p = json.find("\"" + key + "\"");
  if (p == std::string::npos) return out;
  p = json.find('[', p);
  const size_t end = json.find(']', p);
  std::string item;
  for (size_t i = p + 1; i < end; ++i) {
    const char c = json[i];
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else if (c != ' ' && c != '"' && c != '\n') {
      item.push_back(c);
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

TEST(ExposureBatchTest, WorkloadQ5AtSizeS) {
  const std::string workload = EMBARGO_WORKLOAD_DIR;
  const std::string dir = absl::StrCat(::testing::TempDir(), "embargo_q5_S_", getpid());
  const std::string cmd = absl::StrCat("python3 ", workload,
                                       "/gen_graph.py --size S --seed 7 --out ",
                                       dir, " > /dev/null 2>&1");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  absl::StatusOr<Neo4jCsvGraph> loaded =
      LoadNeo4jCsvGraph(dir + "/nodes.csv", dir + "/edges.csv");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const Graph& g = loaded->graph;
  std::vector<NodeId> seeds;
  for (const std::string& id : ListAfter(ReadFile(dir + "/queries.json"), "q5_seeds")) {
    seeds.push_back(*g.FindNode(id));
  }
  ASSERT_EQ(seeds.size(), 417u);
  Filter links;
  links.edge_kinds = {EdgeKind::kOwnership, EdgeKind::kDirectorship,
                      EdgeKind::kOperator};
  absl::StatusOr<ExposureCounts> c =
      CountSanctionedNeighbors(g, seeds, Regime{}, PartialDate(), 2, links);
  ASSERT_TRUE(c.ok()) << c.status();
  std::vector<std::string> got;
  for (uint32_t n : c->counts) got.push_back(absl::StrCat(n));
  const std::string expected = ReadFile(workload + "/expected/S.json");
  EXPECT_EQ(got, ListAfter(expected.substr(expected.find("\"answers\"")), "q5"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace embargo
