// Helpers shared by the exporters. See common.h.

#include "lib/io/export/common.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "embargo/kinds.h"

namespace embargo::internal {
namespace {

bool Known(const v1::Date& d) { return d.year() != 0; }

void AddSources(const google::protobuf::RepeatedPtrField<v1::Evidence>& ev,
                std::vector<std::string>& out) {
  for (const v1::Evidence& e : ev) {
    if (e.source_id().empty()) continue;
    if (std::find(out.begin(), out.end(), e.source_id()) == out.end()) {
      out.push_back(e.source_id());
    }
  }
}

void SetPeriod(const v1::Period& p, EdgeFacts& f) {
  f.start = DateText(p.start());
  f.end = DateText(p.end());
  f.year = p.start().year();
  f.end_year = p.end().year();
}

}  // namespace

std::string DateText(const v1::Date& d) {
  if (!Known(d)) return "";
  if (d.month() == 0) return absl::StrFormat("%04d", d.year());
  if (d.day() == 0) return absl::StrFormat("%04d-%02d", d.year(), d.month());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

EdgeFacts FactsOfEdge(const Graph& graph, EdgeId edge) {
  EdgeFacts f;
  const EdgeInfo info = graph.edge(edge);
  const v1::Record r = graph.EdgeRecord(edge);
  f.status = StatusName(info.status);
  switch (r.record_case()) {
    case v1::Record::kTransfer: {
      const v1::Transfer& t = r.transfer();
      f.record_kind = "transfer";
      f.record_id = t.id();
      f.item = ItemName(t.item());
      f.designation = t.designation();
      f.quantity = t.quantity();
      f.quantity_ordered = t.quantity_ordered();
      f.quantity_uncertain = t.quantity_uncertain();
      f.quantity_ordered_uncertain = t.quantity_ordered_uncertain();
      f.tiv_order = t.tiv_total();
      f.tiv_delivered = t.tiv_delivered();
      f.status = StatusName(t.status());
      const v1::Date& first =
          Known(t.ordered()) ? t.ordered() : t.delivered().start();
      f.start = DateText(first);
      const v1::Date* last = nullptr;
      if (Known(t.delivered().end())) {
        last = &t.delivered().end();
      } else if (Known(t.delivered().start())) {
        last = &t.delivered().start();
      }
      f.end = last != nullptr ? DateText(*last) : "";
      f.year = Known(t.delivered().start()) ? t.delivered().start().year()
                                            : t.ordered().year();
      f.end_year = last != nullptr ? last->year() : 0;
      for (const std::string& id : t.intermediary_ids()) {
        f.intermediaries.push_back(id);
      }
      AddSources(t.evidence(), f.source_ids);
      break;
    }
    case v1::Record::kSanction: {
      const v1::Sanction& s = r.sanction();
      f.record_kind = "sanction";
      f.record_id = s.id();
      f.program = s.program();
      f.status = StatusName(s.status());
      f.start = DateText(s.listed());
      f.end = DateText(s.delisted());
      f.year = s.listed().year();
      f.end_year = s.delisted().year();
      for (int m : s.measures()) {
        f.measures.push_back(MeasureName(static_cast<v1::Measure>(m)));
      }
      AddSources(s.evidence(), f.source_ids);
      break;
    }
    case v1::Record::kRelation: {
      const v1::Relation& rel = r.relation();
      f.record_kind = "relation";
      f.record_id = rel.id();
      f.status = StatusName(rel.status());
      f.share = rel.share_percent();
      f.role = rel.role();
      SetPeriod(rel.period(), f);
      AddSources(rel.evidence(), f.source_ids);
      break;
    }
    case v1::Record::kEvent: {
      const v1::Event& e = r.event();
      f.record_kind = "event";
      f.record_id = e.id();
      f.status = StatusName(e.status());
      SetPeriod(e.period(), f);
      const absl::string_view from = graph.node_id(info.from);
      for (const v1::Participant& p : e.participants()) {
        if (p.actor_id() == from) {
          f.role = p.role();
          break;
        }
      }
      if (f.role.empty() && e.place_id() == from) f.role = "place";
      AddSources(e.evidence(), f.source_ids);
      break;
    }
    default:
      break;
  }
  return f;
}

bool IsSanctioned(const Graph& graph, NodeId node) {
  for (const Incidence& inc : graph.Incidences(node)) {
    if (!inc.along && graph.edge(inc.edge).kind == EdgeKind::kSanction) {
      return true;
    }
  }
  return false;
}

absl::Status StreamError(const std::ostream& out, absl::string_view what) {
  if (out.fail()) {
    return absl::DataLossError(absl::StrCat(what, ": write failed"));
  }
  return absl::OkStatus();
}

}  // namespace embargo::internal
