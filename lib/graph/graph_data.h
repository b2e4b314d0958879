// The representation behind embargo::Graph.
//
// Adjacency: one Boost.Graph compressed_sparse_row_graph holding every edge
// twice, once at each end (u->v marked `along`, v->u not), so that a
// traversal in any direction scans one contiguous row per node. Each row
// entry carries the edge id and kind, so edge-kind filters never leave the
// row. The remaining hot attributes (item, status, days, share) sit in
// parallel arrays indexed by edge id; full records are kept serialized in
// one arena and decoded only when a result is explained.

#ifndef EMBARGO_GRAPH_GRAPH_DATA_H_
#define EMBARGO_GRAPH_GRAPH_DATA_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "absl/container/flat_hash_map.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/kinds.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::internal {

using Csr = boost::compressed_sparse_row_graph<
    boost::directedS, boost::no_property, AdjacencyEntry, boost::no_property,
    uint32_t, uint32_t>;

// Where one stored record came from.
struct Origin {
  uint32_t file;      // Index into GraphData::files.
  uint32_t position;  // Index in its repeated field, or stream position.
  uint8_t kind;       // v1::Record::RecordCase.
};

struct GraphData {
  // --- adjacency ---------------------------------------------------------
  Csr csr;
  // Raw views of the CSR arrays, for the inner loops of the algorithms.
  const uint32_t* row_start = nullptr;     // num_nodes + 1 offsets
  const uint32_t* row_other = nullptr;     // node at the other end
  const AdjacencyEntry* row_entry = nullptr;

  // --- nodes ---------------------------------------------------------------
  std::vector<std::string> node_id;
  std::vector<std::string> node_name;
  std::vector<std::string> node_country;
  std::vector<NodeKind> node_kind;
  std::vector<uint32_t> node_record;  // Index into records.
  absl::flat_hash_map<absl::string_view, uint32_t> node_index;
  // Normalised name or alias -> nodes (see NormalizeName).
  absl::flat_hash_map<std::string, std::vector<uint32_t>> name_index;

  // --- edges (hot, by edge id) ---------------------------------------------
  std::vector<uint32_t> edge_from;
  std::vector<uint32_t> edge_to;
  std::vector<EdgeKind> edge_kind;
  std::vector<v1::ItemCategory> edge_item;
  std::vector<v1::Status> edge_status;
  std::vector<DayRange> edge_days;
  std::vector<double> edge_share;
  std::vector<uint32_t> edge_record;  // Index into records.

  // --- records (cold) --------------------------------------------------------
  std::string arena;                   // Serialized v1::Records, back to back.
  std::vector<uint64_t> record_offset; // records + 1 offsets into arena.
  std::vector<Origin> record_origin;
  std::vector<v1::Source> sources;
  absl::flat_hash_map<std::string, uint32_t> source_index;
  // File paths and, per file, whether it was a record stream.
  std::vector<std::string> files;
  std::vector<bool> file_is_stream;

  size_t num_nodes() const { return node_id.size(); }
  size_t num_edges() const { return edge_from.size(); }

  uint32_t RowBegin(uint32_t node) const { return row_start[node]; }
  uint32_t RowEnd(uint32_t node) const { return row_start[node + 1]; }

  v1::Record DecodeRecord(uint32_t record) const;
  absl::string_view RecordBytes(uint32_t record) const {
    return absl::string_view(arena).substr(
        record_offset[record], record_offset[record + 1] - record_offset[record]);
  }
};

// NormalizeName folds case, Latin accents and runs of punctuation and spaces
// so that "Shoigu, Sergei" and "SHOIGU Sergei" meet.
std::string NormalizeName(absl::string_view name);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_GRAPH_DATA_H_
