// Path queries: shortest path, k shortest paths, all paths, path counts.
//
// ShortestPath is a bidirectional breadth-first search (Pohl, "Bi-directional
// search", Machine Intelligence 6, 1971): each round expands one whole level
// of the smaller frontier; when a level meets the other side, the best
// meeting over that level is a shortest path. On graphs with heavy-tailed
// degrees it touches a small fraction of the edges a one-sided search does.
//
// KShortestPaths is Yen's algorithm (Yen, "Finding the k shortest loopless
// paths in a network", Management Science 17(11), 1971), with the
// bidirectional search as its spur-path subroutine. Candidates are ordered by
// length, then by their edge ids, so results are deterministic.
//
// AllPaths and CountPaths are depth-first enumerations of simple paths,
// pruned by a breadth-first distance-to-target table computed first: a
// prefix of d hops at node v continues only if d + dist(v, target) fits in
// max_hops. AllPaths deepens one length at a time so that results come
// shortest first and a capped answer keeps the shortest paths. CountPaths
// runs the same enumeration without building paths.
//
// One file, over 600 lines, because the four queries share one machinery
// (the filtered adjacency walk, the distance table, the path builder and the
// truncation rules); split, each part would need the others' internals.

#include <algorithm>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "embargo/query.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace internal {
namespace {

constexpr uint32_t kInf = ~uint32_t{0};

struct NoBans {
  bool NodeBanned(uint32_t) const { return false; }
  bool EdgeBanned(uint32_t) const { return false; }
};

struct Bans {
  const absl::flat_hash_set<uint32_t>& nodes;
  const absl::flat_hash_set<uint32_t>& edges;
  bool NodeBanned(uint32_t n) const { return nodes.contains(n); }
  bool EdgeBanned(uint32_t e) const { return edges.contains(e); }
};

// Bidirectional BFS from s to t. Returns nullopt when t is unreachable;
// ResourceExhausted when the budget ran out first.
template <typename Ban>
absl::StatusOr<std::optional<Path>> Bidirectional(const GraphData& d,
                                                  uint32_t s, uint32_t t,
                                                  const CompiledFilter& f,
                                                  const Ban& ban,
                                                  Budget& budget) {
  if (s == t) return Path{NodeId(s), {}};
  Scratch& sc = ThreadScratch();
  const uint32_t stamp = sc.Begin(d.num_nodes());
  std::vector<uint32_t> front_a{s}, front_b{t}, next;
  sc.mark_a[s] = stamp;
  sc.dist_a[s] = 0;
  sc.mark_b[t] = stamp;
  sc.dist_b[t] = 0;
  uint32_t best = kInf, meet = 0;
  const uint32_t* row_start = d.row_start;
  const uint32_t* other = d.row_other;
  const AdjacencyEntry* entry = d.row_entry;

  while (!front_a.empty() && !front_b.empty()) {
    // Expand the side whose frontier has fewer edges to scan.
    uint64_t cost_a = 0, cost_b = 0;
    for (uint32_t u : front_a) cost_a += row_start[u + 1] - row_start[u];
    for (uint32_t u : front_b) cost_b += row_start[u + 1] - row_start[u];
    const bool backward = cost_b < cost_a;
    std::vector<uint32_t>& front = backward ? front_b : front_a;
    std::vector<uint32_t>& mine = backward ? sc.mark_b : sc.mark_a;
    std::vector<uint32_t>& theirs = backward ? sc.mark_a : sc.mark_b;
    std::vector<uint32_t>& my_dist = backward ? sc.dist_b : sc.dist_a;
    std::vector<uint32_t>& their_dist = backward ? sc.dist_a : sc.dist_b;
    std::vector<uint32_t>& my_via = backward ? sc.via_b : sc.via_a;
    if (!budget.Spend(backward ? cost_b : cost_a)) {
      return absl::ResourceExhaustedError(
          absl::StrCat("shortest path search stopped: ", budget.reason()));
    }
    next.clear();
    for (uint32_t u : front) {
      const uint32_t du = my_dist[u] + 1;
      for (uint32_t i = row_start[u], end = row_start[u + 1]; i < end; ++i) {
        const AdjacencyEntry& a = entry[i];
        if (!f.StepOk(a, backward)) continue;  // Sequential read first.
        const uint32_t v = other[i];
        if (mine[v] == stamp) continue;
        if (v != s && v != t && (!f.NodeOk(v) || ban.NodeBanned(v))) continue;
        if (ban.EdgeBanned(a.edge)) continue;
        mine[v] = stamp;
        my_dist[v] = du;
        my_via[v] = i;
        if (theirs[v] == stamp) {
          const uint32_t total = du + their_dist[v];
          if (total < best) {
            best = total;
            meet = v;
          }
        }
        next.push_back(v);
      }
    }
    front.swap(next);
    if (best != kInf) break;
  }
  if (best == kInf) return std::nullopt;

  Path path{NodeId(s), {}};
  path.hops.resize(best);
  // From the meeting node back to s along the forward parents.
  uint32_t v = meet;
  for (uint32_t k = sc.dist_a[meet]; k > 0; --k) {
    const uint32_t i = sc.via_a[v];
    const AdjacencyEntry& a = entry[i];
    const uint32_t u = RowOwner(d, a);
    path.hops[k - 1] = Hop{EdgeId(a.edge), NodeId(u), NodeId(v), a.along};
    v = u;
  }
  // From the meeting node on to t along the backward parents.
  v = meet;
  for (uint32_t k = sc.dist_a[meet]; k < best; ++k) {
    const uint32_t i = sc.via_b[v];
    const AdjacencyEntry& a = entry[i];
    const uint32_t u = RowOwner(d, a);
    path.hops[k] = Hop{EdgeId(a.edge), NodeId(v), NodeId(u), !a.along};
    v = u;
  }
  return path;
}

// Breadth-first distances to `t` (walking backward), up to `max` hops, into
// scratch.dist_b / mark_b with the returned stamp. Nodes failing the node
// filter are not entered (except s, which callers exempt).
uint32_t DistancesTo(const GraphData& d, uint32_t s, uint32_t t, uint32_t max,
                     const CompiledFilter& f, Budget& budget) {
  Scratch& sc = ThreadScratch();
  const uint32_t stamp = sc.Begin(d.num_nodes());
  std::vector<uint32_t> front{t}, next;
  sc.mark_b[t] = stamp;
  sc.dist_b[t] = 0;
  for (uint32_t depth = 1; depth <= max && !front.empty(); ++depth) {
    next.clear();
    for (uint32_t u : front) {
      if (!budget.Spend(d.RowEnd(u) - d.RowBegin(u))) return stamp;
      for (uint32_t i = d.RowBegin(u); i < d.RowEnd(u); ++i) {
        const uint32_t v = d.row_other[i];
        if (sc.mark_b[v] == stamp) continue;
        if (!f.StepOk(d.row_entry[i], /*backward=*/true)) continue;
        if (v != s && !f.NodeOk(v)) continue;
        sc.mark_b[v] = stamp;
        sc.dist_b[v] = depth;
        if (v != s) next.push_back(v);  // Paths never pass through s again.
      }
    }
    front.swap(next);
  }
  return stamp;
}

// Depth-first enumeration of simple s-t paths of exactly `length` hops.
class Enumerator {
 public:
  Enumerator(const GraphData& d, uint32_t s, uint32_t t,
             const CompiledFilter& f, Budget& budget, uint32_t dist_stamp,
             const Filter* chronological = nullptr)
      : d_(d), s_(s), t_(t), f_(f), budget_(budget), sc_(ThreadScratch()),
        dist_stamp_(dist_stamp),
        chrono_(chronological != nullptr && chronological->chronological),
        gap_(chronological != nullptr ? chronological->max_gap_days : -1) {}

  // Emits each path to `emit`, which returns false to stop.
  template <typename Emit>
  bool Run(uint32_t length, Emit emit) {
    hops_.clear();
    states_.assign(1, ChronologicalState{});
    sc_.aux[s_] = 0;
    Mark(s_);
    const bool go_on = Extend(s_, length, emit);
    Unmark(s_);
    return go_on;
  }

 private:
  // mark_aux[n] is 1 while n is on the current prefix; every Mark is undone
  // on the way back, so the array is all zero between runs.
  void Mark(uint32_t n) { sc_.mark_aux[n] = 1; }
  void Unmark(uint32_t n) { sc_.mark_aux[n] = 0; }
  bool OnPath(uint32_t n) const { return sc_.mark_aux[n] == 1; }
  uint32_t Dist(uint32_t n) const {
    return sc_.mark_b[n] == dist_stamp_ ? sc_.dist_b[n] : kInf;
  }

  // ChronoOk tests whether the hop over `a` may follow the prefix under the
  // chronological rule, and pushes the narrowed state when it may.
  bool ChronoPush(const AdjacencyEntry& a) {
    if (!chrono_) return true;
    ChronologicalState next = states_.back();
    const bool transfer =
        a.kind == EdgeKind::kTransfer || a.kind == EdgeKind::kTransferVia;
    if (!next.Step(d_.edge_days[a.edge], transfer, gap_)) return false;
    states_.push_back(next);
    return true;
  }
  void ChronoPop() {
    if (chrono_) states_.pop_back();
  }

  template <typename Emit>
  bool Extend(uint32_t u, uint32_t remaining, Emit& emit) {
    if (!budget_.Spend(d_.RowEnd(u) - d_.RowBegin(u))) return false;
    for (uint32_t i = d_.RowBegin(u); i < d_.RowEnd(u); ++i) {
      const uint32_t v = d_.row_other[i];
      const AdjacencyEntry& a = d_.row_entry[i];
      if (remaining == 1) {
        if (v != t_ || !f_.StepOk(a, false)) continue;
        if (!ChronoPush(a)) continue;
        hops_.push_back({EdgeId(a.edge), NodeId(u), NodeId(v), a.along});
        const bool go_on = emit(hops_);
        hops_.pop_back();
        ChronoPop();
        if (!go_on) return false;
        continue;
      }
      if (v == t_ || OnPath(v)) continue;
      const uint32_t dist = Dist(v);
      if (dist == kInf || dist > remaining - 1) continue;
      if (!f_.StepOk(a, false) || !f_.NodeOk(v)) continue;
      if (!ChronoPush(a)) continue;
      hops_.push_back({EdgeId(a.edge), NodeId(u), NodeId(v), a.along});
      Mark(v);
      const bool go_on = Extend(v, remaining - 1, emit);
      Unmark(v);
      hops_.pop_back();
      ChronoPop();
      if (!go_on) return false;
    }
    return true;
  }

  const GraphData& d_;
  uint32_t s_, t_;
  const CompiledFilter& f_;
  Budget& budget_;
  Scratch& sc_;
  uint32_t dist_stamp_;
  bool chrono_;
  int32_t gap_;
  std::vector<Hop> hops_;
  std::vector<ChronologicalState> states_;
};

// ChronologicalKShortest answers KShortestPaths (and ShortestPath, k = 1)
// under the chronological rule, which Yen's spur searches cannot honour:
// it enumerates the chronological paths one length at a time (as AllPaths
// does), sorts each length by edge ids (Yen's tie order) and stops once k
// are found. Paths longer than max_hops are not looked for.
Paths ChronologicalKShortest(const GraphData& d, uint32_t s, uint32_t t,
                             size_t k, uint32_t max_hops, const Filter& filter,
                             const CompiledFilter& f, Budget& budget) {
  Paths out;
  const uint32_t stamp = DistancesTo(d, s, t, max_hops, f, budget);
  Enumerator en(d, s, t, f, budget, stamp, &filter);
  for (uint32_t length = 1; length <= max_hops && out.paths.size() < k &&
                            !budget.exhausted();
       ++length) {
    std::vector<Path> found;
    en.Run(length, [&](const std::vector<Hop>& hops) {
      found.push_back(Path{NodeId(s), hops});
      return true;
    });
    std::sort(found.begin(), found.end(), [](const Path& a, const Path& b) {
      for (size_t i = 0; i < a.hops.size(); ++i) {
        if (a.hops[i].edge != b.hops[i].edge) {
          return a.hops[i].edge.value() < b.hops[i].edge.value();
        }
      }
      return false;
    });
    for (Path& p : found) {
      if (out.paths.size() >= k) break;
      out.paths.push_back(std::move(p));
    }
  }
  if (budget.exhausted()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

}  // namespace
}  // namespace internal

std::vector<NodeId> Path::Nodes() const {
  std::vector<NodeId> nodes{source};
  for (const Hop& h : hops) nodes.push_back(h.to);
  return nodes;
}

absl::StatusOr<std::optional<Path>> ShortestPath(const Graph& graph,
                                                 NodeId from, NodeId to,
                                                 const Filter& filter,
                                                 const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, to, "target"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  if (filter.chronological) {
    if (from == to) return Path{from, {}};
    Paths p = internal::ChronologicalKShortest(
        d, from.value(), to.value(), 1,
        static_cast<uint32_t>(d.num_nodes() - 1), filter, f, budget);
    if (!p.paths.empty()) return std::move(p.paths.front());
    if (budget.exhausted()) {
      return absl::ResourceExhaustedError(
          absl::StrCat("shortest path search stopped: ", budget.reason()));
    }
    return std::nullopt;
  }
  return internal::Bidirectional(d, from.value(), to.value(), f,
                                 internal::NoBans(), budget);
}

bool IsChronological(const Graph& graph, const Path& path,
                     int32_t max_gap_days) {
  ChronologicalState state;
  for (const Hop& h : path.hops) {
    const EdgeInfo e = graph.edge(h.edge);
    const bool transfer =
        e.kind == EdgeKind::kTransfer || e.kind == EdgeKind::kTransferVia;
    if (!state.Step(e.days, transfer, max_gap_days)) return false;
  }
  return true;
}

absl::StatusOr<Paths> KShortestPaths(const Graph& graph, NodeId from,
                                     NodeId to, int k, const Filter& filter,
                                     const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, to, "target"));
  if (k < 0) return absl::InvalidArgumentError("k must not be negative");
  Paths out;
  // One path past the result limit is looked for, so that a k over the
  // limit is flagged truncated exactly when more paths exist (not silently
  // cut to the limit, and not flagged when there were no more).
  const size_t want = std::min<size_t>(
      static_cast<size_t>(k),
      limits.max_results == std::numeric_limits<size_t>::max()
          ? limits.max_results
          : limits.max_results + 1);
  if (want == 0 || from == to) {
    if (static_cast<size_t>(k) > limits.max_results) {
      out.truncated = true;
      out.truncation_reason = "result limit reached";
    }
    return out;
  }
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  if (filter.chronological) {
    Paths p = internal::ChronologicalKShortest(
        d, from.value(), to.value(), want,
        static_cast<uint32_t>(d.num_nodes() - 1), filter, f, budget);
    if (!p.truncated && static_cast<size_t>(k) > want &&
        p.paths.size() == want) {
      p.truncated = true;
      p.truncation_reason = "result limit reached";
    }
    return p;
  }

  auto key = [](const Path& p) {
    std::vector<uint32_t> k;
    for (const Hop& h : p.hops) k.push_back(h.edge.value());
    return k;
  };
  auto better = [&](const Path& a, const Path& b) {
    if (a.length() != b.length()) return a.length() > b.length();
    return key(a) > key(b);
  };
  std::priority_queue<Path, std::vector<Path>, decltype(better)> candidates(better);
  absl::flat_hash_set<std::vector<uint32_t>> seen;

  absl::StatusOr<std::optional<Path>> first = internal::Bidirectional(
      d, from.value(), to.value(), f, internal::NoBans(), budget);
  if (!first.ok()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
    return out;
  }
  if (!first->has_value()) return out;
  seen.insert(key(**first));
  out.paths.push_back(std::move(**first));

  while (out.paths.size() < want) {
    const Path prev = out.paths.back();
    const std::vector<NodeId> nodes = prev.Nodes();
    absl::flat_hash_set<uint32_t> banned_nodes, banned_edges;
    for (size_t i = 0; i < prev.length(); ++i) {
      const uint32_t spur = nodes[i].value();
      banned_edges.clear();
      for (const Path& p : out.paths) {
        if (p.length() > i &&
            std::equal(p.hops.begin(), p.hops.begin() + i, prev.hops.begin())) {
          banned_edges.insert(p.hops[i].edge.value());
        }
      }
      internal::Bans bans{banned_nodes, banned_edges};
      absl::StatusOr<std::optional<Path>> spur_path =
          internal::Bidirectional(d, spur, to.value(), f, bans, budget);
      if (!spur_path.ok()) {
        out.truncated = true;
        out.truncation_reason = budget.reason();
        return out;
      }
      if (spur_path->has_value()) {
        Path total{from, std::vector<Hop>(prev.hops.begin(), prev.hops.begin() + i)};
        for (const Hop& h : (*spur_path)->hops) total.hops.push_back(h);
        if (seen.insert(key(total)).second) candidates.push(std::move(total));
      }
      banned_nodes.insert(spur);
    }
    if (candidates.empty()) break;
    out.paths.push_back(candidates.top());
    candidates.pop();
  }
  if (out.paths.size() > limits.max_results) {
    out.paths.resize(limits.max_results);
    out.truncated = true;
    out.truncation_reason = "result limit reached";
  }
  return out;
}

absl::StatusOr<Paths> AllPaths(const Graph& graph, NodeId from, NodeId to,
                               int max_hops, const Filter& filter,
                               const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, to, "target"));
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  Paths out;
  if (from == to || max_hops == 0) return out;
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  const uint32_t stamp = internal::DistancesTo(
      d, from.value(), to.value(), static_cast<uint32_t>(max_hops), f, budget);
  internal::Enumerator en(d, from.value(), to.value(), f, budget, stamp,
                          &filter);
  for (int length = 1; length <= max_hops && !budget.exhausted(); ++length) {
    const bool done = !en.Run(static_cast<uint32_t>(length),
                              [&](const std::vector<Hop>& hops) {
      if (out.paths.size() >= limits.max_results) {
        out.truncated = true;
        out.truncation_reason = "result limit reached";
        return false;
      }
      out.paths.push_back(Path{from, hops});
      return true;
    });
    if (done) break;
  }
  if (budget.exhausted()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

namespace internal {
namespace {

// Counts simple s-t paths of 1..max_hops hops (max_hops <= 3) without a
// distance table: a depth-first walk from s over max_hops - 1 hops that,
// instead of taking the last hop, adds how many usable edges join the node
// reached to t (`to_target`, from one scan of t's row). The walk is what
// the hand-written Boost.Graph reference does; a breadth-first table first
// would scan the 2-hop ball around t as well, which on heavy-tailed graphs
// is most of the work. A bit per node (a few dozen KB, cache resident)
// says which nodes have an edge to t, so the count table is read only for
// those; the nodes on the current path (at most three) are compared
// directly rather than marked in a per-node array. Each edge examined at
// the last level thus costs no cache miss beyond its row.
class ShortCounter {
 public:
  ShortCounter(const GraphData& d, uint32_t s, uint32_t t,
               const CompiledFilter& f, Budget& budget)
      : d_(d), s_(s), t_(t), f_(f), budget_(budget), sc_(ThreadScratch()) {}

  uint64_t Run(uint32_t max_hops) {
    stamp_ = sc_.Begin(d_.num_nodes());
    if (max_hops >= 2) {
      if (!budget_.Spend(d_.RowEnd(t_) - d_.RowBegin(t_))) return 0;
      const uint64_t fresh = uint64_t{stamp_} << 32;
      for (uint32_t i = d_.RowBegin(t_); i < d_.RowEnd(t_); ++i) {
        if (!f_.StepOk(d_.row_entry[i], /*backward=*/true)) continue;
        const uint32_t v = d_.row_other[i];
        uint64_t& slot = sc_.stamped_count[v];
        if ((slot >> 32) != stamp_) slot = fresh;
        ++slot;
        sc_.bits[v >> 6] |= uint64_t{1} << (v & 63);
      }
    }
    path_[0] = s_;
    depth_ = 1;
    if (max_hops == 3) {
      FirstOfThree();
    } else {
      Extend(s_, max_hops);
    }
    if (max_hops >= 2) {  // Leave the filter all zero.
      for (uint32_t i = d_.RowBegin(t_); i < d_.RowEnd(t_); ++i) {
        sc_.bits[d_.row_other[i] >> 6] = 0;
      }
    }
    return count_;
  }

 private:
  uint32_t ToTarget(uint32_t v) const {
    if (((sc_.bits[v >> 6] >> (v & 63)) & 1) == 0) return 0;
    const uint64_t slot = sc_.stamped_count[v];
    return (slot >> 32) == stamp_ ? static_cast<uint32_t>(slot) : 0;
  }
  bool OnPath(uint32_t v) const {
    for (uint32_t i = 0; i < depth_; ++i) {
      if (path_[i] == v) return true;
    }
    return false;
  }

  // The first hop of three, grouped by neighbour: the paths through s-v1
  // number (edges s-v1) x (paths v1 .. t of two hops), so each distinct v1's
  // row is scanned once however many parallel edges join it to s (states
  // trade with the same partners many times over).
  void FirstOfThree() {
    if (!budget_.Spend(d_.RowEnd(s_) - d_.RowBegin(s_))) return;
    std::vector<uint32_t>& order = first_hop_;
    order.clear();
    for (uint32_t i = d_.RowBegin(s_), end = d_.RowEnd(s_); i < end; ++i) {
      const uint32_t v = d_.row_other[i];
      if (!f_.StepOk(d_.row_entry[i], false)) continue;
      if (v == t_) {
        ++count_;
        continue;
      }
      if (v == s_ || !f_.NodeOk(v)) continue;
      if (sc_.mark_a[v] != stamp_) {
        sc_.mark_a[v] = stamp_;
        sc_.dist_a[v] = 0;
        order.push_back(v);
      }
      ++sc_.dist_a[v];
    }
    for (uint32_t v : order) {
      const uint64_t before = count_;
      path_[1] = v;
      depth_ = 2;
      count_ = 0;
      LastLevel(v);
      count_ = before + count_ * sc_.dist_a[v];
      if (budget_.exhausted()) return;
    }
  }

  // The last level before t: the hot loop. Locals only (a member counter
  // would make the compiler reload the filter each step), and the cheap
  // bit test first: most nodes reached have no edge to t.
  void LastLevel(uint32_t u) {
    if (!budget_.Spend(d_.RowEnd(u) - d_.RowBegin(u))) return;
    const uint32_t* other = d_.row_other;
    const AdjacencyEntry* entry = d_.row_entry;
    const uint64_t* bits = sc_.bits.data();
    const CompiledFilter& f = f_;
    const uint32_t t = t_;
    uint64_t count = 0;
    for (uint32_t i = d_.RowBegin(u), end = d_.RowEnd(u); i < end; ++i) {
      const uint32_t v = other[i];
      if (!f.StepOk(entry[i], false)) continue;
      if (v == t) {
        ++count;
        continue;
      }
      if (((bits[v >> 6] >> (v & 63)) & 1) == 0) continue;
      if (OnPath(v) || !f.NodeOk(v)) continue;
      count += ToTarget(v);
    }
    count_ += count;
  }

  void Extend(uint32_t u, uint32_t remaining) {
    if (remaining == 2) {
      LastLevel(u);
      return;
    }
    if (!budget_.Spend(d_.RowEnd(u) - d_.RowBegin(u))) return;
    const uint32_t* other = d_.row_other;
    const AdjacencyEntry* entry = d_.row_entry;
    for (uint32_t i = d_.RowBegin(u), end = d_.RowEnd(u); i < end; ++i) {
      const uint32_t v = other[i];
      if (!f_.StepOk(entry[i], false)) continue;
      if (v == t_) {
        ++count_;
        continue;
      }
      if (remaining == 1 || OnPath(v) || !f_.NodeOk(v)) continue;
      path_[depth_++] = v;
      Extend(v, remaining - 1);
      --depth_;
      if (budget_.exhausted()) return;
    }
  }

  const GraphData& d_;
  uint32_t s_, t_;
  const CompiledFilter& f_;
  Budget& budget_;
  Scratch& sc_;
  uint32_t stamp_ = 0;
  uint64_t count_ = 0;
  uint32_t path_[4] = {0, 0, 0, 0};
  uint32_t depth_ = 0;
  std::vector<uint32_t> first_hop_;
};

}  // namespace
}  // namespace internal

absl::StatusOr<PathCount> CountPaths(const Graph& graph, NodeId from,
                                     NodeId to, int max_hops,
                                     const Filter& filter,
                                     const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, to, "target"));
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  PathCount out;
  if (from == to || max_hops == 0) return out;
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  if (max_hops <= 3 && !filter.chronological) {
    internal::ShortCounter counter(d, from.value(), to.value(), f, budget);
    out.count = counter.Run(static_cast<uint32_t>(max_hops));
  } else {
    const uint32_t stamp = internal::DistancesTo(
        d, from.value(), to.value(), static_cast<uint32_t>(max_hops), f,
        budget);
    internal::Enumerator en(d, from.value(), to.value(), f, budget, stamp,
                            &filter);
    for (int length = 1; length <= max_hops && !budget.exhausted(); ++length) {
      en.Run(static_cast<uint32_t>(length), [&](const std::vector<Hop>&) {
        ++out.count;
        return true;
      });
    }
  }
  if (budget.exhausted()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

}  // namespace embargo
