"""Fault injection through Processing in real QGIS and through the real qgis_process binary.

Every long algorithm is cancelled in the middle of its work (``QgsProcessingFeedback.cancel()``
once progress passes a mark; SIGINT for qgis_process) and must fail with "Canceled" and what it
left behind, never report success. Outputs on a full disk (200 KB tmpfs as root) and in
read-only folders fail with a sentence; a layer with formula cells and traversal paths exports
text and photos only; the whole workflow runs with sockets blocked.
"""
import json
import os
import signal
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from photo_motifs.tests.fault_helpers import (
    copy_photos,
    files_under,
    read_only_folder,
    sha_tree,
    small_disk,
    temporary_leftovers,
)

from .conftest import QGIS_PROCESS, ensure_provider, read_layer


def _feedback_class():
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        """Keeps every message; cancels itself once progress reaches ``cancel_at`` percent."""

        def __init__(self, cancel_at=None):
            super().__init__()
            self.cancel_at = cancel_at
            self.log = []
            self.max_progress = 0.0

        def setProgress(self, p):
            super().setProgress(p)
            self.max_progress = max(self.max_progress, p)
            if self.cancel_at is not None and p >= self.cancel_at:
                self.cancel()

        def pushInfo(self, text):
            self.log.append(text)
            super().pushInfo(text)

        def reportError(self, text, fatal=False):
            self.log.append(text)
            super().reportError(text, fatal)

    return Recorder


@pytest.fixture(scope="session")
def run_with(qgis_app, qgis_processing):
    """processing.run with a given feedback; returns (results or the exception, feedback)."""
    from qgis.core import QgsProcessingContext, QgsProject

    import processing

    recorder = _feedback_class()

    def _run(alg_id, params, cancel_at=None):
        ensure_provider()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        fb = recorder(cancel_at)
        try:
            return processing.run(alg_id, params, context=context, feedback=fb), fb
        except Exception as exc:
            return exc, fb

    return _run


def _failed(result, fb, *words):
    """The run raised, and its message or log holds every word."""
    from qgis.core import QgsProcessingException

    assert isinstance(result, QgsProcessingException), f"run did not fail: {result}"
    text = str(result) + "\n" + "\n".join(fb.log)
    for word in words:
        assert word in text, f"{word!r} not in {text[-2000:]}"
    return text


@pytest.fixture(scope="module")
def photos(labeled_dir, tmp_path_factory):
    """40 photos of two classes in a private folder (train/<class>/...) and flat (all/...)."""
    root = tmp_path_factory.mktemp("faultphotos")
    for cls in ("forest", "street"):
        copy_photos(labeled_dir / "intel_scenes_dev" / cls, root / "train" / cls, 20)
        copy_photos(labeled_dir / "intel_scenes_dev" / cls, root / "all", 20)
    return root


@pytest.fixture(scope="module")
def motifs_layer(run_with, photos, tmp_path_factory):
    work = tmp_path_factory.mktemp("faultmotifs")
    res, fb = run_with("photomotifs:cluster", {"FOLDER": str(photos / "all"), "CACHE": str(work / "c.sqlite"),
                                               "OUTPUT": str(work / "motifs.gpkg")})
    assert isinstance(res, dict), fb.log
    return work / "motifs.gpkg", work / "c.sqlite"


# -- cancellation mid-run, every long algorithm -------------------------------------------------------

def test_cancel_import_photos_mid_scan(run_with, photos, tmp_path):
    before = sha_tree(photos)
    res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(photos), "OUTPUT": str(tmp_path / "p.gpkg"),
                                                    "INVALID": str(tmp_path / "inv.csv")}, cancel_at=20)
    _failed(res, fb, "Canceled")
    assert 20 <= fb.max_progress < 100
    assert not (tmp_path / "p.gpkg").exists() and sha_tree(photos) == before


def test_cancel_import_table_mid_join(run_with, photos, tmp_path):
    table = tmp_path / "t.csv"
    names = sorted(p.name for p in (photos / "all").iterdir())
    table.write_text("filename,latitude,longitude\n" + "".join(f"{n},58.3,26.7\n" for n in names))
    res, fb = run_with("photomotifs:importtable", {"TABLE": str(table), "FOLDER": str(photos / "all"),
                                                   "FILENAME_FIELD": "filename", "OUTPUT": str(tmp_path / "t.gpkg")},
                       cancel_at=30)
    _failed(res, fb, "Canceled")
    assert not (tmp_path / "t.gpkg").exists()


def test_cancel_embed_keeps_the_cache_and_says_so(run_with, photos, tmp_path):
    cache = tmp_path / "cache.sqlite"
    res, fb = run_with("photomotifs:embed", {"FOLDER": str(photos / "all"), "CACHE": str(cache),
                                             "OUTPUT": str(tmp_path / "e.gpkg")}, cancel_at=30)
    _failed(res, fb, "Canceled", "kept in the cache", str(cache))
    assert not (tmp_path / "e.gpkg").exists()
    again, fb2 = run_with("photomotifs:embed", {"FOLDER": str(photos / "all"), "CACHE": str(cache),
                                                "OUTPUT": str(tmp_path / "e.gpkg")})
    assert again["FROM_CACHE"] >= 1 and again["FROM_CACHE"] + again["COMPUTED"] == 40


def test_cancel_cluster_while_writing_contact_sheets(run_with, photos, motifs_layer, tmp_path):
    _layer, cache = motifs_layer  # embeddings cached: the run reaches the contact sheets quickly
    res, fb = run_with("photomotifs:cluster", {"FOLDER": str(photos / "all"), "CACHE": str(cache),
                                               "OUTPUT": str(tmp_path / "m.gpkg"), "SHEETS": str(tmp_path / "sheets")},
                       cancel_at=90)
    text = _failed(res, fb, "Canceled", "The motif layer is complete", "contact sheets were written")
    assert "Not saved" not in text  # the layer was complete before the sheets began
    assert not (tmp_path / "sheets" / "overview.png").exists()


def test_cancel_export_groups_removes_its_copies(run_with, photos, motifs_layer, tmp_path):
    layer, _cache = motifs_layer
    before = sha_tree(photos)
    res, fb = run_with("photomotifs:exportgroups", {"INPUT": str(layer), "GROUP_FIELD": "cluster",
                                                    "OUTPUT_FOLDER": str(tmp_path / "groups")}, cancel_at=40)
    _failed(res, fb, "Canceled", "Removed the", "as it was before")
    assert files_under(tmp_path / "groups") == [] and sha_tree(photos) == before


@pytest.mark.parametrize("method", [0, 2], ids=["linear", "finetune"])
def test_cancel_training(run_with, photos, tmp_path, monkeypatch, method):
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path / "models"))
    res, fb = run_with("photomotifs:train", {
        "TRAINING_FOLDER": str(photos / "train"), "METHOD": method, "FINETUNE_SECONDS": 20,
        "CACHE": str(tmp_path / "c.sqlite"), "OUTPUT_FOLDER": str(tmp_path / "model")},
        cancel_at=60 if method == 0 else 40)
    _failed(res, fb, "Canceled")
    assert not (tmp_path / "model" / "model.onnx").exists()


def test_cancel_classify_with_copies(run_with, photos, tmp_path, motifs_layer):
    from photo_motifs.models.classifier_export import train_model_folder

    _layer, cache = motifs_layer
    model = train_model_folder(photos / "train", tmp_path / "model", cv_folds=0)
    res, fb = run_with("photomotifs:classify", {
        "FOLDER": str(photos / "all"), "MODEL": str(model.folder / "signature.json"), "USE_CACHE": False,
        "OUTPUT": str(tmp_path / "c.gpkg"), "COPY_TO": str(tmp_path / "sorted")}, cancel_at=50)
    _failed(res, fb, "Canceled")
    assert files_under(tmp_path / "sorted") == []


# -- full disk, read-only and missing output folders ------------------------------------------------

def test_import_to_a_full_disk_fails_with_a_sentence(run_with, photos, tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, "200k") as mounted:
        if not mounted:
            pytest.skip("needs root to mount a small tmpfs")  # CI runs as root: a skip fails CI
        ballast = disk / "ballast"
        ballast.write_bytes(b"\0" * 150_000)  # leaves about 50 KB: the GeoPackage cannot be completed
        res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(photos / "all"), "KEEP_UNLOCATED": True,
                                                        "OUTPUT": str(disk / "p.gpkg"), "INVALID": "TEMPORARY_OUTPUT"})
        text = _failed(res, fb)
    assert "full" in text or "cannot be created" in text or "failed" in text
    assert "IMPORTED" not in text


def test_read_only_output_folder_fails_before_the_scan(run_with, photos, tmp_path):
    with read_only_folder(tmp_path / "ro") as ro:
        res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(photos), "OUTPUT": str(ro / "p.gpkg")})
        _failed(res, fb, "read-only")
    assert fb.max_progress == 0  # nothing was scanned


def test_missing_output_folder_is_created(run_with, photos, tmp_path):
    out = tmp_path / "new" / "deeper" / "p.gpkg"
    res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(photos / "train" / "forest"),
                                                    "KEEP_UNLOCATED": True, "OUTPUT": str(out)})
    assert isinstance(res, dict), fb.log
    assert len(read_layer(out)) == 20


def test_folder_that_is_a_file_and_cache_that_is_a_folder(run_with, photos, tmp_path):
    photo = next((photos / "all").iterdir())
    res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(photo), "OUTPUT": "TEMPORARY_OUTPUT"})
    _failed(res, fb, "is a file")
    res, fb = run_with("photomotifs:embed", {"FOLDER": str(photos / "train" / "forest"), "CACHE": str(tmp_path),
                                             "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "Traceback" not in _failed(res, fb, "CACHE")  # QGIS's own check: a folder is no file
    with read_only_folder(tmp_path / "ro") as ro:
        res, fb = run_with("photomotifs:embed", {"FOLDER": str(photos / "train" / "forest"),
                                                 "CACHE": str(ro / "cache.sqlite"), "OUTPUT": "TEMPORARY_OUTPUT"})
        text = _failed(res, fb, "folder you can write to")
    assert "Traceback" not in text and "OperationalError" not in text


# -- crafted layer: formula cells and traversal paths -----------------------------------------------

def test_export_layer_with_formula_cells_and_traversal_paths(run_with, photos, tmp_path, monkeypatch):
    from qgis.core import QgsFeature, QgsField, QgsFields, QgsVectorFileWriter, QgsWkbTypes
    from qgis.PyQt.QtCore import QVariant

    layer_dir = tmp_path / "project" / "layers"
    (layer_dir / "pics").mkdir(parents=True)
    good = sorted((photos / "all").iterdir())[:2]
    for p in good:
        (layer_dir / "pics" / p.name).write_bytes(p.read_bytes())
    fields = QgsFields()
    for name in ("photo", "cluster", "title"):
        fields.append(QgsField(name, QVariant.String))
    path = layer_dir / "crafted.gpkg"
    writer = QgsVectorFileWriter(str(path), "UTF-8", fields, QgsWkbTypes.NoGeometry, driverName="GPKG")
    values = [("../" * 15 + "etc/passwd", "C1", "=cmd|' /C calc'!A0"),
              ("/etc/hostname", "C1", '=HYPERLINK("http://evil.example","x")'),
              (f"pics/{good[0].name}", "C2", "@SUM(1)"), (f"pics/{good[1].name}", "C2", "+1-1")]
    for v in values:
        f = QgsFeature(fields)
        f.setAttributes(list(v))
        assert writer.addFeature(f)
    del writer
    monkeypatch.chdir(tmp_path)
    res, fb = run_with("photomotifs:exportgroups", {"INPUT": str(path), "GROUP_FIELD": "cluster",
                                                    "OUTPUT_FOLDER": str(tmp_path / "share")})
    assert isinstance(res, dict), fb.log
    assert res["COPIED"] == 2 and res["FAILED"] == 2
    copied = [f for f in files_under(tmp_path / "share") if "/" in f]
    assert sorted(copied) == sorted(f"C2/{p.name}" for p in good)
    xlsx = next(Path(t) for t in res["TABLES"].split(";") if t.endswith(".xlsx"))
    with zipfile.ZipFile(xlsx) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "calc" in xml
    csv_text = next(Path(t) for t in res["TABLES"].split(";") if t.endswith(".csv")).read_text("utf-8-sig")
    assert "'=cmd|" in csv_text and "'@SUM(1)" in csv_text and "'+1-1" in csv_text
    assert any("not an image" in line for line in fb.log)


def test_many_labels_are_not_one_log_line(run_with, photos, tmp_path):
    import numpy as np
    import onnx
    from onnx import TensorProto, helper

    n = 10000
    w = np.zeros((48, n), np.float32)
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["x"], ["f"], axis=1), helper.make_node("MatMul", ["f", "W"], ["z"]),
         helper.make_node("Softmax", ["z"], ["p"], axis=1)], "many",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, 4, 3])],
        [helper.make_tensor_value_info("p", TensorProto.FLOAT, [1, n])], [onnx.numpy_helper.from_array(w, "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, tmp_path / "many.onnx")
    (tmp_path / "labels.txt").write_text("\n".join(f"label_{i}" for i in range(n)))
    res, fb = run_with("photomotifs:classify", {"FOLDER": str(photos / "train" / "forest"),
                                                "MODEL": str(tmp_path / "many.onnx"),
                                                "LABELS": str(tmp_path / "labels.txt"), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert isinstance(res, dict), fb.log
    assert res["CLASSIFIED"] == 20  # a fixed batch of 1: photo by photo
    assert max(len(line) for line in fb.log) < 2000
    assert any("9980 more" in line for line in fb.log)


# -- a failed photo reaches the cluster layer ----------------------------------------------------------

def test_unreadable_photo_gets_no_cluster_a_note_and_a_count(run_with, photos, tmp_path):
    folder = tmp_path / "mixed"
    copy_photos(photos / "all", folder, 12)
    good = sorted(folder.iterdir())[0]
    (folder / "truncated.jpg").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    res, fb = run_with("photomotifs:cluster", {"FOLDER": str(folder), "CACHE": str(tmp_path / "c.sqlite"),
                                               "OUTPUT": str(tmp_path / "m.gpkg"),
                                               "REPORT": str(tmp_path / "run.json")})
    assert isinstance(res, dict), fb.log
    rows = {r["filename"]: r for r in read_layer(tmp_path / "m.gpkg")}
    assert len(rows) == 13
    bad = rows["truncated.jpg"]
    assert bad["cluster"] is None and "ends before the image data is complete" in bad["cluster_note"]
    assert all(r["cluster"] and not r["cluster_note"] for n, r in rows.items() if n != "truncated.jpg")
    report = json.loads((tmp_path / "run.json").read_text())
    assert report["not_clustered"] == 1 and report["clustered"] == 12


# -- no network ------------------------------------------------------------------------------------------

def test_whole_workflow_with_sockets_blocked(run_with, photos, tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", os.environ.get("PHOTO_MOTIFS_MODEL_CACHE", "")
                       or str(Path.home() / ".cache" / "photo_motifs" / "models"))
    cache = str(tmp_path / "cache.sqlite")
    steps = [
        ("photomotifs:importphotos", {"FOLDER": str(photos / "all"), "KEEP_UNLOCATED": True,
                                      "OUTPUT": str(tmp_path / "p.gpkg")}),
        ("photomotifs:embed", {"INPUT": str(tmp_path / "p.gpkg"), "CACHE": cache,
                               "OUTPUT": str(tmp_path / "e.gpkg")}),
        ("photomotifs:cluster", {"INPUT": str(tmp_path / "p.gpkg"), "CACHE": cache,
                                 "OUTPUT": str(tmp_path / "m.gpkg")}),
        ("photomotifs:exportgroups", {"INPUT": str(tmp_path / "m.gpkg"), "GROUP_FIELD": "cluster",
                                      "OUTPUT_FOLDER": str(tmp_path / "groups")}),
        ("photomotifs:train", {"TRAINING_FOLDER": str(photos / "train"), "CACHE": cache,
                               "OUTPUT_FOLDER": str(tmp_path / "model")}),
        ("photomotifs:classify", {"INPUT": str(tmp_path / "p.gpkg"),
                                  "MODEL": str(tmp_path / "model" / "signature.json"),
                                  "CACHE": cache, "OUTPUT": str(tmp_path / "c.gpkg")}),
    ]
    results = {}
    for alg, params in steps:
        res, fb = run_with(alg, params)
        assert isinstance(res, dict), f"{alg}: {res} {fb.log[-5:]}"
        results[alg] = res
    assert results["photomotifs:importphotos"]["IMPORTED"] == 40
    assert results["photomotifs:exportgroups"]["COPIED"] == 40
    assert results["photomotifs:classify"]["CLASSIFIED"] == 40
    assert attempts == []


# -- qgis_process: Ctrl-C (SIGINT) in the middle of a run -------------------------------------------------

def _qgis_process_env():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    return env


def _interrupt(args, ready, tmp_path, timeout=600, sig=signal.SIGINT):
    """Start qgis_process, send ``sig`` (Ctrl-C's SIGINT, or SIGTERM) once ``ready()`` is true;
    (exit status, output)."""
    if not os.path.exists(QGIS_PROCESS):
        pytest.skip("qgis_process.bin is not installed")
    with open(tmp_path / "qgis_process.log", "w+") as log:
        proc = subprocess.Popen([QGIS_PROCESS, *args], env=_qgis_process_env(), stdout=log,
                                stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while not ready() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(sig)
        status = proc.wait(timeout=300)
        log.seek(0)
        return status, log.read()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_sigint_during_qgis_process_embed(qgis_process_cmd, labeled_dir, tmp_path, sig):
    cache = tmp_path / "cache.sqlite"
    # all 716 labelled photos, large ones among them: 300 small ones embed in under 2 s, which can
    # end the run before the interrupt arrives
    src = labeled_dir
    before = sha_tree(src)

    def some_embedded():
        try:
            import sqlite3

            with sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=1) as con:
                return con.execute("SELECT count(*) FROM photo_motifs_embeddings").fetchone()[0] >= 8
        except Exception:
            return False

    status, out = _interrupt(["run", "photomotifs:embed", "--", f"FOLDER={src}", f"CACHE={cache}",
                              f"OUTPUT={tmp_path / 'e.gpkg'}"], some_embedded, tmp_path, sig=sig)
    assert status not in (0, -sig), out[-3000:]  # -SIGTERM: killed silently (before SIGTERM was handled)
    assert "Canceled" in out and "kept in the cache" in out, out[-3000:]
    assert not (tmp_path / "e.gpkg").exists() and temporary_leftovers(tmp_path) == []
    assert sha_tree(src) == before


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_sigint_during_qgis_process_exportgroups(qgis_process_cmd, labeled_dir, tmp_path, sig):
    src = labeled_dir  # 716 photos, some large: re-encoding them without metadata takes a while
    before = sha_tree(src)
    imp = qgis_process_cmd("run", "photomotifs:importphotos", "--", f"FOLDER={src}", "KEEP_UNLOCATED=true",
                           f"OUTPUT={tmp_path / 'p.gpkg'}")
    assert imp.returncode == 0, imp.stderr[-2000:]
    out_dir = tmp_path / "groups"

    def some_copied():
        return len([f for f in files_under(out_dir) if f.endswith(".jpg")]) >= 20

    status, out = _interrupt(["run", "photomotifs:exportgroups", "--", f"INPUT={tmp_path / 'p.gpkg'}",
                              "GROUP_FIELD=model", "STRIP_METADATA=true", f"OUTPUT_FOLDER={out_dir}"],
                             some_copied, tmp_path, sig=sig)
    assert status not in (0, -sig), out[-3000:]
    assert "Canceled" in out and "Removed the" in out, out[-3000:]
    assert files_under(out_dir) == []  # every copy of this run removed, no temporary file left
    assert sha_tree(src) == before


def test_classify_never_classifies_its_own_copies(run_with, photos, tmp_path):
    from photo_motifs.models.classifier_export import train_model_folder

    folder = tmp_path / "inbox"
    copy_photos(photos / "all", folder, 10)
    model = train_model_folder(photos / "train", tmp_path / "model", cv_folds=0)
    params = {"FOLDER": str(folder), "MODEL": str(model.folder / "signature.json"), "USE_CACHE": False,
              "OUTPUT": "TEMPORARY_OUTPUT", "COPY_TO": str(folder / "sorted")}
    first, fb = run_with("photomotifs:classify", params)
    assert isinstance(first, dict), fb.log
    assert len([f for f in files_under(folder / "sorted") if f.endswith(".jpg")]) == 10
    second, fb = run_with("photomotifs:classify", params)
    assert isinstance(second, dict), fb.log
    assert first["CLASSIFIED"] == second["CLASSIFIED"] == 10  # the copies in sorted/ are skipped


def test_a_sentence_comes_without_a_traceback_under_qgis_process(qgis_process_cmd, tmp_path):
    """Before, qgis_process printed the Python traceback (as debug output) above the sentence."""
    table = tmp_path / "header_only.csv"
    table.write_text("filename,latitude,longitude\n")
    (tmp_path / "photos").mkdir()
    proc = qgis_process_cmd("run", "photomotifs:importtable", "--", f"TABLE={table}",
                            f"FOLDER={tmp_path / 'photos'}", f"OUTPUT={tmp_path / 'p.gpkg'}")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "The table has no rows of photos, only a header" in out, out[-2000:]
    assert "Traceback" not in out and "ValueError" not in out
    assert not (tmp_path / "p.gpkg").exists() and temporary_leftovers(tmp_path) == []
