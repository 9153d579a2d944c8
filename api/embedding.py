"""Embeddings of a photo layer: ``photomotifs:embed`` as a numpy array (``core.embed``, ``api.distributed``)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .progress import feedback_for

PATH_FIELD = "photo"


@dataclass
class Embedded:
    """What :func:`embed_rows` did for a layer: the result of its valid rows and where it went."""

    result: object  # core.embed.EmbeddingResult of the rows in ``valid``
    valid: list  # layer rows with a photo path, in the order they were embedded
    spec: object  # the backbone's models.registry.BackboneSpec
    cache: object  # core.embcache.EmbeddingCache or None
    n_rows: int


def photo_paths(frame, path_field: str = PATH_FIELD, root=None) -> list:
    """The photo path of every row; relative paths resolve against ``root`` (default: the folder of
    the file the frame was read from, ``frame.attrs['photo_motifs_source']``), never the working
    directory."""
    from ..core.safe_paths import resolve_against

    if path_field not in frame.columns:
        raise ValueError(f"The layer has no field '{path_field}'. Choose the field that holds the photo paths "
                         "(the 'photo' field of layers made by import_photos).")
    if root is None and frame.attrs.get("photo_motifs_source"):
        root = os.path.dirname(os.path.abspath(frame.attrs["photo_motifs_source"]))
    return [resolve_against(root, None if v is None or (isinstance(v, float) and v != v) else str(v))
            for v in frame[path_field].tolist()]


def backbone_spec(backbone=None) -> tuple:
    """(spec, ONNX path) for a registry id (default: the algorithms' default) or an own ``.onnx`` file."""
    from ..models.registry import DEFAULT_BACKBONE, ensure_onnx, get_backbone, spec_for_onnx_file

    if backbone is not None and str(backbone).lower().endswith(".onnx"):
        if not os.path.isfile(os.fspath(backbone)):
            raise ValueError(f"The ONNX file {backbone} does not exist.")
        return spec_for_onnx_file(os.fspath(backbone)), os.fspath(backbone)
    spec = backbone if hasattr(backbone, "cache_key") else get_backbone(backbone or DEFAULT_BACKBONE)
    return spec, str(ensure_onnx(spec.id))


def open_cache(cache):
    """An EmbeddingCache from a path, an EmbeddingCache, None (the per-user default cache, as the
    algorithms use when there is neither a project nor a layer file) or False (no cache)."""
    from ..core.embcache import EmbeddingCache, default_cache_path

    if cache is False:
        return None
    if isinstance(cache, EmbeddingCache):
        return cache
    if cache is None:
        from ..models.registry import model_cache_dir

        cache = default_cache_path(Path(model_cache_dir()).parent)
    return EmbeddingCache(cache)


def embed_rows(frame, backbone=None, cache=None, client=None, path_field=PATH_FIELD, root=None, threads=None,
               partition_size=None, keep_vectors=True, feedback=None) -> Embedded:
    """Embed the photos of ``frame`` (locally, or on ``client``'s Dask workers) through the cache."""
    paths = photo_paths(frame, path_field, root)
    valid = [i for i, p in enumerate(paths) if p]
    spec, onnx_path = backbone_spec(backbone)
    store = open_cache(cache)
    todo = [paths[i] for i in valid]
    if client is not None:
        from .distributed import PARTITION_SIZE, embed_on_dask

        result = embed_on_dask(todo, spec, onnx_path, client, cache=store, threads=int(threads or 1),
                               partition_size=int(partition_size or PARTITION_SIZE), feedback=feedback,
                               keep_vectors=keep_vectors)
    else:
        from ..core.embed import compute_embeddings

        result = compute_embeddings(todo, spec, onnx_path, cache=store, workers=threads, streams=threads,
                                    feedback=feedback, keep_vectors=keep_vectors)
    return Embedded(result, valid, spec, store, len(paths))


def vectors_of(done: Embedded) -> np.ndarray:
    """One float32 row per layer row (NaN for rows without a vector)."""
    res = done.result
    if res.rows and res.matrix.size == 0:  # the vectors stayed in the cache: read them back in chunks
        from ..core.embcache import CachedVectors

        rows = CachedVectors(done.cache, [res.photo_ids[r] for r in res.rows], done.spec.cache_key)
        out = np.full((done.n_rows, rows.shape[1]), np.nan, dtype=np.float32)
        at = np.asarray([done.valid[r] for r in res.rows], dtype=np.int64)
        for start in range(0, len(at), rows.chunk):
            out[at[start:start + rows.chunk]] = rows.rows(start, start + rows.chunk)
        return out
    dim = res.matrix.shape[1] if res.matrix.size else 0
    out = np.full((done.n_rows, dim), np.nan, dtype=np.float32)
    if res.rows:
        out[[done.valid[r] for r in res.rows]] = res.matrix
    return out


def status_columns(done: Embedded, frame) -> dict:
    """The algorithm's ``embed_status``, ``embed_note`` and ``photo_id`` columns."""
    from ..core.layer_columns import embed_columns, failed_rows

    reasons = {i: sentence for i, (_code, sentence) in failed_rows(done.n_rows, done.valid, done.result).items()}
    known = frame["photo_id"].tolist() if "photo_id" in frame.columns else None
    return embed_columns(done.n_rows, done.valid, done.result, reasons, done.spec.id, known)


def embed(gdf, backbone=None, cache=None, client=None, *, path_field: str = PATH_FIELD, root=None,
          threads: int | None = None, partition_size: int | None = None, details: bool = False, progress=False):
    """Embeddings of the photos of ``gdf`` (``photomotifs:embed``): one float32 row per row of ``gdf``,
    NaN rows for photos that could not be read or rows without a photo path.

    ``backbone``: a model id (default EfficientNet-Lite0, as the algorithm) or an own ``.onnx``
    file; ``cache``: the embedding cache file (default: the per-user cache), an EmbeddingCache,
    or False for none; ``client``: a ``dask.distributed.Client`` to embed on its workers
    (``threads`` per worker, ``partition_size`` photos per task); photos already cached are not
    computed again. ``details=True`` also returns a GeoDataFrame with the algorithm's output
    columns (``embed_status``, ``embed_note``, ``photo_id``).
    """
    fb, close = feedback_for(progress, "Embedding photos")
    try:
        done = embed_rows(gdf, backbone, cache, client, path_field, root, threads, partition_size, feedback=fb)
    finally:
        close()
    vectors = vectors_of(done)
    if not details:
        return vectors
    from ..core.layer_columns import EMBED_FIELDS
    from .layers import frame_from_columns, with_columns

    extra = frame_from_columns(status_columns(done, gdf), EMBED_FIELDS, index=gdf.index)
    return vectors, with_columns(gdf, extra, EMBED_FIELDS)
