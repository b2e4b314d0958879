// Tests of lib/sanctions/in_force.cc: sanctions in force on a date, the
// certainty rule for partial dates, regimes and node sets.

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
using ::testing::ElementsAre;

const v1::Measure kFreeze = v1::MEASURE_ASSET_FREEZE;

Graph Listed2023() {
  Data d;
  d.Authority("OFAC").Authority("UNSC").Company("A").Company("B");
  d.Sanction("S-2023", "OFAC", "A", "DPRK3", {kFreeze}, "2023");
  d.Sanction("S-DELISTED", "UNSC", "A", "UNSCR 1718",
             {v1::MEASURE_TRAVEL_BAN}, "2010-03-15", "2020-06-30");
  d.Sanction("S-DENIED", "OFAC", "B", "DPRK3", {kFreeze}, "2001", "", {}, {},
             v1::STATUS_DENIED);
  return d.Graph();
}

std::vector<std::string> Ids(const std::vector<InForce>& v) {
  std::vector<std::string> out;
  for (const InForce& f : v) {
    out.push_back(f.sanction_id + ":" + std::string(CertaintyName(f.certainty)));
  }
  return out;
}

TEST(SanctionsInForceTest, YearListingIsCertainAtYearEndPossibleMidYear) {
  Graph g = Listed2023();
  NodeId a = *g.FindNode("A");
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2023-12-31"))),
              ElementsAre("S-2023:certain"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2023-06-01"))),
              ElementsAre("S-2023:possible"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2023"))),
              ElementsAre("S-2023:possible"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2024"))),
              ElementsAre("S-2023:certain"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2022-12-31"))), ElementsAre());
}

TEST(SanctionsInForceTest, DelistingDayIsOnlyPossible) {
  Graph g = Listed2023();
  NodeId a = *g.FindNode("A");
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2020-06-29"))),
              ElementsAre("S-DELISTED:certain"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2020-06-30"))),
              ElementsAre("S-DELISTED:possible"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2020-07-01"))), ElementsAre());
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2020"))),
              ElementsAre("S-DELISTED:possible"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2010-03-15"))),
              ElementsAre("S-DELISTED:certain"));
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, P("2010-03-14"))), ElementsAre());
}

TEST(SanctionsInForceTest, UnknownDateIgnoresDates) {
  Graph g = Listed2023();
  EXPECT_THAT(Ids(*SanctionsInForce(g, *g.FindNode("A"), PartialDate())),
              ElementsAre("S-2023:certain", "S-DELISTED:certain"));
}

TEST(SanctionsInForceTest, DeniedSanctionsAreLeftOutByDefault) {
  Graph g = Listed2023();
  NodeId b = *g.FindNode("B");
  EXPECT_THAT(Ids(*SanctionsInForce(g, b, PartialDate())), ElementsAre());
  Regime all;
  all.min_status = v1::STATUS_DENIED;
  EXPECT_THAT(Ids(*SanctionsInForce(g, b, PartialDate(), all)),
              ElementsAre("S-DENIED:certain"));
}

TEST(SanctionsInForceTest, RegimeSelectsAuthorityProgrammeAndMeasure) {
  Graph g = Listed2023();
  NodeId a = *g.FindNode("A");
  Regime un;
  un.authority_ids = {"UNSC"};
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, PartialDate(), un)),
              ElementsAre("S-DELISTED:certain"));
  Regime program;
  program.programs = {"dprk3"};  // Case-insensitive.
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, PartialDate(), program)),
              ElementsAre("S-2023:certain"));
  Regime travel;
  travel.measures = {v1::MEASURE_TRAVEL_BAN};
  EXPECT_THAT(Ids(*SanctionsInForce(g, a, PartialDate(), travel)),
              ElementsAre("S-DELISTED:certain"));
}

TEST(SanctionsInForceTest, ReportsRecordFields) {
  Graph g = Listed2023();
  std::vector<InForce> v = *SanctionsInForce(g, *g.FindNode("A"), P("2015"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].authority_id, "UNSC");
  EXPECT_EQ(v[0].authority, *g.FindNode("UNSC"));
  EXPECT_EQ(v[0].program, "UNSCR 1718");
  EXPECT_THAT(v[0].measures, ElementsAre(v1::MEASURE_TRAVEL_BAN));
  EXPECT_EQ(v[0].listed.ToString(), "2010-03-15");
  EXPECT_EQ(v[0].delisted.ToString(), "2020-06-30");
  EXPECT_EQ(g.edge(v[0].edge).kind, EdgeKind::kSanction);
}

TEST(SanctionsInForceTest, Errors) {
  Graph g = Listed2023();
  EXPECT_EQ(SanctionsInForce(g, NodeId(999), PartialDate()).status().code(),
            absl::StatusCode::kInvalidArgument);
  Regime bad;
  bad.authority_ids = {"NOBODY"};
  absl::Status s = SanctionsInForce(g, *g.FindNode("A"), PartialDate(), bad).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("NOBODY"));
}

TEST(SanctionCertaintyTest, RecordLevelRule) {
  v1::Sanction s;
  *s.mutable_listed() = sanctions_testing::D("2023-07");
  EXPECT_EQ(SanctionCertainty(s, P("2023-07-31")), Certainty::kCertain);
  EXPECT_EQ(SanctionCertainty(s, P("2023-07-30")), Certainty::kPossible);
  EXPECT_EQ(SanctionCertainty(s, P("2023-06-30")), std::nullopt);
  v1::Period p;
  *p.mutable_start() = sanctions_testing::D("2020");
  *p.mutable_end() = sanctions_testing::D("2021-03");
  EXPECT_EQ(RelationCertainty(p, P("2021-03-01")), Certainty::kCertain);
  EXPECT_EQ(RelationCertainty(p, P("2021-03-02")), Certainty::kPossible);
  EXPECT_EQ(RelationCertainty(p, P("2021-04-01")), std::nullopt);
  EXPECT_EQ(RelationCertainty(p, P("2020-06-01")), Certainty::kPossible);
}

TEST(SanctionedNodesTest, CertainOnlyWhenAsked) {
  Graph g = Listed2023();
  NodeSet possible = *SanctionedNodes(g, {}, P("2023-06-01"));
  EXPECT_THAT(possible.Nodes(), ElementsAre(*g.FindNode("A")));
  NodeSet certain =
      *SanctionedNodes(g, {}, P("2023-06-01"), Certainty::kCertain);
  EXPECT_TRUE(certain.empty());
  Regime freeze;
  freeze.measures = {kFreeze};
  EXPECT_EQ(SanctionedNodes(g, freeze, P("2015"))->size(), 0u);
  EXPECT_EQ(SanctionedNodes(g, {}, P("2015"))->size(), 1u);
}

// The lists a "not sanctioned" was read from: the authorities with a
// sanction edge (a delisted or denied one counts: the list was read), those
// of the regime only when it names some; none without a sanctions list.
TEST(SanctioningAuthoritiesTest, ListsLoadedOrNone) {
  Graph g = Listed2023();
  EXPECT_THAT(SanctioningAuthorities(g), ElementsAre("OFAC", "UNSC"));
  EXPECT_EQ(g.num_sanction_edges(), 3u);
  Regime un;
  un.authority_ids = {"UNSC"};
  EXPECT_THAT(SanctioningAuthorities(g, un), ElementsAre("UNSC"));
  Data none;
  none.Authority("EU").Company("A");
  Graph bare = none.Graph();
  EXPECT_THAT(SanctioningAuthorities(bare), ElementsAre());
  EXPECT_EQ(bare.num_sanction_edges(), 0u);
}

TEST(NodeSetTest, AddContainsNodes) {
  NodeSet s(130);
  s.Add(NodeId(129));
  s.Add(NodeId(0));
  s.Add(NodeId(64));
  s.Add(NodeId(64));
  EXPECT_EQ(s.size(), 3u);
  EXPECT_TRUE(s.Contains(NodeId(64)));
  EXPECT_FALSE(s.Contains(NodeId(63)));
  EXPECT_FALSE(s.Contains(NodeId(5000)));
  EXPECT_THAT(s.Nodes(), ElementsAre(NodeId(0), NodeId(64), NodeId(129)));
}

TEST(TodayTest, IsAFullDate) {
  PartialDate t = Today();
  EXPECT_EQ(t.precision(), PartialDate::Precision::kDay);
  EXPECT_GE(t.year(), 2024);
}

}  // namespace
}  // namespace embargo
