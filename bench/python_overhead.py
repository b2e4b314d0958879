#!/usr/bin/env python3
"""Python call overhead of embargo's queries, on the workload's graph.

Runs the workload's q1 (workload/SPEC.md: 100 shortest paths over OWNS,
DIRECTS, OPERATES and TRANSFER edges, in either direction) three ways on
one loaded graph:

  python    a Python loop calling graph.shortest_path(a, b, kinds=...,
            direction="either") per pair, building a Path object for each
            answer: what a notebook does;
  filter    the same with a prebuilt embargo.Filter passed as filter=;
  c++       embargo._bench_shortest_paths, which runs the same loop in C++
            without the GIL (the library's own cost).

Each is run --repeat rounds, alternating, after one warm-up round; a round
times --inner runs of the 100 queries. The minimum and median wall times
of one run of the 100 queries are reported with the ratio python / c++
(the overhead of going through Python is ratio - 1). The answers are
checked against expected/SIZE.json when it is there.

Usage (from the project root, after building):
  PYTHONPATH=build/python python3 bench/python_overhead.py \
      [--size M] [--workdir /tmp/embargo-workload-M] [--repeat 15]

Prints one JSON object on stdout; progress goes to stderr.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

import embargo

EDGE_KINDS = {"OWNS": "ownership", "DIRECTS": "directorship",
              "OPERATES": "operator", "FLAG": "flag", "TRANSFER": "transfer",
              "SANCTIONS": "sanction"}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def main():
    root = pathlib.Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="M", choices=["S", "M", "L"])
    parser.add_argument("--workload", default=str(root.parent / "shared" /
                                                  "workload"),
                        help="directory of gen_graph.py and expected/")
    parser.add_argument("--workdir", default=None,
                        help="where the generated graph is kept "
                             "(default: /tmp/embargo-workload-SIZE)")
    parser.add_argument("--repeat", type=int, default=15,
                        help="timed rounds of each way")
    parser.add_argument("--inner", type=int, default=5,
                        help="runs of the 100 queries per timed round")
    args = parser.parse_args()

    workload = pathlib.Path(args.workload)
    workdir = pathlib.Path(args.workdir or
                           f"/tmp/embargo-workload-{args.size}")
    if not (workdir / "queries.json").exists():
        log(f"generating the {args.size} graph in {workdir}")
        workdir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(workload / "gen_graph.py"),
                        "--size", args.size, "--seed", "7", "--out",
                        str(workdir)], check=True, stdout=subprocess.DEVNULL)
    queries = json.loads((workdir / "queries.json").read_text())

    log("loading")
    start = time.perf_counter()
    graph = embargo.load_neo4j_csv(workdir / "nodes.csv",
                                   workdir / "edges.csv")
    load_s = time.perf_counter() - start
    log(f"loaded {graph} in {load_s:.2f} s")

    pairs = [tuple(p) for p in queries["q1_pairs"]]
    kinds = [EDGE_KINDS[t] for t in queries["q1_edge_types"]]
    prebuilt = embargo.Filter(kinds=kinds, direction="either")

    def python_loop():
        out = []
        for a, b in pairs:
            p = graph.shortest_path(a, b, kinds=kinds, direction="either")
            out.append(-1 if p is None else len(p))
        return out

    def filter_loop():
        out = []
        for a, b in pairs:
            p = graph.shortest_path(a, b, filter=prebuilt)
            out.append(-1 if p is None else len(p))
        return out

    def cpp_loop():
        lengths, _ = embargo._bench_shortest_paths(graph, pairs, kinds=kinds,
                                                   direction="either")
        return lengths

    runs = {"python": python_loop, "filter": filter_loop, "c++": cpp_loop}
    answers = {name: fn() for name, fn in runs.items()}  # Warm-up.
    times = {name: [] for name in runs}
    for r in range(args.repeat):
        for name, fn in runs.items():
            start = time.perf_counter()
            for _ in range(args.inner):
                fn()
            times[name].append((time.perf_counter() - start) / args.inner)
        log(f"round {r + 1}: " + ", ".join(
            f"{n} {t[-1] * 1e3:.1f} ms" for n, t in times.items()))

    expected_path = workload / "expected" / f"{args.size}.json"
    correct = None
    if expected_path.exists():
        expected = json.loads(expected_path.read_text())["answers"]["q1"]
        correct = all(a == expected for a in answers.values())

    summary = {name: {"min_s": min(t), "median_s": statistics.median(t)}
               for name, t in times.items()}
    result = {
        "size": queries["size"],
        "nodes": graph.num_nodes,
        "edges": graph.num_edges,
        "load_s": round(load_s, 3),
        "queries": len(pairs),
        "repeat": args.repeat,
        "inner": args.inner,
        "times": summary,
        "ratio_python_over_cpp_min":
            summary["python"]["min_s"] / summary["c++"]["min_s"],
        "ratio_python_over_cpp_median":
            summary["python"]["median_s"] / summary["c++"]["median_s"],
        "ratio_filter_over_cpp_median":
            summary["filter"]["median_s"] / summary["c++"]["median_s"],
        "per_call_overhead_us_median":
            (summary["python"]["median_s"] - summary["c++"]["median_s"]) /
            len(pairs) * 1e6,
        "answers_match_expected": correct,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=1))
    return 0 if correct in (None, True) else 1


if __name__ == "__main__":
    sys.exit(main())
