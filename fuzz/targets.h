// Fuzz entry points, one per reader. Each takes arbitrary bytes, runs the
// reader, and when the bytes parse, carries on through validation, graph
// building and a few bounded queries, so that everything downstream of a
// reader sees hostile records too. The libFuzzer targets in this folder and
// the regression test (tests/fuzz/regression_test.cc) call the same
// functions.

#ifndef EMBARGO_FUZZ_TARGETS_H_
#define EMBARGO_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace embargo::fuzz {

// Target is one fuzzed reader.
struct Target {
  const char* name;  // "dataset_binary", "ofac_csv", ...
  void (*run)(const uint8_t* data, size_t size);
};

// Targets lists every fuzz target.
const std::vector<Target>& Targets();

// Run runs the named target; false when there is no such target.
bool Run(const std::string& name, const uint8_t* data, size_t size);

}  // namespace embargo::fuzz

#endif  // EMBARGO_FUZZ_TARGETS_H_
