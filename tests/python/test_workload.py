"""The workload's S graph (workload/SPEC.md): the Python API gives the
answers of expected/S.json."""

import pytest

import embargo
from conftest import kinds_of


def q1(graph, queries):
    kinds = kinds_of(queries["q1_edge_types"])
    out = []
    for a, b in queries["q1_pairs"]:
        p = graph.shortest_path(a, b, kinds=kinds, direction="either")
        out.append(-1 if p is None else len(p))
    return out


def test_sizes(s_graph, workload_s):
    _, queries, _ = workload_s
    assert s_graph.num_nodes == queries["nodes"]
    assert s_graph.num_edges == queries["edges"]


def test_q1_shortest_paths(s_graph, workload_s):
    _, queries, expected = workload_s
    assert q1(s_graph, queries) == expected["answers"]["q1"]


def test_q1_in_cpp_helper_agrees(s_graph, workload_s):
    _, queries, expected = workload_s
    lengths, seconds = embargo._bench_shortest_paths(
        s_graph, [tuple(p) for p in queries["q1_pairs"]],
        kinds=kinds_of(queries["q1_edge_types"]), direction="either")
    assert lengths == expected["answers"]["q1"]
    assert seconds >= 0


def test_q2_neighborhoods(s_graph, workload_s):
    _, queries, expected = workload_s
    kinds = kinds_of(queries["q2_edge_types"])
    got = [len(s_graph.neighbors(seed, queries["q2_max_hops"], kinds=kinds))
           for seed in queries["q2_seeds"]]
    assert got == expected["answers"]["q2"]


def test_q4_rus_prk_paths(s_graph, workload_s):
    _, queries, expected = workload_s
    kinds = kinds_of(queries["q4_edge_types"])
    n = s_graph.count_paths(queries["q4_src"], queries["q4_dst"],
                            queries["q4_max_hops"], kinds=kinds)
    assert n == expected["answers"]["q4"]
    paths = s_graph.all_paths(queries["q4_src"], queries["q4_dst"],
                              queries["q4_max_hops"], kinds=kinds,
                              max_results=None)
    assert len(paths) == n and not paths.truncated
    assert all(1 <= len(p) <= 3 for p in paths)


def test_q3_blocked_by_ownership(s_graph, workload_s):
    if "sanctions" not in embargo.features:
        pytest.skip("built without the sanctions module")
    _, _, expected = workload_s
    assert len(s_graph.blocked(any_authority=True)) == expected["answers"]["q3"]


def test_import_then_load_gives_the_same_graph(workload_s, s_graph):
    out, queries, expected = workload_s
    result = embargo.import_neo4j_csv(out / "nodes.csv", out / "edges.csv")
    report = result.report
    assert report.reconciles
    assert report.rows_rejected == 0
    assert report.rows_read == queries["nodes"] + queries["edges"]
    g = embargo.load(result)
    assert g.num_nodes == s_graph.num_nodes
    assert g.num_edges == s_graph.num_edges
    assert q1(g, queries)[:20] == expected["answers"]["q1"][:20]


def test_with_report(workload_s):
    out, queries, _ = workload_s
    g, report = embargo.load_neo4j_csv(out / "nodes.csv", out / "edges.csv",
                                       with_report=True)
    assert report.reconciles
    assert report.rows_imported == queries["nodes"] + queries["edges"]
    assert g.actor("RUS").kind == "state"
