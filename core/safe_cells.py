"""Write table cells that a spreadsheet shows as text, never runs as a formula.

Photo metadata, Flickr titles, tags and user names are text chosen by whoever made the photo.
A cell that begins with ``=`` (or, in a CSV, ``+ - @``, tab or carriage return) is taken as a
formula by Excel, LibreOffice and Google Sheets: ``=HYPERLINK(...)`` leaks data, ``=cmd|...``
runs a program after a warning most people click away. This module is the one place that
writes such cells (OWASP "CSV Injection" guidance):

* CSV: a text value that begins with one of :data:`CSV_TRIGGERS` gets a leading ``'``, which
  spreadsheets show as a text marker. Numbers are written as numbers (a negative number is a
  ``float``/``int``, not text, and keeps its sign).
* XLSX: every text value is stored as a string cell (``t="inlineStr"``), never as ``<f>``;
  characters XML 1.0 cannot hold (control characters) are dropped instead of failing the file.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot hold these; openpyxl raises IllegalCharacterError on them
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_cell(value):
    """``value`` as it goes into a CSV cell: ``None`` → ``""``, risky text prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(CSV_TRIGGERS):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]


def _write_csv_rows(path, header, rows, encoding: str, mode: str) -> int:
    n = 0
    with open(path, mode, newline="", encoding=encoding) as fh:
        writer = csv.writer(fh)
        writer.writerow(csv_row(header))
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
    return n


def write_csv(path, header, rows, encoding: str = "utf-8", mode: str = "w") -> Path:
    """Write ``header`` and ``rows`` through :func:`csv_cell` (``mode='x'``: never overwrite)."""
    _write_csv_rows(path, header, rows, encoding, mode)
    return Path(path)


def save_csv(path, header, rows, encoding: str = "utf-8", replace: bool = True) -> Path:
    """:func:`write_csv` complete or not at all: a temporary name, every row read back, then the
    rename (``replace=False``: never over an existing file). See :mod:`.safe_write`."""
    from .safe_write import csv_rows_problem, replace_complete, write_complete

    count = [0]

    def fill(tmp):
        count[0] = _write_csv_rows(tmp, header, rows, encoding, "x")

    writer = replace_complete if replace else write_complete
    return writer(path, fill, verify=lambda tmp: csv_rows_problem(count[0], encoding)(tmp))


def save_xlsx(path, header, rows, sheet: str = "photos", replace: bool = True) -> Path:
    """:func:`write_xlsx` complete or not at all (temporary name, zip checked, rename)."""
    from .safe_write import replace_complete, write_complete, zip_problem

    writer = replace_complete if replace else write_complete
    return writer(path, lambda tmp: write_xlsx(tmp, header, rows, sheet), verify=zip_problem)


def xlsx_value(value):
    """A value openpyxl can store: text stripped of XML-illegal characters, others unchanged."""
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    return value


def xlsx_row(ws, values) -> list:
    """Cells for ``ws.append`` (a write-only sheet): every text is a string cell, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        value = xlsx_value(value)
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # openpyxl would make any text starting with '=' a formula
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def write_xlsx(path, header, rows, sheet: str = "photos") -> Path:
    """Write an XLSX workbook with one sheet: ``header`` then ``rows``, text as text only."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(xlsx_row(ws, header))
    for row in rows:
        ws.append(xlsx_row(ws, row))
    # the workbook is zipped in memory (compressed, a few MB for 100,000 rows), then written in
    # one go: a full disk fails that write cleanly, without a half-closed zip archive behind
    buffer = io.BytesIO()
    wb.save(buffer)
    with open(path, "wb") as fh:
        fh.write(buffer.getbuffer())
    return path
