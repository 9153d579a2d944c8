"""Motif summary at scale: 1,000,000 photos over 10,000 areas (target: <= 30 s, <= 4 GB).

Synthetic photos (uniform positions over 50 x 50 km, 100,000 users with Zipf-like activity,
ISO dates over one year, 20 motifs, 2 % without user) summarised by photo-user-days:
  * grid   — 500 m squares, 10,000 cells generated (arithmetic cell assignment);
  * hexgrid — hexagons of the same area;
  * polygons — the same 10,000 squares given as polygons (geopandas spatial join).
Each case runs in its own process so its peak memory (ru_maxrss) is its own.

    python -m photo_motifs.bench.summarize_scale [N_PHOTOS]
"""
import json
import math
import resource
import subprocess
import sys
import time

import numpy as np

SIDE = 100  # 100 x 100 = 10,000 areas
CELL = 500.0


def make_photos(n, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, SIDE * CELL, n)
    y = rng.uniform(0, SIDE * CELL, n)
    users = np.minimum(rng.zipf(1.6, n), 100_000).astype(str).astype(object)
    users[rng.random(n) < 0.02] = None
    days = np.datetime64("2024-01-01") + rng.integers(0, 366, n).astype("timedelta64[D]")
    dates = np.char.add(days.astype(str), "T12:00:00").astype(object)
    motifs = np.char.add("C", rng.integers(1, 21, n).astype(str)).astype(object)
    return x, y, users, dates, motifs


def run_case(case, n):
    import shapely

    from photo_motifs.core.summarize import SummaryParams, summarize

    x, y, users, dates, motifs = make_photos(n)
    rss_inputs = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    areas = None
    if case == "polygons":
        i, j = np.meshgrid(np.arange(SIDE), np.arange(SIDE))
        areas = shapely.box(i.ravel() * CELL, j.ravel() * CELL, (i.ravel() + 1) * CELL, (j.ravel() + 1) * CELL)
    shape = "hexagon" if case == "hexgrid" else "square"
    size = CELL if shape == "square" else CELL * math.sqrt(2 / math.sqrt(3))  # same cell area
    t0 = time.perf_counter()
    result = summarize(x, y, motifs, user=users, date=dates, areas=areas,
                       params=SummaryParams(measure="pud", min_users=5, grid_shape=shape, cell_size=size))
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "photos": n, "areas": int(result.counts["areas"]),
            "suppressed": int(result.counts["suppressed"]), "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak), "inputs_rss_mb": round(rss_inputs)}


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], int(sys.argv[3]))))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(f"Motif summary of {n:,} synthetic photos, 10,000 areas, measure photo-user-days "
          "(target <= 30 s and <= 4 GB):")
    for case in ("grid", "hexgrid", "polygons"):
        proc = subprocess.run([sys.executable, "-m", "photo_motifs.bench.summarize_scale", "--case", case, str(n)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"  {case}: failed\n{proc.stderr[-2000:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"  {r['case']:<9} {r['areas']:>6,} areas ({r['suppressed']:,} suppressed): "
              f"{r['seconds']:6.2f} s, peak memory {r['peak_rss_mb']:,} MB "
              f"(inputs alone {r['inputs_rss_mb']:,} MB)")


if __name__ == "__main__":
    main()
