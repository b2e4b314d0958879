// Sanctions semantics on the generated graphs: the 50 % rule, effective
// ownership and the embargo breach scan. Items are calls.

#include <benchmark/benchmark.h>

#include "bench/bench_graphs.h"
#include "embargo/sanctions.h"

namespace embargo::bench {
namespace {

const BenchData& DataOf(const benchmark::State& state) {
  return Data(static_cast<Size>(state.range(0)));
}

void BM_BlockedByOwnership(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  OwnershipOptions o;
  o.explain = state.range(1) != 0;
  for (auto _ : state) {
    auto b = BlockedByOwnership(*d.graph, o);
    if (!b.ok()) state.SkipWithError("failed");
    benchmark::DoNotOptimize(b);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BlockedByOwnership)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"size", "explain"})
    ->Unit(benchmark::kMillisecond);

void BM_EffectiveOwnership(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  size_t i = 0;
  for (auto _ : state) {
    auto e = EffectiveOwnershipOf(*d.graph, d.seeds[i++ % d.seeds.size()]);
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EffectiveOwnership)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_FindEmbargoBreaches(benchmark::State& state) {
  const BenchData& d = DataOf(state);
  for (auto _ : state) {
    auto b = FindEmbargoBreaches(*d.graph);
    if (!b.ok()) state.SkipWithError("failed");
    benchmark::DoNotOptimize(b);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindEmbargoBreaches)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace embargo::bench
