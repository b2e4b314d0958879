// Importers for the OpenSanctions export formats besides FtM entity lines
// (embargo/import/ftm.h), and a streaming FtM importer for exports of any
// size. Each reads the format into FtM entities and maps them as
// ImportFtmJson does (the built-in FtM model unless options say otherwise),
// so an entity means the same whichever export it came from.
//
//   absl::StatusOr<embargo::ImportResult> r =
//       embargo::ImportOpenSanctionsSimpleCsv("targets.simple.csv");
//
// Formats:
//   - targets.simple.csv (ImportOpenSanctionsSimpleCsv): one row per target
//     with columns id, schema, name, aliases, birth_date, countries,
//     addresses, identifiers, sanctions, phones, emails, program_ids (newer
//     exports), dataset, first_seen, last_seen, last_change; lists are
//     ";"-separated. Each row becomes one actor: name, aliases, country
//     (the first that names a state), addresses, born (birth_date, for
//     persons and organisations alike), identifiers (scheme IDENTIFIER: the
//     column does not say which register), the dataset titles and seen dates
//     as evidence. The `sanctions` column is free text that names neither
//     the authority nor the listing date in a fixed form, so it is kept,
//     with the program_ids, in the actor's note and no Sanction record is
//     written from it (the FtM export has the Sanction entities).
//   - targets.nested.json (ImportFtmNestedJson): FtM entities with the
//     entities they refer to nested in their properties. Every nested entity
//     is taken out as an entity of its own (a repeat of one already seen is
//     read once and counted in a note), and the references become ids.
//   - the statements CSV (ImportOpenSanctionsStatements): one row per
//     property value. With a header: the columns entity_id (or
//     canonical_id), schema, prop, value, dataset, first_seen, last_seen are
//     found by name. Without one: entity id, "Schema:property", value,
//     dataset, lang, original value, target, external, first seen, last
//     seen, statement id. The statements of one entity become one FtM
//     entity: its schema is the most specific one its statements name, its
//     datasets and first/last seen the union and extremes of theirs.
//
// Rows: in the simple CSV a row is a target; in the nested JSON a row is an
// entity, nested or not; in the statements CSV a row is an entity (its
// statements together), and a statement line that cannot be read (too few
// columns, no entity id, no "Schema:property") is a rejected row of its own
// with its line and reason; the others go on.
//
// Thread safety: the functions keep no shared state.

#ifndef EMBARGO_IMPORT_OPENSANCTIONS_H_
#define EMBARGO_IMPORT_OPENSANCTIONS_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "embargo/import/report.h"

namespace embargo {

// OpenSanctionsOptions tunes the importers of this header.
struct OpenSanctionsOptions {
  // How entities are mapped (statuses, source id, limits).
  FtmOptions ftm;
  // The FtM model; nullptr: FtmModel::BuiltIn().
  const FtmModel* model = nullptr;
};

[[nodiscard]] absl::StatusOr<ImportResult> ImportOpenSanctionsSimpleCsv(
    const std::string& path, const OpenSanctionsOptions& options = {});
[[nodiscard]] absl::StatusOr<ImportResult> ImportFtmNestedJson(
    const std::string& path, const OpenSanctionsOptions& options = {});
[[nodiscard]] absl::StatusOr<ImportResult> ImportOpenSanctionsStatements(
    const std::string& path, const OpenSanctionsOptions& options = {});

// FtmStreamOptions tunes ImportFtmJsonToStream.
struct FtmStreamOptions {
  OpenSanctionsOptions base;
  // Lines mapped at a time (memory: one block's entities and records).
  int64_t block_lines = 20000;
  // Blocks mapped at once, each on its own thread (records are written in
  // file order all the same).
  int threads = 1;
  // Memory for the lines that blocks share (addresses and identifications,
  // which feed the actors of other blocks): kept from pass 1 up to this
  // many bytes, so that no block reads them from the file again; the rest
  // are read where they lie. 0 reads all of them from the file.
  int64_t kept_line_bytes = int64_t{64} << 20;
  // Called now and then with the bytes read of the pass (1: index, 2:
  // mapping) and the file's size.
  std::function<void(int64_t done, int64_t total, int pass)> progress;
  // An edition update (UpdateFtmJsonStream): the previous edition's export
  // and the record stream imported from it.
  std::string previous_export, previous_records;
};

// ImportFtmJsonToStream reads FtM entity lines (entities.ftm.json) of any
// size and writes the records to a record stream (.records) at `out_path`,
// in bounded memory: two passes over the file, an index of ids (schema,
// first line, offset) and one block of lines at a time (see ftm_stream.cc).
// The records are those ImportFtmJson makes (in another order: actors
// come before relations and sanctions in the stream); ownership relations
// with a share wait in memory to the end, where their sums are checked over
// the whole file. Returns the report.
[[nodiscard]] absl::StatusOr<ImportReport> ImportFtmJsonToStream(
    const std::string& path, const std::string& out_path,
    const FtmStreamOptions& options = {});

// UpdateFtmJsonStream writes the records of a new edition of an export
// (`path`) from those of the previous one (`previous_records`, imported
// from `previous_export` by ImportFtmJsonToStream or by an update, with the
// same options), mapping again only what changed: the entities whose line
// differs in anything but last_seen (added, removed, changed), the actors
// whose Address or Identification entities changed, the relations and
// sanctions whose ends were added, removed or changed schema, and the
// entities that made no record before. Every other previous record is kept
// with its evidence moved to the entity's new line and last_seen. The
// records are those ImportFtmJsonToStream makes of `path` (in another
// order), under the previous records' source id. The report counts and
// lists only the lines mapped again; a note gives what changed. Errors:
// records that are not an FtM import's, or were not imported from
// `previous_export`. OpenSanctions publishes every day; most entities
// change only their last_seen.
[[nodiscard]] absl::StatusOr<ImportReport> UpdateFtmJsonStream(
    const std::string& previous_export, const std::string& previous_records,
    const std::string& path, const std::string& out_path,
    const FtmStreamOptions& options = {});

// FtmDeltaReport says what ApplyFtmDelta did.
struct FtmDeltaReport {
  // The delta's lines by op.
  int64_t added = 0, modified = 0, deleted = 0;
  // Lines of the previous export written again, and left out (their id is
  // modified or deleted by the delta).
  int64_t lines_kept = 0, lines_dropped = 0;
  // Lines of the new edition: those kept, then the added and modified.
  int64_t lines_written = 0;
};

// ApplyFtmDelta writes the next edition of an FtM export (`new_export`)
// from the previous one and an OpenSanctions delta file (`delta`, JSON
// lines {"op": "ADD" | "MOD" | "DEL", "entity": {...}}, a deletion giving
// only the entity's id): the previous export's lines in their order, less
// those whose id the delta modifies or deletes, then the delta's added and
// modified entities in its order, each written as the delta writes it. Give
// the result to UpdateFtmJsonStream as the new edition, with the previous
// export and its records: the records then cite lines of `new_export`,
// the file they were read from, and an entity the delta does not name keeps
// its previous last_seen (a delta gives no new one). Errors, naming the
// file, line and field: a delta line that is not JSON or has no op ADD,
// MOD or DEL, an entity without a string id, an id changed twice, an ADD of
// an id the previous export has or a MOD or DEL of one it lacks (a delta
// of another edition), an output that is one of the inputs; an error
// leaves no output. Streams the previous export; holds the delta's ids.
[[nodiscard]] absl::StatusOr<FtmDeltaReport> ApplyFtmDelta(
    const std::string& previous_export, const std::string& delta,
    const std::string& new_export);

// OpenSanctionsFormat recognises an OpenSanctions export by its file name:
// "targets.simple.csv" -> "os-simple", "targets.nested.json" ->
// "ftm-nested", "statements.csv" (or any name ending so) -> "os-statements",
// "entities.ftm.json" / "*.ftm.json" -> "ftm"; "" otherwise.
std::string OpenSanctionsFormat(absl::string_view path);

}  // namespace embargo

#endif  // EMBARGO_IMPORT_OPENSANCTIONS_H_
