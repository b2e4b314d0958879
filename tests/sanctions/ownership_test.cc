// Tests of lib/sanctions/ownership.cc: the OFAC 50 % rule and the EU/UK
// ownership-or-control rule on hand-built cases whose answers are worked
// out in the comments.

#include <set>
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
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

const v1::Measure kFreeze = v1::MEASURE_ASSET_FREEZE;

// Ids of the blocked nodes, "id" or "id?" when only possibly blocked.
std::set<std::string> Blocked(const Graph& g, const OwnershipOptions& o = {}) {
  absl::StatusOr<BlockedSet> b = BlockedByOwnership(g, o);
  EXPECT_TRUE(b.ok()) << b.status();
  std::set<std::string> out;
  if (!b.ok()) return out;
  for (const BlockedEntity& e : b->entities) {
    out.insert(std::string(g.node_id(e.node)) +
               (e.certainty == Certainty::kPossible ? "?" : ""));
  }
  return out;
}

Data Base() {
  Data d;
  d.Authority("OFAC");
  return d;
}

TEST(OwnershipTest, SeveralOwnersSummingToExactlyFifty) {
  Data d = Base();
  d.Person("P1").Person("P2").Company("C");
  d.Sanction("S1", "OFAC", "P1", "DPRK3", {kFreeze}, "2020");
  d.Sanction("S2", "OFAC", "P2", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P1", "C", 30).Own("R2", "P2", "C", 20);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P1", "P2", "C"}));
  OwnershipOptions eu;
  eu.rule = OwnershipRule::kEuControl;
  eu.any_authority = true;  // These cases hold OFAC sanctions only.
  EXPECT_EQ(Blocked(g, eu), (std::set<std::string>{"P1", "P2"}));

  BlockedSet b = *BlockedByOwnership(g);
  const BlockedEntity* c = b.Find(*g.FindNode("C"));
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->directly_sanctioned);
  EXPECT_TRUE(c->blocked_by_ownership);
  EXPECT_DOUBLE_EQ(c->blocked_share, 50);
  ASSERT_EQ(c->stakes.size(), 2u);
  EXPECT_TRUE(c->stakes[0].explaining);
  EXPECT_TRUE(c->stakes[1].explaining);
  EXPECT_EQ(c->stakes[0].owner, *g.FindNode("P1"));  // Larger share first.
  EXPECT_EQ(b.num_direct, 2u);
  EXPECT_EQ(b.num_derived, 1u);
  const BlockedEntity* p1 = b.Find(*g.FindNode("P1"));
  ASSERT_NE(p1, nullptr);
  ASSERT_EQ(p1->sanctions.size(), 1u);
  EXPECT_EQ(p1->sanctions[0].sanction_id, "S1");
}

// A stake of unknown size (share 0 in the records) from a blocked owner:
// it may be anything up to the whole company, so C is possibly blocked,
// with or without dates; never "not blocked", never certainly.
TEST(OwnershipTest, AStakeOfUnknownSizeBlocksPossibly) {
  Data d = Base();
  d.Person("P1").Person("P2").Company("C").Company("D");
  d.Sanction("S1", "OFAC", "P1", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P1", "C", 0);
  // D: 30 % known from P1's company C (possibly blocked) and nothing else.
  d.Own("R2", "C", "D", 30);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P1", "C?"}));
  OwnershipOptions dated;
  dated.as_of = P("2021-01-01");
  EXPECT_EQ(Blocked(g, dated), (std::set<std::string>{"P1", "C?"}));
  BlockedSet b = *BlockedByOwnership(g);
  const BlockedEntity* c = b.Find(*g.FindNode("C"));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->blocked_by_ownership);
  EXPECT_DOUBLE_EQ(c->blocked_share, 0);  // Known shares only.
  ASSERT_EQ(c->stakes.size(), 1u);
  EXPECT_EQ(c->stakes[0].share_percent, 0);
  EXPECT_TRUE(c->stakes[0].explaining);
  EXPECT_THAT(FormatBlockChain(g, b, *g.FindNode("C")),
              HasSubstr("owned (share unknown) by P1"));
  // A second blocked owner's 60 % blocks C certainly; the unknown stake
  // does not add to the certain sum.
  d.Person("P3").Sanction("S3", "OFAC", "P3", "DPRK3", {kFreeze}, "2020");
  d.Own("R3", "P3", "C", 60);
  Graph g2 = d.Graph();
  EXPECT_EQ(Blocked(g2), (std::set<std::string>{"P1", "P3", "C"}));
}

// One owner's several records of a stake in the same company (a register's
// successive holdings, 51 % then 48 %; or two lists repeating one stake)
// count once, with the largest: 51 %, not 99 %. Two owners still add up.
TEST(OwnershipTest, OneOwnersRecordsOfAStakeCountOnce) {
  Data d = Base();
  d.Person("P1").Person("P2").Company("C").Company("E");
  d.Sanction("S1", "OFAC", "P1", "DPRK3", {kFreeze}, "2020");
  d.Sanction("S2", "OFAC", "P2", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P1", "C", 30).Own("R2", "P1", "C", 25);
  d.Own("R3", "P1", "E", 30).Own("R4", "P2", "E", 25);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P1", "P2", "E"}));
  d.Own("R5", "P1", "C", 51);
  Graph g2 = d.Graph();
  BlockedSet b = *BlockedByOwnership(g2);
  const BlockedEntity* c = b.Find(*g2.FindNode("C"));
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->blocked_share, 51);
  ASSERT_EQ(c->stakes.size(), 3u);
  EXPECT_TRUE(c->stakes[0].explaining);   // The 51 %.
  EXPECT_FALSE(c->stakes[1].explaining);  // Listed, not added.
  EXPECT_FALSE(c->stakes[2].explaining);
}

TEST(OwnershipTest, FortyNineAndAHalfPlusABlockedEntitysStake) {
  Data d = Base();
  d.Person("P").Company("B").Company("C");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P", "C", 49.5).Own("R2", "P", "B", 100).Own("R3", "B", "C", 0.5);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P", "B", "C"}));

  BlockedSet b = *BlockedByOwnership(g);
  const BlockedEntity* c = b.Find(*g.FindNode("C"));
  const BlockedEntity* bb = b.Find(*g.FindNode("B"));
  ASSERT_NE(c, nullptr);
  ASSERT_NE(bb, nullptr);
  EXPECT_LT(bb->order, c->order);
  EXPECT_DOUBLE_EQ(c->blocked_share, 50);
  const std::string chain = FormatBlockChain(g, b, *g.FindNode("C"));
  EXPECT_THAT(chain, HasSubstr("49.5% owned by P [R1, certain]"));
  EXPECT_THAT(chain, HasSubstr("0.5% owned by B [R3, certain]"));
  EXPECT_THAT(chain, HasSubstr("100% owned by P [R2, certain]"));
  EXPECT_THAT(chain, HasSubstr("sanction S1 (OFAC, DPRK3) listed 2020"));

  // Without the subsidiary's half percent, 49.5 is not enough.
  Data d2 = Base();
  d2.Person("P").Company("C");
  d2.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d2.Own("R1", "P", "C", 49.5);
  EXPECT_EQ(Blocked(d2.Graph()), (std::set<std::string>{"P"}));
}

TEST(OwnershipTest, OwnershipThroughABlockedSubsidiary) {
  Data d = Base();
  d.Person("P").Company("S").Company("T").Company("U");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P", "S", 60).Own("R2", "S", "T", 50).Own("R3", "S", "U", 49);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P", "S", "T"}));
  BlockedSet b = *BlockedByOwnership(g);
  const std::string chain = FormatBlockChain(g, b, *g.FindNode("T"));
  EXPECT_THAT(chain, HasSubstr("T \"Name of T\" blocked (certain), 50% held"));
  EXPECT_THAT(chain, HasSubstr("    S \"Name of S\" blocked (certain), 60% held"));
  EXPECT_TRUE(FormatBlockChain(g, b, *g.FindNode("U")).empty());
}

TEST(OwnershipTest, DelistedOwner) {
  Data d = Base();
  d.Person("P").Company("C");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2015", "2020-06-30");
  d.Own("R1", "P", "C", 60);
  Graph g = d.Graph();
  OwnershipOptions o;
  o.as_of = P("2019");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C"}));
  o.as_of = P("2020-06-29");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C"}));
  o.as_of = P("2020-06-30");  // The delisting day: possibly still listed.
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P?", "C?"}));
  o.as_of = P("2020");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P?", "C?"}));
  o.as_of = P("2021");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{}));
  o.as_of = P("2015-06");  // Listed "2015": only possibly by June.
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P?", "C?"}));
}

TEST(OwnershipTest, OwnershipThatEndedBeforeTheDate) {
  Data d = Base();
  d.Person("P").Company("C");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2000");
  d.Own("R1", "P", "C", 60, "2010", "2018-12");
  Graph g = d.Graph();
  OwnershipOptions o;
  o.as_of = P("2019-05-01");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P"}));
  o.as_of = P("2018-12-15");  // The end month: possibly still held.
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C?"}));
  o.as_of = P("2018-12-01");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C"}));
  o.as_of = P("2010-06");  // The start year: possibly not yet held.
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C?"}));
  o.as_of = PartialDate();  // Dates ignored.
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C"}));
}

TEST(OwnershipTest, CyclesOfOwnership) {
  // P blocks A (50); A and B hold each other; A's 50 % of B blocks B.
  Data d = Base();
  d.Person("P").Company("A").Company("B").Company("X").Company("Y");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P", "A", 50).Own("R2", "A", "B", 50).Own("R3", "B", "A", 50);
  // X and Y hold 60 % of each other, and nobody blocked owns them.
  d.Own("R4", "X", "Y", 60).Own("R5", "Y", "X", 60);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P", "A", "B"}));
  BlockedSet b = *BlockedByOwnership(g);
  const BlockedEntity* a = b.Find(*g.FindNode("A"));
  ASSERT_NE(a, nullptr);
  // B's stake in A comes from a node blocked after A: listed, not explaining.
  ASSERT_EQ(a->stakes.size(), 2u);
  EXPECT_DOUBLE_EQ(a->blocked_share, 100);
  int explaining = 0;
  for (const Stake& s : a->stakes) explaining += s.explaining;
  EXPECT_EQ(explaining, 1);
  // The chain terminates despite the cycle.
  EXPECT_THAT(FormatBlockChain(g, b, *g.FindNode("B")),
              HasSubstr("sanction S1"));
}

TEST(OwnershipTest, CrossHoldingsThatNeedEachOtherStayUnblocked) {
  // Q holds 30 % of A and of B; A and B hold 20 % of each other. Each would
  // reach 50 only if the other were blocked first: the least fixed point
  // blocks neither.
  Data d = Base();
  d.Person("Q").Company("A").Company("B");
  d.Sanction("S1", "OFAC", "Q", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "Q", "A", 30).Own("R2", "Q", "B", 30);
  d.Own("R3", "A", "B", 20).Own("R4", "B", "A", 20);
  EXPECT_EQ(Blocked(d.Graph()), (std::set<std::string>{"Q"}));
}

TEST(OwnershipTest, EuRuleNeedsMoreThanHalfOrControl) {
  Data d = Base();
  d.Person("P").Company("HALF").Company("MORE").Company("CTRL").Company("SUB");
  d.Sanction("S1", "OFAC", "P", "RUSSIA-EO14024", {kFreeze}, "2022");
  d.Own("R1", "P", "HALF", 50).Own("R2", "P", "MORE", 50.5);
  d.Control("R3", "P", "CTRL").Own("R4", "CTRL", "SUB", 51);
  Graph g = d.Graph();
  OwnershipOptions eu;
  eu.rule = OwnershipRule::kEuControl;
  eu.any_authority = true;  // These cases hold OFAC sanctions only.
  EXPECT_EQ(Blocked(g, eu), (std::set<std::string>{"P", "MORE", "CTRL", "SUB"}));
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"P", "HALF", "MORE"}));
  BlockedSet b = *BlockedByOwnership(g, eu);
  const BlockedEntity* c = b.Find(*g.FindNode("CTRL"));
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->stakes.size(), 1u);
  EXPECT_EQ(c->stakes[0].kind, EdgeKind::kControl);
  EXPECT_TRUE(c->blocked_by_ownership);
  EXPECT_THAT(FormatBlockChain(g, b, *g.FindNode("SUB")),
              HasSubstr("controlled by P [R3, certain]"));
}

TEST(OwnershipTest, ThresholdIsAnOption) {
  Data d = Base();
  d.Person("P").Company("C");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P", "C", 25);
  Graph g = d.Graph();
  OwnershipOptions o;
  o.threshold = 25;
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P", "C"}));
  o.threshold = 0;
  EXPECT_EQ(BlockedByOwnership(g, o).status().code(),
            absl::StatusCode::kInvalidArgument);
  o.threshold = 101;
  EXPECT_EQ(BlockedByOwnership(g, o).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(OwnershipTest, OnlyAssetFreezesSeedByDefault) {
  Data d = Base();
  d.State("PRK").Company("C").Company("K");
  d.Sanction("S1", "OFAC", "PRK", "DPRK", {v1::MEASURE_ARMS_EMBARGO_EXPORTS},
             "2006");
  d.Sanction("S2", "OFAC", "K", "DPRK", {kFreeze}, "2009");
  d.Own("R1", "PRK", "C", 100);
  Graph g = d.Graph();
  EXPECT_EQ(Blocked(g), (std::set<std::string>{"K"}));
  OwnershipOptions any;
  any.regime = Regime();
  EXPECT_EQ(Blocked(g, any), (std::set<std::string>{"PRK", "C", "K"}));
  OwnershipOptions other_program;
  other_program.regime.programs = {"RUSSIA-EO14024"};
  EXPECT_EQ(Blocked(g, other_program), (std::set<std::string>{}));
  OwnershipOptions unknown;
  unknown.regime.authority_ids = {"NOBODY"};
  EXPECT_EQ(BlockedByOwnership(g, unknown).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(OwnershipTest, DirectlySanctionedAndOwnedKeepsBoth) {
  Data d = Base();
  d.Person("P").Company("C");
  d.Sanction("S1", "OFAC", "P", "DPRK3", {kFreeze}, "2020");
  d.Sanction("S2", "OFAC", "C", "DPRK3", {kFreeze}, "2021");
  d.Own("R1", "P", "C", 75);
  Graph g = d.Graph();
  BlockedSet b = *BlockedByOwnership(g);
  const BlockedEntity* c = b.Find(*g.FindNode("C"));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->directly_sanctioned);
  EXPECT_TRUE(c->blocked_by_ownership);
  EXPECT_EQ(b.num_derived, 0u);
  OwnershipOptions quiet;
  quiet.explain = false;
  BlockedSet q = *BlockedByOwnership(g, quiet);
  EXPECT_EQ(q.size(), 2u);
  EXPECT_TRUE(q.entities[1].stakes.empty());
  EXPECT_TRUE(q.entities[1].sanctions.empty());
}

TEST(OwnershipTest, CertainBlockExplainedByCertainFacts) {
  // C is certainly blocked through P2 (certain), and possibly also through
  // P1 (listed only "2023"): as of 2023-06 its entry relies on P2.
  Data d = Base();
  d.Person("P1").Person("P2").Company("C");
  d.Sanction("S1", "OFAC", "P1", "DPRK3", {kFreeze}, "2023");
  d.Sanction("S2", "OFAC", "P2", "DPRK3", {kFreeze}, "2020");
  d.Own("R1", "P1", "C", 10).Own("R2", "P2", "C", 50);
  Graph g = d.Graph();
  OwnershipOptions o;
  o.as_of = P("2023-06");
  EXPECT_EQ(Blocked(g, o), (std::set<std::string>{"P1?", "P2", "C"}));
  BlockedSet b = *BlockedByOwnership(g, o);
  EXPECT_EQ(b.num_possible, 1u);
  const BlockedEntity* c = b.Find(*g.FindNode("C"));
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->stakes.size(), 1u);
  EXPECT_EQ(c->stakes[0].owner, *g.FindNode("P2"));
}

}  // namespace
}  // namespace embargo
