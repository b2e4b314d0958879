// An edition update of the streaming FtM import (ftm_stream.cc): the
// records of a new edition of an export made from the records of the
// previous one, mapping again only the entities that changed and those
// whose records read them. See UpdateFtmJsonStream in
// embargo/import/opensanctions.h for what it promises, ftm_update.cc for
// how.
//
// The streaming import drives it:
//
//   EditionUpdate::Open(old export, old records)   before pass 1
//   Line() / Unindexed() for each line of pass 1   (the new edition)
//   Plan()                                         after pass 1: writes the
//                                                  old records that stand
//   Remap(line) in pass 2                          only those lines mapped
//   Finish()                                       shared records still needed
//
// Thread safety: used by one thread.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_UPDATE_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_UPDATE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "embargo/import/report.h"
#include "embargo/io.h"
#include "embargo/v1/dataset.pb.h"
#include "lib/io/import/ftm_scan.h"
#include "lib/io/import/ftm_stream_parts.h"

namespace embargo::import_internal::stream {

// RecordView is what an update reads of a record's bytes.
struct RecordView {
  uint32_t kind = 0;        // The Record field: kActorRecord, ...
  absl::string_view body;   // The actor, relation or sanction.
  // The FtM id of the entity that made it: the id its first evidence
  // locator of the file's source names (empty for shared records, whose
  // evidence has none).
  absl::string_view producer;
  absl::string_view subject, object;  // Relation ends; a sanction's target.
  uint64_t relation_kind = 0;
  double share = 0;
};

class EditionUpdate {
 public:
  // Open reads the previous edition's export (per id: a hash of its line
  // without last_seen, its schema, an identification's holder) and the
  // FtM source id of its records.
  static absl::StatusOr<std::unique_ptr<EditionUpdate>> Open(
      const std::string& old_export, const std::string& old_records,
      const FtmModel& model, const FtmOptions& options);

  // The source id the previous records were imported under.
  const std::string& source_id() const { return source_id_; }

  // Line is pass 1 of the new edition at an entity line (`fresh`: the
  // first line of its id); Unindexed at a line the reader rejects.
  void Line(int64_t number, absl::string_view line, const EntityScan& scan,
            const EditionScan& edition, const Index& index, bool fresh);
  void Unindexed(int64_t number) { remap_.Add(number); }

  // Plan settles which lines to map again and writes the previous records
  // that stand, their evidence moved to the new line and last_seen: the
  // file's source (titled after `path`), the sources of the datasets the
  // new edition gives (their ids go into `shared_ids`) and the actors to
  // `out`, relations and sanctions to `rest`, ownership relations with a
  // share to `owned`.
  absl::Status Plan(const Index& index, const std::string& path,
                    absl::flat_hash_set<std::string>& shared_ids,
                    RecordStreamWriter& out, RecordStreamWriter& rest,
                    std::vector<v1::Relation>& owned, ImportReport& report);

  // Remap says whether pass 2 maps the line.
  bool Remap(int64_t line) const { return remap_.Has(line); }

  // Finish writes the states and authorities of the previous edition that
  // the kept records still name and the mapping did not write.
  absl::Status Finish(absl::flat_hash_set<std::string>& shared_ids,
                      RecordStreamWriter& out, ImportReport& report);

 private:
  // An id of the previous edition (48 bytes: there are millions).
  struct Old {
    absl::string_view id;  // In strings_.
    uint64_t hash = 0;
    int64_t line = 0;
    const std::string* schema = nullptr;  // In schemata_.
    uint32_t holder = 0;       // Identifications: 1 + index into holders_.
    bool seen = false;         // The new edition has the id.
    bool repeated = false;     // Several lines bear it.
  };

  EditionUpdate(const FtmModel& model, std::string old_export,
                std::string old_records)
      : model_(model),
        old_export_(std::move(old_export)),
        old_records_(std::move(old_records)) {}

  absl::Status ReadOldExport(const FtmOptions& options);
  absl::Status ReadSourceId();
  const std::string* Schema(absl::string_view schema);
  absl::string_view HolderOf(const Old& o) const {
    return o.holder == 0 ? absl::string_view() : old_holders_[o.holder - 1];
  }
  void Changed(absl::string_view id, absl::string_view schema,
               absl::string_view holder, const Old* old);
  // Patch writes the record of `v` with the evidence of the file moved to
  // `line` and `last_seen`; an error when that evidence names no line, or
  // not the line the previous export has the entity on.
  absl::Status Patch(const RecordView& v, int64_t line,
                     absl::string_view last_seen, std::string& out);
  void Need(uint32_t kind, uint32_t field, absl::string_view bytes);
  bool NamesMoved(absl::string_view line) const;

  const FtmModel& model_;
  const std::string old_export_, old_records_;
  std::string source_id_;
  StringStore strings_;
  absl::node_hash_set<std::string> schemata_;  // Views of it stay put.
  // The previous edition's ids in the order of its lines, and where each
  // is: editions mostly keep their order, so Line looks at the one after
  // the last found before it looks the id up.
  std::vector<Old> olds_;
  absl::flat_hash_map<absl::string_view, uint32_t> old_index_;
  std::vector<absl::string_view> old_holders_;
  size_t cursor_ = 0;
  // New edition: lines to map again; the hashes of the Address ids each
  // line names, with the line; the last_seen of each line (an index into
  // last_seen_, 0 when the line keeps the previous edition's).
  LineSet remap_;
  LineSet in_old_;  // First lines of ids the previous edition has.
  std::vector<int64_t> old_line_of_;  // Their line in the previous export.
  std::vector<std::pair<uint64_t, int64_t>> namers_;
  std::vector<uint32_t> last_seen_of_;
  std::vector<std::string> last_seen_{std::string()};
  absl::flat_hash_map<std::string, uint32_t> last_seen_index_;
  absl::flat_hash_set<std::string> datasets_;
  // Ids added, removed or of another schema (records naming them change);
  // Address ids whose line changed; holders whose identifications did.
  absl::flat_hash_set<std::string> moved_;
  std::vector<std::string> changed_addresses_, holders_;
  // Shared records of the previous edition, and the ids kept records name.
  std::vector<v1::Record> shared_;
  absl::flat_hash_set<std::string> needed_;
  std::string body_, evidence_, locator_;  // Patch's buffers.
  int64_t added_ = 0, changed_ = 0, removed_ = 0, same_ = 0;
};

}  // namespace embargo::import_internal::stream

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_UPDATE_H_
