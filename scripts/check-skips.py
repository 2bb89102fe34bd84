#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when ctest skipped or did not run a test, or a QtTest function skipped, that tests/expected-skips.txt
does not list. ctest counts a skip as a pass, so without this a missing server or tool could hide.

usage: scripts/check-skips.py JUNIT.xml tests/expected-skips.txt
JUNIT.xml is ctest's --output-junit report, written with --test-output-size-passed large enough to keep every
test's whole output (the QtTest "SKIP   : Class::function()" lines are read from it).
"""
import re
import sys
import xml.etree.ElementTree as ET

QT_SKIP = re.compile(r"^SKIP\s*:\s*([A-Za-z_][A-Za-z0-9_]*::[A-Za-z_][A-Za-z0-9_]*)\(", re.MULTILINE)


def expected_skips(path):
    """{(ctest name, "Class::function" or "*")}: a whole-test skip is listed with "*"."""
    expected = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            if len(fields) != 2:
                sys.exit(f"{path}:{number}: want 'CTEST_NAME Class::function' (or '*'), not {line!r}")
            expected.add((fields[0], fields[1]))
    return expected


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    expected = expected_skips(sys.argv[2])
    found = set()
    for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
        name = case.get("name", "")
        status = case.get("status", "")
        if status in ("notrun", "disabled") or case.find("skipped") is not None:
            found.add((name, "*"))
        output = case.findtext("system-out") or ""
        for function in QT_SKIP.findall(output):
            found.add((name, function))
    unexpected = sorted(found - expected)
    for name, function in sorted(found & expected):
        print(f"expected skip: {name} {function}")
    for name, function in sorted(expected - found):
        print(f"note: listed in {sys.argv[2]} but not skipped: {name} {function}")
    if unexpected:
        for name, function in unexpected:
            what = "was skipped or not run as a whole" if function == "*" else f"skipped {function}"
            print(f"UNEXPECTED SKIP: {name} {what}", file=sys.stderr)
        print(f"{len(unexpected)} unexpected skip(s): a skipped test is not a passed one (list a deliberate skip "
              f"in {sys.argv[2]} with its reason)", file=sys.stderr)
        return 1
    print(f"OK: no unexpected skips ({len(found)} expected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
