"""Complete or absent without QGIS: tables, vectors and Flickr tables on a disk that is full when
they are closed (their bytes wait in a buffer until then), and the read-back checks themselves.

Before: a table the disk could not take at its close left an empty or cut file under its final
name (classify's CSV, the Flickr tables left a ``.part``); nothing read a PDF, PNG or zip back.
"""
import errno
import zlib

import numpy as np
import pytest

from photo_motifs.core import flickr, safe_write
from photo_motifs.core.classify import ClassifyResult, write_image_tools_csv
from photo_motifs.core.safe_cells import save_csv, save_xlsx
from photo_motifs.core.vectors_io import export_vectors
from photo_motifs.tests.fault_helpers import leave_free, small_disk, temporary_leftovers

HEADER = ["File", "Label", "Confidence"]


@pytest.fixture
def full_disk(tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, "64k") as mounted:
        if not mounted:
            pytest.skip("needs root to mount a small tmpfs")  # CI runs as root: a skip fails CI
        leave_free(disk, 0)
        yield disk


def _only_ballast(disk):
    return sorted(p.name for p in disk.iterdir()) == ["ballast"] and temporary_leftovers(disk) == []


@pytest.mark.parametrize("writer", ["csv", "xlsx", "vectors", "flickr", "classify"])
def test_a_table_the_full_disk_cannot_take_at_its_close_is_absent(full_disk, writer):
    rows = [(f"photo_{k}.jpg", "forest", 0.5) for k in range(40)]
    target = full_disk / {"xlsx": "t.xlsx", "vectors": "v.csv"}.get(writer, "t.csv")
    with pytest.raises(OSError) as info:
        if writer == "csv":
            save_csv(target, HEADER, rows)
        elif writer == "xlsx":
            save_xlsx(target, HEADER, rows)
        elif writer == "vectors":
            export_vectors(target, ([r[0] for r in rows], np.ones((40, 4), np.float32)))
        elif writer == "flickr":
            flickr.write_csv(target, ["id", "title"], [{"id": str(k), "title": "t"} for k in range(40)])
        else:
            from photo_motifs.core.classify import ClassifiedPhoto

            result = ClassifyResult(classes=["forest"], photos=[
                ClassifiedPhoto(index=k, path=r[0], label="forest", confidence=0.5, top=[("forest", 0.5)],
                                unknown=False) for k, r in enumerate(rows)], failed=[], probs=np.ones((40, 1)))
            write_image_tools_csv(target, result)
    assert info.value.errno in (errno.ENOSPC, errno.EDQUOT)
    assert info.value.filename == str(target)  # the output's name, not the temporary one
    assert _only_ballast(full_disk)


def test_a_check_that_fails_removes_the_file_and_names_it(tmp_path):
    with pytest.raises(safe_write.IncompleteOutput, match=r"The output .*map\.pdf is incomplete \(the PDF has no"):
        safe_write.replace_complete(tmp_path / "map.pdf", lambda tmp: tmp.write_bytes(b"%PDF-1.4\n" + b"x" * 5000),
                                    verify=safe_write.pdf_problem)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "map.pdf").write_bytes(b"old")  # a file of an earlier run keeps its content
    with pytest.raises(safe_write.IncompleteOutput):
        safe_write.replace_complete(tmp_path / "map.pdf", lambda tmp: tmp.write_bytes(b"%PDF-1.4\n"),
                                    verify=safe_write.pdf_problem)
    assert [p.name for p in tmp_path.iterdir()] == ["map.pdf"] and (tmp_path / "map.pdf").read_bytes() == b"old"


def _png(width=4, height=3) -> bytes:
    """A PNG written here chunk by chunk (zlib, CRC), not by the code under test."""
    def chunk(kind, data):
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    raw = b"".join(b"\0" + bytes([200, 10, 10]) * width for _ in range(height))
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_the_read_back_checks_by_hand(tmp_path):
    png, pdf, csv = tmp_path / "a.png", tmp_path / "a.pdf", tmp_path / "a.csv"
    png.write_bytes(_png())
    assert safe_write.png_problem(png) is None
    png.write_bytes(_png()[:-20])
    assert "cut off" in safe_write.png_problem(png)
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    assert safe_write.pdf_problem(pdf) is None
    pdf.write_bytes(b"<html>not a pdf</html>")
    assert safe_write.pdf_problem(pdf) == "not a PDF file"
    csv.write_text('a,b\n1,"two\nlines"\n3,4\n')
    assert safe_write.csv_rows_problem(2)(csv) is None
    assert safe_write.csv_rows_problem(3)(csv) == "2 of 3 rows read back"


@pytest.mark.parametrize("name", ["t.parquet", "t.csv"])
def test_the_api_writes_a_table_the_full_disk_cannot_take_not_at_all(full_disk, name):
    """api.write goes through core.safe_write: a table the disk cannot take is absent (was: a
    temporary file renamed without a flush or a read-back)."""
    import pandas as pd

    from photo_motifs import api

    frame = pd.DataFrame({"photo": [f"photo_{k}.jpg" for k in range(5000)], "cluster": ["forest"] * 5000})
    with pytest.raises(OSError):
        api.write(frame, full_disk / name)
    assert _only_ballast(full_disk)


def test_api_write_reads_every_row_back(tmp_path):
    import pandas as pd

    from photo_motifs import api

    frame = pd.DataFrame({"photo": ["a.jpg", "b.jpg", 'c "quoted",\nline.jpg'], "n": [1, 2, 3]})
    for name in ("t.parquet", "t.csv"):
        api.write(frame, tmp_path / name)
    assert pd.read_parquet(tmp_path / "t.parquet").equals(frame)
    assert pd.read_csv(tmp_path / "t.csv")["photo"].tolist() == frame["photo"].tolist()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "t.parquet"]  # no temporary file left


def test_motif_time_charts_the_disk_cannot_take_are_absent_and_cleaned_up_next_time(tmp_path):
    """A heat map PNG is written under a temporary name and renamed once it decodes; the chart
    folder's marker lists the planned files first, so the next run still removes them."""
    from photo_motifs.core.motiftime import CHART_MARKER, write_charts
    from photo_motifs.tests.unit.test_motiftime import run

    disk = tmp_path / "disk"
    with small_disk(disk, "200k") as mounted:
        if not mounted:
            pytest.skip("needs root to mount a small tmpfs")  # CI runs as root: a skip fails CI
        charts = disk / "charts"
        charts.mkdir()
        leave_free(disk, 24 * 1024)  # room for the marker, not for a 1440 x 840 chart
        with pytest.raises(OSError):
            write_charts(run(), charts)
        assert [p.name for p in charts.iterdir()] == [CHART_MARKER] and temporary_leftovers(disk) == []
        (disk / "ballast").unlink()
        written = write_charts(run(), charts)
        assert sorted(p.name for p in written) == ["heatmap_cells.csv", "overview.png", "park.png", "river.png"]
        assert all(safe_write.png_problem(p) is None for p in written if p.suffix == ".png")
        assert temporary_leftovers(disk) == []
