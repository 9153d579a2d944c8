"""Clustering quality on real, labelled photos: NMI / ARI and the chosen k per method.

Run from a folder where the plugin is importable as ``photo_motifs`` (see DEVELOPERS.md)::

    python -m photo_motifs.bench.cluster_quality [--set intel_scenes_dev] [--backbone efficientnet_lite0]
                                                [--subsamples 10]

Embeds every photo of ``<shared data>/labeled/<set>`` (one sub-folder per class) with
``core.embed.compute_embeddings`` (no cache), then clusters the vectors with each configuration
below and compares the clusters with the folder classes:

* ``default``: ``ClusterParams()`` as shipped (automatic k);
* the same pipeline with k fixed to the number of classes;
* ``orange``: what Orange's Hierarchical Clustering widget does by default on Image Analytics
  embeddings — cosine distance, average linkage, raw features, cut at the true k;
* Ward (raw, and L2 + PCA with automatic k), k-means (k fixed and automatic) and HDBSCAN.

``--subsamples N`` repeats every configuration on N random 80 % subsets and also prints the
mean NMI and the median chosen k, so that one lucky partition does not decide a default.
``--micro`` adds the default pipeline forced onto its large-collection path (k-means
micro-clusters of about 10 photos each, as 20,000 photos get 2,048), to compare it with the
exact tree on the same photos.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ..core.cluster import ClusterParams, cluster_embeddings
from ..core.embed import compute_embeddings
from ..models.registry import ensure_onnx, get_backbone

SHARED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")


def configurations(k_true: int, n: int = 0, micro: bool = False) -> dict:
    d = ClusterParams()
    extra = {"default, micro-clusters (auto k)": ClusterParams(max_dense=100, n_centroids=max(2, n // 10))} \
        if micro else {}
    return {**extra,
        "default (auto k)": d,
        f"default, k={k_true}": ClusterParams(cut="k", k=k_true),
        f"orange: cosine+average raw, k={k_true}": ClusterParams(
            metric="cosine", linkage="average", normalize=False, pca_dims=None, cut="k", k=k_true),
        f"ward raw, k={k_true}": ClusterParams(
            metric="euclidean", linkage="ward", normalize=False, pca_dims=None, cut="k", k=k_true),
        f"ward L2, k={k_true}": ClusterParams(metric="euclidean", linkage="ward", pca_dims=None, cut="k", k=k_true),
        "ward L2+PCA (auto k)": ClusterParams(metric="euclidean", linkage="ward"),
        f"kmeans L2+PCA, k={k_true}": ClusterParams(method="kmeans", metric="euclidean", cut="k", k=k_true),
        "kmeans L2+PCA (auto k)": ClusterParams(method="kmeans", metric="euclidean"),
        "hdbscan L2+PCA (min size 5)": ClusterParams(method="hdbscan", metric="euclidean"),
    }


def embed_set(folder: Path, backbone: str):
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    spec = get_backbone(backbone)
    res = compute_embeddings(paths, spec, onnx_path=ensure_onnx(backbone))
    classes = np.array([Path(res.paths[i]).parent.name for i in res.rows])
    return res.matrix, classes, len(res.failed)


def score(X, y, params):
    t = time.perf_counter()
    r = cluster_embeddings(X, params)
    seconds = time.perf_counter() - t
    labels = np.asarray(r.labels)
    return normalized_mutual_info_score(y, labels), adjusted_rand_score(y, labels), r.k, seconds, r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="intel_scenes_dev")
    ap.add_argument("--backbone", default="efficientnet_lite0")
    ap.add_argument("--subsamples", type=int, default=10)
    ap.add_argument("--micro", action="store_true")
    args = ap.parse_args(argv)
    folder = SHARED / "labeled" / args.set
    if not folder.is_dir():
        print(f"labelled set not found: {folder}")
        return 1
    X, y, failed = embed_set(folder, args.backbone)
    k_true = len(set(y))
    print(f"{args.set}: {len(y)} photos, {k_true} classes, {args.backbone} {X.shape[1]}-d, {failed} undecodable")
    rng = np.random.default_rng(0)
    subsets = [np.sort(rng.choice(len(y), int(0.8 * len(y)), replace=False)) for _ in range(args.subsamples)]
    print(f"{'configuration':42s} {'NMI':>6s} {'ARI':>6s} {'k':>3s} {'sec':>6s}"
          + (f"  | {args.subsamples} x 80 %: mean NMI, median k" if subsets else ""))
    for name, params in configurations(k_true, int(0.8 * len(y)), args.micro).items():
        nmi, ari, k, seconds, r = score(X, y, params)
        line = f"{name:42s} {nmi:6.3f} {ari:6.3f} {k:3d} {seconds:6.2f}"
        if subsets:
            subs = [score(X[s], y[s], params) for s in subsets]
            line += f"  | {np.mean([s[0] for s in subs]):.3f}, {np.median([s[2] for s in subs]):.1f}"
        print(line)
        if name.startswith("default (auto"):
            print(f"{'':42s} sizes {list(r.sizes.values())}; criterion: {r.criterion}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
