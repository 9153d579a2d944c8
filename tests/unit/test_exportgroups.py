"""Exporting photos into cluster folders (core.exportgroups)."""
import csv
import hashlib
import os

import numpy as np
import pytest
from PIL import Image

from photo_motifs.core.exportgroups import export_groups, safe_folder_name
from photo_motifs.core.feedback import Canceled, CoreFeedback


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gps_jpeg(path, colour=(200, 30, 30), orientation=1):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (45.0, 30.0, 0.0), 3: "E", 4: (7.0, 15.0, 0.0)}  # GPS IFD
    Image.new("RGB", (40, 20), colour).save(path, exif=exif, quality=90)
    return path


@pytest.fixture
def photos(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    a = gps_jpeg(src / "IMG.2024.05.01.final.jpg")
    b = gps_jpeg(src / "b.jpg", colour=(10, 200, 10))
    c = gps_jpeg(src / "c.jpg", colour=(10, 10, 200), orientation=6)
    return src, [a, b, c]


def rows_for(paths, groups):
    return [{"photo": str(p), "cluster": g, "rank": i + 1} for i, (p, g) in enumerate(zip(paths, groups))]


def test_copy_keeps_sources_names_and_existing_files(tmp_path, photos):
    src, paths = photos
    before = {p: digest(p) for p in paths}
    out = tmp_path / "out"
    (out / "C1").mkdir(parents=True)
    keep = out / "C1" / "notes.txt"
    keep.write_text("mine")
    clash = out / "C1" / "b.jpg"
    clash.write_bytes(b"a different photo")
    rep = export_groups(rows_for(paths, ["C1", "C1", "C2"]), out)
    assert {p: digest(p) for p in paths} == before  # sources untouched, none moved
    assert all(p.exists() for p in paths)
    assert keep.read_text() == "mine" and clash.read_bytes() == b"a different photo"
    assert (out / "C1" / "IMG.2024.05.01.final.jpg").read_bytes() == paths[0].read_bytes()
    assert (out / "C1" / "b (2).jpg").read_bytes() == paths[1].read_bytes()
    assert rep.copied == 3 and rep.renamed == 1 and rep.problems == []
    again = export_groups(rows_for(paths, ["C1", "C1", "C2"]), out)
    assert again.skipped_identical == 3 and again.copied == 0
    assert not (out / "C1" / "b (3).jpg").exists()
    assert len(again.tables) == 2 and all("(2)" in t for t in again.tables)  # tables never overwritten


def test_missing_source_is_reported_not_fatal(tmp_path, photos):
    _, paths = photos
    rows = rows_for(paths[:1] + [tmp_path / "gone.jpg"], ["A", "A"]) + [{"cluster": "A"}]
    rep = export_groups(rows, tmp_path / "out", write_tables=("csv",))
    assert rep.copied == 1 and rep.failed == 2
    assert [p[1] for p in rep.problems] == ["missing", "no_path"]
    assert "was not found" in rep.problems[0][2]


def test_group_names_are_sanitised(tmp_path, photos):
    _, paths = photos
    rep = export_groups(rows_for(paths, ["a/b", "a:b", None]), tmp_path / "out", write_tables=())
    folders = sorted(os.listdir(tmp_path / "out"))
    assert folders == ["a_b", "a_b (2)", "unassigned"]
    assert rep.groups["a/b"].endswith("a_b") and rep.groups["a:b"].endswith("a_b (2)")
    assert safe_folder_name("CON") == "CON_" and safe_folder_name(" x. ") == "x"


def test_link_mode(tmp_path, photos):
    _, paths = photos
    rep = export_groups(rows_for(paths, ["C1"] * 3), tmp_path / "out", mode="link", write_tables=())
    assert rep.hardlinked + rep.symlinked + rep.copied == 3
    linked = tmp_path / "out" / "C1" / "b.jpg"
    assert linked.read_bytes() == paths[1].read_bytes()
    if rep.hardlinked:
        assert os.stat(linked).st_ino == os.stat(paths[1]).st_ino
        assert any("editing one edits the other" in n for n in rep.notes)
    with pytest.raises(ValueError, match="choose 'copy'"):
        export_groups(rows_for(paths, ["C1"] * 3), tmp_path / "o2", mode="link", strip_metadata=True)


def test_strip_metadata_removes_gps_from_copy_only(tmp_path, photos):
    _, paths = photos
    before = {p: digest(p) for p in paths}
    rep = export_groups(rows_for(paths, ["C1"] * 3), tmp_path / "out", strip_metadata=True, write_tables=())
    assert rep.stripped == 3
    assert {p: digest(p) for p in paths} == before
    with Image.open(paths[2]) as im:
        assert im.getexif().get_ifd(0x8825)  # source still has GPS
    with Image.open(tmp_path / "out" / "C1" / "c.jpg") as im:
        assert not im.getexif() and "xmp" not in im.info
        assert im.size == (20, 40)  # orientation 6 applied to the pixels
    again = export_groups(rows_for(paths, ["C1"] * 3), tmp_path / "out", strip_metadata=True, write_tables=())
    assert again.skipped_identical == 3


def test_tables_with_embedding_columns(tmp_path, photos):
    from openpyxl import load_workbook

    _, paths = photos
    vectors = np.arange(6, dtype=np.float32).reshape(3, 2)
    rows = rows_for(paths, ["C1", "C2", "C2"])
    rows[0]["score"] = np.float64(0.5)
    rep = export_groups(rows, tmp_path / "out", vectors=vectors)
    xlsx, csv_path = rep.tables
    wb = load_workbook(xlsx, read_only=True)
    table = [list(r) for r in wb.active.iter_rows(values_only=True)]
    wb.close()
    assert table[0] == ["photo", "cluster", "rank", "score", "export_file", "export_status", "f0", "f1"]
    assert table[1][3] == 0.5 and table[1][4] == "C1/IMG.2024.05.01.final.jpg" and table[1][5] == "copied"
    assert table[3][-2:] == [4.0, 5.0]
    with open(csv_path, newline="", encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == table[0] and len(lines) == 4 and lines[2][-1] == "3.0"
    with pytest.raises(ValueError, match="must match one to one"):
        export_groups(rows, tmp_path / "o2", vectors=vectors[:2])


def test_cancel(tmp_path, photos):
    _, paths = photos
    with pytest.raises(Canceled):
        export_groups(rows_for(paths, ["C1"] * 3), tmp_path / "out", feedback=CoreFeedback(is_canceled=lambda: True))


def test_skip_empty_makes_a_lobe_dataset_of_labelled_photos_only(tmp_path, photos):
    _, paths = photos
    rep = export_groups(rows_for(paths, ["forest", None, " "]), tmp_path / "out", write_tables=(),
                        skip_empty=True)
    assert sorted(os.listdir(tmp_path / "out")) == ["forest"]
    assert os.listdir(tmp_path / "out" / "forest") == [paths[0].name]
    assert rep.copied == 1 and rep.failed == 0 and list(rep.groups) == ["forest"]
    assert [status for _f, status in rep.extra] == ["copied", "left out (no group)", "left out (no group)"]
