// CountSanctionedNeighbors: exposure counts for a batch of seeds.
//
// T is the regime's targets. For a seed s and k = max_hops, the answer is
// |T ∩ B_k(s)| - [s ∈ T], where B_k(s) is what a breadth-first search from
// s reaches in k steps under the filter. Every node of B_k(s) is in
// B_{k-1}(s) or one allowed step from a node u of it, so
//   T ∩ B_k(s) = (T ∩ B_{k-1}(s)) ∪ ⋃_{u ∈ B_{k-1}(s)} near(u),
// with near(u) the targets one allowed step from u (that pass the node
// filter, as the search's nodes must). near is built once for the batch,
// by walking the rows of the targets only (see NearTargets).
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

// near'(u), the targets one allowed step from u together with u itself
// when it is a target, as compressed rows over only the nodes that have
// some: `has` marks them and rank(u) (the marked nodes before u, from
// per-word prefix counts) numbers their rows. Nothing of the size of the
// graph is built but two bit-counts per 64 nodes, so a batch does not pay
// for touching arrays of num_nodes entries (page faults dominated an
// earlier dense layout at size M).
struct NearTargets {
  std::vector<uint64_t> has;      // Bit per node: near'(u) is not empty.
  std::vector<uint32_t> before;   // Marked nodes in the words before.
  std::vector<uint32_t> start;    // Row offsets by rank, + 1.
  std::vector<uint32_t> target;   // Target index (0 .. num_targets - 1).
  uint32_t num_targets = 0;

  // Row gives near'(u) as [*b, *e); false when it is empty.
  bool Row(uint32_t u, const uint32_t*& b, const uint32_t*& e) const {
    const uint64_t word = has[u >> 6];
    const uint64_t bit = uint64_t{1} << (u & 63);
    if ((word & bit) == 0) return false;
    const uint32_t r = before[u >> 6] +
                       static_cast<uint32_t>(__builtin_popcountll(word & (bit - 1)));
    b = target.data() + start[r];
    e = target.data() + start[r + 1];
    return true;
  }
};

NearTargets BuildNear(const GraphData& d, const NodeSet& set,
                      const internal::CompiledFilter& f) {
  NearTargets near;
  const size_t words = d.num_nodes() / 64 + 1;
  // (u, target index) for every allowed step u -> t, and (t, t).
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (NodeId node : set.Nodes()) {
    const uint32_t t = node.value();
    if (!f.NodeOk(t)) continue;  // A search never enters it.
    const uint32_t ti = near.num_targets++;
    pairs.emplace_back(t, ti);
    // A step u -> t is the entry of t's row walked backwards.
    for (uint32_t i = d.RowBegin(t); i < d.RowEnd(t); ++i) {
      if (f.StepOk(d.row_entry[i], /*backward=*/true)) {
        pairs.emplace_back(d.row_other[i], ti);
      }
    }
  }
  near.has.assign(words, 0);
  for (const auto& [u, ti] : pairs) near.has[u >> 6] |= uint64_t{1} << (u & 63);
  near.before.resize(words);
  uint32_t marked = 0;
  for (size_t w = 0; w < words; ++w) {
    near.before[w] = marked;
    marked += static_cast<uint32_t>(__builtin_popcountll(near.has[w]));
  }
  auto rank = [&](uint32_t u) {
    const uint64_t bit = uint64_t{1} << (u & 63);
    return near.before[u >> 6] +
           static_cast<uint32_t>(__builtin_popcountll(near.has[u >> 6] & (bit - 1)));
  };
  near.start.assign(marked + 1, 0);
  for (const auto& [u, ti] : pairs) ++near.start[rank(u) + 1];
  for (uint32_t r = 0; r < marked; ++r) near.start[r + 1] += near.start[r];
  near.target.resize(pairs.size());
  std::vector<uint32_t> pos(near.start.begin(), near.start.end() - 1);
  for (const auto& [u, ti] : pairs) near.target[pos[rank(u)]++] = ti;
  return near;
}

}  // namespace

absl::StatusOr<ExposureCounts> CountSanctionedNeighbors(
    const Graph& graph, absl::Span<const NodeId> seeds, const Regime& regime,
    PartialDate as_of, int max_hops, const Filter& filter,
    const Limits& limits) {
  const GraphData& d = graph.data();
  if (filter.chronological) {
    return absl::InvalidArgumentError(
        "the chronological rule applies to paths, not to neighbourhoods");
  }
  if (max_hops < 1) return absl::InvalidArgumentError("max_hops must be at least 1");
  for (NodeId s : seeds) {
    EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, s, "seed"));
  }
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  EMBARGO_ASSIGN_OR_RETURN(NodeSet set, SanctionedNodes(graph, regime, as_of));
  const internal::CompiledFilter f(d, filter);
  const NearTargets near = BuildNear(d, set, f);

  ExposureCounts out;
  out.targets = near.num_targets;
  out.counts.assign(seeds.size(), 0);
  // Seeds are taken in blocks from a shared counter, so that a block of
  // hubs does not leave one thread with most of the work.
  std::atomic<size_t> next{0};
  std::atomic<size_t> stop_at{seeds.size()};
  std::string reasons[2];
  constexpr size_t kBlock = 64;
  auto work = [&](int thread) {
    std::vector<uint32_t> stamp(near.num_targets, 0);
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
          const uint32_t* b;
          const uint32_t* e;
          if (!near.Row(u, b, e)) return budget.Spend(1);
          for (const uint32_t* p = b; p < e; ++p) take(*p);
          return budget.Spend(1 + static_cast<uint64_t>(e - b));
        };
        bool ok = true;
        if (max_hops == 1) {
          ok = visit(s);
        } else if (max_hops == 2) {
          // The seed's own row is its 1-hop neighbourhood: no search needed.
          for (uint32_t j = d.RowBegin(s), e = d.RowEnd(s); j < e && ok; ++j) {
            if (!f.StepOk(d.row_entry[j], /*backward=*/false)) continue;
            const uint32_t v = d.row_other[j];
            if (f.NodeOk(v)) ok = visit(v);
          }
          ok = ok && visit(s);
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
        // The seed itself is not its own exposure (it is in near'(s) when it
        // is a target a search may enter).
        if (set.Contains(NodeId(s)) && f.NodeOk(s)) --count;
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
    out.Truncate(!reasons[0].empty() ? reasons[0] : reasons[1]);
  }
  return out;
}

}  // namespace embargo
