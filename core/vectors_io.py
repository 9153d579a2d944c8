"""Export and re-import of embedding vectors (CSV like Orange's Save Data, or NumPy .npz).

CSV: a header ``path,f0,f1,...,f{D-1}`` then one row per photo; floats are written with 9
significant digits, which round-trips float32 exactly.
NPZ: arrays ``paths`` (str), ``photo_ids`` (str, '' when unknown), ``matrix`` (float32 [n, D])
and ``backbone`` (0-d str, the cache key); readable with ``numpy.load(path)`` (no pickle).
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .safe_write import csv_rows_problem, replace_complete, zip_problem

FORMATS = ("csv", "npz")


def _format_for(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown vector format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def _rows_of(data, matrix, names, photo_ids, backbone):
    """(names, photo_ids or None, matrix, backbone) from any accepted form of ``data``."""
    if hasattr(data, "rows") and hasattr(data, "matrix"):  # an EmbeddingResult
        default_names = [data.paths[i] for i in data.rows]
        if photo_ids is None:
            photo_ids = [data.photo_ids[i] for i in data.rows]
        matrix = data.matrix
        backbone = backbone if backbone is not None else data.backbone
    elif matrix is None:
        default_names, matrix = data
    else:
        default_names = data
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim != 2:
        raise ValueError("the vectors must form a 2-D matrix")
    names = [str(n) for n in (names if names is not None else default_names)]
    if len(names) != matrix.shape[0]:
        raise ValueError(f"{len(names)} names for {matrix.shape[0]} vectors")
    if photo_ids is not None and len(photo_ids) != matrix.shape[0]:
        raise ValueError(f"{len(photo_ids)} photo ids for {matrix.shape[0]} vectors")
    return names, photo_ids, matrix, backbone or ""


def export_vectors(path, data, matrix=None, *, names=None, photo_ids=None, backbone=None,
                   fmt: str | None = None) -> Path:
    """Write vectors to ``path`` as CSV or NPZ (``fmt``, default from the file extension).

    ``data`` is one of: an :class:`~.embed.EmbeddingResult` (its successful rows; names default
    to their paths, photo ids and backbone come with it); a ``(names, matrix)`` pair; or the
    list of names with the ``matrix`` as third argument. ``names`` overrides the name column;
    ``photo_ids`` and ``backbone`` (the cache key) are stored in NPZ files. Returns the path.
    """
    path = Path(path)
    fmt = _format_for(path, fmt)
    names, photo_ids, matrix, backbone = _rows_of(data, matrix, names, photo_ids, backbone)
    path.parent.mkdir(parents=True, exist_ok=True)

    def fill_csv(tmp):
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["path", *(f"f{j}" for j in range(matrix.shape[1]))])
            for name, row in zip(names, matrix, strict=True):
                writer.writerow([name, *(f"{v:.9g}" for v in row.tolist())])

    def fill_npz(tmp):
        ids = [p or "" for p in photo_ids] if photo_ids is not None else [""] * len(names)
        with open(tmp, "wb") as fh:
            np.savez(
                fh,
                paths=np.array(names, dtype=str),
                photo_ids=np.array(ids, dtype=str),
                matrix=matrix,
                backbone=np.array(backbone, dtype=str),
            )

    # complete or absent: a full disk never leaves a truncated vector file under the chosen name
    verify = csv_rows_problem(len(names)) if fmt == "csv" else zip_problem
    replace_complete(path, fill_csv if fmt == "csv" else fill_npz, verify=verify)
    return path


def read_vectors(path, fmt: str | None = None):
    """Read a file written by :func:`export_vectors`: ``(names, matrix float32)``."""
    path = Path(path)
    fmt = _format_for(path, fmt)
    if fmt == "npz":
        with np.load(path, allow_pickle=False) as data:
            return [str(n) for n in data["paths"]], data["matrix"].astype(np.float32)
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if not header or header[0] != "path":
            raise ValueError(f"{path.name}: expected a CSV whose first column is 'path'")
        names, values = [], []
        for row in reader:
            names.append(row[0])
            values.append([float(v) for v in row[1:]])
    matrix = np.array(values, dtype=np.float32).reshape(len(names), len(header) - 1)
    return names, matrix
