// Tests for the SIPRI trade register importer (lib/io/import/sipri_csv.cc):
// the real 2025 register, and small hand-made registers for each quirk.

#include "embargo/import/sipri.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_import::CheckValid;
using testing_import::FindActor;
using testing_import::WriteTemp;

const std::string kRegister =
    std::string(EMBARGO_SHARED_DATA_DIR) +
    "/sipri/trade-register_2025-03-13.csv";

constexpr absl::string_view kPreamble =
    "Transfers of major conventional arms from All countries  to All "
    "countries .\n"
    "A '?' in a column indicates uncertain data.\n"
    "\n"
    "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
    "Data generated: 13 Mar 2025 10:02:49 AM\n"
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon "
    "designation,Weapon description,Number delivered, ,Year(s) of "
    "delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total "
    "order,SIPRI TIV of delivered weapons\n";
constexpr int kHeaderLine = 6;

absl::StatusOr<ImportResult> ImportText(absl::string_view rows,
                                        const SipriOptions& options = {}) {
  return ImportSipriCsv(
      WriteTemp("register.csv", absl::StrCat(kPreamble, rows)), options);
}

// The real register is read once for all the tests that look at it.
class SipriRegisterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = ImportSipriCsv(kRegister);
    ASSERT_TRUE(r.ok()) << r.status();
    result_ = new ImportResult(std::move(*r));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const ImportResult& result() { return *result_; }

  static std::vector<const v1::Transfer*> Deals(absl::string_view supplier,
                                                absl::string_view recipient) {
    std::vector<const v1::Transfer*> out;
    for (const v1::Transfer& t : result_->dataset.transfers()) {
      if (t.supplier_id() == supplier && t.recipient_id() == recipient) {
        out.push_back(&t);
      }
    }
    return out;
  }

 private:
  static ImportResult* result_;
};
ImportResult* SipriRegisterTest::result_ = nullptr;

TEST_F(SipriRegisterTest, EveryDealBecomesOneTransfer) {
  const ImportReport& rep = result().report;
  EXPECT_EQ(rep.format, "sipri");
  EXPECT_EQ(rep.rows_read, 29515);
  EXPECT_EQ(rep.rows_imported, 29515);
  EXPECT_EQ(rep.rows_rejected(), 0) << rep.Summary();
  EXPECT_TRUE(rep.Reconciles());
  EXPECT_EQ(result().dataset.transfers_size(), 29515);
  EXPECT_EQ(rep.records.at("transfer"), 29515);
  EXPECT_EQ(rep.records.at("source"), 1);
  EXPECT_EQ(rep.records.at("actor"), result().dataset.actors_size());
  // Transfer ids are unique.
  std::set<std::string> ids;
  for (const v1::Transfer& t : result().dataset.transfers()) ids.insert(t.id());
  EXPECT_EQ(ids.size(), 29515u);
}

// A deal whose comment says its supplier, recipient or status is
// uncertain is alleged, not confirmed, and its note says why: Iran's
// V-46-6 engines from Russia, 1993 ("supplier uncertain").
TEST_F(SipriRegisterTest, DealsSipriDoubtAreAlleged) {
  int alleged = 0;
  for (const v1::Transfer& t : result().dataset.transfers()) {
    if (t.status() == v1::STATUS_CONFIRMED) continue;
    ++alleged;
    EXPECT_EQ(t.status(), v1::STATUS_ALLEGED) << t.id();
    EXPECT_THAT(t.note(), HasSubstr("status alleged: the comment says ")) << t.id();
  }
  EXPECT_EQ(alleged, 198);
  int engines = 0;
  for (const v1::Transfer* t : Deals("RUS", "IRN")) {
    if (!absl::StrContains(t->note(), "V-46-6 (780hp) diesel engine; for modernization")) continue;
    ++engines;
    EXPECT_EQ(t->status(), v1::STATUS_ALLEGED);
    EXPECT_THAT(t->note(), HasSubstr("status alleged: the comment says supplier uncertain"));
  }
  EXPECT_EQ(engines, 1);
}

TEST_F(SipriRegisterTest, TheFourBrokenRecordsAreJoined) {
  const ImportReport& rep = result().report;
  bool noted = false;
  for (const std::string& n : rep.notes) {
    if (absl::StrContains(n, "4 record(s) broken")) {
      noted = true;
      EXPECT_THAT(n, HasSubstr("5432, 21488, 25178, 27955"));
    }
  }
  EXPECT_TRUE(noted) << rep.Summary();
  // Line 5432: Cote d'Ivoire <- United States, 12 vehicle engines; the TIVs
  // come from the continuation line.
  const v1::Transfer* broken = nullptr;
  for (const v1::Transfer& t : result().dataset.transfers()) {
    if (t.evidence(0).locator() == "line 5432") broken = &t;
  }
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->supplier_id(), "USA");
  EXPECT_EQ(broken->recipient_id(), "CIV");
  EXPECT_EQ(broken->item(), v1::ITEM_ENGINES);
  EXPECT_DOUBLE_EQ(broken->tiv_total(), 0.36);
  EXPECT_THAT(broken->note(),
              HasSubstr("for 12 Puma M-36 APC from South Africa [SIPRI:"));
}

TEST_F(SipriRegisterTest, NorthKoreaToRussia) {
  std::vector<const v1::Transfer*> deals = Deals("PRK", "RUS");
  ASSERT_EQ(deals.size(), 2u);
  std::sort(deals.begin(), deals.end(), [](auto* a, auto* b) {
    return a->ordered().year() < b->ordered().year();
  });
  const v1::Transfer& missiles = *deals[0];
  EXPECT_EQ(missiles.designation(), "Hwasong-11");
  EXPECT_EQ(missiles.item(), v1::ITEM_MISSILES);
  EXPECT_EQ(missiles.ordered().year(), 2023);
  EXPECT_TRUE(missiles.ordered_uncertain());
  EXPECT_EQ(missiles.quantity(), 100);
  EXPECT_EQ(missiles.quantity_ordered(), 0);  // SIPRI gives none.
  EXPECT_FALSE(missiles.quantity_uncertain());
  EXPECT_FALSE(missiles.quantity_ordered_uncertain());
  EXPECT_THAT(missiles.delivery_years(), ElementsAre(2023, 2024));
  EXPECT_EQ(missiles.delivered().start().year(), 2023);
  EXPECT_EQ(missiles.delivered().end().year(), 2024);
  // Each TIV in its own field: per unit 2.5, total order "0" (no number
  // ordered: unknown), delivered 250.
  EXPECT_DOUBLE_EQ(missiles.tiv_unit(), 2.5);
  EXPECT_DOUBLE_EQ(missiles.tiv_total(), 0);
  EXPECT_DOUBLE_EQ(missiles.tiv_delivered(), 250);
  EXPECT_EQ(missiles.status(), v1::STATUS_CONFIRMED);

  const v1::Transfer& guns = *deals[1];
  EXPECT_EQ(guns.designation(), "M-1978 170mm");
  EXPECT_EQ(guns.item(), v1::ITEM_ARTILLERY);
  EXPECT_EQ(guns.ordered().year(), 2024);
  EXPECT_FALSE(guns.ordered_uncertain());
  EXPECT_EQ(guns.quantity(), 10);
  EXPECT_EQ(guns.quantity_ordered(), 10);
  // Only the number ordered is marked "?" in the register's row.
  EXPECT_TRUE(guns.quantity_ordered_uncertain());
  EXPECT_FALSE(guns.quantity_uncertain());
  EXPECT_THAT(guns.delivery_years(), ElementsAre(2024));
  EXPECT_THAT(guns.note(), HasSubstr("Second hand"));
}

TEST_F(SipriRegisterTest, RussiaAndTheSovietUnionToNorthKorea) {
  const size_t soviet = Deals("SUN", "PRK").size();
  const size_t russian = Deals("RUS", "PRK").size();
  EXPECT_EQ(soviet + russian, 131u);
  EXPECT_GT(soviet, 0u);
  EXPECT_GT(russian, 0u);
  const v1::Actor* sun = FindActor(result().dataset, "SUN");
  ASSERT_NE(sun, nullptr);
  EXPECT_EQ(sun->kind(), v1::ACTOR_KIND_STATE);
}

TEST_F(SipriRegisterTest, PartiesByKind) {
  const v1::Dataset& ds = result().dataset;
  const v1::Actor* hamas = FindActor(ds, "SIPRI-NS-hamas-palestine");
  ASSERT_NE(hamas, nullptr);
  EXPECT_EQ(hamas->kind(), v1::ACTOR_KIND_ORGANIZATION);
  EXPECT_EQ(hamas->country(), "PSE");
  const v1::Actor* un = FindActor(ds, "UN");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);
  EXPECT_EQ(un->name(), "United Nations");
  for (absl::string_view id : {"EU", "NATO", "AU", "OSCE"}) {
    const v1::Actor* a = FindActor(ds, id);
    ASSERT_NE(a, nullptr) << id;
    EXPECT_EQ(a->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY) << id;
  }
  std::map<v1::ActorKind, int> kinds;
  for (const v1::Actor& a : ds.actors()) {
    ++kinds[a.kind()];
    if (a.kind() == v1::ACTOR_KIND_STATE) {
      EXPECT_EQ(a.id().size(), 3u) << a.id();
    }
  }
  EXPECT_GT(kinds[v1::ACTOR_KIND_STATE], 180);
  EXPECT_GT(kinds[v1::ACTOR_KIND_ORGANIZATION], 40);
  EXPECT_EQ(kinds[v1::ACTOR_KIND_INTERNATIONAL_BODY], 6);
}

TEST_F(SipriRegisterTest, EveryDescriptionHasACategory) {
  // Only "air refuel system" (SIPRI's "other") maps to ITEM_OTHER.
  std::map<v1::ItemCategory, int> items;
  for (const v1::Transfer& t : result().dataset.transfers()) {
    ++items[t.item()];
    if (t.item() == v1::ITEM_OTHER) {
      EXPECT_THAT(t.note(), HasSubstr("[SIPRI: air refuel system"));
    }
  }
  EXPECT_EQ(items[v1::ITEM_OTHER], 45);
  EXPECT_EQ(items.count(v1::ITEM_UNSPECIFIED), 0u);
  for (v1::ItemCategory c :
       {v1::ITEM_AIRCRAFT, v1::ITEM_ARMOURED_VEHICLES, v1::ITEM_ARTILLERY,
        v1::ITEM_MISSILES, v1::ITEM_SHIPS, v1::ITEM_SENSORS,
        v1::ITEM_ENGINES, v1::ITEM_AIR_DEFENCE, v1::ITEM_DRONES,
        v1::ITEM_SATELLITES, v1::ITEM_COMPONENTS,
        v1::ITEM_ARTILLERY_AMMUNITION}) {
    EXPECT_GT(items[c], 0) << v1::ItemCategory_Name(c);
  }
}

TEST_F(SipriRegisterTest, TheSourceCitesSipri) {
  ASSERT_EQ(result().dataset.sources_size(), 1);
  const v1::Source& s = result().dataset.sources(0);
  EXPECT_EQ(s.id(), "SIPRI-ATD-2025-03-13");
  EXPECT_EQ(s.publisher(), "SIPRI");
  EXPECT_EQ(s.published().year(), 2025);
  EXPECT_EQ(s.published().month(), 3);
  EXPECT_EQ(s.published().day(), 13);
  EXPECT_THAT(s.note(), HasSubstr("SIPRI Arms Transfers Database"));
  const v1::Transfer& first = result().dataset.transfers(0);
  ASSERT_EQ(first.evidence_size(), 1);
  EXPECT_EQ(first.evidence(0).source_id(), s.id());
  EXPECT_EQ(first.evidence(0).locator(), "line 13");
}

TEST_F(SipriRegisterTest, ValidatesAndBuildsAGraph) {
  EXPECT_TRUE(CheckValid(result(), kRegister).ok())
      << CheckValid(result(), kRegister);
  GraphBuilder builder;
  builder.AddDataset(result().dataset, kRegister);
  absl::StatusOr<Graph> graph = builder.Build();
  ASSERT_TRUE(graph.ok()) << graph.status();
  ASSERT_TRUE(graph->FindNode("PRK").has_value());
  ASSERT_TRUE(graph->FindNode("RUS").has_value());
}

// --- Hand-made registers, one quirk each -----------------------------------

TEST(SipriQuirksTest, RecordBrokenByARawLineBreakIsJoined) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Russia,North Korea,2023,?,,,Hwasong-11,surface-to-surface "
      "missile,100,,2023; 2024,New,first part of a comment\n"
      ",2.5,0,250\n"
      "Russia,Belarus,2020,,4,,Tor-M2,SAM system,4,,2021,New,,20,80,80\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 2);
  EXPECT_EQ(r->report.rows_imported, 2);
  EXPECT_TRUE(r->report.Reconciles());
  ASSERT_EQ(r->dataset.transfers_size(), 2);
  const v1::Transfer& t = r->dataset.transfers(0);
  EXPECT_EQ(t.note(),
            "first part of a comment [SIPRI: surface-to-surface missile; New; "
            "TIV per unit 2.5; TIV delivered 250]");
  EXPECT_DOUBLE_EQ(t.tiv_total(), 0);
  EXPECT_DOUBLE_EQ(t.tiv_unit(), 2.5);
  EXPECT_DOUBLE_EQ(t.tiv_delivered(), 250);
  EXPECT_EQ(t.evidence(0).locator(), absl::StrCat("line ", kHeaderLine + 1));
  EXPECT_EQ(r->dataset.transfers(1).evidence(0).locator(),
            absl::StrCat("line ", kHeaderLine + 3));
  EXPECT_EQ(r->dataset.transfers(1).item(), v1::ITEM_AIR_DEFENCE);
  EXPECT_TRUE(CheckValid(*r, "register.csv").ok());
}

TEST(SipriQuirksTest, Cp1252BytesAreDecoded) {
  // 0xE9 is "é" and 0x96 an en dash in cp1252; neither is valid UTF-8.
  absl::StatusOr<ImportResult> r = ImportText(
      "Germany,France,1990,,2,,Alouette-3,light helicopter,2,,1991,New,"
      "Caf\xE9 \x96 test,1,2,2\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.transfers_size(), 1);
  EXPECT_THAT(r->dataset.transfers(0).note(),
              HasSubstr("Caf\xC3\xA9 \xE2\x80\x93 test"));
}

TEST(SipriQuirksTest, Utf8InputIsAcceptedInAutoMode) {
  absl::StatusOr<ImportResult> r = ImportText(
      "C\xC3\xB4te d'Ivoire,France,1990,,2,,Alouette-3,light "
      "helicopter,2,,1991,New,,1,2,2\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.transfers_size(), 1);
  EXPECT_EQ(r->dataset.transfers(0).recipient_id(), "CIV");
  EXPECT_THAT(r->report.notes, ::testing::Contains(HasSubstr("UTF-8")));
}

TEST(SipriQuirksTest, UncertaintyFlags) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986; 1987,New,,1,10,10\n"
      "Iran,China,1985,,10,,Type-69,tank,0,?,,New,,1,10,\n"
      "Iran,China,1985,,10,,Type-63,APC,5,,1986,New,,1,10,5\n"
      "Iran,China,1985,,10,?,Type-85,tank,10,,1986,New,,1,10,10\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.transfers_size(), 4);
  const v1::Transfer& all = r->dataset.transfers(0);
  EXPECT_TRUE(all.ordered_uncertain());
  EXPECT_TRUE(all.quantity_uncertain());
  EXPECT_TRUE(all.quantity_ordered_uncertain());
  // The number ordered alone marked: the number delivered is not.
  const v1::Transfer& ordered_only = r->dataset.transfers(3);
  EXPECT_TRUE(ordered_only.quantity_ordered_uncertain());
  EXPECT_FALSE(ordered_only.quantity_uncertain());
  EXPECT_THAT(all.delivery_years(), ElementsAre(1986, 1987));
  const v1::Transfer& delivered_only = r->dataset.transfers(1);
  EXPECT_FALSE(delivered_only.ordered_uncertain());
  EXPECT_TRUE(delivered_only.quantity_uncertain());
  EXPECT_FALSE(delivered_only.quantity_ordered_uncertain());
  EXPECT_EQ(delivered_only.delivery_years_size(), 0);
  EXPECT_FALSE(delivered_only.delivered().has_start());
  const v1::Transfer& none = r->dataset.transfers(2);
  EXPECT_FALSE(none.ordered_uncertain());
  EXPECT_FALSE(none.quantity_uncertain());
  EXPECT_EQ(none.quantity(), 5);
  EXPECT_EQ(none.quantity_ordered(), 10);
  EXPECT_EQ(none.status(), v1::STATUS_CONFIRMED);
  EXPECT_TRUE(CheckValid(*r, "register.csv").ok());

  // SIPRI's doubt about a party or the deal itself: alleged. The options'
  // status, when already lower, stays.
  const std::string doubtful =
      "Iran,China,1985,,10,,Type-59,tank,10,,1986,New,Possibly second-hand; "
      "Supplier uncertain,1,10,10\n"
      "Iran,China,1985,,10,,Type-69,tank,10,,1986,New,designation uncertain,1,10,10\n";
  r = ImportText(doubtful);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->dataset.transfers(0).status(), v1::STATUS_ALLEGED);
  EXPECT_THAT(r->dataset.transfers(0).note(),
              HasSubstr("status alleged: the comment says supplier uncertain"));
  EXPECT_EQ(r->dataset.transfers(1).status(), v1::STATUS_CONFIRMED);
}

TEST(SipriQuirksTest, NonStateActorsAndInternationalOrganisations) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Hezbollah (Lebanon)*,Iran,2006,?,100,?,Fajr-3,multiple rocket "
      "launcher,100,?,2006,New,,,,\n"
      "NATO**,United States,2010,,3,,RQ-4,UAV,3,,2012,New,,,,\n"
      "Example Pact**,France,2010,,3,,Some ship,patrol boat,3,,2012,New,,,,\n"
      "Biafra,France,1968,,2,,Alouette-2,light helicopter,2,,1968,New,,,,\n"
      "unknown rebel group*,Libya,1980,,2,,Type-56,towed gun,2,,1980,New,,,,\n"
      "Libya HoR*,Egypt,2014,,2,,MiG-21,fighter aircraft,2,,2014,New,,,,\n"
      "Lebanon Palestinian rebels*,Syria,1982,,2,,Type-56,towed gun,2,,1982,New,,,,\n"
      "PRC rebels*,Libya,1980,,2,,Type-56,towed gun,2,,1980,New,,,,\n"
      "\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_imported, 8);
  const v1::Dataset& ds = r->dataset;
  const v1::Actor* hezbollah = FindActor(ds, "SIPRI-NS-hezbollah-lebanon");
  ASSERT_NE(hezbollah, nullptr);
  EXPECT_EQ(hezbollah->kind(), v1::ACTOR_KIND_ORGANIZATION);
  EXPECT_EQ(hezbollah->name(), "Hezbollah (Lebanon)");
  EXPECT_EQ(hezbollah->country(), "LBN");
  ASSERT_GE(hezbollah->identifiers_size(), 1);
  EXPECT_EQ(hezbollah->identifiers(0).scheme(), "SIPRI_NAME");
  EXPECT_EQ(hezbollah->identifiers(0).value(), "Hezbollah (Lebanon)*");
  ASSERT_NE(FindActor(ds, "LBN"), nullptr);  // Its country is a state.

  const v1::Actor* nato = FindActor(ds, "NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);
  const v1::Actor* pact = FindActor(ds, "SIPRI-IO-example-pact");
  ASSERT_NE(pact, nullptr);
  EXPECT_EQ(pact->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);

  const v1::Actor* biafra = FindActor(ds, "SIPRI-biafra");
  ASSERT_NE(biafra, nullptr);
  EXPECT_EQ(biafra->kind(), v1::ACTOR_KIND_LEGAL_ENTITY);
  EXPECT_THAT(r->report.notes, ::testing::Contains(HasSubstr("Biafra")));

  const v1::Actor* rebels = FindActor(ds, "SIPRI-NS-unknown-rebel-group");
  ASSERT_NE(rebels, nullptr);
  EXPECT_TRUE(rebels->country().empty());
  // A name that begins with its state's name gives the country, and the
  // note says where it came from; an abbreviation does not ("PRC").
  const v1::Actor* hor = FindActor(ds, "SIPRI-NS-libya-hor");
  ASSERT_NE(hor, nullptr);
  EXPECT_EQ(hor->country(), "LBY");
  EXPECT_EQ(hor->note(),
            "Non-state actor (marked * by SIPRI); country LBY read from its name \"Libya\"");
  const v1::Actor* palestinians = FindActor(ds, "SIPRI-NS-lebanon-palestinian-rebels");
  ASSERT_NE(palestinians, nullptr);
  EXPECT_EQ(palestinians->country(), "LBN");
  const v1::Actor* prc = FindActor(ds, "SIPRI-NS-prc-rebels");
  ASSERT_NE(prc, nullptr);
  EXPECT_TRUE(prc->country().empty());
  EXPECT_TRUE(CheckValid(*r, "register.csv").ok())
      << CheckValid(*r, "register.csv");
}

TEST(SipriQuirksTest, TruncatedFileEndsInARejectedRow) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10\n"
      "Iran,China,1985,?,10,?,Type-69,ta");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 2);
  EXPECT_EQ(r->report.rows_imported, 1);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  const ImportReport::Rejected& rej = r->report.rejected[0];
  EXPECT_EQ(rej.line, kHeaderLine + 2);
  EXPECT_EQ(rej.column, 34);  // Just past the last character.
  EXPECT_THAT(rej.reason, HasSubstr("8 fields, expected 16"));
  EXPECT_THAT(rej.reason, HasSubstr("truncated"));
  EXPECT_TRUE(r->report.Reconciles());
}

TEST(SipriQuirksTest, ExtraFieldsAreRejectedAtTheFirstExtraField) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10,oops\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].column, 60);
  EXPECT_THAT(r->report.rejected[0].reason,
              HasSubstr("record has 17 fields, expected 16"));
}

TEST(SipriQuirksTest, BadFieldsAreRejectedWithTheirColumn) {
  absl::StatusOr<ImportResult> r = ImportText(
      "Iran,China,19x5,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10\n"
      "Iran,China,1985,?,ten,?,Type-59,tank,10,?,1986,New,,1,10,10\n"
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1984,New,,1,10,10\n"
      "China,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10\n"
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,-3\n"
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 6);
  EXPECT_EQ(r->report.rows_imported, 1);
  ASSERT_EQ(r->report.rows_rejected(), 5);
  const auto& rej = r->report.rejected;
  EXPECT_EQ(rej[0].line, kHeaderLine + 1);
  EXPECT_EQ(rej[0].column, 12);
  EXPECT_THAT(rej[0].reason, HasSubstr("year of order \"19x5\""));
  EXPECT_EQ(rej[1].column, 19);
  EXPECT_THAT(rej[1].reason, HasSubstr("number ordered \"ten\""));
  EXPECT_THAT(rej[2].reason, HasSubstr("before the order year"));
  EXPECT_THAT(rej[3].reason, HasSubstr("also the recipient"));
  EXPECT_THAT(rej[4].reason, HasSubstr("TIV of delivered weapons \"-3\""));
  EXPECT_TRUE(r->report.Reconciles());
  EXPECT_TRUE(CheckValid(*r, "register.csv").ok());
}

TEST(SipriQuirksTest, WrongEncodingIsAClearError) {
  // UTF-16 with its byte-order mark.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(kPreamble)) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  absl::StatusOr<ImportResult> r =
      ImportSipriCsv(WriteTemp("utf16.csv", utf16));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("utf16.csv:1:1: UTF-16"));

  // UTF-16 without a byte-order mark: the first NUL byte.
  r = ImportSipriCsv(WriteTemp("nul.csv", utf16.substr(2)));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("nul.csv:1:2: NUL byte"));

  // A byte cp1252 leaves undefined, on line 7, column 14.
  r = ImportText("Iran,China,19\x81\x35,?,10,?,Type-59,tank,10,?,1986,New,,1,"
                 "10,10\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr(":7:14: byte 0x81 is undefined"));

  // Asked for UTF-8, given cp1252.
  SipriOptions utf8;
  utf8.encoding = SipriOptions::Encoding::kUtf8;
  r = ImportText("Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,Caf\xE9,1,"
                 "10,10\n",
                 utf8);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(":7:54: byte 0xE9 is not valid UTF-8"));
}

TEST(SipriQuirksTest, MissingHeaderOrFile) {
  absl::StatusOr<ImportResult> r =
      ImportSipriCsv(WriteTemp("noheader.csv", "a,b,c\n1,2,3\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("no header line"));

  r = ImportSipriCsv(absl::StrCat(::testing::TempDir(), "/absent.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("absent.csv"));
}

TEST(SipriQuirksTest, IdsAreStableAcrossLinesAndDistinctForTwins) {
  const std::string row =
      "Iran,China,1985,?,10,?,Type-59,tank,10,?,1986,New,,1,10,10\n";
  absl::StatusOr<ImportResult> a = ImportText(row);
  absl::StatusOr<ImportResult> b = ImportText(
      absl::StrCat("Iran,China,1990,,1,,Type-63,APC,1,,1990,New,,1,1,1\n", row,
                   row));
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(b->dataset.transfers_size(), 3);
  const std::string id = a->dataset.transfers(0).id();
  EXPECT_THAT(id, ::testing::StartsWith("SIPRI-"));
  EXPECT_EQ(b->dataset.transfers(1).id(), id);
  EXPECT_EQ(b->dataset.transfers(2).id(), id + "-2");
}

TEST(SipriItemCategoryTest, DescriptionsMapToCategories) {
  const std::map<std::string, v1::ItemCategory> cases = {
      {"surface-to-surface missile", v1::ITEM_MISSILES},
      {"self-propelled gun", v1::ITEM_ARTILLERY},
      {"multiple rocket launcher", v1::ITEM_ARTILLERY},
      {"guided rocket", v1::ITEM_MISSILES},
      {"guided shell", v1::ITEM_ARTILLERY_AMMUNITION},
      {"anti-ship missile", v1::ITEM_MISSILES},
      {"anti-submarine helicopter", v1::ITEM_AIRCRAFT},
      {"anti-submarine torpedo", v1::ITEM_MISSILES},
      {"torpedo boat", v1::ITEM_SHIPS},
      {"tank destroyer", v1::ITEM_ARMOURED_VEHICLES},
      {"destroyer", v1::ITEM_SHIPS},
      {"tanker/transport aircraft", v1::ITEM_AIRCRAFT},
      {"replenishment tanker", v1::ITEM_SHIPS},
      {"APC", v1::ITEM_ARMOURED_VEHICLES},
      {"APC turret", v1::ITEM_COMPONENTS},
      {"armoured car", v1::ITEM_ARMOURED_VEHICLES},
      {"SAM system", v1::ITEM_AIR_DEFENCE},
      {"portable SAM", v1::ITEM_MISSILES},
      {"SAM system radar", v1::ITEM_SENSORS},
      {"self-propelled anti-aircraft gun", v1::ITEM_AIR_DEFENCE},
      {"vehicle engine", v1::ITEM_ENGINES},
      {"turbofan", v1::ITEM_ENGINES},
      {"UAV", v1::ITEM_DRONES},
      {"loitering munition", v1::ITEM_DRONES},
      {"recce satellite", v1::ITEM_SATELLITES},
      {"ASW sonar", v1::ITEM_SENSORS},
      {"air refuel system", v1::ITEM_OTHER},
      {"coastal defence system", v1::ITEM_MISSILES},
      {"aircraft carrier", v1::ITEM_SHIPS},
      {"landing craft", v1::ITEM_SHIPS},
      {"something new", v1::ITEM_OTHER},
  };
  for (const auto& [description, item] : cases) {
    EXPECT_EQ(SipriItemCategory(description), item) << description;
  }
}

}  // namespace
}  // namespace embargo
