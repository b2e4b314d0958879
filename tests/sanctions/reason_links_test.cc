// Tests for the designation-reason rules (lib/sanctions/reason_links.cc):
// each rule on hand-written sentences and on sentences of the EU Russia
// regime, and DeriveReasonLinks on the real EU file.

#include "embargo/reason_links.h"

#include <string>

#include "absl/strings/match.h"
#include "embargo/explain.h"
#include "embargo/graph.h"
#include "embargo/import/eu.h"
#include "embargo/query.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ReasonSentencesTest, Split) {
  EXPECT_THAT(SplitSentences("It ships arms. It is owned by U.S. firms; Also "
                             "this.\nNext line"),
              ElementsAre("It ships arms.", "It is owned by U.S. firms;",
                          "Also this.", "Next line"));
  // Found in the EU file: a sentence ending in a parenthesis ends.
  EXPECT_THAT(SplitSentences("the Korea (DPRK). In that position, he"),
              ElementsAre("the Korea (DPRK).", "In that position, he"));
}

TEST(ReasonStatesTest, NamesAdjectivesCapitals) {
  std::vector<StateMention> m = StateMentions(
      "North Korean armaments from Pyongyang to the Russian port; DPRK and "
      "Russia’s army; Prussia is not Russia.");
  std::vector<std::string> codes;
  for (const StateMention& x : m) codes.push_back(x.code);
  EXPECT_THAT(codes, ElementsAre("PRK", "PRK", "RUS", "PRK", "RUS", "RUS"));
  EXPECT_TRUE(m[0].adjective);
  EXPECT_FALSE(m[1].adjective);
}

TEST(ReasonArmsTest, Items) {
  std::vector<ArmsWord> w =
      ArmsWords("ballistic missiles, artillery shells, UAVs and armaments");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].item, v1::ITEM_MISSILES);
  EXPECT_EQ(w[1].item, v1::ITEM_ARTILLERY_AMMUNITION);
  EXPECT_EQ(w[2].item, v1::ITEM_DRONES);
  EXPECT_EQ(w[3].item, v1::ITEM_ARMS_GENERAL);
  EXPECT_THAT(ArmsWords("the Armed Forces and a firearm-free zone"), IsEmpty());
}

TEST(ArmsForStateTest, BeneficiariesOnly) {
  EXPECT_THAT(ArmsForState("It supplies weapons to Russia."), ElementsAre("RUS"));
  EXPECT_THAT(ArmsForState("UAVs used by the Russian military in its "
                           "invasion of Ukraine."),
              ElementsAre("RUS"));
  EXPECT_THAT(ArmsForState("Ballistic missiles produced by the DPRK have been "
                           "used by the Russian Armed Forces against Ukraine."),
              ElementsAre("RUS"));
  EXPECT_THAT(ArmsForState("deployed in Russia’s war of aggression"), IsEmpty());
  EXPECT_THAT(ArmsForState("munitions deployed in Russia’s war of aggression"),
              ElementsAre("RUS"));
  // No arms word: no link, whatever states it names.
  EXPECT_THAT(ArmsForState("It provides financial services to Russia."), IsEmpty());
  // A place or a victim is not a beneficiary.
  EXPECT_THAT(ArmsForState("a weapons factory in Russia"), IsEmpty());
  EXPECT_THAT(ArmsForState("weapons used against Ukraine"), IsEmpty());
  // Found in the EU file: a source is not a beneficiary.
  EXPECT_THAT(ArmsForState("their seizure of weapon systems from the Ukrainian "
                           "armed forces."),
              IsEmpty());
  EXPECT_THAT(ArmsForState("aggression against Ukraine by allowing Russia to "
                           "fire ballistic missiles from Belarus into Ukraine, "
                           "enabling transportation of heavy weapons in Belarus "
                           "to Ukraine."),
              IsEmpty());
  EXPECT_THAT(ArmsForState("to deprive the armed forces of Ukraine of command, "
                           "disable the Ukrainian military airfield network, "
                           "and destroy operational-tactical missiles."),
              IsEmpty());
  EXPECT_THAT(ArmsForState("the garrison has been used to launch rockets to Ukraine."),
              IsEmpty());
  EXPECT_THAT(ArmsForState("The Gerbera UAV has been used by the Russian military "
                           "in Ukraine, in particular as a decoy UAV to "
                           "overwhelm Ukrainian defence systems."),
              ElementsAre("RUS"));
}

TEST(ArmsFromToTest, DirectionOnlyWhenStated) {
  std::optional<StatedTransfer> t = ArmsFromTo(
      "shipping North Korean armaments from Pyongyang to military facilities "
      "in the Russian port of Dunai.");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->from, "PRK");
  EXPECT_EQ(t->to, "RUS");
  EXPECT_EQ(t->words, "armaments");
  t = ArmsFromTo("the DPRK providing ammunition to Russia in order to pursue "
                 "its war");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->from, "PRK");
  EXPECT_EQ(t->to, "RUS");
  EXPECT_EQ(t->item, v1::ITEM_AMMUNITION);
  // Both states named, no direction given: no transfer.
  EXPECT_FALSE(ArmsFromTo("military cooperation in arms between the DPRK and "
                          "the Russian Federation").has_value());
  // Found in the EU file: missiles fired are not a transfer.
  EXPECT_FALSE(ArmsFromTo("by allowing Russia to fire ballistic missiles from "
                          "Belarus into Ukraine, enabling transport to Belarus")
                   .has_value());
  // A destination that is acted against is not one.
  EXPECT_FALSE(ArmsFromTo("Russian missiles fired to strike against Ukraine")
                   .has_value());
}

TEST(DeriveReasonLinksTest, HandMadeSanction) {
  v1::Dataset ds;
  v1::Actor* a = ds.add_actors();
  a->set_id("SHIPCO");
  v1::Sanction* s = ds.add_sanctions();
  s->set_id("S1");
  s->set_target_id("SHIPCO");
  v1::Evidence* e = s->add_evidence();
  e->set_source_id("SRC");
  e->set_quote("The company is owned by Mr Kim. Its vessels carried North Korean "
               "munitions to Russia.");
  ReasonLinks r = DeriveReasonLinks(ds);
  EXPECT_EQ(r.sanctions_read, 1);
  EXPECT_EQ(r.sentences_read, 2);
  EXPECT_EQ(r.by_rule["arms-for-state"], 1);
  EXPECT_EQ(r.by_rule["arms-from-to"], 1);
  ASSERT_EQ(r.links.relations_size(), 1);
  const v1::Relation& rel = r.links.relations(0);
  EXPECT_EQ(rel.kind(), v1::RELATION_KIND_SUPPORT);
  EXPECT_EQ(rel.subject_id(), "SHIPCO");
  EXPECT_EQ(rel.object_id(), "RUS");
  EXPECT_EQ(rel.status(), v1::STATUS_ALLEGED);
  EXPECT_EQ(rel.evidence(0).quote(),
            "Its vessels carried North Korean munitions to Russia.");
  EXPECT_EQ(rel.evidence(0).source_id(), "SRC");
  EXPECT_THAT(rel.evidence(0).locator(), ::testing::HasSubstr("rule arms-for-state"));
  ASSERT_EQ(r.links.transfers_size(), 1);
  const v1::Transfer& t = r.links.transfers(0);
  EXPECT_EQ(t.supplier_id(), "PRK");
  EXPECT_EQ(t.recipient_id(), "RUS");
  EXPECT_THAT(t.intermediary_ids(), ElementsAre("SHIPCO"));
  EXPECT_FALSE(t.has_ordered());  // No date invented.
  EXPECT_EQ(t.quantity(), 0);
  EXPECT_EQ(r.links.actors_size(), 2);  // PRK and RUS.
}

// An actor that entity resolution merged from two lists carries both lists'
// notes. A note is read as the reason of a sanction only when the actor's
// records all come from that sanction's list: a UN narrative on a merged
// actor is never cited as OFAC's reason (it is the UN sanction's, read from
// its own quote).
TEST(DeriveReasonLinksTest, ANoteOfAnotherListIsNotThisSanctionsReason) {
  v1::Dataset ds;
  v1::Actor* a = ds.add_actors();
  a->set_id("OFAC-1");
  a->set_note("We suspect it has been involved in supplying missile-related "
              "goods to Iran's Shahid Hemmat Industrial Group.");
  a->add_evidence()->set_source_id("ofac-sdn");
  a->add_evidence()->set_source_id("un-list");
  v1::Sanction* ofac = ds.add_sanctions();
  ofac->set_id("OFAC-1-NPWMD");
  ofac->set_target_id("OFAC-1");
  ofac->add_evidence()->set_source_id("ofac-sdn");
  ReasonLinks merged = DeriveReasonLinks(ds);
  EXPECT_EQ(merged.links.relations_size(), 0);
  v1::Sanction* un = ds.add_sanctions();
  un->set_id("UN-KPe.011");
  un->set_target_id("OFAC-1");
  v1::Evidence* e = un->add_evidence();
  e->set_source_id("un-list");
  e->set_quote(a->note());
  ReasonLinks both = DeriveReasonLinks(ds);
  ASSERT_EQ(both.links.relations_size(), 1);
  EXPECT_EQ(both.links.relations(0).evidence(0).source_id(), "un-list");
  EXPECT_THAT(both.links.relations(0).evidence(0).locator(),
              ::testing::HasSubstr("sanction UN-KPe.011"));
  // An actor of one list: its note is its sanction's reason.
  a->mutable_evidence()->RemoveLast();
  ds.mutable_sanctions()->RemoveLast();
  ReasonLinks single = DeriveReasonLinks(ds);
  ASSERT_EQ(single.links.relations_size(), 1);
  EXPECT_EQ(single.links.relations(0).evidence(0).source_id(), "ofac-sdn");
}

// The EU Russia regime: the shipping companies whose grounds say they move
// North Korean munitions to Russia are on a path RUS - company - PRK.
TEST(DeriveReasonLinksTest, EuRussiaRegime) {
  absl::StatusOr<ImportResult> eu = ImportEuCsv(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/eu/32014R0269.csv");
  ASSERT_TRUE(eu.ok()) << eu.status();
  ReasonLinks r = DeriveReasonLinks(eu->dataset);
  EXPECT_GT(r.by_rule["arms-from-to"], 5);
  EXPECT_GT(r.by_rule["arms-for-state"], 5);
  int shipping = 0;
  for (const v1::Transfer& t : r.links.transfers()) {
    EXPECT_EQ(t.status(), v1::STATUS_ALLEGED);
    EXPECT_FALSE(t.has_ordered());
    if (t.supplier_id() == "PRK" && t.recipient_id() == "RUS" &&
        absl::StrContains(t.evidence(0).quote(), "shipping North Korean armaments")) {
      ++shipping;
    }
  }
  // MG-Flot, Azia Shipping, Oboronlogistics, Sovfracht, Marine Trans
  // Shipping, M Leasing (checked by hand in the file).
  EXPECT_GE(shipping, 6);
  GraphBuilder b;
  b.AddDataset(eu->dataset, "eu");
  b.AddDataset(r.links, "links");
  absl::StatusOr<Graph> g = b.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  Filter arms;
  arms.edge_kinds = TransferKinds();
  absl::StatusOr<Paths> paths = AllPaths(*g, *g->FindNode("RUS"),
                                         *g->FindNode("PRK"), 2, arms);
  ASSERT_TRUE(paths.ok()) << paths.status();
  // Each company is a two-hop path RUS - company - PRK.
  EXPECT_GE(paths->paths.size(), 6u);
}

// Path explanations show a sanction's reason kept in its remarks (the EU
// grounds), under the hop.
// The EU's grounds are the list's words: the path explanation quotes them.
TEST(DeriveReasonLinksTest, PathExplanationQuotesTheGrounds) {
  absl::StatusOr<ImportResult> eu = ImportEuCsv(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/eu/32017R1509.csv");
  ASSERT_TRUE(eu.ok()) << eu.status();
  GraphBuilder b;
  b.AddDataset(eu->dataset, "eu");
  absl::StatusOr<Graph> g = b.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  Filter sanctions;
  sanctions.edge_kinds = {};
  sanctions.edge_kinds.Add(EdgeKind::kSanction);
  absl::StatusOr<Paths> paths =
      AllPaths(*g, *g->FindNode("EU"), *g->FindNode("EU-32017R1509-XVI.B-10"), 1,
               sanctions);
  ASSERT_TRUE(paths.ok()) << paths.status();
  ASSERT_FALSE(paths->paths.empty());
  EXPECT_THAT(FormatPath(*g, paths->paths[0]),
              ::testing::HasSubstr("quote: \"The Eastern Stevedoring Company, also known as"));
}

}  // namespace
}  // namespace embargo
