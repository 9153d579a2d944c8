"""SciPy's linkage built in a child process (core/linkage_child.py): the same tree as SciPy's in
this process, cancellable (the child is killed), and computed here when no child can run it."""
import os
import subprocess

import numpy as np
import pytest
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist

from photo_motifs.core import linkage_child
from photo_motifs.core.cluster import ClusterParams, cluster_embeddings
from photo_motifs.core.feedback import Canceled, CoreFeedback


@pytest.fixture
def children(monkeypatch):
    """Every child process started, and a limit low enough for small test data."""
    started = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        child = real(*args, **kwargs)
        started.append(child)
        return child

    monkeypatch.setattr(linkage_child.subprocess, "Popen", popen)
    monkeypatch.setattr(linkage_child, "CHILD_ABOVE", 10)
    return started


def points(n=80, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(4, 8)) * 3
    return centres[rng.integers(0, 4, n)] + rng.normal(size=(n, 8))


@pytest.mark.parametrize("method", ["average", "ward", "complete", "single"])
def test_the_childs_tree_is_scipys(children, method):
    X = points()
    condensed = pdist(X)
    Z = linkage_child.linkage(condensed, method, len(X))
    assert len(children) == 1 and children[0].returncode == 0
    np.testing.assert_array_equal(Z, linkage(condensed, method=method))


def test_small_trees_stay_in_this_process(children):
    X = points(10)
    Z = linkage_child.linkage(pdist(X), "average", len(X))
    assert children == []
    np.testing.assert_array_equal(Z, linkage(pdist(X), method="average"))


def test_cancel_kills_the_child_and_leaves_no_file(children, monkeypatch, tmp_path):
    monkeypatch.setattr(linkage_child, "_CHILD_CODE", "import time\ntime.sleep(60)\n")
    monkeypatch.setattr(linkage_child.tempfile, "tempdir", str(tmp_path))
    checks = []
    fb = CoreFeedback(is_canceled=lambda: checks.append(1) or len(checks) >= 2)
    X = points()
    with pytest.raises(Canceled):
        linkage_child.linkage(pdist(X), "average", len(X), fb)
    assert len(children) == 1 and children[0].poll() is not None  # killed, not left running
    assert os.listdir(tmp_path) == []


def test_without_a_python_for_the_child_the_tree_is_built_here(children, monkeypatch):
    monkeypatch.setattr(linkage_child, "python_for_child", lambda: "/nonexistent/python3")
    X = points()
    np.testing.assert_array_equal(linkage_child.linkage(pdist(X), "ward", len(X)),
                                  linkage(pdist(X), method="ward"))
    assert children == []  # Popen itself failed


def test_a_failing_child_falls_back_to_this_process(children, monkeypatch):
    monkeypatch.setattr(linkage_child, "_CHILD_CODE", "raise SystemExit(3)\n")
    X = points()
    np.testing.assert_array_equal(linkage_child.linkage(pdist(X), "complete", len(X)),
                                  linkage(pdist(X), method="complete"))
    assert len(children) == 1 and children[0].returncode == 3


def test_clustering_with_the_child_gives_the_same_motifs(children):
    X = points(300, seed=2)
    params = ClusterParams(method="hierarchical", linkage="average", metric="cosine", cut="auto")
    with_child = cluster_embeddings(X, params)
    assert len(children) == 1
    children.clear()
    linkage_child.CHILD_ABOVE = 10 ** 9  # the fixture's monkeypatch restores it
    here = cluster_embeddings(X, params)
    assert children == []
    assert with_child.labels == here.labels and with_child.sizes == here.sizes
    assert len(set(here.labels)) >= 2


def test_a_long_wait_for_the_child_is_logged(children, monkeypatch):
    monkeypatch.setattr(linkage_child, "LOG_EVERY", 0.0)  # a line at every check
    monkeypatch.setattr(linkage_child, "_CHILD_CODE", "import time\ntime.sleep(0.5)\n" + linkage_child._CHILD_CODE)
    lines = []
    X = points()
    Z = linkage_child.linkage(pdist(X), "average", len(X), CoreFeedback(on_info=lines.append))
    np.testing.assert_array_equal(Z, linkage(pdist(X), method="average"))
    assert lines and all(line.startswith(f"Still linking the {len(X)} photos into a tree (") for line in lines)


def test_the_progress_bar_moves_while_the_child_works(children, monkeypatch):
    """Nothing else reports while the child builds the tree: the bar follows the expected time,
    rises at every check and stays below 100 until the tree is there."""
    monkeypatch.setattr(linkage_child, "_CHILD_CODE", "import time\ntime.sleep(1.0)\n" + linkage_child._CHILD_CODE)
    monkeypatch.setattr(linkage_child, "SECONDS_PER_PAIR", 1.0 / 80 ** 2)  # 1 s expected for the 80 points
    shown = []
    X = points()
    linkage_child.linkage(pdist(X), "average", len(X), CoreFeedback(on_progress=shown.append))
    assert len(shown) >= 3, shown  # a check every 0.2 s during the child's second
    assert all(b > a for a, b in zip(shown, shown[1:])), shown
    assert 0 < shown[0] and shown[-1] < 100
    # the last check comes at least 0.8 s in (the child sleeps 1 s; a check every 0.2 s):
    # 95 % x (1 - e^-0.8) = 52.3 % by hand
    assert shown[-1] >= 52.3, shown
