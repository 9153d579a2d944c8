"""The one L2 normalisation and the one PCA of the package (clustering, maps, training).

L2 rule: every row is divided by ``max(norm, EPS)``. A zero vector stays a zero vector (it has
no direction to keep), and every other embedding gets length 1. The exported classifier graph
does the same (``ReduceL2``, ``Max(norm, EPS)``, ``Div``; ``models/classifier_export.py``), so a
head gives the same probabilities in numpy and in ONNX.
"""
from __future__ import annotations

import numpy as np

EPS = 1e-12  # floor of the norm in the L2 normalisation (float32 and float64 alike)


def l2_normalise(X) -> np.ndarray:
    """Rows of ``X`` scaled to length 1 (zero rows stay zero); float input keeps its dtype."""
    X = np.asarray(X)
    if not np.issubdtype(X.dtype, np.floating):
        X = X.astype(np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", X, X))
    return X / np.maximum(norms, EPS)[:, None].astype(X.dtype)


def pca(X: np.ndarray, dims: int, seed: int = 0, svd_solver: str = "auto", fit_rows=None,
        fixed_signs: bool = False, check=None, chunk: int = 10000):
    """Scores of ``X`` on its leading ``dims`` principal components and the fitted scikit-learn PCA.

    ``fit_rows`` (an index array) fits on those rows only and projects all of them;
    ``fixed_signs`` makes each component's largest loading positive, so the same data always
    gives the same picture; ``check`` (e.g. ``CoreFeedback.check``) is called between chunks of
    ``chunk`` rows, for cancellation. Scores keep ``X``'s dtype.
    """
    from sklearn.decomposition import PCA

    model = PCA(n_components=dims, svd_solver=svd_solver, random_state=seed)
    model.fit(X if fit_rows is None else X[fit_rows])
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
