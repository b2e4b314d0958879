// The edges each record gives and the days each covers. See edges.h.

#include "lib/graph/edges.h"

#include <algorithm>
#include <vector>

#include "lib/graph/records.h"

namespace embargo::internal {

bool CompactEdgeFits(CompactKind kind, EdgeKind edge_kind,
                     v1::ItemCategory item, v1::Status status, double share) {
  if (status == v1::STATUS_UNSPECIFIED || !v1::Status_IsValid(status)) return false;
  switch (kind) {
    case CompactKind::kTransfer:
      return edge_kind == EdgeKind::kTransfer && item != v1::ITEM_UNSPECIFIED &&
             v1::ItemCategory_IsValid(item) && share == 0;
    case CompactKind::kSanction:
      return edge_kind == EdgeKind::kSanction && item == v1::ITEM_UNSPECIFIED &&
             share == 0;
    case CompactKind::kRelation:
      return RelationKindOf(edge_kind) != v1::RELATION_KIND_UNSPECIFIED &&
             item == v1::ITEM_UNSPECIFIED &&
             (edge_kind == EdgeKind::kOwnership ? share >= 0 && share <= 100
                                                : share == 0);
    default:
      return false;
  }
}

void IndexSanctionEdges(GraphData& d) {
  d.sanction_edges.clear();
  for (uint32_t e = 0; e < d.num_edges(); ++e) {
    if (d.edge_kind[e] == EdgeKind::kSanction) d.sanction_edges.push_back(e);
  }
}

DayRange DaysOfYear(int year) {
  if (year == 0) return DayRange{};
  return {DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31)};
}

namespace {

// Accumulates a span from known dates; open when nothing is known.
struct SpanBuilder {
  int32_t lo = kMaxDay;
  int32_t hi = kMinDay;
  void Add(const v1::Date& d) {
    absl::StatusOr<PartialDate> p = PartialDate::FromProto(d);
    if (!p.ok() || !p->known()) return;
    lo = std::min(lo, p->EarliestDay());
    hi = std::max(hi, p->LatestDay());
  }
  DayRange Get() const {
    return lo > hi ? DayRange{} : DayRange{lo, hi};
  }
};

}  // namespace

DayRange TransferDays(const v1::Transfer& t) {
  SpanBuilder b;
  b.Add(t.ordered());
  b.Add(t.delivered().start());
  b.Add(t.delivered().end());
  for (int32_t y : t.delivery_years()) {
    v1::Date d;
    d.set_year(y);
    b.Add(d);
  }
  return b.Get();
}

DayRange SanctionDays(const v1::Sanction& s) {
  DayRange r;
  absl::StatusOr<PartialDate> listed = PartialDate::FromProto(s.listed());
  if (listed.ok() && listed->known()) r.lo = listed->EarliestDay();
  absl::StatusOr<PartialDate> delisted = PartialDate::FromProto(s.delisted());
  if (delisted.ok() && delisted->known()) r.hi = delisted->LatestDay();
  return r;
}

bool DeriveEdges(const v1::Record& r,
                 absl::FunctionRef<std::optional<uint32_t>(absl::string_view)> node_of,
                 absl::FunctionRef<void(const DerivedEdge&)> emit) {
  switch (r.record_case()) {
    case v1::Record::kEvent: {
      const v1::Event& e = r.event();
      const std::optional<uint32_t> node = node_of(e.id());
      if (!node) return false;
      const DayRange days = SpanOf(e.period());
      std::vector<uint32_t> seen;
      for (const v1::Participant& p : e.participants()) {
        const std::optional<uint32_t> a = node_of(p.actor_id());
        if (!a) return false;
        seen.push_back(*a);
        emit({*a, *node, EdgeKind::kParticipation, v1::ITEM_UNSPECIFIED,
              e.status(), days, 0});
      }
      if (!e.place_id().empty()) {
        const std::optional<uint32_t> place = node_of(e.place_id());
        if (!place) return false;
        if (std::find(seen.begin(), seen.end(), *place) == seen.end()) {
          emit({*place, *node, EdgeKind::kParticipation, v1::ITEM_UNSPECIFIED,
                e.status(), days, 0});
        }
      }
      return true;
    }
    case v1::Record::kTransfer: {
      const v1::Transfer& t = r.transfer();
      const DayRange days = TransferDays(t);
      const std::optional<uint32_t> supplier = node_of(t.supplier_id());
      const std::optional<uint32_t> recipient = node_of(t.recipient_id());
      if (!supplier || !recipient) return false;
      emit({*supplier, *recipient, EdgeKind::kTransfer, t.item(), t.status(),
            days, 0});
      uint32_t prev = *supplier;
      for (const std::string& via : t.intermediary_ids()) {
        const std::optional<uint32_t> next = node_of(via);
        if (!next) return false;
        emit({prev, *next, EdgeKind::kTransferVia, t.item(), t.status(), days, 0});
        prev = *next;
      }
      if (t.intermediary_ids_size() > 0) {
        emit({prev, *recipient, EdgeKind::kTransferVia, t.item(), t.status(),
              days, 0});
      }
      return true;
    }
    case v1::Record::kSanction: {
      const v1::Sanction& s = r.sanction();
      const std::optional<uint32_t> authority = node_of(s.authority_id());
      const std::optional<uint32_t> target = node_of(s.target_id());
      if (!authority || !target) return false;
      emit({*authority, *target, EdgeKind::kSanction, v1::ITEM_UNSPECIFIED,
            s.status(), SanctionDays(s), 0});
      return true;
    }
    case v1::Record::kRelation: {
      const v1::Relation& rel = r.relation();
      const std::optional<uint32_t> subject = node_of(rel.subject_id());
      const std::optional<uint32_t> object = node_of(rel.object_id());
      if (!subject || !object) return false;
      emit({*subject, *object, EdgeKindFor(rel.kind()), v1::ITEM_UNSPECIFIED,
            rel.status(), SpanOf(rel.period()), rel.share_percent()});
      return true;
    }
    default:
      return true;  // Sources and actors give no edges.
  }
}

}  // namespace embargo::internal
