#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test (unit,
# verifier, real-data, example, packaging), then the test suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer and the concurrency tests
# under ThreadSanitizer. EMBARGO_SANITIZERS=0 skips the sanitizer runs.
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
  cmake --build --preset tsan --target concurrency_test
  ctest --preset tsan
fi
