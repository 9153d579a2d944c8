"""Tables that are no tables of photos: a 100 MB CSV of one line and an XLSX zip bomb are refused
with a sentence at once, and reading a long table stops at a cancel request.

Before: the one-line CSV was split into 50 million column names (made unique one by one: minutes,
gigabytes, Ctrl-C unheard) and a 543 KB XLSX took 2 GB of memory. Each read runs in a child
process with a memory limit and an alarm, so a regression fails instead of hurting the machine.
"""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PACKAGE_PARENT = str(Path(__file__).resolve().parents[3])
CHILD = """
import resource, signal, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
signal.alarm(60)
from photo_motifs.core.table_import import read_table
try:
    columns, rows = read_table(sys.argv[1])
    print("READ", len(columns), len(rows))
except MemoryError:
    print("MEMORY ERROR")
except ValueError as exc:
    print("SENTENCE", exc)
"""


def _read_in_child(path):
    env = dict(os.environ, PYTHONPATH=PACKAGE_PARENT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, f"the reader died (status {proc.returncode}): {proc.stderr[-1500:]}"
    return proc.stdout.strip().splitlines()[-1]


def test_a_100_mb_csv_of_one_line_is_refused_at_once(tmp_path):
    path = tmp_path / "one_line.csv"
    with open(path, "w") as fh:
        for _ in range(100):
            fh.write("a," * 500_000)  # 1 MB a time: 100 MB, 50 million fields, no line break
    out = _read_in_child(path)
    assert out.startswith("SENTENCE Line 1 of one_line.csv has more than 1,000,000 characters"), out


def test_a_csv_with_too_many_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{k}" for k in range(5000)) + "\n" + ",".join("1" * 5000) + "\n")
    out = _read_in_child(path)
    assert out.startswith("SENTENCE The first row of wide.csv has 5,000 columns"), out


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(tmp_path):
    """A workbook whose shared strings unpack to 100 MB from well under 1 MB (packed 1,000 times)."""
    from openpyxl import Workbook

    good = tmp_path / "good.xlsx"
    wb = Workbook()
    wb.active.append(["filename", "latitude", "longitude"])
    wb.active.append(["a.jpg", 58.3, 26.7])
    wb.save(good)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "xl/sharedStrings.xml":
                dst.writestr(item, src.read(item.filename))
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     b'<si><t>')
            block = b"A" * (1 << 20)
            for _ in range(100):
                fh.write(block)
            fh.write(b"</t></si></sst>")
    assert bomb.stat().st_size < 1 << 20
    out = _read_in_child(bomb)
    assert out.startswith("SENTENCE bomb.xlsx would unpack to"), out
    assert _read_in_child(good) == "READ 3 1"


def test_reading_a_long_table_stops_at_a_cancel(tmp_path):
    from photo_motifs.core.feedback import Canceled, CoreFeedback
    from photo_motifs.core.table_import import read_table

    path = tmp_path / "long.csv"
    path.write_text("filename,latitude,longitude\n" + "".join(f"p{k}.jpg,58.3,26.7\n" for k in range(20000)))
    checks = []

    def canceled():
        checks.append(1)
        return len(checks) > 3

    with pytest.raises(Canceled):
        read_table(path, feedback=CoreFeedback(is_canceled=canceled))
    assert len(checks) == 4  # the fourth check (after 3,000 lines) stopped it, not the end of the file
