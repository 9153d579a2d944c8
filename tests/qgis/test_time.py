"""Time in motifs inside real QGIS: bursts, clustering one photo per burst, motifs by month and hour,
the season filter of the summary, training evaluated by user, and the time slider settings that
every written photo layer stores in its GeoPackage (and that the Temporal Controller then uses).

Expected values come from the hand-built city (tests/burst_photos.py: one known burst), hand
counts (the motif/time table below) and Python's own date arithmetic.
"""
import json
from collections import Counter, defaultdict

import pytest

from photo_motifs.tests.burst_photos import BURST_SIZE, make_burst_city

from .conftest import read_layer

# (x, y) in EPSG:3301 metres, owner, taken_at, cluster: hand-counted below
TIMED = [
    (10, 10, "a", "2024-01-15T23:30:00+03:00", "river"),  # Jan 23 h, DJF
    (20, 10, "a", "2024-01-15T23:45:00+03:00", "river"),  # same user and day
    (30, 10, "b", "2024-01-16T00:10:00", "river"),        # no offset: 00 h as written
    (40, 10, "b", "2024-07-02T22:00:00+03:00", "river"),  # Jul 22 h, JJA
    (50, 10, "c", "2024-12-31T23:59:59", "river"),        # Dec 23 h, DJF
    (60, 10, "a", "2024-10-10T14:00:00+03:00", "park"),   # Oct 14 h, SON
    (70, 10, "d", "2024-10-11T09:00:00", "park"),         # Oct 09 h
    (80, 10, "d", "2023-10-11T09:30:00", "park"),         # Oct 09 h, another day
    (90, 10, None, "2024-04-01T12:00:00+03:00", "park"),  # Apr 12 h, MAM, no user
    (95, 10, "e", "2015-06", "park"),                     # June 2015 (Flickr month granularity)
]


def write_layer(path, fields, rows, crs="EPSG:3301"):
    """A point GeoPackage: rows are (x, y, *attribute values) in the order of ``fields``."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer(f"Point?crs={crs}", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in fields])
    layer.updateFields()
    feats = []
    for x, y, *values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return str(path)


@pytest.fixture(scope="module")
def city(labeled_dir, tmp_path_factory):
    """The burst city as a photo layer, its embedding cache and the bursts run on it."""
    folder = tmp_path_factory.mktemp("time_city")
    rows = make_burst_city(labeled_dir, folder / "photos")
    kinds = ["fountain" if "burst" in r["photo"] or "copy" in r["photo"] else "other" for r in rows]
    layer = write_layer(folder / "city.gpkg", ["photo", "owner", "taken_at", "kind"],
                        [(26.72 + 0.001 * k, 58.38, r["photo"], r["owner"], r["taken_at"], kind)
                         for k, (r, kind) in enumerate(zip(rows, kinds))], crs="EPSG:4326")
    return {"rows": rows, "layer": layer, "cache": str(folder / "cache.sqlite"), "folder": folder}


@pytest.fixture(scope="module")
def bursts(run_alg, city):
    out = str(city["folder"] / "bursts.gpkg")
    res = run_alg("photomotifs:bursts", {"INPUT": city["layer"], "CACHE": city["cache"], "OUTPUT": out})
    return res, out


def test_bursts_finds_the_known_burst(bursts, city):
    res, out = bursts
    assert res["N_BURSTS"] == 1 and res["PHOTOS_IN_BURSTS"] == BURST_SIZE
    rows = read_layer(out)
    expected = {r["photo"]: r["in_burst"] for r in city["rows"]}
    burst = [r for r in rows if expected[r["photo"]]]
    assert len(burst) == BURST_SIZE and len({r["burst_id"] for r in burst}) == 1
    assert all(r["burst_size"] == BURST_SIZE for r in burst) and sum(bool(r["burst_first"]) for r in burst) == 1
    alone = [r for r in rows if not expected[r["photo"]]]
    assert all(r["burst_size"] == 1 and r["burst_first"] for r in alone)
    assert len({r["burst_id"] for r in rows}) == len(rows) - BURST_SIZE + 1


def legend_labels(path) -> dict:
    """{category value: legend label} of the style stored in a GeoPackage (the layer object is gone
    when this returns: a layer kept alive in a test's frame outlives QGIS and crashes its exit)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "m", "ogr")
    return {c.value(): c.label() for c in layer.renderer().categories()}


def test_cluster_one_photo_per_burst(run_alg, bursts, city):
    from qgis.core import QgsProcessingException

    _res, layer = bursts
    out = str(city["folder"] / "motifs.gpkg")
    run_alg("photomotifs:cluster", {"INPUT": layer, "CACHE": city["cache"], "BURST_REPRESENTATIVES": True,
                                    "CUT": 1, "K": 3, "PROJECTION": 2, "SHEETS": None, "REPORT": None,
                                    "OUTPUT": out})
    rows = read_layer(out)
    by_burst = defaultdict(set)
    for r in rows:
        by_burst[r["burst_id"]].add(r["cluster"])
    assert all(len(motifs) == 1 for motifs in by_burst.values())  # a burst never spans motifs
    photos = Counter(r["cluster"] for r in rows)
    bursts_per_motif = Counter(r["cluster"] for r in rows if r["burst_first"])
    assert sum(bursts_per_motif.values()) == len(rows) - BURST_SIZE + 1
    assert all(r["cluster_size"] == photos[r["cluster"]] for r in rows)
    members = [r for r in rows if r["burst_size"] > 1 and not r["burst_first"]]
    assert len(members) == BURST_SIZE - 1 and all(r["cluster_note"] and not r["is_medoid"] for r in members)
    # the legend, as stored in the GeoPackage, gives each motif's size in photos and bursts
    labels = legend_labels(out)
    for motif, n in photos.items():
        assert labels[motif] == f"{motif} ({n} photos, {bursts_per_motif[motif]} bursts)"
    with pytest.raises(QgsProcessingException, match="Find photo bursts"):
        run_alg("photomotifs:cluster", {"INPUT": city["layer"], "CACHE": city["cache"],
                                        "BURST_REPRESENTATIVES": True, "SHEETS": None, "REPORT": None,
                                        "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.fixture(scope="module")
def timed_layer(tmp_path_factory):
    path = tmp_path_factory.mktemp("timed") / "timed.gpkg"
    return write_layer(path, ["owner", "taken_at", "cluster"], TIMED)


def test_motiftime_table_and_charts(run_alg, timed_layer, tmp_path):
    out, charts = str(tmp_path / "time.gpkg"), tmp_path / "charts"
    res = run_alg("photomotifs:motiftime", {"INPUT": timed_layer, "MIN_USERS": 1, "OUTPUT": out,
                                            "CHART": str(charts)})
    assert res["N_PHOTOS"] == 10 and res["N_MOTIFS"] == 2
    table = {(r["motif"], r["period"], r["value"]): r for r in read_layer(out)}
    assert len(table) == 2 * (12 + 24 + 4)
    jan = table[("river", "month", 1)]
    assert (jan["count"], jan["photos"], jan["users"], jan["label"]) == (2, 3, 2, "Jan")  # 2 photo-user-days
    assert table[("river", "hour", 23)]["count"] == 2 and table[("river", "hour", 20)]["count"] == 0
    assert table[("park", "month", 10)]["count"] == 3 and table[("park", "hour", 9)]["count"] == 2
    assert table[("park", "month", 6)]["count"] == 1 and table[("river", "season", 1)]["count"] == 3
    assert table[("river", "season", 1)]["season_name"] == "winter"
    assert abs(table[("river", "month", 1)]["share_motif"] - 0.5) < 1e-9
    assert sorted(p.name for p in charts.iterdir() if p.suffix == ".png") == ["overview.png", "park.png", "river.png"]


def test_summary_of_one_season(run_alg, timed_layer, tmp_path):
    out = str(tmp_path / "winter.gpkg")
    run_alg("photomotifs:summarize", {"INPUT": timed_layer, "GRID_SHAPE": 1, "CELL_SIZE": 1000,
                                      "GRID_CRS": "EPSG:3301", "MIN_USERS": 1, "SEASON": 1, "OUTPUT": out})
    rows = read_layer(out)
    # DJF: the four January and December river photos (users a, a, b, c), nothing of the park
    assert len(rows) == 1 and rows[0]["photos"] == 4 and rows[0]["users"] == 3 and rows[0]["dominant"] == "river"
    assert rows[0]["n_river"] == 3 and "n_park" not in rows[0]
    from qgis.core import QgsProcessingException

    no_date = write_layer(tmp_path / "no_date.gpkg", ["cluster"], [(10, 10, "river")])
    with pytest.raises(QgsProcessingException, match="season needs the date"):
        run_alg("photomotifs:summarize", {"INPUT": no_date, "GRID_CRS": "EPSG:3301", "SEASON": 2,
                                          "OUTPUT": "TEMPORARY_OUTPUT"})


def test_written_layers_animate_in_the_time_slider(bursts, city):
    """The temporal settings round-trip through the GeoPackage; the Temporal Controller's range and
    a month's frame show the photos of that time (counted with Python's dates)."""
    from qgis.core import (
        QgsDateTimeRange,
        QgsFeatureRequest,
        QgsProject,
        QgsTemporalUtils,
        QgsVectorLayer,
        QgsVectorLayerTemporalContext,
    )
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    from photo_motifs.plugin.timeslider import TimeSliderKeeper, restore_stored_time

    _res, out = bursts
    layer = QgsVectorLayer(out, "bursts", "ogr")
    assert not layer.temporalProperties().isActive()  # QGIS resets what the stored style said...
    assert restore_stored_time(layer) and layer.temporalProperties().isActive()  # ...the plugin restores it
    project = QgsProject()
    keeper = TimeSliderKeeper(project)
    try:
        added = QgsVectorLayer(out, "bursts", "ogr")
        project.addMapLayer(added)
        assert added.temporalProperties().isActive()
        span = QgsTemporalUtils.calculateTemporalRangeForProject(project)
        times = sorted(r["taken_at"][:19] for r in city["rows"])
        assert span.begin().toString("yyyy-MM-ddTHH:mm:ss") == times[0]
        props = added.temporalProperties()
        frame = QgsDateTimeRange(QDateTime(QDate(2024, 6, 1), QTime(10, 0)), QDateTime(QDate(2024, 6, 1), QTime(10, 5)),
                                 True, False)
        shown = [f["taken_at"] for f in added.getFeatures(QgsFeatureRequest().setFilterExpression(
            props.createFilterString(QgsVectorLayerTemporalContext(), frame)))]
        expected = [r["taken_at"] for r in city["rows"]
                    if "2024-06-01T10:00:00" <= r["taken_at"][:19] < "2024-06-01T10:05:00"]
        assert sorted(shown) == sorted(expected) and len(expected) >= 8
    finally:
        keeper.disconnect()
        project.clear()


def test_time_slider_for_month_and_year_precision_and_date_fields(tmp_path):
    from qgis.core import QgsDateTimeRange, QgsFeatureRequest, QgsVectorLayer, QgsVectorLayerTemporalContext
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    from photo_motifs.processing.temporal import set_photo_time

    layer = QgsVectorLayer(write_layer(tmp_path / "t.gpkg", ["taken_at"],
                                       [(0, 0, "2015-06"), (1, 0, "2016"), (2, 0, "2015-06-30T23:59:59+03:00"),
                                        (3, 0, None), (4, 0, "2015-07-01T00:00:00")]), "t", "ogr")
    assert set_photo_time(layer)

    def shown(y0, m0, d0, y1, m1, d1):
        frame = QgsDateTimeRange(QDateTime(QDate(y0, m0, d0), QTime(0, 0)), QDateTime(QDate(y1, m1, d1), QTime(0, 0)),
                                 True, False)
        expression = layer.temporalProperties().createFilterString(QgsVectorLayerTemporalContext(), frame)
        request = QgsFeatureRequest().setFilterExpression(expression)
        return sorted(str(f["taken_at"]) for f in layer.getFeatures(request))

    assert shown(2015, 6, 15, 2015, 6, 16) == ["2015-06"]  # a month-granular photo lasts its month
    assert shown(2015, 6, 30, 2015, 7, 1) == ["2015-06", "2015-06-30T23:59:59+03:00"]
    assert shown(2015, 7, 1, 2015, 7, 2) == ["2015-07-01T00:00:00"]
    assert shown(2016, 3, 1, 2016, 4, 1) == ["2016"]
    dated = QgsVectorLayer("Point?field=datetaken:datetime", "d", "memory")
    assert set_photo_time(dated) and dated.temporalProperties().startField() == "datetaken"


def test_train_evaluates_by_user(run_alg, city, tmp_path):
    model = tmp_path / "model"
    res = run_alg("photomotifs:train", {"INPUT": city["layer"], "LABEL_FIELD": "kind", "CACHE": city["cache"],
                                        "OUTPUT_FOLDER": str(model)})
    report = json.loads((model / "report.json").read_text())
    assert report["split"]["method"] == "group" and report["split"]["group_field"] == "owner"
    assert res["RANDOM_SPLIT_ACCURACY"] == report["split"]["random_split"]["accuracy"]
    assert res["ACCURACY"] == report["evaluation"]["accuracy"]
    md = (model / "report.md").read_text()
    assert "Accuracy by user" in md and "Random split" in md
    assert "split by user (field owner)" in (model / "model_card.md").read_text()


def test_command_line_bursts_and_motiftime(qgis_process_cmd, city, timed_layer, tmp_path):
    def run(alg, **params):
        proc = qgis_process_cmd("--json", "run", f"photomotifs:{alg}", "--",
                                *[f"{k}={v}" for k, v in params.items()])
        assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
        return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]

    bursts = run("bursts", INPUT=city["layer"], CACHE=city["cache"], MINUTES=10, SIMILARITY=0.9,
                 OUTPUT=tmp_path / "b.gpkg")
    assert bursts["N_BURSTS"] == 1 and bursts["PHOTOS_IN_BURSTS"] == BURST_SIZE
    timed = run("motiftime", INPUT=timed_layer, MEASURE=2, SOUTHERN="true", MIN_USERS=1,
                OUTPUT=tmp_path / "t.gpkg", CHART=tmp_path / "charts")
    assert timed["N_PHOTOS"] == 10 and (tmp_path / "charts" / "river.png").is_file()
    table = {(r["motif"], r["period"], r["value"]): r for r in read_layer(tmp_path / "t.gpkg")}
    assert table[("river", "month", 1)]["count"] == 3  # measure 2: photos
    assert table[("river", "season", 1)]["season_name"] == "summer"  # DJF in the south
