// One FtM entity line, read: the entity with its properties as views into
// the line, for the FtM importer (lib/io/import/ftm_json.cc).
//
//   import_internal::ftm::EntityParser parser(model, options);
//   import_internal::ftm::Entity e;
//   e.text = line;
//   if (auto error = parser.Parse(e)) Reject(line_number, error->first, ...);
//
// Thread safety: an EntityParser is used by one thread at a time.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_ENTITY_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_ENTITY_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/import/ftm.h"
#include "lib/io/import/json_tape.h"

namespace embargo::import_internal::ftm {

// Entity is one line of the file.
struct Entity {
  int64_t line = 0;
  absl::string_view text;  // The line, for finding a value's column.
  std::string id;
  std::string schema;
  absl::string_view caption;
  // Properties sorted by name, each with the range [begin, end) of its
  // values in `values`: one array for all of an entity's values rather
  // than one per property (allocation was a tenth of an import). Names and
  // values are views into the line (or, for strings with escapes, into the
  // parser's store of unescaped strings), which live as long as the import.
  struct Prop {
    absl::string_view name;
    uint32_t begin = 0, end = 0;
  };
  std::vector<Prop> props;
  std::vector<absl::string_view> values;
  std::vector<absl::string_view> datasets;
  // Ids of the source entities merged into this one ("ofac-32733"): kept as
  // FTM_REFERENT identifiers, which entity resolution matches.
  std::vector<absl::string_view> referents;
  absl::string_view first_seen;
  absl::string_view last_seen, last_change;  // Kept in the evidence's locator.
  // Read from another block only to feed this block's actors (streaming).
  bool borrowed = false;
  bool imported = false;
  std::string rejected;  // Why, when it was rejected.
  int64_t rejected_column = 0;

  // ValuesAt is the values of props[i].
  absl::Span<const absl::string_view> ValuesAt(size_t i) const {
    return absl::MakeConstSpan(values.data() + props[i].begin,
                               props[i].end - props[i].begin);
  }
  // Values is the values of the property `prop`, empty when it has none.
  absl::Span<const absl::string_view> Values(absl::string_view prop) const {
    // An entity has a handful of properties: a scan that compares lengths
    // first beats a binary search that compares bytes. Names of one length
    // differ mostly in their first letter, compared before memcmp.
    for (size_t i = 0; i < props.size(); ++i) {
      const absl::string_view name = props[i].name;
      if (name.size() == prop.size() &&
          (prop.empty() || (name[0] == prop[0] &&
                            std::memcmp(name.data(), prop.data(),
                                        prop.size()) == 0))) {
        return ValuesAt(i);
      }
    }
    return {};
  }
  std::string First(absl::string_view prop) const {
    const absl::Span<const absl::string_view> v = Values(prop);
    return v.empty() ? std::string() : std::string(v.front());
  }
  // Column (1-based, bytes) of a value's quoted text in the line, or 0.
  int64_t ColumnOf(absl::string_view value) const {
    size_t at = text.find(absl::StrCat("\"", value, "\""));
    return at == absl::string_view::npos ? 0 : static_cast<int64_t>(at) + 2;
  }
};

// EntityParser fills Entities from their lines. The views it gives into
// strings that had escapes live as long as the parser.
class EntityParser {
 public:
  EntityParser(const FtmModel& model, const FtmOptions& options)
      : model_(model), options_(options) {}

  // Parse fills `e` from e.text, or says what is wrong and where: the
  // column (1-based, 0 for the whole line) and the reason. Checks: length,
  // UTF-8, JSON syntax and depth, an object with "id" and a "schema" the
  // model has, "properties" an object.
  std::optional<std::pair<int64_t, std::string>> Parse(Entity& e);

  // Datasets is every name the parsed entities' "datasets" give, sorted.
  std::vector<std::string> Datasets() const {
    std::vector<std::string> out(datasets_.begin(), datasets_.end());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  // Keep returns a view of `v` that lives as long as the parser: `v` itself
  // when it lies in `line`, else a view of a copy in unescaped_.
  absl::string_view Keep(absl::string_view v, absl::string_view line);

  const FtmModel& model_;
  const FtmOptions& options_;
  JsonTape tape_;  // The line being read.
  absl::flat_hash_set<std::string> datasets_;
  // Strings that had escapes, unescaped: the entities' views point here.
  std::deque<std::string> unescaped_;
};

}  // namespace embargo::import_internal::ftm

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_ENTITY_H_
