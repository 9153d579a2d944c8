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

A photo whose best confidence is below ``threshold`` gets the class ``unknown``
(:data:`UNKNOWN`) and ``unknown=True``; its best class and confidence stay in ``top``.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .embed import compute_embeddings
from .feedback import ensure_feedback
from .safe_cells import save_csv

UNKNOWN = "unknown"


@dataclass
class ClassifiedPhoto:
    index: int  # position in the input list
    path: str
    label: str  # best class, or UNKNOWN below the threshold
    confidence: float  # confidence of the best class
    top: list  # [(class, confidence)], most confident first, top_k long
    unknown: bool = False


@dataclass
class ClassifyResult:
    classes: list
    photos: list  # ClassifiedPhoto, input order
    failed: list = field(default_factory=list)  # (index, path, code, sentence)
    probs: np.ndarray | None = None  # [len(photos), n_classes]
    threshold: float = 0.0
    seconds: float = 0.0

    def counts(self) -> dict:
        """Photos per assigned label (classes in model order, then 'unknown' if any)."""
        out = {c: 0 for c in self.classes}
        for p in self.photos:
            out[p.label] = out.get(p.label, 0) + 1
        return out


def _rows(probs: np.ndarray, classes: list, indices, paths, top_k: int, threshold: float) -> list:
    k = max(1, min(int(top_k), len(classes)))
    order = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    photos = []
    for r, (i, path) in enumerate(zip(indices, paths)):
        top = [(classes[j], float(probs[r, j])) for j in order[r]]
        unknown = top[0][1] < threshold
        photos.append(ClassifiedPhoto(
            index=int(i), path=str(path), label=UNKNOWN if unknown else top[0][0],
            confidence=top[0][1], top=top, unknown=unknown,
        ))
    return photos


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
    """The classifier as the ``backbone`` of compute_embeddings (one inference thread per call)."""

    def __init__(self, model):
        self.model = model

    def run(self, batch: np.ndarray) -> np.ndarray:
        return self.model.predict(batch, threads=1)


def classify_paths(paths, model, batch_size: int = 32, workers: int | None = None, top_k: int = 3,
                   threshold: float = 0.0, feedback=None) -> ClassifyResult:
    """Classify photo files with ``model`` (a ``core.lobe.LoadedClassifier`` or a model path)."""
    if isinstance(model, (str, os.PathLike)):
        from .lobe import load_model

        model = load_model(model)
    t0 = time.perf_counter()
    feedback = ensure_feedback(feedback)
    paths = [os.fspath(p) for p in paths]
    spec = _PreprocessSpec(model)
    emb = compute_embeddings(
        paths, spec, cache=None, photo_ids=paths, batch_size=batch_size, workers=workers,
        feedback=feedback, backbone=_Runner(model),
    )
    probs = emb.matrix if emb.rows else np.zeros((0, len(model.classes)), dtype=np.float32)
    photos = _rows(probs, model.classes, emb.rows, [paths[i] for i in emb.rows], top_k, threshold)
    return ClassifyResult(
        classes=list(model.classes), photos=photos, failed=list(emb.failed), probs=probs,
        threshold=float(threshold), seconds=time.perf_counter() - t0,
    )


def classify_embeddings(X, head, paths=None, top_k: int = 3, threshold: float = 0.0) -> ClassifyResult:
    """Classify embeddings ``X`` [N, D] with our head (``HeadParams`` or a model folder).

    The embeddings must be the features the model was trained on (the model folder's
    ``backbone_cache_key``; for the built-in EfficientNets the multi-level features
    ``efficientnet_lite0@1+multi``, whose spec ``models.registry.spec_for_cache_key`` gives);
    ``paths`` (optional) name the photos in the result.
    """
    t0 = time.perf_counter()
    if isinstance(head, (str, os.PathLike)):
        from .lobe import load_model

        loaded = load_model(head)
        head = loaded.head()
        if head is None:
            raise ValueError(f"{loaded.name} is not a Photo Motifs model; classify the photos instead.")
    X = np.asarray(X, dtype=np.float32)
    probs = head.predict_proba(X) if len(X) else np.zeros((0, len(head.classes)), np.float32)
    paths = [os.fspath(p) for p in paths] if paths is not None else [""] * len(X)
    if len(paths) != len(X):
        raise ValueError(f"Got {len(paths)} paths for {len(X)} embeddings.")
    photos = _rows(probs, head.classes, range(len(X)), paths, top_k, threshold)
    return ClassifyResult(
        classes=list(head.classes), photos=photos, probs=probs, threshold=float(threshold),
        seconds=time.perf_counter() - t0,
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
    return save_csv(path, ["File", "Label", "Confidence"], (r[1:] for r in rows))


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
