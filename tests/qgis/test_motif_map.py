"""The printed motif map of districts given in WGS 84 (the workshop's case): drawn in the local UTM
zone, the districts filling the frame, a scale bar whose labels fit, district names, no
placeholder text; a memory-layer summary is not blank; a summary without areas is a failure.

Measured on the rendered PNG (pixels) and the PDF's own text (pdftotext, Debian poppler-utils,
which the existing motif-map test also needs)."""
import random
import shutil
import subprocess

import pytest

from ..synthetic_city import DISTRICT_CLASSES, DISTRICTS, write_districts

pytest.importorskip("geopandas")

DPI = 150
MAP_FRAME_MM = (10, 26, 200, 186)  # x0, y0, x1, y1 of the map item in the shipped template


@pytest.fixture(scope="module")
def districts_case(tmp_path_factory):
    """Four districts (GeoJSON, EPSG:4326) and 400 photo points with motif, owner and date."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    folder = tmp_path_factory.mktemp("districts")
    districts = write_districts(folder / "districts.geojson")
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in ("photo", "owner", "taken_at",
                                                                               "cluster")])
    layer.updateFields()
    rng = random.Random(3)
    features = []
    for i in range(400):
        name, ring = DISTRICTS[i % 4]
        (x0, y0), (x1, y1) = ring[0], ring[2]
        f = QgsFeature(layer.fields())
        f.setAttributes([f"p{i}.jpg", f"user{rng.randrange(40)}", f"2023-0{1 + i % 6}-1{i % 9}T10:00:00",
                         rng.choice(DISTRICT_CLASSES[name])])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(rng.uniform(x0, x1), rng.uniform(y0, y1))))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    photos = str(folder / "photos.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    assert QgsVectorFileWriter.writeAsVectorFormatV2(layer, photos, layer.transformContext(), opts)[0] == 0
    return folder, str(districts), photos


@pytest.fixture(scope="module")
def district_summary(districts_case, run_alg):
    folder, districts, photos = districts_case
    out = str(folder / "summary.gpkg")
    res = run_alg("photomotifs:summarize", {"INPUT": photos, "AREAS": districts, "MIN_USERS": 3, "OUTPUT": out})
    assert res["N_AREAS"] == 4 and res["OUTPUT_CRS"] == "EPSG:4326"
    return out


def frame_fill(png_path):
    """(width share, height share) of the map frame covered by the bounding box of coloured
    (saturated) pixels: the district fills; black/grey/white items (scale bar, arrow, labels) do
    not count."""
    from PIL import Image

    image = Image.open(png_path).convert("RGB")
    x0, y0, x1, y1 = (round(v / 25.4 * DPI) for v in MAP_FRAME_MM)
    frame = image.crop((x0 + 3, y0 + 3, x1 - 3, y1 - 3))
    w, h = frame.size
    xs, ys = [], []
    pixels = frame.load()
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            r, g, b = pixels[x, y]
            if max(r, g, b) - min(r, g, b) > 45:
                xs.append(x)
                ys.append(y)
    assert xs, "no district is drawn in the map frame"
    return (max(xs) - min(xs)) / w, (max(ys) - min(ys)) / h


def pdf_text(pdf):
    assert shutil.which("pdftotext"), "pdftotext (Debian poppler-utils) is needed to read the PDF's text"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_districts_in_wgs84_fill_a_projected_map_without_placeholders(run_alg, district_summary, tmp_path):
    res = run_alg("photomotifs:motifmap", {"SUMMARY": district_summary, "TITLE": "Tartu photo motifs",
                                           "OUTPUT_PDF": str(tmp_path / "map.pdf"),
                                           "OUTPUT_PNG": str(tmp_path / "map.png")})
    width_share, height_share = frame_fill(res["OUTPUT_PNG"])
    # the districts' block is 0.105 deg x 0.045 deg at 58.4 N: wider than high on a frame of
    # 190 x 160 mm, so the width is the limiting side; 8 % margin -> about 0.92 of it
    assert width_share > 0.85, (width_share, height_share)
    assert height_share > 0.45, (width_share, height_share)
    text = pdf_text(res["OUTPUT_PDF"])
    assert "EPSG:32635" in text  # Tartu (26.7 E) lies in UTM zone 35 N
    for placeholder in ("Photos: their owners", "subtitle", "privacy note", "attribution", "motif 1"):
        assert placeholder not in text
    assert sum(name in text for name, _ in DISTRICTS) >= 3  # area names where they fit
    assert "km" in text.split() or " m\n" in text or " m " in text


def test_scale_bar_segments_fit_their_labels(district_summary):
    from qgis.core import QgsLayoutUtils, QgsProcessingContext, QgsProject, QgsVectorLayer

    from photo_motifs.processing.alg_motif_map import MotifMapAlgorithm

    alg = MotifMapAlgorithm()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    layer = QgsVectorLayer(district_summary, "summary", "ogr")
    layout, _project = alg.build_layout(layer, {"TITLE": "t", "ATTRIBUTION": ""}, context)
    map_item, scale = layout.itemById("map"), layout.itemById("scalebar")
    assert map_item.crs().authid() == "EPSG:32635"
    n, per_segment = scale.numberOfSegments(), scale.unitsPerSegment()
    unit = scale.unitLabel()
    metres = per_segment * (1000 if unit == "km" else 1)
    # the segment's length on paper from the map's own scale (1 : scale), independently of the item
    segment_mm = metres * 1000 / map_item.scale()
    widest = QgsLayoutUtils.textWidthMM(scale.textFormat().toQFont(), f"{per_segment * n:g}")
    assert segment_mm > widest + 1.0, (segment_mm, widest, per_segment, n)
    bar_share = n * metres / map_item.extent().width()
    assert 0.15 <= bar_share <= 0.45 and n >= 2
    assert not layout.itemById("attribution").isVisible()  # empty attribution prints nothing
    for item_id in ("subtitle", "privacy"):
        assert layout.itemById(item_id).text() and layout.itemById(item_id).isVisible()


def test_attribution_is_printed_as_given(run_alg, district_summary, tmp_path):
    res = run_alg("photomotifs:motifmap", {"SUMMARY": district_summary, "ATTRIBUTION": "Photos: Flickr users, CC BY",
                                           "OUTPUT_PDF": str(tmp_path / "map.pdf")})
    assert "Photos: Flickr users, CC BY" in pdf_text(res["OUTPUT_PDF"])


def test_a_memory_summary_is_drawn_not_blank(run_alg, district_summary, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    memory = QgsVectorLayer(district_summary, "summary", "ogr").materialize(QgsFeatureRequest())
    assert memory.providerType() == "memory" and memory.featureCount() == 4
    res = run_alg("photomotifs:motifmap", {"SUMMARY": memory, "OUTPUT_PDF": str(tmp_path / "map.pdf"),
                                           "OUTPUT_PNG": str(tmp_path / "map.png")})
    assert frame_fill(res["OUTPUT_PNG"])[0] > 0.85
    assert "4 areas" in pdf_text(res["OUTPUT_PDF"])


def test_a_summary_without_areas_is_a_failure(run_alg, district_summary, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsVectorLayer

    empty = QgsVectorLayer(district_summary, "summary", "ogr").materialize(
        QgsFeatureRequest().setFilterExpression("FALSE"))
    with pytest.raises(QgsProcessingException, match="has no areas"):
        run_alg("photomotifs:motifmap", {"SUMMARY": empty, "OUTPUT_PDF": str(tmp_path / "map.pdf")})
    assert not (tmp_path / "map.pdf").exists()


def test_a_background_layer_of_the_project_is_drawn_under_the_areas(run_alg, district_summary, tmp_path):
    """A raster of the project (here a plain green GeoTIFF over the city) shows around the districts."""
    import numpy as np
    from osgeo import gdal, osr
    from PIL import Image
    from qgis.core import QgsProject, QgsRasterLayer

    path = str(tmp_path / "background.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 200, 100, 3, gdal.GDT_Byte)
    ds.SetGeoTransform((26.60, 0.0025, 0, 58.42, 0, -0.0009))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    for band, value in zip((1, 2, 3), (40, 160, 60)):
        ds.GetRasterBand(band).WriteArray(np.full((100, 200), value, dtype=np.uint8))
    ds = None
    raster = QgsRasterLayer(path, "background")
    assert raster.isValid()
    QgsProject.instance().addMapLayer(raster)
    try:
        res = run_alg("photomotifs:motifmap", {"SUMMARY": district_summary, "BACKGROUND": raster.id(),
                                               "OUTPUT_PDF": str(tmp_path / "map.pdf"),
                                               "OUTPUT_PNG": str(tmp_path / "map.png")})
    finally:
        QgsProject.instance().removeMapLayer(raster.id())
    image = Image.open(res["OUTPUT_PNG"]).convert("RGB")
    x0, y0 = (round(v / 25.4 * DPI) for v in MAP_FRAME_MM[:2])
    corner = image.getpixel((x0 + 15, y0 + 15))  # the frame's corner lies outside every district
    assert corner == (40, 160, 60), corner
