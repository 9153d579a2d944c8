"""Accuracy by user against a random split, on photos of synthetic users with near-duplicates.

    python -m photo_motifs.bench.user_split [--data DIR] [--per-class N] [--copies K] [--seeds S]

Builds a collection the way crowdsourced photos come: the labelled photos of ``intel_scenes_dev``
(``N`` per class) are dealt out to synthetic users, five photos each, and every user keeps ``K``
near-duplicates of each photo (cropped to 85-97 % of the frame and re-encoded at JPEG quality
60-90), as a burst leaves them. A third of the users is set aside as *new users*. A classifier
is trained on the others with the by-user evaluation (``core.train.train_classifier`` with the
users as groups) and then scored on the new users' photos. Printed per seed: the by-user
hold-out accuracy, the random-split accuracy beside it, 5-fold cross-validation by user and at
random, and the accuracy on the new users — the figure the others try to predict.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

import numpy as np

DEFAULT_DATA = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
                    or Path(__file__).resolve().parent.parent.parent / "shared" / "data") / "labeled"
PHOTOS_PER_USER = 5


def build_user_photos(labeled: Path, out: Path, per_class: int = 50, copies: int = 1, seed: int = 0) -> list:
    """Write the near-duplicates into ``out``; rows (path, class, user) for originals and copies."""
    from PIL import Image

    root = labeled / "intel_scenes_dev"
    rng = random.Random(seed)
    originals = [(p, c.name) for c in sorted(root.iterdir()) if c.is_dir()
                 for p in sorted(c.glob("*.jpg"))[:per_class]]
    rng.shuffle(originals)
    n_users = max(2, len(originals) // PHOTOS_PER_USER)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for k, (path, label) in enumerate(originals):
        user = f"user{k % n_users:03d}"
        rows.append((str(path), label, user))
        with Image.open(path) as src:
            img = src.convert("RGB")
        w, h = img.size
        for j in range(copies):
            f = rng.uniform(0.85, 0.97)
            cw, ch = int(w * f), int(h * f)
            x0, y0 = rng.randint(0, w - cw), rng.randint(0, h - ch)
            copy = out / f"{label}_{path.stem}_{j}.jpg"
            img.crop((x0, y0, x0 + cw, y0 + ch)).save(copy, quality=rng.randint(60, 90))
            rows.append((str(copy), label, user))
    return rows


def embed_rows(rows):
    """(X, labels, users) of the rows with an embedding (the default classifier features)."""
    from ..core.embed import compute_embeddings
    from ..models.registry import DEFAULT_BACKBONE, classifier_spec, ensure_onnx, get_backbone

    spec = classifier_spec(get_backbone(DEFAULT_BACKBONE))
    emb = compute_embeddings([r[0] for r in rows], spec, ensure_onnx(spec))
    return (emb.matrix, [rows[i][1] for i in emb.rows], [rows[i][2] for i in emb.rows],
            getattr(spec, "classifier_blocks", None))


def evaluate_split(X, labels, users, blocks, seed: int = 0, cv_folds: int = 5, random_cv: bool = True) -> dict:
    """Train on two thirds of the users (by-user evaluation), score on the other third.

    ``random_cv``: also cross-validate at random (``cv_random``), for comparison.
    """
    from ..core.train import train_classifier

    rng = np.random.default_rng(seed)
    names = sorted(set(users))
    rng.shuffle(names)
    new = set(names[: len(names) // 3])
    test = np.array([u in new for u in users])
    keep = np.flatnonzero(~test)
    result = train_classifier(X[keep], [labels[i] for i in keep], seed=seed, cv_folds=cv_folds, blocks=blocks,
                              groups=[users[i] for i in keep], group_field="owner")
    at_random = None
    if cv_folds and random_cv:
        from ..core.train import check_inputs, cross_validate

        Xk, y, classes, _ = check_inputs(X[keep], [labels[i] for i in keep], "linear", 0.2, "balanced")
        at_random = cross_validate(Xk, y, classes, folds=cv_folds, seed=seed, blocks=blocks)
    y_new = np.searchsorted(np.asarray(result.classes), np.asarray([labels[i] for i in np.flatnonzero(test)]))
    new_acc = float(np.mean(result.head.predict_proba(X[test]).argmax(axis=1) == y_new))
    return {
        "by_user": result.evaluation.accuracy,
        "random_split": result.split["random_split"]["accuracy"],
        "cv_by_user": result.cv["pooled_accuracy"] if result.cv else None,
        "cv_random": at_random["pooled_accuracy"] if at_random else None,
        "new_users": new_acc,
        "n_validation": result.n_val,
        "n_new": int(test.sum()),
        "result": result,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--per-class", type=int, default=50)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=4)
    args = ap.parse_args(argv)
    if not (args.data / "intel_scenes_dev").is_dir():
        print(f"labelled data not found at {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        rows = build_user_photos(args.data, Path(tmp), args.per_class, args.copies)
        X, labels, users, blocks = embed_rows(rows)
    print(f"{len(labels)} photos ({args.per_class} per class x {1 + args.copies} versions), {len(set(users))} users")
    print("seed  by-user  random split  5-fold by user  5-fold random  new users")
    for seed in range(args.seeds):
        r = evaluate_split(X, labels, users, blocks, seed)
        print(f"{seed:4d}  {r['by_user']:7.3f}  {r['random_split']:12.3f}  {r['cv_by_user']:14.3f}  "
              f"{r['cv_random']:13.3f}  {r['new_users']:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
