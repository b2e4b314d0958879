"""embargo: actors, arms transfers and sanctions as a typed graph.

Load records (the bundled article dataset, imported sanctions lists, a
Neo4j-style CSV export) into an immutable graph, then ask it questions:

    >>> import embargo
    >>> g = embargo.load("examples/data/article_2023.textproto")
    >>> paths = g.all_paths("RUS", "PRK", 3,
    ...                     kinds=["transfer", "transfer_via"],
    ...                     items=["artillery_ammunition", "rockets"])
    >>> for path in paths:
    ...     for hop in path:
    ...         print(hop.summary, [s["publisher"] for s in hop.sources])

Every answer can be explained: each hop of a path carries its record
(``hop.record``) and its evidence (``hop.evidence``: source, speaker,
quote). Results convert to rows (``.to_dicts()``), to pandas DataFrames
(``.to_pandas()``, when pandas is installed) and to networkx graphs
(``.to_networkx()``, when networkx is installed).

Names of kinds, items, statuses and directions are the lower_snake_case
names of the C++ library ("transfer", "artillery_ammunition", "alleged",
"either").

Errors are Python exceptions that derive from ``embargo.Error`` and from
the built-in family they belong to: an unknown id raises NotFoundError (a
KeyError), a missing file MissingFileError (a FileNotFoundError), bad input
InvalidArgumentError (a ValueError), corrupt data DataError (a
ValueError). Each carries the C++ status message and ``.code``.

Queries release the GIL: threads may query one graph at once.
"""

import math

from . import _embargo
from ._embargo import *  # noqa: F401,F403  (the classes and functions)
from ._embargo import (  # noqa: F401
    Dataset,
    Edge,
    Filter,
    Graph,
    Hop,
    ImportReport,
    LinkReport,
    ImportResult,
    Neighborhood,
    Node,
    Path,
    PathList,
    _bench_shortest_paths,
)

__version__ = "0.1.0"


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError(
            "to_pandas needs pandas (Debian: apt-get install python3-pandas; "
            "elsewhere: pip install pandas)") from e
    return pandas


def _networkx():
    try:
        import networkx
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError(
            "to_networkx needs networkx (Debian: apt-get install "
            "python3-networkx; elsewhere: pip install networkx)") from e
    return networkx


# --- tables -----------------------------------------------------------------

def _to_pandas(self):
    """The rows of ``to_dicts()`` as a pandas DataFrame (needs pandas)."""
    return _pandas().DataFrame(self.to_dicts())


for _cls in (Path, PathList, Neighborhood, LinkReport):
    _cls.to_pandas = _to_pandas


def _hop_to_pandas(self):
    """The hop as a one-row pandas DataFrame (needs pandas)."""
    return _pandas().DataFrame([self.to_dict()])


Hop.to_pandas = _hop_to_pandas


class Table(list):
    """A list of dicts (rows) that also converts to a pandas DataFrame."""

    def to_dicts(self):
        """The rows, as a plain list of dicts."""
        return list(self)

    def to_pandas(self):
        """The rows as a pandas DataFrame (needs pandas)."""
        return _pandas().DataFrame(list(self))


# --- networkx ---------------------------------------------------------------

def _graph_to_networkx(self):
    """The whole graph as a networkx.MultiDiGraph (needs networkx).

    Nodes are keyed by id, with attributes name, kind and country (None
    when there is none). Edges run from start to end (supplier to
    recipient, authority to target, subject to object), keyed by the edge
    index, with attributes kind, item, status, record_id and share_percent
    (None where they do not apply).
    """
    nx = _networkx()
    out = nx.MultiDiGraph()
    nodes = self._node_table()
    out.add_nodes_from(
        (i, {"name": n, "kind": k, "country": c or None})
        for i, n, k, c in zip(nodes["id"], nodes["name"], nodes["kind"],
                              nodes["country"]))
    e = self._edge_table()
    out.add_edges_from(
        (a, b, idx, {"kind": k, "item": it, "status": st, "record_id": r,
                     "share_percent": sh})
        for idx, a, b, k, it, st, r, sh in zip(
            e["index"], e["from"], e["to"], e["kind"], e["item"],
            e["status"], e["record_id"], e["share_percent"]))
    return out


Graph.to_networkx = _graph_to_networkx


def _paths_to_networkx(self):
    """The paths as one networkx.MultiDiGraph (needs networkx).

    Nodes are keyed by id (attributes name, kind, country); each edge of
    the paths appears once, from its start to its end, keyed by the edge
    index, with kind, item, status, record_id, when and summary. Draw it
    with ``networkx.draw`` (matplotlib) or write it with
    ``networkx.nx_pydot`` / ``networkx.write_graphml``.
    """
    nx = _networkx()
    out = nx.MultiDiGraph()
    paths = [self] if isinstance(self, Path) else list(self)
    for path in paths:
        for node in path.nodes:
            out.add_node(node.id, name=node.name, kind=node.kind,
                         country=node.country)
        for hop in path:
            edge = hop.edge
            if out.has_edge(edge.start.id, edge.end.id, key=edge.index):
                continue
            out.add_edge(edge.start.id, edge.end.id, key=edge.index,
                         kind=hop.kind, item=hop.item, status=hop.status,
                         record_id=hop.record_id, when=hop.when,
                         summary=hop.summary)
    return out


Path.to_networkx = _paths_to_networkx
PathList.to_networkx = _paths_to_networkx


# --- optional parts of the C++ module ---------------------------------------

# Sanctions (in force, blocked through ownership, effective ownership,
# breaches) and the list importers exist when the library was built with
# them; embargo.features says which.
features = frozenset(getattr(_embargo, "_features", ()))

__all__ = [name for name in dir(_embargo) if not name.startswith("_")] + [
    "Table", "features"]


# --- screening ----------------------------------------------------------------

_DATE_COLUMNS = frozenset(["dob", "born", "date_of_birth"])


def _clean_frame_row(row):
    """A DataFrame row as a user wrote it: pandas reads an empty cell as
    NaN and a column of years or numbers with gaps as floats (1955.0,
    9003550.0). Empty cells become None; whole-number floats become a year
    (date columns) or the digits as text (names, identifiers; read
    identifiers with ``dtype=str`` to keep leading zeros)."""
    out = {}
    for key, value in row.items():
        if isinstance(value, float):
            if math.isnan(value):
                value = None
            elif value.is_integer():
                date = str(key).strip().lower() in _DATE_COLUMNS
                value = int(value) if date else str(int(value))
        # The C++ reader takes "dob" or "born"; the CLI's CSV reader also
        # "date_of_birth".
        if str(key).strip().lower() == "date_of_birth":
            key = "dob"
        out[key] = value
    return out


def _graph_screen(self, rows, as_of=None, hops=2, kinds=None, threshold=0.75,
                  matches=3, threads=0, nearby=10):
    """Screens counterparties: ``rows`` is a pandas DataFrame or a list of
    dicts (columns name, country, dob, ids) or of (name, country, dob, ids)
    tuples or names. Returns one dict per row, in order: 'row', 'query',
    'as_of', 'sanction_lists' (the authorities whose sanctions lists were
    read), 'error' (None, or why the row could not be screened: the
    others go on) and 'matches', best first, each a ``search`` hit with
    'sanctioned' / 'sanctions' (authority, programme, listed, certainty in
    force on ``as_of``, default today; 'sanctioned' is None, unknown, when
    no sanctions list is loaded), 'blocked' / 'blocked_by_ownership' /
    'chain' (stakes up to a sanctioned owner; 'blocked' is None, unknown,
    when the rule's own list is not loaded: the OFAC rule over the EU list
    alone), 'nearby' (the ``nearby`` nearest sanctioned
    actors within ``hops`` over ``kinds``, default ownership, directorship,
    control, operator, family and associate links, with a path each) and
    'nearby_count' (how many lie within reach, all of them counted; None
    when no sanctions list is loaded, unknown, or ``hops`` is 0, not looked
    for; a lower bound when 'nearby_incomplete')."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        rows = [_clean_frame_row(r) for r in rows.to_dict("records")]
    return self._screen(list(rows), as_of, hops, kinds, threshold, matches,
                        threads, nearby)


Graph.screen = _graph_screen
