#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists and fills the unfinished messages of a Qt .ts file (see README, "Translating").

  scripts/translate-ts.py list translations/vsc_de.ts > todo.json
      every unfinished message as {"context", "source", "numerus"}; translate it by hand, then
  scripts/translate-ts.py apply translations/vsc_de.ts done.json
      done.json maps "source" or "Context|source" (Context without vsc::ui::) to the translation,
      or to [singular, plural] for a numerus message; only unfinished messages are filled.
  scripts/translate-ts.py english-plurals translations/vsc_en.ts
      fills the English numerus forms of "%n call(s)"-style sources (a map given to apply overrides it).
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def short(context):
    return context.removeprefix("vsc::ui::")


def messages(tree):
    for context in tree.getroot().iter("context"):
        name = short(context.find("name").text)
        for message in context.iter("message"):
            yield name, message


def unfinished(message):
    translation = message.find("translation")
    return translation.get("type") == "unfinished"


def write(tree, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding="unicode"))
        out.write("\n")


def fill(message, value):
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        if isinstance(value, list):
            raise SystemExit(f"not a numerus message: {message.find('source').text!r}")
        translation.text = value
    del translation.attrib["type"]


def english_plural(source):
    singular = re.sub(r"\(s\)", "", source).replace("entries", "entry")
    singular = re.sub(r"%n (\w+)s\b", r"%n \1", singular) if singular == source else singular
    plural = source.replace("(s)", "s")
    return [singular, plural]


def main(argv):
    command, path = argv[1], argv[2]
    tree = ET.parse(path)
    if command == "list":
        todo = [{"context": c, "source": m.find("source").text, "numerus": m.get("numerus") == "yes"}
                for c, m in messages(tree) if unfinished(m)]
        json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    if command == "english-plurals":
        for _, message in messages(tree):
            if message.get("numerus") == "yes" and unfinished(message):
                fill(message, english_plural(message.find("source").text))
        write(tree, path)
        return 0
    if command == "apply":
        table = {}
        for extra in argv[3:]:
            with open(extra, encoding="utf-8") as f:
                table.update(json.load(f))
        missing = 0
        for context, message in messages(tree):
            if not unfinished(message):
                continue
            source = message.find("source").text
            value = table.get(f"{context}|{source}", table.get(source))
            if value is None:
                missing += 1
                print(f"untranslated: {context}: {source!r}", file=sys.stderr)
            else:
                fill(message, value)
        write(tree, path)
        print(f"{path}: {missing} message(s) left unfinished", file=sys.stderr)
        return 1 if missing else 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
