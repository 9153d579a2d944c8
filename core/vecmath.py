"""The one L2 normalisation and the one PCA of the package (clustering, maps, training).

L2 rule: every row is divided by ``max(norm, EPS)``. A zero vector stays a zero vector (it has
no direction to keep), and every other embedding gets length 1. The exported classifier graph
does the same (``ReduceL2``, ``Max(norm, EPS)``, ``Div``; ``models/classifier_export.py``), so a
head gives the same probabilities in numpy and in ONNX.

Large matrix products go through :func:`matmul` and :func:`gram` (SciPy's BLAS), never numpy's
``@``: inside QGIS (the desktop and ``qgis_process``) numpy's products are computed by GSL's
reference CBLAS. The QGIS executables link ``libgslcblas`` ahead of OpenBLAS, so numpy's
``cblas_sgemm`` binds to GSL's unoptimised loops: a 20,000 x 1280 covariance took 347 s in
``qgis_process`` against 1-2 s in plain Python. SciPy's wheels carry their own OpenBLAS with
prefixed symbols, which nothing interposes (``tests/unit/test_vecmath.py`` loads GSL's CBLAS
the way QGIS does and checks).
"""
from __future__ import annotations

import numpy as np

EPS = 1e-12  # floor of the norm in the L2 normalisation (float32 and float64 alike)
# SciPy's BLAS wrappers hold the GIL for the whole call (a dsyrk over 20,000 x 1280 rows held it
# 1.0 s), and while a QGIS task holds it the GUI thread's Python stops: the progress bar, the log
# and every dialog freeze. Products are split into calls of at most this many multiply-adds
# (~0.05 s each), between which the GUI thread gets the GIL.
GIL_BLOCK = 5e8


def l2_normalise(X) -> np.ndarray:
    """Rows of ``X`` scaled to length 1 (zero rows stay zero); float input keeps its dtype."""
    X = np.asarray(X)
    if not np.issubdtype(X.dtype, np.floating):
        X = X.astype(np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", X, X))
    return X / np.maximum(norms, EPS)[:, None].astype(X.dtype)


def matmul(A, B) -> np.ndarray:
    """``A @ B`` for 2-D float arrays, through SciPy's BLAS (see the module note); C-ordered result."""
    A, B = np.asarray(A), np.asarray(B)
    if A.ndim != 2 or B.ndim != 2 or A.dtype != B.dtype or A.dtype.type not in (np.float32, np.float64):
        return A @ B  # numpy's @ allowed: integers, vectors or mixed types
    from scipy.linalg import blas

    gemm = blas.sgemm if A.dtype.type is np.float32 else blas.dgemm
    # (A B)^T = B^T A^T: C-ordered A and B are Fortran-ordered A^T and B^T, so nothing is copied
    if not (A.shape[0] and B.shape[1] and A.shape[1]):
        return A @ B  # numpy's @ allowed: an empty product
    rows = max(1, int(GIL_BLOCK // (A.shape[1] * B.shape[1])))
    if A.shape[0] <= rows:
        return gemm(1.0, B.T, A.T).T
    out = np.empty((A.shape[0], B.shape[1]), dtype=A.dtype)
    for start in range(0, A.shape[0], rows):  # row blocks: the GIL is free between the calls
        out[start:start + rows] = gemm(1.0, B.T, A[start:start + rows].T).T
    return out


def gram(X, chunk: int = 5000, progress=None) -> np.ndarray:
    """``X^T X`` in float64, accumulated over chunks of rows with SciPy's BLAS (``dsyrk``);
    at most ``chunk`` rows, and at most :data:`GIL_BLOCK` multiply-adds, per call.
    ``progress(rows done)`` is called before each chunk (e.g. a ``core.feedback.Ticker``)."""
    from scipy.linalg import blas

    X = np.asarray(X)
    d = X.shape[1]
    chunk = max(1, min(int(chunk), int(2 * GIL_BLOCK // max(1, d * (d + 1)))))
    C = np.zeros((d, d), order="F")
    for start in range(0, len(X), chunk):
        if progress is not None:
            progress(start)
        part = np.ascontiguousarray(X[start:start + chunk], dtype=np.float64)
        C = blas.dsyrk(1.0, part.T, beta=1.0, c=C, overwrite_c=True)  # upper triangle of part^T part
    return np.triu(C) + np.triu(C, 1).T


class CovariancePCA:
    """PCA from the eigenvectors of the covariance matrix, products through SciPy's BLAS.

    What scikit-learn's ``PCA(svd_solver='covariance_eigh')`` computes (the fastest route for
    photo embeddings, n >> d ~ 1000), with the same sign rule (each component's largest
    loading positive) and attributes (``mean_``, ``components_``, ``explained_variance_``,
    ``explained_variance_ratio_``, ``n_components_``); the covariance is accumulated in float64.
    """

    def __init__(self, n_components: int):
        self.n_components_ = int(n_components)

    def fit(self, X, progress=None) -> "CovariancePCA":
        """``progress(rows done)``: called while the covariance is accumulated (see :func:`gram`)."""
        X = np.asarray(X)
        n = len(X)
        self.mean_ = X.mean(axis=0, dtype=np.float64)
        C = gram(X, progress=progress)
        C -= n * np.outer(self.mean_, self.mean_)
        C /= max(n - 1, 1)
        k = self.n_components_
        # numpy's LAPACK (OpenBLAS's, whose BLAS calls nothing interposes) was 5x faster than SciPy's here
        values, vectors = np.linalg.eigh(C)
        values, vectors = np.clip(values[::-1][:k], 0.0, None), vectors[:, ::-1][:, :k].T
        biggest = np.argmax(np.abs(vectors), axis=1)
        vectors *= np.sign(vectors[np.arange(len(vectors)), biggest])[:, None]
        self.components_ = vectors
        self.explained_variance_ = values
        total = float(np.trace(C))  # the sum of all eigenvalues
        self.explained_variance_ratio_ = values / total if total > 0 else np.zeros(k)
        return self

    def transform(self, X) -> np.ndarray:
        X = np.asarray(X)
        dtype = X.dtype if X.dtype.type in (np.float32, np.float64) else np.float64
        centred = np.asarray(X, dtype=dtype) - self.mean_.astype(dtype)
        return matmul(centred, np.ascontiguousarray(self.components_.T, dtype=dtype))


def fit_pca(X, dims: int, seed: int = 0, svd_solver: str = "auto", progress=None):
    """A fitted PCA of ``X`` with ``dims`` components (``transform``, ``components_``, ...).

    ``'auto'`` and ``'covariance_eigh'`` use :class:`CovariancePCA` when there are at least as
    many rows as columns (and at most 4096 columns); other solvers are scikit-learn's.
    ``progress(rows done)`` follows :class:`CovariancePCA`'s covariance (scikit-learn's solvers
    do not report).
    """
    n, d = np.shape(X)
    if svd_solver in ("auto", "covariance_eigh") and n >= d and d <= 4096:
        return CovariancePCA(dims).fit(X, progress=progress)
    from sklearn.decomposition import PCA

    return PCA(n_components=dims, svd_solver=svd_solver, random_state=seed).fit(X)


def pca(X: np.ndarray, dims: int, seed: int = 0, svd_solver: str = "auto", fit_rows=None,
        fixed_signs: bool = False, check=None, chunk: int = 10000):
    """Scores of ``X`` on its leading ``dims`` principal components and the fitted PCA (:func:`fit_pca`).

    ``fit_rows`` (an index array) fits on those rows only and projects all of them;
    ``fixed_signs`` makes each component's largest loading positive, so the same data always
    gives the same picture; ``check`` (e.g. ``CoreFeedback.check``) is called between chunks of
    ``chunk`` rows, for cancellation. Scores keep ``X``'s dtype.
    """
    model = fit_pca(X if fit_rows is None else X[fit_rows], dims, seed, svd_solver)
    out = np.empty((len(X), dims), dtype=X.dtype)
    for start in range(0, len(X), chunk):
        if check is not None:
            check()
        out[start:start + chunk] = model.transform(X[start:start + chunk])
    if fixed_signs:
        comps = model.components_
        signs = np.sign(comps[np.arange(dims), np.argmax(np.abs(comps), axis=1)])
        signs[signs == 0] = 1.0
        out *= signs.astype(out.dtype)
    return out, model
