"""Run messages of core/ and models/: codes with values, one English template each.

The expected sentences below are written out by hand (they are what a user reads in the log);
the Estonian side is checked by tests/unit/test_translations.py (complete, placeholders kept)
and tests/qgis/test_translation.py (a real run in Estonian).
"""
import ast
from pathlib import Path

import pytest

from photo_motifs.core.messages import TEMPLATES, Message, msg, placeholders

PLUGIN = Path(__file__).resolve().parents[2]
# modules whose run messages are all codes: a plain or f-string sentence there is a regression
CONVERTED = ("core/photometa.py", "core/table_import.py", "core/embed.py", "core/train.py",
             "models/classifier_export.py", "models/registry.py", "models/finetune.py", "models/clip.py",
             "models/clip_weights.py", "models/zeroshot_model.py", "core/zeroshot.py", "core/clip_tokenizer.py",
             "core/cluster.py", "core/sheets.py", "core/flickr.py", "core/summarize.py", "core/exportgroups.py",
             "core/bursts.py", "core/motiftime.py", "core/openset.py", "core/columnar.py", "core/layer_columns.py",
             "core/embcache.py", "core/classify.py", "models/apply.py", "api/areas.py", "api/areas_dask.py",
             "api/distributed.py", "api/embedding.py", "api/motifs.py", "api/classes.py", "api/photos.py",
             "core/report.py")
# the lists a run's messages are kept in (notes of a result, its warnings)
MESSAGE_LISTS = ("notes", "warnings")


def _msg_calls():
    for folder in ("core", "models", "api"):
        for path in sorted((PLUGIN / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg":
                    yield f"{path.relative_to(PLUGIN).as_posix()}:{node.lineno}", node


def test_english_sentences():
    assert str(msg("import_summary", 12, 9, 1, 2)) == \
        "12 files: 9 photos with a location, 1 kept without a location, 2 invalid."
    assert str(msg("cross_validation", 5)) == "5-fold cross-validation."
    parts = [msg("export_copied", 3), msg("export_failed", 1)]
    assert str(msg("export_summary", parts, 2, "/out")) == "3 copied, 1 not exported into 2 folders under /out."


def test_a_long_step_logs_its_name_and_count():
    from photo_motifs.core.feedback import CoreFeedback, Ticker

    lines, now = [], [0.0]
    tick = Ticker(CoreFeedback(on_info=lines.append), msg("tick_merge"), 2047, every=3.0, clock=lambda: now[0])
    now[0] = 3.5
    tick(512)
    assert lines == ["Merging the micro-clusters: 512 of 2047"] and lines[0].code == "step_progress"


def test_rendering_with_other_templates_reaches_nested_parts():
    other = {"export_summary": "<{}|{}|{}>", "export_copied": "c{}", "export_failed": "f{}"}
    parts = [msg("export_copied", 3), msg("export_failed", 1)]
    assert msg("export_summary", parts, 2, "/out").render(other.__getitem__) == "<c3, f1|2|/out>"


def test_a_message_is_its_english_text_and_survives_pickling():
    import pickle

    m = msg("export_summary", [msg("export_copied", 3)], 2, "/out")
    assert m == "3 copied into 2 folders under /out." and "copied" in m
    back = pickle.loads(pickle.dumps(m))
    assert (back, back.code, type(back)) == (m, "export_summary", Message)


def test_unknown_code_is_refused():
    with pytest.raises(KeyError, match="Unknown message code"):
        Message("no_such_code", ())


def test_every_msg_call_names_a_known_code_with_its_number_of_values():
    problems, seen = [], set()
    for where, call in _msg_calls():
        code = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else None
        if code not in TEMPLATES:
            problems.append(f"{where}: unknown code {code!r}")
            continue
        seen.add(code)
        if len(call.args) - 1 != placeholders(TEMPLATES[code]):
            problems.append(f"{where}: {code} takes {placeholders(TEMPLATES[code])} values, "
                            f"gets {len(call.args) - 1}")
    assert not problems, problems
    # a template no code path uses any more is dead text for translators
    nested = {"export_copied", "export_hardlinked", "export_symlinked", "export_stripped",
              "export_identical", "export_renamed", "export_failed"}
    nested |= {code for code in TEMPLATES if code.startswith("tick_")}  # steps named in step_progress
    assert set(TEMPLATES) - seen - nested == set()


def _list_name(node) -> str:
    """'notes' for notes, report.notes, self.notes (the list a call appends to)."""
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def sentences_in_place(code: str, filename: str = "<code>") -> list:
    """Where ``code`` reports a sentence written in place (a string, an f-string, a sum of strings)
    instead of a ``msg(...)``: ``feedback.info/warning(...)``, ``notes.append(...)`` or
    ``warnings.append(...)`` (also of ``report.notes``, ``result.warnings``), ``notes += [...]``."""
    def written(arg):
        literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        return literal or isinstance(arg, (ast.JoinedStr, ast.BinOp))

    found = []
    for node in ast.walk(ast.parse(code, filename)):
        args = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("info", "warning"):
                args = node.args[:1]
            elif node.func.attr in ("append", "extend", "insert") and _list_name(node.func.value) in MESSAGE_LISTS:
                args = node.args[-1:] if node.func.attr != "extend" else list(getattr(node.args[0], "elts", []))
        elif isinstance(node, ast.AugAssign) and _list_name(node.target) in MESSAGE_LISTS:
            args = list(getattr(node.value, "elts", []))
        found += [f"{filename}:{node.lineno}" for arg in args if written(arg)]
    return found


@pytest.mark.parametrize("code", [
    'feedback.info(f"{n} photos found.")',
    'fb.warning("Do not publish this grid.")',
    'notes.append(f"PCA to {dims} dimensions skipped.")',
    'report.notes.append("Hard links were not possible here.")',
    'result.warnings.append("Some photos failed " + "after fine-tuning.")',
    'notes += [f"{n} photos have no user."]',
])
def test_the_check_finds_sentences_written_in_place(code):
    assert sentences_in_place(code), code


@pytest.mark.parametrize("code", [
    'feedback.info(msg("flickr_total", total))',
    'notes.append(msg("summary_outside", n))',
    'notes += _split_notes(split, classes)',
    'paths.append(f"{folder}/{name}")',
    'feedback.info(note)',
])
def test_the_check_accepts_codes(code):
    assert not sentences_in_place(code), code


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_modules_report_only_codes(module):
    """Run messages and notes in these modules are a msg(...), never a sentence written in place."""
    offenders = sentences_in_place((PLUGIN / module).read_text(encoding="utf-8"), module)
    assert not offenders, offenders
