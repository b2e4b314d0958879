"""OpenSanctions exports through the Python importers."""

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
