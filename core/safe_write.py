"""Outputs that are either complete or absent: write under a temporary name, check, then rename.

A cancelled run, a full disk or a crash must never leave a truncated file under a name that
looks finished (a photo copy, a table, a contact sheet, a map, exported vectors, a model). Every
helper here writes through ``fill(temp_path)`` into a temporary name in the *target folder*
(same file system, so the final rename is atomic), then

1. flushes it to the disk (``fsync``: a full disk that the page cache hid shows up here),
2. reads it back with ``verify(temp_path)`` when given (a PDF has its ``%%EOF`` trailer, a PNG
   decodes, a CSV has all its rows, a zip its directory...): ``verify`` returns None when the
   file is whole, else the reason,
3. renames it; on any failure the temporary file is removed and an exception names the file.

* :func:`write_complete` never replaces an existing file (exports: a name clash is the caller's
  business); :func:`replace_complete` replaces it (a re-run's own outputs).
* :func:`publish_folder` does the same for a folder of files (a model folder).
* Verifiers: :func:`pdf_problem`, :func:`png_problem`, :func:`zip_problem`, :func:`json_problem`,
  :func:`csv_rows_problem`.
"""
from __future__ import annotations

import errno
import os
import shutil
import uuid
from pathlib import Path

TEMP_PREFIX = ".photo_motifs_part-"


class IncompleteOutput(ValueError):
    """An output failed its check after writing; the message names the file. Nothing was kept.

    ``path`` is the output's name, ``reason`` what the check found.
    """

    def __init__(self, sentence: str, path="", reason: str = ""):
        super().__init__(sentence)
        self.path = os.fspath(path) if path else ""
        self.reason = reason


def temp_path(folder, suffix: str = "") -> Path:
    """A fresh temporary name in ``folder`` (hidden, recognisable by :data:`TEMP_PREFIX`)."""
    return Path(folder) / f"{TEMP_PREFIX}{uuid.uuid4().hex}{suffix}"


def sync_file(path) -> None:
    """Flush a written file to the disk (a delayed write error of a full disk raises here)."""
    fd = os.open(os.fspath(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(tmp: Path, dest: Path) -> None:
    """Give the complete file ``tmp`` its final name ``dest`` without replacing an existing file.

    A hard link fails if ``dest`` exists (no race); where links are impossible, a rename after
    an existence check. ``tmp`` is gone afterwards in every case.
    """
    try:
        try:
            os.link(tmp, dest)
        except FileExistsError:
            raise
        except OSError:
            if dest.exists() or dest.is_symlink():
                raise FileExistsError(errno.EEXIST, "exists", str(dest)) from None
            os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink()


def _checked(tmp: Path, dest: Path, verify) -> None:
    if not tmp.is_file():
        raise IncompleteOutput(f"The output {dest} was not written (its writer produced no file); nothing "
                               "was saved under its name.", dest, "no file was written")
    sync_file(tmp)
    problem = verify(tmp) if verify is not None else None
    if problem:
        raise IncompleteOutput(f"The output {dest} is incomplete ({problem}): it was removed, nothing was "
                               "saved under its name. The disk may be full.", dest, problem)


def _named(exc: OSError, dest: Path, tmp: Path) -> OSError:
    """The error with the output's own name (not the temporary one, nor none at all)."""
    if exc.filename in (None, str(tmp), tmp) and exc.errno is not None:
        named = type(exc)(exc.errno, exc.strerror or str(exc), str(dest))
        named.__cause__ = exc
        return named
    return exc


def _write_via_temp(dest, fill, finish, verify) -> Path:
    dest = Path(dest)
    tmp = temp_path(dest.parent, dest.suffix)
    try:
        fill(tmp)
        _checked(tmp, dest, verify)
        finish(tmp, dest)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise _named(exc, dest, tmp) from exc
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return dest


def write_complete(dest, fill, verify=None) -> Path:
    """``fill(temp)``, check, then publish as ``dest`` (FileExistsError if it exists meanwhile)."""
    return _write_via_temp(dest, fill, publish, verify)


def replace_complete(dest, fill, verify=None) -> Path:
    """``fill(temp)``, check, then atomically replace ``dest`` (which may exist) with it."""
    return _write_via_temp(dest, fill, os.replace, verify)


def publish_folder(dest, fill, verify=None, obsolete=()) -> Path:
    """``fill(temp_folder)`` in a temporary folder beside ``dest``, check, then put it in place.

    ``verify(temp_folder)`` returns None or the reason the folder is not whole. An absent or
    empty ``dest`` is replaced by the folder in one rename; into an existing ``dest`` the files
    are moved one by one (each replaced atomically, other files there kept), ``*.json`` last so
    that a reader starting from ``signature.json`` finds the files it names. On any failure the
    temporary folder is removed and ``dest`` is as it was. ``obsolete``: names of files an
    existing ``dest`` must not keep when the new folder has none of that name (a model's
    calibration file that belonged to the model replaced).
    """
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise ValueError(f"{dest} exists and is not a folder.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(dest.parent)
    try:
        tmp.mkdir()
        fill(tmp)
        for path in tmp.rglob("*"):
            if path.is_file():
                sync_file(path)
        problem = verify(tmp) if verify is not None else None
        if problem:
            raise IncompleteOutput(f"The output folder {dest} would be incomplete ({problem}): nothing was "
                                   "saved there. The disk may be full.", dest, problem)
        _move_folder(tmp, dest, obsolete)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def _move_folder(tmp: Path, dest: Path, obsolete=()) -> None:
    if not dest.exists() or (dest.is_dir() and not any(dest.iterdir())):
        os.replace(tmp, dest)  # rename(2) replaces an empty folder
        return
    for name in obsolete:
        if not (tmp / name).exists():
            (dest / name).unlink(missing_ok=True)
    files = sorted((p for p in tmp.rglob("*") if p.is_file()),
                   key=lambda p: (p.suffix == ".json", p.relative_to(tmp).as_posix()))
    for path in files:
        target = dest / path.relative_to(tmp)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
    shutil.rmtree(tmp, ignore_errors=True)


# --- verifiers: None when the file is whole, else the reason ----------------------------------

def _tail(path, n: int = 2048) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - n))
        return fh.read()


def pdf_problem(path):
    """A PDF starts with ``%PDF-`` and ends with its ``%%EOF`` trailer."""
    with open(path, "rb") as fh:
        head = fh.read(5)
    if head != b"%PDF-":
        return "not a PDF file"
    if b"%%EOF" not in _tail(path):
        return "the PDF has no end-of-file trailer: it was cut off"
    return None


def png_problem(path):
    """A PNG ends with its IEND chunk and its pixels decode."""
    from PIL import Image

    if not _tail(path, 12).endswith(b"IEND\xaeB`\x82"):
        return "the PNG has no end chunk: it was cut off"
    try:
        with Image.open(path) as img:
            if img.format != "PNG":
                return "not a PNG file"
            img.load()
    except Exception as exc:  # Pillow raises many types for damaged data
        return f"the PNG does not decode ({type(exc).__name__})"
    return None


def zip_problem(path):
    """A zip container (XLSX, NPZ) whose directory and every member's checksum are right."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return f"the file is not a whole zip container ({exc})"
    return f"the member {bad} is damaged" if bad else None


def json_problem(path):
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            json.load(fh)
    except ValueError as exc:
        return f"the JSON does not parse ({exc})"
    return None


def csv_rows_problem(rows: int, encoding: str = "utf-8"):
    """A verifier: the CSV holds a header and exactly ``rows`` records."""
    def verify(path):
        import csv

        try:
            with open(path, newline="", encoding=encoding) as fh:
                found = sum(1 for _ in csv.reader(fh)) - 1
        except (ValueError, csv.Error) as exc:
            return f"the table does not read back ({exc})"
        return None if found == rows else f"{found} of {rows} rows read back"

    return verify
