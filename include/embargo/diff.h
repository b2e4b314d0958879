// What changed between two editions of a list: who was listed, who was
// delisted and whose names, programmes or links changed.
//
//   embargo::ListDiff d = embargo::DiffDatasets(old_edition, new_edition);
//   for (const auto& c : d.listed) std::cout << c.id << " " << c.name << "\n";
//
// A target is an actor some sanction of the edition names, in force there
// (no delisted date). Listed: a target of the new edition that the old one
// does not have as a target; delisted: the reverse (an actor whose
// sanctions all carry a delisted date counts as delisted). Changed: a target
// of both whose name, aliases, programmes (the `program` of its sanctions in
// force) or links (relations with it at either end: kind and other end)
// differ. Actors are matched by id, which every importer derives from the
// list's own reference (OFAC-<uid>, UN-<reference>, FTM-<id>, ...), so that
// two editions of one list share ids.
//
// Thread safety: pure function.

#ifndef EMBARGO_DIFF_H_
#define EMBARGO_DIFF_H_

#include <string>
#include <vector>

#include "embargo/v1/dataset.pb.h"

namespace embargo {

struct ListDiff {
  struct Change {
    std::string id;
    std::string name;  // In the new edition (old one for delisted).
    // What changed, one line each: "name: A -> B", "programme added: X",
    // "alias removed: Y", "link added: ownership -> OFAC-123".
    std::vector<std::string> what;
  };
  std::vector<Change> listed, delisted, changed;
  int64_t old_targets = 0, new_targets = 0;
  // The editions compared: each side's sources, "title (published D)".
  std::vector<std::string> old_editions, new_editions;
  // False when the two sides share no list (no source of the new side is
  // an edition of a list the old side holds, by ListEditionKey): then
  // "listed" and "delisted" compare different lists, not two editions.
  bool same_list = true;
};

// ListEditionKey names the list a source is an edition of: its publisher,
// address and title with each date or time taken out (a run from a digit
// over digits and "-:./TZ": "2024-05-03", "2021-07", "2025-04-19T23:00Z").
// Two editions of one list have one key and different publication dates.
std::string ListEditionKey(const v1::Source& source);

// DiffOptions says what counts as a change.
struct DiffOptions {
  // Compare aliases. Off when the editions were imported from different
  // files (OFAC's legacy sdn.csv alone has no aliases; alt.csv has them),
  // where every alias would read as added or removed.
  bool aliases = true;
};

ListDiff DiffDatasets(const v1::Dataset& old_edition,
                      const v1::Dataset& new_edition,
                      const DiffOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_DIFF_H_
