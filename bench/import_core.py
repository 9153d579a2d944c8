"""Figures for core.photometa: scan speed and agreement with the exiftool reference.

    cd /tmp/pmdev && ~/.local/share/photo_motifs/venv/bin/python -m photo_motifs.bench.import_core \
        [path/to/shared/data/geotagged] [--repeat N]
"""
from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from ..core.photometa import scan_folder
from ..tests.conftest import SHARED_DATA


def _float(text):
    try:
        return float(text)
    except ValueError:
        return None


def exiftool_agreement(folder: Path, records) -> tuple:
    """(matching, mismatching) relpaths of the files with a valid exiftool position."""
    by_rel = {r.relpath: r for r in records}
    matches, mismatches = [], []
    with open(folder / "exiftool_reference.csv", newline="", encoding="utf-8") as fh:
        for ref in csv.DictReader(fh):
            relpath = ref["SourceFile"][2:]
            lat, lon = _float(ref["GPSLatitude"]), _float(ref["GPSLongitude"])
            if (lat is None or lon is None or (lat, lon) == (0, 0) or abs(lat) > 90
                    or abs(lon) > 180 or "sidecar_files" in relpath):
                continue
            rec = by_rel.get(relpath)
            ok = (rec is not None and rec.location_status == "ok"
                  and abs(rec.latitude - lat) < 1e-6 and abs(rec.longitude - lon) < 1e-6
                  and _close(rec.altitude, ref["GPSAltitude"])
                  and _close(rec.direction, ref["GPSImgDirection"]))
            (matches if ok else mismatches).append(relpath)
    return matches, mismatches


def _close(ours, theirs, tol=0.01) -> bool:
    if not theirs:
        return ours is None
    return ours is not None and abs(ours - float(theirs)) < tol


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(SHARED_DATA / "geotagged"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(args.folder)

    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        records, invalid = scan_folder(folder, keep_unlocated=True)
        times.append(time.perf_counter() - start)
    n = len(records) + len(invalid)
    best = min(times)
    print(f"scan_folder({folder}): {n} files, best of {args.repeat}: {best:.3f} s "
          f"= {n / best:.0f} files/s (headers + content hash)")
    status = Counter(r.location_status for r in records)
    status.update(i.reason_code for i in invalid)
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())))

    if (folder / "exiftool_reference.csv").is_file():
        good, bad = exiftool_agreement(folder, records)
        flat_good = sum(1 for relpath in good if "/" not in relpath)
        flat_all = flat_good + sum(1 for relpath in bad if "/" not in relpath)
        print(f"exiftool agreement (lat/lon 1e-6 deg, altitude/direction 0.01): "
              f"{len(good)}/{len(good) + len(bad)} files with a valid exiftool position "
              f"(flat folder of valid photos: {flat_good}/{flat_all})")
        for relpath in bad:
            print(f"  mismatch: {relpath}")


if __name__ == "__main__":
    main()
