"""Listing photo files in folders, and the one check before any photo is opened (read-only).

A photo path comes from a folder listing, a table or a layer's field, and whoever made the table
or layer chose it: ``/dev/zero``, a named pipe, a socket or a symbolic link to one of them must
never be read (``/dev/zero`` never ends, a pipe blocks until someone writes into it). Every
module that opens a photo (hashing, decoding, metadata, thumbnails, contact sheets, exports)
goes through :func:`open_photo`, which checks the path with ``stat`` *before* opening it:

* only regular files (symbolic links followed) — devices, pipes, sockets and folders raise
  :class:`PhotoFileError` with the reason code ``not_a_file``;
* at most :data:`MAX_PHOTO_BYTES` — larger files raise ``file_too_large``;
* the file is then opened read-only with ``O_NONBLOCK`` (so nothing can block, even if the path
  was swapped for a pipe after the check) and checked again on the open descriptor (same file,
  still regular).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

# extensions of the image formats Photo Motifs reads (Pillow + pillow-heif)
IMAGE_EXTENSIONS = frozenset(
    ".jpg .jpeg .jpe .jfif .heic .heif .hif .avif .webp .png .tif .tiff .dng .bmp .gif".split()
)

#: the largest photo file Photo Motifs opens (1 GiB: a 100-megapixel uncompressed TIFF is 300 MB)
MAX_PHOTO_BYTES = 1 << 30

NOT_A_FILE = "not_a_file"
FILE_TOO_LARGE = "file_too_large"


class PhotoFileError(OSError):
    """A photo path that must not be opened: ``code`` (``not_a_file``, ``file_too_large``) and a
    ``sentence``. An OSError, so every handler of unreadable files also handles it."""

    def __init__(self, code: str, sentence: str, path=""):
        super().__init__(sentence)
        self.code = code
        self.sentence = sentence
        self.filename = os.fspath(path) if path else None

    def __str__(self) -> str:
        return self.sentence


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def check_photo_file(path, max_bytes: int | None = None) -> os.stat_result:
    """``os.stat`` of a photo path (links followed) after the checks of the module docstring.

    Raises :class:`PhotoFileError` for anything but a regular file of at most ``max_bytes``
    (default :data:`MAX_PHOTO_BYTES`), and FileNotFoundError/PermissionError as ``os.stat`` does.
    Nothing is opened.
    """
    st = os.stat(os.fspath(path))
    if not stat.S_ISREG(st.st_mode):
        raise PhotoFileError(NOT_A_FILE, f"{os.fspath(path)} is {_kind(st.st_mode)}, not a photo file; "
                             "it was not opened.", path)
    limit = MAX_PHOTO_BYTES if max_bytes is None else max_bytes
    if st.st_size > limit:
        raise PhotoFileError(FILE_TOO_LARGE, f"{os.fspath(path)} has {st.st_size:,} bytes, more than the "
                             f"{limit:,} bytes a photo may have; it was not opened.", path)
    return st


def open_photo(path, max_bytes: int | None = None):
    """The photo opened read-only (binary file object) after :func:`check_photo_file`.

    Opened with ``O_NONBLOCK``: a path replaced by a pipe between the check and the open cannot
    block; the open descriptor is checked again (regular, the same file as checked).
    """
    st = check_photo_file(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(os.fspath(path), flags)
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise PhotoFileError(NOT_A_FILE, f"{os.fspath(path)} changed into {_kind(now.st_mode)} while it "
                                 "was being opened; it was not read.", path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_image_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS


def list_files(folder, recursive: bool = True) -> list:
    """Every non-hidden entry below folder that is not a folder, sorted for reproducible output.

    Devices, pipes, sockets and links to them are listed too (never opened here), so that the
    callers report them with a reason instead of leaving them out without a word.
    """
    folder = Path(folder)
    out = []
    if recursive:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            out.extend(Path(dirpath) / n for n in filenames if not n.startswith("."))
    else:
        out = [p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_dir()]
    return sorted(out)


def list_image_files(folder, recursive: bool = True) -> list:
    """Files below folder whose extension is one of IMAGE_EXTENSIONS."""
    return [p for p in list_files(folder, recursive) if is_image_name(p.name)]
