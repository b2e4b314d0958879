// The immutable typed graph of actors, events, transfers, sanctions and
// relations, built once from validated records.
//
//   absl::StatusOr<embargo::Graph> graph =
//       embargo::LoadGraph({"examples/data/article_2023.textproto"});
//   if (!graph.ok()) { std::cerr << graph.status() << "\n"; return 2; }
//   embargo::NodeId rus = *graph->FindNode("RUS");
//   for (const embargo::Incidence& inc : graph->Incidences(rus)) {
//     embargo::EdgeInfo e = graph->edge(inc.edge);
//     ...
//   }
//
// Nodes are the actors and the events; edges are
//   - a transfer: supplier -> recipient (kind kTransfer), and, when it went
//     through intermediaries, one kTransferVia edge per leg of the route
//     supplier -> intermediary -> ... -> recipient;
//   - a sanction: authority -> target;
//   - a relation: subject -> object (kind from the relation kind);
//   - an event: participant -> event (kParticipation), place included.
// Each edge reaches its full record (EdgeRecord) and its evidence.
//
// Memory model: a Graph is a cheap handle (a shared pointer) to immutable
// data. Copies share the data. After construction nothing changes, so any
// number of threads may call any method of the same Graph, or of copies of
// it, at once without locks. Full records are kept serialized and decoded on
// request, so EdgeRecord / NodeRecord return fresh messages each call.

#ifndef EMBARGO_GRAPH_H_
#define EMBARGO_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "embargo/date.h"
#include "embargo/ids.h"
#include "embargo/io.h"
#include "embargo/kinds.h"
#include "embargo/validate.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo {

class Graph;
namespace internal {
struct GraphData;
// WrapGraph hands data built by the library's own loaders to a Graph.
Graph WrapGraph(std::shared_ptr<const GraphData> data);
}  // namespace internal

// EdgeInfo is the compact, hot part of an edge: what a filter looks at.
struct EdgeInfo {
  EdgeKind kind;
  NodeId from;  // Start: supplier, authority, subject, participant.
  NodeId to;    // End: recipient, target, object, event.
  v1::ItemCategory item;  // Transfers only; ITEM_UNSPECIFIED otherwise.
  v1::Status status;      // The record's status (sanctions: theirs).
  DayRange days;          // When the fact held (see SpanOf, date.h).
  double share_percent;   // Ownership only; 0 when not known.
};

// Incidence is one edge as seen from one of its nodes.
struct Incidence {
  NodeId other;  // The node at the other end.
  EdgeId edge;
  bool along;  // True when the edge starts at the node it is seen from.
};

// AdjacencyEntry is how the graph stores an incidence (internal layout,
// exposed so that IncidenceRange can be iterated without a call per step).
// It packs the attributes most filters test, so that a traversal rarely
// leaves the row.
struct AdjacencyEntry {
  uint32_t edge;
  EdgeKind kind;
  bool along;     // The edge starts at the node whose row this is.
  uint8_t item;   // v1::ItemCategory of the edge.
  uint8_t status; // v1::Status of the edge.
};

// IncidenceRange is the edges at one node, both directions, as Incidences.
class IncidenceRange {
 public:
  class Iterator {
   public:
    using value_type = Incidence;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const uint32_t* other, const AdjacencyEntry* entry)
        : other_(other), entry_(entry) {}
    Incidence operator*() const {
      return {NodeId(*other_), EdgeId(entry_->edge), entry_->along};
    }
    Iterator& operator++() {
      ++other_;
      ++entry_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.other_ == b.other_;
    }

   private:
    const uint32_t* other_ = nullptr;
    const AdjacencyEntry* entry_ = nullptr;
  };

  IncidenceRange(const uint32_t* other, const AdjacencyEntry* entry,
                 size_t size)
      : other_(other), entry_(entry), size_(size) {}
  Iterator begin() const { return {other_, entry_}; }
  Iterator end() const { return {other_ + size_, entry_ + size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  const uint32_t* other_;
  const AdjacencyEntry* entry_;
  size_t size_;
};

// RecordOrigin says where a record was read from.
struct RecordOrigin {
  std::string file;    // Path of the file.
  std::string record;  // "transfers[3]" or "record 1204".
};

// Graph is the immutable graph. Build it with GraphBuilder or LoadGraph.
class Graph {
 public:
  Graph(const Graph&) = default;
  Graph& operator=(const Graph&) = default;
  Graph(Graph&&) noexcept = default;
  Graph& operator=(Graph&&) noexcept = default;
  ~Graph();

  size_t num_nodes() const;
  size_t num_edges() const;
  // num_sanction_edges is 0 when the graph holds no sanctions list: then
  // whether an actor is sanctioned is unknown, not "no".
  size_t num_sanction_edges() const;

  // FindNode returns the node with this record id, if any.
  std::optional<NodeId> FindNode(absl::string_view id) const;
  // Node is FindNode with an error: NotFound naming the id.
  [[nodiscard]] absl::StatusOr<NodeId> Node(absl::string_view id) const;
  // FindByName returns the nodes whose name or an alias equals `name`,
  // ignoring case (Latin, Greek, Cyrillic), accents, runs of punctuation and
  // spaces and the word "the" (the folding entity resolution uses), in node
  // order. Several results mean the name is ambiguous. Weak aliases
  // (Actor.weak_aliases) are not names to find an actor by; the name search
  // (embargo/search.h) weighs them.
  std::vector<NodeId> FindByName(absl::string_view name) const;
  // Resolve accepts an id or, failing that, a unique name: NotFound when
  // nothing matches, FailedPrecondition listing the candidates when a name
  // is ambiguous.
  [[nodiscard]] absl::StatusOr<NodeId> Resolve(absl::string_view id_or_name) const;

  // Node attributes. `node` must be valid for this graph.
  absl::string_view node_id(NodeId node) const;
  absl::string_view node_name(NodeId node) const;
  NodeKind node_kind(NodeId node) const;
  // country is the node's ISO alpha-3 country ("" if none, and for events).
  absl::string_view node_country(NodeId node) const;
  // NodeRecord decodes the node's full record (an actor or an event).
  v1::Record NodeRecord(NodeId node) const;

  // edge returns the hot attributes of an edge.
  EdgeInfo edge(EdgeId edge) const;
  // EdgeRecord decodes the record the edge comes from (a transfer, sanction,
  // relation or event). All legs of a transfer share one record.
  v1::Record EdgeRecord(EdgeId edge) const;
  // EdgeRecordId is the id of that record ("T-1", "S-UN-1718").
  std::string EdgeRecordId(EdgeId edge) const;
  // Evidence returns the evidence of the edge's record.
  std::vector<v1::Evidence> Evidence(EdgeId edge) const;
  // Origin says which file and record the edge came from.
  RecordOrigin EdgeOrigin(EdgeId edge) const;
  RecordOrigin NodeOrigin(NodeId node) const;

  // FindSource returns a source by id, or nullptr.
  const v1::Source* FindSource(absl::string_view id) const;
  // sources lists every source, in file order.
  absl::Span<const v1::Source> sources() const;

  // Incidences returns every edge at `node`, in both directions.
  IncidenceRange Incidences(NodeId node) const;

  // has_country_links is true when the load derived the country links
  // (embargo/country_links.h), so that a country filter can be answered.
  bool has_country_links() const;

  // data is the internal representation, for the library's own algorithms.
  const internal::GraphData& data() const { return *data_; }

 private:
  friend class GraphBuilder;
  friend Graph internal::WrapGraph(std::shared_ptr<const internal::GraphData>);
  explicit Graph(std::shared_ptr<const internal::GraphData> data);
  std::shared_ptr<const internal::GraphData> data_;
};

// GraphBuilder gathers files of records, validates them together and builds
// one Graph.
//
//   embargo::GraphBuilder builder;
//   builder.Add(std::move(*file));
//   absl::StatusOr<embargo::Graph> graph = builder.Build();
//
// Not thread-safe; Build may be called once.
class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();

  // Add queues one file's records.
  void Add(DatasetFile file);
  // AddDataset queues records held in memory; `name` stands for the file in
  // error messages.
  void AddDataset(v1::Dataset dataset, std::string name);

  // Build validates all queued records (every problem reported, up to
  // `options.max_problems`, as one InvalidArgument) and builds the graph.
  [[nodiscard]] absl::StatusOr<Graph> Build(const ValidateOptions& options = {});

  // SetCountryLinks records that the files hold the country links derived
  // from them (Graph::has_country_links); embargo::Load calls it.
  void SetCountryLinks(bool derived) { country_links_ = derived; }

 private:
  std::vector<DatasetFile> files_;
  bool country_links_ = false;
};

// LoadGraph reads the files (format from each name) and builds one graph:
// embargo::Load (embargo/load.h) with these validation options, which see
// for the rules (graph images, record streams, entity resolution across
// files).
[[nodiscard]] absl::StatusOr<Graph> LoadGraph(
    absl::Span<const std::string> paths, const ValidateOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_GRAPH_H_
