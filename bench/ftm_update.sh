#!/usr/bin/env bash
# The edition update benchmark: for each N, a synthetic FtM export of N
# entities (bench/ftm_generate) and its next day (ftm_generate --next-day:
# every last_seen a day on, 0.2 % gone, 0.5 % renamed, 0.2 % new) are
# imported; then the next day is imported in full and updated from the
# first day's records, alternately, `ROUNDS` times each (default 2), under
# /usr/bin/time -v: wall time, CPU time, peak RSS. The two record streams
# are compared by loading both (embargo export jsonl, sorted).
#
#   bash bench/ftm_update.sh BUILD_DIR WORK_DIR [N...]
#   bash bench/ftm_update.sh build/dev /tmp/ftm-update 1000000 2000000
#
# Needs about 1.4 KB of disk per entity.
set -euo pipefail
build=${1:?build dir}; work=${2:?work dir}; shift 2
sizes=("${@:-100000}")
rounds=${ROUNDS:-2}
embargo="$build/bin/embargo"
gen="$build/bench/ftm_generate"
measure() {  # measure LABEL LOG COMMAND...: one line of the table
  local label=$1 log=$2; shift 2
  /usr/bin/time -v "$@" --no-progress 2> "$log" > /dev/null || { tail -5 "$log"; exit 1; }
  awk -F': ' -v l="$label" '/Elapsed \(wall clock\)/ {n=split($2,a,":"); w=0; for(i=1;i<=n;i++) w=w*60+a[i]}
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=int($2/1024)}
    END {printf "%-8s %-9.2f %-9.2f %-8d\n", l, w, u+s, m}' "$log"
}
for n in "${sizes[@]}"; do
  mkdir -p "$work/$n/day1" "$work/$n/day2"
  d1="$work/$n/day1/entities.ftm.json"; d2="$work/$n/day2/entities.ftm.json"
  [[ -f "$d1" ]] || "$gen" "$n" "$d1"
  [[ -f "$d2" ]] || "$gen" --next-day "$d1" "$d2"
  "$embargo" import ftm "$d1" -o "$work/$n/day1.records" --stream --no-progress 2> /dev/null
  echo "$n entities: the next day imported in full and updated from the day before"
  printf '%-8s %-9s %-9s %-8s\n' how wall_s cpu_s peak_MB
  for ((r = 0; r < rounds; ++r)); do
    measure full "$work/$n/full.log" "$embargo" import ftm "$d2" -o "$work/$n/full.records" --stream
    measure update "$work/$n/update.log" "$embargo" import ftm "$d2" -o "$work/$n/update.records" \
      --stream --previous-export "$d1" --previous-records "$work/$n/day1.records"
  done
  grep -h "update from" "$work/$n/update.log" | sed 's/^ *note: /  /' | cut -c1-220
  for f in full update; do
    "$embargo" export jsonl "$work/$n/$f.records" -o "$work/$n/$f.jsonl" > /dev/null 2>&1
    LC_ALL=C sort "$work/$n/$f.jsonl" -o "$work/$n/$f.jsonl"
  done
  cmp -s "$work/$n/full.jsonl" "$work/$n/update.jsonl" && echo "  same graph: yes" || { echo "  same graph: NO"; exit 1; }
done
