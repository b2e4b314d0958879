// Merging datasets record by record: what `embargo import` does with the
// several files of one list, and what a tool does to gather datasets into
// one file before it writes it.
//
//   embargo::v1::Dataset merged;
//   embargo::DatasetMerger merger(merged);
//   merger.Add(std::move(first));
//   merger.Add(std::move(second));
//   for (const std::string& note : merger.notes()) std::cerr << note << "\n";
//
// Each record id is kept once per kind. An actor given again under the same
// id gains the other's aliases, identifiers and evidence (and its country
// when it had none); any other record given again must be identical, and
// when it is not, the first is kept and a note says so, naming the kind and
// the id. Merging by id only: actors that several lists describe under
// different ids are entity resolution's work (embargo/resolve.h), at load.

#ifndef EMBARGO_MERGE_H_
#define EMBARGO_MERGE_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo {

// DatasetMerger folds datasets into `into`, which it must not outlive.
class DatasetMerger {
 public:
  explicit DatasetMerger(v1::Dataset& into);

  // Add folds one dataset in (after what was added before).
  void Add(v1::Dataset from);
  // notes lists the records given twice with different content, whose
  // first version was kept.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  template <typename M>
  void MergeKind(google::protobuf::RepeatedPtrField<M>& from,
                 google::protobuf::RepeatedPtrField<M>& to,
                 absl::flat_hash_map<std::string, int>& index,
                 const char* kind);

  v1::Dataset& into_;
  absl::flat_hash_map<std::string, int> sources_, actors_, events_,
      transfers_, sanctions_, relations_;
  std::vector<std::string> notes_;
};

}  // namespace embargo

#endif  // EMBARGO_MERGE_H_
