// Editing the records of the files being resolved (embargo/resolve.h): one
// actor folded into another, references rewritten to the kept ids, and the
// records that merging made impossible or identical removed and reported.
//
//   resolve_internal::KeptIds ids;  // Filled from the groups.
//   resolve_internal::RewriteReferences(files, ids, report);
//   resolve_internal::DeduplicateIdenticalRecords(files, report);
//
// Thread safety: functions of their arguments only.

#ifndef EMBARGO_LIB_RESOLVE_RECORDS_H_
#define EMBARGO_LIB_RESOLVE_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "embargo/io.h"
#include "embargo/resolve.h"
#include "embargo/v1/records.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace embargo::resolve_internal {

// RecordLabel names record `index` of a file's `field`: "record 12" when the
// file gives record positions (streams), else "transfers[3]".
std::string RecordLabel(absl::string_view field,
                        const std::vector<int64_t>& positions, int index);

// Compact keeps the elements of `field` (and of the parallel `positions`,
// when not empty) whose `keep` flag is set, in order.
template <typename T>
void Compact(google::protobuf::RepeatedPtrField<T>* field,
             std::vector<int64_t>& positions, const std::vector<bool>& keep) {
  int w = 0;
  const int n = field->size();
  for (int i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    if (w != i) {
      field->SwapElements(w, i);
      if (!positions.empty()) positions[w] = positions[i];
    }
    ++w;
  }
  if (w < n) field->DeleteSubrange(w, n - w);
  if (!positions.empty()) positions.resize(w);
}

// MergeActorInto folds `other` into `kept`: its name and aliases as aliases
// (each folded name once; `name_keys` holds the folded names `kept` has),
// weak aliases that stay weak, identifiers, addresses, evidence and notes
// not yet there, the more specific kind, a country when `kept` has none,
// the more precise compatible birth date and its merged_from entries.
void MergeActorInto(v1::Actor& kept, const v1::Actor& other,
                    absl::flat_hash_set<std::string>& name_keys);

// KeptIds maps the ids of merged actors to the ids kept: per file for the
// ids that file defines, and globally for the ids that map to one kept id
// wherever they are defined.
struct KeptIds {
  std::vector<absl::flat_hash_map<std::string, std::string>> local;
  absl::flat_hash_map<std::string, std::string> global;
};

// RewriteReferences rewrites every reference of every record to the kept
// ids, and removes (into report.dropped) the records that merging made
// impossible: a transfer to itself, a sanction of an authority on itself, a
// relation of an actor to itself. Participants and intermediaries that came
// to repeat one another are kept once (report.notes).
void RewriteReferences(std::vector<DatasetFile>& files, const KeptIds& ids,
                       ResolveReport& report);

// DeduplicateIdenticalRecords removes, from every file after the first that
// holds it, an event, transfer, sanction or relation whose id and content
// equal an earlier file's, or that says the same but for where it was read
// (its evidence; for a sanction also its remarks, measures and edition
// date), giving the earlier record its evidence (report.dropped).
void DeduplicateIdenticalRecords(std::vector<DatasetFile>& files,
                                 ResolveReport& report);

// DeduplicateSources keeps the first of the sources that several files
// define with one id, and fails with InvalidArgument, naming both files and
// records, when they differ (one id must name one source); then
// RefuseTwoEditions.
absl::Status DeduplicateSources(std::vector<DatasetFile>& files, ResolveReport& report);

// RefuseTwoEditions fails with InvalidArgument, naming both files, when
// two files hold two editions of one list: sources of one publisher,
// address and title but for the digits in it (dates), with different
// publication dates. Loaded together, an entry delisted between the
// editions would read as listed.
absl::Status RefuseTwoEditions(const std::vector<DatasetFile>& files);

}  // namespace embargo::resolve_internal

#endif  // EMBARGO_LIB_RESOLVE_RECORDS_H_
