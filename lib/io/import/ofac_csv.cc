// OFAC legacy SDN CSV importer. See embargo/import/ofac.h.
//
// Each file is read whole (bounded by max_file_bytes), stripped of its
// trailing 0x1A (the DOS end-of-file mark OFAC still writes), decoded from
// cp1252 to UTF-8 and read as RFC 4180 CSV without a header. "-0-" (with
// or without its trailing space) is OFAC's null. sdn.csv rows become
// entries; sdn_comments.csv text is appended to its entry's remarks before
// they are read; add.csv and alt.csv rows attach addresses and aliases.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/import/ofac.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/list_common.h"
#include "lib/io/import/ofac_common.h"
#include "lib/io/import/text_util.h"
#include "lib/text/cp1252.h"

namespace embargo {
namespace {

using import_internal::BaseName;
using import_internal::CsvReader;
using import_internal::CsvRow;
using import_internal::ListBuilder;
using import_internal::OfacEntry;

// OFAC's null is "-0-", usually followed by a space.
std::string Field(const std::string& raw) {
  absl::string_view s = absl::StripAsciiWhitespace(raw);
  if (s == "-0-") return "";
  return std::string(s);
}

// Reads a whole cp1252 CSV file into rows.
absl::StatusOr<std::vector<CsvRow>> ReadOfacCsvFile(const std::string& path,
                                                    int64_t max_bytes) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
                           import_internal::ReadFileBytes(path, max_bytes));
  while (!bytes.empty() && bytes.back() == '\x1A') bytes.pop_back();
  std::string utf8;
  text::Cp1252ToUtf8(bytes, text::Cp1252Undefined::kC1Control, utf8);
  CsvReader reader(path, utf8);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) break;
    rows.push_back(std::move(row));
  }
  return rows;
}

void Reject(ImportReport& report, const std::string& path, const CsvRow& row,
            size_t field, std::string reason) {
  report.rejected.push_back(
      {path, row.line,
       field < row.columns.size() ? row.columns[field] : int64_t{1},
       std::move(reason)});
}

// Checks a row's width; rejects it otherwise.
bool HasWidth(ImportReport& report, const std::string& path, const CsvRow& row,
              size_t width) {
  if (row.fields.size() == width) return true;
  Reject(report, path, row, row.fields.size() < width ? row.fields.size() - 1 : width,
         absl::StrCat(row.fields.size(), " columns, expected ", width,
                      row.fields.size() < width ? " (truncated row?)" : ""));
  return false;
}

}  // namespace

absl::StatusOr<OfacCsvOptions> OfacCsvFilesByName(
    const std::vector<std::string>& files) {
  OfacCsvOptions o;
  std::string* slots[] = {&o.sdn_path, &o.add_path, &o.alt_path,
                          &o.comments_path};
  int consolidated = 0;
  for (const std::string& f : files) {
    const std::string lower = absl::AsciiStrToLower(BaseName(f));
    absl::string_view base = lower;
    const bool cons = absl::ConsumePrefix(&base, "cons_");
    consolidated += cons ? 1 : 0;
    int slot = 0;  // sdn.csv, cons_prim.csv and any other name.
    if (absl::StrContains(base, "comments")) {
      slot = 3;
    } else if (absl::StartsWith(base, "add")) {
      slot = 1;
    } else if (absl::StartsWith(base, "alt")) {
      slot = 2;
    }
    if (!slots[slot]->empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "OFAC CSV: two files for one role: ", *slots[slot], " and ", f));
    }
    *slots[slot] = f;
  }
  if (consolidated != 0 && consolidated != static_cast<int>(files.size())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "OFAC CSV: SDN and consolidated (cons_*.csv) files mixed in one "
        "import: ", absl::StrJoin(files, ", "), "; import each set apart"));
  }
  if (o.sdn_path.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "OFAC CSV: no entries file (sdn.csv or cons_prim.csv) among ",
        absl::StrJoin(files, ", ")));
  }
  return o;
}

absl::StatusOr<ImportResult> ImportOfacCsv(const OfacCsvOptions& options) {
  if (options.sdn_path.empty()) {
    return absl::InvalidArgumentError("OFAC CSV import: sdn_path is required");
  }
  v1::Date edition = options.edition_date;
  if (edition.year() == 0) {
    std::optional<v1::Date> d = import_internal::DateFromPath(options.sdn_path);
    if (!d) {
      return absl::InvalidArgumentError(absl::StrCat(
          options.sdn_path,
          ": the CSV carries no edition date and none is in its path; set "
          "OfacCsvOptions.edition_date"));
    }
    edition = *d;
  } else if (!import_internal::ParseListDate(
                  import_internal::DateString(edition))) {
    return absl::InvalidArgumentError(
        absl::StrCat("OFAC CSV import: edition_date ",
                     import_internal::DateString(edition), " is not a date"));
  }
  const std::string edition_text = import_internal::DateString(edition);
  // The consolidated (non-SDN) set: cons_prim.csv and its companions.
  const bool consolidated = absl::StartsWith(
      absl::AsciiStrToLower(BaseName(options.sdn_path)), "cons_");
  const std::string source_id =
      options.source_id.empty()
          ? absl::StrCat(consolidated ? "ofac-cons-csv-" : "ofac-sdn-csv-",
                         edition_text)
          : options.source_id;
  ListBuilder builder(source_id, "ofac-csv");
  ImportReport& report = builder.report();

  // sdn.csv.
  EMBARGO_ASSIGN_OR_RETURN(std::vector<CsvRow> sdn_rows,
                           ReadOfacCsvFile(options.sdn_path, options.max_file_bytes));
  report.files.push_back(options.sdn_path);
  const std::string sdn_base = BaseName(options.sdn_path);
  std::vector<OfacEntry> entries;
  std::map<std::string, size_t> by_uid;
  for (const CsvRow& row : sdn_rows) {
    ++report.rows_read;
    if (!HasWidth(report, options.sdn_path, row, 12)) continue;
    const std::string uid = Field(row.fields[0]);
    std::optional<int64_t> num = import_internal::ParseInt64(uid);
    if (!num || *num <= 0) {
      Reject(report, options.sdn_path, row, 0,
             absl::StrCat("ent_num \"", uid, "\" is not a positive integer"));
      continue;
    }
    OfacEntry e;
    e.uid = absl::StrCat(*num);
    if (by_uid.contains(e.uid)) {
      Reject(report, options.sdn_path, row, 0,
             absl::StrCat("duplicate ent_num ", e.uid, "; first at ",
                          entries[by_uid[e.uid]].locator));
      continue;
    }
    e.name = import_internal::CleanText(Field(row.fields[1]));
    if (e.name.empty()) {
      Reject(report, options.sdn_path, row, 1, "SDN_Name is empty");
      continue;
    }
    e.type = Field(row.fields[2]);
    if (e.type.empty()) e.type = "entity";
    for (absl::string_view p : absl::StrSplit(Field(row.fields[3]), "] [")) {
      p = absl::StripAsciiWhitespace(p);
      p = absl::StripPrefix(p, "[");
      p = absl::StripSuffix(p, "]");
      p = absl::StripAsciiWhitespace(p);
      if (!p.empty()) e.programs.push_back(std::string(p));
    }
    if (e.programs.empty()) {
      Reject(report, options.sdn_path, row, 3, "no sanctions programme");
      continue;
    }
    e.title = Field(row.fields[4]);
    e.call_sign = Field(row.fields[5]);
    e.vessel_type = Field(row.fields[6]);
    e.tonnage = Field(row.fields[7]);
    e.grt = Field(row.fields[8]);
    e.vessel_flag = Field(row.fields[9]);
    e.vessel_owner = Field(row.fields[10]);
    e.remarks = Field(row.fields[11]);
    e.locator = absl::StrCat(sdn_base, ":", row.line);
    by_uid[e.uid] = entries.size();
    entries.push_back(std::move(e));
    ++report.rows_imported;
  }
  const int64_t entry_count = static_cast<int64_t>(entries.size());

  // Looks up the entry of an auxiliary row, rejecting orphans.
  const auto entry_of = [&](const std::string& path, const CsvRow& row)
      -> OfacEntry* {
    const std::string uid = Field(row.fields[0]);
    std::optional<int64_t> num = import_internal::ParseInt64(uid);
    auto it = num ? by_uid.find(absl::StrCat(*num)) : by_uid.end();
    if (it == by_uid.end()) {
      Reject(report, path, row, 0,
             absl::StrCat("ent_num \"", uid, "\" has no imported entry in ",
                          sdn_base));
      return nullptr;
    }
    return &entries[it->second];
  };

  // sdn_comments.csv: the rest of remarks too long for sdn.csv.
  if (!options.comments_path.empty()) {
    EMBARGO_ASSIGN_OR_RETURN(
        std::vector<CsvRow> rows,
        ReadOfacCsvFile(options.comments_path, options.max_file_bytes));
    report.files.push_back(options.comments_path);
    for (const CsvRow& row : rows) {
      ++report.rows_read;
      if (!HasWidth(report, options.comments_path, row, 2)) continue;
      OfacEntry* e = entry_of(options.comments_path, row);
      if (e == nullptr) continue;
      absl::StrAppend(&e->remarks, Field(row.fields[1]));
      ++report.rows_imported;
    }
  }
  for (OfacEntry& e : entries) import_internal::ReadOfacRemarks(e.remarks, e);

  // add.csv: addresses.
  if (!options.add_path.empty()) {
    EMBARGO_ASSIGN_OR_RETURN(std::vector<CsvRow> rows,
                             ReadOfacCsvFile(options.add_path, options.max_file_bytes));
    report.files.push_back(options.add_path);
    for (const CsvRow& row : rows) {
      ++report.rows_read;
      if (!HasWidth(report, options.add_path, row, 6)) continue;
      OfacEntry* e = entry_of(options.add_path, row);
      if (e == nullptr) continue;
      std::vector<std::string> parts;
      for (int i : {2, 3, 4}) {
        std::string f = import_internal::CleanText(Field(row.fields[i]));
        if (!f.empty()) parts.push_back(std::move(f));
      }
      if (!parts.empty()) e->addresses.push_back(absl::StrJoin(parts, ", "));
      std::string country = Field(row.fields[4]);
      if (!country.empty()) e->address_countries.push_back(std::move(country));
      ++report.rows_imported;
    }
  }

  // alt.csv: aliases.
  if (!options.alt_path.empty()) {
    EMBARGO_ASSIGN_OR_RETURN(std::vector<CsvRow> rows,
                             ReadOfacCsvFile(options.alt_path, options.max_file_bytes));
    report.files.push_back(options.alt_path);
    for (const CsvRow& row : rows) {
      ++report.rows_read;
      if (!HasWidth(report, options.alt_path, row, 5)) continue;
      OfacEntry* e = entry_of(options.alt_path, row);
      if (e == nullptr) continue;
      std::string alias = import_internal::CleanText(Field(row.fields[3]));
      if (alias.empty()) {
        Reject(report, options.alt_path, row, 3, "alt_name is empty");
        continue;
      }
      e->aliases.push_back(std::move(alias));
      ++report.rows_imported;
    }
  }

  import_internal::BuildOfacRecords(entries, edition, consolidated, builder);
  report.notes.insert(report.notes.begin(),
                      absl::StrCat(entry_count, " entries from ", sdn_base,
                                   "; edition date ", edition_text));

  v1::Source source;
  source.set_id(source_id);
  source.set_publisher("US Treasury OFAC");
  if (consolidated) {
    source.set_title(absl::StrCat("Consolidated Sanctions List (non-SDN "
                                  "lists, legacy CSV), edition ",
                                  edition_text));
    source.set_url("https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists");
  } else {
    source.set_title(absl::StrCat("Specially Designated Nationals and Blocked "
                                  "Persons List (legacy CSV), edition ",
                                  edition_text));
    source.set_url("https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists");
  }
  *source.mutable_published() = edition;
  source.set_language("en");
  source.set_reliability(v1::RELIABILITY_OFFICIAL);
  source.set_note(absl::StrCat(
      "files: ", absl::StrJoin(report.files, ", "),
      ". The CSV gives no designation dates: sanctions carry the edition "
      "date as listed_no_later_than, the listed date unknown."));
  return builder.Finish(std::move(source),
                        import_internal::OfacAuthority(source_id));
}

}  // namespace embargo
