"""How well each backbone's embeddings separate labelled photo classes (the quality check of new backbones).

    python -m photo_motifs.bench.embed_quality [--seeds 10] [--sets intel_scenes_dev,...]

For every labelled set and backbone it embeds the photos with ``core.embed.compute_embeddings``
(no cache) and prints the 5-fold cross-validated accuracy of scikit-learn's LogisticRegression
with its default settings (C=1, L2; ``max_iter`` raised so that it converges) on the raw
embeddings: what a user gets in Orange with Image Embedding -> Test & Score -> Logistic
Regression. Mean and standard deviation are over ``--seeds`` different fold shuffles; the
difference to Orange's SqueezeNet (``orange_squeezenet``, Orange's preprocessing reproduced,
column swap included) is paired: the same folds for both backbones, so its spread is the
spread of the difference itself.

The last column is the default classifier of ``photomotifs:train`` (linear head on multi-level
features, ``core.train.cross_validate``) for the EfficientNets, for reference.
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

import numpy as np

from ..core.embed import compute_embeddings
from ..core.train import collect_folder_dataset, cross_validate
from ..models.registry import classifier_spec, ensure_onnx, get_backbone

LABELED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
               or Path(__file__).resolve().parents[2] / "shared" / "data") / "labeled"
BACKBONES = "orange_squeezenet,efficientnet_lite0,efficientnet_lite0_int8,efficientnet_lite2"
SETS = "intel_scenes_dev,imagenet_sample_motifs,amos_daynight_training"


def fold_accuracies(X, y, seeds: int) -> np.ndarray:
    """[seeds, 5] accuracies of LogisticRegression (defaults) under seeded stratified 5-fold CV."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros((seeds, 5))
    for s in range(seeds):
        splits = StratifiedKFold(5, shuffle=True, random_state=s).split(X, y)
        for k, (tr, te) in enumerate(splits):
            model = LogisticRegression(max_iter=5000).fit(X[tr], y[tr])
            out[s, k] = np.mean(model.predict(X[te]) == y[te])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--sets", default=SETS)
    ap.add_argument("--backbones", default=BACKBONES)
    ap.add_argument("--classifier-seeds", type=int, default=3)
    args = ap.parse_args(argv)
    if not LABELED.is_dir():
        print(f"labelled photos not found at {LABELED} (set PHOTO_MOTIFS_SHARED_DATA)")
        return 1
    warnings.filterwarnings("ignore", message="The least populated class")
    names = [b for b in args.backbones.split(",") if b]
    print(f"5-fold CV, LogisticRegression defaults, {args.seeds} shuffles; paired difference to "
          f"{names[0]}")
    for set_name in [s for s in args.sets.split(",") if s]:
        paths, labels, _ = collect_folder_dataset(LABELED / set_name)
        classes = sorted(set(labels))
        y = np.array([classes.index(v) for v in labels])
        print(f"\n[{set_name}] {len(paths)} photos, {len(classes)} classes")
        base = None
        for name in names:
            spec = get_backbone(name)
            cspec = classifier_spec(spec)
            # one run per photo: a multi-level output starts with the final features
            res = compute_embeddings(paths, cspec, onnx_path=ensure_onnx(name))
            if res.failed:
                print(f"  {name}: {len(res.failed)} photos failed, skipped")
                continue
            acc = fold_accuracies(res.matrix[:, :spec.output_dim], y, args.seeds)
            per_seed = acc.mean(axis=1)
            line = f"  {name:24s} LR {per_seed.mean():.3f} ± {per_seed.std():.3f}"
            if base is None:
                base = acc
            else:
                diff = (acc - base).mean(axis=1)
                wins = float(np.mean(acc > base)), float(np.mean(acc < base))
                line += (f" | vs {names[0]}: {diff.mean():+.3f} ± {diff.std():.3f} "
                         f"(folds better/worse {100 * wins[0]:.0f}/{100 * wins[1]:.0f} %)")
            if cspec is not spec:
                cv = np.mean([cross_validate(res.matrix, y, classes, folds=5, seed=s,
                                             blocks=spec.classifier_blocks)["accuracy_mean"]
                              for s in range(args.classifier_seeds)])
                line += f" | default classifier {cv:.3f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
