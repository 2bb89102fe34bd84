#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when the German translation is not complete and current:
- a message in translations/vsc_de.ts is unfinished, empty, obsolete or vanished;
- a translation loses a placeholder (%1, %L1, %n) or the accelerator (&) of its source;
- a numerus message lacks a form (German and English both need two);
- lupdate, run over the sources into a copy of the .ts files, finds messages the committed file lacks or keeps
  messages the sources no longer have (run scripts/update-translations.sh, then translate).
Usage: check_translations.py REPO_ROOT [LUPDATE]"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?\d+|%n")
ACCELERATOR = re.compile(r"&(?!&)\w", re.UNICODE)


def messages(path):
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


def keys(path):
    return {(name, m.find("source").text, m.findtext("comment")) for name, m in messages(path)}


def problems_in(path, need_all):
    problems = []
    for name, message in messages(path):
        source = message.find("source").text or ""
        translation = message.find("translation")
        where = f"{os.path.basename(path)}: {name}: {source!r}"
        kind = translation.get("type")
        numerus = message.get("numerus") == "yes"
        if kind in ("obsolete", "vanished"):
            problems.append(f"{where} is {kind}: it is no longer in the sources")
            continue
        if kind == "unfinished" and (need_all or numerus):
            problems.append(f"{where} is unfinished")
            continue
        if kind == "unfinished":
            continue  # English falls back to the source text
        forms = [f.text or "" for f in translation.findall("numerusform")] if numerus else [translation.text or ""]
        if numerus and len(forms) < 2:
            problems.append(f"{where} needs a singular and a plural form")
        for form in forms:
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            elif sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{where}: placeholders differ in {form!r}")
            elif bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(form)):
                problems.append(f"{where}: the accelerator (&) is lost or added in {form!r}")
    return problems


def main(root, lupdate):
    committed = os.path.join(root, "translations")
    problems = problems_in(os.path.join(committed, "vsc_de.ts"), need_all=True)
    problems += problems_in(os.path.join(committed, "vsc_en.ts"), need_all=False)
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("vsc_de.ts", "vsc_en.ts"):
            shutil.copy(os.path.join(committed, name), scratch)
        env = dict(os.environ, TS_DIR=scratch, LUPDATE=lupdate)
        subprocess.run([os.path.join(root, "scripts", "update-translations.sh")], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for name in ("vsc_de.ts", "vsc_en.ts"):
            fresh, old = keys(os.path.join(scratch, name)), keys(os.path.join(committed, name))
            for context, source, _ in sorted(fresh - old, key=str):
                problems.append(f"{name}: {context}: {source!r} is in the sources but not in the file")
            for context, source, _ in sorted(old - fresh, key=str):
                problems.append(f"{name}: {context}: {source!r} is no longer in the sources")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); run scripts/update-translations.sh and translate (README, Translating)")
        return 1
    print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/qt6/bin/lupdate"))
