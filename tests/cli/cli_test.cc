// Tests of the `embargo` command-line tool (tools/embargo/): the binary is
// run as a user runs it, with arguments, and its exit status, stdout and
// stderr are checked, against the library's own answers where there is one.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "embargo/export.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace embargo {
namespace {

constexpr char kArticle[] = EMBARGO_SOURCE_DIR
    "/examples/data/article_2023.textproto";
constexpr char kData[] = EMBARGO_SHARED_DATA_DIR;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

// Embargo runs `embargo ARGS...` and collects its exit status and output.
Result Embargo(const std::vector<std::string>& args) {
  const std::string err_path =
      absl::StrCat(::testing::TempDir(), "/cli_err_", getpid());
  std::string cmd = Quote(EMBARGO_CLI);
  for (const std::string& a : args) absl::StrAppend(&cmd, " ", Quote(a));
  absl::StrAppend(&cmd, " 2>", Quote(err_path));
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

nlohmann::json Json(const Result& r) {
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// OneLine: errors are one line on stderr, naming the command.
void ExpectOneLineError(const Result& r, const std::string& command,
                        const std::string& fragment) {
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_TRUE(absl::StartsWith(r.err, absl::StrCat("embargo ", command, ": ")))
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/cli_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    absl::StatusOr<Graph> g = LoadGraph({std::string(kArticle)});
    ASSERT_TRUE(g.ok()) << g.status();
    graph_ = std::make_unique<Graph>(std::move(*g));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name)) << text;
    return Path(name);
  }

  std::string dir_;
  std::unique_ptr<Graph> graph_;
};

// ---------------------------------------------------------------------------
// Help and usage
// ---------------------------------------------------------------------------

TEST_F(CliTest, HelpForEveryCommand) {
  Result r = Embargo({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* c : {"import", "validate", "stats", "path", "paths", "links",
                        "neighbors", "exposure", "breaches", "sanctioned", "search",
                        "screen", "reason-links", "diff", "apply-delta", "export"}) {
    EXPECT_NE(r.out.find(absl::StrCat("\n  ", c, " ")), std::string::npos)
        << c;
    Result h = Embargo({c, "--help"});
    EXPECT_EQ(h.code, 0) << c;
    EXPECT_TRUE(absl::StartsWith(h.out, absl::StrCat("usage: embargo ", c, " ")))
        << c << ": " << h.out.substr(0, 80);
    EXPECT_NE(h.out.find("Example"), std::string::npos) << c;
  }
  EXPECT_EQ(Embargo({}).code, 2);
  Result bad = Embargo({"frobnicate"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("unknown command \"frobnicate\""), std::string::npos);
}

TEST_F(CliTest, BadOptionsAreOneLineErrors) {
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--bogus"}), "paths",
                     "unknown option --bogus");
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--kinds", "bogus"}), "paths",
                     "bogus");
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--max-hops", "zero"}),
                     "paths", "--max-hops");
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--from-date", "2023-13"}),
                     "paths", "--from-date");
  ExpectOneLineError(Embargo({"paths", "RUS"}), "paths", "expected FROM and TO");
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--data"}), "paths",
                     "--data needs a value");
  ExpectOneLineError(Embargo({"paths", "RUS", "PRK", "--data", Path("none.pb")}),
                     "paths", "none.pb");
}

// ---------------------------------------------------------------------------
// Queries on the bundled dataset
// ---------------------------------------------------------------------------

TEST_F(CliTest, PathsMatchTheLibrary) {
  Result r = Embargo({"paths", "RUS", "PRK", "--max-hops", "3", "--kinds",
                  "transfer,transfer_via", "--data", kArticle, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = Json(r);
  Filter f;
  f.edge_kinds = TransferKinds();
  absl::StatusOr<Paths> want = AllPaths(*graph_, *graph_->FindNode("RUS"),
                                        *graph_->FindNode("PRK"), 3, f);
  ASSERT_TRUE(want.ok());
  ASSERT_EQ(j["paths"].size(), want->paths.size());
  for (size_t i = 0; i < want->paths.size(); ++i) {
    const embargo::Path& p = want->paths[i];
    const nlohmann::json& jp = j["paths"][i];
    EXPECT_EQ(jp["length"], p.length());
    ASSERT_EQ(jp["hops"].size(), p.hops.size());
    for (size_t h = 0; h < p.hops.size(); ++h) {
      EXPECT_EQ(jp["hops"][h]["record_id"], graph_->EdgeRecordId(p.hops[h].edge));
      EXPECT_EQ(jp["hops"][h]["from"], std::string(graph_->node_id(p.hops[h].from)));
      EXPECT_FALSE(jp["hops"][h]["evidence"].empty());
    }
  }
  EXPECT_EQ(j["from"]["id"], "RUS");
  EXPECT_EQ(j["to"]["sanctioned"], true);
  EXPECT_EQ(j["truncated"], false);
  // The table names every path and the records.
  Result t = Embargo({"paths", "RUS", "PRK", "--kinds", "transfer,transfer_via",
                  "--data", kArticle});
  EXPECT_EQ(t.code, 0);
  EXPECT_NE(t.out.find(absl::StrCat(want->paths.size(), " path(s) from RUS")),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("tr-prk-rus-2023-artillery-ammunition"),
            std::string::npos);
}

TEST_F(CliTest, NamesAndDefaultDataset) {
  // Names resolve like ids; without --data the bundled dataset is used.
  Result r = Embargo({"path", "Russia", "North Korea", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Json(r)["paths"][0]["length"], 1);
  Result k = Embargo({"paths", "RUS", "PRK", "--k", "2", "--kinds",
                  "transfer,transfer_via", "--json"});
  ASSERT_EQ(k.code, 0);
  EXPECT_EQ(Json(k)["paths"].size(), 2u);
}

TEST_F(CliTest, NoResultIsExitOne) {
  Result r = Embargo({"paths", "RUS", "PRK", "--kinds", "ownership", "--data",
                  kArticle});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("No path"), std::string::npos);
  Result j = Embargo({"path", "RUS", "PRK", "--kinds", "transfer", "--min-status",
                  "confirmed", "--data", kArticle, "--json"});
  EXPECT_EQ(j.code, 1);
  EXPECT_TRUE(Json(j)["paths"].empty());
}

TEST_F(CliTest, UnknownAndAmbiguousActors) {
  ExpectOneLineError(Embargo({"paths", "RUS", "Atlantis", "--data", kArticle}),
                     "paths", "Atlantis");
  const std::string twins = Write("twins.textproto", R"(
sources { id: "s" publisher: "p" }
actors { id: "A1" kind: ACTOR_KIND_COMPANY name: "Acme" evidence { source_id: "s" } }
actors { id: "A2" kind: ACTOR_KIND_PERSON name: "Other" aliases: "ACME" evidence { source_id: "s" } }
actors { id: "B" kind: ACTOR_KIND_COMPANY name: "Beta" evidence { source_id: "s" } }
)");
  Result r = Embargo({"neighbors", "acme", "--data", twins});
  ExpectOneLineError(r, "neighbors", "ambiguous");
  EXPECT_NE(r.err.find("A1"), std::string::npos);
  EXPECT_NE(r.err.find("A2"), std::string::npos);
  // Ids still work, and an isolated node has no neighbours.
  EXPECT_EQ(Embargo({"neighbors", "B", "--data", twins}).code, 1);
}

TEST_F(CliTest, NeighborsMatchTheLibrary) {
  Result r = Embargo({"neighbors", "KOMID", "--max-hops", "2", "--data", kArticle,
                  "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = Json(r);
  absl::StatusOr<Neighborhood> want =
      Neighbors(*graph_, *graph_->FindNode("KOMID"), 2);
  ASSERT_TRUE(want.ok());
  ASSERT_EQ(j["neighbors"].size(), want->nodes.size());
  for (size_t i = 0; i < want->nodes.size(); ++i) {
    EXPECT_EQ(j["neighbors"][i]["id"],
              std::string(graph_->node_id(want->nodes[i].node)));
    EXPECT_EQ(j["neighbors"][i]["hops"], want->nodes[i].hops);
  }
}

TEST_F(CliTest, DotAndPictures) {
  const std::string dot = Path("answer.dot");
  std::vector<std::string> args = {"paths", "RUS", "PRK", "--max-hops", "3",
                                   "--kinds", "transfer,transfer_via",
                                   "--data", kArticle, "--dot", dot};
  const bool has_dot = DotAvailable();
  if (has_dot) {
    args.push_back("--svg");
    args.push_back(Path("answer.svg"));
  }
  Result r = Embargo(args);
  ASSERT_EQ(r.code, 0) << r.err;
  std::ifstream in(dot);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(absl::StartsWith(text.str(), "digraph embargo {"));
  EXPECT_NE(text.str().find("[sanctioned]"), std::string::npos);
  if (has_dot) {
    EXPECT_TRUE(std::filesystem::file_size(Path("answer.svg")) > 0);
  }
}

// ---------------------------------------------------------------------------
// Sanctions
// ---------------------------------------------------------------------------

TEST_F(CliTest, ExposureAsOfADate) {
  Result r = Embargo({"exposure", "KOMID", "--as-of", "2024-01-01", "--data",
                  kArticle, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = Json(r);
  absl::StatusOr<std::vector<InForce>> want = SanctionsInForce(
      *graph_, *graph_->FindNode("KOMID"), *PartialDate::Parse("2024-01-01"));
  ASSERT_TRUE(want.ok());
  ASSERT_EQ(j["sanctions"].size(), want->size());
  ASSERT_FALSE(want->empty());
  EXPECT_EQ(j["sanctions"][0]["sanction_id"], (*want)[0].sanction_id);
  EXPECT_EQ(j["sanctions"][0]["program"], (*want)[0].program);
  EXPECT_EQ(j["as_of"], "2024-01-01");
  // Before any listing there is nothing in force on KOMID.
  Result early = Embargo({"exposure", "KOMID", "--as-of", "1990", "--max-hops",
                      "0", "--data", kArticle, "--json"});
  EXPECT_EQ(early.code, 1) << early.out;
  EXPECT_TRUE(Json(early)["sanctions"].empty());
}

TEST_F(CliTest, BreachesMatchTheLibrary) {
  Result r = Embargo({"breaches", "--data", kArticle, "--json"});
  absl::StatusOr<std::vector<Breach>> want = FindEmbargoBreaches(*graph_);
  ASSERT_TRUE(want.ok());
  ASSERT_EQ(r.code, want->empty() ? 1 : 0) << r.err;
  const nlohmann::json j = Json(r);
  ASSERT_EQ(j["count"], want->size());
  for (size_t i = 0; i < want->size(); ++i) {
    EXPECT_EQ(j["breaches"][i]["transfer_id"], (*want)[i].transfer_id);
    EXPECT_EQ(j["breaches"][i]["sanction"]["sanction_id"],
              (*want)[i].sanction.sanction_id);
  }
  // By 2000 only the undated transfer may have begun, and it is only a
  // possible breach.
  Result early = Embargo({"breaches", "--data", kArticle, "--as-of", "2000",
                          "--json"});
  size_t undated = 0;
  for (const Breach& b : *want) undated += b.transfer_days.lo == kMinDay;
  EXPECT_EQ(Json(early)["count"], undated);
  Result none = Embargo({"breaches", "--data", kArticle, "--as-of", "2000",
                         "--certain"});
  EXPECT_EQ(none.code, 1) << none.out;
  // The shipped embargoes load beside the article, whose UN resolutions
  // they cite as the same sources; without --data they come with the
  // bundled dataset, not instead of it (the embargoes hold no transfer).
  Result with = Embargo({"breaches", "--data", kArticle, "--embargoes", "--json"});
  ASSERT_EQ(with.code, 0) << with.err;
  const nlohmann::json wj = Json(with);
  EXPECT_GT(wj["count"].get<size_t>(), want->size());
  bool shipped = false;
  for (const auto& b : wj["breaches"]) {
    shipped |= b["sanction"]["sanction_id"] == "emb-unsc-1874-prk-exports" &&
               b["transfer_id"] == "tr-prk-rus-2023-artillery-ammunition";
  }
  EXPECT_TRUE(shipped);
  Result bundled = Embargo({"breaches", "--embargoes", "--json"});
  ASSERT_EQ(bundled.code, 0) << bundled.err;
  EXPECT_EQ(Json(bundled)["count"], wj["count"]);
}

// ---------------------------------------------------------------------------
// validate, stats, export, import
// ---------------------------------------------------------------------------

TEST_F(CliTest, ValidateLocatesEveryProblem) {
  Result ok = Embargo({"validate", kArticle});
  EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
  const std::string bad = Write("bad.textproto", R"(
sources { id: "s" }
actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" evidence { source_id: "s" } }
transfers { id: "T-88" supplier_id: "RUS" recipient_id: "RUS-MOD" item: ITEM_ROCKETS
            status: STATUS_REPORTED evidence { source_id: "s" } }
transfers { id: "T-89" supplier_id: "RUS" recipient_id: "RUS" item: ITEM_ROCKETS
            status: STATUS_REPORTED ordered { year: 2023 month: 13 } evidence { source_id: "nowhere" } }
)");
  Result r = Embargo({"validate", bad});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("bad.textproto: transfers[0] (Transfer \"T-88\"): "
                       "recipient_id"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("T-89"), std::string::npos);
  Result j = Embargo({"validate", bad, "--json"});
  EXPECT_EQ(j.code, 1);
  EXPECT_GE(Json(j)["count"].get<int>(), 3);
  EXPECT_EQ(Json(j)["problems"][0]["id"], "T-88");
  // A query on invalid data: one line, pointing at validate.
  ExpectOneLineError(Embargo({"paths", "RUS", "RUS-MOD", "--data", bad}), "paths",
                     "embargo validate");
  // A file that does not parse: exit 2 with its line.
  const std::string broken = Write("broken.textproto", "actors { id: \n");
  ExpectOneLineError(Embargo({"validate", broken}), "validate", "broken.textproto");
}

TEST_F(CliTest, StatsCountTheRecords) {
  Result r = Embargo({"stats", kArticle, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = Json(r);
  absl::StatusOr<DatasetFile> f = ReadDatasetFile(kArticle);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(j["records"]["actor"], f->dataset.actors_size());
  EXPECT_EQ(j["records"]["transfer"], f->dataset.transfers_size());
  EXPECT_EQ(j["records"]["sanction"], f->dataset.sanctions_size());
  int64_t states = 0;
  for (const v1::Actor& a : f->dataset.actors()) {
    states += a.kind() == v1::ACTOR_KIND_STATE;
  }
  EXPECT_EQ(j["actor_kinds"]["state"], states);
  int64_t edges = 0;
  for (const auto& [kind, n] : j["edge_kinds"].items()) edges += n.get<int64_t>();
  EXPECT_EQ(edges, static_cast<int64_t>(graph_->num_edges()));
  EXPECT_EQ(j["authorities"]["UNSC"].is_number(), true);
  EXPECT_GT(j["years"]["last"].get<int>(), 2000);
  Result t = Embargo({"stats", kArticle});
  EXPECT_NE(t.out.find("Sanctions by programme"), std::string::npos);
}

TEST_F(CliTest, ExportFormats) {
  Result g = Embargo({"export", "graphml", kArticle, "-o", Path("a.graphml")});
  ASSERT_EQ(g.code, 0) << g.err;
  EXPECT_GT(std::filesystem::file_size(Path("a.graphml")), 1000u);
  Result j = Embargo({"export", "jsonl", "--data", kArticle, "-o", Path("a.jsonl")});
  ASSERT_EQ(j.code, 0) << j.err;
  // JSON lines load again, as data for a query.
  Result q = Embargo({"paths", "RUS", "PRK", "--data", Path("a.jsonl"), "--kinds",
                  "transfer", "--json"});
  EXPECT_EQ(q.code, 0) << q.err;
  Result n = Embargo({"export", "neo4j", kArticle, "-o", Path("neo4j"), "--json"});
  ASSERT_EQ(n.code, 0) << n.err;
  EXPECT_TRUE(std::filesystem::exists(Path("neo4j/nodes.csv")));
  EXPECT_TRUE(std::filesystem::exists(Path("neo4j/relationships.csv")));
  // The Neo4j CSV goes back in through `embargo import neo4j-csv`.
  Result back = Embargo({"import", "neo4j-csv", Path("neo4j/nodes.csv"),
                     Path("neo4j/relationships.csv"), "-o", Path("back.pb"),
                     "--json"});
  EXPECT_EQ(back.code, 0) << back.err;
  EXPECT_EQ(Json(back)["reports"][0]["rows_read"].get<int>(),
            Json(n)["nodes"].get<int>() + Json(n)["relationships"].get<int>());
  Result p = Embargo({"export", "textproto", kArticle, "-o", Path("a.textproto")});
  EXPECT_EQ(p.code, 0);
  EXPECT_EQ(Embargo({"validate", Path("a.textproto")}).code, 0);
  ExpectOneLineError(Embargo({"export", "xlsx", kArticle, "-o", Path("x")}),
                     "export", "xlsx");
}

TEST_F(CliTest, GraphImagesAnswerAsTheirRecords) {
  Result w = Embargo({"export", "image", kArticle, "-o", Path("a.egraph"), "--json"});
  ASSERT_EQ(w.code, 0) << w.err;
  EXPECT_EQ(Json(w)["edges"].get<size_t>(), graph_->num_edges());
  Result from_records = Embargo({"paths", "PRK", "RUS", "--data", kArticle,
                                 "--kinds", "transfer", "--json"});
  Result from_image = Embargo({"paths", "PRK", "RUS", "--data", Path("a.egraph"),
                               "--kinds", "transfer", "--json"});
  ASSERT_EQ(from_image.code, 0) << from_image.err;
  EXPECT_EQ(from_image.out, from_records.out);
  // An image is a whole graph: it does not mix with other files.
  ExpectOneLineError(Embargo({"paths", "PRK", "RUS", "--data", Path("a.egraph"),
                              "--data", kArticle}),
                     "paths", "load it alone");
  // Every command that reads data reads images: validate and stats too.
  Result v = Embargo({"validate", Path("a.egraph")});
  EXPECT_EQ(v.code, 0) << v.err;
  EXPECT_NE(v.out.find("no problems"), std::string::npos) << v.out;
  Result s_image = Embargo({"stats", Path("a.egraph"), "--json"});
  Result s_records = Embargo({"stats", kArticle, "--json"});
  ASSERT_EQ(s_image.code, 0) << s_image.err;
  EXPECT_EQ(Json(s_image)["records"], Json(s_records)["records"]);
}

TEST_F(CliTest, JsonLinesLoadEverywhere) {
  ASSERT_EQ(Embargo({"export", "jsonl", kArticle, "-o", Path("a.jsonl")}).code, 0);
  for (const char* command : {"validate", "stats"}) {
    Result r = Embargo({command, Path("a.jsonl")});
    EXPECT_EQ(r.code, 0) << command << ": " << r.err;
  }
  Result from_lines = Embargo({"paths", "PRK", "RUS", "--data", Path("a.jsonl"),
                               "--kinds", "transfer", "--json"});
  Result from_records = Embargo({"paths", "PRK", "RUS", "--data", kArticle,
                                 "--kinds", "transfer", "--json"});
  ASSERT_EQ(from_lines.code, 0) << from_lines.err;
  EXPECT_EQ(from_lines.out, from_records.out);
}

TEST_F(CliTest, ImportErrors) {
  ExpectOneLineError(Embargo({"import", "sipri", Path("missing.csv"), "-o",
                          Path("x.pb")}),
                     "import", "missing.csv");
  ExpectOneLineError(Embargo({"import", "sipri", kArticle}), "import", "-o");
  ExpectOneLineError(Embargo({"import", "klingon", kArticle, "-o", Path("x.pb")}),
                     "import", "klingon");
  ExpectOneLineError(Embargo({"import", "sipri", kArticle, "-o", Path("x.docx")}),
                     "import", "x.docx");
}

// ---------------------------------------------------------------------------
// The real files in ../shared/data/
// ---------------------------------------------------------------------------

bool HaveSharedData(const std::string& rel) {
  return std::filesystem::exists(absl::StrCat(kData, "/", rel));
}

// OFAC's legacy CSV gives no designation dates: on a date before the
// edition every DPRK3 target is possibly listed, and `sanctioned` says so
// row by row and in its count, never as a plain "in force".
TEST_F(CliTest, SanctionedSaysWhichTargetsAreOnlyPossiblyListed) {
  const std::string csv = "ofac/sdn_2024-05-03.csv";
  if (!HaveSharedData(csv)) GTEST_SKIP() << "no shared data";
  Result imp = Embargo({"import", "ofac-csv", absl::StrCat(kData, "/", csv), "-o",
                        Path("ofac24.pb")});
  ASSERT_EQ(imp.code, 0) << imp.err;
  Result early = Embargo({"sanctioned", "--authority", "OFAC", "--program", "DPRK3",
                          "--as-of", "2010-01-01", "--data", Path("ofac24.pb"),
                          "--json"});
  ASSERT_EQ(early.code, 0) << early.err;
  const nlohmann::json j = Json(early);
  ASSERT_GT(j["count"].get<int>(), 100);
  EXPECT_EQ(j["certain"], 0);
  EXPECT_EQ(j["possible"], j["count"]);
  for (const nlohmann::json& t : j["targets"]) EXPECT_EQ(t["certainty"], "possible");
  Result late = Embargo({"sanctioned", "--authority", "OFAC", "--program", "DPRK3",
                         "--as-of", "2024-06-01", "--data", Path("ofac24.pb"),
                         "--json"});
  ASSERT_EQ(late.code, 0) << late.err;
  EXPECT_EQ(Json(late)["certain"], Json(late)["count"]);
  Result table = Embargo({"sanctioned", "--authority", "OFAC", "--program", "DPRK3",
                          "--as-of", "2010-01-01", "--data", Path("ofac24.pb")});
  EXPECT_NE(table.out.find("(0 certainly, "), std::string::npos) << table.out;
}

TEST_F(CliTest, SipriRegisterNorthKoreaToRussia) {
  const std::string csv = "sipri/trade-register_2025-03-13.csv";
  if (!HaveSharedData(csv)) GTEST_SKIP() << "no shared data";
  Result imp = Embargo({"import", "sipri", absl::StrCat(kData, "/", csv), "-o",
                    Path("sipri.pb"), "--json"});
  ASSERT_EQ(imp.code, 0) << imp.err;
  EXPECT_EQ(Json(imp)["reports"][0]["rows_read"], 29515);
  // The register's two North Korean deliveries to Russia.
  Result r = Embargo({"paths", "PRK", "RUS", "--kinds", "transfer", "--direction",
                  "along", "--max-hops", "1", "--data", Path("sipri.pb"),
                  "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = Json(r);
  EXPECT_EQ(j["paths"].size(), 2u);
  std::map<std::string, nlohmann::json> by_designation;
  for (const nlohmann::json& p : j["paths"]) {
    EXPECT_EQ(p["hops"][0]["along"], true);
    EXPECT_EQ(p["hops"][0]["status"], "confirmed");
    by_designation[p["hops"][0]["designation"]] = p["hops"][0];
  }
  // SIPRI's numbers and TIVs are shown; unknown is null, never 0.
  ASSERT_EQ(by_designation.count("Hwasong-11"), 1u);
  const nlohmann::json& hwasong = by_designation["Hwasong-11"];
  EXPECT_TRUE(hwasong["number_ordered"].is_null());
  EXPECT_EQ(hwasong["number_delivered"], 100);
  EXPECT_DOUBLE_EQ(hwasong["tiv_unit"].get<double>(), 2.5);
  EXPECT_TRUE(hwasong["tiv_order"].is_null());
  EXPECT_DOUBLE_EQ(hwasong["tiv_delivered"].get<double>(), 250);
  ASSERT_EQ(by_designation.count("M-1978 170mm"), 1u);
  const nlohmann::json& guns = by_designation["M-1978 170mm"];
  EXPECT_EQ(guns["number_ordered"], 10);
  EXPECT_EQ(guns["number_delivered"], 10);
  EXPECT_DOUBLE_EQ(guns["tiv_order"].get<double>(), 5);
  // The default table shows them too, and the picture briefly.
  Result table = Embargo({"paths", "PRK", "RUS", "--kinds", "transfer",
                          "--direction", "along", "--max-hops", "1", "--data",
                          Path("sipri.pb"), "--dot", Path("nk.dot")});
  ASSERT_EQ(table.code, 0) << table.err;
  for (const char* s : {"designation", "no. ordered", "no. delivered",
                        "TIV unit", "TIV order", "TIV delivered", "Hwasong-11",
                        "M-1978 170mm", "250"}) {
    EXPECT_NE(table.out.find(s), std::string::npos) << s << "\n" << table.out;
  }
  EXPECT_EQ(table.out.find(" 0 "), std::string::npos) << table.out;
  std::ifstream dot_in(Path("nk.dot"));
  const std::string dot((std::istreambuf_iterator<char>(dot_in)),
                        std::istreambuf_iterator<char>());
  // The picture sums the two deals: 100 + 10 delivered, TIV 250 + 5.
  EXPECT_NE(dot.find("Hwasong-11, M-1978 170mm"), std::string::npos) << dot;
  EXPECT_NE(dot.find("110 delivered"), std::string::npos) << dot;
  // The register alone holds no sanctions list and no embargo on a state:
  // the answer is unknown, never "no breaches"; with the embargoes on
  // states loaded, the Hwasong-11 deliveries breach UNSCR 1718.
  Result bare = Embargo({"breaches", "--data", Path("sipri.pb"), "--actor", "PRK"});
  EXPECT_EQ(bare.code, 1) << bare.out;
  EXPECT_NE(bare.out.find("unknown: no sanctions list or arms embargo is loaded"),
            std::string::npos)
      << bare.out;
  EXPECT_EQ(bare.out.find("No embargo breaches"), std::string::npos) << bare.out;
  Result loaded = Embargo({"breaches", "--data", Path("sipri.pb"), "--embargoes",
                           "--actor", "PRK", "--json"});
  ASSERT_EQ(loaded.code, 0) << loaded.err;
  const nlohmann::json lj = Json(loaded);
  EXPECT_GT(lj["state_embargoes_loaded"].get<int>(), 0);
  EXPECT_FALSE(lj.contains("note"));
  bool hwasong_breach = false;
  for (const nlohmann::json& b : lj["breaches"]) {
    hwasong_breach |= b["recipient"] == "RUS" && b["supplier"] == "PRK";
  }
  EXPECT_TRUE(hwasong_breach) << loaded.out;
  EXPECT_NE(dot.find("TIV 255 delivered"), std::string::npos) << dot;
  // Together with the article: the same nodes meet (states by ISO code).
  Result both = Embargo({"paths", "PRK", "RUS", "--kinds", "transfer",
                     "--direction", "along", "--max-hops", "1", "--from-date",
                     "2022", "--data", Path("sipri.pb"), "--data", kArticle,
                     "--json"});
  ASSERT_EQ(both.code, 0) << both.err;
  EXPECT_EQ(Json(both)["paths"].size(), 5u);
  Result stats = Embargo({"stats", Path("sipri.pb"), "--json"});
  EXPECT_EQ(Json(stats)["records"]["transfer"], 29515);
}

TEST_F(CliTest, FollowTheMoneyExport) {
  const std::string ftm = "ftm/zala_entities.ftm.json";
  if (!HaveSharedData(ftm)) GTEST_SKIP() << "no shared data";
  Result imp = Embargo({"import", "ftm", "--model",
                    absl::StrCat(kData, "/ftm/defaultModel.json"),
                    absl::StrCat(kData, "/", ftm), "-o", Path("zala.jsonl")});
  ASSERT_EQ(imp.code, 0) << imp.err;
  EXPECT_NE(imp.err.find("91 rows read"), std::string::npos) << imp.err;
  Result v = Embargo({"validate", Path("zala.jsonl")});
  EXPECT_EQ(v.code, 0) << v.out;
  // Without --model: the built-in FtM schemata, the same records.
  Result builtin = Embargo({"import", "ftm", absl::StrCat(kData, "/", ftm), "-o",
                            Path("zala_builtin.jsonl")});
  ASSERT_EQ(builtin.code, 0) << builtin.err;
  const auto read = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  EXPECT_EQ(read(Path("zala_builtin.jsonl")), read(Path("zala.jsonl")));
}

TEST_F(CliTest, OpenSanctionsExportsByName) {
  const std::string dir = "opensanctions/wd_peps_2024-03";
  if (!HaveSharedData(dir)) GTEST_SKIP() << "no shared data";
  std::vector<std::string> args = {"import", "opensanctions"};
  for (const char* f : {"entities.ftm.json", "targets.simple.csv",
                        "targets.nested.json", "statements.csv"}) {
    args.push_back(absl::StrCat(kData, "/", dir, "/", f));
  }
  args.insert(args.end(), {"-o", Path("peps.jsonl"), "--json"});
  Result imp = Embargo(args);
  ASSERT_EQ(imp.code, 0) << imp.err;
  nlohmann::json j = Json(imp);
  ASSERT_EQ(j["reports"].size(), 4u);
  EXPECT_EQ(j["reports"][0]["format"], "ftm");
  EXPECT_EQ(j["reports"][1]["format"], "os-simple");
  EXPECT_EQ(j["reports"][2]["format"], "ftm-nested");
  EXPECT_EQ(j["reports"][3]["format"], "os-statements");
  EXPECT_EQ(j["reports"][1]["rows_read"], 5);
  Result bad = Embargo({"import", "opensanctions",
                        absl::StrCat(kData, "/ftm/defaultModel.json"), "-o",
                        Path("x.pb")});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("not an OpenSanctions export name"), std::string::npos)
      << bad.err;
}

// The consolidated (non-SDN) CSV set is recognised by name (a hand-made
// set with made-up entries: none is among the shared data).
TEST_F(CliTest, ImportsTheConsolidatedCsvSetByName) {
  const std::map<std::string, std::string> files = {
      {"cons_prim.csv",
       "9001,\"EXAMPLE TRADING LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,"
       "-0- ,-0- ,-0- ,-0- ,-0- \r\n"},
      {"cons_add.csv", "9001,1,\"1 Example Street\",\"Moscow\",\"Russia\",-0- \r\n"},
      {"cons_alt.csv", "9001,1,\"aka\",\"EXAMPLE TRADING\",-0- \r\n"},
      {"cons_comments.csv", "9001,\" Linked To: NOBODY.\"\r\n"}};
  std::vector<std::string> args = {"import", "ofac-csv"};
  for (const auto& [name, text] : files) {
    std::ofstream(Path(name), std::ios::binary) << text;
    args.push_back(Path(name));
  }
  for (const char* a : {"--edition-date", "2025-03-01", "-o", "cons.jsonl"}) {
    args.push_back(std::string(a) == "cons.jsonl" ? Path("cons.jsonl") : a);
  }
  Result r = Embargo(args);
  ASSERT_EQ(r.code, 0) << r.err;
  std::ifstream in(Path("cons.jsonl"));
  const std::string out((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
  EXPECT_NE(out.find("ofac-cons-csv-2025-03-01"), std::string::npos);
  EXPECT_NE(out.find("EXAMPLE TRADING\""), std::string::npos);  // alias
  EXPECT_NE(out.find("1 Example Street"), std::string::npos);
  EXPECT_NE(out.find("Linked To: NOBODY."), std::string::npos);
}

// "ofac" takes the CSV or the XML importer by the files' extension: the
// same records as naming the format, on the real lists.
TEST_F(CliTest, OfacFormatByExtension) {
  if (!HaveSharedData("ofac/sdn_2024-05-03.csv") ||
      !HaveSharedData("ofac/consolidated_2025-03/consolidated.xml")) {
    GTEST_SKIP() << "no shared data";
  }
  const std::string csv = absl::StrCat(kData, "/ofac/sdn_2024-05-03.csv");
  const std::string xml = absl::StrCat(kData, "/ofac/consolidated_2025-03/consolidated.xml");
  const auto text = [&](const std::string& name) {
    std::ifstream in(Path(name));
    return std::string((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
  };
  for (const auto& [file, named] : {std::pair<std::string, std::string>{csv, "ofac-csv"},
                                    {xml, "ofac-xml"}}) {
    Result by_name = Embargo({"import", named, file, "-o", Path("named.jsonl")});
    ASSERT_EQ(by_name.code, 0) << by_name.err;
    Result by_ext = Embargo({"import", "OFAC", file, "-o", Path("ext.jsonl")});
    ASSERT_EQ(by_ext.code, 0) << by_ext.err;
    EXPECT_GT(text("ext.jsonl").size(), 500000u) << file;
    EXPECT_EQ(text("ext.jsonl"), text("named.jsonl")) << file;
  }
  Result mixed = Embargo({"import", "ofac", csv, xml, "-o", Path("mixed.jsonl")});
  EXPECT_EQ(mixed.code, 2);
  EXPECT_NE(mixed.err.find("ofac-csv or ofac-xml"), std::string::npos) << mixed.err;
}

TEST_F(CliTest, DiffOfacEditionsAndReasonLinks) {
  if (!HaveSharedData("ofac/sdn_2021-07") || !HaveSharedData("eu/32017R1509.csv")) {
    GTEST_SKIP() << "no shared data";
  }
  const std::string dir = absl::StrCat(kData, "/ofac/sdn_2021-07/");
  ASSERT_EQ(Embargo({"import", "ofac-csv", dir + "sdn.csv", dir + "add.csv",
                     dir + "alt.csv", dir + "sdn_comments.csv", "-o",
                     Path("sdn21.pb")}).code, 0);
  ASSERT_EQ(Embargo({"import", "ofac-csv", absl::StrCat(kData, "/ofac/sdn_2024-05-03.csv"),
                     "-o", Path("sdn24.pb")}).code, 0);
  Result d = Embargo({"diff", Path("sdn21.pb"), Path("sdn24.pb"), "--json",
                      "--no-aliases"});
  ASSERT_EQ(d.code, 0) << d.err;
  nlohmann::json j = Json(d);
  EXPECT_GT(j["listed"].size(), 3000u);
  bool shoigu = false;
  for (const auto& c : j["listed"]) shoigu |= c["id"] == "OFAC-35173";
  EXPECT_TRUE(shoigu);
  for (const auto& c : j["changed"]) {
    for (const auto& w : c["what"]) {
      EXPECT_FALSE(absl::StartsWith(w.get<std::string>(), "alias"));
    }
  }
  EXPECT_EQ(Embargo({"diff", Path("sdn21.pb")}).code, 2);
  EXPECT_TRUE(j["same_list"]);
  EXPECT_EQ(d.err.find("warning"), std::string::npos) << d.err;

  ASSERT_EQ(Embargo({"import", "eu", absl::StrCat(kData, "/eu/32017R1509.csv"),
                     "-o", Path("eu-dprk.pb")}).code, 0);
  // Two different lists: the diff says so, and names each side's edition.
  Result other = Embargo({"diff", Path("sdn24.pb"), Path("eu-dprk.pb")});
  EXPECT_EQ(other.code, 0) << other.err;
  EXPECT_NE(other.err.find("warning: the two sides share no list"), std::string::npos)
      << other.err;
  EXPECT_NE(other.out.find("(published 2024-05-03)"), std::string::npos) << other.out;
  Result r = Embargo({"reason-links", Path("eu-dprk.pb"), "-o",
                      Path("eu-dprk-links.pb"), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json rj = Json(r);
  EXPECT_GT(rj["links_by_rule"]["arms-for-state"].get<int>(), 10);
  EXPECT_GE(rj["links_by_rule"]["arms-from-to"].get<int>(), 1);
  // Loaded beside the list: the Eastern Stevedoring Company between PRK
  // and RUS, its reason quoted.
  Result p = Embargo({"paths", "PRK", "RUS", "--data", Path("eu-dprk.pb"),
                      "--data", Path("eu-dprk-links.pb"), "--kinds",
                      "transfer_via", "--max-hops", "2", "--explain"});
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_NE(p.out.find("arms transfers from the DPRK to the Russian Federation"),
            std::string::npos) << p.out;
}

TEST_F(CliTest, SanctionsListsTogether) {
  const std::string un = "un/consolidated_2025-04-19.xml";
  const std::string sdn = "ofac/sdn_2021-07";
  const std::string eu = "eu/32017R1509.csv";
  if (!HaveSharedData(un) || !HaveSharedData(sdn) || !HaveSharedData(eu)) {
    GTEST_SKIP() << "no shared data";
  }
  Result u = Embargo({"import", "un", absl::StrCat(kData, "/", un), "-o",
                      Path("un.pb"), "--json"});
  ASSERT_EQ(u.code, 0) << u.err;
  EXPECT_EQ(Json(u)["reports"][0]["rows_read"], 877);
  // The four files of one OFAC CSV edition, recognised by name.
  std::vector<std::string> args = {"import", "ofac-csv"};
  for (const char* f : {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}) {
    args.push_back(absl::StrCat(kData, "/", sdn, "/", f));
  }
  for (const char* a : {"-o", "", "--json"}) args.push_back(a);
  args[args.size() - 2] = Path("sdn.records");
  Result o = Embargo(args);
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(Json(o)["reports"][0]["files"].size(), 4u);
  Result e = Embargo({"import", "eu", absl::StrCat(kData, "/", eu), "-o",
                      Path("eu.pb"), "--json"});
  ASSERT_EQ(e.code, 0) << e.err;
  EXPECT_EQ(Json(e)["reports"][0]["rows_read"], 326);
  // Loaded together (states and authorities meet on their ids) with the
  // article: KOMID's UN listing is in force on 2024-01-01.
  Result x = Embargo({"exposure", "KOMID", "--as-of", "2024-01-01", "--data",
                      Path("un.pb"), "--data", Path("sdn.records"), "--data",
                      Path("eu.pb"), "--data", kArticle, "--json"});
  ASSERT_EQ(x.code, 0) << x.err;
  EXPECT_FALSE(Json(x)["sanctions"].empty());
  Result v = Embargo({"validate", Path("un.pb"), Path("sdn.records"),
                      Path("eu.pb"), kArticle});
  EXPECT_EQ(v.code, 0) << v.out.substr(0, 2000);
}

TEST_F(CliTest, DamagedFileIsRefusedWithItsPlace) {
  const std::string damaged = "un/consolidated_2025-08-16_damaged.xml";
  if (!HaveSharedData(damaged)) GTEST_SKIP() << "no shared data";
  Result r = Embargo({"import", "un", absl::StrCat(kData, "/", damaged), "-o",
                      Path("d.pb")});
  ExpectOneLineError(r, "import", "consolidated_2025-08-16_damaged.xml:");
  EXPECT_FALSE(std::filesystem::exists(Path("d.pb")));
}

TEST_F(CliTest, ProgressBarOnRequest) {
  const std::string csv = "sipri/trade-register_2025-03-13.csv";
  if (!HaveSharedData(csv)) GTEST_SKIP() << "no shared data";
  // stderr is not a terminal here: no bar unless asked for.
  Result quiet = Embargo({"import", "sipri", absl::StrCat(kData, "/", csv),
                          "-o", Path("a.pb")});
  EXPECT_EQ(quiet.err.find('\r'), std::string::npos);
  Result bar = Embargo({"import", "sipri", absl::StrCat(kData, "/", csv), "-o",
                        Path("b.pb"), "--progress"});
  ASSERT_EQ(bar.code, 0) << bar.err;
  EXPECT_NE(bar.err.find("\r\033[K["), std::string::npos);
  EXPECT_NE(bar.err.find("29515 rows read"), std::string::npos);
}

// ---- reliability: output over input, directories --------------------------

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Regression: `export textproto X -o X` rewrote a hand-written file (its
// comments lost), and `import un list.pb -o list.pb` replaced its input,
// also through a symlink or a hard link. Refused unless --force.
TEST(CliReliabilityTest, OutputThatIsAnInputIsRefused) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "cli_out_in";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string hand = (dir / "hand.textproto").string();
  fs::copy_file(kArticle, hand);
  {
    std::ofstream(hand, std::ios::app) << "# a comment to keep\n";
  }
  const std::string before = Slurp(hand);
  Result r = Embargo({"export", "textproto", hand, "-o", hand});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "the output is the same file as the "
                                       "input")) << r.err;
  EXPECT_EQ(Slurp(hand), before);
  // Through a symlink and a hard link.
  const std::string link = (dir / "link.textproto").string();
  const std::string hard = (dir / "hard.textproto").string();
  fs::create_symlink(hand, link);
  fs::create_hard_link(hand, hard);
  for (const std::string& out : {link, hard}) {
    r = Embargo({"export", "textproto", hand, "-o", out});
    EXPECT_EQ(r.code, 2) << out;
    EXPECT_EQ(Slurp(hand), before);
  }
  // import: the input is refused as output before anything is read.
  const std::string list = (dir / "list.pb").string();
  std::ofstream(list) << "<CONSOLIDATED_LIST/>";
  for (const char* format : {"un", "sipri"}) {
    r = Embargo({"import", format, list, "-o", list});
    EXPECT_EQ(r.code, 2) << format;
    EXPECT_TRUE(absl::StrContains(r.err, "list.pb")) << r.err;
    EXPECT_EQ(Slurp(list), "<CONSOLIDATED_LIST/>");
  }
  // --force writes anyway.
  r = Embargo({"export", "textproto", hand, "-o", hand, "--force"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(Slurp(hand), before);
  fs::remove_all(dir);
}

// Regression: a directory given as input was "a file of 2^63-1 bytes".
TEST(CliReliabilityTest, DirectoryAndDeviceInputsAreNamedForWhatTheyAre) {
  const std::string dir = ::testing::TempDir();
  Result r = Embargo({"validate", dir});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "is a directory, not a file")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.err, "9223372036854775807")) << r.err;
  r = Embargo({"import", "un", "/dev/zero", "-o",
               absl::StrCat(dir, "/zero_out.pb")});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "/dev/zero: is a device")) << r.err;
}

// Regression: `paths --k 1200 --limit 1100` returned 1100 paths with
// "truncated": false (k was cut to the limit silently).
TEST(CliReliabilityTest, KShortestOverTheLimitIsFlagged) {
  const std::string path =
      absl::StrCat(::testing::TempDir(), "/fan_", getpid(), ".textproto");
  {
    std::ofstream out(path);
    out << "sources { id: \"S\" publisher: \"t\" title: \"fan\" "
           "published { year: 2024 } reliability: RELIABILITY_SECONDARY }\n"
           "actors { id: \"A\" kind: ACTOR_KIND_COMPANY name: \"A\" }\n"
           "actors { id: \"B\" kind: ACTOR_KIND_COMPANY name: \"B\" }\n";
    for (int i = 0; i < 1200; ++i) {
      out << "actors { id: \"M" << i << "\" kind: ACTOR_KIND_COMPANY name: "
          << "\"M" << i << "\" }\n";
      out << "transfers { id: \"Ta" << i << "\" supplier_id: \"A\" "
          << "recipient_id: \"M" << i << "\" item: ITEM_ROCKETS status: "
          << "STATUS_REPORTED evidence { source_id: \"S\" } }\n";
      out << "transfers { id: \"Tb" << i << "\" supplier_id: \"M" << i
          << "\" recipient_id: \"B\" item: ITEM_ROCKETS status: "
          << "STATUS_REPORTED evidence { source_id: \"S\" } }\n";
    }
  }
  Result r = Embargo({"paths", "A", "B", "--k", "1200", "--limit", "1100",
                      "--data", path, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = Json(r);
  EXPECT_EQ(j["paths"].size(), 1100u);
  EXPECT_TRUE(j["truncated"].get<bool>());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace embargo
