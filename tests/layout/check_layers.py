#!/usr/bin/env python3
"""Checks that no include in lib/ runs upward, and that no source reaches
into Boost's or protobuf's internals.

The library is built in rooms, each allowed to include only its own room
and the rooms below it (README, "Layout"). A file's room is its folder under
lib/; a public header's room is the room that implements it (HEADER_ROOMS).
Run from the source root; prints each violation and exits 1 when there is
one.
"""
import os
import re
import sys

# Rooms from the bottom up: a room may include its own and lower ranks.
RANKS = {
    "internal": 0,
    "text": 0,
    "records": 1,
    "model": 2,
    "graph": 3,
    "query": 4,
    "resolve": 4,
    "sanctions": 5,
    "io/export": 6,
    "io/import": 6,
    "search": 6,
    "load": 7,
}

# Public headers (include/embargo/...) and the room that implements them.
HEADER_ROOMS = {
    "date.h": "model",
    "kinds.h": "model",
    "ids.h": "model",
    "validate.h": "model",
    "countries.h": "model",
    "diff.h": "model",
    "io.h": "records",
    "merge.h": "records",
    "graph.h": "graph",
    "image.h": "graph",
    "boost_graph.h": "graph",
    "query.h": "query",
    "explain.h": "query",
    "links.h": "query",
    "country_links.h": "query",
    "link_report.h": "io/export",
    "resolve.h": "resolve",
    "sanctions.h": "sanctions",
    "reason_links.h": "sanctions",
    "export.h": "io/export",
    "search.h": "search",
    "screen.h": "search",
    "load.h": "load",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
FORBIDDEN = [
    (re.compile(r"boost::detail\b"), "reaches into boost::detail"),
    (re.compile(r"protobuf::internal\b"), "reaches into protobuf::internal"),
    (re.compile(r'#\s*include\s+"google/protobuf/(stubs|wire_format|generated_message)'),
     "includes a protobuf internal header"),
]


def room_of_lib(path):
    """lib/io/import/x.cc -> io/import; lib/graph/x.h -> graph."""
    parts = path.split("/")[1:-1]
    for n in (2, 1):
        key = "/".join(parts[:n])
        if key in RANKS:
            return key
    return None


def room_of_include(inc):
    if inc.startswith("lib/"):
        return room_of_lib(inc)
    if inc.startswith("embargo/import/"):
        name = inc.split("/")[-1]
        return HEADER_ROOMS.get(name, "io/import")
    if inc.startswith("embargo/v1/"):
        return "records"  # Generated messages: the bottom of the data.
    if inc.startswith("embargo/"):
        return HEADER_ROOMS.get(inc[len("embargo/"):])
    return None


def main():
    problems = []
    for top in ("lib", "include", "tools", "python", "bench", "examples", "fuzz", "tests"):
        for root, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(root, name)
                text = open(path, encoding="utf-8").read()
                for pattern, what in FORBIDDEN:
                    if pattern.search(text):
                        problems.append(f"{path}: {what}")
                if top != "lib":
                    continue
                room = room_of_lib(path)
                if room is None:
                    problems.append(f"{path}: folder is no room of the layout")
                    continue
                for inc in INCLUDE.findall(text):
                    target = room_of_include(inc)
                    if target is None:
                        if inc.startswith(("lib/", "embargo/")):
                            problems.append(f"{path}: {inc}: header of no room")
                        continue
                    if RANKS[target] > RANKS[room] or (
                            RANKS[target] == RANKS[room] and target != room):
                        problems.append(
                            f"{path}: includes {inc} ({target}, above {room})")
    for p in problems:
        print(p)
    print(f"{len(problems)} layering problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
