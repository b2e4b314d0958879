// Generator of the benchmark graphs. See bench_graphs.h.
//
// The generator follows SPEC.md's mix without its exact randomness: node
// kinds (250 states, 4 authorities, then about 30 % persons, 8 % vessels,
// 5 % organisations, 1 % military units, the rest companies), 5 edges per
// node (OWNS 36 %, TRANSFER 38 %, DIRECTS 21.5 %, OPERATES 2 %, FLAG 2 %,
// SANCTIONS 0.6 %), endpoints drawn half the time from earlier endpoints
// (preferential attachment, hence heavy-tailed degrees), shares in steps of
// 0.5 that never sum to over 100 per owned node.

#include "bench/bench_graphs.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/image.h"
#include "embargo/io.h"

namespace embargo::bench {
namespace {

struct Generator {
  explicit Generator(uint64_t seed) : rng(seed) {}
  std::mt19937_64 rng;
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng); }
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
};

std::string Write(const std::string& dir, size_t num_nodes) {
  Generator g(7);
  std::vector<std::string> ids, kinds;
  std::vector<std::string> states;
  // 250 three-letter state ids, RUS, PRK, USA and GBR among them.
  for (const char* s : {"RUS", "PRK", "USA", "GBR", "CHN", "IRN", "UKR"}) {
    states.push_back(s);
  }
  for (char a = 'A'; states.size() < 250; ++a) {
    for (char b = 'A'; b <= 'Z' && states.size() < 250; ++b) {
      std::string id = {a, b, 'X'};
      states.push_back(id);
    }
  }
  std::string nodes = "id:ID,name,kind:LABEL,country\n";
  std::vector<size_t> by_kind[7];  // state, authority, company, person,
                                   // vessel, organization, military unit
  auto add = [&](const std::string& id, const std::string& name,
                 const char* label, const std::string& country, int kind) {
    by_kind[kind].push_back(ids.size());
    ids.push_back(id);
    absl::StrAppend(&nodes, id, ",", name, ",", label, ",", country, "\n");
  };
  for (const std::string& s : states) add(s, "State " + s, "State", "", 0);
  add("UNSC", "UN Security Council", "Authority", "", 1);
  add("OFAC", "US Treasury OFAC", "Authority", "USA", 1);
  add("EU", "European Union", "Authority", "", 1);
  add("UK", "UK OFSI", "Authority", "GBR", 1);
  const size_t rest = num_nodes - ids.size();
  const size_t persons = rest * 30 / 100, vessels = rest * 8 / 100,
               orgs = rest * 5 / 100, units = rest / 100;
  const size_t companies = rest - persons - vessels - orgs - units;
  auto many = [&](size_t n, char prefix, const char* label, int kind) {
    for (size_t i = 1; i <= n; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "%c%06zu", prefix, i);
      add(id, absl::StrCat(label, " ", i), label,
          states[g.Pick(states.size())], kind);
    }
  };
  many(companies, 'C', "Company", 2);
  many(persons, 'P', "Person", 3);
  many(vessels, 'V', "Vessel", 4);
  many(orgs, 'O', "Organization", 5);
  many(units, 'M', "MilitaryUnit", 6);

  // Preferential attachment: half the time an endpoint seen before.
  std::vector<size_t> seen;
  auto pick = [&](std::initializer_list<int> kinds_allowed) {
    for (;;) {
      if (!seen.empty() && g.Uniform() < 0.5) {
        const size_t n = seen[g.Pick(seen.size())];
        for (int k : kinds_allowed) {
          const auto& v = by_kind[k];
          if (!v.empty() && n >= v.front() && n <= v.back()) return n;
        }
        continue;
      }
      size_t total = 0;
      for (int k : kinds_allowed) total += by_kind[k].size();
      size_t i = g.Pick(total);
      for (int k : kinds_allowed) {
        if (i < by_kind[k].size()) return by_kind[k][i];
        i -= by_kind[k].size();
      }
    }
  };
  static const char* kItems[] = {"artillery_ammunition", "rockets", "missiles",
                                 "small_arms", "armoured_vehicles", "aircraft",
                                 "components", "drones"};
  static const char* kStatus[] = {"alleged", "reported", "confirmed"};
  static const char* kPrograms[] = {"DPRK3", "RUSSIA-EO14024", "UNSCR 1718",
                                    "IRAN"};
  std::vector<int> remaining(ids.size(), 200);  // Half-percent units left.
  absl::flat_hash_set<std::pair<size_t, size_t>> owned;
  std::string edges = ":START_ID,:END_ID,:TYPE,share:float,item,year:int,status\n";
  const size_t m = 5 * num_nodes;
  // Planted RUS-PRK links.
  for (int y = 2022; y <= 2024; ++y) {
    absl::StrAppend(&edges, "PRK,RUS,TRANSFER,,artillery_ammunition,", y, ",reported\n");
    absl::StrAppend(&edges, "RUS,PRK,TRANSFER,,components,", y, ",alleged\n");
  }
  for (size_t e = 6; e < m; ++e) {
    const double r = g.Uniform();
    size_t a, b;
    if (r < 0.36) {
      a = pick({2, 3, 0});
      b = pick({2, 4});
      if (a == b || remaining[b] == 0 || !owned.insert({a, b}).second) {
        --e;
        continue;
      }
      const int share = 1 + static_cast<int>(g.Pick(std::min(remaining[b], 120)));
      remaining[b] -= share;
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",OWNS,", share / 2, ".",
                      share % 2 ? "5" : "0", ",,,\n");
    } else if (r < 0.575) {
      a = pick({3});
      b = pick({2});
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",DIRECTS,,,,\n");
    } else if (r < 0.595) {
      a = pick({2});
      b = pick({4});
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",OPERATES,,,,\n");
    } else if (r < 0.615) {
      a = pick({4});
      b = by_kind[0][g.Pick(by_kind[0].size())];
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",FLAG,,,,\n");
    } else if (r < 0.994) {
      a = pick({0, 2, 6});
      b = pick({0, 2, 6});
      if (a == b) {
        --e;
        continue;
      }
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",TRANSFER,,",
                      kItems[g.Pick(8)], ",", 1990 + g.Pick(36), ",",
                      kStatus[g.Pick(3)], "\n");
    } else {
      a = by_kind[1][g.Pick(4)];
      b = pick({0, 2, 3, 4, 5, 6});
      absl::StrAppend(&edges, ids[a], ",", ids[b], ",SANCTIONS,,",
                      kPrograms[g.Pick(4)], ",", 2000 + g.Pick(26), ",\n");
    }
    seen.push_back(a);
    seen.push_back(b);
  }
  std::ofstream(dir + "/nodes.csv") << nodes;
  std::ofstream(dir + "/edges.csv") << edges;
  return dir;
}

BenchData* Make(Size size) {
  auto* d = new BenchData;
  char tmpl[] = "/tmp/embargo_bench_XXXXXX";
  d->dir = mkdtemp(tmpl);
  const size_t nodes = size == Size::kS ? 10000 : 200000;
  std::cerr << "generating " << nodes << " nodes in " << d->dir << " ...\n";
  Write(d->dir, nodes);
  d->nodes_csv = d->dir + "/nodes.csv";
  d->edges_csv = d->dir + "/edges.csv";
  {
    absl::StatusOr<ImportResult> r = ImportNeo4jCsv(d->nodes_csv, d->edges_csv);
    if (!r.ok()) {
      std::cerr << r.status() << "\n";
      std::abort();
    }
    d->num_records = static_cast<size_t>(r->report.records_written());
    d->binary = d->dir + "/graph.pb";
    d->records = d->dir + "/graph.records";
    if (!WriteDatasetFile(r->dataset, d->binary).ok() ||
        !WriteDatasetFile(r->dataset, d->records).ok()) {
      std::abort();
    }
    if (size == Size::kS) {
      d->text = d->dir + "/graph.textproto";
      if (!WriteDatasetFile(r->dataset, d->text).ok()) std::abort();
    }
  }
  absl::StatusOr<Neo4jCsvGraph> g = LoadNeo4jCsvGraph(d->nodes_csv, d->edges_csv);
  if (!g.ok()) {
    std::cerr << g.status() << "\n";
    std::abort();
  }
  d->graph.emplace(std::move(g->graph));
  const Graph& graph = *d->graph;
  d->image = d->dir + "/graph.egraph";
  if (!WriteGraphImage(graph, d->image).ok()) std::abort();
  Generator r(11);
  // Pairs: half joined by a random walk of 1..8 steps, half uniform.
  const Filter f = PathFilter();
  while (d->pairs.size() < 100) {
    const NodeId s(static_cast<uint32_t>(r.Pick(graph.num_nodes())));
    NodeId t = s;
    if (d->pairs.size() % 2 == 0) {
      const size_t steps = 1 + r.Pick(8);
      for (size_t i = 0; i < steps; ++i) {
        std::vector<NodeId> next;
        for (const Incidence& inc : graph.Incidences(t)) {
          if (f.edge_kinds.Contains(graph.edge(inc.edge).kind)) next.push_back(inc.other);
        }
        if (next.empty()) break;
        t = next[r.Pick(next.size())];
      }
    } else {
      t = NodeId(static_cast<uint32_t>(r.Pick(graph.num_nodes())));
    }
    if (t != s) d->pairs.emplace_back(s, t);
  }
  while (d->seeds.size() < 100) {
    const NodeId n(static_cast<uint32_t>(r.Pick(graph.num_nodes())));
    const NodeKind k = graph.node_kind(n);
    if (k == NodeKind::kCompany || k == NodeKind::kPerson) d->seeds.push_back(n);
  }
  d->state_a = *graph.FindNode("RUS");
  d->state_b = *graph.FindNode("PRK");
  return d;
}

}  // namespace

const BenchData& Data(Size size) {
  static BenchData* data[2] = {nullptr, nullptr};
  BenchData*& d = data[static_cast<int>(size)];
  if (d == nullptr) d = Make(size);
  return *d;
}

namespace {
Filter Either(EdgeKindSet kinds) {
  Filter f;
  f.edge_kinds = kinds;
  f.direction = Direction::kEither;
  return f;
}
}  // namespace

Filter PathFilter() {
  return Either({EdgeKind::kOwnership, EdgeKind::kDirectorship,
                 EdgeKind::kOperator, EdgeKind::kTransfer,
                 EdgeKind::kTransferVia});
}
Filter OwnershipFilter() {
  return Either({EdgeKind::kOwnership, EdgeKind::kDirectorship});
}
Filter LinkFilter() {
  return Either({EdgeKind::kTransfer, EdgeKind::kTransferVia,
                 EdgeKind::kOwnership, EdgeKind::kOperator, EdgeKind::kFlag});
}

}  // namespace embargo::bench
