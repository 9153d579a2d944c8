"""Open-set classification: a calibrated ``unknown`` for photos that fit none of the classes.

A classifier trained on forests, streets and beaches gives every photo one of those classes, a
plate of food included. Here ``train`` also learns, from its own training photos only, how
typical a photo of the known classes is of the training photos, and ``classify`` calls a photo
``unknown`` when it is less typical than nearly all of them.

The score, on the backbone's final features (the first block of the classifier features,
``blocks[0]``; the whole vector when there are no blocks), L2-normalised as in deep
nearest-neighbour out-of-distribution detection (Sun, Ming, Zhu & Li, ICML 2022), depends on how
many photos the smallest known class has (``method='auto'``):

* ``lof`` (every class >= ``LOF_MIN_CLASS`` = 30 photos): the Local Outlier Factor (Breunig,
  Kriegel, Ng & Sander, SIGMOD 2000; scikit-learn's ``LocalOutlierFactor(novelty=True)``) among
  the training photos of the known classes, ``k`` = 20 neighbours. It compares the density around
  a photo with the density around its neighbours: about 1 inside a group of training photos,
  large far from them; being a ratio it adapts to tight classes (forest) and spread ones (street).
  Threshold: scikit-learn's ``contamination``, the ``1 - target_rejection`` quantile of the
  training photos' own LOF, each computed without the photo among its neighbours.
* ``knn`` (smaller classes, where 20 neighbours would span several classes): the distance to
  the ``k``-th (5th) nearest training photo of a class, the smallest over the classes
  (``k_c = min(k, photos of class c)``; scikit-learn's ``NearestNeighbors``). Threshold: the
  ``1 - target_rejection`` quantile of every training photo's distance to the photos of the
  other folds (``folds`` stratified folds).

``expected_rejection`` is measured the same honest way for both: the rule refitted on ``folds``
stratified folds in turn, counting the held-out photos it calls unknown. Default target 3 %:
see "Measured choices (``python -m photo_motifs.bench.openset --compare --small``: EfficientNet-Lite0,
intel_scenes_dev in 5-fold cross-validation x 3 seeds, 40 training photos per class, four
development sources of other photos; macro-F1 with 'unknown' as a class, known:unknown weighted
1,200:1,000). At a 3 % target the mean macro-F1 over the development sources was 0.783 for LOF
(k = 20; known-class accuracy 2.0 points lower than without 'unknown'), 0.763 for the per-class
k-NN distance (k = 5; 1.9 points), LOF with k = 10 or 35 0.763 / 0.780. Of imagenet_sample_motifs
LOF called 85 % unknown, the k-NN distance 83 %, Mahalanobis with a shared Ledoit-Wolf covariance
(Lee et al. 2018) 83 %, energy 34 % and the head's maximum softmax probability 21 %; relative
Mahalanobis, class centroids, k-NN on the multi-level features or ImageNet logits, per-class LOF
and sums of scores (research runs) did no better. With 5-10 training photos per class the k-NN
distance called more other photos unknown than LOF (imagenet 77 % vs 66 % at 5 per class), with
20 about as many, with 40 fewer (geotagged 61 % vs 77 %): hence ``auto``. Known-class accuracy
falls by about 0.6 x the rejection rate; targets of 4 % and more cost 2.6-3.7 points and more.
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
LOF, KNN = "lof", "knn"
METHODS = (LOF, KNN)
DEFAULT_REJECTION = DEFAULT_UNKNOWN_REJECTION  # share of known photos the threshold lets be called unknown
DEFAULT_K = {LOF: 20, KNN: 5}  # LOF: scikit-learn's default neighbours; k-NN: Sun et al.'s small-set choice
LOF_MIN_CLASS = 30  # 'auto' takes LOF when every known class has at least this many photos
CALIBRATION_FOLDS = 5
LIMIT = 1.0  # unknown_score above which a photo is unknown
MAX_REFERENCE = 10000  # reference photos kept (stratified sample beyond it; the ONNX graph holds them:
# 10,000 x 1,280 float32 = 51 MB)
LRD_EPS = 1e-10  # scikit-learn's guard in the local reachability density


def score_dims(blocks, width: int) -> int:
    """How many leading values of the classifier features the score uses (the final features)."""
    return int(blocks[0]) if blocks and len(blocks) > 1 else int(width)


def unit_features(X, dims: int) -> np.ndarray:
    """The first ``dims`` values of every row, L2-normalised (float32)."""
    X = np.asarray(X, dtype=np.float32)
    return l2_normalise(X[:, :dims]).astype(np.float32, copy=False)


def fit_lof(Z: np.ndarray, k: int, target_rejection: float):
    """scikit-learn's novelty LOF on unit rows ``Z`` with ``contamination`` = the target."""
    from sklearn.neighbors import LocalOutlierFactor

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fewer photos than k: it uses n - 1
        return LocalOutlierFactor(n_neighbors=int(k), novelty=True, contamination=float(target_rejection)).fit(Z)


def lof_tables(lof) -> tuple:
    """``(k, k-distance, local reachability density)`` of every training row of a fitted LOF,
    from its public ``kneighbors`` (what ``score_samples`` uses, kept for the ONNX graph)."""
    k = int(lof.n_neighbors_)
    dist, idx = lof.kneighbors(n_neighbors=k)  # the training rows' neighbours, each without itself
    kdist = dist[:, k - 1]
    lrd = 1.0 / (np.maximum(dist, kdist[idx]).mean(axis=1) + LRD_EPS)
    return k, kdist.astype(np.float32), lrd.astype(np.float64)


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
    """A fitted open-set rule: the method, reference photos (with LOF's tables) and the threshold."""

    method: str  # LOF or KNN
    reference: np.ndarray  # [n, dims] unit rows of the known training photos (k-NN: grouped by class)
    ref_classes: np.ndarray  # [n] class index of every reference row (used by k-NN)
    kdist: np.ndarray  # LOF: [n] distance of every reference photo to its k-th nearest other one
    lrd: np.ndarray  # LOF: [n] local reachability density of every reference photo
    classes: list  # the head's classes, in its order
    k: int
    threshold: float  # score above which a photo is unknown
    target_rejection: float
    expected_rejection: float  # share of held-out known photos the rule refitted without them calls unknown
    feature_dims: int
    folds: int
    none_class: str | None = None  # head class meaning "none of these" (its photos are unknown)
    n_none: int = 0  # "none of these" training photos
    held_out: np.ndarray = field(default_factory=lambda: np.zeros(0))  # held-out unknown_score (report)

    def raw(self, X) -> np.ndarray:
        """The score before dividing by the threshold: LOF, or the k-NN distance."""
        X = np.asarray(X, dtype=np.float32)
        if X.ndim != 2 or X.shape[1] < self.feature_dims:
            raise ValueError(f"The 'unknown' calibration expects embeddings with at least {self.feature_dims} "
                             f"values, got shape {X.shape}.")
        if not len(X):
            return np.zeros(0)
        unit = unit_features(X, self.feature_dims)
        if self.method == KNN:
            return class_knn_distance(self.reference, self.ref_classes, unit, self.k)
        from sklearn.neighbors import NearestNeighbors

        dist, idx = NearestNeighbors(n_neighbors=self.k, algorithm="brute").fit(self.reference).kneighbors(unit)
        lrd_x = 1.0 / (np.maximum(dist, self.kdist[idx]).mean(axis=1) + LRD_EPS)
        return self.lrd[idx].mean(axis=1) / lrd_x

    def scores(self, X) -> np.ndarray:
        """``unknown_score`` = score / threshold (above ``LIMIT`` = 1: unknown)."""
        return (self.raw(X) / self.threshold).astype(np.float32)

    def class_k(self) -> list:
        """k-NN: ``[(class index, k_c, first reference row)]`` in reference order (for the ONNX graph)."""
        out, start = [], 0
        for c in np.unique(self.ref_classes):
            n = int(np.sum(self.ref_classes == c))
            out.append((int(c), min(self.k, n), start))
            start += n
        return out

    def info(self) -> dict:
        """The scalars of the calibration (signature.json ``photo_motifs.unknown``, report.json)."""
        return {
            "method": self.method,
            "score": SCORE_TEXT[self.method],
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
                fh, method=np.asarray(self.method), reference=self.reference.astype(np.float32),
                ref_classes=self.ref_classes.astype(np.int64), kdist=self.kdist.astype(np.float32),
                lrd=self.lrd.astype(np.float64), classes=np.asarray(self.classes, dtype=str), k=np.int64(self.k),
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
                method=str(d["method"]), reference=d["reference"], ref_classes=d["ref_classes"], kdist=d["kdist"],
                lrd=d["lrd"], classes=[str(c) for c in d["classes"]],
                k=int(d["k"]), threshold=float(d["threshold"]), target_rejection=float(d["target_rejection"]),
                expected_rejection=float(d["expected_rejection"]), feature_dims=int(d["feature_dims"]),
                folds=int(d["folds"]), none_class=str(d["none_class"]) or None, n_none=int(d["n_none"]),
                held_out=d["held_out"],
            )


SCORE_TEXT = {
    LOF: "unknown_score = local outlier factor among the training photos of the known classes (k neighbours, "
         "L2-normalised final backbone features) / threshold; above 1: unknown",
    KNN: "unknown_score = distance to the k-th nearest training photo of a class (smallest over the classes; "
         "L2-normalised final backbone features) / threshold; above 1: unknown",
}


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


def held_out_scores(Z: np.ndarray, y: np.ndarray, method: str, k: int, target_rejection: float = DEFAULT_REJECTION,
                    folds: int = CALIBRATION_FOLDS, seed: int = 0, groups=None,
                    feedback: CoreFeedback | None = None) -> np.ndarray:
    """Every photo's raw score (LOF: already over its fold's threshold) from the other folds.

    ``Z``: unit rows. k-NN: the distance to the photos of the other folds (its quantile is the
    threshold). LOF: ``unknown_score`` under the rule fitted on the other folds (the share above
    1 is the honest estimate of how many new photos of the known classes it calls unknown).
    """
    feedback = ensure_feedback(feedback)
    out = np.full(len(y), np.nan)
    for train, test in _splits(y, folds, seed, groups):
        feedback.check()
        if method == KNN:
            out[test] = class_knn_distance(Z[train], y[train], Z[test], k)
        elif len(np.unique(Z[train], axis=0)) >= 2:
            lof = fit_lof(np.unique(Z[train], axis=0), k, target_rejection)
            out[test] = lof.score_samples(Z[test]) / lof.offset_  # both negative: LOF / threshold
    return out


def _loosen_to_held_out(threshold: float, held: np.ndarray, target_rejection: float) -> tuple:
    """LOF's threshold is set among the training photos themselves; when a user's near-duplicates
    sit beside each other there, every photo looks typical and the threshold comes out too strict
    for new users' photos. With users (groups) the held-out scores show it, their folds keeping a
    user's photos together: where more than the target of them lie above the threshold, it is
    raised to their (1 - target) quantile. (Without users, twins cannot be told apart from a
    dense class, and the in-sample threshold stands.)"""
    seen = held[np.isfinite(held)]
    if not len(seen):
        return threshold, held
    factor = float(np.quantile(seen, 1.0 - target_rejection))
    if factor <= 1.0:
        return threshold, held
    return threshold * factor, held / factor


def choose_method(y_known: np.ndarray, method: str = "auto") -> str:
    """``auto``: LOF when every known class has at least ``LOF_MIN_CLASS`` photos, else k-NN."""
    if method in METHODS:
        return method
    if method != "auto":
        raise ValueError(f"Unknown 'unknown' method '{method}'; choose auto, {LOF} or {KNN}.")
    counts = np.unique(y_known, return_counts=True)[1]
    return LOF if len(counts) and counts.min() >= LOF_MIN_CLASS else KNN


def fit_unknown(X, y, classes, blocks=None, target_rejection: float = DEFAULT_REJECTION, k: int | None = None,
                folds: int = CALIBRATION_FOLDS, seed: int = 0, groups=None, none_class: str | None = None,
                method: str = "auto", feedback: CoreFeedback | None = None) -> UnknownCalibration:
    """Calibrate the ``unknown`` rule on training embeddings ``X`` with class indices ``y``.

    ``classes`` are the head's classes; photos of ``none_class`` (if given and present) are not
    reference photos. ``method``: 'auto', 'lof' or 'knn'; ``k`` defaults to ``DEFAULT_K[method]``.
    ``groups`` (e.g. photographers) keep a group's photos in one fold. Raises ValueError with a
    sentence for a target outside (0, 0.5] or too few photos.
    """
    if not 0.0 < target_rejection <= 0.5:
        raise ValueError("The share of known photos that may be called 'unknown' must be above 0 and at most 0.5.")
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y)
    none_index = list(classes).index(none_class) if none_class in classes else None
    known = np.flatnonzero(y != none_index) if none_index is not None else np.arange(len(y))
    dims = score_dims(blocks, X.shape[1])
    if len(np.unique(unit_features(X[known], dims), axis=0)) < 3:
        raise ValueError("Calibrating 'unknown' needs at least 3 different photos of the known classes.")
    method = choose_method(y[known], method)
    k = int(k or DEFAULT_K[method])
    if k < 1:
        raise ValueError("k must be at least 1.")
    known = known[_reference_sample(y[known], MAX_REFERENCE, seed)]
    Z, yk = unit_features(X[known], dims), y[known]
    order = np.argsort(yk, kind="stable")  # reference rows grouped by class (the k-NN graph slices them)
    Z, yk = Z[order], yk[order]
    grp = np.asarray(groups)[known][order] if groups is not None else None
    held = held_out_scores(Z, yk, method, k, target_rejection, folds, seed, grp, feedback)
    seen = held[np.isfinite(held)]
    if method == KNN:
        threshold = max(float(np.quantile(seen, 1.0 - target_rejection)), 1e-6) if len(seen) else 2.0
        reference, ref_classes, kdist, lrd = Z, yk.astype(np.int64), np.zeros(0, np.float32), np.zeros(0)
        held = held / threshold
    else:
        reference = np.unique(Z, axis=0)  # a photo given twice adds no density
        lof = fit_lof(reference, k, target_rejection)
        k, kdist, lrd = lof_tables(lof)
        threshold, ref_classes = float(-lof.offset_), np.zeros(len(reference), np.int64)
        if grp is not None:
            threshold, held = _loosen_to_held_out(threshold, held, target_rejection)
    seen = held[np.isfinite(held)]
    return UnknownCalibration(
        method=method, reference=reference, ref_classes=ref_classes, kdist=kdist, lrd=lrd, classes=list(classes),
        k=int(k), threshold=threshold, target_rejection=float(target_rejection),
        expected_rejection=float(np.mean(seen > LIMIT)) if len(seen) else float(target_rejection),
        feature_dims=dims, folds=int(folds), none_class=none_class if none_index is not None else None,
        n_none=int(np.sum(y == none_index)) if none_index is not None else 0, held_out=held.astype(np.float32),
    )


# --------------------------------------------------------------------------- decisions and figures


def is_none_class(name) -> bool:
    """A class meaning "none of these": ``unknown``, or a zero-shot model's ``unknown (<kind>)``
    ('other' entries of ``models/zeroshot_model.py``)."""
    name = str(name)
    return name == UNKNOWN or name.startswith(UNKNOWN + " (")


def unknown_mask(probs: np.ndarray, scores, classes, none_class=None, limit: float = LIMIT,
                 threshold: float = 0.0) -> np.ndarray:
    """Which photos are ``unknown``: score above ``limit``, best class ``none_class`` (with
    ``unknown``: also ``unknown (<kind>)``, :func:`is_none_class`), or best confidence below
    ``threshold``; ``scores`` may be None (no calibration)."""
    probs = np.asarray(probs)
    out = probs.max(axis=1) < threshold if len(probs) else np.zeros(0, dtype=bool)
    if scores is not None:
        out = out | (np.asarray(scores) > limit)
    none = [i for i, c in enumerate(classes) if c == none_class or (none_class == UNKNOWN and is_none_class(c))]
    if none and len(probs):
        out = out | np.isin(probs.argmax(axis=1), none)
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
