// Many threads querying one graph get the same answers as one thread, for
// every query family: paths, k shortest, path counts, neighbourhoods, and
// the sanctions functions (in force, blocked by ownership under both rules,
// effective ownership, breaches, regime paths). The ci preset runs it
// normally, the tsan preset under ThreadSanitizer.

#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gtest/gtest.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

// A compact fingerprint of one round of queries.
std::string RunQueries(const Graph& g, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out;
  for (int q = 0; q < 40; ++q) {
    const Filter f = testing::RandomFilter(rng);
    const NodeId s(rng() % g.num_nodes()), t(rng() % g.num_nodes());
    auto sp = ShortestPath(g, s, t, f);
    out += sp.ok() && sp->has_value() ? std::to_string((*sp)->length()) : "-";
    auto k = KShortestPaths(g, s, t, 3, f);
    for (const Path& p : k->paths) out += "k" + std::to_string(p.length());
    auto all = CountPaths(g, s, t, 3, f);
    out += "c" + std::to_string(all->count);
    auto n = Neighbors(g, s, 2, f);
    out += "n" + std::to_string(n->nodes.size());
    out += ";";
  }
  return out;
}

// A random dataset with sanctions, ownership (shares of each asset summing
// to at most 100) and transfers, for the sanctions functions.
v1::Dataset SanctionsDataset(std::mt19937& rng) {
  v1::Dataset ds = testing::RandomDataset(rng, {200, 200, 600});
  for (v1::Relation& r : *ds.mutable_relations()) {
    if (r.kind() == v1::RELATION_KIND_OWNERSHIP) r.set_share_percent(20);
  }
  // At most five 20 % stakes per asset.
  std::map<std::string, int> stakes;
  auto* rels = ds.mutable_relations();
  for (int i = rels->size() - 1; i >= 0; --i) {
    const v1::Relation& r = rels->Get(i);
    if (r.kind() == v1::RELATION_KIND_OWNERSHIP && ++stakes[r.object_id()] > 5) {
      rels->DeleteSubrange(i, 1);
    }
  }
  v1::Actor* un = ds.add_actors();
  un->set_id("AUTH");
  un->set_name("Authority");
  un->set_kind(v1::ACTOR_KIND_INTERNATIONAL_BODY);
  for (int i = 0; i < 25; ++i) {
    v1::Sanction* s = ds.add_sanctions();
    s->set_id("S" + std::to_string(i));
    s->set_authority_id("AUTH");
    s->set_target_id("N" + std::to_string(rng() % 200));
    s->set_program(i % 2 ? "P1" : "P2");
    s->add_measures(v1::MEASURE_ASSET_FREEZE);
    s->add_measures(i % 3 ? v1::MEASURE_ARMS_EMBARGO_IMPORTS
                          : v1::MEASURE_ARMS_EMBARGO_EXPORTS);
    s->mutable_listed()->set_year(2018 + static_cast<int>(rng() % 5));
    s->set_status(v1::STATUS_CONFIRMED);
    s->add_evidence()->set_source_id("src");
  }
  return ds;
}

std::string RunSanctions(const Graph& g, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out;
  const PartialDate as_of = *PartialDate::Parse("2021-06");
  for (OwnershipRule rule : {OwnershipRule::kOfac50, OwnershipRule::kEuControl}) {
    OwnershipOptions o;
    o.rule = rule;
    o.as_of = as_of;
    o.any_authority = true;  // The graph's authority is "AUTH".
    auto blocked = BlockedByOwnership(g, o);
    out += "b" + std::to_string(blocked->size()) + "/" +
           std::to_string(blocked->num_possible);
  }
  auto breaches = FindEmbargoBreaches(g);
  out += "x" + std::to_string(breaches->size());
  Regime regime;
  regime.programs = {"P1"};
  for (int q = 0; q < 10; ++q) {
    const NodeId n(rng() % g.num_nodes());
    auto in_force = SanctionsInForce(g, n, as_of);
    out += "f" + std::to_string(in_force->size());
    auto eff = EffectiveOwnershipOf(g, n);
    out += "e" + std::to_string(eff->holdings.size());
    if (!eff->holdings.empty()) {
      out += ":" + std::to_string(eff->holdings[0].share_percent);
    }
    auto paths = PathsToSanctioned(g, n, regime, as_of, 2);
    out += "p" + std::to_string(paths->paths.size());
  }
  return out;
}

TEST(ConcurrencyTest, SanctionsThreadsAgreeWithOneThread) {
  std::mt19937 rng(12);
  GraphBuilder b;
  b.AddDataset(SanctionsDataset(rng), "random");
  absl::StatusOr<Graph> built = b.Build();
  ASSERT_TRUE(built.ok()) << built.status();
  const Graph g = *built;
  constexpr int kThreads = 6;
  std::vector<std::string> expected(kThreads), got(kThreads);
  for (int i = 0; i < kThreads; ++i) expected[i] = RunSanctions(g, 200 + i);
  EXPECT_NE(expected[0].find("b"), std::string::npos);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int r = 0; r < 2; ++r) got[i] = RunSanctions(g, 200 + i);
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(got[i], expected[i]) << i;
}

TEST(ConcurrencyTest, ThreadsAgreeWithOneThread) {
  std::mt19937 rng(11);
  GraphBuilder b;
  b.AddDataset(testing::RandomDataset(rng, {300, 300, 1500}), "random");
  const Graph g = *b.Build();
  constexpr int kThreads = 8;
  std::vector<std::string> expected(kThreads);
  for (int i = 0; i < kThreads; ++i) expected[i] = RunQueries(g, 100 + i);

  std::vector<std::string> got(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Each thread runs its own round several times, copies of the handle
      // included, to overlap with the others.
      const Graph copy = g;
      for (int r = 0; r < 3; ++r) got[i] = RunQueries(r % 2 ? copy : g, 100 + i);
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(got[i], expected[i]) << i;
}

}  // namespace
}  // namespace embargo
