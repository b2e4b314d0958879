// Regime queries: paths to, and neighbours among, the nodes a sanctions
// regime covers.
//
// PathsToSet enumerates simple paths from one source to any node of a
// target set. A multi-source breadth-first search backwards from the
// targets first gives each node its distance to the nearest target
// (through nodes a path may pass); the depth-first enumeration then drops
// every branch that cannot reach a target within the hops left. Paths are
// enumerated by increasing length (one bounded depth-first pass per
// length), so a capped answer keeps the shortest. The filter is the query
// layer's CompiledFilter, so the semantics are exactly those of AllPaths.

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/status/status.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

using internal::GraphData;

constexpr uint32_t kFar = std::numeric_limits<uint32_t>::max();

class PathFinder {
 public:
  PathFinder(const GraphData& d, const NodeSet& targets, const Filter& filter,
             const Limits& limits, uint32_t source, int max_hops)
      : d_(d),
        targets_(targets),
        f_(d, filter),
        budget_(limits),
        limits_(limits),
        source_(source),
        max_hops_(max_hops),
        chrono_(filter.chronological),
        gap_(filter.max_gap_days),
        dist_(d.num_nodes(), kFar),
        on_path_(d.num_nodes(), 0) {}

  void Distances() {
    std::vector<uint32_t> front, next;
    for (NodeId t : targets_.Nodes()) {
      dist_[t.value()] = 0;
      front.push_back(t.value());
    }
    for (int depth = 1; depth <= max_hops_ && !front.empty(); ++depth) {
      next.clear();
      for (uint32_t x : front) {
        // x must be passable unless it is a target (an end) or the source.
        if (dist_[x] != 0 || x == source_) {
          if (x != source_ && !f_.NodeOk(x)) continue;
        }
        for (uint32_t i = d_.RowBegin(x), end = d_.RowEnd(x); i < end; ++i) {
          const uint32_t u = d_.row_other[i];
          if (dist_[u] != kFar) continue;
          if (!f_.StepOk(d_.row_entry[i], /*backward=*/true)) continue;
          dist_[u] = depth;
          next.push_back(u);
        }
      }
      front.swap(next);
    }
  }

  // Walk extends the path at `v` (depth hops so far) to exactly `length`.
  // Returns false when the search must stop.
  bool Walk(uint32_t v, int depth, int length, Paths& out) {
    if (!budget_.Spend(d_.RowEnd(v) - d_.RowBegin(v))) return false;
    for (uint32_t i = d_.RowBegin(v), end = d_.RowEnd(v); i < end; ++i) {
      const uint32_t w = d_.row_other[i];
      if (on_path_[w] || w == source_) continue;
      const int left = length - depth - 1;
      if (dist_[w] == kFar || dist_[w] > static_cast<uint32_t>(left)) {
        // dist_ counts only ways through passable nodes; a target reached
        // with no hops left has dist_ 0.
        continue;
      }
      const AdjacencyEntry& a = d_.row_entry[i];
      if (!f_.StepOk(a, /*backward=*/false)) continue;
      ChronologicalState state = states_.back();
      if (chrono_ &&
          !state.Step(d_.edge_days[a.edge],
                      a.kind == EdgeKind::kTransfer ||
                          a.kind == EdgeKind::kTransferVia,
                      gap_)) {
        continue;
      }
      states_.push_back(state);
      hops_.push_back({EdgeId(a.edge), NodeId(v), NodeId(w), a.along});
      if (left == 0) {
        if (targets_.Contains(NodeId(w))) {
          if (out.paths.size() >= limits_.max_results) {
            out.truncated = true;
            out.truncation_reason = "result limit reached";
            hops_.pop_back();
            states_.pop_back();
            return false;
          }
          out.paths.push_back({NodeId(source_), hops_});
        }
      } else if (f_.NodeOk(w)) {
        on_path_[w] = 1;
        const bool go_on = Walk(w, depth + 1, length, out);
        on_path_[w] = 0;
        if (!go_on) {
          hops_.pop_back();
          states_.pop_back();
          return false;
        }
      }
      hops_.pop_back();
      states_.pop_back();
    }
    return true;
  }

  absl::StatusOr<Paths> Run() {
    Paths out;
    Distances();
    if (dist_[source_] == kFar && !targets_.Contains(NodeId(source_))) {
      return out;
    }
    for (int length = 1; length <= max_hops_; ++length) {
      if (!Walk(source_, 0, length, out)) {
        if (!out.truncated) {
          out.truncated = true;
          out.truncation_reason = budget_.reason();
        }
        break;
      }
    }
    return out;
  }

 private:
  const GraphData& d_;
  const NodeSet& targets_;
  internal::CompiledFilter f_;
  internal::Budget budget_;
  const Limits& limits_;
  uint32_t source_;
  int max_hops_;
  bool chrono_;
  int32_t gap_;
  std::vector<ChronologicalState> states_{ChronologicalState{}};
  std::vector<uint32_t> dist_;
  std::vector<uint8_t> on_path_;
  std::vector<Hop> hops_;
};

}  // namespace

absl::StatusOr<Paths> PathsToSet(const Graph& graph, NodeId from,
                                 const NodeSet& targets, int max_hops,
                                 const Filter& filter, const Limits& limits) {
  const GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "from"));
  if (max_hops < 1) {
    return absl::InvalidArgumentError("max_hops must be at least 1");
  }
  PathFinder finder(d, targets, filter, limits, from.value(), max_hops);
  return finder.Run();
}

absl::StatusOr<Paths> PathsToSanctioned(const Graph& graph, NodeId from,
                                        const Regime& regime, PartialDate as_of,
                                        int max_hops, const Filter& filter,
                                        const Limits& limits) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(graph.data(), from, "from"));
  EMBARGO_ASSIGN_OR_RETURN(NodeSet targets,
                           SanctionedNodes(graph, regime, as_of));
  return PathsToSet(graph, from, targets, max_hops, filter, limits);
}

absl::StatusOr<Neighborhood> SanctionedNeighbors(
    const Graph& graph, NodeId seed, const Regime& regime, PartialDate as_of,
    int max_hops, const Filter& filter, const Limits& limits) {
  const GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, seed, "seed"));
  if (filter.chronological) {
    return absl::InvalidArgumentError(
        "the chronological rule applies to paths, not to neighbourhoods");
  }
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  EMBARGO_ASSIGN_OR_RETURN(NodeSet targets,
                           SanctionedNodes(graph, regime, as_of));
  Neighborhood out;
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  internal::BreadthFirst(d, seed.value(), max_hops, f, budget,
                         [&](int depth, std::vector<uint32_t>& level) {
    std::sort(level.begin(), level.end());
    for (uint32_t v : level) {
      if (!targets.Contains(NodeId(v))) continue;
      if (out.nodes.size() >= limits.max_results) {
        out.truncated = true;
        out.truncation_reason = "result limit reached";
        return false;
      }
      out.nodes.push_back({NodeId(v), depth});
    }
    return true;
  });
  if (budget.exhausted() && !out.truncated) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

}  // namespace embargo
