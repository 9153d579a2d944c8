"""Regenerate the Qt Linguist sources in i18n/ from the code, keeping existing translations.

    python3 scripts/update_translations.py            # update i18n/*.ts (template + languages)
    python3 scripts/update_translations.py --add de   # start i18n/photo_motifs_de.ts
    python3 scripts/update_translations.py --release  # also compile .qm next to the .ts (lrelease)
    python3 scripts/update_translations.py --fill et=new.json   # add translations {source: text}
    python3 scripts/update_translations.py --fill et=other.ts   # take another .ts's translations
                                                    # (after a merge: the other side's file)

pylupdate5 (Debian: pyqt5-dev-tools) extracts every ``tr("…")`` / ``translate(…)`` literal of
processing/ and plugin/ (and ``QT_TRANSLATE_NOOP`` labels of core/). It names each message's
context after the enclosing class, while the plugin looks every string up in the one context
``PhotoMotifs`` (``processing/translation.py``):
this script puts all messages into that context, one message per source text, in code order.
Translations are kept by source text; messages whose source disappeared from the code are kept
as ``vanished`` (lrelease ignores them) so a translator can reuse them after a rewording.
"""
import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "i18n"
CONTEXT = "PhotoMotifs"
TEMPLATE = I18N / "photo_motifs.ts"
SOURCE_DIRS = ("processing", "plugin")


def source_files():
    """processing/ and plugin/, and QGIS-free modules that mark labels with QT_TRANSLATE_NOOP."""
    files = [p for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py")]
    files += [p for p in (REPO / "core").rglob("*.py") if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]
    return sorted(p for p in files if "__pycache__" not in p.parts)


def extract() -> list:
    """[(source text, [relative file])] in file and code order, via pylupdate5."""
    tool = shutil.which("pylupdate5")
    if tool is None:
        sys.exit("pylupdate5 is missing: install Debian's pyqt5-dev-tools (scripts/setup.sh does).")
    ts = I18N / ".extracted.ts"  # inside i18n/ so locations come out as ../<file>
    files = [str(p.relative_to(REPO)) for p in source_files()]
    try:
        subprocess.run([tool, "-noobsolete", *files, "-ts", str(ts)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        root = ET.parse(ts).getroot()
    finally:
        ts.unlink(missing_ok=True)
    order, locations = [], {}
    for message in root.iter("message"):
        source = message.findtext("source")
        if source not in locations:
            order.append(source)
            locations[source] = []
        for loc in message.findall("location"):
            rel = loc.get("filename").removeprefix("../")
            if rel not in locations[source]:
                locations[source].append(rel)
    # file order, then code order: a moved line changes nothing, so merges of .ts files stay small
    return [(s, locations[s]) for s in order]


def read_translations(path: Path) -> dict:
    """{source: translation} of the finished (and unfinished but non-empty) messages of a .ts."""
    if not path.is_file():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        tr = message.find("translation")
        if tr is not None and (tr.text or "").strip():
            out[message.findtext("source")] = (tr.text, tr.get("type"))
    return out


def read_fill(path: Path) -> dict:
    """{source: (translation, None)} from a JSON object {source: translation} or another .ts file."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return {source: (text, None) for source, text in data.items() if text}
    return {s: t for s, t in read_translations(path).items() if t[1] not in ("unfinished", "vanished", "obsolete")}


def write_ts(path: Path, messages, language: str | None, fill: dict | None = None) -> tuple:
    """Write one .ts; returns (finished, unfinished) counts. ``fill`` adds translations the file lacks."""
    old = read_translations(path) if language else {}
    for source, value in (fill or {}).items():
        if old.get(source, (None, "unfinished"))[1] in ("unfinished", "vanished", "obsolete") or not old[source][0]:
            old[source] = value
    ts = ET.Element("TS", version="2.1")
    if language:
        ts.set("language", language)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    finished = unfinished = 0
    seen = set()
    for source, locs in messages:
        seen.add(source)
        msg = ET.SubElement(context, "message")
        for rel in locs:
            ET.SubElement(msg, "location", filename=f"../{rel}")
        ET.SubElement(msg, "source").text = source
        tr = ET.SubElement(msg, "translation")
        text, kind = old.get(source, (None, None))
        if text and kind not in ("unfinished", "vanished", "obsolete"):
            tr.text = text
            finished += 1
        else:
            tr.set("type", "unfinished")
            tr.text = text or ""
            unfinished += 1
    for source, (text, _kind) in old.items():  # keep reworded strings' translations for reuse
        if source not in seen:
            msg = ET.SubElement(context, "message")
            ET.SubElement(msg, "source").text = source
            ET.SubElement(msg, "translation", type="vanished").text = text
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return finished, unfinished


def release(ts_files):
    tool = shutil.which("lrelease")
    if tool is None:
        sys.exit("lrelease is missing: install Debian's qttools5-dev-tools (scripts/setup.sh does).")
    for ts in ts_files:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--add", metavar="LANG", help="start a translation for this language code")
    parser.add_argument("--release", action="store_true", help="compile .qm files with lrelease")
    parser.add_argument("--fill", metavar="LANG=FILE", action="append", default=[],
                        help="add translations from a JSON {source: translation} or another .ts file")
    args = parser.parse_args(argv)
    fills = {}
    for item in args.fill:
        language, _, name = item.partition("=")
        fills.setdefault(language, {}).update(read_fill(Path(name)))
    messages = extract()
    write_ts(TEMPLATE, messages, None)
    print(f"{TEMPLATE.relative_to(REPO)}: {len(messages)} source texts")
    languages = sorted(p for p in I18N.glob("photo_motifs_*.ts"))
    if args.add:
        new = I18N / f"photo_motifs_{args.add}.ts"
        if new not in languages:
            languages.append(new)
    for ts in languages:
        language = ts.stem.split("_", 2)[-1]
        done, todo = write_ts(ts, messages, language, fills.get(language))
        print(f"{ts.relative_to(REPO)}: {done} translated, {todo} unfinished")
    if args.release:
        release(languages)


if __name__ == "__main__":
    main()
