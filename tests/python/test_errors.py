"""C++ errors become Python exceptions with the status message, never a
crash."""

import pytest

import embargo
from conftest import ARTICLE


def test_missing_file_is_file_not_found(tmp_path):
    missing = tmp_path / "nope.textproto"
    with pytest.raises(FileNotFoundError) as info:
        embargo.load(str(missing))
    assert isinstance(info.value, embargo.MissingFileError)
    assert isinstance(info.value, embargo.Error)
    assert info.value.code == "NOT_FOUND"
    assert "nope.textproto" in str(info.value)
    with pytest.raises(FileNotFoundError):
        embargo.read_dataset(missing)
    with pytest.raises(FileNotFoundError):
        embargo.load_neo4j_csv(missing, missing)


def test_syntax_error_is_value_error_with_line(tmp_path):
    bad = tmp_path / "bad.textproto"
    bad.write_text('actors { id: "X" kind: NOT_A_KIND }\n')
    with pytest.raises(ValueError) as info:
        embargo.load(bad)
    assert info.value.code == "INVALID_ARGUMENT"
    assert "bad.textproto" in str(info.value)
    assert ":1:" in str(info.value) or "line 1" in str(info.value)


def test_validation_problems_name_the_record(tmp_path):
    bad = tmp_path / "dangling.textproto"
    bad.write_text('actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" '
                   'country: "RUS" }\n'
                   'transfers { id: "T-1" supplier_id: "RUS" '
                   'recipient_id: "NOWHERE" item: ITEM_ROCKETS '
                   'status: STATUS_ALLEGED }\n')
    with pytest.raises(embargo.InvalidArgumentError) as info:
        embargo.load(bad)
    assert "NOWHERE" in str(info.value)
    assert "T-1" in str(info.value)


def test_truncated_binary_is_data_error(tmp_path):
    good = tmp_path / "article.pb"
    embargo.read_dataset(ARTICLE).save(good)
    data = good.read_bytes()
    cut = tmp_path / "cut.pb"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(embargo.DataError) as info:
        embargo.load(cut)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "DATA_LOSS"
    assert "cut.pb" in str(info.value)


def test_unknown_id_is_key_error(article):
    with pytest.raises(KeyError) as info:
        article.actor("NOPE")
    assert isinstance(info.value, embargo.NotFoundError)
    assert "NOPE" in str(info.value)
    with pytest.raises(KeyError):
        article.shortest_path("RUS", "NOPE")
    with pytest.raises(KeyError):
        article.neighbors("Atlantis")
    with pytest.raises(KeyError):
        article.edge(10 ** 6)


def test_ambiguous_name_is_key_error(tmp_path):
    f = tmp_path / "twins.textproto"
    f.write_text(
        'actors { id: "C1" kind: ACTOR_KIND_COMPANY name: "Acme" }\n'
        'actors { id: "C2" kind: ACTOR_KIND_COMPANY name: "ACME" }\n')
    g = embargo.load(f)
    assert len(g.find("acme")) == 2
    with pytest.raises(embargo.AmbiguousNameError) as info:
        g.node("acme")
    assert isinstance(info.value, KeyError)
    assert "C1" in str(info.value) and "C2" in str(info.value)


@pytest.mark.parametrize("kw", [
    {"kinds": ["transfer", "teleport"]},
    {"items": "laser_swords"},
    {"min_status": "rumoured"},
    {"direction": "sideways"},
    {"since": "2023-13"},
    {"until": "yesterday"},
    {"date_match": "maybe"},
    {"node_kinds": ["dragon"]},
    {"kinds": 42},
])
def test_bad_filter_values_are_value_errors(article, kw):
    with pytest.raises(ValueError) as info:
        article.shortest_path("RUS", "PRK", **kw)
    assert str(info.value)


def test_bad_arguments(article):
    with pytest.raises(ValueError):
        article.shortest_path("RUS", 42)
    with pytest.raises(ValueError):
        embargo.load([])
    with pytest.raises(ValueError):
        embargo.load([42])
    with pytest.raises(ValueError):
        article.neighbors("PRK", 1, max_results=-1)


def test_node_of_another_graph_is_refused(article):
    other = embargo.load(ARTICLE)
    with pytest.raises(ValueError):
        article.shortest_path(other.actor("RUS"), "PRK")


def test_limits_raise_resource_exhausted(article):
    with pytest.raises(embargo.ResourceExhaustedError) as info:
        article.shortest_path("RUS", "PRK", kinds="visit,participation",
                              max_work=1)
    assert isinstance(info.value, RuntimeError)
    with pytest.raises(embargo.ResourceExhaustedError):
        article.count_paths("RUS", "PRK", 3, max_work=1)
