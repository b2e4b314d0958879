// Tests of the name search and screening (embargo/search.h, screen.h) on a
// small hand-made graph whose answers were worked out by hand.

#include "embargo/search.h"

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "embargo/screen.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/search/index_data.h"
#include "tests/testing/dataset_builder.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;

class SearchTest : public ::testing::Test {
 protected:
  SearchTest() {
    b_.State("RUS").State("PRK").Actor("OFAC", v1::ACTOR_KIND_GOVERNMENT_BODY);
    Person("P-SHOIGU", "SHOIGU, Sergei Kuzhugetovich", {"Сергей Кужугетович ШОЙГУ"},
           {}, "RUS", 1955, 5, 21);
    Person("P-IRINA", "SHOIGU, Irina Aleksandrovna", {}, {}, "RUS", 1954, 0, 0);
    Company("C-RYONHA", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION",
            {"Ryonha Machinery Corporation"}, "PRK");
    Company("C-VTB", "VTB Bank PJSC", {}, "RUS");
    Company("C-VTB-SUB", "VTB Capital LLC", {}, "RUS");
    Person("P-DURI", "AL-DURI, Izzat Ibrahim", {}, {"ABU AHMAD"}, "", 1942, 0, 0);
    Person("P-AHMAD", "AHMAD, Abu Bakr", {}, {}, "", 0, 0, 0);
    Person("P-POPESCU", "POPESCU, Sergiu", {}, {}, "", 0, 0, 0);
    v1::Actor& ship = *b_.dataset().add_actors();
    ship.set_id("V-STAR");
    ship.set_kind(v1::ACTOR_KIND_VESSEL);
    ship.set_name("SEA STAR");
    v1::Identifier* imo = ship.add_identifiers();
    imo->set_scheme("IMO");
    imo->set_value("9234567");
    b_.Sanction("S1", "OFAC", "P-SHOIGU", "RUSSIA-EO14024", {v1::MEASURE_ASSET_FREEZE}, 2022);
    b_.Sanction("S2", "OFAC", "C-VTB", "RUSSIA-EO14024", {v1::MEASURE_ASSET_FREEZE}, 2022);
    b_.Relation("R1", v1::RELATION_KIND_OWNERSHIP, "C-VTB", "C-VTB-SUB", 100);
    b_.Relation("R2", v1::RELATION_KIND_FAMILY, "P-IRINA", "P-SHOIGU");
    graph_ = std::make_unique<Graph>(b_.BuildGraph());
    absl::StatusOr<NameIndex> index = NameIndex::Build(*graph_);
    EXPECT_TRUE(index.ok()) << index.status();
    index_ = std::make_unique<NameIndex>(*std::move(index));
  }

  void Person(const std::string& id, const std::string& name,
              std::vector<std::string> aliases, std::vector<std::string> weak,
              const std::string& country, int y, int m, int d) {
    v1::Actor& a = *b_.dataset().add_actors();
    a.set_id(id);
    a.set_kind(v1::ACTOR_KIND_PERSON);
    a.set_name(name);
    for (auto& s : aliases) a.add_aliases(s);
    for (auto& s : weak) a.add_weak_aliases(s);
    a.set_country(country);
    a.mutable_born()->set_year(y);
    a.mutable_born()->set_month(m);
    a.mutable_born()->set_day(d);
  }
  void Company(const std::string& id, const std::string& name,
               std::vector<std::string> aliases, const std::string& country) {
    v1::Actor& a = *b_.dataset().add_actors();
    a.set_id(id);
    a.set_kind(v1::ACTOR_KIND_COMPANY);
    a.set_name(name);
    for (auto& s : aliases) a.add_aliases(s);
    a.set_country(country);
  }

  std::vector<SearchHit> Find(const std::string& name, SearchQuery q = {}) {
    q.name = name;
    absl::StatusOr<std::vector<SearchHit>> hits = index_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status();
    return hits.ok() ? *hits : std::vector<SearchHit>{};
  }
  std::string Top(const std::string& name, SearchQuery q = {}) {
    std::vector<SearchHit> h = Find(name, q);
    return h.empty() ? "" : std::string(graph_->node_id(h[0].node));
  }

  testing::DatasetBuilder b_;
  std::unique_ptr<Graph> graph_;
  std::unique_ptr<NameIndex> index_;
};

TEST_F(SearchTest, ExactNameScoresOne) {
  std::vector<SearchHit> h = Find("Sergei Kuzhugetovich Shoigu");
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(graph_->node_id(h[0].node), "P-SHOIGU");
  EXPECT_DOUBLE_EQ(h[0].score, 1.0);
  EXPECT_TRUE(h[0].missing_query_tokens.empty());
  EXPECT_TRUE(h[0].missing_name_tokens.empty());
}

TEST_F(SearchTest, WordOrderTransliterationAndVariants) {
  for (const char* q : {"Shoigu Sergei", "Шойгу Сергей", "Shoygu Sergey",
                        "SHOIGU, Sergei K.", "Sergei Shoygu"}) {
    std::vector<SearchHit> h = Find(q);
    ASSERT_FALSE(h.empty()) << q;
    EXPECT_EQ(graph_->node_id(h[0].node), "P-SHOIGU") << q;
    EXPECT_GE(h[0].score, kDefaultMatchThreshold) << q << ": " << h[0].Explain();
  }
  std::vector<SearchHit> h = Find("Shoygu Sergei");
  EXPECT_THAT(h[0].Explain(), HasSubstr("shoygu~shoigu (variant)"));
  // The initial is explained as one.
  h = Find("S. Shoigu Kuzhugetovich");
  ASSERT_FALSE(h.empty());
  bool initial = false;
  for (const TokenMatch& t : h[0].tokens) initial |= t.kind == TokenMatchKind::kInitial;
  EXPECT_TRUE(initial) << h[0].Explain();
}

TEST_F(SearchTest, KoreanRomanisations) {
  for (const char* q : {"Ryonha Machinery", "Ryŏnha Machinery", "Ryeonha Machinery",
                        "Korea Ryonha Machinery Joint Venture Co., Ltd."}) {
    EXPECT_EQ(Top(q), "C-RYONHA") << q;
    EXPECT_GE(Find(q)[0].score, kDefaultMatchThreshold) << q;
  }
}

TEST_F(SearchTest, CompanyFormsAreSetAside) {
  for (const char* q : {"VTB Bank", "OOO VTB Bank", "ПАО ВТБ Банк", "VTB Bank Public Joint Stock Company",
                        "The VTB Bank"}) {
    std::vector<SearchHit> h = Find(q);
    ASSERT_FALSE(h.empty()) << q;
    EXPECT_EQ(graph_->node_id(h[0].node), "C-VTB") << q;
    EXPECT_GE(h[0].score, 0.95) << q << ": " << h[0].Explain();
  }
  EXPECT_THAT(Find("OOO VTB Bank")[0].set_aside, ::testing::ElementsAre("ooo"));
}

TEST_F(SearchTest, TyposAndPartialNames) {
  EXPECT_EQ(Top("Shoigo Sergei"), "P-SHOIGU");        // One substitution.
  EXPECT_EQ(Top("Shiogu Sergei"), "P-SHOIGU");        // A transposition.
  EXPECT_EQ(Top("Ryonha Machinnery Corporatoin"), "C-RYONHA");
  std::vector<SearchHit> h = Find("Shoigo Sergei");
  EXPECT_EQ(h[0].tokens[0].kind, TokenMatchKind::kTypo);
  // A surname alone finds both Shoigus, below a full match.
  h = Find("Shoigu");
  ASSERT_GE(h.size(), 2u);
  EXPECT_LT(h[0].score, 0.9);
}

TEST_F(SearchTest, TheWordLeftOverPairsLooselyOnlyWhenNoListHoldsIt) {
  // "Srgi" is in no name: with the other two words paired, it is taken as
  // "Sergei" written badly (two edits, four letters of six kept).
  std::vector<SearchHit> h = Find("Srgi Kuzhugetovich Shoigu");
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(graph_->node_id(h[0].node), "P-SHOIGU");
  ASSERT_EQ(h[0].tokens.size(), 3u) << h[0].Explain();
  EXPECT_EQ(h[0].tokens[0].kind, TokenMatchKind::kLoose);
  EXPECT_EQ(h[0].tokens[0].name_token, "sergei");
  EXPECT_DOUBLE_EQ(h[0].tokens[0].similarity, 0.8 * (1 - 2.0 / 6));
  EXPECT_THAT(h[0].Explain(), HasSubstr("srgi~sergei (loose)"));
  const double loose = h[0].score;
  // Other words left over on both sides do not stop it: "Aleksandrovna"
  // (a name the lists hold: never paired loosely) and "Kuzhugetovich" stay
  // unpaired, "Srgi" still pairs with "Sergei".
  h = Find("Srgi Shoigu Aleksandrovna");
  const auto shoigu = std::find_if(h.begin(), h.end(), [&](const SearchHit& x) {
    return graph_->node_id(x.node) == "P-SHOIGU";
  });
  ASSERT_NE(shoigu, h.end());
  EXPECT_THAT(shoigu->Explain(), HasSubstr("srgi~sergei (loose)"));
  EXPECT_THAT(shoigu->missing_query_tokens, ::testing::ElementsAre("aleksandrovna"));
  EXPECT_THAT(shoigu->missing_name_tokens, ::testing::ElementsAre("kuzhugetovich"));
  EXPECT_LT(shoigu->score, loose);
  // "Sergiu" is two edits from "Sergei", but a name the lists hold
  // (POPESCU, Sergiu): it is someone, not a misspelt "Sergei".
  h = Find("Sergiu Kuzhugetovich Shoigu");
  for (const SearchHit& x : h) {
    for (const TokenMatch& t : x.tokens) EXPECT_NE(t.kind, TokenMatchKind::kLoose);
  }
  // So is "Sergiou", in a spelling no list uses but with the same key.
  h = Find("Sergiou Kuzhugetovich Shoigu");
  for (const SearchHit& x : h) {
    for (const TokenMatch& t : x.tokens) EXPECT_NE(t.kind, TokenMatchKind::kLoose);
  }
  h = Find("Serzh Kuzhugetovich Shoigu");  // Three edits, half the letters.
  ASSERT_FALSE(h.empty());
  ASSERT_FALSE(h[0].tokens.empty());
  EXPECT_EQ(h[0].tokens[0].kind, TokenMatchKind::kLoose);
  EXPECT_DOUBLE_EQ(h[0].tokens[0].similarity, 0.4);
  h = Find("Xavier Kuzhugetovich Shoigu");  // Five edits: no pairing.
  ASSERT_FALSE(h.empty());
  EXPECT_THAT(h[0].missing_query_tokens, ::testing::ElementsAre("xavier"));
  // Too far apart: "Xqzt" keeps no letter of "Sergei".
  h = Find("Xqzt Kuzhugetovich Shoigu");
  ASSERT_FALSE(h.empty());
  EXPECT_THAT(h[0].missing_query_tokens, ::testing::ElementsAre("xqzt"));
  // The loose pair counts for 0.53 of the word's weight on both sides.
  EXPECT_GT(loose, h[0].score + 0.1);
}

TEST_F(SearchTest, AttributesAgreeOrDisagree) {
  SearchQuery q;
  q.born = *PartialDate::Parse("1955");
  q.country = "Russia";
  std::vector<SearchHit> h = Find("Shoigu", q);
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(graph_->node_id(h[0].node), "P-SHOIGU");
  EXPECT_EQ(h[0].born.agreement, Agreement::kAgrees);
  EXPECT_EQ(h[0].country.agreement, Agreement::kAgrees);
  for (const SearchHit& x : h) {
    if (graph_->node_id(x.node) == "P-IRINA") {
      EXPECT_EQ(x.born.agreement, Agreement::kDisagrees);
      EXPECT_LT(x.score, h[0].score - 0.15);
    }
  }
  SearchQuery imo;
  imo.identifiers = {"IMO9234567"};
  h = Find("Ocean Star", imo);
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(graph_->node_id(h[0].node), "V-STAR");
  EXPECT_EQ(h[0].identifier.agreement, Agreement::kAgrees);
  EXPECT_GE(h[0].score, 0.97);
  imo.identifiers = {"IMO 9999999"};
  h = Find("Sea Star", imo);
  ASSERT_FALSE(h.empty());
  // Another ship's IMO number: the same name no longer makes a match.
  EXPECT_EQ(h[0].identifier.agreement, Agreement::kDisagrees);
  EXPECT_LT(h[0].score, kDefaultMatchThreshold);
  imo.identifiers = {"KPe.999"};
  h = Find("Sea Star", imo);
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(h[0].identifier.agreement, Agreement::kUnknown);  // No such id here.
}

// A name that is an identifier the lists hold is searched as one: the IMO
// number typed where a name goes finds the ship, not a name near "imo".
TEST_F(SearchTest, AnIdentifierGivenAsTheNameFindsItsHolder) {
  for (const char* name : {"IMO 9234567", "imo9234567"}) {
    std::vector<SearchHit> h = Find(name);
    ASSERT_FALSE(h.empty()) << name;
    EXPECT_EQ(graph_->node_id(h[0].node), "V-STAR") << name;
    EXPECT_EQ(h[0].identifier.agreement, Agreement::kAgrees) << name;
    EXPECT_EQ(h[0].identifier.query_value, "IMO 9234567");  // As read.
    EXPECT_GE(h[0].score, 0.97) << name;
  }
  // A number no list holds stays a name: nothing agrees, nothing matches.
  for (const SearchHit& x : Find("IMO 9999999")) {
    EXPECT_NE(x.identifier.agreement, Agreement::kAgrees);
    EXPECT_LT(x.score, kDefaultMatchThreshold);
  }
}

TEST_F(SearchTest, WeakAliasesRaiseAScoreOnlyALittle) {
  std::vector<SearchHit> h = Find("Abu Ahmad");
  const SearchHit* duri = nullptr;
  for (const SearchHit& x : h) {
    if (graph_->node_id(x.node) == "P-DURI") duri = &x;
  }
  ASSERT_NE(duri, nullptr);
  EXPECT_LT(duri->score, kDefaultMatchThreshold);
  EXPECT_GT(duri->weak_raise, 0);
  EXPECT_LE(duri->weak_raise, 0.35);
  EXPECT_THAT(duri->Explain(), HasSubstr("weak alias \"ABU AHMAD\""));
}

TEST_F(SearchTest, BadQueries) {
  SearchQuery q;
  q.name = " -- ";
  EXPECT_EQ(index_->Search(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.name = "Shoigu";
  q.country = "Atlantis";
  EXPECT_EQ(index_->Search(q).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, ScreenReportsSanctionsOwnershipAndNeighbours) {
  ScreenOptions o;
  o.as_of = *PartialDate::Parse("2023-06-01");
  absl::StatusOr<Screener> s = Screener::Create(*index_, o);
  ASSERT_TRUE(s.ok()) << s.status();
  SearchQuery q;
  q.name = "VTB Capital";
  absl::StatusOr<ScreenResult> r = s->Screen(q);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->matches.empty());
  const ScreenMatch& m = r->matches[0];
  EXPECT_EQ(graph_->node_id(m.hit.node), "C-VTB-SUB");
  EXPECT_TRUE(m.sanctions.empty());
  ASSERT_TRUE(m.blocked.has_value());
  EXPECT_TRUE(m.blocked->blocked_by_ownership);
  ASSERT_EQ(m.chain.size(), 1u);
  EXPECT_EQ(graph_->node_id(m.chain[0].owner), "C-VTB");
  ASSERT_EQ(m.nearby.size(), 1u);
  EXPECT_EQ(graph_->node_id(m.nearby[0].node), "C-VTB");
  EXPECT_EQ(m.nearby[0].path.hops.size(), 1u);
  EXPECT_EQ(m.nearby_count, 1u);
  EXPECT_TRUE(m.nearby_searched);
  EXPECT_FALSE(m.nearby_truncated);
  EXPECT_FALSE(m.nearby_incomplete);

  q.name = "Irina Shoigu";
  r = s->Screen(q);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->matches.empty());
  EXPECT_EQ(graph_->node_id(r->matches[0].hit.node), "P-IRINA");
  EXPECT_FALSE(r->matches[0].blocked.has_value());
  ASSERT_EQ(r->matches[0].nearby.size(), 1u);  // Family of a sanctioned person.
  EXPECT_EQ(graph_->node_id(r->matches[0].nearby[0].node), "P-SHOIGU");

  // Listing none of them still counts them: an empty list is not "none".
  {
    ScreenOptions none = o;
    none.max_nearby = 0;
    absl::StatusOr<Screener> s0 = Screener::Create(*index_, none);
    ASSERT_TRUE(s0.ok()) << s0.status();
    q.name = "VTB Capital";
    absl::StatusOr<ScreenResult> r0 = s0->Screen(q);
    ASSERT_TRUE(r0.ok()) << r0.status();
    ASSERT_FALSE(r0->matches.empty());
    EXPECT_TRUE(r0->matches[0].nearby.empty());
    EXPECT_EQ(r0->matches[0].nearby_count, 1u);
    EXPECT_TRUE(r0->matches[0].nearby_truncated);
  }

  // Before the listing nothing is sanctioned.
  o.as_of = *PartialDate::Parse("2021");
  s = Screener::Create(*index_, o);
  ASSERT_TRUE(s.ok());
  q.name = "VTB Bank";
  r = s->Screen(q);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->matches.empty());
  EXPECT_TRUE(r->matches[0].sanctions.empty());

  // Many at once, in order, a bad row keeping its error.
  std::vector<SearchQuery> qs(3);
  qs[0].name = "VTB Bank";
  qs[1].name = "";
  qs[2].name = "Shoigu Sergei";
  std::vector<absl::StatusOr<ScreenResult>> all = s->ScreenAll(qs, 2);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(all[0].ok());
  EXPECT_EQ(all[1].status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(all[2].ok());
  EXPECT_EQ(graph_->node_id(all[2]->matches[0].hit.node), "P-SHOIGU");
}

// Variants the lists write: names joined or apart, Korean romanisations,
// ё as "yo" or "e", Russian and Ukrainian name forms, and queries that
// stand for several names.
class SearchVariantsTest : public ::testing::Test {
 protected:
  SearchVariantsTest() {
    b_.State("RUS").State("PRK").State("ETH").State("TUN").State("MMR");
    Add("C-CHONMYONG", v1::ACTOR_KIND_COMPANY, "CHONMYONG SHIPPING CO", "PRK");
    Add("P-CHANG", v1::ACTOR_KIND_PERSON, "CHANG MYONG-CHIN", "PRK");
    Add("P-METELEV", v1::ACTOR_KIND_PERSON, "METELEV, Artem Pavlovich", "RUS");
    Add("P-ANTONOV", v1::ACTOR_KIND_PERSON, "ANTONOV, Vladimir Nikolaevich", "RUS");
    Add("V-RAKWON", v1::ACTOR_KIND_VESSEL, "RAK WON 2", "PRK");
    Add("G-ELF", v1::ACTOR_KIND_ORGANIZATION, "ELF (Ethiopia)", "ETH");
    Add("C-SHIPPING", v1::ACTOR_KIND_COMPANY, "KOREA SHIPPING COMPANY", "PRK");
    Add("C-NAMPO", v1::ACTOR_KIND_COMPANY, "CHONMYONG NAMPO TRADING", "PRK");
    Add("P-MYONG", v1::ACTOR_KIND_PERSON, "KIM MYONG CHOL", "PRK");
    Add("P-SAYED", v1::ACTOR_KIND_PERSON, "ABD EL KADER MAHMOUD MOHAMED EL SAYED", "");
    Add("C-IS", v1::ACTOR_KIND_COMPANY, "I&S HOLDING COMPANY, S.A.", "");
    Add("C-ZNTC", v1::ACTOR_KIND_COMPANY, "JSC ZELENOGRAD NANOTECHNOLOGY CENTER", "RUS");
    Add("C-TULA", v1::ACTOR_KIND_COMPANY, "ZAVOD TULA", "RUS");
    Add("C-SAMMA", v1::ACTOR_KIND_COMPANY, "KOREA SAMMA SHPG CO", "PRK");
    Add("G-ROCKET", v1::ACTOR_KIND_GOVERNMENT_BODY, "MINISTRY OF ROCKET INDUSTRY", "PRK");
    Add("P-BARZAN", v1::ACTOR_KIND_PERSON, "AL-TIKRITI, Barzan abd al-Ghafur Sulaiman Majid",
        "");
    b_.dataset().mutable_actors(b_.dataset().actors_size() - 1)->add_aliases("Barzan Razuki Myong");
    Add("P-KOSOLAPOV", v1::ACTOR_KIND_PERSON, "Oleg Yuryevich KOSOLAPOV", "RUS");
    Add("P-GROMOV", v1::ACTOR_KIND_PERSON, "Vjačeslav Nikolajevič GROMOV", "RUS");
    Add("G-UNSC", v1::ACTOR_KIND_ORGANIZATION, "United Nations Security Council", "");
    Add("C-NPO", v1::ACTOR_KIND_COMPANY, "NPO Izhevskiye Bespilotnye Sistemy", "RUS");
    Add("P-ESSAADI", v1::ACTOR_KIND_PERSON, "ESSAADI, Moussa Ben Amor Ben Ali", "TUN");
    Add("P-AUNG", v1::ACTOR_KIND_PERSON, "AUNG, Thet Thet", "MMR");
    graph_ = std::make_unique<Graph>(b_.BuildGraph());
    absl::StatusOr<NameIndex> index = NameIndex::Build(*graph_);
    EXPECT_TRUE(index.ok()) << index.status();
    index_ = std::make_unique<NameIndex>(*std::move(index));
  }
  void Add(const std::string& id, v1::ActorKind kind, const std::string& name,
           const std::string& country) {
    v1::Actor& a = *b_.dataset().add_actors();
    a.set_id(id);
    a.set_kind(kind);
    a.set_name(name);
    a.set_country(country);
  }
  SearchHit Best(const std::string& name) {
    SearchQuery q;
    q.name = name;
    absl::StatusOr<std::vector<SearchHit>> hits = index_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status();
    return hits.ok() && !hits->empty() ? hits->front() : SearchHit{};
  }
  std::string Id(const SearchHit& h) {
    return h.node.value() < graph_->num_nodes() ? std::string(graph_->node_id(h.node))
                                                 : "(no hit)";
  }

  testing::DatasetBuilder b_;
  std::unique_ptr<Graph> graph_;
  std::unique_ptr<NameIndex> index_;
};

TEST_F(SearchVariantsTest, WordsJoinedOrApart) {
  SearchHit h = Best("Chon Myong Shipping Company Limited");
  EXPECT_EQ(Id(h), "C-CHONMYONG");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("chon myong~chonmyong (joined), shipping"));
  // Two words of the query joined in one word of the name, the rest
  // matched word by word.
  h = Best("Chon Myong Trading");
  EXPECT_EQ(Id(h), "C-NAMPO");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("chon myong~chonmyong (joined), trading"));
  EXPECT_THAT(h.missing_name_tokens, ::testing::ElementsAre("nampo"));
  // And the other way round.
  h = Best("Chonmyong Nampo Trading");
  EXPECT_EQ(Id(h), "C-NAMPO");
  EXPECT_DOUBLE_EQ(h.score, 1.0);
}

TEST_F(SearchVariantsTest, AWordTwiceInTheNamePairsWhereItStands) {
  // The query's "el" takes the name's second "el", which stands where it
  // does, and "abdel" pairs with "abd el".
  SearchHit h = Best("Abdel Kader Mahmoud Mohamed el Sayed");
  EXPECT_EQ(Id(h), "P-SAYED");
  EXPECT_THAT(h.Explain(), HasSubstr("abdel~abd el (joined)"));
  EXPECT_TRUE(h.missing_query_tokens.empty()) << h.Explain();
  EXPECT_TRUE(h.missing_name_tokens.empty()) << h.Explain();
  EXPECT_GE(h.score, 0.95);
}

TEST_F(SearchVariantsTest, AWordTwiceInTheNameCountsOnceWhenTheQueryHoldsIt) {
  // The query gives "ben" once (and would count it once if it gave it
  // twice): the name's second "ben" is not missing, and weighs as a variant.
  SearchHit h = Best("Moussa Ben Omar Ben Ali Essaadi");
  EXPECT_EQ(Id(h), "P-ESSAADI");
  // (No name here holds "omar": it pairs loosely with "amor".)
  EXPECT_THAT(h.Explain(), HasSubstr("moussa, ben, omar~amor (loose), ali, essaadi"));
  EXPECT_TRUE(h.missing_name_tokens.empty()) << h.Explain();
  const double once = h.score;
  EXPECT_GE(once, kDefaultMatchThreshold) << h.Explain();
  // Without the second "ben" in the query the score is the same: the query
  // counts a word once too.
  h = Best("Moussa Ben Omar Ali Essaadi");
  EXPECT_DOUBLE_EQ(h.score, once) << h.Explain();
  // A word met only by a typo does not stand for its second time: "Htet"
  // may be another name than "Thet", and "Thet Thet" keeps both.
  h = Best("Kaung Htet");
  EXPECT_EQ(Id(h), "P-AUNG");
  EXPECT_THAT(h.missing_name_tokens, ::testing::ElementsAre("thet")) << h.Explain();
  EXPECT_LT(h.score, kDefaultMatchThreshold) << h.Explain();
  // The exact word does, a little below an exact name.
  h = Best("Aung Thet");
  EXPECT_TRUE(h.missing_name_tokens.empty()) << h.Explain();
  EXPECT_GE(h.score, 0.95) << h.Explain();
  EXPECT_LT(h.score, 1.0) << h.Explain();
}

TEST_F(SearchVariantsTest, InitialsOnlyInPersonsNames) {
  SearchHit h = Best("A. P. Metelev");
  EXPECT_EQ(Id(h), "P-METELEV");
  EXPECT_THAT(h.Explain(), HasSubstr("a~artem (initial), p~pavlovich (initial)"));
  // In a company's name a single letter is part of an abbreviation:
  // "Ironhill" is no "I".
  SearchQuery q;
  q.name = "IRONHILL HOLDINGS LIMITED";
  absl::StatusOr<std::vector<SearchHit>> hits = index_->Search(q);
  ASSERT_TRUE(hits.ok());
  bool seen = false;
  for (const SearchHit& x : *hits) {
    if (Id(x) != "C-IS") continue;
    seen = true;
    for (const TokenMatch& t : x.tokens) EXPECT_NE(t.kind, TokenMatchKind::kInitial);
    EXPECT_LT(x.score, kDefaultMatchThreshold) << x.Explain();
  }
  EXPECT_TRUE(seen);  // Found by "holdings", scored without the initial.
}

TEST_F(SearchVariantsTest, WordsOfABrokenCompanyFormWeighLittle) {
  // "Joint Stock Company" cut in two is no form to set aside, but its
  // words say little of which company is meant.
  SearchHit h = Best("Stock Company Zelenograd Nanotechnology Center Joint");
  EXPECT_EQ(Id(h), "C-ZNTC");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.missing_query_tokens, ::testing::ElementsAre("stock", "company", "joint"));
  h = Best("Акционерное Завод Тула");  // "Общество" dropped.
  EXPECT_EQ(Id(h), "C-TULA");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
}

TEST_F(SearchVariantsTest, RegisterAbbreviationsStandForTheirWords) {
  SearchHit h = Best("Korea Samma Shipping");
  EXPECT_EQ(Id(h), "C-SAMMA");
  EXPECT_GE(h.score, 0.95) << h.Explain();
  EXPECT_TRUE(h.missing_query_tokens.empty()) << h.Explain();
  h = Best("KOREA SAMMA SHPG");
  EXPECT_EQ(Id(h), "C-SAMMA");
  EXPECT_GE(h.score, 0.95) << h.Explain();
}

TEST_F(SearchVariantsTest, FunctionWordsWeighLittle) {
  // A translation adds or drops "of" and "the"; they cost as little as a
  // company form's word (0.94 when "the" weighed as a rare word).
  SearchHit h = Best("Rocket Industry Ministry");
  EXPECT_EQ(Id(h), "G-ROCKET");
  EXPECT_GE(h.score, 0.95) << h.Explain();
  h = Best("Ministry of the Rocket Industry");
  EXPECT_EQ(Id(h), "G-ROCKET");
  EXPECT_GE(h.score, 0.96) << h.Explain();
  // A surname that keys like an article ("Lee" as "le") weighs as a name.
  h = Best("Lee Myong Chol");
  EXPECT_EQ(Id(h), "P-MYONG");
  EXPECT_LT(h.score, kDefaultMatchThreshold) << h.Explain();
}

TEST_F(SearchVariantsTest, ARareWordInAnotherNameOfTheActorCounts) {
  // The best name lacks "razuki"; the actor's alias "Barzan Razuki" has it.
  SearchHit h = Best("Barzan Razuki Abd al-Ghafur");
  EXPECT_EQ(Id(h), "P-BARZAN");
  EXPECT_THAT(h.in_other_names, ::testing::ElementsAre("razuki"));
  EXPECT_TRUE(h.missing_query_tokens.empty()) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("in other names of the actor: razuki"));
  const double with_credit = h.score;
  // "Myong" is in the alias too, but three names hold it: not rare in this
  // index (rare: one name in a thousand, or one name in a smaller index),
  // so it earns nothing.
  h = Best("Barzan Myong Abd al-Ghafur");
  EXPECT_EQ(Id(h), "P-BARZAN");
  EXPECT_TRUE(h.in_other_names.empty()) << h.Explain();
  EXPECT_THAT(h.missing_query_tokens, ::testing::ElementsAre("myong"));
  EXPECT_LT(h.score, with_credit);
}

TEST_F(SearchVariantsTest, KoreanConsonantsOfTwoRomanisations) {
  SearchHit h = Best("Jang Myong-Jin");
  EXPECT_EQ(Id(h), "P-CHANG");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("jang~chang (variant)"));
  EXPECT_THAT(h.Explain(), HasSubstr("jin~chin (variant)"));
}

TEST_F(SearchVariantsTest, YoAndUkrainianForms) {
  SearchHit h = Best("Артём Павлович Метелев");
  EXPECT_EQ(Id(h), "P-METELEV");
  EXPECT_GE(h.score, 0.9) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("artyom~artem (transliteration)"));
  h = Best("Володимир Миколайович Антонов");
  EXPECT_EQ(Id(h), "P-ANTONOV");
  EXPECT_GE(h.score, 0.85) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("volodimir~vladimir (transliteration)"));
  EXPECT_THAT(h.Explain(), HasSubstr("mikolayovich~nikolaevich (transliteration)"));
}

TEST_F(SearchVariantsTest, ScholarlyRomanisationReadTheEnglishWay) {
  // The EU's entries in Slovak or Czech write "Oleg Jurijevič KOSOLAPOV"
  // for the "Oleg Yuryevich KOSOLAPOV" of the English-language lists.
  SearchHit h = Best("Oleg Jurijevič Kosolapov");
  EXPECT_EQ(Id(h), "P-KOSOLAPOV");
  EXPECT_GE(h.score, 0.95) << h.Explain();
  EXPECT_EQ(h.query_part, "Oleg Yuriyevich Kosolapov");
  // A name so written is found by its English spelling, and shown as the
  // list writes it.
  h = Best("Vyacheslav Nikolayevich Gromov");
  EXPECT_EQ(Id(h), "P-GROMOV");
  EXPECT_DOUBLE_EQ(h.score, 1.0) << h.Explain();
  EXPECT_EQ(h.matched_name, "Vjačeslav Nikolajevič GROMOV");
  // Without a letter with a caron, "j" is read as written.
  h = Best("Oleg Jurijevic Kosolapov");
  EXPECT_TRUE(h.query_part.empty());
  EXPECT_LT(h.score, 0.95) << h.Explain();
}

TEST_F(SearchVariantsTest, AcronymsOutsidePersonsNames) {
  SearchHit h = Best("UN Security Council");
  EXPECT_EQ(Id(h), "G-UNSC");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.Explain(), HasSubstr("un~united nations (acronym)"));
  // The other way, function words in the run passed over.
  h = Best("Nauchno-Proizvodstvennoe Obedinenie Izhevskiye Bespilotnye Sistemy");
  EXPECT_EQ(Id(h), "C-NPO");
  EXPECT_THAT(h.Explain(), HasSubstr("nauchno proizvodstvennoe obedinenie~npo (acronym)"));
  EXPECT_GE(h.score, 0.9) << h.Explain();
  // In a person's name letters are initials, not acronyms.
  // ("MC" would spell "Myong Chol" in a company's name.)
  h = Best("Kim MC");
  EXPECT_EQ(Id(h), "P-MYONG");
  for (const TokenMatch& t : h.tokens) EXPECT_NE(t.kind, TokenMatchKind::kAcronym);
}

TEST_F(SearchVariantsTest, QueryStandsForSeveralNames) {
  // A vessel under its former name, the current one in parentheses.
  SearchHit h = Best("Se Pho (Rak Won 2)");
  EXPECT_EQ(Id(h), "V-RAKWON");
  EXPECT_DOUBLE_EQ(h.score, 1.0);
  EXPECT_EQ(h.query_part, "Rak Won 2");
  EXPECT_THAT(h.Explain(), HasSubstr("query part \"Rak Won 2\""));
  h = Best("Kim Myong Chol; Kim Myong-chol");
  EXPECT_EQ(Id(h), "P-MYONG");
  EXPECT_DOUBLE_EQ(h.score, 1.0);
}

TEST_F(SearchVariantsTest, CountryInParenthesesIsNoName) {
  // "ELF (Ethiopia)" is not named "Ethiopia".
  SearchQuery q;
  q.name = "Ethiopia";
  absl::StatusOr<std::vector<SearchHit>> hits = index_->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status();
  for (const SearchHit& h : *hits) EXPECT_LT(h.score, kDefaultMatchThreshold) << h.Explain();
  // A query's country in parentheses is its country.
  SearchHit h = Best("ELF (Ethiopia)");
  EXPECT_EQ(Id(h), "G-ELF");
  EXPECT_EQ(h.country.query_value, "ETH");
  EXPECT_EQ(h.country.agreement, Agreement::kAgrees);
}

// PeopleGraph is a graph of persons, given as (id, name).
Graph PeopleGraph(const std::vector<std::pair<std::string, std::string>>& people,
                  v1::ActorKind kind = v1::ACTOR_KIND_PERSON) {
  testing::DatasetBuilder b;
  for (const auto& [id, name] : people) {
    v1::Actor& a = *b.dataset().add_actors();
    a.set_id(id);
    a.set_kind(kind);
    a.set_name(name);
  }
  return b.BuildGraph();
}

// CompaniesGraph is PeopleGraph of companies.
Graph CompaniesGraph(const std::vector<std::pair<std::string, std::string>>& companies) {
  return PeopleGraph(companies, v1::ACTOR_KIND_COMPANY);
}

// Hits searches `index` for `name` (failing the test on an error).
std::vector<SearchHit> Hits(const NameIndex& index, const std::string& name) {
  SearchQuery q;
  q.name = name;
  absl::StatusOr<std::vector<SearchHit>> hits = index.Search(q);
  EXPECT_TRUE(hits.ok()) << hits.status();
  return hits.ok() ? *std::move(hits) : std::vector<SearchHit>{};
}

// A short word that starts with another consonant is another name, not a
// typo: "Kim Jong Un" is not KIM Tong-un (0.94 when any one letter could
// differ). A vowel or an "h" at the start does vary: Ukrainian "Hanna" is
// Anna.
TEST(FirstLetterTest, AnotherFirstConsonantIsAnotherName) {
  const Graph g = PeopleGraph({{"P-TONGUN", "KIM Tong-un"},
                               {"P-ANNA", "TODOROVA, Anna"},
                               {"P-OMAR", "AL-TIKRITI, Omar Sabawi"}});
  absl::StatusOr<NameIndex> index = NameIndex::Build(g);
  ASSERT_TRUE(index.ok()) << index.status();
  const auto best = [&](const std::string& name) {
    std::vector<SearchHit> hits = Hits(*index, name);
    return hits.empty() ? SearchHit{} : hits.front();
  };
  SearchHit h = best("Kim Jong Un");
  EXPECT_LT(h.score, kDefaultMatchThreshold) << h.Explain();
  EXPECT_THAT(h.Explain(), Not(HasSubstr("jong~tong")));
  EXPECT_GE(best("Kim Tong Un").score, kDefaultMatchThreshold);
  h = best("Kim Tomg Un");  // A slip inside the word still pairs.
  EXPECT_THAT(h.Explain(), HasSubstr("tomg~tong (typo)"));
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  h = best("Hanna Todorova");
  EXPECT_EQ(g.node_id(h.node), "P-ANNA");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
  h = best("Umar Sabawi al-Tikriti");
  EXPECT_EQ(g.node_id(h.node), "P-OMAR");
  EXPECT_GE(h.score, kDefaultMatchThreshold) << h.Explain();
}

// A listed name found whole in a query that adds words of its own (a second
// given name, a patronymic the list leaves out) weighs mostly the name's
// side: 0.3 x the query's share + 0.7 x the name's.
TEST(WholeNameTest, QueryAddingWordsToAWholeListedName) {
  // The query's other words are names the lists hold, each twice, as
  // common given names are (a word no list holds weighs the most).
  const Graph g = PeopleGraph({{"P-REMADNA", "REMADNA, Abdelhalim"},
                               {"P-HAFED", "HAFED, Mourad"},
                               {"P-HAFED-2", "HAFED, Karim"},
                               {"P-ABDELFATTAH", "ABDELFATTAH, Karim"},
                               {"P-ABDELFATTAH-2", "ABDELFATTAH, Mourad"}});
  absl::StatusOr<NameIndex> index = NameIndex::Build(g);
  ASSERT_TRUE(index.ok()) << index.status();
  const auto score = [&](const std::string& name, const std::string& id) {
    for (const SearchHit& h : Hits(*index, name)) {
      if (g.node_id(h.node) == id) return h.score;
    }
    return 0.0;
  };
  const double whole = score("Abdelhalim Hafed Abdelfattah Remadna", "P-REMADNA");
  EXPECT_GE(whole, kDefaultMatchThreshold + 0.02);
  // The query's share explained, from the score; the name's is 1.
  const double query_share = (whole - 0.7) / 0.3;
  EXPECT_GT(query_share, 0.3);
  EXPECT_LT(query_share, 0.7);
  // Weighed mostly on the query's words (0.65 / 0.35), as before the rule,
  // the same pair would score under the threshold.
  EXPECT_LT(0.65 * query_share + 0.35, kDefaultMatchThreshold);
}

// A part of a written name ("ZONA LIBRE" of "VIDA PANAMA (ZONA LIBRE)
// S.A.") found whole in a longer query weighs the two sides equally: it
// says less of whom the name is than a name the list gives whole.
TEST(WholeNameTest, APartOfAWrittenNameWeighsBothSidesEqually) {
  const Graph g = CompaniesGraph(
      {{"C-WHOLE", "ZONA LIBRE"}, {"C-PART", "VIDA PANAMA (ZONA LIBRE) S.A."}});
  absl::StatusOr<NameIndex> index = NameIndex::Build(g);
  ASSERT_TRUE(index.ok()) << index.status();
  double whole = 0, part = 0;
  for (const SearchHit& h : Hits(*index, "La Gran Via Zona Libre")) {
    if (g.node_id(h.node) == "C-WHOLE") whole = h.score;
    if (g.node_id(h.node) == "C-PART") part = h.score;
  }
  // Both hold "zona libre" whole; the query's share q is the same, so the
  // whole name scores 0.3 q + 0.7 and the part 0.5 q + 0.5.
  const double q = (whole - 0.7) / 0.3;
  ASSERT_GT(q, 0.05);
  ASSERT_LT(q, 0.9);
  EXPECT_NEAR(part, 0.5 * q + 0.5, 1e-9);
  EXPECT_GT(whole, part + 0.15);
  EXPECT_LT(part, kDefaultMatchThreshold);
}

// The search's edit distance, which computes only the cells near the
// diagonal, against the whole table, on words of few letters (so that
// many pairs are near) and every bound the scorer uses.
TEST(EditDistanceTest, BandAgreesWithTheWholeTable) {
  const auto whole = [](const std::string& a, const std::string& b, int max) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
      for (size_t j = 1; j <= m; ++j) {
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                            d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return std::min(d[n][m], max + 1);
  };
  std::mt19937 rng(7);
  const auto word = [&] {
    std::string w(rng() % 13, 'a');
    for (char& c : w) c = static_cast<char>('a' + rng() % 3);
    return w;
  };
  for (int trial = 0; trial < 20000; ++trial) {
    std::string a = word(), b = word();
    if (trial % 2 == 0 && !a.empty()) {  // Near pairs: b is a with edits.
      b = a;
      for (int e = static_cast<int>(rng() % 4); e > 0 && !b.empty(); --e) {
        const size_t at = rng() % b.size();
        switch (rng() % 4) {
          case 0: b.erase(at, 1); break;
          case 1: b.insert(at, 1, 'c'); break;
          case 2: b[at] = 'b'; break;
          default:
            if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
        }
      }
    }
    for (int max = 0; max <= 3; ++max) {
      ASSERT_EQ(internal::EditDistance(a, b, max), whole(a, b, max))
          << a << " / " << b << " max " << max;
    }
  }
  EXPECT_EQ(internal::EditDistance("sergey", "sregey", 2), 1);
  EXPECT_EQ(internal::EditDistance("zaur", "zrau", 3), 2);
}

// An actor whose list gives no country is compared on the countries its
// addresses end in and its identifiers give, and says so; with none of
// those, the country is not on record.
TEST(SearchCountryTest, AddressesAndIdentifiersStandInForAMissingCountry) {
  testing::DatasetBuilder b;
  b.State("RUS");
  const auto company = [&b](const std::string& id, const std::string& name) -> v1::Actor& {
    v1::Actor& a = *b.dataset().add_actors();
    a.set_id(id);
    a.set_kind(v1::ACTOR_KIND_COMPANY);
    a.set_name(name);
    return a;
  };
  v1::Actor& roe = company("C-ROE", "JSC ROSOBORONEXPORT");
  roe.add_addresses("27 Stromynka Str., Moscow, 107076, Russian Federation");
  v1::Identifier* reg = roe.add_identifiers();
  reg->set_scheme("REGISTRATION");
  reg->set_value("1117746521452");
  reg->set_country("RUS");
  company("C-GAMMA", "GAMMA TRADING");
  company("C-DELTA", "DELTA SHIPPING").add_addresses("Jumeirah, Dubai, United Arab Emirates");
  Graph g = b.BuildGraph();
  absl::StatusOr<NameIndex> index = NameIndex::Build(g);
  ASSERT_TRUE(index.ok()) << index.status();
  const auto top = [&](const std::string& name, const std::string& country) {
    SearchQuery q;
    q.name = name;
    q.country = country;
    absl::StatusOr<std::vector<SearchHit>> h = index->Search(q);
    EXPECT_TRUE(h.ok() && !h->empty()) << name;
    return h.ok() && !h->empty() ? h->front() : SearchHit{};
  };
  SearchHit h = top("Rosoboronexport", "Russia");
  EXPECT_EQ(h.country.agreement, Agreement::kAgrees);
  EXPECT_EQ(h.country.actor_value, "RUS");
  EXPECT_EQ(h.country.actor_from, "addresses, identifiers");
  EXPECT_THAT(h.Explain(), HasSubstr("country RUS agrees (in its addresses, identifiers)"));
  const double agreeing = h.score;
  h = top("Rosoboronexport", "China");
  EXPECT_EQ(h.country.agreement, Agreement::kDisagrees);
  EXPECT_THAT(h.Explain(), HasSubstr("country CHN disagrees (RUS, in its addresses, identifiers)"));
  EXPECT_NEAR(agreeing - h.score, 0.08, 1e-9);  // 1.02 clamped to 1, and 0.92.
  h = top("Delta Shipping", "AE");
  EXPECT_EQ(h.country.agreement, Agreement::kAgrees);
  EXPECT_EQ(h.country.actor_from, "addresses");
  h = top("Gamma Trading", "Russia");
  EXPECT_EQ(h.country.agreement, Agreement::kUnknown);
  EXPECT_EQ(h.country.actor_from, "");
  EXPECT_THAT(h.Explain(), HasSubstr("country RUS unknown (not on record)"));
}

// A query word no name holds in its spelling, most often a word typed
// wrong, weighs as the most common word one edit away: "Rahat Tradng"
// leaves the same share of its weight unmatched in "RAHAT LTD" as "Rahat
// Trading" does, where a word of no known spelling ("Zqxwv") weighs the
// most and leaves more.
TEST(SearchWordWeightTest, AWordTypedWrongWeighsAsTheWordItIsOneEditFrom) {
  std::vector<std::pair<std::string, std::string>> companies = {{"C-RAHAT", "RAHAT LTD"}};
  for (const std::string n : {"ALFA", "OMEGA", "DELTA", "SIGMA", "KAPPA"}) {
    companies.push_back({"C-" + n, n + " TRADING"});
  }
  const Graph graph = CompaniesGraph(companies);
  absl::StatusOr<NameIndex> index = NameIndex::Build(graph);
  ASSERT_TRUE(index.ok()) << index.status();
  const auto score_of_rahat = [&](const std::string& name) {
    SearchQuery q;
    q.name = name;
    SearchOptions o;
    o.min_score = 0;
    absl::StatusOr<std::vector<SearchHit>> hits = index->Search(q, o);
    EXPECT_TRUE(hits.ok()) << hits.status();
    for (const SearchHit& h : *hits) {
      if (graph.node_id(h.node) == "C-RAHAT") return h.score;
    }
    return -1.0;
  };
  const double right = score_of_rahat("Rahat Trading");
  const double typed = score_of_rahat("Rahat Tradng");
  const double twice = score_of_rahat("Rahat Tadingr");  // Two edits, seven letters.
  const double unknown = score_of_rahat("Rahat Zqxwv");
  ASSERT_GT(right, 0.5);
  EXPECT_DOUBLE_EQ(typed, right);
  EXPECT_DOUBLE_EQ(twice, right);
  EXPECT_LT(unknown, right - 0.1);
}

// A Russian organisation's name typed in Russian meets its English name
// word by word, each Russian word paired with the word the lists translate
// it by, and says so.
TEST(SearchTranslationTest, RussianWordsOfAnOrganisationMeetTheirTranslations) {
  const Graph graph = CompaniesGraph({{"C-PLANT", "JSC Plant Universalmash"},
                                      {"C-INST", "Universalmash Research Institute"},
                                      {"C-MAKEYEV", "JSC Makeyev State Rocket Center"}});
  absl::StatusOr<NameIndex> index = NameIndex::Build(graph);
  ASSERT_TRUE(index.ok()) << index.status();
  const std::vector<SearchHit> hits = Hits(*index, "АО Завод Универсалмаш");
  ASSERT_FALSE(hits.empty());
  const SearchHit& top = hits[0];
  EXPECT_EQ(graph.node_id(top.node), "C-PLANT") << top.Explain();
  EXPECT_GE(top.score, kDefaultMatchThreshold) << top.Explain();
  EXPECT_THAT(top.Explain(), HasSubstr("zavod~plant (translation)"));
  // The institute holds the distinctive word but no plant: below.
  for (const SearchHit& h : hits) {
    if (graph.node_id(h.node) == "C-INST") EXPECT_LT(h.score, top.score - 0.1);
  }
  const std::vector<SearchHit> rocket =
      Hits(*index, "Государственный ракетный центр имени Макеева");
  ASSERT_FALSE(rocket.empty());
  EXPECT_EQ(graph.node_id(rocket[0].node), "C-MAKEYEV") << rocket[0].Explain();
  EXPECT_THAT(rocket[0].Explain(), HasSubstr("raketnyy~rocket (translation)"));
}

// A person's name has no company form: the "Ag" of "MOUSSA, Bah Ag" (Tuareg
// "son of") is a word of the name, where a company's "AG" is set aside.
TEST(SearchPersonNameTest, APersonsAgIsAWordOfTheName) {
  testing::DatasetBuilder b;
  v1::Actor& p = *b.dataset().add_actors();
  p.set_id("P-MOUSSA");
  p.set_kind(v1::ACTOR_KIND_PERSON);
  p.set_name("MOUSSA, Bah Ag");
  v1::Actor& c = *b.dataset().add_actors();
  c.set_id("C-KRAFT");
  c.set_kind(v1::ACTOR_KIND_COMPANY);
  c.set_name("KRAFTWERK UNION AG");
  const Graph graph = b.BuildGraph();
  absl::StatusOr<NameIndex> index = NameIndex::Build(graph);
  ASSERT_TRUE(index.ok()) << index.status();
  for (const auto& [query, id] : std::vector<std::pair<std::string, std::string>>{
           {"Bah Ag Moussa", "P-MOUSSA"}, {"Kraftwerk Union", "C-KRAFT"}}) {
    const std::vector<SearchHit> hits = Hits(*index, query);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(graph.node_id(hits[0].node), id) << query;
    EXPECT_DOUBLE_EQ(hits[0].score, 1.0) << query << ": " << hits[0].Explain();
  }
}

}  // namespace
}  // namespace embargo
