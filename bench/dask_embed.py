"""Embedding throughput on a Dask LocalCluster with 1 and 2 worker processes, and what 48 million photos
would take on N workers.

    python -m photo_motifs.bench.dask_embed [--n 600] [--work /tmp/photo_motifs_bench] [--set intel_scenes_dev]

Photos: ``n`` distinct geotagged photos of 160-320 px derived from the labelled photos
(``bench/photo_city.py``; Flickr's "small 320" size). For comparison, the one-machine pipeline
(``core.embed.compute_embeddings``, threads on both cores) runs first. Then, for 1 and 2 workers
(1 thread each), ``api.distributed.embed_on_dask`` embeds the same photos into an empty cache:
photos/s over the whole run (scheduling, the model sent to the workers, one session per worker,
the cache written here by one writer), measured after the cluster is up. The single writer's
rate is measured too (SQLite inserts of 1280-d vectors), since every vector passes through it.

The estimate for YFCC100M's ~48 million geotagged photos on N single-core workers is
``48e6 x (CPU seconds per photo) / N``, from the 2-worker run, bounded below by the writer
(``48e6 / writer rate``), and printed for N = 8 to 512. Decoding larger photos costs more: the
per-photo cost of 1-megapixel photos is about 1.3x, of 12 megapixels about 3x (README figures).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .photo_city import make_city

YFCC_GEOTAGGED = 48_000_000


def writer_rate(n: int = 20000) -> float:
    """Vectors per second the cache's one writer stores (batches of 256, as partitions arrive)."""
    from ..core.embcache import EmbeddingCache

    rng = np.random.default_rng(0)
    vectors = rng.random((n, 1280), dtype=np.float32)
    with tempfile.TemporaryDirectory() as tmp, EmbeddingCache(Path(tmp) / "c.sqlite") as cache:
        t = time.perf_counter()
        for start in range(0, n, 256):
            cache.put_many({f"id{i}": vectors[i] for i in range(start, min(n, start + 256))}, "bench@1")
        return n / (time.perf_counter() - t)


def one_machine(paths, spec, onnx) -> float:
    from ..core.embed import compute_embeddings

    t = time.perf_counter()
    res = compute_embeddings(paths, spec, onnx)
    assert len(res.rows) == len(paths), res.failed[:3]
    return len(paths) / (time.perf_counter() - t)


def on_dask(paths, spec, onnx, workers: int, work: Path) -> tuple:
    """(photos/s, CPU seconds per photo over the workers) of one run on a fresh cluster and cache."""
    from ..api.distributed import embed_on_dask, local_cluster
    from ..core.embcache import EmbeddingCache

    client = local_cluster(workers=workers, threads=1)
    try:
        client.wait_for_workers(workers)
        cpu0 = sum(client.run(time.process_time).values())
        cache_path = work / f"dask{workers}.sqlite"
        cache_path.unlink(missing_ok=True)
        with EmbeddingCache(cache_path) as cache:
            t = time.perf_counter()
            res = embed_on_dask(paths, spec, onnx, client, cache=cache)
            seconds = time.perf_counter() - t
        cpu = sum(client.run(time.process_time).values()) - cpu0
        assert res.n_computed == len(paths)
        return len(paths) / seconds, cpu / len(paths)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()


def main(argv=None) -> int:
    from ..models.registry import ensure_onnx, get_backbone

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--work", default="/tmp/photo_motifs_bench")
    ap.add_argument("--set", default="intel_scenes_dev")
    args = ap.parse_args(argv)
    work = Path(args.work)
    folder = make_city(work / f"dask_city{args.n}", args.n, args.set)
    paths = sorted(str(p) for p in folder.glob("*.jpg"))[:args.n]
    spec = get_backbone("efficientnet_lite0")
    onnx = str(ensure_onnx(spec.id))
    print(f"{len(paths)} photos of 160-320 px, EfficientNet-Lite0, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  one machine (threads):     {one_machine(paths, spec, onnx):6.1f} photos/s")
    cost = None
    for workers in (1, 2):
        rate, cpu = on_dask(paths, spec, onnx, workers, work)
        cost = cpu
        print(f"  Dask, {workers} worker(s) x 1 thread: {rate:6.1f} photos/s ({cpu * 1000:.1f} ms CPU per photo)")
    writes = writer_rate()
    print(f"  the cache's one writer:    {writes:,.0f} vectors/s")
    print(f"Estimate for {YFCC_GEOTAGGED / 1e6:.0f} million photos (CPU per photo {cost * 1000:.1f} ms from the "
          f"2-worker run; the writer alone needs {YFCC_GEOTAGGED / writes / 3600:.1f} h):")
    for n in (8, 32, 64, 128, 512):
        hours = max(YFCC_GEOTAGGED * cost / n, YFCC_GEOTAGGED / writes) / 3600
        print(f"  {n:4d} workers: {hours:7.1f} h ({hours / 24:.1f} days)")
    for workers in (1, 2):
        (work / f"dask{workers}.sqlite").unlink(missing_ok=True)
    if (work / f"dask_city{args.n}").is_dir() and args.work == "/tmp/photo_motifs_bench":
        shutil.rmtree(work / f"dask_city{args.n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
