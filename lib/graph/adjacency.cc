// The adjacency layout. See adjacency.h.

#include "lib/graph/adjacency.h"

#include <algorithm>
#include <thread>
#include <vector>

#include "lib/graph/edges.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

void LayOutAdjacency(GraphData& d) {
  const size_t n = d.num_nodes();
  const size_t m = d.num_edges();
  std::vector<uint32_t>& start = d.adjacency.start;
  start.assign(n + 1, 0);
  d.adjacency.other.resize(2 * m);
  d.adjacency.entry.resize(2 * m);
  uint32_t* column = d.adjacency.other.data();
  AdjacencyEntry* entry = d.adjacency.entry.data();
  const uint32_t* from = d.edge_from.data();
  const uint32_t* to = d.edge_to.data();

  // Each pass works on the rows of the nodes in [lo, hi) and reads every
  // edge, so that two threads can each take half of the rows without
  // sharing a write. Within a row, entries stay in edge order.
  auto count = [&](uint32_t lo, uint32_t hi) {
    for (size_t e = 0; e < m; ++e) {
      if (from[e] - lo < hi - lo) ++start[from[e] + 1];
      if (to[e] - lo < hi - lo) ++start[to[e] + 1];
    }
  };
  auto scatter = [&](uint32_t lo, uint32_t hi) {
    std::vector<uint32_t> pos(start.begin() + lo, start.begin() + hi);
    for (uint32_t e = 0; e < m; ++e) {
      const uint32_t a = from[e], b = to[e];
      const bool mine_a = a - lo < hi - lo, mine_b = b - lo < hi - lo;
      if (!mine_a && !mine_b) continue;
      const auto item = static_cast<uint8_t>(d.edge_item[e]);
      const auto status = static_cast<uint8_t>(d.edge_status[e]);
      const EdgeKind kind = d.edge_kind[e];
      if (mine_a) {
        const uint32_t i = pos[a - lo]++;
        column[i] = b;
        entry[i] = {e, kind, true, item, status};
      }
      if (mine_b) {
        const uint32_t i = pos[b - lo]++;
        column[i] = a;
        entry[i] = {e, kind, false, item, status};
      }
    }
  };
  const auto all = static_cast<uint32_t>(n);
  if (m < (size_t{1} << 16)) {  // Small: one thread.
    count(0, all);
    for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    scatter(0, all);
  } else {
    const uint32_t half = all / 2;
    std::thread counting([&] { count(half, all); });
    count(0, half);
    counting.join();
    for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    // Split the rows where half of the entries lie before.
    const auto split = static_cast<uint32_t>(
        std::lower_bound(start.begin(), start.end() - 1,
                         static_cast<uint32_t>(m)) -
        start.begin());
    std::thread scattering([&] { scatter(split, all); });
    scatter(0, split);
    scattering.join();
  }
  IndexSanctionEdges(d);
  d.SetAdjacencyViews();
}

}  // namespace embargo::internal
