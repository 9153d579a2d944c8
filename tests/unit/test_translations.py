"""Translatable strings: literal tr() sources in processing/ and plugin/, complete Estonian .ts.

pylupdate5 extracts only literal strings, and a Qt translator looks a translation up by the
literal source text: ``tr(f"…")``, ``tr(variable)`` or ``translate(ctx, variable)`` can never
be translated. Values are filled in after translation: ``tr("Found {} photos").format(n)``.
"""
import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2]
I18N = PLUGIN / "i18n"
SOURCE_DIRS = ("processing", "plugin")
LANGUAGES = ("et",)
NOOPS = ("QT_TR_NOOP", "QT_TRANSLATE_NOOP")
# the functions that translate labels marked with QT_TRANSLATE_NOOP("PhotoMotifs", "…") in
# core/options.py (data: (label, value) tuples) and core/messages.py (templates of run messages);
# every other lookup has a literal source text
MARKED_LOOKUPS = ("option_labels", "translated_template")


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _is_literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _describe(node) -> str:
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    return ast.unparse(node)


def bad_tr_calls(code: str, filename: str = "<code>") -> list:
    """Sentences for every translation call whose source text is not a string literal.

    Checked: ``tr(x)``/``self.tr(x)``/``QT_TR_NOOP(x)`` (first argument) and
    ``translate(ctx, x)``/``QT_TRANSLATE_NOOP(ctx, x)`` (second argument). The one allowed
    exception is the wrapper itself: a function named ``tr`` passing its own parameter on.
    """
    tree = ast.parse(code, filename)
    problems = []

    def visit(node, wrapper_param=None, in_fstring=False):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = [a.arg for a in node.args.args if a.arg != "self"]
            wrapper_param = params[0] if node.name == "tr" and params else None
            if node.name in MARKED_LOOKUPS:
                return  # looks up QT_TRANSLATE_NOOP literals (checked where they are marked)
        if isinstance(node, ast.Call):
            name = _called_name(node)
            index = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if index is not None:
                args = node.args
                text = args[index] if len(args) > index else None
                allowed = (text is not None and (_is_literal(text) or (
                    isinstance(text, ast.Name) and text.id == wrapper_param)))
                if name in ("translate", "QT_TRANSLATE_NOOP") and args and not _is_literal(args[0]) \
                        and not (isinstance(args[0], ast.Name) and args[0].id == "CONTEXT"):
                    allowed = False
                if not allowed:
                    what = _describe(text) if text is not None else "no text"
                    problems.append(f"{filename}:{node.lineno}: {name}() gets {what}, not a string literal")
                elif in_fstring:  # pylupdate5 does not look inside f-strings
                    problems.append(f"{filename}:{node.lineno}: {name}() inside an f-string: pylupdate5 "
                                    "cannot extract it; call it before the f-string")
        for child in ast.iter_child_nodes(node):
            visit(child, wrapper_param, in_fstring or isinstance(node, ast.JoinedStr))

    visit(tree)
    return problems


def _sources():
    return sorted(p for d in SOURCE_DIRS for p in (PLUGIN / d).rglob("*.py"))


def _marked_core_sources():
    """QGIS-free modules whose labels are marked with QT_TRANSLATE_NOOP (shown by processing/)."""
    return sorted(p for p in (PLUGIN / "core").rglob("*.py") if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8"))


def code_literals() -> dict:
    """{source text: first file:line} of every translatable literal in processing/ and plugin/."""
    found = {}
    for path in _sources() + _marked_core_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _called_name(node)
                index = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
                if index is not None and len(node.args) > index and _is_literal(node.args[index]):
                    found.setdefault(node.args[index].value, f"{path.relative_to(PLUGIN)}:{node.lineno}")
    return found


def ts_messages(path: Path) -> list:
    """[(context, source, translation text, translation type)] of a .ts file."""
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            out.append((name, message.findtext("source"), tr.text or "", tr.get("type")))
    return out


# --- the rule and its checker -------------------------------------------------------------------

@pytest.mark.parametrize("code", [
    'self.tr(f"Found {n} photos")',
    "tr(hint)",
    "self.tr(self.HELP)",
    'tr("Found " + str(n))',
    'QCoreApplication.translate("PhotoMotifs", text)',
    'QCoreApplication.translate(ctx, "literal")',
    'tr("a {}".format(n))',
    "f\"<b>{tr('Taken')}:</b> {value}\"",
])
def test_checker_rejects_non_literal_sources(code):
    assert bad_tr_calls(code), code


@pytest.mark.parametrize("code", [
    'self.tr("Found {} photos").format(n)',
    'tr("Found "\n   "{} photos").format(n)',
    'QCoreApplication.translate("PhotoMotifs", "Photos")',
    "def tr(text):\n    return QCoreApplication.translate(CONTEXT, text)",
    'QT_TRANSLATE_NOOP("PhotoMotifs", "Photos")',
])
def test_checker_accepts_literal_sources(code):
    assert not bad_tr_calls(code), code


def test_every_tr_call_in_processing_and_plugin_has_a_literal_source():
    problems = [p for path in _sources()
                for p in bad_tr_calls(path.read_text(encoding="utf-8"), str(path.relative_to(PLUGIN)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", ["core", "models", "api"])
def test_the_qgis_free_floors_mark_literals_and_never_translate(folder):
    """core/, models/ and api/ have no translator (no Qt): they mark their texts with
    QT_TRANSLATE_NOOP (literal sources, checked like tr()) and speak through core.messages codes;
    a tr()/translate() call there would be a text nobody translates."""
    problems, calls = [], []
    for path in sorted((PLUGIN / folder).rglob("*.py")):
        code, where = path.read_text(encoding="utf-8"), str(path.relative_to(PLUGIN))
        problems += bad_tr_calls(code, where)
        calls += [f"{where}:{node.lineno}" for node in ast.walk(ast.parse(code))
                  if isinstance(node, ast.Call) and _called_name(node) in ("tr", "translate", "QT_TR_NOOP")]
    assert not problems and not calls, problems + calls


def test_algorithm_texts_are_methods_with_literals_not_class_attributes():
    """``DISPLAY_NAME``/``HELP``/``GROUP_NAME`` data would reach tr() as variables: an algorithm
    returns ``self.tr("…")`` from ``displayName()``, ``intro()`` and ``details()`` instead."""
    legacy = {"DISPLAY_NAME", "HELP", "GROUP_NAME", "NETWORK_NOTE", "OFFLINE_NOTE"}
    offenders = []
    for path in sorted((PLUGIN / "processing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for name in (target.elts if isinstance(target, ast.Tuple) else [target]):
                        if isinstance(name, ast.Name) and name.id in legacy:
                            offenders.append(f"{path.relative_to(PLUGIN)}:{node.lineno}: {name.id}")
    assert not offenders, offenders


# --- the Qt Linguist sources --------------------------------------------------------------------

def test_ts_files_cover_every_string_of_the_code():
    """A string added to the code without running scripts/update_translations.py fails here."""
    literals = code_literals()
    assert len(literals) > 150
    for ts in [I18N / "photo_motifs.ts"] + [I18N / f"photo_motifs_{lang}.ts" for lang in LANGUAGES]:
        messages = ts_messages(ts)
        assert {ctx for ctx, *_ in messages} == {"PhotoMotifs"}, ts.name
        current = {src for _ctx, src, _text, kind in messages if kind != "vanished"}
        missing = [f"{where}: {src!r}" for src, where in literals.items() if src not in current]
        assert not missing, (f"{ts.name} lacks these strings; run python3 scripts/update_translations.py:\n"
                             + "\n".join(missing))
        stale = current - set(literals)
        assert not stale, f"{ts.name} has strings the code no longer uses: {sorted(stale)[:5]}"


def test_template_has_no_translations():
    assert all(not text and kind == "unfinished" for *_rest, text, kind in ts_messages(I18N / "photo_motifs.ts"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translation_is_complete(lang):
    messages = ts_messages(I18N / f"photo_motifs_{lang}.ts")
    unfinished = [src for _ctx, src, text, kind in messages if kind != "vanished" and (kind or not text.strip())]
    assert not unfinished, f"{len(unfinished)} strings without a finished translation, e.g. {unfinished[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang):
    """.format() needs the same {} in the translation; HTML and quotes of the source stay too."""
    placeholder = re.compile(r"\{[^{}]*\}")
    wrong = []
    for _ctx, src, text, kind in ts_messages(I18N / f"photo_motifs_{lang}.ts"):
        if kind == "vanished":
            continue
        wanted, got = sorted(placeholder.findall(src)), sorted(placeholder.findall(text))
        # a translation may reorder automatic fields as {0} {1}…: the same number, all of them
        reordered = set(wanted) == {"{}"} and got == [f"{{{i}}}" for i in range(len(wanted))]
        if wanted != got and not reordered:
            wrong.append((src, text))
        if src.startswith(" ") != text.startswith(" "):
            wrong.append((src, text))
    assert not wrong, wrong[:5]
