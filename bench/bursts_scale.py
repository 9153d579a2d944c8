"""Time photo bursts on large synthetic collections (no photos are read).

    python -m photo_motifs.bench.bursts_scale [N ...]      (default: 20000 100000)

Each collection has N photos of N / 10 users over a year, 1280-d embeddings (EfficientNet-Lite0's
width); a fifth of the photos are taken in series of 2-30 near-copies (embedding + noise) a few
seconds apart, as bursts. Prints seconds, peak memory added, the bursts found and whether they
are the planted series.
"""
from __future__ import annotations

import sys
import time
import tracemalloc

import numpy as np

from ..core.bursts import find_bursts


def collection(n: int, dim: int = 1280, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, dim)).astype(np.float32)
    users = rng.integers(0, max(1, n // 10), n)
    seconds = rng.uniform(0, 365 * 86400, n)
    planted = np.full(n, -1)
    i, series = 0, 0
    while i < n // 5:
        size = int(rng.integers(2, 31))
        idx = np.arange(i, min(i + size, n))
        X[idx] = X[idx[0]] + 0.15 * rng.normal(size=(len(idx), dim)).astype(np.float32)
        users[idx] = users[idx[0]]
        seconds[idx] = seconds[idx[0]] + 20.0 * np.arange(len(idx))
        planted[idx] = series
        i, series = i + size, series + 1
    start = np.datetime64("2024-01-01T00:00:00")
    taken = [str(start + np.timedelta64(int(s), "s")) for s in seconds]
    return X, [f"u{u}" for u in users], taken, planted


def main(argv=None) -> int:
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or [20000, 100000]
    for n in sizes:
        X, users, taken, planted = collection(n)
        tracemalloc.start()
        t0 = time.perf_counter()
        result = find_bursts(X, np.arange(n), users, taken)
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        found = {}
        for i in np.flatnonzero(result.burst_size > 1):
            found.setdefault(int(result.burst_id[i]), set()).add(i)
        truth = {}
        for i in np.flatnonzero(planted >= 0):
            truth.setdefault(int(planted[i]), set()).add(i)
        exact = sum(1 for members in found.values() if members in truth.values())
        print(f"{n} photos: {seconds:.1f} s, peak {peak / 1e6:.0f} MB above the embeddings; "
              f"{result.counts['bursts']} bursts found, {len(truth)} planted, {exact} found exactly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
