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

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/kinds.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::internal {

using Csr = boost::compressed_sparse_row_graph<
    boost::directedS, boost::no_property, AdjacencyEntry, boost::no_property,
    uint32_t, uint32_t>;

// Gives access to the edge bundles of Boost's CSR, which the CSR keeps
// protected, so that the adjacency can be filled in place.
using CsrForward = boost::detail::compressed_sparse_row_structure<
    AdjacencyEntry, uint32_t, uint32_t>;
struct CsrAccess : CsrForward {
  static std::vector<AdjacencyEntry>& Entries(CsrForward& f) {
    return f.*(&CsrAccess::m_edge_properties);
  }
};

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

// IdIndex maps node ids to nodes: an open-addressing table of 16-byte
// slots, each the id's first 8 bytes, its length, a hash fingerprint and
// the node number. Ids of up to 8 bytes are matched inside the slot; longer
// ones are compared with node_id only when the first 8 bytes, the length and
// the fingerprint agree. A lookup thus costs one cache miss, and loaders can
// prefetch the slot (Prefetch) a few rows ahead to hide even that. A general
// map of string views cost a probe and a pointer chase per candidate, which
// was half of the time of loading a large CSV file.
class IdIndex {
 public:
  // Build indexes ids[0..n); returns the positions whose id repeats an
  // earlier one (they are left out of the index).
  std::vector<uint32_t> Build(const std::vector<std::string>& ids);

  std::optional<uint32_t> Find(absl::string_view id,
                               const std::vector<std::string>& ids) const {
    return FindHashed(id, Hash(id), ids);
  }
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  std::optional<uint32_t> FindHashed(absl::string_view id, uint64_t hash,
                                     const std::vector<std::string>& ids) const {
    if (slots_.empty()) return std::nullopt;
    const uint32_t tag = Tag(hash, id.size());
    const uint64_t prefix = Prefix(id);
    for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.node == 0) return std::nullopt;
      if (slot.tag == tag && slot.prefix == prefix) {
        const uint32_t node = slot.node - 1;
        if (id.size() <= 8) return node;
        const std::string& candidate = ids[node];
        if (candidate.size() == id.size() &&
            std::memcmp(candidate.data(), id.data(), id.size()) == 0) {
          return node;
        }
      }
    }
  }
  size_t bytes() const { return slots_.size() * sizeof(Slot); }

  static uint64_t Hash(absl::string_view s) {
    auto mix = [](uint64_t a, uint64_t b) {
      const __uint128_t m = static_cast<__uint128_t>(a) * b;
      return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
    };
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = mix(h ^ w, 0xD6E8FEB86659FD93ull);
      p += 8;
      n -= 8;
    }
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    return mix(h ^ w, 0xA0761D6478BD642Full);
  }

 private:
  struct Slot {
    uint64_t prefix;  // First 8 bytes of the id, zero padded.
    uint32_t node;    // Node + 1; 0 marks an empty slot.
    uint32_t tag;     // Fingerprint (high 24 bits) and length (low 8).
  };
  static uint32_t Tag(uint64_t hash, size_t size) {
    return (static_cast<uint32_t>(hash >> 40) << 8) |
           static_cast<uint32_t>(std::min<size_t>(size, 255));
  }
  static uint64_t Prefix(absl::string_view s) {
    uint64_t w = 0;
    std::memcpy(&w, s.data(), std::min<size_t>(s.size(), 8));
    return w;
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
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

// NormalizeName is the library's one name folding (text_internal::FoldName,
// lib/text/names.h), so that "Shoigu, Sergei" and "SHOIGU Sergei" meet, and
// FindByName agrees with entity resolution.
std::string NormalizeName(absl::string_view name);
// NameKey is a 64-bit hash of NormalizeName(name); 0 for names that
// normalise to nothing.
uint64_t NameKey(absl::string_view name);
// SortNameIndex sorts and dedupes name_index.
void SortNameIndex(GraphData& d);

// DaysOfYear is the span of a whole year (open when year is 0).
DayRange DaysOfYear(int year);

// CompactDays is the span of a compact edge record: a transfer's delivery
// year, or the open-ended period or listing that starts in `year` (open when
// year is 0).
inline DayRange CompactDays(CompactKind kind, int year) {
  DayRange days = DaysOfYear(year);
  if (kind != CompactKind::kTransfer && year != 0) days.hi = kMaxDay;
  return days;
}
// CompactDaysCache is CompactDays with each year's span worked out once:
// loaders ask for it once per edge.
class CompactDaysCache {
 public:
  DayRange operator()(CompactKind kind, int year) {
    if (year <= 0 || year >= 10000) return CompactDays(kind, year);
    if (by_year_.empty()) by_year_.assign(10000, DayRange{1, 0});
    DayRange days = by_year_[year];
    if (days.lo > days.hi) days = by_year_[year] = DaysOfYear(year);
    if (kind != CompactKind::kTransfer) days.hi = kMaxDay;
    return days;
  }

 private:
  std::vector<DayRange> by_year_;  // Empty (lo > hi) until worked out.
};

// CompactEdgeFits is true when an edge with these columns can be a compact
// record of `kind`: a known status; a transfer edge with a known item; a
// sanction edge; a relation edge, with a share of 0-100 for ownership and
// none otherwise. Record streams and graph images hold compact rows to it.
bool CompactEdgeFits(CompactKind kind, EdgeKind edge_kind,
                     v1::ItemCategory item, v1::Status status, double share);

// IndexSanctionEdges fills sanction_edges from the edge kinds.
void IndexSanctionEdges(GraphData& d);
// AddNameKey adds (NameKey(name), node) to a name index, unless the name
// normalises to nothing.
inline void AddNameKey(std::vector<std::pair<uint64_t, uint32_t>>& index,
                       absl::string_view name, uint32_t node) {
  const uint64_t key = NameKey(name);
  if (key != 0) index.emplace_back(key, node);
}

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

// LoadCompactStream loads a record stream that holds only compact-shaped
// records (sources, actors, then edges) with ColumnarBuilder, on two
// threads. nullptr when the file is anything else: the caller then takes
// the general path (ReadDatasetFile, Validate, GraphBuilder).
[[nodiscard]] absl::StatusOr<std::shared_ptr<GraphData>> LoadCompactStream(
    const std::string& path, const ValidateOptions& options);
// LoadCompactStreamBytes is LoadCompactStream on bytes already in memory
// (`path` names them in origins); nullptr when they are anything else.
std::shared_ptr<GraphData> LoadCompactStreamBytes(const std::string& path,
                                                  const uint8_t* data,
                                                  size_t size,
                                                  size_t max_problems);

// Graph images (embargo/image.h). ReadImageBytes reads an image already in
// memory (`path` names it in errors); without `verify_checksums` it skips
// only the checksums, so that tests and fuzzing reach the checks behind them.
absl::Status WriteImage(const GraphData& d, const std::string& path);
absl::StatusOr<std::shared_ptr<GraphData>> ReadImage(const std::string& path);
absl::StatusOr<std::shared_ptr<GraphData>> ReadImageBytes(
    const std::string& path, const uint8_t* bytes, size_t size,
    bool verify_checksums);

// RelationKindOf is the relation kind of an edge kind
// (RELATION_KIND_UNSPECIFIED for edges that come from no relation).
v1::RelationKind RelationKindOf(EdgeKind kind);

// ForEachRepeatedCompactId calls `repeat` for each compact edge record whose
// id (kCompactIdPrefix + line) an earlier one of its kind has.
void ForEachRepeatedCompactId(const std::vector<CompactRecord>& compact,
                              absl::FunctionRef<void(const CompactRecord&)> repeat);

// One edge a record gives (see DeriveEdges).
struct DerivedEdge {
  uint32_t from, to;
  EdgeKind kind;
  v1::ItemCategory item;
  v1::Status status;
  DayRange days;
  double share;
};

// DeriveEdges calls `emit` for each edge record `r` gives, in edge order
// (an event gives its participation edges), with `node_of` naming the node
// of an id. False when an id has no node.
bool DeriveEdges(
    const v1::Record& r,
    absl::FunctionRef<std::optional<uint32_t>(absl::string_view)> node_of,
    absl::FunctionRef<void(const DerivedEdge&)> emit);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_GRAPH_DATA_H_
