// Neighbourhood query: breadth-first search to a hop limit.
//
// Level by level from the seed; each level is sorted by node id before it is
// appended, so results are deterministic and a capped answer keeps the
// nearest nodes. A comparison sort of each level was a third of the
// query's time; dense levels are now read off a bitmap in id order, and
// large sparse ones radix-sorted (11-bit digits, only as many passes as the
// largest id needs).

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "embargo/query.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

// Sorts distinct node ids. Dense levels (ids spanning at most 4 words of
// bits per id) go through a bitmap, `bits`, which is all zero before and
// after; sparse large levels through a radix sort; small ones std::sort.
void SortIds(std::vector<uint32_t>& v, std::vector<uint64_t>& bits) {
  if (v.size() < 2) return;
  uint32_t lo = v[0], hi = v[0];
  for (uint32_t x : v) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  const size_t first = lo >> 6, last = hi >> 6;
  if (last - first + 1 <= 4 * v.size() && last < bits.size()) {
    for (uint32_t x : v) bits[x >> 6] |= uint64_t{1} << (x & 63);
    size_t i = 0;
    for (size_t w = first; w <= last; ++w) {
      uint64_t word = bits[w];
      bits[w] = 0;
      while (word != 0) {
        v[i++] = static_cast<uint32_t>(w * 64 + __builtin_ctzll(word));
        word &= word - 1;
      }
    }
    return;
  }
  if (v.size() < 256) {
    std::sort(v.begin(), v.end());
    return;
  }
  thread_local std::vector<uint32_t> tmp;
  tmp.resize(v.size());
  constexpr int kBits = 11;
  constexpr uint32_t kMask = (1u << kBits) - 1;
  for (int shift = 0; shift < 32 && (hi >> shift) != 0; shift += kBits) {
    uint32_t count[kMask + 2] = {0};
    for (uint32_t x : v) ++count[((x >> shift) & kMask) + 1];
    for (uint32_t i = 1; i <= kMask + 1; ++i) count[i] += count[i - 1];
    for (uint32_t x : v) tmp[count[(x >> shift) & kMask]++] = x;
    v.swap(tmp);
  }
}

}  // namespace

absl::StatusOr<Neighborhood> Neighbors(const Graph& graph, NodeId seed,
                                       int max_hops, const Filter& filter,
                                       const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, seed, "seed"));
  if (filter.chronological) {
    return absl::InvalidArgumentError(
        "the chronological rule applies to paths, not to neighbourhoods");
  }
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  Neighborhood out;
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  std::vector<uint64_t>& bits = internal::ThreadScratch().bits;
  internal::BreadthFirst(d, seed.value(), max_hops, f, budget,
                         [&](int depth, std::vector<uint32_t>& level) {
    SortIds(level, bits);
    for (uint32_t v : level) {
      if (out.nodes.size() >= limits.max_results) {
        out.truncated = true;
        out.truncation_reason = "result limit reached";
        return false;
      }
      out.nodes.push_back({NodeId(v), depth});
    }
    return true;
  });
  if (budget.exhausted() && !out.truncated) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

absl::StatusOr<NeighborCount> CountNeighbors(const Graph& graph, NodeId seed,
                                             int max_hops, const Filter& filter,
                                             const Limits& limits) {
  const internal::GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, seed, "seed"));
  if (filter.chronological) {
    return absl::InvalidArgumentError(
        "the chronological rule applies to paths, not to neighbourhoods");
  }
  if (max_hops < 0) {
    return absl::InvalidArgumentError("max_hops must not be negative");
  }
  NeighborCount out;
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, filter));
  internal::CompiledFilter f(d, filter);
  internal::Budget budget(limits);
  // The same search as Neighbors; levels are counted, never sorted.
  internal::BreadthFirst(d, seed.value(), max_hops, f, budget,
                         [&](int, std::vector<uint32_t>& level) {
    out.count += level.size();
    return true;
  });
  if (budget.exhausted()) {
    out.truncated = true;
    out.truncation_reason = budget.reason();
  }
  return out;
}

}  // namespace embargo
