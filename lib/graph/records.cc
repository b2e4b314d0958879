// Records as the graph keeps them: compact rows re-created as records, arena
// records parsed back, and where each came from. See records.h.

#include "lib/graph/records.h"

#include <array>
#include <string>

#include "absl/strings/str_cat.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

v1::RelationKind RelationKindOf(EdgeKind kind) {
  static const auto* table = [] {
    auto* t = new std::array<v1::RelationKind, kNumEdgeKinds>{};
    for (int k = 1; k <= v1::RelationKind_MAX; ++k) {
      if (!v1::RelationKind_IsValid(k)) continue;
      const auto rk = static_cast<v1::RelationKind>(k);
      (*t)[static_cast<size_t>(EdgeKindFor(rk))] = rk;
    }
    return t;
  }();
  return (*table)[static_cast<size_t>(kind)];
}

namespace {

void SetEvidence(const GraphData& d, const CompactRecord& c,
                 v1::Evidence* ev) {
  ev->set_source_id(d.evidence_sources[c.source]);
  ev->set_locator(absl::StrCat(c.line));
}

v1::Record DecodeCompact(const GraphData& d, const CompactRecord& c) {
  v1::Record r;
  if (c.kind == CompactKind::kActor) {
    v1::Actor* a = r.mutable_actor();
    a->set_id(d.node_id[c.subject]);
    a->set_kind(static_cast<v1::ActorKind>(d.node_kind[c.subject]));
    a->set_name(d.node_name[c.subject]);
    a->set_country(d.node_country[c.subject]);
    SetEvidence(d, c, a->add_evidence());
    return r;
  }
  const uint32_t e = c.subject;
  const std::string id = absl::StrCat(kCompactIdPrefix, c.line);
  const std::string& from = d.node_id[d.edge_from[e]];
  const std::string& to = d.node_id[d.edge_to[e]];
  switch (c.kind) {
    case CompactKind::kRelation: {
      v1::Relation* rel = r.mutable_relation();
      rel->set_id(id);
      rel->set_kind(RelationKindOf(d.edge_kind[e]));
      rel->set_subject_id(from);
      rel->set_object_id(to);
      rel->set_share_percent(d.edge_share[e]);
      if (c.year != 0) rel->mutable_period()->mutable_start()->set_year(c.year);
      rel->set_status(d.edge_status[e]);
      SetEvidence(d, c, rel->add_evidence());
      break;
    }
    case CompactKind::kTransfer: {
      v1::Transfer* t = r.mutable_transfer();
      t->set_id(id);
      t->set_supplier_id(from);
      t->set_recipient_id(to);
      t->set_item(d.edge_item[e]);
      if (c.year != 0) {
        t->mutable_delivered()->mutable_start()->set_year(c.year);
        t->mutable_delivered()->mutable_end()->set_year(c.year);
      }
      t->set_status(d.edge_status[e]);
      SetEvidence(d, c, t->add_evidence());
      break;
    }
    case CompactKind::kSanction: {
      v1::Sanction* s = r.mutable_sanction();
      s->set_id(id);
      s->set_authority_id(from);
      s->set_target_id(to);
      s->set_program(d.compact_programs[c.program]);
      s->add_measures(v1::MEASURE_ASSET_FREEZE);
      s->mutable_listed()->set_year(c.year);
      s->set_status(d.edge_status[e]);
      SetEvidence(d, c, s->add_evidence());
      break;
    }
    case CompactKind::kActor:
      break;
  }
  return r;
}

}  // namespace

v1::Record GraphData::DecodeRecord(uint32_t record) const {
  if (record & kCompactBit) {
    return DecodeCompact(*this, compact[record & ~kCompactBit]);
  }
  v1::Record r;
  const absl::string_view bytes = RecordBytes(record);
  // The arena holds bytes this library serialized; parsing cannot fail.
  r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  return r;
}

uint32_t RecordFile(const GraphData& d, uint32_t record) {
  if (record & kCompactBit) return d.compact[record & ~kCompactBit].file;
  return d.record_origin[record].file;
}

std::string RecordLabel(const GraphData& d, uint32_t record) {
  if (record & kCompactBit) {
    const CompactRecord& c = d.compact[record & ~kCompactBit];
    if (d.file_is_csv[c.file]) return absl::StrCat("line ", c.position);
    if (d.file_is_stream[c.file]) return absl::StrCat("record ", c.position);
    return absl::StrCat(c.kind == CompactKind::kActor ? "actors" : "records",
                        "[", c.position, "]");
  }
  const Origin& o = d.record_origin[record];
  if (d.file_is_stream[o.file]) return absl::StrCat("record ", o.position);
  absl::string_view field;
  switch (static_cast<v1::Record::RecordCase>(o.kind)) {
    case v1::Record::kActor:
      field = "actors";
      break;
    case v1::Record::kEvent:
      field = "events";
      break;
    case v1::Record::kTransfer:
      field = "transfers";
      break;
    case v1::Record::kSanction:
      field = "sanctions";
      break;
    case v1::Record::kRelation:
      field = "relations";
      break;
    default:
      field = "records";
  }
  return absl::StrCat(field, "[", o.position, "]");
}

}  // namespace embargo::internal
