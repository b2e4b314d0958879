#!/usr/bin/env python3
"""Loads a GraphML file with NetworkX and prints what it read as JSON.

Usage: check_graphml.py FILE.graphml

Prints {"directed", "multigraph", "nodes": {id: {attr: value}},
"edges": [{"source", "target", "key", attr: value}]} on stdout; exits 2 when
NetworkX cannot read the file, 3 when NetworkX is not installed.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit(3)


def main():
    try:
        g = nx.read_graphml(sys.argv[1])
    except Exception as e:  # NetworkX raises several types; report any.
        print("cannot read: %s" % e, file=sys.stderr)
        sys.exit(2)
    out = {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "nodes": {n: dict(a) for n, a in g.nodes(data=True)},
        "edges": [],
    }
    if g.is_multigraph():
        for u, v, k, a in g.edges(keys=True, data=True):
            e = dict(a)
            e.update(source=u, target=v, key=str(k))
            out["edges"].append(e)
    else:
        for u, v, a in g.edges(data=True):
            e = dict(a)
            e.update(source=u, target=v, key=str(a.get("id", "")))
            out["edges"].append(e)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
