// What the streaming FtM import (ftm_stream.cc) reads of a line in its first
// pass: the entity's id and schema, the Address entities it names
// (properties.addressEntity) and, for identifications, the holder.
//
//   EntityScan s;
//   if (ScanEntityLineQuick(line, s)) { ... } else { /* the entity parser */ }
//
// ScanEntityLineQuick only finds the members' bounds, without a tape and
// without checking numbers, literals, escapes, control characters or
// UTF-8: several times as fast as parsing the line. It answers only where
// its reading cannot differ from the FtM entity parser's
// (ftm::EntityParser: id, schema, Values("addressEntity"), the first of
// Values("holder")) on a line the parser accepts: false (unsure) for an
// escape in a member name or in a value it returns, a repeated member it
// reads, an id or schema that is not a string, a properties that is not an
// object, an addressEntity or holder that is not an array of strings, or
// anything it cannot follow. It may answer for a line that is not JSON:
// the caller must find such lines later (the importer rejects them in
// pass 2) and read again with the parser.
//
// Thread safety: a pure function.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_SCAN_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_SCAN_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::import_internal {

struct EntityScan {
  std::string id, schema;
  // The first string of properties.holder.
  std::string holder;
  // The strings of properties.addressEntity.
  std::vector<std::string> addresses;

  // Clear empties the fields and keeps their memory (one scan per line).
  void Clear() {
    id.clear();
    schema.clear();
    holder.clear();
    addresses.clear();
  }
};

// What an edition update (ftm_update.h) reads of a line besides: where
// last_seen's value lies in the line (the one member that changes every
// day for every entity) and the datasets. Views into the line.
struct EditionScan {
  absl::string_view last_seen;  // Empty when the line has none.
  std::vector<absl::string_view> datasets;

  void Clear() {
    last_seen = {};
    datasets.clear();
  }
};

// ScanEntityLineQuick reads `line` without a tape; false when unsure (see
// above), with `out` then in no particular state. With `edition`, it also
// reads "last_seen" (unsure unless a string without escapes) and
// "datasets" (unsure unless an array of such strings).
bool ScanEntityLineQuick(absl::string_view line, EntityScan& out,
                         EditionScan* edition = nullptr);

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_SCAN_H_
