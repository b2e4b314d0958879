// Tests for the UN consolidated list importer (lib/io/import/un_xml.cc).

#include "absl/strings/match.h"
#include "embargo/import/un.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_import::DataDir;
using testing_import::ExpectSound;
using testing_import::FindActor;
using testing_import::FindSanction;
using testing_import::HasIdentifier;
using testing_import::WriteTemp;

TEST(UnXmlTest, Consolidated2025) {
  absl::StatusOr<ImportResult> r =
      ImportUnXml(DataDir() + "/un/consolidated_2025-04-19.xml");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 877);
  EXPECT_EQ(r->report.rows_imported, 877) << r->report.Summary();
  ExpectSound(*r, "consolidated_2025-04-19.xml");

  int dprk = 0, dprk_people = 0, dprk_entities = 0;
  for (const v1::Sanction& s : r->dataset.sanctions()) {
    if (s.program() != "UNSCR 1718") continue;
    ++dprk;
    const v1::Actor* a = FindActor(r->dataset, s.target_id());
    ASSERT_NE(a, nullptr);
    if (a->kind() == v1::ACTOR_KIND_PERSON) {
      ++dprk_people;
      EXPECT_THAT(s.measures(), Contains(v1::MEASURE_TRAVEL_BAN));
    } else {
      ++dprk_entities;
      EXPECT_THAT(s.measures(), ::testing::Not(Contains(v1::MEASURE_TRAVEL_BAN)));
    }
    EXPECT_THAT(s.measures(), Contains(v1::MEASURE_ARMS_EMBARGO_IMPORTS));
  }
  EXPECT_EQ(dprk, 155);
  EXPECT_EQ(dprk_people, 80);
  EXPECT_EQ(dprk_entities, 75);

  const v1::Actor* komid = FindActor(r->dataset, "UN-KPe.001");
  ASSERT_NE(komid, nullptr);
  EXPECT_EQ(komid->name(), "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_THAT(komid->aliases(), Contains("KOMID"));  // Quotes removed.
  EXPECT_EQ(komid->country(), "PRK");
  EXPECT_TRUE(HasIdentifier(*komid, "UN_REF", "KPe.001"));
  const v1::Sanction* s = FindSanction(r->dataset, "UN-KPe.001");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->authority_id(), "UNSC");
  EXPECT_EQ(s->listed().year(), 2009);
  EXPECT_EQ(s->listed().month(), 4);
  EXPECT_EQ(s->listed().day(), 24);
  EXPECT_THAT(s->legal_basis(), Contains("UNSCR 1718 (2006)"));
  EXPECT_THAT(s->measures(),
              ElementsAre(v1::MEASURE_ASSET_FREEZE,
                          v1::MEASURE_ARMS_EMBARGO_IMPORTS,
                          v1::MEASURE_ARMS_EMBARGO_EXPORTS));
  // Trailing spaces of reference numbers are trimmed.
  EXPECT_NE(FindActor(r->dataset, "UN-KPe.053"), nullptr);
  for (const v1::Actor& a : r->dataset.actors()) {
    EXPECT_EQ(a.id().find(' '), std::string::npos) << a.id();
    EXPECT_EQ(a.note().find('\n'), std::string::npos) << a.id();
  }
  // LISTED_ON with a time-zone offset ("2015-03-27-04:00") is read.
  const v1::Sanction* ta = FindSanction(r->dataset, "UN-TAi.173");
  ASSERT_NE(ta, nullptr);
  EXPECT_EQ(ta->listed().day(), 27);
  const v1::Actor* unsc = FindActor(r->dataset, "UNSC");
  ASSERT_NE(unsc, nullptr);
  EXPECT_EQ(unsc->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);

  // An entry whose comment names its measures has those, not the regime's:
  // 11 Libya listings are a travel ban alone ("paragraph 15 of resolution
  // 1970 (Travel Ban)"), never an asset freeze; the Houthis a targeted arms
  // embargo alone. KOMID's comment names none: the regime's (above).
  const v1::Sanction* travel = FindSanction(r->dataset, "UN-LYi.003");
  ASSERT_NE(travel, nullptr);
  EXPECT_THAT(travel->measures(), ElementsAre(v1::MEASURE_TRAVEL_BAN));
  EXPECT_THAT(travel->remarks(), HasSubstr("those the entry's comment names"));
  const v1::Sanction* houthis = FindSanction(r->dataset, "UN-YEe.001");
  ASSERT_NE(houthis, nullptr);
  EXPECT_THAT(houthis->measures(), ElementsAre(v1::MEASURE_ARMS_EMBARGO_IMPORTS));
  EXPECT_THAT(s->remarks(), HasSubstr("the regime's (the entry names none)"));
  int travel_only = 0, named = 0;
  for (const v1::Sanction& x : r->dataset.sanctions()) {
    named += absl::StrContains(x.remarks(), "comment names");
    travel_only += x.measures_size() == 1 && x.measures(0) == v1::MEASURE_TRAVEL_BAN;
  }
  EXPECT_EQ(named, 15 + 11 + 2 + 1);
  EXPECT_EQ(travel_only, 11);

  // What the record has no field for is in the note: every date of birth
  // the list gives when it gives several or an approximate one (the first
  // sets `born`), places of birth, titles, gender.
  const v1::Actor* omar = FindActor(r->dataset, "UN-TAi.004");
  ASSERT_NE(omar, nullptr);
  EXPECT_EQ(omar->born().year(), 1966);
  EXPECT_THAT(omar->note(), HasSubstr("dates of birth as listed: 1966 (approximately); 1960; 1953"));
  EXPECT_THAT(omar->note(), HasSubstr("place of birth: Naw Deh village, Deh Rawud District, "
                                      "Uruzgan Province, Afghanistan; Maiwand District"));
  EXPECT_THAT(omar->note(), HasSubstr("title: Mullah"));
  int several = 0, places = 0, between = 0;
  for (const v1::Actor& a : r->dataset.actors()) {
    several += absl::StrContains(a.note(), "dates of birth as listed: ");
    places += absl::StrContains(a.note(), "place of birth: ");
    between += absl::StrContains(a.note(), "between 19");
  }
  EXPECT_EQ(several, 229);
  EXPECT_EQ(places, 528);
  EXPECT_GT(between, 20);  // Spans of years, which set no date.
}

TEST(UnXmlTest, DamagedFileIsRefused) {
  absl::StatusOr<ImportResult> r =
      ImportUnXml(DataDir() + "/un/consolidated_2025-08-16_damaged.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(),
              HasSubstr("consolidated_2025-08-16_damaged.xml:53:11:"));
  EXPECT_THAT(r.status().message(), HasSubstr("invalid Char"));
  EXPECT_THAT(r.status().message(), HasSubstr("refused"));
}

constexpr char kHandMade[] = R"(<?xml version='1.0' encoding='UTF-8'?>
<CONSOLIDATED_LIST dateGenerated='2025-01-02T10:00:00Z'>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>RI</FIRST_NAME><SECOND_NAME>CHOL</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.999 </REFERENCE_NUMBER>
      <LISTED_ON>2016-03-02</LISTED_ON>
      <COMMENTS1>Line one
line two</COMMENTS1>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ri Chol-su</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-01-31</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>PD123</NUMBER><ISSUING_COUNTRY>Democratic People's Republic of Korea</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>2</DATAID><FIRST_NAME>NO DATE</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.998</REFERENCE_NUMBER>
      <LISTED_ON>sometime</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>3</DATAID><FIRST_NAME>GB TRADING</FIRST_NAME>
      <UN_LIST_TYPE>GB</UN_LIST_TYPE><REFERENCE_NUMBER>GBe.001</REFERENCE_NUMBER>
      <LISTED_ON>2012-05-18</LISTED_ON>
      <ENTITY_ADDRESS><CITY>Bissau</CITY><COUNTRY>Guinea-Bissau</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";

TEST(UnXmlTest, HandMadeQuirks) {
  absl::StatusOr<ImportResult> r = ImportUnXml(WriteTemp("un.xml", kHandMade));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 3);
  EXPECT_EQ(r->report.rows_imported, 2);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 17);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("LISTED_ON \"sometime\""));
  ExpectSound(*r, "un.xml");

  const v1::Actor* ri = FindActor(r->dataset, "UN-KPi.999");  // Trimmed.
  ASSERT_NE(ri, nullptr);
  EXPECT_EQ(ri->name(), "RI CHOL");
  EXPECT_EQ(ri->note(), "Line one line two");  // Raw newline folded.
  EXPECT_EQ(ri->country(), "PRK");
  EXPECT_EQ(ri->born().day(), 31);
  EXPECT_THAT(ri->aliases(), ElementsAre("Ri Chol-su"));
  ASSERT_TRUE(HasIdentifier(*ri, "PASSPORT", "PD123"));
  EXPECT_TRUE(HasIdentifier(*ri, "UN_REF", "KPi.999"));
  const v1::Sanction* s = FindSanction(r->dataset, "UN-KPi.999");
  EXPECT_THAT(s->measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE,
                                         v1::MEASURE_TRAVEL_BAN,
                                         v1::MEASURE_ARMS_EMBARGO_IMPORTS,
                                         v1::MEASURE_ARMS_EMBARGO_EXPORTS));
  // Guinea-Bissau's regime: asset freeze and travel ban only; entities get
  // no travel ban.
  const v1::Sanction* gb = FindSanction(r->dataset, "UN-GBe.001");
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(gb->program(), "UNSCR 2048");
  EXPECT_THAT(gb->measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE));
  EXPECT_EQ(FindActor(r->dataset, "UN-GBe.001")->country(), "GNB");
}

TEST(UnXmlTest, TruncatedFileIsRefused) {
  const std::string whole = kHandMade;
  absl::StatusOr<ImportResult> r =
      ImportUnXml(WriteTemp("cut.xml", whole.substr(0, whole.size() / 2)));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("cut.xml:"));
  absl::StatusOr<ImportResult> wrong =
      ImportUnXml(WriteTemp("other.xml", "<?xml version='1.0'?><sdnList/>"));
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(wrong.status().message(), HasSubstr("not a UN consolidated list"));
}

// Regression: internal entities were expanded (flat repetition was not
// caught by libxml2's own limits); any entity declaration is now refused.
TEST(UnXmlTest, EntityDeclarationsAreRefused) {
  absl::StatusOr<ImportResult> r = ImportUnXml(WriteTemp(
      "un_entity.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x "
      "\"xxxxxxxxxx\">]>\n<CONSOLIDATED_LIST dateGenerated=\"2025-01-01\">"
      "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&x;&x;&x;</FIRST_NAME>"
      "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(),
              HasSubstr("un_entity.xml:2:30: the DTD declares internal "
                        "entity 'x'"));
  absl::StatusOr<ImportResult> ext = ImportUnXml(WriteTemp(
      "un_ext.xml",
      "<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY e SYSTEM \"/etc/hostname\">]>"
      "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>"));
  EXPECT_THAT(ext.status().message(),
              HasSubstr("un_ext.xml:1:30: the DTD declares external entity"));
}

}  // namespace
}  // namespace embargo
