"""Embeddings on a Dask LocalCluster of 2 worker processes (api/distributed.py) equal the one-machine
run bit for bit; cached photos are not sent again; a failing photo stays a per-photo failure; a
worker that dies mid-run is replaced and its partitions run again."""
import os
import signal
import threading

import numpy as np
import pytest

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def backbone():
    from photo_motifs.models.registry import cached_onnx_path, get_backbone

    spec = get_backbone("efficientnet_lite0")
    if not cached_onnx_path(spec).is_file():
        pytest.skip("the converted EfficientNet-Lite0 model is not available (run the setup)")
    return spec, str(cached_onnx_path(spec))


@pytest.fixture(scope="module")
def photos(labeled_dir, tmp_path_factory):
    """12 real photos, a truncated copy, a text file named .jpg, a missing file and a duplicate."""
    folder = labeled_dir / "intel_scenes_dev"
    real = sorted(str(p) for p in folder.rglob("*.jpg"))[::25][:12]
    tmp = tmp_path_factory.mktemp("bad")
    cut = tmp / "cut.jpg"
    cut.write_bytes(open(real[0], "rb").read()[:2000])
    text = tmp / "notes.jpg"
    text.write_text("not a photo")
    return real[:6] + [str(cut), real[3]] + real[6:9] + [str(text), str(tmp / "missing.jpg")] + real[9:]


@pytest.fixture(scope="module")
def client():
    from photo_motifs.api.distributed import local_cluster

    c = local_cluster(workers=2, threads=1)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


def test_two_workers_give_the_one_machine_vectors(backbone, photos, client, tmp_path):
    from photo_motifs.api.distributed import embed_on_dask
    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.core.embed import compute_embeddings

    spec, onnx = backbone
    one = compute_embeddings(photos, spec, onnx)
    with EmbeddingCache(tmp_path / "cache.sqlite") as cache:
        dask = embed_on_dask(photos, spec, onnx, client, cache=cache, partition_size=3)
        assert len(client.scheduler_info()["workers"]) == 2
        assert dask.rows == one.rows and len(dask.rows) == 13
        assert np.array_equal(dask.matrix, one.matrix)  # bit for bit
        assert [(i, code) for i, _p, code, _s in dask.failed] == [(i, code) for i, _p, code, _s in one.failed]
        assert {code for _i, _p, code, _s in dask.failed} == {"truncated", "unsupported", "unreadable"}
        assert dask.n_computed == 12 and dask.n_cached == 0  # the duplicate is computed once
        assert cache.count(spec.cache_key) == 12  # written by this process, the one writer
        again = embed_on_dask(photos, spec, onnx, client, cache=cache, partition_size=3)
        assert again.n_computed == 0 and again.n_cached == 12  # resumed: nothing sent
        assert np.array_equal(again.matrix, one.matrix)


def test_api_embed_with_a_client_has_nan_rows(backbone, photos, client, tmp_path):
    import geopandas as gpd

    from photo_motifs import api

    frame = gpd.GeoDataFrame({"photo": photos + [None]}, geometry=[None] * (len(photos) + 1))
    local = api.embed(frame, cache=False)
    V, status = api.embed(frame, cache=tmp_path / "c.sqlite", client=client, partition_size=4, details=True)
    assert V.shape == (len(photos) + 1, 1280) and V.dtype == np.float32
    failed = np.isnan(V).all(axis=1)
    assert failed.sum() == 4 and failed[-1]
    assert np.array_equal(V[~failed], local[~failed])
    assert status["embed_status"].tolist().count("failed") == 4
    assert status.loc[len(photos), "embed_note"] == "The feature has no photo path."


def test_a_worker_that_dies_is_replaced_and_its_work_done_again(backbone, photos, client, tmp_path):
    from photo_motifs.api.distributed import embed_on_dask
    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.core.embed import compute_embeddings
    from photo_motifs.core.feedback import CoreFeedback

    spec, onnx = backbone
    one = compute_embeddings(photos, spec, onnx)
    killed = threading.Event()
    pids = client.run(os.getpid)  # {worker address: pid} of the worker processes this test started

    def kill_one_worker(percent):
        if percent > 10 and not killed.is_set():  # the first partition embedded: the others are running
            killed.set()
            os.kill(pids[sorted(pids)[0]], signal.SIGKILL)

    with EmbeddingCache(tmp_path / "cache.sqlite") as cache:
        res = embed_on_dask(photos, spec, onnx, client, cache=cache, partition_size=1,
                            feedback=CoreFeedback(on_progress=kill_one_worker))
    assert killed.is_set()
    assert res.rows == one.rows and np.array_equal(res.matrix, one.matrix)
    client.wait_for_workers(2, timeout=60)
