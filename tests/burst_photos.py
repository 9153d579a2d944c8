"""A small city of photos with one known burst, built from the shared labelled photos (tests only).

One user photographs a fountain and keeps 12 more versions of the shot (cropped to 92-98 % of the
frame, re-encoded at JPEG quality 65-92, some scaled down) within seven minutes: the burst. Around
it, on purpose, things a burst finder must not join: the same user's unrelated photos taken in
between, the same user's copy of the fountain three and a half hours later, another user's copy
and a copy without a user taken during the burst, and unrelated photos of other users.
"""
from __future__ import annotations

import random
from pathlib import Path

BURST_SOURCE = "imagenet_sample_motifs/art/n03388043_fountain.JPEG"
UNRELATED = [
    "imagenet_sample_motifs/architecture/n02793495_barn.JPEG",
    "imagenet_sample_motifs/architecture/n03028079_church.JPEG",
    "imagenet_sample_motifs/bridges/n04366367_suspension_bridge.JPEG",
    "imagenet_sample_motifs/events/n02782093_balloon.JPEG",
    "imagenet_sample_motifs/architecture/n03220513_dome.JPEG",
    "imagenet_sample_motifs/bridges/n04532670_viaduct.JPEG",
    "imagenet_sample_motifs/art/n03837869_obelisk.JPEG",
    "imagenet_sample_motifs/architecture/n04562935_water_tower.JPEG",
    "imagenet_sample_motifs/events/n04296562_stage.JPEG",
    "imagenet_sample_motifs/architecture/n03877845_palace.JPEG",
    "imagenet_sample_motifs/art/n04486054_triumphal_arch.JPEG",
    "imagenet_sample_motifs/architecture/n04613696_yurt.JPEG",
]
BURST_SIZE = 13  # the original and its 12 versions


def _version(img, rng):
    w, h = img.size
    f = rng.uniform(0.92, 0.98)
    cw, ch = int(w * f), int(h * f)
    x0, y0 = rng.randint(0, w - cw), rng.randint(0, h - ch)
    out = img.crop((x0, y0, x0 + cw, y0 + ch))
    if rng.random() < 0.4:
        out = out.resize((int(cw * 0.8), int(ch * 0.8)))
    return out, rng.randint(65, 92)


def make_burst_city(labeled_dir, out) -> list:
    """Write the photos into ``out``; rows: photo (path), owner, taken_at (ISO text), in_burst."""
    from PIL import Image

    labeled_dir, out = Path(labeled_dir), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(18)
    rows = []

    def add(img, name, owner, taken, in_burst=False, quality=90):
        path = out / f"{name}.jpg"
        img.save(path, quality=quality)
        rows.append({"photo": str(path), "owner": owner, "taken_at": taken, "in_burst": in_burst})

    with Image.open(labeled_dir / BURST_SOURCE) as src:
        fountain = src.convert("RGB")
    add(fountain, "burst_00", "u_burst", "2024-06-01T10:00:00+03:00", True)
    for k in range(1, BURST_SIZE):
        img, quality = _version(fountain, rng)
        seconds = 35 * k
        add(img, f"burst_{k:02d}", "u_burst", f"2024-06-01T10:{seconds // 60:02d}:{seconds % 60:02d}+03:00", True,
            quality)
    others = []
    for rel in UNRELATED:
        with Image.open(labeled_dir / rel) as src:
            others.append(src.convert("RGB"))
    for k, minute in enumerate(("01:10", "03:20", "05:50", "06:30")):  # in between, same user
        add(others[k], f"between_{k}", "u_burst", f"2024-06-01T10:{minute}+03:00")
    later, quality = _version(fountain, rng)
    add(later, "later_copy", "u_burst", "2024-06-01T13:30:00+03:00", quality=quality)
    copy, quality = _version(fountain, rng)
    add(copy, "other_user_copy", "u_other", "2024-06-01T10:02:00+03:00", quality=quality)
    copy, quality = _version(fountain, rng)
    add(copy, "no_user_copy", None, "2024-06-01T10:04:00+03:00", quality=quality)
    for k, img in enumerate(others[4:]):
        add(img, f"other_{k}", f"u{k % 3}", f"2024-06-0{1 + k % 3}T1{k % 10}:15:00")
    return rows
