#!/usr/bin/env python3
"""Writes small well-formed seeds from a real list: the root element with its
first few entries of each kind, so that fuzzing starts past the XML parser.

Usage: xml_seeds.py LIST.xml OUT_FILE [ENTRIES]
"""
import sys
import xml.etree.ElementTree as ET

src, out = sys.argv[1], sys.argv[2]
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 3
tree = ET.parse(src)
root = tree.getroot()


def trim(parent):
    counts = {}
    for child in list(parent):
        counts[child.tag] = counts.get(child.tag, 0) + 1
        if counts[child.tag] > keep:
            parent.remove(child)


trim(root)
for child in root:
    trim(child)
tree.write(out, encoding="utf-8", xml_declaration=True)
