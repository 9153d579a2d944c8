"""Photo thumbnails for the viewer: decoded at a reduced JPEG scale and cached on disk.

A thumbnail is a small JPEG in a per-user cache folder, named by the photo's path, size and
modification time, so a changed photo gets a new one and an unchanged one is decoded once.
JPEGs are decoded with DCT scaling (``Image.draft``, as embedding does), which makes a 256 px
thumbnail of a 12-megapixel photo several times cheaper than a full decode. Photos are opened
read-only; a photo that cannot be decoded raises :class:`.decode.DecodeError` with a sentence.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .decode import open_oriented


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/photo_motifs/thumbnails`` (``~/.cache/...``), never a photo folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "photo_motifs" / "thumbnails"


def thumbnail_key(path, size: int) -> str:
    """Cache key: path, file size, modification time and thumbnail size."""
    st = os.stat(path)
    text = f"{os.path.abspath(path)}\0{st.st_size}\0{st.st_mtime_ns}\0{int(size)}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def thumbnail(path, size: int = 256, cache_dir=None) -> Path:
    """Path of a JPEG thumbnail (longer side ``size``) of the photo, made once and cached."""
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    key = thumbnail_key(path, size)
    target = folder / key[:2] / f"{key}.jpg"
    if target.is_file():
        return target
    img = open_oriented(path, min_side=size)
    img.thumbnail((size, size))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    img.save(tmp, "JPEG", quality=85)
    os.replace(tmp, target)  # a reader never sees a half-written file
    return target
