// What an importer did: rows read, records written, rows rejected and why.
//
// Every importer returns its records together with an ImportReport whose
// numbers reconcile: every row read was either imported (it produced one or
// more records) or rejected (listed with file, line, column and reason).
//
//   absl::StatusOr<embargo::ImportResult> r = embargo::ImportSipriCsv(path);
//   std::cerr << r->report.Summary();
//   assert(r->report.Reconciles());

#ifndef EMBARGO_IMPORT_REPORT_H_
#define EMBARGO_IMPORT_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "embargo/v1/dataset.pb.h"

namespace embargo {

// ImportReport accounts for every row of the input.
struct ImportReport {
  // A row the importer could not use.
  struct Rejected {
    std::string file;
    int64_t line = 0;    // 1-based; 0 when not applicable.
    int64_t column = 0;  // 1-based; 0 when not applicable.
    std::string reason;
  };

  std::string format;              // "ofac-csv", "un-xml", "sipri", ...
  std::vector<std::string> files;  // Inputs, as given.
  int64_t rows_read = 0;      // Rows (or list entries) read from the input.
  int64_t rows_imported = 0;  // Rows that produced records.
  std::vector<Rejected> rejected;  // Rows that did not, with the reason.
  // Records written, by kind ("actor", "sanction", "relation", ...).
  std::map<std::string, int64_t> records;
  // Anything else worth telling ("3 programmes mapped to a regime").
  std::vector<std::string> notes;

  int64_t rows_rejected() const {
    return static_cast<int64_t>(rejected.size());
  }
  int64_t records_written() const {
    int64_t n = 0;
    for (const auto& [kind, count] : records) n += count;
    return n;
  }
  // Reconciles is true when rows_read == rows_imported + rows_rejected.
  bool Reconciles() const {
    return rows_read == rows_imported + rows_rejected();
  }
  // Summary is a few human-readable lines.
  std::string Summary() const;
};

// ImportResult is an importer's records and its report.
struct ImportResult {
  v1::Dataset dataset;
  ImportReport report;
};

}  // namespace embargo

#endif  // EMBARGO_IMPORT_REPORT_H_
