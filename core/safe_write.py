"""Files that are either complete or absent: write under a temporary name, then rename.

A cancelled run, a full disk or a crash must never leave a truncated file under a name that
looks finished (a photo copy, a table, a contact sheet, exported vectors). Both helpers write
through ``fill(temp_path)`` into a temporary file in the *target folder* (same file system, so
the final rename is atomic) and remove it on any failure.

* :func:`write_complete` never replaces an existing file (exports: a name clash is the caller's
  business); :func:`replace_complete` replaces it (a re-run's own outputs).
"""
from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

TEMP_PREFIX = ".photo_motifs_part-"


def _temp_name(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}"


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


def _write_via_temp(dest, fill, finish) -> Path:
    dest = Path(dest)
    tmp = _temp_name(dest.parent)
    try:
        fill(tmp)
        finish(tmp, dest)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return dest


def write_complete(dest, fill) -> Path:
    """``fill(temp)`` then publish as ``dest`` (FileExistsError if it exists meanwhile)."""
    return _write_via_temp(dest, fill, publish)


def replace_complete(dest, fill) -> Path:
    """``fill(temp)`` then atomically replace ``dest`` (which may exist) with it."""
    return _write_via_temp(dest, fill, os.replace)
