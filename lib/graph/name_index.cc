// The name index behind Graph::FindByName. See name_index.h.

#include "lib/graph/name_index.h"

#include <algorithm>
#include <string>

#include "lib/graph/graph_data.h"
#include "lib/graph/id_index.h"
#include "lib/text/names.h"

namespace embargo::internal {

std::string NormalizeName(absl::string_view name) {
  return text_internal::FoldName(name);
}

uint64_t NameKey(absl::string_view name) {
  thread_local std::string buffer;
  text_internal::FoldNameInto(name, buffer);
  return buffer.empty() ? 0 : IdIndex::Hash(buffer) | 1;
}

void SortNameIndex(GraphData& d) {
  // A least-significant-digit radix sort on the key, 16 bits a pass: stable,
  // so that entries of equal keys keep their (ascending) node order, the
  // order std::sort on the pairs would give when nodes were added in order.
  std::vector<std::pair<uint64_t, uint32_t>>& v = d.name_index;
  if (!std::is_sorted(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      }) || v.size() < 4096) {
    std::sort(v.begin(), v.end());
  } else {
    std::vector<std::pair<uint64_t, uint32_t>> tmp(v.size());
    std::vector<uint32_t> count(1 << 16);
    for (int shift = 0; shift < 64; shift += 16) {
      std::fill(count.begin(), count.end(), 0);
      for (const auto& e : v) ++count[(e.first >> shift) & 0xFFFF];
      uint32_t sum = 0;
      for (uint32_t& c : count) {
        const uint32_t here = c;
        c = sum;
        sum += here;
      }
      for (const auto& e : v) tmp[count[(e.first >> shift) & 0xFFFF]++] = e;
      v.swap(tmp);
    }
  }
  d.name_index.erase(std::unique(d.name_index.begin(), d.name_index.end()),
                     d.name_index.end());
  d.name_index.shrink_to_fit();
}

}  // namespace embargo::internal
