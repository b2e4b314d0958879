// Tests of lib/sanctions/effective.cc: effective ownership through chains,
// diamonds and cycles, worked out by hand.

#include <cmath>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "embargo/sanctions.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/sanctions/test_util.h"

namespace embargo {
namespace {

using sanctions_testing::Data;
using sanctions_testing::P;

double Share(const Graph& g, const std::string& owner, const std::string& asset,
             const EffectiveOptions& o = {}) {
  absl::StatusOr<Holding> h =
      EffectiveShareOf(g, *g.FindNode(owner), *g.FindNode(asset), o);
  EXPECT_TRUE(h.ok()) << h.status();
  return h.ok() ? h->share_percent : -1;
}

TEST(EffectiveOwnershipTest, ProductAlongAChain) {
  Data d;
  d.Person("O").Company("A").Company("B");
  d.Own("R1", "O", "A", 60).Own("R2", "A", "B", 50);
  Graph g = d.Graph();
  EXPECT_DOUBLE_EQ(Share(g, "O", "A"), 60);
  EXPECT_DOUBLE_EQ(Share(g, "O", "B"), 30);
  EXPECT_DOUBLE_EQ(Share(g, "A", "O"), 0);
  Holding h = *EffectiveShareOf(g, *g.FindNode("O"), *g.FindNode("B"));
  EXPECT_DOUBLE_EQ(h.direct_percent, 0);
  ASSERT_EQ(h.top_chains.size(), 1u);
  EXPECT_DOUBLE_EQ(h.top_chains[0].share_percent, 30);
  EXPECT_EQ(h.top_chains[0].nodes,
            (std::vector<NodeId>{*g.FindNode("O"), *g.FindNode("A"),
                                 *g.FindNode("B")}));
  EXPECT_EQ(g.EdgeRecordId(h.top_chains[0].edges[1]), "R2");
}

TEST(EffectiveOwnershipTest, SumOverADiamond) {
  Data d;
  d.Person("O").Company("A").Company("B").Company("C");
  d.Own("R1", "O", "A", 50).Own("R2", "O", "B", 50);
  d.Own("R3", "A", "C", 39.5).Own("R4", "B", "C", 60).Own("R5", "O", "C", 0.5);
  Graph g = d.Graph();
  Holding h = *EffectiveShareOf(g, *g.FindNode("O"), *g.FindNode("C"));
  EXPECT_NEAR(h.share_percent, 19.75 + 30 + 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(h.direct_percent, 0.5);
  ASSERT_EQ(h.top_chains.size(), 3u);
  EXPECT_NEAR(h.top_chains[0].share_percent, 30, 1e-9);  // Via B.
  EXPECT_NEAR(h.top_chains[1].share_percent, 19.75, 1e-9);  // Via A.
  EXPECT_NEAR(h.top_chains[2].share_percent, 0.5, 1e-9);
  EffectiveOptions two;
  two.chains_per_holding = 2;
  EXPECT_EQ(EffectiveShareOf(g, *g.FindNode("O"), *g.FindNode("C"), two)
                ->top_chains.size(),
            2u);
}

TEST(EffectiveOwnershipTest, CrossHoldingCountsWalks) {
  // O owns 50 % of A, A owns all of B, B owns the other 50 % of A: every
  // walk O->A->B->A->... adds, and O effectively owns all of A and B.
  Data d;
  d.Person("O").Company("A").Company("B");
  d.Own("R1", "O", "A", 50).Own("R2", "A", "B", 100).Own("R3", "B", "A", 50);
  Graph g = d.Graph();
  absl::StatusOr<EffectiveOwnership> e =
      EffectiveOwnershipOf(g, *g.FindNode("O"));
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_FALSE(e->unbounded);
  ASSERT_EQ(e->holdings.size(), 2u);
  EXPECT_NEAR(e->Find(*g.FindNode("A"))->share_percent, 100, 1e-9);
  EXPECT_NEAR(e->Find(*g.FindNode("B"))->share_percent, 100, 1e-9);
  // Simple chains only: O->A (50) and O->A->B (50).
  EXPECT_EQ(e->Find(*g.FindNode("A"))->top_chains.size(), 1u);
}

TEST(EffectiveOwnershipTest, PureCycleOfFullOwnershipDoesNotBlowUp) {
  Data d;
  d.Company("A").Company("B").Company("C");
  d.Own("R1", "A", "B", 100).Own("R2", "B", "C", 100).Own("R3", "C", "A", 100);
  Graph g = d.Graph();
  absl::StatusOr<EffectiveOwnership> e =
      EffectiveOwnershipOf(g, *g.FindNode("A"));
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_FALSE(e->unbounded);
  ASSERT_EQ(e->holdings.size(), 2u);  // A's stake in itself is not counted.
  EXPECT_DOUBLE_EQ(e->Find(*g.FindNode("B"))->share_percent, 100);
  EXPECT_DOUBLE_EQ(e->Find(*g.FindNode("C"))->share_percent, 100);
}

TEST(EffectiveOwnershipTest, CycleWithLeakageSolvedExactly) {
  // O owns 10 % of A; A owns 90 % of B; B owns 90 % of A.
  // a = 0.1 + 0.9 b, b = 0.9 a  =>  a = 0.1 / 0.19.
  Data d;
  d.Person("O").Company("A").Company("B");
  d.Own("R1", "O", "A", 10).Own("R2", "A", "B", 90).Own("R3", "B", "A", 90);
  Graph g = d.Graph();
  EXPECT_NEAR(Share(g, "O", "A"), 100 * 0.1 / 0.19, 1e-9);
  EXPECT_NEAR(Share(g, "O", "B"), 100 * 0.9 * 0.1 / 0.19, 1e-9);
}

TEST(EffectiveOwnershipTest, DatesSelectRelations) {
  // X owned A until 2005, then Y; A and B hold all of each other... only
  // possible while the two stakes in A do not overlap.
  Data d;
  d.Person("X").Person("Y").Company("A").Company("B");
  d.Own("R1", "X", "A", 50, "2000", "2005");
  d.Own("R2", "Y", "A", 50, "2006", "");
  d.Own("R3", "A", "B", 100).Own("R4", "B", "A", 50);
  Graph g = d.Graph();
  EffectiveOptions o;
  o.as_of = P("2003");
  EXPECT_NEAR(Share(g, "X", "A", o), 100, 1e-9);
  EXPECT_NEAR(Share(g, "Y", "A", o), 0, 1e-9);
  o.as_of = P("2010");
  EXPECT_NEAR(Share(g, "X", "A", o), 0, 1e-9);
  EXPECT_NEAR(Share(g, "Y", "B", o), 100, 1e-9);
}

TEST(EffectiveOwnershipTest, UndatedOverlapCanBeUnbounded) {
  // A's owners hold 100 % in each period, but with dates ignored the
  // stakes add to 200 % and A, B own more than all of each other.
  Data d;
  d.Person("X").Company("Y").Company("A").Company("B");
  d.Own("R1", "X", "A", 50, "2000", "2005");
  d.Own("R2", "B", "A", 50, "2000", "2005");
  d.Own("R3", "Y", "A", 100, "2006", "");
  d.Own("R4", "A", "B", 100);
  d.Own("R5", "A", "Y", 100, "2006", "");
  Graph g = d.Graph();
  EffectiveOptions o;
  o.as_of = P("2003");
  absl::StatusOr<EffectiveOwnership> dated =
      EffectiveOwnershipOf(g, *g.FindNode("X"), o);
  ASSERT_TRUE(dated.ok());
  EXPECT_FALSE(dated->unbounded);
  EXPECT_NEAR(dated->Find(*g.FindNode("A"))->share_percent, 100, 1e-9);
  absl::StatusOr<EffectiveOwnership> undated =
      EffectiveOwnershipOf(g, *g.FindNode("X"));
  ASSERT_TRUE(undated.ok());
  EXPECT_TRUE(undated->unbounded);
  EXPECT_TRUE(std::isinf(undated->Find(*g.FindNode("A"))->share_percent));
}

TEST(EffectiveOwnershipTest, MinShareAndErrors) {
  Data d;
  d.Person("O").Company("A").Company("B");
  d.Own("R1", "O", "A", 60).Own("R2", "A", "B", 10);
  Graph g = d.Graph();
  EffectiveOptions o;
  o.min_share_percent = 10;
  EffectiveOwnership e = *EffectiveOwnershipOf(g, *g.FindNode("O"), o);
  ASSERT_EQ(e.holdings.size(), 1u);
  EXPECT_EQ(e.holdings[0].node, *g.FindNode("A"));
  EXPECT_EQ(EffectiveOwnershipOf(g, NodeId(77)).status().code(),
            absl::StatusCode::kInvalidArgument);
  o.chains_per_holding = -1;
  EXPECT_EQ(EffectiveOwnershipOf(g, *g.FindNode("O"), o).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace embargo
