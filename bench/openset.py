"""Open-set classification: how well the calibrated 'unknown' (core/openset.py) separates photos
of the known classes from photos of other kinds, and what it costs the known classes.

    python -m photo_motifs.bench.openset [--data DIR] [--seeds 0,1,2] [--cache FILE] [--no-extra]

Protocol (nothing about the unknown photos is used to fit or calibrate anything):

* Known photos: ``intel_scenes_dev`` (6 scene classes x 50). Stratified 5-fold cross-validation,
  repeated for every seed: the head (``core.train.fit_head``, default settings) and the
  'unknown' calibration (``core.openset.fit_unknown``: threshold from held-out folds of the
  training part) are fitted on 4 folds; the 5th fold plays the "unseen scene photos".
* Unknown photos, by source. *Development* sources (used while choosing the score and its
  defaults): the other shared labelled sets (imagenet_sample_motifs, amos_daynight_training,
  debian_wallpapers) and shared/data/geotagged. *Report-only* sources (looked at only after the
  defaults were committed; skipped when absent): scikit-image's sample images, Debian's
  mate-backgrounds and grass-doc's figures (screenshots, maps, diagrams).
* Every unknown photo is classified by each fold's model. Open-set macro-F1 counts ``unknown``
  as a 7th class; the known and unknown photos are weighted as 1,200 scene photos : 1,000
  photos of another kind (the shape of the acceptance check). Known-class accuracy counts a
  known photo called ``unknown`` as wrong; "closed" is the same head without 'unknown'.
* Leave-one-source-out: for each development source, the (k, target rejection) pair a user
  would pick from the *other* development sources (best mean macro-F1 with a known-class
  accuracy drop of at most 3 points) and what it gives on the held-out source.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from ..core.embcache import EmbeddingCache
from ..core.embed import compute_embeddings
from ..core.files import is_image_name, list_files
from ..core.openset import (
    DEFAULT_K,
    DEFAULT_REJECTION,
    class_knn_distance,
    held_out_distances,
    score_dims,
    unit_features,
)
from ..core.train import collect_folder_dataset, fit_head
from ..models.registry import DEFAULT_BACKBONE, classifier_spec, ensure_onnx, get_backbone

DEFAULT_DATA = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
                    or Path(__file__).resolve().parent.parent.parent / "shared" / "data")
KNOWN = "intel_scenes_dev"
DEV_SOURCES = ("imagenet_sample_motifs", "amos_daynight_training", "debian_wallpapers", "geotagged")
MIX = 1000.0 / 1200.0  # unknown : known weight, as in the acceptance check
KS = (1, 3, 5, 10, 20)
REJECTIONS = (0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.10)
MAX_DROP = 0.03


def _extra_sources() -> dict:
    """Report-only sources found on this machine: {name: [(path, sub-group)]}."""
    out = {}
    try:
        import skimage

        folder = Path(skimage.__file__).parent / "data"
        out["skimage_samples"] = [(p, "sample") for p in sorted(folder.iterdir()) if is_image_name(p.name)]
    except ImportError:
        pass
    mate = Path("/usr/share/backgrounds/mate")
    if mate.is_dir():
        out["mate_backgrounds"] = [(p, p.parent.name) for p in list_files(mate, recursive=True)
                                   if is_image_name(p.name)]
    grass = Path("/usr/share/doc/grass-doc/html")
    if grass.is_dir():
        out["grass_doc_figures"] = [(p, "figure") for p in list_files(grass, recursive=False) if is_image_name(p.name)]
    return {k: v for k, v in out.items() if v}


def _dev_sources(data: Path) -> dict:
    out = {}
    for name in DEV_SOURCES:
        folder = data / ("geotagged" if name == "geotagged" else f"labeled/{name}")
        if not folder.is_dir():
            continue
        if name == "geotagged":
            out[name] = [(p, "edge_cases" if "edge_cases" in p.parts else "camera")
                         for p in list_files(folder, recursive=True) if is_image_name(p.name)]
        else:
            paths, labels, _ = collect_folder_dataset(folder)
            out[name] = list(zip(paths, labels))
    return out


def _embed(items, spec, onnx_path, cache) -> tuple:
    emb = compute_embeddings([str(p) for p, _g in items], spec, onnx_path, cache=cache)
    return emb.matrix, np.asarray([items[i][1] for i in emb.rows], dtype=object), len(emb.failed)


def _fold_scores(Xk, yk, classes, blocks, tr, te, sources, seed) -> dict:
    """One fold: head predictions and k-NN distances (held-out training, test known, unknown)."""
    head = fit_head(Xk[tr], yk[tr], classes, blocks=blocks, seed=seed)
    dims = score_dims(blocks, Xk.shape[1])
    Ztr, Zte = unit_features(Xk[tr], dims), unit_features(Xk[te], dims)
    out = {"pred": head.predict_proba(Xk[te]).argmax(1), "upred": {}, "held": {}, "known": {}, "unknown": {}}
    for name, (X, _groups) in sources.items():
        out["upred"][name] = head.predict_proba(X).argmax(1)
    for k in KS:
        out["held"][k] = held_out_distances(Ztr, yk[tr], k=k, seed=seed)
        out["known"][k] = class_knn_distance(Ztr, yk[tr], Zte, k)
        out["unknown"][k] = {name: class_knn_distance(Ztr, yk[tr], unit_features(X, dims), k)
                             for name, (X, _g) in sources.items()}
    return out


def run(Xk, yk, classes, blocks, sources, seeds) -> list:
    from sklearn.model_selection import StratifiedKFold

    runs = []
    for seed in seeds:
        folds = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(Xk, yk))
        runs.append([(te, _fold_scores(Xk, yk, classes, blocks, tr, te, sources, seed)) for tr, te in folds])
    return runs


def figures(runs, yk, sources, k, rejection) -> dict:
    """Mean over seeds: closed / open known accuracy, known rejected; per source rejected, macro-F1."""
    from sklearn.metrics import f1_score

    n_classes = int(yk.max()) + 1
    acc = {"closed": [], "open": [], "known_rejected": []}
    per = {name: {"rejected": [], "f1": [], "f1_closed": [], "groups": {}} for name in sources}
    for folds in runs:
        closed = np.zeros(len(yk), dtype=np.int64)
        opened = np.zeros(len(yk), dtype=np.int64)
        upred = {name: [] for name in sources}
        urej = {name: [] for name in sources}
        for te, f in folds:
            t = np.quantile(f["held"][k], 1.0 - rejection)
            closed[te] = f["pred"]
            opened[te] = np.where(f["known"][k] > t, n_classes, f["pred"])
            for name in sources:
                urej[name].append(f["unknown"][k][name] > t)
                upred[name].append(f["upred"][name])
        acc["closed"].append(np.mean(closed == yk))
        acc["open"].append(np.mean(opened == yk))
        acc["known_rejected"].append(np.mean(opened == n_classes))
        for name, (_X, groups) in sources.items():
            rej, pred = np.concatenate(urej[name]), np.concatenate(upred[name])
            y_true = np.r_[yk, np.full(len(rej), n_classes)]
            weights = np.r_[np.ones(len(yk)), np.full(len(rej), MIX * len(yk) / len(rej))]
            per[name]["rejected"].append(rej.mean())
            per[name]["f1"].append(f1_score(y_true, np.r_[opened, np.where(rej, n_classes, pred)],
                                            average="macro", sample_weight=weights))
            per[name]["f1_closed"].append(f1_score(y_true, np.r_[closed, pred], average="macro",
                                                   sample_weight=weights))
            for g in sorted(set(groups)):
                mask = np.tile(groups == g, len(folds))
                per[name]["groups"].setdefault(g, []).append((rej[mask].mean(), int(np.sum(groups == g))))
    out = {key: float(np.mean(v)) for key, v in acc.items()}
    out["sources"] = {name: {"rejected": float(np.mean(v["rejected"])), "f1": float(np.mean(v["f1"])),
                             "f1_closed": float(np.mean(v["f1_closed"])),
                             "groups": {g: (float(np.mean([r for r, _n in rows])), rows[0][1])
                                        for g, rows in v["groups"].items()}}
                      for name, v in per.items()}
    return out


def _print_default(fig, k, rejection, dev, extra) -> None:
    print(f"\n== default: k = {k}, target rejection {rejection:.0%} (mean over seeds)")
    print(f"  known-class accuracy: closed set {fig['closed']:.3f}, with 'unknown' {fig['open']:.3f} "
          f"(drop {100 * (fig['closed'] - fig['open']):.1f} points); known photos called unknown "
          f"{fig['known_rejected']:.1%}")
    print(f"  {'source':22s} {'photos':>6s} {'rejected':>8s} {'macro-F1':>8s} {'(no unknown)':>12s}")
    for name, s in fig["sources"].items():
        kind = "dev" if name in dev else "report-only" if name in extra else ""
        n = sum(n for _r, n in s["groups"].values())
        print(f"  {name:22s} {n:6d} {s['rejected']:8.1%} {s['f1']:8.3f} {s['f1_closed']:12.3f}  {kind}")
        print("      " + ", ".join(f"{g} {r:.0%} of {n}" for g, (r, n) in s["groups"].items()))


def _print_grid(runs, yk, sources, dev) -> dict:
    print("\n== grid (development sources only): drop in known accuracy / mean macro-F1 over dev sources")
    grid = {}
    print("  k \\ rejection " + "".join(f"{r:>14.0%}" for r in REJECTIONS))
    for k in KS:
        cells = []
        for r in REJECTIONS:
            fig = figures(runs, yk, {n: sources[n] for n in dev}, k, r)
            grid[(k, r)] = fig
            mean_f1 = np.mean([fig["sources"][n]["f1"] for n in dev])
            cells.append(f"{100 * (fig['closed'] - fig['open']):5.1f} / {mean_f1:.3f}")
        print(f"  {k:14d} " + "".join(f"{c:>14s}" for c in cells))
    return grid


def _print_loso(grid, dev) -> None:
    print(f"\n== leave-one-source-out choice (best mean macro-F1 on the other dev sources, drop <= {MAX_DROP:.0%})")
    default = grid[(DEFAULT_K, DEFAULT_REJECTION)]
    for held in dev:
        others = [n for n in dev if n != held]
        allowed = [(key, f) for key, f in grid.items() if f["closed"] - f["open"] <= MAX_DROP + 1e-9]
        (k, r), fig = max(allowed, key=lambda kf: np.mean([kf[1]["sources"][n]["f1"] for n in others]))
        print(f"  without {held:22s}: k = {k:2d}, rejection {r:.0%} -> on {held}: macro-F1 "
              f"{fig['sources'][held]['f1']:.3f} (default {default['sources'][held]['f1']:.3f})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--backbone", default=DEFAULT_BACKBONE)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "photo_motifs_bench_openset.sqlite")
    ap.add_argument("--no-extra", action="store_true", help="only the shared data (no report-only sources)")
    args = ap.parse_args(argv)
    known_dir = args.data / "labeled" / KNOWN
    if not known_dir.is_dir():
        print(f"{known_dir} not found (set PHOTO_MOTIFS_SHARED_DATA or --data)", file=sys.stderr)
        return 2
    spec = classifier_spec(get_backbone(args.backbone))
    onnx_path = ensure_onnx(spec)
    blocks = spec.classifier_blocks if spec.variant else None
    t0 = time.perf_counter()
    with EmbeddingCache(args.cache) as cache:
        paths, labels, _ = collect_folder_dataset(known_dir)
        Xk, lk, _ = _embed(list(zip(paths, labels)), spec, onnx_path, cache)
        dev = _dev_sources(args.data)
        extra = {} if args.no_extra else _extra_sources()
        sources = {}
        for name, items in {**dev, **extra}.items():
            X, groups, failed = _embed(items, spec, onnx_path, cache)
            sources[name] = (X, groups)
            print(f"{name}: {len(X)} photos embedded, {failed} unreadable")
    classes = sorted(set(lk))
    yk = np.searchsorted(np.asarray(classes, dtype=object), lk)
    print(f"embeddings ({spec.cache_key}) in {time.perf_counter() - t0:.0f} s; {len(yk)} known photos, "
          f"{len(classes)} classes")
    seeds = [int(s) for s in args.seeds.split(",") if s]
    t0 = time.perf_counter()
    runs = run(Xk, yk, classes, blocks, sources, seeds)
    print(f"{len(seeds)} x 5-fold cross-validation in {time.perf_counter() - t0:.0f} s")
    _print_default(figures(runs, yk, sources, DEFAULT_K, DEFAULT_REJECTION), DEFAULT_K, DEFAULT_REJECTION,
                   dev, extra)
    dev_names = [n for n in DEV_SOURCES if n in sources]
    grid = _print_grid(runs, yk, sources, dev_names)
    _print_loso(grid, dev_names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
