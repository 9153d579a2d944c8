"""core.embcache: SQLite/GeoPackage embedding cache and the path -> hash memory."""
from __future__ import annotations

import sqlite3
import threading

import numpy as np
import pytest

from ...core.embcache import (
    DEFAULT_CACHE_NAME,
    EMBEDDINGS_TABLE,
    PATHS_TABLE,
    EmbeddingCache,
    default_cache_path,
)

KEY = "efficientnet_lite0@1"


@pytest.fixture()
def cache(tmp_path):
    with EmbeddingCache(tmp_path / "c.sqlite") as c:
        yield c


def test_round_trip(cache):
    vecs = {"a": np.arange(4, dtype=np.float32), "b": np.array([0.5, -1, 2, 3.25], np.float64)}
    cache.put_many(vecs, KEY)
    got = cache.get_many(["a", "b", "missing"], KEY)
    assert set(got) == {"a", "b"}
    assert got["b"].dtype == np.float32
    np.testing.assert_array_equal(got["a"], vecs["a"])
    np.testing.assert_array_equal(got["b"], vecs["b"].astype(np.float32))
    assert cache.get_many(["a"], "other@1") == {}
    assert cache.count(KEY) == 2 and cache.count("other@1") == 0


def test_put_replaces_and_all_for_is_sorted(cache):
    cache.put_many({"z": np.ones(3), "m": np.zeros(3)}, KEY)
    cache.put_many({"z": np.full(3, 7.0)}, KEY)
    ids, matrix = cache.all_for(KEY)
    assert ids == ["m", "z"]
    assert matrix.dtype == np.float32 and matrix.shape == (2, 3)
    np.testing.assert_array_equal(matrix[1], [7, 7, 7])
    ids, matrix = cache.all_for("none@1")
    assert ids == [] and matrix.shape == (0, 0)


def test_many_ids_in_one_call(cache):
    vecs = {f"id{i:05d}": np.full(2, i, np.float32) for i in range(1234)}
    cache.put_many(vecs, KEY)
    got = cache.get_many(list(vecs) + ["nope"], KEY)
    assert len(got) == 1234
    assert got["id01000"][0] == 1000


def test_persisted_across_instances(tmp_path):
    path = tmp_path / "sub" / "c.sqlite"
    with EmbeddingCache(path) as c:
        c.put_many({"a": np.ones(2)}, KEY)
        c.remember_paths([("a", tmp_path / "x.jpg", 10, 20)])
    with EmbeddingCache(path) as c:
        assert c.count(KEY) == 1
        assert c.known_hash(tmp_path / "x.jpg", 10, 20) == "a"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_known_hash_needs_same_path_size_and_mtime(cache, tmp_path):
    photo = tmp_path / "p.jpg"
    cache.remember_paths([("h1", photo, 100, 5_000_000_000)])
    assert cache.known_hash(photo, 100, 5_000_000_000) == "h1"
    assert cache.known_hash(str(photo), 100, 5_000_000_000) == "h1"
    assert cache.known_hash(photo, 101, 5_000_000_000) is None
    assert cache.known_hash(photo, 100, 5_000_000_001) is None
    assert cache.known_hash(tmp_path / "q.jpg", 100, 5_000_000_000) is None
    # the file was edited: its new hash replaces the old observation
    cache.remember_paths([("h2", photo, 120, 6_000_000_000)])
    assert cache.known_hash(photo, 100, 5_000_000_000) is None
    assert cache.known_hash(photo, 120, 6_000_000_000) == "h2"


def test_renamed_photo_finds_its_vector_by_hash(cache, tmp_path):
    cache.put_many({"h1": np.ones(3)}, KEY)
    cache.remember_paths([("h1", tmp_path / "old.jpg", 1, 1)])
    # after a rename the path lookup misses, but the re-computed hash hits the vectors
    assert cache.known_hash(tmp_path / "new.jpg", 1, 1) is None
    assert "h1" in cache.get_many(["h1"], KEY)


def test_existing_geopackage_gets_only_our_tables(tmp_path):
    gpkg = tmp_path / "photos.gpkg"
    with sqlite3.connect(gpkg) as conn:
        conn.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        conn.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT)")
        conn.execute("INSERT INTO gpkg_contents VALUES ('photos', 'features')")
        conn.execute("CREATE TABLE photos (fid INTEGER PRIMARY KEY, path TEXT)")
    with EmbeddingCache(gpkg) as c:
        c.put_many({"a": np.ones(2)}, KEY)
    with sqlite3.connect(gpkg) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == {"gpkg_contents", "photos", EMBEDDINGS_TABLE, PATHS_TABLE}
        assert conn.execute("SELECT * FROM gpkg_contents").fetchall() == [("photos", "features")]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 1196444487


def test_thread_safety(cache):
    errors = []

    def work(t):
        try:
            for i in range(50):
                cache.put_many({f"{t}-{i}": np.full(8, i, np.float32)}, KEY)
                assert cache.get_many([f"{t}-{i}"], KEY)[f"{t}-{i}"][0] == i
                cache.remember_paths([(f"{t}-{i}", f"/x/{t}/{i}.jpg", i, i)])
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert cache.count(KEY) == 200


def test_default_cache_path(tmp_path):
    assert default_cache_path(tmp_path) == tmp_path / DEFAULT_CACHE_NAME
    assert default_cache_path(tmp_path / "out" / "motifs.gpkg") == tmp_path / "out" / DEFAULT_CACHE_NAME


def test_a_file_that_is_not_a_database_gives_a_sentence(tmp_path):
    import pytest

    from photo_motifs.core.embcache import EmbeddingCache

    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database, just notes")
    with pytest.raises(ValueError, match="cannot be used as an embedding cache"):
        EmbeddingCache(bad)
    assert bad.read_text() == "not a database, just notes"  # left as it was
