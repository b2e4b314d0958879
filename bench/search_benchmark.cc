// Name search and screening on the merged real lists (OFAC SDN 2024, UN
// consolidated, EU DPRK and Ukraine annexes, SIPRI register; resolved as
// tests/resolve/real_data_test.cc does): one query, and a batch of 100,000
// counterparties screened with explanations.
//
// The graph and index are built once, outside the timed loops. Queries
// are the lists' own names with noise (a typo, words swapped, a company
// form), so that retrieval, typo matching and scoring all run.

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "embargo/graph.h"
#include "embargo/import/eu.h"
#include "embargo/import/ofac.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"
#include "embargo/resolve.h"
#include "embargo/screen.h"
#include "embargo/search.h"

namespace {

const std::string kData = EMBARGO_SHARED_DATA_DIR;

struct Lists {
  std::unique_ptr<embargo::Graph> graph;
  std::unique_ptr<embargo::NameIndex> index;
  std::vector<std::string> names;  // Primary names of the actors.
};

const Lists& RealLists() {
  static const Lists* lists = [] {
    auto* l = new Lists;
    std::vector<embargo::DatasetFile> files;
    const auto add = [&](absl::StatusOr<embargo::ImportResult> r) {
      if (!r.ok()) return;
      embargo::DatasetFile f;
      f.dataset = std::move(r->dataset);
      files.push_back(std::move(f));
    };
    embargo::OfacCsvOptions ofac;
    ofac.sdn_path = kData + "/ofac/sdn_2024-05-03.csv";
    add(embargo::ImportOfacCsv(ofac));
    add(embargo::ImportUnXml(kData + "/un/consolidated_2025-04-19.xml"));
    add(embargo::ImportEuCsv(kData + "/eu/32017R1509.csv"));
    add(embargo::ImportEuCsv(kData + "/eu/32014R0269.csv"));
    add(embargo::ImportSipriCsv(kData + "/sipri/trade-register_2025-03-13.csv"));
    absl::StatusOr<embargo::ResolvedDataset> r = embargo::ResolveEntities(std::move(files));
    if (!r.ok()) return l;
    embargo::GraphBuilder b;
    for (embargo::DatasetFile& f : r->files) b.Add(std::move(f));
    absl::StatusOr<embargo::Graph> g = b.Build();
    if (!g.ok()) return l;
    l->graph = std::make_unique<embargo::Graph>(*std::move(g));
    absl::StatusOr<embargo::NameIndex> index = embargo::NameIndex::Build(*l->graph);
    if (!index.ok()) return l;
    l->index = std::make_unique<embargo::NameIndex>(*std::move(index));
    for (size_t v = 0; v < l->graph->num_nodes(); ++v) {
      const embargo::NodeId n(static_cast<uint32_t>(v));
      if (l->graph->node_kind(n) == embargo::NodeKind::kState) continue;
      l->names.emplace_back(l->graph->node_name(n));
    }
    return l;
  }();
  return *lists;
}

// Noisy returns a list name as a user might type it.
std::string Noisy(const std::string& name, std::mt19937_64& rng) {
  std::string s = name;
  switch (rng() % 4) {
    case 0:
      if (s.size() > 5) s[2 + rng() % (s.size() - 4)] = 'e';  // A typo.
      break;
    case 1: {
      const size_t sp = s.find(' ');
      if (sp != std::string::npos) s = s.substr(sp + 1) + " " + s.substr(0, sp);
      break;
    }
    case 2:
      s += " LLC";
      break;
    default:
      break;
  }
  return s;
}

std::vector<embargo::SearchQuery> Queries(size_t n) {
  const Lists& l = RealLists();
  std::mt19937_64 rng(15);
  std::vector<embargo::SearchQuery> out(n);
  for (size_t i = 0; i < n; ++i) out[i].name = Noisy(l.names[rng() % l.names.size()], rng);
  return out;
}

void BM_SearchOne(benchmark::State& state) {
  const Lists& l = RealLists();
  if (!l.index) {
    state.SkipWithError("real lists not loaded");
    return;
  }
  const std::vector<embargo::SearchQuery> qs = Queries(1000);
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<std::vector<embargo::SearchHit>> hits = l.index->Search(qs[i++ % qs.size()]);
    benchmark::DoNotOptimize(hits);
  }
  state.counters["names"] = static_cast<double>(l.index->num_names());
  state.counters["actors"] = static_cast<double>(l.names.size());
}
BENCHMARK(BM_SearchOne)->Unit(benchmark::kMicrosecond);

void BM_BuildNameIndex(benchmark::State& state) {
  const Lists& l = RealLists();
  if (!l.graph) {
    state.SkipWithError("real lists not loaded");
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<embargo::NameIndex> index = embargo::NameIndex::Build(*l.graph);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_BuildNameIndex)->Unit(benchmark::kMillisecond);

// 100,000 counterparties on state.range(0) threads: search, sanctions in
// force, blocking and sanctioned actors within two hops, explanations on.
void BM_Screen100k(benchmark::State& state) {
  const Lists& l = RealLists();
  if (!l.index) {
    state.SkipWithError("real lists not loaded");
    return;
  }
  embargo::ScreenOptions o;
  o.as_of = *embargo::PartialDate::Parse("2024-06-01");
  absl::StatusOr<embargo::Screener> s = embargo::Screener::Create(*l.index, o);
  if (!s.ok()) {
    state.SkipWithError("screener");
    return;
  }
  const std::vector<embargo::SearchQuery> qs = Queries(100000);
  size_t matched = 0;
  for (auto _ : state) {
    std::vector<absl::StatusOr<embargo::ScreenResult>> r =
        s->ScreenAll(qs, static_cast<int>(state.range(0)));
    matched = 0;
    for (const auto& x : r) matched += x.ok() && !x->matches.empty();
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows"] = static_cast<double>(qs.size());
  state.counters["matched"] = static_cast<double>(matched);
}
BENCHMARK(BM_Screen100k)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
