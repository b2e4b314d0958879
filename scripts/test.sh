#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test (unit,
# verifier, real-data, example, packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
