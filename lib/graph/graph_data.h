// The representation behind embargo::Graph.
//
// Adjacency: compressed sparse rows of our own (AdjacencyArrays) holding
// every edge twice, once at each end (u->v marked `along`, v->u not), so
// that a traversal in any direction scans one contiguous row per node.
// Boost.Graph algorithms reach them through the adapter in
// embargo/boost_graph.h. Each row
// entry carries the edge id and kind, so edge-kind filters never leave the
// row. The remaining hot attributes (item, status, days, share) sit in
// parallel arrays indexed by edge id; full records are kept serialized in
// one arena and decoded only when a result is explained.
//
// Compact records: a record whose every field is implied by the graph's
// columns (ends, kind, item, status, share), a year, a line number and its
// file's source is not serialized at all. It is a 20-byte CompactRecord and
// is re-created on request (see DecodeRecord). Loaders of large uniform data
// (the Neo4j CSV importer's fast path, record streams of such records) use
// this form through ColumnarBuilder; it is what keeps a graph of millions of
// imported edges, each with its own evidence, within a few dozen bytes per
// edge. Record references (node_record, edge_record) with kCompactBit set
// index `compact`; the others index the arena.


#ifndef EMBARGO_GRAPH_GRAPH_DATA_H_
#define EMBARGO_GRAPH_GRAPH_DATA_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/kinds.h"
#include "embargo/v1/dataset.pb.h"
#include "lib/graph/id_index.h"

namespace embargo::internal {

// Marks a record reference as an index into GraphData::compact.
inline constexpr uint32_t kCompactBit = uint32_t{1} << 31;

// What a compact record is.
enum class CompactKind : uint8_t { kActor, kRelation, kTransfer, kSanction };

// A record kept in compact form. Its id is the node id (actors) or
// kCompactIdPrefix + line (edges); its evidence is one Evidence naming
// evidence_sources[source] with locator = line.
struct CompactRecord {
  uint32_t subject;   // Node (actors) or edge (others) index.
  uint32_t line;      // Line (CSV) or locator number.
  uint32_t position;  // Line (CSV) or stream position, for RecordLabel.
  uint32_t program;   // Sanctions: index into compact_programs.
  int16_t year;       // Relation: period.start; transfer: delivered start
                      // and end; sanction: listed. 0 when absent.
  uint8_t file;       // Index into GraphData::files.
  CompactKind kind;
  uint8_t source;     // Index into GraphData::evidence_sources.
};

// Edge record ids of compact records are this prefix and the line number.
inline constexpr absl::string_view kCompactIdPrefix = "E";

// Where one stored record came from.
struct Origin {
  uint32_t file;      // Index into GraphData::files.
  uint32_t position;  // Index in its repeated field, or stream position.
  uint8_t kind;       // v1::Record::RecordCase.
};


// The adjacency as compressed sparse rows: row v is entries
// [start[v], start[v + 1]) of `other` (the node at the edge's other end) and
// `entry` (the edge and its hot attributes). Rows hold their entries in edge
// order.
struct AdjacencyArrays {
  std::vector<uint32_t> start;  // num_nodes + 1 offsets
  std::vector<uint32_t> other;
  std::vector<AdjacencyEntry> entry;
};

struct GraphData {
  // --- adjacency ---------------------------------------------------------
  AdjacencyArrays adjacency;
  // Raw views of the adjacency arrays, for the inner loops of the
  // algorithms (SetAdjacencyViews).
  const uint32_t* row_start = nullptr;     // num_nodes + 1 offsets
  const uint32_t* row_other = nullptr;     // node at the other end
  const AdjacencyEntry* row_entry = nullptr;

  // --- nodes ---------------------------------------------------------------
  std::vector<std::string> node_id;
  std::vector<std::string> node_name;
  std::vector<std::string> node_country;
  std::vector<NodeKind> node_kind;
  std::vector<uint32_t> node_record;  // Index into records.
  IdIndex node_index;
  // (NameKey of a name or alias, node), sorted: FindByName's index. A
  // 64-bit key per name costs 16 bytes a node instead of a map of strings.
  std::vector<std::pair<uint64_t, uint32_t>> name_index;

  // --- edges (hot, by edge id) ---------------------------------------------
  std::vector<uint32_t> edge_from;
  std::vector<uint32_t> edge_to;
  std::vector<EdgeKind> edge_kind;
  std::vector<v1::ItemCategory> edge_item;
  std::vector<v1::Status> edge_status;
  std::vector<DayRange> edge_days;
  std::vector<double> edge_share;
  std::vector<uint32_t> edge_record;  // Index into records.
  // The sanction edges, in edge order (set with the adjacency): the
  // sanctions algorithms start from them without scanning every edge.
  std::vector<uint32_t> sanction_edges;

  // --- records (cold) --------------------------------------------------------
  std::string arena;                   // Serialized v1::Records, back to back.
  std::vector<uint64_t> record_offset; // records + 1 offsets into arena.
  std::vector<Origin> record_origin;
  std::vector<v1::Source> sources;
  absl::flat_hash_map<std::string, uint32_t> source_index;
  // File paths and, per file, whether it was a record stream.
  std::vector<std::string> files;
  std::vector<bool> file_is_stream;
  std::vector<bool> file_is_csv;
  // Compact records (see above), the source ids their evidence names, and
  // the sanction programmes they refer to.
  std::vector<CompactRecord> compact;
  std::vector<std::string> evidence_sources;
  std::vector<std::string> compact_programs;
  // True when the load derived the country links (embargo/country_links.h).
  bool country_links = false;

  size_t num_nodes() const { return node_id.size(); }
  size_t num_edges() const { return edge_from.size(); }

  uint32_t RowBegin(uint32_t node) const { return row_start[node]; }
  uint32_t RowEnd(uint32_t node) const { return row_start[node + 1]; }

  // SetAdjacencyViews points row_start, row_other and row_entry at
  // `adjacency`; call it whenever the arrays are filled or moved.
  void SetAdjacencyViews() {
    row_start = adjacency.start.empty() ? nullptr : adjacency.start.data();
    row_other = adjacency.other.data();
    row_entry = adjacency.entry.empty() ? nullptr : adjacency.entry.data();
  }

  // DecodeRecord re-creates a record (records.cc).
  v1::Record DecodeRecord(uint32_t record) const;
  // RecordBytes is the serialized record (arena records only).
  absl::string_view RecordBytes(uint32_t record) const {
    return absl::string_view(arena).substr(
        record_offset[record], record_offset[record + 1] - record_offset[record]);
  }
};

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_GRAPH_DATA_H_
