"""OpenSanctions exports through the Python importers."""

import json
import os
import pathlib

import pytest

import embargo
from conftest import SOURCE_DIR

DATA = pathlib.Path(os.environ.get("EMBARGO_SHARED_DATA_DIR",
                                   SOURCE_DIR.parent / "shared" / "data"))
PEPS = DATA / "opensanctions" / "wd_peps_2024-03"


def peps(name):
    path = PEPS / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def test_ftm_without_a_model():
    r = embargo.import_ftm(peps("entities.ftm.json"))
    assert r.report.rows_read == 1565
    assert r.report.reconciles
    g = embargo.load(r)
    assert g.actor("FTM-Q100456396").kind == "person"


def test_simple_csv():
    r = embargo.import_os_simple(peps("targets.simple.csv"))
    assert r.report.format == "os-simple"
    assert (r.report.rows_read, r.report.rows_imported) == (5, 5)
    g = embargo.load(r)
    assert g.actor("FTM-Q296771").name == "Saad Hariri"


def test_nested_json():
    r = embargo.import_ftm_nested(peps("targets.nested.json"))
    assert r.report.rows_read == 18
    assert r.report.reconciles


def test_statements():
    r = embargo.import_os_statements(peps("statements.csv"))
    assert r.report.rows_read == 23
    g = embargo.load(r)
    assert g.actor("FTM-Q61589").kind == "person"


def test_stream_and_update(tmp_path):
    text = peps("entities.ftm.json").read_text(encoding="utf-8").splitlines()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    old = tmp_path / "a" / "entities.ftm.json"
    new = tmp_path / "b" / "entities.ftm.json"
    old.write_text("\n".join(text) + "\n", encoding="utf-8")
    # The next day: one entity gone, every last_seen moved on.
    new.write_text("\n".join(l.replace('"last_seen":"2024', '"last_seen":"2099')
                             for l in text[:-1]) + "\n", encoding="utf-8")
    r = embargo.import_ftm_stream(old, tmp_path / "old.records")
    assert r.rows_read == 1565 and r.reconciles
    full = embargo.import_ftm_stream(new, tmp_path / "full.records")
    upd = embargo.import_ftm_stream(new, tmp_path / "upd.records",
                                    previous_export=old,
                                    previous_records=tmp_path / "old.records")
    assert upd.records == full.records
    assert upd.rows_read < full.rows_read / 10
    assert any("1 removed" in n for n in upd.notes)
    g = embargo.load(str(tmp_path / "upd.records"))
    assert g.actor("FTM-Q100456396").kind == "person"
    with pytest.raises(ValueError):
        embargo.import_ftm_stream(new, tmp_path / "x.records", previous_export=old)


def test_apply_delta(tmp_path):
    text = peps("entities.ftm.json").read_text(encoding="utf-8").splitlines()
    for d in "abc":
        (tmp_path / d).mkdir()
    old = tmp_path / "a" / "entities.ftm.json"
    old.write_text("\n".join(text) + "\n", encoding="utf-8")
    first, last = json.loads(text[0]), json.loads(text[-1])
    first["properties"]["name"] = ["Renamed Person"]
    first["caption"] = "Renamed Person"
    delta = tmp_path / "a" / "entities.delta.json"
    delta.write_text("\n".join(json.dumps(x) for x in [
        {"op": "MOD", "entity": first},
        {"op": "DEL", "entity": {"id": last["id"]}},
    ]) + "\n", encoding="utf-8")
    new = tmp_path / "b" / "entities.ftm.json"
    counts = embargo.apply_ftm_delta(old, delta, new)
    assert counts == {"added": 0, "modified": 1, "deleted": 1, "lines_kept": 1563,
                      "lines_dropped": 2, "lines_written": 1564}
    lines = new.read_text(encoding="utf-8").splitlines()
    assert lines[:-1] == text[1:-1]
    assert json.loads(lines[-1])["properties"]["name"] == ["Renamed Person"]
    embargo.import_ftm_stream(old, tmp_path / "old.records")
    upd = embargo.import_ftm_stream(new, tmp_path / "new.records", previous_export=old,
                                    previous_records=tmp_path / "old.records")
    assert upd.rows_read < 10
    g = embargo.load(str(tmp_path / "new.records"))
    assert g.actor("FTM-" + first["id"]).name == "Renamed Person"
    with pytest.raises(ValueError, match="line 2: DEL of"):
        embargo.apply_ftm_delta(new, delta, tmp_path / "c" / "entities.ftm.json")
