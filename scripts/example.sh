#!/usr/bin/env bash
# The main job: installs what is needed, builds, and prints the Russia-DPRK
# munitions links in the bundled dataset with the evidence for every hop.
# Extra arguments go to the example (e.g. more dataset files).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target russia_dprk >/dev/null
exec ./build/release/examples/russia_dprk "$@"
