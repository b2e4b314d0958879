// Importers for the US Treasury OFAC sanctions lists: the legacy SDN CSV
// files (sdn.csv with its optional add.csv, alt.csv and sdn_comments.csv)
// and the official XML (sdn.xml and the consolidated non-SDN list, same
// schema).
//
//   embargo::OfacCsvOptions options;
//   options.sdn_path = "../shared/data/ofac/sdn_2024-05-03.csv";
//   absl::StatusOr<embargo::ImportResult> r = embargo::ImportOfacCsv(options);
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//   std::cerr << r->report.Summary();
//
//   absl::StatusOr<embargo::ImportResult> x = embargo::ImportOfacXml(
//       "../shared/data/ofac/consolidated_2025-03/consolidated.xml");
//
// What each entry becomes:
//   - an Actor "OFAC-<ent_num>" (CSV) or "OFAC-<uid>" (XML): individual ->
//     PERSON, vessel -> VESSEL, aircraft -> AIRCRAFT, and anything else
//     ("-0-" in the CSV, "Entity" in the XML) -> LEGAL_ENTITY, because OFAC
//     lists companies, armed groups and state organs alike under "entity"
//     and does not say which; identifier OFAC_UID; aliases from alt.csv /
//     akaList and from "a.k.a.", "f.k.a.", "n.k.a." in the remarks;
//     addresses; identifiers from the remarks or idList (IMO, PASSPORT,
//     NATIONAL_ID, TAX_ID, REGISTRATION, ...); date of birth; country =
//     nationality, else citizenship, else (not for persons) the first
//     address country, else (vessels) the flag; remarks kept as the note;
//   - one Sanction "OFAC-<id>-<program>" per programme ("NPWMD] [DPRK2" is
//     two), authority OFAC, measure ASSET_FREEZE on the SDN list (OFAC
//     blocks property; it imposes no travel ban), status CONFIRMED, legal
//     basis where the programme names an executive order. The consolidated
//     (non-SDN) lists block nothing: their sanctions are SECTORAL (the SSI
//     list's UKRAINE-EO13662, RUSSIA-EO14024 directives), FINANCIAL_SERVICES
//     (CAPTA) or OTHER (CMIC securities ban, FSE, NS-PLC), with a remark
//     saying which; a file is of that set by its name (cons_prim.csv and
//     its companions, consolidated.xml);
//   - a FLAG Relation from each vessel to its flag state;
//   - an ASSOCIATE Relation for each "Linked To: NAME" whose NAME is the
//     primary name (or, failing that, an alias) of exactly one entry of the
//     same file; the others are listed in the report's notes.
// Plus the Source describing the file, the OFAC actor (GOVERNMENT_BODY,
// country USA) and a state actor for every country referred to.
//
// Listing dates: neither format gives the date an entry was designated. The
// importers leave Sanction.listed unknown and set listed_no_later_than to
// the list's edition date (the XML's Publish_Date; for the CSV,
// options.edition_date or a date in the file's path), and say so in each
// sanction's remarks: before that day the sanction is possibly in force,
// never "not in force".
//
// Rows and the report: each sdn.csv row (or sdnEntry) is one row read; it is
// imported, or rejected with file, line, column and reason (bad ent_num,
// empty name, duplicate ent_num, wrong number of columns, no programme).
// add.csv / alt.csv / sdn_comments.csv rows attach to their entry; those
// whose ent_num has no entry are counted in the notes. Files that cannot be
// read, XML that is malformed and CSV whose quotes do not close (a truncated
// file) are refused as a whole with an error naming file, line and column.
//
// Thread safety: these are free functions without shared state.

#ifndef EMBARGO_IMPORT_OFAC_H_
#define EMBARGO_IMPORT_OFAC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "embargo/import/report.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// OfacCsvOptions names the legacy CSV files of one edition.
struct OfacCsvOptions {
  // sdn.csv, or cons_prim.csv for the consolidated (non-SDN) lists
  // (required; a file name starting with "cons_" marks the consolidated
  // set, which gets its own Source): ent_num, SDN_Name, SDN_Type, Program, Title,
  // Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
  std::string sdn_path;
  // add.csv (optional): ent_num, add_num, address, city/state/postal,
  // country, add_remarks.
  std::string add_path;
  // alt.csv (optional): ent_num, alt_num, alt_type, alt_name, alt_remarks.
  std::string alt_path;
  // sdn_comments.csv (optional): ent_num, the rest of a remark too long for
  // sdn.csv; appended to that entry's remarks.
  std::string comments_path;
  // The edition's date. When unset (year 0), the last "YYYY-MM-DD" or
  // "YYYY-MM" in sdn_path is used; when there is none, the import fails
  // with InvalidArgument.
  v1::Date edition_date;
  // Id of the Source record; default "ofac-sdn-csv-<edition date>".
  std::string source_id;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// OfacCsvFilesByName sorts the files of one legacy CSV edition into their
// roles by name: sdn.csv / cons_prim.csv (the entries), add.csv /
// cons_add.csv, alt.csv / cons_alt.csv, sdn_comments.csv /
// cons_comments.csv; any other name is the entries file (sdn_2024-05-03.csv).
// The consolidated (non-SDN) set is the same format with the "cons_"
// prefix. Errors: InvalidArgument naming the files when two files claim one
// role, when SDN and consolidated files are mixed, or when no entries file
// is given.
[[nodiscard]] absl::StatusOr<OfacCsvOptions> OfacCsvFilesByName(
    const std::vector<std::string>& files);

// ImportOfacCsv imports the legacy SDN CSV files (cp1252, no header, CRLF,
// a trailing 0x1A, "-0- " for null).
[[nodiscard]] absl::StatusOr<ImportResult> ImportOfacCsv(
    const OfacCsvOptions& options);

// OfacXmlOptions tunes ImportOfacXml.
struct OfacXmlOptions {
  // Edition date; when unset, the file's publshInformation/Publish_Date.
  v1::Date edition_date;
  // Id of the Source record; default "ofac-xml-<edition date>".
  std::string source_id;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// ImportOfacXml imports an OFAC XML list (sdn.xml or consolidated.xml;
// namespace and the misspelt publshInformation as OFAC publishes them).
[[nodiscard]] absl::StatusOr<ImportResult> ImportOfacXml(
    const std::string& path, const OfacXmlOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_IMPORT_OFAC_H_
