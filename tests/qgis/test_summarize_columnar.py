"""photomotifs:summarize reads a whole GeoPackage column by column (core/columnar.py): the same
summary as QGIS's feature reader, reprojection, NULLs and empty points included."""
import math

import numpy as np
import pytest

from .conftest import read_layer

pytest.importorskip("geopandas")


class Feedback:
    """A QgsProcessingFeedback that keeps the log lines."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Keeping(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, text):
                self.lines.append(text)
                super().pushInfo(text)

        return Keeping()


def _photos(tmp_path, n=1500, seed=4):
    """A GeoPackage of n photos in EPSG:4326 around Tartu, and the same photos in a memory layer."""
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    rng = np.random.default_rng(seed)
    memory = QgsVectorLayer("Point?crs=EPSG:4326", "photos", "memory")
    memory.dataProvider().addAttributes([
        QgsField("photo", QVariant.String), QgsField("owner", QVariant.String),
        QgsField("taken_at", QVariant.String), QgsField("class", QVariant.String),
        QgsField("confidence", QVariant.Double)])
    memory.updateFields()
    feats = []
    for k in range(n):
        f = QgsFeature(memory.fields())
        owner = None if k % 17 == 0 else f"u{int(rng.zipf(1.8)) % 60}"
        motif = None if k % 23 == 0 else ("" if k % 29 == 0 else f"M{int(rng.integers(1, 6))}")
        day = f"2024-0{int(rng.integers(1, 10))}-1{int(rng.integers(0, 10))}T1{int(rng.integers(0, 10))}:00:00"
        f.setAttributes([f"p{k}.jpg", owner, None if k % 31 == 0 else day, motif, float(rng.random())])
        if k % 37:  # every 37th photo has no location
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(26.6 + 0.25 * rng.random(),
                                                             58.33 + 0.12 * rng.random())))
        feats.append(f)
    memory.dataProvider().addFeatures(feats)
    path = str(tmp_path / "photos.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(memory, path, memory.transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return path, memory


def _run(params):
    from qgis.core import QgsProcessingContext, QgsProject

    import processing

    from .conftest import ensure_provider

    ensure_provider()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    res = processing.run("photomotifs:summarize", params, context=context, feedback=feedback)
    return res, feedback.lines


def _same_rows(a, b, key):
    rows_a = {r[key]: r for r in read_layer(a)}
    rows_b = {r[key]: r for r in read_layer(b)}
    assert set(rows_a) == set(rows_b) and rows_a
    for name, ra in rows_a.items():
        rb = rows_b[name]
        for field, value in ra.items():
            if field in ("fid", "geometry"):
                continue
            other = rb[field]
            if isinstance(value, float) and isinstance(other, float):
                assert math.isclose(value, other, rel_tol=1e-9, abs_tol=1e-12), (name, field, value, other)
            else:
                assert value == other, (name, field, value, other)
        assert ra["geometry"].equals(rb["geometry"]), name
    return rows_a


def test_columnar_read_gives_the_feature_readers_summary(qgis_processing, tmp_path):
    gpkg, memory = _photos(tmp_path)
    common = {"MOTIF_FIELD": "class", "CONFIDENCE_FIELD": "confidence", "CELL_SIZE": 1000, "MIN_USERS": 2}
    fast, fast_log = _run({**common, "INPUT": gpkg, "OUTPUT": str(tmp_path / "fast.gpkg")})
    slow, slow_log = _run({**common, "INPUT": memory, "OUTPUT": str(tmp_path / "slow.gpkg")})
    assert any("column by column" in line for line in fast_log)
    assert not any("column by column" in line for line in slow_log)
    assert fast["OUTPUT_CRS"] == slow["OUTPUT_CRS"] == "EPSG:32635"  # reprojected to UTM 35N both ways
    rows = _same_rows(fast["OUTPUT"], slow["OUTPUT"], "area")
    assert sum(r["photos"] or 0 for r in rows.values()) > 1000
    assert fast["N_AREAS"] == slow["N_AREAS"] and fast["N_SUPPRESSED"] == slow["N_SUPPRESSED"]


def test_columnar_read_with_polygon_areas(qgis_processing, tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    gpkg, memory = _photos(tmp_path, n=600, seed=9)
    areas = QgsVectorLayer("Polygon?crs=EPSG:3301", "districts", "memory")
    areas.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    areas.updateFields()
    feats = []
    for i, x0 in enumerate(range(640000, 680000, 8000)):  # strips across the photos, in Estonian metres
        f = QgsFeature(areas.fields())
        f.setAttributes([f"strip {i}"])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} 6460000, {x0 + 8000} 6460000, {x0 + 8000} 6480000, "
                                          f"{x0} 6480000, {x0} 6460000))"))
        feats.append(f)
    areas.dataProvider().addFeatures(feats)
    common = {"MOTIF_FIELD": "class", "AREAS": areas, "MEASURE": 1, "MIN_USERS": 1}
    fast, fast_log = _run({**common, "INPUT": gpkg, "OUTPUT": str(tmp_path / "fast.gpkg")})
    slow, _ = _run({**common, "INPUT": memory, "OUTPUT": str(tmp_path / "slow.gpkg")})
    assert any("column by column" in line for line in fast_log)
    rows = _same_rows(fast["OUTPUT"], slow["OUTPUT"], "name")
    assert sum(r["photos"] for r in rows.values()) > 100


def test_a_selection_or_subset_is_read_feature_by_feature(qgis_processing, tmp_path):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    gpkg, _ = _photos(tmp_path, n=300)
    layer = QgsVectorLayer(gpkg, "photos", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        # located photos only: a selection holding empty points gets a NaN extent from QGIS
        layer.selectByIds([fid for fid in range(1, 101) if (fid - 1) % 37])
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        res, log = _run({"INPUT": selected, "MOTIF_FIELD": "class", "MIN_USERS": 1,
                         "OUTPUT": str(tmp_path / "sel.gpkg")})
        assert not any("column by column" in line for line in log)
        assert sum(r["photos"] or 0 for r in read_layer(res["OUTPUT"])) <= 100
        layer.setSubsetString('"owner" = \'u1\'')
        res, log = _run({"INPUT": layer.id(), "MOTIF_FIELD": "class", "MIN_USERS": 1,
                         "OUTPUT": str(tmp_path / "subset.gpkg")})
        assert not any("column by column" in line for line in log)
        assert sum(r["photos"] or 0 for r in read_layer(res["OUTPUT"])) == layer.featureCount() - sum(
            1 for f in layer.getFeatures() if not f.hasGeometry() or f.geometry().isEmpty())
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
