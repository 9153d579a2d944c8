"""Open-set classification: a calibrated ``unknown`` for photos that fit none of the classes.

A classifier trained on forests, streets and beaches gives every photo one of those classes, a
plate of food included. Here ``train`` also learns, from its own training photos only, how far a
photo of a known class usually lies from the training photos, and ``classify`` calls a photo
``unknown`` when it lies farther than that.

The score (deep nearest neighbours, Sun, Ming, Zhu & Li, ICML 2022): the backbone's final
features (the first block of the classifier features, ``blocks[0]``; the whole vector when there
are no blocks) are L2-normalised, and a photo's distance is the Euclidean distance (between unit
vectors: ``sqrt(2 - 2 cos)``) to its ``k``-th nearest training photo **of the same class**, the
smallest over the classes (``k_c = min(k, photos of class c)``, so a class of 3 photos is not
punished for being small). scikit-learn's ``NearestNeighbors`` does the search.

The threshold: the training photos are split into ``folds`` stratified folds; every photo's
distance is measured to the photos of the *other* folds (held out, as a new photo would be),
and the threshold is the ``1 - target_rejection`` quantile of those held-out distances. So, by
construction, about ``target_rejection`` of new photos of the known classes are called unknown
(the false-rejection rate, default 3 %: measured on the shared Intel scenes, known-class
accuracy falls by about 0.6 x the rejection rate; see ``bench/openset.py``). The final
reference set holds all training photos (slightly denser than in the folds), so the realised
rate is at most about the target.

``unknown_score`` = distance / threshold: above 1 (``LIMIT``) a photo is ``unknown``; 0.5 is
half as far as the threshold, 2 twice as far. The same score is computed by the exported ONNX
graph (output ``UnknownScore``, ``models/classifier_export.py``) and by :meth:`UnknownCalibration.scores`
on cached embeddings.

"None of these" photos (a class named ``unknown``, a label the user names, or a folder of
examples) are a class of the head, never reference photos: photos the head gives that class are
``unknown`` too (``none_class``).

Measured choices (``bench/openset.py``; Lite0 features, intel_scenes_dev against four other
photo sources): this k-NN distance beat the head's maximum softmax probability, energy and
max-logit, Mahalanobis distance with a shared covariance (PCA or full, Ledoit-Wolf or fixed
shrinkage), relative Mahalanobis, LOF, class-centroid distances and k-NN on the multi-level
features or on ImageNet logits, or matched them within 0.01 of rejection.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .options import DEFAULT_UNKNOWN_REJECTION
from .vecmath import l2_normalise

UNKNOWN = "unknown"  # the class value of photos that fit none of the classes
METHOD = "knn"
DEFAULT_REJECTION = DEFAULT_UNKNOWN_REJECTION  # share of known photos the threshold lets be called unknown
DEFAULT_K = 5
CALIBRATION_FOLDS = 5
LIMIT = 1.0  # unknown_score above which a photo is unknown
MAX_REFERENCE = 20000  # reference photos kept (stratified sample beyond it; the ONNX graph holds them)
MIN_THRESHOLD = 1e-6


def score_dims(blocks, width: int) -> int:
    """How many leading values of the classifier features the score uses (the final features)."""
    return int(blocks[0]) if blocks and len(blocks) > 1 else int(width)


def unit_features(X, dims: int) -> np.ndarray:
    """The first ``dims`` values of every row, L2-normalised (float32)."""
    X = np.asarray(X, dtype=np.float32)
    return l2_normalise(X[:, :dims]).astype(np.float32, copy=False)


def class_knn_distance(reference, ref_classes, queries, k: int) -> np.ndarray:
    """Smallest over the classes of the distance to the ``min(k, n_c)``-th nearest photo of class c.

    ``reference`` and ``queries`` are unit rows; ``ref_classes`` the class index of every
    reference row. Returns one distance per query (inf when there is no reference at all).
    """
    from sklearn.neighbors import NearestNeighbors

    queries = np.asarray(queries, dtype=np.float32)
    best = np.full(len(queries), np.inf)
    if not len(queries):
        return best
    for c in np.unique(ref_classes):
        rows = reference[ref_classes == c]
        kc = min(int(k), len(rows))
        dist = NearestNeighbors(n_neighbors=kc, algorithm="brute").fit(rows).kneighbors(queries)[0]
        best = np.minimum(best, dist[:, kc - 1])
    return best


@dataclass
class UnknownCalibration:
    """A fitted open-set rule: reference photos, k and the threshold (see the module docstring)."""

    reference: np.ndarray  # [n, dims] unit rows of the known training photos
    ref_classes: np.ndarray  # [n] class index (into ``classes``) of every reference row
    classes: list  # the head's classes, in its order
    k: int
    threshold: float
    target_rejection: float
    expected_rejection: float  # share of held-out known photos beyond the threshold
    feature_dims: int
    folds: int
    none_class: str | None = None  # head class meaning "none of these" (its photos are unknown)
    n_none: int = 0  # "none of these" training photos
    held_out: np.ndarray = field(default_factory=lambda: np.zeros(0))  # held-out distances (report)

    def distances(self, X) -> np.ndarray:
        """k-NN distance of embeddings ``X`` (the classifier features) to the reference photos."""
        X = np.asarray(X, dtype=np.float32)
        if X.ndim != 2 or X.shape[1] < self.feature_dims:
            raise ValueError(f"The 'unknown' calibration expects embeddings with at least {self.feature_dims} "
                             f"values, got shape {X.shape}.")
        return class_knn_distance(self.reference, self.ref_classes, unit_features(X, self.feature_dims), self.k)

    def scores(self, X) -> np.ndarray:
        """``unknown_score`` = distance / threshold (above ``LIMIT`` = 1: unknown)."""
        return (self.distances(X) / self.threshold).astype(np.float32)

    def class_k(self) -> list:
        """``[(class index, k_c, first reference row)]`` in reference order (for the ONNX graph)."""
        out, start = [], 0
        for c in np.unique(self.ref_classes):
            n = int(np.sum(self.ref_classes == c))
            out.append((int(c), min(self.k, n), start))
            start += n
        return out

    def info(self) -> dict:
        """The scalars of the calibration (signature.json ``photo_motifs.unknown``, report.json)."""
        return {
            "method": METHOD,
            "score": "unknown_score = distance to the k-th nearest training photo of a class "
                     "(smallest over the classes; L2-normalised final backbone features) / threshold",
            "k": int(self.k),
            "threshold": float(self.threshold),
            "limit": LIMIT,
            "target_rejection": float(self.target_rejection),
            "expected_rejection": float(self.expected_rejection),
            "calibration_folds": int(self.folds),
            "feature_dims": int(self.feature_dims),
            "reference_photos": int(len(self.reference)),
            "none_class": self.none_class,
            "none_photos": int(self.n_none),
        }

    def save(self, path) -> Path:
        """``unknown.npz``: numpy arrays only (loadable with ``allow_pickle=False``)."""
        path = Path(path)
        with open(path, "wb") as fh:
            np.savez(
                fh, reference=self.reference.astype(np.float32), ref_classes=self.ref_classes.astype(np.int64),
                classes=np.asarray(self.classes, dtype=str), k=np.int64(self.k),
                threshold=np.float64(self.threshold), target_rejection=np.float64(self.target_rejection),
                expected_rejection=np.float64(self.expected_rejection), feature_dims=np.int64(self.feature_dims),
                folds=np.int64(self.folds), none_class=np.asarray(self.none_class or ""),
                n_none=np.int64(self.n_none), held_out=np.asarray(self.held_out, dtype=np.float32),
            )
        return path

    @classmethod
    def load(cls, path) -> "UnknownCalibration":
        with np.load(Path(path), allow_pickle=False) as d:
            return cls(
                reference=d["reference"], ref_classes=d["ref_classes"], classes=[str(c) for c in d["classes"]],
                k=int(d["k"]), threshold=float(d["threshold"]), target_rejection=float(d["target_rejection"]),
                expected_rejection=float(d["expected_rejection"]), feature_dims=int(d["feature_dims"]),
                folds=int(d["folds"]), none_class=str(d["none_class"]) or None, n_none=int(d["n_none"]),
                held_out=d["held_out"],
            )


def _reference_sample(y: np.ndarray, limit: int, seed: int) -> np.ndarray:
    """Indices of at most ``limit`` photos, every class keeping its share (at least one photo)."""
    if len(y) <= limit:
        return np.arange(len(y))
    rng = np.random.default_rng(seed)
    keep = []
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        n = max(1, int(round(limit * len(idx) / len(y))))
        keep.append(rng.choice(idx, size=min(n, len(idx)), replace=False))
    return np.sort(np.concatenate(keep))


def _splits(y: np.ndarray, folds: int, seed: int, groups=None) -> list:
    """Stratified folds (by group when ``groups`` are given, so one user's bursts stay together)."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    folds = max(2, min(int(folds), len(y)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class smaller than the fold count
        if groups is not None:
            groups = np.asarray(groups)
            folds = max(2, min(folds, len(np.unique(groups))))
            splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
            return list(splitter.split(np.zeros(len(y)), y, groups))
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        return list(splitter.split(np.zeros(len(y)), y))


def held_out_distances(Z: np.ndarray, y: np.ndarray, k: int = DEFAULT_K, folds: int = CALIBRATION_FOLDS,
                       seed: int = 0, groups=None, feedback: CoreFeedback | None = None) -> np.ndarray:
    """Every photo's k-NN distance to the photos of the other folds (``Z``: unit rows)."""
    feedback = ensure_feedback(feedback)
    out = np.full(len(y), np.inf)
    for train, test in _splits(y, folds, seed, groups):
        feedback.check()
        out[test] = class_knn_distance(Z[train], y[train], Z[test], k)
    return out


def fit_unknown(X, y, classes, blocks=None, target_rejection: float = DEFAULT_REJECTION, k: int = DEFAULT_K,
                folds: int = CALIBRATION_FOLDS, seed: int = 0, groups=None, none_class: str | None = None,
                feedback: CoreFeedback | None = None) -> UnknownCalibration:
    """Calibrate the ``unknown`` threshold on training embeddings ``X`` with class indices ``y``.

    ``classes`` are the head's classes; photos of ``none_class`` (if given and present) are not
    reference photos. ``groups`` (e.g. photographers) keep a group's photos in one fold.
    Raises ValueError with a sentence for a target outside (0, 0.5] or no known photo.
    """
    if not 0.0 < target_rejection <= 0.5:
        raise ValueError("The share of known photos that may be called 'unknown' must be above 0 and at most 0.5.")
    if k < 1:
        raise ValueError("k must be at least 1.")
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y)
    none_index = list(classes).index(none_class) if none_class in classes else None
    known = np.flatnonzero(y != none_index) if none_index is not None else np.arange(len(y))
    if len(known) < 2:
        raise ValueError("Calibrating 'unknown' needs at least 2 photos of the known classes.")
    known = known[_reference_sample(y[known], MAX_REFERENCE, seed)]
    dims = score_dims(blocks, X.shape[1])
    Z, yk = unit_features(X[known], dims), y[known]
    order = np.argsort(yk, kind="stable")  # reference rows grouped by class (the ONNX graph slices them)
    Z, yk = Z[order], yk[order]
    grp = np.asarray(groups)[known][order] if groups is not None else None
    held = held_out_distances(Z, yk, k, folds, seed, grp, feedback)
    finite = held[np.isfinite(held)]
    threshold = float(np.quantile(finite, 1.0 - target_rejection)) if len(finite) else 2.0
    threshold = max(threshold, MIN_THRESHOLD)
    return UnknownCalibration(
        reference=Z, ref_classes=yk.astype(np.int64), classes=list(classes), k=int(k), threshold=threshold,
        target_rejection=float(target_rejection), expected_rejection=float(np.mean(held > threshold)),
        feature_dims=dims, folds=int(folds), none_class=none_class if none_index is not None else None,
        n_none=int(np.sum(y == none_index)) if none_index is not None else 0,
        held_out=held.astype(np.float32),
    )


# --------------------------------------------------------------------------- decisions and figures


def unknown_mask(probs: np.ndarray, scores, classes, none_class=None, limit: float = LIMIT,
                 threshold: float = 0.0) -> np.ndarray:
    """Which photos are ``unknown``: score above ``limit``, best class ``none_class``, or
    best confidence below ``threshold``; ``scores`` may be None (no calibration)."""
    probs = np.asarray(probs)
    out = probs.max(axis=1) < threshold if len(probs) else np.zeros(0, dtype=bool)
    if scores is not None:
        out = out | (np.asarray(scores) > limit)
    if none_class is not None and none_class in classes:
        out = out | (probs.argmax(axis=1) == list(classes).index(none_class))
    return out


def open_set_figures(probs: np.ndarray, scores: np.ndarray, y_true: np.ndarray, classes,
                     none_class=None, limit: float = LIMIT) -> dict:
    """Hold-out figures: known-class accuracy without and with ``unknown``, shares called unknown.

    Known photos called ``unknown`` count as wrong; the closed-set accuracy takes the best of the
    known classes only (the head without any ``unknown``).
    """
    probs = np.asarray(probs)
    y_true = np.asarray(y_true)
    none_index = list(classes).index(none_class) if none_class in classes else None
    known = y_true != none_index if none_index is not None else np.ones(len(y_true), dtype=bool)
    masked = probs.copy()
    if none_index is not None:
        masked[:, none_index] = -np.inf
    closed = masked.argmax(axis=1) if len(probs) else np.zeros(0, dtype=np.int64)
    unknown = unknown_mask(probs, scores, classes, none_class, limit)
    n_known = int(known.sum())
    out = {
        "n_known": n_known,
        "closed_set_accuracy": float(np.mean(closed[known] == y_true[known])) if n_known else None,
        "open_set_accuracy": float(np.mean((closed[known] == y_true[known]) & ~unknown[known])) if n_known else None,
        "known_rejected": float(np.mean(unknown[known])) if n_known else None,
        "n_none": int((~known).sum()),
        "none_rejected": float(np.mean(unknown[~known])) if (~known).any() else None,
    }
    return out
