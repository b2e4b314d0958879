// `embargo links`, --count, --distinct-routes, --chronological and the
// answer-size guard, run as a user runs them on the bundled article, with
// the answers checked against the library.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/graph.h"
#include "embargo/links.h"
#include "embargo/query.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace embargo {
namespace {

using ::testing::HasSubstr;

constexpr char kArticle[] = EMBARGO_SOURCE_DIR
    "/examples/data/article_2023.textproto";

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

// Cli runs `embargo ARGS... --data article` and collects its output.
Result Cli(std::vector<std::string> args) {
  args.push_back("--data");
  args.push_back(kArticle);
  const std::string err_path =
      absl::StrCat(::testing::TempDir(), "/links_err_", getpid());
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

class LinksCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Graph> g = LoadGraph({std::string(kArticle)});
    ASSERT_TRUE(g.ok()) << g.status();
    graph_ = std::make_unique<Graph>(std::move(*g));
    rus_ = *graph_->FindNode("RUS");
    prk_ = *graph_->FindNode("PRK");
  }
  std::unique_ptr<Graph> graph_;
  NodeId rus_, prk_;
};

TEST_F(LinksCliTest, EveryFormatHoldsTheWholeReport) {
  absl::StatusOr<LinkReport> want = Links(*graph_, rus_, prk_);
  ASSERT_TRUE(want.ok());
  ASSERT_GT(want->routes.size(), 10u);  // More than the page shows.
  const Result text = Cli({"links", "RUS", "PRK"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find(absl::StrCat(want->total_paths,
                                       " paths of at most 3 hops in ",
                                       want->routes.size(), " routes")),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Not shown: "), std::string::npos) << text.out;
  // One terminal page.
  EXPECT_LE(std::count(text.out.begin(), text.out.end(), '\n'), 40);

  const Result json = Cli({"links", "RUS", "PRK", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["total_paths"], want->total_paths);
  ASSERT_EQ(j["routes"].size(), want->routes.size());
  uint64_t sum = 0;
  for (const auto& r : j["routes"]) sum += r["paths"].get<uint64_t>();
  EXPECT_EQ(sum, want->total_paths);
  EXPECT_FALSE(j["routes"][0]["example"][0]["evidence"].empty());

  const Result csv = Cli({"links", "RUS", "PRK", "--csv"});
  EXPECT_EQ(static_cast<size_t>(std::count(csv.out.begin(), csv.out.end(), '\n')),
            want->routes.size() + 1);
  const Result md = Cli({"links", "RUS", "PRK", "--markdown"});
  for (const LinkRoute& r : want->routes) {
    EXPECT_NE(md.out.find(r.label), std::string::npos) << r.label;
  }
  const Result count = Cli({"links", "RUS", "PRK", "--count", "--no-programmes"});
  EXPECT_EQ(count.out, absl::StrCat(want->total_paths, " path(s) in ",
                                    want->routes.size(), " route(s)\n"));
  // With TO a state the programme targets are counted beside (none of the
  // article's targets of DPRK programmes is linked to Russia).
  const Result with = Cli({"links", "RUS", "PRK", "--count"});
  EXPECT_THAT(with.out, HasSubstr(absl::StrCat(want->total_paths, " path(s) in ",
                                              want->routes.size(), " route(s); 0 of ")));
  EXPECT_THAT(with.out, HasSubstr("target(s) of PRK programmes on "));
  // TO given by name: the same state, the same programme targets.
  const Result by_name = Cli({"links", "RUS", "North Korea", "--count"});
  EXPECT_EQ(by_name.out, with.out);
  // --as-of only where it is used.
  EXPECT_EQ(Cli({"links", "RUS", "PRK", "--no-programmes", "--as-of", "2024"}).code, 2);
  // The paths command counts the same.
  const Result pc = Cli({"paths", "RUS", "PRK", "--count", "--json"});
  EXPECT_EQ(nlohmann::json::parse(pc.out)["count"], want->total_paths);
}

TEST_F(LinksCliTest, ChronologicalAndDistinctRoutes) {
  Filter f;
  f.chronological = true;
  absl::StatusOr<PathCount> c = CountPaths(*graph_, rus_, prk_, 3, f);
  ASSERT_TRUE(c.ok());
  const Result r = Cli({"paths", "RUS", "PRK", "--count", "--chronological"});
  EXPECT_EQ(r.out.substr(0, r.out.find(' ')), absl::StrCat(c->count)) << r.out;
  absl::StatusOr<DistinctRoutes> routes = KShortestRoutes(*graph_, rus_, prk_, 4);
  ASSERT_TRUE(routes.ok());
  const Result d = Cli({"paths", "RUS", "PRK", "--k", "4", "--distinct-routes",
                        "--json"});
  ASSERT_EQ(d.code, 0) << d.err;
  const nlohmann::json j = nlohmann::json::parse(d.out);
  ASSERT_EQ(j["routes"].size(), routes->routes.size());
  // The direct route lists its three parallel deliveries under it.
  EXPECT_EQ(j["routes"][0]["nodes"], nlohmann::json({"RUS", "PRK"}));
  EXPECT_EQ(j["routes"][0]["hops"][0].size(), routes->routes[0].parallel[0].size());
  EXPECT_GT(routes->routes[0].parallel[0].size(), 1u);
  EXPECT_EQ(Cli({"neighbors", "RUS", "--chronological"}).code, 2);
  EXPECT_EQ(Cli({"paths", "RUS", "PRK", "--distinct-routes"}).code, 2);
}

// With the shipped embargoes, the EU sanctions both Russia and North
// Korea: the path through it is no link between them, left out and said;
// --through-sanctioning keeps it.
TEST_F(LinksCliTest, AnAuthorityBetweenTwoOfItsSanctionsIsLeftOut) {
  const Result r = Cli({"links", "RUS", "PRK", "--embargoes", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_GT(j["through_sanctioning_paths"].get<uint64_t>(), 0u);
  for (const auto& x : j["routes"]) {
    EXPECT_EQ(x["label"].get<std::string>().find("<-sanction- EU -sanction->"),
              std::string::npos)
        << x["label"];
  }
  const Result text = Cli({"links", "RUS", "PRK", "--embargoes"});
  EXPECT_NE(text.out.find("path(s) through an authority between two of its sanctions"),
            std::string::npos)
      << text.out;
  const Result kept = Cli({"links", "RUS", "PRK", "--embargoes", "--through-sanctioning",
                           "--json"});
  ASSERT_EQ(kept.code, 0) << kept.err;
  const nlohmann::json k = nlohmann::json::parse(kept.out);
  EXPECT_EQ(k["through_sanctioning_paths"], 0);
  EXPECT_EQ(k["total_paths"].get<uint64_t>(),
            j["total_paths"].get<uint64_t>() + j["through_sanctioning_paths"].get<uint64_t>());
  bool hub = false;
  for (const auto& x : k["routes"]) {
    hub |= x["label"] == "RUS <-sanction- EU -sanction-> PRK";
  }
  EXPECT_TRUE(hub);
}

TEST_F(LinksCliTest, CountsAndTheSizeGuard) {
  absl::StatusOr<NeighborCount> n = CountNeighbors(*graph_, rus_, 2);
  ASSERT_TRUE(n.ok());
  const Result c = Cli({"neighbors", "RUS", "--max-hops", "2", "--count"});
  EXPECT_EQ(c.out.substr(0, c.out.find(' ')), absl::StrCat(n->count));
  // An answer estimated above --max-output is refused before it is written.
  const Result big = Cli({"paths", "RUS", "PRK", "--max-hops", "4", "--limit",
                          "100000", "--json", "--max-output", "0.01"});
  EXPECT_EQ(big.code, 2);
  EXPECT_TRUE(big.out.empty());
  EXPECT_NE(big.err.find("--count"), std::string::npos) << big.err;
  // Pictures: parallel edges collapsed, the CJK-capable fonts asked for.
  const std::string svg = ::testing::TempDir() + "/links_cli.svg";
  const Result pic = Cli({"links", "RUS", "PRK", "--svg", svg, "--count"});
  ASSERT_EQ(pic.code, 0) << pic.err;
  std::ifstream in(svg);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_NE(ss.str().find("<svg"), std::string::npos);
  EXPECT_NE(ss.str().find("Noto Sans"), std::string::npos);
  EXPECT_NE(ss.str().find("transfer x3"), std::string::npos);
  std::remove(svg.c_str());
}

}  // namespace
}  // namespace embargo
