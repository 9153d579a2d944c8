"""A million photos through the command line: import -> embed -> cluster -> summarize, each step's
seconds and peak memory (target: every step within 8 GB).

    python -m photo_motifs.bench.million [--n 1000000] [--work /tmp/photo_motifs_bench/million] [--keep]

The photos are real files: ``n`` distinct JPEGs of 48-96 px with EXIF GPS and dates, derived from
the labelled photos (``bench/photo_city.py``; about 3 KB each, in folders of 10,000). Each step
runs as ``python -m photo_motifs STEP`` in its own process, as a user runs it, and its peak
resident memory is read with ``wait4``:

* ``import``: the folder's EXIF into a GeoPackage (pyogrio);
* ``embed``: the whole embedding pipeline (content hashes, decoding, batches, the cache written
  as it goes) with a stand-in image model: a 64 x 64-pixel ONNX encoder with 1280 outputs and
  fixed random weights, so the cache holds a million 1280-d vectors (5 GB) as with
  EfficientNet-Lite0. EfficientNet's inference adds about 10 ms of CPU per photo (1M photos:
  about 1.5 h on 2 cores, ``bench/dask_embed.py`` for more machines) but not memory: batches
  stream to the cache;
* ``cluster``: default parameters, vectors read back from the cache in chunks of 20,000, PCA to
  64, micro-clusters, contact sheets, a GeoPackage of a million rows;
* ``summarize``: 500 m hexagons in the local UTM zone, read column by column.

The photo folder and the cache are removed at the end unless ``--keep``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .photo_city import make_city


def tiny_encoder(path: Path) -> Path:
    """A 64 x 64 RGB -> 1280 ONNX encoder (8 x 8 convolution, ReLU, average pooling), fixed random weights."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    if path.exists():
        return path
    rng = np.random.default_rng(0)
    w = numpy_helper.from_array((rng.normal(0, 0.02, (1280, 3, 8, 8))).astype(np.float32), "w")
    b = numpy_helper.from_array(np.zeros(1280, np.float32), "b")
    nodes = [helper.make_node("Conv", ["pixels", "w", "b"], ["c"], kernel_shape=[8, 8], strides=[8, 8]),
             helper.make_node("Relu", ["c"], ["r"]), helper.make_node("GlobalAveragePool", ["r"], ["p"]),
             helper.make_node("Flatten", ["p"], ["features"], axis=1)]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("pixels", TensorProto.FLOAT,
                                                                            ["N", 3, 64, 64])],
                              [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 1280])], [w, b])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, path)
    return path


def step(name: str, *args) -> dict:
    """Run ``python -m photo_motifs --quiet ARGS``: wall and CPU seconds, peak MB, exit code."""
    import photo_motifs

    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "photo_motifs", "--quiet", *map(str, args)],
                            cwd=Path(photo_motifs.__file__).parent.parent, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    out = {"step": name, "seconds": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
           "peak_mb": usage.ru_maxrss / 1024, "code": os.waitstatus_to_exitcode(status), "stderr": err}
    print(f"  {name:<10} {out['seconds']:8.1f} s wall {out['cpu']:8.1f} s CPU  peak {out['peak_mb']:7,.0f} MB"
          f"  (load average {os.getloadavg()[0]:.1f})", flush=True)
    if out["code"]:
        print(err[-3000:])
        raise SystemExit(f"{name} failed")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--work", default="/tmp/photo_motifs_bench/million")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--from-step", default="import", choices=["import", "embed", "cluster", "summarize"])
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    photos = make_city(work / "photos", args.n, "all", sizes=(48, 96), per_folder=10000)
    print(f"{args.n:,} photos in {time.perf_counter() - t:.0f} s; steps through `python -m photo_motifs`:")
    model = tiny_encoder(work / "tiny_encoder.onnx")
    steps = ["import", "embed", "cluster", "summarize"]
    todo = steps[steps.index(args.from_step):]
    if "import" in todo:
        step("import", "import", photos, "-o", work / "photos.gpkg")
    if "embed" in todo:
        step("embed", "embed", work / "photos.gpkg", "--cache", work / "cache.sqlite", "--backbone", model)
    if "cluster" in todo:
        step("cluster", "cluster", work / "photos.gpkg", "--cache", work / "cache.sqlite", "--backbone", model,
             "-o", work / "motifs.gpkg", "--sheets", work / "sheets", "--report", work / "cluster.json")
    if "summarize" in todo:
        step("summarize", "summarize", work / "motifs.gpkg", "-o", work / "summary.gpkg", "--cell-size", 500)
    if not args.keep:
        shutil.rmtree(photos)
        for name in ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm"):
            (work / name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
