// Tests of lib/sanctions/regime_paths.cc: paths to and neighbours among the
// nodes of a sanctions regime.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "embargo/explain.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/sanctions/test_util.h"

namespace embargo {
namespace {

using sanctions_testing::Data;
using sanctions_testing::P;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Render(const Graph& g, const Paths& paths) {
  std::vector<std::string> out;
  for (const Path& p : paths.paths) {
    std::string s(g.node_id(p.source));
    for (const Hop& h : p.hops) s += ">" + std::string(g.node_id(h.to));
    out.push_back(s);
  }
  return out;
}

Graph Small() {
  Data d;
  d.Authority("UNSC").Authority("OFAC").State("RUS").State("PRK");
  d.Company("FRONT").Company("BROKER").Company("OTHER");
  d.Sanction("UN-PRK", "UNSC", "PRK", "UNSCR 1718",
             {v1::MEASURE_ARMS_EMBARGO_EXPORTS}, "2006-10-14");
  d.Sanction("UN-FRONT", "UNSC", "FRONT", "UNSCR 1718",
             {v1::MEASURE_ASSET_FREEZE}, "2017-08");
  d.Sanction("OFAC-OTHER", "OFAC", "OTHER", "RUSSIA-EO14024",
             {v1::MEASURE_ASSET_FREEZE}, "2022");
  d.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, "2023");
  d.Transfer("T2", "BROKER", "RUS", v1::ITEM_ROCKETS, "2023");
  d.Own("R1", "FRONT", "BROKER", 99.5);
  d.Own("R2", "OTHER", "BROKER", 0.5, "", "");
  return d.Graph();
}

Regime Un1718() {
  Regime r;
  r.authority_ids = {"UNSC"};
  r.programs = {"UNSCR 1718"};
  return r;
}

TEST(PathsToSanctionedTest, RussiaToAnyUn1718Target) {
  Graph g = Small();
  Paths p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 2);
  EXPECT_FALSE(p.truncated);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK", "RUS>BROKER>FRONT"));
  // Three hops also reach FRONT through the sanction edges at UNSC.
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 3);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK", "RUS>BROKER>FRONT",
                                        "RUS>PRK>UNSC>FRONT"));
  // Before FRONT's listing only PRK is a target.
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2016"), 2);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK"));
  // OTHER (an OFAC target) only when the regime allows it.
  Regime any;
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), any, P("2023"), 2);
  ASSERT_EQ(p.paths.size(), 3u);
  EXPECT_EQ(Render(g, p)[0], "RUS>PRK");
  EXPECT_THAT(Render(g, p), UnorderedElementsAre("RUS>PRK", "RUS>BROKER>FRONT",
                                                 "RUS>BROKER>OTHER"));
}

TEST(PathsToSanctionedTest, FilterAndLimitsApply) {
  Graph g = Small();
  Filter transfers;
  transfers.edge_kinds = TransferKinds();
  Paths p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 3,
                               transfers);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK"));
  Filter along;
  along.direction = Direction::kAlong;  // RUS is the recipient: nothing.
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 3, along);
  EXPECT_THAT(Render(g, p), ElementsAre());
  Filter no_companies;
  no_companies.node_kinds = AllNodeKinds();
  no_companies.node_kinds.Remove(NodeKind::kCompany);
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 3,
                         no_companies);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK", "RUS>PRK>UNSC>FRONT"));
  Limits one;
  one.max_results = 1;
  p = *PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 3, {}, one);
  EXPECT_THAT(Render(g, p), ElementsAre("RUS>PRK"));
  EXPECT_TRUE(p.truncated);
  EXPECT_EQ(PathsToSanctioned(g, *g.FindNode("RUS"), Un1718(), P("2023"), 0)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PathsToSanctionedTest, SameAsAllPathsToEachTarget) {
  absl::StatusOr<Graph> g = LoadGraph(
      {std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto"});
  ASSERT_TRUE(g.ok()) << g.status();
  NodeId rus = *g->FindNode("RUS");
  NodeSet targets = *SanctionedNodes(*g, Un1718(), P("2023-08-03"));
  EXPECT_THAT(targets.Nodes(), UnorderedElementsAre(*g->FindNode("PRK"),
                                                    *g->FindNode("KOMID")));
  Paths mine = *PathsToSanctioned(*g, rus, Un1718(), P("2023-08-03"), 3);
  std::vector<Path> expected;
  for (NodeId t : targets.Nodes()) {
    absl::StatusOr<Paths> to_t = AllPaths(*g, rus, t, 3);
    ASSERT_TRUE(to_t.ok()) << to_t.status();
    for (const Path& p : to_t->paths) expected.push_back(p);
  }
  auto key = [](const Path& p) {
    std::vector<uint32_t> k{static_cast<uint32_t>(p.length())};
    for (const Hop& h : p.hops) k.push_back(h.edge.value());
    k.push_back(p.target().value());
    return k;
  };
  auto sorted = [&](std::vector<Path> v) {
    std::sort(v.begin(), v.end(),
              [&](const Path& a, const Path& b) { return key(a) < key(b); });
    return v;
  };
  EXPECT_FALSE(mine.paths.empty());
  EXPECT_EQ(sorted(mine.paths), sorted(expected));
}

TEST(SanctionedNeighborsTest, NearestTargetsOfTheRegime) {
  Graph g = Small();
  Neighborhood n =
      *SanctionedNeighbors(g, *g.FindNode("RUS"), Un1718(), P("2023"), 2);
  ASSERT_EQ(n.nodes.size(), 2u);
  EXPECT_EQ(n.nodes[0].node, *g.FindNode("PRK"));
  EXPECT_EQ(n.nodes[0].hops, 1);
  EXPECT_EQ(n.nodes[1].node, *g.FindNode("FRONT"));
  EXPECT_EQ(n.nodes[1].hops, 2);
  n = *SanctionedNeighbors(g, *g.FindNode("RUS"), Un1718(), P("2023"), 1);
  EXPECT_EQ(n.nodes.size(), 1u);
}

}  // namespace
}  // namespace embargo
