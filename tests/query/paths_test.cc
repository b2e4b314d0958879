// Hand-checked query cases: a small graph where each answer is read off by
// eye.
//
//   PRK --rockets 2023 (alleged)--> SHIP --> RUS   (one transfer, via SHIP)
//   PRK --artillery_ammunition 2022-11 (reported)--> RUS
//   PRK --drones 2019 (denied)--> RUS
//   RUS --components 2024 (confirmed)--> PRK
//   P1 (person) --visit 2023-07--> PRK ; P1 --employment--> RUS
//   CO (company) owns 60 % of SHIP since 2021

#include <string>
#include <vector>

#include "embargo/explain.h"
#include "embargo/query.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::DatasetBuilder;

class PathsTest : public ::testing::Test {
 protected:
  PathsTest() {
    DatasetBuilder b;
    b.State("RUS").State("PRK").Actor("SHIP", v1::ACTOR_KIND_VESSEL);
    b.Actor("P1", v1::ACTOR_KIND_PERSON).Actor("CO", v1::ACTOR_KIND_COMPANY);
    b.Transfer("T-ROCKETS", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_ALLEGED,
               2023, {"SHIP"});
    b.Transfer("T-SHELLS", "PRK", "RUS", v1::ITEM_ARTILLERY_AMMUNITION,
               v1::STATUS_REPORTED, 2022);
    b.dataset().mutable_transfers(1)->mutable_ordered()->set_month(11);
    b.Transfer("T-DRONES", "PRK", "RUS", v1::ITEM_DRONES, v1::STATUS_DENIED, 2019);
    b.Transfer("T-PARTS", "RUS", "PRK", v1::ITEM_COMPONENTS,
               v1::STATUS_CONFIRMED, 2024);
    b.Relation("R-VISIT", v1::RELATION_KIND_VISIT, "P1", "PRK", 0,
               v1::STATUS_REPORTED, 2023, 2023);
    b.Relation("R-JOB", v1::RELATION_KIND_EMPLOYMENT, "P1", "RUS");
    b.Relation("R-OWN", v1::RELATION_KIND_OWNERSHIP, "CO", "SHIP", 60,
               v1::STATUS_CONFIRMED, 2021, 0);
    graph_ = b.BuildGraph();
    rus_ = *graph_.FindNode("RUS");
    prk_ = *graph_.FindNode("PRK");
  }

  // The record ids along each path, e.g. "T-ROCKETS,T-ROCKETS".
  std::vector<std::string> Ids(const Paths& paths) {
    std::vector<std::string> out;
    for (const Path& p : paths.paths) {
      std::string s;
      for (const Hop& h : p.hops) {
        s += (s.empty() ? "" : ",") + graph_.EdgeRecordId(h.edge);
      }
      out.push_back(s);
    }
    return out;
  }

  Graph graph_ = DatasetBuilder().BuildGraph();
  NodeId rus_, prk_;
};

TEST_F(PathsTest, MunitionsFromPrkToRus) {
  Filter f;
  f.edge_kinds = TransferKinds();
  f.items = {v1::ITEM_ROCKETS, v1::ITEM_ARTILLERY_AMMUNITION, v1::ITEM_DRONES};
  f.direction = Direction::kAlong;
  absl::StatusOr<Paths> p = AllPaths(graph_, prk_, rus_, 3, f);
  ASSERT_TRUE(p.ok());
  // Denied drones are left out by the default minimum status.
  EXPECT_THAT(Ids(*p), ElementsAre("T-ROCKETS", "T-SHELLS", "T-ROCKETS,T-ROCKETS"));

  f.min_status = v1::STATUS_DENIED;
  EXPECT_EQ(AllPaths(graph_, prk_, rus_, 3, f)->paths.size(), 4u);
  f.min_status = v1::STATUS_REPORTED;
  EXPECT_THAT(Ids(*AllPaths(graph_, prk_, rus_, 3, f)), ElementsAre("T-SHELLS"));
}

TEST_F(PathsTest, DirectionMatters) {
  Filter f;
  f.edge_kinds = {EdgeKind::kTransfer};
  f.direction = Direction::kAlong;
  EXPECT_THAT(Ids(*AllPaths(graph_, rus_, prk_, 1, f)), ElementsAre("T-PARTS"));
  f.direction = Direction::kAgainst;
  EXPECT_THAT(Ids(*AllPaths(graph_, rus_, prk_, 1, f)),
              ElementsAre("T-ROCKETS", "T-SHELLS"));
  f.direction = Direction::kEither;
  EXPECT_EQ(AllPaths(graph_, rus_, prk_, 1, f)->paths.size(), 3u);
}

TEST_F(PathsTest, PartialDatesPossiblyOrCertainly) {
  Filter f;
  f.edge_kinds = {EdgeKind::kTransfer};
  f.from = *PartialDate::Parse("2022-11-15");
  f.until = *PartialDate::Parse("2022-12-31");
  // "2022-11" possibly overlaps the window but does not lie inside it.
  EXPECT_THAT(Ids(*AllPaths(graph_, prk_, rus_, 1, f)), ElementsAre("T-SHELLS"));
  f.date_match = DateMatch::kCertain;
  EXPECT_TRUE(AllPaths(graph_, prk_, rus_, 1, f)->paths.empty());
  f.from = *PartialDate::Parse("2022-11");
  EXPECT_THAT(Ids(*AllPaths(graph_, prk_, rus_, 1, f)), ElementsAre("T-SHELLS"));
}

TEST_F(PathsTest, NodeKindsFilterTheNodesInBetween) {
  Filter f;
  f.edge_kinds = TransferKinds();
  f.node_kinds = {NodeKind::kState};  // No vessel in between.
  EXPECT_THAT(Ids(*AllPaths(graph_, prk_, rus_, 3, f)),
              ElementsAre("T-ROCKETS", "T-SHELLS", "T-PARTS"));
}

TEST_F(PathsTest, ShortestPathPrefersFewerHops) {
  Filter f;
  f.edge_kinds = {EdgeKind::kVisit, EdgeKind::kEmployment, EdgeKind::kOwnership,
                  EdgeKind::kTransferVia};
  absl::StatusOr<std::optional<Path>> p = ShortestPath(graph_, rus_, prk_, f);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->length(), 2u);
  // Both RUS-P1-PRK and RUS-SHIP-PRK are 2 hops; either is right.
  const std::string mid(graph_.node_id((*p)->hops[0].to));
  EXPECT_TRUE(mid == "P1" || mid == "SHIP") << mid;

  f.edge_kinds = {EdgeKind::kOwnership};
  EXPECT_FALSE(ShortestPath(graph_, rus_, prk_, f)->has_value());
  EXPECT_EQ(ShortestPath(graph_, rus_, rus_, f)->value().length(), 0u);
}

TEST_F(PathsTest, KShortestInOrder) {
  Filter f;
  absl::StatusOr<Paths> p = KShortestPaths(graph_, prk_, rus_, 10, f);
  ASSERT_TRUE(p.ok());
  // 3 direct transfers, then 2-hop paths: via SHIP (leg+leg), via P1.
  ASSERT_GE(p->paths.size(), 5u);
  EXPECT_EQ(p->paths[0].length(), 1u);
  EXPECT_EQ(p->paths[2].length(), 1u);
  EXPECT_EQ(p->paths[3].length(), 2u);
  for (size_t i = 1; i < p->paths.size(); ++i) {
    EXPECT_LE(p->paths[i - 1].length(), p->paths[i].length());
  }
}

TEST_F(PathsTest, NeighborsByDistance) {
  Filter f;
  f.edge_kinds = {EdgeKind::kVisit, EdgeKind::kEmployment};
  absl::StatusOr<Neighborhood> n = Neighbors(graph_, prk_, 2, f);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(n->nodes.size(), 2u);
  EXPECT_EQ(graph_.node_id(n->nodes[0].node), "P1");
  EXPECT_EQ(n->nodes[0].hops, 1);
  EXPECT_EQ(graph_.node_id(n->nodes[1].node), "RUS");
  EXPECT_EQ(n->nodes[1].hops, 2);
  Limits one;
  one.max_results = 1;
  absl::StatusOr<Neighborhood> capped = Neighbors(graph_, prk_, 2, f, one);
  EXPECT_EQ(capped->nodes.size(), 1u);
  EXPECT_TRUE(capped->truncated);
}

TEST_F(PathsTest, BadArgumentsAreErrors) {
  EXPECT_EQ(ShortestPath(graph_, NodeId(999), rus_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ShortestPath(graph_, NodeId(), rus_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AllPaths(graph_, rus_, prk_, -1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(KShortestPaths(graph_, rus_, prk_, -2).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Neighbors(graph_, NodeId(77), 1).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PathsTest, WorkLimitStopsTheSearch) {
  Limits tiny;
  tiny.max_work = 1;
  absl::StatusOr<std::optional<Path>> p =
      ShortestPath(graph_, *graph_.FindNode("CO"), prk_, Filter(), tiny);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kResourceExhausted);
  absl::StatusOr<Paths> all = AllPaths(graph_, prk_, rus_, 3, Filter(), tiny);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->truncated);
  EXPECT_EQ(all->truncation_reason, "work limit reached");
  absl::StatusOr<PathCount> count = CountPaths(graph_, prk_, rus_, 3, Filter(), tiny);
  EXPECT_TRUE(count->truncated);
}

TEST_F(PathsTest, ExplainNamesRecordSourceAndStatus) {
  Filter f;
  f.edge_kinds = {EdgeKind::kTransfer};
  f.items = {v1::ITEM_ARTILLERY_AMMUNITION};
  absl::StatusOr<Paths> p = AllPaths(graph_, rus_, prk_, 1, f);
  ASSERT_EQ(p->paths.size(), 1u);
  HopDetail d = ExplainHop(graph_, p->paths[0].hops[0]);
  EXPECT_EQ(d.record_kind, "transfer");
  EXPECT_EQ(d.record_id, "T-SHELLS");
  EXPECT_FALSE(d.hop.along);  // Walked RUS <- PRK.
  EXPECT_EQ(d.when, "ordered 2022-11");
  ASSERT_EQ(d.evidence.size(), 1u);
  ASSERT_NE(d.evidence[0].source, nullptr);
  EXPECT_EQ(d.evidence[0].source->id(), "src");
  EXPECT_EQ(d.summary,
            "RUS <- PRK  transfer artillery_ammunition, ordered 2022-11 "
            "(reported) T-SHELLS");
  EXPECT_THAT(FormatPath(graph_, p->paths[0]), HasSubstr("source: test fixture"));
}

// A -> M0..M{width-1} -> B: exactly `width` two-hop paths from A to B.
Graph Fan(int width) {
  DatasetBuilder b;
  b.Actor("A").Actor("B");
  for (int i = 0; i < width; ++i) {
    const std::string m = "M" + std::to_string(i);
    b.Actor(m)
        .Transfer("Ta" + std::to_string(i), "A", m, v1::ITEM_ROCKETS,
                  v1::STATUS_REPORTED, 2020)
        .Transfer("Tb" + std::to_string(i), m, "B", v1::ITEM_ROCKETS,
                  v1::STATUS_REPORTED, 2020);
  }
  return b.BuildGraph();
}

// Regression: k was cut to the result limit and `truncated` stayed false
// (paths --k 1200 --limit 1100 returned 1100 paths, unflagged).
TEST(KShortestLimitTest, KOverTheLimitIsFlaggedOnlyWhenMoreExist) {
  const Graph g = Fan(1200);
  const NodeId a = *g.FindNode("A"), b = *g.FindNode("B");
  Limits limits;
  limits.max_results = 1100;
  absl::StatusOr<Paths> p = KShortestPaths(g, a, b, 1200, Filter(), limits);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->paths.size(), 1100u);
  EXPECT_TRUE(p->truncated);
  EXPECT_EQ(p->truncation_reason, "result limit reached");
  // Exactly as many paths as the limit: complete, not flagged.
  const Graph small = Fan(5);
  limits.max_results = 5;
  p = KShortestPaths(small, *small.FindNode("A"), *small.FindNode("B"), 9,
                     Filter(), limits);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->paths.size(), 5u);
  EXPECT_FALSE(p->truncated);
}

// Regression: an inverted window was accepted by Filter and answered with
// undated or long-spanning edges only; every query now refuses it.
TEST(FilterValidationTest, InvertedDateWindowIsRefused) {
  const Graph g = Fan(2);
  const NodeId a = *g.FindNode("A"), b = *g.FindNode("B");
  Filter f;
  f.from = *PartialDate::Parse("2024-06");
  f.until = *PartialDate::Parse("2023");
  EXPECT_THAT(ValidateFilter(f).message(),
              HasSubstr("the date window starts (2024-06) after it ends "
                        "(2023)"));
  EXPECT_EQ(AllPaths(g, a, b, 2, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ShortestPath(g, a, b, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(KShortestPaths(g, a, b, 3, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CountPaths(g, a, b, 2, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Neighbors(g, a, 1, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Same year on both ends is a window, not an inversion.
  f.from = *PartialDate::Parse("2020-01");
  f.until = *PartialDate::Parse("2020");
  EXPECT_TRUE(ValidateFilter(f).ok());
  absl::StatusOr<Paths> p = AllPaths(g, a, b, 2, f);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->paths.size(), 2u);
}

}  // namespace
}  // namespace embargo
