"""Labelling and review like Lobe, without the GUI: keys, advice, review order, tallies.

The Motifs panel (``plugin/curation_dock.py``) shows photos and takes key presses; what it
decides is here, QGIS-free:

* :func:`class_keys` — keys 1–9 give the first nine classes, 0 skips (Lobe's one-key labelling).
* :func:`advice` — Lobe's advice per class: at least 5 examples to start, about 200 for a
  good model.
* :func:`labelling_order` — which photos to label next: unlabelled ones, motif by motif, the
  most typical photo of each motif first, so neighbours look alike.
* :func:`review_order` — Lobe's review: the predictions the model was least sure of first; or
  the photos where two fields disagree (the class and the motif, two models, the class and the
  user's label); or the photos the model called ``unknown``.
* :class:`ReviewTally` — how many predictions the user confirmed or corrected, and how often
  the model was right on the reviewed photos.
* :func:`holdout_accuracy` — the hold-out accuracy a trained model folder reports.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field

from .classify import UNKNOWN
from .motifnames import text

LOBE_MINIMUM = 5  # Lobe: "at least 5 images per label" to start training
LOBE_GOOD = 200  # Lobe: "we recommend … around 200 images per label" for a good model
MAX_KEYS = 9
SKIP_KEY = 0

REVIEW_MODES = ("confidence", "disagreement", "unknown")


def class_keys(classes) -> dict:
    """{key 1–9: class} for the first nine classes."""
    return {k: c for k, c in enumerate(list(classes)[:MAX_KEYS], start=1)}


def advice(count: int) -> str:
    """'too_few' (under 5 photos: Lobe will not train), 'more' (under 200), or 'good'."""
    if count < LOBE_MINIMUM:
        return "too_few"
    if count < LOBE_GOOD:
        return "more"
    return "good"


def number(value) -> float | None:
    """A confidence as a float (None for NULL, text, NaN)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


@dataclass
class PhotoRow:
    """What the panel knows of one photo when it orders them."""

    fid: int
    label: object = None  # the user's label (None: none yet)
    motif: object = None  # its motif (for labelling order)
    rank: object = None  # its rank in the motif (1 = most typical)
    predicted: object = None  # the model's class
    confidence: object = None
    other: object = None  # the field compared with the class (disagreement mode)


def labelling_order(rows, only_unlabelled: bool = True) -> list:
    """Feature ids to step through when labelling: unlabelled photos first (or only), motif by
    motif (largest motif first), the most typical photo of each motif first."""
    rows = list(rows)
    sizes: dict = {}
    for r in rows:
        sizes[text(r.motif)] = sizes.get(text(r.motif), 0) + 1

    def key(r):
        motif = text(r.motif)
        rank = number(r.rank)
        return (text(r.label) is not None, motif is None, -sizes[motif], str(motif),
                rank if rank is not None else math.inf, r.fid)

    ordered = sorted(rows, key=key)
    if only_unlabelled:
        ordered = [r for r in ordered if text(r.label) is None]
    return [r.fid for r in ordered]


def review_order(rows, mode: str = "confidence", skip_labelled: bool = False) -> list:
    """Feature ids for Lobe's review, least sure first (ties by feature id).

    ``confidence``: every photo with a prediction, ascending confidence. ``disagreement``: the
    photos whose class differs from ``other`` (both set). ``unknown``: the photos the model
    called ``unknown``. ``skip_labelled`` leaves out photos the user already labelled.
    """
    if mode not in REVIEW_MODES:
        raise ValueError(f"Unknown review mode '{mode}'; choose one of {', '.join(REVIEW_MODES)}.")
    chosen = []
    for r in rows:
        predicted = text(r.predicted)
        if predicted is None or (skip_labelled and text(r.label) is not None):
            continue
        if mode == "disagreement" and (text(r.other) is None or text(r.other) == predicted):
            continue
        if mode == "unknown" and predicted != UNKNOWN:
            continue
        conf = number(r.confidence)
        chosen.append((conf if conf is not None else math.inf, r.fid))
    chosen.sort()
    return [fid for _conf, fid in chosen]


def parse_top(top_classes) -> list:
    """[(class, confidence)] from classify's ``top_classes`` text ("forest 0.912; sea 0.050")."""
    out = []
    for part in str(top_classes or "").split("; "):
        name, _sep, value = part.strip().rpartition(" ")
        conf = number(value)
        if name and conf is not None:
            out.append((name, conf))
    return out


def top_classes(values: dict, k: int = 3) -> list:
    """The best ``k`` classes of a photo [(class, confidence)] from classify's fields:
    ``class_2``/``confidence_2``… when present, else ``top_classes``, else the class alone."""
    top = parse_top(values.get("top_classes"))
    if not top:
        best = text(values.get("class"))
        if best is not None:
            top = [(best, number(values.get("confidence")))]
        for n in range(2, k + 1):
            name = text(values.get(f"class_{n}"))
            if name is not None:
                top.append((name, number(values.get(f"confidence_{n}"))))
    return top[:k]


@dataclass
class ReviewTally:
    """The user's answers in review mode, one per photo (a later answer replaces an earlier one)."""

    answers: dict = field(default_factory=dict)  # fid -> (predicted, chosen)

    def record(self, fid, predicted, chosen) -> str:
        """Note the user's class for a photo; returns 'confirmed' or 'corrected'."""
        self.answers[fid] = (text(predicted), text(chosen))
        return "confirmed" if text(predicted) == text(chosen) else "corrected"

    def forget(self, fid) -> None:
        self.answers.pop(fid, None)

    @property
    def reviewed(self) -> int:
        return len(self.answers)

    @property
    def confirmed(self) -> int:
        return sum(1 for p, c in self.answers.values() if p == c)

    @property
    def corrected(self) -> int:
        return self.reviewed - self.confirmed

    @property
    def model_right(self) -> float | None:
        """Share of reviewed photos where the model's class was the user's (None before any)."""
        return self.confirmed / self.reviewed if self.reviewed else None


def holdout_accuracy(model_folder) -> float | None:
    """The hold-out accuracy in a model folder's ``report.json`` (None when there is none)."""
    if not model_folder:
        return None
    path = os.path.join(str(model_folder), "report.json")
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    evaluation = data.get("evaluation") if isinstance(data, dict) else None
    return number(evaluation.get("accuracy")) if isinstance(evaluation, dict) else None
