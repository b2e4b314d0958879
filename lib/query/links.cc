// Link reports: paths grouped into routes. See embargo/links.h.
//
// The walk enumerates sequences of nodes, not paths: at each node the
// usable edges are grouped by the neighbour they reach, and a sequence of
// nodes ending at a target is one "family" of paths, the product of its
// hops' bundles of parallel edges. A family splits by the step (edge kind,
// direction) of each hop; each split adds its product (or, under the
// chronological rule, the number of its edge tuples that are chronological,
// counted by a depth-first walk over the bundles) to one route. So the
// 9.5 million three-hop paths between Russia and North Korea cost a walk
// over a few thousand node sequences. A breadth-first table of distances to
// the targets prunes sequences that cannot reach one in time.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "embargo/links.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

using internal::GraphData;

constexpr uint32_t kFar = ~uint32_t{0};

struct Entry {
  uint32_t edge;
  EdgeKind kind;
  bool along;
};

// What the ranking reads of an edge, computed once per edge.
struct EdgeMeta {
  uint8_t status = 0;
  DayRange days;
  bool transfer = false;
  v1::ItemCategory item = v1::ITEM_UNSPECIFIED;
  std::vector<uint32_t> sources;  // Interned source ids.
};

// Quality of an example path: weakest status, then sources, then latest
// day. Higher is better.
struct Quality {
  int status = -1;
  uint64_t sources = 0;
  int64_t last_day = kMinDay;
  bool operator>(const Quality& o) const {
    if (status != o.status) return status > o.status;
    if (sources != o.sources) return sources > o.sources;
    return last_day > o.last_day;
  }
};

struct Group {
  std::vector<LinkStep> steps;
  std::vector<uint32_t> inter;
  absl::flat_hash_set<uint32_t> edges;
  absl::flat_hash_map<uint32_t, uint64_t> targets;
  absl::flat_hash_map<uint32_t, uint64_t> through;  // Folding only.
  // Folding only: the distinct nodes at each intermediary position.
  std::vector<absl::flat_hash_set<uint32_t>> positions;
  uint64_t paths = 0;
  uint64_t sequences = 0;
  Path best;
  Quality quality;
  double score = 0;
};

int YearOfDay(int64_t day) {
  if (day == kMinDay || day == kMaxDay) return 0;
  return std::stoi(FormatDay(static_cast<int32_t>(day)).substr(0, 4));
}

// RouteBefore orders routes best first: score, then fewer hops, more
// paths, the label.
bool RouteBefore(const LinkRoute& a, const LinkRoute& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.steps.size() != b.steps.size()) return a.steps.size() < b.steps.size();
  if (a.paths != b.paths) return a.paths > b.paths;
  return a.label < b.label;
}

double StatusWeight(v1::Status s) {
  switch (s) {
    case v1::STATUS_CONFIRMED: return 3;
    case v1::STATUS_REPORTED: return 2;
    case v1::STATUS_ALLEGED: return 1;
    default: return 0.25;
  }
}

class Walker {
 public:
  Walker(const Graph& g, NodeId from, absl::Span<const NodeId> targets,
         const LinkOptions& o)
      : g_(g), d_(g.data()), f_(d_, o.filter), budget_(o.limits), o_(o),
        from_(from.value()), target_(d_.num_nodes(), 0),
        dist_(d_.num_nodes(), kFar), on_path_(d_.num_nodes(), 0) {
    for (NodeId t : targets) {
      if (t != from) target_[t.value()] = 1;
    }
  }

  void Run() {
    Distances();
    if (dist_[from_] == kFar) return;
    nodes_.push_back(from_);
    on_path_[from_] = 1;
    Visit(from_, o_.max_hops);
  }

  LinkReport Finish();

  const std::string& stop_reason() const { return budget_.reason(); }

 private:
  // Hops from each node to the nearest target, through passable
  // non-target nodes.
  void Distances() {
    std::vector<uint32_t> front, next;
    for (uint32_t n = 0; n < d_.num_nodes(); ++n) {
      if (target_[n]) {
        dist_[n] = 0;
        front.push_back(n);
      }
    }
    for (int depth = 1; depth <= o_.max_hops && !front.empty(); ++depth) {
      next.clear();
      for (uint32_t x : front) {
        if (!target_[x] && (x == from_ || !f_.NodeOk(x))) continue;
        if (!budget_.Spend(d_.RowEnd(x) - d_.RowBegin(x))) return;
        for (uint32_t i = d_.RowBegin(x); i < d_.RowEnd(x); ++i) {
          const uint32_t u = d_.row_other[i];
          if (dist_[u] != kFar) continue;
          if (!f_.StepOk(d_.row_entry[i], /*backward=*/true)) continue;
          dist_[u] = static_cast<uint32_t>(depth);
          next.push_back(u);
        }
      }
      front.swap(next);
    }
  }

  const EdgeMeta& Meta(uint32_t e) {
    auto it = meta_.find(e);
    if (it != meta_.end()) return it->second;
    EdgeMeta m;
    const EdgeInfo info = g_.edge(EdgeId(e));
    m.status = static_cast<uint8_t>(info.status);
    m.days = info.days;
    m.transfer = info.kind == EdgeKind::kTransfer ||
                 info.kind == EdgeKind::kTransferVia;
    m.item = info.item;
    for (const v1::Evidence& ev : g_.Evidence(EdgeId(e))) {
      auto [sit, fresh] = source_ids_.try_emplace(
          ev.source_id(), static_cast<uint32_t>(source_ids_.size()));
      (void)fresh;
      if (std::find(m.sources.begin(), m.sources.end(), sit->second) ==
          m.sources.end()) {
        m.sources.push_back(sit->second);
      }
    }
    return meta_.emplace(e, std::move(m)).first->second;
  }

  // Edge order for examples: status, sources, latest day, lowest id.
  bool BetterEdge(uint32_t a, uint32_t b) {
    const EdgeMeta& x = Meta(a);
    const EdgeMeta& y = Meta(b);
    if (x.status != y.status) return x.status > y.status;
    if (x.sources.size() != y.sources.size()) {
      return x.sources.size() > y.sources.size();
    }
    if (x.days.hi != y.days.hi) return x.days.hi > y.days.hi;
    return a < b;
  }

  Quality QualityOf(const std::vector<const Entry*>& tuple) {
    Quality q;
    q.status = 255;
    for (const Entry* e : tuple) {
      const EdgeMeta& m = Meta(e->edge);
      q.status = std::min<int>(q.status, m.status);
      q.sources += m.sources.size();
      q.last_day = std::max<int64_t>(q.last_day, m.days.hi);
    }
    return q;
  }

  void Visit(uint32_t u, int remaining) {
    if (!budget_.Spend(d_.RowEnd(u) - d_.RowBegin(u))) return;
    // The usable entries, by neighbour.
    std::vector<std::pair<uint32_t, Entry>> out;
    for (uint32_t i = d_.RowBegin(u); i < d_.RowEnd(u); ++i) {
      const uint32_t v = d_.row_other[i];
      if (on_path_[v] || dist_[v] == kFar) continue;
      if (dist_[v] > static_cast<uint32_t>(remaining - 1)) continue;
      const AdjacencyEntry& a = d_.row_entry[i];
      if (!f_.StepOk(a, /*backward=*/false)) continue;
      if (!target_[v] && !f_.NodeOk(v)) continue;
      out.push_back({v, Entry{a.edge, a.kind, a.along}});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < out.size();) {
      size_t j = i;
      std::vector<Entry> bundle;
      while (j < out.size() && out[j].first == out[i].first) {
        bundle.push_back(out[j].second);
        ++j;
      }
      const uint32_t v = out[i].first;
      i = j;
      bundles_.push_back(std::move(bundle));
      nodes_.push_back(v);
      if (target_[v]) {
        Family();
      } else if (remaining > 1) {
        on_path_[v] = 1;
        Visit(v, remaining - 1);
        on_path_[v] = 0;
      }
      nodes_.pop_back();
      bundles_.pop_back();
      if (budget_.exhausted()) return;
    }
  }

  // Family splits the current node sequence by step and adds each part to
  // its route.
  void Family() {
    const size_t k = bundles_.size();
    ++sequences_;
    std::vector<std::vector<std::vector<const Entry*>>> classes(k);
    for (size_t h = 0; h < k; ++h) {
      std::map<std::pair<int, bool>, std::vector<const Entry*>> by_step;
      for (const Entry& e : bundles_[h]) {
        by_step[{static_cast<int>(e.kind), e.along}].push_back(&e);
      }
      for (auto& [step, list] : by_step) classes[h].push_back(std::move(list));
    }
    std::vector<size_t> pick(k, 0);
    while (true) {
      std::vector<const std::vector<const Entry*>*> parts(k);
      for (size_t h = 0; h < k; ++h) parts[h] = &classes[h][pick[h]];
      AddPart(parts, !o_.through_sanctioning && ThroughSanctioning(parts));
      size_t h = 0;
      while (h < k && ++pick[h] == classes[h].size()) pick[h++] = 0;
      if (h == k) break;
    }
  }

  // ThroughSanctioning: some node is entered against a sanction edge and
  // left along another (X <-sanction- A -sanction-> Y), each part being of
  // one kind and direction.
  static bool ThroughSanctioning(const std::vector<const std::vector<const Entry*>*>& parts) {
    for (size_t h = 0; h + 1 < parts.size(); ++h) {
      const Entry& in = *parts[h]->front();
      const Entry& out = *parts[h + 1]->front();
      if (in.kind == EdgeKind::kSanction && !in.along && out.kind == EdgeKind::kSanction &&
          out.along) {
        return true;
      }
    }
    return false;
  }

  // AddPart counts the paths of one combination of steps and adds them to
  // their route, or only counts them when `left_out`.
  void AddPart(const std::vector<const std::vector<const Entry*>*>& parts, bool left_out) {
    const size_t k = parts.size();
    uint64_t count = 0;
    std::vector<const Entry*> best;
    Quality best_q;
    std::vector<absl::flat_hash_set<uint32_t>> used;
    if (!o_.filter.chronological) {
      count = 1;
      for (const auto* p : parts) count *= p->size();
      for (const auto* p : parts) {
        const Entry* b = p->front();
        for (const Entry* e : *p) {
          if (BetterEdge(e->edge, b->edge)) b = e;
        }
        best.push_back(b);
      }
      best_q = QualityOf(best);
    } else {
      used.resize(k);
      std::vector<const Entry*> tuple;
      std::vector<ChronologicalState> states{ChronologicalState{}};
      // Depth-first over the bundles with the chronological state.
      auto walk = [&](auto& self, size_t h) -> void {
        if (h == k) {
          ++count;
          for (size_t i = 0; i < k; ++i) used[i].insert(tuple[i]->edge);
          const Quality q = QualityOf(tuple);
          if (best.empty() || q > best_q) {
            best = tuple;
            best_q = q;
          }
          return;
        }
        if (!budget_.Spend(parts[h]->size())) return;
        for (const Entry* e : *parts[h]) {
          ChronologicalState s = states.back();
          const bool transfer = e->kind == EdgeKind::kTransfer ||
                                e->kind == EdgeKind::kTransferVia;
          if (!s.Step(d_.edge_days[e->edge], transfer,
                      o_.filter.max_gap_days)) {
            continue;
          }
          states.push_back(s);
          tuple.push_back(e);
          self(self, h + 1);
          tuple.pop_back();
          states.pop_back();
          if (budget_.exhausted()) return;
        }
      };
      walk(walk, 0);
      if (count == 0) return;
    }
    if (left_out) {
      through_sanctioning_ += count;
      return;
    }
    std::string key;
    std::vector<LinkStep> steps;
    for (const auto* p : parts) {
      steps.push_back({p->front()->kind, p->front()->along});
      key += static_cast<char>(p->front()->kind);
      key += p->front()->along ? '>' : '<';
    }
    std::vector<uint32_t> inter(nodes_.begin() + 1, nodes_.end() - 1);
    for (uint32_t n : inter) key.append(reinterpret_cast<const char*>(&n), 4);
    Group& g = groups_[key];
    if (g.paths == 0) {
      g.steps = steps;
      g.inter = inter;
      g.sequences = 1;
    }
    g.paths += count;
    g.targets[nodes_.back()] += count;
    for (size_t h = 0; h < k; ++h) {
      if (o_.filter.chronological) {
        g.edges.insert(used[h].begin(), used[h].end());
      } else {
        for (const Entry* e : *parts[h]) g.edges.insert(e->edge);
      }
    }
    if (g.best.hops.empty() || best_q > g.quality) {
      g.quality = best_q;
      g.best = Path{NodeId(from_), {}};
      for (size_t h = 0; h < k; ++h) {
        g.best.hops.push_back({EdgeId(best[h]->edge), NodeId(nodes_[h]),
                               NodeId(nodes_[h + 1]), best[h]->along});
      }
    }
    total_ += count;
  }

  LinkRoute MakeRoute(const Group& g, bool folded, int reference_year);

  const Graph& g_;
  const GraphData& d_;
  internal::CompiledFilter f_;
  internal::Budget budget_;
  const LinkOptions& o_;
  uint32_t from_;
  std::vector<uint8_t> target_;
  std::vector<uint32_t> dist_;
  std::vector<uint8_t> on_path_;
  std::vector<uint32_t> nodes_;
  std::vector<std::vector<Entry>> bundles_;
  absl::flat_hash_map<std::string, uint32_t> source_ids_;
  // Node-based: Meta's references stay valid while others are added.
  std::unordered_map<uint32_t, EdgeMeta> meta_;
  std::map<std::string, Group> groups_;  // Ordered: deterministic output.
  uint64_t total_ = 0;
  uint64_t through_sanctioning_ = 0;
  uint64_t sequences_ = 0;
};

LinkRoute Walker::MakeRoute(const Group& g, bool folded, int reference_year) {
  LinkRoute r;
  r.steps = g.steps;
  r.folded = folded;
  if (!folded) {
    for (uint32_t n : g.inter) r.intermediaries.push_back(NodeId(n));
  }
  for (uint32_t n : g.inter) r.intermediary_kinds.push_back(d_.node_kind[n]);
  r.node_sequences = g.sequences;
  r.paths = g.paths;
  r.edges = g.edges.size();
  for (uint32_t e : g.edges) r.edge_list.push_back(EdgeId(e));
  std::sort(r.edge_list.begin(), r.edge_list.end());
  absl::flat_hash_set<uint32_t> sources;
  std::map<int, uint64_t> items;
  for (uint32_t e : g.edges) {
    const EdgeMeta& m = Meta(e);
    if (m.days.lo == kMinDay && m.days.hi == kMaxDay) {
      ++r.undated_edges;
    } else {
      if (m.days.lo != kMinDay) r.days.lo = std::min(r.days.lo, m.days.lo);
      if (m.days.hi != kMaxDay || r.days.hi == kMinDay) {
        r.days.hi = std::max(r.days.hi, m.days.hi);
      }
      if (m.days.hi == kMaxDay) r.days.hi = kMaxDay;
    }
    if (m.transfer) ++items[m.item];
    sources.insert(m.sources.begin(), m.sources.end());
  }
  for (auto [item, n] : items) {
    r.items.push_back({static_cast<v1::ItemCategory>(item), n});
  }
  std::stable_sort(r.items.begin(), r.items.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  r.sources = sources.size();
  r.strongest_status = static_cast<v1::Status>(g.quality.status);
  r.example = g.best;
  for (auto [n, c] : g.targets) r.targets.push_back({NodeId(n), c});
  std::sort(r.targets.begin(), r.targets.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second
                                : a.first.value() < b.first.value();
  });
  if (folded) {
    for (auto [n, c] : g.through) r.top_intermediaries.push_back({NodeId(n), c});
    std::sort(r.top_intermediaries.begin(), r.top_intermediaries.end(),
              [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second > b.second
                                            : a.first.value() < b.first.value();
              });
    if (r.top_intermediaries.size() > o_.top_intermediaries) {
      r.top_intermediaries.resize(o_.top_intermediaries);
    }
  }
  const int last_year = r.days.hi == kMaxDay ? reference_year
                                             : YearOfDay(r.days.hi);
  r.score = LinkScore(r.strongest_status, r.sources, last_year, reference_year,
                      r.steps.size());
  // Label.
  std::string label(g_.node_id(NodeId(from_)));
  for (size_t h = 0; h < r.steps.size(); ++h) {
    const std::string kind(EdgeKindName(r.steps[h].kind));
    absl::StrAppend(&label, r.steps[h].along ? " -" : " <-", kind,
                    r.steps[h].along ? "-> " : "- ");
    if (h + 1 < r.steps.size()) {
      if (!folded) {
        absl::StrAppend(&label, g_.node_id(NodeId(g.inter[h])));
      } else {
        absl::StrAppend(&label, "[", NodeKindName(r.intermediary_kinds[h]),
                        " x", g.positions[h].size(), "]");
      }
    } else if (r.targets.size() == 1) {
      absl::StrAppend(&label, g_.node_id(r.targets.front().first));
    } else {
      absl::StrAppend(&label, "[", r.targets.size(), " targets]");
    }
  }
  r.label = std::move(label);
  return r;
}

LinkReport Walker::Finish() {
  LinkReport out;
  int reference_year = o_.reference_year;
  if (reference_year == 0) {
    reference_year = static_cast<int>(
        absl::ToCivilYear(absl::Now(), absl::UTCTimeZone()).year());
  }
  out.reference_year = reference_year;
  // Score the named groups, then keep the best few per shape.
  std::map<std::string, std::vector<Group*>> shapes;
  for (auto& [key, g] : groups_) {
    std::string shape;
    for (const LinkStep& s : g.steps) {
      shape += static_cast<char>(s.kind);
      shape += s.along ? '>' : '<';
    }
    const LinkRoute r = MakeRoute(g, false, reference_year);
    g.score = r.score;
    shapes[shape].push_back(&g);
  }
  for (auto& [shape, list] : shapes) {
    std::stable_sort(list.begin(), list.end(), [](const Group* a, const Group* b) {
      if (a->score != b->score) return a->score > b->score;
      return a->paths > b->paths;
    });
    std::map<std::vector<NodeKind>, Group> folds;
    for (size_t i = 0; i < list.size(); ++i) {
      const Group& g = *list[i];
      if (i < o_.named_routes_per_shape || list.size() <= o_.named_routes_per_shape + 1) {
        out.routes.push_back(MakeRoute(g, false, reference_year));
        continue;
      }
      std::vector<NodeKind> kinds;
      for (uint32_t n : g.inter) kinds.push_back(d_.node_kind[n]);
      Group& f = folds[kinds];
      if (f.paths == 0) {
        f.steps = g.steps;
        f.inter = g.inter;
        f.positions.resize(g.inter.size());
      }
      for (size_t h = 0; h < g.inter.size(); ++h) {
        f.positions[h].insert(g.inter[h]);
      }
      f.paths += g.paths;
      f.sequences += 1;
      f.edges.insert(g.edges.begin(), g.edges.end());
      for (auto [t, c] : g.targets) f.targets[t] += c;
      for (uint32_t n : g.inter) f.through[n] += g.paths;
      if (f.best.hops.empty() || g.quality > f.quality) {
        f.quality = g.quality;
        f.best = g.best;
      }
    }
    for (auto& [kinds, f] : folds) {
      out.routes.push_back(MakeRoute(f, true, reference_year));
    }
  }
  std::stable_sort(out.routes.begin(), out.routes.end(),
                   RouteBefore);
  out.total_paths = total_;
  out.through_sanctioning_paths = through_sanctioning_;
  out.node_sequences = sequences_;
  out.complete = !budget_.exhausted();
  out.stop_reason = budget_.reason();
  return out;
}

absl::StatusOr<LinkReport> Report(const Graph& graph, NodeId from,
                                  absl::Span<const NodeId> targets,
                                  std::string label,
                                  const LinkOptions& options) {
  const GraphData& d = graph.data();
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, from, "source"));
  for (NodeId t : targets) {
    EMBARGO_RETURN_IF_ERROR(internal::CheckNode(d, t, "target"));
  }
  if (options.max_hops < 1 || options.max_hops > 6) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_hops ", options.max_hops, ": a link report takes 1 to 6 hops"));
  }
  EMBARGO_RETURN_IF_ERROR(internal::CheckFilter(d, options.filter));
  Walker w(graph, from, targets, options);
  w.Run();
  LinkReport r = w.Finish();
  r.from = from;
  for (NodeId t : targets) {
    if (t != from) r.targets.push_back(t);
  }
  r.target_label = std::move(label);
  r.max_hops = options.max_hops;
  r.filter = options.filter;
  return r;
}

// AddProgrammeTargets adds to `report` the routes of one country link (or
// nationality, or flag) from `from` to the targets of the programmes
// concerning the state `to` (LinkOptions::programme_targets).
absl::Status AddProgrammeTargets(const Graph& graph, NodeId from, NodeId to,
                                 const LinkOptions& options, LinkReport& report) {
  if (!graph.has_country_links()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the targets of ", graph.node_id(to),
        " programmes linked to ", graph.node_id(from),
        " need the graph's country links (LoadOptions::country_links); "
        "without them only the nationality and flag relations would count"));
  }
  absl::StatusOr<std::vector<StateProgramme>> programmes =
      ProgrammesConcerning(graph, to);
  if (!programmes.ok()) return programmes.status();
  report.programme_targets = true;
  report.programmes = *programmes;
  report.programmes_as_of_today = !options.programmes_as_of.known();
  report.programmes_as_of =
      options.programmes_as_of.known() ? options.programmes_as_of : Today();
  NodeSet targets(graph.num_nodes());
  NodeSet certain(graph.num_nodes());
  std::map<uint32_t, std::vector<std::string>> under;
  for (const StateProgramme& p : *programmes) {
    Regime regime;
    regime.authority_ids = {p.authority_id};
    regime.programs = {p.program};
    absl::StatusOr<NodeSet> set =
        SanctionedNodes(graph, regime, report.programmes_as_of);
    if (!set.ok()) return set.status();
    absl::StatusOr<NodeSet> sure = SanctionedNodes(
        graph, regime, report.programmes_as_of, Certainty::kCertain);
    if (!sure.ok()) return sure.status();
    for (NodeId n : sure->Nodes()) certain.Add(n);
    for (NodeId n : set->Nodes()) {
      if (n == to || n == from) continue;
      targets.Add(n);
      under[n.value()].push_back(absl::StrCat(p.authority_id, " ", p.program));
    }
  }
  report.programme_targets_total = targets.size();
  if (targets.empty()) return absl::OkStatus();

  // Each target is counted once, under its strongest link: an explicit
  // flag or nationality relation, then the registered country or
  // nationality the list gives (registered_in, national_of), then an
  // address (located_in). A vessel's flag and the registered_in restating
  // it are one fact, not two routes.
  const EdgeKindSet user =
      options.filter.edge_kinds == DefaultEdgeKinds()
          ? CountryFilterKinds()
          : EdgeKindSet::FromBits(options.filter.edge_kinds.bits() &
                                  CountryFilterKinds().bits());
  const EdgeKindSet tiers[] = {
      {EdgeKind::kFlag, EdgeKind::kNationality},
      {EdgeKind::kRegisteredIn, EdgeKind::kNationalOf},
      {EdgeKind::kLocatedIn}};
  const std::string label =
      absl::StrCat(graph.node_id(to), " programme target");
  std::set<uint32_t> reached;
  for (const EdgeKindSet& tier : tiers) {
    const EdgeKindSet kinds = EdgeKindSet::FromBits(tier.bits() & user.bits());
    if (kinds.bits() == 0) continue;
    std::vector<NodeId> members;
    for (NodeId n : targets.Nodes()) {
      if (!reached.contains(n.value())) members.push_back(n);
    }
    if (members.empty()) break;
    LinkOptions one_hop = options;
    one_hop.max_hops = 1;
    one_hop.programme_targets = false;
    one_hop.filter = Filter();
    one_hop.filter.edge_kinds = kinds;
    one_hop.filter.min_status = options.filter.min_status;
    absl::StatusOr<LinkReport> linked =
        Report(graph, from, members, label, one_hop);
    if (!linked.ok()) return linked.status();
    std::set<uint32_t> now;
    for (LinkRoute& route : linked->routes) {
      route.programme_target = true;
      for (const auto& [node, paths] : route.targets) now.insert(node.value());
      const std::string kind(EdgeKindName(route.steps.front().kind));
      route.label = absl::StrCat(graph.node_id(from),
                                 route.steps.front().along ? " -" : " <-", kind,
                                 route.steps.front().along ? "-> [" : "- [",
                                 route.targets.size(), " ", label,
                                 route.targets.size() == 1 ? "" : "s", "]");
      report.routes.push_back(std::move(route));
    }
    reached.insert(now.begin(), now.end());
    report.programme_target_paths += linked->total_paths;
    if (!linked->complete && report.complete) {
      report.complete = false;
      report.stop_reason = linked->stop_reason;
    }
  }
  report.programme_targets_linked = reached.size();
  for (uint32_t n : reached) {
    const bool sure = certain.Contains(NodeId(n));
    report.programme_targets_possible += !sure;
    report.linked_programme_targets.push_back({NodeId(n), under[n], sure});
  }
  std::stable_sort(report.routes.begin(), report.routes.end(),
                   RouteBefore);
  return absl::OkStatus();
}

}  // namespace

double LinkScore(v1::Status strongest, uint64_t sources, int last_year,
                 int reference_year, size_t hops) {
  const double evidence =
      StatusWeight(strongest) * (1 + std::log2(1.0 + static_cast<double>(sources)));
  double recency = 0.5;
  if (last_year != 0) {
    const double years = std::max(0, reference_year - last_year);
    recency = 1 / (1 + years / 10);
  }
  const double h = static_cast<double>(std::max<size_t>(hops, 1));
  return evidence * recency / (h * h);
}

absl::StatusOr<LinkReport> Links(const Graph& graph, NodeId from, NodeId to,
                                 const LinkOptions& options) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(graph.data(), to, "target"));
  if (from == to) {
    return absl::InvalidArgumentError("a link report needs two different actors");
  }
  std::string label(graph.node_id(to));
  if (graph.node_name(to) != graph.node_id(to)) {
    absl::StrAppend(&label, " (", graph.node_name(to), ")");
  }
  const NodeId targets[] = {to};
  absl::StatusOr<LinkReport> report =
      Report(graph, from, targets, std::move(label), options);
  if (!report.ok() || !options.programme_targets ||
      graph.node_kind(to) != NodeKind::kState) {
    return report;
  }
  EMBARGO_RETURN_IF_ERROR(AddProgrammeTargets(graph, from, to, options, *report));
  return report;
}

absl::StatusOr<LinkReport> LinksToSet(const Graph& graph, NodeId from,
                                      absl::Span<const NodeId> targets,
                                      std::string label,
                                      const LinkOptions& options) {
  return Report(graph, from, targets, std::move(label), options);
}

}  // namespace embargo
