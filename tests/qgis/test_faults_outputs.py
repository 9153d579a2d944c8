"""Complete or absent: outputs that fail at their very end (a GeoPackage's final COMMIT, a PDF or
PNG cut by a full disk, a report, a model folder) are never reported as success and leave nothing
under their name (tmpfs file systems as root; tests/fault_helpers.py).

Before processing/outputs.py staged every file sink under a temporary name and read it back,
a GeoPackage whose commit failed was reported as "716 photos imported" and held no layer; a PDF
cut at the size of the disk passed as the motif map.
"""
import random

import pytest

from photo_motifs.tests.fault_helpers import copy_photos, leave_free, small_disk, temporary_leftovers

from .test_faults_processing import _failed, run_with  # noqa: F401  (pytest fixture)


def _mounted(mounted):
    if not mounted:
        pytest.skip("needs root to mount a small tmpfs")  # CI runs as root: a skip fails CI


def _points_layer(n, seed=0):
    """A memory layer of ``n`` photo points in EPSG:3301, each in its own 200 m cell."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    rng = random.Random(seed)
    layer = QgsVectorLayer("Point?crs=EPSG:3301", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField("owner", QVariant.String), QgsField("cluster", QVariant.String)])
    layer.updateFields()
    feats = []
    for k in range(n):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"u{k % 7}", rng.choice(["C1", "C2", "C3"])])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(650000 + 200 * (k % 60) + 50, 6470000 + 200 * (k // 60) + 50)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


# -- GeoPackages: the final COMMIT ------------------------------------------------------------------

def test_import_that_fails_at_the_final_commit_is_no_success(run_with, labeled_dir, tmp_path):  # noqa: F811
    """716 rows stay in SQLite's page cache until the writer closes; the disk has room for the
    empty GeoPackage but not for the rows, so the COMMIT fails (QGIS only logs that)."""
    disk = tmp_path / "disk"
    with small_disk(disk, "1m") as mounted:
        _mounted(mounted)
        leave_free(disk, 160 * 1024)
        res, fb = run_with("photomotifs:importphotos", {"FOLDER": str(labeled_dir), "KEEP_UNLOCATED": True,
                                                        "OUTPUT": str(disk / "p.gpkg")})
        text = _failed(res, fb, "could not be completed", str(disk / "p.gpkg"), "Nothing was saved")
        assert "IMPORTED" not in text
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]  # no layer file, no temporary


def test_clustering_that_fails_at_the_final_commit_is_no_success(run_with, labeled_dir, tmp_path):  # noqa: F811
    """The issue's "K: 5" with no layer: 300 photos' rows wait for the commit that cannot happen."""
    disk = tmp_path / "disk"
    folder = labeled_dir / "intel_scenes_dev"
    with small_disk(disk, "1m") as mounted:
        _mounted(mounted)
        leave_free(disk, 118 * 1024)  # creation needs under 100 KB, the committed layer over 136 KB
        res, fb = run_with("photomotifs:cluster", {"FOLDER": str(folder), "CACHE": str(tmp_path / "c.sqlite"),
                                                   "OUTPUT": str(disk / "m.gpkg")})
        text = _failed(res, fb, "could not be completed", str(disk / "m.gpkg"))
        assert "'K'" not in text
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]


def test_summary_that_fails_at_the_final_commit_is_no_success(run_with, tmp_path):  # noqa: F811
    layer = _points_layer(3000)
    disk = tmp_path / "disk"
    with small_disk(disk, "2m") as mounted:
        _mounted(mounted)
        leave_free(disk, 200 * 1024)
        res, fb = run_with("photomotifs:summarize", {"INPUT": layer, "GRID_SHAPE": 1, "CELL_SIZE": 200,
                                                     "GRID_CRS": "EPSG:3301", "MIN_USERS": 1,
                                                     "OUTPUT": str(disk / "summary.gpkg")})
        _failed(res, fb, "could not be completed", "summary.gpkg")
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]


def test_a_whole_layer_keeps_its_name_its_layer_name_and_is_loaded(run_with, tmp_path):  # noqa: F811
    """The temporary name never shows: the GeoPackage's table is named after the file, and the
    layer QGIS loads at the end is the final file."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject

    import processing

    from .conftest import ensure_provider

    ensure_provider()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    dest = QgsProcessingOutputLayerDefinition(str(tmp_path / "grid.gpkg"), QgsProject.instance())
    res = processing.run("photomotifs:summarize", {"INPUT": _points_layer(50), "GRID_SHAPE": 1, "CELL_SIZE": 200,
                                                   "GRID_CRS": "EPSG:3301", "MIN_USERS": 1, "OUTPUT": dest},
                         context=context, feedback=QgsProcessingFeedback())
    assert res["OUTPUT"].split("|")[0] == str(tmp_path / "grid.gpkg")
    assert [k.split("|")[0] for k in context.layersToLoadOnCompletion()] == [str(tmp_path / "grid.gpkg")]
    from osgeo import ogr

    ds = ogr.Open(str(tmp_path / "grid.gpkg"))
    assert ds.GetLayerByName("grid").GetFeatureCount() == 50
    ds = None
    assert temporary_leftovers(tmp_path) == []


# -- the motif map: PDF and PNG ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def summary(run_with, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("summary") / "summary.gpkg"
    res, fb = run_with("photomotifs:summarize", {"INPUT": _points_layer(120), "GRID_SHAPE": 1, "CELL_SIZE": 200,
                                                 "GRID_CRS": "EPSG:3301", "MIN_USERS": 1, "OUTPUT": str(out)})
    assert isinstance(res, dict), fb.log
    return str(out)


def test_a_pdf_cut_by_a_full_disk_is_no_motif_map(run_with, summary, tmp_path):  # noqa: F811
    disk = tmp_path / "disk"
    with small_disk(disk, "64k") as mounted:
        _mounted(mounted)
        leave_free(disk, 8 * 1024)
        res, fb = run_with("photomotifs:motifmap", {"SUMMARY": summary, "OUTPUT_PDF": str(disk / "map.pdf"),
                                                    "OUTPUT_PNG": None})
        _failed(res, fb, "PDF", str(disk / "map.pdf"), "nothing was saved under its name")
        assert [p.name for p in disk.iterdir()] == ["ballast"]


def test_a_png_cut_by_a_full_disk_is_removed(run_with, summary, tmp_path):  # noqa: F811
    disk = tmp_path / "disk"
    with small_disk(disk, "64k") as mounted:
        _mounted(mounted)
        leave_free(disk, 8 * 1024)
        res, fb = run_with("photomotifs:motifmap", {"SUMMARY": summary, "OUTPUT_PDF": str(tmp_path / "map.pdf"),
                                                    "OUTPUT_PNG": str(disk / "map.png")})
        _failed(res, fb, "PNG", str(disk / "map.png"))
        assert [p.name for p in disk.iterdir()] == ["ballast"]


def test_a_pdf_the_exporter_cannot_open_is_a_sentence(run_with, summary, tmp_path):  # noqa: F811
    """No file can be created (a file system without free inodes): the exporter fails with
    FileError, which QGIS 3.22 cannot describe (QgsLayoutExporter has no errorMessage())."""
    disk = tmp_path / "disk"
    with small_disk(disk, "1m", inodes=1) as mounted:
        _mounted(mounted)
        res, fb = run_with("photomotifs:motifmap", {"SUMMARY": summary, "OUTPUT_PDF": str(disk / "map.pdf"),
                                                    "OUTPUT_PNG": None})
        text = _failed(res, fb, "could not be opened for writing", str(disk / "map.pdf"))
        assert "Traceback" not in text and "errorMessage" not in text


def test_a_whole_motif_map_is_read_back(run_with, summary, tmp_path):  # noqa: F811
    res, fb = run_with("photomotifs:motifmap", {"SUMMARY": summary, "OUTPUT_PDF": str(tmp_path / "map.pdf"),
                                                "OUTPUT_PNG": str(tmp_path / "map.png")})
    assert isinstance(res, dict), fb.log
    pdf = (tmp_path / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
    from PIL import Image

    with Image.open(tmp_path / "map.png") as img:
        img.load()
        assert img.width > img.height > 500
    assert temporary_leftovers(tmp_path) == []


# -- a report and a model folder ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def train_photos(labeled_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("trainphotos")
    for cls in ("forest", "street"):
        copy_photos(labeled_dir / "intel_scenes_dev" / cls, root / "train" / cls, 12)
    return root


@pytest.fixture(scope="module")
def trained(run_with, train_photos, tmp_path_factory):  # noqa: F811
    """One model trained into a roomy folder: its files' sizes size the small disks below."""
    work = tmp_path_factory.mktemp("trained")
    res, fb = run_with("photomotifs:train", {"TRAINING_FOLDER": str(train_photos / "train"),
                                             "CACHE": str(work / "c.sqlite"), "OUTPUT_FOLDER": str(work / "model")})
    assert isinstance(res, dict), fb.log
    return work


def test_a_model_folder_cut_by_a_full_disk_is_absent(run_with, train_photos, trained, tmp_path):  # noqa: F811
    """Room for model.onnx and its signature, not for the report that follows: before, the
    folder kept a loadable model of a run that failed."""
    model_bytes = (trained / "model" / "model.onnx").stat().st_size
    disk = tmp_path / "disk"
    with small_disk(disk, f"{(model_bytes + 48 * 1024) // 1024}k") as mounted:
        _mounted(mounted)
        res, fb = run_with("photomotifs:train", {"TRAINING_FOLDER": str(train_photos / "train"),
                                                 "CACHE": str(trained / "c.sqlite"),
                                                 "OUTPUT_FOLDER": str(disk / "model")})
        _failed(res, fb)
        assert not (disk / "model" / "model.onnx").exists() and not (disk / "model" / "signature.json").exists()
        assert temporary_leftovers(disk) == []


def test_a_cluster_report_cut_by_a_full_disk_is_absent(run_with, train_photos, trained, tmp_path):  # noqa: F811
    disk = tmp_path / "disk"
    with small_disk(disk, "64k") as mounted:
        _mounted(mounted)
        leave_free(disk, 0)
        res, fb = run_with("photomotifs:cluster", {"FOLDER": str(train_photos / "train"),
                                                   "CACHE": str(trained / "c.sqlite"),
                                                   "OUTPUT": str(tmp_path / "m.gpkg"),
                                                   "REPORT": str(disk / "run.json")})
        _failed(res, fb, str(disk / "run.json"))
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]
