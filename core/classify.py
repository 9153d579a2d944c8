"""Classify photos with a trained model (ours or a Lobe ONNX export), as Lobe Image Tools does.

* :func:`classify_paths` decodes photos in worker threads (EXIF orientation, resize to fill the
  model input, centre crop: Lobe's preprocessing) and runs the model on batches while the next
  photos decode. It reuses ``core.embed.compute_embeddings`` with the classifier in the place
  of the backbone: same pipeline, same per-photo error sentences, same cancellation.
* :func:`classify_embeddings` applies our model's head to embeddings already in the cache
  (same backbone), skipping decoding and the backbone entirely.
* :func:`write_image_tools_csv` writes Lobe Image Tools' table (File, Label, Confidence);
  :func:`copy_into_label_folders` COPIES the photos into one folder per predicted class (Lobe
  Image Tools moves them; user photos are never moved here).

A photo gets the class ``unknown`` (:data:`UNKNOWN`) and ``unknown=True`` when

* the model is calibrated (``core.openset``: our models trained with a calibrated 'unknown') and
  the photo's ``unknown_score`` is above ``unknown_limit`` (1 = the calibrated threshold): it lies
  farther from the training photos than nearly all known photos do — on by default
  (``open_set=True``); models without a calibration (Lobe, other ONNX) leave the score None;
* the model's best class is ``unknown`` (a "none of these" class it was trained with) or, in a
  zero-shot model, ``unknown (<kind>)`` (the photo keeps that name as its label);
* its best confidence is below ``threshold`` (0 by default: never).

Its best class and confidence stay in ``top`` (and ``confidence``).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .embed import compute_embeddings
from .feedback import ensure_feedback
from .openset import LIMIT, UNKNOWN, is_none_class, unknown_mask
from .safe_cells import write_csv


@dataclass
class ClassifiedPhoto:
    index: int  # position in the input list
    path: str
    label: str  # best class, or UNKNOWN below the threshold
    confidence: float  # confidence of the best class
    top: list  # [(class, confidence)], most confident first, top_k long
    unknown: bool = False
    unknown_score: float | None = None  # calibrated models: distance / threshold (above 1: unknown)


@dataclass
class ClassifyResult:
    classes: list
    photos: list  # ClassifiedPhoto, input order
    failed: list = field(default_factory=list)  # (index, path, code, sentence)
    probs: np.ndarray | None = None  # [len(photos), n_classes]
    threshold: float = 0.0
    seconds: float = 0.0
    open_set: dict | None = None  # the calibration used (signature photo_motifs.unknown + 'limit'); None: none

    def unknown_reasons(self) -> dict:
        """Photos called unknown by reason: ``score`` (unlike the training photos), ``none_class``
        (the model's "none of these" class), ``confidence`` (below the threshold); one reason each,
        in that order."""
        out = {"score": 0, "none_class": 0, "confidence": 0}
        limit = (self.open_set or {}).get("limit", LIMIT)
        for p in self.photos:
            if not p.unknown:
                continue
            if p.unknown_score is not None and p.unknown_score > limit:
                out["score"] += 1
            elif is_none_class(p.top[0][0]):
                out["none_class"] += 1
            else:
                out["confidence"] += 1
        return out

    def counts(self) -> dict:
        """Photos per assigned label (classes in model order, then 'unknown' if any)."""
        out = {c: 0 for c in self.classes}
        for p in self.photos:
            out[p.label] = out.get(p.label, 0) + 1
        return out


def _rows(probs: np.ndarray, classes: list, indices, paths, top_k: int, threshold: float,
          scores=None, limit: float = LIMIT) -> list:
    k = max(1, min(int(top_k), len(classes)))
    order = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    unknown = unknown_mask(probs, scores, classes, UNKNOWN, limit, threshold)
    photos = []
    for r, (i, path) in enumerate(zip(indices, paths)):
        top = [(classes[j], float(probs[r, j])) for j in order[r]]
        # a "none of these" class keeps its own name (a zero-shot model's 'unknown (selfie)')
        label = top[0][0] if not unknown[r] or is_none_class(top[0][0]) else UNKNOWN
        photos.append(ClassifiedPhoto(
            index=int(i), path=str(path), label=label,
            confidence=top[0][1], top=top, unknown=bool(unknown[r]),
            unknown_score=float(scores[r]) if scores is not None else None,
        ))
    return photos


def open_set_setting(unknown: dict | None, open_set: bool, limit: float) -> dict | None:
    """The calibration a run applies: the model's ``unknown`` info with the ``limit``, or None
    (switched off, or a model without calibration)."""
    if not open_set or not unknown:
        return None
    if not limit > 0:
        raise ValueError("The unknown_score limit must be above 0 (1 = the calibrated threshold).")
    return dict(unknown, limit=float(limit))


class _PreprocessSpec:
    """Lobe's preprocessing in the shape of a backbone spec for ``core.decode.prepare``."""

    pixel_quirk = None

    def __init__(self, model):
        h, w = model.input_size
        if h != w:
            raise ValueError(
                f"The model takes {h} x {w} images; only square inputs (as in Lobe's exports) are supported."
            )
        self.input_size = self.resize_short = int(h)
        self.crop = model.crop
        self.resample = model.resample
        self.cache_key = f"classifier:{model.name}"


class _Runner:
    """The classifier as the ``backbone`` of compute_embeddings (one inference thread per call).

    With ``scores`` the graph's ``unknown_score`` rides along as the last column.
    """

    def __init__(self, model, scores: bool = False):
        self.model = model
        self.scores = scores

    def run(self, batch: np.ndarray) -> np.ndarray:
        if not self.scores:
            return self.model.predict(batch, threads=1)
        probs, scores = self.model.predict_with_scores(batch, threads=1)
        return np.concatenate([probs, scores.reshape(-1, 1).astype(probs.dtype)], axis=1)


def classify_paths(paths, model, batch_size: int = 32, workers: int | None = None, top_k: int = 3,
                   threshold: float = 0.0, feedback=None, open_set: bool = True,
                   unknown_limit: float = LIMIT) -> ClassifyResult:
    """Classify photo files with ``model`` (a ``core.lobe.LoadedClassifier`` or a model path).

    ``open_set``: apply the model's calibrated 'unknown' when it has one (``unknown_limit``: the
    ``unknown_score`` above which a photo is unknown; 1 = as calibrated).
    """
    if isinstance(model, (str, os.PathLike)):
        from .lobe import load_model

        model = load_model(model)
    t0 = time.perf_counter()
    feedback = ensure_feedback(feedback)
    paths = [os.fspath(p) for p in paths]
    setting = open_set_setting(model.unknown, open_set, unknown_limit)
    spec = _PreprocessSpec(model)
    emb = compute_embeddings(
        paths, spec, cache=None, photo_ids=paths, batch_size=batch_size, workers=workers,
        feedback=feedback, backbone=_Runner(model, scores=setting is not None),
    )
    width = len(model.classes) + (setting is not None)
    out = emb.matrix if emb.rows else np.zeros((0, width), dtype=np.float32)
    probs, scores = (out[:, :-1], out[:, -1]) if setting is not None else (out, None)
    photos = _rows(probs, model.classes, emb.rows, [paths[i] for i in emb.rows], top_k, threshold, scores,
                   setting["limit"] if setting else LIMIT)
    return ClassifyResult(
        classes=list(model.classes), photos=photos, failed=list(emb.failed), probs=probs,
        threshold=float(threshold), seconds=time.perf_counter() - t0, open_set=setting,
    )


def classify_embeddings(X, head, paths=None, top_k: int = 3, threshold: float = 0.0, calibration=None,
                        open_set: bool = True, unknown_limit: float = LIMIT) -> ClassifyResult:
    """Classify embeddings ``X`` [N, D] with our head (``HeadParams`` or a model folder).

    The embeddings must be the features the model was trained on (the model folder's
    ``backbone_cache_key``; for the built-in EfficientNets the multi-level features
    ``efficientnet_lite0@1+multi``, whose spec ``models.registry.spec_for_cache_key`` gives);
    ``paths`` (optional) name the photos in the result. ``calibration``: the model's
    ``core.openset.UnknownCalibration`` (read from the folder when ``head`` is one), applied
    when ``open_set`` (see :func:`classify_paths`).
    """
    t0 = time.perf_counter()
    if isinstance(head, (str, os.PathLike)):
        from .lobe import load_model

        loaded = load_model(head)
        head = loaded.head()
        if head is None:
            raise ValueError(f"{loaded.name} is not a Photo Motifs model; classify the photos instead.")
        calibration = calibration or loaded.calibration()
    X = np.asarray(X, dtype=np.float32)
    setting = open_set_setting(calibration.info() if calibration is not None else None, open_set, unknown_limit)
    probs = head.predict_proba(X) if len(X) else np.zeros((0, len(head.classes)), np.float32)
    scores = calibration.scores(X) if setting is not None and len(X) else None
    if setting is not None and scores is None:
        scores = np.zeros(0, np.float32)
    paths = [os.fspath(p) for p in paths] if paths is not None else [""] * len(X)
    if len(paths) != len(X):
        raise ValueError(f"Got {len(paths)} paths for {len(X)} embeddings.")
    photos = _rows(probs, head.classes, range(len(X)), paths, top_k, threshold, scores,
                   setting["limit"] if setting else LIMIT)
    return ClassifyResult(
        classes=list(head.classes), photos=photos, probs=probs, threshold=float(threshold),
        seconds=time.perf_counter() - t0, open_set=setting,
    )


def write_image_tools_csv(path, result: ClassifyResult) -> Path:
    """CSV with the columns File, Label, Confidence, one row per input photo, input order.

    Photos that could not be classified have an empty Label and Confidence, as in Lobe Image
    Tools' output.
    """
    path = Path(path)
    rows = [(p.index, p.path, p.label, f"{p.confidence:.6f}") for p in result.photos]
    rows += [(i, fpath, "", "") for i, fpath, _code, _sentence in result.failed]
    rows.sort(key=lambda r: r[0])
    # file names and labels are text from the user's disk and model: never formulas
    return write_csv(path, ["File", "Label", "Confidence"], (r[1:] for r in rows))


def copy_into_label_folders(result: ClassifyResult, out_dir, write_tables=(), feedback=None):
    """Copy every classified photo into ``out_dir/<label>/`` (never moves the originals).

    Uses ``core.exportgroups.export_groups`` (safe folder names, name clashes, per-file
    sentences) and returns its ``ExportReport``; ``write_tables`` ('csv', 'xlsx') adds its
    tables of the photos with their label and confidence.
    """
    from .exportgroups import export_groups

    rows = [{"path": p.path, "label": p.label, "confidence": round(p.confidence, 6)} for p in result.photos]
    return export_groups(rows, out_dir, path_field="path", group_field="label", mode="copy",
                         write_tables=write_tables, feedback=feedback)
