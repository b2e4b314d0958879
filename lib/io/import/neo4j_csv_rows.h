// The Neo4j-style CSV importer's one row driver and its parts: the files
// (mapped, checked for UTF-8, headers read), lines and fields, node and
// relationship rows, and ReadNeo4jCsvRows, which feeds the rows to a sink.
// Two sinks use it (lib/io/import/neo4j_csv.cc): proto records
// (ImportNeo4jCsv) and columns of compact records (LoadNeo4jCsvGraph).
//
//   EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<neo4j_internal::Input> in,
//                            neo4j_internal::Open(nodes, edges, options));
//   MySink sink(...);
//   neo4j_internal::ReadNeo4jCsvRows(*in, options, sink);
//
// Thread safety: ReadNeo4jCsvRows calls a sink's chunk functions on up to
// two threads at once, each with its own chunk; everything else on the
// calling thread.

#ifndef EMBARGO_LIB_IO_IMPORT_NEO4J_CSV_ROWS_H_
#define EMBARGO_LIB_IO_IMPORT_NEO4J_CSV_ROWS_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/date.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/kinds.h"
#include "lib/graph/graph_data.h"

namespace embargo::neo4j_internal {

using internal::CompactKind;

// FileText holds a file's bytes: mapped read-only when it is a regular
// file (no copy, and the pages are the page cache's own), read otherwise.
class FileText {
 public:
  FileText() = default;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText() { Release(); }

  // Open maps or reads `path`; errors as ReadFileBytes', and
  // ResourceExhausted over `max` bytes.
  absl::Status Open(const std::string& path, int64_t max);

  absl::string_view text() const { return text_; }

  // Release gives the bytes back early.
  void Release();

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string owned_;
  absl::string_view text_;
};

// ---- lines and fields -------------------------------------------------------

// Splits one line into fields. Lines with a quote go through a quote-aware
// split that unescapes into `scratch`. False when a quoted field is not
// closed on the line.
// Quoted fields are unescaped into `scratch`, a deque so that growing it
// never moves the strings earlier fields of the line point into.
bool SplitLine(absl::string_view line, std::vector<absl::string_view>& out,
               std::deque<std::string>& scratch);

// Calls f(line_number, line, quoted, closed) for each line of
// text[begin, end), numbering from first_line, with `fields` holding the
// line's fields. Trailing '\r' is dropped; empty lines are skipped but
// counted. A line without a quote is split on commas in the same pass that
// finds its end (one look at each byte, where finding the end, looking for
// a quote and finding each comma were four); a line with one goes through
// SplitLine, its unquoted fields kept in `scratch` until the next line,
// and `closed` is false when a quoted field does not end on the line.
template <typename F>
void ForEachRow(absl::string_view text, size_t begin, size_t end,
                int64_t first_line, std::vector<absl::string_view>& fields,
                std::deque<std::string>& scratch, F f) {
  int64_t line_no = first_line;
  const char* p = text.data() + begin;
  const char* const stop = text.data() + end;
  while (p < stop) {
    const char* const start = p;
    const char* field = p;
    bool quoted = false;
    fields.clear();
    for (; p < stop && *p != '\n'; ++p) {
      if (*p == ',') {
        fields.emplace_back(field, static_cast<size_t>(p - field));
        field = p + 1;
      } else if (*p == '"') {
        quoted = true;
      }
    }
    const char* line_end = p;
    if (line_end > start && line_end[-1] == '\r') --line_end;
    const absl::string_view line(start, static_cast<size_t>(line_end - start));
    if (!line.empty()) {
      bool closed = true;
      if (quoted) {
        closed = SplitLine(line, fields, scratch);
      } else {
        // A '\r' the line ends with never follows its last comma's field
        // start: line_end >= field.
        fields.emplace_back(field, static_cast<size_t>(line_end - field));
      }
      f(line_no, line, quoted, closed);
    }
    ++line_no;
    p = p + 1;
  }
}

// ---- headers ---------------------------------------------------------------

enum class ValueType { kString, kInt, kFloat, kBool };

struct NodeHeader {
  size_t columns = 0;
  int id = -1, label = -1, name = -1, country = -1;
};

struct EdgeHeader {
  size_t columns = 0;
  int start = -1, end = -1, type = -1, share = -1, item = -1, year = -1,
      status = -1;
  // The "start" and "end" date columns ExportNeo4jCsv writes: a relation's
  // period, so that stakes held at different times do not sum on re-import.
  int period_start = -1, period_end = -1;
  ValueType share_type = ValueType::kFloat, year_type = ValueType::kInt;
};

// ---- rows ------------------------------------------------------------------

struct Reject {
  int64_t line;
  int64_t column;
  std::string reason;
};

struct NodeRow {
  absl::string_view id, name, country;
  v1::ActorKind kind;
};

// ParseNodeRow checks a node line into a row; false with `reject` filled
// otherwise. Unknown labels are counted in `unknown_labels`.
bool ParseNodeRow(const NodeHeader& h, absl::Span<const absl::string_view> f,
                  int64_t line, NodeRow& row, Reject& reject,
                  absl::flat_hash_map<std::string, int64_t>& unknown_labels);

struct TypeInfo {
  absl::string_view name;
  CompactKind record;
  EdgeKind edge;
  v1::RelationKind relation;
};

struct EdgeRow {
  const TypeInfo* type;
  absl::string_view start, end, program;
  double share = 0;
  int year = 0;
  v1::ItemCategory item = v1::ITEM_UNSPECIFIED;
  v1::Status status;
  PartialDate period_start, period_end;  // Unknown when absent.
};

// Per-thread parsing state: caches of parsed enum names, unknown types.
struct EdgeParser {
  const EdgeHeader& h;
  v1::Status default_status;
  std::vector<std::pair<std::string, v1::ItemCategory>> items;
  std::vector<std::pair<std::string, v1::Status>> statuses;
  absl::flat_hash_map<std::string, int64_t> unknown_types;

  // Item and Status parse an item category or status name, cached.
  std::optional<v1::ItemCategory> Item(absl::string_view s);
  std::optional<v1::Status> Status(absl::string_view s);
  // Parse checks a relationship line into `row`; false with `reject`
  // filled otherwise.
  bool Parse(absl::Span<const absl::string_view> f, int64_t line, EdgeRow& row,
             Reject& reject);
};

// ---- the two files ---------------------------------------------------------

struct Input {
  std::string nodes_path, edges_path;
  FileText nodes_file, edges_file;
  absl::string_view nodes_text, edges_text;  // Their bytes.
  size_t nodes_body = 0, edges_body = 0;  // Offsets after the header.
  NodeHeader node_header;
  EdgeHeader edge_header;
  ImportReport report;
};

// Open opens both files, refuses text that is not UTF-8 with its line and
// column, and reads the two headers.
absl::StatusOr<std::unique_ptr<Input>> Open(const std::string& nodes_path,
                                            const std::string& edges_path,
                                            const Neo4jCsvOptions& options);

// SourceFor is the Source record of one of the files.
v1::Source SourceFor(const std::string& path);

// Cuts text[begin, end) into `parts` ranges at line boundaries and gives
// the line number of each range's first line (the header is line 1).
struct Range {
  size_t begin, end;
  int64_t first_line;
};

std::vector<Range> Cut(absl::string_view text, size_t begin, int parts);

// What one thread of edge parsing gives back, besides its sink.
struct EdgePart {
  std::vector<Reject> rejected;
  int64_t read = 0;
  int64_t imported = 0;
  absl::flat_hash_map<std::string, int64_t> unknown_types;
};

// Runs parse(range, part) for each part, on threads when asked.
template <typename F>
void RunParts(const std::vector<Range>& ranges, std::vector<EdgePart>& parts,
              bool parallel, F parse) {
  parts.resize(ranges.size());
  if (!parallel || ranges.size() == 1) {
    for (size_t i = 0; i < ranges.size(); ++i) parse(ranges[i], parts[i], i);
    return;
  }
  std::vector<std::thread> threads;
  for (size_t i = 1; i < ranges.size(); ++i) {
    threads.emplace_back([&, i] { parse(ranges[i], parts[i], i); });
  }
  parse(ranges[0], parts[0], 0);
  for (std::thread& t : threads) t.join();
}

// AddRejects adds the rejected rows of `file` to the report, in line order.
void AddRejects(ImportReport& report, const std::string& file,
                std::vector<Reject>& rejects);

// Tally notes each unknown label or type with its number of rows.
void Tally(ImportReport& report, absl::string_view what,
           const absl::flat_hash_map<std::string, int64_t>& counts);

// Parts is the number of parts the relationship file is read in: two when
// asked to run in parallel and the file is over 1 MiB, one otherwise.
int Parts(const Input& in, const Neo4jCsvOptions& options);

// ---- the driver ------------------------------------------------------------

// ReadNeo4jCsvRows reads the node rows of `in` into sink.AddNode, in file
// order, then the relationship rows in up to two parts on threads, each into
// its own chunk (sink.NewChunk, sink.AddEdge, sink.FlushChunk), and hands the
// chunks to sink.AddChunk in file order. Rows that cannot be read, and rows
// the sink refuses, are rejected with their line and column; the counts and
// unknown labels and types go to `in.report`. The files' bytes are released
// as soon as each is read. A Sink provides:
//
//   void ReserveNodes(size_t lines);
//   bool AddNode(const NodeRow& row, int64_t line, Reject& reject);
//   void SealNodes(std::vector<Reject>& rejects);  // After the last node.
//   Chunk NewChunk(const Range& range, size_t index);
//   void AddEdge(Chunk& c, const EdgeRow& row, int64_t line, bool quoted,
//                EdgePart& part);           // ++part.imported when kept.
//   void FlushChunk(Chunk& c, EdgePart& part);
//   void AddChunk(Chunk&& c, EdgePart& part);  // In file order.
template <typename Sink>
void ReadNeo4jCsvRows(Input& in, const Neo4jCsvOptions& options, Sink& sink) {
  ImportReport& report = in.report;
  absl::flat_hash_map<std::string, int64_t> unknown_labels;
  {
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    std::vector<Reject> rejects;
    sink.ReserveNodes(static_cast<size_t>(std::count(
        in.nodes_text.begin() + static_cast<std::ptrdiff_t>(in.nodes_body),
        in.nodes_text.end(), '\n')));
    ForEachRow(in.nodes_text, in.nodes_body, in.nodes_text.size(), 2, fields,
               scratch, [&](int64_t line, absl::string_view, bool, bool closed) {
      ++report.rows_read;
      if (!closed) {
        rejects.push_back({line, 0, "a quoted field is not closed on its line"});
        return;
      }
      Reject reject;
      NodeRow row;
      if (!ParseNodeRow(in.node_header, fields, line, row, reject,
                        unknown_labels) ||
          !sink.AddNode(row, line, reject)) {
        rejects.push_back(std::move(reject));
        return;
      }
      ++report.rows_imported;
    });
    const size_t before = rejects.size();
    sink.SealNodes(rejects);
    report.rows_imported -= static_cast<int64_t>(rejects.size() - before);
    AddRejects(report, in.nodes_path, rejects);
    in.nodes_file.Release();
    in.nodes_text = absl::string_view();
  }

  const std::vector<Range> ranges =
      Cut(in.edges_text, in.edges_body, Parts(in, options));
  std::vector<EdgePart> parts;
  using Chunk = decltype(sink.NewChunk(ranges[0], 0));
  std::vector<std::optional<Chunk>> chunks(ranges.size());
  RunParts(ranges, parts, options.parallel,
           [&](const Range& range, EdgePart& part, size_t index) {
    EdgeParser parser{in.edge_header, options.default_status, {}, {}, {}};
    Chunk& chunk = chunks[index].emplace(sink.NewChunk(range, index));
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    EdgeRow row;
    ForEachRow(in.edges_text, range.begin, range.end, range.first_line, fields,
               scratch,
               [&](int64_t line, absl::string_view, bool quoted, bool closed) {
      ++part.read;
      if (!closed) {
        part.rejected.push_back(
            {line, 0, "a quoted field is not closed on its line"});
        return;
      }
      Reject reject;
      if (!parser.Parse(fields, line, row, reject)) {
        part.rejected.push_back(std::move(reject));
        return;
      }
      sink.AddEdge(chunk, row, line, quoted, part);
    });
    sink.FlushChunk(chunk, part);
    part.unknown_types = std::move(parser.unknown_types);
  });

  absl::flat_hash_map<std::string, int64_t> unknown_types;
  for (size_t i = 0; i < parts.size(); ++i) {
    EdgePart& part = parts[i];
    report.rows_read += part.read;
    report.rows_imported += part.imported;
    AddRejects(report, in.edges_path, part.rejected);
    for (const auto& [name, n] : part.unknown_types) unknown_types[name] += n;
    sink.AddChunk(std::move(*chunks[i]), part);
  }
  in.edges_file.Release();
  in.edges_text = absl::string_view();
  Tally(report, "label", unknown_labels);
  Tally(report, "relationship type", unknown_types);
}

}  // namespace embargo::neo4j_internal

#endif  // EMBARGO_LIB_IO_IMPORT_NEO4J_CSV_ROWS_H_
