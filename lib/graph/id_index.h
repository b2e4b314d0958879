// IdIndex: the table from node ids to nodes.
#ifndef EMBARGO_GRAPH_ID_INDEX_H_
#define EMBARGO_GRAPH_ID_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::internal {

// IdIndex maps node ids to nodes: an open-addressing table of 16-byte
// slots, each the id's first 8 bytes, its length, a hash fingerprint and
// the node number. Ids of up to 8 bytes are matched inside the slot; longer
// ones are compared with node_id only when the first 8 bytes, the length and
// the fingerprint agree. A lookup thus costs one cache miss, and loaders can
// prefetch the slot (Prefetch) a few rows ahead to hide even that. A general
// map of string views cost a probe and a pointer chase per candidate, which
// was half of the time of loading a large CSV file.
class IdIndex {
 public:
  // Build indexes ids[0..n); returns the positions whose id repeats an
  // earlier one (they are left out of the index).
  std::vector<uint32_t> Build(const std::vector<std::string>& ids);

  std::optional<uint32_t> Find(absl::string_view id,
                               const std::vector<std::string>& ids) const {
    return FindHashed(id, Hash(id), ids);
  }
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  std::optional<uint32_t> FindHashed(absl::string_view id, uint64_t hash,
                                     const std::vector<std::string>& ids) const {
    if (slots_.empty()) return std::nullopt;
    const uint32_t tag = Tag(hash, id.size());
    const uint64_t prefix = Prefix(id);
    for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.node == 0) return std::nullopt;
      if (slot.tag == tag && slot.prefix == prefix) {
        const uint32_t node = slot.node - 1;
        if (id.size() <= 8) return node;
        const std::string& candidate = ids[node];
        if (candidate.size() == id.size() &&
            std::memcmp(candidate.data(), id.data(), id.size()) == 0) {
          return node;
        }
      }
    }
  }
  size_t bytes() const { return slots_.size() * sizeof(Slot); }

  static uint64_t Hash(absl::string_view s) {
    auto mix = [](uint64_t a, uint64_t b) {
      const __uint128_t m = static_cast<__uint128_t>(a) * b;
      return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
    };
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = mix(h ^ w, 0xD6E8FEB86659FD93ull);
      p += 8;
      n -= 8;
    }
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    return mix(h ^ w, 0xA0761D6478BD642Full);
  }

 private:
  struct Slot {
    uint64_t prefix;  // First 8 bytes of the id, zero padded.
    uint32_t node;    // Node + 1; 0 marks an empty slot.
    uint32_t tag;     // Fingerprint (high 24 bits) and length (low 8).
  };
  static uint32_t Tag(uint64_t hash, size_t size) {
    return (static_cast<uint32_t>(hash >> 40) << 8) |
           static_cast<uint32_t>(std::min<size_t>(size, 255));
  }
  static uint64_t Prefix(absl::string_view s) {
    uint64_t w = 0;
    std::memcpy(&w, s.data(), std::min<size_t>(s.size(), 8));
    return w;
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_ID_INDEX_H_
