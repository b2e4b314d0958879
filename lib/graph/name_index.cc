// The name index behind Graph::FindByName. See name_index.h.

#include "lib/graph/name_index.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/id_index.h"

namespace embargo::internal {

namespace {

// Folds the Latin-1 Supplement letters (UTF-8 C3 80..C3 BF) to ASCII.
char FoldLatin1(unsigned char second) {
  static constexpr char kFold[64] = {
      'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i',
      'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 'x', 'o', 'u',
      'u', 'u', 'u', 'y', 't', 's', 'a', 'a', 'a', 'a', 'a', 'a', 'a',
      'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o',
      'o', 'o', 'o', ' ', 'o', 'u', 'u', 'u', 'u', 'y', 't', 'y'};
  return kFold[second - 0x80];
}

}  // namespace

namespace {

// NormalizeInto writes NormalizeName(name) to `out`, reusing its storage.
void NormalizeInto(absl::string_view name, std::string& out) {
  out.clear();
  bool space = true;  // Suppresses leading and repeated spaces.
  auto put = [&](char c) {
    if (c == ' ') {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      put(absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ');
    } else if (c == 0xC3 && i + 1 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(name[i + 1]) <= 0xBF) {
      put(FoldLatin1(static_cast<unsigned char>(name[++i])));
    } else {
      out.push_back(static_cast<char>(c));  // Other scripts kept as they are.
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
}

}  // namespace

std::string NormalizeName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  NormalizeInto(name, out);
  return out;
}

uint64_t NameKey(absl::string_view name) {
  thread_local std::string buffer;
  NormalizeInto(name, buffer);
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
