"""Link reports, time-respecting paths, distinct routes and the hop tables
on the article dataset and on the real lists in ../shared/data."""

import collections
import json
import os
import pathlib

import pytest

import embargo
from conftest import SOURCE_DIR

DATA = pathlib.Path(os.environ.get("EMBARGO_SHARED_DATA_DIR",
                                   SOURCE_DIR.parent / "shared" / "data"))


def data(*parts):
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def lists():
    """SIPRI, OFAC, UN and EU lists loaded together."""
    return embargo.load([
        embargo.import_sipri(data("sipri", "trade-register_2025-03-13.csv")),
        embargo.import_ofac(data("ofac", "sdn_2024-05-03.csv")),
        embargo.import_un(data("un", "consolidated_2025-04-19.xml")),
        embargo.import_eu(data("eu", "32017R1509.csv")),
    ])


def test_links_on_the_article(article):
    r = article.links("RUS", "PRK")
    assert r.total_paths == article.count_paths("RUS", "PRK", 3)
    assert sum(route["paths"] for route in r.routes) == r.total_paths
    assert r.complete
    text = str(r)
    assert f"{r.total_paths:,} paths of at most 3 hops" in text
    rows = r.to_dicts()
    assert rows[0]["rank"] == 1 and isinstance(rows[0]["example"], str)
    assert json.loads(r.to_json())["total_paths"] == r.total_paths
    assert "<table" in r.to_html()


def test_links_real_lists(lists):
    r = lists.links("RUS", "PRK")
    # Every path counted, and the same count as count_paths.
    assert r.total_paths == lists.count_paths("RUS", "PRK", 3)
    assert r.total_paths > 9_000_000
    labels = [route["label"] for route in r.routes]
    # The direct deliveries both ways come first.
    assert set(labels[:2]) == {"RUS <-transfer- PRK", "RUS -transfer-> PRK"}
    top = r.routes[0]
    assert top["strongest_status"] == "confirmed" and top["sources"] >= 1
    assert len(top["example"]) == 1
    # Chronological: far fewer, and the same count both ways.
    c = lists.links("RUS", "PRK", chronological=True)
    assert c.total_paths == lists.count_paths("RUS", "PRK", 3,
                                              chronological=True)
    assert 0 < c.total_paths < r.total_paths / 10


def test_hop_rows_say_who_supplied(lists):
    # Walked from RUS, North Korea's deliveries to Russia have from="RUS";
    # the supplier column says who supplied.
    deals = lists.all_paths("RUS", "PRK", 1, kinds="transfer",
                            max_results=None).to_dicts()
    by_supplier = collections.Counter(d["supplier"] for d in deals)
    by_from = collections.Counter(d["from"] for d in deals)
    assert by_from == {"RUS": len(deals)}
    assert by_supplier["PRK"] == 2
    for d in deals:
        assert {d["supplier"], d["recipient"]} == {"RUS", "PRK"}
        assert d["owner"] is None and d["authority"] is None
    prk = [d for d in deals if d["supplier"] == "PRK"]
    assert {d["item"] for d in prk} == {"missiles", "artillery"}


def test_distinct_routes_and_chronological_paths(lists):
    routes = lists.k_shortest_routes("RUS", "PRK", 3, kinds="transfer")
    assert [r["nodes"][0] for r in routes] == ["RUS"] * 3
    assert routes[0]["nodes"] == ["RUS", "PRK"]
    # All parallel deals of the direct route are under it, both ways.
    assert len(routes[0]["edges"][0]) == lists.count_paths(
        "RUS", "PRK", 1, kinds="transfer")
    assert len({tuple(r["nodes"]) for r in routes}) == 3
    chrono = lists.all_paths("RUS", "PRK", 2, kinds="transfer",
                             chronological=True, max_results=None)
    two = [p for p in chrono if len(p) == 2]
    assert two
    for path in two:
        first, second = list(path)
        # The second hop may not lie wholly before the first.
        assert second.last_day >= first.first_day
    with pytest.raises(ValueError):
        lists.neighbors("RUS", 1, chronological=True)
