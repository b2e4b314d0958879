// OpenSanctions CSV exports: targets.simple.csv and the statements CSV. See
// embargo/import/opensanctions.h.
//
// Both are turned into FtM entity lines (one JSON object a line, with the
// line of the CSV each stands for) and mapped by the FtM importer
// (ftm_internal.h), so that an entity means the same in every export.

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "embargo/import/opensanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_internal.h"
#include "lib/io/import/text_util.h"
#include "lib/text/utf8.h"
#include "nlohmann/json.hpp"

namespace embargo {
namespace {

using import_internal::CsvReader;
using import_internal::CsvRow;

const FtmModel& ModelOf(const OpenSanctionsOptions& o) {
  return o.model != nullptr ? *o.model : FtmModel::BuiltIn();
}

std::vector<std::string> SplitList(absl::string_view s) {
  std::vector<std::string> out;
  for (absl::string_view v : absl::StrSplit(s, ';')) {
    std::string c = import_internal::CleanText(v);
    if (!c.empty()) out.push_back(std::move(c));
  }
  return out;
}

// Entities turned into FtM lines, with the CSV line each stands for.
struct FtmText {
  std::string text;
  import_internal::FtmLines lines;
  void Add(const nlohmann::json& entity, int64_t line) {
    absl::StrAppend(&text, entity.dump(-1, ' ', false,
                                       nlohmann::json::error_handler_t::replace),
                    "\n");
    lines.line_numbers.push_back(line);
  }
};

// Runs the FtM mapping and merges the CSV-level rejections into its report.
absl::StatusOr<ImportResult> MapEntities(
    const FtmText& t, const std::string& path, absl::string_view format,
    const OpenSanctionsOptions& options,
    std::vector<ImportReport::Rejected> csv_rejected) {
  FtmOptions o = options.ftm;
  if (o.source_id.empty()) o.source_id = import_internal::OpenSanctionsSourceId(path);
  EMBARGO_ASSIGN_OR_RETURN(
      ImportResult r, import_internal::ParseFtmLines(t.text, path, ModelOf(options),
                                                     o, t.lines));
  r.report.format = std::string(format);
  r.report.rows_read += static_cast<int64_t>(csv_rejected.size());
  for (auto& rej : csv_rejected) r.report.rejected.push_back(std::move(rej));
  std::sort(r.report.rejected.begin(), r.report.rejected.end(),
            [](const ImportReport::Rejected& a, const ImportReport::Rejected& b) {
              return a.line < b.line;
            });
  return r;
}

absl::StatusOr<std::string> ReadUtf8(const std::string& path,
                                     const FtmOptions& o) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
                           import_internal::ReadFileBytes(path, o.max_file_bytes));
  size_t bad = 0;
  if (!text::IsValidUtf8(bytes, &bad)) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": byte ", bad + 1,
        " is not valid UTF-8 (OpenSanctions exports are UTF-8)"));
  }
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.erase(0, 3);
  return bytes;
}

}  // namespace

absl::StatusOr<ImportResult> ImportOpenSanctionsSimpleCsv(
    const std::string& path, const OpenSanctionsOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes, ReadUtf8(path, options.ftm));
  CsvReader csv(path, bytes);
  CsvRow row;
  EMBARGO_ASSIGN_OR_RETURN(bool any, csv.Next(row));
  if (!any) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": empty file"));
  }
  absl::flat_hash_map<std::string, size_t> col;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    col[absl::AsciiStrToLower(import_internal::CleanText(row.fields[i]))] = i;
  }
  for (const char* need : {"id", "schema", "name"}) {
    if (!col.contains(need)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":1: no \"", need,
          "\" column: not an OpenSanctions targets.simple.csv header"));
    }
  }
  const size_t width = row.fields.size();
  FtmText t;
  std::vector<ImportReport::Rejected> rejected;
  // Per entity id: identifiers and the sanctions text, added after mapping.
  struct Extra {
    std::vector<std::string> identifiers;
    std::string note;
  };
  std::map<std::string, Extra> extra;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, csv.Next(row));
    if (!more) break;
    if (row.fields.size() != width) {
      rejected.push_back({path, row.line, 1,
                          absl::StrCat("row of ", row.fields.size(),
                                       " fields; the header has ", width)});
      continue;
    }
    const auto cell = [&](const char* name) -> std::string {
      auto it = col.find(name);
      return it == col.end() ? std::string()
                             : import_internal::CleanText(row.fields[it->second]);
    };
    nlohmann::json e = nlohmann::json::object();
    e["id"] = cell("id");
    e["schema"] = cell("schema");
    nlohmann::json props = nlohmann::json::object();
    if (std::string n = cell("name"); !n.empty()) props["name"] = {n};
    const auto list = [&](const char* column, const char* prop) {
      std::vector<std::string> v = SplitList(cell(column));
      if (!v.empty()) props[prop] = v;
    };
    list("aliases", "alias");
    list("countries", "country");
    list("addresses", "address");
    list("phones", "phone");
    list("emails", "email");
    if (std::string b = cell("birth_date"); !b.empty()) {
      const std::string schema = cell("schema");
      props[ModelOf(options).IsA(schema, "Person") ? "birthDate"
                                                   : "incorporationDate"] =
          SplitList(b);
    }
    e["properties"] = props;
    if (std::vector<std::string> d = SplitList(cell("dataset")); !d.empty()) {
      e["datasets"] = d;
    }
    for (const char* seen : {"first_seen", "last_seen", "last_change"}) {
      if (std::string v = cell(seen); !v.empty()) e[seen] = v;
    }
    Extra& x = extra[cell("id")];
    x.identifiers = SplitList(cell("identifiers"));
    std::vector<std::string> note;
    if (std::vector<std::string> s = SplitList(cell("sanctions")); !s.empty()) {
      note.push_back(absl::StrCat("sanctions (simple CSV text): ",
                                  absl::StrJoin(s, " | ")));
    }
    if (std::vector<std::string> p = SplitList(cell("program_ids")); !p.empty()) {
      note.push_back(absl::StrCat("program ids: ", absl::StrJoin(p, ", ")));
    }
    x.note = absl::StrJoin(note, "; ");
    t.Add(e, row.line);
  }
  EMBARGO_ASSIGN_OR_RETURN(
      ImportResult r,
      MapEntities(t, path, "os-simple", options, std::move(rejected)));
  int64_t with_sanctions = 0;
  for (v1::Actor& a : *r.dataset.mutable_actors()) {
    if (!absl::StartsWith(a.id(), "FTM-")) continue;
    auto it = extra.find(a.id().substr(4));
    if (it == extra.end()) continue;
    for (const std::string& id : it->second.identifiers) {
      bool dup = false;
      for (const v1::Identifier& have : a.identifiers()) {
        dup |= have.value() == id && have.scheme() != "FTM_ID";
      }
      if (dup) continue;
      v1::Identifier* i = a.add_identifiers();
      i->set_scheme("IDENTIFIER");
      i->set_value(id);
      i->set_source_id(a.evidence_size() > 0 ? a.evidence(0).source_id() : "");
    }
    if (!it->second.note.empty()) {
      a.set_note(absl::StrCat(a.note(), "; ", it->second.note));
      ++with_sanctions;
    }
  }
  if (with_sanctions > 0) {
    r.report.notes.push_back(absl::StrCat(
        with_sanctions,
        " target(s) carry sanctions text or programme ids, kept in their note; "
        "the simple CSV names no authority or listing date, so no sanction "
        "records are written (the FtM export has them)"));
  }
  return r;
}

absl::StatusOr<ImportResult> ImportOpenSanctionsStatements(
    const std::string& path, const OpenSanctionsOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes, ReadUtf8(path, options.ftm));
  const FtmModel& model = ModelOf(options);
  CsvReader csv(path, bytes);
  CsvRow row;
  std::vector<ImportReport::Rejected> rejected;
  // Column positions; the headerless layout by default.
  int c_entity = 0, c_prop = 1, c_value = 2, c_dataset = 3, c_first = 8,
      c_last = 9, c_schema = -1;
  size_t min_width = 10;
  bool first = true;
  struct Statements {
    int64_t line = 0;  // Of the entity's first statement.
    std::set<std::string> schemata, datasets;
    std::string first_seen, last_seen;
    std::map<std::string, std::vector<std::string>> props;
  };
  std::vector<std::string> order;
  std::map<std::string, Statements> entities;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, csv.Next(row));
    if (!more) break;
    if (first) {
      first = false;
      std::map<std::string, int> h;
      for (size_t i = 0; i < row.fields.size(); ++i) {
        h[absl::AsciiStrToLower(row.fields[i])] = static_cast<int>(i);
      }
      if (h.contains("prop") && h.contains("value") &&
          (h.contains("entity_id") || h.contains("canonical_id"))) {
        c_entity = h.contains("canonical_id") ? h["canonical_id"] : h["entity_id"];
        c_prop = h["prop"];
        c_value = h["value"];
        c_schema = h.contains("schema") ? h["schema"] : -1;
        c_dataset = h.contains("dataset") ? h["dataset"] : -1;
        c_first = h.contains("first_seen") ? h["first_seen"] : -1;
        c_last = h.contains("last_seen") ? h["last_seen"] : -1;
        min_width = static_cast<size_t>(std::max({c_entity, c_prop, c_value,
                                                  c_schema, c_dataset, c_first,
                                                  c_last})) + 1;
        continue;
      }
    }
    if (row.fields.size() < min_width) {
      rejected.push_back({path, row.line, 1,
                          absl::StrCat("statement of ", row.fields.size(),
                                       " fields; expected at least ",
                                       min_width)});
      continue;
    }
    const auto f = [&](int c) -> std::string {
      return c < 0 ? std::string() : row.fields[static_cast<size_t>(c)];
    };
    const std::string id = import_internal::CleanText(f(c_entity));
    std::string prop = f(c_prop), schema = f(c_schema);
    if (size_t colon = prop.find(':'); colon != std::string::npos) {
      if (schema.empty()) schema = prop.substr(0, colon);
      prop = prop.substr(colon + 1);
    }
    if (id.empty()) {
      rejected.push_back({path, row.line, 1, "statement without an entity id"});
      continue;
    }
    if (schema.empty() || prop.empty()) {
      rejected.push_back(
          {path, row.line, row.columns[static_cast<size_t>(c_prop)],
           absl::StrCat("statement of \"", id, "\" names no \"Schema:property\"",
                        " (\"", f(c_prop), "\")")});
      continue;
    }
    if (!model.Has(schema)) {
      rejected.push_back(
          {path, row.line, row.columns[static_cast<size_t>(c_prop)],
           absl::StrCat("statement of \"", id, "\": schema \"", schema,
                        "\" is not in the FtM model")});
      continue;
    }
    auto [it, inserted] = entities.try_emplace(id);
    Statements& s = it->second;
    if (inserted) {
      order.push_back(id);
      s.line = row.line;
    }
    s.schemata.insert(schema);
    if (std::string d = f(c_dataset); !d.empty()) s.datasets.insert(d);
    const std::string fs = f(c_first), ls = f(c_last);
    if (!fs.empty() && (s.first_seen.empty() || fs < s.first_seen)) s.first_seen = fs;
    if (!ls.empty() && ls > s.last_seen) s.last_seen = ls;
    // "id" statements say only that the entity exists with this schema.
    if (prop != "id") s.props[prop].push_back(f(c_value));
  }
  FtmText t;
  int64_t mixed = 0;
  for (const std::string& id : order) {
    const Statements& s = entities[id];
    // The most specific schema: one that is every other.
    std::string schema = *s.schemata.begin();
    for (const std::string& a : s.schemata) {
      bool all = true;
      for (const std::string& b : s.schemata) all &= model.IsA(a, b);
      if (all) schema = a;
    }
    for (const std::string& b : s.schemata) {
      if (!model.IsA(schema, b)) {
        ++mixed;
        break;
      }
    }
    nlohmann::json e = {{"id", id}, {"schema", schema}};
    e["properties"] = s.props;
    e["datasets"] = s.datasets;
    if (!s.first_seen.empty()) e["first_seen"] = s.first_seen;
    if (!s.last_seen.empty()) e["last_seen"] = s.last_seen;
    t.Add(e, s.line);
  }
  EMBARGO_ASSIGN_OR_RETURN(
      ImportResult r,
      MapEntities(t, path, "os-statements", options, std::move(rejected)));
  if (mixed > 0) {
    r.report.notes.push_back(absl::StrCat(
        mixed, " entit(ies) whose statements name schemata of which none is "
               "all the others; the first most specific one was used"));
  }
  r.report.notes.push_back(
      "a row is an entity (all its statements) or an unreadable statement line");
  return r;
}

namespace import_internal {
std::string OpenSanctionsSourceId(absl::string_view path) {
  std::string base = BaseName(path);
  if (size_t dot = base.rfind('.'); dot != std::string::npos && dot > 0) {
    base.resize(dot);
  }
  for (char& c : base) {
    if (c == '.' || c == ' ') c = '-';
  }
  return absl::StrCat("FTM-", base.empty() ? "file" : base);
}
}  // namespace import_internal

std::string OpenSanctionsFormat(absl::string_view path) {
  std::string base = absl::AsciiStrToLower(import_internal::BaseName(path));
  if (base == "targets.simple.csv") return "os-simple";
  if (base == "targets.nested.json") return "ftm-nested";
  if (absl::EndsWith(base, "statements.csv")) return "os-statements";
  if (absl::EndsWith(base, ".ftm.json")) return "ftm";
  return "";
}

}  // namespace embargo
