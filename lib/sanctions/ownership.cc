// Blocking through ownership: the OFAC 50 % rule and the EU/UK
// ownership-or-control rule, as a worklist fixed point.
//
// Algorithm. Seeds are the targets of the regime's sanctions in force.
// Each node popped from the worklist scans its own adjacency row once and,
// for each outgoing qualifying ownership edge to a node not yet blocked,
// adds the share to that node's running sum; a node whose sum reaches the
// threshold (or, under the EU rule, that a blocked node controls) is
// blocked and pushed. Every node is pushed at most once and every edge
// leaving a blocked node is examined once, so a run costs O(seeds + the
// rows of the blocked nodes): linear in the edges it touches. The rule is
// monotone (more blocked owners never unblock anything), so the fixed
// point does not depend on the order. This is the same computation as the
// workload's q3 (workload/SPEC.md) when dates are ignored.
//
// Dates. With a known as-of date the fixed point is computed twice: over
// the sanctions and relations certainly in force (kCertain) and over those
// possibly in force. The first set is contained in the second; nodes only
// in the second are kPossible. The possible test reads only the hot
// edge_days; the certain test needs the exact ends of a relation's period,
// so the relation record is decoded lazily, once per edge touched.
//
// Data structures. Only the nodes a run touches (the blocked ones and the
// assets they hold stakes in) get a state, kept in a hash map; which nodes
// are blocked is also a bitset of num_nodes bits. So a run costs nothing
// per node of the graph beyond that bitset (1/64 word per node, cleared
// once), which matters on graphs of millions of nodes where only thousands
// are blocked. The worklist is a vector read front to back, which also
// records the order in which nodes were blocked, the basis of the
// explanations; the answer lists nodes by id, read off the bitset.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/sanctions/common.h"

namespace embargo {
namespace {

using internal::AsOf;
using internal::GraphData;

constexpr double kEpsilon = 1e-9;

// What a run knows of a node it touched.
struct NodeState {
  double sum = 0;          // Shares held by blocked owners (see Solve).
  double known_sum = 0;    // The same, stakes of unknown size counting 0.
  uint32_t rank = 0;       // Position in the worklist, when blocked.
  bool seed = false;       // Sanctioned itself.
  bool controlled = false; // Controlled by a blocked node (EU).
  // The owner whose row is being scanned and the largest of its stakes
  // counted so far (with and without unknown sizes).
  uint32_t last_owner = UINT32_MAX;
  double last_share = 0, last_known = 0;
};

// One fixed point: which nodes are blocked and in which order.
struct Run {
  std::vector<uint64_t> blocked;  // Bit per node.
  absl::flat_hash_map<uint32_t, NodeState> state;
  std::vector<uint32_t> order;  // The worklist: nodes in the order blocked.
  uint64_t examined = 0;
  // Whether a blocked owner held a stake of unknown size: it blocks
  // nothing on the certain reading and up to all of the asset on the
  // possible one.
  bool unknown_shares = false;

  bool Blocked(uint32_t v) const { return (blocked[v >> 6] >> (v & 63)) & 1; }
  const NodeState& State(uint32_t v) const {
    static const NodeState kNone;
    auto it = state.find(v);
    return it == state.end() ? kNone : it->second;
  }
};

class Solver {
 public:
  Solver(const Graph& graph, const OwnershipOptions& options, AsOf when)
      : d_(graph.data()), options_(options), when_(when) {}

  bool Reached(double sum) const {
    return options_.rule == OwnershipRule::kOfac50
               ? sum >= options_.threshold - kEpsilon
               : sum > options_.threshold + kEpsilon;
  }

  bool Propagates(EdgeKind kind) const {
    return kind == EdgeKind::kOwnership ||
           (kind == EdgeKind::kControl &&
            options_.rule == OwnershipRule::kEuControl);
  }

  // EdgeCertainty is the date rule applied to a relation edge.
  std::optional<Certainty> EdgeCertainty(uint32_t e) {
    if (when_.ignore) return Certainty::kCertain;
    const DayRange& days = d_.edge_days[e];
    if (!days.Overlaps(when_.days)) return std::nullopt;
    if (days.lo == kMinDay && days.hi == kMaxDay) return Certainty::kCertain;
    auto it = cache_.find(e);
    if (it != cache_.end()) return it->second;
    v1::Record r = d_.DecodeRecord(d_.edge_record[e]);
    std::optional<Certainty> c =
        internal::Judge(internal::PeriodSpans(r.relation().period()), when_);
    cache_.emplace(e, c);
    return c;
  }

  bool EdgeOk(uint32_t e, bool certain_mode) {
    if (!certain_mode) {
      return when_.ignore || d_.edge_days[e].Overlaps(when_.days);
    }
    std::optional<Certainty> c = EdgeCertainty(e);
    return c && *c == Certainty::kCertain;
  }

  void Solve(const std::vector<uint32_t>& seeds, bool certain_mode, Run& run) {
    run.blocked.assign(d_.num_nodes() / 64 + 1, 0);
    run.state.clear();
    run.state.reserve(2 * seeds.size());
    run.order.clear();
    auto block = [&](uint32_t v, NodeState& st) {
      run.blocked[v >> 6] |= uint64_t{1} << (v & 63);
      st.rank = static_cast<uint32_t>(run.order.size());
      run.order.push_back(v);
    };
    for (uint32_t s : seeds) {
      if (run.Blocked(s)) continue;
      NodeState& st = run.state[s];
      st.seed = true;
      block(s, st);
    }
    const v1::Status min_status = options_.min_relation_status;
    for (size_t qi = 0; qi < run.order.size(); ++qi) {
      // The worklist's rows are random accesses: fetch the next ones early.
      if (qi + 8 < run.order.size()) {
        __builtin_prefetch(&d_.row_start[run.order[qi + 8]]);
      }
      if (qi + 4 < run.order.size()) {
        const uint32_t ahead = d_.RowBegin(run.order[qi + 4]);
        __builtin_prefetch(&d_.row_entry[ahead]);
        __builtin_prefetch(&d_.row_other[ahead]);
      }
      const uint32_t u = run.order[qi];
      for (uint32_t i = d_.RowBegin(u), end = d_.RowEnd(u); i < end; ++i) {
        const AdjacencyEntry& a = d_.row_entry[i];
        if (!a.along || !Propagates(a.kind)) continue;
        ++run.examined;
        const uint32_t v = d_.row_other[i];
        if (a.status < min_status) continue;
        if (!EdgeOk(a.edge, certain_mode)) continue;
        // Sums and control marks keep growing after a node is blocked, so
        // that they are exact for every blocked node at the end.
        NodeState* st;
        if (a.kind == EdgeKind::kOwnership) {
          const double known = d_.edge_share[a.edge] > 0 ? d_.edge_share[a.edge] : 0;
          double share = known;
          if (known == 0) {
            // A stake of unknown size: none on the certain reading, the
            // whole asset on the possible one (never "not blocked").
            run.unknown_shares = true;
            if (certain_mode) continue;
            share = 100;
          }
          st = &run.state[v];
          // One owner's several records of a stake in one asset (a
          // register's successive holdings, lists repeating a stake) count
          // once, with the largest share: u's row is scanned in one go, so
          // they come one after another here.
          if (st->last_owner != u) {
            st->last_owner = u;
            st->last_share = st->last_known = 0;
          }
          if (share > st->last_share) {
            st->sum += share - st->last_share;
            st->last_share = share;
          }
          if (known > st->last_known) {
            st->known_sum += known - st->last_known;
            st->last_known = known;
          }
          if (run.Blocked(v) || !Reached(st->sum)) continue;
        } else {
          st = &run.state[v];
          st->controlled = true;
          if (run.Blocked(v)) continue;
        }
        block(v, *st);
      }
    }
  }

  // Explain fills the stakes of `v` from run `run`, with the sums Solve
  // made: each owner's largest stake counts, a stake of unknown size
  // (share_percent 0) only on the possible reading.
  void Explain(uint32_t v, const Run& run, bool certain_mode,
               BlockedEntity& out) {
    bool controlled = false;
    for (uint32_t i = d_.RowBegin(v), end = d_.RowEnd(v); i < end; ++i) {
      const AdjacencyEntry& a = d_.row_entry[i];
      if (a.along || !Propagates(a.kind)) continue;
      const uint32_t u = d_.row_other[i];
      if (!run.Blocked(u) || a.status < options_.min_relation_status) continue;
      if (!EdgeOk(a.edge, certain_mode)) continue;
      Stake s;
      s.owner = NodeId(u);
      s.edge = EdgeId(a.edge);
      s.kind = a.kind;
      s.share_percent = a.kind == EdgeKind::kOwnership &&
                                d_.edge_share[a.edge] > 0
                            ? d_.edge_share[a.edge]
                            : 0;
      if (a.kind == EdgeKind::kOwnership && s.share_percent == 0 &&
          certain_mode) {
        continue;
      }
      std::optional<Certainty> c = EdgeCertainty(a.edge);
      s.certainty = c.value_or(Certainty::kPossible);
      s.explaining =
          !run.State(v).seed && run.State(u).rank < run.State(v).rank;
      controlled |= a.kind == EdgeKind::kControl;
      out.stakes.push_back(s);
    }
    // Of one owner's stakes, the largest counts (unknown size as all of the
    // asset) and explains; the others are listed, not added.
    const auto effective = [](const Stake& s) {
      return s.share_percent > 0 ? s.share_percent : 100.0;
    };
    double share = 0, known = 0;
    for (size_t i = 0; i < out.stakes.size(); ++i) {
      Stake& s = out.stakes[i];
      if (s.kind != EdgeKind::kOwnership) continue;
      bool largest = true;
      double largest_known = s.share_percent;
      for (size_t j = 0; j < out.stakes.size(); ++j) {
        const Stake& t = out.stakes[j];
        if (j == i || t.owner != s.owner || t.kind != EdgeKind::kOwnership) continue;
        largest &= effective(t) < effective(s) ||
                   (effective(t) == effective(s) && i < j);
        largest_known = std::max(largest_known, t.share_percent);
      }
      if (!largest) {
        s.explaining = false;
        continue;
      }
      share += effective(s);
      known += largest_known;
    }
    out.blocked_share = known;
    out.blocked_by_ownership = Reached(share) || controlled;
    std::sort(out.stakes.begin(), out.stakes.end(),
              [](const Stake& a, const Stake& b) {
                if (a.explaining != b.explaining) return a.explaining;
                if (a.share_percent != b.share_percent) {
                  return a.share_percent > b.share_percent;
                }
                return a.edge < b.edge;
              });
  }

 private:
  const GraphData& d_;
  const OwnershipOptions& options_;
  AsOf when_;
  absl::flat_hash_map<uint32_t, std::optional<Certainty>> cache_;
};

}  // namespace

absl::string_view RuleAuthority(OwnershipRule rule) {
  return rule == OwnershipRule::kEuControl ? "EU" : "OFAC";
}

absl::StatusOr<BlockedSet> BlockedByOwnership(const Graph& graph,
                                              const OwnershipOptions& options) {
  if (!std::isfinite(options.threshold) || options.threshold <= 0 ||
      options.threshold > 100) {
    return absl::InvalidArgumentError(absl::StrCat(
        "ownership threshold ", options.threshold, " is outside (0, 100]"));
  }
  const GraphData& d = graph.data();
  // Each rule reads its own authority's list unless told otherwise; an
  // authority whose list is not loaded seeds nothing (and is reported).
  Regime seeds = options.regime;
  std::vector<std::string> not_loaded;
  if (seeds.authority_ids.empty() && !options.any_authority) {
    seeds.authority_ids = {std::string(RuleAuthority(options.rule))};
  }
  const std::vector<std::string> authorities = seeds.authority_ids;
  if (!options.any_authority && options.regime.authority_ids.empty() &&
      !graph.FindNode(seeds.authority_ids[0])) {
    not_loaded = seeds.authority_ids;
  }
  internal::ResolvedRegime regime;
  if (not_loaded.empty()) {
    EMBARGO_ASSIGN_OR_RETURN(regime, internal::ResolveRegime(graph, seeds));
  }
  const AsOf when = AsOf::From(options.as_of);

  // Seeds: targets of sanctions in force, with their best certainty.
  std::vector<internal::SanctionHit> sanctions =
      not_loaded.empty() ? internal::CollectSanctionHits(d, regime, when)
                         : std::vector<internal::SanctionHit>{};
  // The rule's own list is loaded only if it holds an asset freeze on some
  // date: OFAC's consolidated (non-SDN) list alone names the authority but
  // freezes nothing, and its "not blocked" would be unknown.
  if (sanctions.empty() && not_loaded.empty() && !options.any_authority &&
      options.regime.authority_ids.empty() &&
      internal::CollectSanctionHits(d, regime, AsOf::From(PartialDate())).empty()) {
    not_loaded = seeds.authority_ids;
  }
  std::vector<uint32_t> seeds_possible, seeds_certain;
  for (const internal::SanctionHit& h : sanctions) {
    seeds_possible.push_back(h.target);
    if (h.certainty == Certainty::kCertain) seeds_certain.push_back(h.target);
  }

  Solver solver(graph, options, when);
  Run certain_run, possible_run;
  solver.Solve(seeds_certain, /*certain_mode=*/true, certain_run);
  const Run* possible = &certain_run;
  // Without dates the two readings differ only where a blocked owner holds
  // a stake of unknown size.
  if (!when.ignore || certain_run.unknown_shares) {
    solver.Solve(seeds_possible, /*certain_mode=*/false, possible_run);
    possible = &possible_run;
  }

  BlockedSet out;
  if (!options.any_authority) out.authorities = authorities;
  out.authorities_not_loaded = std::move(not_loaded);
  out.edges_examined = certain_run.examined + possible_run.examined;
  out.entities.reserve(possible->order.size());
  // Blocked nodes by id: the set bits of the possible run, word by word.
  for (size_t w = 0; w < possible->blocked.size(); ++w) {
    for (uint64_t bits = possible->blocked[w]; bits != 0; bits &= bits - 1) {
      const auto v = static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
      const bool certain = certain_run.Blocked(v);
      const Run& run = certain ? certain_run : *possible;
      const NodeState& st = run.State(v);
      BlockedEntity b;
      b.node = NodeId(v);
      // Every seed of the possible reading is a seed there.
      b.directly_sanctioned = possible->State(v).seed;
      b.certainty = certain ? Certainty::kCertain : Certainty::kPossible;
      b.order = st.rank;
      if (options.explain) {
        solver.Explain(v, run, certain, b);
      } else {
        b.blocked_share = st.known_sum;
        b.blocked_by_ownership = solver.Reached(st.sum) || st.controlled;
      }
      out.num_direct += b.directly_sanctioned;
      out.num_derived += !b.directly_sanctioned;
      out.num_possible += !certain;
      out.entities.push_back(std::move(b));
    }
  }
  if (options.explain) {
    for (const internal::SanctionHit& h : sanctions) {
      auto it = std::lower_bound(
          out.entities.begin(), out.entities.end(), NodeId(h.target),
          [](const BlockedEntity& b, NodeId n) { return b.node < n; });
      it->sanctions.push_back(
          internal::MakeInForce(graph, h.edge, h.certainty));
    }
  }
  return out;
}

namespace {

void AppendChain(const Graph& graph, const BlockedSet& blocked, NodeId node,
                 int indent, absl::flat_hash_set<uint32_t>& shown,
                 std::string& out) {
  const BlockedEntity* b = blocked.Find(node);
  if (b == nullptr) return;
  const std::string pad(indent, ' ');
  absl::StrAppend(&out, pad, graph.node_id(node), " \"", graph.node_name(node),
                  "\" blocked (", CertaintyName(b->certainty), ")");
  if (!shown.insert(node.value()).second) {
    absl::StrAppend(&out, ", see above\n");
    return;
  }
  if (b->directly_sanctioned) absl::StrAppend(&out, ", sanctioned");
  if (b->blocked_by_ownership) {
    int unknown = 0;
    for (const Stake& s : b->stakes) {
      unknown += s.explaining && s.kind == EdgeKind::kOwnership &&
                 s.share_percent == 0;
    }
    if (unknown == 0 || b->blocked_share > 0) {
      absl::StrAppend(&out, absl::StrFormat(", %g%% held by blocked owners",
                                            b->blocked_share));
      if (unknown > 0) {
        absl::StrAppend(&out, " and ", unknown, " stake(s) of unknown size");
      }
    } else {
      absl::StrAppend(&out, ", ", unknown,
                      " stake(s) of unknown size held by blocked owners");
    }
  }
  absl::StrAppend(&out, "\n");
  for (const InForce& s : b->sanctions) {
    absl::StrAppend(&out, pad, "  sanction ", s.sanction_id, " (",
                    s.authority_id, ", ", s.program, ") listed ",
                    ListedText(s));
    if (s.delisted.known()) {
      absl::StrAppend(&out, ", delisted ", s.delisted.ToString());
    }
    absl::StrAppend(&out, " [", CertaintyName(s.certainty), "]\n");
  }
  for (const Stake& s : b->stakes) {
    if (!s.explaining) continue;
    if (s.kind == EdgeKind::kControl) {
      absl::StrAppend(&out, pad, "  controlled by ");
    } else if (s.share_percent == 0) {
      absl::StrAppend(&out, pad, "  owned (share unknown) by ");
    } else {
      absl::StrAppend(&out, pad,
                      absl::StrFormat("  %g%% owned by ", s.share_percent));
    }
    absl::StrAppend(&out, graph.node_id(s.owner), " [",
                    graph.EdgeRecordId(s.edge), ", ",
                    CertaintyName(s.certainty), "]\n");
    AppendChain(graph, blocked, s.owner, indent + 4, shown, out);
  }
}

}  // namespace

std::string FormatBlockChain(const Graph& graph, const BlockedSet& blocked,
                             NodeId node) {
  std::string out;
  absl::flat_hash_set<uint32_t> shown;
  AppendChain(graph, blocked, node, 0, shown, out);
  return out;
}

}  // namespace embargo
