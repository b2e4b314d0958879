// Graph construction and accessors. See embargo/graph.h and graph_data.h.
//
// Build steps, in order:
//   1. validate every queued file together (ids, references, dates, shares);
//   2. number the nodes: actors in file order, then events;
//   3. store each record serialized in the arena, with its origin;
//   4. derive the edges of each record and their hot attributes;
//   5. lay out the adjacency: a CSR with each edge at both of its ends.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <string>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/graph.h"
#include "embargo/image.h"
#include "lib/graph/compact_wire.h"
#include "lib/graph/graph_data.h"
#include "lib/text/names.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace internal {

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

void ForEachRepeatedCompactId(const std::vector<CompactRecord>& compact,
                              absl::FunctionRef<void(const CompactRecord&)> repeat) {
  uint64_t max_line = 0;
  for (const CompactRecord& c : compact) {
    if (c.kind != CompactKind::kActor) max_line = std::max<uint64_t>(max_line, c.line);
  }
  if (max_line <= 64 * compact.size() + 4096) {  // Bitmaps: small.
    std::vector<uint64_t> seen[4];
    for (auto& bits : seen) bits.assign(max_line / 64 + 1, 0);
    for (const CompactRecord& c : compact) {
      if (c.kind == CompactKind::kActor || static_cast<int>(c.kind) >= 4) continue;
      uint64_t& word = seen[static_cast<int>(c.kind)][c.line >> 6];
      const uint64_t bit = uint64_t{1} << (c.line & 63);
      if (word & bit) repeat(c);
      word |= bit;
    }
  } else {  // Sparse line numbers: sort (kind, line) keys instead.
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    for (uint32_t i = 0; i < compact.size(); ++i) {
      const CompactRecord& c = compact[i];
      if (c.kind == CompactKind::kActor) continue;
      keys.emplace_back((uint64_t{static_cast<uint8_t>(c.kind)} << 32) | c.line, i);
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 1; i < keys.size(); ++i) {
      if (keys[i].first == keys[i - 1].first) repeat(compact[keys[i].second]);
    }
  }
}

DayRange DaysOfYear(int year) {
  if (year == 0) return DayRange{};
  return {DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31)};
}

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

std::string NormalizeName(absl::string_view name) {
  return text_internal::FoldName(name);
}

uint64_t NameKey(absl::string_view name) {
  thread_local std::string buffer;
  text_internal::FoldNameInto(name, buffer);
  return buffer.empty() ? 0 : IdIndex::Hash(buffer) | 1;
}

void SortNameIndex(GraphData& d) {
  // A least-significant-digit radix sort on the key, 16 bits a pass: stable,
  // so that entries of equal keys keep their (ascending) node order, the
  // order std::sort on the pairs would give when nodes were added in order.
  std::vector<std::pair<uint64_t, uint32_t>>& v = d.name_index;
  if (!std::is_sorted(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      }) || v.size() < 4096) {
    std::sort(v.begin(), v.end());
  } else {
    std::vector<std::pair<uint64_t, uint32_t>> tmp(v.size());
    std::vector<uint32_t> count(1 << 16);
    for (int shift = 0; shift < 64; shift += 16) {
      std::fill(count.begin(), count.end(), 0);
      for (const auto& e : v) ++count[(e.first >> shift) & 0xFFFF];
      uint32_t sum = 0;
      for (uint32_t& c : count) {
        const uint32_t here = c;
        c = sum;
        sum += here;
      }
      for (const auto& e : v) tmp[count[(e.first >> shift) & 0xFFFF]++] = e;
      v.swap(tmp);
    }
  }
  d.name_index.erase(std::unique(d.name_index.begin(), d.name_index.end()),
                     d.name_index.end());
  d.name_index.shrink_to_fit();
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

// Lays out the adjacency: a counting sort of both ends of every edge into
// the CSR's arrays, each row in edge order (what Boost's unsorted-edges
// constructor gives, without its temporary copies of the edge list).
void LayOutAdjacency(GraphData& d) {
  const size_t n = d.num_nodes();
  const size_t m = d.num_edges();
  CsrForward& fwd = d.csr.m_forward;
  std::vector<uint32_t>& start = fwd.m_rowstart;
  start.assign(n + 1, 0);
  fwd.m_column.resize(2 * m);
  std::vector<AdjacencyEntry>& entries = CsrAccess::Entries(fwd);
  entries.resize(2 * m);
  uint32_t* column = fwd.m_column.data();
  AdjacencyEntry* entry = entries.data();
  const uint32_t* from = d.edge_from.data();
  const uint32_t* to = d.edge_to.data();

  // Each pass works on the rows of the nodes in [lo, hi) and reads every
  // edge, so that two threads can each take half of the rows without
  // sharing a write. Within a row, entries stay in edge order.
  auto count = [&](uint32_t lo, uint32_t hi) {
    for (size_t e = 0; e < m; ++e) {
      if (from[e] - lo < hi - lo) ++start[from[e] + 1];
      if (to[e] - lo < hi - lo) ++start[to[e] + 1];
    }
  };
  auto scatter = [&](uint32_t lo, uint32_t hi) {
    std::vector<uint32_t> pos(start.begin() + lo, start.begin() + hi);
    for (uint32_t e = 0; e < m; ++e) {
      const uint32_t a = from[e], b = to[e];
      const bool mine_a = a - lo < hi - lo, mine_b = b - lo < hi - lo;
      if (!mine_a && !mine_b) continue;
      const auto item = static_cast<uint8_t>(d.edge_item[e]);
      const auto status = static_cast<uint8_t>(d.edge_status[e]);
      const EdgeKind kind = d.edge_kind[e];
      if (mine_a) {
        const uint32_t i = pos[a - lo]++;
        column[i] = b;
        entry[i] = {e, kind, true, item, status};
      }
      if (mine_b) {
        const uint32_t i = pos[b - lo]++;
        column[i] = a;
        entry[i] = {e, kind, false, item, status};
      }
    }
  };
  const auto all = static_cast<uint32_t>(n);
  if (m < (size_t{1} << 16)) {  // Small: one thread.
    count(0, all);
    for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    scatter(0, all);
  } else {
    const uint32_t half = all / 2;
    std::thread counting([&] { count(half, all); });
    count(0, half);
    counting.join();
    for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    // Split the rows where half of the entries lie before.
    const auto split = static_cast<uint32_t>(
        std::lower_bound(start.begin(), start.end() - 1,
                         static_cast<uint32_t>(m)) -
        start.begin());
    std::thread scattering([&] { scatter(split, all); });
    scatter(0, split);
    scattering.join();
  }
  IndexSanctionEdges(d);
  d.row_start = start.data();
  d.row_other = column;
  d.row_entry = m > 0 ? entry : nullptr;
}

}  // namespace

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

namespace {

class Builder {
 public:
  explicit Builder(std::vector<DatasetFile>& files) : files_(files) {}

  std::shared_ptr<GraphData> Build() {
    auto data = std::make_shared<GraphData>();
    d_ = data.get();
    for (const DatasetFile& f : files_) {
      d_->files.push_back(f.path);
      d_->file_is_stream.push_back(f.format == Format::kRecordStream);
      d_->file_is_csv.push_back(false);
    }
    AddNodes();
    AddEdges();
    LayOut();
    return data;
  }

 private:
  uint32_t StoreRecord(v1::Record& r, uint32_t file, uint32_t position) {
    const uint32_t id = static_cast<uint32_t>(d_->record_origin.size());
    d_->record_origin.push_back(
        {file, position, static_cast<uint8_t>(r.record_case())});
    r.AppendToString(&d_->arena);
    d_->record_offset.push_back(d_->arena.size());
    return id;
  }

  static uint32_t Position(const std::vector<int64_t>& positions, int i) {
    return static_cast<uint32_t>(positions.empty() ? i : positions[i]);
  }

  void AddNode(std::string id, std::string name, std::string country,
               NodeKind kind, uint32_t record) {
    d_->node_id.push_back(std::move(id));
    d_->node_name.push_back(std::move(name));
    d_->node_country.push_back(std::move(country));
    d_->node_kind.push_back(kind);
    d_->node_record.push_back(record);
  }

  void AddNodes() {
    d_->record_offset.push_back(0);
    for (uint32_t fi = 0; fi < files_.size(); ++fi) {
      v1::Dataset& ds = files_[fi].dataset;
      for (int i = 0; i < ds.sources_size(); ++i) {
        d_->source_index.emplace(ds.sources(i).id(), d_->sources.size());
        d_->sources.push_back(std::move(*ds.mutable_sources(i)));
      }
      v1::Record r;
      for (int i = 0; i < ds.actors_size(); ++i) {
        v1::Actor* a = r.mutable_actor();
        a->Swap(ds.mutable_actors(i));
        const uint32_t rec = StoreRecord(r, fi, Position(files_[fi].positions.actors, i));
        for (const std::string& alias : a->aliases()) {
          NameIndex(alias, d_->node_id.size());
        }
        NameIndex(a->name(), d_->node_id.size());
        AddNode(a->id(), a->name(), a->country(), NodeKindFor(a->kind()), rec);
        a->Swap(ds.mutable_actors(i));  // Keep the record for edges below.
      }
    }
    for (uint32_t fi = 0; fi < files_.size(); ++fi) {
      v1::Dataset& ds = files_[fi].dataset;
      v1::Record r;
      for (int i = 0; i < ds.events_size(); ++i) {
        *r.mutable_event() = ds.events(i);
        const uint32_t rec = StoreRecord(r, fi, Position(files_[fi].positions.events, i));
        NameIndex(ds.events(i).name(), d_->node_id.size());
        AddNode(ds.events(i).id(), ds.events(i).name(), "", NodeKind::kEvent, rec);
      }
    }
    d_->node_index.Build(d_->node_id);  // Ids are unique: validated.
    SortNameIndex(*d_);
  }

  void NameIndex(absl::string_view name, size_t node) {
    AddNameKey(d_->name_index, name, static_cast<uint32_t>(node));
  }

  void AddEdges() {
    v1::Record r;
    auto node_of = [this](absl::string_view id) -> std::optional<uint32_t> {
      return d_->node_index.Find(id, d_->node_id);
    };
    auto add = [this](const DerivedEdge& e, uint32_t record) {
      d_->edge_from.push_back(e.from);
      d_->edge_to.push_back(e.to);
      d_->edge_kind.push_back(e.kind);
      d_->edge_item.push_back(e.item);
      d_->edge_status.push_back(e.status);
      d_->edge_days.push_back(e.days);
      d_->edge_share.push_back(e.share);
      d_->edge_record.push_back(record);
    };
    // Every reference is known: the files were validated.
    for (uint32_t fi = 0; fi < files_.size(); ++fi) {
      const DatasetFile& f = files_[fi];
      const v1::Dataset& ds = f.dataset;
      for (int i = 0; i < ds.events_size(); ++i) {
        *r.mutable_event() = ds.events(i);
        const uint32_t rec = d_->node_record[*node_of(ds.events(i).id())];
        DeriveEdges(r, node_of, [&](const DerivedEdge& e) { add(e, rec); });
      }
      auto store = [&](int i, const std::vector<int64_t>& positions) {
        const uint32_t rec = StoreRecord(r, fi, Position(positions, i));
        DeriveEdges(r, node_of, [&](const DerivedEdge& e) { add(e, rec); });
      };
      for (int i = 0; i < ds.transfers_size(); ++i) {
        *r.mutable_transfer() = ds.transfers(i);
        store(i, f.positions.transfers);
      }
      for (int i = 0; i < ds.sanctions_size(); ++i) {
        *r.mutable_sanction() = ds.sanctions(i);
        store(i, f.positions.sanctions);
      }
      for (int i = 0; i < ds.relations_size(); ++i) {
        *r.mutable_relation() = ds.relations(i);
        store(i, f.positions.relations);
      }
    }
  }

  void LayOut() { LayOutAdjacency(*d_); }

  std::vector<DatasetFile>& files_;
  GraphData* d_ = nullptr;
};

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

}  // namespace

void ColumnarBuilder::EdgeChunk::Reserve(size_t n) {
  from.reserve(n);
  to.reserve(n);
  kind.reserve(n);
  item.reserve(n);
  status.reserve(n);
  share.reserve(n);
  days.reserve(n);
  records.reserve(n);
}

ColumnarBuilder::ColumnarBuilder() : d_(std::make_shared<GraphData>()) {
  d_->record_offset.push_back(0);
}

uint8_t ColumnarBuilder::AddFile(std::string path, FileForm form) {
  d_->files.push_back(std::move(path));
  d_->file_is_stream.push_back(form == FileForm::kStream);
  d_->file_is_csv.push_back(form == FileForm::kCsv);
  return static_cast<uint8_t>(d_->files.size() - 1);
}

uint8_t ColumnarBuilder::AddEvidenceSource(std::string source_id) {
  d_->evidence_sources.push_back(std::move(source_id));
  return static_cast<uint8_t>(d_->evidence_sources.size() - 1);
}

void ColumnarBuilder::AddSource(v1::Source source) {
  d_->source_index.emplace(source.id(), d_->sources.size());
  d_->sources.push_back(std::move(source));
}

void ColumnarBuilder::ReserveNodes(size_t n) {
  d_->node_id.reserve(n);
  d_->node_name.reserve(n);
  d_->node_country.reserve(n);
  d_->node_kind.reserve(n);
  d_->node_record.reserve(n);
  d_->compact.reserve(n);
}

void ColumnarBuilder::AddActor(absl::string_view id, absl::string_view name,
                               absl::string_view country, v1::ActorKind kind,
                               uint8_t file, uint8_t source, uint32_t line,
                               uint32_t position) {
  const auto node = static_cast<uint32_t>(d_->node_id.size());
  d_->node_id.emplace_back(id);
  d_->node_name.emplace_back(name);
  d_->node_country.emplace_back(country);
  d_->node_kind.push_back(NodeKindFor(kind));
  d_->node_record.push_back(kCompactBit |
                            static_cast<uint32_t>(d_->compact.size()));
  d_->compact.push_back(
      {node, line, position, 0, 0, file, CompactKind::kActor, source});
}

uint32_t ColumnarBuilder::AddActorSlots(size_t n) {
  GraphData& d = *d_;
  const auto first = static_cast<uint32_t>(d.node_id.size());
  // Actor records are the first compact records: node i's is compact[i].
  d.node_id.resize(first + n);
  d.node_name.resize(first + n);
  d.node_country.resize(first + n);
  d.node_kind.resize(first + n);
  d.node_record.resize(first + n);
  d.compact.resize(first + n);
  return first;
}

void ColumnarBuilder::SetActor(uint32_t node, absl::string_view id,
                               absl::string_view name,
                               absl::string_view country, v1::ActorKind kind,
                               uint8_t file, uint8_t source, uint32_t line,
                               uint32_t position) {
  GraphData& d = *d_;
  d.node_id[node].assign(id.data(), id.size());
  d.node_name[node].assign(name.data(), name.size());
  d.node_country[node].assign(country.data(), country.size());
  d.node_kind[node] = NodeKindFor(kind);
  d.node_record[node] = kCompactBit | node;
  d.compact[node] = {node, line, position, 0, 0, file, CompactKind::kActor, source};
}

std::vector<CompactRecord> ColumnarBuilder::SealNodes() {
  GraphData& d = *d_;
  std::vector<CompactRecord> dropped;
  const std::vector<uint32_t> repeats = d.node_index.Build(d.node_id);
  if (repeats.empty()) return dropped;
  // Rare: rebuild the node columns without the repeats.
  std::vector<bool> drop(d.node_id.size(), false);
  for (uint32_t n : repeats) {
    drop[n] = true;
    dropped.push_back(d.compact[d.node_record[n] & ~kCompactBit]);
  }
  GraphData fresh;
  fresh.compact.reserve(d.compact.size());
  for (uint32_t n = 0; n < d.node_id.size(); ++n) {
    if (drop[n]) continue;
    CompactRecord c = d.compact[d.node_record[n] & ~kCompactBit];
    c.subject = static_cast<uint32_t>(fresh.node_id.size());
    fresh.node_record.push_back(kCompactBit |
                                static_cast<uint32_t>(fresh.compact.size()));
    fresh.compact.push_back(c);
    fresh.node_id.push_back(std::move(d.node_id[n]));
    fresh.node_name.push_back(std::move(d.node_name[n]));
    fresh.node_country.push_back(std::move(d.node_country[n]));
    fresh.node_kind.push_back(d.node_kind[n]);
  }
  d.node_id = std::move(fresh.node_id);
  d.node_name = std::move(fresh.node_name);
  d.node_country = std::move(fresh.node_country);
  d.node_kind = std::move(fresh.node_kind);
  d.node_record = std::move(fresh.node_record);
  d.compact = std::move(fresh.compact);
  d.node_index.Build(d.node_id);
  return dropped;
}

std::vector<uint32_t> IdIndex::Build(const std::vector<std::string>& ids) {
  std::vector<uint32_t> repeats;
  size_t size = 16;
  while (size < 2 * ids.size()) size <<= 1;
  slots_.assign(size, Slot{0, 0, 0});
  mask_ = size - 1;
  // Hashes first, so that each insert can prefetch a slot a few ids ahead.
  std::vector<uint64_t> hashes(ids.size());
  for (size_t n = 0; n < ids.size(); ++n) hashes[n] = Hash(ids[n]);
  constexpr size_t kAhead = 8;
  for (uint32_t n = 0; n < ids.size(); ++n) {
    if (n + kAhead < ids.size()) Prefetch(hashes[n + kAhead]);
    const absl::string_view id = ids[n];
    const uint64_t h = hashes[n];
    const uint32_t tag = Tag(h, id.size());
    const uint64_t prefix = Prefix(id);
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.node == 0) {
        slot = Slot{prefix, n + 1, tag};
        break;
      }
      if (slot.tag == tag && slot.prefix == prefix &&
          ids[slot.node - 1] == ids[n]) {
        repeats.push_back(n);
        break;
      }
    }
  }
  return repeats;
}

std::optional<uint32_t> ColumnarBuilder::FindNode(absl::string_view id) const {
  return d_->node_index.Find(id, d_->node_id);
}

void ColumnarBuilder::AddEdge(EdgeChunk& c, CompactKind kind,
                              EdgeKind edge_kind, uint32_t from, uint32_t to,
                              v1::ItemCategory item, v1::Status status,
                              double share, int year, absl::string_view program,
                              uint8_t file, uint8_t source, uint32_t line,
                              uint32_t position) {
  uint32_t prog = 0;
  if (kind == CompactKind::kSanction) {
    auto it = c.program_index.find(program);
    if (it == c.program_index.end()) {
      it = c.program_index.emplace(std::string(program),
                                   static_cast<uint32_t>(c.programs.size()))
               .first;
      c.programs.emplace_back(program);
    }
    prog = it->second;
  }
  c.records.push_back({static_cast<uint32_t>(c.from.size()), line, position,
                       prog, static_cast<int16_t>(year), file, kind, source});
  c.from.push_back(from);
  c.to.push_back(to);
  c.kind.push_back(edge_kind);
  c.item.push_back(item);
  c.status.push_back(status);
  c.share.push_back(share);
  c.days.push_back(c.days_of(kind, year));
}

void ColumnarBuilder::AddChunk(EdgeChunk chunk) {
  chunks_.push_back(std::move(chunk));
}

absl::StatusOr<std::shared_ptr<GraphData>> ColumnarBuilder::Finish(
    size_t max_problems) {
  GraphData& d = *d_;
  std::vector<std::string> problems;
  auto report = [&](const CompactRecord& c, absl::string_view kind,
                    std::string id, absl::string_view field,
                    std::string message) {
    if (problems.size() >= max_problems) return;
    const std::string where =
        d.file_is_csv[c.file] ? absl::StrCat("line ", c.position)
                              : absl::StrCat("record ", c.position);
    problems.push_back(absl::StrCat(d.files[c.file], ": ", where, " (", kind,
                                    " \"", id, "\"): ", field, ": ",
                                    message));
  };
  // Countries must name states.
  for (uint32_t n = 0; n < d.num_nodes(); ++n) {
    const std::string& country = d.node_country[n];
    if (country.empty()) continue;
    const std::optional<uint32_t> state = d.node_index.Find(country, d.node_id);
    if (!state || d.node_kind[*state] != NodeKind::kState) {
      report(d.compact[d.node_record[n] & ~kCompactBit], "Actor",
             d.node_id[n], "country",
             absl::StrCat("\"", country, "\" is not a known state actor"));
    }
  }

  // Edges: concatenate the chunks, the hot columns on a second thread and
  // the records here. Each thread frees what it has copied.
  size_t m = 0;
  for (const EdgeChunk& c : chunks_) m += c.size();
  absl::flat_hash_map<std::string, uint32_t> programs;
  std::vector<std::vector<uint32_t>> remaps(chunks_.size());
  for (size_t k = 0; k < chunks_.size(); ++k) {
    const EdgeChunk& c = chunks_[k];
    for (const std::string& name : c.programs) {
      auto [it, added] = programs.emplace(
          name, static_cast<uint32_t>(d.compact_programs.size()));
      if (added) d.compact_programs.push_back(name);
      remaps[k].push_back(it->second);
    }
  }
  std::thread columns([&d, m, this] {
    // The first chunk's column becomes the graph's when it has room for
    // every edge (loaders reserve it so): only the later chunks are copied.
    auto concat = [&](auto& to, auto member) {
      auto& first = chunks_[0].*member;
      if (to.empty() && first.capacity() >= m) {
        to = std::move(first);
      } else {
        to.reserve(m);
        to.insert(to.end(), first.begin(), first.end());
      }
      std::decay_t<decltype(first)>().swap(first);
      for (size_t k = 1; k < chunks_.size(); ++k) {
        auto& from = chunks_[k].*member;
        to.insert(to.end(), from.begin(), from.end());
        std::decay_t<decltype(from)>().swap(from);
      }
    };
    if (chunks_.empty()) return;
    concat(d.edge_from, &EdgeChunk::from);
    concat(d.edge_to, &EdgeChunk::to);
    concat(d.edge_kind, &EdgeChunk::kind);
    concat(d.edge_item, &EdgeChunk::item);
    concat(d.edge_status, &EdgeChunk::status);
    concat(d.edge_share, &EdgeChunk::share);
    concat(d.edge_days, &EdgeChunk::days);
  });
  // Records: the chunks' compact records after the actors', each edge's
  // record index, and chunk-local edge and programme numbers made global.
  d.edge_record.resize(m);
  const auto first = static_cast<uint32_t>(d.compact.size());
  for (uint32_t e = 0; e < m; ++e) d.edge_record[e] = kCompactBit | (first + e);
  d.compact.reserve(d.compact.size() + m);
  uint32_t base = 0;
  for (size_t k = 0; k < chunks_.size(); ++k) {
    EdgeChunk& c = chunks_[k];
    const size_t at = d.compact.size();
    d.compact.insert(d.compact.end(), c.records.begin(), c.records.end());
    if (base != 0 || !c.programs.empty()) {
      for (size_t i = at; i < d.compact.size(); ++i) {
        CompactRecord& r = d.compact[i];
        r.subject += base;
        if (r.kind == CompactKind::kSanction) r.program = remaps[k][r.program];
      }
    }
    base += static_cast<uint32_t>(c.records.size());
    std::vector<CompactRecord>().swap(c.records);
  }
  columns.join();
  chunks_.clear();

  // Ownership shares of one asset sum to at most 100. Compact ownership
  // periods all start at a year (or are open) and never end, so they all
  // overlap from the latest start on: the plain sum is the peak.
  {
    std::vector<double> sum(d.num_nodes(), 0.0);
    for (size_t e = 0; e < d.num_edges(); ++e) {
      if (d.edge_kind[e] != EdgeKind::kOwnership) continue;
      const double before = sum[d.edge_to[e]];
      const double after = before + d.edge_share[e];
      sum[d.edge_to[e]] = after;
      if (after > 100.0 + 1e-9 && before <= 100.0 + 1e-9) {
        const CompactRecord& c = d.compact[d.edge_record[e] & ~kCompactBit];
        report(c, "Relation", absl::StrCat(kCompactIdPrefix, c.line),
               "share_percent",
               absl::StrCat("ownership shares of \"", d.node_id[d.edge_to[e]],
                            "\" sum to over 100"));
      }
    }
  }
  // Record ids (kCompactIdPrefix + line) are unique within each kind.
  ForEachRepeatedCompactId(d.compact, [&](const CompactRecord& c) {
    report(c, "Record", absl::StrCat(kCompactIdPrefix, c.line), "id",
           "duplicate id");
  });
  if (!problems.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  }

  // Names, for FindByName, on a second thread while the adjacency is laid
  // out.
  std::thread names([&d] {
    d.name_index.reserve(d.num_nodes());
    for (uint32_t n = 0; n < d.num_nodes(); ++n) {
      AddNameKey(d.name_index, d.node_name[n], n);
    }
    SortNameIndex(d);
  });
  LayOutAdjacency(d);
  names.join();
  return std::move(d_);
}

namespace {

// ---- record streams of compact records, straight to columns ----------------

// Unknown fields would be lost by the compact form. Reflection is fetched
// once per message type: GetReflection() itself is not cheap.
template <typename M>
bool NoUnknownFields(const M& m) {
  static const google::protobuf::Reflection* const reflection =
      M::default_instance().GetReflection();
  return reflection->GetUnknownFields(m).empty();
}

// NextRecord reads one length-delimited stream record at `p` and advances
// past it: its kind (the Record field number) and the bytes of the record
// inside. False unless the record is exactly one length-delimited field of
// Record.
bool NextRecord(const uint8_t*& p, const uint8_t* end, int& field,
                const uint8_t*& body, uint64_t& body_len) {
  uint64_t len, tag;
  if (!ReadVarint(p, end, len) || len > static_cast<uint64_t>(end - p)) {
    return false;
  }
  const uint8_t* q = p;
  const uint8_t* record_end = p + len;
  if (!ReadVarint(q, record_end, tag) || (tag & 7) != 2) return false;
  field = static_cast<int>(tag >> 3);
  if (!ReadVarint(q, record_end, body_len) ||
      body_len != static_cast<uint64_t>(record_end - q) || body_len > INT32_MAX) {
    return false;
  }
  body = q;
  p = record_end;
  return true;
}

bool CanonicalNumber(absl::string_view s, uint32_t& out) {
  if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0')) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v >= (uint64_t{1} << 31)) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

// Loads a record stream whose records all have the compact shapes (what the
// Neo4j CSV importer writes): sources, then actors, then transfers,
// sanctions and relations, each with one evidence (a known source and a
// numeric locator) and edge ids "E" + locator. Returns nullptr as soon as a
// record does not fit, and the caller takes the general path, whose
// validation reports any problem; so this path needs to check only what
// compact records can get wrong.
class CompactStreamLoader {
 public:
  // `mapped`: the bytes are a private file mapping, whose pages may be
  // dropped once read (never so for other memory).
  CompactStreamLoader(const std::string& path, const uint8_t* data,
                      size_t size, bool mapped)
      : path_(path), data_(data), size_(size), mapped_(mapped) {}

  std::shared_ptr<GraphData> Run(size_t max_problems) {
    file_ = b_.AddFile(path_, ColumnarBuilder::FileForm::kStream);
    const uint8_t* p = data_;
    const uint8_t* end = data_ + size_;
    v1::Source source;
    uint32_t position = 0;
    // Sources, read here, and actors, only found here: the actor bodies
    // are decoded after, on two threads.
    struct Body {
      const uint8_t* p;
      const uint8_t* end;
      uint32_t position;
    };
    std::vector<Body> actors;
    while (p < end) {
      const uint8_t* at = p;
      uint64_t body_len;
      int field;
      const uint8_t* body;
      if (!NextRecord(p, end, field, body, body_len)) return nullptr;
      if (field == v1::Record::kSource) {
        // Sources come first: a source after an actor does not fit.
        source.Clear();
        if (!actors.empty() ||
            !source.ParseFromArray(body, static_cast<int>(body_len)) ||
            !AddSource(source)) {
          return nullptr;
        }
      } else if (field == v1::Record::kActor) {
        actors.push_back({body, body + body_len, position});
      } else {
        p = at;
        break;
      }
      ++position;
    }
    const uint32_t first = b_.AddActorSlots(actors.size());
    auto decode = [&](size_t lo, size_t hi) {
      WireActor actor;
      for (size_t i = lo; i < hi; ++i) {
        if (!ReadWireActor(actors[i].p, actors[i].end, actor) ||
            !AddActor(actor, first + static_cast<uint32_t>(i),
                      actors[i].position)) {
          return false;
        }
      }
      return true;
    };
    bool actors_ok[2] = {true, true};
    if (actors.size() < 4096) {
      actors_ok[0] = decode(0, actors.size());
    } else {
      std::thread second(
          [&] { actors_ok[1] = decode(actors.size() / 2, actors.size()); });
      actors_ok[0] = decode(0, actors.size() / 2);
      second.join();
    }
    if (!actors_ok[0] || !actors_ok[1]) return nullptr;
    if (!b_.SealNodes().empty()) return nullptr;
    records_ = position;

    // The edge records, cut in two at a record boundary.
    const uint8_t* mid = p + (end - p) / 2;
    const uint8_t* cut = p;
    uint32_t cut_position = position;
    while (cut < mid) {
      uint64_t len;
      if (!ReadVarint(cut, end, len) || len > static_cast<uint64_t>(end - cut)) {
        return nullptr;
      }
      cut += len;
      ++cut_position;
    }
    ColumnarBuilder::EdgeChunk chunks[2];
    bool ok[2] = {true, true};
    std::thread second([&] {
      ok[1] = Edges(cut, end, cut_position, chunks[1],
                    static_cast<size_t>(end - cut));
    });
    ok[0] = Edges(p, cut, position, chunks[0], static_cast<size_t>(end - p));
    second.join();
    if (!ok[0] || !ok[1]) return nullptr;
    records_ = static_cast<uint64_t>(cut_position) + chunks[1].size();
    for (ColumnarBuilder::EdgeChunk& c : chunks) b_.AddChunk(std::move(c));
    absl::StatusOr<std::shared_ptr<GraphData>> data = b_.Finish(max_problems);
    if (!data.ok()) return nullptr;
    return *std::move(data);
  }

 private:
  // Release drops the pages of the mapped file before `upto`, which the
  // caller has read, 8 MiB at a time; `released` is where its last drop
  // ended (0 before the first call). Never for memory the loader does not
  // own.
  void Release(uintptr_t& released, const uint8_t* upto) const {
    if (!mapped_) return;
    const auto hi = reinterpret_cast<uintptr_t>(upto) & ~uintptr_t{4095};
    if (released == 0) {
      released = hi;
    } else if (hi > released + (uintptr_t{8} << 20)) {
      madvise(reinterpret_cast<void*>(released), hi - released, MADV_DONTNEED);
      released = hi;
    }
  }

  bool AddSource(const v1::Source& s) {
    if (s.id().empty() || s.cites_size() > 0 || !NoUnknownFields(s) ||
        !v1::Reliability_IsValid(s.reliability()) ||
        !PartialDate::FromProto(s.published()).ok() ||
        sources_.contains(s.id()) || sources_.size() >= 255) {
      return false;
    }
    const uint8_t index = b_.AddEvidenceSource(s.id());
    sources_.emplace(s.id(), index);
    if (first_sources_.size() < kFewSources) first_sources_.emplace_back(s.id(), index);
    b_.AddSource(s);
    return true;
  }

  bool Evidence(const WireEvidence& e, uint8_t& source, uint32_t& line) const {
    // Streams name a source or two: a scan beats hashing the id.
    if (sources_.size() <= kFewSources) {
      auto it = std::find_if(first_sources_.begin(), first_sources_.end(),
                             [&](const auto& s) { return s.first == e.source_id; });
      if (it == first_sources_.end()) return false;
      source = it->second;
    } else {
      auto it = sources_.find(e.source_id);
      if (it == sources_.end()) return false;
      source = it->second;
    }
    return CanonicalNumber(e.locator, line);
  }

  bool AddActor(const WireActor& a, uint32_t node, uint32_t position) {
    uint8_t source;
    uint32_t line;
    if (a.id.empty() || a.name.empty() || a.kind == 0 ||
        !v1::ActorKind_IsValid(a.kind) ||
        !Evidence(a.evidence, source, line)) {
      return false;
    }
    if (a.kind == v1::ACTOR_KIND_STATE &&
        (a.id.size() != 3 ||
         !std::all_of(a.id.begin(), a.id.end(), absl::ascii_isupper))) {
      return false;
    }
    b_.SetActor(node, a.id, a.name, a.country,
                static_cast<v1::ActorKind>(a.kind), file_, source, line,
                position);
    return true;
  }

  // An edge record's id must be kCompactIdPrefix + its evidence locator.
  static bool IdIsLine(absl::string_view id, uint32_t line) {
    uint32_t n;
    return absl::StartsWith(id, kCompactIdPrefix) &&
           CanonicalNumber(id.substr(kCompactIdPrefix.size()), n) && n == line;
  }

  // One edge record read and checked, waiting for its ends to be looked
  // up (in batches, with the index slots prefetched).
  struct Pending {
    CompactKind kind;
    EdgeKind edge_kind;
    v1::ItemCategory item;
    v1::Status status;
    double share;
    int year;
    uint8_t source;
    uint32_t line, position;
    absl::string_view from, to, program;  // Into the mapped file.
    uint64_t from_hash, to_hash;
  };

  // `reserve`: bytes of records the chunk should have room for (the first
  // chunk's columns become the graph's, so it reserves for all of them).
  bool Edges(const uint8_t* p, const uint8_t* end, uint32_t position,
             ColumnarBuilder::EdgeChunk& chunk, size_t reserve) {
    WireEdge wire;
    chunk.Reserve(reserve / 64);
    constexpr size_t kBatch = 16;
    Pending batch[kBatch];
    size_t pending = 0;
    auto flush = [&] {
      for (size_t i = 0; i < pending; ++i) {
        const Pending& e = batch[i];
        const std::optional<uint32_t> from = b_.FindHashed(e.from, e.from_hash);
        const std::optional<uint32_t> to = b_.FindHashed(e.to, e.to_hash);
        if (!from || !to || *from == *to) return false;
        ColumnarBuilder::AddEdge(chunk, e.kind, e.edge_kind, *from, *to,
                                 e.item, e.status, e.share, e.year, e.program,
                                 file_, e.source, e.line, e.position);
      }
      pending = 0;
      return true;
    };
    uintptr_t released = 0;
    while (p < end) {
      uint64_t body_len;
      int field;
      const uint8_t* body;
      if (!NextRecord(p, end, field, body, body_len)) return false;
      Pending& e = batch[pending];
      if (!Check(field, body, body + body_len, wire, e)) return false;
      e.position = position;
      e.from_hash = IdIndex::Hash(e.from);
      e.to_hash = IdIndex::Hash(e.to);
      b_.Prefetch(e.from_hash);
      b_.Prefetch(e.to_hash);
      if (++pending == kBatch && !flush()) return false;
      ++position;
      Release(released, p);
    }
    return flush();
  }

  // Reads one edge record into `e`; false unless it has a compact shape.
  bool Check(int field, const uint8_t* body, const uint8_t* end, WireEdge& x,
             Pending& e) const {
    switch (field) {
      case v1::Record::kRelation: {
        if (!ReadWireRelation(body, end, x) || x.kind == 0 ||
            !v1::RelationKind_IsValid(x.kind) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        const auto kind = static_cast<v1::RelationKind>(x.kind);
        e.edge_kind = EdgeKindFor(kind);
        if (RelationKindOf(e.edge_kind) != kind) return false;
        e.share = x.share;
        e.year = x.year;
        e.kind = CompactKind::kRelation;
        e.item = v1::ITEM_UNSPECIFIED;
        break;
      }
      case v1::Record::kTransfer: {
        if (!ReadWireTransfer(body, end, x) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        e.year = x.year;
        e.kind = CompactKind::kTransfer;
        e.edge_kind = EdgeKind::kTransfer;
        e.item = static_cast<v1::ItemCategory>(x.item);
        e.share = 0;
        break;
      }
      case v1::Record::kSanction: {
        if (!ReadWireSanction(body, end, x) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        e.kind = CompactKind::kSanction;
        e.edge_kind = EdgeKind::kSanction;
        e.item = v1::ITEM_UNSPECIFIED;
        e.share = 0;
        e.year = x.year;
        break;
      }
      default:
        return false;
    }
    e.status = static_cast<v1::Status>(x.status);
    e.from = x.from;
    e.to = x.to;
    e.program = x.program;
    return CompactEdgeFits(e.kind, e.edge_kind, e.item, e.status, e.share);
  }

  const std::string& path_;
  const uint8_t* data_;
  size_t size_;
  bool mapped_;
  ColumnarBuilder b_;
  uint8_t file_ = 0;
  absl::flat_hash_map<std::string, uint8_t> sources_;
  static constexpr size_t kFewSources = 4;
  std::vector<std::pair<std::string, uint8_t>> first_sources_;
  uint64_t records_ = 0;
};

}  // namespace

absl::StatusOr<std::shared_ptr<GraphData>> LoadCompactStream(
    const std::string& path, const ValidateOptions& options) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return nullptr;  // The general path reports the error.
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0 ||
      static_cast<uint64_t>(st.st_size) > (uint64_t{1} << 34)) {
    close(fd);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return nullptr;
  madvise(map, size, MADV_SEQUENTIAL);
  CompactStreamLoader loader(path, static_cast<const uint8_t*>(map), size,
                            /*mapped=*/true);
  std::shared_ptr<GraphData> data = loader.Run(options.max_problems);
  munmap(map, size);
  return data;
}

std::shared_ptr<GraphData> LoadCompactStreamBytes(const std::string& path,
                                                  const uint8_t* data,
                                                  size_t size,
                                                  size_t max_problems) {
  if (size == 0) return nullptr;
  CompactStreamLoader loader(path, data, size, /*mapped=*/false);
  return loader.Run(max_problems);
}

}  // namespace internal

Graph::Graph(std::shared_ptr<const internal::GraphData> data)
    : data_(std::move(data)) {}

Graph internal::WrapGraph(std::shared_ptr<const GraphData> data) {
  return Graph(std::move(data));
}
Graph::~Graph() = default;

size_t Graph::num_nodes() const { return data_->num_nodes(); }
size_t Graph::num_edges() const { return data_->num_edges(); }

std::optional<NodeId> Graph::FindNode(absl::string_view id) const {
  const std::optional<uint32_t> n = data_->node_index.Find(id, data_->node_id);
  if (!n) return std::nullopt;
  return NodeId(*n);
}

absl::StatusOr<NodeId> Graph::Node(absl::string_view id) const {
  std::optional<NodeId> n = FindNode(id);
  if (!n) return absl::NotFoundError(absl::StrCat("unknown node id \"", id, "\""));
  return *n;
}

std::vector<NodeId> Graph::FindByName(absl::string_view name) const {
  std::vector<NodeId> out;
  const uint64_t key = internal::NameKey(name);
  if (key == 0) return out;
  auto it = std::lower_bound(data_->name_index.begin(), data_->name_index.end(),
                             std::pair<uint64_t, uint32_t>(key, 0));
  for (; it != data_->name_index.end() && it->first == key; ++it) {
    out.push_back(NodeId(it->second));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

absl::StatusOr<NodeId> Graph::Resolve(absl::string_view id_or_name) const {
  if (std::optional<NodeId> n = FindNode(id_or_name)) return *n;
  std::vector<NodeId> matches = FindByName(id_or_name);
  if (matches.size() == 1) return matches[0];
  if (matches.empty()) {
    return absl::NotFoundError(
        absl::StrCat("no node has the id or name \"", id_or_name, "\""));
  }
  std::vector<std::string> candidates;
  for (NodeId n : matches) {
    candidates.push_back(absl::StrCat(node_id(n), " (", node_name(n), ", ",
                                      NodeKindName(node_kind(n)), ")"));
  }
  return absl::FailedPreconditionError(
      absl::StrCat("the name \"", id_or_name, "\" is ambiguous: ",
                   absl::StrJoin(candidates, "; ")));
}

absl::string_view Graph::node_id(NodeId n) const { return data_->node_id[n.value()]; }
absl::string_view Graph::node_name(NodeId n) const {
  return data_->node_name[n.value()];
}
NodeKind Graph::node_kind(NodeId n) const { return data_->node_kind[n.value()]; }
absl::string_view Graph::node_country(NodeId n) const {
  return data_->node_country[n.value()];
}
v1::Record Graph::NodeRecord(NodeId n) const {
  return data_->DecodeRecord(data_->node_record[n.value()]);
}

EdgeInfo Graph::edge(EdgeId e) const {
  const uint32_t i = e.value();
  return {data_->edge_kind[i],  NodeId(data_->edge_from[i]),
          NodeId(data_->edge_to[i]), data_->edge_item[i],
          data_->edge_status[i], data_->edge_days[i],
          data_->edge_share[i]};
}

v1::Record Graph::EdgeRecord(EdgeId e) const {
  return data_->DecodeRecord(data_->edge_record[e.value()]);
}

namespace {
template <typename F>
auto VisitRecord(const v1::Record& r, F f) {
  switch (r.record_case()) {
    case v1::Record::kTransfer:
      return f(r.transfer());
    case v1::Record::kSanction:
      return f(r.sanction());
    case v1::Record::kRelation:
      return f(r.relation());
    case v1::Record::kEvent:
      return f(r.event());
    case v1::Record::kActor:
      return f(r.actor());
    default:
      return f(r.source());
  }
}
}  // namespace

std::string Graph::EdgeRecordId(EdgeId e) const {
  return VisitRecord(EdgeRecord(e), [](const auto& m) { return m.id(); });
}

std::vector<v1::Evidence> Graph::Evidence(EdgeId e) const {
  const v1::Record r = EdgeRecord(e);
  auto copy = [](const auto& ev) {
    return std::vector<v1::Evidence>(ev.begin(), ev.end());
  };
  switch (r.record_case()) {
    case v1::Record::kTransfer:
      return copy(r.transfer().evidence());
    case v1::Record::kSanction:
      return copy(r.sanction().evidence());
    case v1::Record::kRelation:
      return copy(r.relation().evidence());
    case v1::Record::kEvent:
      return copy(r.event().evidence());
    default:
      return {};
  }
}

RecordOrigin Graph::EdgeOrigin(EdgeId e) const {
  const uint32_t rec = data_->edge_record[e.value()];
  return {data_->files[internal::RecordFile(*data_, rec)],
          internal::RecordLabel(*data_, rec)};
}

RecordOrigin Graph::NodeOrigin(NodeId n) const {
  const uint32_t rec = data_->node_record[n.value()];
  return {data_->files[internal::RecordFile(*data_, rec)],
          internal::RecordLabel(*data_, rec)};
}

const v1::Source* Graph::FindSource(absl::string_view id) const {
  auto it = data_->source_index.find(id);
  return it == data_->source_index.end() ? nullptr
                                         : &data_->sources[it->second];
}

absl::Span<const v1::Source> Graph::sources() const { return data_->sources; }

IncidenceRange Graph::Incidences(NodeId n) const {
  const uint32_t b = data_->RowBegin(n.value());
  const uint32_t e = data_->RowEnd(n.value());
  return IncidenceRange(data_->row_other + b, data_->row_entry + b, e - b);
}

GraphBuilder::GraphBuilder() = default;
GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Add(DatasetFile file) { files_.push_back(std::move(file)); }

void GraphBuilder::AddDataset(v1::Dataset dataset, std::string name) {
  DatasetFile f;
  f.path = std::move(name);
  f.dataset = std::move(dataset);
  files_.push_back(std::move(f));
}

absl::StatusOr<Graph> GraphBuilder::Build(const ValidateOptions& options) {
  EMBARGO_RETURN_IF_ERROR(Validate(files_, options));
  internal::Builder builder(files_);
  std::shared_ptr<internal::GraphData> data = builder.Build();
  files_.clear();
  return Graph(std::move(data));
}

absl::StatusOr<Graph> LoadGraph(absl::Span<const std::string> paths,
                                const ValidateOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::optional<std::string> image,
                           GraphImageAmong(paths));
  if (image) return ReadGraphImage(*image);
  // A record stream of compact records loads straight into columns.
  if (paths.size() == 1) {
    absl::StatusOr<Format> format = FormatFromPath(paths[0]);
    if (format.ok() && *format == Format::kRecordStream) {
      EMBARGO_ASSIGN_OR_RETURN(std::shared_ptr<internal::GraphData> data,
                               internal::LoadCompactStream(paths[0], options));
      if (data != nullptr) return internal::WrapGraph(std::move(data));
    }
  }
  EMBARGO_ASSIGN_OR_RETURN(std::vector<DatasetFile> files,
                           ReadDatasetFiles(paths));
  GraphBuilder builder;
  for (DatasetFile& f : files) builder.Add(std::move(f));
  return builder.Build(options);
}

}  // namespace embargo
