// Programmes concerning a state (embargo/sanctions.h) and the programme
// target routes of a link report (LinkOptions::programme_targets), on small
// hand-checked records, and on the real OFAC, UN and EU lists.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/import/eu.h"
#include "embargo/import/ofac.h"
#include "embargo/import/un.h"
#include "embargo/links.h"
#include "embargo/load.h"
#include "embargo/sanctions.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// RUS, PRK and CHN. OFAC sanctions under DPRK3 a company registered in RUS
// (CO-RU), one registered in CHN (CO-CN) and one registered in RUS but
// delisted in 2020 (CO-OLD); under SDGT a Russian national (P-RU). The
// UNSC sanctions under UNSCR 1718 a vessel flagged RUS by a relation only
// (V-RU), and under "UNSCR 9999" both PRK itself and a company with an
// address in RUS (CO-ADDR): no table names 9999, the sanction on PRK does.
constexpr char kRecords[] = R"pb(
  sources { id: "list" publisher: "A list" }
  actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" }
  actors { id: "PRK" kind: ACTOR_KIND_STATE name: "North Korea" }
  actors { id: "CHN" kind: ACTOR_KIND_STATE name: "China" }
  actors { id: "OFAC" kind: ACTOR_KIND_GOVERNMENT_BODY name: "OFAC" }
  actors { id: "UNSC" kind: ACTOR_KIND_INTERNATIONAL_BODY name: "UNSC" }
  actors {
    id: "CO-RU" kind: ACTOR_KIND_COMPANY name: "Ru Trading" country: "RUS"
    evidence { source_id: "list" }
  }
  actors {
    id: "CO-CN" kind: ACTOR_KIND_COMPANY name: "Cn Trading" country: "CHN"
    evidence { source_id: "list" }
  }
  actors {
    id: "CO-OLD" kind: ACTOR_KIND_COMPANY name: "Old Co" country: "RUS"
    evidence { source_id: "list" }
  }
  actors {
    id: "P-RU" kind: ACTOR_KIND_PERSON name: "Ivanov" country: "RUS"
    evidence { source_id: "list" }
  }
  actors {
    id: "V-RU" kind: ACTOR_KIND_VESSEL name: "Ship"
    evidence { source_id: "list" }
  }
  actors {
    id: "CO-ADDR" kind: ACTOR_KIND_COMPANY name: "Addr Co"
    address_countries: "RUS"
    evidence { source_id: "list" }
  }
  relations {
    id: "flag-1" kind: RELATION_KIND_FLAG subject_id: "V-RU" object_id: "RUS"
    status: STATUS_CONFIRMED evidence { source_id: "list" }
  }
  sanctions {
    id: "s1" authority_id: "OFAC" target_id: "CO-RU" program: "DPRK3"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2018 } evidence { source_id: "list" }
  }
  sanctions {
    id: "s2" authority_id: "OFAC" target_id: "CO-CN" program: "DPRK3"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2018 } evidence { source_id: "list" }
  }
  sanctions {
    id: "s3" authority_id: "OFAC" target_id: "CO-OLD" program: "DPRK3"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2017 } delisted { year: 2020 month: 3 }
    evidence { source_id: "list" }
  }
  sanctions {
    id: "s4" authority_id: "OFAC" target_id: "P-RU" program: "SDGT"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2018 } evidence { source_id: "list" }
  }
  sanctions {
    id: "s5" authority_id: "UNSC" target_id: "V-RU" program: "UNSCR 1718"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2018 } evidence { source_id: "list" }
  }
  sanctions {
    id: "s6" authority_id: "UNSC" target_id: "PRK" program: "UNSCR 9999"
    measures: MEASURE_ARMS_EMBARGO_IMPORTS status: STATUS_CONFIRMED
    listed { year: 2016 } evidence { source_id: "list" }
  }
  sanctions {
    id: "s7" authority_id: "UNSC" target_id: "CO-ADDR" program: "UNSCR 9999"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    listed { year: 2016 } evidence { source_id: "list" }
  }
)pb";

absl::StatusOr<Graph> LoadHand(bool country_links = true) {
  DatasetFile f;
  f.path = "hand.textproto";
  f.format = Format::kText;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kRecords, &f.dataset));
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(std::move(f)));
  LoadOptions o;
  o.country_links = country_links;
  return Load(std::move(in), o);
}

LinkOptions WithProgrammes() {
  LinkOptions o;
  o.programme_targets = true;
  o.programmes_as_of = *PartialDate::Parse("2024-01-01");
  return o;
}

TEST(ProgrammeStateTest, TheTable) {
  EXPECT_EQ(ProgrammeState("OFAC", "DPRK3"), "PRK");
  EXPECT_EQ(ProgrammeState("ofac", "dprk-nkspea"), "PRK");
  EXPECT_EQ(ProgrammeState("OFAC", "RUSSIA-EO14024"), "RUS");
  EXPECT_EQ(ProgrammeState("UNSC", "UNSCR 1718"), "PRK");
  EXPECT_EQ(ProgrammeState("EU", "EU-PRK"), "PRK");
  // Named for the country harmed, not the targets' country.
  EXPECT_EQ(ProgrammeState("EU", "EU-UKR"), "");
  EXPECT_EQ(ProgrammeState("OFAC", "UKRAINE-EO13662"), "");
  // Not a country code; programmes of no one state; another authority's.
  EXPECT_EQ(ProgrammeState("EU", "EU-XYZ"), "");
  EXPECT_EQ(ProgrammeState("OFAC", "SDGT"), "");
  EXPECT_EQ(ProgrammeState("UNSC", "UNSCR 1267"), "");
  EXPECT_EQ(ProgrammeState("UNSC", "DPRK3"), "");
}

TEST(ProgrammeStateTest, ProgrammesConcerningAState) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  absl::StatusOr<std::vector<StateProgramme>> p =
      ProgrammesConcerning(*g, *g->FindNode("PRK"));
  ASSERT_TRUE(p.ok()) << p.status();
  std::vector<std::string> got;
  for (const StateProgramme& s : *p) {
    got.push_back(s.authority_id + " " + s.program + ": " + s.basis);
  }
  EXPECT_THAT(got, ElementsAre(
                       "OFAC DPRK3: programme table",
                       "UNSC UNSCR 1718: programme table",
                       "UNSC UNSCR 9999: the authority sanctions the state under it"));
  absl::StatusOr<std::vector<StateProgramme>> chn =
      ProgrammesConcerning(*g, *g->FindNode("CHN"));
  ASSERT_TRUE(chn.ok());
  EXPECT_TRUE(chn->empty());
  absl::StatusOr<std::vector<StateProgramme>> company =
      ProgrammesConcerning(*g, *g->FindNode("CO-RU"));
  EXPECT_EQ(company.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(company.status().message(), HasSubstr("not a state"));
}

TEST(ProgrammeLinksTest, TargetsLinkedToTheSourceAreRoutesOfTheirOwn) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  const NodeId rus = *g->FindNode("RUS");
  absl::StatusOr<LinkReport> r =
      Links(*g, rus, *g->FindNode("PRK"), WithProgrammes());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->programme_targets);
  EXPECT_EQ(r->programmes.size(), 3u);
  EXPECT_EQ(r->programmes_as_of.ToString(), "2024-01-01");
  // In force on 2024-01-01: CO-RU, CO-CN, V-RU, CO-ADDR (CO-OLD delisted,
  // P-RU under SDGT, PRK itself left out).
  EXPECT_EQ(r->programme_targets_total, 4u);
  // Linked to RUS: CO-RU (registered_in), V-RU (flag), CO-ADDR (located_in).
  EXPECT_EQ(r->programme_targets_linked, 3u);
  EXPECT_EQ(r->programme_target_paths, 3u);
  std::vector<std::string> labels;
  for (const LinkRoute& x : r->routes) {
    if (!x.programme_target) continue;
    labels.push_back(x.label);
    ASSERT_EQ(x.steps.size(), 1u);
    EXPECT_FALSE(x.steps[0].along);
    ASSERT_EQ(x.targets.size(), 1u);
  }
  EXPECT_THAT(labels, UnorderedElementsAre(
                          "RUS <-registered_in- [1 PRK programme target]",
                          "RUS <-flag- [1 PRK programme target]",
                          "RUS <-located_in- [1 PRK programme target]"));
  std::vector<std::string> under;
  for (const LinkReport::ProgrammeTarget& t : r->linked_programme_targets) {
    std::string s(g->node_id(t.node));
    for (const std::string& p : t.programmes) s += " " + p;
    under.push_back(s);
  }
  EXPECT_THAT(under, UnorderedElementsAre("CO-RU OFAC DPRK3",
                                          "V-RU UNSC UNSCR 1718",
                                          "CO-ADDR UNSC UNSCR 9999"));
  // The only path to PRK itself, RUS <-flag- V-RU <-sanction- UNSC
  // -sanction-> PRK, passes through UNSC between two of its sanctions: left
  // out and counted (the link is V-RU's programme target route above).
  EXPECT_EQ(r->total_paths, 0u);
  EXPECT_EQ(r->through_sanctioning_paths, 1u);
  EXPECT_EQ(r->routes.size(), 3u);

  // Before CO-OLD's delisting it counts too.
  LinkOptions o = WithProgrammes();
  o.programmes_as_of = *PartialDate::Parse("2019");
  absl::StatusOr<LinkReport> early = Links(*g, rus, *g->FindNode("PRK"), o);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->programme_targets_linked, 4u);
  EXPECT_EQ(early->programme_targets_possible, 0u);
  // In 2020 (a whole year) CO-OLD, delisted in March, is only possibly in
  // force: counted, and said.
  o.programmes_as_of = *PartialDate::Parse("2020");
  absl::StatusOr<LinkReport> y2020 = Links(*g, rus, *g->FindNode("PRK"), o);
  ASSERT_TRUE(y2020.ok());
  EXPECT_EQ(y2020->programme_targets_linked, 4u);
  EXPECT_EQ(y2020->programme_targets_possible, 1u);
  for (const LinkReport::ProgrammeTarget& t : y2020->linked_programme_targets) {
    EXPECT_EQ(t.certain, g->node_id(t.node) != "CO-OLD") << g->node_id(t.node);
  }

  // With edge kinds of its own, only those kinds link: the flag alone
  // finds the vessel.
  LinkOptions flags = WithProgrammes();
  flags.filter.edge_kinds = {EdgeKind::kFlag};
  absl::StatusOr<LinkReport> by_flag = Links(*g, rus, *g->FindNode("PRK"), flags);
  ASSERT_TRUE(by_flag.ok());
  EXPECT_EQ(by_flag->programme_targets_linked, 1u);
  ASSERT_EQ(by_flag->linked_programme_targets.size(), 1u);
  EXPECT_EQ(g->node_id(by_flag->linked_programme_targets[0].node), "V-RU");

  // Off by default; not for a target that is not a state.
  absl::StatusOr<LinkReport> plain = Links(*g, rus, *g->FindNode("PRK"));
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->programme_targets);
  EXPECT_EQ(plain->total_paths, 0u);
  EXPECT_EQ(plain->through_sanctioning_paths, 1u);
  EXPECT_TRUE(plain->routes.empty());
  LinkOptions through;
  through.through_sanctioning = true;
  absl::StatusOr<LinkReport> kept = Links(*g, rus, *g->FindNode("PRK"), through);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->routes.size(), 1u);
  EXPECT_EQ(kept->routes[0].label, "RUS <-flag- V-RU <-sanction- UNSC -sanction-> PRK");
  absl::StatusOr<LinkReport> to_company =
      Links(*g, rus, *g->FindNode("CO-RU"), WithProgrammes());
  ASSERT_TRUE(to_company.ok());
  EXPECT_FALSE(to_company->programme_targets);
}

TEST(ProgrammeLinksTest, WithoutCountryLinksIsRefused) {
  absl::StatusOr<Graph> g = LoadHand(/*country_links=*/false);
  ASSERT_TRUE(g.ok()) << g.status();
  absl::StatusOr<LinkReport> r =
      Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), WithProgrammes());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("country links"));
}

// The real OFAC 2021-07 list (with its addresses), the UN and the EU
// lists: the DPRK-programme targets linked to Russia.
TEST(ProgrammeLinksRealTest, DprkProgrammeTargetsInRussia) {
  const std::string data = EMBARGO_SHARED_DATA_DIR;
  OfacCsvOptions sdn;
  sdn.sdn_path = data + "/ofac/sdn_2021-07/sdn.csv";
  sdn.add_path = data + "/ofac/sdn_2021-07/add.csv";
  sdn.alt_path = data + "/ofac/sdn_2021-07/alt.csv";
  sdn.edition_date.set_year(2021);
  sdn.edition_date.set_month(7);
  std::vector<absl::StatusOr<ImportResult>> imports;
  imports.push_back(ImportOfacCsv(sdn));
  imports.push_back(ImportUnXml(data + "/un/consolidated_2025-04-19.xml"));
  imports.push_back(ImportEuCsv(data + "/eu/32017R1509.csv"));
  std::vector<LoadInput> in;
  for (size_t i = 0; i < imports.size(); ++i) {
    ASSERT_TRUE(imports[i].ok()) << imports[i].status();
    DatasetFile f;
    f.path = absl::StrCat("list", i);
    f.dataset = std::move(imports[i]->dataset);
    in.push_back(LoadInput::Records(std::move(f)));
  }
  LoadOptions lo;
  lo.country_links = true;
  absl::StatusOr<Graph> g = Load(std::move(in), lo);
  ASSERT_TRUE(g.ok()) << g.status();

  LinkOptions o = WithProgrammes();
  o.programmes_as_of = *PartialDate::Parse("2025-04-19");
  absl::StatusOr<LinkReport> r =
      Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), o);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> programmes;
  for (const StateProgramme& p : r->programmes) {
    programmes.push_back(p.authority_id + " " + p.program);
  }
  EXPECT_THAT(programmes,
              ElementsAre("EU EU-PRK", "OFAC DPRK", "OFAC DPRK-NKSPEA",
                          "OFAC DPRK2", "OFAC DPRK3", "OFAC DPRK4",
                          "UNSC UNSCR 1718"));
  // Checked by hand against the files: GUDZON SHIPPING CO LLC (OFAC-24451,
  // DPRK4) is registered and has its address in Russia; KOREA MINING
  // DEVELOPMENT TRADING CORPORATION (OFAC-9345, DPRK2) has an address in
  // Russia and is also under UNSCR 1718 and the EU's regime.
  bool gudzon = false, komid = false;
  for (const LinkReport::ProgrammeTarget& t : r->linked_programme_targets) {
    const std::string id(g->node_id(t.node));
    if (id == "OFAC-24451") {
      gudzon = true;
      EXPECT_THAT(t.programmes, ElementsAre("OFAC DPRK4"));
    }
    if (id == "OFAC-9345") {
      komid = true;
      EXPECT_THAT(t.programmes, UnorderedElementsAre("EU EU-PRK", "OFAC DPRK2",
                                                     "UNSC UNSCR 1718"));
    }
  }
  EXPECT_TRUE(gudzon);
  EXPECT_TRUE(komid);
  EXPECT_GE(r->programme_targets_linked, 30u);
  // The programme routes rank among the first five, beside the direct
  // transfers (none loaded here: the lists only).
  ASSERT_FALSE(r->routes.empty());
  EXPECT_TRUE(r->routes.front().programme_target);
}

}  // namespace
}  // namespace embargo
