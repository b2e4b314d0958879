"""Name search and screening from Python (Graph.search, Graph.screen) on
the bundled article dataset and on the merged real lists."""

import os
import pathlib

import pytest

import embargo
from conftest import SOURCE_DIR

DATA = pathlib.Path(os.environ.get("EMBARGO_SHARED_DATA_DIR",
                                   SOURCE_DIR.parent / "shared" / "data"))


@pytest.fixture(scope="module")
def imported():
    paths = [DATA / "ofac" / "sdn_2024-05-03.csv",
             DATA / "un" / "consolidated_2025-04-19.xml",
             DATA / "eu" / "32014R0269.csv"]
    for p in paths:
        if not p.exists():
            pytest.skip(f"{p} not found")
    return [embargo.import_ofac(paths[0]), embargo.import_un(paths[1]),
            embargo.import_eu(paths[2])]


@pytest.fixture(scope="module")
def lists(imported):
    return embargo.load(imported)


def test_resolution_lists_links_and_refusals(imported, lists):
    r = embargo.resolution(imported)
    assert r["resolved"]
    assert r["actors_out"] < r["actors_in"]
    assert sum(r["links_by_rule"].values()) == len(r["links"])
    rosoboronexport = [x for x in r["links"] if x["kept_id"] == "OFAC-18782"]
    assert [x["rule"] for x in rosoboronexport] == ["registry number+country"]
    assert rosoboronexport[0]["values"] == \
        "registry number 1117746521452 + country RUS"
    assert len(r["refused"]) == 49
    refusal = next(x for x in r["refused"] if x["ids"] == ["OFAC-7209", "UN-QDi.059"])
    assert refusal["reason"] == "different birth dates 1962-08-25 and 1962-08-24"
    # The refused actors stay two in the graph.
    assert lists.actor("OFAC-7209").id != lists.actor("UN-QDi.059").id
    with pytest.raises(ValueError, match="no files or datasets"):
        embargo.resolution([])


def test_search_transliterations_find_shoigu(lists):
    for name in ("Shoigu Sergei", "Шойгу Сергей", "Shoygu", "SHOIGU, S."):
        hits = lists.search(name)
        assert hits, name
        assert hits[0]["name"] == "SHOIGU, Sergei Kuzhugetovich", name
        assert hits[0]["id"] == "OFAC-35173", name
    hit = lists.search("Shoygu Sergei", country="Russia", dob="1955-05-21")[0]
    assert hit["score"] >= 0.95
    assert hit["country_check"]["agreement"] == "agrees"
    assert hit["born_check"]["agreement"] == "agrees"
    assert "shoygu" in hit["explanation"]


def test_search_company_forms_and_typos(lists):
    hits = lists.search("VTB Bank PJSC")
    ids = [h["id"] for h in hits if h["score"] >= 0.95]
    assert "OFAC-17013" in ids  # VTB BANK PUBLIC JOINT STOCK COMPANY
    typo = lists.search("Korea Ryonha Machinary Joint Venture")[0]
    assert typo["id"] == "OFAC-9527"
    assert any(t["kind"] == "typo" for t in typo["tokens"])


def test_search_query_parts(lists):
    hit = lists.search("Chonmyong Shipping Co")[0]
    assert hit["id"] == "OFAC-23705"  # CHONMYONG SHIPPING CO
    assert hit["query_part"] == ""
    # A query that stands for two names scores by the one that matches.
    hit = lists.search("Some Former Name (Chonmyong Shipping Co)")[0]
    assert hit["id"] == "OFAC-23705"
    assert hit["query_part"] == "Chonmyong Shipping Co"
    assert hit["score"] == 1.0


def test_search_errors(lists):
    with pytest.raises(embargo.InvalidArgumentError):
        lists.search("--")
    with pytest.raises(embargo.InvalidArgumentError):
        lists.search("Shoigu", country="Atlantis")


def test_screen_rows_and_dataframe(lists):
    rows = [{"name": "Shoygu Sergei", "country": "RUS"},
            {"name": "Nobody Whatsoever Atall"},
            {"name": ""},
            ("VTB Bank", None, None, None)]
    out = lists.screen(rows, as_of="2024-06-01")
    assert [r["row"] for r in out] == [0, 1, 2, 3]
    shoigu = out[0]["matches"][0]
    assert shoigu["id"] == "OFAC-35173"
    assert shoigu["sanctioned"]
    assert {s["authority"] for s in shoigu["sanctions"]} >= {"OFAC"}
    assert out[1]["matches"] == []
    assert out[1]["error"] is None
    assert "no letter or digit" in out[2]["error"]
    assert out[3]["matches"][0]["sanctioned"]
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"name": ["Shoigu Sergei", "VTB Bank"],
                       "country": ["RUS", None]})
    out = lists.screen(df, as_of="2024-06-01")
    assert out[0]["matches"][0]["id"] == "OFAC-35173"
    # The same answers as the C++ screen gives through search.
    assert out[0]["matches"][0]["score"] == pytest.approx(
        lists.search("Shoigu Sergei", country="RUS")[0]["score"])
    # As pandas reads a CSV with gaps: years and IMO numbers become floats,
    # empty cells NaN. PATRIOT is IMO 9003550 on the 2024 SDN list.
    df = pd.DataFrame({"name": ["Shoigu Sergei", "Patriot"],
                       "dob": [1955.0, float("nan")],
                       "id": [float("nan"), 9003550.0]})
    out = lists.screen(df, as_of="2024-06-01")
    assert [r["error"] for r in out] == [None, None]
    assert out[0]["matches"][0]["id"] == "OFAC-35173"
    assert "born 1955 agrees" in out[0]["matches"][0]["explanation"]
    assert out[1]["matches"][0]["id"] == "OFAC-24508"
    assert "identifier 9003550 agrees" in out[1]["matches"][0]["explanation"]


def test_screen_counts_every_sanctioned_actor_nearby(lists):
    """'nearby' lists the nearest few; 'nearby_count' counts them all."""
    row = [{"name": "Joint Stock Company Sberbank"}]
    whole = lists.screen(row, as_of="2024-06-01", matches=1,
                         nearby=100000)[0]["matches"][0]
    assert whole["id"] == "OFAC-18715"
    assert whole["nearby_count"] == len(whole["nearby"]) > 2
    assert not whole["nearby_incomplete"]
    cut = lists.screen(row, as_of="2024-06-01", matches=1, nearby=2)[0]
    cut = cut["matches"][0]
    assert [n["id"] for n in cut["nearby"]] == \
        [n["id"] for n in whole["nearby"][:2]]
    assert cut["nearby_count"] == whole["nearby_count"]


def test_screen_article(article):
    out = article.screen(["Sergei Shoigu", "Kim Jong Un"], as_of="2023-09-01")
    assert len(out) == 2
    assert all(r["error"] is None for r in out)


def test_blocking_is_unknown_without_the_rules_list():
    eu = DATA / "eu" / "32014R0269.csv"
    if not eu.exists():
        pytest.skip(f"{eu} not found")
    g = embargo.load([embargo.import_eu(eu)])
    blocked = g.blocked()
    assert blocked.authorities == ["OFAC"]
    assert blocked.authorities_not_loaded == ["OFAC"]
    assert not blocked.lists_loaded
    match = g.screen(["Sberbank"])[0]["matches"][0]
    assert match["id"] == "EU-32014R0269-I.ENTITIES-108"
    assert match["sanctioned"]
    assert match["blocked"] is None  # Unknown, not False.
    assert g.blocked(rule="eu_control").lists_loaded


def test_sanctioned_is_unknown_without_a_sanctions_list():
    peps = DATA / "opensanctions" / "wd_peps_2024-03" / "entities.ftm.json"
    if not peps.exists():
        pytest.skip(f"{peps} not found")
    g = embargo.load([embargo.import_ftm(peps)])
    row = g.screen(["Bussma Ahmed Bugis"])[0]
    assert row["sanction_lists"] == []
    match = row["matches"][0]
    assert match["id"] == "FTM-Q100456396"
    assert match["sanctioned"] is None  # Unknown, not False.
    # The sanctions queries say an empty answer is unknown here.
    with pytest.warns(UserWarning, match="no sanctions list is loaded"):
        assert len(g.sanctioned()) == 0
    with pytest.warns(UserWarning, match="no sanctions list is loaded"):
        g.in_force("FTM-Q100456396")
    with pytest.warns(UserWarning, match="no sanctions list is loaded"):
        g.breaches()
    with pytest.warns(UserWarning, match="no sanctions list is loaded"):
        g.paths_to_sanctioned("FTM-Q100456396")


def test_in_force_gives_the_lists_reason_and_the_remarks_apart():
    eu = DATA / "eu" / "32014R0269.csv"
    sdn = DATA / "ofac" / "sdn_2024-05-03.csv"
    if not eu.exists() or not sdn.exists():
        pytest.skip("real lists not found")
    g = embargo.load([embargo.import_eu(eu)])
    row = g.in_force("EU-32014R0269-I.ENTITIES-108").to_dicts()[0]
    assert row["reason"].startswith("Sberbank is a major financial institution")
    assert row["remarks"] == ""
    # OFAC gives no reasons: its importer's note is a remark, not a reason.
    g = embargo.load([embargo.import_ofac(sdn)])
    row = g.in_force("OFAC-35173").to_dicts()[0]
    assert row["reason"] == ""
    assert "edition date of the list" in row["remarks"]
