"""The Python API (photo_motifs.api) and the command line (python -m photo_motifs) without QGIS:
GeoDataFrames from core's records, files written and read back, exit codes and sentences.
(That they equal the Processing algorithms' outputs is tested in tests/qgis/test_api_equals_processing.py.)"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")


def _cli(*args, cwd=None, **kwargs):
    import photo_motifs

    where = Path(photo_motifs.__file__).parent.parent  # the folder holding the package
    return subprocess.run([sys.executable, "-m", "photo_motifs", *map(str, args)], cwd=where, capture_output=True,
                          text=True, timeout=600, **kwargs)


def test_import_photos_is_the_core_scan(geotagged_dir):
    from photo_motifs import api
    from photo_motifs.core.photometa import FIELDS, scan_folder

    records, invalid = scan_folder(geotagged_dir, keep_unlocated=True)
    photos, left_out = api.import_photos(geotagged_dir, keep_unlocated=True, return_invalid=True)
    assert list(photos.columns) == [name for name, _ in FIELDS] + ["geometry"]
    assert photos.crs == "EPSG:4326" and len(photos) == len(records) and len(left_out) == len(invalid)
    for rec, (_, row) in zip(records, photos.iterrows()):
        assert row["photo"] == rec.photo and row["photo_id"] == rec.photo_id and row["taken_at"] == rec.taken_at
        if rec.latitude is None:
            assert row.geometry.is_empty  # kept without a location
        else:
            assert (row.geometry.x, row.geometry.y, row.geometry.z) == (rec.longitude, rec.latitude,
                                                                        rec.altitude or 0.0)
    assert set(left_out["reason_code"]) <= {"not_an_image", "unreadable", "exif_unreadable"}
    assert api.import_photos(geotagged_dir).geometry.is_empty.sum() == 0  # the default drops them, as the algorithm


def test_sentences_for_bad_input(tmp_path):
    from photo_motifs import api

    with pytest.raises(ValueError, match="does not exist"):
        api.import_photos(tmp_path / "nowhere")
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(ValueError, match="is a file; choose the folder"):
        api.import_photos(tmp_path / "f.txt")
    frame = gpd.GeoDataFrame({"path": ["a.jpg"]}, geometry=[None])
    with pytest.raises(ValueError, match="no field 'photo'"):
        api.embed(frame, cache=False)
    with pytest.raises(ValueError, match="ending in .gpkg, .parquet"):
        api.write(frame, tmp_path / "x.shp")
    with pytest.raises(ValueError, match="no motif field"):
        api.summarize(gpd.GeoDataFrame({"owner": ["u"]}, geometry=gpd.points_from_xy([26.7], [58.4]), crs=4326))


def test_files_written_and_read_back(tmp_path):
    from photo_motifs import api

    frame = gpd.GeoDataFrame({"photo": ["a.jpg", "b.jpg", None], "cluster": ["C1", None, "C2"],
                              "rank": gpd.pd.array([1, None, 3], dtype="Int64")},
                             geometry=gpd.points_from_xy([26.7, 26.8, 26.9], [58.3, 58.4, 58.5]), crs=4326)
    for name in ("x.gpkg", "x.parquet"):
        api.write(frame, tmp_path / name)
        back = api.read(tmp_path / name)
        assert back["cluster"].tolist()[0] == "C1" and back["photo"].isna().tolist() == [False, False, True]
        assert back.geometry.x.round(6).tolist() == [26.7, 26.8, 26.9] and back.crs.to_epsg() == 4326
        assert back.attrs["photo_motifs_source"] == str(tmp_path / name)
    assert sorted(os.listdir(tmp_path)) == ["x.gpkg", "x.parquet"]  # no temporary file left


def test_inside_qgis_the_api_writes_geoparquet_only(tmp_path):
    """pyogrio bundles a second GDAL: with QGIS loaded the API refuses GeoPackages and never imports pyogrio."""
    import photo_motifs

    code = f"""
import sys
sys.path.insert(0, {str(Path(photo_motifs.__file__).parent.parent)!r})
import qgis.core
import geopandas as gpd
from photo_motifs import api
frame = gpd.GeoDataFrame({{"cluster": ["C1"]}}, geometry=gpd.points_from_xy([1.0], [2.0]), crs=4326)
api.write(frame, {str(tmp_path / "ok.parquet")!r})
try:
    api.write(frame, {str(tmp_path / "no.gpkg")!r})
except ValueError as exc:
    print("refused:", exc)
assert api.read({str(tmp_path / "ok.parquet")!r})["cluster"].tolist() == ["C1"]
assert "pyogrio" not in sys.modules, "pyogrio was imported inside QGIS"
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "refused: Inside QGIS the API writes GeoParquet" in out.stdout
    assert not (tmp_path / "no.gpkg").exists()


def test_command_line_steps_and_exit_codes(geotagged_dir, tmp_path):
    assert _cli("import", geotagged_dir, "-o", tmp_path / "p.gpkg", "--invalid", tmp_path / "bad.csv").returncode == 0
    assert len(api_read(tmp_path / "p.gpkg")) == 48 and (tmp_path / "bad.csv").read_text().count("\n") == 57
    out = _cli("summarize", tmp_path / "p.gpkg", "-o", tmp_path / "s.gpkg")
    assert out.returncode == 1 and "error: The photo layer has no motif field" in out.stderr
    assert not (tmp_path / "s.gpkg").exists()
    out = _cli("import", tmp_path / "none", "-o", tmp_path / "q.gpkg")
    assert out.returncode == 1 and f"The folder {tmp_path / 'none'} does not exist." in out.stderr
    out = _cli("cluster", tmp_path / "p.gpkg", "--method", "spectral", "-o", tmp_path / "m.gpkg")
    assert out.returncode == 2 and "invalid choice" in out.stderr
    assert _cli("--help").returncode == 0 and "embed" in _cli("--help").stdout


def api_read(path):
    from photo_motifs import api

    return api.read(path)


def _wait_for_cached_rows(path, timeout: float) -> int:
    """Rows the embedding run has committed to its cache, once there are any (0 after ``timeout``)."""
    import sqlite3

    from photo_motifs.core.embcache import EMBEDDINGS_TABLE

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
                count = conn.execute(f"SELECT COUNT(*) FROM {EMBEDDINGS_TABLE}").fetchone()[0]
            if count:
                return count
        except sqlite3.OperationalError:  # not created yet, or locked by the writer for a moment
            pass
        time.sleep(0.05)
    return 0


def test_interrupted_embedding_exits_130_and_resumes(labeled_dir, tmp_path):
    """Ctrl-C during `embed`: exit status 130, the sentence says what is kept; the next run continues."""
    from photo_motifs import api
    from photo_motifs.models.registry import cached_onnx_path, get_backbone

    if not cached_onnx_path(get_backbone("efficientnet_lite0")).is_file():
        pytest.skip("the converted EfficientNet-Lite0 model is not available (run the setup)")
    paths = sorted(str(p) for p in labeled_dir.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    api.write(gpd.GeoDataFrame({"photo": paths}, geometry=[None] * len(paths)), tmp_path / "p.parquet")
    import photo_motifs

    proc = subprocess.Popen([sys.executable, "-m", "photo_motifs", "embed", tmp_path / "p.parquet", "--cache",
                             tmp_path / "c.sqlite"], cwd=Path(photo_motifs.__file__).parent.parent,
                            stderr=subprocess.PIPE, text=True)
    seen = ""
    while "computing" not in seen:
        seen += proc.stderr.readline()
    assert _wait_for_cached_rows(tmp_path / "c.sqlite", timeout=120) > 0  # some batches are in the cache
    proc.send_signal(signal.SIGINT)
    err = seen + proc.stderr.read()
    assert proc.wait(timeout=120) == 130, err
    assert "kept in the cache, so the next run continues from there" in err
    out = _cli("--quiet", "embed", tmp_path / "p.parquet", "--cache", tmp_path / "c.sqlite", "-o",
               tmp_path / "e.parquet")
    assert out.returncode == 0, out.stderr
    status = api_read(tmp_path / "e.parquet")
    assert (status["embed_status"] == "ok").all() and len(status) == len(paths)


def test_cluster_from_vectors_or_from_the_cache_is_the_same(labeled_dir, tmp_path):
    from photo_motifs import api
    from photo_motifs.models.registry import cached_onnx_path, get_backbone

    if not cached_onnx_path(get_backbone("efficientnet_lite0")).is_file():
        pytest.skip("the converted EfficientNet-Lite0 model is not available (run the setup)")
    paths = sorted(str(p) for p in (labeled_dir / "intel_scenes_dev").rglob("*.jpg"))[::5]
    frame = gpd.GeoDataFrame({"photo": paths + [""]}, geometry=[None] * (len(paths) + 1))
    V = api.embed(frame, cache=tmp_path / "c.sqlite")
    a = api.cluster(frame, V, report=tmp_path / "r.json")
    b = api.cluster(frame, cache=tmp_path / "c.sqlite", sheets=tmp_path / "sheets")
    assert a["cluster"].tolist() == b["cluster"].tolist() and a["cluster"].iloc[-1] is None
    np.testing.assert_allclose(a["sim_x"].to_numpy(float)[:-1], b["sim_x"].to_numpy(float)[:-1], atol=1e-5)
    record = json.loads((tmp_path / "r.json").read_text())
    assert record["clustered"] == len(paths) and record["k"] == a["cluster"].nunique()
    assert sorted(os.listdir(tmp_path / "sheets"))[-1] == "overview.png"
    assert b.loc[len(paths), "cluster_note"] == "The feature has no photo path."
