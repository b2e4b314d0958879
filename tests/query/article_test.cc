// The bundled dataset against what a person reads off the article
// (../shared/reference/NOTES.md), and the russia_dprk example's output.

#include <array>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "embargo/explain.h"
#include "embargo/query.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class ArticleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Graph> g = LoadGraph(
        {std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto"});
    ASSERT_TRUE(g.ok()) << g.status();
    graph_ = new Graph(*std::move(g));
  }
  static void TearDownTestSuite() { delete graph_; }

  static NodeId N(absl::string_view id) { return *graph_->FindNode(id); }

  // Records of one kind, by id.
  template <typename Get>
  static std::vector<v1::Record> Records(Get get) {
    std::vector<v1::Record> out;
    for (uint32_t e = 0; e < graph_->num_edges(); ++e) {
      v1::Record r = graph_->EdgeRecord(EdgeId(e));
      if (get(r)) out.push_back(r);
    }
    return out;
  }

  static Graph* graph_;
};
Graph* ArticleTest::graph_ = nullptr;

Filter Munitions() {
  Filter f;
  f.edge_kinds = TransferKinds();
  f.items = {v1::ITEM_ARTILLERY_AMMUNITION, v1::ITEM_AMMUNITION, v1::ITEM_ROCKETS,
             v1::ITEM_MISSILES, v1::ITEM_SMALL_ARMS, v1::ITEM_ARMS_GENERAL};
  return f;
}

// Statements 1, 3, 4, 6: the alleged DPRK -> Russia munitions.
TEST_F(ArticleTest, MunitionsLinksAreTheAllegedDprkSales) {
  absl::StatusOr<Paths> p = AllPaths(*graph_, N("RUS"), N("PRK"), 3, Munitions());
  ASSERT_TRUE(p.ok());
  std::vector<std::string> got;
  for (const Path& path : p->paths) {
    std::string s;
    for (const Hop& h : path.hops) {
      const EdgeInfo info = graph_->edge(h.edge);
      // Every hop runs from North Korea towards Russia, and the article's
      // words make every one of them an allegation.
      EXPECT_FALSE(h.along);
      EXPECT_EQ(info.status, v1::STATUS_ALLEGED);
      s += (s.empty() ? "" : " ") + ItemName(info.item);
    }
    got.push_back(s);
  }
  EXPECT_THAT(got, UnorderedElementsAre("arms_general", "artillery_ammunition",
                                        "rockets", "rockets rockets"));
  // The two-hop path goes through the ship the rockets were seized from.
  for (const Path& path : p->paths) {
    if (path.length() == 2) {
      EXPECT_EQ(graph_->node_kind(path.hops[0].to), NodeKind::kVessel);
    }
  }
}

// Statement 4: Kirby said it, the article reported it via Yonhap.
TEST_F(ArticleTest, ArtilleryAmmunitionRestsOnKirbyViaYonhap) {
  Filter f = Munitions();
  f.items = {v1::ITEM_ARTILLERY_AMMUNITION};
  absl::StatusOr<Paths> p = AllPaths(*graph_, N("PRK"), N("RUS"), 1, f);
  ASSERT_EQ(p->paths.size(), 1u);
  HopDetail d = ExplainHop(*graph_, p->paths[0].hops[0]);
  ASSERT_FALSE(d.evidence.empty());
  bool kirby_via_yonhap = false, quoted = false;
  for (const EvidenceDetail& ev : d.evidence) {
    ASSERT_NE(ev.source, nullptr);
    if (ev.evidence.speaker_id() == "KIRBY-JOHN" &&
        ev.source->id() == "src-beritabali-2023-08") {
      for (const v1::Source* via : ev.via) {
        if (via != nullptr && via->id() == "src-yonhap-2023-08") kirby_via_yonhap = true;
      }
      quoted |= ev.evidence.quote().find("amunisi artileri") != std::string::npos;
    }
  }
  EXPECT_TRUE(kirby_via_yonhap);
  EXPECT_TRUE(quoted);
}

// Statement 6: rockets seized from a ship *believed* bound for Russia,
// reported by the Financial Times.
TEST_F(ArticleTest, RocketsCameThroughTheShipAndTheFt) {
  std::vector<v1::Record> rockets = Records([](const v1::Record& r) {
    return r.has_transfer() && r.transfer().item() == v1::ITEM_ROCKETS;
  });
  ASSERT_FALSE(rockets.empty());
  const v1::Transfer& t = rockets[0].transfer();
  EXPECT_EQ(t.supplier_id(), "PRK");
  EXPECT_EQ(t.recipient_id(), "RUS");
  ASSERT_EQ(t.intermediary_ids_size(), 1);
  EXPECT_EQ(graph_->node_kind(N(t.intermediary_ids(0))), NodeKind::kVessel);
  EXPECT_EQ(t.status(), v1::STATUS_ALLEGED);
  bool believed = false, ft = false;
  for (const v1::Evidence& ev : t.evidence()) {
    if (ev.status_words().find("believed") != std::string::npos) believed = true;
    for (const std::string& via : ev.via_source_ids()) ft |= via == "src-ft-2023-07";
    ft |= ev.speaker_id() == "FINANCIAL-TIMES";
  }
  EXPECT_TRUE(believed);
  EXPECT_TRUE(ft);
}

// Statement 3 and the public facts: Shoigu visited Pyongyang on 25-27 July.
TEST_F(ArticleTest, ShoiguVisitedPyongyang) {
  Filter f;
  f.edge_kinds = {EdgeKind::kVisit};
  f.direction = Direction::kAlong;
  f.from = *PartialDate::Parse("2023-07-26");
  f.until = *PartialDate::Parse("2023-07-26");
  absl::StatusOr<Paths> p = AllPaths(*graph_, N("SHOIGU-SERGEI"), N("PRK"), 1, f);
  ASSERT_EQ(p->paths.size(), 1u);
  const EdgeInfo info = graph_->edge(p->paths[0].hops[0].edge);
  EXPECT_EQ(FormatDay(info.days.lo), "2023-07-25");
  EXPECT_EQ(FormatDay(info.days.hi), "2023-07-27");
}

// Statement 5: delegations of Russia, China and Iran at the parade.
TEST_F(ArticleTest, ParadeDelegations) {
  std::vector<v1::Record> parades = Records([](const v1::Record& r) {
    return r.has_event() && r.event().kind() == v1::EVENT_KIND_PARADE;
  });
  ASSERT_FALSE(parades.empty());
  std::set<std::string> delegations;
  for (const v1::Participant& p : parades[0].event().participants()) {
    if (p.role().find("delegation") != std::string::npos) delegations.insert(p.actor_id());
  }
  EXPECT_TRUE(delegations.count("RUS"));
  EXPECT_TRUE(delegations.count("CHN"));
  EXPECT_TRUE(delegations.count("IRN"));
  EXPECT_EQ(parades[0].event().place_id(), "PRK");
}

// Statement 7: the UN arms embargo on the DPRK (1718, 1874, 2270).
TEST_F(ArticleTest, UnArmsEmbargo) {
  std::vector<v1::Record> un = Records([](const v1::Record& r) {
    return r.has_sanction() && r.sanction().authority_id() == "UNSC" &&
           r.sanction().target_id() == "PRK";
  });
  std::set<std::string> bases;
  bool exports = false, imports = false;
  for (const v1::Record& r : un) {
    for (const std::string& b : r.sanction().legal_basis()) bases.insert(b);
    for (int m : r.sanction().measures()) {
      exports |= m == v1::MEASURE_ARMS_EMBARGO_EXPORTS;
      imports |= m == v1::MEASURE_ARMS_EMBARGO_IMPORTS;
    }
  }
  EXPECT_TRUE(exports);
  EXPECT_TRUE(imports);
  EXPECT_TRUE(bases.count("UNSCR 1718 (2006)"));
  EXPECT_TRUE(bases.count("UNSCR 1874 (2009)"));
  EXPECT_TRUE(bases.count("UNSCR 2270 (2016)"));
}

// Statement 8: US sanctions in March 2023 on individuals in the arms trade.
TEST_F(ArticleTest, MarchUsSanctions) {
  std::vector<v1::Record> march = Records([](const v1::Record& r) {
    return r.has_sanction() && r.sanction().authority_id() == "OFAC" &&
           r.sanction().listed().year() == 2023 && r.sanction().listed().month() == 3;
  });
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(graph_->node_kind(N(march[0].sanction().target_id())), NodeKind::kPerson);
}

// Statements 2 and 9: who speaks, and the outreach to Iran and China.
TEST_F(ArticleTest, SpeakerAndOutreach) {
  Filter f;
  f.edge_kinds = {EdgeKind::kSpokesperson};
  EXPECT_EQ(AllPaths(*graph_, N("KIRBY-JOHN"), N("US-NSC"), 1, f)->paths.size(), 1u);
  f.edge_kinds = {EdgeKind::kSupport};
  f.direction = Direction::kAlong;
  for (const char* state : {"IRN", "CHN"}) {
    absl::StatusOr<Paths> p = AllPaths(*graph_, N(state), N("RUS"), 1, f);
    ASSERT_EQ(p->paths.size(), 1u) << state;
    EXPECT_EQ(graph_->edge(p->paths[0].hops[0].edge).status, v1::STATUS_ALLEGED);
  }
}

std::string RunExample(int* exit_code) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(RUSSIA_DPRK_BINARY, "r"), pclose);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
  *exit_code = WEXITSTATUS(pclose(pipe.release()));
  return out;
}

TEST_F(ArticleTest, ExampleProgramPrintsEachHopWithItsSources) {
  int code = -1;
  const std::string out = RunExample(&code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(out, HasSubstr("4 path(s) of at most 3 hops"));
  EXPECT_THAT(out, HasSubstr("RUS <- PRK  transfer artillery_ammunition"));
  EXPECT_THAT(out, HasSubstr("RUS - VESSEL-FT-ROCKETS-2023 - PRK  (2 hops)"));
  EXPECT_THAT(out, HasSubstr("said by: John Kirby"));
  EXPECT_THAT(out, HasSubstr("(alleged)"));
  EXPECT_THAT(out, HasSubstr("source: beritabali.com"));
  EXPECT_THAT(out, HasSubstr("in English:"));
}

}  // namespace
}  // namespace embargo
