#!/usr/bin/env bash
# Installs what embargo needs to build, test and run its examples, from
# Debian 12's packages. Skips apt-get when everything is already there.
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config python3 clang libclang-rt-14-dev
  libprotobuf-dev protobuf-compiler libabsl-dev libboost-graph-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-dev nlohmann-json3-dev
  graphviz python3-networkx fonts-noto-cjk chromium
  python3-dev pybind11-dev python3-pybind11 python3-pytest python3-pandas
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
