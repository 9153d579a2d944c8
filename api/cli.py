"""The command line: ``python -m photo_motifs STEP ...``, the Processing algorithms without QGIS.

    python -m photo_motifs import /photos -o photos.gpkg
    python -m photo_motifs embed photos.gpkg --cache cache.sqlite --workers 2
    python -m photo_motifs embed photos.gpkg --cache cache.sqlite --scheduler tcp://10.0.0.5:8786
    python -m photo_motifs cluster photos.gpkg --cache cache.sqlite -o motifs.gpkg --sheets sheets
    python -m photo_motifs summarize motifs.gpkg -o summary.gpkg --cell-size 500 --min-users 5

Every step shows a progress bar (tqdm) and the algorithm's log lines on standard error. Exit
status: 0 done; 1 the step failed (the algorithm's sentence is printed, nothing that looks
complete is left); 2 wrong arguments; 130 interrupted with Ctrl-C (what was kept is said, e.g.
embeddings stay in the cache and the next run continues). Outputs: ``.gpkg`` (GeoPackage, via
pyogrio), ``.parquet`` (GeoParquet), ``.geojson``, ``.fgb``; inputs also read from those.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys

from ..core.options import (
    CLUSTER_METHOD_OPTIONS,
    CUT_OPTIONS,
    GRID_SHAPE_OPTIONS,
    LINKAGE_OPTIONS,
    METRIC_OPTIONS,
    PROJECTION_OPTIONS,
    SUMMARY_MEASURE_OPTIONS,
    TRAINING_METHOD_OPTIONS,
    values,
)

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


def _dask(p) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--scheduler", metavar="ADDRESS", help="embed on this Dask cluster (e.g. tcp://host:8786)")
    g.add_argument("--workers", type=int, metavar="N", help="embed on a local Dask cluster of N worker processes")
    p.add_argument("--threads", type=int, help="threads per Dask worker (or decoding threads on this machine)")
    p.add_argument("--partition-size", type=int, help="photos per Dask task (default 256)")


def _photos_in(p, embeddings=True) -> None:
    p.add_argument("layer", help="photo layer (.gpkg, .parquet, ...) with a photo path field")
    p.add_argument("--path-field", default="photo")
    if embeddings:
        p.add_argument("--cache", help="embedding cache file (default: the per-user cache)")
        p.add_argument("--backbone", help="model id (default efficientnet_lite0) or an own .onnx file")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m photo_motifs", description=__doc__.split("\n")[0])
    ap.add_argument("--quiet", action="store_true", help="no progress bars or log lines")
    sub = ap.add_subparsers(dest="step", required=True, metavar="STEP")
    _import_parsers(sub)
    _embed_parsers(sub)
    _class_parsers(sub)
    _summarize_parser(sub)
    return ap


def _import_parsers(sub) -> None:
    p = sub.add_parser("import", help="photos of a folder with their EXIF location")
    p.add_argument("folder")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--invalid", help="table of the files left out, with reasons (.csv or .parquet)")
    p.add_argument("--keep-unlocated", action="store_true")
    p.add_argument("--no-recursive", action="store_true")
    p = sub.add_parser("import-table", help="photos of a Flickr-style table joined to their files")
    p.add_argument("table")
    p.add_argument("folder")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--invalid")
    p.add_argument("--pattern", default="{id}")
    p.add_argument("--no-hash-owners", action="store_true")
    p.add_argument("--salt")
    p.add_argument("--column", action="append", default=[], metavar="ROLE=NAME",
                   help="column of a role (id, filename, latitude, longitude, taken_at, owner, title, tags, url)")
    p.add_argument("--no-recursive", action="store_true")


def _embed_parsers(sub) -> None:
    p = sub.add_parser("embed", help="image embeddings into the cache (locally or on Dask)")
    _photos_in(p)
    p.add_argument("-o", "--output", help="the layer with embed_status, embed_note, photo_id")
    p.add_argument("--vectors", help="export the vectors (.csv or .npz)")
    _dask(p)
    p = sub.add_parser("cluster", help="motifs: clusters of similar photos")
    _photos_in(p)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--method", choices=values(CLUSTER_METHOD_OPTIONS), default="hierarchical")
    p.add_argument("--metric", choices=values(METRIC_OPTIONS), default="cosine")
    p.add_argument("--linkage", choices=values(LINKAGE_OPTIONS), default="average")
    p.add_argument("--cut", choices=values(CUT_OPTIONS), default="auto")
    p.add_argument("--k", type=int, default=8)
    p.add_argument("--height-ratio", type=float, default=0.75)
    p.add_argument("--k-min", type=int, default=2)
    p.add_argument("--k-max", type=int, default=30)
    p.add_argument("--min-cluster-size", type=int, default=5)
    p.add_argument("--pca-dims", type=int, default=64, help="0 = no PCA")
    p.add_argument("--no-normalize", action="store_true")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--projection", choices=values(PROJECTION_OPTIONS), default="pca")
    p.add_argument("--sheets", help="folder for the contact sheets")
    p.add_argument("--report", help="run record (JSON)")
    _dask(p)


def _class_parsers(sub) -> None:
    p = sub.add_parser("train", help="a classifier from class folders or a layer's class field")
    p.add_argument("training", help="folder with one subfolder per class, or a photo layer")
    p.add_argument("-o", "--output", required=True, help="model folder")
    p.add_argument("--label-field", default="cluster")
    p.add_argument("--path-field", default="photo")
    p.add_argument("--cache")
    p.add_argument("--backbone")
    p.add_argument("--method", choices=values(TRAINING_METHOD_OPTIONS), default="linear")
    p.add_argument("--finetune-seconds", type=int, default=300)
    p.add_argument("--val-fraction", type=float, default=0.2)
    p.add_argument("--cv-folds", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--name")
    p = sub.add_parser("classify", help="a class for every photo with a trained or Lobe model")
    _photos_in(p, embeddings=False)
    p.add_argument("--model", required=True, help="signature.json or model.onnx")
    p.add_argument("--labels", help="labels file of a bare ONNX classifier")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--top-k", type=int, default=3)
    p.add_argument("--threshold", type=float, default=0.0)
    p.add_argument("--cache")
    p.add_argument("--no-cache", action="store_true")


def _summarize_parser(sub) -> None:
    p = sub.add_parser("summarize", help="motif summary per area (grid or polygons)")
    p.add_argument("layer")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--areas", help="polygon layer (default: a grid)")
    p.add_argument("--grid-shape", choices=values(GRID_SHAPE_OPTIONS), default="hexagon")
    p.add_argument("--cell-size", type=float, default=500.0)
    p.add_argument("--grid-crs")
    p.add_argument("--measure", choices=values(SUMMARY_MEASURE_OPTIONS), default="pud")
    p.add_argument("--min-users", type=int, default=5)
    for name in ("motif", "user", "date", "confidence"):
        p.add_argument(f"--{name}-field")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--scheduler", metavar="ADDRESS")
    g.add_argument("--workers", type=int, metavar="N")


def _client(args):
    """(Dask client or None, closer) for --scheduler / --workers."""
    if getattr(args, "scheduler", None):
        from dask.distributed import Client

        client = Client(args.scheduler)
        return client, client.close
    if getattr(args, "workers", None):
        from .distributed import local_cluster

        client = local_cluster(args.workers, getattr(args, "threads", None) or 1)

        def close():
            cluster = client.cluster
            client.close()
            cluster.close()

        return client, close
    return None, lambda: None


def run(args) -> None:
    """Carry out one step (raises ValueError & co. with the sentence on failure)."""
    from . import steps_cli

    step = {"import": steps_cli.import_photos, "import-table": steps_cli.import_table, "embed": steps_cli.embed,
            "cluster": steps_cli.cluster, "train": steps_cli.train, "classify": steps_cli.classify,
            "summarize": steps_cli.summarize}[args.step]
    client, close = _client(args)
    try:
        step(args, client, progress=not args.quiet)
    finally:
        close()


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    from ..core.feedback import Canceled

    try:
        run(args)
    except (Canceled, KeyboardInterrupt) as exc:
        detail = str(exc) if isinstance(exc, Canceled) and str(exc) != "Canceled by the user." else ""
        print(f"Interrupted. {detail}".strip(), file=sys.stderr)
        return EXIT_INTERRUPTED
    except (ValueError, OSError, KeyError, RuntimeError, sqlite3.Error) as exc:
        text = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        if isinstance(exc, OSError) and exc.strerror:
            text = f"Reading or writing {exc.filename or 'a file'} failed: {exc.strerror}."
        print(f"error: {text}", file=sys.stderr)
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
