// The query families on the generated graphs (built once, outside the
// timed loops). Items are queries answered.

#include <benchmark/benchmark.h>

#include "bench/bench_graphs.h"
#include "embargo/query.h"

namespace embargo::bench {
namespace {

const BenchData& DataOf(const benchmark::State& state) {
  return Data(static_cast<Size>(state.range(0)));
}

void BM_ShortestPath(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = PathFilter();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [s, t] = d.pairs[i++ % d.pairs.size()];
    auto p = ShortestPath(*d.graph, s, t, f);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ShortestPath)->Arg(0)->Arg(1);

void BM_KShortestPaths(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = PathFilter();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [s, t] = d.pairs[2 * (i++ % (d.pairs.size() / 2))];  // joined
    auto p = KShortestPaths(*d.graph, s, t, 5, f);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KShortestPaths)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_AllPaths(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = LinkFilter();
  for (auto _ : state) {
    auto p = AllPaths(*d.graph, d.state_a, d.state_b, 3, f);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AllPaths)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_CountPaths(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = LinkFilter();
  for (auto _ : state) {
    auto c = CountPaths(*d.graph, d.state_a, d.state_b, 3, f);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CountPaths)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_Neighbors(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = OwnershipFilter();
  Limits limits;
  limits.max_results = d.graph->num_nodes();
  size_t i = 0;
  for (auto _ : state) {
    auto n = Neighbors(*d.graph, d.seeds[i++ % d.seeds.size()], 3, f, limits);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Neighbors)->Arg(0)->Arg(1);

// The workload's q2: the size of the 3-hop neighbourhood, without the list.
void BM_CountNeighbors(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  const Filter f = OwnershipFilter();
  size_t i = 0;
  for (auto _ : state) {
    auto n = CountNeighbors(*d.graph, d.seeds[i++ % d.seeds.size()], 3, f);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CountNeighbors)->Arg(0)->Arg(1);

}  // namespace
}  // namespace embargo::bench
