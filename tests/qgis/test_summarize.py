"""photomotifs:summarize inside QGIS: the tiny hand-computed city through Processing, styles stored
in the GeoPackage, polygon areas, and geopandas/shapely next to QGIS's own GDAL/GEOS/PROJ."""
import subprocess
import sys
import textwrap

import pytest

from .conftest import read_layer

pytest.importorskip("geopandas")

# (x, y) in EPSG:3301 (Estonian metres); grid 100 m squares anchored at 0 -> cells by hand:
# S0_0 holds 6 photos of 5 users + 1 photo without owner, S1_0 holds 2 users (suppressed).
PHOTOS = [
    (10, 10, "u1", "2024-06-01T10:00:00", "C1"),
    (20, 10, "u1", "2024-06-01T18:00:00", "C1"),
    (30, 10, "u2", "2024-06-02T09:00:00", "C2"),
    (40, 10, "u3", "2024-06-02T09:00:00", "C2"),
    (50, 10, "u4", "2024-06-03T09:00:00", "C1"),
    (60, 10, "u5", "2024-06-03T09:00:00", "C2"),
    (70, 10, None, "2024-06-03T09:00:00", "C1"),
    (150, 10, "v1", "2024-06-05T09:00:00", "C2"),
    (160, 10, "v2", "2024-06-05T09:00:00", "C2"),
]


@pytest.fixture
def photo_layer(tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("Point?crs=EPSG:3301", "photos", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField("photo", QVariant.String), QgsField("owner", QVariant.String),
                      QgsField("taken_at", QVariant.String), QgsField("cluster", QVariant.String)])
    layer.updateFields()
    feats = []
    for k, (x, y, owner, taken, cluster) in enumerate(PHOTOS):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"p{k}.jpg", owner, taken, cluster])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    pr.addFeatures(feats)
    path = str(tmp_path / "photos.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, layer.transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return path


def test_summarize_grid_fields_styles_and_suppression(run_alg, photo_layer, tmp_path):
    out = str(tmp_path / "summary.gpkg")
    res = run_alg("photomotifs:summarize", {
        "INPUT": photo_layer, "GRID_SHAPE": 1, "CELL_SIZE": 100, "GRID_CRS": "EPSG:3301", "OUTPUT": out})
    assert res["N_AREAS"] == 2 and res["N_SUPPRESSED"] == 1 and res["OUTPUT_CRS"] == "EPSG:3301"
    rows = {r["area"]: r for r in read_layer(out)}
    a = rows["S0_0"]
    # users u1..u5 + the photo without owner = 6; user-days: u1 06-01, u2 06-02, u3 06-02,
    # u4 06-03, u5 06-03, anon 06-03 = 6; C1 user-days: u1, u4, anon = 3; C2: u2, u3, u5 = 3
    assert (a["photos"], a["users"], a["pud"], a["no_user"]) == (7, 6, 6, 1)
    assert (a["n_C1"], a["n_C2"]) == (3, 3)
    assert a["s_C1"] == pytest.approx(0.5) and a["dom_ties"] == 2 and a["dom_margin"] == 0
    # C1 and C2 have 4 and 5 photos overall: the tie goes to C2, the more common motif
    assert a["dominant"] == "C2"
    assert a["shannon"] == pytest.approx(0.693147, abs=1e-5) and a["evenness"] == pytest.approx(1.0)
    assert a["suppressed"] is False and a["min_users"] == 5 and a["measure"] == "pud"
    b = rows["S1_0"]
    assert b["suppressed"] is True and b["photos"] is None and b["dominant"] is None and b["n_C2"] is None
    assert b["geometry"].area() == pytest.approx(100 * 100)

    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(out, "summary", "ogr")
    assert layer.crs().authid() == "EPSG:3301"
    n, ids, names, descriptions, err = layer.listStylesInDatabase()
    assert set(names) == {"dominant motif", "diversity"}, (names, err)
    # the default style loaded with the layer: categories in the photo layer's palette
    from photo_motifs.core.palette import category_styles

    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and '"dominant"' in renderer.classAttribute()
    categories = renderer.categories()  # keep the copies alive while their symbols are used
    colours = {c.value(): c.symbol().color().name().upper() for c in categories}
    expected = {s.value: s.color for s in category_styles({"C1": 4, "C2": 5})}
    assert colours["C1"] == expected["C1"] and colours["C2"] == expected["C2"]
    assert "" in colours  # the suppressed (NULL) areas: hatched grey
    symbol = categories[0].symbol()
    assert "dom_share" in symbol.dataDefinedProperties().property(0).expressionString()


def test_summarize_polygon_areas_keep_their_fields_and_crs(run_alg, photo_layer, tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    areas = QgsVectorLayer("Polygon?crs=EPSG:3301", "districts", "memory")
    areas.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    areas.updateFields()
    feats = []
    for name, wkt in (("old town", "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"),
                      ("harbour", "POLYGON((100 0, 300 0, 300 100, 100 100, 100 0))"),
                      ("empty", "POLYGON((500 500, 600 500, 600 600, 500 600, 500 500))")):
        f = QgsFeature(areas.fields())
        f.setAttributes([name])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    areas.dataProvider().addFeatures(feats)
    res = run_alg("photomotifs:summarize", {
        "INPUT": photo_layer, "AREAS": areas, "MEASURE": 2, "MIN_USERS": 2, "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = res["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, None)
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert set(rows) == {"old town", "harbour", "empty"}
    assert rows["old town"]["photos"] == 7 and rows["old town"]["n_C1"] == 4  # measure: photos
    assert rows["harbour"]["users"] == 2 and not rows["harbour"]["suppressed"]
    assert rows["empty"]["photos"] == 0 and not rows["empty"]["suppressed"]


def test_summarize_without_motif_field_is_a_sentence(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=photo:string", "p", "memory")
    with pytest.raises(QgsProcessingException, match="no motif field"):
        run_alg("photomotifs:summarize", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.mark.parametrize("key", ["MOTIF_FIELD", "USER_FIELD", "DATE_FIELD", "CONFIDENCE_FIELD"])
def test_a_field_the_layer_lacks_is_a_sentence(run_alg, photo_layer, key):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="The photo layer has no field 'nope'"):
        run_alg("photomotifs:summarize", {"INPUT": photo_layer, key: "nope", "GRID_CRS": "EPSG:3301",
                                          "OUTPUT": "TEMPORARY_OUTPUT"})


def test_utm_zone_is_picked_from_the_photos(run_alg, photo_layer, tmp_path):
    # photos near Tartu (EPSG:3301 metres around 0 are off Estonia, so reproject a real position)
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=cluster:string&field=owner:string", "p", "memory")
    feats = []
    for k in range(6):
        f = QgsFeature(layer.fields())
        f.setAttributes(["C1", f"u{k}"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(26.72 + 0.001 * k, 58.378)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_alg("photomotifs:summarize", {"INPUT": layer, "CELL_SIZE": 1000, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert res["OUTPUT_CRS"] == "EPSG:32635" and res["N_AREAS"] >= 1


def test_grid_cell_size_is_metres_in_a_crs_counting_in_feet(run_alg, tmp_path):
    """EPSG:2263 (New York, in feet): a 100 m cell is 328.08 ft wide, not 100 ft."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:2263&field=cluster:string&field=owner:string", "p", "memory")
    feats = []
    for k in range(3):
        f = QgsFeature(layer.fields())
        f.setAttributes(["C1", f"u{k}"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(987000.0 + 10 * k, 212000.0)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    out = str(tmp_path / "feet.gpkg")
    res = run_alg("photomotifs:summarize", {"INPUT": layer, "GRID_SHAPE": 1, "CELL_SIZE": 100,
                                            "GRID_CRS": "EPSG:2263", "MIN_USERS": 1, "OUTPUT": out})
    assert res["OUTPUT_CRS"] == "EPSG:2263" and res["N_AREAS"] == 1
    feet = 100 / 0.3048  # QGIS 3.22 converts feet as international feet (2 ppm off survey feet)
    (row,) = read_layer(out)
    assert row["photos"] == 3 and row["geometry"].area() == pytest.approx(feet * feet, rel=1e-6)


def test_utm_zone_of_photos_on_both_sides_of_the_antimeridian(run_alg, tmp_path):
    """Taveuni, Fiji: longitudes 179.9x and -179.9x. The layer's extent spans the globe and its
    centre lies near 0° (UTM zone 31, where no photo can be projected); the zone must be 1 or 60."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=cluster:string&field=owner:string", "p", "memory")
    feats = []
    for k, lon in enumerate([179.95, 179.97, 179.99, -179.99, -179.97, -179.95]):
        f = QgsFeature(layer.fields())
        f.setAttributes(["C1", f"u{k}"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, -16.8)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    out = str(tmp_path / "fiji.gpkg")
    res = run_alg("photomotifs:summarize", {"INPUT": layer, "CELL_SIZE": 1000, "MIN_USERS": 1, "OUTPUT": out})
    assert res["OUTPUT_CRS"] in ("EPSG:32701", "EPSG:32760")
    rows = read_layer(out)
    assert sum(r["photos"] for r in rows) == 6  # every photo in a cell, none lost to the projection
    assert max(r["geometry"].area() for r in rows) == pytest.approx(3 ** 0.5 / 2 * 1000 ** 2, rel=1e-6)


GEO_THEN_QGIS = """
import geopandas, shapely, pyproj
from shapely import points
g = geopandas.GeoDataFrame(geometry=geopandas.points_from_xy([0.5, 5], [0.5, 5]), crs="EPSG:3301")
a = geopandas.GeoDataFrame({"k": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:3301")
assert len(geopandas.sjoin(g, a)) == 1
from qgis.core import QgsApplication, QgsVectorLayer, QgsGeometry, QgsCoordinateReferenceSystem
app = QgsApplication([], False); app.initQgis()
lyr = QgsVectorLayer("Polygon?crs=EPSG:3301", "x", "memory")
assert QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))").buffer(1, 8).area() > 1
assert QgsCoordinateReferenceSystem("EPSG:32635").isValid()
assert len(geopandas.sjoin(g, a)) == 1 and g.to_crs(4326).geometry.x.notna().all()
import sys; assert "pyogrio" not in sys.modules
print("OK", shapely.geos_version, pyproj.proj_version_str)
"""

QGIS_THEN_GEO = """
from qgis.core import QgsApplication, QgsVectorLayer, QgsGeometry, QgsCoordinateReferenceSystem
app = QgsApplication([], False); app.initQgis()
lyr = QgsVectorLayer("Polygon?crs=EPSG:3301", "x", "memory")
assert QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))").buffer(1, 8).area() > 1
from osgeo import ogr  # QGIS's GDAL in this process
import geopandas, shapely, pyproj
g = geopandas.GeoDataFrame(geometry=geopandas.points_from_xy([0.5, 5], [0.5, 5]), crs="EPSG:3301")
a = geopandas.GeoDataFrame({"k": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:3301")
assert len(geopandas.sjoin(g, a)) == 1 and g.to_crs(4326).geometry.x.notna().all()
assert QgsCoordinateReferenceSystem("EPSG:32635").isValid()
import sys; assert "pyogrio" not in sys.modules
print("OK", shapely.geos_version, pyproj.proj_version_str)
"""


@pytest.mark.parametrize("script", [GEO_THEN_QGIS, QGIS_THEN_GEO], ids=["geopandas-first", "qgis-first"])
def test_geopandas_and_qgis_share_a_process(script):
    """Own process each (a native clash would be a crash, not an exception): both import orders."""
    try:
        import osgeo  # noqa: F401
    except ImportError:
        script = script.replace("from osgeo import ogr  # QGIS's GDAL in this process\n", "")
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("OK (3, 11"), proc.stdout  # Debian's GEOS, the one QGIS loads


def test_shapely_and_pyproj_link_the_system_libraries():
    """The GEOS and PROJ versions our builds use are the ones QGIS loads (no second copies)."""
    import pyproj
    import shapely
    from qgis.core import QgsProjUtils

    assert shapely.geos_version[:2] == (3, 11)
    assert "libgeos_c.so.1" in open(shapely.lib.__file__, "rb").read().decode("latin-1")
    assert pyproj.proj_version_str.split(".")[:2] == [str(QgsProjUtils.projVersionMajor()),
                                                      str(QgsProjUtils.projVersionMinor())]


def test_summarize_with_qgis_process(qgis_process_cmd, photo_layer, tmp_path):
    """In qgis_process QGIS's GEOS/GDAL/PROJ are loaded first, globally: the real clash test."""
    import json

    out = tmp_path / "cli_summary.gpkg"
    proc = qgis_process_cmd("--json", "run", "photomotifs:summarize", "--", f"INPUT={photo_layer}",
                            "GRID_SHAPE=0", "CELL_SIZE=150", "MIN_USERS=2", f"OUTPUT={out}")
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["N_AREAS"] >= 1 and results["OUTPUT_CRS"].startswith("EPSG:")
    rows = read_layer(out)
    assert sum(r["photos"] or 0 for r in rows) + 0 <= len(PHOTOS)
    assert all(r["area"].startswith("H") for r in rows)


def test_motif_map_pdf_renders_and_page_one_is_viewable(run_alg, photo_layer, tmp_path):
    """The published map: PDF written from the shipped layout, page 1 converted with pdftoppm."""
    import shutil

    from PIL import Image

    summary = str(tmp_path / "summary.gpkg")
    run_alg("photomotifs:summarize", {"INPUT": photo_layer, "GRID_SHAPE": 1, "CELL_SIZE": 100,
                                      "GRID_CRS": "EPSG:3301", "MIN_USERS": 2, "OUTPUT": summary})
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(sheets / "C2.png")  # a contact sheet of C2
    res = run_alg("photomotifs:motifmap", {
        "SUMMARY": summary, "SHEETS": str(sheets), "TITLE": "Test city",
        "ATTRIBUTION": "Photos: test fixture (synthetic)",
        "OUTPUT_PDF": str(tmp_path / "map.pdf"), "OUTPUT_PNG": str(tmp_path / "map.png")})
    pdf = tmp_path / "map.pdf"
    assert res["OUTPUT_PDF"] == str(pdf) and pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    w, h = page.size
    assert w > h  # A4 landscape
    # the map frame (left 2/3 of the page): the two cells are drawn in colour
    map_area = page.crop((int(w * 0.05), int(h * 0.15), int(w * 0.65), int(h * 0.85)))
    coloured = sum(1 for r, g, b in map_area.getdata() if max(r, g, b) - min(r, g, b) > 40)
    assert coloured > 0.05 * map_area.size[0] * map_area.size[1]
    # the contact sheet thumbnail of C2 (red) appears in the top-motifs panel on the right
    panel = page.crop((int(w * 0.68), int(h * 0.4), w, int(h * 0.75)))
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in panel.getdata())
    png = Image.open(tmp_path / "map.png")
    assert png.size[0] > 1500  # 150 dpi A4


def test_shipped_model_is_listed_and_runs_with_qgis_process(qgis_process_cmd, provider, geotagged_dir, tmp_path):
    import json

    assert "photo_motifs_workflow" in {a.name() for a in provider.algorithms()}
    out = tmp_path / "model"
    out.mkdir()
    proc = qgis_process_cmd(
        "--json", "run", "photomotifs:photo_motifs_workflow", "--", f"folder={geotagged_dir}",
        "cell_size=2000", "min_users=2", f"import:photos={out / 'photos.gpkg'}",
        f"cluster:motifs={out / 'motifs.gpkg'}", f"cluster:contact_sheets={out / 'sheets'}",
        f"summarize:summary={out / 'summary.gpkg'}")
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["summarize:summary"].startswith(str(out / "summary.gpkg"))
    rows = read_layer(out / "summary.gpkg")
    assert rows and all(r["area"].startswith("H") for r in rows)
    published = [r for r in rows if not r["suppressed"]]
    assert all(r["dominant"] and r["dominant"].startswith("C") for r in published if r["photos"])
    assert (out / "sheets" / "overview.png").is_file()
