// Tests for the FtM schemata compiled into the library
// (lib/io/import/ftm_builtin_model.cc) and for what the FtM importer keeps
// as evidence: referents, datasets, first/last seen, designation reasons.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "embargo/import/ftm.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using testing_import::CheckValid;
using testing_import::FindActor;
using testing_import::WriteTemp;

const std::string kFtmDir = std::string(EMBARGO_SHARED_DATA_DIR) + "/ftm";
const std::string kPeps =
    std::string(EMBARGO_SHARED_DATA_DIR) + "/opensanctions/wd_peps_2024-03";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every schema of defaultModel.json is in the built-in model with the same
// ancestry, edge, temporal extent and property types.
TEST(FtmBuiltinModelTest, AgreesWithDefaultModelJson) {
  const FtmModel& b = FtmModel::BuiltIn();
  absl::StatusOr<FtmModel> file = FtmModel::Load(kFtmDir + "/defaultModel.json");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(b.size(), file->size());
  EXPECT_EQ(b.size(), 70u);
  EXPECT_STREQ(FtmModel::BuiltInVersion(), "3.8.4");
  nlohmann::json j = nlohmann::json::parse(ReadAll(kFtmDir + "/defaultModel.json"));
  std::vector<std::string> names;
  for (const auto& [name, s] : j["schemata"].items()) names.push_back(name);
  ASSERT_EQ(names.size(), 70u);
  int checked = 0;
  for (const std::string& s : names) {
    ASSERT_TRUE(b.Has(s)) << s;
    for (const std::string& a : names) {
      EXPECT_EQ(b.IsA(s, a), file->IsA(s, a)) << s << " / " << a;
    }
    const FtmModel::Edge* e1 = b.EdgeOf(s);
    const FtmModel::Edge* e2 = file->EdgeOf(s);
    ASSERT_EQ(e1 == nullptr, e2 == nullptr) << s;
    if (e1 != nullptr) {
      EXPECT_EQ(e1->source, e2->source);
      EXPECT_EQ(e1->target, e2->target);
      EXPECT_EQ(e1->label, e2->label);
      EXPECT_EQ(e1->directed, e2->directed);
    }
    EXPECT_EQ(b.TemporalStart(s), file->TemporalStart(s)) << s;
    EXPECT_EQ(b.TemporalEnd(s), file->TemporalEnd(s)) << s;
    for (const auto& [prop, p] : j["schemata"][s]["properties"].items()) {
      const FtmModel::Property* q = b.FindProperty(s, prop);
      ASSERT_NE(q, nullptr) << s << ":" << prop;
      EXPECT_EQ(q->type, p.value("type", "")) << s << ":" << prop;
      EXPECT_EQ(q->range, p.value("range", "")) << s << ":" << prop;
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
  // Spot checks by hand from schema/*.yaml.
  EXPECT_TRUE(b.IsA("Company", "LegalEntity"));
  EXPECT_TRUE(b.IsA("Vessel", "Thing"));
  EXPECT_TRUE(b.IsA("Passport", "Identification"));
  EXPECT_FALSE(b.IsA("Person", "Organization"));
  ASSERT_NE(b.EdgeOf("Ownership"), nullptr);
  EXPECT_EQ(b.EdgeOf("Ownership")->source, "owner");
  EXPECT_EQ(b.EdgeOf("Ownership")->target, "asset");
  EXPECT_EQ(b.FindProperty("Person", "weakAlias")->type, "name");
}

// The zala export imports the same with the built-in model as with the file.
TEST(FtmBuiltinModelTest, ZalaImportsAsWithTheModelFile) {
  absl::StatusOr<FtmModel> file = FtmModel::Load(kFtmDir + "/defaultModel.json");
  ASSERT_TRUE(file.ok());
  absl::StatusOr<ImportResult> a =
      ImportFtmJson(kFtmDir + "/zala_entities.ftm.json");
  absl::StatusOr<ImportResult> b =
      ImportFtmJson(kFtmDir + "/zala_entities.ftm.json", *file);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(a->dataset.SerializeAsString(), b->dataset.SerializeAsString());
  EXPECT_EQ(a->report.rows_read, 91);
  EXPECT_TRUE(a->report.Reconciles());
  EXPECT_TRUE(CheckValid(*a, "zala").ok()) << CheckValid(*a, "zala");
}

// The Wikidata PEP export: persons with their datasets and seen dates kept
// as evidence.
TEST(FtmBuiltinModelTest, WikidataPepsWithoutAModel) {
  absl::StatusOr<ImportResult> r = ImportFtmJson(kPeps + "/entities.ftm.json");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 1565);
  EXPECT_TRUE(r->report.Reconciles());
  const v1::Actor* a = FindActor(r->dataset, "FTM-Q100456396");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name(), "Bussma Ahmed Bugis");
  EXPECT_EQ(a->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_TRUE(testing_import::HasIdentifier(*a, "WIKIDATA", "Q100456396"));
  ASSERT_EQ(a->evidence_size(), 1);
  EXPECT_THAT(a->evidence(0).locator(),
              HasSubstr("first seen 2024-03-14T11:31:42; last seen "
                        "2024-03-14T11:31:42; last change 2024-03-14T11:31:42"));
  EXPECT_THAT(a->evidence(0).via_source_ids(),
              Contains("FTM-DATASET-sa_wiki_peps_v2"));
  bool dataset_source = false;
  for (const v1::Source& s : r->dataset.sources()) {
    dataset_source |= s.id() == "FTM-DATASET-sa_wiki_peps_v2";
  }
  EXPECT_TRUE(dataset_source);
  EXPECT_TRUE(CheckValid(*r, "peps").ok()) << CheckValid(*r, "peps");
}

// The PEP export names some properties twice in one entity, with other
// values each time (38 entities, 88 values): both are kept. Q22277745 has
// "alias": ["Ola Alfares"] and later "alias": ["علا تحسين عبد الرؤوف الفارس"].
TEST(FtmBuiltinModelTest, PropertiesNamedTwiceKeepBothValues) {
  absl::StatusOr<ImportResult> r = ImportFtmJson(kPeps + "/entities.ftm.json");
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* a = FindActor(r->dataset, "FTM-Q22277745");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name(), "Ola Al-Fares");
  EXPECT_THAT(a->aliases(), Contains("Ola Alfares"));
  EXPECT_THAT(a->aliases(), Contains("علا تحسين عبد الرؤوف الفارس"));
}

// Referents become FTM_REFERENT identifiers; a sanction's reason is its
// evidence's quote.
TEST(FtmBuiltinModelTest, ReferentsAndReasons) {
  const std::string path = WriteTemp(
      "ftm_builtin_referents.ftm.json",
      R"({"id":"NK-1","schema":"Company","caption":"Acme Shipping","properties":{"name":["Acme Shipping"]},"referents":["ofac-12345","gb-hmt-999"],"datasets":["us_ofac_sdn","gb_hmt_sanctions"],"first_seen":"2023-01-02T00:00:00","last_seen":"2024-02-03T00:00:00","last_change":"2023-06-01T00:00:00"}
{"id":"s-1","schema":"Sanction","properties":{"entity":["NK-1"],"authority":["Office of Foreign Assets Control"],"program":["DPRK3"],"reason":["Vessels of the company carried munitions from the DPRK to Russia."],"listingDate":["2023-05-01"]},"datasets":["us_ofac_sdn"]}
)");
  absl::StatusOr<ImportResult> r = ImportFtmJson(path);
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* a = FindActor(r->dataset, "FTM-NK-1");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(testing_import::HasIdentifier(*a, "FTM_REFERENT", "ofac-12345"));
  EXPECT_TRUE(testing_import::HasIdentifier(*a, "FTM_REFERENT", "gb-hmt-999"));
  EXPECT_EQ(a->evidence(0).via_source_ids_size(), 2);
  ASSERT_EQ(r->dataset.sanctions_size(), 1);
  const v1::Sanction& s = r->dataset.sanctions(0);
  EXPECT_EQ(s.program(), "DPRK3");
  EXPECT_EQ(s.authority_id(), "OFAC");
  EXPECT_EQ(s.evidence(0).quote(),
            "Vessels of the company carried munitions from the DPRK to Russia.");
  EXPECT_EQ(s.listed().year(), 2023);
  EXPECT_TRUE(CheckValid(*r, "referents").ok()) << CheckValid(*r, "referents");
}

}  // namespace
}  // namespace embargo
