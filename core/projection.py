"""2-D maps of photo embeddings for scatter plots (PCA by default, t-SNE on request).

:func:`similarity_map` is what the clustering step draws: the PCA map is read from the
clustering's own reduced vectors when they are the same PCA (normalised vectors, at least two
components), so the covariance of a large collection is computed once, and the full
embeddings need not be in memory.

Both start like the clustering: every vector is L2-normalised, so the map shows cosine
similarity. ``'pca'`` is linear, fast at any size and deterministic (signs fixed). ``'tsne'``
keeps local neighbourhoods and separates motifs better, but it is slow and its distances
between groups mean little; it runs on a 50-dimensional PCA of the vectors, and above
:data:`TSNE_MAX` photos it is fitted on a random sample of that many photos and every other
photo is placed at the mean position of its 5 nearest sampled neighbours (in the PCA-50 space).
"""
from __future__ import annotations

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .options import PROJECTION_NONE, PROJECTION_OPTIONS, values
from .vecmath import l2_normalise, pca

#: t-SNE runs on at most this many photos (the rest are placed next to their neighbours)
TSNE_MAX = 10000
#: t-SNE input dimensions (PCA)
TSNE_PCA_DIMS = 50
#: neighbours used to place photos outside the t-SNE sample
TSNE_NEIGHBOURS = 5

METHODS = tuple(v for v in values(PROJECTION_OPTIONS) if v != PROJECTION_NONE)


def _prepare(X) -> np.ndarray:
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("A 2-D map needs a table of at least two embedding vectors.")
    if not np.isfinite(X).all():
        raise ValueError("Some embeddings contain missing or infinite values; compute them again before mapping.")
    return l2_normalise(X)


def _pca(X: np.ndarray, dims: int, seed: int) -> np.ndarray:
    """PCA scores with deterministic signs (largest loading of each component positive)."""
    return pca(X, min(dims, X.shape[0], X.shape[1]), seed, fixed_signs=True)[0]


def project_2d(X, method: str = "pca", seed: int = 0, feedback: CoreFeedback | None = None) -> np.ndarray:
    """(n, 2) coordinates for a scatter plot of the photos (see the module docstring)."""
    if method not in METHODS:
        raise ValueError(f"Unknown map method '{method}'; choose one of {', '.join(METHODS)}.")
    fb = ensure_feedback(feedback)
    X = _prepare(X)
    n = len(X)
    if method == "pca" or n < 4:
        out = _pca(X, 2, seed)
        if out.shape[1] < 2:
            out = np.column_stack([out, np.zeros(n)])
        fb.progress(100)
        return out
    from sklearn.manifold import TSNE
    from sklearn.neighbors import NearestNeighbors

    Y = _pca(X, TSNE_PCA_DIMS, seed)
    fb.progress(10)
    fb.check()
    rows = np.arange(n)
    if n > TSNE_MAX:
        rows = np.sort(np.random.default_rng(seed).choice(n, TSNE_MAX, replace=False))
    perplexity = float(min(30.0, (len(rows) - 1) / 3.0))
    emb = TSNE(n_components=2, perplexity=perplexity, init="pca", random_state=seed).fit_transform(Y[rows])
    fb.progress(80)
    if len(rows) == n:
        fb.progress(100)
        return emb
    out = np.empty((n, 2))
    out[rows] = emb
    rest = np.setdiff1d(np.arange(n), rows)
    nn = NearestNeighbors(n_neighbors=TSNE_NEIGHBOURS).fit(Y[rows])
    for start in range(0, len(rest), 10000):
        fb.check()
        part = rest[start:start + 10000]
        near = nn.kneighbors(Y[part], return_distance=False)
        out[part] = emb[near].mean(axis=1)
    fb.progress(100)
    return out


def similarity_map(X, method: str = "pca", seed: int = 0, feedback: CoreFeedback | None = None,
                   clustered=None) -> np.ndarray:
    """The 2-D map of a clustering run: :func:`project_2d`, or for ``'pca'`` the first two
    principal components the clustering ``clustered`` (a ``core.cluster.ClusterResult``) already
    computed, when it normalised the vectors and kept at least two components (same rule, same
    signs: each component's largest loading positive). ``X`` may then be None; it may also be a
    row source (``core.embcache.CachedVectors``), read whole only when the map needs it."""
    params = getattr(clustered, "params", None) or {}
    reduced = getattr(clustered, "reduced", None)
    if method == "pca" and reduced is not None and params.get("normalize") and \
            (params.get("pca_dims_used") or 0) >= 2:
        ensure_feedback(feedback).progress(100)
        return np.asarray(reduced[:, :2], dtype=np.float64)
    if X is None:
        raise ValueError("A 2-D map needs the embeddings.")
    if hasattr(X, "rows") and hasattr(X, "shape"):
        X = X.rows(0, X.shape[0])
    return project_2d(X, method=method, seed=seed, feedback=feedback)
