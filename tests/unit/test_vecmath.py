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
