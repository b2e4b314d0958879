// Every query checked against a brute-force verifier on hundreds of random
// typed graphs with random filters.
//
// The verifier enumerates simple paths by trying every edge of the graph at
// every step (no adjacency structure, no pruning) and tests each step with
// the filter rules as query.h states them.

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "embargo/graph.h"
#include "embargo/query.h"
#include "gtest/gtest.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

// One step of a path as the verifier sees it.
using Step = std::pair<uint32_t, bool>;  // Edge id, walked along.
using Signature = std::vector<Step>;

bool EdgeUsable(const Graph& g, const Filter& f, EdgeId e, bool along) {
  const EdgeInfo i = g.edge(e);
  if (!f.edge_kinds.Contains(i.kind)) return false;
  const bool transfer =
      i.kind == EdgeKind::kTransfer || i.kind == EdgeKind::kTransferVia;
  if (transfer && !f.items.Contains(i.item)) return false;
  if (i.status < f.min_status) return false;
  const DayRange window{f.from.known() ? f.from.EarliestDay() : kMinDay,
                        f.until.known() ? f.until.LatestDay() : kMaxDay};
  if (f.date_match == DateMatch::kCertain ? !i.days.Within(window)
                                          : !i.days.Overlaps(window)) {
    return false;
  }
  if (f.direction == Direction::kAlong && !along) return false;
  if (f.direction == Direction::kAgainst && along) return false;
  return true;
}

bool NodeAllowed(const Graph& g, const Filter& f, uint32_t n) {
  return f.node_kinds.Contains(g.node_kind(NodeId(n)));
}

class Brute {
 public:
  Brute(const Graph& g, const Filter& f) : g_(g), f_(f) {}

  // All simple s-t paths with at most max hops.
  std::vector<Signature> Paths(uint32_t s, uint32_t t, int max) {
    std::vector<Signature> out;
    if (s == t) return out;
    std::vector<bool> on(g_.num_nodes());
    on[s] = true;
    Signature cur;
    Walk(s, t, max, on, cur, out);
    return out;
  }

  std::map<uint32_t, int> Distances(uint32_t s, int max) {
    std::vector<int> dist(g_.num_nodes(), 1 << 20);
    dist[s] = 0;
    for (bool changed = true; changed;) {
      changed = false;
      for (uint32_t e = 0; e < g_.num_edges(); ++e) {
        const EdgeInfo i = g_.edge(EdgeId(e));
        for (bool along : {true, false}) {
          const uint32_t x = (along ? i.from : i.to).value();
          const uint32_t y = (along ? i.to : i.from).value();
          if (y == s || !NodeAllowed(g_, f_, y)) continue;
          if (!EdgeUsable(g_, f_, EdgeId(e), along)) continue;
          if (dist[x] + 1 < dist[y]) {
            dist[y] = dist[x] + 1;
            changed = true;
          }
        }
      }
    }
    std::map<uint32_t, int> out;
    for (uint32_t n = 0; n < g_.num_nodes(); ++n) {
      if (n != s && dist[n] <= max) out[n] = dist[n];
    }
    return out;
  }

 private:
  void Walk(uint32_t u, uint32_t t, int left, std::vector<bool>& on,
            Signature& cur, std::vector<Signature>& out) {
    if (left == 0) return;
    for (uint32_t e = 0; e < g_.num_edges(); ++e) {
      const EdgeInfo i = g_.edge(EdgeId(e));
      for (bool along : {true, false}) {
        if ((along ? i.from : i.to).value() != u) continue;
        const uint32_t v = (along ? i.to : i.from).value();
        if (on[v] || !EdgeUsable(g_, f_, EdgeId(e), along)) continue;
        cur.push_back({e, along});
        if (v == t) {
          out.push_back(cur);
        } else if (NodeAllowed(g_, f_, v)) {
          on[v] = true;
          Walk(v, t, left - 1, on, cur, out);
          on[v] = false;
        }
        cur.pop_back();
      }
    }
  }

  const Graph& g_;
  const Filter& f_;
};

Signature SignatureOf(const Path& p) {
  Signature s;
  for (const Hop& h : p.hops) s.push_back({h.edge.value(), h.along});
  return s;
}

// A returned path must be a simple s-t walk of usable edges whose hops are
// consistent with the edges' ends.
void ExpectValid(const Graph& g, const Filter& f, const Path& p, uint32_t s,
                 uint32_t t) {
  ASSERT_EQ(p.source.value(), s);
  ASSERT_EQ(p.target().value(), t);
  std::set<uint32_t> seen{s};
  uint32_t at = s;
  for (const Hop& h : p.hops) {
    const EdgeInfo i = g.edge(h.edge);
    EXPECT_EQ(h.from.value(), at);
    EXPECT_EQ((h.along ? i.from : i.to), h.from);
    EXPECT_EQ((h.along ? i.to : i.from), h.to);
    EXPECT_TRUE(EdgeUsable(g, f, h.edge, h.along));
    EXPECT_TRUE(seen.insert(h.to.value()).second) << "node repeated";
    if (h.to.value() != t) EXPECT_TRUE(NodeAllowed(g, f, h.to.value()));
    at = h.to.value();
  }
}

class VerifierTest : public ::testing::Test {
 protected:
  static constexpr int kGraphs = 300;
};

TEST_F(VerifierTest, ShortestPathMatchesBruteForce) {
  std::mt19937 rng(1);
  int found = 0, none = 0;
  for (int round = 0; round < kGraphs; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 6; ++q) {
      const Filter f = testing::RandomFilter(rng);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      absl::StatusOr<std::optional<Path>> got =
          ShortestPath(g, NodeId(s), NodeId(t), f);
      ASSERT_TRUE(got.ok()) << got.status();
      if (s == t) {
        ASSERT_TRUE(got->has_value());
        EXPECT_EQ((*got)->length(), 0u);
        continue;
      }
      std::vector<Signature> all = Brute(g, f).Paths(s, t, g.num_nodes());
      if (all.empty()) {
        EXPECT_FALSE(got->has_value()) << "round " << round;
        ++none;
        continue;
      }
      ASSERT_TRUE(got->has_value()) << "round " << round;
      size_t best = all[0].size();
      for (const Signature& p : all) best = std::min(best, p.size());
      EXPECT_EQ((*got)->length(), best) << "round " << round;
      ExpectValid(g, f, **got, s, t);
      ++found;
    }
  }
  EXPECT_GT(found, 100);  // The generator must exercise both outcomes.
  EXPECT_GT(none, 100);
}

TEST_F(VerifierTest, AllPathsAndCountPathsMatchBruteForce) {
  std::mt19937 rng(2);
  int nonempty = 0;
  for (int round = 0; round < kGraphs; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      const Filter f = testing::RandomFilter(rng);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      const int max = 1 + static_cast<int>(rng() % 4);
      Limits limits;
      limits.max_results = 100000;
      absl::StatusOr<Paths> got = AllPaths(g, NodeId(s), NodeId(t), max, f, limits);
      ASSERT_TRUE(got.ok());
      EXPECT_FALSE(got->truncated);
      std::vector<Signature> want = Brute(g, f).Paths(s, t, max);
      std::set<Signature> want_set(want.begin(), want.end());
      std::set<Signature> got_set;
      size_t last = 0;
      for (const Path& p : got->paths) {
        ExpectValid(g, f, p, s, t);
        EXPECT_GE(p.length(), last) << "paths must come shortest first";
        last = p.length();
        got_set.insert(SignatureOf(p));
      }
      EXPECT_EQ(got_set.size(), got->paths.size()) << "duplicate paths";
      EXPECT_EQ(got_set, want_set) << "round " << round;
      absl::StatusOr<PathCount> count = CountPaths(g, NodeId(s), NodeId(t), max, f);
      ASSERT_TRUE(count.ok());
      EXPECT_EQ(count->count, want.size());
      if (!want.empty()) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 100);
}

TEST_F(VerifierTest, KShortestPathsMatchBruteForce) {
  std::mt19937 rng(3);
  int multi = 0;
  for (int round = 0; round < kGraphs; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      const Filter f = testing::RandomFilter(rng);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      if (s == t) continue;
      const int k = 1 + static_cast<int>(rng() % 6);
      absl::StatusOr<Paths> got = KShortestPaths(g, NodeId(s), NodeId(t), k, f);
      ASSERT_TRUE(got.ok());
      std::vector<Signature> all = Brute(g, f).Paths(s, t, g.num_nodes());
      std::vector<size_t> lengths;
      for (const Signature& p : all) lengths.push_back(p.size());
      std::sort(lengths.begin(), lengths.end());
      lengths.resize(std::min<size_t>(lengths.size(), k));
      std::vector<size_t> got_lengths;
      std::set<Signature> distinct;
      for (const Path& p : got->paths) {
        ExpectValid(g, f, p, s, t);
        got_lengths.push_back(p.length());
        distinct.insert(SignatureOf(p));
      }
      EXPECT_EQ(got_lengths, lengths) << "round " << round;
      EXPECT_EQ(distinct.size(), got->paths.size());
      if (got->paths.size() > 1) ++multi;
    }
  }
  EXPECT_GT(multi, 50);
}

TEST_F(VerifierTest, NeighborsMatchBruteForce) {
  std::mt19937 rng(4);
  int nonempty = 0;
  for (int round = 0; round < kGraphs; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      const Filter f = testing::RandomFilter(rng);
      const uint32_t s = rng() % g.num_nodes();
      const int max = static_cast<int>(rng() % 4);
      absl::StatusOr<Neighborhood> got = Neighbors(g, NodeId(s), max, f);
      ASSERT_TRUE(got.ok());
      std::map<uint32_t, int> want = Brute(g, f).Distances(s, max);
      std::map<uint32_t, int> got_map;
      int last_hops = 0;
      uint32_t last_node = 0;
      for (const Neighbor& n : got->nodes) {
        got_map[n.node.value()] = n.hops;
        EXPECT_TRUE(n.hops > last_hops ||
                    (n.hops == last_hops && n.node.value() > last_node))
            << "order: distance, then node id";
        last_hops = n.hops;
        last_node = n.node.value();
      }
      EXPECT_EQ(got_map, want) << "round " << round;
      absl::StatusOr<NeighborCount> count = CountNeighbors(g, NodeId(s), max, f);
      ASSERT_TRUE(count.ok());
      EXPECT_EQ(count->count, want.size()) << "round " << round;
      if (!want.empty()) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 100);
}

TEST_F(VerifierTest, LimitsTruncateAndSaySo) {
  std::mt19937 rng(5);
  int truncated = 0;
  for (int round = 0; round < kGraphs; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng, {6, 9, 30}), "random");
    Graph g = *b.Build();
    const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
    Filter f;
    std::vector<Signature> all = Brute(g, f).Paths(s, t, 4);
    Limits limits;
    limits.max_results = 3;
    absl::StatusOr<Paths> got = AllPaths(g, NodeId(s), NodeId(t), 4, f, limits);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->paths.size(), std::min<size_t>(3, all.size()));
    EXPECT_EQ(got->truncated, all.size() > 3);
    if (got->truncated) {
      ++truncated;
      EXPECT_EQ(got->truncation_reason, "result limit reached");
      // The kept paths are the shortest ones.
      std::vector<size_t> lengths;
      for (const Signature& p : all) lengths.push_back(p.size());
      std::sort(lengths.begin(), lengths.end());
      EXPECT_EQ(got->paths.back().length(), lengths[2]);
    }
  }
  EXPECT_GT(truncated, 20);
}

}  // namespace
}  // namespace embargo
