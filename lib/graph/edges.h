// The edges each record gives (DeriveEdges) and the span of days each covers.
#ifndef EMBARGO_GRAPH_EDGES_H_
#define EMBARGO_GRAPH_EDGES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "embargo/date.h"
#include "embargo/kinds.h"
#include "embargo/v1/records.pb.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// DaysOfYear is the span of a whole year (open when year is 0).
DayRange DaysOfYear(int year);

// CompactDays is the span of a compact edge record: a transfer's delivery
// year, or the open-ended period or listing that starts in `year` (open when
// year is 0).
inline DayRange CompactDays(CompactKind kind, int year) {
  DayRange days = DaysOfYear(year);
  if (kind != CompactKind::kTransfer && year != 0) days.hi = kMaxDay;
  return days;
}
// CompactDaysCache is CompactDays with each year's span worked out once:
// loaders ask for it once per edge.
class CompactDaysCache {
 public:
  DayRange operator()(CompactKind kind, int year) {
    if (year <= 0 || year >= 10000) return CompactDays(kind, year);
    if (by_year_.empty()) by_year_.assign(10000, DayRange{1, 0});
    DayRange days = by_year_[year];
    if (days.lo > days.hi) days = by_year_[year] = DaysOfYear(year);
    if (kind != CompactKind::kTransfer) days.hi = kMaxDay;
    return days;
  }

 private:
  std::vector<DayRange> by_year_;  // Empty (lo > hi) until worked out.
};


// CompactEdgeFits is true when an edge with these columns can be a compact
// record of `kind`: a known status; a transfer edge with a known item; a
// sanction edge; a relation edge, with a share of 0-100 for ownership and
// none otherwise. Record streams and graph images hold compact rows to it.
bool CompactEdgeFits(CompactKind kind, EdgeKind edge_kind,
                     v1::ItemCategory item, v1::Status status, double share);

// IndexSanctionEdges fills sanction_edges from the edge kinds.
void IndexSanctionEdges(GraphData& d);

// One edge a record gives (see DeriveEdges).
struct DerivedEdge {
  uint32_t from, to;
  EdgeKind kind;
  v1::ItemCategory item;
  v1::Status status;
  DayRange days;
  double share;
};

// DeriveEdges calls `emit` for each edge record `r` gives, in edge order
// (an event gives its participation edges), with `node_of` naming the node
// of an id. False when an id has no node.
bool DeriveEdges(
    const v1::Record& r,
    absl::FunctionRef<std::optional<uint32_t>(absl::string_view)> node_of,
    absl::FunctionRef<void(const DerivedEdge&)> emit);


// TransferDays is the span of a transfer: from the earliest to the latest of
// its order and delivery dates; open when none is known.
DayRange TransferDays(const v1::Transfer& t);
// SanctionDays is the span of a sanction: from the earliest day of its
// listing to the last of its delisting; an unknown end is open.
DayRange SanctionDays(const v1::Sanction& s);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_EDGES_H_
