// Import throughput on the real lists in ../shared/data: rows per second
// (items_per_second) for the OFAC SDN 2024 file, the SIPRI trade register
// and the UN consolidated list. Each iteration imports the whole file,
// report and validation-ready records included.

#include <string>

#include "benchmark/benchmark.h"
#include "embargo/import/ofac.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"

namespace {

const std::string kData = EMBARGO_SHARED_DATA_DIR;

template <typename Import>
void RunImport(benchmark::State& state, Import import) {
  int64_t rows = 0, records = 0;
  for (auto _ : state) {
    absl::StatusOr<embargo::ImportResult> r = import();
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    rows += r->report.rows_read;
    records += r->report.records_written();
    benchmark::DoNotOptimize(r->dataset);
  }
  state.SetItemsProcessed(rows);
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}

void BM_ImportOfacSdn2024(benchmark::State& state) {
  embargo::OfacCsvOptions options;
  options.sdn_path = kData + "/ofac/sdn_2024-05-03.csv";
  RunImport(state, [&] { return embargo::ImportOfacCsv(options); });
}
BENCHMARK(BM_ImportOfacSdn2024)->Unit(benchmark::kMillisecond);

void BM_ImportSipriRegister(benchmark::State& state) {
  const std::string path = kData + "/sipri/trade-register_2025-03-13.csv";
  RunImport(state, [&] { return embargo::ImportSipriCsv(path); });
}
BENCHMARK(BM_ImportSipriRegister)->Unit(benchmark::kMillisecond);

void BM_ImportUnList(benchmark::State& state) {
  const std::string path = kData + "/un/consolidated_2025-04-19.xml";
  RunImport(state, [&] { return embargo::ImportUnXml(path); });
}
BENCHMARK(BM_ImportUnList)->Unit(benchmark::kMillisecond);

}  // namespace
