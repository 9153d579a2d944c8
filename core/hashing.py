"""Content hash used as a photo's identity (survives renames and moves)."""
from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def content_hash(path) -> str:
    """BLAKE2b-128 hex digest of the file's bytes (file opened read-only)."""
    h = hashlib.blake2b(digest_size=16)
    with open(Path(path), "rb") as fh:
        while True:
            block = fh.read(_CHUNK)
            if not block:
                break
            h.update(block)
    return h.hexdigest()
