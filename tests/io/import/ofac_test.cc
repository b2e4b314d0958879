// Tests for the OFAC importers (lib/io/import/ofac_csv.cc, ofac_xml.cc,
// ofac_common.cc) on the real lists in ../shared/data/ofac and on small
// hand-made files, one per quirk.

#include "embargo/import/ofac.h"

#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing_import::DataDir;
using testing_import::ExpectSound;
using testing_import::FindActor;
using testing_import::FindSanction;
using testing_import::HasIdentifier;
using testing_import::WriteTemp;

TEST(OfacCsvTest, Sdn2024) {
  OfacCsvOptions options;
  options.sdn_path = DataDir() + "/ofac/sdn_2024-05-03.csv";
  absl::StatusOr<ImportResult> r = ImportOfacCsv(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 14965);
  EXPECT_EQ(r->report.rows_imported, 14965);
  ExpectSound(*r, "sdn_2024-05-03.csv");

  const v1::Actor* shoigu = FindActor(r->dataset, "OFAC-35173");
  ASSERT_NE(shoigu, nullptr);
  EXPECT_EQ(shoigu->name(), "SHOIGU, Sergei Kuzhugetovich");
  EXPECT_EQ(shoigu->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(shoigu->country(), "RUS");
  EXPECT_EQ(shoigu->born().year(), 1955);
  EXPECT_EQ(shoigu->born().month(), 5);
  EXPECT_EQ(shoigu->born().day(), 21);
  EXPECT_TRUE(HasIdentifier(*shoigu, "OFAC_UID", "35173"));
  const v1::Sanction* s = FindSanction(r->dataset, "OFAC-35173-RUSSIA-EO14024");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->authority_id(), "OFAC");
  EXPECT_THAT(s->measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE));
  EXPECT_THAT(s->legal_basis(), ElementsAre("E.O. 14024"));
  EXPECT_EQ(s->listed_no_later_than().year(), 2024);
  EXPECT_EQ(s->listed_no_later_than().month(), 5);
  EXPECT_EQ(s->listed_no_later_than().day(), 3);
  EXPECT_FALSE(s->has_listed());
  EXPECT_THAT(s->remarks(), HasSubstr("edition date"));
  EXPECT_EQ(s->status(), v1::STATUS_CONFIRMED);

  const v1::Actor* komid = FindActor(r->dataset, "OFAC-9345");
  ASSERT_NE(komid, nullptr);
  EXPECT_EQ(komid->name(), "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_EQ(komid->kind(), v1::ACTOR_KIND_LEGAL_ENTITY);
  // OFAC writes weak a.k.a.'s single-quoted in the remarks: kept as weak.
  EXPECT_THAT(komid->weak_aliases(), Contains("KOMID"));
  EXPECT_THAT(komid->aliases(), Not(Contains("KOMID")));
  EXPECT_NE(FindSanction(r->dataset, "OFAC-9345-NPWMD"), nullptr);
  EXPECT_NE(FindSanction(r->dataset, "OFAC-9345-DPRK2"), nullptr);

  // State actors are there for the countries referred to, OFAC for itself.
  EXPECT_NE(FindActor(r->dataset, "RUS"), nullptr);
  EXPECT_NE(FindActor(r->dataset, "PRK"), nullptr);
  EXPECT_NE(FindActor(r->dataset, "USA"), nullptr);
  const v1::Actor* ofac = FindActor(r->dataset, "OFAC");
  ASSERT_NE(ofac, nullptr);
  EXPECT_EQ(ofac->kind(), v1::ACTOR_KIND_GOVERNMENT_BODY);
  EXPECT_EQ(ofac->country(), "USA");

  // Vessels: IMO from the remarks, flag relation to the state.
  int vessels = 0, with_imo = 0;
  for (const v1::Actor& a : r->dataset.actors()) {
    if (a.kind() != v1::ACTOR_KIND_VESSEL) continue;
    ++vessels;
    for (const v1::Identifier& id : a.identifiers()) {
      if (id.scheme() == "IMO") {
        ++with_imo;
        break;
      }
    }
  }
  EXPECT_EQ(vessels, 851);
  EXPECT_GT(with_imo, 800);
  int flags = 0, links = 0;
  for (const v1::Relation& rel : r->dataset.relations()) {
    flags += rel.kind() == v1::RELATION_KIND_FLAG;
    links += rel.kind() == v1::RELATION_KIND_ASSOCIATE;
  }
  EXPECT_GT(flags, 500);
  EXPECT_GT(links, 5000);
  // Sanctions: one per programme; DPRK programmes counted as the README does.
  int dprk = 0;
  for (const v1::Sanction& s : r->dataset.sanctions()) {
    dprk += s.program().rfind("DPRK", 0) == 0;
  }
  EXPECT_EQ(dprk, 174 + 147 + 111 + 57 + 2);  // DPRK4, 3, 2, DPRK, NKSPEA.

  // ZAHHAR is on the SDN list under SDGT and on the non-SDN Palestinian
  // Legislative Council list ("SDGT] [NS-PLC"): the second tag restricts,
  // it does not block.
  const v1::Sanction* sdgt = FindSanction(r->dataset, "OFAC-9647-SDGT");
  ASSERT_NE(sdgt, nullptr);
  EXPECT_THAT(sdgt->measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE));
  const v1::Sanction* plc = FindSanction(r->dataset, "OFAC-9647-NS-PLC");
  ASSERT_NE(plc, nullptr);
  EXPECT_THAT(plc->measures(), ElementsAre(v1::MEASURE_OTHER));
  EXPECT_THAT(plc->remarks(), HasSubstr("not blocked under this programme"));
  int freezes = 0;
  for (const v1::Sanction& x : r->dataset.sanctions()) {
    freezes += x.measures_size() == 1 && x.measures(0) == v1::MEASURE_ASSET_FREEZE;
  }
  EXPECT_EQ(freezes, r->dataset.sanctions_size() - 2);  // The two NS-PLC tags.
}

TEST(OfacCsvTest, Sdn2021WithAddAltComments) {
  const std::string dir = DataDir() + "/ofac/sdn_2021-07/";
  OfacCsvOptions options;
  options.sdn_path = dir + "sdn.csv";
  options.add_path = dir + "add.csv";
  options.alt_path = dir + "alt.csv";
  options.comments_path = dir + "sdn_comments.csv";
  options.edition_date.set_year(2021);
  options.edition_date.set_month(7);
  options.edition_date.set_day(7);
  absl::StatusOr<ImportResult> r = ImportOfacCsv(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 8976 + 13837 + 11910 + 5);
  EXPECT_EQ(r->report.rows_rejected(), 0) << r->report.Summary();
  EXPECT_EQ(r->report.files.size(), 4u);
  ExpectSound(*r, "sdn_2021-07");
  int entries = 0;
  for (const v1::Actor& a : r->dataset.actors()) {
    entries += a.id().rfind("OFAC-", 0) == 0;
  }
  EXPECT_EQ(entries, 8976);
  // alt.csv aliases and add.csv addresses attach to their entries.
  const v1::Actor* bnc = FindActor(r->dataset, "OFAC-306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_EQ(bnc->name(), "BANCO NACIONAL DE CUBA");
  EXPECT_THAT(bnc->aliases(), Contains("NATIONAL BANK OF CUBA"));
  EXPECT_THAT(bnc->weak_aliases(), Contains("BNC"));  // Remarks: weak.
  EXPECT_THAT(bnc->addresses(),
              Contains("Zweierstrasse 35, Zurich CH-8022, Switzerland"));
  EXPECT_EQ(bnc->country(), "CHE");  // An entity takes its first address.
  // sdn_comments.csv continues the remark of 28264 (Lazarus-linked).
  const v1::Actor* e = FindActor(r->dataset, "OFAC-28264");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->note(), HasSubstr("Linked To: LAZARUS GROUP."));
  EXPECT_THAT(e->weak_aliases(), Contains("blackjack1987"));
}

// The consolidated (non-SDN) set is the same legacy format with a "cons_"
// prefix: its four files are recognised by name like sdn.csv, add.csv,
// alt.csv and sdn_comments.csv (no such file is among the shared data; a
// hand-made set, with made-up entries).
TEST(OfacCsvTest, ConsolidatedSetByName) {
  const std::string prim = WriteTemp(
      "cons_prim.csv",
      "9001,\"EXAMPLE TRADING LLC\",-0- ,\"UKRAINE-EO13662] [RUSSIA-EO14024\","
      "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Directive 4.\"\r\n"
      "9002,\"SAMPLE, Ivan\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,"
      "-0- ,-0- ,-0- ,-0- \r\n\x1a");
  const std::string add = WriteTemp(
      "cons_add.csv",
      "9001,1,\"1 Example Street\",\"Moscow\",\"Russia\",-0- \r\n\x1a");
  const std::string alt = WriteTemp(
      "cons_alt.csv", "9001,1,\"aka\",\"EXAMPLE TRADING\",-0- \r\n\x1a");
  const std::string comments = WriteTemp(
      "cons_comments.csv", "9001,\" Linked To: SAMPLE, Ivan.\"\r\n\x1a");
  absl::StatusOr<OfacCsvOptions> o =
      OfacCsvFilesByName({comments, alt, prim, add});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->sdn_path, prim);
  EXPECT_EQ(o->add_path, add);
  EXPECT_EQ(o->alt_path, alt);
  EXPECT_EQ(o->comments_path, comments);
  o->edition_date.set_year(2025);
  o->edition_date.set_month(3);
  o->edition_date.set_day(1);
  absl::StatusOr<ImportResult> r = ImportOfacCsv(*o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.files.size(), 4u);
  EXPECT_EQ(r->report.rows_rejected(), 0) << r->report.Summary();
  ASSERT_EQ(r->dataset.sources_size(), 1);
  EXPECT_EQ(r->dataset.sources(0).id(), "ofac-cons-csv-2025-03-01");
  EXPECT_THAT(r->dataset.sources(0).title(), HasSubstr("non-SDN"));
  const v1::Actor* e = FindActor(r->dataset, "OFAC-9001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name(), "EXAMPLE TRADING LLC");
  EXPECT_THAT(e->aliases(), Contains("EXAMPLE TRADING"));
  EXPECT_THAT(e->addresses(), Contains(HasSubstr("1 Example Street")));
  EXPECT_THAT(e->note(), HasSubstr("Linked To: SAMPLE, Ivan."));
  // The non-SDN lists block nothing: SSI and menu-based directives are
  // sectoral, NS-PLC another restriction; no asset freeze.
  const v1::Sanction* ssi = FindSanction(r->dataset, "OFAC-9001-UKRAINE-EO13662");
  ASSERT_NE(ssi, nullptr);
  EXPECT_THAT(ssi->measures(), ElementsAre(v1::MEASURE_SECTORAL));
  EXPECT_THAT(ssi->remarks(), HasSubstr("does not block"));
  const v1::Sanction* plc = FindSanction(r->dataset, "OFAC-9002-NS-PLC");
  ASSERT_NE(plc, nullptr);
  EXPECT_THAT(plc->measures(), ElementsAre(v1::MEASURE_OTHER));
  ExpectSound(*r, "cons_prim.csv");

  // The SDN names keep their roles; a file per role; sets are not mixed.
  absl::StatusOr<OfacCsvOptions> sdn = OfacCsvFilesByName(
      {"d/sdn_comments.csv", "d/alt.csv", "d/sdn.csv", "d/add.csv"});
  ASSERT_TRUE(sdn.ok()) << sdn.status();
  EXPECT_EQ(sdn->sdn_path, "d/sdn.csv");
  EXPECT_EQ(sdn->add_path, "d/add.csv");
  EXPECT_EQ(sdn->alt_path, "d/alt.csv");
  EXPECT_EQ(sdn->comments_path, "d/sdn_comments.csv");
  EXPECT_THAT(OfacCsvFilesByName({"d/sdn.csv", "d/cons_add.csv"}).status().message(),
              HasSubstr("mixed"));
  EXPECT_THAT(OfacCsvFilesByName({"a/add.csv", "b/add.csv", "sdn.csv"})
                  .status()
                  .message(),
              HasSubstr("two files for one role"));
  EXPECT_THAT(OfacCsvFilesByName({"cons_add.csv"}).status().message(),
              HasSubstr("no entries file"));
}

TEST(OfacCsvTest, EditionDateIsRequired) {
  const std::string sdn = WriteTemp("undated.csv", "1,\"X\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
  OfacCsvOptions options;
  options.sdn_path = sdn;
  absl::StatusOr<ImportResult> r = ImportOfacCsv(options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("edition_date"));
  options.sdn_path = "/nonexistent/sdn_2024-01-01.csv";
  EXPECT_EQ(ImportOfacCsv(options).status().code(), absl::StatusCode::kNotFound);
}

// One hand-made file with each quirk of the legacy CSV.
TEST(OfacCsvTest, Quirks) {
  std::string sdn;
  // cp1252 0x96 (en dash) and 0xE9 (e acute) in a name; "-0- " nulls.
  sdn += "10,\"ALPHA \x96 SOCI\xC9T\xC9\",-0- ,\"NPWMD] [DPRK2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'ALPHA CO'; Linked To: BETA SHIP.\"\r\n";
  // A vessel with flag, call sign and IMO number.
  sdn += "11,\"BETA SHIP\",\"vessel\",\"DPRK3\",-0- ,\"HMXY\",\"Cargo\",\"1000\",\"900\",\"Korea, North\",-0- ,\"Vessel Registration Identification IMO 1234567; Linked To: NOBODY KNOWN.\"\r\n";
  // A person with nationality, passport and date of birth.
  sdn += "12,\"KIM, Chol\",\"individual\",\"DPRK4\",\"Director\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 05 Mar 1970; nationality Korea, North; Passport 836410035 (Korea, North) expires 2020.\"\r\n";
  // A truncated row (too few columns) and one without programme.
  sdn += "13,\"CUT SHORT\",-0- \r\n";
  sdn += "14,\"NO PROGRAM\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  sdn += "\x1A";
  OfacCsvOptions options;
  options.sdn_path = WriteTemp("sdn_2020-01-02.csv", sdn);
  options.alt_path = WriteTemp("alt.csv",
                               "10,1,\"fka\",\"OLD ALPHA\",-0- \r\n"
                               "99,2,\"aka\",\"ORPHAN\",-0- \r\n\x1A");
  absl::StatusOr<ImportResult> r = ImportOfacCsv(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 7);
  EXPECT_EQ(r->report.rows_imported, 4);
  ASSERT_EQ(r->report.rows_rejected(), 3) << r->report.Summary();
  EXPECT_EQ(r->report.rejected[0].line, 4);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("3 columns, expected 12"));
  EXPECT_EQ(r->report.rejected[1].line, 5);
  EXPECT_EQ(r->report.rejected[1].column, 22);  // The Program cell.
  EXPECT_THAT(r->report.rejected[1].reason, HasSubstr("no sanctions programme"));
  EXPECT_EQ(r->report.rejected[2].line, 2);
  EXPECT_THAT(r->report.rejected[2].reason, HasSubstr("ent_num \"99\""));
  ExpectSound(*r, "quirks");

  const v1::Actor* alpha = FindActor(r->dataset, "OFAC-10");
  ASSERT_NE(alpha, nullptr);
  EXPECT_EQ(alpha->name(), "ALPHA \u2013 SOCI\u00c9T\u00c9");
  EXPECT_THAT(alpha->aliases(), ElementsAre("OLD ALPHA"));
  EXPECT_THAT(alpha->weak_aliases(), ElementsAre("ALPHA CO"));
  EXPECT_NE(FindSanction(r->dataset, "OFAC-10-NPWMD"), nullptr);
  EXPECT_NE(FindSanction(r->dataset, "OFAC-10-DPRK2"), nullptr);
  const v1::Sanction* s = FindSanction(r->dataset, "OFAC-10-NPWMD");
  EXPECT_EQ(s->listed_no_later_than().year(), 2020);  // Edition date from the path.
  EXPECT_EQ(s->listed_no_later_than().day(), 2);

  const v1::Actor* ship = FindActor(r->dataset, "OFAC-11");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->kind(), v1::ACTOR_KIND_VESSEL);
  EXPECT_EQ(ship->country(), "PRK");
  EXPECT_TRUE(HasIdentifier(*ship, "IMO", "1234567"));
  EXPECT_TRUE(HasIdentifier(*ship, "CALL_SIGN", "HMXY"));

  const v1::Actor* kim = FindActor(r->dataset, "OFAC-12");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(kim->country(), "PRK");
  EXPECT_EQ(kim->born().year(), 1970);
  EXPECT_EQ(kim->born().month(), 3);
  ASSERT_TRUE(HasIdentifier(*kim, "PASSPORT", "836410035"));

  bool flag = false, link = false;
  for (const v1::Relation& rel : r->dataset.relations()) {
    if (rel.kind() == v1::RELATION_KIND_FLAG) {
      flag = rel.subject_id() == "OFAC-11" && rel.object_id() == "PRK";
    }
    if (rel.kind() == v1::RELATION_KIND_ASSOCIATE) {
      link = rel.subject_id() == "OFAC-10" && rel.object_id() == "OFAC-11";
    }
  }
  EXPECT_TRUE(flag);
  EXPECT_TRUE(link);
  // The unresolved "Linked To" is told, not dropped silently.
  EXPECT_THAT(r->report.notes,
              Contains(HasSubstr("\"Linked To: NOBODY KNOWN.\" of OFAC-11")));
  EXPECT_NE(FindActor(r->dataset, "PRK"), nullptr);
}

TEST(OfacCsvTest, UnclosedQuoteRefusesTheFile) {
  OfacCsvOptions options;
  options.sdn_path = WriteTemp(
      "sdn_2020-01-03.csv",
      "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "2,\"TRUNCATED IN THE MIDDLE OF A NA");
  absl::StatusOr<ImportResult> r = ImportOfacCsv(options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(r.status().message(), HasSubstr("sdn_2020-01-03.csv:2:3"));
  EXPECT_THAT(r.status().message(), HasSubstr("truncated"));
}

TEST(OfacXmlTest, Consolidated2025) {
  absl::StatusOr<ImportResult> r =
      ImportOfacXml(DataDir() + "/ofac/consolidated_2025-03/consolidated.xml");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 443);
  EXPECT_EQ(r->report.rows_imported, 443);
  ExpectSound(*r, "consolidated.xml");
  ASSERT_EQ(r->dataset.sources_size(), 1);
  EXPECT_EQ(r->dataset.sources(0).published().year(), 2025);
  EXPECT_EQ(r->dataset.sources(0).published().month(), 3);
  EXPECT_EQ(r->dataset.sources(0).published().day(), 28);
  const v1::Actor* haniya = FindActor(r->dataset, "OFAC-9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->name(), "HANIYA, Ismail Abdul Salah");
  EXPECT_EQ(haniya->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(haniya->born().year(), 1962);
  EXPECT_THAT(haniya->aliases(), Contains("HANIYYA, Ismaeel"));
  // The place of birth, a field of its own in the XML, is in the note.
  EXPECT_EQ(haniya->note(), "Place of birth: Shati");
  int places = 0;
  for (const v1::Actor& a : r->dataset.actors()) {
    places += absl::StrContains(a.note(), "Place of birth: ");
  }
  EXPECT_EQ(places, 21);  // <placeOfBirthItem> elements in the file.
  // <category>weak</category> a.k.a.'s are kept as weak aliases.
  const v1::Actor* zahhar = FindActor(r->dataset, "OFAC-9647");
  ASSERT_NE(zahhar, nullptr);
  EXPECT_THAT(zahhar->weak_aliases(), Contains("ZAHAR, Mahmoud"));
  EXPECT_THAT(zahhar->aliases(), Not(Contains("ZAHAR, Mahmoud")));
  EXPECT_THAT(zahhar->aliases(), Contains("AL ZAHAR, Mahmoud Khaled"));
  EXPECT_NE(FindSanction(r->dataset, "OFAC-9639-NS-PLC"), nullptr);
  int sanctions = 0;
  for (const v1::Sanction& s : r->dataset.sanctions()) {
    sanctions += s.authority_id() == "OFAC";
  }
  EXPECT_EQ(sanctions, 525);  // <program> elements in the file.
  // None of the consolidated (non-SDN) lists freezes assets: China Telecom
  // (uid 30882) is on the CMIC list (a securities ban), the SSI entries
  // under UKRAINE-EO13662 are sectoral ("Subject to Directive 1").
  std::map<v1::Measure, int> measures;
  for (const v1::Sanction& s : r->dataset.sanctions()) {
    for (int m : s.measures()) ++measures[static_cast<v1::Measure>(m)];
  }
  EXPECT_EQ(measures[v1::MEASURE_ASSET_FREEZE], 0);
  EXPECT_EQ(measures[v1::MEASURE_SECTORAL], 286 + 82);
  const v1::Sanction* cmic = FindSanction(r->dataset, "OFAC-30882-CMIC-EO13959");
  ASSERT_NE(cmic, nullptr);
  EXPECT_THAT(cmic->measures(), ElementsAre(v1::MEASURE_OTHER));
  EXPECT_THAT(cmic->remarks(), HasSubstr("publicly traded securities"));
  EXPECT_THAT(r->report.notes, Contains(HasSubstr("non-SDN")));
  // The consolidated list repeats the SDN programmes of entries on both
  // lists (ZAHHAR: NS-PLC and SDGT): whether SDGT blocks him is not this
  // list's to say, and the remark does not say "not blocked".
  const v1::Sanction* sdgt = FindSanction(r->dataset, "OFAC-9647-SDGT");
  ASSERT_NE(sdgt, nullptr);
  EXPECT_THAT(sdgt->remarks(), HasSubstr("not known from this list"));
  EXPECT_THAT(sdgt->remarks(), Not(HasSubstr("not blocked")));
}

TEST(OfacXmlTest, HandMadeEntryWithVessel) {
  const std::string xml = R"(<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>01/15/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry>
    <uid>501</uid><lastName>SEA STAR</lastName><sdnType>Vessel</sdnType>
    <programList><program>DPRK3</program><program>NPWMD</program></programList>
    <idList><id><uid>1</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 7654321</idNumber></id></idList>
    <vesselInfo><callSign>ABCD</callSign><vesselFlag>Korea, North</vesselFlag></vesselInfo>
  </sdnEntry>
  <sdnEntry>
    <uid>502</uid><lastName>NO PROGRAM</lastName><sdnType>Entity</sdnType>
  </sdnEntry>
</sdnList>)";
  absl::StatusOr<ImportResult> r = ImportOfacXml(WriteTemp("sdn.xml", xml));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 2);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 10);
  ExpectSound(*r, "sdn.xml");
  const v1::Actor* ship = FindActor(r->dataset, "OFAC-501");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->kind(), v1::ACTOR_KIND_VESSEL);
  EXPECT_EQ(ship->country(), "PRK");
  EXPECT_TRUE(HasIdentifier(*ship, "IMO", "7654321"));
  EXPECT_EQ(FindSanction(r->dataset, "OFAC-501-DPRK3")->listed_no_later_than().month(), 1);
}

TEST(OfacXmlTest, MalformedXmlNamesLineAndColumn) {
  absl::StatusOr<ImportResult> r = ImportOfacXml(WriteTemp(
      "broken.xml", "<sdnList>\n  <sdnEntry><uid>1</uid>\n  </sdnList>\n"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("broken.xml:3:"));
  // An XML entity is never expanded from outside (no XXE).
  absl::StatusOr<ImportResult> xxe = ImportOfacXml(WriteTemp(
      "xxe.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
      "\"file:///etc/passwd\">]>\n<sdnList><publshInformation><Publish_Date>"
      "01/01/2024</Publish_Date></publshInformation><sdnEntry><uid>1</uid>"
      "<lastName>&e;</lastName><sdnType>Entity</sdnType><programList>"
      "<program>SDGT</program></programList></sdnEntry></sdnList>"));
  // It is not dropped silently either: the file is refused, located.
  EXPECT_EQ(xxe.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(xxe.status().message(),
              HasSubstr("xxe.xml:2:14: the DTD declares external entity 'e'"));
}

// Regression: an internal entity repeated many times was expanded into one
// huge field (40 KB of XML became a 100 MB name). Any declaration is refused.
TEST(OfacXmlTest, InternalEntityIsRefusedNotExpanded) {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "&big;";
  absl::StatusOr<ImportResult> r = ImportOfacXml(WriteTemp(
      "expand.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList [\n  <!ENTITY big \"" +
          std::string(10000, 'A') +
          "\">\n]>\n<sdnList><publshInformation><Publish_Date>01/01/2024"
          "</Publish_Date></publshInformation><sdnEntry><uid>1</uid>"
          "<lastName>" + body + "</lastName><sdnType>Entity</sdnType>"
          "<programList><program>SDGT</program></programList></sdnEntry>"
          "</sdnList>"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(),
              HasSubstr("expand.xml:3:3: the DTD declares internal entity "
                        "'big'"));
}

}  // namespace
}  // namespace embargo
