// Link reports: the shape of the answer to "how are A and B linked", before
// the evidence. The paths between two actors (or from an actor to a set of
// nodes) are grouped into routes and ranked.
//
//   embargo::LinkOptions o;
//   o.max_hops = 3;
//   absl::StatusOr<embargo::LinkReport> r = embargo::Links(
//       graph, *graph.FindNode("RUS"), *graph.FindNode("PRK"), o);
//   std::cout << r->total_paths << " paths in " << r->routes.size()
//             << " routes\n";
//   for (const embargo::LinkRoute& route : r->routes) ...
//
// Routes. A path's shape is its sequence of steps: each step the edge kind
// and the way it was walked (along: supplier to recipient, owner to owned;
// against: the other way). A route is a shape and the intermediaries the
// path passes through: "RUS -transfer-> CHN -transfer-> PRK" holds every
// path that takes some transfer from Russia to China and some transfer from
// China to North Korea, however many deals each is. When one shape has
// more than `named_routes_per_shape` sequences of intermediaries, the best
// of them (by score) stay routes of their own and the others fold into one
// route per sequence of intermediary kinds ("RUS -transfer-> [state x 41]
// -transfer-> PRK"), which names its most frequent intermediaries. Routes
// are grouped by edge kind only, so new kinds of links group without
// change.
//
// Each route carries the number of paths, the days its edges span, the
// item categories of its transfers, the strongest status (that of its best
// path, whose weakest hop decides), the number of distinct sources behind
// its edges and an example path: the best-supported one (hop by hop the
// edge of highest status, then most sources, then latest, then lowest id;
// under the chronological rule the best chronological path).
//
// Score (higher first):
//   score = status_weight * (1 + log2(1 + sources)) * recency / hops^2
// where status_weight is 3 for confirmed, 2 reported, 1 alleged, 0.25
// denied (of the route's strongest status); recency is 1 / (1 + years / 10)
// with `years` from the route's last known year (the reference year when
// an edge is open-ended, like a sanction still listed) to the reference
// year (0.5 when the route has no date); hops is the route's length
// (squared: a direct link is the answer, a chain a lead). So a confirmed
// direct delivery outranks a two-hop chain of recent deliveries unless it
// is decades old, and two sources outrank one. Ties: fewer hops, more paths,
// then the label.
//
// Nothing is dropped silently: total_paths counts every path (the walk
// multiplies parallel edges rather than listing each path, so millions of
// paths cost little), every path belongs to exactly one route, and when the
// work or time limit stops the walk, `complete` is false and `stop_reason`
// says why. Formatters (embargo/link_report.h) show the total and say what
// they leave out.
//
// Thread safety: only reads the Graph; any number of threads may call it.

#ifndef EMBARGO_LINKS_H_
#define EMBARGO_LINKS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"

namespace embargo {

// LinkOptions tunes a link report.
struct LinkOptions {
  // Longest path, in hops (1..6).
  int max_hops = 3;
  // The edges and nodes the paths may use (chronological included).
  Filter filter;
  // Work and time bounds of the walk (max_results does not apply: every
  // path is counted).
  Limits limits;
  // Routes named by their intermediaries, per shape; the rest fold by
  // intermediary kinds.
  size_t named_routes_per_shape = 5;
  // Intermediaries named under a folded route.
  size_t top_intermediaries = 5;
  // Year recency is measured from; 0: the current year (UTC).
  int reference_year = 0;
  // Links only, when `to` is a state: also the actors linked to `from` by
  // one edge of CountryFilterKinds() (a country link, a nationality, a
  // flag) that are targets of sanctions in force on `programmes_as_of`
  // under a programme concerning `to` (ProgrammesConcerning, embargo/
  // sanctions.h): "the DPRK-programme entities in Russia" of "how are
  // Russia and North Korea linked". They are routes of their own
  // (LinkRoute::programme_target), scored like the others; each target
  // counts once, under its strongest link (a flag or nationality relation,
  // then registered_in / national_of, then located_in). With edge_kinds
  // other than the default, only the kinds of both sets link. Needs a graph
  // loaded with country links (FailedPrecondition otherwise: the
  // nationality and flag relations alone would be a partial answer).
  bool programme_targets = false;
  // Unknown: today (UTC).
  PartialDate programmes_as_of;
  // A path that passes through an actor between two of its sanctions ("RUS
  // <-sanction- EU -sanction-> PRK": both sanctioned by one authority, or
  // "RUS -transfer-> IRN <-sanction- UNSC -sanction-> PRK") says nothing
  // of a link between the two it sanctions; such paths are left out and
  // counted (LinkReport::through_sanctioning_paths) unless this is true.
  bool through_sanctioning = false;
};

// LinkStep is one step of a route's shape.
struct LinkStep {
  EdgeKind kind;
  bool along;  // Walked from the edge's start to its end.
  friend bool operator==(const LinkStep&, const LinkStep&) = default;
};

// LinkRoute is one group of paths.
struct LinkRoute {
  std::vector<LinkStep> steps;
  // A named route: its intermediaries, in path order (steps.size() - 1 of
  // them). A folded route: empty.
  std::vector<NodeId> intermediaries;
  // The intermediaries' kinds, in path order (both kinds of route).
  std::vector<NodeKind> intermediary_kinds;
  bool folded = false;
  // Distinct sequences of intermediaries under the route (1 when named).
  uint64_t node_sequences = 0;
  // A folded route: its most frequent intermediaries, with the number of
  // paths through each, most first.
  std::vector<std::pair<NodeId, uint64_t>> top_intermediaries;
  // The targets the route reaches (one for Links; for LinksToSet, those
  // reached, with paths each, most first).
  std::vector<std::pair<NodeId, uint64_t>> targets;
  uint64_t paths = 0;
  // Distinct edges under the route, and the edges themselves by id.
  uint64_t edges = 0;
  std::vector<EdgeId> edge_list;
  // The span of the dated edges' days ({kMaxDay, kMinDay} when none is
  // dated); undated_edges counts the others.
  DayRange days{kMaxDay, kMinDay};
  uint64_t undated_edges = 0;
  // Distinct transfer edges by item category, most first.
  std::vector<std::pair<v1::ItemCategory, uint64_t>> items;
  v1::Status strongest_status = v1::STATUS_UNSPECIFIED;
  // Distinct source ids behind the route's edges.
  uint64_t sources = 0;
  Path example;
  double score = 0;
  // "RUS -transfer-> CHN -transfer-> PRK"; a folded route names kinds in
  // brackets: "RUS -transfer-> [state x41] -transfer-> PRK"; a programme
  // target route: "RUS <-registered_in- [12 PRK programme targets]".
  std::string label;
  // The route ends at targets of programmes concerning the report's target
  // (LinkOptions::programme_targets), not at the target itself.
  bool programme_target = false;
};

// LinkReport is the whole answer.
struct LinkReport {
  NodeId from;
  // The target, or the set's members.
  std::vector<NodeId> targets;
  // What the targets are ("PRK (North Korea)", "targets of UNSCR 1718").
  std::string target_label;
  int max_hops = 0;
  Filter filter;
  int reference_year = 0;
  // Every path counted (exact when complete).
  uint64_t total_paths = 0;
  // Paths left out because they pass through an actor between two of its
  // sanctions (LinkOptions::through_sanctioning), not in total_paths.
  uint64_t through_sanctioning_paths = 0;
  // Distinct sequences of intermediaries walked.
  uint64_t node_sequences = 0;
  bool complete = true;
  std::string stop_reason;  // Empty when complete.
  // Every route, best first; the paths of those that are not programme
  // target routes add up to total_paths.
  std::vector<LinkRoute> routes;

  // LinkOptions::programme_targets: whether they were asked for and the
  // target is a state; the programmes concerning it ("OFAC DPRK3", in
  // order); the day sanctions were taken in force on; how many actors are
  // targets under them; how many of those are linked to `from` (the
  // programme target routes' paths add up to programme_target_paths, one
  // per link).
  bool programme_targets = false;
  std::vector<StateProgramme> programmes;
  PartialDate programmes_as_of;
  // The day was not given: today (UTC), which may lie after the lists'
  // editions (a listing with no delisting is taken to stand).
  bool programmes_as_of_today = false;
  uint64_t programme_targets_total = 0;
  uint64_t programme_targets_linked = 0;
  uint64_t programme_target_paths = 0;
  // The linked targets and the programmes each is under ("OFAC DPRK3"), by
  // node.
  // `certain`: some sanction of those programmes is certainly in force on
  // the day (embargo/sanctions.h, the date rule); otherwise only possibly
  // (a listing date the list does not give, a partial date).
  struct ProgrammeTarget {
    NodeId node;
    std::vector<std::string> programmes;
    bool certain = true;
  };
  std::vector<ProgrammeTarget> linked_programme_targets;
  // Linked targets only possibly in force on the day.
  uint64_t programme_targets_possible = 0;
};

// Links reports the paths of 1..max_hops hops from `from` to `to`.
// Errors: InvalidArgument for a bad node, from == to, or max_hops outside
// 1..6.
[[nodiscard]] absl::StatusOr<LinkReport> Links(const Graph& graph,
                                               NodeId from, NodeId to,
                                               const LinkOptions& options = {});

// LinksToSet reports the paths from `from` to any node of `targets` (a
// path ends at the first target it reaches; `from` itself is left out of
// the set). `label` names the set in the report.
[[nodiscard]] absl::StatusOr<LinkReport> LinksToSet(
    const Graph& graph, NodeId from, absl::Span<const NodeId> targets,
    std::string label, const LinkOptions& options = {});

// LinkScore computes the documented score of a route of `hops` hops.
double LinkScore(v1::Status strongest, uint64_t sources, int last_year,
                 int reference_year, size_t hops);

}  // namespace embargo

#endif  // EMBARGO_LINKS_H_
