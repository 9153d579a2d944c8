"""Content hash used as a photo's identity (survives renames and moves).

Like digiKam's "unique hash", it digests the file size with the first and the last 64 KiB of
the file instead of every byte: two photos that share their size, their header block (EXIF,
thumbnails) and the end of their compressed image data are, in practice, the same photo, and
identifying a 12-MP photo costs 128 KiB of reading instead of 5 MB (import must not be slower
than QGIS's own, which reads headers only). Files up to 128 KiB are digested whole.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

BLOCK = 64 * 1024


def content_hash(path) -> str:
    """BLAKE2b-128 hex digest of (size, first 64 KiB, last 64 KiB); the file is opened read-only."""
    h = hashlib.blake2b(digest_size=16)
    with open(Path(path), "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        h.update(size.to_bytes(8, "little"))
        if size <= 2 * BLOCK:
            h.update(fh.read())
        else:
            h.update(fh.read(BLOCK))
            fh.seek(size - BLOCK)
            h.update(fh.read(BLOCK))
    return h.hexdigest()


def full_hash(path) -> str:
    """SHA-256 of every byte (for checks that a file is unchanged, not for identity)."""
    h = hashlib.sha256()
    with open(Path(path), "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
