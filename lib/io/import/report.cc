#include "embargo/import/report.h"

#include "absl/strings/str_cat.h"

namespace embargo {

std::string ImportReport::Summary() const {
  std::string out = absl::StrCat(format, ": ", rows_read, " rows read, ",
                                 rows_imported, " imported, ", rows_rejected(),
                                 " rejected; ", records_written(),
                                 " records written");
  std::string kinds;
  for (const auto& [kind, count] : records) {
    absl::StrAppend(&kinds, kinds.empty() ? "" : ", ", count, " ", kind);
  }
  if (!kinds.empty()) absl::StrAppend(&out, " (", kinds, ")");
  absl::StrAppend(&out, "\n");
  for (const Rejected& r : rejected) {
    absl::StrAppend(&out, "  rejected ", r.file, ":", r.line);
    if (r.column > 0) absl::StrAppend(&out, ":", r.column);
    absl::StrAppend(&out, ": ", r.reason, "\n");
  }
  for (const std::string& note : notes) absl::StrAppend(&out, "  note: ", note, "\n");
  if (!Reconciles()) {
    absl::StrAppend(&out, "  WARNING: rows do not reconcile (", rows_read,
                    " read != ", rows_imported, " imported + ", rows_rejected(),
                    " rejected)\n");
  }
  return out;
}

}  // namespace embargo
