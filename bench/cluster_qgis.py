"""Motif discovery at 20,000 photos through ``qgis_process``: seconds, CPU and peak memory.

    python -m photo_motifs.bench.cluster_qgis [--n 20000] [--work /tmp/photo_motifs_bench]
                                             [--compare-exact] [--runs 1]

Builds (once, kept in ``--work``) a city of ``n`` geotagged photos derived from the labelled
Intel scenes (``bench/photo_city.py``), imports it and fills the embedding cache with
``photomotifs:importphotos`` and ``photomotifs:embed`` through ``qgis_process``, then times
``photomotifs:cluster`` with every default (cached embeddings, contact sheets, run record) as a
user runs it: wall-clock seconds, CPU seconds and the peak resident memory of the
``qgis_process`` process (``wait4``), with the machine's load average (the machine is shared:
CPU seconds are the steadier figure). It also prints the NMI between the motifs and the source
classes of the photos. ``--compare-exact`` clusters the same cached vectors in Python both
ways — the exact linkage over all photos (what ran up to 20,000 photos before) and the default
(micro-clusters above 8,000) — on the whole set and on 80 % subsets, and prints both NMIs.
Targets: <= 30 s and <= 1.5 GB at 20,000 photos; NMI unchanged within 0.01.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .photo_city import class_of, make_city

QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def qgis_process(*args) -> dict:
    """Run qgis_process with the venv first on PYTHONPATH; seconds, CPU seconds, peak MB, exit code."""
    from ..core.deps import venv_site_packages

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = os.pathsep.join([*venv_site_packages(), env.get("PYTHONPATH", "")]).strip(os.pathsep)
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    t = time.perf_counter()
    proc = subprocess.Popen([QGIS_PROCESS, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "code": proc.returncode, "log": out}


def prepared(work: Path, n: int) -> tuple:
    """(photo layer, cache) of a city of n photos, imported and embedded once."""
    city = make_city(work / f"city{n}", n)
    layer, cache = work / f"city{n}.gpkg", work / f"cache{n}.sqlite"
    if not layer.exists():
        r = qgis_process("run", "photomotifs:importphotos", "--", f"FOLDER={city}", f"OUTPUT={layer}")
        print(f"import: {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB")
        if r["code"]:
            raise SystemExit(r["log"])
    done = cache.with_suffix(".complete")
    if not done.exists():
        r = qgis_process("run", "photomotifs:embed", "--", f"INPUT={layer}", f"CACHE={cache}",
                         f"OUTPUT={work / f'embedded{n}.gpkg'}")
        print(f"embed: {r['seconds']:.1f} s ({n / r['seconds']:.0f} photos/s), peak {r['peak_mb']:.0f} MB")
        if r["code"]:
            raise SystemExit(r["log"])
        done.write_text("ok")
    return layer, cache


def motif_nmi(gpkg: Path) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    with sqlite3.connect(gpkg) as con:
        table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        rows = con.execute(f'SELECT photo, cluster FROM "{table}" WHERE cluster IS NOT NULL').fetchall()
    return normalized_mutual_info_score([class_of(p) for p, _ in rows], [c for _, c in rows])


def compare_exact(cache: Path, n: int) -> None:
    """NMI of the exact linkage and of the default (micro-clusters) on the same cached vectors."""
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from ..core.cluster import ClusterParams, cluster_embeddings
    from ..core.embcache import EmbeddingCache

    with sqlite3.connect(cache) as con:
        paths = dict(con.execute("SELECT photo_id, path FROM photo_motifs_paths").fetchall())
    with EmbeddingCache(cache) as c:
        ids, X = c.all_for("efficientnet_lite0@1")
    y = np.array([class_of(paths[i]) for i in ids])
    rng = np.random.default_rng(0)
    sets = [("all", np.arange(len(ids)))] + [
        (f"80 % #{i + 1}", np.sort(rng.choice(len(ids), int(0.8 * len(ids)), replace=False))) for i in range(3)]
    print(f"{'photos':>14s} {'exact NMI':>10s} {'k':>3s} {'sec':>6s} | {'default NMI':>11s} {'k':>3s} {'sec':>6s}")
    for name, rows in sets:
        t = time.perf_counter()
        exact = cluster_embeddings(X[rows], ClusterParams(max_dense=len(rows)))
        te = time.perf_counter() - t
        t = time.perf_counter()
        default = cluster_embeddings(X[rows], ClusterParams())
        td = time.perf_counter() - t
        print(f"{name:>14s} {nmi(y[rows], exact.labels):10.4f} {exact.k:3d} {te:6.1f} | "
              f"{nmi(y[rows], default.labels):11.4f} {default.k:3d} {td:6.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--work", default="/tmp/photo_motifs_bench")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--compare-exact", action="store_true")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    layer, cache = prepared(work, args.n)
    for run in range(args.runs):
        out = work / f"motifs{args.n}.gpkg"
        out.unlink(missing_ok=True)
        r = qgis_process("run", "photomotifs:cluster", "--", f"INPUT={layer}", f"CACHE={cache}",
                         f"OUTPUT={out}", f"SHEETS={work / f'sheets{args.n}'}", f"REPORT={work / 'cluster.json'}")
        if r["code"]:
            print(r["log"][-3000:])
            return 1
        motifs = [line for line in r["log"].splitlines() if " motifs: " in line]
        print(f"cluster {args.n} photos (run {run + 1}): {r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU, "
              f"peak {r['peak_mb']:.0f} MB, load average {os.getloadavg()[0]:.1f}; NMI vs classes "
              f"{motif_nmi(out):.4f}; {motifs[0] if motifs else ''}")
    if args.compare_exact:
        compare_exact(cache, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
