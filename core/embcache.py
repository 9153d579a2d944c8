"""Embedding cache: one SQLite file (a ``.sqlite`` of its own or a table in an existing GeoPackage).

Vectors are keyed by the photo's content hash (``core.hashing.content_hash``) and the backbone's
``cache_key`` (``"<id>@<prep_version>"``), so a renamed or moved photo is found again, and a
change of preprocessing invalidates old vectors. A second table remembers where each hash was
last seen (path, size, mtime in ns) so unchanged files need not be hashed again.

Tables (both prefixed so they never clash with a GeoPackage's own layers; no GeoPackage
metadata table is touched, so the embeddings are not a layer):

* ``photo_motifs_embeddings(photo_id, backbone, dim, vector, created)``; ``vector`` holds
  ``dim`` little-endian float32 values; primary key ``(photo_id, backbone)``.
* ``photo_motifs_paths(path, photo_id, size, mtime_ns)``; primary key ``path`` (absolute).

The connection uses WAL journaling (readers never block the writer) and is shared behind a
lock, so one cache object can be used from several threads.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import threading
from pathlib import Path

import numpy as np

EMBEDDINGS_TABLE = "photo_motifs_embeddings"
PATHS_TABLE = "photo_motifs_paths"
DEFAULT_CACHE_NAME = "photo_motifs_cache.sqlite"

# stay well below SQLite's limit on host parameters per statement
_CHUNK = 500

_SCHEMA = (
    f"""CREATE TABLE IF NOT EXISTS {EMBEDDINGS_TABLE} (
        photo_id TEXT NOT NULL,
        backbone TEXT NOT NULL,
        dim INTEGER NOT NULL,
        vector BLOB NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (photo_id, backbone))""",
    f"""CREATE TABLE IF NOT EXISTS {PATHS_TABLE} (
        path TEXT NOT NULL PRIMARY KEY,
        photo_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS {EMBEDDINGS_TABLE}_backbone ON {EMBEDDINGS_TABLE}(backbone)",
)

_F32 = np.dtype("<f4")


def default_cache_path(output_or_folder) -> Path:
    """``photo_motifs_cache.sqlite`` in the given folder, or next to the given output file."""
    p = Path(output_or_folder)
    folder = p if p.is_dir() else p.parent
    return folder / DEFAULT_CACHE_NAME


def _norm_path(path) -> str:
    return os.path.abspath(os.fspath(path))


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _decode_vector(blob: bytes, dim: int) -> np.ndarray:
    vec = np.frombuffer(blob, dtype=_F32)
    if vec.size != dim:
        raise ValueError(f"cached vector has {vec.size} values, expected {dim}")
    return vec.astype(np.float32)


class EmbeddingCache:
    """Persistent store of embedding vectors and of path -> content-hash observations."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            raise ValueError(f"The embedding cache {self.path} is a folder; choose a file name, e.g. "
                             f"{self.path / DEFAULT_CACHE_NAME}.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValueError(f"The folder of the embedding cache {self.path} cannot be created "
                             f"({exc.strerror or exc}); choose a file in a folder you can write to.") from exc
        self._lock = threading.Lock()
        try:
            self._conn = sqlite3.connect(str(self.path), timeout=30.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ValueError(f"The embedding cache {self.path} cannot be opened ({exc}); choose a file in a "
                             "folder you can write to.") from exc
        try:
            self._open_schema()
        except sqlite3.OperationalError as exc:
            self._conn.close()
            if "not a database" not in str(exc):
                raise ValueError(
                    f"The embedding cache {self.path} cannot be written ({exc}): the folder may be read-only or "
                    "the disk full. Choose a cache file in a folder you can write to."
                ) from exc
            raise ValueError(
                f"{self.path} cannot be used as an embedding cache ({exc}): choose a new file name, "
                "an existing Photo Motifs cache, or a GeoPackage."
            ) from exc
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ValueError(
                f"{self.path} cannot be used as an embedding cache ({exc}): choose a new file name, "
                "an existing Photo Motifs cache, or a GeoPackage."
            ) from exc

    def _open_schema(self) -> None:
        with self._lock:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as exc:
                if "not a database" in str(exc):
                    raise
                # e.g. a network file system without shared memory: keep the default journal
            self._conn.execute("PRAGMA synchronous=NORMAL")
            with self._conn:
                for statement in _SCHEMA:
                    self._conn.execute(statement)

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "EmbeddingCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- vectors -----------------------------------------------------------------------------
    def get_many(self, photo_ids, backbone_key: str) -> dict:
        """Cached vectors (float32 1-D arrays) of those photo_ids that are present."""
        ids = list(dict.fromkeys(i for i in photo_ids if i))
        out = {}
        with self._lock:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT photo_id, dim, vector FROM {EMBEDDINGS_TABLE} "
                    f"WHERE backbone = ? AND photo_id IN ({marks})",
                    [backbone_key, *chunk],
                )
                for photo_id, dim, blob in rows:
                    out[photo_id] = _decode_vector(blob, dim)
        return out

    def put_many(self, vectors: dict, backbone_key: str) -> None:
        """Store (or replace) ``{photo_id: vector}`` for one backbone in one transaction."""
        if not vectors:
            return
        created = _now()
        rows = []
        for photo_id, vec in vectors.items():
            arr = np.ascontiguousarray(np.asarray(vec).reshape(-1), dtype=_F32)
            rows.append((photo_id, backbone_key, int(arr.size), arr.tobytes(), created))
        with self._lock, self._conn:
            self._conn.executemany(
                f"INSERT OR REPLACE INTO {EMBEDDINGS_TABLE} "
                "(photo_id, backbone, dim, vector, created) VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def present(self, photo_ids, backbone_key: str) -> set:
        """The photo_ids among ``photo_ids`` that have a vector of this backbone (no vector is read)."""
        ids = list(dict.fromkeys(i for i in photo_ids if i))
        out = set()
        with self._lock:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT photo_id FROM {EMBEDDINGS_TABLE} WHERE backbone = ? AND photo_id IN ({marks})",
                    [backbone_key, *chunk],
                )
                out.update(r[0] for r in rows)
        return out

    def dim(self, backbone_key: str) -> int | None:
        """Length of this backbone's cached vectors (None when none is cached)."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT dim FROM {EMBEDDINGS_TABLE} WHERE backbone = ? LIMIT 1", (backbone_key,)
            ).fetchone()
        return int(row[0]) if row else None

    def all_for(self, backbone_key: str):
        """Every cached vector of one backbone: ``(photo_ids, matrix [n, D] float32)``.

        Sorted by photo_id. Returns ``([], empty (0, 0) matrix)`` when there is none.
        """
        with self._lock:
            rows = self._conn.execute(
                f"SELECT photo_id, dim, vector FROM {EMBEDDINGS_TABLE} "
                "WHERE backbone = ? ORDER BY photo_id",
                (backbone_key,),
            ).fetchall()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        ids = [r[0] for r in rows]
        matrix = np.stack([_decode_vector(blob, dim) for _, dim, blob in rows])
        return ids, matrix

    def count(self, backbone_key: str) -> int:
        """Number of vectors cached for one backbone."""
        with self._lock:
            (n,) = self._conn.execute(
                f"SELECT COUNT(*) FROM {EMBEDDINGS_TABLE} WHERE backbone = ?", (backbone_key,)
            ).fetchone()
        return int(n)

    # -- path -> hash memory -----------------------------------------------------------------
    def known_hash(self, path, size: int, mtime_ns: int) -> str | None:
        """The content hash last recorded for ``path`` if its size and mtime are unchanged."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT photo_id FROM {PATHS_TABLE} WHERE path = ? AND size = ? AND mtime_ns = ?",
                (_norm_path(path), int(size), int(mtime_ns)),
            ).fetchone()
        return row[0] if row else None

    def remember_paths(self, entries) -> None:
        """Record ``(photo_id, path, size, mtime_ns)`` observations (replacing older ones)."""
        rows = [(_norm_path(p), pid, int(size), int(mtime)) for pid, p, size, mtime in entries]
        if not rows:
            return
        with self._lock, self._conn:
            self._conn.executemany(
                f"INSERT OR REPLACE INTO {PATHS_TABLE} (path, photo_id, size, mtime_ns) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )


class CachedVectors:
    """A photos x values matrix whose rows stay in the cache until asked for.

    The row source of ``core.cluster.cluster_embeddings``: ``shape``, ``rows(start, stop)`` and
    ``take(index)`` read the vectors of ``photo_ids`` (one per row, repeats allowed) in at most
    ``chunk`` ids per query, so a million 1280-d embeddings (5 GB) are never in memory at once.
    A photo without a vector of ``backbone_key`` is a ``ValueError`` sentence.
    """

    def __init__(self, cache: EmbeddingCache, photo_ids, backbone_key: str, chunk: int = 20000):
        self.cache = cache
        self.ids = list(photo_ids)
        self.key = backbone_key
        self.chunk = int(chunk)
        dim = cache.dim(backbone_key)
        if dim is None:
            raise ValueError(f"The embedding cache {cache.path} holds no vectors of {backbone_key}; "
                             "compute the embeddings first.")
        self.shape = (len(self.ids), dim)

    def _read(self, ids) -> np.ndarray:
        out = np.empty((len(ids), self.shape[1]), dtype=np.float32)
        for start in range(0, len(ids), self.chunk):
            part = ids[start:start + self.chunk]
            found = self.cache.get_many(part, self.key)
            for i, pid in enumerate(part):
                vec = found.get(pid)
                if vec is None:
                    raise ValueError(f"The photo {pid} is not in the embedding cache {self.cache.path} "
                                     f"for {self.key}; compute the embeddings again.")
                out[start + i] = vec
        return out

    def rows(self, start: int, stop: int) -> np.ndarray:
        return self._read(self.ids[start:stop])

    def take(self, index) -> np.ndarray:
        return self._read([self.ids[int(i)] for i in np.asarray(index).reshape(-1)])
