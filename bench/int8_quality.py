"""int8 versus fp32 EfficientNet-Lite0: the conditions for offering int8, measured.

    python -m photo_motifs.bench.int8_quality [--seeds 3]

On each labelled set (intel_scenes_dev, imagenet_sample_motifs; none was used to calibrate the
int8 model) it decodes every photo once, runs both graphs on the same pixels and prints:

* cosine similarity of the int8 embedding to the fp32 one (mean, 5th percentile, minimum),
  and whether every int8 vector's nearest fp32 vector is its own photo;
* ImageNet top-1 agreement of the two graphs' logits;
* 5-fold logistic regression (scikit-learn defaults) on the 1280-d features, mean over
  ``--seeds`` shuffles (the quality protocol of bench/embed_quality.py);
* 5-fold CV of the default classifier (``core.train`` linear head on multi-level features);
* single-thread inference time per photo (slices of 2, as the embedding runner does).

Conditions for offering int8: cosine >= 0.99 to fp32 and classification accuracy within 1 point.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from ..core.decode import load_for_backbone
from ..core.embed import OnnxBackbone
from ..core.train import collect_folder_dataset, cross_validate
from ..models.registry import classifier_spec, ensure_onnx, get_backbone
from .embed_quality import fold_accuracies

LABELED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
               or Path(__file__).resolve().parents[2] / "shared" / "data") / "labeled"
SETS = ("intel_scenes_dev", "imagenet_sample_motifs")


def _ms_per_photo(backbone, batch) -> float:
    backbone.run(batch[:4])
    start = time.process_time()
    backbone.run(batch)
    return 1000 * (time.process_time() - start) / len(batch)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args(argv)
    if not LABELED.is_dir():
        print(f"labelled photos not found at {LABELED} (set PHOTO_MOTIFS_SHARED_DATA)")
        return 1
    warnings.filterwarnings("ignore", message="The least populated class")
    names = ("efficientnet_lite0", "efficientnet_lite0_int8")
    specs = {n: get_backbone(n) for n in names}
    nets = {n: OnnxBackbone(specs[n], ensure_onnx(n), threads=1) for n in names}
    # one run per photo: the multi-level output starts with the final features (graph contract)
    multi = {n: OnnxBackbone(classifier_spec(specs[n]), ensure_onnx(n), threads=1) for n in names}
    blocks = specs[names[0]].classifier_blocks
    dim = specs[names[0]].output_dim
    import onnxruntime as ort

    logit_sessions = {n: ort.InferenceSession(str(ensure_onnx(n)), providers=["CPUExecutionProvider"])
                      for n in names}
    print(f"CPUs: {os.cpu_count()}; inference timed on one thread")
    for set_name in SETS:
        paths, labels, _ = collect_folder_dataset(LABELED / set_name)
        classes = sorted(set(labels))
        y = np.array([classes.index(v) for v in labels])
        batch = np.stack([load_for_backbone(p, specs[names[0]]) for p in paths])
        multis = {n: multi[n].run(batch) for n in names}
        feats = {n: m[:, :dim] for n, m in multis.items()}
        a, b = feats[names[0]], feats[names[1]]
        cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        an = a / np.linalg.norm(a, axis=1, keepdims=True)
        bn = b / np.linalg.norm(b, axis=1, keepdims=True)
        own = float(np.mean((bn @ an.T).argmax(1) == np.arange(len(a))))
        x = batch.transpose(0, 3, 1, 2).astype(np.float32)
        top1 = {n: np.concatenate([logit_sessions[n].run(["logits"], {"pixels": x[i:i + 16]})[0].argmax(1)
                                   for i in range(0, len(x), 16)]) for n in names}
        agree = float(np.mean(top1[names[0]] == top1[names[1]]))
        print(f"\n[{set_name}] {len(paths)} photos, {len(classes)} classes")
        print(f"  cosine int8 vs fp32: mean {cos.mean():.4f}, 5th percentile {np.percentile(cos, 5):.4f}, "
              f"min {cos.min():.4f}; own photo is the nearest fp32 vector for {100 * own:.1f} %")
        print(f"  ImageNet top-1 agreement: {100 * agree:.1f} %")
        for n in names:
            lr = fold_accuracies(feats[n], y, args.seeds).mean()
            cv = np.mean([cross_validate(multis[n], y, classes, folds=5, seed=s, blocks=blocks)["accuracy_mean"]
                          for s in range(args.seeds)])
            print(f"  {n:24s} LR (sklearn defaults) {lr:.3f} | default classifier 5-fold {cv:.3f} | "
                  f"{_ms_per_photo(nets[n], batch[:64]):.2f} ms/photo inference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
