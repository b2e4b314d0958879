// Country links (embargo/country_links.h) on small hand-checked records:
// which links each actor gets, their evidence, the missing-state rule, the
// default kinds that leave them out, and the country filter with its
// errors.

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "embargo/country_links.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "embargo/kinds.h"
#include "embargo/load.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// RUS and PRK; a company registered in RUS; a person of PRK nationality
// living in RUS; a vessel flagged RUS (country and a FLAG relation); a
// company with addresses in RUS, PRK and RUS again; a company with no
// evidence; an authority sanctioning three of them.
constexpr char kRecords[] = R"pb(
  sources { id: "list" publisher: "A list" }
  actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" }
  actors { id: "PRK" kind: ACTOR_KIND_STATE name: "North Korea" }
  actors { id: "AUTH" kind: ACTOR_KIND_GOVERNMENT_BODY name: "Authority" }
  actors {
    id: "CO-RU" kind: ACTOR_KIND_COMPANY name: "Ru Trading" country: "RUS"
    evidence { source_id: "list" locator: "entry 1" }
  }
  actors {
    id: "P-KP" kind: ACTOR_KIND_PERSON name: "Kim" country: "PRK"
    address_countries: "RUS"
    evidence { source_id: "list" locator: "entry 2" }
  }
  actors {
    id: "V-RU" kind: ACTOR_KIND_VESSEL name: "Ship" country: "RUS"
    evidence { source_id: "list" locator: "entry 3" }
  }
  actors {
    id: "CO-ADDR" kind: ACTOR_KIND_COMPANY name: "Addr Co"
    address_countries: "RUS" address_countries: "PRK" address_countries: "RUS"
    evidence { source_id: "list" locator: "entry 4" }
  }
  actors { id: "CO-BARE" kind: ACTOR_KIND_COMPANY name: "Bare" country: "PRK" }
  relations {
    id: "flag-1" kind: RELATION_KIND_FLAG subject_id: "V-RU" object_id: "RUS"
    status: STATUS_CONFIRMED evidence { source_id: "list" }
  }
  sanctions {
    id: "s1" authority_id: "AUTH" target_id: "CO-RU" program: "P1"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    evidence { source_id: "list" }
  }
  sanctions {
    id: "s2" authority_id: "AUTH" target_id: "P-KP" program: "P1"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    evidence { source_id: "list" }
  }
  sanctions {
    id: "s3" authority_id: "AUTH" target_id: "CO-BARE" program: "P1"
    measures: MEASURE_ASSET_FREEZE status: STATUS_CONFIRMED
    evidence { source_id: "list" }
  }
)pb";

DatasetFile File(const char* text = kRecords) {
  DatasetFile f;
  f.path = "hand.textproto";
  f.format = Format::kText;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &f.dataset));
  return f;
}

LoadOptions WithLinks() {
  LoadOptions o;
  o.country_links = true;
  return o;
}

absl::StatusOr<Graph> LoadHand(const LoadOptions& options = WithLinks(),
                               LoadReport* report = nullptr) {
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(File()));
  return Load(std::move(in), options, report);
}

// The country-link edges out of `id`, as "kind>STATE".
std::vector<std::string> LinksOf(const Graph& g, const std::string& id) {
  std::vector<std::string> out;
  const NodeId n = *g.FindNode(id);
  for (const Incidence& inc : g.Incidences(n)) {
    const EdgeInfo e = g.edge(inc.edge);
    if (!inc.along || !CountryLinkKinds().Contains(e.kind)) continue;
    out.push_back(std::string(EdgeKindName(e.kind)) + ">" +
                  std::string(g.node_id(inc.other)));
  }
  return out;
}

TEST(CountryLinksTest, EachActorGetsItsLinks) {
  LoadReport report;
  absl::StatusOr<Graph> g = LoadHand(WithLinks(), &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_TRUE(g->has_country_links());
  EXPECT_THAT(LinksOf(*g, "CO-RU"), ElementsAre("registered_in>RUS"));
  EXPECT_THAT(LinksOf(*g, "P-KP"),
              UnorderedElementsAre("national_of>PRK", "located_in>RUS"));
  EXPECT_THAT(LinksOf(*g, "V-RU"), ElementsAre("registered_in>RUS"));
  // RUS twice in the addresses: one link.
  EXPECT_THAT(LinksOf(*g, "CO-ADDR"),
              UnorderedElementsAre("located_in>RUS", "located_in>PRK"));
  EXPECT_THAT(LinksOf(*g, "RUS"), ElementsAre());
  EXPECT_EQ(report.country_link_report.registered_in, 3u);
  EXPECT_EQ(report.country_link_report.national_of, 1u);
  EXPECT_EQ(report.country_link_report.located_in, 3u);
  EXPECT_EQ(report.country_link_report.by_source.at("list"), 6u);
  EXPECT_EQ(report.country_link_report.by_source.at(
                std::string(kDerivedCountrySource)),
            1u);
}

TEST(CountryLinksTest, LinksCarryTheActorsEvidenceAndField) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  const NodeId co = *g->FindNode("CO-RU");
  int seen = 0;
  for (const Incidence& inc : g->Incidences(co)) {
    if (g->edge(inc.edge).kind != EdgeKind::kRegisteredIn) continue;
    ++seen;
    const v1::Relation rel = g->EdgeRecord(inc.edge).relation();
    EXPECT_EQ(rel.id(), "country-link/CO-RU/registered_in/RUS");
    EXPECT_EQ(rel.role(), "Actor.country");
    ASSERT_EQ(rel.evidence_size(), 1);
    EXPECT_EQ(rel.evidence(0).source_id(), "list");
    EXPECT_EQ(rel.evidence(0).locator(), "entry 1");
  }
  EXPECT_EQ(seen, 1);
  // An actor without evidence: its link cites the derivation itself.
  const NodeId bare = *g->FindNode("CO-BARE");
  for (const Incidence& inc : g->Incidences(bare)) {
    if (g->edge(inc.edge).kind != EdgeKind::kRegisteredIn) continue;
    const std::vector<v1::Evidence> ev = g->Evidence(inc.edge);
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0].source_id(), kDerivedCountrySource);
    ASSERT_NE(g->FindSource(kDerivedCountrySource), nullptr);
  }
}

TEST(CountryLinksTest, MissingStateIsReportedNotDropped) {
  std::string text = kRecords;
  text += R"pb(actors { id: "X" kind: ACTOR_KIND_COMPANY name: "X"
                        country: "UKR" address_countries: "BLR" })pb";
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(File(text.c_str())));
  absl::StatusOr<Graph> g = Load(std::move(in));
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(), HasSubstr("country: \"UKR\" is not a known state"));
  EXPECT_THAT(g.status().message(),
              HasSubstr("address_countries[0]: \"BLR\" is not a known state"));
}

TEST(CountryLinksTest, NotWalkedByDefault) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  const NodeId rus = *g->FindNode("RUS");
  absl::StatusOr<Neighborhood> plain = Neighbors(*g, rus, 1);
  ASSERT_TRUE(plain.ok());
  std::vector<std::string> ids;
  for (const Neighbor& n : plain->nodes) ids.emplace_back(g->node_id(n.node));
  EXPECT_THAT(ids, ElementsAre("V-RU"));  // The FLAG relation only.
  Filter links;
  links.edge_kinds = *ParseEdgeKinds("country_links");
  EXPECT_EQ(links.edge_kinds, CountryLinkKinds());
  absl::StatusOr<Neighborhood> linked = Neighbors(*g, rus, 1, links);
  ASSERT_TRUE(linked.ok());
  ids.clear();
  for (const Neighbor& n : linked->nodes) ids.emplace_back(g->node_id(n.node));
  EXPECT_THAT(ids, UnorderedElementsAre("CO-RU", "P-KP", "V-RU", "CO-ADDR"));
  EXPECT_FALSE(Filter().edge_kinds.Contains(EdgeKind::kLocatedIn));
  EXPECT_TRUE(Filter().edge_kinds.Contains(EdgeKind::kNationality));
  // Load derives them only when asked: records load into the graph they
  // hold.
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(File()));
  absl::StatusOr<Graph> plain_load = Load(std::move(in));
  ASSERT_TRUE(plain_load.ok());
  EXPECT_FALSE(plain_load->has_country_links());
  EXPECT_EQ(plain_load->num_edges() + 7, g->num_edges());
}

TEST(CountryLinksTest, CountryFilter) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  Filter f;
  f.edge_kinds = {EdgeKind::kSanction};
  f.country = "RUS";
  absl::StatusOr<Neighborhood> n = Neighbors(*g, *g->FindNode("AUTH"), 1, f);
  ASSERT_TRUE(n.ok()) << n.status();
  std::vector<std::string> ids;
  for (const Neighbor& x : n->nodes) ids.emplace_back(g->node_id(x.node));
  EXPECT_THAT(ids, ElementsAre("CO-RU", "P-KP"));  // Not CO-BARE (PRK).
  f.country = "PRK";
  n = Neighbors(*g, *g->FindNode("AUTH"), 1, f);
  ASSERT_TRUE(n.ok());
  ids.clear();
  for (const Neighbor& x : n->nodes) ids.emplace_back(g->node_id(x.node));
  EXPECT_THAT(ids, ElementsAre("P-KP", "CO-BARE"));

  absl::StatusOr<std::vector<NodeId>> rus = CountryMembers(*g, "RUS");
  ASSERT_TRUE(rus.ok());
  std::vector<std::string> members;
  for (NodeId m : *rus) members.emplace_back(g->node_id(m));
  EXPECT_THAT(members,
              UnorderedElementsAre("RUS", "CO-RU", "P-KP", "V-RU", "CO-ADDR"));
}

TEST(CountryLinksTest, CountryFilterErrors) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  Filter f;
  f.country = "RUSS";
  absl::StatusOr<Neighborhood> n = Neighbors(*g, *g->FindNode("AUTH"), 1, f);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(n.status().message(),
              HasSubstr("\"RUSS\" is not an ISO 3166-1 alpha-3 code"));
  f.country = "XYZ";
  EXPECT_EQ(Neighbors(*g, *g->FindNode("AUTH"), 1, f).status().code(),
            absl::StatusCode::kInvalidArgument);
  f.country = "UKR";  // A real code, but no such state loaded.
  EXPECT_EQ(Neighbors(*g, *g->FindNode("AUTH"), 1, f).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(AllPaths(*g, *g->FindNode("AUTH"), *g->FindNode("RUS"), 2, f)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_THAT(CheckCountryCode("Russia").message(), HasSubstr("did you mean RUS"));

  // Without country links, the filter is refused rather than answered
  // from the nationality and flag relations alone.
  LoadOptions off;
  off.country_links = false;
  absl::StatusOr<Graph> bare = LoadHand(off);
  ASSERT_TRUE(bare.ok());
  EXPECT_FALSE(bare->has_country_links());
  EXPECT_THAT(LinksOf(*bare, "CO-RU"), ElementsAre());
  f.country = "RUS";
  EXPECT_EQ(Neighbors(*bare, *bare->FindNode("AUTH"), 1, f).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountryMembers(*bare, "RUS").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(CountryLinksTest, SavedAndLoadedAgainKeepsOneLinkEach) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  DatasetFile again;
  again.path = "saved";
  again.dataset = DatasetFromGraph(*g);
  std::vector<LoadInput> in;
  in.push_back(LoadInput::Records(std::move(again)));
  LoadReport report;
  absl::StatusOr<Graph> g2 = Load(std::move(in), WithLinks(), &report);
  ASSERT_TRUE(g2.ok()) << g2.status();
  EXPECT_EQ(g2->num_edges(), g->num_edges());
  EXPECT_EQ(report.country_link_report.total(), 0u);
  EXPECT_EQ(report.country_link_report.already_present, 7u);
}

TEST(CountryLinksTest, GraphImageKeepsTheFlag) {
  absl::StatusOr<Graph> g = LoadHand();
  ASSERT_TRUE(g.ok()) << g.status();
  const std::string path = ::testing::TempDir() + "/country_links.egraph";
  ASSERT_TRUE(WriteGraphImage(*g, path).ok());
  absl::StatusOr<Graph> back = ReadGraphImage(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(back->has_country_links());
  EXPECT_THAT(LinksOf(*back, "CO-ADDR"),
              UnorderedElementsAre("located_in>RUS", "located_in>PRK"));

  LoadOptions off;
  off.country_links = false;
  absl::StatusOr<Graph> bare = LoadHand(off);
  ASSERT_TRUE(bare.ok());
  ASSERT_TRUE(WriteGraphImage(*bare, path).ok());
  back = ReadGraphImage(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_FALSE(back->has_country_links());

  // An image of the format before the country-link kinds (version 1) is
  // refused, not read without knowing whether it has them.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 12u);
  bytes[8] = 1;  // u32 version after the 8-byte magic, little-endian.
  bytes[9] = bytes[10] = bytes[11] = 0;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  back = ReadGraphImage(path);
  ASSERT_FALSE(back.ok());
  EXPECT_THAT(back.status().message(), HasSubstr("format version 1"));
  EXPECT_THAT(back.status().message(), HasSubstr("country-link"));
}

}  // namespace
}  // namespace embargo
