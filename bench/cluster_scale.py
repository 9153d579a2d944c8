"""Clustering time and memory for 10,000 and 100,000 photos with the default parameters.

Run from a folder where the plugin is importable as ``photo_motifs`` (see DEVELOPERS.md)::

    python -m photo_motifs.bench.cluster_scale [--n 10000,100000] [--method hierarchical]

Embeddings are synthetic but shaped like EfficientNet-Lite0 features: 1280-d float32,
non-negative and capped at 6 (ReLU6 then average pooling), drawn around 40 "motif" centres of
unequal popularity (Zipf-like weights) with per-photo noise and brightness-like scaling. The
motifs come in 8 themes of 5 (a theme centre plus a smaller motif offset), a two-level
structure like real collections (e.g. "coast" -> beach, harbour, cliffs). Each size runs in a fresh process, so its
peak resident memory (``ru_maxrss``)
covers generating the input (512 MB of embeddings for 100,000 photos) and clustering it and
nothing else. Also printed: the NMI between the clusters and the 8 themes / 40 motifs.
Targets: 10,000 photos <= 5 s and 100,000 <= 60 s, peak <= 4 GB, on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import numpy as np

DIMS = 1280
MOTIFS = 40
THEMES = 8


def synthetic_embeddings(n: int, seed: int = 0) -> tuple:
    """(n x 1280 float32 non-negative embeddings, motif of every row; theme = motif // 5)."""
    rng = np.random.default_rng(seed)
    themes = rng.gamma(0.6, 0.25, size=(THEMES, DIMS))
    offsets = rng.normal(0.0, 0.12, size=(MOTIFS, DIMS))
    centres = np.clip(themes[np.arange(MOTIFS) // (MOTIFS // THEMES)] + offsets, 0, 6).astype(np.float32)
    weights = 1.0 / np.arange(1, MOTIFS + 1) ** 0.8
    motif = rng.choice(MOTIFS, size=n, p=weights / weights.sum())
    X = np.empty((n, DIMS), dtype=np.float32)
    for start in range(0, n, 10000):
        rows = motif[start:start + 10000]
        noise = rng.normal(0.0, 0.12, size=(len(rows), DIMS)).astype(np.float32)
        scale = rng.uniform(0.7, 1.3, (len(rows), 1)).astype(np.float32)
        X[start:start + 10000] = np.clip(centres[rows] * scale + noise, 0, 6)
    return X, motif


def run_one(n: int, method: str) -> dict:
    from sklearn.metrics import normalized_mutual_info_score

    from ..core.cluster import ClusterParams, cluster_embeddings

    X, motif = synthetic_embeddings(n)
    rss_input = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    r = cluster_embeddings(X, ClusterParams(method=method))
    seconds = time.perf_counter() - t
    return {
        "n": n,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_after_input_mb": round(rss_input),
        "k": r.k,
        "nmi_vs_themes": round(float(normalized_mutual_info_score(motif // (MOTIFS // THEMES), r.labels)), 3),
        "nmi_vs_motifs": round(float(normalized_mutual_info_score(motif, r.labels)), 3),
        "largest": max(r.sizes.values()),
        "notes": r.notes,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", default="10000,100000")
    ap.add_argument("--method", default="hierarchical")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.method)))
        return 0
    print(f"default parameters, method={args.method}, "
          f"synthetic {DIMS}-d embeddings of {MOTIFS} motifs in {THEMES} themes")
    for n in [int(v) for v in args.n.split(",")]:
        out = subprocess.run(
            [sys.executable, "-m", __spec__.name, "--one", str(n), "--method", args.method],
            capture_output=True, text=True,
        )
        if out.returncode != 0:
            print(f"n={n}: failed\n{out.stderr}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"n={r['n']:>7d}: {r['seconds']:6.2f} s, peak RSS {r['peak_rss_mb']} MB "
              f"({r['rss_after_input_mb']} MB after generating the input), k={r['k']}, "
              f"largest cluster {r['largest']}, NMI vs themes {r['nmi_vs_themes']} / motifs {r['nmi_vs_motifs']}")
        for note in r["notes"]:
            print(f"           {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
