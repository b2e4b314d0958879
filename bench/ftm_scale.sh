#!/usr/bin/env bash
# The OpenSanctions-scale import benchmark: generates synthetic FtM exports
# (bench/ftm_generate) of N entities, imports each with
# `embargo import ftm --stream` under /usr/bin/time -v (wall time, CPU time,
# peak RSS), builds a graph image from the records and times loading the
# records and the image with `embargo neighbors` on one entity.
#
#   bash bench/ftm_scale.sh BUILD_DIR WORK_DIR [N...]
#   bash bench/ftm_scale.sh build/dev /tmp/ftm-scale 100000 1000000 2000000
#
# Needs about 450 bytes of disk per entity for the export and as much again
# for the records.
set -euo pipefail
build=${1:?build dir}; work=${2:?work dir}; shift 2
sizes=("${@:-100000}")
embargo="$build/bin/embargo"
gen="$build/bench/ftm_generate"
mkdir -p "$work"
printf '%-9s %-9s %-9s %-9s %-10s %-12s %-10s %-11s %-10s\n' entities file_MB wall_s cpu_s ent/s_wall ent/s_per_cpu peak_MB records_s image_s
for n in "${sizes[@]}"; do
  in="$work/gen_$n.ftm.json"; out="$work/gen_$n.records"; img="$work/gen_$n.egraph"
  [[ -f "$in" ]] || "$gen" "$n" "$in"
  /usr/bin/time -v "$embargo" import ftm "$in" -o "$out" --stream --no-progress \
    2> "$work/import_$n.log" || { tail -5 "$work/import_$n.log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/import_$n.log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/import_$n.log")
  rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$work/import_$n.log")
  "$embargo" export image "$out" -o "$img" > /dev/null 2>&1
  t0=$(date +%s.%N); "$embargo" neighbors FTM-gen-P-0 --data "$out" > /dev/null 2>&1 || true; t1=$(date +%s.%N)
  "$embargo" neighbors FTM-gen-P-0 --data "$img" > /dev/null 2>&1 || true; t2=$(date +%s.%N)
  printf '%-9s %-9s %-9s %-9s %-10.0f %-12.0f %-10s %-11.2f %-10.2f\n' "$n" \
    "$(( $(stat -c %s "$in") / 1000000 ))" "$wall" "$cpu" \
    "$(echo "$n / $wall" | bc -l)" "$(echo "$n / $cpu" | bc -l)" "$rss" \
    "$(echo "$t1 - $t0" | bc -l)" "$(echo "$t2 - $t1" | bc -l)"
done
