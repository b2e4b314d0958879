// Record-level export: the records a graph holds, and JSON lines of
// v1::Record. See embargo/export.h.

#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/export.h"
#include "google/protobuf/util/json_util.h"
#include "lib/internal/status_macros.h"
#include "lib/io/export/common.h"
#include "lib/internal/input_file.h"
#include "lib/io/utf8_fields.h"

namespace embargo {
namespace {

absl::Status PrintRecord(const v1::Record& record, std::ostream& out) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = false;
  std::string line;
  auto status =
      google::protobuf::util::MessageToJsonString(record, &line, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("JSON lines: ", std::string(status.message())));
  }
  out << line << '\n';
  return absl::OkStatus();
}

template <typename M>
absl::Status PrintAll(const google::protobuf::RepeatedPtrField<M>& messages,
                      M* (v1::Record::*mutable_field)(), std::ostream& out) {
  v1::Record record;
  for (const M& m : messages) {
    *(record.*mutable_field)() = m;
    EMBARGO_RETURN_IF_ERROR(PrintRecord(record, out));
  }
  return absl::OkStatus();
}

}  // namespace

v1::Dataset DatasetFromGraph(const Graph& graph) {
  v1::Dataset ds;
  for (const v1::Source& s : graph.sources()) *ds.add_sources() = s;
  for (uint32_t n = 0; n < graph.num_nodes(); ++n) {
    AppendToDataset(graph.NodeRecord(NodeId(n)), ds);
  }
  // Transfer legs share their transfer's record, and participation edges
  // come from event records (already there as nodes): each record once.
  absl::flat_hash_set<std::pair<int, std::string>> seen;
  for (uint32_t e = 0; e < graph.num_edges(); ++e) {
    const EdgeId edge(e);
    const EdgeKind kind = graph.edge(edge).kind;
    if (kind == EdgeKind::kParticipation) continue;
    v1::Record r = graph.EdgeRecord(edge);
    std::string id = graph.EdgeRecordId(edge);
    if (!seen.insert({static_cast<int>(r.record_case()), std::move(id)})
             .second) {
      continue;
    }
    AppendToDataset(std::move(r), ds);
  }
  return ds;
}

absl::Status WriteJsonLines(const v1::Dataset& ds, std::ostream& out) {
  using R = v1::Record;
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.sources(), &R::mutable_source, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.actors(), &R::mutable_actor, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.events(), &R::mutable_event, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.transfers(), &R::mutable_transfer, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.sanctions(), &R::mutable_sanction, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.relations(), &R::mutable_relation, out));
  return internal::StreamError(out, "JSON lines");
}

absl::Status ExportJsonLines(const v1::Dataset& ds, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot open for writing"));
  EMBARGO_RETURN_IF_ERROR(WriteJsonLines(ds, out));
  out.close();
  return internal::StreamError(out, path);
}

absl::StatusOr<v1::Dataset> ParseJsonLines(absl::string_view text,
                                           absl::string_view name) {
  v1::Dataset ds;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  int64_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (absl::StripLeadingAsciiWhitespace(line).empty()) continue;
    v1::Record record;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &record,
        options);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": line ", line_no, ": not a JSON Record: ",
                       std::string(status.message())));
    }
    if (record.record_case() == v1::Record::RECORD_NOT_SET) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ": line ", line_no,
          ": the record sets none of source, actor, event, transfer, "
          "sanction, relation"));
    }
    EMBARGO_RETURN_IF_ERROR(io_internal::CheckStringsUtf8(
        record, absl::StrCat(name, ": line ", line_no), ""));
    AppendToDataset(std::move(record), ds);
  }
  return ds;
}

absl::StatusOr<v1::Dataset> ReadJsonLinesFile(const std::string& path) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read failed"));
  return ParseJsonLines(buffer.str(), path);
}

}  // namespace embargo
