"""photomotifs:importphotos in real QGIS on real photos, against exiftool and native:importphotos."""
import csv
import json
import math
from pathlib import Path

import pytest

from photo_motifs.core.files import list_files
from photo_motifs.core.hashing import full_hash

from .conftest import read_layer


def _exiftool_reference(geotagged_dir):
    ref = {}
    with open(geotagged_dir / "exiftool_reference.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ref[row["SourceFile"].lstrip("./")] = row
    return ref


@pytest.fixture(scope="module")
def imported(run_alg, geotagged_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("import")
    before = {p: full_hash(p) for p in list_files(geotagged_dir)}
    res = run_alg("photomotifs:importphotos", {
        "FOLDER": str(geotagged_dir), "RECURSIVE": True,
        "OUTPUT": str(out / "photos.gpkg"), "INVALID": str(out / "invalid.csv"),
    })
    after = {p: full_hash(p) for p in list_files(geotagged_dir)}
    return res, read_layer(res["OUTPUT"]), read_layer(res["INVALID"]), before, after


def test_every_file_lands_in_exactly_one_output(imported, geotagged_dir):
    res, photos, invalid, before, _ = imported
    rel_ok = [r["relpath"] for r in photos]
    rel_bad = [Path(r["path"]).relative_to(geotagged_dir).as_posix() for r in invalid]
    assert len(set(rel_ok)) == len(rel_ok)
    assert not set(rel_ok) & set(rel_bad)
    everything = {p.relative_to(geotagged_dir).as_posix() for p in before}
    assert set(rel_ok) | set(rel_bad) == everything
    assert all(r["reason"] and r["reason_code"] for r in invalid)
    assert res["IMPORTED"] == len(photos) and res["INVALID_COUNT"] == len(invalid)


def test_no_photo_modified(imported):
    _, _, _, before, after = imported
    assert before == after


def test_values_match_exiftool(imported, geotagged_dir):
    _, photos, _, _, _ = imported
    ref = _exiftool_reference(geotagged_dir)
    by_rel = {r["relpath"]: r for r in photos}
    valid = [p.name for p in geotagged_dir.iterdir()
             if p.is_file()
             and p.suffix.lower() in {".jpg", ".jpeg", ".heic", ".heif", ".webp", ".tif", ".tiff", ".png"}]
    assert len(valid) == 30
    checked = 0
    for rel, row in ref.items():
        if not row["GPSLatitude"] or rel not in by_rel:
            continue
        lat, lon = float(row["GPSLatitude"]), float(row["GPSLongitude"])
        if lat == 0 and lon == 0:
            continue
        got = by_rel[rel]
        assert abs(got["latitude"] - lat) < 1e-6, rel
        assert abs(got["longitude"] - lon) < 1e-6, rel
        point = got["geometry"].constGet()
        assert abs(point.y() - lat) < 1e-6 and abs(point.x() - lon) < 1e-6
        if row["GPSAltitude"]:
            assert abs(got["altitude"] - float(row["GPSAltitude"])) < 0.01, rel
            assert abs(point.z() - float(row["GPSAltitude"])) < 0.01, rel
        if row["GPSImgDirection"]:
            assert abs(got["direction"] - float(row["GPSImgDirection"])) < 0.01, rel
        checked += 1
    for name in valid:
        assert name in by_rel, f"{name} has valid GPS but was not imported"
    assert checked >= 30


def test_covers_native_importphotos(imported, run_alg, geotagged_dir, tmp_path):
    """Every photo QGIS's own importer locates, we locate too, at the same position."""
    _, photos, _, _, _ = imported
    native = run_alg("native:importphotos", {
        "FOLDER": str(geotagged_dir), "RECURSIVE": True, "OUTPUT": str(tmp_path / "native.gpkg"),
    })
    native_rows = [r for r in read_layer(native["OUTPUT"]) if r["geometry"] is not None]
    ours = {Path(r["photo"]).resolve(): r for r in photos}
    missed = []
    for r in native_rows:
        p = Path(r["photo"]).resolve()
        pt = r["geometry"].asPoint()
        if pt.x() == 0 and pt.y() == 0:
            continue  # null island: we reject it on purpose (reason gps_zero)
        if p not in ours:
            missed.append(p.name)
            continue
        assert abs(ours[p]["longitude"] - pt.x()) < 1e-6 and abs(ours[p]["latitude"] - pt.y()) < 1e-6
    assert not missed, f"native located photos we rejected: {missed}"
    assert len(photos) > len(native_rows)  # we also read HEIC, WebP, PNG and TIFF


def test_keep_unlocated(run_alg, geotagged_dir, tmp_path):
    res = run_alg("photomotifs:importphotos", {
        "FOLDER": str(geotagged_dir / "edge_cases" / "orientation_no_gps"), "KEEP_UNLOCATED": True,
        "OUTPUT": str(tmp_path / "p.gpkg"), "INVALID": str(tmp_path / "i.csv"),
    })
    rows = read_layer(res["OUTPUT"])
    assert len(rows) == 17 and all(r["geometry"] is None for r in rows)
    assert all(r["location_status"] != "ok" for r in rows)
    # displayed size (after orientation): landscape_N files look landscape whatever N is
    shapes = {r["filename"]: r["width"] > r["height"] for r in rows}
    for n in range(1, 9):
        assert shapes[f"exif-samples__landscape_{n}.jpg"] is True
        assert shapes[f"exif-samples__portrait_{n}.jpg"] is False


def test_qgis_process_runs_importphotos(qgis_process_cmd, geotagged_dir, tmp_path):
    out, inv = tmp_path / "photos.gpkg", tmp_path / "invalid.csv"
    proc = qgis_process_cmd("--json", "run", "photomotifs:importphotos", "--",
                            f"FOLDER={geotagged_dir}", f"OUTPUT={out}", f"INVALID={inv}")
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    payload = json.loads(proc.stdout[proc.stdout.index("{"):])
    rows = read_layer(out)
    assert len(rows) == payload["results"]["IMPORTED"]
    # every file exiftool reads a real position from (not 0/0, the default of cameras without a
    # fix) is in the layer at that position, whatever qgis_process adds beyond them
    by_rel = {r["relpath"]: r for r in rows}
    photo_suffixes = {".jpg", ".jpeg", ".heic", ".heif", ".webp", ".tif", ".tiff", ".png", ".avif", ".dng"}
    located = {rel: row for rel, row in _exiftool_reference(geotagged_dir).items()
               if Path(rel).suffix.lower() in photo_suffixes  # not the .exif/.xmp sidecars
               and row["GPSLatitude"] and row["GPSLongitude"]
               and (float(row["GPSLatitude"]), float(row["GPSLongitude"])) != (0.0, 0.0)}
    assert len(located) >= 30
    for rel, row in located.items():
        assert rel in by_rel, f"{rel}: exiftool reads a position, the layer lacks it"
        assert abs(by_rel[rel]["latitude"] - float(row["GPSLatitude"])) < 1e-6, rel
    assert not math.isnan(read_layer(out)[0]["latitude"])
