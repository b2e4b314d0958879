#!/usr/bin/env python3
"""Runs the README's examples, so that none drifts from what the code does.

A block of the README is an example when the line before its opening fence
is a marker:

    <!-- test: sh -->        the block runs with bash -e (set -o pipefail)
    <!-- test: python -->    the block runs with this Python (the one the
                             build targets), after every earlier python
                             example: the python examples are one session,
                             as in a notebook
    <!-- test: sh-fails -->  as sh, but the block must fail (exit status not
                             0) and the ```text block is its standard error
    <!-- test: cpp -->       the block is C++: the build compiles it into
                             readme_cpp_examples (readme_cpp.py) against the
                             library, and it runs here, in its turn (the
                             program takes the example's number)

When a ```text block follows the example (blank lines between allowed), the
example's standard output must equal it, line by line after trailing spaces
are stripped; a line of just "..." in the expected text stands for any
number of lines (none included), and a line ending in "..." matches any
line that starts with what comes before the dots.

Examples run in order, in one scratch directory laid out like the source
root (each top-level entry of the source linked, and ../shared beside it),
so that an example may use files an earlier one wrote, and nothing is
written to the source tree. `embargo` is the built tool (BUILD_DIR/bin) and
`import embargo` the built module (BUILD_DIR/python).

usage: readme_test.py SOURCE_DIR BUILD_DIR [READMECPP_EXAMPLES]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^<!--\s*test:\s*(sh-fails|sh|python|cpp)\s*-->\s*$")
FENCE = re.compile(r"^```(\w*)\s*$")


def blocks(lines):
    """Yields (line number, kind, code, expected or None)."""
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if not m:
            i += 1
            continue
        kind, start = m.group(1), i + 1
        j = start
        if j >= len(lines) or not FENCE.match(lines[j]):
            raise SystemExit(f"README.md:{i + 1}: marker not followed by a code block")
        code, j = [], j + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            code.append(lines[j])
            j += 1
        j += 1
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        expected = None
        if k < len(lines) and FENCE.match(lines[k]) and FENCE.match(lines[k]).group(1) == "text":
            expected, k = [], k + 1
            while k < len(lines) and not FENCE.match(lines[k]):
                expected.append(lines[k])
                k += 1
            j = k + 1
        yield i + 1, kind, "\n".join(code) + "\n", expected
        i = j


def matches(expected, got):
    """Whether the lines `got` fit `expected` with its "..." wildcards."""
    exp = [e.rstrip() for e in expected]
    out = [g.rstrip() for g in got]
    # Trailing blank lines do not count.
    while exp and not exp[-1]:
        exp.pop()
    while out and not out[-1]:
        out.pop()
    memo = {}

    def fit(a, b):
        if (a, b) in memo:
            return memo[(a, b)]
        if a == len(exp):
            r = b == len(out)
        elif exp[a] == "...":
            r = any(fit(a + 1, c) for c in range(b, len(out) + 1))
        elif b == len(out):
            r = False
        elif exp[a].endswith("...") and len(exp[a]) > 3:
            r = out[b].startswith(exp[a][:-3].rstrip()) and fit(a + 1, b + 1)
        else:
            r = exp[a] == out[b] and fit(a + 1, b + 1)
        memo[(a, b)] = r
        return r

    sys.setrecursionlimit(100000)
    return fit(0, 0)


def main():
    source, build = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    lines = open(os.path.join(source, "README.md"), encoding="utf-8").read().split("\n")
    scratch = tempfile.mkdtemp(prefix="embargo_readme_")
    root = os.path.join(scratch, "embargo")
    os.mkdir(root)
    for entry in os.listdir(source):
        if entry not in (".git", "build"):
            os.symlink(os.path.join(source, entry), os.path.join(root, entry))
    shared = os.path.join(os.path.dirname(source), "shared")
    if os.path.isdir(shared):
        os.symlink(shared, os.path.join(scratch, "shared"))
    env = dict(os.environ)
    env["PATH"] = os.path.join(build, "bin") + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.path.join(build, "python")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("EMBARGO_DATA", None)
    failures, count, cpp_count = 0, 0, 0
    session = ""  # the python examples so far
    sentinel = "--- embargo readme example ---"
    try:
        for line, kind, code, expected in blocks(lines):
            count += 1
            if kind in ("sh", "sh-fails"):
                cmd = ["bash", "-e", "-o", "pipefail", "-c", code]
            elif kind == "cpp":
                if len(sys.argv) < 4:
                    raise SystemExit("README has C++ examples: give the "
                                     "readme_cpp_examples program")
                cpp_count += 1
                cmd = [os.path.abspath(sys.argv[3]), str(cpp_count)]
            else:
                cmd = [sys.executable, "-c",
                       session + f"\nprint({sentinel!r})\n" + code]
                session += code
            r = subprocess.run(cmd, cwd=root, env=env, capture_output=True,
                               text=True, timeout=600)
            if kind == "python":
                r.stdout = r.stdout.split(sentinel + "\n", 1)[-1]
            ok = (r.returncode != 0) == (kind == "sh-fails")
            why = f"exit {r.returncode}"
            shown = r.stderr if kind == "sh-fails" else r.stdout
            if ok and expected is not None and not matches(expected, shown.split("\n")):
                ok, why = False, "output differs"
            if not ok:
                failures += 1
                print(f"README.md:{line}: {kind} example failed ({why})\n"
                      f"--- code\n{code}--- stdout\n{r.stdout}--- stderr\n{r.stderr}")
                if expected is not None:
                    print("--- expected\n" + "\n".join(expected))
            else:
                print(f"README.md:{line}: {kind} example ok")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"{count - failures} passed, {failures} failed")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
