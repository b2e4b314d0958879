// Country links on the real OFAC lists in ../shared/data/ofac/: "sanctioned
// under a DPRK programme and linked to Russia" is one query, and finds
// entities that the graph without country links cannot reach from RUS.
//
// Checked by reading the raw files:
//   sdn_2021-07/sdn.csv   24451,"GUDZON SHIPPING CO LLC",-0- ,"DPRK4",...
//   sdn_2021-07/add.csv   24451,...,"Russia",...   (its address)
//   sdn_2024-05-03.csv    37621,"KOZLOV, Sergey Mikhaylovich","individual",
//                         "DPRK2",... "nationality Russia; citizen Russia"
// 24 entries under DPRK programmes have an address in Russia in the 2021
// edition (sdn.csv joined with add.csv), and six DPRK4 vessels fly the
// Russian flag.

#include <set>
#include <string>
#include <vector>

#include "embargo/country_links.h"
#include "embargo/import/ftm.h"
#include "embargo/import/ofac.h"
#include "embargo/import/un.h"
#include "embargo/load.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

const std::string kOfac = std::string(EMBARGO_SHARED_DATA_DIR) + "/ofac/";

absl::StatusOr<Graph> LoadOfac(const OfacCsvOptions& o, bool links,
                               LoadReport* report = nullptr) {
  absl::StatusOr<ImportResult> r = ImportOfacCsv(o);
  if (!r.ok()) return r.status();
  DatasetFile f;
  f.path = o.sdn_path;
  f.dataset = std::move(r->dataset);
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(std::move(f)));
  LoadOptions options;
  options.country_links = links;
  return Load(std::move(in), options, report);
}

OfacCsvOptions Sdn2021() {
  OfacCsvOptions o;
  o.sdn_path = kOfac + "sdn_2021-07/sdn.csv";
  o.add_path = kOfac + "sdn_2021-07/add.csv";
  o.alt_path = kOfac + "sdn_2021-07/alt.csv";
  o.comments_path = kOfac + "sdn_2021-07/sdn_comments.csv";
  o.edition_date.set_year(2021);
  o.edition_date.set_month(7);
  o.edition_date.set_day(7);
  return o;
}

Regime Dprk() {
  Regime r;
  r.authority_ids = {"OFAC"};
  r.programs = {"DPRK", "DPRK2", "DPRK3", "DPRK4"};
  return r;
}

std::set<std::string> DprkLinkedTo(const Graph& g, const std::string& code) {
  absl::StatusOr<NodeSet> targets = SanctionedNodes(g, Dprk(), PartialDate());
  EXPECT_TRUE(targets.ok()) << targets.status();
  absl::StatusOr<std::vector<NodeId>> members = CountryMembers(g, code);
  EXPECT_TRUE(members.ok()) << members.status();
  std::set<std::string> out;
  if (!targets.ok() || !members.ok()) return out;
  for (NodeId n : *members) {
    if (targets->Contains(n)) out.emplace(g.node_id(n));
  }
  return out;
}

TEST(CountryLinksRealTest, RussianTargetsOfDprkProgrammes2021) {
  LoadReport report;
  absl::StatusOr<Graph> g = LoadOfac(Sdn2021(), true, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  // Thousands of links, from this one list.
  EXPECT_GT(report.country_link_report.located_in, 5000u);
  EXPECT_GT(report.country_link_report.registered_in, 1000u);
  EXPECT_GT(report.country_link_report.national_of, 1000u);
  ASSERT_EQ(report.country_link_report.by_source.size(), 1u);

  const std::set<std::string> rus = DprkLinkedTo(*g, "RUS");
  // 24 with a Russian address + 6 Russian-flagged vessels.
  EXPECT_EQ(rus.size(), 30u);
  EXPECT_TRUE(rus.contains("OFAC-24451"));  // GUDZON SHIPPING CO LLC.
  EXPECT_EQ(g->node_name(*g->FindNode("OFAC-24451")), "GUDZON SHIPPING CO LLC");
  EXPECT_TRUE(rus.contains("OFAC-24508"));  // PATRIOT, flag Russia.

  // The same as one query: OFAC's sanction edges, only Russia-linked nodes.
  Filter f;
  f.edge_kinds = {EdgeKind::kSanction};
  f.country = "RUS";
  absl::StatusOr<Neighborhood> n =
      SanctionedNeighbors(*g, *g->FindNode("OFAC"), Dprk(), PartialDate(), 1, f);
  ASSERT_TRUE(n.ok()) << n.status();
  std::set<std::string> via_filter;
  for (const Neighbor& x : n->nodes) via_filter.emplace(g->node_id(x.node));
  EXPECT_EQ(via_filter, rus);

  // Without country links, GUDZON is not within reach of RUS by any
  // number of hops of the links a list gives about countries (flag,
  // nationality): only its country attribute said so.
  absl::StatusOr<Graph> bare = LoadOfac(Sdn2021(), false);
  ASSERT_TRUE(bare.ok()) << bare.status();
  Filter explicit_links;
  explicit_links.edge_kinds = {EdgeKind::kFlag, EdgeKind::kNationality};
  absl::StatusOr<Neighborhood> near = Neighbors(
      *bare, *bare->FindNode("RUS"), 1, explicit_links);
  ASSERT_TRUE(near.ok());
  std::set<std::string> reached;
  for (const Neighbor& x : near->nodes) reached.emplace(bare->node_id(x.node));
  EXPECT_FALSE(reached.contains("OFAC-24451"));
  EXPECT_TRUE(reached.contains("OFAC-24508"));  // The flag was a link before.
  EXPECT_EQ(CountryMembers(*bare, "RUS").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(CountryLinksRealTest, RussianNationalsOfDprkProgrammes2024) {
  OfacCsvOptions o;
  o.sdn_path = kOfac + "sdn_2024-05-03.csv";
  absl::StatusOr<Graph> g = LoadOfac(o, true);
  ASSERT_TRUE(g.ok()) << g.status();
  const std::set<std::string> rus = DprkLinkedTo(*g, "RUS");
  // The file has no addresses: six flagged vessels and five nationals.
  EXPECT_EQ(rus.size(), 11u);
  ASSERT_TRUE(rus.contains("OFAC-37621"));
  EXPECT_EQ(g->node_name(*g->FindNode("OFAC-37621")),
            "KOZLOV, Sergey Mikhaylovich");
  bool national = false;
  for (EdgeId e : CountryLinksOf(*g, *g->FindNode("OFAC-37621"),
                                 *g->FindNode("RUS"))) {
    national |= g->edge(e).kind == EdgeKind::kNationalOf;
  }
  EXPECT_TRUE(national);
}

// The address countries the importers used to drop: UN addresses, FtM
// Address entities (zala_entities.ftm.json: "country": ["ru"]).
TEST(CountryLinksRealTest, ImportersKeepAddressCountries) {
  absl::StatusOr<ImportResult> un = ImportUnXml(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/un/consolidated_2025-04-19.xml");
  ASSERT_TRUE(un.ok()) << un.status();
  int un_with = 0;
  for (const v1::Actor& a : un->dataset.actors()) un_with += a.address_countries_size() > 0;
  EXPECT_GT(un_with, 300);
  absl::StatusOr<ImportResult> ftm = ImportFtmJson(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/ftm/zala_entities.ftm.json");
  ASSERT_TRUE(ftm.ok()) << ftm.status();
  int ftm_rus = 0;
  for (const v1::Actor& a : ftm->dataset.actors()) {
    for (const std::string& c : a.address_countries()) ftm_rus += c == "RUS";
  }
  EXPECT_GT(ftm_rus, 0);
  DatasetFile f;
  f.path = "zala";
  f.dataset = std::move(ftm->dataset);
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(std::move(f)));
  LoadOptions options;
  options.country_links = true;
  LoadReport report;
  absl::StatusOr<Graph> g = Load(std::move(in), options, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(report.country_link_report.located_in, static_cast<size_t>(ftm_rus));
}

}  // namespace
}  // namespace embargo
