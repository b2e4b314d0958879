// Graph construction and accessors. See embargo/graph.h and graph_data.h.
//
// Build steps, in order:
//   1. validate every queued file together (ids, references, dates, shares);
//   2. number the nodes: actors in file order, then events;
//   3. store each record serialized in the arena, with its origin;
//   4. derive the edges of each record and their hot attributes;
//   5. lay out the adjacency: a CSR with each edge at both of its ends.

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/graph.h"
#include "lib/graph/graph_data.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace internal {

v1::Record GraphData::DecodeRecord(uint32_t record) const {
  v1::Record r;
  const absl::string_view bytes = RecordBytes(record);
  // The arena holds bytes this library serialized; parsing cannot fail.
  r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  return r;
}

namespace {

// Folds the Latin-1 Supplement letters (UTF-8 C3 80..C3 BF) to ASCII.
char FoldLatin1(unsigned char second) {
  static constexpr char kFold[64] = {
      'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i',
      'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 'x', 'o', 'u',
      'u', 'u', 'u', 'y', 't', 's', 'a', 'a', 'a', 'a', 'a', 'a', 'a',
      'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o',
      'o', 'o', 'o', ' ', 'o', 'u', 'u', 'u', 'u', 'y', 't', 'y'};
  return kFold[second - 0x80];
}

}  // namespace

std::string NormalizeName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = true;  // Suppresses leading and repeated spaces.
  auto put = [&](char c) {
    if (c == ' ') {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      put(absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ');
    } else if (c == 0xC3 && i + 1 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(name[i + 1]) <= 0xBF) {
      put(FoldLatin1(static_cast<unsigned char>(name[++i])));
    } else {
      out.push_back(static_cast<char>(c));  // Other scripts kept as they are.
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
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

class Builder {
 public:
  explicit Builder(std::vector<DatasetFile>& files) : files_(files) {}

  std::shared_ptr<GraphData> Build() {
    auto data = std::make_shared<GraphData>();
    d_ = data.get();
    for (const DatasetFile& f : files_) {
      d_->files.push_back(f.path);
      d_->file_is_stream.push_back(f.format == Format::kRecordStream);
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
    d_->node_index.reserve(d_->node_id.size());
    for (uint32_t n = 0; n < d_->node_id.size(); ++n) {
      d_->node_index.emplace(d_->node_id[n], n);
    }
  }

  void NameIndex(absl::string_view name, size_t node) {
    std::string key = NormalizeName(name);
    if (key.empty()) return;
    std::vector<uint32_t>& nodes = d_->name_index[key];
    if (nodes.empty() || nodes.back() != node) {
      nodes.push_back(static_cast<uint32_t>(node));
    }
  }

  uint32_t NodeOf(const std::string& id) const { return d_->node_index.at(id); }

  void AddEdge(uint32_t from, uint32_t to, EdgeKind kind, v1::ItemCategory item,
               v1::Status status, DayRange days, double share, uint32_t record) {
    d_->edge_from.push_back(from);
    d_->edge_to.push_back(to);
    d_->edge_kind.push_back(kind);
    d_->edge_item.push_back(item);
    d_->edge_status.push_back(status);
    d_->edge_days.push_back(days);
    d_->edge_share.push_back(share);
    d_->edge_record.push_back(record);
  }

  void AddEdges() {
    v1::Record r;
    for (uint32_t fi = 0; fi < files_.size(); ++fi) {
      const DatasetFile& f = files_[fi];
      const v1::Dataset& ds = f.dataset;
      for (int i = 0; i < ds.events_size(); ++i) {
        const v1::Event& e = ds.events(i);
        const uint32_t rec = d_->node_record[NodeOf(e.id())];
        const uint32_t node = NodeOf(e.id());
        const DayRange days = SpanOf(e.period());
        std::vector<uint32_t> seen;
        for (const v1::Participant& p : e.participants()) {
          const uint32_t a = NodeOf(p.actor_id());
          seen.push_back(a);
          AddEdge(a, node, EdgeKind::kParticipation, v1::ITEM_UNSPECIFIED,
                  e.status(), days, 0, rec);
        }
        if (!e.place_id().empty()) {
          const uint32_t place = NodeOf(e.place_id());
          if (std::find(seen.begin(), seen.end(), place) == seen.end()) {
            AddEdge(place, node, EdgeKind::kParticipation, v1::ITEM_UNSPECIFIED,
                    e.status(), days, 0, rec);
          }
        }
      }
      for (int i = 0; i < ds.transfers_size(); ++i) {
        *r.mutable_transfer() = ds.transfers(i);
        const v1::Transfer& t = r.transfer();
        const uint32_t rec = StoreRecord(r, fi, Position(f.positions.transfers, i));
        const DayRange days = TransferDays(t);
        const uint32_t supplier = NodeOf(t.supplier_id());
        const uint32_t recipient = NodeOf(t.recipient_id());
        AddEdge(supplier, recipient, EdgeKind::kTransfer, t.item(), t.status(),
                days, 0, rec);
        uint32_t prev = supplier;
        for (const std::string& via : t.intermediary_ids()) {
          const uint32_t next = NodeOf(via);
          AddEdge(prev, next, EdgeKind::kTransferVia, t.item(), t.status(),
                  days, 0, rec);
          prev = next;
        }
        if (t.intermediary_ids_size() > 0) {
          AddEdge(prev, recipient, EdgeKind::kTransferVia, t.item(), t.status(),
                  days, 0, rec);
        }
      }
      for (int i = 0; i < ds.sanctions_size(); ++i) {
        *r.mutable_sanction() = ds.sanctions(i);
        const v1::Sanction& s = r.sanction();
        const uint32_t rec = StoreRecord(r, fi, Position(f.positions.sanctions, i));
        AddEdge(NodeOf(s.authority_id()), NodeOf(s.target_id()),
                EdgeKind::kSanction, v1::ITEM_UNSPECIFIED, s.status(),
                SanctionDays(s), 0, rec);
      }
      for (int i = 0; i < ds.relations_size(); ++i) {
        *r.mutable_relation() = ds.relations(i);
        const v1::Relation& rel = r.relation();
        const uint32_t rec = StoreRecord(r, fi, Position(f.positions.relations, i));
        AddEdge(NodeOf(rel.subject_id()), NodeOf(rel.object_id()),
                EdgeKindFor(rel.kind()), v1::ITEM_UNSPECIFIED, rel.status(),
                SpanOf(rel.period()), rel.share_percent(), rec);
      }
    }
  }

  void LayOut() {
    const size_t m = d_->num_edges();
    std::vector<std::pair<uint32_t, uint32_t>> ends;
    std::vector<AdjacencyEntry> entries;
    ends.reserve(2 * m);
    entries.reserve(2 * m);
    for (uint32_t e = 0; e < m; ++e) {
      ends.emplace_back(d_->edge_from[e], d_->edge_to[e]);
      const auto item = static_cast<uint8_t>(d_->edge_item[e]);
      const auto status = static_cast<uint8_t>(d_->edge_status[e]);
      entries.push_back({e, d_->edge_kind[e], true, item, status});
      ends.emplace_back(d_->edge_to[e], d_->edge_from[e]);
      entries.push_back({e, d_->edge_kind[e], false, item, status});
    }
    d_->csr = Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                  entries.begin(), d_->num_nodes());
    d_->row_start = d_->csr.m_forward.m_rowstart.data();
    d_->row_other = d_->csr.m_forward.m_column.data();
    if (m > 0) d_->row_entry = &d_->csr[*boost::edges(d_->csr).first];
  }

  std::vector<DatasetFile>& files_;
  GraphData* d_ = nullptr;
};

std::string RecordLabel(const GraphData& d, uint32_t record) {
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
}  // namespace internal

Graph::Graph(std::shared_ptr<const internal::GraphData> data)
    : data_(std::move(data)) {}
Graph::~Graph() = default;

size_t Graph::num_nodes() const { return data_->num_nodes(); }
size_t Graph::num_edges() const { return data_->num_edges(); }

std::optional<NodeId> Graph::FindNode(absl::string_view id) const {
  auto it = data_->node_index.find(id);
  if (it == data_->node_index.end()) return std::nullopt;
  return NodeId(it->second);
}

absl::StatusOr<NodeId> Graph::Node(absl::string_view id) const {
  std::optional<NodeId> n = FindNode(id);
  if (!n) return absl::NotFoundError(absl::StrCat("unknown node id \"", id, "\""));
  return *n;
}

std::vector<NodeId> Graph::FindByName(absl::string_view name) const {
  std::vector<NodeId> out;
  auto it = data_->name_index.find(internal::NormalizeName(name));
  if (it == data_->name_index.end()) return out;
  for (uint32_t n : it->second) out.push_back(NodeId(n));
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
  return {data_->files[data_->record_origin[rec].file],
          internal::RecordLabel(*data_, rec)};
}

RecordOrigin Graph::NodeOrigin(NodeId n) const {
  const uint32_t rec = data_->node_record[n.value()];
  return {data_->files[data_->record_origin[rec].file],
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
  EMBARGO_ASSIGN_OR_RETURN(std::vector<DatasetFile> files,
                           ReadDatasetFiles(paths));
  GraphBuilder builder;
  for (DatasetFile& f : files) builder.Add(std::move(f));
  return builder.Build(options);
}

}  // namespace embargo
