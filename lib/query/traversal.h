// Shared machinery of the query algorithms: the compiled filter, the work
// budget, and per-thread scratch space.
//
// CompiledFilter turns a Filter into bit masks tested against the packed row
// entry (kind, item, status) so that most edges are accepted or rejected
// without touching any other array; only a date window reads edge_days.
//
// Scratch arrays are stamped: a node's slot is valid only when its mark
// equals the current stamp, so a query starts in O(1) instead of clearing
// arrays of num_nodes entries. Each thread has its own Scratch, which is what
// makes concurrent queries on one Graph safe without locks.

#ifndef EMBARGO_QUERY_TRAVERSAL_H_
#define EMBARGO_QUERY_TRAVERSAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "embargo/query.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// CheckFilter is ValidateFilter and, with a country filter, the checks of
// CountryState: what every query calls before compiling a filter.
absl::Status CheckFilter(const GraphData& d, const Filter& f);

// CountryState returns the node of the state `code` of a country filter:
// InvalidArgument for a code that is not ISO alpha-3, FailedPrecondition
// for a graph without country links, NotFound for a state not in the graph
// (country_links.cc).
absl::StatusOr<uint32_t> CountryState(const GraphData& d,
                                      absl::string_view code);

// CountryMemberBits sets bit n for the state and every node linked to it
// by an edge of CountryFilterKinds().
std::vector<uint64_t> CountryMemberBits(const GraphData& d, uint32_t state);

class CompiledFilter {
 public:
  CompiledFilter(const GraphData& d, const Filter& f);

  // EdgeOk tests the edge of a row entry.
  bool EdgeOk(const AdjacencyEntry& a) const {
    if (((kinds_ >> static_cast<unsigned>(a.kind)) & 1) == 0) return false;
    if (check_items_ && ((transfer_kinds_ >> static_cast<unsigned>(a.kind)) & 1) &&
        ((items_ >> a.item) & 1) == 0) {
      return false;
    }
    if (a.status < min_status_) return false;
    if (check_days_) {
      const DayRange& days = d_.edge_days[a.edge];
      if (certain_ ? !days.Within(window_) : !days.Overlaps(window_)) {
        return false;
      }
    }
    return true;
  }

  // StepOk tests whether a search may walk a row entry. A forward search
  // walks from the row's node to the other end; a backward search (from the
  // target) walks the other way.
  bool StepOk(const AdjacencyEntry& a, bool backward) const {
    if (direction_ != Direction::kEither &&
        (a.along != backward) != (direction_ == Direction::kAlong)) {
      return false;
    }
    return EdgeOk(a);
  }

  // NodeOk tests a node a path enters (the query's endpoints are exempt:
  // callers do not ask for them).
  bool NodeOk(uint32_t n) const {
    if (!country_.empty() && ((country_[n >> 6] >> (n & 63)) & 1) == 0) {
      return false;
    }
    return all_nodes_ ||
           ((nodes_ >> static_cast<unsigned>(d_.node_kind[n])) & 1) != 0;
  }

  Direction direction() const { return direction_; }

 private:
  const GraphData& d_;
  uint64_t kinds_;
  uint64_t items_;
  uint64_t transfer_kinds_;
  uint64_t nodes_;
  bool check_items_;
  bool check_days_;
  bool certain_;
  bool all_nodes_;
  // With a country filter: bit n set when node n may be entered.
  std::vector<uint64_t> country_;
  uint8_t min_status_;
  DayRange window_;
  Direction direction_;
};

// Budget counts work against Limits.
class Budget {
 public:
  explicit Budget(const Limits& limits)
      : max_work_(limits.max_work),
        deadline_(limits.timeout == absl::InfiniteDuration()
                      ? absl::InfiniteFuture()
                      : absl::Now() + limits.timeout) {}

  // Spend records `n` units of work; false once the budget is spent.
  bool Spend(uint64_t n = 1) {
    work_ += n;
    if (work_ > max_work_) {
      reason_ = "work limit reached";
      return false;
    }
    if ((work_ >> 12) != (last_check_ >> 12)) {
      last_check_ = work_;
      if (deadline_ != absl::InfiniteFuture() && absl::Now() > deadline_) {
        reason_ = "time limit reached";
        return false;
      }
    }
    return true;
  }
  bool exhausted() const { return !reason_.empty(); }
  const std::string& reason() const { return reason_; }
  uint64_t work() const { return work_; }

 private:
  uint64_t work_ = 0;
  uint64_t last_check_ = 0;
  uint64_t max_work_;
  absl::Time deadline_;
  std::string reason_;
};

// Scratch holds stamped per-node arrays for one thread.
struct Scratch {
  std::vector<uint32_t> mark_a, mark_b;  // Stamps.
  std::vector<uint32_t> dist_a, dist_b;  // Hops from the two search roots.
  std::vector<uint32_t> via_a, via_b;    // Row index of the reaching entry.
  std::vector<uint32_t> aux;             // Algorithm-specific.
  std::vector<uint32_t> mark_aux;        // Not stamped: users restore zeros.
  // Stamp (high 32 bits) and a count (low 32) in one word, so that a lookup
  // costs one cache miss (CountPaths' edges-to-target table).
  std::vector<uint64_t> stamped_count;
  // A bit per node, all zero between users (each clears what it set): a
  // membership filter small enough to stay in cache.
  std::vector<uint64_t> bits;
  // Another such bitset: the nodes BreadthFirst has reached (1/32 of the
  // bytes of a stamp array, so that it stays in cache on large graphs).
  std::vector<uint64_t> seen;
  uint32_t stamp = 0;

  // Begin prepares the arrays for `n` nodes and returns a fresh stamp.
  uint32_t Begin(size_t n);
};

// ThreadScratch returns this thread's scratch space.
Scratch& ThreadScratch();

// BreadthFirst searches from `seed` to max_hops hops under the filter and
// calls on_level(depth, nodes) with the nodes first reached at each depth,
// unordered; on_level may reorder them (they become the next frontier) and
// returns false to stop. The search also stops when the budget runs out,
// after reporting the level in progress; callers check budget.exhausted().
// Uses this thread's Scratch (seen, cleared again before it returns).
template <typename OnLevel>
void BreadthFirst(const GraphData& d, uint32_t seed, int max_hops,
                  const CompiledFilter& f, Budget& budget, OnLevel on_level) {
  Scratch& sc = ThreadScratch();
  sc.Begin(d.num_nodes());
  uint64_t* const seen = sc.seen.data();
  // Every node marked, to clear the marks after.
  std::vector<uint32_t> reached{seed};
  seen[seed >> 6] |= uint64_t{1} << (seed & 63);
  std::vector<uint32_t> front{seed}, next;
  for (int depth = 1; depth <= max_hops && !front.empty(); ++depth) {
    next.clear();
    for (size_t k = 0; k < front.size(); ++k) {
      // Rows are random accesses: fetch the next few frontier rows early.
      if (k + 4 < front.size()) {
        const uint32_t ahead = d.RowBegin(front[k + 4]);
        __builtin_prefetch(&d.row_entry[ahead]);
        __builtin_prefetch(&d.row_other[ahead]);
      }
      if (k + 8 < front.size()) __builtin_prefetch(&d.row_start[front[k + 8]]);
      const uint32_t u = front[k];
      if (!budget.Spend(d.RowEnd(u) - d.RowBegin(u))) break;
      for (uint32_t i = d.RowBegin(u), end = d.RowEnd(u); i < end; ++i) {
        // The filter reads the row (sequential); the mark is a random
        // access, so it comes second.
        if (!f.StepOk(d.row_entry[i], /*backward=*/false)) continue;
        const uint32_t v = d.row_other[i];
        uint64_t& word = seen[v >> 6];
        const uint64_t bit = uint64_t{1} << (v & 63);
        if ((word & bit) != 0 || !f.NodeOk(v)) continue;
        word |= bit;
        next.push_back(v);
      }
    }
    reached.insert(reached.end(), next.begin(), next.end());
    if (!on_level(depth, next) || budget.exhausted()) break;
    front.swap(next);
  }
  if (reached.size() >= sc.seen.size()) {
    std::fill(sc.seen.begin(), sc.seen.end(), 0);
  } else {
    for (uint32_t v : reached) seen[v >> 6] = 0;
  }
}

// CheckNode is InvalidArgument unless `n` names a node of `d`.
absl::Status CheckNode(const GraphData& d, NodeId n, absl::string_view what);

// NodeOfEntry returns the node whose row holds entry `i` of edge `a`
// (the node a step over it leaves when walking forward).
inline uint32_t RowOwner(const GraphData& d, const AdjacencyEntry& a) {
  return a.along ? d.edge_from[a.edge] : d.edge_to[a.edge];
}

}  // namespace embargo::internal

#endif  // EMBARGO_QUERY_TRAVERSAL_H_
