// Tests of `embargo search`, `embargo screen` and of how every command
// resolves an actor argument ("did you mean", ambiguity), run as a user
// runs the tool, on the real lists imported with `embargo import`.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = EMBARGO_SHARED_DATA_DIR;

struct Result {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class SearchCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string tmpl = ::testing::TempDir() + "/search_cli_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = new std::string(tmpl);
    ASSERT_EQ(Run({"import", "ofac-csv", kData + "/ofac/sdn_2024-05-03.csv", "-o",
                   Path("ofac.pb")}).code, 0);
    ASSERT_EQ(Run({"import", "un", kData + "/un/consolidated_2025-04-19.xml", "-o",
                   Path("un.pb")}).code, 0);
    ASSERT_EQ(Run({"import", "eu", kData + "/eu/32014R0269.csv", "-o",
                   Path("eu.pb")}).code, 0);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string Path(const std::string& name) { return *dir_ + "/" + name; }

  // Run runs `embargo ARGS...` and collects exit status, stdout, stderr.
  static Result Run(const std::vector<std::string>& args) {
    const auto quote = [](const std::string& s) {
      std::string q = "'";
      for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
      return q + "'";
    };
    std::string cmd = quote(EMBARGO_CLI);
    for (const std::string& a : args) absl::StrAppend(&cmd, " ", quote(a));
    const std::string out = Path("stdout"), err = Path("stderr");
    absl::StrAppend(&cmd, " >", quote(out), " 2>", quote(err));
    Result r;
    const int status = std::system(cmd.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  // OnLists runs a command on the three lists.
  static Result OnLists(std::vector<std::string> args) {
    for (const char* f : {"ofac.pb", "un.pb", "eu.pb"}) {
      args.push_back("--data");
      args.push_back(Path(f));
    }
    return Run(args);
  }

  static std::string* dir_;
};
std::string* SearchCliTest::dir_ = nullptr;

TEST_F(SearchCliTest, SearchFindsShoiguInEveryScript) {
  for (const char* q : {"Shoigu", "Шойгу", "Shoygu", "Sergei Shoygu"}) {
    Result r = OnLists({"search", q, "--json"});
    EXPECT_EQ(r.code, 0) << q << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    ASSERT_FALSE(j["candidates"].empty()) << q;
    EXPECT_EQ(j["candidates"][0]["id"], "OFAC-35173") << q;
    EXPECT_FALSE(j["candidates"][0]["explanation"].get<std::string>().empty());
  }
  Result r = OnLists({"search", "Шойгу Сергей", "--country", "RUS", "--dob", "1955"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OFAC-35173"));
  EXPECT_THAT(r.out, HasSubstr("born 1955 agrees"));
}

TEST_F(SearchCliTest, SearchKoreanRomanisationsAndCompanyForms) {
  for (const char* q : {"Korea Ryonha Machinery", "Korea Ryŏnha Machinery",
                        "Korea Ryeonha Machinery Co., Ltd."}) {
    Result r = OnLists({"search", q, "--json", "--limit", "1"});
    EXPECT_EQ(r.code, 0) << q << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    ASSERT_EQ(j["candidates"].size(), 1u);
    EXPECT_EQ(j["candidates"][0]["id"], "OFAC-9527") << q;
  }
  Result r = OnLists({"search", "Nobody Whatsoever Atall"});
  EXPECT_EQ(r.code, 1) << r.out;
  r = OnLists({"search"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(SearchCliTest, ACountryComparesWithAddressesWhenTheListGivesNone) {
  // Neither OFAC's nor the EU's VTB Bank entry gives a country; their
  // registration numbers (Russia) and the EU's Moscow address do.
  Result r = OnLists({"search", "VTB Bank", "--country", "RU", "--json"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_FALSE(j["candidates"].empty());
  EXPECT_EQ(j["candidates"][0]["id"], "OFAC-17013");
  EXPECT_EQ(j["candidates"][0]["country"]["agreement"], "agrees");
  EXPECT_EQ(j["candidates"][0]["country"]["actor"], "RUS");
  EXPECT_EQ(j["candidates"][0]["country"]["actor_from"], "addresses, identifiers");
}

TEST_F(SearchCliTest, ActorArgumentsSuggestOrRefuse) {
  // A typo of an id: exit 2, "did you mean" with PRK first.
  Result r = OnLists({"exposure", "PKR"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("did you mean: PRK (North Korea, state)"));
  // One line of error, after the note on the links resolution refused.
  EXPECT_THAT(r.err, testing::StartsWith("note: entity resolution refused 49 link(s)"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
  // A partial name: the candidates, never one picked.
  r = OnLists({"path", "Shoigu", "PRK"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("did you mean"));
  EXPECT_THAT(r.err, HasSubstr("OFAC-35173"));
  // Two actors named alike: the EU's "Sberbank" (of Russia, OGRN
  // 1027700132195) exactly, OFAC's JOINT STOCK COMPANY SBERBANK (its
  // Ukrainian subsidiary) nearly as well: refused, with both.
  r = OnLists({"exposure", "Sberbank"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("EU-32014R0269-I.ENTITIES-108"));
  EXPECT_THAT(r.err, HasSubstr("OFAC-18715"));
  EXPECT_THAT(r.err, HasSubstr("give an id"));
  // The two lists' VTB Bank share OGRN 1027739609391 and are one actor,
  // with both lists' sanctions.
  r = OnLists({"exposure", "VTB Bank", "--as-of", "2024-06-01", "--max-hops", "0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OFAC-17013 (VTB BANK PUBLIC JOINT STOCK COMPANY"));
  EXPECT_THAT(r.out, HasSubstr("OFAC-17013-RUSSIA-EO14024"));
  EXPECT_THAT(r.out, HasSubstr("EU-32014R0269-I.ENTITIES-82  EU "));
  // A name that is a listed one but for its company form is taken, and
  // said so: "Rosoboronexport" is the EU's "JSC ROSOBORONEXPORT" (one actor
  // with OFAC's "ROSOBORONEKSPORT OAO").
  r = OnLists({"exposure", "Rosoboronexport", "--as-of", "2024-06-01", "--max-hops", "0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OFAC-18782 (ROSOBORONEKSPORT OAO, legal_entity)"));
  EXPECT_THAT(r.err, HasSubstr("\"Rosoboronexport\" is taken as OFAC-18782 (ROSOBORONEKSPORT "
                               "OAO, legal_entity), whose name \"JSC ROSOBORONEXPORT\" it is "
                               "but for \"jsc\""));
  // Ids and unique names still work.
  r = OnLists({"exposure", "OFAC-35173", "--as-of", "2024-06-01"});
  EXPECT_EQ(r.code, 0) << r.err;
  r = OnLists({"neighbors", "SHOIGU, Sergei Kuzhugetovich", "--max-hops", "1"});
  EXPECT_EQ(r.code, 0) << r.err;
  // A vessel's IMO number names the vessel (PATRIOT, IMO 9003550 on the
  // 2024 SDN list), and says so.
  r = OnLists({"exposure", "IMO 9003550", "--as-of", "2024-06-01"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OFAC-24508 (PATRIOT, vessel)"));
  EXPECT_THAT(r.err, HasSubstr("\"IMO 9003550\" is the identifier IMO 9003550 of OFAC-24508"));
}

// `embargo resolve` lists what entity resolution did with the three lists:
// every link with its rule and what matched, and every link refused, why.
TEST_F(SearchCliTest, ResolveListsTheLinksAndTheRefusals) {
  Result r = Run({"resolve", Path("ofac.pb"), Path("un.pb"), Path("eu.pb"), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const int64_t in = j["actors_in"], out = j["actors_out"];
  EXPECT_GT(in, out);
  int64_t links = 0;
  for (const auto& [rule, count] : j["links_by_rule"].items()) links += count.get<int64_t>();
  EXPECT_EQ(static_cast<size_t>(links), j["links"].size());
  // Merges are transitive: every link joins two actors of different files or
  // two already joined, so the actors removed are at most the links.
  EXPECT_EQ(in - out, j["actors_removed"].get<int64_t>());
  EXPECT_LE(in - out, links);
  // Rosoboronexport: OFAC's and the EU's entries share OGRN 1117746521452.
  bool rosoboronexport = false;
  for (const auto& l : j["links"]) {
    if (l["kept_id"] == "OFAC-18782" && l["rule"] == "registry number+country") {
      rosoboronexport = l["values"] == "registry number 1117746521452 + country RUS";
    }
  }
  EXPECT_TRUE(rosoboronexport);
  // The refusals, each with its reason: one passport, two birth dates (the
  // UN gives Al-Qaida's OFAC-7209 a day later); one OGRN on two OFAC entries.
  ASSERT_EQ(j["refused"].size(), 49u);
  bool passport = false, ogrn = false;
  for (const auto& x : j["refused"]) {
    EXPECT_EQ(x["ids"].size(), 2u);
    EXPECT_FALSE(x["reason"].get<std::string>().empty());
    if (x["ids"][0] == "OFAC-7209" && x["ids"][1] == "UN-QDi.059") {
      passport = x["reason"] == "different birth dates 1962-08-25 and 1962-08-24" &&
                 x["rule"] == "document number+country or birth date";
    }
    if (x["ids"][0] == "OFAC-35864" && x["ids"][1] == "OFAC-35865") {
      ogrn = absl::StrContains(x["reason"].get<std::string>(),
                               "lists 2 distinct actors bearing this number");
    }
  }
  EXPECT_TRUE(passport);
  EXPECT_TRUE(ogrn);
  // The text form, narrowed to one actor, and to one rule.
  r = Run({"resolve", Path("ofac.pb"), Path("eu.pb"), "--id", "OFAC-18782"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 link(s) (involving OFAC-18782):\n"
                               "  OFAC-18782 (" + Path("ofac.pb") +
                               ") and EU-32014R0269-I.ENTITIES-58 (" + Path("eu.pb") +
                               ") -> OFAC-18782\n"
                               "      by registry number+country: registry number "
                               "1117746521452 + country RUS\n"));
  r = Run({"resolve", Path("ofac.pb"), Path("un.pb"), "--rule", "spelling+birth date",
           "--limit", "0"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("3 link(s) (rule spelling+birth date):"));
  EXPECT_THAT(r.out, Not(HasSubstr("by name+country+kind")));
  // Every other command says that links were refused, and where to read them.
  r = OnLists({"search", "Shoygu", "--limit", "1"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("entity resolution refused 49 link(s)"));
  EXPECT_THAT(r.err, HasSubstr("`embargo resolve FILE...` lists them"));
  // Bad input.
  EXPECT_EQ(Run({"resolve", Path("ofac.pb")}).code, 2);
  r = Run({"resolve", Path("ofac.pb"), Path("eu.pb"), "--rule", "names"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("--rule \"names\": expected one of \"same id\""));
}

TEST_F(SearchCliTest, UnknownAuthorityOrProgrammeIsRefusedWithTheKnownOnes) {
  // A mistyped authority or programme must not answer "nothing found".
  Result r = OnLists({"breaches", "--authority", "UN"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("--authority \"UN\" is not the authority of any sanction"));
  EXPECT_THAT(r.err, HasSubstr("UNSC"));
  r = OnLists({"exposure", "PRK", "--program", "DPRKX", "--max-hops", "0"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("--program \"DPRKX\" is not the programme"));
  EXPECT_THAT(r.err, HasSubstr("DPRK3"));
  r = OnLists({"links", "RUS", "--sanctioned", "--program", "DPRKX", "--max-hops", "1"});
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("--program \"DPRKX\" is not the programme"));
  r = OnLists({"links", "RUS", "--sanctioned", "--program", "DPRK3", "--max-hops", "1",
               "--count"});
  EXPECT_NE(r.code, 2) << r.err;
}

TEST_F(SearchCliTest, WeakAliasOfOneActorIsTakenAndSaidSo) {
  // OFAC gives KOMID only as a weak a.k.a. in the remarks of entry 9345
  // (KOREA MINING DEVELOPMENT TRADING CORPORATION): the only actor bearing
  // it, so it is taken, with a note on stderr.
  Result r = Run({"exposure", "KOMID", "--max-hops", "0", "--as-of", "2024-01-01",
                  "--data", Path("ofac.pb")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("OFAC-9345 (KOREA MINING DEVELOPMENT TRADING CORPORATION"));
  EXPECT_THAT(r.err, HasSubstr("\"KOMID\" is a weak alias"));
  // "Abu Ahmad", a weak alias several listed people share on the three
  // lists: refused, with every bearer named.
  r = OnLists({"exposure", "Abu Ahmad", "--max-hops", "0"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("is a weak alias of several actors"));
  EXPECT_THAT(r.err, HasSubstr("OFAC-7848"));
  EXPECT_THAT(r.err, HasSubstr("OFAC-16280"));
}

TEST_F(SearchCliTest, ScreenReportsEveryRowAndGoesOnPastBadOnes) {
  std::ofstream(Path("in.csv"))
      << "name,country,dob,imo\n"
         "Shoygu Sergei,RUS,1955-05-21,\n"
         "Nobody Whatsoever Atall,,,\n"
         "Bad Country,Atlantis,,\n"
         "Bad Date,,1955-13,\n"
         "too,many,columns,here,again\n"
         "VTB Bank PJSC,,,\n";
  Result r = OnLists({"screen", Path("in.csv"), "--as-of", "2024-06-01", "--json"});
  EXPECT_EQ(r.code, 1) << r.err;  // Rows that could not be read.
  EXPECT_THAT(r.err, HasSubstr("in.csv:4"));
  EXPECT_THAT(r.err, HasSubstr("in.csv:5"));
  EXPECT_THAT(r.err, HasSubstr("in.csv:6"));
  EXPECT_THAT(r.err, HasSubstr("3 row(s) could not be screened"));
  EXPECT_THAT(r.err, Not(HasSubstr("screened 6 of")));  // No progress off a tty.
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["rows"].size(), 6u);
  EXPECT_EQ(j["as_of"], "2024-06-01");
  const nlohmann::json& shoigu = j["rows"][0]["matches"][0];
  EXPECT_EQ(shoigu["id"], "OFAC-35173");
  EXPECT_TRUE(shoigu["sanctioned"]);
  bool ofac = false;
  for (const auto& s : shoigu["sanctions"]) ofac = ofac || s["authority"] == "OFAC";
  EXPECT_TRUE(ofac);
  EXPECT_TRUE(j["rows"][1]["matches"].empty());
  EXPECT_TRUE(j["rows"][2].contains("error"));
  EXPECT_EQ(j["rows"][5]["matches"][0]["id"], "OFAC-17013");
  // CSV to a file.
  r = OnLists({"screen", Path("in.csv"), "--as-of", "2024-06-01", "--csv", "-o",
               Path("out.csv")});
  EXPECT_EQ(r.code, 1);
  const std::string csv = Slurp(Path("out.csv"));
  EXPECT_TRUE(absl::StartsWith(csv, "line,query,rank,score,id,")) << csv;
  EXPECT_THAT(csv, HasSubstr("2,Shoygu Sergei,1,"));
  EXPECT_THAT(csv, HasSubstr("OFAC RUSSIA-EO14024"));
  EXPECT_THAT(csv, HasSubstr("no match"));
  // An unclosed quote runs to the end of the file: the row it opens in is
  // the one reported, by its own line.
  std::ofstream(Path("quote.csv")) << "name\nVTB Bank\n\"Unclosed\nMore\nRows\n";
  r = OnLists({"screen", Path("quote.csv"), "--csv"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.out, HasSubstr("\n3,,,,"));
  EXPECT_THAT(r.out, HasSubstr("quote.csv:3:1: quoted field is not closed"));
  // A file that does not exist: exit 2, one line.
  r = OnLists({"screen", Path("missing.csv")});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing.csv"));
}

// A CSV as spreadsheets save it in many locales: a byte-order mark and
// semicolons. Its header is read as a header, its country as the country;
// a column the screen does not read is named on stderr; a header without a
// name column is refused rather than read by position.
TEST_F(SearchCliTest, ScreenReadsSpreadsheetCsvAndSaysWhatItLeavesUnread) {
  std::ofstream(Path("semi.csv"))
      << "\xEF\xBB\xBFName;Country;Kundennummer\r\nShoygu Sergei;RUS;K-17\r\n";
  Result r = OnLists({"screen", Path("semi.csv"), "--as-of", "2024-06-01", "--json",
                      "--matches", "1"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["rows"].size(), 1u);  // The header is no row to screen.
  EXPECT_EQ(j["rows"][0]["line"], 2);
  EXPECT_EQ(j["rows"][0]["query"]["name"], "Shoygu Sergei");
  EXPECT_EQ(j["rows"][0]["query"]["country"], "RUS");
  EXPECT_EQ(j["rows"][0]["matches"][0]["id"], "OFAC-35173");
  EXPECT_THAT(r.err, HasSubstr("semi.csv:1: column 3 \"Kundennummer\" is not read"));

  std::ofstream(Path("noname.csv")) << "company_name,country\nSberbank,RUS\n";
  r = OnLists({"screen", Path("noname.csv")});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("noname.csv:1: the header has no column \"name\""));
  EXPECT_EQ(r.out, "");
}

// Screening counts every sanctioned actor within reach and lists the
// nearest --nearby of them with a path: a list cut short says how many there
// are, in the table, the CSV and JSON (OFAC's Sberbank has scores of
// associates on the SDN list).
TEST_F(SearchCliTest, ScreenCountsEverySanctionedActorNearbyNotOnlyThoseListed) {
  std::ofstream(Path("sber.csv")) << "name\nJoint Stock Company Sberbank\n";
  const auto screen = [&](const std::string& nearby, const std::string& form) {
    std::vector<std::string> args = {"screen", Path("sber.csv"), "--as-of", "2024-06-01",
                                     "--matches", "1", "--nearby", nearby};
    if (!form.empty()) args.push_back(form);
    return OnLists(args);
  };
  Result all = screen("100000", "--json");
  ASSERT_EQ(all.code, 0) << all.err;
  nlohmann::json j = nlohmann::json::parse(all.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << all.out;
  const nlohmann::json whole = j["rows"][0]["matches"][0];  // A copy: j is read again.
  EXPECT_EQ(whole["id"], "OFAC-18715");
  const size_t count = whole["nearby"].size();
  ASSERT_GT(count, 2u);
  EXPECT_EQ(whole["nearby_count"], count);
  EXPECT_FALSE(whole["nearby_truncated"]);
  EXPECT_FALSE(whole["nearby_incomplete"]);

  Result cut = screen("2", "--json");
  ASSERT_EQ(cut.code, 0) << cut.err;
  j = nlohmann::json::parse(cut.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << cut.out;
  const nlohmann::json& two = j["rows"][0]["matches"][0];
  ASSERT_EQ(two["nearby"].size(), 2u);
  EXPECT_EQ(two["nearby_count"], count);
  EXPECT_TRUE(two["nearby_truncated"]);
  // The nearest two of the whole list, in its order.
  EXPECT_EQ(two["nearby"][0]["id"], whole["nearby"][0]["id"]);
  EXPECT_EQ(two["nearby"][1]["id"], whole["nearby"][1]["id"]);

  Result text = screen("2", "");
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat("sanctioned actors within 2 hop(s): ", count,
                                               "; the 2 nearest, one path each:")));
  // Each listed with its name, not only its id.
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat(
                            std::string(whole["nearby"][0]["id"]), " \"",
                            std::string(whole["nearby"][0]["name"]), "\": OFAC-18715 ")));

  Result csv = screen("2", "--csv");
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr(",chain,nearby_count,nearby,explanation,error\n"));
  EXPECT_THAT(csv.out, HasSubstr(absl::StrCat(",", count, ",OFAC-18715 ")));

  // No nearby search asked for: no count either.
  Result none = OnLists({"screen", Path("sber.csv"), "--matches", "1", "--hops", "0"});
  ASSERT_EQ(none.code, 0) << none.err;
  EXPECT_THAT(none.out, Not(HasSubstr("sanctioned actors within")));
  none = OnLists({"screen", Path("sber.csv"), "--matches", "1", "--hops", "0", "--json"});
  ASSERT_EQ(none.code, 0) << none.err;
  j = nlohmann::json::parse(none.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << none.out;
  EXPECT_TRUE(j["rows"][0]["matches"][0]["nearby_count"].is_null());  // Not 0.
  EXPECT_TRUE(j["rows"][0]["matches"][0]["nearby"].empty());
}

// On the EU list alone, the OFAC 50 % rule has no list to count: whether
// Sberbank is blocked through ownership is unknown, never "no", in
// exposure (text and JSON) and in screen (CSV and JSON); the EU's own rule
// answers.
TEST_F(SearchCliTest, BlockingIsUnknownWhenTheRulesListIsNotLoaded) {
  const std::string eu = Path("eu.pb");
  const std::string sber = "EU-32014R0269-I.ENTITIES-108";
  Result r = Run({"exposure", sber, "--data", eu, "--max-hops", "0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(OFAC 50 % rule, counting the asset freezes of "
                               "OFAC): unknown: no OFAC list that freezes assets is loaded"));
  r = Run({"exposure", sber, "--data", eu, "--max-hops", "0", "--json"});
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j["blocked"]["blocked"].is_null());
  EXPECT_EQ(j["blocked"]["authorities_not_loaded"], nlohmann::json({"OFAC"}));
  r = Run({"exposure", sber, "--data", eu, "--max-hops", "0", "--rule", "eu"});
  EXPECT_THAT(r.out, HasSubstr("): no (blocked as sanctioned itself, certain)"));

  std::ofstream(Path("sber.csv")) << "name\nSberbank\n";
  r = Run({"screen", Path("sber.csv"), "--data", eu, "--csv"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(",yes,EU EU-UKR listed 2022-07-21,unknown,"));
  r = Run({"screen", Path("sber.csv"), "--data", eu});
  EXPECT_THAT(r.out, HasSubstr("blocking through ownership is unknown"));
  r = Run({"screen", Path("sber.csv"), "--data", eu, "--json"});
  j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  const nlohmann::json& m = j["rows"][0]["matches"][0];
  EXPECT_EQ(m["id"], sber);
  EXPECT_TRUE(m["blocked"].is_null());
  EXPECT_EQ(m["blocked_certainty"], "unknown");
  // With OFAC's list loaded the answer is known: OFAC blocks its own
  // Sberbank entry, not the EU's (resolution keeps the two apart).
  r = OnLists({"screen", Path("sber.csv"), "--csv"});
  EXPECT_THAT(r.out, Not(HasSubstr("unknown,")));
  EXPECT_THAT(r.out, HasSubstr("JOINT STOCK COMPANY SBERBANK,legal_entity,,yes,OFAC"));
  EXPECT_THAT(r.out, HasSubstr("EU EU-UKR listed 2022-07-21,no,"));
  // Unknown blocking and nothing else is still an answer (exit 0).
  r = Run({"exposure", "RUS", "--data", eu, "--max-hops", "0"});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("unknown: no OFAC list"));

  // OFAC's consolidated (non-SDN) list alone names OFAC but freezes
  // nothing: blocking is unknown there too, not "no" (ZAHHAR is frozen on
  // the SDN list under SDGT).
  ASSERT_EQ(Run({"import", "ofac-xml", kData + "/ofac/consolidated_2025-03/consolidated.xml",
                 "-o", Path("cons.pb")}).code, 0);
  r = Run({"exposure", "OFAC-9647", "--data", Path("cons.pb"), "--max-hops", "0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("unknown: no OFAC list that freezes assets is loaded"));
  // Beside the SDN list, the answer is known.
  r = Run({"exposure", "OFAC-9647", "--data", Path("cons.pb"), "--data", Path("ofac.pb"),
           "--max-hops", "0"});
  EXPECT_THAT(r.out, HasSubstr("): no (blocked as sanctioned itself, certain)"));
}

// A graph with no sanctions list (OpenSanctions' Wikidata PEPs, SIPRI's
// register) cannot say "not sanctioned": screen, exposure and neighbors
// answer unknown there, and name the lists they read where there are some.
TEST_F(SearchCliTest, SanctionedIsUnknownWithoutASanctionsList) {
  ASSERT_EQ(Run({"import", "ftm", kData + "/opensanctions/wd_peps_2024-03/entities.ftm.json",
                 "-o", Path("peps.pb")}).code, 0);
  ASSERT_EQ(Run({"import", "sipri", kData + "/sipri/trade-register_2025-03-13.csv", "-o",
                 Path("sipri.pb")}).code, 0);
  std::ofstream(Path("pep.csv")) << "name\nBussma Ahmed Bugis\n";
  Result r = Run({"screen", Path("pep.csv"), "--data", Path("peps.pb"), "--csv"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(",FTM-Q100456396,Bussma Ahmed Bugis,person,,unknown,,unknown,"));
  r = Run({"screen", Path("pep.csv"), "--data", Path("peps.pb")});
  EXPECT_THAT(r.out, HasSubstr("sanctions: unknown, no sanctions list is loaded"));
  EXPECT_THAT(r.out, HasSubstr("sanctioned: unknown (no sanctions list loaded)"));
  EXPECT_THAT(r.out, Not(HasSubstr("not sanctioned")));
  r = Run({"screen", Path("pep.csv"), "--data", Path("peps.pb"), "--json"});
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j["sanction_authorities"].empty());
  EXPECT_TRUE(j["rows"][0]["matches"][0]["sanctioned"].is_null());
  EXPECT_EQ(j["rows"][0]["matches"][0]["sanctioned_certainty"], "unknown");
  // Beside the OFAC and UN lists the same PEP is known not to be on them,
  // and the answer names them.
  r = OnLists({"screen", Path("pep.csv"), "--data", Path("peps.pb"), "--as-of", "2025-01-01"});
  EXPECT_THAT(r.out, HasSubstr("sanctions: the lists of EU, OFAC, UNSC"));
  EXPECT_THAT(r.out, HasSubstr("not sanctioned on 2025-01-01 in the lists of EU, OFAC, UNSC"));
  r = OnLists({"screen", Path("pep.csv"), "--data", Path("peps.pb"), "--json"});
  j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["rows"][0]["matches"][0]["sanctioned"], false);
  EXPECT_EQ(j["sanction_authorities"], nlohmann::json({"EU", "OFAC", "UNSC"}));

  // Russia on SIPRI's register alone: sanctions and sanctioned neighbours
  // unknown, not 0; neighbours' "sanctioned" null, "unknown" in the table.
  r = Run({"exposure", "RUS", "--data", Path("sipri.pb")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Sanctions in force on it: unknown (no sanctions list is loaded)"));
  EXPECT_THAT(r.out, HasSubstr("hop(s): unknown (no sanctions list is loaded)"));
  r = Run({"exposure", "RUS", "--data", Path("sipri.pb"), "--json"});
  j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j["sanction_lists"].empty());
  EXPECT_TRUE(j["actor"]["sanctioned"].is_null());
  EXPECT_TRUE(j["sanctioned_nearby"].is_null());
  r = Run({"neighbors", "PRK", "--data", Path("sipri.pb"), "--max-hops", "1"});
  EXPECT_THAT(r.out, HasSubstr("Russia"));
  EXPECT_THAT(r.out, HasSubstr(" sanctioned "));
  EXPECT_THAT(r.out, HasSubstr(" unknown "));
  // Who is sanctioned, and which transfers breach an embargo: unknown too,
  // not "0 targets" or "no breaches".
  r = Run({"sanctioned", "--data", Path("sipri.pb")});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.out, HasSubstr("unknown, no sanctions list is loaded"));
  EXPECT_THAT(r.out, Not(HasSubstr("0 target(s)")));
  r = Run({"breaches", "--data", Path("sipri.pb")});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.out, HasSubstr("Embargo breaches: unknown: no sanctions list or arms embargo"));
  r = Run({"breaches", "--data", Path("sipri.pb"), "--json"});
  j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j["count"].is_null());
  r = Run({"links", "PRK", "--sanctioned", "--data", Path("sipri.pb")});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("no sanctions list is loaded, so who is sanctioned is unknown"));
  // Beside a list of listed entities but no embargo on a state, the answer
  // says what was checked.
  r = Run({"breaches", "--data", Path("un.pb"), "--data", Path("sipri.pb"), "--actor", "RUS"});
  EXPECT_THAT(r.out + r.err, HasSubstr("no arms embargo on a state is loaded"));
  r = Run({"sanctioned", "--data", Path("un.pb"), "--data", Path("sipri.pb")});
  EXPECT_EQ(r.code, 0);
  EXPECT_THAT(r.out, HasSubstr("target(s) of any authority, in force as of "));
  EXPECT_THAT(r.out, HasSubstr("(lists of UNSC)"));
  // With the UN list beside it, Russia is known not to be a target.
  r = Run({"exposure", "RUS", "--data", Path("sipri.pb"), "--data", Path("un.pb"),
           "--max-hops", "0", "--json"});
  j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["sanction_lists"], nlohmann::json({"UNSC"}));
  EXPECT_EQ(j["actor"]["sanctioned"], false);
}

}  // namespace
}  // namespace embargo
