"""Many Python threads query one graph at once and get the answers one
thread gets."""

import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import MUNITIONS, kinds_of


def test_threads_share_one_graph(s_graph, workload_s):
    _, queries, expected = workload_s
    q1_kinds = kinds_of(queries["q1_edge_types"])
    q2_kinds = kinds_of(queries["q2_edge_types"])

    def work(i):
        pairs = queries["q1_pairs"][i % 10::10]
        lengths = []
        for a, b in pairs:
            p = s_graph.shortest_path(a, b, kinds=q1_kinds)
            lengths.append(-1 if p is None else len(p))
        sizes = [len(s_graph.neighbors(s, 3, kinds=q2_kinds))
                 for s in queries["q2_seeds"][i % 10::10]]
        return i, lengths, sizes

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(work, range(64)))
    for i, lengths, sizes in results:
        assert lengths == expected["answers"]["q1"][i % 10::10]
        assert sizes == expected["answers"]["q2"][i % 10::10]


def test_threads_explain_paths(article):
    kinds = ["transfer", "transfer_via"]
    one = [p.to_dict() for p in article.all_paths("RUS", "PRK", 3, kinds=kinds,
                                                   items=MUNITIONS)]
    barrier = threading.Barrier(8)
    answers, errors = [], []

    def work():
        try:
            barrier.wait()
            for _ in range(20):
                answers.append([p.to_dict() for p in article.all_paths(
                    "RUS", "PRK", 3, kinds=kinds, items=MUNITIONS)])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(answers) == 160
    assert all(a == one for a in answers)
