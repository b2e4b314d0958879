// Reading FtM entity lines: the library's JsonTape against a DOM parser
// (nlohmann::json, what the FtM importer used before), on 10,000 lines of
// the synthetic OpenSanctions-shaped export (tests/testing/ftm_generator.h).
// bytes_per_second and items_per_second (lines) side by side in one run.

#include <cstdint>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "lib/io/import/json_tape.h"
#include "nlohmann/json.hpp"
#include "tests/testing/ftm_generator.h"

namespace {

const std::vector<std::string>& Lines() {
  static const auto* lines = [] {
    auto* out = new std::vector<std::string>();
    constexpr int64_t kLines = 10000;
    for (int64_t i = 0; i < kLines; ++i) {
      out->push_back(embargo::testing_ftm::EntityLine(i, kLines, 20261205));
    }
    return out;
  }();
  return *lines;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const std::string& l : Lines()) n += static_cast<int64_t>(l.size());
  return n;
}

void BM_JsonTapeFtmLines(benchmark::State& state) {
  embargo::import_internal::JsonTape tape;
  int64_t nodes = 0;
  for (auto _ : state) {
    for (const std::string& line : Lines()) {
      if (tape.Parse(line)) {
        state.SkipWithError("a generated line is not JSON");
        return;
      }
      nodes += tape.size();
    }
  }
  benchmark::DoNotOptimize(nodes);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(Lines().size()));
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_JsonTapeFtmLines)->Unit(benchmark::kMillisecond);

void BM_NlohmannDomFtmLines(benchmark::State& state) {
  size_t members = 0;
  for (auto _ : state) {
    for (const std::string& line : Lines()) {
      nlohmann::json j = nlohmann::json::parse(line);
      members += j.size();
    }
  }
  benchmark::DoNotOptimize(members);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(Lines().size()));
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_NlohmannDomFtmLines)->Unit(benchmark::kMillisecond);

}  // namespace
