// The representation behind embargo::Graph.
//
// Adjacency: one Boost.Graph compressed_sparse_row_graph holding every edge
// twice, once at each end (u->v marked `along`, v->u not), so that a
// traversal in any direction scans one contiguous row per node. Each row
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
#include <memory>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/kinds.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::internal {

using Csr = boost::compressed_sparse_row_graph<
    boost::directedS, boost::no_property, AdjacencyEntry, boost::no_property,
    uint32_t, uint32_t>;

// Marks a record reference as an index into GraphData::compact.
inline constexpr uint32_t kCompactBit = uint32_t{1} << 31;

// What a compact record is.
enum class CompactKind : uint8_t { kActor, kRelation, kTransfer, kSanction };

// A record kept in compact form. Its id is the node id (actors) or
// kCompactIdPrefix + line (edges); its evidence is one Evidence naming the
// file's source with locator = line.
struct CompactRecord {
  uint32_t subject;   // Node (actors) or edge (others) index.
  uint32_t line;      // Line (CSV) or locator number.
  uint32_t position;  // Line (CSV) or stream position, for RecordLabel.
  uint32_t program;   // Sanctions: index into compact_programs.
  int16_t year;       // Relation: period.start; transfer: delivered start
                      // and end; sanction: listed. 0 when absent.
  uint8_t file;       // Index into GraphData::files.
  CompactKind kind;
};

// Edge record ids of compact records are this prefix and the line number.
inline constexpr absl::string_view kCompactIdPrefix = "E";

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
  std::vector<bool> file_is_csv;
  // Compact records (see above), the source id their evidence names, per
  // file, and the sanction programmes they refer to.
  std::vector<CompactRecord> compact;
  std::vector<std::string> file_source;
  std::vector<std::string> compact_programs;

  size_t num_nodes() const { return node_id.size(); }
  size_t num_edges() const { return edge_from.size(); }

  uint32_t RowBegin(uint32_t node) const { return row_start[node]; }
  uint32_t RowEnd(uint32_t node) const { return row_start[node + 1]; }

  v1::Record DecodeRecord(uint32_t record) const;
  // RecordBytes is the serialized record (arena records only).
  absl::string_view RecordBytes(uint32_t record) const {
    return absl::string_view(arena).substr(
        record_offset[record], record_offset[record + 1] - record_offset[record]);
  }
};

// NormalizeName folds case, Latin accents and runs of punctuation and spaces
// so that "Shoigu, Sergei" and "SHOIGU Sergei" meet.
std::string NormalizeName(absl::string_view name);

// ColumnarBuilder builds GraphData straight from rows of compact records,
// without a proto per record. Loaders check what the validator would check
// for such records (references, distinct ends, shares) as they go; the
// builder checks what needs the whole graph (countries name states, shares
// of each asset sum to at most 100).
//
//   ColumnarBuilder b;
//   const uint8_t f = b.AddFile("edges.csv", FileForm::kCsv, "csv:edges.csv");
//   b.AddActor(...);                 // all actors first, one thread
//   EdgeChunk chunk;                 // then edges, one chunk per thread
//   b.AddEdge(chunk, ...);
//   b.AddChunk(std::move(chunk));    // chunks in file order
//   absl::StatusOr<std::shared_ptr<GraphData>> data = b.Finish();
class ColumnarBuilder {
 public:
  enum class FileForm : uint8_t { kCsv, kStream, kDataset };

  // One thread's edges, in file order.
  struct EdgeChunk {
    std::vector<uint32_t> from, to;
    std::vector<EdgeKind> kind;
    std::vector<v1::ItemCategory> item;
    std::vector<v1::Status> status;
    std::vector<double> share;
    std::vector<CompactRecord> records;  // subject = index in the chunk
    std::vector<std::string> programs;   // chunk-local programme names
    absl::flat_hash_map<std::string, uint32_t> program_index;
    void Reserve(size_t n);
    size_t size() const { return from.size(); }
  };

  ColumnarBuilder();

  uint8_t AddFile(std::string path, FileForm form, std::string source_id);
  void AddSource(v1::Source source);
  void ReserveNodes(size_t n);
  // AddActor queues a node.
  void AddActor(absl::string_view id, absl::string_view name,
                absl::string_view country, v1::ActorKind kind, uint8_t file,
                uint32_t line, uint32_t position);
  // SealNodes indexes the actors added, drops every repeat of an id taken
  // earlier and returns the dropped ones' records (for the caller's report).
  // Call it once, after the last AddActor and before FindNode.
  std::vector<CompactRecord> SealNodes();
  // FindNode looks up a node id; safe from several threads after SealNodes.
  std::optional<uint32_t> FindNode(absl::string_view id) const;
  // AddEdge appends one compact edge record to `chunk`. `year` 0 = none.
  static void AddEdge(EdgeChunk& chunk, CompactKind kind, EdgeKind edge_kind,
                      uint32_t from, uint32_t to, v1::ItemCategory item,
                      v1::Status status, double share, int year,
                      absl::string_view program, uint8_t file, uint32_t line,
                      uint32_t position);
  void AddChunk(EdgeChunk chunk);
  // Finish checks the whole graph and lays it out. InvalidArgument names
  // the file, line and field of each problem (up to `max_problems`).
  [[nodiscard]] absl::StatusOr<std::shared_ptr<GraphData>> Finish(
      size_t max_problems = 100);

 private:
  std::shared_ptr<GraphData> d_;
  std::vector<EdgeChunk> chunks_;
};

// DaysOfYear is the span of a whole year (open when year is 0).
DayRange DaysOfYear(int year);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_GRAPH_DATA_H_
