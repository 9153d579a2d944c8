"""Regenerate the shipped int8 calibration table: ``python -m photo_motifs.models.calibrate``.

Reads the calibration photos from ../shared/data (or ``$PHOTO_MOTIFS_SHARED_DATA``), runs the
fp32 backbone on them (``models.quantize.calibrate``) and writes
``models/<backbone>_int8_ranges.json``. A separate module so that ``models/quantize.py`` needs
nothing from ``models/registry.py`` (the registry imports the quantiser).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.decode import load_for_backbone
from ..core.files import list_image_files
from .quantize import calibrate, ranges_file
from .registry import ensure_onnx, get_backbone


def calibration_photos(shared: Path) -> list:
    """Every second amos day/night webcam frame and the Debian wallpapers (no evaluation set)."""
    labeled = shared / "labeled"
    return (list_image_files(labeled / "amos_daynight_training")[::2]
            + list_image_files(labeled / "debian_wallpapers"))


def main(argv=None) -> int:
    import argparse
    import os

    parser = argparse.ArgumentParser(prog="python -m photo_motifs.models.calibrate",
                                     description="Regenerate the shipped int8 calibration table.")
    parser.add_argument("--backbone", default="efficientnet_lite0")
    args = parser.parse_args(argv)
    shared = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
                  or Path(__file__).resolve().parents[2] / "shared" / "data")
    spec = get_backbone(args.backbone)
    photos = calibration_photos(shared)
    arrays = [load_for_backbone(p, spec) for p in photos]
    batches = [np.stack(arrays[i:i + 4]).transpose(0, 3, 1, 2).astype(np.float32)
               for i in range(0, len(arrays), 4)]
    rel = [str(Path(p).relative_to(shared)) for p in photos]
    table = calibrate(ensure_onnx(args.backbone), batches, ranges_file(args.backbone), args.backbone, rel)
    print(f"{len(table['tensors'])} tensor ranges from {len(photos)} photos -> {ranges_file(args.backbone)}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
