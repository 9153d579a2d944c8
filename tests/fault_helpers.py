"""Helpers of the fault-injection tests: a small full disk, a read-only folder, file fingerprints.

As root (CI, this machine) the full disk is a real 200 KB tmpfs and the read-only folder a
read-only tmpfs, so the code meets the kernel's own ENOSPC and EROFS. Elsewhere the tests fall
back to a monkeypatched writer (see ``enospc_writes``) and ``chmod 0555``.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

CAN_MOUNT = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


def sha_tree(folder) -> dict:
    """{relative path: sha256} of every file below ``folder`` (hidden files included)."""
    folder = Path(folder)
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[p.relative_to(folder).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def files_under(folder) -> list:
    """Relative paths of all files and symbolic links below ``folder`` (sorted)."""
    folder = Path(folder)
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if not CAN_MOUNT:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def small_disk(folder, size: str = "200k", inodes: int | None = None):
    """A folder on a ``size`` tmpfs (True) or a plain folder (False: patch writes to fail instead).

    ``inodes``: at most this many files and folders (1: the root only, no file can be created).
    """
    folder = Path(folder)
    options = f"size={size},mode=0755" + (f",nr_inodes={inodes}" if inodes else "")
    mounted = _mount(folder, options)
    try:
        yield mounted
    finally:
        if mounted:
            _umount(folder)


@contextlib.contextmanager
def read_only_folder(folder):
    """An existing empty folder nobody can write to (a read-only tmpfs as root, else chmod 0555)."""
    folder = Path(folder)
    mounted = _mount(folder, "ro,size=64k")
    if not mounted:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if mounted:
            _umount(folder)
        else:
            folder.chmod(0o755)


def enospc_after(limit_bytes: int):
    """A ``shutil.copyfileobj`` stand-in that writes ``limit_bytes`` in total, then raises ENOSPC."""
    state = {"left": limit_bytes}

    def copy(src, dst, length=0):
        while True:
            buf = src.read(1 << 16)
            if not buf:
                return
            if len(buf) > state["left"]:
                dst.write(buf[: state["left"]])
                state["left"] = 0
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), getattr(dst, "name", None))
            dst.write(buf)
            state["left"] -= len(buf)

    return copy


def copy_photos(src_folder, dest, n: int) -> list:
    """Copy the first ``n`` photos (sorted) of ``src_folder`` (recursively) into ``dest``."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for p in sorted(Path(src_folder).rglob("*.jpg"))[:n]:
        target = dest / f"{p.parent.name}__{p.name}"
        shutil.copy2(p, target)
        out.append(target)
    return out


def leave_free(folder, free_bytes: int) -> int:
    """Fill the file system of ``folder`` with a ballast file until ``free_bytes`` remain (a tmpfs
    counts in 4 KiB pages); returns the free bytes left."""
    folder = Path(folder)
    st = os.statvfs(folder)
    available = st.f_bavail * st.f_frsize
    with open(folder / "ballast", "wb") as fh:
        fh.write(b"\0" * max(0, available - free_bytes))
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def temporary_leftovers(folder) -> list:
    """Files or folders below ``folder`` whose name marks a temporary output of Photo Motifs."""
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.name.startswith(".photo_motifs_part-") or p.name.endswith(".part"))
