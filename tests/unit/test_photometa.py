"""core.photometa: header-only metadata, reason codes, exiftool parity on the shared photos."""
import csv
import math
import os
import shutil
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, features
from PIL.TiffImagePlugin import IFDRational as R

from photo_motifs.core.feedback import Canceled, CoreFeedback
from photo_motifs.core.hashing import content_hash, full_hash
from photo_motifs.core.photometa import (
    FIELDS,
    INVALID_FIELDS,
    REASONS,
    PhotoError,
    number,
    parse_exif_datetime,
    read_photo,
    scan_folder,
)

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
NORTH_EAST = {1: "N", 2: (R(43, 1), R(28, 1), R(281, 100)), 3: "E",
              4: (R(11, 1), R(53, 1), R(6456, 1000)), 5: b"\x00", 6: R(1234, 10), 17: R(2705, 10)}
ZERO = {1: "N", 2: (0.0, 0.0, 0.0), 3: "E", 4: (0.0, 0.0, 0.0)}


def write_photo(path, size=(40, 30), gps=None, orientation=None, make=None, model=None,
                taken=None, offset=None, mode="RGB", with_exif=True):
    """A small image with the given EXIF, saved in the format of path's extension."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if make is not None:
        exif[0x010F] = make
    if model is not None:
        exif[0x0110] = model
    if gps is not None:
        exif[GPS_IFD] = gps
    if taken is not None:
        exif.get_ifd(EXIF_IFD)[0x9003] = taken
    if offset is not None:
        exif.get_ifd(EXIF_IFD)[0x9011] = offset
    image = Image.new(mode, size, 128 if mode != "RGB" else (120, 90, 60))
    image.save(path, exif=exif.tobytes()) if with_exif else image.save(path)
    return path


def test_schema():
    names = [n for n, _ in FIELDS]
    assert names[:4] == ["photo", "relpath", "filename", "photo_id"]
    assert {"latitude", "longitude", "altitude", "direction", "taken_at", "orientation", "make",
            "model", "width", "height", "file_size", "format", "location_status"} <= set(names)
    assert {t for _, t in FIELDS} <= {"str", "int", "float", "datetime"}
    assert [n for n, _ in INVALID_FIELDS] == ["path", "relpath", "filename", "reason_code",
                                              "reason"]


def test_valid_photo_all_fields(tmp_path):
    path = write_photo(tmp_path / "a.jpg", gps=NORTH_EAST, make="  NIKON\x00\x00",
                       model="COOLPIX P6000 \x00", taken="2022:08:14 14:12:31", offset="+03:00")
    rec = read_photo(path, tmp_path)
    assert rec.location_status == "ok"
    assert rec.latitude == pytest.approx(43 + 28 / 60 + 2.81 / 3600, abs=1e-9)
    assert rec.longitude == pytest.approx(11 + 53 / 60 + 6.456 / 3600, abs=1e-9)
    assert rec.altitude == pytest.approx(123.4)
    assert rec.direction == pytest.approx(270.5)
    assert rec.taken_at == "2022-08-14T14:12:31+03:00"
    assert (rec.make, rec.model) == ("NIKON", "COOLPIX P6000")
    assert (rec.width, rec.height, rec.format) == (40, 30, "JPEG")
    assert rec.photo == str(path) and os.path.isabs(rec.photo)
    assert (rec.relpath, rec.filename) == ("a.jpg", "a.jpg")
    assert rec.photo_id == content_hash(path)
    assert rec.file_size == path.stat().st_size
    assert list(rec.as_row()) == [n for n, _ in FIELDS]


def test_south_west_below_sea_level(tmp_path):
    gps = {**NORTH_EAST, 1: "S", 3: "W", 5: b"\x01"}
    rec = read_photo(write_photo(tmp_path / "sw.jpg", gps=gps))
    assert rec.latitude < 0 and rec.longitude < 0
    assert rec.altitude == pytest.approx(-123.4)


@pytest.mark.parametrize("orientation, shown", [(1, (40, 30)), (3, (40, 30)), (5, (30, 40)),
                                                (6, (30, 40)), (8, (30, 40))])
def test_orientation_gives_displayed_size(tmp_path, orientation, shown):
    rec = read_photo(write_photo(tmp_path / "o.jpg", gps=NORTH_EAST, orientation=orientation))
    assert rec.orientation == orientation
    assert (rec.width, rec.height) == shown


@pytest.mark.parametrize("gps, code", [
    ({**NORTH_EAST, 1: "\x00", 3: "\x00"}, "gps_missing_ref"),
    ({k: v for k, v in NORTH_EAST.items() if k != 3}, "gps_missing_ref"),
    ({**NORTH_EAST, 1: "X"}, "gps_missing_ref"),
    (ZERO, "gps_zero"),
    ({1: "S", 2: (0.0, 0.0, 0.0), 3: "W", 4: (0.0, 0.0, 0.0)}, "gps_zero"),
    ({1: "N", 2: (R(43, 0), R(0, 1), R(0, 1)), 3: "E", 4: (R(11, 1), R(0, 1), R(0, 1))}, "gps_nan"),
    ({1: "N", 2: (R(43, 1), R(2, 1), R(1, 0)), 3: "E", 4: (R(11, 1), R(0, 1), R(0, 1))}, "gps_nan"),
    ({1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (11.0, 0.0, 0.0)}, "gps_out_of_range"),
    ({1: "N", 2: (45.0, 0.0, 0.0), 3: "E", 4: (181.0, 0.0, 0.0)}, "gps_out_of_range"),
    ({0: b"\x02\x02\x00\x00"}, "gps_without_coordinates"),
    ({1: "N", 2: (45.0, 0.0, 0.0)}, "gps_without_coordinates"),
])
def test_unusable_locations(tmp_path, gps, code):
    rec = read_photo(write_photo(tmp_path / "p.jpg", gps=gps, make="Cam"))
    assert rec.location_status == code
    assert code in REASONS
    assert (rec.latitude, rec.longitude, rec.altitude, rec.direction) == (None,) * 4
    assert rec.make == "Cam" and rec.width == 40


def test_decimal_minutes_with_empty_seconds(tmp_path):
    """Nikon writes 48/1, 5332358/100000, 0/0: the minutes carry the fraction."""
    gps = {1: "N", 2: (R(48, 1), R(5332358, 100000), R(0, 0)),
           3: "W", 4: (R(21, 1), R(259507, 100000), R(0, 0))}
    rec = read_photo(write_photo(tmp_path / "p.jpg", gps=gps, make="Cam"))
    assert rec.location_status == "ok"
    assert abs(rec.latitude - (48 + 53.32358 / 60)) < 1e-9
    assert abs(rec.longitude + (21 + 2.59507 / 60)) < 1e-9


def test_equator_and_prime_meridian_are_valid(tmp_path):
    gps = {1: "S", 2: (0.0, 22.278, 0.0), 3: "E", 4: (0.0, 0.0, 0.0)}
    rec = read_photo(write_photo(tmp_path / "eq.jpg", gps=gps))
    assert rec.location_status == "ok"
    assert (rec.latitude, rec.longitude) == (pytest.approx(-0.3713), 0.0)


def test_no_exif_and_no_gps(tmp_path):
    bare = read_photo(write_photo(tmp_path / "bare.jpg", with_exif=False))
    assert bare.location_status == "no_exif" and bare.orientation is None
    cam = read_photo(write_photo(tmp_path / "cam.jpg", make="Canon", taken="2020:01:02 03:04:05"))
    assert cam.location_status == "no_gps"
    assert cam.taken_at == "2020-01-02T03:04:05"


def _available(ext):
    if ext == ".webp":
        return features.check("webp")
    if ext == ".avif":
        return features.check("avif")
    if ext == ".heic":
        return pytest.importorskip("pillow_heif") is not None
    return True


@pytest.mark.parametrize("ext, fmt, mode", [(".png", "PNG", "RGB"), (".webp", "WEBP", "RGB"),
                                            (".tif", "TIFF", "I;16"), (".heic", "HEIF", "RGB"),
                                            (".avif", "AVIF", "RGB")])
def test_other_formats(tmp_path, ext, fmt, mode):
    if not _available(ext):
        pytest.skip(f"this Pillow cannot write {ext}")
    gps = {**NORTH_EAST, 1: "S", 3: "W"}
    rec = read_photo(write_photo(tmp_path / f"x{ext}", gps=gps, mode=mode, make="DJI",
                                 taken="2021:06:06 16:20:50"))
    assert rec.format == fmt
    assert rec.location_status == "ok"
    assert rec.latitude == pytest.approx(-(43 + 28 / 60 + 2.81 / 3600), abs=1e-9)
    assert rec.longitude == pytest.approx(-(11 + 53 / 60 + 6.456 / 3600), abs=1e-9)
    assert (rec.make, rec.taken_at) == ("DJI", "2021-06-06T16:20:50")
    assert (rec.width, rec.height) == (40, 30)


def test_files_that_cannot_be_read(tmp_path):
    (tmp_path / "notes.txt").write_text("latitude,longitude\n1,2\n")
    good = write_photo(tmp_path / "good.jpg", gps=NORTH_EAST)
    (tmp_path / "stub.jpg").write_bytes(good.read_bytes()[:20])
    (tmp_path / "empty.heic").write_bytes(b"")
    codes = {}
    for name in ("notes.txt", "stub.jpg", "empty.heic"):
        with pytest.raises(PhotoError) as err:
            read_photo(tmp_path / name)
        codes[name] = err.value.code
        assert err.value.sentence.endswith(".")
    assert codes == {"notes.txt": "not_an_image", "stub.jpg": "unreadable",
                     "empty.heic": "unreadable"}


def test_truncated_pixels_still_read_from_header(tmp_path):
    good = write_photo(tmp_path / "full.jpg", size=(400, 300), gps=NORTH_EAST)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size * 6 // 10])
    rec = read_photo(cut)
    assert rec.location_status == "ok" and (rec.width, rec.height) == (400, 300)


def _png_declaring(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def test_decompression_bomb_is_unreadable_not_a_crash(tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_declaring(40000, 40000))
    with pytest.raises(PhotoError) as err:
        read_photo(bomb)
    assert err.value.code == "unreadable"
    assert "safety limit" in err.value.sentence


def test_number_forms():
    assert number(R(3, 2)) == 1.5
    assert number((3, 2)) == 1.5
    assert number(7) == 7.0 and number(" 2.5\x00") == 2.5 and number(b"4") == 4.0
    for bad in (R(1, 0), (1, 0), float("nan"), float("inf"), "x", None, True, [1, 2]):
        assert number(bad) is None


@pytest.mark.parametrize("text, offset, expected", [
    ("2022:08:14 14:12:31", "+03:00", "2022-08-14T14:12:31+03:00"),
    ("2022:08:14 14:12:31", None, "2022-08-14T14:12:31"),
    ("2019:04:30 15:56:18.605+00:00", None, "2019-04-30T15:56:18+00:00"),
    ("2022-01-10T15:15:44-04:00", None, "2022-01-10T15:15:44-04:00"),
    ("2022:01:10 15:15:44Z", None, "2022-01-10T15:15:44+00:00"),
    ("2021:04:11 15:47:53", "-0500", "2021-04-11T15:47:53-05:00"),
    ("2021:04:11 15:47:53", "   :  ", "2021-04-11T15:47:53"),
    ("0000:00:00 00:00:00", None, None),
    ("1999:99:99 99:99:99", None, None),
    ("    :  :     :  :  ", None, None),
    ("", None, None),
    (None, None, None),
])
def test_parse_exif_datetime(text, offset, expected):
    assert parse_exif_datetime(text, offset) == expected


def test_taken_at_falls_back_to_datetime(tmp_path):
    path = tmp_path / "d.jpg"
    exif = Image.Exif()
    exif[0x0132] = "2016:09:12 10:05:31"  # IFD0 DateTime only
    Image.new("RGB", (8, 8)).save(path, exif=exif.tobytes())
    assert read_photo(path).taken_at == "2016-09-12T10:05:31"


def _make_folder(root):
    write_photo(root / "ok.jpg", gps=NORTH_EAST)
    write_photo(root / "sub" / "deeper" / "ok2.jpg", gps={**NORTH_EAST, 1: "S"})
    write_photo(root / "sub" / "zero.jpg", gps=ZERO)
    write_photo(root / "sub" / "plain.png", with_exif=False)
    (root / "sub" / "ok2.xmp").write_text("<x:xmpmeta/>")
    (root / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*")
    shutil.copy(root / "ok.jpg", root / "copy of ok.jpg")
    (root / ".hidden.jpg").write_bytes((root / "ok.jpg").read_bytes())
    (root / ".cache").mkdir()
    write_photo(root / ".cache" / "thumb.jpg", gps=NORTH_EAST)


def test_scan_folder_accounts_for_every_file(tmp_path):
    _make_folder(tmp_path)
    visible = {"ok.jpg", "sub/deeper/ok2.jpg", "sub/zero.jpg", "sub/plain.png", "sub/ok2.xmp",
               "broken.jpg", "copy of ok.jpg"}
    for keep in (False, True):
        records, invalid = scan_folder(tmp_path, keep_unlocated=keep)
        out = [r.relpath for r in records] + [i.relpath for i in invalid]
        assert sorted(out) == sorted(visible)
        codes = {i.relpath: i.reason_code for i in invalid}
        status = {r.relpath: r.location_status for r in records}
        assert codes["sub/ok2.xmp"] == "not_an_image"
        assert codes["broken.jpg"] == "unreadable"
        if keep:
            assert status["sub/zero.jpg"] == "gps_zero" and status["sub/plain.png"] == "no_exif"
        else:
            assert codes["sub/zero.jpg"] == "gps_zero" and codes["sub/plain.png"] == "no_exif"
            assert set(status.values()) == {"ok"}
        for bad in invalid:
            assert bad.reason and bad.path.endswith(bad.filename)
    records, _ = scan_folder(tmp_path)
    ids = {r.relpath: r.photo_id for r in records}
    assert ids["ok.jpg"] == ids["copy of ok.jpg"]  # duplicates are kept, same identity


def test_scan_folder_not_recursive(tmp_path):
    _make_folder(tmp_path)
    records, invalid = scan_folder(tmp_path, recursive=False)
    assert sorted(r.relpath for r in records + invalid) == ["broken.jpg", "copy of ok.jpg",
                                                            "ok.jpg"]


def test_scan_folder_feedback_and_cancel(tmp_path):
    _make_folder(tmp_path)
    seen = []
    scan_folder(tmp_path, feedback=CoreFeedback(on_progress=seen.append))
    assert seen == sorted(seen) and seen[-1] == 100.0
    calls = []
    stop = CoreFeedback(is_canceled=lambda: len(calls) > 2, on_progress=calls.append)
    with pytest.raises(Canceled):
        scan_folder(tmp_path, feedback=stop)


def test_scan_missing_folder(tmp_path):
    with pytest.raises(NotADirectoryError):
        scan_folder(tmp_path / "nope")


def _fingerprints(folder):
    return {p: (full_hash(p), p.stat().st_mtime_ns) for p in sorted(Path(folder).rglob("*"))
            if p.is_file()}


def test_scan_never_modifies_files(tmp_path):
    _make_folder(tmp_path)
    before = _fingerprints(tmp_path)
    scan_folder(tmp_path, keep_unlocated=True)
    assert _fingerprints(tmp_path) == before


# ---- shared data: real camera files and the exiftool reference --------------------------------

def _reference(geotagged_dir):
    with open(geotagged_dir / "exiftool_reference.csv", newline="", encoding="utf-8") as fh:
        return {row["SourceFile"][2:]: row for row in csv.DictReader(fh)}


def _float(text):
    try:
        return float(text)
    except ValueError:
        return None


def _exiftool_location_ok(relpath, row):
    lat, lon = _float(row["GPSLatitude"]), _float(row["GPSLongitude"])
    return (lat is not None and lon is not None and (lat, lon) != (0, 0)
            and abs(lat) <= 90 and abs(lon) <= 180 and "sidecar_files" not in relpath)


@pytest.fixture(scope="module")
def shared_scan(geotagged_dir):
    start = time.perf_counter()
    records, invalid = scan_folder(geotagged_dir, keep_unlocated=True)
    return records, invalid, time.perf_counter() - start


def test_shared_every_file_once(geotagged_dir, shared_scan):
    records, invalid, _ = shared_scan
    files = sorted(p.relative_to(geotagged_dir).as_posix() for p in geotagged_dir.rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    out = sorted([r.relpath for r in records] + [i.relpath for i in invalid])
    assert out == files and len(files) >= 100
    strict, strict_invalid = scan_folder(geotagged_dir, keep_unlocated=False)
    assert sorted([r.relpath for r in strict] + [i.relpath for i in strict_invalid]) == files
    assert all(r.location_status == "ok" for r in strict)
    flat = [f for f in files if "/" not in f and f.endswith((".jpg", ".heic", ".heif", ".HEIC"))]
    assert len(flat) == 30
    assert {r.relpath for r in strict} >= set(flat)


def test_shared_reason_codes_by_kind(shared_scan):
    records, invalid, _ = shared_scan
    code = {r.relpath: r.location_status for r in records}
    code.update({i.relpath: i.reason_code for i in invalid})
    expected = {
        "gps_zero": {"gps_zero"},
        "gps_invalid_nan": {"gps_nan"},
        "gps_ifd_without_coords": {"gps_without_coordinates"},
        "gps_no_ref_tags": {"gps_without_coordinates", "gps_missing_ref", "gps_out_of_range"},
        "sidecar_files": {"not_an_image"},
        "orientation_no_gps": {"no_gps"},
        "no_exif": {"no_exif", "no_gps"},
        "gps_valid_16bit_tiff_thermal_multispectral": {"ok"},
        "gps_metadata_only_8x8": {"ok"},
        "gps_in_png_exif_chunk": {"ok"},
        "gps_valid_but_truncated_pixels": {"ok"},
        "gps_tiny_image": {"ok"},
        "derived": {"ok"},
        # no position in these files (the folder's name and manifest.csv say so): never located
        "other_formats_no_gps": {"no_gps", "no_exif", "gps_without_coordinates"},
        "corrupt_or_invalid": {"no_gps", "no_exif", "unreadable", "exif_unreadable", "not_an_image"},
    }
    folders = {relpath.split("/")[1] for relpath in code if relpath.startswith("edge_cases/")}
    assert folders == set(expected), f"edge-case folders without an expectation: {folders - set(expected)}"
    for relpath, c in code.items():
        parts = relpath.split("/")
        if parts[-1] == "mei__Nikon_D5000.jpg":
            continue
        if parts[0] == "edge_cases" and parts[1] in expected:
            assert c in expected[parts[1]], relpath
    dos = "edge_cases/corrupt_or_invalid/exifreader__test-issue-608-truncated-exif-tiff-dos.jpg"
    assert code[dos] == "unreadable"
    # decimal minutes with 0/0 seconds: located like QGIS's importer and the file's own XMP
    # (48°53'19.41" N, 21°02'35.70" E), although exiftool leaves the EXIF position empty
    nikon = next(r for r in records if r.filename == "mei__Nikon_D5000.jpg")
    assert nikon.location_status == "ok"
    assert abs(nikon.latitude - (48 + 53 / 60 + 19.41 / 3600)) < 1e-4
    assert abs(nikon.longitude - (21 + 2 / 60 + 35.70 / 3600)) < 1e-4
    derived = "edge_cases/derived/DERIVED_refs_set_S_W__exif-samples__DSCN0021.jpg"
    rec = next(r for r in records if r.relpath == derived)
    assert rec.latitude < 0 and rec.longitude < 0


def test_shared_matches_exiftool(geotagged_dir, shared_scan):
    records, _, _ = shared_scan
    by_rel = {r.relpath: r for r in records}
    reference = _reference(geotagged_dir)
    checked = 0
    for relpath, ref in reference.items():
        rec = by_rel.get(relpath)
        if _exiftool_location_ok(relpath, ref):
            assert rec is not None and rec.location_status == "ok", relpath
            assert abs(rec.latitude - float(ref["GPSLatitude"])) < 1e-6, relpath
            assert abs(rec.longitude - float(ref["GPSLongitude"])) < 1e-6, relpath
            for ours, theirs, tol in ((rec.altitude, ref["GPSAltitude"], 0.01),
                                      (rec.direction, ref["GPSImgDirection"], 0.01)):
                if theirs:
                    assert ours is not None and abs(ours - float(theirs)) < tol, relpath
                else:
                    assert ours is None, relpath
            checked += 1
        if rec is None:
            continue
        if ref["Make"]:
            assert (rec.make, rec.model) == (ref["Make"], ref["Model"] or None), relpath
        if ref["Orientation"]:  # exiftool may take a 1 from the thumbnail's IFD1: same meaning
            assert rec.orientation in (int(ref["Orientation"]), None), relpath
            assert rec.orientation is not None or ref["Orientation"] == "1", relpath
        if rec.taken_at and ref["DateTimeOriginal"]:
            assert rec.taken_at[:19] == parse_exif_datetime(ref["DateTimeOriginal"][:19]), relpath
        if ref["OffsetTimeOriginal"]:
            assert rec.taken_at.endswith(ref["OffsetTimeOriginal"]), relpath
        if ref["ImageWidth"]:
            stored = (int(ref["ImageWidth"]), int(ref["ImageHeight"]))
            if rec.format == "HEIF":  # libheif applies the container rotation itself
                assert sorted((rec.width, rec.height)) == sorted(stored), relpath
            else:
                shown = stored[::-1] if rec.orientation in (5, 6, 7, 8) else stored
                assert (rec.width, rec.height) == shown, relpath
    assert checked >= 47


def test_shared_scan_is_quick_and_never_modifies(geotagged_dir):
    before = _fingerprints(geotagged_dir)
    start = time.perf_counter()
    records, invalid = scan_folder(geotagged_dir / "edge_cases", keep_unlocated=True)
    assert time.perf_counter() - start < 60
    assert len(records) + len(invalid) == 72
    assert _fingerprints(geotagged_dir) == before
    assert all(math.isfinite(r.latitude) for r in records if r.latitude is not None)
