// CountSanctionedNeighbors: exposure counts for a batch of seeds.
//
// T is the regime's targets. For a seed s and k = max_hops, the answer is
// |T ∩ B_k(s)| - [s ∈ T], where B_k(s) is what a breadth-first search from
// s reaches in k steps under the filter. Every node of B_k(s) is in
// B_{k-1}(s) or one allowed step from a node u of it, so
//   T ∩ B_k(s) = (T ∩ B_{k-1}(s)) ∪ ⋃_{u ∈ B_{k-1}(s)} near(u),
// with near(u) the targets one allowed step from u (that pass the node
// filter, as the search's nodes must). near is built once for the batch,
// by walking the rows of the targets only, as compressed rows over u.
// A seed then costs its (k-1)-hop search plus the near lists of what it
// reached: for k = 2, its own row and one short list per neighbour, where
// a seed-by-seed search reads every neighbour's whole row (a company
// owned by a state reads the state's thousands of links, once per seed).
// Targets seen twice are counted once with a stamp per target, per
// thread.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

using internal::GraphData;

// The targets one allowed step from each node, as compressed rows.
struct NearTargets {
  std::vector<uint32_t> start;   // num_nodes + 1
  std::vector<uint32_t> target;  // Index into `targets`.
  std::vector<uint32_t> targets; // Node of each target index.
  std::vector<uint32_t> index;   // Target index of a node; kNone if none.
  static constexpr uint32_t kNone = UINT32_MAX;
};

NearTargets BuildNear(const GraphData& d, const NodeSet& set,
                      const internal::CompiledFilter& f) {
  NearTargets near;
  const size_t n = d.num_nodes();
  near.index.assign(n, NearTargets::kNone);
  for (uint32_t v = 0; v < n; ++v) {
    if (!set.Contains(NodeId(v)) || !f.NodeOk(v)) continue;
    near.index[v] = static_cast<uint32_t>(near.targets.size());
    near.targets.push_back(v);
  }
  // A step u -> t is the entry of t's row walked backwards.
  near.start.assign(n + 1, 0);
  for (uint32_t t : near.targets) {
    for (uint32_t i = d.RowBegin(t); i < d.RowEnd(t); ++i) {
      if (f.StepOk(d.row_entry[i], /*backward=*/true)) ++near.start[d.row_other[i] + 1];
    }
  }
  for (size_t v = 0; v < n; ++v) near.start[v + 1] += near.start[v];
  near.target.resize(near.start[n]);
  std::vector<uint32_t> pos(near.start.begin(), near.start.end() - 1);
  for (uint32_t ti = 0; ti < near.targets.size(); ++ti) {
    const uint32_t t = near.targets[ti];
    for (uint32_t i = d.RowBegin(t); i < d.RowEnd(t); ++i) {
      if (f.StepOk(d.row_entry[i], /*backward=*/true)) {
        near.target[pos[d.row_other[i]]++] = ti;
      }
    }
  }
  return near;
}

}  // namespace

absl::StatusOr<ExposureCounts> CountSanctionedNeighbors(
    const Graph& graph, absl::Span<const NodeId> seeds, const Regime& regime,
    PartialDate as_of, int max_hops, const Filter& filter,
    const Limits& limits) {
  const GraphData& d = graph.data();
  if (max_hops < 1) return absl::InvalidArgumentError("max_hops must be at least 1");
  for (NodeId s : seeds) {
    EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, s, "seed"));
  }
  EMBARGO_ASSIGN_OR_RETURN(NodeSet set, SanctionedNodes(graph, regime, as_of));
  const internal::CompiledFilter f(d, filter);
  const NearTargets near = BuildNear(d, set, f);

  ExposureCounts out;
  out.targets = near.targets.size();
  out.counts.assign(seeds.size(), 0);
  // Seeds are taken in blocks from a shared counter, so that a block of
  // hubs does not leave one thread with most of the work.
  std::atomic<size_t> next{0};
  std::atomic<size_t> stop_at{seeds.size()};
  std::string reasons[2];
  constexpr size_t kBlock = 64;
  auto work = [&](int thread) {
    std::vector<uint32_t> stamp(near.targets.size(), 0);
    uint32_t round = 0;
    internal::Budget budget(limits);
    for (;;) {
      const size_t begin = next.fetch_add(kBlock);
      if (begin >= stop_at.load(std::memory_order_relaxed)) return;
      const size_t end = std::min(begin + kBlock, seeds.size());
      for (size_t i = begin; i < end; ++i) {
        const uint32_t s = seeds[i].value();
        if (++round == 0) {  // Stamps wrapped: clear them.
          std::fill(stamp.begin(), stamp.end(), 0);
          round = 1;
        }
        uint32_t count = 0;
        auto take = [&](uint32_t ti) {
          if (stamp[ti] != round) {
            stamp[ti] = round;
            ++count;
          }
        };
        auto visit = [&](uint32_t u) {
          if (near.index[u] != NearTargets::kNone) take(near.index[u]);
          for (uint32_t j = near.start[u]; j < near.start[u + 1]; ++j) {
            take(near.target[j]);
          }
          return budget.Spend(1 + near.start[u + 1] - near.start[u]);
        };
        bool ok = true;
        if (max_hops == 1) {
          ok = visit(s);
        } else {
          internal::BreadthFirst(d, s, max_hops - 1, f, budget,
                                 [&](int, std::vector<uint32_t>& level) {
                                   for (uint32_t u : level) ok = ok && visit(u);
                                   return ok;
                                 });
          ok = ok && visit(s);
        }
        if (!ok || budget.exhausted()) {
          // Seeds from i on are left unanswered.
          size_t cur = stop_at.load();
          while (i < cur && !stop_at.compare_exchange_weak(cur, i)) {
          }
          reasons[thread] = budget.reason();
          return;
        }
        // The seed itself is not its own exposure.
        if (near.index[s] != NearTargets::kNone) --count;
        out.counts[i] = count;
      }
    }
  };
  if (seeds.size() >= 2 * kBlock) {
    std::thread other(work, 1);
    work(0);
    other.join();
  } else {
    work(0);
  }
  const size_t answered = stop_at.load();
  if (answered < seeds.size()) {
    out.counts.resize(answered);
    out.truncated = true;
    out.truncation_reason = !reasons[0].empty() ? reasons[0] : reasons[1];
  }
  return out;
}

}  // namespace embargo
