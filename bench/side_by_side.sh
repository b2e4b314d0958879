#!/usr/bin/env bash
# Runs embargo's workload runner beside other engines' runners on the same
# generated data (workload/SPEC.md) and prints one table with, per step,
# each engine's time and its ratio to embargo's (other / embargo: above 1
# means embargo is faster).
#
# usage: bench/side_by_side.sh SIZE [ENGINE ...]      (default: bgl-csr)
#   SIZE     S, M or L
#   ENGINE   names from the peers' engines.txt (networkx igraph graph-tool
#            kuzu duckdb sqlite bgl-csr)
# Environment:
#   BUILD=DIR        build directory holding bench/workload_runner
#                    (default: build-perf, then build, next to the source)
#   WORKLOAD=DIR     writable copy of the workload folder (default
#                    /tmp/workload; copied from ../shared/workload if absent)
#   SETUP=1          run the peers' setup.sh (installs Debian and npm
#                    packages; needed for the Python and Node engines)
#   EXTRAS=0         skip the extra embargo run that times the record paths
#
# The copy's peers/engines.txt gets an "embargo" line; the shared folder is
# never written to. Results: WORKLOAD/peers/results/SIZE.{json,md} and
# WORKLOAD/peers/results/SIZE/embargo.json.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE=${1:?usage: side_by_side.sh S|M|L [ENGINE ...]}
shift
ENGINES=("$@")
[ ${#ENGINES[@]} -gt 0 ] || ENGINES=(bgl-csr)
WORKLOAD=${WORKLOAD:-/tmp/workload}
SHARED=${SHARED_WORKLOAD:-$ROOT/../shared/workload}
if [ -z "${BUILD:-}" ]; then
  for b in "$ROOT/../build-perf" "$ROOT/build"; do
    [ -x "$b/bench/workload_runner" ] && BUILD=$b && break
  done
fi
RUNNER=$(cd "${BUILD:?no build with bench/workload_runner; set BUILD}" && pwd)/bench/workload_runner
[ -x "$RUNNER" ] || { echo "missing $RUNNER" >&2; exit 2; }

[ -d "$WORKLOAD/peers" ] || cp -r "$SHARED" "$WORKLOAD"
PEERS="$WORKLOAD/peers"
grep -q '^embargo[[:space:]]' "$PEERS/engines.txt" ||
  printf 'embargo     %s {DIR}\n' "$RUNNER" >> "$PEERS/engines.txt"
sed -i "s|^embargo[[:space:]].*|embargo     $RUNNER {DIR}|" "$PEERS/engines.txt"

if [ "${SETUP:-0}" = 1 ]; then
  "$PEERS/setup.sh"
elif [ ! -x "$PEERS/cpp/bgl_ref" ]; then
  g++ -O2 -std=c++17 -o "$PEERS/cpp/bgl_ref" "$PEERS/cpp/bgl_ref.cpp"
fi

SKIP_SETUP=1 "$PEERS/run_all.sh" "$SIZE" embargo "${ENGINES[@]}" >&2 || true

EXTRA_JSON=""
if [ "${EXTRAS:-1}" = 1 ]; then
  echo "== embargo record paths (--extras)" >&2
  EXTRA_JSON=$("$RUNNER" --extras "${PEERS_DATA:-$PEERS/data}/$SIZE" 2>/dev/null || true)
fi

python3 - "$PEERS/results/$SIZE" "$SIZE" "$EXTRA_JSON" "${ENGINES[@]}" <<'PY'
import json, os, sys
res_dir, size, extra, engines = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def load(name):
    p = os.path.join(res_dir, name + ".json")
    return json.load(open(p)) if os.path.exists(p) else None
emb = load("embargo")
if emb is None:
    sys.exit("no embargo result in " + res_dir)
def peak(r):
    h = r.get("harness") or {}
    return h.get("time_v_peak_rss_mb") or r.get("peak_rss_mb")
steps = ["load_s", "q1_s", "q2_s", "q3_s", "q4_s", "q5_s"]
rows = [("embargo", emb)] + [(e, load(e)) for e in engines if load(e)]
head = "| engine | " + " | ".join(s[:-2] + " s (ratio)" for s in steps) + " | peak MB (ratio) | answers |"
print("Size %s, %s" % (size, ", ".join(n for n, _ in rows)))
print(head)
print("|" + "---|" * (len(steps) + 3))
for name, r in rows:
    cells = []
    for s in steps:
        a, b = r.get(s), emb.get(s)
        if a is None:
            cells.append("n/a")
        elif name == "embargo" or not b:
            cells.append("%.5f" % a)
        else:
            cells.append("%.5f (%.1fx)" % (a, a / b))
    pa, pb = peak(r), peak(emb)
    cells.append("%.0f" % pa if name == "embargo" or not pb else "%.0f (%.2fx)" % (pa, pa / pb))
    same = all(r.get("answers", {}).get(k) == emb.get("answers", {}).get(k) for k in ("q1", "q2", "q3", "q4", "q5"))
    cells.append("same" if same else "DIFFER")
    print("| %s | %s |" % (name, " | ".join(cells)))
exp = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(res_dir))), "expected", size + ".json")
if os.path.exists(exp):
    want = json.load(open(exp))["answers"]
    ok = all(emb["answers"].get(k) == want[k] for k in ("q1", "q2", "q3", "q4", "q5"))
    print("embargo answers vs expected/%s.json: %s" % (size, "equal" if ok else "DIFFERENT"))
if extra.strip():
    x = json.loads(extra)
    rl, il = x.get("records_load_s"), x.get("image_load_s")
    print("embargo record paths (one more run): CSV -> graph %.3f s; CSV -> records %.3f s; "
          "record stream -> graph %.3f s (%.2fx faster than that run's CSV load); "
          "answers on that graph %s" % (
              x["load_s"], x.get("import_records_s", float("nan")), rl or float("nan"),
              x["load_s"] / rl if rl else float("nan"),
              "agree" if x.get("records_answers_match") else "DIFFER"))
    print("embargo graph image -> graph %.3f s (%.2fx faster than that run's CSV load); "
          "answers on that graph %s" % (
              il or float("nan"), x["load_s"] / il if il else float("nan"),
              "agree" if x.get("image_answers_match") else "DIFFER"))
    peers = [(n, r["load_s"]) for n, r in rows if n != "embargo" and n != "bgl-csr" and r.get("load_s")]
    if peers:
        fastest, fl = min(peers, key=lambda p: p[1])
        for what, t in (("CSV", emb["load_s"]), ("record stream", rl), ("graph image", il)):
            if t:
                print("load from %s vs the fastest general engine's load (%s, %.3f s): %.2fx" % (
                    what, fastest, fl, fl / t))
PY
