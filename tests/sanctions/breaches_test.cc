// Tests of lib/sanctions/breaches.cc: arms embargo breaches by direction,
// item and date, on hand-built cases and on the bundled article dataset.

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
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

const v1::Measure kExports = v1::MEASURE_ARMS_EMBARGO_EXPORTS;
const v1::Measure kImports = v1::MEASURE_ARMS_EMBARGO_IMPORTS;

// "transfer/party/role/sanction/certainty" per breach.
std::vector<std::string> Lines(const Graph& g, const BreachOptions& o = {}) {
  absl::StatusOr<std::vector<Breach>> b = FindEmbargoBreaches(g, o);
  EXPECT_TRUE(b.ok()) << b.status();
  std::vector<std::string> out;
  if (!b.ok()) return out;
  for (const Breach& x : *b) {
    out.push_back(x.transfer_id + "/" + std::string(g.node_id(x.party)) + "/" +
                  std::string(BreachRoleName(x.role)) + "/" +
                  x.sanction.sanction_id + "/" +
                  std::string(CertaintyName(x.certainty)));
  }
  return out;
}

Data Parties() {
  Data d;
  d.Authority("UNSC").State("AAA").State("BBB").State("CCC").Actor(
      "SHIP", v1::ACTOR_KIND_VESSEL);
  return d;
}

TEST(EmbargoBreachTest, DirectionDecidesWhichMeasureApplies) {
  Data d = Parties();
  d.Sanction("EXP-A", "UNSC", "AAA", "R1", {kExports}, "2000");
  d.Sanction("IMP-A", "UNSC", "AAA", "R1", {kImports}, "2000");
  d.Sanction("EXP-B", "UNSC", "BBB", "R2", {kExports}, "2000");
  d.Sanction("IMP-SHIP", "UNSC", "SHIP", "R3", {kImports}, "2000");
  d.Transfer("T-AB", "AAA", "BBB", v1::ITEM_ROCKETS, "2010");
  d.Transfer("T-BA", "BBB", "AAA", v1::ITEM_ROCKETS, "2010");
  d.Transfer("T-CC", "CCC", "BBB", v1::ITEM_ROCKETS, "2010", {"SHIP"});
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g), ElementsAre("T-AB/AAA/supplier/EXP-A/certain",
                                    "T-BA/BBB/supplier/EXP-B/certain",
                                    "T-BA/AAA/recipient/IMP-A/certain",
                                    "T-CC/SHIP/intermediary/IMP-SHIP/certain"));
}

// An embargo binds those its authority's law reaches: the Security
// Council's every state, the EU's its member states while members, another
// authority its own state. A sale between two states the embargo does not
// bind breaches nothing.
TEST(EmbargoBreachTest, AnEmbargoBindsOnlyThoseItsAuthorityReaches) {
  Data d;
  d.State("CHN").State("RUS").State("FRA").State("POL").State("GBR").State("USA").State(
      "PRK");
  d.Authority("UNSC").Authority("EU").Authority("OFAC", "USA");
  d.Actor("BROKER", v1::ACTOR_KIND_COMPANY, "FRA");
  d.Sanction("EU-CHN", "EU", "CHN", "EU-CHINA", {kImports}, "1989-06-27");
  d.Sanction("US-CHN", "OFAC", "CHN", "US-CHINA", {kImports}, "1990");
  d.Sanction("UN-PRK", "UNSC", "PRK", "UNSCR 1718", {kExports}, "2006-10-14");
  d.Transfer("RUS-CHN", "RUS", "CHN", v1::ITEM_ROCKETS, "2010");
  d.Transfer("FRA-CHN", "FRA", "CHN", v1::ITEM_ROCKETS, "2010");
  d.Transfer("POL-CHN", "POL", "CHN", v1::ITEM_ROCKETS, "2004");  // Joined 2004-05-01.
  d.Transfer("GBR-CHN-2019", "GBR", "CHN", v1::ITEM_ROCKETS, "2019");
  d.Transfer("GBR-CHN-2021", "GBR", "CHN", v1::ITEM_ROCKETS, "2021");  // Left.
  d.Transfer("USA-CHN", "USA", "CHN", v1::ITEM_ROCKETS, "2010");
  d.Transfer("RUS-CHN-VIA", "RUS", "CHN", v1::ITEM_ROCKETS, "2010", {"BROKER"});
  d.Transfer("PRK-RUS", "PRK", "RUS", v1::ITEM_ROCKETS, "2023");
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g), UnorderedElementsAre(
                            "FRA-CHN/CHN/recipient/EU-CHN/certain",
                            "POL-CHN/CHN/recipient/EU-CHN/possible",
                            "GBR-CHN-2019/CHN/recipient/EU-CHN/certain",
                            "USA-CHN/CHN/recipient/US-CHN/certain",
                            "RUS-CHN-VIA/CHN/recipient/EU-CHN/certain",
                            "PRK-RUS/PRK/supplier/UN-PRK/certain"));
  // Held in a variable: a range-for over *FindEmbargoBreaches(g) would
  // read a destroyed temporary.
  const absl::StatusOr<std::vector<Breach>> breaches = FindEmbargoBreaches(g);
  ASSERT_TRUE(breaches.ok()) << breaches.status();
  for (const Breach& b : *breaches) {
    ASSERT_TRUE(b.bound.has_value()) << b.transfer_id;
    const std::string bound(g.node_id(*b.bound));
    if (b.transfer_id == "RUS-CHN-VIA") EXPECT_EQ(bound, "BROKER");  // A French company.
    if (b.transfer_id == "PRK-RUS") EXPECT_EQ(bound, "RUS");
    if (b.transfer_id == "POL-CHN") {
      EXPECT_EQ(b.bound_certainty, Certainty::kPossible);
      EXPECT_EQ(b.date_certainty, Certainty::kCertain);
    }
  }
  // An authority whose state is not on record: whom it binds is unknown,
  // so each breach of its embargo is possible, none certain.
  Data u;
  u.State("CHN").State("RUS").Authority("SOMEONE");
  u.Sanction("X-CHN", "SOMEONE", "CHN", "X", {kImports}, "2000");
  u.Transfer("RUS-CHN", "RUS", "CHN", v1::ITEM_ROCKETS, "2010");
  EXPECT_THAT(Lines(u.Graph()), ElementsAre("RUS-CHN/CHN/recipient/X-CHN/possible"));
}

// An embargo on a state reaches a party that is no state but is in it by
// its country ("Libya HoR" under the embargo on Libya): possible, with the
// state named; the party's own sanctions stand as before.
TEST(EmbargoBreachTest, AStatesEmbargoReachesThePartiesInIt) {
  Data d;
  d.Authority("UNSC").State("AAA").State("BBB").State("LBY");
  d.Actor("HOR", v1::ACTOR_KIND_ORGANIZATION, "LBY");
  d.Actor("REBELS", v1::ACTOR_KIND_ORGANIZATION, "BBB");
  d.Actor("NOWHERE", v1::ACTOR_KIND_ORGANIZATION);
  d.Sanction("IMP-LBY", "UNSC", "LBY", "UNSCR 1970", {kImports}, "2011-02-26");
  d.Sanction("EXP-LBY", "UNSC", "LBY", "UNSCR 1970", {kExports}, "2011-02-26");
  d.Sanction("IMP-HOR", "UNSC", "HOR", "R2", {kImports}, "2011-02-26");
  d.Transfer("T1", "AAA", "HOR", v1::ITEM_ROCKETS, "2015");
  d.Transfer("T2", "AAA", "REBELS", v1::ITEM_ROCKETS, "2015");
  d.Transfer("T3", "AAA", "NOWHERE", v1::ITEM_ROCKETS, "2015");
  d.Transfer("T4", "AAA", "LBY", v1::ITEM_ROCKETS, "2015");
  d.Transfer("T5", "AAA", "HOR", v1::ITEM_ROCKETS, "2005");
  d.Transfer("T6", "HOR", "REBELS", v1::ITEM_ROCKETS, "2016");
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g), ElementsAre("T1/HOR/recipient/IMP-LBY/possible",
                                    "T1/HOR/recipient/IMP-HOR/certain",
                                    "T4/LBY/recipient/IMP-LBY/certain",
                                    "T6/HOR/supplier/EXP-LBY/possible"));
  absl::StatusOr<std::vector<Breach>> b = FindEmbargoBreaches(g);
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->size(), 4u);
  ASSERT_TRUE((*b)[0].party_state.has_value());
  EXPECT_EQ(g.node_id(*(*b)[0].party_state), "LBY");
  EXPECT_EQ((*b)[0].party_certainty, Certainty::kPossible);
  EXPECT_EQ((*b)[0].date_certainty, Certainty::kCertain);
  EXPECT_FALSE((*b)[1].party_state.has_value());
  EXPECT_EQ((*b)[1].party_certainty, Certainty::kCertain);
  EXPECT_FALSE((*b)[2].party_state.has_value());
}

TEST(EmbargoBreachTest, ItemsCovered) {
  Data d = Parties();
  d.Sanction("MISSILES-ONLY", "UNSC", "AAA", "R1", {kExports}, "2000", "",
             {v1::ITEM_MISSILES}, {"UNSCR 9999 (2000)"});
  d.Transfer("T-ROCKETS", "AAA", "BBB", v1::ITEM_ROCKETS, "2010");
  d.Transfer("T-MISSILES", "AAA", "BBB", v1::ITEM_MISSILES, "2010");
  d.Transfer("T-ARMS", "AAA", "BBB", v1::ITEM_ARMS_GENERAL, "2010");
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g),
              ElementsAre("T-MISSILES/AAA/supplier/MISSILES-ONLY/certain",
                          "T-ARMS/AAA/supplier/MISSILES-ONLY/possible"));
  std::vector<Breach> b = *FindEmbargoBreaches(g);
  EXPECT_EQ(b[1].item_certainty, Certainty::kPossible);
  EXPECT_EQ(b[1].date_certainty, Certainty::kCertain);
  EXPECT_THAT(b[0].sanction.legal_basis, ElementsAre("UNSCR 9999 (2000)"));
  EXPECT_EQ(b[0].measure, kExports);
  EXPECT_EQ(b[0].sanction_evidence.size(), 1u);
  EXPECT_EQ(b[0].transfer_evidence.size(), 1u);
}

TEST(EmbargoBreachTest, DatesOfTransferAndSanction) {
  Data d = Parties();
  d.Sanction("S", "UNSC", "AAA", "R1", {kExports}, "2009-06-12", "2016-03");
  d.Transfer("T-BEFORE", "AAA", "BBB", v1::ITEM_ROCKETS, "2008");
  d.Transfer("T-LISTING-YEAR", "AAA", "BBB", v1::ITEM_ROCKETS, "2009");
  d.Transfer("T-AFTER-LISTING", "AAA", "BBB", v1::ITEM_ROCKETS, "2009-07");
  d.Transfer("T-DELISTING-MONTH", "AAA", "BBB", v1::ITEM_ROCKETS, "2016-03-10");
  d.Transfer("T-AFTER", "AAA", "BBB", v1::ITEM_ROCKETS, "2016-04");
  d.Transfer("T-UNDATED", "AAA", "BBB", v1::ITEM_ROCKETS);
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g),
              ElementsAre("T-LISTING-YEAR/AAA/supplier/S/possible",
                          "T-AFTER-LISTING/AAA/supplier/S/certain",
                          "T-DELISTING-MONTH/AAA/supplier/S/possible",
                          "T-UNDATED/AAA/supplier/S/possible"));
  BreachOptions undated;
  undated.ignore_dates = true;
  EXPECT_EQ(Lines(g, undated).size(), 6u);
}

TEST(EmbargoBreachTest, StatusAndRegimeFilters) {
  Data d = Parties();
  d.Sanction("S", "UNSC", "AAA", "R1", {kExports}, "2000");
  d.Transfer("T-DENIED", "AAA", "BBB", v1::ITEM_ROCKETS, "2010", {},
             v1::STATUS_DENIED);
  Graph g = d.Graph();
  EXPECT_THAT(Lines(g), ElementsAre());
  BreachOptions all;
  all.min_transfer_status = v1::STATUS_DENIED;
  EXPECT_THAT(Lines(g, all), ElementsAre("T-DENIED/AAA/supplier/S/certain"));
  all.regime.programs = {"R2"};
  EXPECT_THAT(Lines(g, all), ElementsAre());
  all.regime.authority_ids = {"NOBODY"};
  EXPECT_EQ(FindEmbargoBreaches(g, all).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(EmbargoBreachTest, AssetFreezeIsNotAnArmsEmbargo) {
  Data d = Parties();
  d.Sanction("S", "UNSC", "AAA", "R1", {v1::MEASURE_ASSET_FREEZE}, "2000");
  d.Transfer("T", "AAA", "BBB", v1::ITEM_ROCKETS, "2010");
  EXPECT_THAT(Lines(d.Graph()), ElementsAre());
}

TEST(EmbargoBreachTest, ArticleDatasetBreachesTheUnExportBan) {
  absl::StatusOr<Graph> g = LoadGraph(
      {std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto"});
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(
      Lines(*g),
      UnorderedElementsAre(
          "tr-prk-rus-2023-arms-considered/PRK/supplier/"
          "san-unsc-1718-prk-arms-exports/possible",
          "tr-prk-rus-2023-arms-considered/PRK/supplier/"
          "san-unsc-1874-prk-arms-exports/certain",
          "tr-prk-rus-2023-artillery-ammunition/PRK/supplier/"
          "san-unsc-1874-prk-arms-exports/certain",
          "tr-prk-rus-2023-rockets-ship/PRK/supplier/"
          "san-unsc-1874-prk-arms-exports/possible"));
  // Held in a variable: a range-for over *FindEmbargoBreaches(...) would
  // iterate a destroyed temporary.
  absl::StatusOr<std::vector<Breach>> breaches = FindEmbargoBreaches(*g);
  ASSERT_TRUE(breaches.ok());
  for (const Breach& b : *breaches) {
    if (b.sanction.sanction_id == "san-unsc-1874-prk-arms-exports") {
      EXPECT_THAT(b.sanction.legal_basis,
                  ElementsAre("UNSCR 1718 (2006)", "UNSCR 1874 (2009)"));
    }
  }
}

}  // namespace
}  // namespace embargo
