// Path and neighbourhood queries over a Graph, with one filter vocabulary.
//
//   embargo::Filter munitions;
//   munitions.edge_kinds = embargo::TransferKinds();
//   munitions.items = {embargo::v1::ITEM_ARTILLERY_AMMUNITION,
//                      embargo::v1::ITEM_ROCKETS};
//   munitions.from = *embargo::PartialDate::Parse("2022");
//   absl::StatusOr<embargo::Paths> paths = embargo::AllPaths(
//       graph, *graph.FindNode("RUS"), *graph.FindNode("PRK"), 3, munitions);
//
// Filter semantics (the same for every query):
//   - edge_kinds: an edge is usable only if its kind is in the set;
//   - items: a transfer edge (kTransfer, kTransferVia) is usable only if its
//     item category is in the set; other edges are not affected;
//   - from / until: the edge's days (EdgeInfo::days) must overlap the window
//     (DateMatch::kPossible, the default) or lie inside it
//     (DateMatch::kCertain); an unknown end of the window is open. An edge
//     with no date spans all days: it passes kPossible and fails kCertain
//     unless the window is open at both ends;
//   - min_status: the edge's status must be at least this (ALLEGED <
//     REPORTED < CONFIRMED; DENIED is below ALLEGED, so the default leaves
//     denied claims out);
//   - edge_kinds defaults to DefaultEdgeKinds(): every kind but the country
//     links (registered_in, located_in, national_of), which make every state
//     a hub; name them to walk them (embargo/country_links.h);
//   - node_kinds: every node a path passes through or a neighbourhood
//     reaches must be of one of these kinds; a query's own endpoints are
//     exempt;
//   - country: an ISO 3166-1 alpha-3 code; every node a path passes through
//     or a neighbourhood reaches must be that state or linked to it by an
//     edge of CountryFilterKinds() (a country link, a nationality relation,
//     a flag); a query's own endpoints are exempt. The query fails on a code
//     that is not alpha-3 (InvalidArgument), a state not in the graph
//     (NotFound) or a graph without country links (FailedPrecondition);
//   - direction: kAlong follows edges from start to end (supplier to
//     recipient), kAgainst the other way, kEither both;
//   - chronological (paths only): a path is kept only when its hops can be
//     given days, one in each hop's span (EdgeInfo::days), that never go
//     back in time along the walk: d1 <= d2 <= ... <= dn. With partial
//     dates this is the "possibly in order" rule: a 1999 hop may follow a
//     "1999-05" hop, a 1981 hop may not follow a 1999 one. An edge with
//     no date spans all days, so it never breaks the order (unknown stays
//     unknown: such a path is kept). With max_gap_days >= 0, consecutive
//     transfer hops (kTransfer, kTransferVia) must also be possibly within
//     that many days of each other: d(i+1) - d(i) <= max_gap_days.
//     Equivalently: walking the hops in order, keep the span of days the
//     walk may have reached, [L, H], starting at the first hop's span; a
//     hop of span [lo, hi] narrows it to [max(L, lo), min(hi, H + gap)]
//     (no H + gap term without a gap rule between the two hops), and the
//     path is chronological when the span never becomes empty.
//     AllPaths, CountPaths, KShortestPaths, ShortestPath and the link
//     report (links.h) honour it; neighbourhood queries refuse it
//     (InvalidArgument) rather than ignore it.
//
// Paths are simple (no node twice). Parallel edges make distinct paths.
//
// Every query is bounded: Limits caps results, work (edges examined) and
// time. A capped answer says so (truncated, with the reason); a shortest
// path search that runs out of work fails with ResourceExhausted rather
// than claim there is no path.
//
// Thread safety: queries only read the graph and keep their scratch space
// per thread, so any number of threads may query one Graph at once.

#ifndef EMBARGO_QUERY_H_
#define EMBARGO_QUERY_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/kinds.h"

namespace embargo {

// DateMatch says how an edge's days must relate to a filter's window.
enum class DateMatch : uint8_t {
  kPossible = 0,  // The edge's days overlap the window.
  kCertain = 1,   // The edge's days lie inside the window.
};

// Filter selects the edges and nodes a query may use. The default passes
// every edge and node except denied claims, in either direction.
struct Filter {
  EdgeKindSet edge_kinds = DefaultEdgeKinds();
  ItemSet items = AllItems();
  PartialDate from;   // Unknown: open to the past.
  PartialDate until;  // Unknown: open to the future.
  DateMatch date_match = DateMatch::kPossible;
  v1::Status min_status = v1::STATUS_ALLEGED;
  NodeKindSet node_kinds = AllNodeKinds();
  // ISO 3166-1 alpha-3 code of a state; empty: no country filter.
  std::string country;
  Direction direction = Direction::kEither;
  // Time-respecting paths (see above).
  bool chronological = false;
  // With chronological: most days between consecutive transfer hops; -1
  // for no limit.
  int32_t max_gap_days = -1;
};

// ChronologicalState is the span of days a walk may have reached under
// the chronological rule (see Filter). Start with an empty state; Step
// returns false when the next hop cannot follow.
struct ChronologicalState {
  int64_t lo = kMinDay;
  int64_t hi = kMaxDay;
  bool transfer = false;  // The last hop was a transfer.
  bool started = false;
  // Step narrows the state by a hop of `days`; `transfer` says whether it
  // is a transfer hop, `max_gap_days` is Filter::max_gap_days.
  bool Step(const DayRange& days, bool is_transfer, int32_t max_gap_days) {
    int64_t new_lo = std::max<int64_t>(lo, days.lo);
    int64_t new_hi = days.hi;
    if (started && max_gap_days >= 0 && transfer && is_transfer &&
        hi != kMaxDay) {
      new_hi = std::min<int64_t>(new_hi, hi + max_gap_days);
    }
    if (!started) new_lo = days.lo;
    if (new_lo > new_hi) return false;
    lo = new_lo;
    hi = new_hi;
    transfer = is_transfer;
    started = true;
    return true;
  }
};

// ValidateFilter refuses a filter no query can answer: a date window whose
// start is after its end (InvalidArgument "filter: the date window starts
// (FROM) after it ends (UNTIL)"). Every query calls it, so C++, the CLI and
// Python refuse an inverted window the same way instead of answering with
// undated or long-spanning edges only.
absl::Status ValidateFilter(const Filter& filter);

// Limits bound a query's work.
struct Limits {
  // Most paths (or neighbourhood nodes) returned.
  size_t max_results = 1000;
  // Most edge examinations before the query stops.
  uint64_t max_work = uint64_t{1} << 32;
  // Longest wall time before the query stops.
  absl::Duration timeout = absl::InfiniteDuration();
};

// Hop is one step of a path: an edge and the way it was walked.
struct Hop {
  EdgeId edge;
  NodeId from;  // The node the step leaves.
  NodeId to;    // The node it reaches.
  bool along;   // True when walked from the edge's start to its end.
  friend bool operator==(const Hop&, const Hop&) = default;
};

// Path is a walk from a source to a target, hop by hop.
struct Path {
  NodeId source;
  std::vector<Hop> hops;

  size_t length() const { return hops.size(); }
  NodeId target() const { return hops.empty() ? source : hops.back().to; }
  // Nodes lists source, then each hop's end.
  std::vector<NodeId> Nodes() const;
  friend bool operator==(const Path&, const Path&) = default;
};

// Truncation says whether a result was cut short, and why: "result limit
// reached", "work limit reached", "time limit reached". Every result that
// a limit can cut (Paths, Neighborhood, PathCount, NeighborCount,
// ExposureCounts) is one, so the two fields read the same everywhere.
struct Truncation {
  bool truncated = false;
  std::string truncation_reason;  // Empty unless truncated.

  // Truncate marks the result cut short; the first reason stands.
  void Truncate(std::string reason) {
    if (truncated) return;
    truncated = true;
    truncation_reason = std::move(reason);
  }
};

// Paths is a list of paths and whether the list was cut short.
struct Paths : Truncation {
  std::vector<Path> paths;
};

// IsChronological applies the chronological rule (see Filter) to a whole
// path; max_gap_days is Filter::max_gap_days.
bool IsChronological(const Graph& graph, const Path& path,
                     int32_t max_gap_days = -1);

// Neighbor is a node reached from a seed and its distance in hops.
struct Neighbor {
  NodeId node;
  int hops;
};

// Neighborhood is the nodes within reach of a seed, nearest first.
struct Neighborhood : Truncation {
  std::vector<Neighbor> nodes;
};

// PathCount is a number of paths and whether counting stopped early.
struct PathCount : Truncation {
  uint64_t count = 0;
};

// ShortestPath returns a path with the fewest hops from `from` to `to`, or
// nullopt when there is none. Bidirectional breadth-first search.
// Errors: InvalidArgument for a node not in the graph; ResourceExhausted
// when the limits stop the search.
[[nodiscard]] absl::StatusOr<std::optional<Path>> ShortestPath(
    const Graph& graph, NodeId from, NodeId to, const Filter& filter = {},
    const Limits& limits = {});

// KShortestPaths returns up to k simple paths in order of length (Yen's
// algorithm on hop counts); ties come in a deterministic order.
[[nodiscard]] absl::StatusOr<Paths> KShortestPaths(
    const Graph& graph, NodeId from, NodeId to, int k,
    const Filter& filter = {}, const Limits& limits = {});

// AllPaths returns every simple path of 1..max_hops hops from `from` to
// `to`, shortest first, up to limits.max_results (then truncated).
[[nodiscard]] absl::StatusOr<Paths> AllPaths(const Graph& graph, NodeId from,
                                             NodeId to, int max_hops,
                                             const Filter& filter = {},
                                             const Limits& limits = {});

// CountPaths counts what AllPaths would return, without building the paths
// (max_results does not apply; max_work and timeout do).
[[nodiscard]] absl::StatusOr<PathCount> CountPaths(const Graph& graph,
                                                   NodeId from, NodeId to,
                                                   int max_hops,
                                                   const Filter& filter = {},
                                                   const Limits& limits = {});

// DistinctRoute is one route of KShortestRoutes: a sequence of nodes, with
// every usable edge between each two consecutive ones.
struct DistinctRoute {
  // A path along the route (its first edge at each hop, by edge id).
  Path example;
  // parallel[i] lists every usable edge of hop i (between the route's i-th
  // and (i+1)-th nodes, walked the same way), by edge id; example.hops[i]
  // is parallel[i].front().
  std::vector<std::vector<Hop>> parallel;
  std::vector<NodeId> Nodes() const { return example.Nodes(); }
};

// DistinctRoutes is a list of routes and whether it was cut short.
struct DistinctRoutes {
  std::vector<DistinctRoute> routes;
  bool truncated = false;
  std::string truncation_reason;
};

// KShortestRoutes is KShortestPaths counting parallel edges between the
// same two actors as one route: up to k simple paths with different node
// sequences, fewest hops first (Yen's algorithm on the graph of node
// pairs; ties in breadth-first order). Under the chronological rule, a
// route is a node sequence some chronological path follows, and
// `parallel` lists the edges of such paths; routes longer than max_hops
// (0: no bound) are not looked for.
[[nodiscard]] absl::StatusOr<DistinctRoutes> KShortestRoutes(
    const Graph& graph, NodeId from, NodeId to, int k,
    const Filter& filter = {}, const Limits& limits = {}, int max_hops = 0);

// NeighborCount is a number of nodes and whether counting stopped early.
struct NeighborCount : Truncation {
  uint64_t count = 0;
};

// CountNeighbors counts what Neighbors would return, without building or
// sorting the list (max_results does not apply; max_work and timeout do):
// "how many actors are within three hops of this company".
[[nodiscard]] absl::StatusOr<NeighborCount> CountNeighbors(
    const Graph& graph, NodeId seed, int max_hops, const Filter& filter = {},
    const Limits& limits = {});

// Neighbors returns the nodes within max_hops of `seed` (the seed itself
// left out), by distance then node id, up to limits.max_results.
[[nodiscard]] absl::StatusOr<Neighborhood> Neighbors(
    const Graph& graph, NodeId seed, int max_hops, const Filter& filter = {},
    const Limits& limits = {});

}  // namespace embargo

#endif  // EMBARGO_QUERY_H_
