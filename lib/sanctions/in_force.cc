// Sanctions in force on a date, and the set of nodes a regime covers.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"
#include "lib/sanctions/common.h"

namespace embargo {

absl::string_view CertaintyName(Certainty certainty) {
  return certainty == Certainty::kCertain ? "certain" : "possible";
}

absl::string_view BreachRoleName(BreachRole role) {
  switch (role) {
    case BreachRole::kSupplier:
      return "supplier";
    case BreachRole::kRecipient:
      return "recipient";
    case BreachRole::kIntermediary:
      return "intermediary";
  }
  return "unknown";
}

PartialDate Today() {
  const absl::CivilDay day = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone());
  absl::StatusOr<PartialDate> d = PartialDate::Create(
      static_cast<int>(day.year()), day.month(), day.day());
  return d.ok() ? *d : PartialDate();
}

std::optional<Certainty> SanctionCertainty(const v1::Sanction& sanction,
                                           PartialDate as_of) {
  return internal::Judge(internal::SanctionSpans(sanction),
                         internal::AsOf::From(as_of));
}

std::optional<Certainty> RelationCertainty(const v1::Period& period,
                                           PartialDate as_of) {
  return internal::Judge(internal::PeriodSpans(period),
                         internal::AsOf::From(as_of));
}

std::vector<NodeId> NodeSet::Nodes() const {
  std::vector<NodeId> out;
  out.reserve(size_);
  for (size_t w = 0; w < bits_.size(); ++w) {
    uint64_t word = bits_[w];
    while (word != 0) {
      const int b = __builtin_ctzll(word);
      out.push_back(NodeId(static_cast<uint32_t>(w * 64 + b)));
      word &= word - 1;
    }
  }
  return out;
}

absl::StatusOr<std::vector<InForce>> SanctionsInForce(const Graph& graph,
                                                      NodeId actor,
                                                      PartialDate as_of,
                                                      const Regime& regime) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, actor, "actor"));
  EMBARGO_ASSIGN_OR_RETURN(internal::ResolvedRegime r,
                           internal::ResolveRegime(graph, regime));
  std::vector<InForce> out;
  for (auto& [row, certainty] :
       internal::CollectSanctions(d, r, internal::AsOf::From(as_of), actor)) {
    out.push_back(internal::MakeInForce(graph, row.edge, certainty));
  }
  return out;
}

absl::StatusOr<NodeSet> SanctionedNodes(const Graph& graph,
                                        const Regime& regime, PartialDate as_of,
                                        Certainty at_least) {
  const internal::GraphData& d = graph.data();
  EMBARGO_ASSIGN_OR_RETURN(internal::ResolvedRegime r,
                           internal::ResolveRegime(graph, regime));
  const internal::AsOf when = internal::AsOf::From(as_of);
  NodeSet set(d.num_nodes());
  internal::ForEachSanctionEdge(d, r, when, NodeId(), [&](uint32_t e) {
    const uint32_t target = d.edge_to[e];
    if (set.Contains(NodeId(target))) return;
    // Without programme or measure filters, and with dates ignored or only
    // possible certainty asked for, the hot data decides.
    if (!r.NeedsRecord() && (when.ignore || at_least == Certainty::kPossible)) {
      set.Add(NodeId(target));
      return;
    }
    const internal::SanctionFacts f = internal::ReadSanctionFacts(d, e);
    if (!r.RecordOk(f)) return;
    std::optional<Certainty> c = internal::Judge(internal::SanctionSpans(f), when);
    if (c && *c <= at_least) set.Add(NodeId(target));
  });
  return set;
}

std::vector<std::string> SanctioningAuthorities(const Graph& graph,
                                                const Regime& regime) {
  const internal::GraphData& d = graph.data();
  std::vector<uint32_t> starts;
  starts.reserve(d.sanction_edges.size());
  for (uint32_t e : d.sanction_edges) starts.push_back(d.edge_from[e]);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<std::string> out;
  out.reserve(starts.size());
  for (uint32_t n : starts) {
    const std::string& id = d.node_id[n];
    if (regime.authority_ids.empty() ||
        std::find(regime.authority_ids.begin(), regime.authority_ids.end(),
                  id) != regime.authority_ids.end()) {
      out.push_back(id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const BlockedEntity* BlockedSet::Find(NodeId node) const {
  auto it = std::lower_bound(
      entities.begin(), entities.end(), node,
      [](const BlockedEntity& b, NodeId n) { return b.node < n; });
  return it != entities.end() && it->node == node ? &*it : nullptr;
}

const Holding* EffectiveOwnership::Find(NodeId node) const {
  for (const Holding& h : holdings) {
    if (h.node == node) return &h;
  }
  return nullptr;
}

}  // namespace embargo
