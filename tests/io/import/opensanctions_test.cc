// Tests for the OpenSanctions export importers (lib/io/import/
// opensanctions_csv.cc, ftm_nested.cc) on the Wikidata PEP fixtures and on
// small hand-made files with bad rows.

#include "embargo/import/opensanctions.h"

#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing_import::CheckValid;
using testing_import::FindActor;
using testing_import::HasIdentifier;
using testing_import::WriteTemp;

const std::string kPeps =
    std::string(EMBARGO_SHARED_DATA_DIR) + "/opensanctions/wd_peps_2024-03";

int CountKind(const v1::Dataset& ds, v1::RelationKind kind) {
  int n = 0;
  for (const v1::Relation& r : ds.relations()) n += r.kind() == kind;
  return n;
}

TEST(OpenSanctionsFormatTest, RecognisedByName) {
  EXPECT_EQ(OpenSanctionsFormat("a/b/targets.simple.csv"), "os-simple");
  EXPECT_EQ(OpenSanctionsFormat("targets.nested.json"), "ftm-nested");
  EXPECT_EQ(OpenSanctionsFormat("x/statements.csv"), "os-statements");
  EXPECT_EQ(OpenSanctionsFormat("x/entities.ftm.json"), "ftm");
  EXPECT_EQ(OpenSanctionsFormat("sdn.csv"), "");
}

TEST(OpenSanctionsSimpleCsvTest, WikidataPeps) {
  absl::StatusOr<ImportResult> r =
      ImportOpenSanctionsSimpleCsv(kPeps + "/targets.simple.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.format, "os-simple");
  EXPECT_EQ(r->report.rows_read, 5);
  EXPECT_EQ(r->report.rows_imported, 5);
  EXPECT_TRUE(r->report.Reconciles());
  const v1::Actor* a = FindActor(r->dataset, "FTM-Q296771");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name(), "Saad Hariri");
  EXPECT_EQ(a->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_THAT(a->aliases(), ::testing::UnorderedElementsAre("Hariri", "Sa'd al-Din"));
  EXPECT_EQ(a->country(), "FRA");  // The first of fr;lb;sa.
  EXPECT_EQ(a->born().year(), 1970);
  EXPECT_EQ(a->born().month(), 4);
  EXPECT_EQ(a->born().day(), 18);
  EXPECT_TRUE(HasIdentifier(*a, "IDENTIFIER", "Q296771"));
  EXPECT_THAT(a->evidence(0).locator(), HasSubstr("line 2 (Q296771)"));
  EXPECT_THAT(a->evidence(0).locator(), HasSubstr("first seen 2024-03-10T15:36:30"));
  EXPECT_THAT(a->evidence(0).via_source_ids(),
              ::testing::Contains("FTM-DATASET-Wikidata Politically Exposed Persons"));
  EXPECT_TRUE(CheckValid(*r, "simple").ok()) << CheckValid(*r, "simple");
}

TEST(OpenSanctionsSimpleCsvTest, BadRowsAreCountedAndTheRestGoOn) {
  const std::string path = WriteTemp(
      "bad_targets.simple.csv",
      "\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\",\"identifiers\",\"sanctions\",\"phones\",\"emails\",\"program_ids\",\"dataset\",\"first_seen\",\"last_seen\",\"last_change\"\n"
      "\"NK-1\",\"Company\",\"Acme\",\"\",\"\",\"kp\",\"\",\"123\",\"OFAC - DPRK3 - ships munitions\",\"\",\"\",\"US-DPRK3\",\"US OFAC SDN\",\"2023-01-01\",\"2024-01-01\",\"2023-01-01\"\n"
      "\"NK-2\",\"Company\",\"short row\"\n"
      "\"NK-3\",\"Spaceship\",\"Bad schema\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
      "\"NK-4\",\"Person\",\"Kim\",\"K;Kim Il\",\"1970\",\"xx;kp\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
  absl::StatusOr<ImportResult> r = ImportOpenSanctionsSimpleCsv(path);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 4);
  EXPECT_EQ(r->report.rows_imported, 2);
  ASSERT_EQ(r->report.rows_rejected(), 2);
  EXPECT_EQ(r->report.rejected[0].line, 3);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("3 fields; the header has 16"));
  EXPECT_EQ(r->report.rejected[1].line, 4);
  EXPECT_THAT(r->report.rejected[1].reason, HasSubstr("Spaceship"));
  const v1::Actor* acme = FindActor(r->dataset, "FTM-NK-1");
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->country(), "PRK");
  EXPECT_THAT(acme->note(), HasSubstr("ships munitions"));
  EXPECT_THAT(acme->note(), HasSubstr("US-DPRK3"));
  EXPECT_EQ(r->dataset.sanctions_size(), 0);
  const v1::Actor* kim = FindActor(r->dataset, "FTM-NK-4");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->country(), "PRK");
  EXPECT_EQ(kim->born().year(), 1970);
}

TEST(FtmNestedJsonTest, WikidataPeps) {
  absl::StatusOr<ImportResult> r =
      ImportFtmNestedJson(kPeps + "/targets.nested.json");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.format, "ftm-nested");
  // 5 lines holding 18 entities: 9 persons, 4 family links, 5 occupancies
  // (of positions the file does not hold).
  EXPECT_EQ(r->report.rows_read, 18);
  EXPECT_TRUE(r->report.Reconciles());
  int persons = 0;
  for (const v1::Actor& a : r->dataset.actors()) {
    persons += a.kind() == v1::ACTOR_KIND_PERSON;
  }
  EXPECT_EQ(persons, 9);
  EXPECT_EQ(CountKind(r->dataset, v1::RELATION_KIND_FAMILY), 4);
  EXPECT_NE(FindActor(r->dataset, "FTM-Q20424718"), nullptr);  // Nested mother.
  EXPECT_TRUE(CheckValid(*r, "nested").ok()) << CheckValid(*r, "nested");
}

TEST(OpenSanctionsStatementsTest, WikidataPeps) {
  absl::StatusOr<ImportResult> r =
      ImportOpenSanctionsStatements(kPeps + "/statements.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.format, "os-statements");
  // 192 statements of 23 entities: 9 persons, 5 positions, 5 occupancies,
  // 4 family links.
  EXPECT_EQ(r->report.rows_read, 23);
  EXPECT_TRUE(r->report.Reconciles());
  const v1::Actor* a = FindActor(r->dataset, "FTM-Q61589");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name(), "Salih");  // No caption: the first name statement.
  EXPECT_EQ(a->country(), "SAU");
  EXPECT_EQ(a->born().year(), 1933);
  EXPECT_THAT(a->evidence(0).locator(), HasSubstr("line 1 (Q61589)"));
  EXPECT_THAT(a->evidence(0).via_source_ids(),
              ::testing::Contains("FTM-DATASET-wd_persons"));
  EXPECT_EQ(CountKind(r->dataset, v1::RELATION_KIND_FAMILY), 4);
  EXPECT_TRUE(CheckValid(*r, "statements").ok()) << CheckValid(*r, "statements");
}

TEST(OpenSanctionsStatementsTest, HeaderAndBadLines) {
  const std::string path = WriteTemp(
      "bad_statements.csv",
      "id,entity_id,canonical_id,prop,prop_type,schema,value,dataset,lang,original_value,target,external,first_seen,last_seen\n"
      "s1,NK-1,NK-1,name,name,Company,Acme Shipping,us_ofac_sdn,,,t,f,2023-01-01,2024-01-01\n"
      "s2,NK-1,NK-1,country,country,Company,kp,un_sc_sanctions,,,t,f,2022-05-01,2024-02-01\n"
      "s3,NK-1\n"
      "s4,,,name,name,Person,Nobody,x,,,t,f,2023-01-01,2024-01-01\n"
      "s5,P-1,P-1,name,name,Person,Kim,us_ofac_sdn,,,t,f,2023-01-01,2024-01-01\n"
      "s6,P-1,P-1,name,name,Gizmo,Kim,us_ofac_sdn,,,t,f,2023-01-01,2024-01-01\n");
  absl::StatusOr<ImportResult> r = ImportOpenSanctionsStatements(path);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 5);  // 2 entities + 3 bad lines.
  EXPECT_EQ(r->report.rows_imported, 2);
  ASSERT_EQ(r->report.rows_rejected(), 3);
  EXPECT_EQ(r->report.rejected[0].line, 4);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("2 fields"));
  EXPECT_EQ(r->report.rejected[1].line, 5);
  EXPECT_THAT(r->report.rejected[1].reason, HasSubstr("without an entity id"));
  EXPECT_EQ(r->report.rejected[2].line, 7);
  EXPECT_THAT(r->report.rejected[2].reason, HasSubstr("Gizmo"));
  const v1::Actor* a = FindActor(r->dataset, "FTM-NK-1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->country(), "PRK");
  EXPECT_THAT(a->evidence(0).locator(),
              HasSubstr("first seen 2022-05-01; last seen 2024-02-01"));
  EXPECT_EQ(a->evidence(0).via_source_ids_size(), 2);
}

}  // namespace
}  // namespace embargo
