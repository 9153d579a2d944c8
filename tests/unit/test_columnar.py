"""core/columnar.py: GeoPackage and GeoParquet photo layers read column by column, checked against
files written by geopandas/pyogrio (GDAL) and against hand-made geometry blobs."""
import struct

import numpy as np
import pytest

from ...core import columnar

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")


@pytest.fixture
def frame():
    rng = np.random.default_rng(0)
    n = 200
    pts = [shapely.Point(26.7 + rng.random(), 58.3 + rng.random()) for _ in range(n)]
    pts[3] = None
    pts[7] = shapely.Point()  # empty: no location
    return gpd.GeoDataFrame({
        "photo": [f"p{i}.jpg" for i in range(n)],
        "cluster": [None if i % 11 == 0 else f"C{i % 4 + 1}" for i in range(n)],
        "owner": [f"u{i % 13}" for i in range(n)],
        "confidence": rng.random(n),
        "flag": [bool(i % 2) for i in range(n)],
    }, geometry=pts, crs="EPSG:4326")


def _expected_xy(frame):
    x = np.array([np.nan if g is None or g.is_empty else g.x for g in frame.geometry])
    y = np.array([np.nan if g is None or g.is_empty else g.y for g in frame.geometry])
    return x, y


def test_geopackage_written_by_gdal(frame, tmp_path):
    path = tmp_path / "photos.gpkg"
    frame.to_file(path, layer="photos", driver="GPKG", engine="pyogrio")
    table = columnar.read_points(path, ["cluster", "owner", "confidence", "flag"])
    x, y = _expected_xy(frame)
    np.testing.assert_array_equal(table.x, x)
    np.testing.assert_array_equal(table.y, y)
    assert table.crs == "EPSG:4326" and table.layer == "photos"
    assert table.columns["cluster"].tolist() == frame["cluster"].tolist()
    np.testing.assert_allclose(table.columns["confidence"].astype(float), frame["confidence"])
    assert table.columns["flag"].tolist() == frame["flag"].tolist()  # BOOLEAN as booleans
    assert columnar.gpkg_columns(path) == ["photo", "cluster", "owner", "confidence", "flag"]
    with pytest.raises(ValueError, match="no layer 'roads'"):
        columnar.read_points(path, [], layer="roads")


def test_geoparquet(frame, tmp_path):
    path = tmp_path / "photos.parquet"
    frame.to_parquet(path)
    table = columnar.read_points(path, ["cluster", "owner"])
    x, y = _expected_xy(frame)
    np.testing.assert_array_equal(table.x, x)
    np.testing.assert_array_equal(table.y, y)
    assert table.crs == "EPSG:4326"
    assert table.columns["owner"].tolist() == frame["owner"].tolist()
    frame.to_crs("EPSG:3301").to_parquet(tmp_path / "lest.parquet")
    assert columnar.read_points(tmp_path / "lest.parquet").crs == "EPSG:3301"


def _blob(geom, envelope: int, little_header=True, little_wkb=True, empty=False) -> bytes:
    """A GeoPackage geometry blob made by hand (GeoPackage 1.3, 2.1.3)."""
    order = "<" if little_header else ">"
    flags = (1 if little_header else 0) | (envelope << 1) | (0x10 if empty else 0)
    doubles = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}[envelope]  # minx, maxx, miny, maxy (, z and/or m ranges)
    env = struct.pack(order + "d", 0.0) * doubles
    wkb = shapely.to_wkb(geom, byte_order=1 if little_wkb else 0, include_srid=False)
    return b"GP\x00" + bytes([flags]) + struct.pack(order + "i", 4326) + env + wkb


def test_point_blobs_in_every_layout():
    p, pz = shapely.Point(1.5, -2.25), shapely.Point(3.0, 4.0, 5.0)
    blobs = [_blob(p, 0), _blob(p, 1), _blob(pz, 2), _blob(p, 1, little_header=False, little_wkb=False),
             None, _blob(shapely.Point(np.nan, np.nan), 0, empty=True), _blob(pz, 4, little_wkb=False)]
    x, y = columnar.decode_gpkg_points(blobs)
    np.testing.assert_array_equal(x, [1.5, 1.5, 3.0, 1.5, np.nan, np.nan, 3.0])
    np.testing.assert_array_equal(y, [-2.25, -2.25, 4.0, -2.25, np.nan, np.nan, 4.0])
    with pytest.raises(ValueError, match="not points"):
        columnar.decode_gpkg_points([_blob(shapely.LineString([(0, 0), (1, 1)]), 1)])
    square = shapely.box(0, 0, 1, 1)
    assert shapely.from_wkb(columnar.strip_gpkg_header(_blob(square, 1))).equals(square)


def test_polygons_and_their_fields(tmp_path):
    areas = gpd.GeoDataFrame({"name": ["a", "b"], "pop": [10, 20]},
                             geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 3, 2)], crs="EPSG:3301")
    path = tmp_path / "areas.gpkg"
    areas.to_file(path, driver="GPKG", engine="pyogrio")
    geoms, cols, crs = columnar.read_geometries(path)
    assert [g.equals(e) for g, e in zip(geoms, areas.geometry)] == [True, True]
    assert cols["name"].tolist() == ["a", "b"] and cols["pop"].tolist() == [10, 20] and crs == "EPSG:3301"
    with pytest.raises(ValueError, match="not points"):
        columnar.read_points(path)


def test_not_a_geopackage_is_a_sentence(tmp_path):
    bad = tmp_path / "notes.gpkg"
    bad.write_text("hello")
    with pytest.raises(ValueError, match="is not a GeoPackage"):
        columnar.read_points(bad)
    with pytest.raises(ValueError, match="does not exist"):
        columnar.read_points(tmp_path / "missing.gpkg")
