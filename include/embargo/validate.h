// Validation of records before they become a graph.
//
// The checks: required fields; unknown enum values; ids unique within their
// kind across all files (actors and events also share the node namespace);
// references (supplier_id, target_id, source_id, speaker_id, country, ...)
// that point nowhere; impossible dates (month 13, 31 April, a period ending
// before it starts, a delisting before the listing); ownership shares
// outside (0, 100] and confirmed shares of one asset that sum to over 100 at
// any time (one owner's successive or repeated holdings count once, with the
// largest; reported stakes may contradict each other and are not summed);
// states whose id is not an ISO 3166-1 alpha-3 code.
//
//   std::vector<embargo::Problem> problems = embargo::FindProblems(files);
//   absl::Status s = embargo::Validate(files);  // all problems, up to a cap
//
// Every problem names the file, the record (position and id) and the field:
//   article.textproto: transfers[3] (Transfer "T-88"): recipient_id: "RUS-MOD"
//   is not a known actor

#ifndef EMBARGO_VALIDATE_H_
#define EMBARGO_VALIDATE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "embargo/io.h"

namespace embargo {

// Problem is one thing wrong with one record.
struct Problem {
  std::string file;    // The file's path.
  std::string record;  // "transfers[3]" or, in a stream, "record 1204".
  std::string kind;    // "Transfer", "Actor", ...
  std::string id;      // The record's id (may be empty: that may be the
                       // problem).
  std::string field;   // The field at fault ("recipient_id",
                       // "delivered.end.month").
  std::string message; // What is wrong.

  // ToString gives `file: record (Kind "id"): field: message`.
  std::string ToString() const;
};

struct ValidateOptions {
  // Problems collected before validation stops looking; the returned
  // status says when it stopped early.
  size_t max_problems = 100;
};

// FindProblems returns every problem in the files, up to the cap (plus one
// last entry saying that more were left out when the cap was reached).
std::vector<Problem> FindProblems(absl::Span<const DatasetFile> files,
                                  const ValidateOptions& options = {});

// Validate is OK when there are no problems, and otherwise InvalidArgument
// with one line per problem.
[[nodiscard]] absl::Status Validate(absl::Span<const DatasetFile> files,
                                    const ValidateOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_VALIDATE_H_
