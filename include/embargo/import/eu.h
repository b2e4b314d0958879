// Importer for EU sanctions regulation annexes as CSV (the OpenSanctions
// "journal_sanctions" transcription of the Official Journal: one row per
// designated party per legal context; format in ../shared/data/eu/FORMAT.md).
//
//   absl::StatusOr<embargo::ImportResult> r =
//       embargo::ImportEuCsv("../shared/data/eu/32017R1509.csv");
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//
// Both kinds of file are read: consolidated (first column `celex`) and
// amendment (`amendedCelex,amendmentCelex`); the header must be exactly one
// of the two.
//
// What the rows become:
//   - one Actor per designated party. Rows with the same schema and name (and
//     the same IMO number and birth / incorporation date) are the same party
//     and make one actor. Its id is "EU-<framework celex>-IMO-<imo>" for
//     vessels with an IMO number, otherwise "EU-<celex>-<annex>-<recordId>"
//     of its first row, or "EU-<celex>-row<n>" when that row prints no entry
//     number. Kinds: Person -> PERSON, Company -> COMPANY, Organization ->
//     ORGANIZATION, Vessel -> VESSEL, LegalEntity and Asset -> LEGAL_ENTITY.
//     Aliases from alias, weakAlias and previousName; identifiers (EU_ID,
//     IMO, MMSI, PASSPORT, REGISTRATION, TAX_ID, ID, INN, OGRN, KPP, OKPO,
//     LEI, SWIFT_BIC, TICKER); country = nationality (demonyms such as
//     "Russian" are understood; the first that resolves of "Ukrainian,
//     Russian"), else jurisdiction, else flag, else country; date of birth or
//     incorporation; addresses; position and notes as the note;
//   - one Sanction per row: authority EU, program = programKey, measure from
//     the row's measure ("Asset freeze" -> ASSET_FREEZE, "Transportation
//     restrictions" -> VESSEL_BAN, "Travel ban" -> TRAVEL_BAN, "Arms embargo"
//     -> ARMS_EMBARGO_IMPORTS, others -> OTHER), listed = startDate
//     ("16.7.2009"), legal basis the regulation named by the CELEX number
//     ("Regulation (EU) 2017/1509"), reference = annex and entry number,
//     remarks = the reason for listing, status CONFIRMED;
//   - a FLAG Relation from each vessel to its flag state.
// Plus the Source, the EU actor (INTERNATIONAL_BODY) and the state actors
// referred to.
//
// Rows are rejected (file, line, column, reason) when a required cell is
// empty or unknown (schema, name), when startDate is empty or not a date
// (Sanction.listed is required and the format forbids inventing one), or
// when the row has the wrong number of cells. A header that is not one of
// the two, an unclosed quote (a truncated file) or text that is not UTF-8
// refuse the whole file.
//
// Thread safety: a free function without shared state.

#ifndef EMBARGO_IMPORT_EU_H_
#define EMBARGO_IMPORT_EU_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "embargo/import/report.h"

namespace embargo {

// EuCsvOptions tunes ImportEuCsv.
struct EuCsvOptions {
  // Id of the Source record; default "eu-journal-<celex>".
  std::string source_id;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// ImportEuCsv imports one EU annex CSV file.
[[nodiscard]] absl::StatusOr<ImportResult> ImportEuCsv(
    const std::string& path, const EuCsvOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_IMPORT_EU_H_
