// Effective (integrated) ownership: the share an owner holds through
// chains of ownership, cycles included.
//
// Algorithm (sanctions.h, EffectiveOwnershipOf). x_t = d_t + sum_u x_u a_ut
// over the nodes t != o that the owner o reaches, where d holds o's direct
// shares and a_ut the share u holds in t (as fractions). The reachable
// subgraph is split into strongly connected components (Tarjan, iterative)
// and the components are solved in topological order, so each x_u on the
// right-hand side is final when it is used:
//   - a single node without a self-loop: one substitution;
//   - a cyclic component of at most kDenseLimit nodes: (I - A_SS) x = b by
//     Gaussian elimination without pivoting. I - A_SS is a Z-matrix; it is
//     a non-singular M-matrix (the walk sums converge) exactly when every
//     pivot is positive, so a pivot at or below kPivotFloor reveals a
//     component that owns 100 % or more of itself (unbounded);
//   - a larger cyclic component: Gauss-Seidel sweeps from 0, which increase
//     monotonically to the walk sums, to a change below 1e-13, or are
//     declared unbounded after kMaxSweeps.
// Linear in the reachable ownership edges, plus the cyclic solves.
//
// Chains: best-first search over simple chains from the owner, largest
// product first (a product only shrinks as a chain grows, so the first k
// chains popped at a node are its k largest). A node is expanded at most k
// times; on acyclic ownership the k best chains to a node extend the k best
// chains to its owners, so this is exact there.

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"
#include "lib/sanctions/common.h"

namespace embargo {
namespace {

using internal::GraphData;

constexpr size_t kDenseLimit = 256;
constexpr double kPivotFloor = 1e-12;
constexpr int kMaxSweeps = 100000;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct LocalEdge {
  uint32_t to;    // Local index.
  uint32_t edge;  // Graph edge id.
  double w;       // Share as a fraction.
};

class Solver {
 public:
  Solver(const GraphData& d, const EffectiveOptions& o, uint32_t owner)
      : d_(d), o_(o), owner_(owner), when_(internal::AsOf::From(o.as_of)) {}

  bool EdgeOk(const AdjacencyEntry& a) const {
    if (!a.along || a.kind != EdgeKind::kOwnership) return false;
    if (a.status < o_.min_relation_status) return false;
    if (!(d_.edge_share[a.edge] > 0)) return false;
    return when_.ignore || d_.edge_days[a.edge].Overlaps(when_.days);
  }

  // Reach collects the nodes the owner reaches and the edges among them.
  void Reach() {
    std::vector<uint32_t> stack{owner_};
    local_.emplace(owner_, kOwnerLocal);
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      stack.pop_back();
      for (uint32_t i = d_.RowBegin(u), end = d_.RowEnd(u); i < end; ++i) {
        const AdjacencyEntry& a = d_.row_entry[i];
        if (!EdgeOk(a)) continue;
        const uint32_t v = d_.row_other[i];
        if (v == owner_) continue;
        if (local_.emplace(v, static_cast<uint32_t>(nodes_.size())).second) {
          nodes_.push_back(v);
          stack.push_back(v);
        }
      }
    }
    const size_t m = nodes_.size();
    out_.assign(m, {});
    direct_.assign(m, 0.0);
    for (uint32_t i = d_.RowBegin(owner_), end = d_.RowEnd(owner_); i < end;
         ++i) {
      const AdjacencyEntry& a = d_.row_entry[i];
      if (!EdgeOk(a) || d_.row_other[i] == owner_) continue;
      direct_[local_.at(d_.row_other[i])] += d_.edge_share[a.edge] / 100.0;
    }
    for (uint32_t l = 0; l < m; ++l) {
      const uint32_t u = nodes_[l];
      for (uint32_t i = d_.RowBegin(u), end = d_.RowEnd(u); i < end; ++i) {
        const AdjacencyEntry& a = d_.row_entry[i];
        if (!EdgeOk(a) || d_.row_other[i] == owner_) continue;
        out_[l].push_back({local_.at(d_.row_other[i]), a.edge,
                           d_.edge_share[a.edge] / 100.0});
      }
    }
  }

  // Components returns the strongly connected components of the local
  // graph in topological order (iterative Tarjan).
  std::vector<std::vector<uint32_t>> Components() const {
    const uint32_t m = static_cast<uint32_t>(nodes_.size());
    constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> index(m, kUnset), low(m, 0), it(m, 0);
    std::vector<uint8_t> on_stack(m, 0);
    std::vector<uint32_t> stack, call;
    std::vector<std::vector<uint32_t>> comps;
    uint32_t next = 0;
    for (uint32_t root = 0; root < m; ++root) {
      if (index[root] != kUnset) continue;
      call.push_back(root);
      index[root] = low[root] = next++;
      stack.push_back(root);
      on_stack[root] = 1;
      while (!call.empty()) {
        const uint32_t v = call.back();
        if (it[v] < out_[v].size()) {
          const uint32_t w = out_[v][it[v]++].to;
          if (index[w] == kUnset) {
            index[w] = low[w] = next++;
            stack.push_back(w);
            on_stack[w] = 1;
            call.push_back(w);
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], index[w]);
          }
          continue;
        }
        call.pop_back();
        if (!call.empty()) low[call.back()] = std::min(low[call.back()], low[v]);
        if (low[v] == index[v]) {
          std::vector<uint32_t> comp;
          uint32_t w;
          do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = 0;
            comp.push_back(w);
          } while (w != v);
          comps.push_back(std::move(comp));
        }
      }
    }
    std::reverse(comps.begin(), comps.end());  // Tarjan emits sinks first.
    return comps;
  }

  // Solve computes x for every local node; returns false when unbounded.
  bool Solve() {
    const uint32_t m = static_cast<uint32_t>(nodes_.size());
    x_ = direct_;  // Inflow accumulates here until a component is solved.
    std::vector<int32_t> comp_of(m, -1);
    bool bounded = true;
    std::vector<std::vector<uint32_t>> comps = Components();
    for (int32_t c = 0; c < static_cast<int32_t>(comps.size()); ++c) {
      const std::vector<uint32_t>& comp = comps[c];
      for (uint32_t v : comp) comp_of[v] = c;
      bool cyclic = comp.size() > 1;
      if (!cyclic) {
        for (const LocalEdge& e : out_[comp[0]]) cyclic |= e.to == comp[0];
      }
      if (cyclic) {
        bounded &= SolveCyclic(comp, comp_of, c);
      }
      // Push the final values to later components.
      for (uint32_t v : comp) {
        for (const LocalEdge& e : out_[v]) {
          if (comp_of[e.to] != c) x_[e.to] += x_[v] * e.w;
        }
      }
    }
    return bounded;
  }

  bool SolveCyclic(const std::vector<uint32_t>& comp,
                   const std::vector<int32_t>& comp_of, int32_t c) {
    const size_t k = comp.size();
    absl::flat_hash_map<uint32_t, uint32_t> pos;
    for (size_t i = 0; i < k; ++i) pos.emplace(comp[i], static_cast<uint32_t>(i));
    std::vector<double> b(k);
    for (size_t i = 0; i < k; ++i) b[i] = x_[comp[i]];
    std::vector<double> sol(k, 0.0);
    bool ok = true;
    if (std::any_of(b.begin(), b.end(), [](double v) { return std::isinf(v); })) {
      // Fed by an unbounded component upstream: unbounded too (already
      // reported there).
      for (uint32_t v : comp) x_[v] = kInf;
      return true;
    }
    if (k <= kDenseLimit) {
      // M = I - A_SS, row i = equation of comp[i]: x_i - sum_u a_ui x_u = b_i.
      std::vector<double> mat(k * k, 0.0);
      for (size_t i = 0; i < k; ++i) mat[i * k + i] = 1.0;
      for (size_t j = 0; j < k; ++j) {
        for (const LocalEdge& e : out_[comp[j]]) {
          if (comp_of[e.to] != c) continue;
          mat[pos.at(e.to) * k + j] -= e.w;
        }
      }
      for (size_t p = 0; p < k && ok; ++p) {
        const double pivot = mat[p * k + p];
        if (!(pivot > kPivotFloor)) {
          ok = false;
          break;
        }
        for (size_t r = p + 1; r < k; ++r) {
          const double f = mat[r * k + p] / pivot;
          if (f == 0) continue;
          for (size_t col = p; col < k; ++col) mat[r * k + col] -= f * mat[p * k + col];
          b[r] -= f * b[p];
        }
      }
      if (ok) {
        for (size_t p = k; p-- > 0;) {
          double s = b[p];
          for (size_t col = p + 1; col < k; ++col) s -= mat[p * k + col] * sol[col];
          sol[p] = s / mat[p * k + p];
        }
      }
    } else {
      // Gauss-Seidel: x_i <- b_i + sum_u a_ui x_u, in place.
      std::vector<std::vector<std::pair<uint32_t, double>>> in(k);
      for (size_t j = 0; j < k; ++j) {
        for (const LocalEdge& e : out_[comp[j]]) {
          if (comp_of[e.to] == c) {
            in[pos.at(e.to)].push_back({static_cast<uint32_t>(j), e.w});
          }
        }
      }
      ok = false;
      for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
        double change = 0;
        for (size_t i = 0; i < k; ++i) {
          double s = b[i];
          for (auto [j, w] : in[i]) s += w * sol[j];
          change = std::max(change, std::abs(s - sol[i]));
          sol[i] = s;
        }
        if (change < 1e-13) {
          ok = true;
          break;
        }
        if (!std::isfinite(change)) break;
      }
    }
    for (size_t i = 0; i < k; ++i) x_[comp[i]] = ok ? sol[i] : kInf;
    return ok;
  }

  // Chains finds up to k simple chains per node, largest product first.
  bool Chains(std::vector<std::vector<OwnershipChain>>& chains) const {
    struct Partial {
      uint32_t node;
      uint32_t edge;
      int32_t parent;
      int32_t length;
      double product;
    };
    const size_t k = static_cast<size_t>(std::max(0, o_.chains_per_holding));
    chains.assign(nodes_.size(), {});
    if (k == 0) return false;
    std::vector<Partial> arena{{owner_, 0, -1, 0, 1.0}};
    using Item = std::pair<double, int32_t>;
    auto cmp = [](const Item& a, const Item& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> heap(cmp);
    heap.push({1.0, 0});
    std::vector<uint32_t> popped(nodes_.size(), 0);
    uint64_t work = 0;
    while (!heap.empty()) {
      const int32_t p = heap.top().second;
      heap.pop();
      const Partial cur = arena[p];
      if (p != 0) {
        const uint32_t l = local_.at(cur.node);
        if (popped[l] >= k) continue;
        ++popped[l];
        OwnershipChain chain;
        chain.share_percent = cur.product * 100.0;
        for (int32_t q = p; q > 0; q = arena[q].parent) {
          chain.edges.push_back(EdgeId(arena[q].edge));
          chain.nodes.push_back(NodeId(arena[q].node));
        }
        chain.nodes.push_back(NodeId(owner_));
        std::reverse(chain.edges.begin(), chain.edges.end());
        std::reverse(chain.nodes.begin(), chain.nodes.end());
        chains[l].push_back(std::move(chain));
      }
      if (cur.length >= o_.max_chain_length) continue;
      for (uint32_t i = d_.RowBegin(cur.node), end = d_.RowEnd(cur.node);
           i < end; ++i) {
        const AdjacencyEntry& a = d_.row_entry[i];
        if (!EdgeOk(a)) continue;
        const uint32_t w = d_.row_other[i];
        if (w == owner_) continue;
        bool on_chain = false;
        for (int32_t q = p; q > 0 && !on_chain; q = arena[q].parent) {
          on_chain = arena[q].node == w;
        }
        if (on_chain) continue;
        if (++work > o_.max_chain_work) return true;
        arena.push_back({w, a.edge, p, cur.length + 1,
                         cur.product * d_.edge_share[a.edge] / 100.0});
        heap.push({arena.back().product, static_cast<int32_t>(arena.size() - 1)});
      }
    }
    return false;
  }

  const std::vector<uint32_t>& nodes() const { return nodes_; }
  const std::vector<double>& x() const { return x_; }
  const std::vector<double>& direct() const { return direct_; }

 private:
  static constexpr uint32_t kOwnerLocal = std::numeric_limits<uint32_t>::max();

  const GraphData& d_;
  const EffectiveOptions& o_;
  uint32_t owner_;
  internal::AsOf when_;
  absl::flat_hash_map<uint32_t, uint32_t> local_;  // Graph node -> local.
  std::vector<uint32_t> nodes_;                    // Local -> graph node.
  std::vector<std::vector<LocalEdge>> out_;
  std::vector<double> direct_;
  std::vector<double> x_;
};

absl::Status CheckOptions(const EffectiveOptions& o) {
  if (!(o.min_share_percent >= 0) || o.chains_per_holding < 0 ||
      o.max_chain_length < 1) {
    return absl::InvalidArgumentError(
        "effective ownership options: min_share_percent and "
        "chains_per_holding must not be negative, max_chain_length must be "
        "at least 1");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<EffectiveOwnership> EffectiveOwnershipOf(
    const Graph& graph, NodeId owner, const EffectiveOptions& options) {
  const GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, owner, "owner"));
  EMBARGO_RETURN_IF_ERROR(CheckOptions(options));
  Solver solver(d, options, owner.value());
  solver.Reach();
  EffectiveOwnership out;
  out.owner = owner;
  out.unbounded = !solver.Solve();
  std::vector<std::vector<OwnershipChain>> chains;
  out.chains_truncated = solver.Chains(chains);
  for (size_t l = 0; l < solver.nodes().size(); ++l) {
    const double share = solver.x()[l] * 100.0;
    if (share < options.min_share_percent || !(share > 0)) continue;
    Holding h;
    h.node = NodeId(solver.nodes()[l]);
    h.share_percent = share;
    h.direct_percent = solver.direct()[l] * 100.0;
    h.top_chains = std::move(chains[l]);
    out.holdings.push_back(std::move(h));
  }
  std::sort(out.holdings.begin(), out.holdings.end(),
            [](const Holding& a, const Holding& b) {
              if (a.share_percent != b.share_percent) {
                return a.share_percent > b.share_percent;
              }
              return a.node < b.node;
            });
  return out;
}

absl::StatusOr<Holding> EffectiveShareOf(const Graph& graph, NodeId owner,
                                         NodeId asset,
                                         const EffectiveOptions& options) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(graph.data(), asset, "asset"));
  EffectiveOptions o = options;
  o.min_share_percent = 0;
  EMBARGO_ASSIGN_OR_RETURN(EffectiveOwnership all,
                           EffectiveOwnershipOf(graph, owner, o));
  const Holding* h = all.Find(asset);
  if (h != nullptr) return *h;
  Holding none;
  none.node = asset;
  return none;
}

}  // namespace embargo
