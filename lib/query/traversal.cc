#include "lib/query/traversal.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "embargo/kinds.h"

namespace embargo {

absl::Status ValidateFilter(const Filter& filter) {
  if (filter.from.known() && filter.until.known() &&
      filter.from.EarliestDay() > filter.until.LatestDay()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "filter: the date window starts (", filter.from.ToString(),
        ") after it ends (", filter.until.ToString(), ")"));
  }
  return absl::OkStatus();
}

}  // namespace embargo

namespace embargo::internal {

CompiledFilter::CompiledFilter(const GraphData& d, const Filter& f)
    : d_(d),
      kinds_(f.edge_kinds.bits()),
      items_(f.items.bits()),
      transfer_kinds_(TransferKinds().bits()),
      nodes_(f.node_kinds.bits()),
      check_items_((AllItems().bits() & ~f.items.bits()) != 0),
      check_days_(f.from.known() || f.until.known()),
      certain_(f.date_match == DateMatch::kCertain),
      all_nodes_((AllNodeKinds().bits() & ~f.node_kinds.bits()) == 0),
      min_status_(static_cast<uint8_t>(f.min_status)),
      window_{f.from.known() ? f.from.EarliestDay() : kMinDay,
              f.until.known() ? f.until.LatestDay() : kMaxDay},
      direction_(f.direction) {
  if (!f.country.empty()) {
    absl::StatusOr<uint32_t> state = CountryState(d, f.country);
    // Queries check the filter first (CheckFilter); a bad one passes none.
    country_ = state.ok() ? CountryMemberBits(d, *state)
                          : std::vector<uint64_t>(d.num_nodes() / 64 + 1, 0);
  }
}

absl::Status CheckFilter(const GraphData& d, const Filter& f) {
  if (absl::Status s = ValidateFilter(f); !s.ok()) return s;
  if (f.country.empty()) return absl::OkStatus();
  return CountryState(d, f.country).status();
}

std::vector<uint64_t> CountryMemberBits(const GraphData& d, uint32_t state) {
  std::vector<uint64_t> bits(d.num_nodes() / 64 + 1, 0);
  bits[state >> 6] |= uint64_t{1} << (state & 63);
  const EdgeKindSet kinds = CountryFilterKinds();
  for (uint32_t i = d.RowBegin(state); i < d.RowEnd(state); ++i) {
    const AdjacencyEntry& a = d.row_entry[i];
    if (a.along || !kinds.Contains(a.kind)) continue;
    const uint32_t other = d.row_other[i];
    bits[other >> 6] |= uint64_t{1} << (other & 63);
  }
  return bits;
}

uint32_t Scratch::Begin(size_t n) {
  if (mark_a.size() < n) {
    mark_a.assign(n, 0);
    mark_b.assign(n, 0);
    mark_aux.assign(n, 0);
    dist_a.resize(n);
    dist_b.resize(n);
    via_a.resize(n);
    via_b.resize(n);
    aux.resize(n);
    stamped_count.assign(n, 0);
    bits.assign(n / 64 + 1, 0);
    seen.assign(n / 64 + 1, 0);
    stamp = 0;
  }
  if (++stamp == 0) {  // Wrapped: clear the marks once every 2^32 queries.
    std::fill(mark_a.begin(), mark_a.end(), 0);
    std::fill(mark_b.begin(), mark_b.end(), 0);
    std::fill(stamped_count.begin(), stamped_count.end(), 0);
    stamp = 1;
  }
  return stamp;
}

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

absl::Status CheckNode(const GraphData& d, NodeId n, absl::string_view what) {
  if (!n.valid() || n.value() >= d.num_nodes()) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " node ", n.valid() ? std::to_string(n.value()) : "(invalid)",
        " is not in the graph (", d.num_nodes(), " nodes)"));
  }
  return absl::OkStatus();
}

}  // namespace embargo::internal
