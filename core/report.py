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

:func:`summary_text` gives the few lines shown in the Processing log. Figures are drawn with
matplotlib's object API on the Agg canvas: no pyplot state, no GUI backend.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

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
    """A few lines for the Processing log."""
    lines = [
        f"Trained a {result.method} classifier on {sum(result.counts.values())} photos in "
        f"{len(result.classes)} classes ({', '.join(result.classes)}).",
    ]
    ev = result.evaluation
    if ev is not None:
        lines.append(
            f"Validation ({ev.n} photos not used for fitting): accuracy {_pct(ev.accuracy)}, "
            f"balanced accuracy {_pct(ev.balanced_accuracy)}, {len(ev.misclassified)} misclassified."
        )
        weakest = min(
            (c for c in ev.per_class if c["support"]), key=lambda c: c["recall"], default=None
        )
        if weakest is not None and weakest["recall"] < 1.0:
            lines.append(f"Weakest class: {weakest['class']} (recall {_pct(weakest['recall'])}).")
    if result.cv is not None:
        lines.append(
            f"{result.cv['folds']}-fold cross-validation: accuracy {_pct(result.cv['accuracy_mean'])} "
            f"± {_pct(result.cv['accuracy_std'])}."
        )
    lines.append(f"The exported model was refitted on all {sum(result.counts.values())} photos.")
    lines.extend(result.warnings)
    return "\n".join(lines)


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
        f"fitted on {result.n_train}, validated on {result.n_val} ({result.val_fraction:.0%}, stratified)",
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
            f"Validation: {ev.n} photos, accuracy {_pct(ev.accuracy)}",
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
