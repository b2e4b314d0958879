// Tests for the FollowTheMoney importer (lib/io/import/ftm_json.cc,
// lib/io/import/ftm_model.cc): the FtM model, the ZALA and t1 OpenSanctions
// exports, and small hand-made files for each quirk.

#include "embargo/import/ftm.h"

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing_import::CheckValid;
using testing_import::FindActor;
using testing_import::WriteTemp;

const std::string kFtmDir = std::string(EMBARGO_SHARED_DATA_DIR) + "/ftm";
const std::string kModel = kFtmDir + "/defaultModel.json";
const std::string kZala = kFtmDir + "/zala_entities.ftm.json";
const std::string kT1 = kFtmDir + "/t1_entities.ftm.json";

const FtmModel& Model() {
  static const FtmModel* model = [] {
    absl::StatusOr<FtmModel> m = FtmModel::Load(kModel);
    EXPECT_TRUE(m.ok()) << m.status();
    return new FtmModel(std::move(*m));
  }();
  return *model;
}

const v1::Relation* FindRelation(const v1::Dataset& ds, absl::string_view id) {
  for (const v1::Relation& r : ds.relations()) {
    if (r.id() == id) return &r;
  }
  return nullptr;
}

bool HasIdentifier(const v1::Actor& a, absl::string_view scheme,
                   absl::string_view value) {
  for (const v1::Identifier& id : a.identifiers()) {
    if (id.scheme() == scheme && id.value() == value) return true;
  }
  return false;
}

absl::StatusOr<ImportResult> ImportLines(const std::vector<std::string>& lines,
                                         const FtmOptions& options = {}) {
  const std::string text = absl::StrJoin(lines, "\n") + "\n";
  return ImportFtmJson(WriteTemp("input.ftm.json", text), Model(), options);
}

// Two companies and a person, for the hand-made files.
const std::string kPerson =
    R"({"id": "p1", "schema": "Person", "caption": "Ivan Petrov", )"
    R"("properties": {"name": ["Ivan Petrov", "Иван Петров"], )"
    R"("nationality": ["ru"], "birthDate": ["1970"], "innCode": ["7701"]}})";
const std::string kCompanyA =
    R"({"id": "c1", "schema": "Company", "properties": {"name": ["Alpha LLC"],)"
    R"( "jurisdiction": ["ru"], "incorporationDate": ["2001-05-03T00:00:00"]}})";
const std::string kCompanyB =
    R"({"id": "c2", "schema": "Company", "properties": {"name": ["Beta JSC"],)"
    R"( "country": ["kp"], "imoNumber": ["9234567"]}})";

std::string Ownership(absl::string_view id, absl::string_view owner,
                      absl::string_view asset, absl::string_view percentage) {
  return absl::StrCat(R"({"id": ")", id, R"(", "schema": "Ownership", )",
                      R"("properties": {"owner": [")", owner,
                      R"("], "asset": [")", asset, R"("], "percentage": [")",
                      percentage, R"("]}})");
}

// --- The model ---------------------------------------------------------------

TEST(FtmModelTest, InheritanceByWalkingExtends) {
  const FtmModel& m = Model();
  EXPECT_EQ(m.size(), 70u);
  EXPECT_TRUE(m.IsA("Company", "LegalEntity"));  // Company > Organization.
  EXPECT_TRUE(m.IsA("Company", "Asset"));
  EXPECT_TRUE(m.IsA("Company", "Thing"));
  EXPECT_TRUE(m.IsA("Passport", "Interval"));
  EXPECT_FALSE(m.IsA("Vessel", "LegalEntity"));
  EXPECT_FALSE(m.IsA("Nope", "Thing"));
  const FtmModel::Edge* edge = m.EdgeOf("Ownership");
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->source, "owner");
  EXPECT_EQ(edge->target, "asset");
  EXPECT_EQ(m.EdgeOf("Person"), nullptr);
  const FtmModel::Property* inn = m.FindProperty("Company", "innCode");
  ASSERT_NE(inn, nullptr);  // Defined on LegalEntity.
  EXPECT_EQ(inn->type, "identifier");
  EXPECT_THAT(m.TemporalStart("Person"), Contains("birthDate"));
  EXPECT_THAT(m.TemporalStart("Ownership"), Contains("startDate"));
  EXPECT_THAT(m.TemporalEnd("Sanction"), Contains("endDate"));
}

TEST(FtmModelTest, SchemataOnlyAHandMadeModelKnowsAreImportedByTheirAncestry) {
  // "ShellCompany" and "Stake" exist only in this model: the importer must
  // learn from `extends` that one is a company and the other an ownership
  // edge (inheriting its owner -> asset ends).
  const std::string model_json = R"({"schemata": {
    "Thing": {"extends": []},
    "Interval": {"extends": [], "temporalExtent":
        {"start": ["startDate"], "end": ["endDate"]}},
    "LegalEntity": {"extends": ["Thing"],
        "properties": {"innCode": {"type": "identifier"}}},
    "Organization": {"extends": ["LegalEntity"]},
    "Company": {"extends": ["Organization"]},
    "ShellCompany": {"extends": ["Company"]},
    "Ownership": {"extends": ["Interval"],
        "edge": {"source": "owner", "target": "asset", "label": "owns"}},
    "Stake": {"extends": ["Ownership"]}
  }})";
  absl::StatusOr<FtmModel> model = FtmModel::Parse(model_json, "mini.json");
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_TRUE(model->IsA("ShellCompany", "LegalEntity"));
  ASSERT_NE(model->EdgeOf("Stake"), nullptr);

  const std::string lines =
      R"({"id": "a", "schema": "ShellCompany", "properties": {"name": ["A"], "innCode": ["1"]}})"
      "\n"
      R"({"id": "b", "schema": "Company", "properties": {"name": ["B"]}})"
      "\n"
      R"({"id": "s", "schema": "Stake", "properties": {"owner": ["a"], "asset": ["b"], "percentage": ["60%"], "startDate": ["2020-02"]}})"
      "\n";
  absl::StatusOr<ImportResult> r =
      ImportFtmJson(WriteTemp("input.ftm.json", lines), *model, FtmOptions{});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_imported, 3) << r->report.Summary();
  const v1::Actor* a = FindActor(r->dataset, "FTM-a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind(), v1::ACTOR_KIND_COMPANY);
  EXPECT_TRUE(HasIdentifier(*a, "INN", "1"));
  const v1::Relation* stake = FindRelation(r->dataset, "FTM-s");
  ASSERT_NE(stake, nullptr);
  EXPECT_EQ(stake->kind(), v1::RELATION_KIND_OWNERSHIP);
  EXPECT_EQ(stake->subject_id(), "FTM-a");
  EXPECT_EQ(stake->object_id(), "FTM-b");
  EXPECT_DOUBLE_EQ(stake->share_percent(), 60);
  EXPECT_EQ(stake->period().start().year(), 2020);
  EXPECT_EQ(stake->period().start().month(), 2);
  EXPECT_EQ(stake->period().start().day(), 0);
  EXPECT_TRUE(CheckValid(*r, "mini").ok()) << CheckValid(*r, "mini");
}

TEST(FtmModelTest, BrokenModels) {
  absl::StatusOr<FtmModel> m = FtmModel::Parse(
      R"({"schemata": {"A": {"extends": ["Missing"]}}})", "bad.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(m.status().message(), HasSubstr("\"Missing\""));
  m = FtmModel::Parse(R"({"types": {}})", "bad.json");
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("no \"schemata\""));
  m = FtmModel::Parse(R"({"schemata": )", "bad.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  m = FtmModel::Load(kFtmDir + "/no-such-model.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kNotFound);
}

// --- The ZALA export ---------------------------------------------------------

class FtmZalaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<ImportResult> r = ImportFtmJson(kZala, Model());
    ASSERT_TRUE(r.ok()) << r.status();
    result_ = new ImportResult(std::move(*r));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const ImportResult& result() { return *result_; }
  static const v1::Dataset& ds() { return result_->dataset; }

 private:
  static ImportResult* result_;
};
ImportResult* FtmZalaTest::result_ = nullptr;

constexpr absl::string_view kZakharov = "FTM-NK-aU5ybkbRFJucf8YMwsJvDw";
constexpr absl::string_view kCst = "FTM-NK-abdzbEBkqyT29GyREbiURZ";

// FtM's weakAlias values are kept apart as weak aliases, not aliases.
TEST_F(FtmZalaTest, WeakAliasesAreMarked) {
  const v1::Actor* cst = FindActor(ds(), std::string(kCst));
  ASSERT_NE(cst, nullptr);
  EXPECT_THAT(cst->weak_aliases(), ::testing::Contains("ZALA"));
  EXPECT_THAT(cst->weak_aliases(), ::testing::Contains("CST"));
  EXPECT_THAT(cst->aliases(), ::testing::Not(::testing::Contains("ZALA")));
  EXPECT_THAT(cst->aliases(), ::testing::Contains("Zala Aero Group"));
}

// A sanction's reason is its evidence's quote and is not repeated in the
// remarks (which keep the summary and provisions).
TEST_F(FtmZalaTest, ReasonIsTheQuoteNotARemark) {
  int with_reason = 0;
  for (const v1::Sanction& s : ds().sanctions()) {
    ASSERT_GT(s.evidence_size(), 0);
    const std::string& quote = s.evidence(0).quote();
    if (quote.empty()) continue;
    ++with_reason;
    EXPECT_THAT(s.remarks(), Not(HasSubstr(quote))) << s.id();
  }
  EXPECT_GT(with_reason, 0);
}

TEST_F(FtmZalaTest, RowsReconcile) {
  const ImportReport& rep = result().report;
  EXPECT_EQ(rep.format, "ftm");
  EXPECT_EQ(rep.rows_read, 91);
  EXPECT_EQ(rep.rows_imported, 90);
  ASSERT_EQ(rep.rows_rejected(), 1) << rep.Summary();
  // The one Passport has a holder but no number.
  EXPECT_EQ(rep.rejected[0].line, 45);
  EXPECT_THAT(rep.rejected[0].reason, HasSubstr("Passport without a number"));
  EXPECT_TRUE(rep.Reconciles());
  EXPECT_EQ(rep.records.at("sanction"), 41);
  EXPECT_EQ(rep.records.at("relation"), 21);
  // The file and its 27 OpenSanctions datasets (via sources of the evidence).
  EXPECT_EQ(rep.records.at("source"), 28);
  EXPECT_EQ(rep.records.at("actor"), ds().actors_size());
}

TEST_F(FtmZalaTest, EntitiesBecomeActorsOfTheirKind) {
  std::map<v1::ActorKind, int> kinds;
  for (const v1::Actor& a : ds().actors()) {
    if (absl::StartsWith(a.id(), "FTM-NK-") ||
        absl::StartsWith(a.id(), "FTM-ru-")) {
      ++kinds[a.kind()];
    }
  }
  EXPECT_EQ(kinds[v1::ACTOR_KIND_PERSON], 6);
  EXPECT_EQ(kinds[v1::ACTOR_KIND_COMPANY], 11);

  const v1::Actor* z = FindActor(ds(), kZakharov);
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z->kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(z->name(), "Alexander Vyacheslavovich ZAKHAROV");
  EXPECT_EQ(z->country(), "RUS");
  EXPECT_EQ(z->born().year(), 1965);
  EXPECT_EQ(z->born().month(), 9);
  EXPECT_EQ(z->born().day(), 21);
  EXPECT_TRUE(HasIdentifier(*z, "FTM_ID", "NK-aU5ybkbRFJucf8YMwsJvDw"));
  // Referents name the list entries OpenSanctions merged: his OFAC entry.
  EXPECT_TRUE(HasIdentifier(*z, "FTM_REFERENT", "ofac-45937"));
  EXPECT_GT(z->aliases_size(), 0);
  const v1::Actor* rus = FindActor(ds(), "RUS");
  ASSERT_NE(rus, nullptr);
  EXPECT_EQ(rus->kind(), v1::ACTOR_KIND_STATE);

  const v1::Actor* cst = FindActor(ds(), kCst);
  ASSERT_NE(cst, nullptr);
  EXPECT_EQ(cst->kind(), v1::ACTOR_KIND_COMPANY);
  EXPECT_EQ(cst->country(), "RUS");
  bool has_ogrn = false;
  for (const v1::Identifier& id : cst->identifiers()) {
    if (id.scheme() == "OGRN") has_ogrn = true;
    EXPECT_NE(id.scheme(), "PROGRAM_ID");
  }
  EXPECT_TRUE(has_ogrn);
  // Addresses come from the Address entities the company names.
  EXPECT_GT(cst->addresses_size(), 0);
}

TEST_F(FtmZalaTest, OwnershipPercentagesAreNumbers) {
  std::map<std::string, double> shares;  // asset -> share held by Zakharov
  int ownerships = 0;
  for (const v1::Relation& r : ds().relations()) {
    if (r.kind() != v1::RELATION_KIND_OWNERSHIP) continue;
    ++ownerships;
    if (r.subject_id() == kZakharov && r.object_id() != kCst) {
      shares[r.object_id()] = r.share_percent();
    }
  }
  EXPECT_EQ(ownerships, 14);
  EXPECT_DOUBLE_EQ(shares["FTM-NK-iE6m5ryPeTAMZozfECVSL7"], 100);
  EXPECT_DOUBLE_EQ(shares["FTM-NK-9Xa4Kg7Y7nfccE7VcZt6Q6"], 75);
  EXPECT_DOUBLE_EQ(shares["FTM-ru-inn-5920040846"], 100);
  EXPECT_DOUBLE_EQ(shares["FTM-NK-ERScv7cLkkvZ3ejz7xiToj"], 100);
  EXPECT_DOUBLE_EQ(shares["FTM-NK-cPks3aTbes8k4aCerfBAzN"], 0);  // None given.

  // The register lists LLC CST's holders several times over: Zakharov's
  // successive holdings 50, 48 and 51 % (periods that overlap), besides
  // 49, 2 and 1 % of three other owners. One owner's records do not add up;
  // the shares stay as the register gives them.
  std::multiset<double> cst_shares;
  std::vector<std::string> cst_roles;
  for (const v1::Relation& r : ds().relations()) {
    if (r.kind() == v1::RELATION_KIND_OWNERSHIP && r.object_id() == kCst) {
      if (r.share_percent() > 0) cst_shares.insert(r.share_percent());
      cst_roles.push_back(r.role());
    }
  }
  EXPECT_THAT(cst_shares, ElementsAre(1, 2, 48, 49, 50, 51));
  EXPECT_THAT(cst_roles, Contains("subsidiary of"));
  for (const std::string& role : cst_roles) {
    EXPECT_THAT(role, Not(HasSubstr("share "))) << "share kept as text";
  }
  // Each owner counted once with its largest share, the register's start
  // dates still make 51 + 49 + 2 + 1 = 103 % from 2022-01-17: noted, naming
  // the file, the asset, the field and the records; nothing set to unknown.
  EXPECT_THAT(result().report.notes,
              Contains(AllOf(HasSubstr(kZala), HasSubstr(std::string(kCst)),
                             HasSubstr("percentage"), HasSubstr("sum to 103%"),
                             HasSubstr("2022-01-17"),
                             HasSubstr("FTM-ru-dfe0a021cb69f99e198bb8cbbcb93e81130b32a7"),
                             HasSubstr("kept as the source gives them"))));
  EXPECT_THAT(result().report.notes, Not(Contains(HasSubstr("set to unknown"))));
  // The shares pass validation: reported stakes may contradict each other.
  DatasetFile f;
  f.path = std::string(kZala);
  f.dataset = ds();
  EXPECT_TRUE(Validate({f}).ok()) << Validate({f});
}

TEST_F(FtmZalaTest, FamilyAndDirectorship) {
  int family = 0, directorship = 0;
  for (const v1::Relation& r : ds().relations()) {
    if (r.kind() == v1::RELATION_KIND_FAMILY) {
      ++family;
      EXPECT_EQ(r.object_id(), kZakharov);  // person -> relative
      EXPECT_EQ(r.role(), "Family member of");
      EXPECT_EQ(r.status(), v1::STATUS_REPORTED);
    }
    if (r.kind() == v1::RELATION_KIND_DIRECTORSHIP) {
      ++directorship;
      EXPECT_FALSE(r.role().empty());
    }
  }
  EXPECT_EQ(family, 4);
  EXPECT_EQ(directorship, 3);
}

TEST_F(FtmZalaTest, SanctionsPerProgrammeAndAuthority) {
  std::map<std::string, int> programs, authorities;
  for (const v1::Sanction& s : ds().sanctions()) {
    ++programs[s.program()];
    ++authorities[s.authority_id()];
    EXPECT_EQ(s.status(), v1::STATUS_CONFIRMED);
    // Dated by the list, or (no listing date given) listed no later than
    // the day the publisher first saw it; never both.
    EXPECT_NE(s.listed().year() > 2000, s.listed_no_later_than().year() > 2000)
        << s.id();
    EXPECT_GT(s.measures_size(), 0);
  }
  EXPECT_EQ(programs["EU-UKR"], 7);
  EXPECT_EQ(programs["SECO-UKRAINE"], 4);
  EXPECT_EQ(programs["NZ-RSA2022"], 4);
  EXPECT_EQ(programs["US-RUSHAR"], 3);
  EXPECT_EQ(programs["UA-SA1644"], 3);
  EXPECT_EQ(programs["GB-RUS"], 2);
  EXPECT_EQ(programs["Reciprocal"], 5);
  EXPECT_EQ(authorities["OFAC"], 8);
  EXPECT_EQ(authorities["EU"], 3);
  EXPECT_EQ(authorities["UK"], 2);
  EXPECT_EQ(authorities["FTM-AUTH-che-state-secretariat-for-economic-affairs"],
            4);
  const v1::Actor* ofac = FindActor(ds(), "OFAC");
  ASSERT_NE(ofac, nullptr);
  EXPECT_EQ(ofac->kind(), v1::ACTOR_KIND_GOVERNMENT_BODY);
  EXPECT_EQ(ofac->country(), "USA");
  const v1::Actor* eu = FindActor(ds(), "EU");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);
  // Accents fold into the id; the country keeps ministries apart.
  EXPECT_NE(FindActor(ds(), "FTM-AUTH-fra-direction-generale-du-tresor"),
            nullptr);
  EXPECT_NE(FindActor(ds(), "FTM-AUTH-jpn-ministry-of-finance"), nullptr);

  // UK FCDO listing: asset freeze and travel ban from its provisions.
  bool uk_checked = false;
  for (const v1::Sanction& s : ds().sanctions()) {
    if (s.authority_id() == "UK" && s.program() == "GB-RUS") {
      EXPECT_EQ(s.listed().year(), 2023);
      uk_checked = true;
    }
    if (s.program() == "UA-SA1644" && s.delisted().year() != 0) {
      EXPECT_GE(s.delisted().year(), s.listed().year());
    }
  }
  EXPECT_TRUE(uk_checked);
}

TEST_F(FtmZalaTest, ValidatesAndBuildsAGraph) {
  absl::Status s = CheckValid(result(), kZala);
  EXPECT_TRUE(s.ok()) << s;
  GraphBuilder builder;
  builder.AddDataset(ds(), kZala);
  absl::StatusOr<Graph> graph = builder.Build();
  ASSERT_TRUE(graph.ok()) << graph.status();
  EXPECT_TRUE(graph->FindNode(kZakharov).has_value());
  EXPECT_TRUE(graph->FindNode("OFAC").has_value());
}

TEST(FtmT1Test, TinyFixture) {
  absl::StatusOr<ImportResult> r = ImportFtmJson(kT1, Model());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 7);
  EXPECT_EQ(r->report.rows_imported, 6);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_THAT(r->report.rejected[0].reason,
              HasSubstr("Address that no actor of the file names"));
  EXPECT_TRUE(r->report.Reconciles());
  const v1::Actor* org = FindActor(r->dataset, "FTM-NK-2GdmHtZTeNXjNVrBGEXZNj");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->kind(), v1::ACTOR_KIND_ORGANIZATION);
  EXPECT_EQ(org->country(), "BLR");
  EXPECT_TRUE(HasIdentifier(*org, "REGISTRATION", "808000714"));
  EXPECT_TRUE(CheckValid(*r, kT1).ok()) << CheckValid(*r, kT1);
}

// --- Hand-made files, one quirk each -------------------------------------------

TEST(FtmPercentageTest, Forms) {
  EXPECT_EQ(ParseFtmPercentage("50"), 50.0);
  EXPECT_EQ(ParseFtmPercentage("50.5%"), 50.5);
  EXPECT_EQ(ParseFtmPercentage("50.5"), 50.5);
  EXPECT_EQ(ParseFtmPercentage("51%"), 51.0);
  EXPECT_EQ(ParseFtmPercentage("51 %"), 51.0);
  EXPECT_EQ(ParseFtmPercentage(" 50,5 % "), 50.5);
  EXPECT_EQ(ParseFtmPercentage("100"), 100.0);
  std::optional<double> third = ParseFtmPercentage("1/3");
  ASSERT_TRUE(third.has_value());
  EXPECT_NEAR(*third, 33.3333, 1e-3);
  EXPECT_EQ(ParseFtmPercentage("0"), std::nullopt);
  EXPECT_EQ(ParseFtmPercentage("150"), std::nullopt);
  EXPECT_EQ(ParseFtmPercentage("-5"), std::nullopt);
  EXPECT_EQ(ParseFtmPercentage("1/0"), std::nullopt);
  EXPECT_EQ(ParseFtmPercentage("about half"), std::nullopt);
  EXPECT_EQ(ParseFtmPercentage(""), std::nullopt);
}

TEST(FtmQuirksTest, PercentStringsInAFile) {
  absl::StatusOr<ImportResult> r = ImportLines(
      {kPerson, kCompanyA, kCompanyB, Ownership("o1", "p1", "c1", "50.5%"),
       Ownership("o2", "p1", "c2", "1/3"),
       Ownership("o3", "c1", "c2", "about half")});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_imported, 6) << r->report.Summary();
  EXPECT_DOUBLE_EQ(FindRelation(r->dataset, "FTM-o1")->share_percent(), 50.5);
  EXPECT_NEAR(FindRelation(r->dataset, "FTM-o2")->share_percent(), 33.333,
              1e-3);
  const v1::Relation* vague = FindRelation(r->dataset, "FTM-o3");
  ASSERT_NE(vague, nullptr);
  EXPECT_EQ(vague->share_percent(), 0);
  EXPECT_EQ(vague->role(), "share about half");
  EXPECT_THAT(r->report.notes, Contains(HasSubstr("\"about half\"")));
  EXPECT_TRUE(CheckValid(*r, "q").ok()) << CheckValid(*r, "q");
}

TEST(FtmQuirksTest, ActorFieldsAndDates) {
  absl::StatusOr<ImportResult> r = ImportLines({kPerson, kCompanyA, kCompanyB});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* p = FindActor(r->dataset, "FTM-p1");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name(), "Ivan Petrov");
  EXPECT_THAT(p->aliases(), ::testing::ElementsAre("Иван Петров"));
  EXPECT_EQ(p->country(), "RUS");
  EXPECT_EQ(p->born().year(), 1970);
  EXPECT_EQ(p->born().month(), 0);
  EXPECT_TRUE(HasIdentifier(*p, "INN", "7701"));
  const v1::Actor* a = FindActor(r->dataset, "FTM-c1");
  EXPECT_EQ(a->born().year(), 2001);
  EXPECT_EQ(a->born().month(), 5);
  EXPECT_EQ(a->born().day(), 3);
  const v1::Actor* b = FindActor(r->dataset, "FTM-c2");
  EXPECT_EQ(b->country(), "PRK");
  EXPECT_TRUE(HasIdentifier(*b, "IMO", "9234567"));
  EXPECT_NE(FindActor(r->dataset, "PRK"), nullptr);
}

// What no field of the record holds is kept in the note by name: a
// position, a place of birth, a description, a second date of birth, a
// property no schema defines (OpenSanctions' Wikidata PEPs carry many).
TEST(FtmQuirksTest, PropertiesNoFieldHoldsAreInTheNote) {
  absl::StatusOr<ImportResult> r = ImportLines(
      {R"({"id": "p2", "schema": "Person", "properties": {"name": ["Olga Petrova"], )"
       R"("nationality": ["ru"], "birthDate": ["1970", "1971"], "innCode": ["7702"], )"
       R"("position": ["Deputy Minister"], "birthPlace": ["Tula"], "awards": ["Order X"], )"
       R"("programId": ["RU-2022"]}})"});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* p = FindActor(r->dataset, "FTM-p2");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->born().year(), 1970);
  EXPECT_TRUE(HasIdentifier(*p, "INN", "7702"));
  EXPECT_EQ(p->note(),
            "FtM Person; awards: Order X; birthDate: 1970, 1971; birthPlace: Tula; "
            "position: Deputy Minister; programId: RU-2022");  // In property order.
  // What a field holds is not repeated: names, identifiers, country, one date.
  absl::StatusOr<ImportResult> plain = ImportLines({kPerson});
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(FindActor(plain->dataset, "FTM-p1")->note(), "FtM Person");
  // On the Wikidata PEP export: the positions are kept.
  absl::StatusOr<ImportResult> peps = ImportFtmJson(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/opensanctions/wd_peps_2024-03/entities.ftm.json");
  ASSERT_TRUE(peps.ok()) << peps.status();
  const v1::Actor* q = FindActor(peps->dataset, "FTM-Q100579253");
  ASSERT_NE(q, nullptr);
  EXPECT_THAT(q->note(), HasSubstr("position: Founder and President of the National Home "
                                   "Health Care Foundation"));
  int positions = 0;
  for (const v1::Actor& a : peps->dataset.actors()) {
    positions += absl::StrContains(a.note(), "; position: ");
  }
  EXPECT_GT(positions, 300);
}

TEST(FtmQuirksTest, VesselWithAFlag) {
  const std::string vessel =
      R"({"id": "v1", "schema": "Vessel", "properties": {"name": ["CHON MA )"
      R"(SAN"], "imoNumber": ["8660313"], "flag": ["kp"], "buildDate": )"
      R"(["1978"]}})";
  absl::StatusOr<ImportResult> r = ImportLines({vessel});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Actor* v = FindActor(r->dataset, "FTM-v1");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->kind(), v1::ACTOR_KIND_VESSEL);  // Vessel > Vehicle > Asset.
  EXPECT_EQ(v->country(), "PRK");
  EXPECT_EQ(v->born().year(), 1978);
  EXPECT_TRUE(HasIdentifier(*v, "IMO", "8660313"));
  const v1::Relation* flag = FindRelation(r->dataset, "FTM-v1-flag-PRK");
  ASSERT_NE(flag, nullptr);
  EXPECT_EQ(flag->kind(), v1::RELATION_KIND_FLAG);
  EXPECT_EQ(flag->object_id(), "PRK");
  EXPECT_TRUE(CheckValid(*r, "q").ok()) << CheckValid(*r, "q");
}

TEST(FtmQuirksTest, DanglingReferencesAreRejectedRows) {
  const std::string address =
      R"({"id": "addr1", "schema": "Address", "properties": {"full": ["1 Main St"]}})";
  const std::string sanction =
      R"({"id": "s1", "schema": "Sanction", "properties": {"entity": ["ghost"], )"
      R"("authority": ["Office of Foreign Assets Control"], "startDate": ["2022"]}})";
  absl::StatusOr<ImportResult> r = ImportLines(
      {kPerson, kCompanyA, Ownership("o1", "p1", "missing-co", "50"), address,
       Ownership("o2", "p1", "addr1", "10"), sanction,
       Ownership("o3", "c1", "c1", "10")});
  ASSERT_TRUE(r.ok()) << r.status();
  const ImportReport& rep = r->report;
  EXPECT_EQ(rep.rows_read, 7);
  EXPECT_EQ(rep.rows_imported, 2);
  ASSERT_EQ(rep.rows_rejected(), 5) << rep.Summary();
  EXPECT_TRUE(rep.Reconciles());
  EXPECT_EQ(rep.rejected[0].line, 3);
  EXPECT_EQ(rep.rejected[0].column, 80);  // The "missing-co" value.
  EXPECT_THAT(rep.rejected[0].reason,
              HasSubstr("asset \"missing-co\" is not in the file"));
  EXPECT_THAT(rep.rejected[1].reason,
              HasSubstr("Address that no actor of the file names"));
  EXPECT_THAT(rep.rejected[2].reason,
              HasSubstr("\"addr1\" is a Address (line 4), not an actor"));
  EXPECT_THAT(rep.rejected[3].reason, HasSubstr("entity \"ghost\""));
  EXPECT_THAT(rep.rejected[4].reason, HasSubstr("to itself"));
  EXPECT_EQ(r->dataset.relations_size(), 0);
  EXPECT_EQ(r->dataset.sanctions_size(), 0);
  EXPECT_TRUE(CheckValid(*r, "q").ok()) << CheckValid(*r, "q");
}

TEST(FtmQuirksTest, DeepNestingIsRefused) {
  std::string deep = R"({"id": "d", "schema": "Person", "properties": {"x": )";
  const size_t opener = deep.size() + 1;  // Column of the first "[".
  for (int i = 0; i < 100000; ++i) deep += "[";
  for (int i = 0; i < 100000; ++i) deep += "]";
  deep += "}}";
  absl::StatusOr<ImportResult> r = ImportLines({kPerson, deep});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_imported, 1);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 2);
  // Levels 1 and 2 are the object and "properties"; the 65th opener is the
  // 63rd "[".
  EXPECT_EQ(r->report.rejected[0].column, static_cast<int64_t>(opener) + 62);
  EXPECT_THAT(r->report.rejected[0].reason,
              HasSubstr("nesting deeper than 64 levels"));

  FtmOptions shallow;
  shallow.max_nesting = 2;
  r = ImportLines({kPerson}, shallow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.rows_rejected(), 1);
}

TEST(FtmQuirksTest, TruncatedFileEndsInARejectedRow) {
  const std::string cut = kCompanyA.substr(0, 40);
  absl::StatusOr<ImportResult> r = ImportFtmJson(
      WriteTemp("input.ftm.json", absl::StrCat(kPerson, "\n", cut)), Model());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.rows_read, 2);
  EXPECT_EQ(r->report.rows_imported, 1);
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 2);
  EXPECT_EQ(r->report.rejected[0].column, 41);
  EXPECT_THAT(r->report.rejected[0].reason, HasSubstr("JSON syntax error"));
  EXPECT_TRUE(r->report.Reconciles());
}

TEST(FtmQuirksTest, WrongEncoding) {
  // A Latin-1 "é" (0xE9) in a name: the row is refused at that byte.
  const std::string latin1 =
      "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": "
      "{\"name\": [\"Ren\xE9\"]}}";
  absl::StatusOr<ImportResult> r = ImportLines({kPerson, latin1});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->report.rows_rejected(), 1);
  EXPECT_EQ(r->report.rejected[0].line, 2);
  EXPECT_EQ(r->report.rejected[0].column, 61);
  EXPECT_THAT(r->report.rejected[0].reason,
              HasSubstr("byte 0xE9 is not valid UTF-8"));

  // UTF-16: the whole file is refused.
  std::string utf16 = "\xFF\xFE";
  for (char c : kPerson) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  r = ImportFtmJson(WriteTemp("input.ftm.json", utf16), Model());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr(":1:1: UTF-16"));
  r = ImportFtmJson(WriteTemp("input.ftm.json", utf16.substr(2)), Model());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(":1:2: NUL byte"));
}

// A property named twice keeps the values of both, each once; the
// earliest of the dates is the birth date.
TEST(FtmQuirksTest, PropertyNamedTwice) {
  absl::StatusOr<ImportResult> r = ImportLines({
      R"({"id": "p", "schema": "Person", "properties": {"name": ["A"], )"
      R"("alias": ["B", "C"], "birthDate": ["1834"], "alias": ["C", "D"], )"
      R"("birthDate": "1800-01-01"}})",
  });
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.actors_size(), 1);
  const v1::Actor& a = r->dataset.actors(0);
  EXPECT_THAT(a.aliases(), ElementsAre("B", "C", "D"));
  EXPECT_EQ(a.born().year(), 1800);
}

TEST(FtmQuirksTest, BadRows) {
  absl::StatusOr<ImportResult> r = ImportLines({
      kPerson,
      R"({"schema": "Person", "properties": {}})",
      R"({"id": "u", "schema": "Unicorn", "properties": {}})",
      R"({"id": "p1", "schema": "Person", "properties": {}})",
      R"({"id": "doc", "schema": "Document", "properties": {}})",
      R"(["not", "an", "object"])",
      R"({"id": "n", "schema": "Person", "properties": {"height": [1e999]}})",
      "",
      R"({"id": "c1", "schema": "Company", "properties": {"name": ["C"]}})",
  });
  ASSERT_TRUE(r.ok()) << r.status();
  const ImportReport& rep = r->report;
  EXPECT_EQ(rep.rows_read, 8);  // The blank line is not a row.
  EXPECT_EQ(rep.rows_imported, 2);
  ASSERT_EQ(rep.rows_rejected(), 6) << rep.Summary();
  EXPECT_THAT(rep.rejected[0].reason, HasSubstr("no \"id\""));
  EXPECT_THAT(rep.rejected[1].reason,
              HasSubstr("schema \"Unicorn\" is not in the FtM model"));
  EXPECT_EQ(rep.rejected[1].column, 24);
  EXPECT_THAT(rep.rejected[2].reason,
              HasSubstr("duplicate entity id \"p1\"; first at line 1"));
  EXPECT_THAT(rep.rejected[3].reason, HasSubstr("schema is not imported"));
  EXPECT_THAT(rep.rejected[4].reason, HasSubstr("not a JSON object"));
  EXPECT_EQ(rep.rejected[4].line, 6);
  EXPECT_EQ(rep.rejected[5].line, 7);
  EXPECT_THAT(rep.rejected[5].reason, HasSubstr("JSON error"));
  EXPECT_TRUE(rep.Reconciles());
}

TEST(FtmQuirksTest, SanctionsAuthoritiesAndDates) {
  const std::string un =
      R"({"id": "s1", "schema": "Sanction", "properties": {"entity": ["c2"], )"
      R"("authority": ["United Nations Security Council"], "program": ["UNSCR 1718"], )"
      R"("listingDate": ["2017-08-05"], "startDate": ["2016-03"], "endDate": ["2015"]}})";
  const std::string local =
      R"({"id": "s2", "schema": "Sanction", "first_seen": "2024-02-01T10:00:00", )"
      R"("properties": {"entity": ["c2"], "authority": ["Ministry of Finance"], )"
      R"("country": ["jp"], "provisions": ["Travel Ban", "Asset freeze"]}})";
  absl::StatusOr<ImportResult> r = ImportLines({kCompanyB, un, local});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.sanctions_size(), 2) << r->report.Summary();
  const v1::Sanction& s1 = r->dataset.sanctions(0);
  EXPECT_EQ(s1.authority_id(), "UNSC");
  EXPECT_EQ(s1.program(), "UNSCR 1718");
  EXPECT_EQ(s1.listed().year(), 2016);  // The earliest date given.
  EXPECT_EQ(s1.listed().month(), 3);
  EXPECT_EQ(s1.delisted().year(), 0);  // An end before the start is dropped.
  EXPECT_THAT(s1.measures(), ::testing::ElementsAre(v1::MEASURE_ASSET_FREEZE));
  const v1::Sanction& s2 = r->dataset.sanctions(1);
  EXPECT_EQ(s2.authority_id(), "FTM-AUTH-jpn-ministry-of-finance");
  // No listing date: unknown, never first_seen; the publisher's first
  // sighting bounds it (before it the sanction is possibly in force).
  EXPECT_EQ(s2.listed().year(), 0);
  EXPECT_EQ(s2.listed_no_later_than().year(), 2024);
  EXPECT_EQ(s2.listed_no_later_than().month(), 2);
  EXPECT_EQ(s2.listed_no_later_than().day(), 1);
  EXPECT_THAT(s2.remarks(), HasSubstr("listed no later than 2024-02-01 "
                                      "(first seen by the publisher then)"));
  EXPECT_THAT(s2.measures(), ::testing::ElementsAre(v1::MEASURE_ASSET_FREEZE,
                                                    v1::MEASURE_TRAVEL_BAN));
  const v1::Actor* unsc = FindActor(r->dataset, "UNSC");
  ASSERT_NE(unsc, nullptr);
  EXPECT_EQ(unsc->kind(), v1::ACTOR_KIND_INTERNATIONAL_BODY);
  EXPECT_TRUE(CheckValid(*r, "q").ok()) << CheckValid(*r, "q");
}

TEST(FtmQuirksTest, SanctionsWithoutListingDatesAreKeptUndated) {
  // No date at all: kept, its listing date unknown (it was rejected once).
  const std::string undated =
      R"({"id": "s3", "schema": "Sanction", "properties": {"entity": ["c2"], )"
      R"("authority": ["Ministry of Finance"], "country": ["jp"]}})";
  // Ended before the publisher first saw it: listed no later than its end.
  const std::string ended =
      R"({"id": "s4", "schema": "Sanction", "first_seen": "2024-02-01T10:00:00", )"
      R"("properties": {"entity": ["c2"], "authority": ["Ministry of Finance"], )"
      R"("country": ["jp"], "endDate": ["2019-05"]}})";
  absl::StatusOr<ImportResult> r = ImportLines({kCompanyB, undated, ended});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dataset.sanctions_size(), 2) << r->report.Summary();
  EXPECT_TRUE(r->report.rejected.empty()) << r->report.Summary();
  const v1::Sanction& s3 = r->dataset.sanctions(0);
  EXPECT_EQ(s3.listed().year(), 0);
  EXPECT_EQ(s3.listed_no_later_than().year(), 0);
  EXPECT_THAT(s3.remarks(), HasSubstr("listing date not given"));
  const v1::Sanction& s4 = r->dataset.sanctions(1);
  EXPECT_EQ(s4.listed().year(), 0);
  EXPECT_EQ(s4.delisted().year(), 2019);
  EXPECT_EQ(s4.listed_no_later_than().year(), 2019);
  EXPECT_EQ(s4.listed_no_later_than().month(), 5);
  EXPECT_THAT(s4.remarks(), HasSubstr("listed no later than 2019-05 (its end)"));
  EXPECT_TRUE(CheckValid(*r, "q").ok()) << CheckValid(*r, "q");
}

}  // namespace
}  // namespace embargo
