// Time-respecting paths, distinct routes and link reports checked against
// brute-force references on random typed graphs, and link reports on a
// small hand-checked graph.
//
// The references enumerate simple paths by trying every edge of the graph
// at every step (no adjacency, no pruning), and decide the chronological
// rule on explicit sets of days: the days a walk may have reached after
// each hop, as a bitmap over the years the random graphs use, rather than
// the interval arithmetic of ChronologicalState.

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "embargo/graph.h"
#include "embargo/link_report.h"
#include "embargo/links.h"
#include "embargo/query.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

using Step = std::pair<uint32_t, bool>;  // Edge id, walked along.
using Signature = std::vector<Step>;

bool EdgeUsable(const Graph& g, const Filter& f, EdgeId e, bool along) {
  const EdgeInfo i = g.edge(e);
  if (!f.edge_kinds.Contains(i.kind)) return false;
  const bool transfer =
      i.kind == EdgeKind::kTransfer || i.kind == EdgeKind::kTransferVia;
  if (transfer && !f.items.Contains(i.item)) return false;
  if (i.status < f.min_status) return false;
  const DayRange window{f.from.known() ? f.from.EarliestDay() : kMinDay,
                        f.until.known() ? f.until.LatestDay() : kMaxDay};
  if (f.date_match == DateMatch::kCertain ? !i.days.Within(window)
                                          : !i.days.Overlaps(window)) {
    return false;
  }
  if (f.direction == Direction::kAlong && !along) return false;
  if (f.direction == Direction::kAgainst && along) return false;
  return true;
}

// The days of the random graphs (2018..2024), with a margin.
const int32_t kDay0 = DaysFromCivil(2016, 1, 1);
const int32_t kDay1 = DaysFromCivil(2026, 12, 31);

// Chronological decides the rule on explicit day sets.
bool Chronological(const Graph& g, const Signature& p, int32_t gap) {
  const size_t n = static_cast<size_t>(kDay1 - kDay0 + 1);
  std::vector<bool> reach(n, false);
  bool prev_transfer = false;
  for (size_t h = 0; h < p.size(); ++h) {
    const EdgeInfo e = g.edge(EdgeId(p[h].first));
    const bool transfer =
        e.kind == EdgeKind::kTransfer || e.kind == EdgeKind::kTransferVia;
    const int32_t lo = std::max(e.days.lo, kDay0);
    const int32_t hi = std::min(e.days.hi, kDay1);
    std::vector<bool> next(n, false);
    // last: the latest reached day <= d.
    int64_t last = -1;
    bool any = false;
    for (int32_t d = kDay0; d <= kDay1; ++d) {
      const size_t i = static_cast<size_t>(d - kDay0);
      if (h > 0 && reach[i]) last = d;
      if (d < lo || d > hi) continue;
      bool ok;
      if (h == 0) {
        ok = true;
      } else if (last < 0) {
        ok = false;
      } else if (gap >= 0 && prev_transfer && transfer) {
        ok = d - last <= gap;
      } else {
        ok = true;
      }
      if (ok) {
        next[i] = true;
        any = true;
      }
    }
    if (!any) return false;
    reach.swap(next);
    prev_transfer = transfer;
  }
  return true;
}

std::vector<Signature> BrutePaths(const Graph& g, const Filter& f, uint32_t s,
                                  uint32_t t, int max) {
  std::vector<Signature> out;
  if (s == t) return out;
  std::vector<bool> on(g.num_nodes());
  on[s] = true;
  Signature cur;
  auto walk = [&](auto& self, uint32_t u, int left) -> void {
    if (left == 0) return;
    for (uint32_t e = 0; e < g.num_edges(); ++e) {
      const EdgeInfo i = g.edge(EdgeId(e));
      for (bool along : {true, false}) {
        if ((along ? i.from : i.to).value() != u) continue;
        const uint32_t v = (along ? i.to : i.from).value();
        if (on[v] || !EdgeUsable(g, f, EdgeId(e), along)) continue;
        cur.push_back({e, along});
        if (v == t) {
          if (!f.chronological || Chronological(g, cur, f.max_gap_days)) {
            out.push_back(cur);
          }
        } else if (f.node_kinds.Contains(g.node_kind(NodeId(v)))) {
          on[v] = true;
          self(self, v, left - 1);
          on[v] = false;
        }
        cur.pop_back();
      }
    }
  };
  walk(walk, s, max);
  return out;
}

// AddSanctions gives a random dataset an authority and a few sanctions on
// its actors (RandomDataset has none), so that paths may pass through the
// authority between two of its sanctions.
void AddSanctions(v1::Dataset& ds, std::mt19937& rng) {
  const int actors = ds.actors_size();
  v1::Actor& a = *ds.add_actors();
  a.set_id("AUTH");
  a.set_kind(v1::ACTOR_KIND_GOVERNMENT_BODY);
  a.set_name("Authority");
  a.add_evidence()->set_source_id("src");
  for (int i = 0, n = 3 + static_cast<int>(rng() % 4); i < n; ++i) {
    v1::Sanction& s = *ds.add_sanctions();
    s.set_id("S" + std::to_string(i));
    s.set_authority_id("AUTH");
    s.set_target_id(ds.actors(static_cast<int>(rng() % actors)).id());
    s.add_measures(v1::MEASURE_ASSET_FREEZE);
    s.mutable_listed()->set_year(2018 + static_cast<int>(rng() % 6));
    s.set_status(v1::STATUS_CONFIRMED);
    s.add_evidence()->set_source_id("src");
  }
}

// ThroughSanctioning: the path enters a node against a sanction edge and
// leaves it along another (X <-sanction- A -sanction-> Y).
bool ThroughSanctioning(const Graph& g, const Signature& p) {
  for (size_t h = 0; h + 1 < p.size(); ++h) {
    if (g.edge(EdgeId(p[h].first)).kind == EdgeKind::kSanction && !p[h].second &&
        g.edge(EdgeId(p[h + 1].first)).kind == EdgeKind::kSanction && p[h + 1].second) {
      return true;
    }
  }
  return false;
}

Signature SignatureOf(const Path& p) {
  Signature s;
  for (const Hop& h : p.hops) s.push_back({h.edge.value(), h.along});
  return s;
}

std::vector<uint32_t> NodesOf(const Graph& g, uint32_t s, const Signature& p) {
  std::vector<uint32_t> nodes{s};
  for (const Step& st : p) {
    const EdgeInfo i = g.edge(EdgeId(st.first));
    nodes.push_back((st.second ? i.to : i.from).value());
  }
  return nodes;
}

Filter RandomChronoFilter(std::mt19937& rng) {
  Filter f = testing::RandomFilter(rng);
  f.chronological = true;
  const int32_t gaps[] = {-1, -1, 0, 30, 365, 800};
  f.max_gap_days = gaps[rng() % 6];
  return f;
}

TEST(ChronologicalTest, AllPathsAndCountPathsMatchBruteForce) {
  std::mt19937 rng(11);
  int kept = 0, dropped = 0;
  for (int round = 0; round < 300; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      const Filter f = RandomChronoFilter(rng);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      const int max = 1 + static_cast<int>(rng() % 4);
      Limits limits;
      limits.max_results = 100000;
      absl::StatusOr<Paths> got = AllPaths(g, NodeId(s), NodeId(t), max, f, limits);
      ASSERT_TRUE(got.ok()) << got.status();
      const std::vector<Signature> want = BrutePaths(g, f, s, t, max);
      std::set<Signature> got_set;
      for (const Path& p : got->paths) {
        got_set.insert(SignatureOf(p));
        EXPECT_TRUE(IsChronological(g, p, f.max_gap_days));
      }
      EXPECT_EQ(got_set, std::set<Signature>(want.begin(), want.end()))
          << "round " << round;
      absl::StatusOr<PathCount> count =
          CountPaths(g, NodeId(s), NodeId(t), max, f);
      ASSERT_TRUE(count.ok());
      EXPECT_EQ(count->count, want.size()) << "round " << round;
      Filter plain = f;
      plain.chronological = false;
      const size_t all = BrutePaths(g, plain, s, t, max).size();
      kept += static_cast<int>(want.size());
      dropped += static_cast<int>(all - want.size());
      // ShortestPath under the rule: the fewest hops of a chronological path.
      absl::StatusOr<std::optional<Path>> sp = ShortestPath(g, NodeId(s), NodeId(t), f);
      ASSERT_TRUE(sp.ok());
      const std::vector<Signature> every =
          s == t ? std::vector<Signature>{}
                 : BrutePaths(g, f, s, t, static_cast<int>(g.num_nodes()));
      if (s != t) {
        ASSERT_EQ(sp->has_value(), !every.empty()) << "round " << round;
        if (!every.empty()) {
          size_t best = every[0].size();
          for (const Signature& p : every) best = std::min(best, p.size());
          EXPECT_EQ((*sp)->length(), best);
          EXPECT_TRUE(IsChronological(g, **sp, f.max_gap_days));
        }
      }
    }
  }
  // The rule must both keep and drop paths on these graphs.
  EXPECT_GT(kept, 200);
  EXPECT_GT(dropped, 100);
}

TEST(ChronologicalTest, PartialDatesAndGaps) {
  // A 1999 hop may follow a "1999-05" hop; a 1981 hop may not follow 1999.
  ChronologicalState s;
  EXPECT_TRUE(s.Step(PartialDate::Parse("1999-05")->Days(), true, -1));
  EXPECT_TRUE(s.Step(PartialDate::Parse("1999")->Days(), true, -1));
  EXPECT_FALSE(s.Step(PartialDate::Parse("1981")->Days(), true, -1));
  // Three hops pairwise in order but not together: 2000, 1990-2010, 1995.
  ChronologicalState t;
  EXPECT_TRUE(t.Step(PartialDate::Parse("2000")->Days(), false, -1));
  EXPECT_TRUE(t.Step({PartialDate::Parse("1990")->EarliestDay(),
                      PartialDate::Parse("2010")->LatestDay()},
                     false, -1));
  EXPECT_FALSE(t.Step(PartialDate::Parse("1995")->Days(), false, -1));
  // An undated hop always fits.
  ChronologicalState u;
  EXPECT_TRUE(u.Step(PartialDate::Parse("2020")->Days(), true, -1));
  EXPECT_TRUE(u.Step(DayRange{}, true, 10));
  // Gap: 2020-01 then 2020-03 within 60 days, not within 20.
  for (int gap : {20, 60}) {
    ChronologicalState v;
    EXPECT_TRUE(v.Step(PartialDate::Parse("2020-01-31")->Days(), true, gap));
    EXPECT_EQ(v.Step(PartialDate::Parse("2020-03-15")->Days(), true, gap),
              gap == 60);
  }
  // Neighbourhoods refuse the rule rather than ignore it.
  absl::StatusOr<Graph> g = testing::DatasetBuilder()
                               .State("RUS")
                               .State("PRK")
                               .Transfer("T-1", "RUS", "PRK", v1::ITEM_MISSILES,
                                         v1::STATUS_REPORTED, 2020)
                               .BuildGraph();
  Filter f;
  f.chronological = true;
  EXPECT_EQ(Neighbors(*g, *g->FindNode("RUS"), 1, f).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(DistinctRoutesTest, KShortestRoutesMatchBruteForce) {
  std::mt19937 rng(12);
  int multi = 0, parallel = 0;
  for (int round = 0; round < 300; ++round) {
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      const bool chrono = q % 2 == 1;
      const Filter f = chrono ? RandomChronoFilter(rng) : testing::RandomFilter(rng);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      if (s == t) continue;
      const int k = 1 + static_cast<int>(rng() % 6);
      const int max_hops = chrono ? 1 + static_cast<int>(rng() % 4) : 0;
      absl::StatusOr<DistinctRoutes> got =
          KShortestRoutes(g, NodeId(s), NodeId(t), k, f, {}, max_hops);
      ASSERT_TRUE(got.ok()) << got.status();
      const std::vector<Signature> all = BrutePaths(
          g, f, s, t, max_hops > 0 ? max_hops : static_cast<int>(g.num_nodes()));
      // Node sequence -> the edges of each hop over every brute-force path.
      std::map<std::vector<uint32_t>, std::vector<std::set<uint32_t>>> routes;
      for (const Signature& p : all) {
        auto& hops = routes[NodesOf(g, s, p)];
        hops.resize(p.size());
        for (size_t i = 0; i < p.size(); ++i) hops[i].insert(p[i].first);
      }
      std::vector<size_t> lengths;
      for (const auto& [nodes, hops] : routes) lengths.push_back(hops.size());
      std::sort(lengths.begin(), lengths.end());
      lengths.resize(std::min<size_t>(lengths.size(), k));
      std::vector<size_t> got_lengths;
      std::set<std::vector<uint32_t>> distinct;
      for (const DistinctRoute& r : got->routes) {
        std::vector<uint32_t> nodes;
        for (NodeId n : r.Nodes()) nodes.push_back(n.value());
        ASSERT_TRUE(routes.contains(nodes)) << "round " << round;
        EXPECT_TRUE(distinct.insert(nodes).second) << "route repeated";
        got_lengths.push_back(r.example.length());
        ASSERT_EQ(r.parallel.size(), r.example.length());
        for (size_t i = 0; i < r.parallel.size(); ++i) {
          std::set<uint32_t> edges;
          for (const Hop& h : r.parallel[i]) edges.insert(h.edge.value());
          if (!chrono) {
            // Every usable edge between the two nodes, walked that way.
            std::set<uint32_t> want;
            for (uint32_t e = 0; e < g.num_edges(); ++e) {
              const EdgeInfo info = g.edge(EdgeId(e));
              for (bool along : {true, false}) {
                if ((along ? info.from : info.to).value() == nodes[i] &&
                    (along ? info.to : info.from).value() == nodes[i + 1] &&
                    EdgeUsable(g, f, EdgeId(e), along)) {
                  want.insert(e);
                }
              }
            }
            EXPECT_EQ(edges, want) << "round " << round;
          } else {
            EXPECT_EQ(edges, routes[nodes][i]) << "round " << round;
            EXPECT_TRUE(IsChronological(g, r.example, f.max_gap_days));
          }
          if (edges.size() > 1) ++parallel;
        }
      }
      EXPECT_EQ(got_lengths, lengths) << "round " << round;
      if (got->routes.size() > 1) ++multi;
    }
  }
  EXPECT_GT(multi, 50);
  EXPECT_GT(parallel, 20);
}

// Key of a path's route: its steps and intermediaries.
std::string RouteKey(const Graph& g, uint32_t s, const Signature& p) {
  std::string key;
  const std::vector<uint32_t> nodes = NodesOf(g, s, p);
  for (size_t i = 0; i < p.size(); ++i) {
    key += std::string(EdgeKindName(g.edge(EdgeId(p[i].first)).kind));
    key += p[i].second ? ">" : "<";
    if (i + 1 < p.size()) key += std::string(g.node_id(NodeId(nodes[i + 1])));
    key += "|";
  }
  return key;
}

std::string RouteKey(const Graph& g, const LinkRoute& r) {
  std::string key;
  for (size_t i = 0; i < r.steps.size(); ++i) {
    key += std::string(EdgeKindName(r.steps[i].kind));
    key += r.steps[i].along ? ">" : "<";
    if (i + 1 < r.steps.size()) key += std::string(g.node_id(r.intermediaries[i]));
    key += "|";
  }
  return key;
}

TEST(LinksTest, RoutesMatchBruteForceGrouping) {
  std::mt19937 rng(13);
  int nonempty = 0, folded = 0;
  uint64_t left_out_paths = 0;
  for (int round = 0; round < 300; ++round) {
    GraphBuilder b;
    v1::Dataset ds = testing::RandomDataset(rng);
    if (round % 3 != 0) AddSanctions(ds, rng);
    b.AddDataset(ds, "random");
    Graph g = *b.Build();
    for (int q = 0; q < 4; ++q) {
      LinkOptions o;
      o.filter = q % 2 ? RandomChronoFilter(rng) : testing::RandomFilter(rng);
      o.max_hops = 1 + static_cast<int>(rng() % 4);
      const uint32_t s = rng() % g.num_nodes(), t = rng() % g.num_nodes();
      if (s == t) continue;
      const std::vector<Signature> all = BrutePaths(g, o.filter, s, t, o.max_hops);
      // Paths through an authority between two of its sanctions are left
      // out and counted, unless asked for.
      o.through_sanctioning = q >= 2;
      std::map<std::string, uint64_t> want;
      uint64_t left_out = 0, kept = 0;
      for (const Signature& p : all) {
        if (!o.through_sanctioning && ThroughSanctioning(g, p)) {
          ++left_out;
          continue;
        }
        ++want[RouteKey(g, s, p)];
        ++kept;
      }
      left_out_paths += left_out;
      // Unfolded: one route per key, with the brute-force count.
      o.named_routes_per_shape = 1000000;
      absl::StatusOr<LinkReport> r = Links(g, NodeId(s), NodeId(t), o);
      ASSERT_TRUE(r.ok()) << r.status();
      EXPECT_TRUE(r->complete);
      EXPECT_EQ(r->total_paths, kept) << "round " << round;
      EXPECT_EQ(r->through_sanctioning_paths, left_out) << "round " << round;
      std::map<std::string, uint64_t> got;
      for (const LinkRoute& x : r->routes) {
        EXPECT_FALSE(x.folded);
        got[RouteKey(g, x)] += x.paths;
        // The example is a path of the route, usable and in time order.
        ASSERT_EQ(x.example.length(), x.steps.size());
        EXPECT_EQ(RouteKey(g, r->from.value(), SignatureOf(x.example)),
                  RouteKey(g, x));
        EXPECT_EQ(x.example.target().value(), t);
        for (const Hop& h : x.example.hops) {
          EXPECT_TRUE(EdgeUsable(g, o.filter, h.edge, h.along));
        }
        if (o.filter.chronological) {
          EXPECT_TRUE(IsChronological(g, x.example, o.filter.max_gap_days));
        }
      }
      EXPECT_EQ(got, want) << "round " << round;
      for (size_t i = 1; i < r->routes.size(); ++i) {
        EXPECT_GE(r->routes[i - 1].score, r->routes[i].score);
      }
      // Folded: the same total, every path in one route.
      o.named_routes_per_shape = 0;
      absl::StatusOr<LinkReport> f = Links(g, NodeId(s), NodeId(t), o);
      ASSERT_TRUE(f.ok());
      uint64_t sum = 0;
      for (const LinkRoute& x : f->routes) {
        sum += x.paths;
        folded += x.folded;
      }
      EXPECT_EQ(sum, kept);
      EXPECT_EQ(f->total_paths, kept);
      if (kept > 0) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 100);
  EXPECT_GT(folded, 3);
  EXPECT_GT(left_out_paths, 10u) << left_out_paths;
}

TEST(LinksTest, HandCheckedReport) {
  // RUS and PRK: two deliveries PRK -> RUS, one RUS -> PRK, and three deals
  // through CHN (two RUS -> CHN, one CHN -> PRK) decades apart.
  absl::StatusOr<Graph> g = testing::DatasetBuilder()
                   .State("RUS")
                   .State("PRK")
                   .State("CHN")
                   .Transfer("T-1", "PRK", "RUS", v1::ITEM_ARTILLERY_AMMUNITION, v1::STATUS_REPORTED, 2023)
                   .Transfer("T-2", "PRK", "RUS", v1::ITEM_MISSILES, v1::STATUS_REPORTED, 2023)
                   .Transfer("T-3", "RUS", "PRK", v1::ITEM_AIRCRAFT, v1::STATUS_REPORTED, 1988)
                   .Transfer("T-4", "RUS", "CHN", v1::ITEM_AIRCRAFT, v1::STATUS_REPORTED, 1999)
                   .Transfer("T-5", "RUS", "CHN", v1::ITEM_MISSILES, v1::STATUS_REPORTED, 2005)
                   .Transfer("T-6", "CHN", "PRK", v1::ITEM_SHIPS, v1::STATUS_REPORTED, 1981)
                   .BuildGraph();
  LinkOptions o;
  o.reference_year = 2024;
  absl::StatusOr<LinkReport> r =
      Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total_paths, 5u);  // 2 + 1 + 2 x 1.
  ASSERT_EQ(r->routes.size(), 3u);
  EXPECT_EQ(r->routes[0].label, "RUS <-transfer- PRK");
  EXPECT_EQ(r->routes[0].paths, 2u);
  EXPECT_EQ(r->routes[1].label, "RUS -transfer-> PRK");
  EXPECT_EQ(r->routes[2].label, "RUS -transfer-> CHN -transfer-> PRK");
  EXPECT_EQ(r->routes[2].paths, 2u);
  EXPECT_EQ(r->routes[2].edges, 3u);
  EXPECT_EQ(FormatDay(r->routes[2].days.lo), "1981-01-01");
  EXPECT_EQ(FormatDay(r->routes[2].days.hi), "2005-12-31");
  // The text page says the total and what it leaves out.
  const std::string text = LinksText(*g, *r, 2);
  EXPECT_NE(text.find("5 paths of at most 3 hops in 3 routes"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Not shown: 1 more route(s) with 2 path(s)"),
            std::string::npos)
      << text;
  // Chronological: the 1981 CHN -> PRK deal cannot follow a later sale to
  // China, so the chain disappears and the total says so.
  o.filter.chronological = true;
  absl::StatusOr<LinkReport> c =
      Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), o);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->total_paths, 3u);
  EXPECT_EQ(c->routes.size(), 2u);
  // Formats: CSV one line per route; HTML has the table and every quote.
  const std::string csv = LinksCsv(*g, *r);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
  absl::StatusOr<std::string> html = LinksHtml(*g, *r);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_EQ(std::count(html->begin(), html->end(), '\n') > 5, true);
  EXPECT_NE(html->find("RUS -transfer-&gt; CHN -transfer-&gt; PRK"), std::string::npos);
  const std::string json = LinksJson(*g, *r);
  EXPECT_NE(json.find("\"total_paths\": 5"), std::string::npos) << json;
  EXPECT_EQ(Links(*g, *g->FindNode("RUS"), *g->FindNode("RUS")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Two states one authority sanctions are not linked by it: the path
// through the authority is left out, counted and said.
TEST(LinksTest, AnAuthorityBetweenTwoOfItsSanctionsIsNoLink) {
  absl::StatusOr<Graph> g = testing::DatasetBuilder()
                   .State("RUS")
                   .State("PRK")
                   .Actor("EU", v1::ACTOR_KIND_GOVERNMENT_BODY)
                   .Sanction("EMB-RUS", "EU", "RUS", "EU-RUSSIA",
                             {v1::MEASURE_ARMS_EMBARGO_IMPORTS}, 2014)
                   .Sanction("EMB-PRK", "EU", "PRK", "EU-PRK",
                             {v1::MEASURE_ARMS_EMBARGO_IMPORTS}, 2006)
                   .Transfer("T-1", "PRK", "RUS", v1::ITEM_MISSILES, v1::STATUS_REPORTED, 2023)
                   .BuildGraph();
  ASSERT_TRUE(g.ok()) << g.status();
  LinkOptions o;
  o.reference_year = 2024;
  absl::StatusOr<LinkReport> r = Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total_paths, 1u);
  EXPECT_EQ(r->through_sanctioning_paths, 1u);
  ASSERT_EQ(r->routes.size(), 1u);
  EXPECT_EQ(r->routes[0].label, "RUS <-transfer- PRK");
  EXPECT_NE(LinksText(*g, *r).find("Left out: 1 path(s) through an authority between two of "
                                   "its sanctions"),
            std::string::npos);
  EXPECT_NE(LinksJson(*g, *r).find("\"through_sanctioning_paths\": 1"), std::string::npos);
  o.through_sanctioning = true;
  r = Links(*g, *g->FindNode("RUS"), *g->FindNode("PRK"), o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total_paths, 2u);
  EXPECT_EQ(r->through_sanctioning_paths, 0u);
  ASSERT_EQ(r->routes.size(), 2u);
  EXPECT_EQ(r->routes[1].label, "RUS <-sanction- EU -sanction-> PRK");
}

}  // namespace
}  // namespace embargo
