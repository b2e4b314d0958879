// Tests of entity resolution (lib/resolve/resolve.cc) on hand-built files.

#include "embargo/resolve.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/resolve/keys.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// File parses a text-format dataset; every file gets its own source "src-"
// + name unless the text brings sources itself.
DatasetFile File(const std::string& name, const std::string& text,
                 bool add_source = true) {
  std::string all = text;
  if (add_source) {
    all = absl::StrCat("sources { id: \"src-", name, "\" publisher: \"", name,
                       "\" }\n", text);
  }
  absl::StatusOr<DatasetFile> f = ParseDatasetBytes(all, Format::kText, name);
  EXPECT_TRUE(f.ok()) << f.status();
  return f.ok() ? *std::move(f) : DatasetFile{};
}

// State is a state actor citing the file's source.
std::string State(const std::string& file, const std::string& iso) {
  return absl::StrCat("actors { id: \"", iso,
                      "\" kind: ACTOR_KIND_STATE name: \"", iso,
                      "\" evidence { source_id: \"src-", file, "\" } }\n");
}

std::vector<const v1::Actor*> AllActors(const std::vector<DatasetFile>& files) {
  std::vector<const v1::Actor*> out;
  for (const DatasetFile& f : files) {
    for (const v1::Actor& a : f.dataset.actors()) out.push_back(&a);
  }
  return out;
}

std::vector<std::string> ActorIds(const std::vector<DatasetFile>& files) {
  std::vector<std::string> out;
  for (const v1::Actor* a : AllActors(files)) out.push_back(a->id());
  return out;
}

const v1::Actor* Find(const std::vector<DatasetFile>& files,
                      const std::string& id) {
  for (const v1::Actor* a : AllActors(files)) {
    if (a->id() == id) return a;
  }
  return nullptr;
}

ResolvedDataset Resolve(std::vector<DatasetFile> files,
                        const ResolveOptions& options = {}) {
  absl::StatusOr<ResolvedDataset> r =
      ResolveEntities(std::move(files), options);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return {};
  EXPECT_TRUE(Validate(r->files).ok()) << Validate(r->files);
  return *std::move(r);
}

TEST(ResolveTest, SameIdAcrossFilesIsOneActor) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + State("a", "PRK")));
  files.push_back(File("b", State("b", "RUS") + R"(
    actors { id: "OFAC" kind: ACTOR_KIND_GOVERNMENT_BODY name: "OFAC"
             evidence { source_id: "src-b" } })"));
  files.push_back(File("c", State("c", "RUS") + R"(
    actors { id: "OFAC" kind: ACTOR_KIND_GOVERNMENT_BODY
             name: "Office of Foreign Assets Control" country: "USA"
             evidence { source_id: "src-c" } })" + State("c", "USA")));
  // Without resolution the files do not load together.
  EXPECT_FALSE(Validate(files).ok());
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("RUS", "PRK", "OFAC", "USA"));
  const v1::Actor* rus = Find(r.files, "RUS");
  ASSERT_NE(rus, nullptr);
  EXPECT_EQ(rus->evidence_size(), 3);  // One per file.
  EXPECT_THAT(rus->merged_from(), IsEmpty());  // No other id.
  const v1::Actor* ofac = Find(r.files, "OFAC");
  ASSERT_NE(ofac, nullptr);
  EXPECT_EQ(ofac->name(), "OFAC");  // The earliest file's record.
  EXPECT_EQ(ofac->country(), "USA");
  EXPECT_THAT(ofac->aliases(), ElementsAre("Office of Foreign Assets Control"));
  EXPECT_EQ(r.report.merges_by_rule.at(kRuleSameId), 3);
  EXPECT_EQ(r.report.actors_in, 7);
  EXPECT_EQ(r.report.actors_out, 4);
  EXPECT_EQ(r.report.merged_actors, 2);
  ASSERT_FALSE(r.report.merges.empty());
  EXPECT_EQ(r.report.merges[0].rule, kRuleSameId);
  EXPECT_EQ(r.report.merges[0].values, "same id RUS");
  EXPECT_THAT(r.report.merges[0].files, ElementsAre("a", "b"));
}

TEST(ResolveTest, DuplicateIdWithinOneFileStaysAnError) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + State("a", "RUS")));
  files.push_back(File("b", State("b", "RUS")));
  absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->report.merges, IsEmpty());
  absl::Status v = Validate(r->files);
  EXPECT_EQ(v.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(v.message(), HasSubstr("duplicate actor id \"RUS\""));
}

TEST(ResolveTest, SameIdWithIncompatibleKindsIsRefused) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", R"(actors { id: "X" kind: ACTOR_KIND_PERSON
                                        name: "X" })"));
  files.push_back(File("b", R"(actors { id: "X" kind: ACTOR_KIND_VESSEL
                                        name: "X" })"));
  absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->report.merges, IsEmpty());
  ASSERT_EQ(r->report.refused.size(), 1);
  EXPECT_THAT(r->report.refused[0].reason,
              HasSubstr("kinds person and vessel are not compatible"));
  EXPECT_FALSE(Validate(r->files).ok());
}

TEST(ResolveTest, ImoNumberMergesVessels) {
  std::vector<DatasetFile> files;
  files.push_back(File("ofac", R"(
    actors { id: "OFAC-1" kind: ACTOR_KIND_VESSEL name: "CHON MA SAN"
             identifiers { scheme: "IMO" value: "8660313" }
             identifiers { scheme: "OFAC_UID" value: "1" } })"));
  files.push_back(File("eu", R"(
    actors { id: "EU-V-1" kind: ACTOR_KIND_VESSEL name: "Chonmasan"
             identifiers { scheme: "IMO" value: "IMO 8660313" }
             identifiers { scheme: "MMSI" value: "445000000" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), ElementsAre("OFAC-1"));
  const v1::Actor* v = Find(r.files, "OFAC-1");
  ASSERT_NE(v, nullptr);
  EXPECT_THAT(v->aliases(), ElementsAre("Chonmasan"));
  EXPECT_THAT(v->merged_from(),
              ElementsAre("EU-V-1 (identifier: IMO=8660313)"));
  // Identifiers of both, "IMO 8660313" kept as the EU wrote it.
  EXPECT_EQ(v->identifiers_size(), 4);
  ASSERT_EQ(r.report.merges.size(), 1);
  EXPECT_EQ(r.report.merges[0].kept_id, "OFAC-1");
  EXPECT_THAT(r.report.merges[0].merged_ids, ElementsAre("OFAC-1", "EU-V-1"));
  EXPECT_EQ(r.report.merges[0].values, "IMO=8660313");
}

TEST(ResolveTest, DifferentImoNumbersNeverMerge) {
  // Same name, same flag, different IMO numbers: two ships.
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "PRK") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_VESSEL name: "RYE SONG GANG 1"
             country: "PRK" identifiers { scheme: "IMO" value: "7389704" } })"));
  files.push_back(File("b", State("b", "PRK") + R"(
    actors { id: "B-1" kind: ACTOR_KIND_VESSEL name: "Rye Song Gang 1"
             country: "PRK" identifiers { scheme: "IMO" value: "9066540" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PRK", "A-1", "B-1"));
  ASSERT_EQ(r.report.refused.size(), 1);
  EXPECT_EQ(r.report.refused[0].rule, kRuleNameCountryKind);
  EXPECT_THAT(r.report.refused[0].reason,
              HasSubstr("different IMO values 7389704 and 9066540"));
}

TEST(ResolveTest, NameCountryKindMergesPersonsInAnyTokenOrder) {
  std::vector<DatasetFile> files;
  files.push_back(File("ofac", State("ofac", "RUS") + R"(
    actors { id: "OFAC-35173" kind: ACTOR_KIND_PERSON
             name: "SHOIGU, Sergei Kuzhugetovich" country: "RUS"
             born { year: 1955 month: 5 day: 21 } })"));
  files.push_back(File("eu", State("eu", "RUS") + R"(
    actors { id: "EU-212" kind: ACTOR_KIND_PERSON
             name: "Sergei Kuzhugetovich SHOIGU" country: "RUS"
             aliases: "Сергей Кужугетович ШОЙГУ"
             born { year: 1955 } })"));
  files.push_back(File("article", State("article", "RUS") + R"(
    actors { id: "SHOIGU" kind: ACTOR_KIND_PERSON
             name: "Sergei Shoigu" country: "RUS"
             aliases: "сергей кужугетович шойгу" })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("RUS", "OFAC-35173"));
  const v1::Actor* s = Find(r.files, "OFAC-35173");
  ASSERT_NE(s, nullptr);
  EXPECT_THAT(
      s->merged_from(),
      ElementsAre(
          "EU-212 (name+country+kind: kuzhugetovich sergei shoigu, RUS)",
          // The Cyrillic alias meets in any case.
          "SHOIGU (name+country+kind: кужугетович сергей шойгу, RUS)"));
  EXPECT_EQ(resolve_internal::DateText(s->born()), "1955-05-21");
  EXPECT_EQ(r.report.merges_by_rule.at(kRuleNameCountryKind), 2);
}

TEST(ResolveTest, CommonNameWithoutCountryNeverMerges) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "KIM, Chol" }
    actors { id: "A-2" kind: ACTOR_KIND_COMPANY
             name: "Golden Star Trading Company" })"));
  files.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Chol Kim" }
    actors { id: "B-2" kind: ACTOR_KIND_COMPANY
             name: "GOLDEN STAR TRADING COMPANY" })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("A-1", "A-2", "B-1", "B-2"));
  EXPECT_THAT(r.report.merges, IsEmpty());
}

TEST(ResolveTest, PersonWithCountryOnOneSideNeedsTheSameBirthDate) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "PRK") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "KIM, Chol"
             country: "PRK" }
    actors { id: "A-2" kind: ACTOR_KIND_PERSON name: "RI, Su Yong"
             country: "PRK" born { year: 1960 month: 1 day: 2 } })"));
  files.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Kim Chol" }
    actors { id: "B-2" kind: ACTOR_KIND_PERSON name: "Ri Su Yong"
             born { year: 1960 month: 1 day: 2 } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PRK", "A-1", "A-2",
                                                      "B-1"));
  ASSERT_EQ(r.report.merges.size(), 1);
  EXPECT_EQ(r.report.merges[0].rule, kRuleNameOneSidedCountry);
  EXPECT_THAT(r.report.merges[0].values, HasSubstr("born 1960-01-02"));
}

TEST(ResolveTest, DifferentBirthDatesNeverMerge) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "PRK") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "PAK, Song Il"
             country: "PRK" born { year: 1960 month: 1 day: 2 } })"));
  files.push_back(File("b", State("b", "PRK") + R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Pak Song Il"
             country: "PRK" born { year: 1971 } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PRK", "A-1", "B-1"));
  ASSERT_EQ(r.report.refused.size(), 1);
  EXPECT_EQ(r.report.refused[0].reason,
            "different birth dates 1960-01-02 and 1971");
  EXPECT_THAT(r.report.refused[0].ids, ElementsAre("A-1", "B-1"));
}

// Rule 5: the lists spell one Russian name two ways (OFAC's and the EU's
// entries of GORDEYEV, born 28 Feb 1955, in ../shared/data); the spelling
// keys agree and so does the full birth date.
TEST(ResolveTest, SpellingVariantsBornOnOneDayMerge) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON
             name: "GORDEYEV, Alexey Vasilievich" country: "RUS"
             born { year: 1955 month: 2 day: 28 } }
    actors { id: "A-2" kind: ACTOR_KIND_PERSON name: "KISELYOV, Dmitry"
             born { year: 1954 month: 4 day: 26 } })"));
  files.push_back(File("b", State("b", "RUS") + R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON
             name: "Alexey Vasilyevich GORDEYEV" country: "RUS"
             born { year: 1955 month: 2 day: 28 } }
    actors { id: "B-2" kind: ACTOR_KIND_PERSON name: "Dmitry KISELEV"
             aliases: "Дмитрий Киселёв" country: "RUS"
             born { year: 1954 month: 4 day: 26 } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("RUS", "A-1", "A-2"));
  ASSERT_EQ(r.report.merges_by_rule.at(kRuleSpellingBirthDate), 2);
  const v1::Actor* gordeyev = Find(r.files, "A-1");
  ASSERT_NE(gordeyev, nullptr);
  EXPECT_THAT(gordeyev->aliases(), ElementsAre("Alexey Vasilyevich GORDEYEV"));
  EXPECT_THAT(gordeyev->merged_from(),
              ElementsAre("B-1 (spelling+birth date: aleksei gordev "
                          "vasilevich, born 1955-02-28)"));
  for (const Merge& m : r.report.merges) {
    if (m.rule != kRuleSpellingBirthDate) continue;
    EXPECT_THAT(m.values, HasSubstr("+ born "));
  }
}

TEST(ResolveTest, ARegistryNumberInCommonIsOneActor) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + State("a", "UKR") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_LEGAL_ENTITY name: "ROSOBORONEKSPORT OAO"
             identifiers { scheme: "REGISTRATION" value: "1117746521452" country: "RUS" } }
    actors { id: "A-2" kind: ACTOR_KIND_LEGAL_ENTITY name: "ALPHA LLC"
             identifiers { scheme: "TAX_ID" value: "7700000001" country: "UKR" } }
    actors { id: "A-3" kind: ACTOR_KIND_COMPANY name: "BETA"
             identifiers { scheme: "REGISTRATION" value: "1230000000001" } }
    actors { id: "A-4" kind: ACTOR_KIND_COMPANY name: "BETA BRANCH"
             identifiers { scheme: "REGISTRATION" value: "1230000000001" } }
    actors { id: "A-5" kind: ACTOR_KIND_COMPANY name: "GAMMA"
             identifiers { scheme: "REGISTRATION" value: "12345" }
             identifiers { scheme: "KPP" value: "770101001" } }
    actors { id: "A-6" kind: ACTOR_KIND_PERSON name: "DELTA, Ivan"
             identifiers { scheme: "TAX_ID" value: "772000000099" } })"));
  files.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_LEGAL_ENTITY name: "JSC ROSOBORONEXPORT"
             identifiers { scheme: "OGRN" value: "1117746521452" }
             addresses: "27 Stromynka Str., Moscow, Russian Federation" }
    actors { id: "B-2" kind: ACTOR_KIND_LEGAL_ENTITY name: "ALPHA"
             country: "RUS" identifiers { scheme: "INN" value: "7700000001" } }
    actors { id: "B-3" kind: ACTOR_KIND_COMPANY name: "BETA HOLDING"
             identifiers { scheme: "REGISTRATION" value: "1230000000001" } }
    actors { id: "B-5" kind: ACTOR_KIND_COMPANY name: "GAMMA TRADING"
             identifiers { scheme: "REGISTRATION" value: "12345" }
             identifiers { scheme: "KPP" value: "770101001" } }
    actors { id: "B-6" kind: ACTOR_KIND_COMPANY name: "DELTA IP"
             identifiers { scheme: "TAX_ID" value: "772000000099" } })"));
  std::vector<DatasetFile> copy = files;
  ResolvedDataset r = Resolve(std::move(files));
  // Only Rosoboronexport: ALPHA's number is Ukrainian on one side and
  // Russian on the other, BETA's is borne by two actors of file a (which
  // is meant cannot be told), GAMMA's is too short and a KPP is no key,
  // and DELTA is a person on one side and a company on the other.
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("RUS", "UKR", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6",
                                   "B-2", "B-3", "B-5", "B-6"));
  EXPECT_EQ(r.report.merges_by_rule.at(kRuleRegistryNumber), 1);
  const v1::Actor* roe = Find(r.files, "A-1");
  ASSERT_NE(roe, nullptr);
  EXPECT_THAT(roe->aliases(), ElementsAre("JSC ROSOBORONEXPORT"));
  EXPECT_THAT(roe->merged_from(),
              ElementsAre("B-1 (registry number+country: 1117746521452 + country RUS)"));
  bool refused = false;
  for (const Refusal& f : r.report.refused) {
    if (f.rule != kRuleRegistryNumber) continue;
    refused = true;
    EXPECT_THAT(f.reason, HasSubstr("lists 2 distinct actors bearing this number"));
    EXPECT_THAT(f.ids, ElementsAre("A-3", "A-4"));
  }
  EXPECT_TRUE(refused);
  ResolveOptions off;
  off.registry_numbers = false;
  EXPECT_EQ(Resolve(std::move(copy), off).report.merges_by_rule.count(kRuleRegistryNumber), 0u);
}

TEST(ResolveTest, ADocumentNumberJoinsPersonsOfOneCountryOrBirthDate) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "EGY") + State("a", "TUN") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "AL ZAWAHIRI, Dr. Ayman"
             identifiers { scheme: "PASSPORT" value: "1084010" country: "EGY" } }
    actors { id: "A-2" kind: ACTOR_KIND_PERSON name: "DRISSI, Noureddine"
             country: "TUN" born { year: 1969 month: 4 day: 30 }
             identifiers { scheme: "PASSPORT" value: "L851940" } }
    actors { id: "A-3" kind: ACTOR_KIND_PERSON name: "ONE, Person"
             identifiers { scheme: "PASSPORT" value: "A-123456" country: "EGY" } }
    actors { id: "A-4" kind: ACTOR_KIND_PERSON name: "TWO, Person"
             born { year: 1970 } identifiers { scheme: "NATIONAL_ID" value: "7777777" } }
    actors { id: "A-5" kind: ACTOR_KIND_COMPANY name: "THREE LLC"
             identifiers { scheme: "PASSPORT" value: "5555555" } }
    actors { id: "A-6" kind: ACTOR_KIND_PERSON name: "FOUR, Person"
             born { year: 1970 } identifiers { scheme: "NATIONAL_ID" value: "8888888" } })"));
  files.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "AIMAN MUHAMMED RABI AL-ZAWAHIRI"
             identifiers { scheme: "PASSPORT" value: "1084010" country: "EGY" } }
    actors { id: "B-2" kind: ACTOR_KIND_PERSON name: "NOUREDDINE BEN ALI"
             born { year: 1964 month: 4 day: 30 }
             identifiers { scheme: "PASSPORT" value: "L851940" country: "TUN" } }
    actors { id: "B-3" kind: ACTOR_KIND_PERSON name: "UNO, Persona"
             identifiers { scheme: "PASSPORT" value: "A123456" country: "TUN" } }
    actors { id: "B-4" kind: ACTOR_KIND_PERSON name: "DOS, Persona"
             identifiers { scheme: "NATIONAL_ID" value: "7777777" } }
    actors { id: "B-5" kind: ACTOR_KIND_COMPANY name: "TRES LLC"
             identifiers { scheme: "PASSPORT" value: "5555555" } }
    actors { id: "B-6" kind: ACTOR_KIND_PERSON name: "CUATRO, Persona"
             born { year: 1970 month: 5 day: 1 }
             identifiers { scheme: "NATIONAL_ID" value: "8888888" country: "EGY" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  // Zawahiri: one passport of one country. DRISSI: one passport of one
  // country, but birth dates that differ (refused). ONE / UNO: two
  // countries.
  // TWO / DOS: no country and a birth date on one side only. THREE /
  // TRES: companies, whose "passports" no rule reads. FOUR / CUATRO: a
  // country on one side only, and birth dates that agree.
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("EGY", "TUN", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "B-2",
                                   "B-3", "B-4", "B-5"));
  EXPECT_EQ(r.report.merges_by_rule.at(kRuleDocumentNumber), 2);
  const v1::Actor* four = Find(r.files, "A-6");
  ASSERT_NE(four, nullptr);
  EXPECT_THAT(four->merged_from(),
              ElementsAre("B-6 (document number+country or birth date: 8888888 + country EGY "
                          "on one side + born 1970-05-01)"));
  const v1::Actor* zawahiri = Find(r.files, "A-1");
  ASSERT_NE(zawahiri, nullptr);
  EXPECT_THAT(zawahiri->merged_from(),
              ElementsAre("B-1 (document number+country or birth date: 1084010 + country EGY)"));
  bool refused = false;
  for (const Refusal& f : r.report.refused) {
    if (f.rule != kRuleDocumentNumber) continue;
    refused = true;
    EXPECT_THAT(f.ids, ElementsAre("A-2", "B-2"));
    EXPECT_THAT(f.reason, HasSubstr("different birth dates"));
  }
  EXPECT_TRUE(refused);
}

TEST(ResolveTest, RegistryNumberKeysReadTheDigitsWhateverTheScheme) {
  using resolve_internal::RegistryNumberKey;
  EXPECT_EQ(RegistryNumberKey("OGRN", "1117746521452"), "1117746521452");
  EXPECT_EQ(RegistryNumberKey("REGISTRATION", "1117746521452"), "1117746521452");
  EXPECT_EQ(RegistryNumberKey("TAX_ID", "77-188-52163"), "7718852163");
  EXPECT_EQ(RegistryNumberKey("LEI", "2534 00uhf5vt8a3l8e79"), "253400UHF5VT8A3L8E79");
  EXPECT_EQ(RegistryNumberKey("KPP", "770101001"), "");
  EXPECT_EQ(RegistryNumberKey("PASSPORT", "123456789"), "");
  EXPECT_EQ(RegistryNumberKey("REGISTRATION", "1234567"), "");
  EXPECT_EQ(RegistryNumberKey("REGISTRATION", "AB-CD-EF-12345"), "");
  using resolve_internal::DocumentNumberKey;
  EXPECT_EQ(DocumentNumberKey("PASSPORT", "l 851940"), "L851940");
  EXPECT_EQ(DocumentNumberKey("NATIONAL_ID", "3603251708570001"), "3603251708570001");
  EXPECT_EQ(DocumentNumberKey("PASSPORT", "12345"), "");
  EXPECT_EQ(DocumentNumberKey("REGISTRATION", "1117746521452"), "");
}

TEST(ResolveTest, SpellingVariantsNeedTheSameFullBirthDateAndCountry) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + State("a", "UKR") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "SERGEYEV, Ivan"
             born { year: 1970 month: 5 day: 1 } }
    actors { id: "A-2" kind: ACTOR_KIND_PERSON name: "YURYEV, Petr"
             born { year: 1961 } }
    actors { id: "A-3" kind: ACTOR_KIND_PERSON name: "FEDOROV, Oleg"
             country: "RUS" born { year: 1966 month: 7 day: 3 } })"));
  files.push_back(File("b", State("b", "UKR") + R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Ivan SERGEEV"
             born { year: 1970 month: 5 day: 2 } }
    actors { id: "B-2" kind: ACTOR_KIND_PERSON name: "Petr YURIEV"
             born { year: 1961 } }
    actors { id: "B-3" kind: ACTOR_KIND_PERSON name: "Oleg FYODOROV"
             country: "UKR" born { year: 1966 month: 7 day: 3 } })"));
  ResolvedDataset r = Resolve(std::move(files));
  // Another day, a year only, and two countries with none in common: no
  // merge by this rule.
  EXPECT_EQ(r.report.merges_by_rule.count(kRuleSpellingBirthDate), 0u);
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("RUS", "UKR", "A-1", "A-2", "A-3", "B-1",
                                   "B-2", "B-3"));
  ResolveOptions off;
  off.spelling_birth_date = false;
  std::vector<DatasetFile> again;
  again.push_back(File("a", R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "SERGEYEV, Ivan"
             born { year: 1970 month: 5 day: 1 } })"));
  again.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Ivan SERGEEV"
             born { year: 1970 month: 5 day: 1 } })"));
  std::vector<DatasetFile> copy = again;
  EXPECT_THAT(ActorIds(Resolve(std::move(again)).files), ElementsAre("A-1"));
  EXPECT_THAT(ActorIds(Resolve(std::move(copy), off).files),
              ElementsAre("A-1", "B-1"));
}

TEST(ResolveTest, WeakerRuleCanBeSwitchedOff) {
  const auto make = [] {
    std::vector<DatasetFile> files;
    files.push_back(File("a", State("a", "RUS") + R"(
      actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "IVANOV, Ivan"
               country: "RUS" })"));
    files.push_back(File("b", State("b", "RUS") + R"(
      actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Ivan IVANOV"
               country: "RUS" })"));
    return files;
  };
  EXPECT_THAT(ActorIds(Resolve(make()).files),
              UnorderedElementsAre("RUS", "A-1"));
  ResolveOptions off;
  off.name_country_kind = false;
  ResolvedDataset r = Resolve(make(), off);
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("RUS", "A-1", "B-1"));
  EXPECT_EQ(r.report.merges_by_rule.count(kRuleNameCountryKind), 0);
  // Same ids still meet.
  EXPECT_EQ(r.report.merges_by_rule.at(kRuleSameId), 1);
}

TEST(ResolveTest, OrganisationKindsFormOneClassAndTheMostSpecificWins) {
  std::vector<DatasetFile> files;
  files.push_back(File("un", State("un", "PRK") + R"(
    actors { id: "UN-KPe.001" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "KOREA MINING DEVELOPMENT TRADING CORPORATION"
             aliases: "KOMID" country: "PRK"
             identifiers { scheme: "UN_REF" value: "KPe.001" } })"));
  files.push_back(File("article", State("article", "PRK") + R"(
    actors { id: "KOMID" kind: ACTOR_KIND_COMPANY
             name: "Korea Mining Development Trading Corporation"
             aliases: "KOMID" country: "PRK"
             identifiers { scheme: "UN_REF" value: "KPe.001" }
             identifiers { scheme: "OFAC_UID" value: "9345" } })"));
  files.push_back(File("ofac", R"(
    actors { id: "OFAC-9345" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "KOREA MINING DEVELOPMENT TRADING CORPORATION"
             identifiers { scheme: "OFAC_UID" value: "9345" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PRK", "UN-KPe.001"));
  const v1::Actor* k = Find(r.files, "UN-KPe.001");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->kind(), v1::ACTOR_KIND_COMPANY);
  // One identifier per scheme and value.
  EXPECT_EQ(k->identifiers_size(), 2);
  EXPECT_THAT(k->merged_from(),
              ElementsAre("KOMID (identifier: UN_REF=KPE.001)",
                          "OFAC-9345 (identifier: OFAC_UID=9345)"));
}

TEST(ResolveTest, OrganisationWithoutCountryMeetsAnUnambiguousName) {
  std::vector<DatasetFile> files;
  files.push_back(File("un", State("un", "PRK") + R"(
    actors { id: "UN-1" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "KOREA MINING DEVELOPMENT TRADING CORPORATION"
             country: "PRK" })"));
  files.push_back(File("eu", R"(
    actors { id: "EU-1" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "Korea Mining Development Trading Corporation"
             addresses: "Central District, Pyongyang, DPRK" })"));
  files.push_back(File("ofac", R"(
    actors { id: "OFAC-1" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "KOREA MINING DEVELOPMENT TRADING CORPORATION" }
    actors { id: "OFAC-2" kind: ACTOR_KIND_LEGAL_ENTITY
             name: "Green Pine Associated" })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PRK", "UN-1", "OFAC-2"));
  const v1::Actor* k = Find(r.files, "UN-1");
  ASSERT_NE(k, nullptr);
  EXPECT_THAT(
      k->merged_from(),
      ElementsAre(
          // The country of the EU record comes from its address.
          "EU-1 (name+country+kind: korea mining development trading "
          "corporation, PRK)",
          "OFAC-1 (name+kind, country on one side: korea mining development "
          "trading corporation, PRK on one side)"));
}

TEST(ResolveTest, OneSidedCountryNeedsOneCountryAndThreeWords) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "IRN") + State("a", "SYR") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_COMPANY name: "Sea Star Shipping Co"
             country: "IRN" }
    actors { id: "A-2" kind: ACTOR_KIND_COMPANY name: "Sea Star Shipping Co"
             country: "SYR" }
    actors { id: "A-3" kind: ACTOR_KIND_COMPANY name: "Tosco" country: "IRN" })"));
  files.push_back(File("b", R"(
    actors { id: "B-1" kind: ACTOR_KIND_COMPANY name: "SEA STAR SHIPPING CO" }
    actors { id: "B-3" kind: ACTOR_KIND_COMPANY name: "TOSCO" })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(r.report.merges, IsEmpty());
  EXPECT_EQ(r.report.actors_out, r.report.actors_in);
}

TEST(ResolveTest, AmbiguousNameInOneFileIsRefused) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "PRK") + R"(
    actors { id: "A-1" kind: ACTOR_KIND_PERSON name: "KIM, Chol" country: "PRK" }
    actors { id: "A-2" kind: ACTOR_KIND_PERSON name: "KIM, Chol" country: "PRK" })"));
  files.push_back(File("b", State("b", "PRK") + R"(
    actors { id: "B-1" kind: ACTOR_KIND_PERSON name: "Kim Chol" country: "PRK" })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files),
              UnorderedElementsAre("PRK", "A-1", "A-2", "B-1"));
  ASSERT_EQ(r.report.refused.size(), 1);
  EXPECT_THAT(r.report.refused[0].reason,
              HasSubstr("a lists 2 distinct actors of this name"));
}

TEST(ResolveTest, ReferencesAreRewrittenEverywhere) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + State("a", "PRK") + R"(
    actors { id: "A-SHIP" kind: ACTOR_KIND_VESSEL name: "ANGARA"
             country: "RUS" identifiers { scheme: "IMO" value: "9179842" } }
    actors { id: "A-KIRBY" kind: ACTOR_KIND_PERSON name: "John Kirby"
             identifiers { scheme: "OFAC_UID" value: "77" } })"));
  files.push_back(File("b", State("b", "RUS") + State("b", "PRK") + R"(
    actors { id: "B-SHIP" kind: ACTOR_KIND_VESSEL name: "Angara"
             country: "RUS" identifiers { scheme: "IMO" value: "9179842" }
             evidence { source_id: "src-b" speaker_id: "B-KIRBY" } }
    actors { id: "B-KIRBY" kind: ACTOR_KIND_PERSON name: "Kirby, John"
             identifiers { scheme: "OFAC_UID" value: "77" } }
    actors { id: "B-OWNER" kind: ACTOR_KIND_COMPANY name: "Owner" country: "RUS" }
    transfers { id: "T1" supplier_id: "PRK" recipient_id: "RUS"
                intermediary_ids: "B-SHIP" item: ITEM_ARTILLERY_AMMUNITION
                status: STATUS_REPORTED
                evidence { source_id: "src-b" speaker_id: "B-KIRBY" } }
    relations { id: "R1" kind: RELATION_KIND_OWNERSHIP subject_id: "B-OWNER"
                object_id: "B-SHIP" status: STATUS_CONFIRMED
                evidence { source_id: "src-b" } }
    relations { id: "R2" kind: RELATION_KIND_FLAG subject_id: "B-SHIP"
                object_id: "RUS" status: STATUS_CONFIRMED
                evidence { source_id: "src-b" } }
    sanctions { id: "S1" authority_id: "B-KIRBY" target_id: "B-SHIP"
                program: "P" measures: MEASURE_VESSEL_BAN
                listed { year: 2023 } status: STATUS_CONFIRMED
                evidence { source_id: "src-b" speaker_id: "B-KIRBY" } }
    events { id: "E1" kind: EVENT_KIND_SEIZURE name: "seizure"
             participants { actor_id: "B-SHIP" role: "seized" }
             participants { actor_id: "A-SHIP" role: "seized" }
             place_id: "RUS" status: STATUS_REPORTED
             evidence { source_id: "src-b" speaker_id: "B-KIRBY" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("RUS", "PRK", "A-SHIP",
                                                      "A-KIRBY", "B-OWNER"));
  const v1::Dataset& b = r.files[1].dataset;
  EXPECT_THAT(b.transfers(0).intermediary_ids(), ElementsAre("A-SHIP"));
  EXPECT_EQ(b.transfers(0).evidence(0).speaker_id(), "A-KIRBY");
  EXPECT_EQ(b.relations(0).object_id(), "A-SHIP");
  EXPECT_EQ(b.relations(1).subject_id(), "A-SHIP");
  EXPECT_EQ(b.sanctions(0).authority_id(), "A-KIRBY");
  EXPECT_EQ(b.sanctions(0).target_id(), "A-SHIP");
  EXPECT_EQ(b.sanctions(0).evidence(0).speaker_id(), "A-KIRBY");
  // The two participants became one; kept once.
  ASSERT_EQ(b.events(0).participants_size(), 1);
  EXPECT_EQ(b.events(0).participants(0).actor_id(), "A-SHIP");
  EXPECT_EQ(b.events(0).evidence(0).speaker_id(), "A-KIRBY");
  // The merged ship keeps the evidence of B-SHIP, speaker rewritten.
  const v1::Actor* ship = Find(r.files, "A-SHIP");
  ASSERT_NE(ship, nullptr);
  ASSERT_EQ(ship->evidence_size(), 1);
  EXPECT_EQ(ship->evidence(0).speaker_id(), "A-KIRBY");
  EXPECT_GE(r.report.references_rewritten, 10);
  // And the result builds into a graph.
  EXPECT_TRUE(BuildResolvedGraph(std::move(r.files)).ok());
}

TEST(ResolveTest, SelfLoopsAreDroppedAndReported) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS") + R"(
    actors { id: "A-CO" kind: ACTOR_KIND_COMPANY name: "Rosoboronexport"
             country: "RUS" })"));
  files.push_back(File("b", State("b", "RUS") + R"(
    actors { id: "B-CO" kind: ACTOR_KIND_LEGAL_ENTITY name: "ROSOBORONEXPORT"
             country: "RUS" }
    relations { id: "R-SELF" kind: RELATION_KIND_ASSOCIATE subject_id: "B-CO"
                object_id: "A-CO" status: STATUS_CONFIRMED
                evidence { source_id: "src-b" } }
    relations { id: "R-OK" kind: RELATION_KIND_PART_OF subject_id: "B-CO"
                object_id: "RUS" status: STATUS_CONFIRMED
                evidence { source_id: "src-b" } }
    transfers { id: "T-SELF" supplier_id: "A-CO" recipient_id: "B-CO"
                item: ITEM_MISSILES status: STATUS_REPORTED
                evidence { source_id: "src-b" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  const v1::Dataset& b = r.files[1].dataset;
  ASSERT_EQ(b.relations_size(), 1);
  EXPECT_EQ(b.relations(0).id(), "R-OK");
  EXPECT_EQ(b.transfers_size(), 0);
  ASSERT_EQ(r.report.dropped.size(), 2);
  EXPECT_EQ(r.report.dropped[0].file, "b");
  EXPECT_EQ(r.report.dropped[0].kind, "Transfer");
  EXPECT_EQ(r.report.dropped[0].id, "T-SELF");
  EXPECT_EQ(r.report.dropped[1].record, "relations[0]");
  EXPECT_EQ(r.report.dropped[1].id, "R-SELF");
  EXPECT_EQ(r.report.dropped[1].reason,
            "subject \"B-CO\" and object \"A-CO\" were merged into \"A-CO\": "
            "a relation of an actor to itself");
  EXPECT_THAT(r.report.Summary(), HasSubstr("dropped b: relations[0]"));
}

TEST(ResolveTest, TransitiveChainMakesOneActor) {
  // a ~IMO~ b, b ~name+country~ c, c ~OFAC UID~ d: one vessel.
  std::vector<DatasetFile> files;
  files.push_back(File("a", R"(
    actors { id: "A" kind: ACTOR_KIND_VESSEL name: "SHIP ONE"
             identifiers { scheme: "IMO" value: "1234567" } })"));
  files.push_back(File("b", State("b", "PAN") + R"(
    actors { id: "B" kind: ACTOR_KIND_VESSEL name: "Blue Whale" country: "PAN"
             identifiers { scheme: "IMO" value: "1234567" } })"));
  files.push_back(File("c", State("c", "PAN") + R"(
    actors { id: "C" kind: ACTOR_KIND_VESSEL name: "BLUE WHALE" country: "PAN"
             identifiers { scheme: "OFAC_UID" value: "42" } })"));
  files.push_back(File("d", R"(
    actors { id: "D" kind: ACTOR_KIND_VESSEL name: "Ex Blue Whale"
             identifiers { scheme: "FTM_REFERENT" value: "ofac-42" } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PAN", "A"));
  const v1::Actor* a = Find(r.files, "A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->country(), "PAN");
  // Identifiers link a-b and c-d first; the name joins the two pairs.
  EXPECT_THAT(a->merged_from(),
              ElementsAre("B (identifier: IMO=1234567)",
                          "C (identifier: OFAC_UID=42)",
                          "D (identifier: OFAC_UID=42)"));
  ASSERT_EQ(r.report.merges_by_rule.at(kRuleNameCountryKind), 1);
  const Merge& name_link = r.report.merges.back();
  EXPECT_EQ(name_link.rule, kRuleNameCountryKind);
  EXPECT_THAT(name_link.merged_ids, ElementsAre("B", "C"));
  EXPECT_EQ(name_link.values,
            "name 'blue whale' + country PAN + kind vessel");
  for (const Merge& m : r.report.merges) {
    EXPECT_EQ(m.kept_id, m.rule == kRuleSameId ? "PAN" : "A");
  }
}

TEST(ResolveTest, TransitiveChainStopsAtAConflict) {
  // b meets a by IMO and c by name; a and c carry different birth dates
  // (here: build dates), so c stays apart.
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "PAN") + R"(
    actors { id: "A" kind: ACTOR_KIND_VESSEL name: "Ship A" country: "PAN"
             born { year: 1990 }
             identifiers { scheme: "IMO" value: "1234567" } })"));
  files.push_back(File("b", State("b", "PAN") + R"(
    actors { id: "B" kind: ACTOR_KIND_VESSEL name: "Star" country: "PAN"
             identifiers { scheme: "IMO" value: "1234567" } })"));
  files.push_back(File("c", State("c", "PAN") + R"(
    actors { id: "C" kind: ACTOR_KIND_VESSEL name: "STAR" country: "PAN"
             born { year: 2005 } })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("PAN", "A", "C"));
  ASSERT_EQ(r.report.refused.size(), 1);
  EXPECT_EQ(r.report.refused[0].reason,
            "different birth dates 1990 and 2005");
}

TEST(ResolveTest, UnReferenceCitedInRemarks) {
  std::vector<DatasetFile> files;
  files.push_back(File("un", R"(
    actors { id: "UN-KPe.001" kind: ACTOR_KIND_LEGAL_ENTITY name: "KOMID"
             identifiers { scheme: "UN_REF" value: "KPe.001" } })"));
  files.push_back(File("eu", R"(
    actors { id: "EU-1" kind: ACTOR_KIND_LEGAL_ENTITY name: "Changgwang"
             note: "UN Ref KPe.001. Designated by the Committee." }
    actors { id: "EU-2" kind: ACTOR_KIND_LEGAL_ENTITY name: "Other"
             note: "Linked to KPe.001." })"));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(ActorIds(r.files), UnorderedElementsAre("UN-KPe.001", "EU-2"));
  ASSERT_EQ(r.report.merges.size(), 1);
  EXPECT_EQ(r.report.merges[0].values, "UN_REF=KPE.001 (cited by EU-1)");
}

TEST(ResolveTest, IdenticalSourcesAreKeptOnceConflictingOnesFail) {
  const std::string src =
      R"(sources { id: "src-sipri" publisher: "SIPRI" title: "Register" })";
  {
    std::vector<DatasetFile> files;
    files.push_back(File("a", src + State("sipri", "RUS"), false));
    files.push_back(File("b", src + State("sipri", "RUS"), false));
    ResolvedDataset r = Resolve(std::move(files));
    EXPECT_EQ(r.report.sources_deduplicated, 1);
    EXPECT_EQ(r.files[0].dataset.sources_size(), 1);
    EXPECT_EQ(r.files[1].dataset.sources_size(), 0);
  }
  {
    std::vector<DatasetFile> files;
    files.push_back(File("a", src, false));
    files.push_back(File(
        "b",
        R"(sources { id: "src-sipri" publisher: "SIPRI" title: "Other" })",
        false));
    absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), HasSubstr("b: sources[0]"));
    EXPECT_THAT(r.status().message(), HasSubstr("same id in a: sources[0]"));
  }
}

TEST(ResolveTest, IdenticalRecordsInTwoFilesAreKeptOnce) {
  const std::string shared = R"(
    sources { id: "src" publisher: "x" }
    actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" }
    actors { id: "PRK" kind: ACTOR_KIND_STATE name: "North Korea" }
    transfers { id: "T1" supplier_id: "PRK" recipient_id: "RUS"
                item: ITEM_ROCKETS status: STATUS_REPORTED
                evidence { source_id: "src" } })";
  std::vector<DatasetFile> files;
  files.push_back(File("a", shared, false));
  files.push_back(File("b", shared, false));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_EQ(r.files[1].dataset.transfers_size(), 0);
  ASSERT_EQ(r.report.dropped.size(), 1);
  EXPECT_EQ(r.report.dropped[0].reason, "identical to a: transfers[0]");
}

// Two lists of one authority name one designation (OFAC's SDN and
// consolidated lists, an entry on both under one programme): one sanction,
// with both lists' evidence, the measures each names (a MEASURE_OTHER that
// cannot tell adds none), the earlier edition date, both remarks.
TEST(ResolveTest, OneSanctionReadFromTwoListsIsOneRecordWithBothEvidence) {
  const std::string actors = R"(
    actors { id: "OFAC" kind: ACTOR_KIND_GOVERNMENT_BODY name: "OFAC" }
    actors { id: "OFAC-1" kind: ACTOR_KIND_PERSON name: "X" })";
  const auto sanction = [](const std::string& src, const std::string& measures,
                           int year, const std::string& remarks) {
    return absl::StrCat(R"(sources { id: ")", src, R"(" publisher: ")", src, R"(" }
      sanctions { id: "OFAC-1-P" authority_id: "OFAC" target_id: "OFAC-1"
                  program: "P" )", measures, R"( status: STATUS_CONFIRMED
                  remarks: ")", remarks, R"("
                  listed_no_later_than { year: )", year, R"( }
                  evidence { source_id: ")", src, R"(" locator: "row 1" } })");
  };
  {
    std::vector<DatasetFile> files;
    files.push_back(File("sdn", actors + sanction("sdn", "measures: MEASURE_ASSET_FREEZE", 2024, "SDN"), false));
    files.push_back(File("cons", actors + sanction("cons", "measures: MEASURE_SECTORAL", 2025, "cons"), false));
    ResolvedDataset r = Resolve(std::move(files));
    ASSERT_EQ(r.files[0].dataset.sanctions_size(), 1);
    EXPECT_EQ(r.files[1].dataset.sanctions_size(), 0);
    const v1::Sanction& s = r.files[0].dataset.sanctions(0);
    ASSERT_EQ(s.evidence_size(), 2);
    EXPECT_EQ(s.evidence(0).source_id(), "sdn");
    EXPECT_EQ(s.evidence(1).source_id(), "cons");
    EXPECT_THAT(s.measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE, v1::MEASURE_SECTORAL));
    EXPECT_EQ(s.listed_no_later_than().year(), 2024);
    EXPECT_EQ(s.remarks(), "sdn: SDN | cons: cons");  // Each list's word, named.
    ASSERT_EQ(r.report.dropped.size(), 1);
    EXPECT_EQ(r.report.dropped[0].reason,
              "the same Sanction as sdn: sanctions[0], which took its evidence");
  }
  {  // The later file's edition is the earlier; OTHER adds nothing.
    std::vector<DatasetFile> files;
    files.push_back(File("cons", actors + sanction("cons", "measures: MEASURE_ASSET_FREEZE", 2025, "cons"), false));
    files.push_back(File("sdn", actors + sanction("sdn", "measures: MEASURE_OTHER", 2024, "SDN"), false));
    ResolvedDataset r = Resolve(std::move(files));
    const v1::Sanction& s = r.files[0].dataset.sanctions(0);
    EXPECT_THAT(s.measures(), ElementsAre(v1::MEASURE_ASSET_FREEZE));
    EXPECT_EQ(s.listed_no_later_than().year(), 2024);
  }
  {  // The other order: OTHER first, then a named measure.
    std::vector<DatasetFile> files;
    files.push_back(File("cons", actors + sanction("cons", "measures: MEASURE_OTHER", 2025, "cons"), false));
    files.push_back(File("sdn", actors + sanction("sdn", "measures: MEASURE_ASSET_FREEZE", 2024, "SDN"), false));
    ResolvedDataset r = Resolve(std::move(files));
    EXPECT_THAT(r.files[0].dataset.sanctions(0).measures(),
                ElementsAre(v1::MEASURE_ASSET_FREEZE));
  }
  {  // Two imports of one source are not two lists: two records.
    std::vector<DatasetFile> files;
    files.push_back(File("old", actors + sanction("sdn", "measures: MEASURE_ASSET_FREEZE", 2024, "SDN"), false));
    files.push_back(File("new", actors + sanction("sdn", "measures: MEASURE_OTHER", 2024, "SDN"), false));
    absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->files[1].dataset.sanctions_size(), 1);
    EXPECT_THAT(Validate(r->files).message(), HasSubstr("duplicate sanction id"));
  }
  {  // A different programme text is another record: validation reports it.
    std::vector<DatasetFile> files;
    files.push_back(File("sdn", actors + sanction("sdn", "measures: MEASURE_ASSET_FREEZE", 2024, "SDN"), false));
    std::string other = actors + sanction("cons", "measures: MEASURE_ASSET_FREEZE", 2025, "cons");
    other.replace(other.find(R"(program: "P")"), 13, R"(program: "Q")");
    files.push_back(File("cons", other, false));
    absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->files[1].dataset.sanctions_size(), 1);
    EXPECT_THAT(r->report.dropped, IsEmpty());
    EXPECT_THAT(Validate(r->files).message(),
                HasSubstr("duplicate sanction id \"OFAC-1-P\""));
  }
}

// Two editions of one list (one publisher, address and title but for its
// dates) are refused together: an entry delisted between them would read
// as listed.
TEST(ResolveTest, TwoEditionsOfOneListAreRefused) {
  const auto edition = [](const std::string& id, const std::string& date,
                          int year) {
    return absl::StrCat(R"(sources { id: ")", id, R"(" publisher: "US Treasury OFAC"
        url: "https://ofac.example/sdn" title: "SDN List, edition )", date,
        R"(" published { year: )", year, R"( } }
        actors { id: "OFAC" kind: ACTOR_KIND_GOVERNMENT_BODY name: "OFAC" }
        actors { id: "OFAC-1" kind: ACTOR_KIND_PERSON name: "X" }
        sanctions { id: "OFAC-1-P" authority_id: "OFAC" target_id: "OFAC-1"
                    program: "P" measures: MEASURE_ASSET_FREEZE
                    status: STATUS_CONFIRMED evidence { source_id: ")", id,
        R"(" } })");
  };
  {
    std::vector<DatasetFile> files;
    files.push_back(File("new", edition("sdn-2024-05-03", "2024-05-03", 2024), false));
    files.push_back(File("old", edition("sdn-2021-07", "2021-07", 2021), false));
    absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), HasSubstr("old: sources[0]"));
    EXPECT_THAT(r.status().message(),
                HasSubstr("another edition of the list that new holds"));
    EXPECT_THAT(r.status().message(), HasSubstr("embargo diff"));
  }
  {  // Another list of the same publisher loads beside it.
    std::vector<DatasetFile> files;
    files.push_back(File("sdn", edition("sdn-2024-05-03", "2024-05-03", 2024), false));
    std::string cons = edition("cons-2025-03-28", "2025-03-28", 2025);
    cons.replace(cons.find("SDN List"), 8, "Non-SDN List");
    files.push_back(File("cons", cons, false));
    EXPECT_TRUE(ResolveEntities(std::move(files)).ok());
  }
  {  // Registers of transfers (no sanctions) are not lists to refuse.
    std::vector<DatasetFile> files;
    for (const auto& [name, date, year] :
         {std::tuple{"a", "2024-05-03", 2024}, std::tuple{"b", "2025-03-13", 2025}}) {
      std::string e = edition(std::string("reg-") + date, date, year);
      e.erase(e.find("actors {"));
      files.push_back(File(name, e, false));
    }
    EXPECT_TRUE(ResolveEntities(std::move(files)).ok());
  }
}

TEST(ResolveTest, RecordStreamPositionsFollowRemovals) {
  std::vector<DatasetFile> files;
  files.push_back(File("a", State("a", "RUS")));
  DatasetFile b = File("b", State("b", "RUS") + State("b", "PRK"));
  b.positions.sources = {0};
  b.positions.actors = {1, 2};
  files.push_back(std::move(b));
  ResolvedDataset r = Resolve(std::move(files));
  EXPECT_THAT(r.files[1].positions.actors, ElementsAre(2));
  EXPECT_EQ(r.files[1].dataset.actors(0).id(), "PRK");
}

TEST(ResolveTest, LoadResolvedGraphReadsResolvesAndBuilds) {
  // The bundled dataset with itself under another name: every record the
  // same, so the second copy folds into the first.
  const std::string path =
      std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto";
  ResolveReport report;
  absl::StatusOr<Graph> g =
      LoadResolvedGraph({path, path}, ResolveOptions{}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  absl::StatusOr<Graph> single = LoadGraph({path});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(g->num_nodes(), single->num_nodes());
  EXPECT_EQ(g->num_edges(), single->num_edges());
  EXPECT_EQ(report.merges_by_rule.at(kRuleSameId), report.actors_out);
  EXPECT_THAT(report.refused, IsEmpty());
}

}  // namespace
}  // namespace embargo
