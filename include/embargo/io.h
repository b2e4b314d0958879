// Reading and writing embargo records: a whole Dataset in binary, text
// format or proto3 JSON, or a stream of length-delimited Records.
//
//   absl::StatusOr<embargo::DatasetFile> file =
//       embargo::ReadDatasetFile("examples/data/article_2023.textproto");
//   if (!file.ok()) { std::cerr << file.status() << "\n"; return 2; }
//
// Every error names the file and, where there is one, the line and column
// (text format) or the record (streams). Reading never half-loads a file:
// either all of its records are returned or an error is.
//
// Thread safety: these are free functions without shared state; any number
// of threads may call them at once.

#ifndef EMBARGO_IO_H_
#define EMBARGO_IO_H_

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include <ostream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo {

// Format of a file of records.
enum class Format {
  kAuto,          // Chosen from the file name (see FormatFromPath).
  kBinary,        // A serialized v1::Dataset (".pb", ".binpb").
  kText,          // v1::Dataset in protobuf text format (".textproto",
                  // ".txtpb", ".pbtxt").
  kJson,          // v1::Dataset in proto3 JSON (".json").
  kRecordStream,  // Length-delimited v1::Records (".records", ".pbs").
  kJsonLines,     // One v1::Record a line in proto3 JSON (".jsonl").
};

// FormatFromPath guesses the format from the file name's extension.
[[nodiscard]] absl::StatusOr<Format> FormatFromPath(absl::string_view path);
// FormatName is "binary", "text", "json", "records", "jsonl" or "auto".
absl::string_view FormatName(Format format);
// ParseFormat accepts the names FormatName gives.
[[nodiscard]] absl::StatusOr<Format> ParseFormat(absl::string_view name);

// DatasetFile is the records of one file and where they came from.
struct DatasetFile {
  // The path as given; error messages name it.
  std::string path;
  // The format it was read in.
  Format format = Format::kBinary;
  // The records. A record stream's records are gathered here by kind, in
  // stream order.
  v1::Dataset dataset;
  // For record streams only: the 0-based stream position of each record,
  // per kind, parallel to the dataset's repeated fields. Empty otherwise.
  struct StreamPositions {
    std::vector<int64_t> sources, actors, events, transfers, sanctions,
        relations;
  } positions;
};

// Limits that keep hostile input in bounded memory.
struct ReadLimits {
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{8} << 30;
  // Largest single record in a stream, in bytes.
  int64_t max_record_bytes = int64_t{64} << 20;
  // Deepest nesting accepted in text and JSON input.
  int max_nesting = 64;
};

// ReadDatasetFile reads one file. Errors: NotFound / PermissionDenied when it
// cannot be opened, InvalidArgument for syntax errors (with line and column),
// DataLoss for truncated or corrupt binary data.
[[nodiscard]] absl::StatusOr<DatasetFile> ReadDatasetFile(
    const std::string& path, Format format = Format::kAuto,
    const ReadLimits& limits = {});

// ParseDatasetBytes parses records held in memory; `name` stands for the
// file name in error messages. kAuto is not accepted.
[[nodiscard]] absl::StatusOr<DatasetFile> ParseDatasetBytes(
    absl::string_view bytes, Format format, std::string name,
    const ReadLimits& limits = {});

// ReadDatasetFiles reads several files; the first unreadable file's error is
// returned.
[[nodiscard]] absl::StatusOr<std::vector<DatasetFile>> ReadDatasetFiles(
    absl::Span<const std::string> paths, const ReadLimits& limits = {});

// ParseJsonLines reads records written by WriteJsonLines (blank lines are
// skipped); `name` stands for the file in errors, which give the line:
// "out.jsonl: line 12: ...". InvalidArgument for a line that is not a
// Record or a record with no kind set.
[[nodiscard]] absl::StatusOr<v1::Dataset> ParseJsonLines(
    absl::string_view text, absl::string_view name);
// ReadJsonLinesFile reads a file of JSON lines (ReadDatasetFile with
// Format::kJsonLines, returning the records only).
[[nodiscard]] absl::StatusOr<v1::Dataset> ReadJsonLinesFile(
    const std::string& path);
// WriteJsonLines writes one v1::Record per line in proto3 JSON (field names
// as in the .proto, no line breaks inside a record): sources, actors,
// events, transfers, sanctions, relations, in that order.
[[nodiscard]] absl::Status WriteJsonLines(const v1::Dataset& dataset,
                                          std::ostream& out);

// WriteDatasetFile writes `dataset` in `format` (kAuto: from the name). A
// record stream writes sources, actors, events, transfers, sanctions and
// relations in that order.
[[nodiscard]] absl::Status WriteDatasetFile(const v1::Dataset& dataset,
                                            const std::string& path,
                                            Format format = Format::kAuto);

// SerializeDataset returns the bytes WriteDatasetFile would write.
[[nodiscard]] absl::StatusOr<std::string> SerializeDataset(
    const v1::Dataset& dataset, Format format);

// RecordStreamWriter appends length-delimited Records to a file, for
// importers that produce more records than fit comfortably in one message.
//
//   absl::StatusOr<std::unique_ptr<embargo::RecordStreamWriter>> w =
//       embargo::RecordStreamWriter::Open("out.records");
//   (*w)->Write(record);
//   absl::Status s = (*w)->Close();
//
// Not thread-safe: one writer per thread.
class RecordStreamWriter {
 public:
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<RecordStreamWriter>>
  Open(const std::string& path);
  ~RecordStreamWriter();

  // Write appends one record.
  [[nodiscard]] absl::Status Write(const v1::Record& record);
  // WriteSerialized appends one record already serialized (the caller
  // vouches that the bytes are a v1::Record).
  [[nodiscard]] absl::Status WriteSerialized(absl::string_view record);
  // Close flushes and closes the file; errors from earlier writes surface
  // here too.
  [[nodiscard]] absl::Status Close();
  // records_written counts the records written so far.
  int64_t records_written() const { return written_; }

 private:
  RecordStreamWriter(std::string path, std::ofstream out);
  // Append adds one record, `record` serialized or else `serialized`, to
  // the buffer, which Flush hands to the file.
  absl::Status Append(absl::string_view serialized, const v1::Record* record);
  absl::Status Flush();
  std::string path_;
  std::ofstream out_;
  int64_t written_ = 0;
  std::string buffer_;  // Records not yet handed to the file.
};

// AppendToDataset adds a record to the dataset field of its kind.
void AppendToDataset(v1::Record record, v1::Dataset& dataset);

}  // namespace embargo

#endif  // EMBARGO_IO_H_
