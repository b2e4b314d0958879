// The one sweep that sums ownership shares over time, shared by validation
// (lib/model/validate.cc) and the FtM importer's note (lib/io/import).
//
//   std::vector<model_internal::Stake> stakes = ...;  // One asset's.
//   model_internal::PeakShare peak = model_internal::PeakOwnedShare(stakes);
//   if (peak.total > 100.0 + 1e-9) Report(peak.total, peak.day);
//
// Registers list one owner's successive holdings of an asset (51 %, then
// 50 %, then 48 %) as records whose periods overlap, and several lists
// repeat one stake: the stakes of one owner do not add up, each owner counts
// with its largest stake active at that time.
//
// Thread safety: pure function.

#ifndef EMBARGO_LIB_MODEL_STAKES_H_
#define EMBARGO_LIB_MODEL_STAKES_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/date.h"

namespace embargo::model_internal {

// Stake is one owner's share of an asset over a span of days.
struct Stake {
  DayRange days;
  double share = 0;
  absl::string_view owner;
};

// PeakShare is the largest total and the first day it is reached.
struct PeakShare {
  double total = 0;
  int64_t day = 0;
};

// PeakOwnedShare sweeps the stakes' day spans and returns the largest sum,
// over the owners, of each owner's largest active share.
PeakShare PeakOwnedShare(absl::Span<const Stake> stakes);

}  // namespace embargo::model_internal

#endif  // EMBARGO_LIB_MODEL_STAKES_H_
