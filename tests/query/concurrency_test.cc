// Many threads querying one graph get the same answers as one thread.

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "embargo/query.h"
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
