"""Embeddings of many photos on a Dask cluster: partitions on the workers, one writer for the cache.

:func:`embed_on_dask` is :func:`core.embed.compute_embeddings` spread over a
``dask.distributed.Client``:

1. photos whose path, size and modification time the cache already knows keep their content
   hash; the others are hashed on the workers (:func:`core.embed.hash_items`, by partition);
2. photos whose vector is in the cache are not sent at all (a stopped run resumes);
3. the rest go out in partitions of ``partition_size`` photos; each worker process decodes and
   embeds its share with its own onnxruntime session (:func:`core.embed.embed_items`; the model
   travels once per worker as bytes, so workers need no model files) using ``threads`` threads;
4. results come back as arrays and this process alone writes them to the cache, as they
   arrive (SQLite takes no concurrent writers over a network file system).

A failed partition (an exception, a worker that died) is run again by Dask (``retries``); a photo
that cannot be read stays a per-photo failure, as on one machine. Vectors equal the one-machine
run's bit for bit (single-threaded sessions; onnxruntime gives a photo the same vector in any
batch): ``tests/unit/test_distributed.py`` checks it on a ``LocalCluster``.

Workers must run Python with this package and its dependencies. :func:`local_cluster` starts
worker processes with the venv's interpreter (inside QGIS ``sys.executable`` is QGIS's Python,
not the venv's); on an existing cluster, :func:`ensure_package_on_workers` uploads the package
to workers that cannot import it (they need numpy, Pillow and onnxruntime).
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: photos per task: a few seconds of work on one core, small enough to retry and to show progress
PARTITION_SIZE = 256
#: models larger than this are loaded by the workers from their path instead of being sent
MAX_SENT_MODEL = 256 * 1024 * 1024


def venv_python() -> str:
    """The interpreter workers should run: the project venv's python when there is one."""
    from ..core.deps import venv_dir

    candidate = venv_dir() / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    return str(candidate) if candidate.is_file() else sys.executable


def local_cluster(workers: int = 2, threads: int = 1, memory_limit="auto"):
    """A ``dask.distributed.Client`` on a LocalCluster of ``workers`` processes with ``threads`` threads
    each, started with the venv's interpreter, no dashboard. Close it (``with`` or ``.close()``)
    and its cluster (``client.cluster.close()``) when done."""
    import multiprocessing

    from dask.distributed import Client, LocalCluster

    multiprocessing.set_executable(venv_python())  # spawned workers run the venv, also inside QGIS
    cluster = LocalCluster(n_workers=int(workers), threads_per_worker=int(threads), processes=True,
                           dashboard_address=None, memory_limit=memory_limit)
    return Client(cluster)


def ensure_package_on_workers(client) -> None:
    """Upload this package to every worker that cannot import it (Dask's UploadDirectory)."""
    # a lambda travels by value (cloudpickle): a worker without the package can still run it
    found = client.run(lambda: __import__("importlib.util").util.find_spec("photo_motifs") is not None)
    if all(found.values()):
        return
    from distributed.diagnostics.plugin import UploadDirectory

    client.register_plugin(UploadDirectory(str(PACKAGE_DIR), update_path=True,
                                           skip_words=(".git", "tests", "docs", "i18n", "bench", "__pycache__")))


def _partitions(items, size: int):
    return [items[i:i + size] for i in range(0, len(items), size)]


def _model_for_workers(client, onnx_path) -> tuple:
    """(model: a scattered bytes future or the path, token naming it)."""
    path = Path(onnx_path)
    if path.stat().st_size > MAX_SENT_MODEL:
        return str(path), f"{path}:{path.stat().st_mtime_ns}"
    data = path.read_bytes()
    return client.scatter(data, broadcast=True, hash=False), hashlib.sha1(data).hexdigest()


def _identify(paths, cache, client, fb, partition_size, retries) -> tuple:
    """Content hash of every path (cache memory first, the rest hashed on the workers)."""
    from dask.distributed import as_completed

    from ..core.decode import DecodeError
    from ..core.feedback import Ticker

    ids, errors, unknown = [None] * len(paths), {}, []
    for i, path in enumerate(paths):
        fb.check()
        try:
            st = os.stat(path)
            known = cache.known_hash(path, st.st_size, st.st_mtime_ns) if cache is not None else None
        except OSError:
            known = None
        if known:
            ids[i] = known
        else:
            unknown.append((i, path))
    from ..core.embed import hash_items

    futures = client.map(hash_items, _partitions(unknown, partition_size), retries=retries, pure=False)
    tick = Ticker(fb, "Photos identified on the workers", len(unknown))
    done, observed = 0, []
    for _future, part in as_completed(futures, with_results=True):
        for i, pid, size, mtime, error in part:
            if error:
                errors[i] = DecodeError(*error)
            else:
                ids[i] = pid
                observed.append((pid, paths[i], size, mtime))
        done += len(part)
        tick(done)
    if cache is not None and observed:
        cache.remember_paths(observed)
    return ids, errors


def embed_on_dask(paths, spec, onnx_path, client, cache=None, threads: int = 1,
                  partition_size: int = PARTITION_SIZE, retries: int = 2, feedback=None, keep_vectors: bool = True):
    """:func:`core.embed.compute_embeddings` on a Dask cluster; returns its ``EmbeddingResult``."""
    from dask.distributed import as_completed

    from ..core.decode import DecodeError
    from ..core.embed import assemble_result, cached_vectors, embed_items, first_occurrences
    from ..core.feedback import Canceled, Ticker, ensure_feedback
    from ..core.messages import msg

    t0 = time.perf_counter()
    fb = ensure_feedback(feedback)
    paths = [os.fspath(p) for p in paths]
    ensure_package_on_workers(client)
    ids, errors = _identify(paths, cache, client, fb.sub(0, 10), partition_size, retries)
    first = first_occurrences(ids)
    vectors = cached_vectors(cache, list(first), spec.cache_key, keep_vectors)
    n_cached = len(vectors)
    todo = [(pid, paths[i]) for pid, i in first.items() if pid not in vectors]
    decode_errors = {}
    if todo:
        workers = len(client.scheduler_info().get("workers", {}))
        fb.info(msg("cache_summary_dask", n_cached, len(first), len(todo), workers, -(-len(todo) // partition_size)))
        model, token = _model_for_workers(client, onnx_path)
        pending = {client.submit(embed_items, part, spec, model, token, threads, retries=retries, pure=False)
                   for part in _partitions(todo, partition_size)}
        tick = Ticker(fb.sub(10, 100), "Photos embedded on the workers", len(todo))
        done = 0
        try:
            for future, (ok, matrix, failed) in as_completed(list(pending), with_results=True):
                pending.discard(future)  # released: the worker may drop the result
                computed = dict(zip(ok, matrix))
                if cache is not None:
                    cache.put_many(computed, spec.cache_key)  # the one writer
                vectors.update(computed if keep_vectors else dict.fromkeys(computed))
                decode_errors.update({pid: DecodeError(*reason) for pid, reason in failed.items()})
                done += len(ok) + len(failed)
                tick(done)
        except (Canceled, KeyboardInterrupt):
            client.cancel(list(pending))
            raise Canceled(f"{done} of {len(todo)} photos were embedded before the cancel request; "
                           "they are kept in the cache, so the next run continues from there.") from None
    fb.progress(100.0)
    return assemble_result(paths, ids, errors, decode_errors, vectors, n_cached, len(todo) - len(decode_errors),
                           time.perf_counter() - t0, spec.cache_key)
