#!/usr/bin/env python3
"""Writes the README's C++ examples (blocks marked <!-- test: cpp -->) as one
program, so that the build compiles them against the library and the README
test runs them where they stand.

Each example becomes a function `int Example<N>()` (N counts the C++
examples from 1, in README order) whose body is the block without its
#include lines (those go to the top of the file, with <iostream>, <string>
and <vector>); `readme_cpp_examples N` runs the N-th. An example returns
from its function like a main: 0 when it went well.

usage: readme_cpp.py README.md OUT.cc
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from readme_test import blocks  # noqa: E402


def main():
    readme, out = sys.argv[1], sys.argv[2]
    lines = open(readme, encoding="utf-8").read().split("\n")
    includes = {"#include <iostream>", "#include <string>", "#include <vector>"}
    functions, cases = [], []
    for line, kind, code, _ in blocks(lines):
        if kind != "cpp":
            continue
        body = []
        for c in code.split("\n"):
            if c.startswith("#include"):
                includes.add(c.strip())
            else:
                body.append("  " + c if c else "")
        n = len(cases) + 1
        functions.append(f"// README.md:{line}\nint Example{n}() {{\n"
                         + "\n".join(body).rstrip() + "\n  return 0;\n}\n")
        cases.append(n)
    text = ["// Generated from README.md by tests/docs/readme_cpp.py: do not edit.\n"]
    text += sorted(includes)
    text.append("\nnamespace {\n")
    text += functions
    text.append("}  // namespace\n")
    text.append("int main(int argc, char** argv) {")
    text.append('  const std::string which = argc > 1 ? argv[1] : "";')
    for c in cases:
        text.append(f'  if (which == "{c}") return Example{c}();')
    text.append('  std::cerr << "no C++ example number " << which << " (" << %d << " in README.md)\\n";' % len(cases))
    text.append("  return 2;\n}")
    new = "\n".join(text) + "\n"
    if not os.path.exists(out) or open(out, encoding="utf-8").read() != new:
        with open(out, "w", encoding="utf-8") as f:
            f.write(new)
    return 0 if cases else 1


if __name__ == "__main__":
    sys.exit(main())
