"""The Python API on the bundled article dataset: the answers of
tests/query/article_test.cc and examples/russia_dprk.cc, through Python."""

import datetime

import pytest

import embargo
from conftest import ARTICLE, MUNITIONS

TRANSFERS = ["transfer", "transfer_via"]


def munitions(graph, **kw):
    return graph.all_paths("RUS", "PRK", 3, kinds=TRANSFERS, items=MUNITIONS,
                           **kw)


def test_load_and_counts(article):
    counts = article.counts()
    assert counts["nodes"] == article.num_nodes > 0
    assert counts["edges"] == article.num_edges > 0
    assert sum(counts["node_kinds"].values()) == article.num_nodes
    assert sum(counts["edge_kinds"].values()) == article.num_edges
    assert counts["node_kinds"]["state"] >= 7
    assert counts["edge_kinds"]["transfer"] >= 3
    assert counts["sources"] == len(article.sources)
    assert "Graph" in repr(article)


def test_load_accepts_paths_lists_and_datasets(article):
    import pathlib
    g1 = embargo.load([pathlib.Path(ARTICLE)])
    ds = embargo.read_dataset(ARTICLE)
    assert ds.counts["actors"] > 0
    g2 = embargo.load(ds)
    assert g1.num_edges == g2.num_edges == article.num_edges


def test_actor(article):
    prk = article.actor("PRK")
    assert prk.id == "PRK"
    assert prk.name == "North Korea"
    assert prk.kind == "state"
    assert article.actor("RUS-MOD").country == "RUS"
    assert "DPRK" in prk.aliases
    assert prk.record["record_kind"] == "actor"
    assert prk.record["id"] == "PRK"
    assert prk == article.actor("PRK")
    assert hash(prk) == hash(article.actor("PRK"))
    assert prk != article.actor("RUS")
    assert str(prk) == "PRK"
    assert "PRK" in article and prk in article and "NOPE" not in article


def test_find_is_case_and_accent_insensitive(article):
    assert [n.id for n in article.find("north korea")] == ["PRK"]
    assert [n.id for n in article.find("KOREA UTARA")] == ["PRK"]
    assert [n.id for n in article.find("Sergéi Shoigú")] == ["SHOIGU-SERGEI"]
    assert article.find("Atlantis") == []
    assert article.node("Korut").id == "PRK"
    assert article.node("RUS").id == "RUS"


def test_russia_dprk_munitions(article):
    paths = munitions(article)
    assert not paths.truncated
    assert len(paths) == 4
    assert all(len(p) <= 3 for p in paths)
    items = sorted(" ".join(h.item for h in p) for p in paths)
    assert items == ["arms_general", "artillery_ammunition", "rockets",
                     "rockets rockets"]
    for path in paths:
        assert path.source.id == "RUS" and path.target.id == "PRK"
        assert path.nodes[0].id == "RUS" and path.nodes[-1].id == "PRK"
        for hop in path:
            # North Korea supplies, Russia receives: walked against.
            assert hop.along is False
            assert hop.status == "alleged"
            assert hop.record_kind == "transfer"
            assert hop.record["supplier_id"] == "PRK"
            assert hop.record["recipient_id"] == "RUS"
            assert hop.sources, hop.summary
        if len(path) == 2:
            assert path.hops[0].target.kind == "vessel"


def test_hop_evidence_carries_sources_and_quotes(article):
    paths = article.all_paths("PRK", "RUS", 1, kinds=TRANSFERS,
                              items="artillery_ammunition")
    assert len(paths) == 1
    hop = paths[0][0]
    assert hop.along is True
    assert hop.kind == "transfer"
    assert hop.item == "artillery_ammunition"
    kirby = [ev for ev in hop.evidence if ev.get("speaker_id") == "KIRBY-JOHN"]
    assert kirby
    ev = kirby[0]
    assert ev["source"]["id"] == "src-beritabali-2023-08"
    assert ev["speaker_name"] == "John Kirby"
    assert "src-yonhap-2023-08" in [s["id"] for s in ev["via_sources"]]
    assert any("amunisi artileri" in q for q in hop.quotes)
    row = hop.to_dict()
    assert row["from"] == "PRK" and row["to"] == "RUS"
    assert "src-beritabali-2023-08" in row["sources"]
    assert row["summary"] == hop.summary
    assert "PRK" in paths[0].format()


def test_shortest_and_k_shortest(article):
    p = article.shortest_path("RUS", "PRK", kinds=TRANSFERS, items=MUNITIONS)
    assert p is not None and len(p) == 1
    k = article.k_shortest_paths("RUS", "PRK", 10, kinds=TRANSFERS,
                                 items=MUNITIONS)
    assert [len(x) for x in k] == sorted(len(x) for x in munitions(article))
    assert article.shortest_path("RUS", "PRK", kinds="sanction",
                                 direction="along") is None


def test_filter_object_and_overrides(article):
    f = embargo.Filter(kinds=TRANSFERS, items=MUNITIONS)
    assert len(article.all_paths("RUS", "PRK", 3, filter=f)) == 4
    # A keyword overrides the filter's field.
    only_rockets = article.all_paths("RUS", "PRK", 3, filter=f,
                                     items=["rockets"])
    assert sorted(len(p) for p in only_rockets) == [1, 2]
    # Comma-separated names work as well as lists.
    assert len(article.all_paths("RUS", "PRK", 3, kinds="transfer,transfer_via",
                                 items=",".join(MUNITIONS))) == 4


def test_date_window(article):
    # Shoigu visited Pyongyang on 25-27 July 2023.
    for day in ("2023-07-26", datetime.date(2023, 7, 26)):
        p = article.all_paths("SHOIGU-SERGEI", "PRK", 1, kinds="visit",
                              direction="along", since=day, until=day)
        assert len(p) == 1
        assert p[0][0].first_day == datetime.date(2023, 7, 25)
        assert p[0][0].last_day == datetime.date(2023, 7, 27)
    assert len(article.all_paths("SHOIGU-SERGEI", "PRK", 1, kinds="visit",
                                 since=2024)) == 0


def test_max_results_truncates(article):
    paths = munitions(article, max_results=2)
    assert len(paths) == 2
    assert paths.truncated and paths.truncation_reason


def test_count_paths(article):
    assert article.count_paths("RUS", "PRK", 3, kinds=TRANSFERS,
                               items=MUNITIONS) == 4


def test_neighbors(article):
    hood = article.neighbors("PRK", 1, kinds=TRANSFERS, items=MUNITIONS)
    ids = [n.id for n, hops in hood]
    assert "RUS" in ids
    assert all(hops == 1 for _, hops in hood)
    assert "RUS" in hood
    rows = hood.to_dicts()
    assert {"id", "name", "kind", "country", "hops"} <= set(rows[0])
    two = article.neighbors("PRK", 2, kinds=TRANSFERS)
    assert len(two) >= len(hood)


def test_edges_and_records(article):
    edge = article.edge(0)
    assert edge.index == 0
    assert edge.record["record_kind"] in ("transfer", "sanction", "relation",
                                          "event")
    assert edge.record_id == edge.record["id"]
    assert edge.origin[0].endswith("article_2023.textproto")
    assert edge in edge.start.edges()


def test_to_dicts_and_pandas(article):
    paths = munitions(article)
    rows = paths.to_dicts()
    assert len(rows) == sum(len(p) for p in paths)
    assert {r["path"] for r in rows} == {0, 1, 2, 3}
    pd = pytest.importorskip("pandas")
    frame = paths.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(rows)
    assert set(frame["item"]) == {"arms_general", "artillery_ammunition",
                                  "rockets"}
    assert len(article.neighbors("PRK", 1).to_pandas()) == len(
        article.neighbors("PRK", 1))


def test_to_networkx(article):
    nx = pytest.importorskip("networkx")
    whole = article.to_networkx()
    assert whole.number_of_nodes() == article.num_nodes
    assert whole.number_of_edges() == article.num_edges
    assert whole.nodes["PRK"]["kind"] == "state"
    answer = munitions(article).to_networkx()
    assert isinstance(answer, nx.MultiDiGraph)
    assert {"RUS", "PRK"} <= set(answer.nodes)
    # Four paths over five distinct edges (the ship's route has two legs).
    assert answer.number_of_edges() == 5
    assert all(d["kind"] in ("transfer", "transfer_via")
               for _, _, d in answer.edges(data=True))


def test_dataset_round_trip(tmp_path, article):
    ds = embargo.read_dataset(ARTICLE)
    out = tmp_path / "article.pb"
    ds.save(out)
    back = embargo.read_dataset(out)
    assert back.counts == ds.counts
    assert back.to_dict()["actors"][0]["id"] == ds.to_dict()["actors"][0]["id"]
    assert embargo.load(out).num_edges == article.num_edges
