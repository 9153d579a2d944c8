"""A synthetic city of photos for tests, benchmarks and screenshots (QGIS-free, Pillow only).

Photos are small JPEGs made from the shared labelled photos (``intel_scenes_dev``: six scene
classes) with jitter (crop, brightness, mirror), so clusters are real motifs; each photo gets a
position in one of four districts of Tartu (with or without EXIF GPS), an owner and a date. The
districts are written as a GeoJSON in WGS 84, the way workshop data comes; the photos' table as
a Flickr-style CSV (id, owner, latitude, longitude, datetaken). Everything is deterministic for
a seed. Positions are synthetic and say so in the table's title column.
"""
from __future__ import annotations

import csv
import json
import random
from pathlib import Path

# four districts of a city (lon/lat, WGS 84): name, ring; roughly Tartu's centre and surroundings
DISTRICTS = (
    ("Kesklinn", [(26.700, 58.370), (26.735, 58.370), (26.735, 58.387), (26.700, 58.387)]),
    ("Supilinn", [(26.700, 58.387), (26.735, 58.387), (26.735, 58.400), (26.700, 58.400)]),
    ("Karlova", [(26.735, 58.360), (26.770, 58.360), (26.770, 58.380), (26.735, 58.380)]),
    ("Tammelinn", [(26.665, 58.355), (26.700, 58.355), (26.700, 58.380), (26.665, 58.380)]),
)
# which scene classes are photographed most in each district (the motif map's pattern)
DISTRICT_CLASSES = {
    "Kesklinn": ("buildings", "street"),
    "Supilinn": ("forest", "buildings"),
    "Karlova": ("street", "sea"),
    "Tammelinn": ("forest", "mountain", "glacier"),
}


def write_districts(path) -> Path:
    """The four districts as a GeoJSON FeatureCollection in WGS 84 (EPSG:4326)."""
    features = [{"type": "Feature", "properties": {"name": name, "id": i + 1},
                 "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]}}
                for i, (name, ring) in enumerate(DISTRICTS)]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "name": "districts", "features": features}))
    return path


def _sources(labeled_dir) -> dict:
    root = Path(labeled_dir) / "intel_scenes_dev"
    return {d.name: sorted(d.glob("*.jpg")) for d in sorted(root.iterdir()) if d.is_dir()}


def _gps_ifd(lat: float, lon: float) -> dict:
    from PIL.TiffImagePlugin import IFDRational as R

    def dms(value):
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = (value - d - m / 60) * 3600
        return (R(d, 1), R(m, 1), R(int(round(s * 1000)), 1000))

    return {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}


def _jitter(image, rng: random.Random, size: int):
    from PIL import ImageEnhance, ImageOps

    w, h = image.size
    scale = rng.uniform(0.75, 1.0)
    cw, ch = int(w * scale), int(h * scale)
    x, y = rng.randint(0, w - cw), rng.randint(0, h - ch)
    image = image.crop((x, y, x + cw, y + ch)).resize((size, size))
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.85, 1.15))
    return ImageOps.mirror(image) if rng.random() < 0.5 else image


def make_city(folder, labeled_dir, n: int, seed: int = 0, gps: bool = True, size: int = 96,
              owners: int = 60, table: bool = True) -> list:
    """Write ``n`` photos into ``folder`` (named ``<id>.jpg``); return the rows of their table.

    ``gps``: write the position into EXIF (else the photos carry none, like Flickr's reduced
    sizes). ``table``: also write ``folder/../<folder name>.csv`` in Flickr's columns.
    """
    from PIL import Image

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sources = _sources(labeled_dir)
    opened = {}
    rows = []
    for i in range(n):
        name, ring = DISTRICTS[i % len(DISTRICTS)]
        cls = rng.choice(DISTRICT_CLASSES[name]) if rng.random() < 0.8 else rng.choice(sorted(sources))
        src = rng.choice(sources[cls])
        if src not in opened:
            opened[src] = Image.open(src).convert("RGB")
        (x0, y0), (x1, y1) = ring[0], ring[2]
        lon, lat = rng.uniform(x0 + 0.001, x1 - 0.001), rng.uniform(y0 + 0.001, y1 - 0.001)
        day = 1 + rng.randrange(28 * 6)
        month, mday = 1 + (day - 1) // 28, 1 + (day - 1) % 28
        taken = f"2023:{month:02d}:{mday:02d} {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}:00"
        photo_id = f"{53000000000 + i}"
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = taken
        if gps:
            exif[0x8825] = _gps_ifd(lat, lon)
        _jitter(opened[src], rng, size).save(folder / f"{photo_id}.jpg", quality=82, exif=exif.tobytes())
        rows.append({"id": photo_id, "owner": f"user{rng.randrange(owners):03d}@N0{rng.randrange(10)}",
                     "latitude": f"{lat:.6f}", "longitude": f"{lon:.6f}",
                     "datetaken": taken.replace(":", "-", 2), "title": f"synthetic position ({cls})",
                     "district": name, "scene": cls})
    if table:
        with open(folder.parent / f"{folder.name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return rows


def fill_cache(cache_path, folder, labeled_dir, backbone_key: str, seed: int = 0, noise: float = 0.15) -> int:
    """Put an embedding for every photo of ``folder`` into the cache without running the model:
    the real embedding of its class's first source photo plus noise would need the model once, so
    instead each class gets a random direction and each photo that direction plus noise (enough
    structure for clustering to find the classes; for tests that exercise scale, not quality)."""
    import numpy as np

    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.core.hashing import content_hash

    rng = np.random.default_rng(seed)
    rows = {}
    table = Path(folder).parent / f"{Path(folder).name}.csv"
    with open(table, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows[row["id"]] = row["scene"]
    classes = sorted(set(rows.values()))
    centres = {c: rng.normal(size=1280).astype(np.float32) for c in classes}
    vectors, entries = {}, []
    for path in sorted(Path(folder).glob("*.jpg")):
        photo_id = content_hash(path)
        vec = centres[rows[path.stem]] + noise * rng.normal(size=1280).astype(np.float32) * 3
        vectors[photo_id] = np.abs(vec).astype(np.float32)  # non-negative, as after ReLU pooling
        stat = path.stat()
        entries.append((photo_id, str(path), stat.st_size, stat.st_mtime_ns))
    with EmbeddingCache(cache_path) as cache:
        cache.put_many(vectors, backbone_key)
        cache.remember_paths(entries)
    return len(vectors)
