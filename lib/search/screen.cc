// Screening counterparties (embargo/screen.h).

#include "embargo/screen.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace embargo {

EdgeKindSet DefaultScreenKinds() {
  return {EdgeKind::kOwnership, EdgeKind::kDirectorship, EdgeKind::kControl,
          EdgeKind::kOperator,  EdgeKind::kFamily,       EdgeKind::kAssociate};
}

struct Screener::Data {
  NameIndex index;
  ScreenOptions options;
  BlockedSet blocked;
  NodeSet sanctioned;
  std::vector<std::string> sanction_authorities;
};

absl::StatusOr<Screener> Screener::Create(const NameIndex& index,
                                          const ScreenOptions& options) {
  const Graph& g = index.graph();
  OwnershipOptions own;
  own.rule = options.rule;
  own.as_of = options.as_of;
  own.regime.authority_ids = options.regime.authority_ids;
  own.regime.programs = options.regime.programs;
  own.regime.min_status = options.regime.min_status;
  absl::StatusOr<BlockedSet> blocked = BlockedByOwnership(g, own);
  if (!blocked.ok()) return blocked.status();
  absl::StatusOr<NodeSet> sanctioned = SanctionedNodes(g, options.regime, options.as_of);
  if (!sanctioned.ok()) return sanctioned.status();
  auto d = std::make_shared<Data>(Data{index, options, std::move(*blocked),
                                       std::move(*sanctioned),
                                       SanctioningAuthorities(g, options.regime)});
  return Screener(std::move(d));
}

const ScreenOptions& Screener::options() const { return data_->options; }
const Graph& Screener::graph() const { return data_->index.graph(); }
const BlockedSet& Screener::blocked_set() const { return data_->blocked; }
const std::vector<std::string>& Screener::sanction_authorities() const {
  return data_->sanction_authorities;
}

absl::StatusOr<ScreenResult> Screener::Screen(const SearchQuery& query) const {
  const Data& d = *data_;
  const Graph& g = d.index.graph();
  SearchOptions so;
  so.limit = std::max<size_t>(d.options.max_matches, 1);
  so.min_score = 0;
  absl::StatusOr<std::vector<SearchHit>> hits = d.index.Search(query, so);
  if (!hits.ok()) return hits.status();
  ScreenResult r;
  for (SearchHit& h : *hits) {
    if (h.score < d.options.threshold) {
      if (!r.best_below_threshold && r.matches.empty()) r.best_below_threshold = h;
      continue;
    }
    ScreenMatch m;
    absl::StatusOr<std::vector<InForce>> in_force =
        SanctionsInForce(g, h.node, d.options.as_of, d.options.regime);
    if (!in_force.ok()) return in_force.status();
    m.sanctions = std::move(*in_force);
    m.sanctioned_unknown = d.sanction_authorities.empty();
    if (const BlockedEntity* b = d.blocked.Find(h.node)) {
      m.blocked = *b;
      // Follow explaining stakes up to a directly sanctioned owner.
      absl::flat_hash_set<uint32_t> seen;
      const BlockedEntity* at = b;
      while (at != nullptr && !at->directly_sanctioned &&
             seen.insert(at->node.value()).second) {
        const Stake* next = nullptr;
        for (const Stake& s : at->stakes) {
          if (s.explaining) {
            next = &s;
            break;
          }
        }
        if (next == nullptr) break;
        m.chain.push_back(*next);
        at = d.blocked.Find(next->owner);
      }
    } else {
      m.blocked_unknown = !d.blocked.lists_loaded();
    }
    if (d.options.hops > 0) {
      Filter f;
      f.edge_kinds = d.options.kinds;
      f.from = d.options.as_of;
      f.until = d.options.as_of;
      absl::StatusOr<Neighborhood> nb = Neighbors(g, h.node, d.options.hops, f);
      if (!nb.ok()) return nb.status();
      m.nearby_searched = true;
      for (const Neighbor& n : nb->nodes) {
        if (!d.sanctioned.Contains(n.node)) continue;
        ++m.nearby_count;
        if (m.nearby.size() >= d.options.max_nearby) {
          m.nearby_truncated = true;
          continue;  // Counted, without a path.
        }
        absl::StatusOr<std::optional<Path>> p = ShortestPath(g, h.node, n.node, f);
        if (!p.ok()) return p.status();
        NearbySanctioned ns;
        ns.node = n.node;
        ns.hops = n.hops;
        if (p->has_value()) ns.path = std::move(**p);
        m.nearby.push_back(std::move(ns));
      }
      m.nearby_incomplete = nb->truncated;
      m.nearby_truncated = m.nearby_truncated || nb->truncated;
    }
    m.hit = std::move(h);
    r.matches.push_back(std::move(m));
  }
  return r;
}

std::vector<absl::StatusOr<ScreenResult>> Screener::ScreenAll(
    const std::vector<SearchQuery>& queries, int threads,
    const std::function<void(size_t)>& progress) const {
  std::vector<absl::StatusOr<ScreenResult>> out(queries.size(), ScreenResult{});
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = static_cast<int>(std::min<size_t>(threads, std::max<size_t>(queries.size(), 1)));
  std::atomic<size_t> next{0}, done{0};
  const auto work = [&] {
    while (true) {
      const size_t i = next.fetch_add(64);
      if (i >= queries.size()) return;
      const size_t end = std::min(queries.size(), i + 64);
      for (size_t k = i; k < end; ++k) out[k] = Screen(queries[k]);
      done.fetch_add(end - i);
    }
  };
  std::vector<std::thread> pool;
  if (progress == nullptr) {
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  } else {
    // Every thread of the pool works; the calling one reports.
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    while (done.load() < queries.size()) {
      progress(done.load());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    progress(done.load());
  }
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace embargo
