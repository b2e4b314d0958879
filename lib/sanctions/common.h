// Shared machinery of the sanctions algorithms: the date rule, regimes
// resolved against a graph, and a decoded table of the sanction edges.
//
// Sanction programmes, measures and exact dates live in the cold records,
// not in the graph's hot arrays, so every entry point that needs them reads
// the sanction edges it may use once, into a SanctionRow. Only the few
// fields the rules look at (SanctionFacts) are read, straight from the
// serialized record without building a message (a full decode costs more
// than the whole 50 % fixed point on the workload's size M); full records
// are decoded only for the sanctions an answer reports.

#ifndef EMBARGO_SANCTIONS_COMMON_H_
#define EMBARGO_SANCTIONS_COMMON_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/sanctions.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// AsOf is an as-of date as a span of days; `ignore` when the date is
// unknown (every fact counts, certainly).
struct AsOf {
  bool ignore = true;
  DayRange days;

  static AsOf From(PartialDate date) {
    AsOf a;
    a.ignore = !date.known();
    if (!a.ignore) a.days = date.Days();
    return a;
  }
};

// Spans of a fact whose ends are partial dates.
struct FactSpans {
  DayRange possible;
  DayRange certain;
};

// SanctionSpans: possible [listed.lo, delisted.hi], certain [listed.hi,
// delisted.lo - 1] (sanctions.h, "The date rule"). With `listed` unknown the
// possible span is open at the start and the certain one starts on the
// last day of listed_no_later_than, or never when that is unknown too: an
// unknown listing date makes the sanction possibly in force, never "not in
// force".
FactSpans SanctionSpans(const v1::Sanction& s);
// PeriodSpans: possible [start.lo, end.hi], certain [start.hi, end.lo].
FactSpans PeriodSpans(const v1::Period& p);

// Judge applies the DayRange rule: nullopt when `as_of` does not overlap
// the possible span, kCertain when it lies within the certain span.
std::optional<Certainty> Judge(const FactSpans& spans, const AsOf& as_of);

// SanctionFacts are the fields of a Sanction record the rules look at.
struct SanctionFacts {
  std::string program;
  uint64_t measures = 0;  // Bit per v1::Measure.
  uint64_t items = 0;     // Bit per v1::ItemCategory (embargo_items).
  PartialDate listed;
  PartialDate listed_by;  // listed_no_later_than, when `listed` is unknown.
  PartialDate delisted;
  v1::Status status = v1::STATUS_UNSPECIFIED;
};

// ReadSanctionFacts reads the facts of a sanction edge's record.
SanctionFacts ReadSanctionFacts(const GraphData& d, uint32_t edge);
// ParseSanctionFacts reads the facts from a serialized v1::Record holding
// a Sanction, without building messages. False when the bytes are not
// such a record (ReadSanctionFacts then decodes the record instead).
bool ParseSanctionFacts(absl::string_view bytes, SanctionFacts& f);
// FactsOf takes the facts from a decoded record.
SanctionFacts FactsOf(const v1::Sanction& s);
// SanctionSpans of the facts.
FactSpans SanctionSpans(const SanctionFacts& f);

// ResolvedRegime is a Regime with its authority ids turned into nodes.
struct ResolvedRegime {
  std::vector<uint32_t> authorities;  // Sorted; empty = any.
  std::vector<std::string> programs;  // Empty = any.
  MeasureSet measures;                // Empty = any.
  v1::Status min_status = v1::STATUS_ALLEGED;

  // Quick tests on hot data.
  bool AuthorityOk(uint32_t node) const;
  bool StatusOk(v1::Status s) const { return s >= min_status; }
  // Full test on the record's facts (programme, measures, status).
  bool RecordOk(const SanctionFacts& f) const;
  // Whether RecordOk can fail (otherwise records need not be decoded to
  // select sanctions).
  bool NeedsRecord() const { return !programs.empty() || !measures.empty(); }
};

// ResolveRegime looks up the authority ids: NotFound for one that names no
// node.
absl::StatusOr<ResolvedRegime> ResolveRegime(const Graph& graph,
                                             const Regime& regime);

// SanctionRow is one sanction edge with its facts.
struct SanctionRow {
  uint32_t edge;
  uint32_t target;
  SanctionFacts facts;
  FactSpans spans;
};

// MakeInForce decodes a sanction edge's record into an InForce.
InForce MakeInForce(const Graph& graph, uint32_t edge, Certainty certainty);
// MakeInForce fills an InForce from a decoded sanction.
InForce MakeInForce(const Graph& graph, uint32_t edge,
                    const v1::Sanction& record, Certainty certainty);

// ForEachSanctionEdge calls fn(edge) for every sanction edge whose status
// and authority pass the regime and whose possible days overlap `as_of`
// (hot data only), in edge order. With `target` valid, only the sanction
// edges into that node.
template <typename Fn>
void ForEachSanctionEdge(const GraphData& d, const ResolvedRegime& regime,
                         const AsOf& as_of, NodeId target, Fn fn) {
  auto check = [&](uint32_t e) {
    if (d.edge_kind[e] != EdgeKind::kSanction) return;
    if (!regime.StatusOk(d.edge_status[e])) return;
    if (!regime.AuthorityOk(d.edge_from[e])) return;
    if (!as_of.ignore && !d.edge_days[e].Overlaps(as_of.days)) return;
    fn(e);
  };
  if (target.valid()) {
    std::vector<uint32_t> edges;
    for (uint32_t i = d.RowBegin(target.value()); i < d.RowEnd(target.value());
         ++i) {
      const AdjacencyEntry& a = d.row_entry[i];
      if (a.kind == EdgeKind::kSanction && !a.along) edges.push_back(a.edge);
    }
    std::sort(edges.begin(), edges.end());
    for (uint32_t e : edges) check(e);
  } else {
    for (uint32_t e : d.sanction_edges) check(e);
  }
}

// DecodeSanction returns the Sanction record of a sanction edge.
v1::Sanction DecodeSanction(const GraphData& d, uint32_t edge);

// CollectSanctions returns the regime's sanctions in force as of `as_of`
// with their certainty (all of them, or those on `target` when valid).
std::vector<std::pair<SanctionRow, Certainty>> CollectSanctions(
    const GraphData& d, const ResolvedRegime& regime, const AsOf& as_of,
    NodeId target = NodeId());

// SanctionHit is a sanction in force without its facts.
struct SanctionHit {
  uint32_t edge;
  uint32_t target;
  Certainty certainty;
};

// CollectSanctionHits is CollectSanctions for callers that need only which
// sanctions are in force and how certainly: when the date is ignored, no
// spans are worked out, and records are read only if the regime tests
// programme or measures.
std::vector<SanctionHit> CollectSanctionHits(const GraphData& d,
                                             const ResolvedRegime& regime,
                                             const AsOf& as_of);

}  // namespace embargo::internal

#endif  // EMBARGO_SANCTIONS_COMMON_H_
