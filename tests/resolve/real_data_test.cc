// Entity resolution on the real lists in ../shared/data/: the OFAC SDN file,
// the UN consolidated list, the EU DPRK and Ukraine annexes and the SIPRI
// trade register, with and without the bundled article dataset.

#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "embargo/graph.h"
#include "embargo/import/countries.h"
#include "embargo/import/eu.h"
#include "embargo/import/ofac.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "embargo/resolve.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/resolve/keys.h"

namespace embargo {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

const std::string kData = EMBARGO_SHARED_DATA_DIR;

// The imports, made once for the whole suite.
class RealDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    imports_ = new std::vector<DatasetFile>();
    OfacCsvOptions ofac;
    ofac.sdn_path = kData + "/ofac/sdn_2024-05-03.csv";
    Add("ofac/sdn_2024-05-03.csv", ImportOfacCsv(ofac));
    Add("un/consolidated_2025-04-19.xml",
        ImportUnXml(kData + "/un/consolidated_2025-04-19.xml"));
    Add("eu/32017R1509.csv", ImportEuCsv(kData + "/eu/32017R1509.csv"));
    Add("eu/32014R0269.csv", ImportEuCsv(kData + "/eu/32014R0269.csv"));
    Add("sipri/trade-register_2025-03-13.csv",
        ImportSipriCsv(kData + "/sipri/trade-register_2025-03-13.csv"));
  }
  static void TearDownTestSuite() {
    delete imports_;
    imports_ = nullptr;
  }

  static void Add(const std::string& name, absl::StatusOr<ImportResult> r) {
    ASSERT_TRUE(r.ok()) << name << ": " << r.status();
    DatasetFile f;
    f.path = name;
    f.dataset = std::move(r->dataset);
    imports_->push_back(std::move(f));
  }

  static std::vector<DatasetFile> Imports() { return *imports_; }

  static std::vector<DatasetFile> WithArticle() {
    std::vector<DatasetFile> files = Imports();
    absl::StatusOr<DatasetFile> article = ReadDatasetFile(
        std::string(EMBARGO_SOURCE_DIR) +
        "/examples/data/article_2023.textproto");
    EXPECT_TRUE(article.ok()) << article.status();
    if (article.ok()) files.push_back(*std::move(article));
    return files;
  }

  static ResolvedDataset Resolve(std::vector<DatasetFile> files,
                                 const ResolveOptions& options = {}) {
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<ResolvedDataset> r =
        ResolveEntities(std::move(files), options);
    const double ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    EXPECT_TRUE(r.ok()) << r.status();
    if (!r.ok()) return {};
    // Figures for the record; nothing asserted on time.
    std::cout << r->report.Summary().substr(
                     0, r->report.Summary().find('\n'))
              << "\n  (resolved in " << ms << " ms)\n";
    return *std::move(r);
  }

  static std::vector<const v1::Actor*> ActorsWhere(
      const std::vector<DatasetFile>& files,
      const std::function<bool(const v1::Actor&)>& pred) {
    std::vector<const v1::Actor*> out;
    for (const DatasetFile& f : files) {
      for (const v1::Actor& a : f.dataset.actors()) {
        if (pred(a)) out.push_back(&a);
      }
    }
    return out;
  }

  static bool Has(const v1::Actor& a, const std::string& scheme,
                  const std::string& value) {
    for (const v1::Identifier& id : a.identifiers()) {
      if (id.scheme() == scheme && id.value() == value) return true;
    }
    return false;
  }

  static bool Named(const v1::Actor& a, const std::string& folded) {
    if (resolve_internal::FoldName(a.name()) == folded) return true;
    for (const std::string& alias : a.aliases()) {
      if (resolve_internal::FoldName(alias) == folded) return true;
    }
    return false;
  }

  static std::vector<DatasetFile>* imports_;
};

std::vector<DatasetFile>* RealDataTest::imports_ = nullptr;

TEST_F(RealDataTest, ImportsDoNotLoadTogetherUnresolved) {
  absl::Status s = Validate(Imports());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("duplicate actor id \"PRK\""));
}

// OFAC's SDN list and its consolidated (non-SDN) list load together: 124
// designations are on both (ZAHHAR under SDGT and NS-PLC, Rosoboronexport
// under SYRIA, UKRAINE-EO13662, ...) and become one record each, with both
// lists' evidence. Two editions of the SDN list are refused together.
TEST_F(RealDataTest, SdnAndConsolidatedLoadTogetherTwoSdnEditionsDoNot) {
  std::vector<DatasetFile> files;
  files.push_back((*imports_)[0]);  // SDN 2024-05-03.
  absl::StatusOr<ImportResult> cons =
      ImportOfacXml(kData + "/ofac/consolidated_2025-03/consolidated.xml");
  ASSERT_TRUE(cons.ok()) << cons.status();
  DatasetFile c;
  c.path = "ofac/consolidated.xml";
  c.dataset = std::move(cons->dataset);
  files.push_back(std::move(c));
  ResolvedDataset r = Resolve(files);
  int merged = 0;
  for (const DroppedRecord& d : r.report.dropped) {
    merged += d.kind == "Sanction" && absl::StrContains(d.reason, "took its evidence");
  }
  EXPECT_EQ(merged, 124);
  GraphBuilder builder;
  for (const DatasetFile& f : r.files) builder.Add(f);
  absl::StatusOr<Graph> g = builder.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_TRUE(g->FindNode("OFAC-9647").has_value());
  int sdgt = 0;
  for (const v1::Sanction& s : r.files[0].dataset.sanctions()) {
    if (s.id() != "OFAC-9647-SDGT") continue;
    ++sdgt;
    // The SDN list's asset freeze; the consolidated list could not tell.
    EXPECT_THAT(s.measures(), testing::ElementsAre(v1::MEASURE_ASSET_FREEZE));
    EXPECT_EQ(s.evidence_size(), 2);
    EXPECT_EQ(s.listed_no_later_than().year(), 2024);
    // Each list's remarks, named by its source.
    EXPECT_TRUE(absl::StartsWith(s.remarks(), s.evidence(0).source_id() + ": "))
        << s.remarks();
    EXPECT_THAT(s.remarks(), HasSubstr(" | " + s.evidence(1).source_id() +
                                       ": on OFAC's consolidated (non-SDN) list"));
  }
  EXPECT_EQ(sdgt, 1);

  OfacCsvOptions old_sdn;
  old_sdn.sdn_path = kData + "/ofac/sdn_2021-07/sdn.csv";
  absl::StatusOr<ImportResult> old = ImportOfacCsv(old_sdn);
  ASSERT_TRUE(old.ok()) << old.status();
  DatasetFile o;
  o.path = "ofac/sdn_2021-07/sdn.csv";
  o.dataset = std::move(old->dataset);
  std::vector<DatasetFile> editions = {(*imports_)[0], std::move(o)};
  absl::StatusOr<ResolvedDataset> both = ResolveEntities(std::move(editions));
  ASSERT_FALSE(both.ok());
  EXPECT_THAT(both.status().message(), HasSubstr("another edition of the list"));
}

TEST_F(RealDataTest, OneActorPerRealWorldActor) {
  ResolvedDataset r = Resolve(Imports());
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);

  // One DPRK, one Russia: whatever name each source gives them.
  for (const char* folded :
       {"north korea", "korea north", "dprk",
        "democratic people s republic of korea", "russia",
        "russian federation"}) {
    std::vector<const v1::Actor*> states =
        ActorsWhere(r.files, [&](const v1::Actor& a) {
          return a.kind() == v1::ACTOR_KIND_STATE && Named(a, folded);
        });
    EXPECT_LE(states.size(), 1u) << folded;
  }
  EXPECT_EQ(ActorsWhere(r.files, [](const v1::Actor& a) {
              return a.id() == "PRK";
            }).size(),
            1u);
  EXPECT_EQ(ActorsWhere(r.files, [](const v1::Actor& a) {
              return a.id() == "RUS";
            }).size(),
            1u);
  // Every state, in every source, has an ISO alpha-3 id.
  for (const v1::Actor* s : ActorsWhere(r.files, [](const v1::Actor& a) {
         return a.kind() == v1::ACTOR_KIND_STATE;
       })) {
    EXPECT_NE(CountryName(s->id()), "") << s->id();
  }
  // The authorities, one each.
  for (const char* id : {"OFAC", "UNSC", "EU"}) {
    EXPECT_EQ(ActorsWhere(r.files, [&](const v1::Actor& a) {
                return a.id() == id;
              }).size(),
              1u)
        << id;
  }

  // One KOMID: OFAC's ent_num 9345, the UN's KPe.001 and the EU's entry.
  std::vector<const v1::Actor*> komid =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return Named(a, "korea mining development trading corporation");
      });
  ASSERT_EQ(komid.size(), 1u);
  EXPECT_TRUE(Has(*komid[0], "OFAC_UID", "9345"));
  EXPECT_TRUE(Has(*komid[0], "UN_REF", "KPe.001"));
  EXPECT_EQ(komid[0]->country(), "PRK");
  EXPECT_EQ(komid[0]->merged_from_size(), 2) << komid[0]->DebugString();

  // One Shoigu: OFAC 35173 and the EU Ukraine file's entry 212.
  std::vector<const v1::Actor*> shoigu =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return a.kind() == v1::ACTOR_KIND_PERSON &&
               Named(a, "sergei kuzhugetovich shoigu");
      });
  ASSERT_EQ(shoigu.size(), 1u);
  EXPECT_EQ(shoigu[0]->id(), "OFAC-35173");
  ASSERT_EQ(shoigu[0]->merged_from_size(), 1);
  EXPECT_THAT(shoigu[0]->merged_from(0),
              HasSubstr("(name+country+kind: kuzhugetovich sergei shoigu, "
                        "RUS)"));

  // Figures, per rule.
  for (const auto& [rule, count] : r.report.merges_by_rule) {
    std::cout << "  " << rule << ": " << count << " links\n";
  }
  std::cout << "  refused: " << r.report.refused.size() << "\n";
  EXPECT_GT(r.report.merges_by_rule.at(kRuleSameId), 0);
  EXPECT_GT(r.report.merges_by_rule.at(kRuleNameCountryKind), 0);
}

// Weak aliases (the UN's QUALITY "Low", OFAC's single-quoted a.k.a.'s in
// its CSV remarks) are kept, marked, and never merge: OFAC's AL-DURI, Izzat
// Ibrahim (a.k.a. 'ABU AHMAD') used to be joined to a UN entry through the
// low-quality alias "Abu Ahmad" that several listed people share.
// Rule 5 on the real lists: OFAC spells the Duma member "GORDEYEV, Alexey
// Vasilievich", the EU "Alexey Vasilyevich GORDEYEV"; both give 28 Feb 1955.
TEST_F(RealDataTest, SpellingVariantsBornOnOneDayAreOneActor) {
  ResolvedDataset r = Resolve(Imports());
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);
  std::vector<const v1::Actor*> gordeyev =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return a.kind() == v1::ACTOR_KIND_PERSON &&
               Named(a, "gordeyev alexey vasilievich");
      });
  ASSERT_EQ(gordeyev.size(), 1u);
  EXPECT_EQ(gordeyev[0]->id(), "OFAC-37308");
  EXPECT_TRUE(Named(*gordeyev[0], "alexey vasilyevich gordeyev"));
  EXPECT_THAT(gordeyev[0]->merged_from(),
              Contains(HasSubstr("(spelling+birth date: aleksei gordev "
                                 "vasilevich, born 1955-02-28)")));
  // "Victor" and "Viktor" share a spelling key ("ct" read as "kt"): OFAC's
  // "VODOLATSKY, Victor Petrovich" and the EU's "Viktor Petrovich
  // VODOLATSKY", both born 19 Aug 1957, are one actor.
  std::vector<const v1::Actor*> vodolatsky =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return a.kind() == v1::ACTOR_KIND_PERSON &&
               Named(a, "vodolatsky victor petrovich");
      });
  ASSERT_EQ(vodolatsky.size(), 1u);
  EXPECT_EQ(vodolatsky[0]->id(), "OFAC-37304");
  EXPECT_TRUE(Named(*vodolatsky[0], "viktor petrovich vodolatsky"));
  // Every link of the rule joins two persons of different files born on
  // the same day; a sample is printed for review.
  int shown = 0;
  for (const Merge& m : r.report.merges) {
    if (m.rule != kRuleSpellingBirthDate) continue;
    ASSERT_EQ(m.files.size(), 2u);
    EXPECT_NE(m.files[0], m.files[1]) << m.values;
    EXPECT_THAT(m.values, HasSubstr(" + born "));
    if (getenv("EMBARGO_SHOW_MERGES") != nullptr || shown++ < 10) {
      std::cout << "  " << m.merged_ids[0] << " ~ " << m.merged_ids[1] << ": "
                << m.values << "\n";
    }
  }
  EXPECT_GT(r.report.merges_by_rule.at(kRuleSpellingBirthDate), 0);
  // What the rule adds: the same files without it.
  ResolveOptions without;
  without.spelling_birth_date = false;
  ResolvedDataset before = Resolve(Imports(), without);
  EXPECT_EQ(before.report.merges_by_rule.count(kRuleSpellingBirthDate), 0u);
  EXPECT_LT(r.report.actors_out, before.report.actors_out);
  std::cout << "  without the rule: " << before.report.Summary() << "\n";
}

// CheckAndPrintLinks checks that every link of `rule` joins actors of two
// files, and prints every refusal of the rule and a sample of its links
// (all of them with EMBARGO_SHOW_MERGES) for review.
void CheckAndPrintLinks(const ResolveReport& report, absl::string_view rule) {
  int shown = 0;
  for (const Merge& m : report.merges) {
    if (m.rule != rule) continue;
    ASSERT_EQ(m.files.size(), 2u);
    EXPECT_NE(m.files[0], m.files[1]) << m.values;
    if (getenv("EMBARGO_SHOW_MERGES") != nullptr || shown++ < 10) {
      std::cout << "  " << m.merged_ids[0] << " ~ " << m.merged_ids[1] << ": " << m.values
                << "\n";
    }
  }
  for (const Refusal& f : report.refused) {
    if (f.rule != rule) continue;
    std::cout << "  refused " << absl::StrJoin(f.ids, " ~ ") << ": " << f.values << ": "
              << f.reason << "\n";
  }
}

// Rule 6 on the real lists: the EU writes "JSC ROSOBORONEXPORT", OFAC
// "ROSOBORONEKSPORT OAO" (an open joint-stock company, as the firm was before
// Russia's 2014 reform of company forms); both give OGRN 1117746521452 and
// INN 7718852163 (OFAC as "Registration ID" and "Tax ID No." of Russia).
TEST_F(RealDataTest, ARegistryNumberInCommonMakesOneActor) {
  ResolvedDataset r = Resolve(Imports());
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);
  std::vector<const v1::Actor*> roe = ActorsWhere(r.files, [](const v1::Actor& a) {
    return Named(a, "jsc rosoboronexport") || Named(a, "rosoboroneksport oao");
  });
  ASSERT_EQ(roe.size(), 1u);
  EXPECT_TRUE(Named(*roe[0], "jsc rosoboronexport"));
  EXPECT_TRUE(Named(*roe[0], "rosoboroneksport oao"));
  EXPECT_THAT(roe[0]->merged_from(),
              Contains(HasSubstr("(registry number+country: 1117746521452 + country RUS)")));
  // VTB Bank: OFAC's "VTB BANK PUBLIC JOINT STOCK COMPANY", the EU's "VTB
  // Bank", OGRN 1027739609391.
  std::vector<const v1::Actor*> vtb = ActorsWhere(r.files, [](const v1::Actor& a) {
    return Named(a, "vtb bank") || Named(a, "vtb bank public joint stock company");
  });
  ASSERT_EQ(vtb.size(), 1u);
  // Every link joins two actors of different files and one class; every
  // refusal is printed for review, and a sample of the links.
  CheckAndPrintLinks(r.report, kRuleRegistryNumber);
  ResolveOptions without;
  without.registry_numbers = false;
  ResolvedDataset before = Resolve(Imports(), without);
  EXPECT_EQ(before.report.merges_by_rule.count(kRuleRegistryNumber), 0u);
  EXPECT_LT(r.report.actors_out, before.report.actors_out);
  std::cout << "  without the rule: " << before.report.Summary() << "\n";
}

// Rule 7 on the real lists: OFAC's "AL ZAWAHIRI, Dr. Ayman" and the UN's
// "AIMAN MUHAMMED RABI AL-ZAWAHIRI" share Egyptian passport 1084010.
TEST_F(RealDataTest, ADocumentNumberInCommonMakesOnePerson) {
  ResolvedDataset r = Resolve(Imports());
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);
  std::vector<const v1::Actor*> zawahiri = ActorsWhere(r.files, [](const v1::Actor& a) {
    return Named(a, "al zawahiri dr ayman") || Named(a, "aiman muhammed rabi al zawahiri");
  });
  ASSERT_EQ(zawahiri.size(), 1u);
  EXPECT_EQ(zawahiri[0]->id(), "OFAC-2676");
  EXPECT_THAT(zawahiri[0]->merged_from(),
              Contains(HasSubstr("(document number+country or birth date: 1084010 + country "
                                 "EGY)")));
  CheckAndPrintLinks(r.report, kRuleDocumentNumber);
  ResolveOptions without;
  without.document_numbers = false;
  ResolvedDataset before = Resolve(Imports(), without);
  EXPECT_EQ(before.report.merges_by_rule.count(kRuleDocumentNumber), 0u);
  EXPECT_LT(r.report.actors_out, before.report.actors_out);
  std::cout << "  without the rule: " << before.report.Summary() << "\n";
}

TEST_F(RealDataTest, WeakAliasesAreKeptAndNeverMerge) {
  const auto has_weak = [](const v1::Actor& a, const std::string& folded) {
    for (const std::string& w : a.weak_aliases()) {
      if (resolve_internal::FoldName(w) == folded) return true;
    }
    return false;
  };
  std::vector<DatasetFile> files = Imports();
  std::vector<const v1::Actor*> duri_in =
      ActorsWhere(files, [](const v1::Actor& a) { return a.id() == "OFAC-7848"; });
  ASSERT_EQ(duri_in.size(), 1u);
  EXPECT_TRUE(has_weak(*duri_in[0], "abu ahmad"));
  EXPECT_FALSE(Named(*duri_in[0], "abu ahmad"));
  // The UN list marks weak aliases too.
  EXPECT_GT(ActorsWhere(files, [](const v1::Actor& a) {
              return absl::StartsWith(a.id(), "UN-") && a.weak_aliases_size() > 0;
            }).size(),
            100u);

  ResolvedDataset r = Resolve(std::move(files));
  std::vector<const v1::Actor*> duri =
      ActorsWhere(r.files, [](const v1::Actor& a) { return Has(a, "OFAC_UID", "7848"); });
  ASSERT_EQ(duri.size(), 1u);
  for (const std::string& m : duri[0]->merged_from()) {
    EXPECT_THAT(m, ::testing::Not(HasSubstr("abu ahmad"))) << m;
  }
  // No name-based merge of any kind rests on a name that is only weak.
  for (const Merge& m : r.report.merges) {
    if (m.rule != kRuleNameCountryKind && m.rule != kRuleNameOneSidedCountry) continue;
    EXPECT_THAT(m.values, ::testing::Not(HasSubstr("abu ahmad"))) << m.kept_id;
  }
}

TEST_F(RealDataTest, RussiaToNorthKoreaOverTransfersRestsOnSipri) {
  // Deals between the two in the SIPRI import, counted directly.
  int expected = 0;
  for (const DatasetFile& f : Imports()) {
    for (const v1::Transfer& t : f.dataset.transfers()) {
      if ((t.supplier_id() == "RUS" && t.recipient_id() == "PRK") ||
          (t.supplier_id() == "PRK" && t.recipient_id() == "RUS")) {
        ++expected;
      }
    }
  }
  ASSERT_GT(expected, 2);
  ResolveReport report;
  absl::StatusOr<Graph> g = BuildResolvedGraph(Imports(), {}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  Filter transfers;
  transfers.edge_kinds = TransferKinds();
  transfers.direction = Direction::kEither;
  const NodeId rus = *g->FindNode("RUS");
  const NodeId prk = *g->FindNode("PRK");
  absl::StatusOr<Paths> paths = AllPaths(*g, rus, prk, 1, transfers);
  ASSERT_TRUE(paths.ok()) << paths.status();
  EXPECT_EQ(static_cast<int>(paths->paths.size()), expected);
  int from_prk = 0;
  for (const Path& p : paths->paths) {
    ASSERT_EQ(p.length(), 1u);
    const v1::Record rec = g->EdgeRecord(p.hops[0].edge);
    ASSERT_TRUE(rec.has_transfer());
    EXPECT_TRUE(absl::StartsWith(rec.transfer().id(), "SIPRI-"));
    if (rec.transfer().supplier_id() == "PRK") ++from_prk;
    const std::vector<v1::Evidence> evidence = g->Evidence(p.hops[0].edge);
    ASSERT_FALSE(evidence.empty());
    EXPECT_TRUE(absl::StartsWith(evidence[0].source_id(), "SIPRI"));
    const v1::Source* src = g->FindSource(evidence[0].source_id());
    ASSERT_NE(src, nullptr);
    EXPECT_THAT(src->publisher(), HasSubstr("SIPRI"));
  }
  EXPECT_EQ(from_prk, 2);  // North Korea -> Russia: 2 deals in the register.
  absl::StatusOr<std::optional<Path>> shortest =
      ShortestPath(*g, rus, prk, transfers);
  ASSERT_TRUE(shortest.ok());
  ASSERT_TRUE(shortest->has_value());
  EXPECT_EQ((*shortest)->length(), 1u);
}

TEST_F(RealDataTest, TheArticleMeetsTheLists) {
  ResolvedDataset r = Resolve(WithArticle());
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);
  // The article's SHOIGU-SERGEI (OFAC_UID 35173) is OFAC's Shoigu.
  std::vector<const v1::Actor*> shoigu =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return Has(a, "OFAC_UID", "35173");
      });
  ASSERT_EQ(shoigu.size(), 1u);
  EXPECT_EQ(shoigu[0]->id(), "OFAC-35173");
  EXPECT_THAT(shoigu[0]->merged_from(),
              Contains("SHOIGU-SERGEI (identifier: OFAC_UID=35173)"));
  // KOMID too.
  std::vector<const v1::Actor*> komid =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return Has(a, "UN_REF", "KPe.001");
      });
  ASSERT_EQ(komid.size(), 1u);
  EXPECT_TRUE(Has(*komid[0], "OFAC_UID", "9345"));
  EXPECT_EQ(komid[0]->kind(), v1::ACTOR_KIND_COMPANY);  // The article's.
  EXPECT_THAT(komid[0]->merged_from(), Contains(HasSubstr("KOMID (")));
  // The article's references to SHOIGU-SERGEI now point at OFAC-35173.
  const DatasetFile& article = r.files.back();
  int visits = 0;
  for (const v1::Relation& rel : article.dataset.relations()) {
    EXPECT_NE(rel.subject_id(), "SHOIGU-SERGEI");
    if (rel.subject_id() == "OFAC-35173") ++visits;
  }
  EXPECT_GT(visits, 0);
  // And it all builds; Shoigu's node has the article's relations and the
  // lists' sanctions.
  absl::StatusOr<Graph> g = BuildResolvedGraph(WithArticle());
  ASSERT_TRUE(g.ok()) << g.status();
  const NodeId node = *g->FindNode("OFAC-35173");
  int sanctions = 0, relations = 0;
  for (const Incidence& inc : g->Incidences(node)) {
    const v1::Record rec = g->EdgeRecord(inc.edge);
    sanctions += rec.has_sanction();
    relations += rec.has_relation();
  }
  EXPECT_GE(sanctions, 3);  // OFAC list, EU list, the article's own.
  EXPECT_GT(relations, 0);
}

TEST_F(RealDataTest, CountryNamesOfEverySourceMeetOnTheIsoCode) {
  for (const char* name : {"Korea, North", "North Korea", "DPRK", "kp", "PRK",
                           "Democratic People's Republic of Korea",
                           "Korea, Democratic People's Republic of"}) {
    ASSERT_TRUE(CountryCode(name).has_value()) << name;
    EXPECT_EQ(*CountryCode(name), "PRK") << name;
  }
  for (const char* name : {"Russia", "Russian Federation", "RU", "RUS"}) {
    ASSERT_TRUE(CountryCode(name).has_value()) << name;
    EXPECT_EQ(*CountryCode(name), "RUS") << name;
  }
  // In the imports every actor's country is a state actor of the same file
  // with an ISO alpha-3 id; no source invents a state id of its own.
  for (const DatasetFile& f : Imports()) {
    absl::flat_hash_set<std::string> states;
    for (const v1::Actor& a : f.dataset.actors()) {
      if (a.kind() == v1::ACTOR_KIND_STATE) {
        EXPECT_NE(CountryName(a.id()), "") << f.path << ": " << a.id();
        states.insert(a.id());
      }
    }
    for (const v1::Actor& a : f.dataset.actors()) {
      if (!a.country().empty()) {
        EXPECT_TRUE(states.contains(a.country())) << f.path << ": " << a.id();
      }
    }
    if (!absl::StartsWith(f.path, "eu/32014R0269")) {  // The Ukraine regime.
      EXPECT_TRUE(states.contains("PRK")) << f.path;
    }
  }
}

TEST_F(RealDataTest, WeakerRuleOffStillMergesStatesAndIdentifiers) {
  ResolveOptions off;
  off.name_country_kind = false;
  ResolvedDataset r = Resolve(WithArticle(), off);
  ASSERT_TRUE(Validate(r.files).ok()) << Validate(r.files);
  EXPECT_EQ(r.report.merges_by_rule.count(kRuleNameCountryKind), 0u);
  EXPECT_EQ(r.report.merges_by_rule.count(kRuleNameOneSidedCountry), 0u);
  // KOMID meets through the article's identifiers alone.
  std::vector<const v1::Actor*> komid =
      ActorsWhere(r.files, [](const v1::Actor& a) {
        return Has(a, "UN_REF", "KPe.001");
      });
  ASSERT_EQ(komid.size(), 1u);
  EXPECT_TRUE(Has(*komid[0], "OFAC_UID", "9345"));
}

}  // namespace
}  // namespace embargo
