"""Hold-out accuracy of method 'finetune' versus 'linear' on a labelled folder.

    python -m photo_motifs.bench.finetune_eval [FOLDER] [SECONDS] [UNFREEZE_STAGES] [SEED]

Default folder: ``<shared data>/labeled/intel_scenes_dev``; 300 s budget, 3 stages, seed 0.
Models and caches go to a temporary folder.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else \
        Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "labeled" / "intel_scenes_dev"
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    stages = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    tmp = Path(tempfile.mkdtemp(prefix="pm_finetune_"))
    os.environ.setdefault("PHOTO_MOTIFS_MODEL_CACHE", str(tmp / "models"))
    from ..core.embcache import EmbeddingCache
    from ..core.feedback import CoreFeedback
    from ..core.train import collect_folder_dataset
    from ..models.classifier_export import train_model

    cache = EmbeddingCache(tmp / "emb.sqlite")
    fb = CoreFeedback(on_info=lambda m: print("  ", m, flush=True))
    for method in ("linear", "finetune"):
        t0 = time.perf_counter()
        paths, labels, invalid = collect_folder_dataset(root)
        trained = train_model(paths, labels, tmp / method, invalid=invalid, backbone="efficientnet_lite0",
                              method=method, seed=seed, cache=cache, feedback=fb,
                              finetune_seconds=budget, unfreeze_stages=stages)
        ev = trained.result.evaluation
        print(f"{method}: hold-out accuracy {ev.accuracy:.3f}, balanced {ev.balanced_accuracy:.3f} "
              f"on {trained.result.n_val} photos; {time.perf_counter() - t0:.0f} s "
              f"({', '.join(f'{k} {v:.0f}' for k, v in trained.seconds.items())})", flush=True)


if __name__ == "__main__":
    main()
