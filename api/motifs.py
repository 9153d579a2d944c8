"""Motifs of a photo layer: ``photomotifs:cluster`` on a GeoDataFrame (``core.cluster``)."""
from __future__ import annotations

import json
import os

import numpy as np

from .embedding import PATH_FIELD, embed_rows, photo_paths
from .progress import feedback_for


def cluster(gdf, embeddings=None, *, backbone=None, cache=None, client=None, path_field: str = PATH_FIELD,
            root=None, method: str = "hierarchical", metric: str = "cosine", normalize: bool = True,
            pca_dims: int | None = 64, linkage: str = "average", cut: str = "auto", k: int = 8,
            height_ratio: float = 0.75, k_min: int = 2, k_max: int = 30, min_cluster_size: int = 5,
            seed: int = 0, projection: str = "pca", sheets=None, report=None, details: bool = False,
            progress=False):
    """``gdf`` with the motif columns of ``photomotifs:cluster`` (cluster, cluster_size, cluster_rank,
    medoid_dist, is_medoid, cluster_note, sim_x, sim_y), with the algorithm's defaults.

    ``embeddings``: one row per row of ``gdf`` (NaN rows are left out, e.g. from :func:`embed`);
    without it the embeddings come from the cache (``backbone``, ``cache``, ``client`` as in
    :func:`embed`; missing ones are computed) and are read in chunks, never held whole, so a
    million photos fit in memory. ``projection``: 'pca', 'tsne' or 'none' (the similarity map);
    ``sheets``: a folder for the contact sheets; ``report``: a JSON run record.
    ``details=True`` also returns the ``core.cluster.ClusterResult``.
    """
    from ..core.cluster import ClusterParams, cluster_embeddings
    from ..core.layer_columns import CLUSTER_FIELDS, cluster_columns, tiny_motifs
    from .layers import frame_from_columns, with_columns

    params = ClusterParams(method=method, metric="euclidean" if method == "kmeans" else metric, normalize=normalize,
                           pca_dims=pca_dims or None, linkage=linkage, cut=cut, k=k, height_ratio=height_ratio,
                           k_min=k_min, k_max=k_max, min_cluster_size=min_cluster_size, seed=seed)
    params.validate()
    fb, close = feedback_for(progress, "Discovering motifs")
    try:
        source, layer_rows, reasons, backbone_key = _vectors(gdf, embeddings, backbone, cache, client, path_field,
                                                             root, fb.sub(0, 60))
        if len(layer_rows) < 2:
            raise ValueError(f"Only {len(layer_rows)} photo(s) could be read: clustering needs at least two.")
        result = cluster_embeddings(source, params, feedback=fb.sub(60, 90))
        xy = _map(source, projection, result, seed)
        tiny = tiny_motifs(result.sizes, sum(result.sizes.values()))  # as photomotifs:cluster flags them
        columns = cluster_columns(len(gdf), layer_rows, result, xy, reasons, tiny=tiny)
        out = with_columns(gdf, frame_from_columns(columns, CLUSTER_FIELDS, index=gdf.index), CLUSTER_FIELDS)
        if sheets:
            from ..core.sheets import write_motif_sheets

            paths = photo_paths(gdf, path_field, root) if path_field in gdf.columns else [""] * len(gdf)
            write_motif_sheets(os.fspath(sheets), [paths[i] for i in layer_rows], result, fb.sub(90, 100))
        if report:
            _record(report, result, backbone_key, cache, len(gdf), len(layer_rows), reasons, projection)
    finally:
        close()
    return (out, result) if details else out


def _vectors(gdf, embeddings, backbone, cache, client, path_field, root, fb) -> tuple:
    """(row source or array, layer row of each vector, {layer row: reason}, backbone key)."""
    from ..core.layer_columns import failed_rows

    if embeddings is not None:
        X = np.asarray(embeddings)
        if X.ndim != 2 or len(X) != len(gdf):
            raise ValueError(f"The embeddings must have one row per row of the layer ({len(gdf)}); got "
                             f"{X.shape[0] if X.ndim else 0}.")
        ok = np.isfinite(X).all(axis=1)
        rows = np.flatnonzero(ok)
        reasons = {int(i): "The photo has no embedding." for i in np.flatnonzero(~ok)}
        return X[rows], rows, reasons, None
    from ..core.embcache import CachedVectors

    done = embed_rows(gdf, backbone, cache, client, path_field, root, keep_vectors=False, feedback=fb)
    res = done.result
    reasons = {i: sentence for i, (_code, sentence) in failed_rows(done.n_rows, done.valid, res).items()}
    rows = np.asarray([done.valid[r] for r in res.rows], dtype=np.int64)
    if len(rows) < 2:
        return None, rows, reasons, done.spec.cache_key
    return CachedVectors(done.cache, [res.photo_ids[r] for r in res.rows], done.spec.cache_key), rows, reasons, \
        done.spec.cache_key


def _map(source, projection: str, result, seed: int):
    from ..core.options import PROJECTION_NONE
    from ..core.projection import similarity_map

    if projection in (None, PROJECTION_NONE):
        return None
    return similarity_map(source, projection, seed, clustered=result)  # reads cached rows only for t-SNE


def _record(path, result, backbone_key, cache, photos, clustered, reasons, projection) -> None:
    record = {
        "algorithm": "photomotifs:cluster", "backbone": backbone_key,
        "embedding_cache": str(getattr(cache, "path", cache)) if cache not in (None, False) else None,
        "photos": photos, "clustered": clustered, "not_clustered": len(reasons), "params": result.params,
        "k": result.k, "criterion": result.criterion, "k_curve": [[int(k), float(v)] for k, v in result.k_curve],
        "sizes": result.sizes, "notes": result.notes, "projection": projection,
    }
    from pathlib import Path

    from ..core.safe_write import replace_complete

    text = json.dumps(record, indent=2, default=lambda v: v.item() if hasattr(v, "item") else str(v))
    replace_complete(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
