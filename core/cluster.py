"""Clustering photo embeddings into motifs.

:func:`cluster_embeddings` runs one reproducible pipeline and records every step it took in
:class:`ClusterResult` (``params`` and ``notes``):

1. **Checks** — a 2-D matrix of finite numbers with at least two rows; bad input raises
   ``ValueError`` with a sentence.
2. **L2 normalisation** (``normalize``) — every vector scaled to length 1, so that photo
   brightness/contrast (which scales pooled features) does not separate motifs.
3. **PCA** (``pca_dims``, default 64) — projection onto the leading principal components
   (fitted on at most :data:`PCA_FIT_SAMPLE` photos). PCA *centres* the vectors, and that is
   what rescues cosine distance: ReLU6-pooled features are all non-negative, so every photo
   shares one large mean direction, cosine similarities are all high and average linkage
   chains them into one giant cluster plus singletons (what Orange's default does). Measured
   from the centre, cosine compares how photos *differ* from the typical photo. PCA also drops
   noise dimensions and makes large inputs cheap. Whitening hurts, so the components keep their
   variances. Steps 1-3 run chunk by chunk (:data:`CHUNK` photos), so the input may also be a
   matrix that is never held whole (:class:`~.embcache.CachedVectors` reads rows from the cache):
   a million 1280-d embeddings (5 GB) become a 256 MB table of 64 components.
4. **Clustering** — ``hierarchical`` (SciPy linkage; exact up to ``max_dense`` photos, above that
   the same linkage on ``n_centroids`` k-means micro-clusters weighted by their photo counts, with
   no photo-by-photo matrix), ``kmeans`` or ``hdbscan`` (density-based, with a ``noise`` label).
5. **Cut** — a fixed ``k``; Orange's height-ratio rule; or ``auto``: the elbow (Kneedle rule,
   :func:`elbow`) over ``k_min..k_max`` of the merge heights (hierarchical) or of the k-means
   within-cluster sum of squares. The curve is returned as ``k_curve``.
6. **Naming** — clusters are numbered by size, largest first (``C1``, ``C2``, ...); within each
   cluster every photo gets its distance to the cluster's medoid and a rank (1 = the medoid).

Every step reports its progress and, during long steps, a log line at least every
:data:`LOG_EVERY` seconds (:class:`~.feedback.Ticker`).

Defaults (hierarchical, cosine, average linkage, L2 + PCA-64, automatic k) were chosen on real
EfficientNet-Lite0 embeddings of labelled photos: ``bench/cluster_quality.py`` prints NMI/ARI
and the chosen k for every method (figures in the README). The merge-height elbow is used for
the automatic k rather than the silhouette, which merged similar scenes on some sets and kept
growing towards ``k_max`` on others.

Why exact up to 8,000 photos and micro-clusters above (``bench/cluster_qgis.py``, 2 cores): the
exact linkage needs SciPy's float64 distance matrix and its working copy, 16 n² bytes (1.0 GB
at 8,000 photos, 6.4 GB at 20,000) and time growing with n² (6 s at 8,000, 45 s at 20,000);
the micro-cluster path grows linearly (about 9 s at 20,000, 0.4 GB) and, on 8,000-photo
subsets of real photos, agrees with the exact tree on the classes as well as the exact tree
does (NMI 0.716 against 0.718 on average, ARI 0.92 to the exact partition at the same k).
Micro-clusters start from random photos (density-proportional; k-means++ seeding took 12 s
for 2,048 centres and gave no better NMI) and are refined by a few passes of mini-batch
k-means (:data:`MICRO_PASSES`, fewer on very large inputs: :data:`MICRO_STEPS`).

Orange parity: with ``normalize=False``, ``pca_dims=None``, ``cut='k'`` and at most ``max_dense``
photos, the partition equals ``scipy.cluster.hierarchy.linkage(X, linkage, metric)`` followed by
``fcluster(Z, k, 'maxclust')``; ``cut='height_ratio'`` equals
``fcluster(Z, height_ratio * Z[:, 2].max(), 'distance')``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .feedback import CoreFeedback, Ticker, ensure_feedback
from .messages import msg
from .options import CLUSTER_METHOD_OPTIONS, CUT_OPTIONS, LINKAGE_OPTIONS, METRIC_OPTIONS, values
from .vecmath import fit_pca, l2_normalise, matmul

METHODS = values(CLUSTER_METHOD_OPTIONS)
METRICS = values(METRIC_OPTIONS)
LINKAGES = values(LINKAGE_OPTIONS)
CUTS = values(CUT_OPTIONS)

#: the automatic choice of k considers at most n / MIN_MEAN_SIZE clusters
MIN_MEAN_SIZE = 4
#: PCA is fitted on at most this many photos (then applied to all of them)
PCA_FIT_SAMPLE = 20000
PCA_READ_CHUNK = 4096  # rows read from the cache and normalised at a time for the PCA's fit
#: clusters larger than this get an approximate medoid (see :func:`_medoid`)
MEDOID_EXACT_MAX = 2000
#: ... chosen among this many members closest to the cluster mean
MEDOID_CANDIDATES = 64
#: with more photos than this, k-means for ``cut='auto'`` tries each k on a sample of this size
KMEANS_AUTO_SAMPLE = 20000
#: with more photos than this, HDBSCAN runs on a random sample of this size
HDBSCAN_MAX = 20000
#: embeddings are checked, normalised and projected this many photos at a time
CHUNK = 20000
#: photos per mini-batch k-means step of the micro-clusters
MICRO_BATCH = 4096
#: passes over the photos refining the micro-clusters ...
MICRO_PASSES = 3
#: ... unless that is more than this many mini-batch steps (then fewer passes, at least one)
MICRO_STEPS = 60
#: seconds between two log lines within a long step
LOG_EVERY = 3.0


@dataclass
class ClusterParams:
    """Everything that decides a clustering; :meth:`validate` explains invalid combinations."""

    method: str = "hierarchical"  # 'hierarchical' | 'kmeans' | 'hdbscan'
    metric: str = "cosine"  # 'euclidean' | 'cosine'
    normalize: bool = True  # L2-normalise vectors first
    linkage: str = "average"  # 'ward' | 'average' | 'complete' | 'single'
    cut: str = "auto"  # 'k' | 'height_ratio' | 'auto'
    k: int = 8
    height_ratio: float = 0.75  # Orange's rule: cut at this fraction of the max merge height
    k_min: int = 2
    k_max: int = 30  # range searched by cut='auto'
    min_cluster_size: int = 5  # hdbscan
    pca_dims: int | None = 64  # None = no PCA
    seed: int = 0
    max_dense: int = 8000  # above this many photos no n x n matrix: micro-clusters (see the module notes)
    n_centroids: int = 2048  # k-means micro-clusters used above max_dense (hierarchical)
    n_init: int = 4  # k-means restarts

    def validate(self) -> None:
        """Raise ``ValueError`` with a sentence when the combination cannot work."""
        if self.method not in METHODS:
            raise ValueError(f"Unknown clustering method '{self.method}'; choose one of {', '.join(METHODS)}.")
        if self.metric not in METRICS:
            raise ValueError(f"Unknown distance '{self.metric}'; choose one of {', '.join(METRICS)}.")
        if self.linkage not in LINKAGES:
            raise ValueError(f"Unknown linkage '{self.linkage}'; choose one of {', '.join(LINKAGES)}.")
        if self.cut not in CUTS:
            raise ValueError(f"Unknown cut '{self.cut}'; choose one of {', '.join(CUTS)}.")
        if self.method == "hierarchical" and self.linkage == "ward" and self.metric != "euclidean":
            raise ValueError(
                "Ward linkage needs Euclidean distances; choose Euclidean distance (optionally with "
                "L2 normalisation, which makes it equivalent to cosine ordering) or another linkage."
            )
        if self.method == "kmeans" and self.metric != "euclidean":
            raise ValueError(
                "k-means works with Euclidean distances; choose Euclidean distance (with L2 "
                "normalisation for cosine-like clusters) or hierarchical clustering."
            )
        if self.method == "kmeans" and self.cut == "height_ratio":
            raise ValueError("The height-ratio cut needs hierarchical clustering; "
                             "choose a number of clusters or 'auto' for k-means.")
        if int(self.k) < 1:
            raise ValueError(f"The number of clusters must be at least 1 (got {self.k}).")
        if not 0.0 < float(self.height_ratio) <= 1.0:
            raise ValueError(f"The height ratio must be between 0 and 1 (got {self.height_ratio}).")
        if int(self.k_min) < 2 or int(self.k_max) < int(self.k_min):
            raise ValueError(
                f"The automatic range of clusters needs 2 <= minimum <= maximum (got {self.k_min}-{self.k_max})."
            )
        if int(self.min_cluster_size) < 2:
            raise ValueError(f"The minimum cluster size must be at least 2 (got {self.min_cluster_size}).")
        if self.pca_dims is not None and int(self.pca_dims) < 1:
            raise ValueError(f"The number of PCA dimensions must be at least 1, or none (got {self.pca_dims}).")
        if int(self.max_dense) < 10:
            raise ValueError(f"The largest exact clustering must allow at least 10 photos (got {self.max_dense}).")
        if int(self.n_centroids) < 2:
            raise ValueError(f"The number of micro-clusters must be at least 2 (got {self.n_centroids}).")
        if int(self.n_init) < 1:
            raise ValueError(f"k-means needs at least one initialisation (got {self.n_init}).")


@dataclass
class ClusterResult:
    """One clustering: per-photo labels and ranks, plus everything needed to reproduce it.

    ``label_index[i] == j`` means photo i is in cluster ``labels[i] == f"C{j + 1}"``; ``-1`` is
    HDBSCAN noise (label ``'noise'``, rank 0, distance NaN). ``C1`` is the largest cluster.
    ``reduced`` holds the vectors after normalisation and PCA (what distances were measured on).
    """

    labels: list
    label_index: np.ndarray
    sizes: dict
    rank: np.ndarray
    dist_to_medoid: np.ndarray
    is_medoid: np.ndarray
    k: int
    k_curve: list = field(default_factory=list)
    criterion: str = ""
    notes: list = field(default_factory=list)
    params: dict = field(default_factory=dict)
    linkage_matrix: np.ndarray | None = None
    reduced: np.ndarray | None = None  # the normalised, PCA-reduced vectors that were clustered


# ----------------------------------------------------------------------------------------------
# preprocessing: checks, L2 normalisation and PCA, chunk by chunk


class _ArrayRows:
    """An in-memory matrix seen through the row-source interface of :class:`~.embcache.CachedVectors`."""

    def __init__(self, X: np.ndarray):
        self.X = X
        self.shape = X.shape

    def rows(self, start: int, stop: int) -> np.ndarray:
        return self.X[start:stop]

    def take(self, index) -> np.ndarray:
        return self.X[index]


def _row_source(X):
    """``X`` itself when it reads rows on demand (``rows``/``take``/``shape``), else a checked array."""
    if hasattr(X, "rows") and hasattr(X, "take") and hasattr(X, "shape"):
        n, d = X.shape
        if n < 2:
            raise ValueError(f"Clustering needs at least two photos (got {n}).")
        return X
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"Embeddings must be a table of one vector per photo (got an array with {X.ndim} dimensions).")
    if X.shape[0] < 2:
        raise ValueError(f"Clustering needs at least two photos (got {X.shape[0]}).")
    if X.shape[1] < 1:
        raise ValueError("The embeddings have no columns.")
    if not np.issubdtype(X.dtype, np.number):
        raise ValueError("Embeddings must be numbers.")
    _raise_bad_rows(np.flatnonzero(~np.isfinite(X).all(axis=1)))
    return _ArrayRows(X)


def _raise_bad_rows(bad) -> None:
    if len(bad):
        rows = ", ".join(str(i + 1) for i in bad[:5])
        more = " ..." if len(bad) > 5 else ""
        raise ValueError(
            f"{len(bad)} photos have missing or infinite embedding values (rows {rows}{more}); "
            "remove them or compute their embeddings again."
        )


def _normalised(chunk, dtype, normalize: bool) -> np.ndarray:
    out = np.array(chunk, dtype=dtype)
    return l2_normalise(out) if normalize else out


def _prepare(X, p: ClusterParams, fb: CoreFeedback, notes: list, used: dict) -> np.ndarray:
    """The vectors to cluster: checked, L2-normalised and PCA-reduced, chunk by chunk.

    float64 up to ``max_dense`` photos (the exact path, as SciPy computes), float32 above (a
    million photos x 64 components is 256 MB).
    """
    src = _row_source(X)
    n, d = src.shape
    dtype = np.float64 if n <= p.max_dense else np.float32
    dims = None if p.pca_dims is None else int(p.pca_dims)
    used["pca_dims_used"] = None
    if dims is not None and dims >= min(n, d):
        notes.append(msg("cluster_pca_skipped", dims, min(n, d)))
        dims = None
    model, fitted = _fit_pca(src, dims, p, fb, notes, used) if dims is not None else (None, None)
    Y = np.empty((n, dims or d), dtype=dtype)
    bad = []
    tick = Ticker(fb.sub(30 if model is not None else 0, 100), msg("tick_reduce"), n,
                  every=LOG_EVERY)
    for start in range(0, n, CHUNK):
        tick(start)
        if fitted is not None:  # the PCA was fitted on every row: checked and normalised already
            Y[start:start + CHUNK] = model.transform(fitted[start:start + CHUNK])
            continue
        chunk = np.asarray(src.rows(start, min(n, start + CHUNK)))
        bad.extend(start + np.flatnonzero(~np.isfinite(chunk).all(axis=1)))
        if bad:
            continue
        chunk = _normalised(chunk, dtype, p.normalize)
        Y[start:start + len(chunk)] = model.transform(chunk) if model is not None else chunk
    _raise_bad_rows(np.asarray(bad, dtype=np.int64))
    return Y


def _fit_pca(src, dims: int, p: ClusterParams, fb: CoreFeedback, notes: list, used: dict) -> tuple:
    """A PCA (:func:`~.vecmath.fit_pca`) fitted on the normalised vectors of at most PCA_FIT_SAMPLE
    photos, and those vectors when they are all the photos (else None): not read twice."""
    n, d = src.shape
    sampled = n > PCA_FIT_SAMPLE
    fb.info(msg("cluster_pca", n, d, dims))
    rows = np.sort(np.random.default_rng(int(p.seed)).choice(n, PCA_FIT_SAMPLE, replace=False)) if sampled \
        else np.arange(n)
    # reading and normalising the vectors take as long as their covariance: a log line every few
    # seconds over both (the count runs over the rows twice: read, then added to the covariance)
    tick = Ticker(fb.sub(0, 25), msg("tick_covariance"), 2 * len(rows), every=LOG_EVERY)
    fit = np.empty((len(rows), d), dtype=np.float64 if n <= p.max_dense else np.float32)
    bad = []
    for start in range(0, len(rows), PCA_READ_CHUNK):
        tick(start)
        part = rows[start:start + PCA_READ_CHUNK]
        chunk = np.asarray(src.take(part) if sampled else src.rows(int(part[0]), int(part[-1]) + 1))
        bad.extend(part[~np.isfinite(chunk).all(axis=1)])
        if not bad:
            fit[start:start + len(part)] = _normalised(chunk, fit.dtype, p.normalize)
    _raise_bad_rows(np.asarray(bad, dtype=np.int64))
    # the d x d covariance route is the fastest for photo embeddings (n >> d, d ~ 1000)
    solver = "covariance_eigh" if d <= 4096 else "randomized"
    model = fit_pca(fit, dims, int(p.seed), svd_solver=solver, progress=lambda done: tick(len(rows) + done))
    tick(2 * len(rows))  # the eigenvectors took their time too: a line if 3 s have passed
    fb.progress(30)
    explained = float(model.explained_variance_ratio_.sum())
    used["pca_dims_used"] = dims
    used["pca_explained_variance"] = round(explained, 4)
    kept = f"{explained:.0%}"
    notes.append(msg("cluster_pca_kept_sampled", d, dims, kept, PCA_FIT_SAMPLE) if sampled
                 else msg("cluster_pca_kept", d, dims, kept))
    return model, (None if sampled else fit)


# ----------------------------------------------------------------------------------------------
# distances and criteria


def _pairwise(A: np.ndarray, B: np.ndarray, metric: str) -> np.ndarray:
    """Dense distance block between rows of A and rows of B (float64)."""
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    if metric == "cosine":
        na = np.linalg.norm(A, axis=1)
        nb = np.linalg.norm(B, axis=1)
        D = 1.0 - matmul(A, np.ascontiguousarray(B.T)) / np.outer(na, nb)
        return np.clip(D, 0.0, 2.0)
    D = np.einsum("ij,ij->i", A, A)[:, None] + np.einsum("ij,ij->i", B, B)[None, :] - 2.0 * matmul(
        A, np.ascontiguousarray(B.T))
    np.maximum(D, 0.0, out=D)
    return np.sqrt(D, out=D)


def _condensed(Y: np.ndarray, metric: str, fb: CoreFeedback) -> np.ndarray:
    """SciPy's condensed distance vector (``pdist`` order), computed in row blocks with BLAS.

    About twice as fast as ``pdist`` for 64-d vectors; agrees with it to ~1e-13.
    """
    n = len(Y)
    Y = np.asarray(Y, dtype=np.float64)
    if metric == "cosine":
        Y = Y / np.linalg.norm(Y, axis=1, keepdims=True)
    else:
        sq = np.einsum("ij,ij->i", Y, Y)
    out = np.empty(n * (n - 1) // 2)
    pos = 0
    block = 1024
    for start in range(0, n, block):
        fb.check()
        fb.progress(100.0 * (1.0 - ((n - start) / n) ** 2))
        end = min(n, start + block)
        D = matmul(Y[start:end], np.ascontiguousarray(Y[start:].T))
        if metric == "cosine":
            np.subtract(1.0, D, out=D)
            np.maximum(D, 0.0, out=D)
        else:
            D *= -2.0
            D += sq[start:end, None]
            D += sq[None, start:]
            np.maximum(D, 0.0, out=D)
            np.sqrt(D, out=D)
        for i in range(end - start):
            row = D[i, i + 1:]
            out[pos:pos + len(row)] = row
            pos += len(row)
    return out


def elbow(curve: list) -> int:
    """The k of ``cut='auto'``: the elbow ("knee") of a decreasing curve of (k, value).

    Both axes are scaled to 0..1 over the searched range and the k farthest below the straight
    line joining the first and last points is chosen (the Kneedle rule; ties: smaller k). A
    flat curve gives the smallest k. The elbow is relative to the range searched, so changing
    ``k_min``/``k_max`` can move it.
    """
    ks = np.array([k for k, _ in curve], dtype=np.float64)
    v = np.array([value for _, value in curve], dtype=np.float64)
    span = v[0] - v[-1]
    if len(ks) < 3 or not np.isfinite(span) or span <= 0:
        return int(ks[0])
    x = (ks - ks[0]) / (ks[-1] - ks[0])
    below = (1.0 - x) - (v - v[-1]) / span
    return int(ks[int(np.argmax(below))])


# ----------------------------------------------------------------------------------------------
# hierarchical clustering above max_dense: micro-clusters, weighted linkage


def _weighted_linkage(C: np.ndarray, w: np.ndarray, method: str, metric: str, fb: CoreFeedback) -> np.ndarray:
    """Agglomerative clustering of points C carrying weights w (photo counts), as a SciPy linkage.

    Lance-Williams updates with the weights as initial cluster sizes, run by the nearest-neighbour
    chain algorithm (valid for these reducible linkages). With all weights 1 this is exactly
    SciPy's ``linkage(C, method, metric)``. For Ward the initial distance between micro-clusters
    A and B is ``sqrt(2|A||B|/(|A|+|B|)) * |cA - cB|``, i.e. the exact Ward merge cost of the
    photo groups they stand for, as if each group had to stay together. Average linkage is
    weighted by photo counts (UPGMA over photos, with each photo placed at its centroid);
    single and complete linkage ignore the weights.
    """
    m = len(C)
    size = w.astype(np.float64).copy()
    D = _pairwise(C, C, metric)
    if method == "ward":
        D *= np.sqrt(2.0 * np.outer(size, size) / (size[:, None] + size[None, :]))
    np.fill_diagonal(D, np.inf)
    active = np.ones(m, dtype=bool)
    merges = []
    chain: list = []
    steps = 0
    tick = Ticker(fb, msg("tick_merge"), m - 1, every=LOG_EVERY)
    with np.errstate(invalid="ignore", over="ignore"):
        while len(merges) < m - 1:
            if not chain:
                chain.append(int(np.flatnonzero(active)[0]))
            while True:
                steps += 1
                if steps % 256 == 0:
                    tick(len(merges))
                a = chain[-1]
                row = D[a]
                b = int(np.argmin(row))
                if len(chain) > 1 and row[chain[-2]] <= row[b]:
                    b = chain[-2]
                if len(chain) > 1 and b == chain[-2]:
                    break
                chain.append(b)
            chain.pop()
            chain.pop()
            dab = D[a, b]
            sa, sb = size[a], size[b]
            if method == "single":
                new = np.minimum(D[a], D[b])
            elif method == "complete":
                new = np.maximum(D[a], D[b])
            elif method == "average":
                new = (sa * D[a] + sb * D[b]) / (sa + sb)
            else:  # ward
                new = np.sqrt(((size + sa) * D[a] ** 2 + (size + sb) * D[b] ** 2 - size * dab ** 2) / (size + sa + sb))
            keep, drop = (a, b) if a < b else (b, a)
            active[drop] = False
            new[~active] = np.inf
            new[keep] = np.inf
            D[keep, :] = new
            D[:, keep] = new
            D[drop, :] = np.inf
            D[:, drop] = np.inf
            size[keep] = sa + sb
            merges.append((a, b, dab))
    return _merges_to_linkage(merges, m)


def _merges_to_linkage(merges: list, m: int) -> np.ndarray:
    """Sort merges by height and renumber them as SciPy does (union-find over leaves)."""
    order = sorted(range(len(merges)), key=lambda i: merges[i][2])
    parent = list(range(m))
    node_id = list(range(m))
    count = [1] * m

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    Z = np.empty((m - 1, 4))
    for row, i in enumerate(order):
        a, b, d = merges[i]
        ra, rb = find(a), find(b)
        ia, ib = sorted((node_id[ra], node_id[rb]))
        Z[row] = (ia, ib, d, count[ra] + count[rb])
        parent[rb] = ra
        count[ra] += count[rb]
        node_id[ra] = m + row
    return Z


def micro_passes(n: int) -> int:
    """Passes of mini-batch k-means over ``n`` photos: MICRO_PASSES, fewer above MICRO_STEPS steps."""
    steps_per_pass = -(-n // MICRO_BATCH)
    return max(1, min(MICRO_PASSES, MICRO_STEPS // steps_per_pass))


def _micro_clusters(Y: np.ndarray, m: int, seed: int, fb: CoreFeedback) -> tuple:
    """k-means micro-clusters: (centroids, photo counts, micro-cluster of every photo).

    Centres start at ``m`` random photos and are refined by mini-batch k-means over shuffled
    batches of MICRO_BATCH photos (:func:`micro_passes` passes); then every photo gets its
    nearest centre, chunk by chunk. Progress and cancellation at every batch.
    """
    from sklearn.cluster import MiniBatchKMeans

    n = len(Y)
    rng = np.random.default_rng(seed)
    init = np.asarray(Y[np.sort(rng.choice(n, m, replace=False))], dtype=Y.dtype)
    km = MiniBatchKMeans(n_clusters=m, init=init, n_init=1, batch_size=MICRO_BATCH, random_state=seed)
    passes = micro_passes(n)
    batches = [start for _ in range(passes) for start in range(0, n, MICRO_BATCH)]
    fb.info(msg("cluster_micro", n, m, passes))
    tick = Ticker(fb.sub(0, 85), msg("tick_micro_batches"), len(batches), every=LOG_EVERY)
    order = None
    for done, start in enumerate(batches):
        tick(done)
        if start == 0:
            order = rng.permutation(n)
        km.partial_fit(Y[np.sort(order[start:start + MICRO_BATCH])])
    assign = np.empty(n, dtype=np.int64)
    tick = Ticker(fb.sub(85, 100), msg("tick_micro_assign"), n, every=LOG_EVERY)
    for start in range(0, n, CHUNK):
        tick(start)
        assign[start:start + CHUNK] = km.predict(Y[start:start + CHUNK])
    counts = np.bincount(assign, minlength=m)
    used = np.flatnonzero(counts)
    remap = np.full(m, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    assign = remap[assign]
    return group_means(Y, assign, len(used)), counts[used], assign


def group_means(Y: np.ndarray, group: np.ndarray, m: int) -> np.ndarray:
    """Mean row of every group ``0..m-1`` (each must be non-empty), in float64."""
    from scipy.sparse import csr_matrix

    n = len(Y)
    sums = np.zeros((m, Y.shape[1]))
    for start in range(0, n, CHUNK):
        part = group[start:start + CHUNK]
        member = csr_matrix((np.ones(len(part)), (part, np.arange(len(part)))), shape=(m, len(part)))
        sums += member @ np.asarray(Y[start:start + CHUNK], dtype=np.float64)  # numpy's @ allowed: sparse
    return sums / np.bincount(group, minlength=m)[:, None]


# ----------------------------------------------------------------------------------------------
# labels, medoids


def _number_by_size(raw: np.ndarray) -> np.ndarray:
    """Renumber cluster ids 0.. by size, largest first (ties: first photo); noise (<0) stays -1."""
    raw = np.asarray(raw)
    ids, first, inverse, size = np.unique(raw, return_index=True, return_inverse=True, return_counts=True)
    real = [j for j in range(len(ids)) if ids[j] >= 0]
    new_of = np.full(len(ids), -1, dtype=np.int64)
    for new, j in enumerate(sorted(real, key=lambda j: (-size[j], first[j]))):
        new_of[j] = new
    return new_of[inverse.reshape(-1)]


def _medoid(Z: np.ndarray, metric: str, rng: np.random.Generator) -> tuple:
    """Index (within Z) of the medoid — the member with the smallest summed distance to the others.

    Exact up to :data:`MEDOID_EXACT_MAX` members; above that the medoid is chosen among the
    :data:`MEDOID_CANDIDATES` members nearest the cluster mean, scoring each against a random
    sample of :data:`MEDOID_EXACT_MAX` members. Returns (index, exact?).
    """
    s = len(Z)
    if s <= MEDOID_EXACT_MAX:
        total = np.zeros(s)
        for start in range(0, s, 500):
            total[start:start + 500] = _pairwise(Z[start:start + 500], Z, metric).sum(axis=1)
        return int(np.argmin(total)), True
    centre = Z.mean(axis=0, keepdims=True)
    near = np.argsort(_pairwise(centre, Z, metric)[0], kind="stable")[:MEDOID_CANDIDATES]
    ref = rng.choice(s, MEDOID_EXACT_MAX, replace=False)
    total = _pairwise(Z[near], Z[ref], metric).sum(axis=1)
    return int(near[np.argmin(total)]), False


def _finish(Y, idx, metric, seed, fb, notes) -> tuple:
    """Medoid, distance to it and rank (1 = medoid) for every photo of every cluster."""
    n = len(Y)
    rank = np.zeros(n, dtype=np.int64)
    dist = np.full(n, np.nan)
    is_medoid = np.zeros(n, dtype=bool)
    rng = np.random.default_rng(seed + 2)
    approx = 0
    k = int(idx.max()) + 1 if (idx >= 0).any() else 0
    by_cluster = np.argsort(idx, kind="stable")  # members of each cluster in photo order
    bounds = np.searchsorted(idx[by_cluster], np.arange(k + 1))
    fb.info(msg("cluster_medoids", k))
    tick = Ticker(fb, msg("tick_medoids"), k, every=LOG_EVERY)
    for c in range(k):
        tick(c)
        members = by_cluster[bounds[c]:bounds[c + 1]]
        med, exact = _medoid(Y[members], metric, rng)
        approx += not exact
        d = _pairwise(Y[members[med]][None, :], Y[members], metric)[0]
        d[med] = 0.0
        not_med = np.ones(len(members), dtype=bool)
        not_med[med] = False
        order = np.lexsort((members, not_med, d))
        rank[members[order]] = np.arange(1, len(members) + 1)
        dist[members] = d
        is_medoid[members[med]] = True
    if approx:
        notes.append(msg("cluster_medoid_sampled", approx, MEDOID_EXACT_MAX, MEDOID_CANDIDATES, MEDOID_EXACT_MAX))
    return rank, dist, is_medoid


# ----------------------------------------------------------------------------------------------
# the methods


def _hierarchical(Y, p: ClusterParams, fb, notes, used) -> tuple:
    """(linkage matrix, micro-cluster of every photo or None when the leaves are the photos)."""
    from .linkage_child import linkage

    n = len(Y)
    if n <= p.max_dense:
        used["hierarchy_on"] = "photos"
        fb.info(msg("cluster_distances", n))
        condensed = _condensed(Y, p.metric, fb.sub(0, 30))
        fb.info(msg("cluster_tree", n, p.linkage))
        # SciPy's linkage holds the GIL throughout: a child process builds large trees
        return linkage(condensed, p.linkage, n, fb.sub(30, 100)), None
    m = min(int(p.n_centroids), int(p.max_dense), n)
    space = l2_normalise(Y) if p.metric == "cosine" else Y
    C, w, assign = _micro_clusters(space, m, p.seed, fb.sub(0, 80))
    fb.info(msg("cluster_micro_tree", len(C), p.linkage))
    Z = _weighted_linkage(C, w, p.linkage, p.metric, fb.sub(80, 100))
    used["hierarchy_on"] = "micro-clusters"
    used["n_centroids_used"] = len(C)
    notes.append(msg("cluster_micro_note", n, p.max_dense, len(C), p.linkage))
    return Z, assign


def _cut_hierarchy(Z, assign, p: ClusterParams, k_lo: int, k_hi: int, used: dict) -> tuple:
    """(raw labels per photo, k curve, criterion sentence) for the chosen cut."""
    from scipy.cluster.hierarchy import fcluster

    def per_photo(leaf_labels):
        return leaf_labels if assign is None else leaf_labels[assign]

    if p.cut == "k":
        return per_photo(fcluster(Z, int(p.k), "maxclust")), [], f"fixed number of clusters (k = {p.k})"
    if p.cut == "height_ratio":
        height = float(p.height_ratio) * float(Z[:, 2].max())
        used["cut_height"] = height
        text = f"cut at {p.height_ratio:g} x the highest merge (height {height:.4g})"
        return per_photo(fcluster(Z, height, "distance")), [], text
    # Z[-k] is the highest merge inside the k-cluster partition: the tree is cut between its
    # height and the next one up. Like the within-cluster sum of squares it falls as k grows,
    # steeply while real groups are being separated and slowly once groups are being split.
    k_hi = min(k_hi, len(Z))
    curve = [(k, float(Z[-k, 2])) for k in range(k_lo, k_hi + 1)]
    k = elbow(curve)
    text = (f"elbow of the merge heights over k = {k_lo}-{k_hi} (k curve: height of the highest merge "
            "inside the k clusters)")
    return per_photo(fcluster(Z, k, "maxclust")), curve, text


def _kmeans(Y, p: ClusterParams, k_lo: int, k_hi: int, fb, notes, used) -> tuple:
    """(raw labels, k curve, criterion sentence) for k-means with a fixed or automatic k."""
    from sklearn.cluster import KMeans

    def fit(data, k):
        return KMeans(n_clusters=k, n_init=int(p.n_init), random_state=int(p.seed)).fit(data)

    if p.cut == "k":
        return fit(Y, int(p.k)).labels_, [], f"fixed number of clusters (k = {p.k})"
    n = len(Y)
    rows = slice(None)
    if n > KMEANS_AUTO_SAMPLE:
        rows = np.sort(np.random.default_rng(p.seed).choice(n, KMEANS_AUTO_SAMPLE, replace=False))
        used["kmeans_auto_sample"] = KMEANS_AUTO_SAMPLE
        notes.append(msg("cluster_kmeans_sample", KMEANS_AUTO_SAMPLE, n))
    curve, fits = [], {}
    fb.info(msg("cluster_kmeans", k_lo, k_hi))
    tick = Ticker(fb, msg("tick_kmeans"), k_hi - k_lo + 1, every=LOG_EVERY)
    for i, k in enumerate(range(k_lo, k_hi + 1)):
        tick(i)
        fits[k] = fit(Y[rows], k)
        curve.append((k, float(fits[k].inertia_)))
    k = elbow(curve)
    fb.check()
    labels = fits[k].labels_ if n <= KMEANS_AUTO_SAMPLE else fit(Y, k).labels_
    text = f"elbow of the within-cluster sum of squares over k = {k_lo}-{k_hi} (k curve: k-means inertia)"
    return labels, curve, text


def _hdbscan(Y, p: ClusterParams, fb, notes, used) -> np.ndarray:
    """HDBSCAN labels (-1 = noise); above :data:`HDBSCAN_MAX` photos fitted on a random sample.

    HDBSCAN builds no photo-by-photo matrix, so its own limit is higher than ``max_dense``.
    """
    from sklearn.cluster import HDBSCAN
    from sklearn.neighbors import NearestNeighbors

    n = len(Y)
    if p.metric == "cosine":
        Y = l2_normalise(Y)
        notes.append(msg("cluster_hdbscan_cosine"))
    fb.info(msg("cluster_hdbscan", min(n, HDBSCAN_MAX), p.min_cluster_size))
    if n <= HDBSCAN_MAX:
        return HDBSCAN(min_cluster_size=int(p.min_cluster_size)).fit_predict(Y)
    rows = np.sort(np.random.default_rng(p.seed).choice(n, HDBSCAN_MAX, replace=False))
    sample_labels = HDBSCAN(min_cluster_size=int(p.min_cluster_size)).fit_predict(Y[rows])
    fb.check()
    nn = NearestNeighbors(n_neighbors=1).fit(Y[rows])
    out = np.empty(n, dtype=np.int64)
    tick = Ticker(fb, msg("tick_hdbscan"), n, every=LOG_EVERY)
    for start in range(0, n, 10000):
        tick(start)
        nearest = nn.kneighbors(Y[start:start + 10000], return_distance=False)[:, 0]
        out[start:start + 10000] = sample_labels[nearest]
    used["hdbscan_sample"] = HDBSCAN_MAX
    notes.append(msg("cluster_hdbscan_sample", n, HDBSCAN_MAX, HDBSCAN_MAX))
    return out


def _plan(p: ClusterParams, n: int, d: int) -> tuple:
    """(k_lo, k_hi, notes, used) for n photos; a sentence when k cannot work with n photos."""
    if p.method != "hdbscan" and p.cut == "k" and int(p.k) > n:
        raise ValueError(f"Cannot make {p.k} clusters from {n} photos; choose at most {n}.")
    # a motif needs a few photos: the automatic search stops at MIN_MEAN_SIZE photos per cluster
    k_lo, k_hi = int(p.k_min), min(int(p.k_max), n - 1, max(int(p.k_min), n // MIN_MEAN_SIZE))
    if p.method != "hdbscan" and p.cut == "auto" and k_hi < k_lo:
        raise ValueError(f"{n} photos are too few to choose between {p.k_min} and {p.k_max} clusters automatically.")
    notes: list = []
    used: dict = {"n_photos": n, "dims_in": d}
    if p.method != "hdbscan" and p.cut == "auto" and k_hi < int(p.k_max):
        notes.append(msg("cluster_k_range", k_lo, k_hi, n, MIN_MEAN_SIZE))
    return k_lo, k_hi, notes, used


def _check_zero_rows(Y: np.ndarray, metric: str) -> None:
    if metric == "cosine":
        zero = np.flatnonzero(~Y.any(axis=1))
        if len(zero):
            raise ValueError(
                f"{len(zero)} photos have an all-zero vector (e.g. row {zero[0] + 1}), for which cosine distance "
                "is undefined; remove them or choose Euclidean distance."
            )


def _run_method(Y, p: ClusterParams, k_lo: int, k_hi: int, fb, notes, used) -> tuple:
    """(raw labels, linkage matrix or None, k curve, criterion sentence) of the chosen method."""
    if p.method == "hierarchical":
        Z, assign = _hierarchical(Y, p, fb, notes, used)
        fb.check()
        raw, k_curve, criterion = _cut_hierarchy(Z, assign, p, k_lo, k_hi, used)
        return raw, Z, k_curve, criterion
    if p.method == "kmeans":
        raw, k_curve, criterion = _kmeans(Y, p, k_lo, k_hi, fb, notes, used)
        return raw, None, k_curve, criterion
    raw = _hdbscan(Y, p, fb, notes, used)
    criterion = f"HDBSCAN density clusters (minimum cluster size {p.min_cluster_size}); noise is its own label"
    return raw, None, [], criterion


def cluster_embeddings(X, params: ClusterParams | None = None,
                       feedback: CoreFeedback | None = None) -> ClusterResult:
    """Cluster one embedding vector per photo; see the module docstring for the pipeline.

    ``X``: an array (photos x values), or a row source read chunk by chunk
    (:class:`~.embcache.CachedVectors`: ``shape``, ``rows(start, stop)``, ``take(index)``).
    Raises ``ValueError`` (a sentence) for invalid parameters or embeddings and
    :class:`~.feedback.Canceled` when the user cancels.
    """
    p = params if params is not None else ClusterParams()
    p.validate()
    fb = ensure_feedback(feedback)
    src = _row_source(X)  # sentences for a wrong shape or missing values
    n, d = src.shape
    k_lo, k_hi, notes, used = _plan(p, n, d)
    Y = _prepare(src, p, fb.sub(0, 15), notes, used)
    _check_zero_rows(Y, p.metric)
    raw, Z, k_curve, criterion = _run_method(Y, p, k_lo, k_hi, fb.sub(15, 85), notes, used)
    fb.progress(85)

    idx = _number_by_size(np.asarray(raw))
    k = int(idx.max()) + 1 if (idx >= 0).any() else 0
    rank, dist, is_medoid = _finish(Y, idx, p.metric, int(p.seed), fb.sub(85, 100), notes)
    labels = ["noise" if i < 0 else f"C{i + 1}" for i in idx]
    counts = np.bincount(idx[idx >= 0], minlength=k)
    sizes = {f"C{c + 1}": int(counts[c]) for c in range(k)}
    if (idx < 0).any():
        sizes["noise"] = int((idx < 0).sum())
    used["k_chosen"] = k
    fb.progress(100)
    return ClusterResult(
        labels=labels, label_index=idx, sizes=sizes, rank=rank, dist_to_medoid=dist, is_medoid=is_medoid,
        k=k, k_curve=k_curve, criterion=criterion, notes=notes, params={**asdict(p), **used},
        linkage_matrix=Z, reduced=Y,
    )
