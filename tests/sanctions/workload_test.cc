// The 50 % rule on the shared workload's data (workload/SPEC.md): with
// dates ignored, the blocked set must have the size of query q3 in
// expected/S.json. The data is generated into a temporary directory with
// the workload's own generator and read with a small CSV reader here (the
// files have no quoted fields), so the test does not depend on any
// importer.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/kinds.h"
#include "embargo/sanctions.h"
#include "gtest/gtest.h"
#include "lib/graph/graph_data.h"
#include "lib/sanctions/common.h"

#ifndef EMBARGO_WORKLOAD_DIR
#define EMBARGO_WORKLOAD_DIR "../shared/workload"
#endif

namespace embargo {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of a CSV file without its header.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // Header.
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rows.push_back(absl::StrSplit(line, ','));
  }
  return rows;
}

v1::ActorKind KindOf(const std::string& label, const std::string& id) {
  if (label == "State") return v1::ACTOR_KIND_STATE;
  if (label == "Authority") {
    return id == "UNSC" || id == "EU" ? v1::ACTOR_KIND_INTERNATIONAL_BODY
                                      : v1::ACTOR_KIND_GOVERNMENT_BODY;
  }
  if (label == "Company") return v1::ACTOR_KIND_COMPANY;
  if (label == "Person") return v1::ACTOR_KIND_PERSON;
  if (label == "Vessel") return v1::ACTOR_KIND_VESSEL;
  if (label == "Organization") return v1::ACTOR_KIND_ORGANIZATION;
  if (label == "MilitaryUnit") return v1::ACTOR_KIND_MILITARY_UNIT;
  ADD_FAILURE() << "unknown node kind " << label;
  return v1::ACTOR_KIND_UNSPECIFIED;
}

// ToDataset turns the workload's CSV files into records.
v1::Dataset ToDataset(const std::string& dir) {
  v1::Dataset ds;
  ds.set_name("workload");
  v1::Source* src = ds.add_sources();
  src->set_id("workload");
  src->set_publisher("workload/gen_graph.py --seed 7");
  auto cite = [](auto* record, int line) {
    v1::Evidence* e = record->add_evidence();
    e->set_source_id("workload");
    e->set_locator(absl::StrCat("edges.csv line ", line));
  };
  for (const std::vector<std::string>& r : ReadCsv(dir + "/nodes.csv")) {
    v1::Actor* a = ds.add_actors();
    a->set_id(r[0]);
    a->set_name(r[1]);
    a->set_kind(KindOf(r[2], r[0]));
    if (r.size() > 3) a->set_country(r[3]);
  }
  int line = 1;
  for (const std::vector<std::string>& r : ReadCsv(dir + "/edges.csv")) {
    ++line;
    const std::string& type = r[2];
    const std::string id = absl::StrCat(type, "-", line);
    int year = 0;
    if (!r[5].empty()) EXPECT_TRUE(absl::SimpleAtoi(r[5], &year)) << r[5];
    if (type == "SANCTIONS") {
      // One record per edge: a target may be listed several times.
      v1::Sanction* s = ds.add_sanctions();
      s->set_id(id);
      s->set_authority_id(r[0]);
      s->set_target_id(r[1]);
      s->set_program(r[4]);
      s->add_measures(v1::MEASURE_ASSET_FREEZE);
      s->mutable_listed()->set_year(year);
      s->set_status(v1::STATUS_CONFIRMED);
      cite(s, line);
    } else if (type == "TRANSFER") {
      v1::Transfer* t = ds.add_transfers();
      t->set_id(id);
      t->set_supplier_id(r[0]);
      t->set_recipient_id(r[1]);
      absl::StatusOr<v1::ItemCategory> item = ParseItem(r[4]);
      EXPECT_TRUE(item.ok()) << item.status();
      t->set_item(item.value_or(v1::ITEM_OTHER));
      t->mutable_ordered()->set_year(year);
      absl::StatusOr<v1::Status> status = ParseStatus(r[6]);
      EXPECT_TRUE(status.ok()) << status.status();
      t->set_status(status.value_or(v1::STATUS_ALLEGED));
      cite(t, line);
    } else {
      v1::Relation* rel = ds.add_relations();
      rel->set_id(id);
      rel->set_subject_id(r[0]);
      rel->set_object_id(r[1]);
      rel->set_status(v1::STATUS_CONFIRMED);
      if (type == "OWNS") {
        rel->set_kind(v1::RELATION_KIND_OWNERSHIP);
        double share = 0;
        EXPECT_TRUE(absl::SimpleAtod(r[3], &share)) << r[3];
        rel->set_share_percent(share);
      } else if (type == "DIRECTS") {
        rel->set_kind(v1::RELATION_KIND_DIRECTORSHIP);
      } else if (type == "OPERATES") {
        rel->set_kind(v1::RELATION_KIND_OPERATOR);
      } else if (type == "FLAG") {
        rel->set_kind(v1::RELATION_KIND_FLAG);
      } else {
        ADD_FAILURE() << "unknown edge type " << type;
      }
      cite(rel, line);
    }
  }
  return ds;
}

// ExpectedQ3 reads answers.q3 from expected/SIZE.json.
int ExpectedQ3(const std::string& json) {
  const size_t answers = json.find("\"answers\"");
  const size_t q3 = json.find("\"q3\":", answers);
  if (answers == std::string::npos || q3 == std::string::npos) return -1;
  return std::atoi(json.c_str() + q3 + 5);
}

// Generate writes the size-S data into a directory of this process (other
// test processes may generate at the same time) once; it is removed when
// the tests end.
std::string Generate() {
  static const std::string* dir = [] {
    auto* d = new std::string(absl::StrCat(
        ::testing::TempDir(), "embargo_sanctions_workload_S_", getpid()));
    const std::string cmd = absl::StrCat(
        "python3 ", EMBARGO_WORKLOAD_DIR, "/gen_graph.py --size S --seed 7 --out ",
        *d, " > /dev/null 2>&1");
    if (std::system(cmd.c_str()) != 0) d->clear();
    struct Cleanup : ::testing::Environment {
      explicit Cleanup(std::string path) : path(std::move(path)) {}
      void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
      }
      std::string path;
    };
    if (!d->empty()) ::testing::AddGlobalTestEnvironment(new Cleanup(*d));
    return d;
  }();
  return *dir;
}

TEST(SanctionsWorkloadTest, FiftyPercentRuleIsQ3) {
  const std::string workload = EMBARGO_WORKLOAD_DIR;
  const std::string dir = Generate();
  if (dir.empty()) GTEST_SKIP() << "could not run the workload generator";
  const int expected = ExpectedQ3(ReadFile(workload + "/expected/S.json"));
  ASSERT_EQ(expected, 248);

  GraphBuilder builder;
  builder.AddDataset(ToDataset(dir), dir);
  absl::StatusOr<Graph> g = builder.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_nodes(), 10000u);
  EXPECT_EQ(g->num_edges(), 50000u);

  // Dates ignored, any authority (the workload's SANCTIONS edges start at
  // its four authorities, UNSC, OFAC, EU and UK, and q3 counts every
  // one): exactly q3.
  OwnershipOptions o;
  o.any_authority = true;
  absl::StatusOr<BlockedSet> b = BlockedByOwnership(*g, o);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(static_cast<int>(b->size()), expected);
  EXPECT_EQ(b->num_possible, 0u);
  for (const BlockedEntity& e : b->entities) {
    ASSERT_TRUE(e.directly_sanctioned || e.blocked_by_ownership);
  }

  // Every listing is at most 2025 and ownership is undated: as of the end
  // of 2025 the same set, certainly; earlier, a subset.
  o.as_of = *PartialDate::Parse("2025-12-31");
  EXPECT_EQ(static_cast<int>(BlockedByOwnership(*g, o)->size()), expected);
  o.as_of = *PartialDate::Parse("2010");
  absl::StatusOr<BlockedSet> early = BlockedByOwnership(*g, o);
  ASSERT_TRUE(early.ok());
  EXPECT_LT(early->size(), b->size());
  for (const BlockedEntity& e : early->entities) {
    EXPECT_NE(b->Find(e.node), nullptr);
  }

  // The EU rule (more than 50 %) blocks no more than the OFAC rule here,
  // since the workload has no control relations.
  OwnershipOptions eu;
  eu.rule = OwnershipRule::kEuControl;
  eu.any_authority = true;
  EXPECT_LE(BlockedByOwnership(*g, eu)->size(), b->size());
}

// The same on the graph the Neo4j CSV loader builds (compact records): the
// sanction facts read without decoding agree with the decoded records.
TEST(SanctionsWorkloadTest, CompactGraphFromTheCsvLoader) {
  const std::string dir = Generate();
  if (dir.empty()) GTEST_SKIP() << "could not run the workload generator";
  absl::StatusOr<Neo4jCsvGraph> loaded =
      LoadNeo4jCsvGraph(dir + "/nodes.csv", dir + "/edges.csv");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const Graph& g = loaded->graph;
  const internal::GraphData& d = g.data();
  int sanctions = 0;
  for (uint32_t e = 0; e < g.num_edges(); ++e) {
    if (d.edge_kind[e] != EdgeKind::kSanction) continue;
    const internal::SanctionFacts fast = internal::ReadSanctionFacts(d, e);
    const internal::SanctionFacts slow =
        internal::FactsOf(g.EdgeRecord(EdgeId(e)).sanction());
    ASSERT_EQ(fast.program, slow.program);
    ASSERT_EQ(fast.measures, slow.measures);
    ASSERT_EQ(fast.listed, slow.listed);
    ASSERT_EQ(fast.status, slow.status);
    ++sanctions;
  }
  EXPECT_EQ(sanctions, 296);
  OwnershipOptions o;
  o.explain = false;
  o.any_authority = true;
  absl::StatusOr<BlockedSet> b = BlockedByOwnership(g, o);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->size(), 248u);
  // Read with the rule's own list (OFAC's sanctions and what they block),
  // a subset: 116 of the 248.
  o.any_authority = false;
  absl::StatusOr<BlockedSet> own = BlockedByOwnership(g, o);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->size(), 116u);
  EXPECT_TRUE(own->authorities_not_loaded.empty());
  for (const BlockedEntity& e : own->entities) {
    EXPECT_NE(b->Find(e.node), nullptr);
  }
}

}  // namespace
}  // namespace embargo
