// Explanations of hops and paths. See embargo/explain.h.

#include "embargo/explain.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/date.h"
#include "lib/model/record_date.h"

namespace embargo {
namespace {

using internal::RecordDate;

std::string DateText(const v1::Date& d) { return RecordDate(d).ToString(); }

std::string PeriodText(const v1::Period& p) {
  if (!p.has_start() && !p.has_end()) return "";
  const std::string s = p.has_start() ? DateText(p.start()) : "?";
  if (!p.has_end()) return p.has_start() ? absl::StrCat(s, "..") : "";
  const std::string e = DateText(p.end());
  return s == e ? s : absl::StrCat(s, "..", e);
}

template <typename Evidence>
void AddEvidence(const Graph& g, const Evidence& list,
                 std::vector<EvidenceDetail>& out) {
  for (const v1::Evidence& ev : list) {
    EvidenceDetail d;
    d.evidence = ev;
    d.source = g.FindSource(ev.source_id());
    if (!ev.speaker_id().empty()) {
      if (std::optional<NodeId> n = g.FindNode(ev.speaker_id())) {
        d.speaker_name = std::string(g.node_name(*n));
      }
    }
    for (const std::string& via : ev.via_source_ids()) {
      d.via.push_back(g.FindSource(via));
    }
    out.push_back(std::move(d));
  }
}

}  // namespace

std::string TransferNumbers(const HopDetail& d) {
  std::vector<std::string> parts;
  if (!d.number_ordered.empty()) parts.push_back(absl::StrCat("ordered ", d.number_ordered));
  if (!d.number_delivered.empty()) {
    parts.push_back(absl::StrCat("delivered ", d.number_delivered));
  }
  std::vector<std::string> tiv;
  if (!d.tiv_unit.empty()) tiv.push_back(absl::StrCat(d.tiv_unit, " per unit"));
  if (!d.tiv_order.empty()) tiv.push_back(absl::StrCat(d.tiv_order, " order"));
  if (!d.tiv_delivered.empty()) {
    tiv.push_back(absl::StrCat(d.tiv_delivered, " delivered"));
  }
  if (!tiv.empty()) parts.push_back(absl::StrCat("TIV ", absl::StrJoin(tiv, ", ")));
  return absl::StrJoin(parts, "; ");
}

HopDetail ExplainHop(const Graph& g, const Hop& hop) {
  HopDetail d;
  d.hop = hop;
  d.info = g.edge(hop.edge);
  d.record = g.EdgeRecord(hop.edge);
  switch (d.record.record_case()) {
    case v1::Record::kTransfer: {
      const v1::Transfer& t = d.record.transfer();
      d.record_kind = "transfer";
      d.record_id = t.id();
      d.designation = t.designation();
      std::vector<std::string> parts;
      if (t.has_ordered()) {
        parts.push_back(absl::StrCat("ordered ", DateText(t.ordered()),
                                     t.ordered_uncertain() ? "?" : ""));
      }
      const std::string delivered = PeriodText(t.delivered());
      if (!delivered.empty()) parts.push_back(absl::StrCat("delivered ", delivered));
      d.when = absl::StrJoin(parts, ", ");
      const auto count = [&](int64_t n, bool uncertain) {
        return n > 0 ? absl::StrCat(n, uncertain ? "?" : "") : std::string();
      };
      const auto tiv = [](double v) {
        return v > 0 ? absl::StrCat(v) : std::string();
      };
      d.number_ordered = count(t.quantity_ordered(), t.quantity_ordered_uncertain());
      d.number_delivered = count(t.quantity(), t.quantity_uncertain());
      d.tiv_unit = tiv(t.tiv_unit());
      d.tiv_order = tiv(t.tiv_total());
      d.tiv_delivered = tiv(t.tiv_delivered());
      AddEvidence(g, t.evidence(), d.evidence);
      break;
    }
    case v1::Record::kSanction: {
      const v1::Sanction& s = d.record.sanction();
      d.record_kind = "sanction";
      d.record_id = s.id();
      d.designation = s.program();
      d.when = absl::StrCat("listed ", ListedText(RecordDate(s.listed()),
                                                  RecordDate(s.listed_no_later_than())));
      if (s.has_delisted()) absl::StrAppend(&d.when, ", delisted ", DateText(s.delisted()));
      AddEvidence(g, s.evidence(), d.evidence);
      break;
    }
    case v1::Record::kRelation: {
      const v1::Relation& r = d.record.relation();
      d.record_kind = "relation";
      d.record_id = r.id();
      d.role = r.role();
      d.when = PeriodText(r.period());
      AddEvidence(g, r.evidence(), d.evidence);
      break;
    }
    case v1::Record::kEvent: {
      const v1::Event& e = d.record.event();
      d.record_kind = "event";
      d.record_id = e.id();
      d.designation = e.name();
      d.when = PeriodText(e.period());
      const absl::string_view participant =
          g.node_id(hop.along ? hop.from : hop.to);
      for (const v1::Participant& p : e.participants()) {
        if (p.actor_id() == participant) d.role = p.role();
      }
      if (d.role.empty() && e.place_id() == participant) d.role = "place";
      AddEvidence(g, e.evidence(), d.evidence);
      break;
    }
    default:
      break;
  }
  const EdgeInfo& info = d.info;
  d.summary = absl::StrCat(g.node_id(hop.from), hop.along ? " -> " : " <- ",
                           g.node_id(hop.to), "  ", EdgeKindName(info.kind));
  if (info.item != v1::ITEM_UNSPECIFIED) {
    absl::StrAppend(&d.summary, " ", ItemName(info.item));
  }
  if (!d.designation.empty()) absl::StrAppend(&d.summary, " \"", d.designation, "\"");
  if (const std::string numbers = TransferNumbers(d); !numbers.empty()) {
    absl::StrAppend(&d.summary, " {", numbers, "}");
  }
  if (!d.role.empty()) absl::StrAppend(&d.summary, " [", d.role, "]");
  if (info.kind == EdgeKind::kOwnership && info.share_percent > 0) {
    absl::StrAppend(&d.summary, " ", info.share_percent, "%");
  }
  if (!d.when.empty()) absl::StrAppend(&d.summary, ", ", d.when);
  absl::StrAppend(&d.summary, " (", StatusName(info.status), ") ", d.record_id);
  return d;
}

std::vector<EvidenceDetail> DescribeEvidence(
    const Graph& g, absl::Span<const v1::Evidence> evidence) {
  std::vector<EvidenceDetail> out;
  AddEvidence(g, evidence, out);
  return out;
}

std::string FormatEvidence(const std::vector<EvidenceDetail>& evidence,
                           absl::string_view indent) {
  std::string out;
  for (const EvidenceDetail& ev : evidence) {
    std::string line = absl::StrCat(indent, "source: ");
    if (ev.source != nullptr) {
      absl::StrAppend(&line, ev.source->publisher().empty() ? ev.source->id()
                                                          : ev.source->publisher());
      if (!ev.source->title().empty()) absl::StrAppend(&line, ", \"", ev.source->title(), "\"");
      if (ev.source->has_published()) {
        absl::StrAppend(&line, ", ", DateText(ev.source->published()));
      }
    } else {
      absl::StrAppend(&line, ev.evidence.source_id());
    }
    if (!ev.evidence.locator().empty()) {
      absl::StrAppend(&line, ", ", ev.evidence.locator());
    }
    std::vector<std::string> via;
    for (const v1::Source* s : ev.via) {
      if (s != nullptr) via.push_back(s->publisher().empty() ? s->id() : s->publisher());
    }
    if (!via.empty()) absl::StrAppend(&line, " (via ", absl::StrJoin(via, ", "), ")");
    absl::StrAppend(&out, line, "\n");
    if (!ev.speaker_name.empty()) {
      absl::StrAppend(&out, indent, "said by: ", ev.speaker_name, "\n");
    }
    if (!ev.evidence.status_words().empty()) {
      absl::StrAppend(&out, indent, "words: ", ev.evidence.status_words(), "\n");
    }
    if (!ev.evidence.quote().empty()) {
      absl::StrAppend(&out, indent, "quote: \"", ev.evidence.quote(), "\"\n");
    }
    if (!ev.evidence.translation().empty()) {
      absl::StrAppend(&out, indent, "in English: \"", ev.evidence.translation(), "\"\n");
    }
  }
  return out;
}

std::string FormatPath(const Graph& g, const Path& path) {
  std::vector<std::string> names;
  for (NodeId n : path.Nodes()) names.push_back(std::string(g.node_id(n)));
  std::string out = absl::StrCat(absl::StrJoin(names, " - "), "  (",
                                 path.length(), path.length() == 1 ? " hop" : " hops",
                                 ")\n");
  for (const Hop& hop : path.hops) {
    HopDetail d = ExplainHop(g, hop);
    absl::StrAppend(&out, "  ", d.summary, "\n");
    // A sanction's designation reason, where the list keeps it in the
    // remarks rather than as an evidence quote (EU grounds).
    if (d.record.has_sanction() && !d.record.sanction().remarks().empty()) {
      bool quoted = false;
      for (const v1::Evidence& e : d.record.sanction().evidence()) {
        quoted = quoted || !e.quote().empty();
      }
      if (!quoted) {
        absl::StrAppend(&out, "      remarks: \"", d.record.sanction().remarks(),
                        "\"\n");
      }
    }
    absl::StrAppend(&out, FormatEvidence(d.evidence, "      "));
  }
  return out;
}

}  // namespace embargo
