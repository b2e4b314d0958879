// Reading each on-disk form and building the graph. Items are records (or
// CSV rows), so items/second compares the forms directly.

#include <benchmark/benchmark.h>

#include "bench/bench_graphs.h"
#include "embargo/graph.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/io.h"

namespace embargo::bench {
namespace {

Size SizeOf(const benchmark::State& state) {
  return static_cast<Size>(state.range(0));
}

// CSV straight to a graph (LoadNeo4jCsvGraph): the workload's load step.
void BM_LoadCsvToGraph(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  for (auto _ : state) {
    auto g = LoadNeo4jCsvGraph(d.nodes_csv, d.edges_csv);
    if (!g.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_LoadCsvToGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// CSV to v1 records (ImportNeo4jCsv).
void BM_ImportCsvToRecords(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  for (auto _ : state) {
    auto r = ImportNeo4jCsv(d.nodes_csv, d.edges_csv);
    if (!r.ok()) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_ImportCsvToRecords)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void ReadForm(benchmark::State& state, const std::string& path,
              size_t records) {
  for (auto _ : state) {
    auto f = ReadDatasetFile(path);
    if (!f.ok()) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(f);
  }
  state.SetItemsProcessed(state.iterations() * records);
}

void BM_ReadBinaryDataset(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  ReadForm(state, d.binary, d.num_records);
}
BENCHMARK(BM_ReadBinaryDataset)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ReadRecordStream(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  ReadForm(state, d.records, d.num_records);
}
BENCHMARK(BM_ReadRecordStream)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ReadText(benchmark::State& state) {
  const BenchData& d = Data(Size::kS);
  ReadForm(state, d.text, d.num_records);
}
BENCHMARK(BM_ReadText)->Arg(0)->Unit(benchmark::kMillisecond);

// Validating and building a graph from records already in memory
// (GraphBuilder::Build, the general path).
void BM_BuildGraph(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  auto file = ReadDatasetFile(d.binary);
  if (!file.ok()) {
    state.SkipWithError("read failed");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    DatasetFile copy = *file;
    GraphBuilder b;
    b.Add(std::move(copy));
    state.ResumeTiming();
    auto g = b.Build();
    if (!g.ok()) state.SkipWithError("build failed");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_BuildGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// LoadGraph on a record stream of compact records: read and build in one,
// on the columnar path.
void BM_LoadRecordStreamToGraph(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  for (auto _ : state) {
    auto g = LoadGraph({d.records});
    if (!g.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_LoadRecordStreamToGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// LoadGraph on a graph image of the same graph: copy back and check.
void BM_LoadGraphImage(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  for (auto _ : state) {
    auto g = LoadGraph({d.image});
    if (!g.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_LoadGraphImage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// LoadGraph on a binary Dataset (general path: parse, validate, build).
void BM_LoadBinaryDatasetToGraph(benchmark::State& state) {
  const BenchData& d = Data(SizeOf(state));
  for (auto _ : state) {
    auto g = LoadGraph({d.binary});
    if (!g.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * d.num_records);
}
BENCHMARK(BM_LoadBinaryDatasetToGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace embargo::bench
