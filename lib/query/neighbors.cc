// Neighbourhood query: breadth-first search to a hop limit.
//
// Level by level from the seed; each level is sorted by node id before it is
// appended, so results are deterministic and a capped answer keeps the
// nearest nodes.

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "embargo/query.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {

absl::StatusOr<Neighborhood> Neighbors(const Graph& graph, NodeId seed,
                                       int max_hops, const Filter& filter,
                                       const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, seed, "seed"));
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  Neighborhood out;
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  internal::Scratch& sc = internal::ThreadScratch();
  const uint32_t stamp = sc.Begin(d.num_nodes());
  const uint32_t s = seed.value();
  sc.mark_a[s] = stamp;
  std::vector<uint32_t> front{s}, next;
  for (int depth = 1; depth <= max_hops && !front.empty(); ++depth) {
    next.clear();
    for (uint32_t u : front) {
      if (!budget.Spend(d.RowEnd(u) - d.RowBegin(u))) break;
      for (uint32_t i = d.RowBegin(u), end = d.RowEnd(u); i < end; ++i) {
        const uint32_t v = d.row_other[i];
        if (sc.mark_a[v] == stamp) continue;
        if (!f.StepOk(d.row_entry[i], /*backward=*/false) || !f.NodeOk(v)) {
          continue;
        }
        sc.mark_a[v] = stamp;
        next.push_back(v);
      }
    }
    std::sort(next.begin(), next.end());
    for (uint32_t v : next) {
      if (out.nodes.size() >= limits.max_results) {
        out.truncated = true;
        out.truncation_reason = "result limit reached";
        return out;
      }
      out.nodes.push_back({NodeId(v), depth});
    }
    if (budget.exhausted()) {
      out.truncated = true;
      out.truncation_reason = budget.reason();
      return out;
    }
    front.swap(next);
  }
  return out;
}

}  // namespace embargo
