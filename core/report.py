"""The evaluation report written next to a trained model.

:func:`write_report` writes, into the model folder:

* ``report.json``: everything in ``TrainResult.as_dict()`` plus the caller's ``extra`` fields;
* ``report.md``: the same for people (overall scores, per-class table, confusion matrix,
  mistakes, photos left out);
* ``confusion_matrix.csv`` and ``confusion_matrix.png`` (rows: true class, columns: predicted
  class, counts in the cells);
* ``misclassified.csv`` (path, true, predicted, confidence) and ``misclassified.png`` (a contact
  sheet captioned ``true -> predicted (confidence)``; ASCII arrow: the
  sheet's font has no '→') when validation photos were misclassified.

:func:`summary_lines` gives the few lines shown in the Processing log and the command line (run
messages of :mod:`.messages`: English here and in ``report.md``, the user's language in QGIS);
:func:`summary_text` joins them. Figures are drawn with
matplotlib's object API on the Agg canvas: no pyplot state, no GUI backend.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .messages import msg
from .safe_cells import write_csv
from .safe_write import replace_complete

REPORT_JSON = "report.json"
REPORT_MD = "report.md"
CONFUSION_CSV = "confusion_matrix.csv"
CONFUSION_PNG = "confusion_matrix.png"
MISCLASSIFIED_CSV = "misclassified.csv"
MISCLASSIFIED_PNG = "misclassified.png"
# misclassified photos shown on the contact sheet (the most confident mistakes)
SHEET_MAX = 36


def _pct(x) -> str:
    return "n/a" if x is None else f"{100.0 * x:.1f} %"


def summary_text(result) -> str:
    """The lines of :func:`summary_lines` as English text (report.md)."""
    return "\n".join(summary_lines(result))


def summary_lines(result) -> list:
    """A few lines (messages) for the Processing log: what was trained, the validation, the
    weakest class, the cross-validation, the refit and the training's notes."""
    n = sum(result.counts.values())
    lines = [msg("train_summary", result.method, n, len(result.classes), ", ".join(result.classes))]
    ev = result.evaluation
    if ev is not None and split_of(result)["method"] == "group":
        lines += split_lines(result)
    elif ev is not None:
        lines.append(msg("train_validation", ev.n, _pct(ev.accuracy), _pct(ev.balanced_accuracy),
                         len(ev.misclassified)))
    if ev is not None:
        weakest = min(
            (c for c in ev.per_class if c["support"]), key=lambda c: c["recall"], default=None
        )
        if weakest is not None and weakest["recall"] < 1.0:
            lines.append(msg("train_weakest", weakest["class"], _pct(weakest["recall"])))
    if result.cv is not None:
        figures = (result.cv["folds"], _pct(result.cv["accuracy_mean"]), _pct(result.cv["accuracy_std"]))
        lines.append(_cv_line(unit_of(result) if result.cv.get("by_group") else None, *figures))
    lines.append(msg("train_refitted", n))
    lines.extend(result.warnings)
    return lines


def _cv_line(unit, folds, mean, std):
    if unit == "user":
        return msg("train_cv_by_user", folds, mean, std)
    if unit == "burst":
        return msg("train_cv_by_burst", folds, mean, std)
    if unit == "group":
        return msg("train_cv_by_group", folds, mean, std)
    return msg("train_cv", folds, mean, std)


def split_of(result) -> dict:
    """How the validation photos were chosen (``TrainResult.split``; random for older results)."""
    return getattr(result, "split", None) or {"method": "random"}


def unit_of(result) -> str:
    """What a group is, in words: "user" for owner fields, "burst" for burst ids, else "group"."""
    name = str(split_of(result).get("group_field") or "").lower()
    if "burst" in name:
        return "burst"
    if name and name not in ("group", "groups"):
        return "user"
    return "group"


def split_text(result) -> str:
    """The split in a few words, for the report and the model card."""
    split = split_of(result)
    if split["method"] != "group":
        return f"{result.val_fraction:.0%}, stratified random split"
    unit = unit_of(result)
    return (f"{result.n_val / max(1, result.n_train + result.n_val):.0%}, split by {unit}"
            + (f" (field {split['group_field']})" if split.get("group_field") else "")
            + f": {split['validation_groups']} of {split['groups']} {unit}s held out, none on both sides")


def split_lines(result) -> list:
    """The headline of a by-group evaluation (messages): by-user accuracy, the random split's
    beside it and one sentence on the difference."""
    ev, split = result.evaluation, split_of(result)
    unit = unit_of(result)
    field_text = msg("split_field", split["group_field"]) if split.get("group_field") else ""
    figures = (ev.n, split["validation_groups"], field_text, _pct(ev.accuracy), _pct(ev.balanced_accuracy),
               len(ev.misclassified))
    lines = [_headline(unit, *figures)]
    random = split.get("random_split")
    if random:
        lines.append(msg("train_random_split", _pct(random["accuracy"])))
        lines.append(difference_sentence(ev.accuracy, random["accuracy"], unit))
    return lines


def _headline(unit, n, groups, field_text, accuracy, balanced, misclassified):
    if unit == "user":
        return msg("split_headline_user", n, groups, field_text, accuracy, balanced, misclassified)
    if unit == "burst":
        return msg("split_headline_burst", n, groups, field_text, accuracy, balanced, misclassified)
    return msg("split_headline_group", n, groups, field_text, accuracy, balanced, misclassified)


def difference_sentence(by_group: float, random: float, unit: str = "user"):
    """One sentence (a message) on the difference between the by-group and the random-split accuracy."""
    diff = 100.0 * (random - by_group)
    if diff >= 2.0:
        points = f"{diff:.1f}"
        return {"user": msg("split_random_higher_user", points), "burst": msg("split_random_higher_burst", points)
                }.get(unit) or msg("split_random_higher_group", points)
    if diff <= -2.0:
        points = f"{-diff:.1f}"
        return {"user": msg("split_random_lower_user", points), "burst": msg("split_random_lower_burst", points)
                }.get(unit) or msg("split_random_lower_group", points)
    points = f"{diff:+.1f}"
    return {"user": msg("split_random_same_user", points), "burst": msg("split_random_same_burst", points)
            }.get(unit) or msg("split_random_same_group", points)


def _write_confusion_csv(path: Path, classes: list, cm: np.ndarray) -> None:
    # class names come from folder names or a layer field (tags, anyone's text): never formulas
    write_csv(path, ["true \\ predicted"] + list(classes),
              ([name] + [int(v) for v in row] for name, row in zip(classes, cm)))


def plot_confusion(path: Path, classes: list, cm: np.ndarray, title: str) -> Path:
    """Confusion matrix heat map with the counts written in the cells."""
    import warnings

    with warnings.catch_warnings():
        # Debian's python3-matplotlib beside the venv's matplotlib only costs the 3-D axes,
        # which are not used here; its warning would reach the user's log
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

    n = len(classes)
    side = max(4.0, 0.55 * n + 2.5)
    fig = Figure(figsize=(side + 1.0, side), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    im = ax.imshow(cm, cmap="Blues", vmin=0, vmax=max(1, int(cm.max())))
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04, label="photos")
    ax.set_xticks(range(n), labels=classes, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(n), labels=classes)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title)
    threshold = cm.max() / 2.0 if cm.size else 0
    for i in range(n):
        for j in range(n):
            ax.text(j, i, str(int(cm[i, j])), ha="center", va="center", fontsize=9,
                    color="white" if cm[i, j] > threshold else "black")
    fig.tight_layout()
    fig.savefig(path)
    return path


def _write_misclassified_csv(path: Path, rows: list) -> None:
    write_csv(path, ["path", "true", "predicted", "confidence"],
              ([r["path"], r["true"], r["predicted"], f"{r['confidence']:.4f}"] for r in rows))


def unknown_markdown(result) -> list:
    """report.md's section on the calibrated 'unknown' (``core.openset``)."""
    unknown, figures = getattr(result, "unknown", None), getattr(result, "open_set", None)
    lines = ["## Photos that fit no class ('unknown')", ""]
    if unknown is None:
        return lines + ["Switched off: every photo gets one of the classes.", ""]
    lines += [
        "A photo is called `unknown` when it is less typical of the training photos than "
        f"{1 - unknown.target_rejection:.0%} of them are (its `unknown_score` is above 1): its "
        + ("local outlier factor among the training photos of the known classes "
           f"({unknown.k} neighbours" if unknown.method == "lof" else
           f"distance to the {unknown.k}-th nearest training photo of a class (the nearest class")
        + f", the backbone's final features) is above {unknown.threshold:.4f}. Only the training photos were "
        "used to choose it.",
        "",
        f"- Expected share of photos of the known classes called unknown: {_pct(unknown.expected_rejection)} "
        f"(target {_pct(unknown.target_rejection)}; the rule refitted on {unknown.folds} folds in turn, measured "
        "on the held-out fold).",
    ]
    if unknown.n_none:
        lines.append(f"- \"None of these\" examples: {unknown.n_none} photos (class `{unknown.none_class}`); "
                     "photos the classifier puts in that class are unknown too.")
    if figures:
        lines.append(
            f"- Validation photos ({figures['n_known']} of the known classes; the threshold was calibrated "
            f"without them): accuracy {_pct(figures['closed_set_accuracy'])} when every photo must get a class, "
            f"{_pct(figures['open_set_accuracy'])} with 'unknown' (photos called unknown count as wrong); "
            f"{_pct(figures['known_rejected'])} called unknown."
        )
        if figures.get("none_rejected") is not None:
            lines.append(f"- \"None of these\" validation photos called unknown: {_pct(figures['none_rejected'])} "
                         f"of {figures['n_none']}.")
    return lines + [""]


def _markdown(result, extra: dict, invalid: list, files: dict) -> str:
    ev = result.evaluation
    title = extra.get("name") or "Photo classifier"
    lines = [f"# Evaluation report: {title}", ""]
    for key in ("created", "backbone", "training_data"):
        if extra.get(key):
            lines.append(f"- {key.replace('_', ' ').capitalize()}: {extra[key]}")
    lines += [
        f"- Method: {result.method}; class weights: {result.class_weight or 'none'}; seed {result.seed}",
        f"- Photos: {sum(result.counts.values())} in {len(result.classes)} classes; "
        f"fitted on {result.n_train}, validated on {result.n_val} ({split_text(result)})",
        "- Hyperparameters (inner cross-validation): "
        + ", ".join(f"{k}={v}" for k, v in result.head.hyperparameters.items() if not isinstance(v, dict)),
        "",
        "## Summary",
        "",
        summary_text(result),
        "",
    ]
    if ev is not None:
        lines += [
            "## Per class (validation photos)",
            "",
            "| class | photos (all) | validation photos | precision | recall | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {c['class']} | {result.counts[c['class']]} | {c['support']} | {c['precision']:.2f} | "
            f"{c['recall']:.2f} | {c['f1']:.2f} |"
            for c in ev.per_class
        ]
        lines += [
            "",
            "## Confusion matrix",
            "",
            "Rows: true class; columns: predicted class.",
            "",
            "| true \\ predicted | " + " | ".join(result.classes) + " |",
            "| --- |" + " ---: |" * len(result.classes),
        ]
        lines += [
            f"| {name} | " + " | ".join(str(int(v)) for v in row) + " |"
            for name, row in zip(result.classes, ev.confusion)
        ]
        lines += ["", f"![confusion matrix]({CONFUSION_PNG})", "", "## Misclassified validation photos", ""]
        if ev.misclassified:
            lines += ["| photo | true | predicted | confidence |", "| --- | --- | --- | ---: |"]
            lines += [
                f"| {r['path']} | {r['true']} | {r['predicted']} | {r['confidence']:.2f} |"
                for r in ev.misclassified
            ]
            if MISCLASSIFIED_PNG in files:
                lines += ["", f"![misclassified photos]({MISCLASSIFIED_PNG})"]
        else:
            lines.append("None.")
        lines.append("")
    lines += unknown_markdown(result)
    if result.cv is not None:
        cv = result.cv
        lines += [
            f"## {cv['folds']}-fold cross-validation",
            "",
            f"Accuracy {_pct(cv['accuracy_mean'])} ± {_pct(cv['accuracy_std'])} "
            f"(folds: {', '.join(f'{a:.3f}' for a in cv['fold_accuracies'])}); "
            f"balanced accuracy {_pct(cv['balanced_accuracy_mean'])}.",
            "",
        ]
    if invalid:
        lines += ["## Photos left out", "", "| file | reason |", "| --- | --- |"]
        lines += [f"| {row[0]} | {row[-1]} |" for row in invalid]
        lines.append("")
    return "\n".join(lines)


def write_report(result, out_dir, extra: dict | None = None, invalid=None) -> dict:
    """Write the report files into ``out_dir``; returns ``{file name: Path}``.

    ``extra``: fields added to report.json and shown in report.md (e.g. ``name``, ``created``,
    ``backbone``, ``training_data``). ``invalid``: rows ``(path, ..., sentence)`` of photos
    left out of training (listed with their reasons).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    extra = dict(extra or {})
    invalid = [tuple(r) for r in (invalid or [])]
    files = {}
    ev = result.evaluation
    if ev is not None:
        _write_confusion_csv(out / CONFUSION_CSV, result.classes, ev.confusion)
        files[CONFUSION_CSV] = out / CONFUSION_CSV
        files[CONFUSION_PNG] = plot_confusion(
            out / CONFUSION_PNG, result.classes, ev.confusion,
            f"Validation{' by ' + unit_of(result) if split_of(result)['method'] == 'group' else ''}: "
            f"{ev.n} photos, accuracy {_pct(ev.accuracy)}",
        )
        _write_misclassified_csv(out / MISCLASSIFIED_CSV, ev.misclassified)
        files[MISCLASSIFIED_CSV] = out / MISCLASSIFIED_CSV
        shown = [r for r in ev.misclassified if r["path"]]
        if shown:
            from .sheets import contact_sheet

            contact_sheet(
                [r["path"] for r in shown], out / MISCLASSIFIED_PNG,
                title=f"Misclassified validation photos ({len(shown)})",
                subtitle="true -> predicted (confidence)",
                labels=[f"{r['true']} -> {r['predicted']} ({r['confidence']:.2f})" for r in shown],
                cols=5, thumb=210, max_photos=SHEET_MAX,
            )
            files[MISCLASSIFIED_PNG] = out / MISCLASSIFIED_PNG
    data = dict(result.as_dict(), **extra)
    data["left_out"] = [{"path": r[0], "reason": r[-1]} for r in invalid]
    text = json.dumps(data, indent=2, ensure_ascii=False)
    replace_complete(out / REPORT_JSON, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    files[REPORT_JSON] = out / REPORT_JSON
    markdown = _markdown(result, extra, invalid, files)
    replace_complete(out / REPORT_MD, lambda tmp: tmp.write_text(markdown, encoding="utf-8"))
    files[REPORT_MD] = out / REPORT_MD
    return files
