#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test (unit,
# verifier, real-data, example, packaging), then the test suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer and the concurrency tests
# under ThreadSanitizer, then every libFuzzer target for 20 s.
# EMBARGO_SANITIZERS=0 skips the sanitizer runs, EMBARGO_FUZZ=0 the fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
if [ "${EMBARGO_SANITIZERS:-1}" = 1 ]; then
  cmake --preset asan
  cmake --build --preset asan
  ctest --preset asan
  cmake --preset tsan
  cmake --build --preset tsan --target query_concurrency_test
  ctest --preset tsan
fi
if [ "${EMBARGO_FUZZ:-1}" = 1 ]; then
  # Every fuzz target briefly (EMBARGO_FUZZ_SECONDS each, two at a time), so
  # that a regression in a reader is caught; fuzz/run.sh runs them longer.
  cmake --preset fuzz
  cmake --build --preset fuzz
  FUZZ_JOBS=2 bash fuzz/run.sh "${EMBARGO_FUZZ_SECONDS:-20}"
fi
