"""photomotifs:summarize through Processing: a bow-tie district under QGIS's invalid-geometry
setting, overlapping districts, and the privacy of small grid cells (counts by hand)."""
import pytest

from .conftest import read_layer
from .test_faults_processing import _failed, run_with  # noqa: F401  (pytest fixture)

X0, Y0 = 650000, 6470000  # EPSG:3301 metres


def _layer(geometry_type, rows, fields):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer(f"{geometry_type}?crs=EPSG:3301", "layer", "memory")
    layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in fields])
    layer.updateFields()
    feats = []
    for wkt, *values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _points(coords):
    return _layer("Point", [(f"POINT({X0 + x} {Y0 + y})", f"u{k}", "C1") for k, (x, y) in enumerate(coords)],
                  ["owner", "cluster"])


def _run_with_invalid_check(params, check):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(check)
    return processing.run("photomotifs:summarize", params, context=context, feedback=QgsProcessingFeedback())


@pytest.mark.parametrize("check", ["skip", "abort"])
def test_a_bow_tie_district_is_repaired_and_counted(provider, tmp_path, check):
    """QGIS's 'invalid features' setting would skip the district (or stop the run): its four
    photos must still be counted, the outline repaired for counting."""
    from qgis.core import QgsFeatureRequest

    checks = {"skip": QgsFeatureRequest.GeometrySkipInvalid, "abort": QgsFeatureRequest.GeometryAbortOnInvalid}
    bow_tie = f"POLYGON(({X0} {Y0}, {X0 + 100} {Y0 + 100}, {X0 + 100} {Y0}, {X0} {Y0 + 100}, {X0} {Y0}))"
    areas = _layer("Polygon", [(bow_tie, "bow tie")], ["name"])
    res = _run_with_invalid_check({"INPUT": _points([(10, 50), (20, 50), (90, 50), (80, 50)]), "AREAS": areas,
                                   "MIN_USERS": 1, "MEASURE": 2, "OUTPUT": str(tmp_path / "s.gpkg")}, checks[check])
    rows = read_layer(tmp_path / "s.gpkg")
    assert res["N_AREAS"] == 1 and [(r["name"], r["photos"]) for r in rows] == [("bow tie", 4)]


def test_a_district_inside_its_city_counts_its_photos(run_with, tmp_path):  # noqa: F811
    city = f"POLYGON(({X0} {Y0}, {X0 + 1000} {Y0}, {X0 + 1000} {Y0 + 1000}, {X0} {Y0 + 1000}, {X0} {Y0}))"
    district = f"POLYGON(({X0 + 100} {Y0 + 100}, {X0 + 300} {Y0 + 100}, {X0 + 300} {Y0 + 300}, " \
               f"{X0 + 100} {Y0 + 300}, {X0 + 100} {Y0 + 100}))"
    areas = _layer("Polygon", [(city, "city"), (district, "old town")], ["name"])
    coords = [(110 + 15 * (k % 10), 110 + 15 * (k // 10)) for k in range(96)] + [(600 + k, 600) for k in range(20)]
    res, fb = run_with("photomotifs:summarize", {"INPUT": _points(coords), "AREAS": areas, "MIN_USERS": 1,
                                                 "MEASURE": 2, "OUTPUT": str(tmp_path / "s.gpkg")})
    assert isinstance(res, dict), fb.log
    assert {r["name"]: r["photos"] for r in read_layer(tmp_path / "s.gpkg")} == {"city": 116, "old town": 96}
    assert any("The areas overlap" in line and "96 photos count in more than one area" in line for line in fb.log)


def test_small_grid_cells_need_a_knowing_yes_and_suppressed_cells_are_not_drawn(run_with, tmp_path):  # noqa: F811
    coords = [(3.5 + 37 * k, 5.5) for k in range(30)] + [(2000.5, 2000.5)] * 6  # 30 lone people, one crowd
    layer = _points(coords)
    params = {"INPUT": layer, "GRID_SHAPE": 1, "CELL_SIZE": 1, "GRID_CRS": "EPSG:3301", "MIN_USERS": 5,
              "OUTPUT": str(tmp_path / "g.gpkg")}
    res, fb = run_with("photomotifs:summarize", params)
    _failed(res, fb, "smaller than the 100 m a published grid needs")
    assert not (tmp_path / "g.gpkg").exists()
    res, fb = run_with("photomotifs:summarize", dict(params, ALLOW_SMALL_CELLS=True))
    assert isinstance(res, dict), fb.log
    assert res["N_AREAS"] == 1 and res["N_SUPPRESSED"] == 30
    assert any("Do not publish this grid" in line for line in fb.log)
    rows = read_layer(tmp_path / "g.gpkg")
    assert [r["area"] for r in rows] == [f"S{X0 + 2000}_{Y0 + 2000}"] and rows[0]["users"] == 6
