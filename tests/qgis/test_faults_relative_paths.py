"""One rule for relative photo paths: against the layer's own folder, never the working folder.

Every algorithm that reads photo paths from a layer runs with the working folder elsewhere; that
folder holds decoys under the same relative names (text files named .jpg). Before, ``train``
resolved against the working folder and trained on whatever was there.
"""
import hashlib
import shutil

import pytest

from photo_motifs.tests.fault_helpers import files_under, temporary_leftovers

from .conftest import read_layer
from .test_faults_processing import _failed, run_with  # noqa: F401  (pytest fixture)

CLASSES = ("forest", "street")


@pytest.fixture(scope="module")
def project(labeled_dir, tmp_path_factory):
    """project/layers/photos.gpkg with relative paths pics/<name>; elsewhere/pics/<name> decoys."""
    from qgis.core import QgsFeature, QgsField, QgsFields, QgsVectorFileWriter, QgsWkbTypes
    from qgis.PyQt.QtCore import QVariant

    root = tmp_path_factory.mktemp("relative")
    layers = root / "project" / "layers"
    (layers / "pics").mkdir(parents=True)
    (root / "elsewhere" / "pics").mkdir(parents=True)
    rows = []
    for cls in CLASSES:
        for p in sorted((labeled_dir / "intel_scenes_dev" / cls).glob("*.jpg"))[:6]:
            name = f"{cls}_{p.name}"
            shutil.copy(p, layers / "pics" / name)
            (root / "elsewhere" / "pics" / name).write_text("a decoy in the working folder, not a photo")
            rows.append((f"pics/{name}", cls))
    fields = QgsFields()
    for name in ("photo", "label"):
        fields.append(QgsField(name, QVariant.String))
    writer = QgsVectorFileWriter(str(layers / "photos.gpkg"), "UTF-8", fields, QgsWkbTypes.NoGeometry,
                                 driverName="GPKG")
    for row in rows:
        f = QgsFeature(fields)
        f.setAttributes(list(row))
        assert writer.addFeature(f)
    del writer
    return root


@pytest.fixture
def elsewhere(project, monkeypatch):
    monkeypatch.chdir(project / "elsewhere")
    return project


def _layer(project):
    return str(project / "project" / "layers" / "photos.gpkg")


def test_embed_reads_the_layers_photos(run_with, elsewhere, tmp_path):  # noqa: F811
    res, fb = run_with("photomotifs:embed", {"INPUT": _layer(elsewhere), "CACHE": str(elsewhere / "c.sqlite"),
                                             "OUTPUT": str(tmp_path / "e.gpkg")})
    assert isinstance(res, dict), fb.log
    assert res["EMBEDDED"] == 12 and res["FAILED"] == 0


def test_cluster_reads_the_layers_photos(run_with, elsewhere, tmp_path):  # noqa: F811
    res, fb = run_with("photomotifs:cluster", {"INPUT": _layer(elsewhere), "CACHE": str(elsewhere / "c.sqlite"),
                                               "OUTPUT": str(tmp_path / "m.gpkg")})
    assert isinstance(res, dict), fb.log
    rows = read_layer(tmp_path / "m.gpkg")
    assert len(rows) == 12 and all(r["cluster"] for r in rows), [r["cluster_note"] for r in rows]


def test_train_and_classify_read_the_layers_photos(run_with, elsewhere, tmp_path):  # noqa: F811
    res, fb = run_with("photomotifs:train", {"INPUT": _layer(elsewhere), "LABEL_FIELD": "label",
                                             "CACHE": str(elsewhere / "c.sqlite"),
                                             "OUTPUT_FOLDER": str(tmp_path / "model")})
    assert isinstance(res, dict), fb.log
    assert res["CLASSES"] == 2 and res["LEFT_OUT"] == 0
    res, fb = run_with("photomotifs:classify", {"INPUT": _layer(elsewhere),
                                                "MODEL": str(tmp_path / "model" / "signature.json"),
                                                "CACHE": str(elsewhere / "c.sqlite"),
                                                "OUTPUT": str(tmp_path / "c.gpkg")})
    assert isinstance(res, dict), fb.log
    assert res["CLASSIFIED"] == 12 and res["FAILED"] == 0


def test_export_copies_the_layers_photos(run_with, elsewhere, tmp_path):  # noqa: F811
    res, fb = run_with("photomotifs:exportgroups", {"INPUT": _layer(elsewhere), "GROUP_FIELD": "label",
                                                    "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert isinstance(res, dict), fb.log
    assert res["COPIED"] == 12 and res["FAILED"] == 0
    pics = elsewhere / "project" / "layers" / "pics"
    for rel in (f for f in files_under(tmp_path / "out") if f.endswith(".jpg")):
        copy = (tmp_path / "out" / rel).read_bytes()
        assert hashlib.sha256(copy).digest() == hashlib.sha256((pics / rel.split("/")[-1]).read_bytes()).digest()
    assert temporary_leftovers(tmp_path) == []


def test_a_layer_without_a_folder_never_reads_the_working_folder(run_with, elsewhere, tmp_path):  # noqa: F811
    """A memory layer has no folder: its relative paths are reported, never read from the cwd."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer("None?field=photo:string&field=label:string", "mem", "memory")
    feats = []
    for k, name in enumerate(sorted(p.name for p in (elsewhere / "elsewhere" / "pics").iterdir())[:4]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"pics/{name}", CLASSES[k % 2]])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res, fb = run_with("photomotifs:embed", {"INPUT": layer, "CACHE": str(elsewhere / "c.sqlite"),
                                             "OUTPUT": str(tmp_path / "e.gpkg")})
    assert isinstance(res, dict), fb.log
    assert res["EMBEDDED"] == 0 and res["FAILED"] == 4
    notes = [r["embed_note"] for r in read_layer(tmp_path / "e.gpkg")]
    assert all("relative" in n and "working folder" in n for n in notes), notes
    res, fb = run_with("photomotifs:train", {"INPUT": layer, "LABEL_FIELD": "label",
                                             "CACHE": str(elsewhere / "c.sqlite"),
                                             "OUTPUT_FOLDER": str(tmp_path / "model")})
    _failed(res, fb, "at least two classes")
