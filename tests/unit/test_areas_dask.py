"""The motif summary on dask-geopandas partitions (api/areas_dask.py) equals one core.summarize run:
grids and polygons, every measure, ties for the dominant motif, photos without user, date, motif or
location, GeoParquet read by partitions."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")
pytest.importorskip("dask_geopandas")


@pytest.fixture(scope="module")
def client():
    from photo_motifs.api.distributed import local_cluster

    c = local_cluster(workers=2, threads=1)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def photos():
    rng = np.random.default_rng(7)
    n = 3000
    lon, lat = 26.6 + 0.3 * rng.random(n), 58.3 + 0.15 * rng.random(n)
    points = list(gpd.points_from_xy(lon, lat))
    for k in range(0, n, 97):
        points[k] = None  # no location
    for k in range(5, n, 89):
        points[k] = shapely.Point()  # an empty point: no location either (GeoPackage's way)
    names = ["forest", "street", "sea", "3", "lake side"]
    motif = rng.choice(names, size=n, p=[0.3, 0.3, 0.2, 0.1, 0.1]).astype(object)
    motif[::53] = None
    motif[::61] = ""
    owner = np.array([f"u{v}" for v in rng.zipf(1.6, n) % 400], dtype=object)
    owner[::41] = None
    taken = np.array([f"2024-0{1 + v % 9}-1{v % 10}T12:00:00" for v in rng.integers(0, 90, n)], dtype=object)
    taken[::37] = None
    return gpd.GeoDataFrame({"cluster": motif, "owner": owner, "taken_at": taken, "conf": rng.random(n)},
                            geometry=points, crs="EPSG:4326")


def _equal(a, b):
    assert list(a.columns) == list(b.columns) and len(a) == len(b) > 0
    for col in a.columns:
        if col == a.geometry.name:
            assert all(x.equals_exact(y, 1e-9) for x, y in zip(a.geometry, b.geometry))
        elif a[col].dtype.kind == "f":
            np.testing.assert_allclose(a[col].to_numpy(float), b[col].to_numpy(float), rtol=1e-12, equal_nan=True)
        else:
            assert a[col].tolist() == b[col].tolist(), col


@pytest.mark.parametrize("options", [
    {},
    {"grid_shape": "square", "cell_size": 800, "measure": "photos", "min_users": 2, "confidence_field": "conf"},
    {"cell_size": 1500, "measure": "users", "min_users": 3, "grid_crs": "EPSG:3301"},
])
def test_grid_summary_on_partitions_equals_one_run(photos, client, options):
    from photo_motifs import api

    one, r1 = api.summarize(photos, details=True, **options)
    dask, r2 = api.summarize(photos, client=client, details=True, **options)
    _equal(one, dask)
    assert r1.notes == r2.notes and r1.motifs == r2.motifs
    assert (one["dom_ties"].fillna(0) > 1).any()  # ties were decided the same way


def test_polygon_summary_on_partitions_from_geoparquet(photos, client, tmp_path):
    from photo_motifs import api

    strips = [shapely.box(x0, 6460000, x0 + 4000, 6476000) for x0 in range(636000, 690000, 4000)]
    areas = gpd.GeoDataFrame({"name": [f"strip {i}" for i in range(len(strips))]}, geometry=strips, crs="EPSG:3301")
    path = tmp_path / "photos.parquet"
    photos.to_parquet(path)
    one = api.summarize(path, areas, min_users=2, measure="photos")
    dask = api.summarize(path, areas, min_users=2, measure="photos", client=client)
    _equal(one, dask)
    assert one["name"].tolist() == areas["name"].tolist() and (one["photos"].fillna(0) == 0).any()


def test_overlapping_and_invalid_areas_give_the_one_run_table_and_notes(photos, client):
    """Overlapping areas (a photo counts in each) and a bow-tie outline (repaired): the same table and
    notes with client= as in one run, with the counts of a hand-made check."""
    from photo_motifs import api

    strips = [shapely.box(x0, 6460000, x0 + 6000, 6476000) for x0 in range(636000, 690000, 4000)]  # 2 km overlaps
    bow_tie = shapely.Polygon([(640000, 6462000), (650000, 6472000), (650000, 6462000), (640000, 6472000)])
    assert not bow_tie.is_valid
    areas = gpd.GeoDataFrame({"name": [f"a{i}" for i in range(len(strips) + 1)]}, geometry=strips + [bow_tie],
                             crs="EPSG:3301")
    one, r1 = api.summarize(photos, areas, min_users=2, measure="photos", details=True)
    dask, r2 = api.summarize(photos, areas, min_users=2, measure="photos", details=True, client=client)
    _equal(one, dask)
    assert r1.notes == r2.notes and r1.counts["repaired"] == 1 and r1.counts["overlaps"] > 0
    # every strip by hand: located photos inside its box (borders included), in EPSG:3301; the
    # strips overlap, so their photos add up to more than the photos
    located = photos[~photos.geometry.isna() & ~photos.geometry.is_empty].to_crs("EPSG:3301")
    by_hand = np.array([int(located.geometry.intersects(s).sum()) for s in strips])
    counted = one["photos"].iloc[:len(strips)].astype(float).to_numpy()
    kept = ~one["suppressed"].iloc[:len(strips)].to_numpy(bool)
    assert kept.sum() >= 3 and (counted[kept] == by_hand[kept]).all()
    assert by_hand.sum() > len(located)
