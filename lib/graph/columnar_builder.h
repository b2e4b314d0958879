// ColumnarBuilder: GraphData straight from rows of compact records.
#ifndef EMBARGO_GRAPH_COLUMNAR_BUILDER_H_
#define EMBARGO_GRAPH_COLUMNAR_BUILDER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/graph/edges.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// ColumnarBuilder builds GraphData straight from rows of compact records,
// without a proto per record. Loaders check what the validator would check
// for such records (references, distinct ends, shares) as they go; the
// builder checks what needs the whole graph (countries name states, shares
// of each asset sum to at most 100).
//
//   ColumnarBuilder b;
//   const uint8_t f = b.AddFile("edges.csv", FileForm::kCsv);
//   const uint8_t src = b.AddEvidenceSource("csv:edges.csv");
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
    std::vector<DayRange> days;
    std::vector<CompactRecord> records;  // subject = index in the chunk
    std::vector<std::string> programs;   // chunk-local programme names
    absl::flat_hash_map<std::string, uint32_t> program_index;
    CompactDaysCache days_of;
    void Reserve(size_t n);
    size_t size() const { return from.size(); }
  };

  ColumnarBuilder();

  uint8_t AddFile(std::string path, FileForm form);
  // AddEvidenceSource registers a source id compact evidence may name (at
  // most 256).
  uint8_t AddEvidenceSource(std::string source_id);
  void AddSource(v1::Source source);
  void ReserveNodes(size_t n);
  // AddActor queues a node.
  void AddActor(absl::string_view id, absl::string_view name,
                absl::string_view country, v1::ActorKind kind, uint8_t file,
                uint8_t source, uint32_t line, uint32_t position);
  // AddActorSlots adds `n` empty nodes after those added so far and returns
  // the first one; SetActor then fills each slot, as AddActor would have,
  // from any thread (each slot from one thread). Every slot must be set
  // before SealNodes.
  uint32_t AddActorSlots(size_t n);
  void SetActor(uint32_t node, absl::string_view id, absl::string_view name,
                absl::string_view country, v1::ActorKind kind, uint8_t file,
                uint8_t source, uint32_t line, uint32_t position);
  // SealNodes indexes the actors added, drops every repeat of an id taken
  // earlier and returns the dropped ones' records (for the caller's report).
  // Call it once, after the last AddActor and before FindNode.
  std::vector<CompactRecord> SealNodes();
  // FindNode looks up a node id; safe from several threads after SealNodes.
  std::optional<uint32_t> FindNode(absl::string_view id) const;
  // Prefetch starts loading the index slot of an id hash (IdIndex::Hash);
  // FindHashed then looks it up.
  void Prefetch(uint64_t hash) const { d_->node_index.Prefetch(hash); }
  std::optional<uint32_t> FindHashed(absl::string_view id,
                                     uint64_t hash) const {
    return d_->node_index.FindHashed(id, hash, d_->node_id);
  }
  // AddEdge appends one compact edge record to `chunk`. `year` 0 = none.
  static void AddEdge(EdgeChunk& chunk, CompactKind kind, EdgeKind edge_kind,
                      uint32_t from, uint32_t to, v1::ItemCategory item,
                      v1::Status status, double share, int year,
                      absl::string_view program, uint8_t file,
                      uint8_t source, uint32_t line, uint32_t position);
  void AddChunk(EdgeChunk chunk);
  // Finish checks the whole graph and lays it out. InvalidArgument names
  // the file, line and field of each problem (up to `max_problems`).
  [[nodiscard]] absl::StatusOr<std::shared_ptr<GraphData>> Finish(
      size_t max_problems = 100);

 private:
  std::shared_ptr<GraphData> d_;
  std::vector<EdgeChunk> chunks_;
};

// ForEachRepeatedCompactId calls `repeat` for each compact edge record whose
// id (kCompactIdPrefix + line) an earlier one of its kind has.
void ForEachRepeatedCompactId(const std::vector<CompactRecord>& compact,
                              absl::FunctionRef<void(const CompactRecord&)> repeat);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_COLUMNAR_BUILDER_H_
