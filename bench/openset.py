"""Open-set classification: how well the calibrated 'unknown' (core/openset.py) separates photos
of the known classes from photos of other kinds, and what it costs the known classes.

    python -m photo_motifs.bench.openset [--data DIR] [--seeds 0,1,2] [--cache FILE] [--no-extra]

Protocol (nothing about the unknown photos is used to fit or calibrate anything):

* Known photos: ``intel_scenes_dev`` (6 scene classes x 50). Stratified 5-fold cross-validation,
  repeated for every seed: the head (``core.train.fit_head``, default settings) and the
  'unknown' calibration (``core.openset.fit_unknown``, from the training part only) are fitted
  on 4 folds; the 5th fold plays the "unseen scene photos".
* Unknown photos, by source. *Development* sources (used while choosing the score and its
  defaults): the other shared labelled sets (imagenet_sample_motifs, amos_daynight_training,
  debian_wallpapers) and shared/data/geotagged. *Report-only* sources (looked at only after the
  defaults were committed; skipped when absent): scikit-image's sample images, Debian's
  mate-backgrounds and grass-doc's figures (screenshots, maps, diagrams).
* Every unknown photo is classified by each fold's model. Open-set macro-F1 counts ``unknown``
  as a 7th class; the known and unknown photos are weighted as 1,200 scene photos : 1,000
  photos of another kind (the shape of the acceptance check). Known-class accuracy counts a
  known photo called ``unknown`` as wrong; "closed" is the same head without 'unknown'.
* Grid: every (method, k) x target rejection: the Local Outlier Factor with k = 10, 20, 35 and the
  per-class k-NN distance with k = 5.
* Leave-one-source-out: for each development source, the (method, k, target rejection) a user
  would pick from the *other* development sources (best mean macro-F1 with a known-class
  accuracy drop of at most 3 points, and of at most 2.5 points: half a point kept for the noise
  of an estimate on 300 photos) and what it gives on the held-out source.
* ``--compare`` (first seed only): other scores from the literature, each with its threshold
  chosen on held-out folds of the training part (target rejection 3 % and 5 %): LOF and the
  per-class k-NN distance as ``fit_unknown`` calibrates them, the head's maximum softmax
  probability, energy, Mahalanobis distance with a shared Ledoit-Wolf covariance; share of each
  source rejected and of known photos rejected.
* ``--small`` (5 random draws): LOF against k-NN when the training classes are small (5, 10, 20,
  40 photos each; the rest of intel_scenes_dev as unseen scenes): why ``method='auto'`` takes
  k-NN under 30 photos per class.
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
from ..core.openset import DEFAULT_REJECTION, LIMIT, fit_unknown, score_dims, unit_features
from ..core.train import collect_folder_dataset, fit_head
from ..models.registry import DEFAULT_BACKBONE, classifier_spec, ensure_onnx, get_backbone

DEFAULT_DATA = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
                    or Path(__file__).resolve().parent.parent.parent / "shared" / "data")
KNOWN = "intel_scenes_dev"
DEV_SOURCES = ("imagenet_sample_motifs", "amos_daynight_training", "debian_wallpapers", "geotagged")
MIX = 1000.0 / 1200.0  # unknown : known weight, as in the acceptance check
RULES = (("lof", 10), ("lof", 20), ("lof", 35), ("knn", 5))
DEFAULT_RULE = ("lof", 20)  # what method='auto' takes with 40 training photos per class
REJECTIONS = (0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.10)
MAX_DROPS = (0.03, 0.025)


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
    """One fold: head predictions; for every (k, rejection) which test photos are unknown."""
    head = fit_head(Xk[tr], yk[tr], classes, blocks=blocks, seed=seed)
    out = {"pred": head.predict_proba(Xk[te]).argmax(1), "upred": {}, "known": {}, "unknown": {}}
    for name, (X, _groups) in sources.items():
        out["upred"][name] = head.predict_proba(X).argmax(1)
    auto = fit_unknown(Xk[tr], yk[tr], classes, blocks=blocks, seed=seed)
    assert (auto.method, auto.k) == DEFAULT_RULE, (auto.method, auto.k)
    for rule in RULES:
        for r in REJECTIONS:
            cal = fit_unknown(Xk[tr], yk[tr], classes, blocks=blocks, target_rejection=r, method=rule[0], k=rule[1],
                              seed=seed)
            out["known"][(rule, r)] = cal.scores(Xk[te]) > LIMIT
            out["unknown"][(rule, r)] = {name: cal.scores(X) > LIMIT for name, (X, _g) in sources.items()}
    return out


def run(Xk, yk, classes, blocks, sources, seeds) -> list:
    from sklearn.model_selection import StratifiedKFold

    runs = []
    for seed in seeds:
        folds = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(Xk, yk))
        runs.append([(te, _fold_scores(Xk, yk, classes, blocks, tr, te, sources, seed)) for tr, te in folds])
    return runs


def figures(runs, yk, sources, rule, rejection) -> dict:
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
            closed[te] = f["pred"]
            opened[te] = np.where(f["known"][(rule, rejection)], n_classes, f["pred"])
            for name in sources:
                urej[name].append(f["unknown"][(rule, rejection)][name])
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


def _print_default(fig, rule, rejection, dev, extra) -> None:
    print(f"\n== default: {rule[0]}, k = {rule[1]}, target rejection {rejection:.0%} (mean over seeds)")
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
    print("  rule \\ rejection " + "".join(f"{r:>14.0%}" for r in REJECTIONS))
    for rule in RULES:
        cells = []
        for r in REJECTIONS:
            fig = figures(runs, yk, {n: sources[n] for n in dev}, rule, r)
            grid[(rule, r)] = fig
            mean_f1 = np.mean([fig["sources"][n]["f1"] for n in dev])
            cells.append(f"{100 * (fig['closed'] - fig['open']):5.1f} / {mean_f1:.3f}")
        print(f"  {rule[0] + ' k=' + str(rule[1]):17s} " + "".join(f"{c:>14s}" for c in cells))
    return grid


def _print_loso(grid, dev) -> None:
    default = grid[(DEFAULT_RULE, DEFAULT_REJECTION)]
    for max_drop in MAX_DROPS:
        print(f"\n== leave-one-source-out choice (best mean macro-F1 on the other dev sources, drop <= "
              f"{100 * max_drop:.1f} points)")
        for held in dev:
            others = [n for n in dev if n != held]
            allowed = [(key, f) for key, f in grid.items() if f["closed"] - f["open"] <= max_drop + 1e-9]
            ((method, k), r), fig = max(allowed, key=lambda kf: np.mean([kf[1]["sources"][n]["f1"] for n in others]))
            print(f"  without {held:22s}: {method} k = {k:2d}, rejection {r:.0%} -> on {held}: macro-F1 "
                  f"{fig['sources'][held]['f1']:.3f} (default {default['sources'][held]['f1']:.3f})")


# --------------------------------------------------------------------------- other scores (--compare)


def _head_score(kind):
    """Scores from the head's logits: 1 - max softmax probability, or energy (-logsumexp)."""
    from scipy.special import logsumexp, softmax

    def fit(X, y, classes, blocks, seed):
        head = fit_head(X, y, classes, blocks=blocks, seed=seed)
        if kind == "msp":
            return lambda Q: 1.0 - softmax(head.logits(Q), axis=1).max(axis=1)
        return lambda Q: -logsumexp(head.logits(Q), axis=1)
    return fit


def _mahalanobis(X, y, classes, blocks, seed):
    """Smallest Mahalanobis distance to a class mean, shared Ledoit-Wolf covariance (Lee et al. 2018)."""
    from sklearn.covariance import LedoitWolf

    dims = score_dims(blocks, X.shape[1])
    Z = unit_features(X, dims)
    means = np.stack([Z[y == c].mean(axis=0) for c in np.unique(y)])
    cov = LedoitWolf().fit(Z - means[np.searchsorted(np.unique(y), y)])
    return lambda Q: np.min(np.stack([cov.mahalanobis(unit_features(Q, dims) - m) for m in means], axis=1), axis=1)


SCORES = {"max softmax probability": _head_score("msp"), "energy": _head_score("energy"),
          "Mahalanobis (Ledoit-Wolf)": _mahalanobis}


def compare(Xk, yk, classes, blocks, sources, seed, rejections=(0.03, 0.05)) -> None:
    """Every score of SCORES with the same protocol: rejection of known photos and of each source."""
    from sklearn.model_selection import StratifiedKFold

    print(f"\n== other scores (seed {seed}; threshold from held-out folds of each training part)")
    print(f"  {'score':30s} {'target':>6s} {'known':>6s} " + " ".join(f"{n[:12]:>12s}" for n in sources))
    outer = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(Xk, yk))
    rows = {}
    for label, method in (("LOF k=20 (default here)", "lof"), ("k-NN k=5 per class", "knn")):
        for r in rejections:  # calibrated as train does it
            cals = [(te, fit_unknown(Xk[tr], yk[tr], classes, blocks=blocks, target_rejection=r, method=method,
                                     seed=seed)) for tr, te in outer]
            rows[(label, r)] = (
                np.concatenate([c.scores(Xk[te]) > LIMIT for te, c in cals]),
                {n: np.concatenate([c.scores(X) > LIMIT for _te, c in cals]) for n, (X, _g) in sources.items()})
    for name, fit in SCORES.items():
        known = {r: [] for r in rejections}
        unknown = {r: {n: [] for n in sources} for r in rejections}
        for tr, te in outer:
            held = np.zeros(len(tr))
            for itr, ite in StratifiedKFold(5, shuffle=True, random_state=seed).split(Xk[tr], yk[tr]):
                held[ite] = fit(Xk[tr][itr], yk[tr][itr], classes, blocks, seed)(Xk[tr][ite])
            score = fit(Xk[tr], yk[tr], classes, blocks, seed)
            s_known, s_unknown = score(Xk[te]), {n: score(X) for n, (X, _g) in sources.items()}
            for r in rejections:
                t = np.quantile(held, 1.0 - r)
                known[r].append(s_known > t)
                for n in sources:
                    unknown[r][n].append(s_unknown[n] > t)
        for r in rejections:
            rows[(name, r)] = (np.concatenate(known[r]), {n: np.concatenate(unknown[r][n]) for n in sources})
    for (name, r), (known, unknown) in rows.items():
        cells = " ".join(f"{np.mean(unknown[n]):12.1%}" for n in sources)
        print(f"  {name:30s} {r:6.0%} {np.mean(known):6.1%} {cells}")


def small_classes(Xk, yk, classes, blocks, sources, draws=5, sizes=(5, 10, 20, 40)) -> None:
    """LOF against k-NN with few training photos per class (the rest of the known set is unseen)."""
    print("\n== small training classes (target 3 %; mean of", draws, "random draws): share called unknown")
    print(f"  {'photos/class':>12s} {'rule':6s} {'known':>6s} " + " ".join(f"{n[:12]:>12s}" for n in sources))
    for size in sizes:
        for method in ("lof", "knn"):
            known, unknown = [], {n: [] for n in sources}
            for draw in range(draws):
                rng = np.random.default_rng(draw)
                tr = np.concatenate([rng.permutation(np.flatnonzero(yk == c))[:size] for c in np.unique(yk)])
                te = np.setdiff1d(np.arange(len(yk)), tr)
                cal = fit_unknown(Xk[tr], yk[tr], classes, blocks=blocks, method=method, seed=draw)
                known.append(np.mean(cal.scores(Xk[te]) > LIMIT))
                for n, (X, _g) in sources.items():
                    unknown[n].append(np.mean(cal.scores(X) > LIMIT))
            cells = " ".join(f"{np.mean(unknown[n]):12.1%}" for n in sources)
            print(f"  {size:12d} {method:6s} {np.mean(known):6.1%} {cells}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--backbone", default=DEFAULT_BACKBONE)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "photo_motifs_bench_openset.sqlite")
    ap.add_argument("--no-extra", action="store_true", help="only the shared data (no report-only sources)")
    ap.add_argument("--compare", action="store_true", help="also other scores (max softmax, energy, ...)")
    ap.add_argument("--small", action="store_true", help="also LOF against k-NN with small training classes")
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
    _print_default(figures(runs, yk, sources, DEFAULT_RULE, DEFAULT_REJECTION), DEFAULT_RULE, DEFAULT_REJECTION,
                   dev, extra)
    dev_names = [n for n in DEV_SOURCES if n in sources]
    grid = _print_grid(runs, yk, sources, dev_names)
    _print_loso(grid, dev_names)
    if args.compare:
        compare(Xk, yk, classes, blocks, sources, seeds[0])
    if args.small:
        small_classes(Xk, yk, classes, blocks, sources)
    return 0


if __name__ == "__main__":
    sys.exit(main())
