// Internal entry to the FtM entity mapping (lib/io/import/ftm_json.cc) for
// the importers of the other OpenSanctions formats (targets.nested.json,
// targets.simple.csv, statements CSV), which turn their rows into FtM
// entity lines, and for the streaming importer, which feeds the file to it
// in blocks of lines.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_INTERNAL_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "google/protobuf/arena.h"
#include "embargo/import/report.h"

namespace embargo::import_internal {

// FtmLines says where the lines handed to ParseFtmLines come from, and what
// lies outside them.
struct FtmLines {
  // The line of the original file each non-blank line of the text stands
  // for (the i-th non-blank line -> line_numbers[i]); empty: lines are
  // numbered as they come.
  std::vector<int64_t> line_numbers;
  // The schema of an entity of the whole file that may not be in the text
  // (streaming: other blocks), or "" when the file has no such id. Unset:
  // the text is the whole file.
  // The view lives as long as the import.
  std::function<absl::string_view(absl::string_view id)> schema_elsewhere;
  // The first line of `id` in the whole file (streaming: to find
  // duplicates across blocks); unset or 0: unknown.
  std::function<int64_t(const std::string& id)> first_line;
  // The ids that more than one line of the whole file bears: only these
  // need first_line to find duplicates. Unset: every id is looked up.
  const absl::flat_hash_set<std::string>* repeated_ids = nullptr;
  // Lines from this index on are borrowed from other blocks (Address and
  // Identification entities that this block's actors name or hold): they
  // feed those actors but are neither rows nor records of this block.
  size_t borrowed_from = static_cast<size_t>(-1);
  // Leave the check that an asset's ownership shares sum to at most 100 %
  // to the caller (CheckFtmOwnershipSums), which sees every block.
  bool defer_ownership_sums = false;
  // Whether any actor of the whole file names the Address `id`.
  std::function<bool(const std::string& id)> address_named;
  // Where set, the import adds the (file) number of each line it rejects
  // before taking it as an entity (any error of ftm::EntityParser::Parse:
  // too long, not UTF-8, not JSON, no id or schema, a schema the model
  // lacks, ...), borrowed lines included.
  std::vector<int64_t>* unreadable = nullptr;
};

// ParseFtmLines is ParseFtmJson with the lines' origin.
absl::StatusOr<ImportResult> ParseFtmLines(absl::string_view text,
                                           std::string name,
                                           const FtmModel& model,
                                           const FtmOptions& options,
                                           const FtmLines& lines);

// ParseFtmLinesOnArena is ParseFtmLines with the records built on `arena`
// (a block's records are then freed at once): the returned Dataset belongs
// to the arena and lives until it is reset.
absl::StatusOr<std::pair<ImportReport, v1::Dataset*>> ParseFtmLinesOnArena(
    absl::string_view text, std::string name, const FtmModel& model,
    const FtmOptions& options, const FtmLines& lines,
    google::protobuf::Arena* arena);

// CheckFtmOwnershipSums is the importer's check of ownership shares: the
// shares of an asset that add up to more than 100 % at one time (each owner
// counted once, with its largest share) are noted, naming `file`; the shares
// are kept.
void CheckFtmOwnershipSums(std::vector<v1::Relation>& relations,
                           std::vector<std::string>& notes,
                           absl::string_view file);

// OpenSanctionsSourceId is the default Source id of an export other than FtM
// lines: "FTM-" + the file name without its last extension, dots and spaces
// as "-" ("targets.simple.csv" -> "FTM-targets-simple").
std::string OpenSanctionsSourceId(absl::string_view path);

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_INTERNAL_H_
