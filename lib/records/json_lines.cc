// JSON lines of v1::Record: one of the record formats. See embargo/io.h.

#include <ostream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/io.h"
#include "google/protobuf/util/json_util.h"
#include "lib/internal/status_macros.h"
#include "lib/records/utf8_fields.h"

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

absl::Status WriteJsonLines(const v1::Dataset& ds, std::ostream& out) {
  using R = v1::Record;
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.sources(), &R::mutable_source, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.actors(), &R::mutable_actor, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.events(), &R::mutable_event, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.transfers(), &R::mutable_transfer, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.sanctions(), &R::mutable_sanction, out));
  EMBARGO_RETURN_IF_ERROR(PrintAll(ds.relations(), &R::mutable_relation, out));
  if (out.fail()) return absl::DataLossError("JSON lines: write failed");
  return absl::OkStatus();
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
  EMBARGO_ASSIGN_OR_RETURN(DatasetFile file,
                           ReadDatasetFile(path, Format::kJsonLines));
  return std::move(file.dataset);
}

}  // namespace embargo
