"""A city of real-looking, geotagged photos for the large-collection benchmarks.

    python -m photo_motifs.bench.photo_city FOLDER [N] [--set intel_scenes_dev]

Every photo is a distinct variant of a real labelled photo (``<shared data>/labeled``): a
random crop (55-100 % of the side), a mirror, a brightness/contrast/colour change and a size of
160-320 px, saved as JPEG with EXIF GPS (synthetic positions over a 20 x 20 km city around
Tartu), a date taken in 2024 and the Make/Model "Photo Motifs bench". The file name carries the
source class (``<class>__<n>.jpg``), so clusters can be scored against the classes at any size.
Generation is deterministic (photo ``n`` always looks the same) and resumable: existing files
are kept. Positions and dates are synthetic and the photos are derived from the shared test
data: use them for benchmarks only.
"""
from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance
from PIL.TiffImagePlugin import IFDRational

SHARED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
CENTRE = (58.3780, 26.7290)
HALF_SIDE_DEG = (0.09, 0.17)  # about 10 km either way


def sources(label_set: str) -> list:
    """(class, path) of every photo of the labelled set(s), sorted; ``all`` = every set."""
    root = SHARED / "labeled"
    sets = sorted(p.name for p in root.iterdir() if p.is_dir()) if label_set == "all" else [label_set]
    out = []
    for name in sets:
        for cls in sorted(p for p in (root / name).iterdir() if p.is_dir()):
            out += [(cls.name, p) for p in sorted(cls.iterdir()) if p.is_file() and not p.name.startswith(".")]
    return out


def _dms(value):
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = ((value - d) * 60 - m) * 60
    return (IFDRational(d, 1), IFDRational(m, 1), IFDRational(round(s * 10000), 10000))


def _exif(rng, n):
    lat = CENTRE[0] + rng.uniform(-HALF_SIDE_DEG[0], HALF_SIDE_DEG[0])
    lon = CENTRE[1] + rng.uniform(-HALF_SIDE_DEG[1], HALF_SIDE_DEG[1])
    exif = Image.Exif()
    exif[0x010F] = "Photo Motifs bench"
    exif[0x0110] = f"variant {n}"
    exif[0x0112] = 1
    day = int(rng.integers(0, 365))
    month, mday = 1 + day // 31 % 12, 1 + day % 28
    exif.get_ifd(0x8769)[0x9003] = f"2024:{month:02d}:{mday:02d} {int(rng.integers(6, 22)):02d}:00:00"
    exif.get_ifd(0x8825).update({1: "N", 2: _dms(lat), 3: "E", 4: _dms(lon), 5: b"\x00",
                                 6: IFDRational(4000, 100)})
    return exif


def variant(img: Image.Image, n: int, sizes=(160, 320)) -> tuple:
    """(image, exif) of variant ``n`` of ``img`` (deterministic), its longer side in ``sizes``."""
    rng = np.random.default_rng(n)
    w, h = img.size
    f = rng.uniform(0.55, 1.0)
    cw, ch = max(8, int(w * f)), max(8, int(h * f))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    flip = rng.random() < 0.5
    factors = rng.uniform(0.75, 1.25), rng.uniform(0.8, 1.2), rng.uniform(0.7, 1.3)
    side = int(rng.integers(sizes[0], sizes[1] + 1))
    scale = side / max(cw, ch)
    # crop and resize in one step, then the colour changes on the small image
    out = img.resize((max(8, round(cw * scale)), max(8, round(ch * scale))), Image.BILINEAR,
                     box=(x0, y0, x0 + cw, y0 + ch))
    if flip:
        out = out.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = ImageEnhance.Brightness(out).enhance(factors[0])
    out = ImageEnhance.Contrast(out).enhance(factors[1])
    out = ImageEnhance.Color(out).enhance(factors[2])
    return out, _exif(rng, n)


def photo_path(folder, cls: str, n: int, per_folder: int | None) -> Path:
    """Where photo ``n`` goes: ``folder/<class>__<n>.jpg``, in sub-folders of ``per_folder`` photos if given."""
    sub = Path(folder) / f"part{n // per_folder:04d}" if per_folder else Path(folder)
    return sub / f"{cls}__{n:07d}.jpg"


_LOADED: dict = {}


def _make_range(args) -> int:
    folder, items, start, stop, sizes, per_folder = args
    loaded = _LOADED  # every source photo decoded once per process, kept for the next ranges
    made = 0
    for n in range(start, stop):
        cls, src = items[n % len(items)]
        dest = photo_path(folder, cls, n, per_folder)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            continue
        if src not in loaded:  # every source once per process (at most 400 px: <= 0.5 MB each)
            with Image.open(src) as im:
                im.draft("RGB", (400, 400))
                im = im.convert("RGB")
                im.thumbnail((400, 400))
                loaded[src] = im
        img, exif = variant(loaded[src], n, sizes)
        tmp = dest.with_suffix(".part")
        img.save(tmp, "JPEG", quality=85, exif=exif)
        os.replace(tmp, dest)
        made += 1
    return made


def make_city(folder, n: int, label_set: str = "intel_scenes_dev", processes: int = 2, sizes=(160, 320),
              per_folder: int | None = None) -> Path:
    """Write ``n`` photos into ``folder`` (kept if there; sub-folders of ``per_folder``); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    items = sources(label_set)
    if not items:
        raise SystemExit(f"no labelled photos in {SHARED / 'labeled' / label_set}")
    step = 5000
    jobs = [(str(folder), items, s, min(n, s + step), sizes, per_folder) for s in range(0, n, step)]
    with ProcessPoolExecutor(max_workers=processes) as pool:
        made = sum(pool.map(_make_range, jobs))
    print(f"{folder}: {n} photos ({made} new) from {len(items)} labelled photos of {label_set}")
    return folder


def class_of(path) -> str:
    """The source class a generated photo's name carries."""
    return Path(path).name.split("__")[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("n", nargs="?", type=int, default=20000)
    ap.add_argument("--set", default="intel_scenes_dev")
    args = ap.parse_args(argv)
    make_city(args.folder, args.n, args.set)
    return 0


if __name__ == "__main__":
    sys.exit(main())
