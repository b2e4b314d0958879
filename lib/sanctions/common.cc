// The date rule, regime resolution and sanction decoding shared by the
// sanctions algorithms (see common.h).

#include "lib/sanctions/common.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/graph/compact_wire.h"
#include "lib/model/record_date.h"

namespace embargo::internal {

FactSpans SanctionSpans(const v1::Sanction& s) {
  return SanctionSpans(FactsOf(s));
}

FactSpans SanctionSpans(const SanctionFacts& s) {
  const PartialDate listed = s.listed;
  const PartialDate delisted = s.delisted;
  FactSpans f;
  if (listed.known()) {
    f.possible.lo = listed.EarliestDay();
    f.certain.lo = listed.LatestDay();
  } else if (s.listed_by.known()) {
    f.certain.lo = s.listed_by.LatestDay();
  } else {
    f.certain.lo = kMaxDay;  // Never certain on a date.
  }
  if (delisted.known()) {
    f.possible.hi = delisted.LatestDay();
    f.certain.hi = delisted.EarliestDay() - 1;
  }
  return f;
}

FactSpans PeriodSpans(const v1::Period& p) {
  const PartialDate start = RecordDate(p.start());
  const PartialDate end = RecordDate(p.end());
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

bool ResolvedRegime::RecordOk(const SanctionFacts& f) const {
  if (!programs.empty() &&
      std::none_of(programs.begin(), programs.end(),
                   [&](const std::string& p) {
                     return absl::EqualsIgnoreCase(p, f.program);
                   })) {
    return false;
  }
  if (!measures.empty() && (f.measures & measures.bits()) == 0) return false;
  return StatusOk(f.status);
}

namespace {

void SetBit(uint64_t& bits, uint64_t value) {
  if (value < 64) bits |= uint64_t{1} << value;
}

// ReadEnums reads a repeated enum field, packed or not, into bits.
bool ReadEnums(WireReader& r, uint32_t type, uint64_t& bits) {
  uint64_t v;
  if (type == kWireVarint) {
    if (!r.Varint(v)) return false;
    SetBit(bits, v);
    return true;
  }
  absl::string_view packed;
  if (type != kWireBytes || !r.Bytes(packed)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(packed.data());
  const uint8_t* end = p + packed.size();
  while (p < end) {
    if (!ReadVarint(p, end, v)) return false;
    SetBit(bits, v);
  }
  return true;
}

// ReadDate reads a v1::Date message field.
bool ReadDate(WireReader& r, uint32_t type, PartialDate& date) {
  absl::string_view bytes;
  if (type != kWireBytes || !r.Bytes(bytes)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  WireReader in(p, p + bytes.size());
  int32_t year = 0, month = 0, day = 0;
  uint32_t field, t;
  while (!in.AtEnd()) {
    if (!in.Next(field, t)) return false;
    int32_t* part = field == v1::Date::kYearFieldNumber    ? &year
                    : field == v1::Date::kMonthFieldNumber ? &month
                    : field == v1::Date::kDayFieldNumber   ? &day
                                                           : nullptr;
    if (part != nullptr && t == kWireVarint) {
      if (!in.Int32(*part)) return false;
    } else if (!in.Skip(t)) {
      return false;
    }
  }
  // As PartialDate::FromProto: all zero is unknown; invalid parts count as
  // unknown, as everywhere after validation.
  if (year == 0 && month == 0 && day == 0) return true;
  absl::StatusOr<PartialDate> d = PartialDate::Create(year, month, day);
  if (d.ok()) date = *d;
  return true;
}

// ReadFacts reads the fields of a Sanction message the rules look at.
bool ReadFacts(WireReader& in, SanctionFacts& f) {
  using S = v1::Sanction;
  uint32_t field, t;
  while (!in.AtEnd()) {
    if (!in.Next(field, t)) return false;
    bool ok = true;
    switch (field) {
      case S::kProgramFieldNumber: {
        absl::string_view program;
        ok = t == kWireBytes && in.Bytes(program);
        f.program = std::string(program);
        break;
      }
      case S::kMeasuresFieldNumber:
        ok = ReadEnums(in, t, f.measures);
        break;
      case S::kEmbargoItemsFieldNumber:
        ok = ReadEnums(in, t, f.items);
        break;
      case S::kListedFieldNumber:
        ok = ReadDate(in, t, f.listed);
        break;
      case S::kDelistedFieldNumber:
        ok = ReadDate(in, t, f.delisted);
        break;
      case S::kListedNoLaterThanFieldNumber:
        ok = ReadDate(in, t, f.listed_by);
        break;
      case S::kStatusFieldNumber: {
        int32_t status = 0;
        ok = t == kWireVarint && in.Int32(status);
        f.status = static_cast<v1::Status>(status);
        break;
      }
      default:
        ok = in.Skip(t);
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool ParseSanctionFacts(absl::string_view bytes, SanctionFacts& f) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  WireReader in(p, p + bytes.size());
  bool found = false;
  uint32_t field, t;
  while (!in.AtEnd()) {
    if (!in.Next(field, t)) return false;
    if (field != v1::Record::kSanctionFieldNumber || t != kWireBytes) {
      if (!in.Skip(t)) return false;
      continue;
    }
    absl::string_view body;
    if (!in.Bytes(body)) return false;
    const auto* b = reinterpret_cast<const uint8_t*>(body.data());
    WireReader sanction(b, b + body.size());
    if (!ReadFacts(sanction, f)) return false;
    found = true;
  }
  return found;
}

SanctionFacts FactsOf(const v1::Sanction& s) {
  SanctionFacts f;
  f.program = s.program();
  for (int m : s.measures()) SetBit(f.measures, static_cast<uint32_t>(m));
  for (int i : s.embargo_items()) SetBit(f.items, static_cast<uint32_t>(i));
  f.listed = RecordDate(s.listed());
  f.listed_by = RecordDate(s.listed_no_later_than());
  f.delisted = RecordDate(s.delisted());
  f.status = s.status();
  return f;
}

SanctionFacts ReadSanctionFacts(const GraphData& d, uint32_t edge) {
  const uint32_t record = d.edge_record[edge];
  SanctionFacts f;
  if ((record & kCompactBit) == 0) {
    if (ParseSanctionFacts(d.RecordBytes(record), f)) return f;
  } else if (const CompactRecord& c = d.compact[record & ~kCompactBit];
             c.kind == CompactKind::kSanction &&
             c.program < d.compact_programs.size()) {
    // What DecodeRecord re-creates for a compact sanction (graph.cc).
    f.program = d.compact_programs[c.program];
    SetBit(f.measures, v1::MEASURE_ASSET_FREEZE);
    if (absl::StatusOr<PartialDate> listed = PartialDate::Create(c.year);
        c.year != 0 && listed.ok()) {
      f.listed = *listed;
    }
    f.status = d.edge_status[edge];
    return f;
  }
  return FactsOf(DecodeSanction(d, edge));
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

InForce MakeInForce(const Graph& graph, uint32_t edge, Certainty certainty) {
  return MakeInForce(graph, edge, DecodeSanction(graph.data(), edge), certainty);
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
  f.listed = RecordDate(record.listed());
  f.listed_no_later_than = RecordDate(record.listed_no_later_than());
  f.delisted = RecordDate(record.delisted());
  f.status = record.status();
  f.certainty = certainty;
  for (const v1::Evidence& e : record.evidence()) {
    if (f.reason.empty()) f.reason = e.quote();
  }
  f.remarks = record.remarks();
  return f;
}

std::vector<std::pair<SanctionRow, Certainty>> CollectSanctions(
    const GraphData& d, const ResolvedRegime& regime, const AsOf& as_of,
    NodeId target) {
  std::vector<std::pair<SanctionRow, Certainty>> out;
  ForEachSanctionEdge(d, regime, as_of, target, [&](uint32_t e) {
    SanctionRow row{e, d.edge_to[e], ReadSanctionFacts(d, e), {}};
    if (!regime.RecordOk(row.facts)) return;
    row.spans = SanctionSpans(row.facts);
    std::optional<Certainty> c = Judge(row.spans, as_of);
    if (!c) return;
    out.emplace_back(std::move(row), *c);
  });
  return out;
}

std::vector<SanctionHit> CollectSanctionHits(const GraphData& d,
                                             const ResolvedRegime& regime,
                                             const AsOf& as_of) {
  std::vector<SanctionHit> out;
  if (!as_of.ignore) {
    for (const auto& [row, certainty] : CollectSanctions(d, regime, as_of)) {
      out.push_back({row.edge, row.target, certainty});
    }
    return out;
  }
  // With no date every sanction that passes the regime is in force,
  // certainly: no spans to work out, and records read only when the regime
  // tests programme or measures.
  ForEachSanctionEdge(d, regime, as_of, NodeId(), [&](uint32_t e) {
    if (regime.NeedsRecord() && !regime.RecordOk(ReadSanctionFacts(d, e))) {
      return;
    }
    out.push_back({e, d.edge_to[e], Certainty::kCertain});
  });
  return out;
}

}  // namespace embargo::internal
