"""Shared fixtures of the Python tests.

ctest runs them with PYTHONPATH set to the build tree's package and
EMBARGO_SOURCE_DIR / EMBARGO_WORKLOAD_DIR set (tests/python/CMakeLists.txt);
by hand: PYTHONPATH=<build>/python python3 -m pytest tests/python
"""

import json
import os
import pathlib
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(
    os.environ.get("EMBARGO_SOURCE_DIR",
                   pathlib.Path(__file__).resolve().parents[2]))
WORKLOAD_DIR = pathlib.Path(
    os.environ.get("EMBARGO_WORKLOAD_DIR",
                   SOURCE_DIR.parent / "shared" / "workload"))
ARTICLE = SOURCE_DIR / "examples" / "data" / "article_2023.textproto"

# The item filter of examples/russia_dprk.cc.
MUNITIONS = ["artillery_ammunition", "ammunition", "rockets", "missiles",
             "small_arms", "arms_general"]


@pytest.fixture(scope="session")
def article():
    import embargo
    return embargo.load(str(ARTICLE))


@pytest.fixture(scope="session")
def workload_s(tmp_path_factory):
    """The workload's S graph, generated afresh: (dir, queries, expected)."""
    generator = WORKLOAD_DIR / "gen_graph.py"
    expected = WORKLOAD_DIR / "expected" / "S.json"
    if not generator.exists() or not expected.exists():
        pytest.skip(f"workload generator not found in {WORKLOAD_DIR}")
    out = tmp_path_factory.mktemp("workload_s")
    subprocess.run([sys.executable, str(generator), "--size", "S", "--seed",
                    "7", "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    queries = json.loads((out / "queries.json").read_text())
    return out, queries, json.loads(expected.read_text())


@pytest.fixture(scope="session")
def s_graph(workload_s):
    import embargo
    out, _, _ = workload_s
    return embargo.load_neo4j_csv(out / "nodes.csv", out / "edges.csv")


# Workload edge types and their embargo edge kinds.
EDGE_KINDS = {"OWNS": "ownership", "DIRECTS": "directorship",
              "OPERATES": "operator", "FLAG": "flag", "TRANSFER": "transfer",
              "SANCTIONS": "sanction"}


def kinds_of(edge_types):
    return [EDGE_KINDS[t] for t in edge_types]
