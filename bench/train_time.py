"""Time training a classifier end to end (embedding included, cold cache) and print accuracies.

    python -m photo_motifs.bench.train_time [--data DIR] [--method linear|mlp] [--sets a,b,...]

1. All labelled sets under ``DIR`` (default: the shared test data ``labeled/``) are merged into
   one Lobe-style training folder of symlinks (classes prefixed by the set name) and trained
   with :func:`models.classifier_export.train_model_folder` on a cold cache (no embedding
   cache): seconds per phase, hold-out accuracy and balanced accuracy, seconds per 1,000 photos.
2. 5-fold cross-validation with the default settings on each set named in ``--cv-sets``
   (``--features final`` uses the backbone's final features only, as before multi-level
   features became the default: ``models.registry.classifier_spec``).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from ..core.embed import compute_embeddings
from ..core.train import class_counts, collect_folder_dataset, train_classifier
from ..models.classifier_export import train_model_folder
from ..models.registry import DEFAULT_BACKBONE, classifier_spec, ensure_onnx, get_backbone

DEFAULT_DATA = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
                    or Path(__file__).resolve().parent.parent.parent / "shared" / "data") / "labeled"
CV_SETS = "intel_scenes_dev,imagenet_sample_motifs"


def merged_folder(data: Path, sets: list, dest: Path) -> int:
    """Symlink every photo of ``sets`` into dest/<set>__<class>/; returns the photo count."""
    n = 0
    for name in sets:
        paths, labels, _ = collect_folder_dataset(data / name)
        for i, (p, label) in enumerate(zip(paths, labels)):
            folder = dest / f"{name}__{label}"
            folder.mkdir(parents=True, exist_ok=True)
            os.symlink(p, folder / f"{i:05d}_{Path(p).name}")
            n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("PHOTO_MOTIFS_LABELED", DEFAULT_DATA)))
    ap.add_argument("--sets", default="", help="comma-separated set names (default: every set)")
    ap.add_argument("--cv-sets", default=CV_SETS)
    ap.add_argument("--method", default="linear", choices=("linear", "mlp"))
    ap.add_argument("--backbone", default=DEFAULT_BACKBONE)
    ap.add_argument("--features", default="multi", choices=("multi", "final"),
                    help="classifier features for the cross-validation: multi-level (default) or final only")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"labelled data not found at {args.data}", file=sys.stderr)
        return 2
    sets = [s for s in args.sets.split(",") if s] or sorted(p.name for p in args.data.iterdir() if p.is_dir())
    spec = get_backbone(args.backbone)
    t0 = time.perf_counter()
    onnx_path = ensure_onnx(spec.id)
    print(f"backbone {spec.cache_key} ready in {time.perf_counter() - t0:.1f} s (converted once per user)")

    with tempfile.TemporaryDirectory(prefix="pm_train_bench_") as tmp:
        train_dir = Path(tmp) / "train"
        n = merged_folder(args.data, sets, train_dir)
        print(f"\n== end-to-end training: {n} photos from {', '.join(sets)} "
              f"({len(class_counts(p.name for p in train_dir.iterdir()))} classes), cold cache, {args.method} head")
        t0 = time.perf_counter()
        trained = train_model_folder(train_dir, Path(tmp) / "model", backbone=spec.id, method=args.method)
        total = time.perf_counter() - t0
        for phase, s in trained.seconds.items():
            print(f"  {phase:10s} {s:6.1f} s")
        for phase, s in trained.result.seconds.items():
            print(f"    training/{phase:16s} {s:6.1f} s")
        print(f"  total      {total:6.1f} s  ({1000.0 * total / n:.1f} s per 1,000 photos)")
        ev = trained.result.evaluation
        print(f"  hold-out ({ev.n} photos): accuracy {ev.accuracy:.3f}, balanced accuracy {ev.balanced_accuracy:.3f}")

    fspec = classifier_spec(spec) if args.features == "multi" else spec
    blocks = fspec.classifier_blocks if fspec.variant else None
    print("\n== 5-fold cross-validation, default settings "
          f"({args.method}, L2 + standardise, C by inner CV, balanced class weights), features {fspec.cache_key}")
    for name in [s for s in args.cv_sets.split(",") if s]:
        paths, labels, _ = collect_folder_dataset(args.data / name)
        emb = compute_embeddings(paths, fspec, onnx_path)
        y = [labels[i] for i in emb.rows]
        t0 = time.perf_counter()
        res = train_classifier(emb.matrix, y, method=args.method, cv_folds=5, blocks=blocks)
        cv = res.cv
        print(f"  {name:24s} {len(y):4d} photos {len(res.classes):2d} classes: accuracy "
              f"{cv['accuracy_mean']:.3f} ± {cv['accuracy_std']:.3f}, balanced {cv['balanced_accuracy_mean']:.3f}, "
              f"hold-out {res.evaluation.accuracy:.3f}  ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
