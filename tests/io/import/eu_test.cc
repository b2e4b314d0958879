// Tests for the EU annex CSV importer (lib/io/import/eu_csv.cc).

#include "embargo/import/eu.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/sanctions.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_import::DataDir;
using testing_import::ExpectSound;
using testing_import::FindActor;
using testing_import::FindSanction;
using testing_import::HasIdentifier;
using testing_import::WriteTemp;

constexpr char kHeader[] =
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,"
    "alias,weakAlias,previousName,country,nationality,jurisdiction,birthDate,"
    "birthPlace,position,passportNumber,gender,appearance,ethnicity,"
    "fatherName,motherName,incorporationDate,legalForm,sector,"
    "registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,"
    "leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,"
    "notes\n";

TEST(EuCsvTest, DprkRegulation) {
  absl::StatusOr<ImportResult> r = ImportEuCsv(DataDir() + "/eu/32017R1509.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 326);
  // Every row is kept: the one without a startDate (Ri Yong Mu, line 54)
  // with its listing date unknown, and noted.
  EXPECT_EQ(r->report.rows_imported, 326);
  EXPECT_EQ(r->report.rows_rejected(), 0);
  EXPECT_THAT(r->report.notes,
              Contains(AllOf(HasSubstr("32017R1509.csv:54: startDate"),
                             HasSubstr("listing date unknown"))));
  ExpectSound(*r, "32017R1509.csv");
  const v1::Sanction* ri = FindSanction(r->dataset, "EU-32017R1509-XIII.A-53");
  ASSERT_NE(ri, nullptr);
  EXPECT_FALSE(ri->has_listed());
  EXPECT_FALSE(ri->has_listed_no_later_than());
  // In force on any date, but only possibly: no date is guessed.
  GraphBuilder builder;
  builder.AddDataset(r->dataset, "32017R1509.csv");
  absl::StatusOr<Graph> g = builder.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  std::optional<NodeId> n = g->FindNode(ri->target_id());
  ASSERT_TRUE(n.has_value());
  for (const char* day : {"2010-01-01", "2023-01-01"}) {
    absl::StatusOr<std::vector<InForce>> f =
        SanctionsInForce(*g, *n, *PartialDate::Parse(day));
    ASSERT_TRUE(f.ok()) << f.status();
    ASSERT_EQ(f->size(), 1u) << day;
    EXPECT_EQ((*f)[0].sanction_id, "EU-32017R1509-XIII.A-53");
    EXPECT_EQ((*f)[0].certainty, Certainty::kPossible) << day;
  }

  const v1::Actor* yun = FindActor(r->dataset, "EU-32017R1509-XIII.A-1");
  ASSERT_NE(yun, nullptr);
  EXPECT_EQ(yun->name(), "Yun Ho-jin");
  EXPECT_EQ(yun->country(), "PRK");  // "DPRK".
  EXPECT_EQ(yun->born().year(), 1944);
  EXPECT_THAT(yun->aliases(), Contains("Yun Ho-chin"));
  const v1::Sanction* s = FindSanction(r->dataset, "EU-32017R1509-XIII.A-1");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->authority_id(), "EU");
  EXPECT_EQ(s->program(), "EU-PRK");
  EXPECT_EQ(s->listed().year(), 2009);
  EXPECT_EQ(s->listed().month(), 7);
  EXPECT_EQ(s->listed().day(), 16);
  EXPECT_THAT(s->legal_basis(), ElementsAre("Regulation (EU) 2017/1509"));

  // Vessels: one actor per IMO number, with both its measures.
  const v1::Actor* ship = FindActor(r->dataset, "EU-32017R1509-IMO-8712362");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->name(), "CHON MYONG 1");
  EXPECT_TRUE(HasIdentifier(*ship, "IMO", "8712362"));
  std::vector<v1::Measure> measures;
  int vessels = 0;
  for (const v1::Sanction& x : r->dataset.sanctions()) {
    if (x.target_id() == ship->id()) measures.push_back(x.measures(0));
  }
  for (const v1::Actor& a : r->dataset.actors()) {
    vessels += a.kind() == v1::ACTOR_KIND_VESSEL;
  }
  EXPECT_THAT(measures, ::testing::UnorderedElementsAre(
                            v1::MEASURE_ASSET_FREEZE, v1::MEASURE_VESSEL_BAN));
  EXPECT_EQ(vessels, 75 - 14);  // 75 vessel rows, 14 of them repeats.
}

TEST(EuCsvTest, UkraineRegulation) {
  absl::StatusOr<ImportResult> r = ImportEuCsv(DataDir() + "/eu/32014R0269.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 2802);
  // Nightwolves MC (line 2085) has no startDate: kept, date unknown.
  EXPECT_EQ(r->report.rows_rejected(), 0);
  EXPECT_EQ(r->report.rows_imported, 2802);
  const v1::Sanction* wolves = FindSanction(r->dataset, "EU-32014R0269-I.ENTITIES-103");
  ASSERT_NE(wolves, nullptr);
  EXPECT_FALSE(wolves->has_listed());
  ExpectSound(*r, "32014R0269.csv");
  EXPECT_THAT(r->dataset.sanctions(0).legal_basis(),
              ElementsAre("Regulation (EU) No 269/2014"));
  int russians = 0;
  for (const v1::Actor& a : r->dataset.actors()) russians += a.country() == "RUS";
  EXPECT_GT(russians, 800);
}

TEST(EuCsvTest, HandMadeQuirks) {
  std::string csv = kHeader;
  // Dotted date, two aliases in one quoted cell, a value containing ';'.
  csv += "32099R0001,1,EU-PRK,I,Asset freeze,2.3.2016,Reason text,Person,Pak Il,"
         "\"\"\"Pak; Il\"\"; Park Il\",,,,\"Ukrainian, Russian\",,1.2.1960,,General,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  // A vessel with a flag and an IMO number.
  csv += "32099R0001,2,EU-PRK,II,Transportation restrictions,30.3.2018,,Vessel,SEA 1,,,,,,,,,,,,,,,,,,,,,,,,,,,,,9999999,,Sierra Leone,,,,,\n";
  // No start date; unknown schema; too few cells.
  csv += "32099R0001,3,EU-PRK,I,Asset freeze,,,Person,No Date,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  csv += "32099R0001,4,EU-PRK,I,Asset freeze,1.1.2020,,Robot,R2,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  csv += "32099R0001,5,EU-PRK\n";
  absl::StatusOr<ImportResult> r = ImportEuCsv(WriteTemp("32099R0001.csv", csv));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 5);
  EXPECT_EQ(r->report.rows_imported, 3);  // "No Date" kept, date unknown.
  ASSERT_EQ(r->report.rows_rejected(), 2) << r->report.Summary();
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("schema \"Robot\""));
  EXPECT_THAT(r->report.rejected[1].reason, HasSubstr("truncated"));
  ExpectSound(*r, "32099R0001.csv");

  const v1::Actor* pak = FindActor(r->dataset, "EU-32099R0001-I-1");
  ASSERT_NE(pak, nullptr);
  EXPECT_THAT(pak->aliases(), ElementsAre("Pak; Il", "Park Il"));
  EXPECT_EQ(pak->country(), "UKR");
  EXPECT_EQ(pak->born().month(), 2);
  const v1::Actor* ship = FindActor(r->dataset, "EU-32099R0001-IMO-9999999");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->country(), "SLE");
  ASSERT_EQ(r->dataset.relations_size(), 1);
  EXPECT_EQ(r->dataset.relations(0).kind(), v1::RELATION_KIND_FLAG);
  EXPECT_EQ(FindSanction(r->dataset, "EU-32099R0001-II-2")->measures(0),
            v1::MEASURE_VESSEL_BAN);
}

// Row writes one row of an annex file from the named cells (quoted).
std::string Row(const std::map<std::string, std::string>& cells) {
  std::vector<std::string> header =
      absl::StrSplit(absl::StripSuffix(kHeader, "\n"), ',');
  std::vector<std::string> out;
  for (const std::string& column : header) {
    auto it = cells.find(column);
    out.push_back(it == cells.end() ? "" : absl::StrCat("\"", it->second, "\""));
  }
  return absl::StrCat(absl::StrJoin(out, ","), "\n");
}

// Every column is kept: a date of birth followed by the place ("7.10.1952
// POB: Leningrad", as the Ukraine annex gives Putin's) is read as the date
// with the place in the note; a value giving alternatives sets no date and
// is kept as listed; columns the record has no field for (place of birth,
// gender, phone, email, website) go to the note by name.
TEST(EuCsvTest, DatesWithPlacesOrAlternativesAndOtherColumnsAreKept) {
  const std::map<std::string, std::string> common = {
      {"celex", "32099R0002"}, {"programKey", "EU-UKR"}, {"annex", "I.PERSONS"},
      {"measure", "Asset freeze"}, {"startDate", "25.2.2022"}, {"schema", "Person"}};
  std::map<std::string, std::string> putin = common;
  putin.insert({{"recordId", "669"},
                {"name", "Vladimir Vladimirovich PUTIN"},
                {"birthDate", "7.10.1952 POB: Leningrad (now Saint-Petersburg)"},
                {"position", "President of the Russian Federation"},
                {"gender", "Male"},
                {"phone", "+7 495 000 00 00"},
                {"email", "x@example.org"},
                {"website", "example.org"}});
  std::map<std::string, std::string> twice = common;
  twice.insert({{"recordId", "700"},
                {"name", "Ivan Ivanovich IVANOV"},
                {"birthDate", "18.1.1970 or 29.3.1965"},
                {"birthPlace", "Tula"}});
  absl::StatusOr<ImportResult> r =
      ImportEuCsv(WriteTemp("32099R0002.csv", kHeader + Row(putin) + Row(twice)));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_imported, 2);
  ExpectSound(*r, "32099R0002.csv");
  const v1::Actor* p = FindActor(r->dataset, "EU-32099R0002-I.PERSONS-669");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->born().year(), 1952);
  EXPECT_EQ(p->born().month(), 10);
  EXPECT_EQ(p->born().day(), 7);
  EXPECT_EQ(p->note(),
            "President of the Russian Federation; place of birth: Leningrad (now "
            "Saint-Petersburg); gender: Male; phone: +7 495 000 00 00; email: "
            "x@example.org; website: example.org");
  const v1::Actor* i = FindActor(r->dataset, "EU-32099R0002-I.PERSONS-700");
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->has_born());
  EXPECT_EQ(i->note(),
            "date of birth as listed: 18.1.1970 or 29.3.1965; place of birth: Tula");
  EXPECT_THAT(r->report.notes,
              ::testing::Contains(HasSubstr("1 date(s) of birth or incorporation read "
                                            "from a value with more after the date")));
  EXPECT_THAT(r->report.notes,
              ::testing::Contains(HasSubstr("1 date(s) of birth or incorporation that "
                                            "give alternatives")));
}

// The real annex: Putin's date of birth, which the file gives with his
// place of birth in the same cell.
TEST(EuCsvTest, UkraineAnnexDatesOfBirthWithThePlace) {
  absl::StatusOr<ImportResult> r = ImportEuCsv(DataDir() + "/eu/32014R0269.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* p = FindActor(r->dataset, "EU-32014R0269-I.PERSONS-669");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->born().year(), 1952);
  EXPECT_THAT(p->note(), HasSubstr("place of birth: Leningrad (now Saint-Petersburg)"));
  // The others: two more with a place or a remark after the date, 48 with
  // alternatives ("28.9.1953 or 28.8.1953") or doubts, each in its note.
  EXPECT_THAT(r->report.notes,
              ::testing::Contains(HasSubstr("3 date(s) of birth or incorporation read "
                                            "from a value with more after the date (2 a "
                                            "place of birth")));
  EXPECT_THAT(r->report.notes,
              ::testing::Contains(HasSubstr("48 date(s) of birth or incorporation that "
                                            "give alternatives")));
  int as_listed = 0;  // Values (an actor may have two).
  for (const v1::Actor& a : r->dataset.actors()) {
    for (absl::string_view n = a.note(); absl::StrContains(n, " as listed: ");
         n = n.substr(n.find(" as listed: ") + 1)) {
      ++as_listed;
    }
  }
  EXPECT_EQ(as_listed, 48);
}

// Name and alias values that hold several names, as the Ukraine annex
// writes them, and values that are only labels.
TEST(EuCsvTest, NamesHoldingSeveralNamesAreSplit) {
  std::string csv = kHeader;
  csv += "32099R0002,1,EU-UKR,I,Asset freeze,1.1.2022,,Person,"
         "Aleksandr Viktorovich NAUMENKO (Russian: Александр Викторович НАУМЕНКО),"
         "\"Владимир Николаевич ДУБОВКА / Володимир Миколайович ДУБОВКА; "
         "Иван КУСОВ Ukrainian: Iван КУСОВ; Married name: Lesya TARASYUK; "
         "Анатолий ВАССЕРМАН / укр. Анатолiй ВАССЕРМАН\",Vova,"
         ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  csv += "32099R0002,2,EU-UKR,I,Asset freeze,1.1.2022,,Company,"
         "Shenzhen Juhang International Wuliu Co. Ltd.,"
         "\"Chinese:; Text of image; 巨航航空科技（深圳）有限公司; Juhang Aviation\","
         ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  absl::StatusOr<ImportResult> r = ImportEuCsv(WriteTemp("32099R0002.csv", csv));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->report.rows_imported, 2) << r->report.Summary();
  const v1::Actor* naumenko = FindActor(r->dataset, "EU-32099R0002-I-1");
  ASSERT_NE(naumenko, nullptr);
  EXPECT_EQ(naumenko->name(), "Aleksandr Viktorovich NAUMENKO");
  EXPECT_THAT(naumenko->aliases(),
              ElementsAre("Александр Викторович НАУМЕНКО",
                          "Владимир Николаевич ДУБОВКА",
                          "Володимир Миколайович ДУБОВКА", "Иван КУСОВ",
                          "Iван КУСОВ", "Lesya TARASYUK", "Анатолий ВАССЕРМАН",
                          "Анатолiй ВАССЕРМАН"));
  EXPECT_THAT(naumenko->weak_aliases(), ElementsAre("Vova"));
  const v1::Actor* juhang = FindActor(r->dataset, "EU-32099R0002-I-2");
  ASSERT_NE(juhang, nullptr);
  EXPECT_THAT(juhang->aliases(),
              ElementsAre("巨航航空科技（深圳）有限公司", "Juhang Aviation"));
  EXPECT_THAT(r->report.notes,
              Contains(HasSubstr("2 alias value(s) that are only a label")));
  // The name, ДУБОВКА, КУСОВ and ВАССЕРМАН ("Married name:" holds one).
  EXPECT_THAT(r->report.notes, Contains(HasSubstr("4 name or alias value(s) "
                                                  "holding several names")));
}

// On the real Ukraine annex: no alias is a bare label, and the Russian and
// Ukrainian spellings of one person are two aliases (line 1721 of the file,
// record 1792: "Иван Сергеевич КУСОВ Ukrainian: Iван Сергійович КУСОВ").
TEST(EuCsvTest, UkraineAnnexNamesSplit) {
  absl::StatusOr<ImportResult> r = ImportEuCsv(DataDir() + "/eu/32014R0269.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* kusov = FindActor(r->dataset, "EU-32014R0269-I.PERSONS-1792");
  ASSERT_NE(kusov, nullptr);
  EXPECT_EQ(kusov->name(), "Ivan Sergeevich KUSOV");
  EXPECT_THAT(kusov->aliases(), Contains("Иван Сергеевич КУСОВ"));
  EXPECT_THAT(kusov->aliases(), Contains("Iван Сергійович КУСОВ"));
  for (const v1::Actor& a : r->dataset.actors()) {
    for (const std::string& alias : a.aliases()) {
      EXPECT_NE(alias, "Chinese:") << a.id();
      EXPECT_NE(alias, "Text of image") << a.id();
      EXPECT_FALSE(absl::StrContains(alias, " / ")) << a.id() << " " << alias;
    }
  }
}

TEST(EuCsvTest, RefusesWhatIsNotAnAnnexFile) {
  absl::StatusOr<ImportResult> r =
      ImportEuCsv(WriteTemp("bad_header.csv", "a,b,c\n1,2,3\n"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("bad_header.csv:1:"));
  std::string latin1 = std::string(kHeader) + "32099R0001,1,EU-PRK,I,Asset freeze,1.1.2020,,Person,Jos\xE9,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  r = ImportEuCsv(WriteTemp("latin1.csv", latin1));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("latin1.csv:2:"));
  std::string cut = std::string(kHeader) + "32099R0001,1,EU-PRK,I,Asset freeze,1.1.2020,\"unfinished";
  r = ImportEuCsv(WriteTemp("cut.csv", cut));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(r.status().message(), HasSubstr("cut.csv:2:"));
}

}  // namespace
}  // namespace embargo
