// KShortestRoutes: k shortest paths with parallel edges counted once.
//
// Yen's algorithm (Yen, "Finding the k shortest loopless paths in a
// network", Management Science 17(11), 1971) run on node sequences: a
// candidate is a sequence of nodes, two paths over different parallel edges
// between the same actors are the same candidate, and where Yen bans the
// next edge of an earlier path at a spur node, this bans the next node (all
// the parallel edges to it). Spur paths are breadth-first searches that
// avoid the root path's nodes. Under the chronological rule Yen's spur
// searches do not apply (a spur path's dates depend on its root), so the
// chronological paths are enumerated (AllPaths) and grouped by node
// sequence instead.

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "embargo/query.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

using internal::Budget;
using internal::CompiledFilter;
using internal::GraphData;

using NodeSeq = std::vector<uint32_t>;

// Fewest-hop node sequence from s to t avoiding `banned` nodes, whose first
// step does not go to a node of `banned_next`, of at most max_len hops.
// Empty when there is none.
NodeSeq SpurSearch(const GraphData& d, uint32_t s, uint32_t t,
                   const std::set<uint32_t>& banned,
                   const std::set<uint32_t>& banned_next, uint32_t max_len,
                   const CompiledFilter& f, Budget& budget) {
  std::map<uint32_t, uint32_t> parent{{s, s}};
  std::vector<uint32_t> front{s}, next;
  for (uint32_t depth = 1; depth <= max_len && !front.empty(); ++depth) {
    next.clear();
    for (uint32_t u : front) {
      if (!budget.Spend(d.RowEnd(u) - d.RowBegin(u))) return {};
      for (uint32_t i = d.RowBegin(u); i < d.RowEnd(u); ++i) {
        const uint32_t v = d.row_other[i];
        if (parent.contains(v) || banned.contains(v)) continue;
        if (u == s && banned_next.contains(v)) continue;
        if (!f.StepOk(d.row_entry[i], /*backward=*/false)) continue;
        if (v != t && !f.NodeOk(v)) continue;
        parent[v] = u;
        if (v == t) {
          NodeSeq seq{t};
          for (uint32_t x = t; x != s;) {
            x = parent[x];
            seq.push_back(x);
          }
          std::reverse(seq.begin(), seq.end());
          return seq;
        }
        next.push_back(v);
      }
    }
    front.swap(next);
  }
  return {};
}

// The usable edges from u to v, walked forward, by edge id.
std::vector<Hop> Parallel(const GraphData& d, uint32_t u, uint32_t v,
                          const CompiledFilter& f) {
  std::vector<Hop> out;
  for (uint32_t i = d.RowBegin(u); i < d.RowEnd(u); ++i) {
    if (d.row_other[i] != v) continue;
    const AdjacencyEntry& a = d.row_entry[i];
    if (!f.StepOk(a, /*backward=*/false)) continue;
    out.push_back({EdgeId(a.edge), NodeId(u), NodeId(v), a.along});
  }
  std::sort(out.begin(), out.end(), [](const Hop& a, const Hop& b) {
    return a.edge.value() < b.edge.value();
  });
  return out;
}

DistinctRoute MakeRoute(const GraphData& d, const NodeSeq& seq,
                        const CompiledFilter& f) {
  DistinctRoute r;
  r.example.source = NodeId(seq.front());
  for (size_t i = 0; i + 1 < seq.size(); ++i) {
    r.parallel.push_back(Parallel(d, seq[i], seq[i + 1], f));
    r.example.hops.push_back(r.parallel.back().front());
  }
  return r;
}

absl::StatusOr<DistinctRoutes> ChronologicalRoutes(
    const Graph& graph, NodeId from, NodeId to, size_t k,
    const Filter& filter, const Limits& limits, int max_hops) {
  const int bound =
      max_hops > 0 ? max_hops : static_cast<int>(graph.num_nodes()) - 1;
  EMBARGO_ASSIGN_OR_RETURN(Paths paths,
                           AllPaths(graph, from, to, bound, filter, limits));
  // Node sequence -> (first path, the edges of each hop), shortest first.
  std::map<std::pair<size_t, NodeSeq>, std::vector<std::set<uint32_t>>> seen;
  std::map<std::pair<size_t, NodeSeq>, std::vector<Hop>> hops_of;
  for (const Path& p : paths.paths) {
    NodeSeq seq;
    for (NodeId n : p.Nodes()) seq.push_back(n.value());
    auto key = std::make_pair(p.length(), seq);
    auto [it, fresh] = seen.try_emplace(key, p.length());
    for (size_t i = 0; i < p.length(); ++i) {
      it->second[i].insert(p.hops[i].edge.value());
      if (fresh) hops_of[key].push_back(p.hops[i]);
    }
  }
  DistinctRoutes out;
  for (const auto& [key, edges] : seen) {
    if (out.routes.size() >= k) break;
    DistinctRoute r;
    r.example.source = from;
    const std::vector<Hop>& first = hops_of[key];
    for (size_t i = 0; i < edges.size(); ++i) {
      std::vector<Hop> list;
      for (uint32_t e : edges[i]) {
        list.push_back({EdgeId(e), first[i].from, first[i].to,
                        graph.edge(EdgeId(e)).from == first[i].from});
      }
      r.example.hops.push_back(list.front());
      r.parallel.push_back(std::move(list));
    }
    out.routes.push_back(std::move(r));
  }
  // The example must itself be chronological: take, hop by hop, the first
  // listed edge only when that path is; otherwise the first path found.
  for (DistinctRoute& r : out.routes) {
    if (!IsChronological(graph, r.example, filter.max_gap_days)) {
      NodeSeq seq;
      for (NodeId n : r.example.Nodes()) seq.push_back(n.value());
      r.example.hops = hops_of[{r.example.length(), seq}];
    }
  }
  if (paths.truncated) {
    out.truncated = true;
    out.truncation_reason = paths.truncation_reason;
  }
  return out;
}

}  // namespace

absl::StatusOr<DistinctRoutes> KShortestRoutes(const Graph& graph,
                                               NodeId from, NodeId to, int k,
                                               const Filter& filter,
                                               const Limits& limits,
                                               int max_hops) {
  const GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, to, "target"));
  if (k < 0) return absl::InvalidArgumentError("k must not be negative");
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  DistinctRoutes out;
  const size_t want =
      std::min<size_t>(static_cast<size_t>(k), limits.max_results);
  const bool capped = static_cast<size_t>(k) > limits.max_results;
  if (want == 0 || from == to) {
    out.truncated = capped;
    if (capped) out.truncation_reason = "result limit reached";
    return out;
  }
  if (filter.chronological) {
    EMBARGO_ASSIGN_OR_RETURN(
        DistinctRoutes r,
        ChronologicalRoutes(graph, from, to, want, filter, limits, max_hops));
    if (capped && !r.truncated && r.routes.size() == want) {
      r.truncated = true;
      r.truncation_reason = "result limit reached";
    }
    return r;
  }
  EMBARGO_RETURN_IF_ERROR(CheckFilter(d, filter));
  const CompiledFilter f(d, filter);
  Budget budget(limits);
  const uint32_t max_len = max_hops > 0
                               ? static_cast<uint32_t>(max_hops)
                               : static_cast<uint32_t>(d.num_nodes());
  const uint32_t s = from.value(), t = to.value();

  auto shorter = [](const NodeSeq& a, const NodeSeq& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
  };
  std::set<NodeSeq, decltype(shorter)> candidates(shorter);
  std::set<NodeSeq> seen;
  std::vector<NodeSeq> found;
  NodeSeq first = SpurSearch(d, s, t, {}, {}, max_len, f, budget);
  if (!first.empty()) {
    seen.insert(first);
    found.push_back(first);
  }
  while (!found.empty() && found.size() < want && !budget.exhausted()) {
    const NodeSeq prev = found.back();
    std::set<uint32_t> banned;
    for (size_t i = 0; i + 1 < prev.size(); ++i) {
      const uint32_t spur = prev[i];
      std::set<uint32_t> banned_next;
      for (const NodeSeq& p : found) {
        if (p.size() > i + 1 &&
            std::equal(p.begin(), p.begin() + i + 1, prev.begin())) {
          banned_next.insert(p[i + 1]);
        }
      }
      if (max_len > i) {
        NodeSeq spur_seq = SpurSearch(d, spur, t, banned, banned_next,
                                      max_len - static_cast<uint32_t>(i), f,
                                      budget);
        if (!spur_seq.empty()) {
          NodeSeq total(prev.begin(), prev.begin() + i);
          total.insert(total.end(), spur_seq.begin(), spur_seq.end());
          if (seen.insert(total).second) candidates.insert(std::move(total));
        }
      }
      banned.insert(spur);
    }
    if (candidates.empty()) break;
    found.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  for (const NodeSeq& seq : found) out.routes.push_back(MakeRoute(d, seq, f));
  if (budget.exhausted()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  } else if (capped && found.size() == want) {
    out.truncated = true;
    out.truncation_reason = "result limit reached";
  }
  return out;
}

}  // namespace embargo
