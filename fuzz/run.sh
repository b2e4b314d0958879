#!/usr/bin/env bash
# Runs fuzz targets for a while each, seeded with hand-made inputs
# (fuzz/seeds/TARGET/), the bundled dataset in every form, and prefixes of the
# real files in ../shared/data/ (read at run time, never copied into the
# project). A crash leaves its input in BUILD/fuzz/artifacts/ and fails.
#
# Usage: fuzz/run.sh SECONDS [TARGET...]    (default: every target built)
#        FUZZ_JOBS=2 runs two targets at a time (one per core).
# Needs: cmake --preset fuzz && cmake --build --preset fuzz --target fuzzers
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
build=build/fuzz
shared=../shared/data
work=$build/fuzz
mkdir -p "$work/artifacts"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$build"/fuzz/fuzz_*; do
    n=$(basename "$f"); n=${n#fuzz_}
    [ "$n" = make_seeds ] || targets+=("$n")
  done
fi

# Real-file prefixes per target (first 8 KiB, and a record-aligned cut).
prefixes() {
  case "$1" in
    ofac_csv) ls "$shared"/ofac/sdn_2021-07/*.csv "$shared"/ofac/sdn_2024-05-03.csv ;;
    ofac_xml) ls "$shared"/ofac/consolidated_2025-03/consolidated.xml ;;
    un_xml) ls "$shared"/un/*.xml ;;
    ftm_json) ls "$shared"/ftm/*.ftm.json ;;
    eu_csv) ls "$shared"/eu/*.csv ;;
    sipri_csv) ls "$shared"/sipri/*.csv ;;
  esac 2>/dev/null || true
}

fuzz_one() {
  local t=$1
  local corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  [ -d "fuzz/seeds/$t" ] && cp -f fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  [ -d "fuzz/regressions/$t" ] && cp -f fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  case "$t" in
    dataset_*|record_stream)
      local gen="$work/seedgen-$t"
      mkdir -p "$gen"/{dataset_binary,dataset_json,record_stream,dataset_text}
      "$build"/fuzz/fuzz_make_seeds examples/data/article_2023.textproto "$gen"
      cp -f "$gen/$t"/* "$corpus"/ ;;
    neo4j_csv)
      if [ ! -f "$work/workload/nodes.csv" ]; then
        python3 ../shared/workload/gen_graph.py --actors 200 --seed 7 --out "$work/workload" >/dev/null
      fi
      { head -n 60 "$work/workload/nodes.csv"; echo "====="; head -n 120 "$work/workload/edges.csv"; } \
        > "$corpus/workload_prefix" ;;
  esac
  case "$t" in
    un_xml) python3 fuzz/xml_seeds.py "$shared/un/consolidated_2025-04-19.xml" "$corpus/un_small.xml" || true ;;
    ofac_xml) python3 fuzz/xml_seeds.py "$shared/ofac/consolidated_2025-03/consolidated.xml" "$corpus/ofac_small.xml" 5 || true ;;
  esac
  for f in $(prefixes "$t"); do
    head -c 8192 "$f" > "$corpus/prefix_$(basename "$f")"
  done
  local rc=0
  "$build/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -max_len=65536 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/${t}-" 2> "$work/$t.log" || rc=1
  local summary
  summary=$(grep -E "DONE|cov: [0-9]+" "$work/$t.log" | tail -1)
  if [ $rc != 0 ]; then
    echo "fuzz_$t FAILED; see $work/$t.log and $work/artifacts/" >&2
    tail -40 "$work/$t.log" >&2
    return 1
  fi
  echo "fuzz_$t ${seconds}s: $summary" >&2
}

jobs_max=${FUZZ_JOBS:-1}
status=0
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs_max" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
