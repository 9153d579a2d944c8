"""Motif summary of 1,000,000 photos through ``qgis_process``: column-wise reading against feature by
feature, and QGIS's native count-points-in-polygon on the same points.

    python -m photo_motifs.bench.summarize_qgis [N] [--work /tmp/photo_motifs_bench]

Writes (once) the synthetic photos of ``bench/summarize_scale.py`` (50 x 50 km in EPSG:3301,
100,000 users, a year of dates, 20 motifs) as a GeoPackage with geopandas (outside QGIS), and
the 10,000 squares of 500 m as a polygon layer. Then, each in a fresh ``qgis_process``:

* ``columnar``: ``photomotifs:summarize`` on the GeoPackage (read column by column, the default);
* ``features``: the same with the layer given with a subset string that keeps every photo
  (``fid > 0``), which makes QGIS read it feature by feature (the path before);
* ``polygons``: ``photomotifs:summarize`` with the 10,000 squares as areas (columnar);
* ``native``: ``native:countpointsinpolygon`` on the squares (a count per area, nothing else).

Prints wall-clock and CPU seconds and the peak memory of each process, with the load average
(the machine is shared: CPU seconds are the steadier figure).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from .cluster_qgis import qgis_process
from .summarize_scale import CELL, SIDE, make_photos


def write_inputs(work: Path, n: int) -> tuple:
    import geopandas as gpd
    import shapely

    photos, squares = work / f"summary_photos{n}.gpkg", work / "squares10000.gpkg"
    if not photos.exists():
        x, y, users, dates, motifs = make_photos(n)
        frame = gpd.GeoDataFrame({"owner": users, "taken_at": dates, "cluster": motifs},
                                 geometry=gpd.points_from_xy(x, y), crs="EPSG:3301")
        frame.to_file(photos.with_suffix(".part.gpkg"), layer="photos", driver="GPKG", engine="pyogrio")
        os.replace(photos.with_suffix(".part.gpkg"), photos)
    if not squares.exists():
        i, j = np.meshgrid(np.arange(SIDE), np.arange(SIDE))
        boxes = shapely.box(i.ravel() * CELL, j.ravel() * CELL, (i.ravel() + 1) * CELL, (j.ravel() + 1) * CELL)
        gpd.GeoDataFrame({"name": [f"S{k}" for k in range(len(boxes))]}, geometry=boxes,
                         crs="EPSG:3301").to_file(squares, driver="GPKG", engine="pyogrio")
    return photos, squares


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--work", default="/tmp/photo_motifs_bench")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    photos, squares = write_inputs(work, args.n)
    grid = ["GRID_SHAPE=1", f"CELL_SIZE={CELL}", "GRID_CRS=EPSG:3301"]
    cases = {
        "columnar": ["photomotifs:summarize", f"INPUT={photos}", *grid],
        "features": ["photomotifs:summarize", f"INPUT={photos}|layername=photos|subset=fid > 0", *grid],
        "polygons": ["photomotifs:summarize", f"INPUT={photos}", f"AREAS={squares}"],
        "native": ["native:countpointsinpolygon", f"POLYGONS={squares}", f"POINTS={photos}", "FIELD=NUMPOINTS"],
    }
    print(f"{args.n:,} photos, 10,000 areas of 500 m, through qgis_process:")
    for name, (alg, *params) in cases.items():
        out = work / f"summary_{name}.gpkg"
        out.unlink(missing_ok=True)
        r = qgis_process("run", alg, "--", *params, f"OUTPUT={out}")
        if r["code"]:
            print(f"  {name}: failed\n{r['log'][-2000:]}")
            continue
        print(f"  {name:<9} {r['seconds']:6.1f} s wall, {r['cpu']:6.1f} s CPU, peak {r['peak_mb']:,.0f} MB "
              f"(load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
