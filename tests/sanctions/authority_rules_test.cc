// Tests of the listing-date upper bound (Sanction.listed_no_later_than: the
// OFAC legacy lists give no designation date) and of each authority's
// ownership rule reading its own list, on hand-built cases.

#include <set>
#include <string>
#include <vector>

#include "embargo/sanctions.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sanctions/common.h"
#include "tests/sanctions/test_util.h"

namespace embargo {
namespace {

using sanctions_testing::Data;
using sanctions_testing::P;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const v1::Measure kFreeze = v1::MEASURE_ASSET_FREEZE;

// OFAC's list of edition 2021-07-07 holds A, with no designation date.
Data EditionOnly() {
  Data d;
  d.Authority("OFAC").Company("A");
  d.Sanction("S", "OFAC", "A", "DPRK", {kFreeze}, "");
  v1::Sanction& s = *d.dataset().mutable_sanctions(0);
  s.clear_listed();
  s.mutable_listed_no_later_than()->set_year(2021);
  s.mutable_listed_no_later_than()->set_month(7);
  s.mutable_listed_no_later_than()->set_day(7);
  return d;
}

std::vector<std::string> Ids(const std::vector<InForce>& v) {
  std::vector<std::string> out;
  for (const InForce& f : v) {
    out.push_back(f.sanction_id + ":" + std::string(CertaintyName(f.certainty)));
  }
  return out;
}

TEST(ListedNoLaterThanTest, CertainFromTheEditionPossibleBefore) {
  Graph g = EditionOnly().Graph();
  const NodeId a = *g.FindNode("A");
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2023-01-01"))),
              ElementsAre("S:certain"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2021-07-07"))),
              ElementsAre("S:certain"));
  // Before the edition: possibly in force, never "not in force".
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2021-07-06"))),
              ElementsAre("S:possible"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2019"))),
              ElementsAre("S:possible"));
  std::vector<InForce> f = *SanctionsInForce(g, a, P("2019"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_FALSE(f[0].listed.known());
  EXPECT_EQ(f[0].listed_no_later_than.ToString(), "2021-07-07");
  // The node set: possibly a target in 2019, certainly not asked.
  EXPECT_TRUE(SanctionedNodes(g, {}, P("2019"), Certainty::kPossible)->Contains(a));
  EXPECT_FALSE(SanctionedNodes(g, {}, P("2019"), Certainty::kCertain)->Contains(a));
  // The blocked set follows: possibly blocked in 2019.
  OwnershipOptions o;
  o.as_of = P("2019");
  absl::StatusOr<BlockedSet> blocked = BlockedByOwnership(g, o);
  ASSERT_TRUE(blocked.ok()) << blocked.status();
  const BlockedEntity* b = blocked->Find(a);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->certainty, Certainty::kPossible);
}

TEST(ListedNoLaterThanTest, WireReadingAgreesWithTheRecord) {
  Graph g = EditionOnly().Graph();
  const NodeId a = *g.FindNode("A");
  const EdgeId e = (*g.Incidences(a).begin()).edge;
  const internal::SanctionFacts fast =
      internal::ReadSanctionFacts(g.data(), e.value());
  EXPECT_FALSE(fast.listed.known());
  EXPECT_EQ(fast.listed_by.ToString(), "2021-07-07");
  EXPECT_EQ(fast.listed_by, internal::FactsOf(g.EdgeRecord(e).sanction()).listed_by);
}

TEST(ListedNoLaterThanTest, NoDateAtAllIsPossibleOnEveryDay) {
  EXPECT_TRUE(EditionOnly().Build().ok());
  // A list entry without any date (an EU annex row without a start date) is
  // kept: possibly in force on every day, certainly on none.
  Data d = EditionOnly();
  d.dataset().mutable_sanctions(0)->clear_listed_no_later_than();
  absl::StatusOr<Graph> g = d.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  const NodeId a = *g->FindNode("A");
  for (const char* day : {"1990", "2021-07-07", "2025-01-01"}) {
    EXPECT_THAT(Ids(*SanctionsInForce(*g, a, P(day))),
                ElementsAre("S:possible"))
        << day;
  }
  // Delisted before the upper bound is refused.
  Data bad = EditionOnly();
  bad.dataset().mutable_sanctions(0)->mutable_delisted()->set_year(2020);
  EXPECT_THAT(bad.Build().status().message(), HasSubstr("before listed_no_later_than"));
}

// UNSC listed P, which owns 60 % of C; OFAC listed Q, which owns 60 % of D;
// the EU listed R, which owns 60 % of E.
Graph ThreeAuthorities() {
  Data d;
  d.Authority("OFAC").Authority("UNSC").Authority("EU");
  d.Person("P").Person("Q").Person("R").Company("C").Company("D").Company("E");
  d.Company("F");
  d.Sanction("S1", "UNSC", "P", "UNSCR 1718", {kFreeze}, "2020");
  d.Sanction("S2", "OFAC", "Q", "DPRK3", {kFreeze}, "2020");
  d.Sanction("S3", "EU", "R", "EU-RUSSIA", {kFreeze}, "2020");
  d.Own("O1", "P", "C", 60).Own("O2", "Q", "D", 60).Own("O3", "R", "E", 60);
  // F: 30 % from D (blocked by OFAC's rule) and 30 % from P (UNSC): only
  // 30 % counts under OFAC's rule, 60 % under any authority.
  d.Own("O4", "D", "F", 30).Own("O5", "P", "F", 30);
  return d.Graph();
}

std::set<std::string> Blocked(const Graph& g, const OwnershipOptions& o) {
  std::set<std::string> out;
  absl::StatusOr<BlockedSet> b = BlockedByOwnership(g, o);
  EXPECT_TRUE(b.ok()) << b.status();
  if (!b.ok()) return out;
  for (const BlockedEntity& e : b->entities) {
    out.insert(std::string(g.node_id(e.node)));
  }
  return out;
}

TEST(RuleReadsItsOwnListTest, OfacCountsOnlyOfacAndItsOwnBlocks) {
  Graph g = ThreeAuthorities();
  OwnershipOptions ofac;
  EXPECT_EQ(Blocked(g, ofac), (std::set<std::string>{"Q", "D"}));
  BlockedSet b = *BlockedByOwnership(g, ofac);
  EXPECT_THAT(b.authorities, ElementsAre("OFAC"));
  EXPECT_TRUE(b.authorities_not_loaded.empty());
  OwnershipOptions eu;
  eu.rule = OwnershipRule::kEuControl;
  EXPECT_EQ(Blocked(g, eu), (std::set<std::string>{"R", "E"}));
  OwnershipOptions any;
  any.any_authority = true;
  EXPECT_EQ(Blocked(g, any),
            (std::set<std::string>{"P", "Q", "R", "C", "D", "E", "F"}));
  EXPECT_TRUE(BlockedByOwnership(g, any)->authorities.empty());
  // Authorities named explicitly replace the rule's own.
  OwnershipOptions un;
  un.regime.authority_ids = {"UNSC"};
  EXPECT_EQ(Blocked(g, un), (std::set<std::string>{"P", "C"}));
}

TEST(RuleReadsItsOwnListTest, RuleAuthorityNotLoadedIsReported) {
  Data d;
  d.Authority("UNSC").Person("P").Company("C");
  d.Sanction("S1", "UNSC", "P", "UNSCR 1718", {kFreeze}, "2020");
  d.Own("O1", "P", "C", 60);
  Graph g = d.Graph();
  BlockedSet b = *BlockedByOwnership(g, OwnershipOptions{});
  EXPECT_EQ(b.size(), 0u);
  EXPECT_THAT(b.authorities_not_loaded, ElementsAre("OFAC"));
  EXPECT_EQ(RuleAuthority(OwnershipRule::kEuControl), "EU");
}

}  // namespace
}  // namespace embargo
