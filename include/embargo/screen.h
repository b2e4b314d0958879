// Screening: for each counterparty of a list (a name, and what else is
// known), the actors it may be, and for each whether it is sanctioned,
// blocked or controlled through ownership, and which sanctioned actors
// lie within a few hops.
//
//   absl::StatusOr<embargo::NameIndex> index = embargo::NameIndex::Build(graph);
//   embargo::ScreenOptions o;
//   o.as_of = *embargo::PartialDate::Parse("2024-05-03");
//   absl::StatusOr<embargo::Screener> s = embargo::Screener::Create(*index, o);
//   embargo::SearchQuery q;
//   q.name = "VTB Bank";
//   absl::StatusOr<embargo::ScreenResult> r = s->Screen(q);
//   for (const embargo::ScreenMatch& m : r->matches) {
//     m.hit.score; m.sanctions; m.blocked; m.nearby; ...
//   }
//
// What each match says, and the rules it used:
//   - sanctions: the sanctions of `regime` in force on the actor as of
//     `as_of` (SanctionsInForce, embargo/sanctions.h), with authority,
//     programme, listing date and certainty;
//   - blocked: whether BlockedByOwnership (`rule`, as of `as_of`) blocks it,
//     directly or through owners, with the chain of stakes from the actor
//     up to a directly sanctioned owner;
//   - nearby: the targets of `regime` within `hops` hops over the edge
//     kinds `kinds` (by default ownership, directorship, control, operator,
//     family and associate links; never the sanction edges themselves),
//     nearest first, with one shortest path each.
// "Not sanctioned" means: no sanction of the regime in these lists is in
// force on that date; the result names the date and rule.
//
// Memory model: a Screener is immutable after Create (the blocked set and
// sanctioned set are computed there, once); any number of threads may call
// Screen at once. It keeps the index (and so the graph) alive.

#ifndef EMBARGO_SCREEN_H_
#define EMBARGO_SCREEN_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "embargo/search.h"

namespace embargo {

// DefaultScreenKinds are the links `nearby` follows by default.
EdgeKindSet DefaultScreenKinds();

// ScreenOptions choose the date, the rules and how far to look.
struct ScreenOptions {
  PartialDate as_of;  // Unknown: every sanction and relation counts.
  Regime regime;      // Which sanctions count (default: all).
  OwnershipRule rule = OwnershipRule::kOfac50;
  int hops = 2;       // 0: no nearby search.
  EdgeKindSet kinds = DefaultScreenKinds();
  double threshold = kDefaultMatchThreshold;
  size_t max_matches = 3;   // Best matches kept per counterparty.
  size_t max_nearby = 10;   // Nearby targets kept per match.
};

// NearbySanctioned is a sanctioned actor near a match, with one path.
struct NearbySanctioned {
  NodeId node;
  int hops = 0;
  Path path;
};

// ScreenMatch is one actor a counterparty may be.
struct ScreenMatch {
  SearchHit hit;
  std::vector<InForce> sanctions;
  // The actor's entry in the blocked set, when blocked.
  std::optional<BlockedEntity> blocked;
  // From the actor to a directly sanctioned owner, one explaining stake per
  // step (empty when the actor is not blocked through ownership).
  std::vector<Stake> chain;
  // True when the actor is not in the blocked set and the rule's own list
  // is not loaded (BlockedSet::lists_loaded): whether it is blocked is
  // unknown, not "no".
  bool blocked_unknown = false;
  // True when the graph holds no sanctions list of the authorities screened
  // against (Screener::sanction_authorities is empty): an empty `sanctions`
  // is then unknown, not "not sanctioned".
  bool sanctioned_unknown = false;
  // The nearest sanctioned actors within `hops` hops, at most
  // ScreenOptions::max_nearby, nearest first, each with one path.
  std::vector<NearbySanctioned> nearby;
  // How many sanctioned actors lie within `hops` hops: all of them, also
  // those past max_nearby; a lower bound when nearby_incomplete. Only when
  // nearby_searched (hops > 0); unknown, not 0, when sanctioned_unknown.
  size_t nearby_count = 0;
  bool nearby_searched = false;
  // The neighbourhood search stopped at its limits (Neighborhood::
  // truncated): more sanctioned actors may lie within reach.
  bool nearby_incomplete = false;
  // `nearby` lists fewer actors than lie within reach (or may).
  bool nearby_truncated = false;
};

// ScreenResult is the answer for one counterparty: matches at or above the
// threshold, best first (empty: no match), and the best candidate below
// it, for a reviewer.
struct ScreenResult {
  std::vector<ScreenMatch> matches;
  std::optional<SearchHit> best_below_threshold;
};

// Screener screens counterparties against one graph.
class Screener {
 public:
  // Create computes the blocked and sanctioned sets. Errors: those of
  // BlockedByOwnership and SanctionedNodes (an unknown authority id).
  [[nodiscard]] static absl::StatusOr<Screener> Create(const NameIndex& index,
                                                       const ScreenOptions& options);

  // Screen answers for one counterparty. Errors: those of
  // NameIndex::Search (no name and no identifier, an unknown country).
  [[nodiscard]] absl::StatusOr<ScreenResult> Screen(const SearchQuery& query) const;

  // ScreenAll screens many counterparties on `threads` threads (0: the
  // hardware's), in order; a failed row keeps its error, the rest go on.
  // `progress`, when given, is called from the calling thread now and then
  // with the number done.
  std::vector<absl::StatusOr<ScreenResult>> ScreenAll(
      const std::vector<SearchQuery>& queries, int threads = 0,
      const std::function<void(size_t)>& progress = nullptr) const;

  const ScreenOptions& options() const;
  const Graph& graph() const;
  // The blocked set the matches are read against (its authorities, and
  // those not loaded, for a report's header).
  const BlockedSet& blocked_set() const;
  // The authorities whose sanctions lists the graph holds and the matches
  // were read against (those of the regime, or all), sorted; empty when
  // there is none, and whether a match is sanctioned is unknown.
  const std::vector<std::string>& sanction_authorities() const;

 private:
  struct Data;
  explicit Screener(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  std::shared_ptr<const Data> data_;
};

}  // namespace embargo

#endif  // EMBARGO_SCREEN_H_
