// Reading and writing record files. See embargo/io.h.

#include "embargo/io.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "lib/internal/input_file.h"
#include "lib/internal/status_macros.h"
#include "lib/records/utf8_fields.h"

namespace embargo {
namespace {

using google::protobuf::io::ArrayInputStream;
using google::protobuf::io::CodedInputStream;

absl::Status ErrnoError(const std::string& path, absl::string_view what) {
  const int err = errno;
  std::string msg = absl::StrCat(path, ": cannot ", what, ": ", std::strerror(err));
  if (err == ENOENT) return absl::NotFoundError(msg);
  if (err == EACCES) return absl::PermissionDeniedError(msg);
  return absl::UnavailableError(msg);
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path,
                                          int64_t max_bytes) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return ErrnoError(path, "open");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return ErrnoError(path, "read");
  if (size > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat(path, ": file is ", size, " bytes, over the limit of ",
                     max_bytes));
  }
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) return ErrnoError(path, "read");
  return bytes;
}

// Collects text-format parse errors with 1-based positions.
class TextErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit TextErrors(std::string name) : name_(std::move(name)) {}
  void AddError(int line, int column, const std::string& message) override {
    if (errors_.size() < 20) {
      errors_.push_back(absl::StrCat(name_, ":", line + 1, ":", column + 1,
                                     ": ", message));
    }
  }
  void AddWarning(int, int, const std::string&) override {}
  std::string Joined() const { return absl::StrJoin(errors_, "\n"); }

 private:
  std::string name_;
  std::vector<std::string> errors_;
};

// Maximum nesting of the JSON text, counted over brackets outside strings.
int JsonDepth(absl::string_view text) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

absl::Status ParseStream(absl::string_view bytes, const ReadLimits& limits,
                         DatasetFile& file) {
  ArrayInputStream array(bytes.data(), static_cast<int>(bytes.size()));
  CodedInputStream in(&array);
  in.SetTotalBytesLimit(static_cast<int>(
      std::min<int64_t>(bytes.size(), std::numeric_limits<int>::max())));
  int64_t position = 0;
  v1::Dataset& ds = file.dataset;
  while (in.CurrentPosition() < static_cast<int>(bytes.size())) {
    const int offset = in.CurrentPosition();
    uint64_t size = 0;
    if (!in.ReadVarint64(&size)) {
      return absl::DataLossError(absl::StrCat(
          file.path, ": record ", position, " at byte ", offset,
          ": unreadable length prefix (truncated or not a record stream)"));
    }
    const int64_t remaining =
        static_cast<int64_t>(bytes.size()) - in.CurrentPosition();
    if (size > static_cast<uint64_t>(limits.max_record_bytes)) {
      return absl::ResourceExhaustedError(absl::StrCat(
          file.path, ": record ", position, " at byte ", offset, ": length ",
          size, " is over the record limit of ", limits.max_record_bytes));
    }
    if (static_cast<int64_t>(size) > remaining) {
      return absl::DataLossError(absl::StrCat(
          file.path, ": record ", position, " at byte ", offset, ": length ",
          size, " runs past the end of the file (", remaining,
          " bytes left): truncated file?"));
    }
    v1::Record record;
    const CodedInputStream::Limit limit = in.PushLimit(static_cast<int>(size));
    if (!record.ParseFromCodedStream(&in) || !in.ConsumedEntireMessage()) {
      return absl::DataLossError(absl::StrCat(file.path, ": record ", position,
                                              " at byte ", offset,
                                              ": not a valid Record"));
    }
    in.PopLimit(limit);
    switch (record.record_case()) {
      case v1::Record::kSource:
        file.positions.sources.push_back(position);
        break;
      case v1::Record::kActor:
        file.positions.actors.push_back(position);
        break;
      case v1::Record::kEvent:
        file.positions.events.push_back(position);
        break;
      case v1::Record::kTransfer:
        file.positions.transfers.push_back(position);
        break;
      case v1::Record::kSanction:
        file.positions.sanctions.push_back(position);
        break;
      case v1::Record::kRelation:
        file.positions.relations.push_back(position);
        break;
      case v1::Record::RECORD_NOT_SET:
        return absl::InvalidArgumentError(
            absl::StrCat(file.path, ": record ", position, " at byte ", offset,
                         ": record: no record kind is set"));
    }
    AppendToDataset(std::move(record), ds);
    ++position;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Format> FormatFromPath(absl::string_view path) {
  const std::string p = absl::AsciiStrToLower(path);
  for (const char* ext : {".pb", ".binpb", ".bin"}) {
    if (absl::EndsWith(p, ext)) return Format::kBinary;
  }
  for (const char* ext : {".textproto", ".txtpb", ".pbtxt", ".textpb"}) {
    if (absl::EndsWith(p, ext)) return Format::kText;
  }
  if (absl::EndsWith(p, ".json")) return Format::kJson;
  for (const char* ext : {".records", ".pbs", ".recordio"}) {
    if (absl::EndsWith(p, ext)) return Format::kRecordStream;
  }
  if (absl::EndsWith(p, ".jsonl")) return Format::kJsonLines;
  return absl::InvalidArgumentError(absl::StrCat(
      path,
      ": cannot tell the format from the file name; use .pb (binary), "
      ".textproto (text), .json (proto3 JSON), .records (record stream) or "
      ".jsonl (JSON lines of records), or "
      "name the format"));
}

absl::string_view FormatName(Format format) {
  switch (format) {
    case Format::kAuto:
      return "auto";
    case Format::kBinary:
      return "binary";
    case Format::kText:
      return "text";
    case Format::kJson:
      return "json";
    case Format::kRecordStream:
      return "records";
    case Format::kJsonLines:
      return "jsonl";
  }
  return "auto";
}

absl::StatusOr<Format> ParseFormat(absl::string_view name) {
  for (Format f : {Format::kAuto, Format::kBinary, Format::kText, Format::kJson,
                   Format::kRecordStream, Format::kJsonLines}) {
    if (FormatName(f) == absl::AsciiStrToLower(name)) return f;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format \"", name,
      "\"; expected one of: auto, binary, text, json, records, jsonl"));
}

void AppendToDataset(v1::Record record, v1::Dataset& ds) {
  switch (record.record_case()) {
    case v1::Record::kSource:
      *ds.add_sources() = std::move(*record.mutable_source());
      break;
    case v1::Record::kActor:
      *ds.add_actors() = std::move(*record.mutable_actor());
      break;
    case v1::Record::kEvent:
      *ds.add_events() = std::move(*record.mutable_event());
      break;
    case v1::Record::kTransfer:
      *ds.add_transfers() = std::move(*record.mutable_transfer());
      break;
    case v1::Record::kSanction:
      *ds.add_sanctions() = std::move(*record.mutable_sanction());
      break;
    case v1::Record::kRelation:
      *ds.add_relations() = std::move(*record.mutable_relation());
      break;
    case v1::Record::RECORD_NOT_SET:
      break;
  }
}

absl::StatusOr<DatasetFile> ParseDatasetBytes(absl::string_view bytes,
                                              Format format, std::string name,
                                              const ReadLimits& limits) {
  DatasetFile file;
  file.path = std::move(name);
  file.format = format;
  if (static_cast<int64_t>(bytes.size()) > limits.max_file_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat(file.path, ": input is ", bytes.size(),
                     " bytes, over the limit of ", limits.max_file_bytes));
  }
  switch (format) {
    case Format::kAuto:
      return absl::InvalidArgumentError(
          absl::StrCat(file.path, ": a format must be named"));
    case Format::kBinary: {
      if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
        return absl::ResourceExhaustedError(absl::StrCat(
            file.path,
            ": a binary Dataset over 2 GiB cannot be read; write a record "
            "stream instead"));
      }
      ArrayInputStream array(bytes.data(), static_cast<int>(bytes.size()));
      CodedInputStream in(&array);
      in.SetRecursionLimit(limits.max_nesting);
      if (!file.dataset.ParseFromCodedStream(&in) ||
          !in.ConsumedEntireMessage()) {
        return absl::DataLossError(absl::StrCat(
            file.path,
            ": not a valid binary Dataset (truncated, corrupt, or another "
            "format)"));
      }
      return file;
    }
    case Format::kText: {
      google::protobuf::TextFormat::Parser parser;
      TextErrors errors(file.path);
      parser.RecordErrorsTo(&errors);
      parser.SetRecursionLimit(limits.max_nesting);
      ArrayInputStream array(bytes.data(), static_cast<int>(std::min<size_t>(
                                               bytes.size(), INT32_MAX)));
      if (!parser.Parse(&array, &file.dataset)) {
        std::string joined = errors.Joined();
        if (joined.empty()) joined = absl::StrCat(file.path, ": invalid text format");
        return absl::InvalidArgumentError(joined);
      }
      EMBARGO_RETURN_IF_ERROR(io_internal::CheckDatasetUtf8(file.dataset, file.path));
      return file;
    }
    case Format::kJson: {
      if (JsonDepth(bytes) > limits.max_nesting) {
        return absl::InvalidArgumentError(absl::StrCat(
            file.path, ": JSON nested deeper than ", limits.max_nesting,
            " levels"));
      }
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = false;
      auto status = google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(bytes.data(), bytes.size()),
          &file.dataset, options);
      if (!status.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            file.path, ": invalid proto3 JSON Dataset: ",
            std::string(status.message())));
      }
      EMBARGO_RETURN_IF_ERROR(io_internal::CheckDatasetUtf8(file.dataset, file.path));
      return file;
    }
    case Format::kRecordStream: {
      EMBARGO_RETURN_IF_ERROR(ParseStream(bytes, limits, file));
      return file;
    }
    case Format::kJsonLines: {
      EMBARGO_ASSIGN_OR_RETURN(file.dataset, ParseJsonLines(bytes, file.path));
      return file;
    }
  }
  return absl::InternalError("unreachable");
}

absl::StatusOr<DatasetFile> ReadDatasetFile(const std::string& path,
                                            Format format,
                                            const ReadLimits& limits) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  if (format == Format::kAuto) {
    EMBARGO_ASSIGN_OR_RETURN(format, FormatFromPath(path));
  }
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
                           ReadWholeFile(path, limits.max_file_bytes));
  return ParseDatasetBytes(bytes, format, path, limits);
}

absl::StatusOr<std::vector<DatasetFile>> ReadDatasetFiles(
    absl::Span<const std::string> paths, const ReadLimits& limits) {
  std::vector<DatasetFile> files;
  files.reserve(paths.size());
  for (const std::string& path : paths) {
    EMBARGO_ASSIGN_OR_RETURN(DatasetFile file,
                             ReadDatasetFile(path, Format::kAuto, limits));
    files.push_back(std::move(file));
  }
  return files;
}

absl::StatusOr<std::string> SerializeDataset(const v1::Dataset& dataset,
                                             Format format) {
  std::string out;
  switch (format) {
    case Format::kAuto:
      return absl::InvalidArgumentError("a format must be named");
    case Format::kBinary:
      if (!dataset.SerializeToString(&out)) {
        return absl::InvalidArgumentError(
            "dataset too large for one binary message (2 GiB); write a record "
            "stream");
      }
      return out;
    case Format::kText:
      if (!google::protobuf::TextFormat::PrintToString(dataset, &out)) {
        return absl::InternalError("text format printing failed");
      }
      return out;
    case Format::kJson: {
      google::protobuf::util::JsonPrintOptions options;
      options.preserve_proto_field_names = true;
      options.add_whitespace = true;
      auto status =
          google::protobuf::util::MessageToJsonString(dataset, &out, options);
      if (!status.ok()) {
        return absl::InternalError(std::string(status.message()));
      }
      return out;
    }
    case Format::kRecordStream: {
      google::protobuf::io::StringOutputStream stream(&out);
      google::protobuf::io::CodedOutputStream coded(&stream);
      v1::Record record;
      auto write = [&](auto setter, const auto& items) {
        for (const auto& item : items) {
          *(record.*setter)() = item;
          coded.WriteVarint32(static_cast<uint32_t>(record.ByteSizeLong()));
          record.SerializeWithCachedSizes(&coded);
        }
      };
      write(&v1::Record::mutable_source, dataset.sources());
      write(&v1::Record::mutable_actor, dataset.actors());
      write(&v1::Record::mutable_event, dataset.events());
      write(&v1::Record::mutable_transfer, dataset.transfers());
      write(&v1::Record::mutable_sanction, dataset.sanctions());
      write(&v1::Record::mutable_relation, dataset.relations());
      coded.Trim();
      if (coded.HadError()) return absl::InternalError("stream write failed");
      break;
    }
    case Format::kJsonLines: {
      std::ostringstream lines;
      EMBARGO_RETURN_IF_ERROR(WriteJsonLines(dataset, lines));
      out = std::move(lines).str();
      break;
    }
  }
  return out;
}

absl::Status WriteDatasetFile(const v1::Dataset& dataset,
                              const std::string& path, Format format) {
  if (format == Format::kAuto) {
    EMBARGO_ASSIGN_OR_RETURN(format, FormatFromPath(path));
  }
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes, SerializeDataset(dataset, format));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return ErrnoError(path, "create");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return ErrnoError(path, "write");
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<RecordStreamWriter>> RecordStreamWriter::Open(
    const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return ErrnoError(path, "create");
  return std::unique_ptr<RecordStreamWriter>(
      new RecordStreamWriter(path, std::move(out)));
}

RecordStreamWriter::RecordStreamWriter(std::string path, std::ofstream out)
    : path_(std::move(path)), out_(std::move(out)) {}

// Records are gathered in buffer_ and handed to the file a megabyte at a
// time: through the stream's own 8 KiB buffer, a million FtM entities'
// records took some 50,000 write system calls.
namespace {
constexpr size_t kWriteChunkBytes = size_t{1} << 20;
}  // namespace

RecordStreamWriter::~RecordStreamWriter() {
  // As the stream's destructor did for its own buffer: what was written
  // reaches the file even without Close (whose status is then not seen).
  (void)Flush();
}

absl::Status RecordStreamWriter::Flush() {
  if (buffer_.empty()) return absl::OkStatus();
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  if (!out_) return ErrnoError(path_, "write");
  return absl::OkStatus();
}

absl::Status RecordStreamWriter::Append(absl::string_view serialized,
                                        const v1::Record* record) {
  const size_t size = record != nullptr ? record->ByteSizeLong() : serialized.size();
  if (size > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return absl::InvalidArgumentError(absl::StrCat(
        path_, ": record ", written_ + 1, " of ", size,
        " bytes is larger than a record stream can hold (2 GiB)"));
  }
  using google::protobuf::io::CodedOutputStream;
  const auto length = static_cast<uint32_t>(size);
  const size_t at = buffer_.size();
  buffer_.resize(at + CodedOutputStream::VarintSize32(length) + size);
  auto* p = reinterpret_cast<uint8_t*>(buffer_.data() + at);
  p = CodedOutputStream::WriteVarint32ToArray(length, p);
  if (record != nullptr) {
    record->SerializeWithCachedSizesToArray(p);
  } else {
    std::memcpy(p, serialized.data(), size);
  }
  ++written_;
  if (buffer_.size() >= kWriteChunkBytes) return Flush();
  return absl::OkStatus();
}

absl::Status RecordStreamWriter::Write(const v1::Record& record) {
  return Append({}, &record);
}

absl::Status RecordStreamWriter::WriteSerialized(absl::string_view record) {
  return Append(record, nullptr);
}

absl::Status RecordStreamWriter::Close() {
  const absl::Status flushed = Flush();
  out_.close();
  EMBARGO_RETURN_IF_ERROR(flushed);
  if (!out_) return ErrnoError(path_, "close");
  return absl::OkStatus();
}

}  // namespace embargo
