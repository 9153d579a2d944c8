"""Listing photo files in folders (read-only)."""
from __future__ import annotations

import os
from pathlib import Path

# extensions of the image formats Photo Motifs reads (Pillow + pillow-heif)
IMAGE_EXTENSIONS = frozenset(
    ".jpg .jpeg .jpe .jfif .heic .heif .hif .avif .webp .png .tif .tiff .dng .bmp .gif".split()
)


def is_image_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS


def list_files(folder, recursive: bool = True) -> list:
    """Every non-hidden regular file below folder, sorted for reproducible output."""
    folder = Path(folder)
    out = []
    if recursive:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            out.extend(Path(dirpath) / n for n in filenames if not n.startswith("."))
    else:
        out = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(p for p in out if p.is_file())


def list_image_files(folder, recursive: bool = True) -> list:
    """Files below folder whose extension is one of IMAGE_EXTENSIONS."""
    return [p for p in list_files(folder, recursive) if is_image_name(p.name)]
