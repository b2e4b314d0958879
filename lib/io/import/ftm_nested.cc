// OpenSanctions targets.nested.json: FtM entities with the entities they
// refer to nested in their properties. See embargo/import/opensanctions.h.
//
// Each line is taken apart into flat FtM entity lines (every nested entity
// one of its own, its place in the parent replaced by its id) and mapped by
// the FtM importer (ftm_internal.h). An entity nested under several targets
// is read once.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "embargo/import/ftm.h"
#include "embargo/import/opensanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_internal.h"
#include "lib/io/import/text_util.h"
#include "lib/text/utf8.h"
#include "nlohmann/json.hpp"

namespace embargo {
namespace {

bool IsEntity(const nlohmann::json& j) {
  return j.is_object() && j.contains("id") && j["id"].is_string() &&
         j.contains("schema");
}

// Flatten appends `entity` and every entity nested in it, depth first.
void Flatten(nlohmann::json entity, int64_t line, int depth,
             absl::flat_hash_set<std::string>& seen, std::string& text,
             std::vector<int64_t>& lines, int64_t& repeats) {
  const std::string id = entity["id"].get<std::string>();
  if (!seen.insert(id).second) {
    ++repeats;
    return;
  }
  std::vector<nlohmann::json> nested;
  if (auto p = entity.find("properties"); p != entity.end() && p->is_object()) {
    for (auto& [prop, values] : p->items()) {
      if (!values.is_array()) continue;
      for (nlohmann::json& v : values) {
        if (IsEntity(v)) {
          nested.push_back(std::move(v));
          v = nested.back()["id"];
        }
      }
    }
  }
  absl::StrAppend(&text,
                  entity.dump(-1, ' ', false,
                              nlohmann::json::error_handler_t::replace),
                  "\n");
  lines.push_back(line);
  if (depth > 32) return;  // ParseLine would refuse deeper nesting anyway.
  for (nlohmann::json& n : nested) {
    Flatten(std::move(n), line, depth + 1, seen, text, lines, repeats);
  }
}

}  // namespace

absl::StatusOr<ImportResult> ImportFtmNestedJson(
    const std::string& path, const OpenSanctionsOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(
      std::string bytes,
      import_internal::ReadFileBytes(path, options.ftm.max_file_bytes));
  absl::string_view all = bytes;
  absl::ConsumePrefix(&all, "\xEF\xBB\xBF");
  std::string text;
  import_internal::FtmLines lines;
  absl::flat_hash_set<std::string> seen;
  int64_t repeats = 0, line_number = 0;
  for (absl::string_view line : absl::StrSplit(all, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    nlohmann::json j;
    bool parsed = false;
    if (text::IsValidUtf8(line)) {
      j = nlohmann::json::parse(line.begin(), line.end(), nullptr,
                                /*allow_exceptions=*/false);
      parsed = !j.is_discarded() && IsEntity(j);
    }
    if (!parsed) {
      // Passed on as it is: the FtM importer says what is wrong with it.
      absl::StrAppend(&text, line, "\n");
      lines.line_numbers.push_back(line_number);
      continue;
    }
    Flatten(std::move(j), line_number, 0, seen, text, lines.line_numbers,
            repeats);
  }
  const FtmModel& model =
      options.model != nullptr ? *options.model : FtmModel::BuiltIn();
  FtmOptions o = options.ftm;
  if (o.source_id.empty()) o.source_id = import_internal::OpenSanctionsSourceId(path);
  EMBARGO_ASSIGN_OR_RETURN(
      ImportResult r, import_internal::ParseFtmLines(text, path, model, o, lines));
  r.report.format = "ftm-nested";
  r.report.notes.push_back(
      "a row is an entity, top-level or nested; lines are those of the "
      "top-level entity each was nested in");
  if (repeats > 0) {
    r.report.notes.push_back(absl::StrCat(
        repeats, " repeat(s) of entities nested under several targets read "
                 "once"));
  }
  return r;
}

}  // namespace embargo
