#!/usr/bin/env python3
"""Hostile inputs for every reader and writer of the embargo CLI.

usage: hostile.py EMBARGO_BINARY WORK_DIR

Each case generates its files in WORK_DIR/<case>/, runs one CLI command
under an address-space limit (RLIMIT_AS, MEMORY_LIMIT) and a CPU and wall
time limit (TIME_LIMIT), and asserts:
  * exit status 2 (bad input), never a crash, a hang or a success;
  * stderr names the offending file and, where the reader knows it, the
    position (a regex per case);
  * no file the command was not asked to write changed (every file in the
    case directory and every input is hashed before and after);
  * peak resident memory (the child's ru_maxrss) within PEAK_BOUND.
Exit status 0 when every case passes; the failures are listed otherwise.
"""

import hashlib
import os
import re
import resource
import subprocess
import sys
import threading
import time

MEMORY_LIMIT = 2 << 30   # RLIMIT_AS per case: 2 GiB of address space.
PEAK_BOUND = 256 << 20   # Peak RSS every case must stay under.
TIME_LIMIT = 20          # Seconds (CPU and wall) per case.

# A sanitizer build reserves terabytes of shadow address space at start-up,
# so it cannot run under RLIMIT_AS; CMake sets EMBARGO_HOSTILE_SANITIZED for
# such builds and the cases then run with the peak-RSS bound alone (resident
# memory, which the shadow reservation does not count).
SANITIZED = os.environ.get("EMBARGO_HOSTILE_SANITIZED") == "1"

XML_ENTITY_UN = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE CONSOLIDATED_LIST [\n'
    '  <!ENTITY big "' + "A" * 10000 + '">\n'
    ']>\n<CONSOLIDATED_LIST dateGenerated="2025-01-01"><INDIVIDUALS>'
    '<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>' + "&big;" * 20000 +
    '</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n')

XML_EXTERNAL_OFAC = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE sdnList [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    '<sdnList><publshInformation><Publish_Date>01/01/2024</Publish_Date>'
    '</publshInformation><sdnEntry><uid>1</uid><lastName>&e;</lastName>'
    '<sdnType>Entity</sdnType><programList><program>SDGT</program>'
    '</programList></sdnEntry></sdnList>\n')

XML_PARAMETER_ENTITY = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE sdnList [<!ENTITY % p "x">]>\n<sdnList/>\n')

XML_BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE sdnList [\n<!ENTITY l0 "ha">\n' +
    "".join(f'<!ENTITY l{i} "' + f"&l{i-1};" * 10 + '">\n'
            for i in range(1, 10)) +
    ']>\n<sdnList><sdnEntry><lastName>&l9;</lastName></sdnEntry></sdnList>\n')

VALID_ACTOR = ('actors { id: "X" kind: ACTOR_KIND_COMPANY name: "Company" }\n')


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


class Case:
    def __init__(self, name, files, argv, expect, may_write=(), extra_inputs=()):
        self.name = name
        self.files = files            # relative name -> bytes | ("symlink", target)
        self.argv = argv              # "{d}" is the case directory
        self.expect = expect          # regex stderr must match ("{d}" allowed)
        self.may_write = may_write    # relative names the command may write
        self.extra_inputs = extra_inputs  # absolute paths to watch too


def cases():
    big_line = b'actors { id: "' + b"A" * (24 << 20)  # 24 MB, unterminated.
    deep_json = b'{"actors": ' + b"[" * 200000
    deep_text = b"actors { " * 100000
    # One length-prefixed Record holding actor {id: "ABC"}.
    record = b"\x07\x22\x05\x0a\x03ABC"
    return [
        # XML importers (UN, OFAC XML): DTD entities.
        Case("xml_internal_entity_un", {"un.xml": XML_ENTITY_UN.encode()},
             ["import", "un", "{d}/un.xml", "-o", "{d}/out.pb"],
             r"{d}/un\.xml:3:3: the DTD declares internal entity 'big'"),
        Case("xml_external_entity_ofac", {"sdn.xml": XML_EXTERNAL_OFAC.encode()},
             ["import", "ofac-xml", "{d}/sdn.xml", "-o", "{d}/out.pb"],
             r"{d}/sdn\.xml:2:\d+: the DTD declares external entity 'e'"),
        Case("xml_parameter_entity", {"sdn.xml": XML_PARAMETER_ENTITY.encode()},
             ["import", "ofac-xml", "{d}/sdn.xml", "-o", "{d}/out.pb"],
             r"{d}/sdn\.xml:\d+:\d+: "),
        Case("xml_billion_laughs", {"sdn.xml": XML_BILLION_LAUGHS.encode()},
             ["import", "ofac-xml", "{d}/sdn.xml", "-o", "{d}/out.pb"],
             r"{d}/sdn\.xml:\d+:\d+: "),
        Case("xml_empty", {"un.xml": b""},
             ["import", "un", "{d}/un.xml", "-o", "{d}/out.pb"],
             r"{d}/un\.xml"),
        Case("xml_truncated", {"un.xml": XML_ENTITY_UN[:5000].encode()},
             ["import", "un", "{d}/un.xml", "-o", "{d}/out.pb"],
             r"{d}/un\.xml:\d+:\d+: "),
        # Text format and JSON datasets.
        Case("textproto_huge_line", {"big.textproto": big_line},
             ["validate", "{d}/big.textproto"],
             r"{d}/big\.textproto:1:\d+: "),
        Case("textproto_deep_nesting", {"deep.textproto": deep_text},
             ["validate", "{d}/deep.textproto"],
             r"{d}/deep\.textproto:1:\d+: "),
        Case("textproto_invalid_utf8",
             {"bad.textproto": b'actors { id: "X" kind: ACTOR_KIND_COMPANY '
                               b'name: "A\\xff" }\n'},
             ["validate", "{d}/bad.textproto"],
             r"{d}/bad\.textproto: actors\[0\] \(id X\): field name is not "
             r"UTF-8 \(byte 0xFF at offset 1\)"),
        Case("json_deep_nesting", {"deep.json": deep_json},
             ["validate", "{d}/deep.json"],
             r"{d}/deep\.json: JSON nested deeper than"),
        Case("json_invalid_utf8",
             {"bad.json": b'{"actors": [{"id": "X", "kind": '
                          b'"ACTOR_KIND_COMPANY", "name": "A\\udcff"}]}'},
             ["validate", "{d}/bad.json"], r"{d}/bad\.json"),
        Case("jsonl_invalid_utf8",
             {"bad.jsonl": b'{"actor": {"id": "X", "name": "A\xff"}}\n'},
             ["export", "pb", "{d}/bad.jsonl", "-o", "{d}/out.pb"],
             r"{d}/bad\.jsonl: line 1"),
        # Binary datasets and record streams.
        Case("records_truncated_prefix", {"t.records": record + b"\x80"},
             ["validate", "{d}/t.records"],
             r"{d}/t\.records: record 1 at byte 8: unreadable length prefix"),
        Case("records_oversized_prefix",
             {"o.records": varint(1 << 40) + b"xx"},
             ["validate", "{d}/o.records"],
             r"{d}/o\.records: record 0 at byte 0: length 1099511627776 is "
             r"over the record limit"),
        Case("records_prefix_past_end", {"p.records": varint(1000) + b"x" * 10},
             ["validate", "{d}/p.records"],
             r"{d}/p\.records: record 0 at byte 0: length 1000 runs past the "
             r"end"),
        Case("records_invalid_utf8",
             {"u.records": b"\x07\x22\x05\x0a\x03A\xff\xfe"},
             ["validate", "{d}/u.records"], r"{d}/u\.records: record 0 at byte 0"),
        Case("pb_garbage", {"g.pb": b"\xff" * 64},
             ["validate", "{d}/g.pb"], r"{d}/g\.pb: not a valid binary"),
        Case("image_truncated", {"t.egraph": b"EGRAPH\x00\x01"},
             ["stats", "--data", "{d}/t.egraph"], r"{d}/t\.egraph"),
        # Directories, devices, symlinks to devices.
        Case("directory_input", {"sub/keep.txt": b"x"},
             ["validate", "{d}/sub"], r"{d}/sub: is a directory, not a file"),
        Case("directory_import", {"sub/keep.txt": b"x"},
             ["import", "un", "{d}/sub", "-o", "{d}/out.pb"],
             r"{d}/sub: is a directory, not a file"),
        Case("dev_zero_import", {},
             ["import", "un", "/dev/zero", "-o", "{d}/out.pb"],
             r"/dev/zero: is a device, pipe or socket"),
        Case("dev_zero_stream_import", {},
             ["import", "ftm", "/dev/zero", "-o", "{d}/out.records", "--stream"],
             r"/dev/zero: is a device, pipe or socket"),
        Case("dev_zero_previous_export",
             {"new.ftm.json": b'{"id":"a","schema":"Person","properties":{}}\n',
              "old.records": record},
             ["import", "ftm", "{d}/new.ftm.json", "-o", "{d}/out.records",
              "--stream", "--previous-export", "/dev/zero",
              "--previous-records", "{d}/old.records"],
             r"/dev/zero: is a device, pipe or socket"),
        Case("previous_records_truncated",
             {"new.ftm.json": b'{"id":"a","schema":"Person","properties":{}}\n',
              "old.ftm.json": b'{"id":"a","schema":"Person","properties":{}}\n',
              "old.records": record + varint(1000) + b"x"},
             ["import", "ftm", "{d}/new.ftm.json", "-o", "{d}/out.records",
              "--stream", "--previous-export", "{d}/old.ftm.json",
              "--previous-records", "{d}/old.records"],
             r"{d}/old\.records: "),
        Case("update_over_previous_records",
             {"new.ftm.json": b'{"id":"a","schema":"Person","properties":{}}\n',
              "old.ftm.json": b'{"id":"a","schema":"Person","properties":{}}\n',
              "old.records": record},
             ["import", "ftm", "{d}/new.ftm.json", "-o", "{d}/old.records",
              "--stream", "--previous-export", "{d}/old.ftm.json",
              "--previous-records", "{d}/old.records"],
             r"{d}/old\.records: the output is the same file as the input"),
        Case("dev_null_import", {},
             ["import", "ofac-xml", "/dev/null", "-o", "{d}/out.pb"],
             r"/dev/null: is a device, pipe or socket"),
        Case("symlink_to_dev_zero", {"z.records": ("symlink", "/dev/zero")},
             ["validate", "{d}/z.records"],
             r"{d}/z\.records: is a device, pipe or socket"),
        Case("dangling_symlink", {"gone.textproto": ("symlink", "{d}/nothing")},
             ["validate", "{d}/gone.textproto"], r"{d}/gone\.textproto"),
        # Writers: output equal to an input, unwritable outputs.
        Case("export_over_input", {"a.textproto": VALID_ACTOR.encode()},
             ["export", "textproto", "{d}/a.textproto", "-o", "{d}/a.textproto"],
             r"{d}/a\.textproto: the output is the same file as the input"),
        Case("export_over_input_symlink",
             {"a.textproto": VALID_ACTOR.encode(),
              "l.textproto": ("symlink", "{d}/a.textproto")},
             ["export", "textproto", "{d}/a.textproto", "-o", "{d}/l.textproto"],
             r"the output is the same file as the input {d}/a\.textproto"),
        Case("import_over_input", {"list.pb": b"<x/>"},
             ["import", "un", "{d}/list.pb", "-o", "{d}/list.pb"],
             r"{d}/list\.pb: the output is the same file as the input"),
        Case("export_unwritable_dir", {"a.textproto": VALID_ACTOR.encode()},
             ["export", "pb", "{d}/a.textproto", "-o", "{d}/no/such/dir/x.pb"],
             r"{d}/no/such/dir/x\.pb"),
        Case("image_over_device", {"a.textproto": VALID_ACTOR.encode()},
             ["export", "image", "{d}/a.textproto", "-o", "/dev/null"],
             r"/dev/null: exists and is not a regular file",
             extra_inputs=("/dev/null",)),
        Case("image_over_symlink",
             {"a.textproto": VALID_ACTOR.encode(), "victim": b"keep",
              "o.egraph": ("symlink", "{d}/victim")},
             ["export", "image", "{d}/a.textproto", "-o", "{d}/o.egraph"],
             r"{d}/o\.egraph: exists and is not a regular file \(a symbolic "
             r"link\)"),
    ]


def snapshot(d, extra):
    state = {}
    for root, dirs, files in os.walk(d):
        for name in dirs + files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            if os.path.islink(p):
                state[p] = ("link", os.readlink(p))
            elif os.path.isfile(p):
                with open(p, "rb") as f:
                    state[p] = ("file", hashlib.sha256(f.read()).hexdigest(),
                                st.st_mtime_ns)
            else:
                state[p] = ("other", st.st_mode)
    for p in extra:
        st = os.lstat(p)
        state[p] = ("other", st.st_mode, st.st_rdev)
    return state


def limits():
    if not SANITIZED:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT, TIME_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(binary, work, case):
    d = os.path.join(work, case.name)
    subprocess.run(["rm", "-rf", d], check=True)
    os.makedirs(d)
    for rel, content in case.files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(content, tuple):
            os.symlink(content[1].replace("{d}", d), p)
        else:
            with open(p, "wb") as f:
                f.write(content)
    argv = [binary] + [a.replace("{d}", d) for a in case.argv]
    before = snapshot(d, case.extra_inputs)
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=limits)
    timer = threading.Timer(TIME_LIMIT, proc.kill)
    timer.start()
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    elapsed = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * 1024
    after = snapshot(d, case.extra_inputs)
    problems = []
    if code != 2:
        problems.append(f"exit {code}, want 2")
    pattern = case.expect.replace("{d}", re.escape(d))
    if not re.search(pattern, err):
        problems.append(f"stderr does not match {pattern!r}: {err.strip()[:300]!r}")
    allowed = {os.path.join(d, w) for w in case.may_write}
    for p in sorted(set(before) | set(after)):
        if p in allowed:
            continue
        if before.get(p) != after.get(p):
            problems.append(f"{p} changed ({before.get(p)} -> {after.get(p)})")
    if peak > PEAK_BOUND:
        problems.append(f"peak RSS {peak >> 20} MiB over {PEAK_BOUND >> 20} MiB")
    print(f"{'ok  ' if not problems else 'FAIL'} {case.name:28s} exit {code} "
          f"{elapsed:5.2f} s peak {peak >> 20:4d} MiB")
    for p in problems:
        print(f"     {p}")
    return not problems


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    failed = [c.name for c in cases() if not run(binary, work, c)]
    if failed:
        print(f"{len(failed)} hostile case(s) failed: {', '.join(failed)}")
        return 1
    space = ("no address-space limit (sanitized build)" if SANITIZED else
             f"limit {MEMORY_LIMIT >> 20} MiB address space")
    print(f"all hostile cases passed ({space}, peak bound "
          f"{PEAK_BOUND >> 20} MiB, {TIME_LIMIT} s each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
