// Tests for the country table (lib/io/import/countries.cc).

#include "embargo/import/countries.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::Optional;

TEST(CountryCodeTest, AcceptsCodesInAnyCase) {
  EXPECT_THAT(CountryCode("PRK"), Optional(absl::string_view("PRK")));
  EXPECT_THAT(CountryCode("prk"), Optional(absl::string_view("PRK")));
  EXPECT_THAT(CountryCode("KP"), Optional(absl::string_view("PRK")));
  EXPECT_THAT(CountryCode(" ru "), Optional(absl::string_view("RUS")));
  EXPECT_THAT(CountryCode("XK"), Optional(absl::string_view("XKX")));
}

TEST(CountryCodeTest, KnowsTheSpellingsListsUse) {
  for (const char* name :
       {"Korea, North", "North Korea", "DPRK", "Democratic People's Republic of Korea",
        "Korea, Democratic People's Republic of", "NORTH KOREA", "D.P.R.K."}) {
    EXPECT_THAT(CountryCode(name), Optional(absl::string_view("PRK"))) << name;
  }
  EXPECT_THAT(CountryCode("Korea, South"), Optional(absl::string_view("KOR")));
  EXPECT_THAT(CountryCode("Republic of Korea"), Optional(absl::string_view("KOR")));
  EXPECT_THAT(CountryCode("Russia"), Optional(absl::string_view("RUS")));
  EXPECT_THAT(CountryCode("Russian Federation"), Optional(absl::string_view("RUS")));
  EXPECT_THAT(CountryCode("Iran"), Optional(absl::string_view("IRN")));
  EXPECT_THAT(CountryCode("Iran (Islamic Republic of)"), Optional(absl::string_view("IRN")));
  EXPECT_THAT(CountryCode("Syria"), Optional(absl::string_view("SYR")));
  EXPECT_THAT(CountryCode("Syrian Arab Republic"), Optional(absl::string_view("SYR")));
  EXPECT_THAT(CountryCode("Burma"), Optional(absl::string_view("MMR")));
  EXPECT_THAT(CountryCode("Myanmar"), Optional(absl::string_view("MMR")));
  EXPECT_THAT(CountryCode("Cote d'Ivoire"), Optional(absl::string_view("CIV")));
  EXPECT_THAT(CountryCode("C\u00f4te d\u2019Ivoire"), Optional(absl::string_view("CIV")));
  EXPECT_THAT(CountryCode("Cote d Ivoire"), Optional(absl::string_view("CIV")));
  EXPECT_THAT(CountryCode("Czechia"), Optional(absl::string_view("CZE")));
  EXPECT_THAT(CountryCode("Czech Republic"), Optional(absl::string_view("CZE")));
  EXPECT_THAT(CountryCode("T\u00fcrkiye"), Optional(absl::string_view("TUR")));
  EXPECT_THAT(CountryCode("Turkey"), Optional(absl::string_view("TUR")));
  EXPECT_THAT(CountryCode("United Kingdom"), Optional(absl::string_view("GBR")));
  EXPECT_THAT(CountryCode("UK"), Optional(absl::string_view("GBR")));
  EXPECT_THAT(CountryCode("United Kingdom of Great Britain and Northern Ireland"),
              Optional(absl::string_view("GBR")));
  EXPECT_THAT(CountryCode("United States of America"), Optional(absl::string_view("USA")));
  EXPECT_THAT(CountryCode("USSR"), Optional(absl::string_view("SUN")));
  EXPECT_THAT(CountryCode("Soviet Union"), Optional(absl::string_view("SUN")));
  EXPECT_THAT(CountryCode("Kosovo"), Optional(absl::string_view("XKX")));
  EXPECT_THAT(CountryCode("Bahamas, The"), Optional(absl::string_view("BHS")));
  EXPECT_THAT(CountryCode("The Gambia"), Optional(absl::string_view("GMB")));
  EXPECT_THAT(CountryCode("Congo, Democratic Republic of the"),
              Optional(absl::string_view("COD")));
  EXPECT_THAT(CountryCode("Congo, Republic of the"), Optional(absl::string_view("COG")));
  EXPECT_THAT(CountryCode("China, Hong Kong Special Administrative Region"),
              Optional(absl::string_view("HKG")));
  EXPECT_THAT(CountryCode("Viet Nam"), Optional(absl::string_view("VNM")));
  EXPECT_THAT(CountryCode("State of Palestine"), Optional(absl::string_view("PSE")));
  EXPECT_THAT(CountryCode("Virgin Islands, British"), Optional(absl::string_view("VGB")));
  EXPECT_THAT(CountryCode("Netherlands Antilles"), Optional(absl::string_view("ANT")));
}

TEST(CountryCodeTest, RefusesWhatIsNotACountry) {
  EXPECT_EQ(CountryCode(""), std::nullopt);
  EXPECT_EQ(CountryCode("-0- "), std::nullopt);
  EXPECT_EQ(CountryCode("undetermined"), std::nullopt);
  EXPECT_EQ(CountryCode("Region: Crimea"), std::nullopt);
  EXPECT_EQ(CountryCode("ZZZ"), std::nullopt);
  EXPECT_EQ(CountryCode("Atlantis"), std::nullopt);
}

TEST(CountryNameTest, GivesCommonShortNames) {
  EXPECT_EQ(CountryName("PRK"), "North Korea");
  EXPECT_EQ(CountryName("RUS"), "Russia");
  EXPECT_EQ(CountryName("USA"), "United States");
  EXPECT_EQ(CountryName("CIV"), "C\u00f4te d'Ivoire");
  EXPECT_EQ(CountryName("SUN"), "Soviet Union");
  EXPECT_EQ(CountryName("XXX"), "");
  EXPECT_EQ(CountryAlpha2("PRK"), "KP");
  EXPECT_TRUE(IsHistoricCountry("SUN"));
  EXPECT_FALSE(IsHistoricCountry("RUS"));
}

// Every ISO alpha-3 code round-trips through its own name and alpha-2 code,
// which also proves that no alias steals another country's name.
TEST(CountryTableTest, EveryNameMapsBackToItsCode) {
  int checked = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      for (char c = 'A'; c <= 'Z'; ++c) {
        const std::string code = {a, b, c};
        absl::string_view name = CountryName(code);
        if (name.empty()) continue;
        ++checked;
        EXPECT_THAT(CountryCode(name), Optional(absl::string_view(code))) << name;
        v1::Actor actor = StateActor(code, "");
        for (const std::string& alias : actor.aliases()) {
          EXPECT_THAT(CountryCode(alias), Optional(absl::string_view(code)))
              << code << " alias " << alias;
        }
        absl::string_view a2 = CountryAlpha2(code);
        if (!a2.empty()) {
          EXPECT_THAT(CountryCode(a2), Optional(absl::string_view(code)));
        }
      }
    }
  }
  EXPECT_EQ(checked, 249 + 7);  // ISO 3166-1, XKX and six historic codes.
}

TEST(StateActorTest, BuildsAStateActor) {
  v1::Actor prk = StateActor("PRK", "src-1");
  EXPECT_EQ(prk.id(), "PRK");
  EXPECT_EQ(prk.kind(), v1::ACTOR_KIND_STATE);
  EXPECT_EQ(prk.name(), "North Korea");
  EXPECT_THAT(prk.aliases(), ::testing::Contains("Korea, North"));
  ASSERT_EQ(prk.evidence_size(), 1);
  EXPECT_EQ(prk.evidence(0).source_id(), "src-1");
  EXPECT_EQ(StateActor("PRK", "").evidence_size(), 0);
  v1::Actor sun = StateActor("SUN", "");
  EXPECT_EQ(sun.name(), "Soviet Union");
  EXPECT_THAT(sun.note(), ::testing::HasSubstr("historic"));
}

}  // namespace
}  // namespace embargo
