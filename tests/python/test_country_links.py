"""Country links from Python: the Russian targets of OFAC's DPRK programmes
in the real 2021-07 SDN list (sdn.csv with its addresses, add.csv), found
through the links an actor's country, addresses and nationality give. The
entries checked were read in the raw files: GUDZON SHIPPING CO LLC (ent_num
24451, DPRK4) has an address in Russia (add.csv)."""

import os
import pathlib

import pytest

import embargo
from conftest import SOURCE_DIR

DATA = pathlib.Path(os.environ.get("EMBARGO_SHARED_DATA_DIR",
                                   SOURCE_DIR.parent / "shared" / "data"))
DPRK = ["DPRK", "DPRK2", "DPRK3", "DPRK4"]


@pytest.fixture(scope="module")
def sdn21():
    d = DATA / "ofac" / "sdn_2021-07"
    if not (d / "sdn.csv").exists():
        pytest.skip(f"{d} not found")
    r = embargo.import_ofac(d / "sdn.csv", add=d / "add.csv",
                            alt=d / "alt.csv", comments=d / "sdn_comments.csv")
    return embargo.load(r, country_links=True)


def test_russian_targets_of_dprk_programmes(sdn21):
    rus = sdn21.sanctioned(authorities="OFAC", programs=DPRK, country="RUS")
    ids = {n.id for n in rus}
    assert len(ids) == 30
    assert "OFAC-24451" in ids
    assert sdn21.actor("OFAC-24451").name == "GUDZON SHIPPING CO LLC"
    everyone = sdn21.sanctioned(authorities="OFAC", programs=DPRK)
    assert len(everyone) > 100
    assert ids < {n.id for n in everyone}


def test_country_filter_on_a_neighbourhood(sdn21):
    near = sdn21.neighbors("OFAC", 1, kinds="sanction", country="RUS")
    ids = {n.id for n, _ in near}
    assert "OFAC-24451" in ids
    # The same targets without the filter include non-Russian ones.
    assert len(sdn21.neighbors("OFAC", 1, kinds="sanction")) > len(ids)
    # Country links are walked only when named.
    assert len(sdn21.neighbors("RUS", 1)) < 50
    assert len(sdn21.neighbors("RUS", 1, kinds="country_links")) > 300


def test_links_only_when_asked():
    d = DATA / "ofac" / "sdn_2021-07"
    if not (d / "sdn.csv").exists():
        pytest.skip(f"{d} not found")
    g = embargo.load(embargo.import_ofac(d / "sdn.csv", add=d / "add.csv"))
    with pytest.raises(ValueError, match="without country links"):
        g.sanctioned(authorities="OFAC", country="RUS")


def test_bad_country_codes_are_refused(sdn21):
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-3 code"):
        sdn21.sanctioned(authorities="OFAC", country="RUSS")
    with pytest.raises(ValueError, match="did you mean RUS"):
        sdn21.neighbors("OFAC", 1, country="Russia")


def test_unknown_programme_is_refused_with_the_known_ones(sdn21):
    with pytest.raises(ValueError, match="known: .*DPRK4"):
        sdn21.sanctioned(authorities="OFAC", programs="DPRK,DPRK2",
                         country="RUS")
    with pytest.raises(ValueError, match="known: OFAC"):
        sdn21.sanctioned(authorities="UN")


def test_links_name_the_programme_targets_linked_to_russia(sdn21):
    r = sdn21.links("RUS", "PRK", max_hops=1, as_of="2021-07-31")
    p = r.programmes
    assert p["as_of"] == "2021-07-31"
    assert {(a, prog) for a, prog, _ in p["programmes"]} == {
        ("OFAC", x) for x in ["DPRK", "DPRK-NKSPEA", "DPRK2", "DPRK3", "DPRK4"]}
    linked = {t: progs for t, progs, _ in p["linked"]}
    assert linked["OFAC-24451"] == ["OFAC DPRK4"]
    assert p["targets_linked"] == len(linked)
    # The 2021-07 list gives no listing dates: on 2021-07-31, after its
    # edition, every listing certainly stands.
    assert p["possibly_in_force"] == 0 and all(c for _, _, c in p["linked"])
    assert not p["as_of_is_today"]
    # The 30 of the sanctioned() listing above, each linked by at least one
    # route of its own.
    assert len(linked) == 30
    routes = [x for x in r.routes if x["programme_target"]]
    assert {x["steps"][0][0] for x in routes} >= {"located_in", "registered_in", "flag"}
    # Each target once, under its strongest link.
    assert sum(len(x["targets"]) for x in routes) == len(linked)
    assert sum(x["paths"] for x in routes) == p["links"]
    # Left out when asked, and refused without country links.
    assert sdn21.links("RUS", "PRK", max_hops=1, programmes=False).programmes is None
    bare = embargo.load(sdn21.to_dataset())
    assert bare.links("RUS", "PRK", max_hops=1).programmes is None
    with pytest.raises(Exception, match="country links"):
        bare.links("RUS", "PRK", max_hops=1, programmes=True)
