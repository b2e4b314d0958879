// Graph construction from datasets, LoadGraph, and the Graph's accessors.
// See embargo/graph.h and graph_data.h.
//
// Build steps, in order:
//   1. validate every queued file together (ids, references, dates, shares);
//   2. number the nodes: actors in file order, then events;
//   3. store each record serialized in the arena, with its origin;
//   4. derive the edges of each record and their hot attributes (edges.h);
//   5. lay out the adjacency: each edge at both of its ends (adjacency.h).

#include "embargo/graph.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/image.h"
#include "lib/graph/adjacency.h"
#include "lib/graph/edges.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/name_index.h"
#include "lib/graph/records.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace internal {

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
    // The records are serialized one after another into one string: sized
    // once, instead of doubling (a copy of everything so far and fresh
    // pages each time) as it grows.
    size_t total = 0;
    for (const DatasetFile& f : files_) total += f.dataset.ByteSizeLong();
    d_->arena.reserve(d_->arena.size() + total + total / 16 + 4096);
    AddNodes();
    AddEdges();
    // Every record is in the arena now: the files' messages go before the
    // layout allocates its columns, which then reuse their memory instead
    // of fresh pages.
    for (DatasetFile& f : files_) v1::Dataset().Swap(&f.dataset);
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
        a->Swap(ds.mutable_actors(i));  // Back: freed with the files' records.
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
      DatasetFile& f = files_[fi];
      v1::Dataset& ds = f.dataset;
      for (int i = 0; i < ds.events_size(); ++i) {
        *r.mutable_event() = ds.events(i);
        const uint32_t rec = d_->node_record[*node_of(ds.events(i).id())];
        DeriveEdges(r, node_of, [&](const DerivedEdge& e) { add(e, rec); });
      }
      auto store = [&](int i, const std::vector<int64_t>& positions) {
        const uint32_t rec = StoreRecord(r, fi, Position(positions, i));
        DeriveEdges(r, node_of, [&](const DerivedEdge& e) { add(e, rec); });
      };
      // Swapped, not copied: the files' records are not read again.
      for (int i = 0; i < ds.transfers_size(); ++i) {
        r.mutable_transfer()->Swap(ds.mutable_transfers(i));
        store(i, f.positions.transfers);
      }
      for (int i = 0; i < ds.sanctions_size(); ++i) {
        r.mutable_sanction()->Swap(ds.mutable_sanctions(i));
        store(i, f.positions.sanctions);
      }
      for (int i = 0; i < ds.relations_size(); ++i) {
        r.mutable_relation()->Swap(ds.mutable_relations(i));
        store(i, f.positions.relations);
      }
    }
  }

  void LayOut() { LayOutAdjacency(*d_); }

  std::vector<DatasetFile>& files_;
  GraphData* d_ = nullptr;
};


}  // namespace
}  // namespace internal

Graph::Graph(std::shared_ptr<const internal::GraphData> data)
    : data_(std::move(data)) {}

Graph internal::WrapGraph(std::shared_ptr<const GraphData> data) {
  return Graph(std::move(data));
}
Graph::~Graph() = default;

size_t Graph::num_nodes() const { return data_->num_nodes(); }
size_t Graph::num_edges() const { return data_->num_edges(); }
size_t Graph::num_sanction_edges() const { return data_->sanction_edges.size(); }
bool Graph::has_country_links() const { return data_->country_links; }

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
  data->country_links = country_links_;
  files_.clear();
  return Graph(std::move(data));
}

}  // namespace embargo
