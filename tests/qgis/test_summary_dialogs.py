"""Summaries through QGIS's own Processing dialogs, as a user runs them from the workflow dialog or
"Single steps": a district summary with a temporary output, then a 500 m grid, in one session.
The grid must not depend on what ran before; a successful run shows no red message."""
import random

import pytest
from qgis.core import QgsProject

from ..synthetic_city import DISTRICT_CLASSES, DISTRICTS, write_districts
from .conftest import wait_for

pytest.importorskip("geopandas")


@pytest.fixture
def city_layers(processing_gui, qgis_processing, qgis_new_project, tmp_path):
    """345 photo points in WGS 84 (the workshop's size) and four districts, both in the project."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from .conftest import ensure_provider

    ensure_provider()
    photos = QgsVectorLayer("PointZ?crs=EPSG:4326", "Motifs — tartu_flickr (6)", "memory")
    photos.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in ("photo", "owner", "taken_at",
                                                                                "cluster")])
    photos.updateFields()
    rng = random.Random(7)
    features = []
    for i in range(345):
        name, ring = DISTRICTS[i % 4]
        (x0, y0), (x1, y1) = ring[0], ring[2]
        f = QgsFeature(photos.fields())
        f.setAttributes([f"p{i}.jpg", f"u{rng.randrange(50)}", f"2023-05-{1 + i % 28:02d}T12:00:00",
                         rng.choice(DISTRICT_CLASSES[name])])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(rng.uniform(x0, x1), rng.uniform(y0, y1))))
        features.append(f)
    photos.dataProvider().addFeatures(features)
    # a GeoPackage like the workflow's result layer
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    path = str(tmp_path / "motifs.gpkg")
    assert QgsVectorFileWriter.writeAsVectorFormatV2(photos, path, photos.transformContext(), opts)[0] == 0
    photos = QgsVectorLayer(path, "Motifs — tartu_flickr (6)", "ogr")
    districts = QgsVectorLayer(str(write_districts(tmp_path / "districts.geojson")), "districts", "ogr")
    assert districts.isValid() and districts.crs().authid() == "EPSG:4326"
    QgsProject.instance().addMapLayers([photos, districts])
    yield photos, districts
    QgsProject.instance().removeAllMapLayers()


def run_dialog(algorithm_id, parameters):
    """QGIS's Processing dialog for the algorithm, filled in, run as a user's click on Run does."""
    from processing import createAlgorithmDialog

    dialog = createAlgorithmDialog(algorithm_id, parameters)
    done = {}
    dialog.algorithmFinished.connect(lambda ok, results: done.update(ok=ok, results=results))
    dialog.show()
    dialog.runAlgorithm()
    from qgis.PyQt.QtWidgets import QTextEdit

    def log_text():
        return "\n".join(w.toPlainText() for w in dialog.findChildren(QTextEdit))

    try:
        wait_for(lambda: "ok" in done, 120, f"{algorithm_id} to finish")
    except AssertionError as exc:
        from qgis.core import QgsApplication

        tasks = [(t.description(), t.status(), t.progress()) for t in QgsApplication.taskManager().tasks()]
        raise AssertionError(f"{exc}; tasks: {tasks}; log: {log_text()}") from None
    log = log_text()
    return dialog, done, log


def grid_cells(layer):
    return [(f.geometry().centroid().asPoint(), f["photos"]) for f in layer.getFeatures()]


def test_district_then_grid_summary_in_one_session(city_layers):
    photos, districts = city_layers
    dialog1, first, log1 = run_dialog("photomotifs:summarize", {
        "INPUT": photos.id(), "AREAS": districts.id(), "MIN_USERS": 3, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert first["ok"], log1
    assert "not correctly generated" not in log1  # the temporary output is one layer, loaded once
    summaries = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "Motif summary"]
    assert len(summaries) == 1 and summaries[0].featureCount() == 4
    dialog2, second, log2 = run_dialog("photomotifs:summarize", {
        "INPUT": photos.id(), "CELL_SIZE": 500, "MIN_USERS": 3, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert second["ok"], log2
    grid = QgsProject.instance().mapLayer(second["results"]["OUTPUT"])
    cells = grid_cells(grid)
    assert grid.crs().authid() == "EPSG:32635"
    # the photos span about 6 km x 5 km: dozens of 500 m cells, each near Tartu (26.7 E is 0.3 deg
    # west of zone 35's central meridian: x ~ 500 km - 0.3 * 58 km ~ 483 km; y ~ 6,470 km), none at (0, 0)
    assert len(cells) > 20, cells
    assert all(470_000 < p.x() < 495_000 and 6_460_000 < p.y() < 6_480_000 for p, _n in cells), cells[:3]
    assert sum(n for _p, n in cells if isinstance(n, int)) <= 345
    for dialog in (dialog1, dialog2):
        dialog.close()
