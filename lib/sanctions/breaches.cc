// Arms embargo breaches: transfers whose supplier, recipient or an
// intermediary was under an arms embargo covering the direction and the
// item on the transfer's date.
//
// Method: the arms-embargo sanctions of the regime are decoded once and
// grouped by target; then every transfer edge (one kTransfer edge per
// Transfer record) is checked at its parties. The intermediaries of a
// transfer are the inner nodes of its kTransferVia legs, which the graph
// builder stores right after the transfer's own edge with the same record;
// they are read from there instead of decoding the record. Records are
// decoded only for breaches found (ids and evidence), each sanction once.
// A breach needs another party the embargo binds (EmbargoBinds): the EU's
// member states are a table of accession dates below. Linear in the edges.

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "embargo/kinds.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/sanctions/common.h"

namespace embargo {
namespace {

using internal::GraphData;

struct EmbargoRow {
  internal::SanctionRow row;
  bool exports = false;
  bool imports = false;
  uint64_t items = 0;  // Bit per ItemCategory; 0 = all.
  std::optional<v1::Sanction> record;  // Decoded once a breach cites it.
};

// ItemCertainty: does the embargo cover the item?
std::optional<Certainty> ItemCovered(const EmbargoRow& s, v1::ItemCategory item) {
  if (s.items == 0) return Certainty::kCertain;
  if ((s.items >> static_cast<unsigned>(item)) & 1) return Certainty::kCertain;
  // Arms of unstated kind may be of a covered kind.
  if (item == v1::ITEM_ARMS_GENERAL || item == v1::ITEM_UNSPECIFIED) {
    return Certainty::kPossible;
  }
  return std::nullopt;
}

// The EU's member states and the first day of their membership, from the
// treaties of accession (in force on these days); the United Kingdom's
// last day is after the table.
struct Member {
  const char* country;
  const char* from;
};
constexpr Member kEuMembers[] = {
    {"BEL", "1958-01-01"}, {"DEU", "1958-01-01"}, {"FRA", "1958-01-01"},
    {"ITA", "1958-01-01"}, {"LUX", "1958-01-01"}, {"NLD", "1958-01-01"},
    {"DNK", "1973-01-01"}, {"IRL", "1973-01-01"}, {"GBR", "1973-01-01"},
    {"GRC", "1981-01-01"}, {"ESP", "1986-01-01"}, {"PRT", "1986-01-01"},
    {"AUT", "1995-01-01"}, {"FIN", "1995-01-01"}, {"SWE", "1995-01-01"},
    {"CYP", "2004-05-01"}, {"CZE", "2004-05-01"}, {"EST", "2004-05-01"},
    {"HUN", "2004-05-01"}, {"LVA", "2004-05-01"}, {"LTU", "2004-05-01"},
    {"MLT", "2004-05-01"}, {"POL", "2004-05-01"}, {"SVK", "2004-05-01"},
    {"SVN", "2004-05-01"}, {"BGR", "2007-01-01"}, {"ROU", "2007-01-01"},
    {"HRV", "2013-07-01"}};
// The United Kingdom left on 2020-01-31; Union law, its common foreign and
// security policy included, applied to it until the end of the transition
// period (Withdrawal Agreement, Articles 126-127).
constexpr char kUkLastDay[] = "2020-12-31";

// EuMembership: each member state's days of membership, read once (the
// breach scan asks for them per transfer party).
const absl::flat_hash_map<std::string, DayRange>& EuMembership() {
  static const auto* const kDays = [] {
    auto* days = new absl::flat_hash_map<std::string, DayRange>();
    for (const Member& m : kEuMembers) {
      (*days)[m.country] = DayRange{PartialDate::Parse(m.from)->EarliestDay(), kMaxDay};
    }
    (*days)["GBR"].hi = PartialDate::Parse(kUkLastDay)->LatestDay();
    return days;
  }();
  return *kDays;
}

// BoundOn: was a party bound by the embargo on the transfer's `days`,
// given the spans on which the embargo binds its country (EmbargoBinds)?
// Certain when on all of them, possible when on some, nullopt on none.
std::optional<Certainty> BoundOn(const std::vector<DayRange>& spans, DayRange days,
                                 bool ignore_dates) {
  std::optional<Certainty> best;
  for (const DayRange& span : spans) {
    if (ignore_dates || days.Within(span)) return Certainty::kCertain;
    if (days.Overlaps(span)) best = Certainty::kPossible;
  }
  return best;
}

}  // namespace

std::vector<DayRange> EmbargoBinds(absl::string_view authority_id,
                                   absl::string_view authority_country,
                                   absl::string_view country) {
  if (country.empty()) return {};
  if (authority_id == "UNSC") return {DayRange{}};
  if (authority_id == "EU") {
    auto it = EuMembership().find(country);
    if (it == EuMembership().end()) return {};
    return {it->second};
  }
  if (!authority_country.empty() && country == authority_country) return {DayRange{}};
  return {};
}

absl::StatusOr<std::vector<Breach>> FindEmbargoBreaches(
    const Graph& graph, const BreachOptions& options) {
  const GraphData& d = graph.data();
  Regime regime = options.regime;
  regime.measures = {v1::MEASURE_ARMS_EMBARGO_EXPORTS,
                     v1::MEASURE_ARMS_EMBARGO_IMPORTS};
  EMBARGO_ASSIGN_OR_RETURN(internal::ResolvedRegime r,
                           internal::ResolveRegime(graph, regime));
  const internal::AsOf ignore;  // Default: ignore dates while collecting.

  std::vector<EmbargoRow> rows;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> by_target;
  for (auto& [row, certainty] : internal::CollectSanctions(d, r, ignore)) {
    EmbargoRow e;
    e.exports = (row.facts.measures >> v1::MEASURE_ARMS_EMBARGO_EXPORTS) & 1;
    e.imports = (row.facts.measures >> v1::MEASURE_ARMS_EMBARGO_IMPORTS) & 1;
    e.items = row.facts.items;
    e.row = std::move(row);
    by_target[e.row.target].push_back(static_cast<uint32_t>(rows.size()));
    rows.push_back(std::move(e));
  }
  std::vector<Breach> out;
  if (rows.empty()) return out;

  std::vector<std::pair<uint32_t, BreachRole>> parties;
  std::vector<std::pair<uint32_t, bool>> candidates;  // Row, through the state.
  for (uint32_t t = 0; t < d.num_edges(); ++t) {
    if (d.edge_kind[t] != EdgeKind::kTransfer) continue;
    if (d.edge_status[t] < options.min_transfer_status) continue;
    parties.clear();
    parties.push_back({d.edge_from[t], BreachRole::kSupplier});
    parties.push_back({d.edge_to[t], BreachRole::kRecipient});
    // Legs supplier -> i1 -> ... -> ik -> recipient follow the edge.
    for (uint32_t leg = t + 1;
         leg < d.num_edges() && d.edge_kind[leg] == EdgeKind::kTransferVia &&
         d.edge_record[leg] == d.edge_record[t];
         ++leg) {
      const bool last = leg + 1 >= d.num_edges() ||
                        d.edge_kind[leg + 1] != EdgeKind::kTransferVia ||
                        d.edge_record[leg + 1] != d.edge_record[t];
      if (!last) parties.push_back({d.edge_to[leg], BreachRole::kIntermediary});
    }
    const v1::ItemCategory item = d.edge_item[t];
    const DayRange days = d.edge_days[t];
    const internal::AsOf when{options.ignore_dates, days};
    bool decoded = false;
    std::string transfer_id;
    std::vector<v1::Evidence> transfer_evidence;
    for (const auto& [party, role] : parties) {
      // The sanctions on the party itself, then those on the state it is
      // in when it is no state (Breach::party_state).
      candidates.clear();
      if (auto it = by_target.find(party); it != by_target.end()) {
        for (uint32_t idx : it->second) candidates.push_back({idx, false});
      }
      std::optional<NodeId> state_node;
      if (graph.node_kind(NodeId(party)) != NodeKind::kState) {
        const absl::string_view country = graph.node_country(NodeId(party));
        if (!country.empty()) state_node = graph.FindNode(country);
        auto it = state_node ? by_target.find(state_node->value()) : by_target.end();
        if (it != by_target.end()) {
          for (uint32_t idx : it->second) candidates.push_back({idx, true});
        }
      }
      for (const auto& [idx, via_state] : candidates) {
        EmbargoRow& s = rows[idx];
        v1::Measure measure;
        if (role == BreachRole::kSupplier) {
          if (!s.exports) continue;
          measure = v1::MEASURE_ARMS_EMBARGO_EXPORTS;
        } else if (role == BreachRole::kRecipient) {
          if (!s.imports) continue;
          measure = v1::MEASURE_ARMS_EMBARGO_IMPORTS;
        } else {
          measure = s.exports ? v1::MEASURE_ARMS_EMBARGO_EXPORTS
                              : v1::MEASURE_ARMS_EMBARGO_IMPORTS;
        }
        std::optional<Certainty> item_c = ItemCovered(s, item);
        if (!item_c) continue;
        std::optional<Certainty> date_c = internal::Judge(s.row.spans, when);
        if (!date_c) continue;
        // Another party the embargo binds, the most certainly bound first.
        const uint32_t authority = d.edge_from[s.row.edge];
        const absl::string_view authority_id = graph.node_id(NodeId(authority));
        const absl::string_view authority_country = graph.node_country(NodeId(authority));
        std::optional<NodeId> bound;
        std::optional<Certainty> bound_c;
        if (authority_id != "UNSC" && authority_id != "EU" && authority_country.empty()) {
          bound_c = Certainty::kPossible;  // Whom it binds is not on record.
        }
        for (const auto& [other, other_role] : parties) {
          if (other == party || bound_c == Certainty::kCertain) continue;
          const NodeId o(other);
          const absl::string_view country =
              graph.node_kind(o) == NodeKind::kState ? graph.node_id(o) : graph.node_country(o);
          std::optional<Certainty> c =
              country.empty() ? (authority_id == "UNSC" ? std::optional(Certainty::kCertain)
                                                        : std::optional(Certainty::kPossible))
                              : BoundOn(EmbargoBinds(authority_id, authority_country, country),
                                        days, options.ignore_dates);
          if (c && (!bound_c || *c < *bound_c || !bound)) {
            bound = o;
            bound_c = c;
          }
        }
        if (!bound_c) continue;  // No party it binds: no breach of it.
        if (!decoded) {
          transfer_id = graph.EdgeRecordId(EdgeId(t));
          transfer_evidence = graph.Evidence(EdgeId(t));
          decoded = true;
        }
        Breach b;
        b.transfer = EdgeId(t);
        b.transfer_id = transfer_id;
        b.supplier = NodeId(d.edge_from[t]);
        b.recipient = NodeId(d.edge_to[t]);
        b.item = item;
        b.transfer_status = d.edge_status[t];
        b.transfer_days = days;
        b.party = NodeId(party);
        b.role = role;
        b.measure = measure;
        b.date_certainty = *date_c;
        b.item_certainty = *item_c;
        b.bound = bound;
        b.bound_certainty = *bound_c;
        if (via_state) {
          b.party_state = state_node;
          b.party_certainty = Certainty::kPossible;
        }
        b.certainty = std::max({*date_c, *item_c, *bound_c, b.party_certainty});
        if (!s.record) s.record = internal::DecodeSanction(d, s.row.edge);
        b.sanction = internal::MakeInForce(graph, s.row.edge, *s.record, *date_c);
        b.transfer_evidence = transfer_evidence;
        b.sanction_evidence.assign(s.record->evidence().begin(),
                                   s.record->evidence().end());
        out.push_back(std::move(b));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Breach& a, const Breach& b) {
    return std::make_tuple(a.transfer, a.role, a.party, a.sanction.edge) <
           std::make_tuple(b.transfer, b.role, b.party, b.sanction.edge);
  });
  return out;
}

}  // namespace embargo
