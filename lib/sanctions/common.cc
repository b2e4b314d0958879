// The date rule, regime resolution and sanction decoding shared by the
// sanctions algorithms (see common.h).

#include "lib/sanctions/common.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace embargo::internal {
namespace {

// Partial dates of records were validated when the graph was built; an
// invalid one (not possible after validation) counts as unknown.
PartialDate Date(const v1::Date& d) {
  absl::StatusOr<PartialDate> p = PartialDate::FromProto(d);
  return p.ok() ? *p : PartialDate();
}

}  // namespace

FactSpans SanctionSpans(const v1::Sanction& s) {
  const PartialDate listed = Date(s.listed());
  const PartialDate delisted = Date(s.delisted());
  FactSpans f;
  if (listed.known()) {
    f.possible.lo = listed.EarliestDay();
    f.certain.lo = listed.LatestDay();
  }
  if (delisted.known()) {
    f.possible.hi = delisted.LatestDay();
    f.certain.hi = delisted.EarliestDay() - 1;
  }
  return f;
}

FactSpans PeriodSpans(const v1::Period& p) {
  const PartialDate start = Date(p.start());
  const PartialDate end = Date(p.end());
  FactSpans f;
  if (start.known()) {
    f.possible.lo = start.EarliestDay();
    f.certain.lo = start.LatestDay();
  }
  if (end.known()) {
    f.possible.hi = end.LatestDay();
    f.certain.hi = end.EarliestDay();
  }
  return f;
}

std::optional<Certainty> Judge(const FactSpans& spans, const AsOf& as_of) {
  if (as_of.ignore) return Certainty::kCertain;
  if (!as_of.days.Overlaps(spans.possible)) return std::nullopt;
  return as_of.days.Within(spans.certain) ? Certainty::kCertain
                                          : Certainty::kPossible;
}

bool ResolvedRegime::AuthorityOk(uint32_t node) const {
  return authorities.empty() ||
         std::binary_search(authorities.begin(), authorities.end(), node);
}

bool ResolvedRegime::RecordOk(const v1::Sanction& s) const {
  if (!programs.empty() &&
      std::none_of(programs.begin(), programs.end(),
                   [&](const std::string& p) {
                     return absl::EqualsIgnoreCase(p, s.program());
                   })) {
    return false;
  }
  if (!measures.empty() &&
      std::none_of(s.measures().begin(), s.measures().end(), [&](int m) {
        return m >= 0 && m < 64 &&
               measures.Contains(static_cast<v1::Measure>(m));
      })) {
    return false;
  }
  return StatusOk(s.status());
}

absl::StatusOr<ResolvedRegime> ResolveRegime(const Graph& graph,
                                             const Regime& regime) {
  ResolvedRegime r;
  for (const std::string& id : regime.authority_ids) {
    std::optional<NodeId> n = graph.FindNode(id);
    if (!n) {
      return absl::NotFoundError(
          absl::StrCat("regime authority \"", id, "\" is not a node of the graph"));
    }
    r.authorities.push_back(n->value());
  }
  std::sort(r.authorities.begin(), r.authorities.end());
  r.programs = regime.programs;
  r.measures = regime.measures;
  r.min_status = regime.min_status;
  return r;
}

v1::Sanction DecodeSanction(const GraphData& d, uint32_t edge) {
  v1::Record r = d.DecodeRecord(d.edge_record[edge]);
  return std::move(*r.mutable_sanction());
}

InForce MakeInForce(const Graph& graph, uint32_t edge,
                    const v1::Sanction& record, Certainty certainty) {
  const GraphData& d = graph.data();
  InForce f;
  f.edge = EdgeId(edge);
  f.sanction_id = record.id();
  f.authority = NodeId(d.edge_from[edge]);
  f.authority_id = record.authority_id();
  f.program = record.program();
  for (int m : record.measures()) f.measures.push_back(static_cast<v1::Measure>(m));
  for (int i : record.embargo_items()) {
    f.embargo_items.push_back(static_cast<v1::ItemCategory>(i));
  }
  f.legal_basis.assign(record.legal_basis().begin(), record.legal_basis().end());
  f.listed = Date(record.listed());
  f.delisted = Date(record.delisted());
  f.status = record.status();
  f.certainty = certainty;
  return f;
}

std::vector<std::pair<SanctionRow, Certainty>> CollectSanctions(
    const GraphData& d, const ResolvedRegime& regime, const AsOf& as_of,
    NodeId target) {
  std::vector<std::pair<SanctionRow, Certainty>> out;
  ForEachSanctionEdge(d, regime, as_of, target, [&](uint32_t e) {
    SanctionRow row{e, d.edge_to[e], DecodeSanction(d, e), {}};
    if (!regime.RecordOk(row.record)) return;
    row.spans = SanctionSpans(row.record);
    std::optional<Certainty> c = Judge(row.spans, as_of);
    if (!c) return;
    out.emplace_back(std::move(row), *c);
  });
  return out;
}

}  // namespace embargo::internal
