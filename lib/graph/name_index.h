// The name index behind Graph::FindByName: names folded and hashed to 64-bit
// keys, sorted.
#ifndef EMBARGO_GRAPH_NAME_INDEX_H_
#define EMBARGO_GRAPH_NAME_INDEX_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::internal {

// NormalizeName is the library's one name folding (text_internal::FoldName,
// lib/text/names.h), so that "Shoigu, Sergei" and "SHOIGU Sergei" meet, and
// FindByName agrees with entity resolution.
std::string NormalizeName(absl::string_view name);
// NameKey is a 64-bit hash of NormalizeName(name); 0 for names that
// normalise to nothing.
uint64_t NameKey(absl::string_view name);
struct GraphData;
// SortNameIndex sorts and dedupes name_index.
void SortNameIndex(GraphData& d);


// AddNameKey adds (NameKey(name), node) to a name index, unless the name
// normalises to nothing.
inline void AddNameKey(std::vector<std::pair<uint64_t, uint32_t>>& index,
                       absl::string_view name, uint32_t node) {
  const uint64_t key = NameKey(name);
  if (key != 0) index.emplace_back(key, node);
}

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_NAME_INDEX_H_
