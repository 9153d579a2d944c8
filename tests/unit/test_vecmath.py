"""The one L2 normalisation and PCA (core/vecmath.py) used by clustering, maps and training."""
import numpy as np
import pytest

from ...core import cluster, projection, train, vecmath


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_l2_rule_zero_rows_stay_zero_and_dtype_is_kept(dtype):
    X = np.array([[3.0, 4.0], [0.0, 0.0], [1e-3, 0.0]], dtype=dtype)
    Y = vecmath.l2_normalise(X)
    assert Y.dtype == dtype
    np.testing.assert_allclose(Y, [[0.6, 0.8], [0.0, 0.0], [1.0, 0.0]], rtol=1e-6)
    assert not np.isnan(Y).any()


def test_every_caller_uses_the_same_rule():
    """Clustering, the 2-D map and the classifier head normalise alike, zero vectors included."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 8)).astype(np.float32)
    X[3] = 0.0
    # each row divided by its Euclidean length (numpy's norm); the zero row stays zero
    X64 = X.astype(np.float64)
    norms = np.linalg.norm(X64, axis=1, keepdims=True)
    expected = np.divide(X64, norms, out=np.zeros_like(X64), where=norms > 0)
    np.testing.assert_allclose(train.normalise_blocks(X), expected, atol=1e-6)
    np.testing.assert_allclose(projection._prepare(X), expected, atol=1e-12)
    assert not hasattr(cluster, "_l2_normalize") and cluster.l2_normalise is vecmath.l2_normalise


def test_pca_fixed_signs_and_fit_rows():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(200, 10)) @ rng.normal(size=(10, 10))
    a, model = vecmath.pca(X, 3, seed=0, fixed_signs=True)
    b, _ = vecmath.pca(-X, 3, seed=0, fixed_signs=True)
    assert a.shape == (200, 3) and model.n_components_ == 3
    # the rule: each component's largest loading is positive, so the score rises with that
    # feature; flipping the data then mirrors the picture exactly
    largest = np.argmax(np.abs(model.components_), axis=1)
    for k, j in enumerate(largest):
        assert np.corrcoef(a[:, k], X[:, j])[0, 1] > 0
        assert np.corrcoef(b[:, k], -X[:, j])[0, 1] > 0
    np.testing.assert_allclose(b, -a, atol=1e-8)
    sub, _ = vecmath.pca(X, 3, seed=0, fit_rows=np.arange(0, 200, 2), chunk=7)
    assert sub.shape == (200, 3)
    calls = []
    vecmath.pca(X, 2, seed=0, check=lambda: calls.append(1), chunk=50)
    assert len(calls) == 4


def test_covariance_pca_is_scikit_learns():
    """CovariancePCA computes what PCA(svd_solver='covariance_eigh') does, through SciPy's BLAS."""
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(2)
    X = rng.normal(size=(500, 12)) @ rng.normal(size=(12, 12)) + 3.0
    ours = vecmath.CovariancePCA(4).fit(X)
    ref = PCA(n_components=4, svd_solver="covariance_eigh").fit(X)
    np.testing.assert_allclose(ours.mean_, ref.mean_, atol=1e-12)
    np.testing.assert_allclose(ours.explained_variance_, ref.explained_variance_, rtol=1e-9)
    np.testing.assert_allclose(ours.explained_variance_ratio_, ref.explained_variance_ratio_, rtol=1e-9)
    np.testing.assert_allclose(ours.components_, ref.components_, atol=1e-9)  # same sign rule
    np.testing.assert_allclose(ours.transform(X[:50]), ref.transform(X[:50]), atol=1e-9)
    assert ours.transform(X[:5].astype(np.float32)).dtype == np.float32


def test_matmul_and_gram_agree_with_numpy():
    rng = np.random.default_rng(3)
    for dtype in (np.float32, np.float64):
        A, B = rng.normal(size=(37, 9)).astype(dtype), rng.normal(size=(9, 23)).astype(dtype)
        out = vecmath.matmul(A, B)
        assert out.dtype == dtype and out.flags.c_contiguous
        np.testing.assert_allclose(out, A.astype(np.float64) @ B.astype(np.float64), rtol=1e-4, atol=1e-4)
    X = rng.normal(size=(11, 5))
    np.testing.assert_allclose(vecmath.gram(X, chunk=4), X.T @ X, atol=1e-12)
    assert vecmath.matmul(np.ones((2, 3), dtype=int), np.ones((3, 2), dtype=int)).tolist() == [[3, 3], [3, 3]]


def test_heavy_products_avoid_numpys_blas():
    """Inside QGIS numpy's @ runs on GSL's reference CBLAS (see core/vecmath.py): the clustering
    and the PCA multiply large matrices only through vecmath.matmul/gram (sparse products aside)."""
    import ast
    from pathlib import Path

    root = Path(vecmath.__file__).resolve().parent
    offenders = []
    for name in ("cluster.py", "vecmath.py", "projection.py"):
        path = root / name
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
                if "numpy's @ allowed" not in lines[node.lineno - 1]:
                    offenders.append(f"{name}:{node.lineno}")
    assert not offenders, offenders


def test_no_blas_call_holds_the_gil_for_a_whole_large_product(monkeypatch):
    """SciPy's BLAS wrappers hold the GIL for the whole call, which freezes QGIS's GUI thread while a
    background task multiplies: matmul and gram split the work into calls of at most GIL_BLOCK
    multiply-adds, and the blocks add up to numpy's product."""
    from scipy.linalg import blas

    calls = []

    def recording(name):
        real = getattr(blas, name)

        def wrapper(alpha, a, b=None, **kw):
            if name == "dsyrk":
                calls.append(a.shape[0] * a.shape[1] * (a.shape[0] + 1) / 2)
                return real(alpha, a, **kw)
            calls.append(a.shape[0] * a.shape[1] * b.shape[1])
            return real(alpha, a, b, **kw)
        return wrapper

    for name in ("sgemm", "dgemm", "dsyrk"):
        monkeypatch.setattr(blas, name, recording(name))
    monkeypatch.setattr(vecmath, "GIL_BLOCK", 20 * 9 * 23)
    rng = np.random.default_rng(4)
    for dtype in (np.float32, np.float64):
        A, B = rng.normal(size=(101, 9)).astype(dtype), rng.normal(size=(9, 23)).astype(dtype)
        out = vecmath.matmul(A, B)
        assert out.dtype == dtype and out.shape == (101, 23) and out.flags.c_contiguous
        np.testing.assert_allclose(out, A.astype(np.float64) @ B.astype(np.float64), rtol=1e-4, atol=1e-4)
    assert len(calls) == 2 * 6 and max(calls) <= vecmath.GIL_BLOCK  # 101 rows in blocks of 20
    calls.clear()
    X = rng.normal(size=(500, 30))
    np.testing.assert_allclose(vecmath.gram(X), X.T @ X, atol=1e-9)
    assert len(calls) > 1 and max(calls) <= vecmath.GIL_BLOCK
