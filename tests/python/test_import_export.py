"""Importers on the real lists in ../shared/data, and the exporters."""

import os
import pathlib

import pytest

import embargo
from conftest import MUNITIONS, SOURCE_DIR

DATA = pathlib.Path(os.environ.get("EMBARGO_SHARED_DATA_DIR",
                                   SOURCE_DIR.parent / "shared" / "data"))


def data(*parts):
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def check(result, fmt_word):
    assert isinstance(result, embargo.ImportResult)
    report = result.report
    assert report.reconciles
    assert report.rows_read > 0
    assert report.records_written == sum(report.records.values())
    assert fmt_word in report.format
    assert sum(result.dataset.counts.values()) >= report.records_written
    return embargo.load(result)


def test_ofac_csv():
    r = embargo.import_ofac(data("ofac", "sdn_2024-05-03.csv"))
    assert r.report.rows_read == 14965
    g = check(r, "ofac")
    assert g.actor("OFAC").kind == "government_body"
    assert g.actor("PRK").kind == "state"


def test_ofac_xml():
    g = check(embargo.import_ofac(
        data("ofac", "consolidated_2025-03", "consolidated.xml")), "ofac")
    assert g.num_nodes > 400


def test_un_xml_and_damaged_copy():
    r = embargo.import_un(data("un", "consolidated_2025-04-19.xml"))
    assert r.report.rows_read == 877
    g = check(r, "un")
    # 155 entries under the 1718 (DPRK) regime (data README); a programme
    # no sanction has is refused, not answered with nothing.
    assert len(g.sanctioned(programs="UNSCR 1718")) == 155
    with pytest.raises(ValueError, match="known: .*UNSCR 1718"):
        g.sanctioned(programs="1718")
    with pytest.raises(ValueError) as info:
        embargo.import_un(data("un", "consolidated_2025-08-16_damaged.xml"))
    assert "damaged" in str(info.value)


def test_eu_csv():
    check(embargo.import_eu(data("eu", "32017R1509.csv")), "eu")


def test_ftm():
    g = check(embargo.import_ftm(data("ftm", "zala_entities.ftm.json"),
                                 data("ftm", "defaultModel.json")), "ftm")
    assert g.counts()["edge_kinds"].get("ownership", 0) > 0
    # ZALA's stakes keep their shares (they were set to unknown).
    shares = sorted(r["share_percent"] for r in g.all_paths(
        "FTM-NK-aU5ybkbRFJucf8YMwsJvDw", "FTM-NK-abdzbEBkqyT29GyREbiURZ", 1,
        kinds="ownership", direction="along", max_results=None).to_dicts())
    assert shares == [48, 50, 51]


def test_sipri():
    r = embargo.import_sipri(data("sipri", "trade-register_2025-03-13.csv"))
    assert r.report.rows_read == 29515
    g = check(r, "sipri")
    to_russia = g.all_paths("PRK", "RUS", 1, kinds="transfer",
                            direction="along", max_results=None)
    assert len(to_russia) == 2
    # SIPRI's designation, numbers and TIVs are path columns; unknown is
    # None, never 0.
    rows = {r["designation"]: r for r in to_russia.to_dicts()}
    hwasong = rows["Hwasong-11"]
    assert hwasong["number_ordered"] is None
    assert hwasong["number_delivered"] == 100
    assert hwasong["tiv_unit"] == 2.5
    assert hwasong["tiv_order"] is None
    assert hwasong["tiv_delivered"] == 250
    guns = rows["M-1978 170mm"]
    assert (guns["number_ordered"], guns["number_delivered"]) == (10, 10)
    assert (guns["tiv_unit"], guns["tiv_order"], guns["tiv_delivered"]) == (
        0.5, 5, 5)
    pd = pytest.importorskip("pandas")
    frame = to_russia.to_pandas()
    for column in ("designation", "number_ordered", "number_delivered",
                   "tiv_unit", "tiv_order", "tiv_delivered"):
        assert column in frame.columns


def test_missing_list_is_file_not_found(tmp_path):
    for fn in (embargo.import_ofac, embargo.import_un, embargo.import_eu,
               embargo.import_sipri):
        with pytest.raises(FileNotFoundError):
            fn(tmp_path / "sdn_2024-05-03.csv")


def test_exports_round_trip(tmp_path, article):
    counts = article.to_neo4j_csv(tmp_path / "n.csv", tmp_path / "e.csv")
    assert counts["nodes"] == article.num_nodes
    back, report = embargo.load_neo4j_csv(tmp_path / "n.csv", tmp_path / "e.csv",
                                          with_report=True)
    assert report.reconciles
    # The actors come back (events and their participations are not among
    # the node labels the CSV importer knows).
    assert back.num_nodes == len(article.nodes(kinds=[
        k for k in article.counts()["node_kinds"] if k != "event"]))
    assert back.actor("PRK").name == "North Korea"
    article.to_graphml(tmp_path / "g.graphml")
    assert "<graphml" in (tmp_path / "g.graphml").read_text()
    article.to_jsonl(tmp_path / "g.jsonl")
    lines = (tmp_path / "g.jsonl").read_text().splitlines()
    assert len(lines) == sum(article.to_dataset().counts.values())
    # What to_jsonl writes, load and read_dataset read (one load path).
    back = embargo.load(tmp_path / "g.jsonl")
    assert back.num_nodes == article.num_nodes
    assert back.num_edges == article.num_edges
    assert embargo.read_dataset(tmp_path / "g.jsonl").counts == \
        article.to_dataset().counts


def test_graph_image_round_trip(tmp_path, article):
    article.to_image(tmp_path / "a.egraph")
    back = embargo.load(tmp_path / "a.egraph")
    assert back.num_nodes == article.num_nodes
    assert back.num_edges == article.num_edges
    assert back.counts() == article.counts()
    assert len(back.all_paths("PRK", "RUS", 3, kinds="transfer")) == len(
        article.all_paths("PRK", "RUS", 3, kinds="transfer"))
    with pytest.raises(embargo.InvalidArgumentError, match="load it alone"):
        embargo.load([tmp_path / "a.egraph", tmp_path / "a.egraph"])
    (tmp_path / "bad.egraph").write_bytes(b"not an image at all, just some bytes " * 4)
    with pytest.raises(embargo.InvalidArgumentError, match="not a graph image"):
        embargo.load(tmp_path / "bad.egraph")


def test_dot_of_an_answer(tmp_path, article):
    paths = article.all_paths("RUS", "PRK", 3, kinds="transfer,transfer_via",
                              items=MUNITIONS)
    dot = paths.to_dot(title="RUS-PRK munitions")
    assert dot.startswith("digraph") and "PRK" in dot
    assert paths[0].to_dot().startswith("digraph")
    if not embargo.dot_available():
        pytest.skip("Graphviz dot not installed")
    paths.render(tmp_path / "answer.svg")
    assert "<svg" in (tmp_path / "answer.svg").read_text()


def test_merge_datasets_notes_conflicts(tmp_path, article):
    ds = article.to_dataset()
    merged, notes = embargo.merge_datasets([ds, ds])
    assert merged.counts == ds.counts
    assert notes == []
    (tmp_path / "other.textproto").write_text(
        'sources { id: "s-x" publisher: "X" }\n'
        'actors { id: "PRK" kind: ACTOR_KIND_STATE name: "DPRK" '
        'evidence { source_id: "s-x" } }\n')
    other = embargo.read_dataset(tmp_path / "other.textproto")
    merged, notes = embargo.merge_datasets([ds, other], name="both")
    assert merged.name == "both"
    assert merged.counts["sources"] == ds.counts["sources"] + 1
    assert merged.counts["actors"] == ds.counts["actors"]


def test_sipri_with_the_shipped_arms_embargoes():
    # The country arms embargoes load with embargoes=True; North Korea's
    # 2023-2024 deliveries to Russia breach UNSCR 1718's export bans.
    sipri = embargo.import_sipri(data("sipri", "trade-register_2025-03-13.csv"))
    g = embargo.load(sipri, embargoes=True)
    rows = g.breaches(authorities="UNSC").to_dicts()
    prk_rus = [r for r in rows if r["supplier"] == "PRK"
               and r["recipient"] == "RUS" and r["certainty"] == "certain"]
    assert len(prk_rus) == 4
    assert all(r["role"] == "supplier" for r in prk_rus)
    assert all("UNSCR 1718 (2006-10-14)" in r["legal_basis"] for r in prk_rus)
    # Russia, bound by the Security Council's ban, is the party bound.
    assert all(r["bound"] == "RUS" and r["bound_certainty"] == "certain"
               for r in prk_rus)
    # The EU's embargo on China binds EU member states, not Russia.
    eu = g.breaches(authorities="EU").to_dicts()
    assert any(r["supplier"] == "FRA" and r["recipient"] == "CHN" for r in eu)
    assert not any(r["supplier"] == "RUS" and r["recipient"] == "CHN"
                   for r in eu)
    # Without the option there is no embargo to breach.
    assert len(embargo.load(sipri).breaches(authorities=None).to_dicts()) == 0
