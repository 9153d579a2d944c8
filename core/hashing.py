"""Content hash used as a photo's identity (survives renames and moves).

Like digiKam's "unique hash", it digests the file size with the first and the last 64 KiB of
the file instead of every byte: two photos that share their size, their header block (EXIF,
thumbnails) and the end of their compressed image data are, in practice, the same photo, and
identifying a 12-MP photo costs 128 KiB of reading instead of 5 MB (import must not be slower
than QGIS's own, which reads headers only). Files up to 128 KiB are digested whole.

Photos are opened through :func:`.files.open_photo` (regular files only, size limit) and read in
bounded blocks: never more than the size ``stat`` gave, never a device or a pipe.
"""
from __future__ import annotations

import hashlib
import os

from .files import open_photo

BLOCK = 64 * 1024
CHUNK = 1 << 20


def _read_exactly(fh, n: int) -> bytes:
    """Up to ``n`` bytes (fewer only at the end of the file), read in bounded blocks."""
    parts, left = [], n
    while left > 0:
        block = fh.read(min(left, CHUNK))
        if not block:
            break
        parts.append(block)
        left -= len(block)
    return b"".join(parts)


def content_hash(path) -> str:
    """BLAKE2b-128 hex digest of (size, first 64 KiB, last 64 KiB); the file is opened read-only."""
    h = hashlib.blake2b(digest_size=16)
    with open_photo(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        h.update(size.to_bytes(8, "little"))
        if size <= 2 * BLOCK:
            h.update(_read_exactly(fh, size))
        else:
            h.update(_read_exactly(fh, BLOCK))
            fh.seek(size - BLOCK)
            h.update(_read_exactly(fh, BLOCK))
    return h.hexdigest()


def full_hash(path, check=None) -> str:
    """SHA-256 of every byte (for checks that a file is unchanged, not for identity).

    Reads 1 MiB at a time up to the size ``stat`` gave; ``check()`` (e.g. a feedback's
    ``check``, which raises when the user cancels) is called before every block.
    """
    h = hashlib.sha256()
    with open_photo(path) as fh:
        left = os.fstat(fh.fileno()).st_size
        while left > 0:
            if check is not None:
                check()
            block = fh.read(min(CHUNK, left))
            if not block:
                break
            h.update(block)
            left -= len(block)
    return h.hexdigest()
