// `embargo sanctioned --country` and `--country` on the query commands, run
// as a user runs them, on the real OFAC list (2021-07 edition, with its
// addresses) in ../shared/data/ofac/. See tests/load/country_links_real_test.cc
// for the entries checked against the raw files.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace {

const std::string kOfac = std::string(EMBARGO_SHARED_DATA_DIR) + "/ofac/";

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

Result Embargo(const std::vector<std::string>& args) {
  const std::string err_path =
      absl::StrCat(::testing::TempDir(), "/country_cli_err_", getpid());
  std::string cmd = absl::StrCat("'", EMBARGO_CLI, "'");
  for (const std::string& a : args) absl::StrAppend(&cmd, " '", a, "'");
  absl::StrAppend(&cmd, " 2>'", err_path, "'");
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_path);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  std::remove(err_path.c_str());
  return r;
}

class CountryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = absl::StrCat(::testing::TempDir(), "/country_cli_test_", getpid());
    std::filesystem::create_directories(dir_);
    const Result r = Embargo({"import", "ofac-csv", kOfac + "sdn_2021-07/sdn.csv",
                              kOfac + "sdn_2021-07/add.csv",
                              kOfac + "sdn_2021-07/alt.csv",
                              kOfac + "sdn_2021-07/sdn_comments.csv", "-o",
                              dir_ + "/sdn21.pb"});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string dir_;
};
std::string CountryCliTest::dir_;

TEST_F(CountryCliTest, RussianTargetsOfDprkProgrammes) {
  const Result r = Embargo({"sanctioned", "--data", dir_ + "/sdn21.pb",
                            "--authority", "OFAC", "--program",
                            "DPRK,DPRK2,DPRK3,DPRK4", "--country", "RUS",
                            "--any-date", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["count"], 30);
  bool gudzon = false;
  for (const auto& t : j["targets"]) {
    if (t["id"] != "OFAC-24451") continue;
    gudzon = true;
    EXPECT_EQ(t["name"], "GUDZON SHIPPING CO LLC");
    const std::set<std::string> links = t["country_links"];
    EXPECT_TRUE(links.contains("located_in (Actor.address_countries)"));
  }
  EXPECT_TRUE(gudzon) << r.out;

  // Without --country: every DPRK target, GUDZON among many more.
  const Result all = Embargo({"sanctioned", "--data", dir_ + "/sdn21.pb",
                              "--authority", "OFAC", "--program",
                              "DPRK,DPRK2,DPRK3,DPRK4", "--any-date", "--json"});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_GT(nlohmann::json::parse(all.out)["count"].get<int>(), 100);
}

TEST_F(CountryCliTest, CountryFilterOnNeighbors) {
  // OFAC's sanction edges, only Russia-linked targets.
  const Result r = Embargo({"neighbors", "OFAC", "--data", dir_ + "/sdn21.pb",
                            "--kinds", "sanction", "--country", "RUS",
                            "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("OFAC-24451"), std::string::npos);
  // Country links are walked only when asked for.
  const Result plain = Embargo({"neighbors", "RUS", "--data", dir_ + "/sdn21.pb",
                                "--count"});
  const Result linked = Embargo({"neighbors", "RUS", "--data",
                                 dir_ + "/sdn21.pb", "--count", "--kinds",
                                 "country_links"});
  ASSERT_EQ(plain.code, 0) << plain.err;
  ASSERT_EQ(linked.code, 0) << linked.err;
  const int n_plain = std::stoi(plain.out);
  const int n_linked = std::stoi(linked.out);
  EXPECT_LT(n_plain, 50);
  EXPECT_GT(n_linked, 300);
}

TEST_F(CountryCliTest, BadCodesAndNamesAreRefused) {
  Result r = Embargo({"sanctioned", "--data", dir_ + "/sdn21.pb", "--country",
                      "RUSS"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("\"RUSS\" is not an ISO 3166-1 alpha-3 code"),
            std::string::npos)
      << r.err;
  r = Embargo({"neighbors", "OFAC", "--data", dir_ + "/sdn21.pb", "--country",
               "Russia"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("did you mean RUS"), std::string::npos) << r.err;
  r = Embargo({"sanctioned", "--data", dir_ + "/sdn21.pb", "--program", "DPRK9",
               "--country", "RUS"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("known: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("DPRK4"), std::string::npos) << r.err;
  r = Embargo({"sanctioned", "--data", dir_ + "/sdn21.pb", "--authority", "UN"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("known: OFAC"), std::string::npos) << r.err;
}

}  // namespace
