"""Regressions from the reliability review: max_results=None means no cap,
an inverted date window is refused, text that is not UTF-8 is refused."""

import pytest

import embargo


def fan(tmp_path, width):
    """A -> M0..M{width-1} -> B: exactly `width` two-hop paths from A to B."""
    out = ['sources { id: "S" publisher: "test" title: "fan" '
           'published { year: 2024 } reliability: RELIABILITY_SECONDARY }']
    for a in ("A", "B"):
        out.append(f'actors {{ id: "{a}" kind: ACTOR_KIND_COMPANY '
                   f'name: "Company {a}" }}')
    for i in range(width):
        out.append(f'actors {{ id: "M{i}" kind: ACTOR_KIND_COMPANY '
                   f'name: "Middle {i}" }}')
        for sup, rec, n in (("A", f"M{i}", "a"), (f"M{i}", "B", "b")):
            out.append(f'transfers {{ id: "T{n}{i}" supplier_id: "{sup}" '
                       f'recipient_id: "{rec}" item: ITEM_ROCKETS '
                       f'status: STATUS_CONFIRMED delivered {{ start {{ year: 2024 }} }} '
                       f'evidence {{ source_id: "S" }} }}')
    path = tmp_path / "fan.textproto"
    path.write_text("\n".join(out) + "\n")
    return embargo.load(path)


def test_max_results_none_is_no_cap(tmp_path):
    g = fan(tmp_path, 1100)
    paths = g.all_paths("A", "B", 2, max_results=None)
    assert len(paths) == 1100
    assert not paths.truncated
    capped = g.all_paths("A", "B", 2)  # The default cap is 1000.
    assert len(capped) == 1000 and capped.truncated


def test_inverted_date_window_is_refused(tmp_path):
    g = fan(tmp_path, 2)
    with pytest.raises(ValueError) as info:
        g.all_paths("A", "B", 2, since="2024-06", until="2023-01")
    assert "date window starts (2024-06) after it ends (2023-01)" in str(
        info.value)


def test_non_utf8_text_is_refused_with_its_place(tmp_path):
    bad = tmp_path / "bad.textproto"
    bad.write_text('actors { id: "X" kind: ACTOR_KIND_COMPANY '
                   'name: "A\\xff" }\n')
    with pytest.raises(ValueError) as info:
        embargo.load(bad)
    assert "bad.textproto: actors[0] (id X): field name is not UTF-8" in str(
        info.value)
