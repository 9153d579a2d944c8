"""core.summarize against a tiny city whose every number is derived by hand in the comments."""
import math

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")

from photo_motifs.core.summarize import (  # noqa: E402
    SummaryParams,
    day_keys,
    grid_cells,
    grid_polygons,
    motif_field_names,
    summarize,
    utm_epsg,
)

# Square grid of 100 m. Cell S0_0 is x in [0, 100), y in [0, 100); S1_0 is x in [100, 200);
# S0_1 is y in [100, 200) (a point on y = 100 belongs to the cell above).
CITY = [
    # (x, y, user, date, motif, confidence)
    (10, 10, "u1", "2024-06-01T10:00:00", "park", 0.9),     # 1
    (20, 10, "u1", "2024-06-01T18:30:00+03:00", "park", 0.8),  # 2  same user-day as 1
    (30, 10, "u1", "2024:06:02 09:00:00", "park", 0.7),     # 3  EXIF-style text, next day
    (40, 10, "u2", "2024-06-01T11:00:00", "church", 0.6),   # 4
    (50, 10, "u2", "2024-06-01T12:00:00", "park", 0.5),     # 5  u2's day has two motifs
    (60, 10, "u3", "2024-06-03T08:00:00", "church", None),  # 6
    (70, 10, "u4", "2024-06-03T08:00:00", "church", 1.0),   # 7
    (80, 10, "u5", None, "river", 0.4),                     # 8  undated
    (80, 20, "u5", "", "river", 0.2),                       # 9  undated (empty text)
    (90, 10, None, "2024-06-04T10:00:00", "park", 0.3),     # 10 no user: a user of its own
    (15, 50, "u3", "2024-06-03T17:00:00", None, 0.1),       # 11 no motif, u3's day again
    (150, 50, "v1", "2024-06-05T10:00:00", "church", 0.9),  # 12 cell S1_0
    (160, 50, "v1", "2024-06-05T11:00:00", "church", 0.9),  # 13
    (170, 50, "v2", "2024-06-05T12:00:00", "church", 0.9),  # 14
    (50, 100, "w1", "2024-06-06T12:00:00", "park", 0.9),    # 15 on the edge: cell S0_1
    (float("nan"), float("nan"), "w2", "2024-06-06T12:00:00", "park", 0.9),  # 16 no location
]


def run(measure="pud", min_users=5, **kw):
    x, y, user, date, motif, conf = (list(c) for c in zip(*CITY, strict=True))
    params = SummaryParams(measure=measure, min_users=min_users, grid_shape="square", cell_size=100.0)
    result = summarize(x, y, motif, user=user, date=date, confidence=conf, params=params, **kw)
    rows = {r["area"]: r for r in result.table.to_dict("records")}
    return result, rows


def test_totals_users_photo_user_days_and_notes():
    result, rows = run()
    a = rows["S0_0"]
    # photos 1-11
    assert a["photos"] == 11
    # u1 u2 u3 u4 u5 + the photo without user
    assert a["users"] == 6
    # u1: 06-01, 06-02; u2: 06-01; u3: 06-03 (photos 6 and 11); u4: 06-03; u5: unknown day; anon: 06-04
    assert a["pud"] == 7
    assert a["no_user"] == 1
    assert a["suppressed"] is False or a["suppressed"] == False  # noqa: E712
    assert set(rows) == {"S0_0", "S1_0", "S0_1"}  # only cells holding photos
    c = result.counts
    assert (c["photos"], c["no_location"], c["no_user"], c["no_date"], c["no_motif"]) == (16, 1, 1, 2, 1)
    assert (c["areas"], c["suppressed"], c["summarised"]) == (3, 2, 15)
    text = " ".join(result.notes)
    assert "1 photos have no user" in text and "2 of 3 areas" in text


def test_motif_shares_by_photo_user_days_dominant_and_diversity():
    result, rows = run("pud")
    a = rows["S0_0"]
    # motif order: overall photo counts church 6 (4, 6, 7, 12-14), park 6? no: park 1,2,3,5,10,15 = 6
    # -> tie at 6, broken by name: church, park, river
    assert result.motifs == ["church", "park", "river"]
    # park user-days: u1 06-01, u1 06-02, u2 06-01, anon 06-04 = 4
    # church: u2 06-01, u3 06-03, u4 06-03 = 3; river: u5 unknown day = 1; sum 8
    assert (a["n_park"], a["n_church"], a["n_river"]) == (4, 3, 1)
    assert a["s_park"] == pytest.approx(0.5)
    assert a["s_church"] == pytest.approx(0.375)
    assert a["s_river"] == pytest.approx(0.125)
    assert a["dominant"] == "park" and a["dom_ties"] == 1
    assert a["dom_share"] == pytest.approx(0.5)
    assert a["dom_margin"] == pytest.approx(0.125)
    h = -(0.5 * math.log(0.5) + 0.375 * math.log(0.375) + 0.125 * math.log(0.125))
    assert h == pytest.approx(0.974315, abs=1e-6)
    assert a["shannon"] == pytest.approx(h)
    assert a["evenness"] == pytest.approx(h / math.log(3))
    assert a["richness"] == 3
    # mean confidence of photos 1-11 with a value: (0.9+0.8+0.7+0.6+0.5+1.0+0.4+0.2+0.3+0.1) / 10
    assert a["mean_conf"] == pytest.approx(0.55)


def test_measure_photos():
    _, rows = run("photos")
    a = rows["S0_0"]
    # park 1,2,3,5,10; church 4,6,7; river 8,9; photo 11 has no motif
    assert (a["n_park"], a["n_church"], a["n_river"]) == (5, 3, 2)
    assert a["s_park"] == pytest.approx(0.5) and a["dom_margin"] == pytest.approx(0.2)


def test_tie_for_the_dominant_motif_breaks_by_overall_count_then_name():
    _, rows = run("users")
    a = rows["S0_0"]
    # park users u1, u2, anon = 3; church u2, u3, u4 = 3; river u5 = 1 -> tie of two
    assert (a["n_park"], a["n_church"], a["n_river"]) == (3, 3, 1)
    # church and park both have 6 photos overall: the name decides -> church
    assert a["dominant"] == "church"
    assert a["dom_ties"] == 2 and a["dom_margin"] == 0.0
    assert a["dom_share"] == pytest.approx(3 / 7)


def test_tie_prefers_the_motif_more_common_overall():
    x, y, user, date, motif, _ = (list(c) for c in zip(*CITY, strict=True))
    # one more park photo far away makes park the more common motif overall
    x, y, user, date, motif = x + [950], y + [950], user + ["z"], date + [None], motif + ["park"]
    result = summarize(x, y, motif, user=user, date=date,
                       params=SummaryParams(measure="users", min_users=1, grid_shape="square", cell_size=100))
    assert result.motifs[0] == "park"
    a = result.table.set_index("area").loc["S0_0"]
    assert a["dominant"] == "park" and a["dom_ties"] == 2


def test_suppression_keeps_geometry_and_sets_every_count_null():
    result, rows = run()
    for cell in ("S1_0", "S0_1"):  # 2 users (v1, v2) and 1 user (w1)
        r = rows[cell]
        assert r["suppressed"]
        for col, value in r.items():
            if col not in ("area", "measure", "suppressed"):
                assert value is None, (cell, col)
    geoms = dict(zip(result.table["area"], result.geometry, strict=True))
    assert geoms["S1_0"].equals(shapely.box(100, 0, 200, 100))
    assert geoms["S0_1"].equals(shapely.box(0, 100, 100, 200))
    # a lower threshold publishes them: cell S1_0 church photo-user-days v1 06-05, v2 06-05
    _, rows = run(min_users=2)
    assert not rows["S1_0"]["suppressed"] and rows["S1_0"]["n_church"] == 2
    assert rows["S1_0"]["evenness"] is None or np.isnan(rows["S1_0"]["evenness"])  # one motif only
    assert rows["S1_0"]["shannon"] == 0.0 and rows["S0_1"]["suppressed"]


def test_without_user_field_every_photo_is_its_own_user():
    x, y, _, date, motif, _ = (list(c) for c in zip(*CITY, strict=True))
    result = summarize(x, y, motif, date=date,
                       params=SummaryParams(min_users=1, grid_shape="square", cell_size=100))
    a = result.table.set_index("area").loc["S0_0"]
    assert a["users"] == 11 and a["pud"] == 11 and a["no_user"] == 11


def test_polygon_areas_border_goes_to_first_and_outside_is_counted():
    areas = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100), shapely.box(500, 500, 600, 600)]
    x = [50, 100, 150, 1000]
    y = [50, 50, 50, 1000]
    result = summarize(x, y, ["a", "b", "b", "a"], user=["p", "q", "r", "s"], areas=areas,
                       params=SummaryParams(measure="photos", min_users=1))
    t = result.table
    assert list(t["area"]) == [0, 1, 2]
    # the point on x = 100 lies on both first areas' border -> area 0
    assert list(t["photos"]) == [2, 1, 0]
    assert t.loc[0, "n_a"] == 1 and t.loc[0, "n_b"] == 1 and t.loc[0, "dom_ties"] == 2
    assert result.counts["outside"] == 1
    assert not t.loc[2, "suppressed"]  # an empty area reveals no one: zero, not suppressed


@pytest.mark.parametrize("shape", ["hexagon", "square"])
def test_grid_cells_hold_their_points_and_match_a_spatial_join(shape):
    rng = np.random.default_rng(1)
    x = rng.uniform(-3000, 3000, 2000)
    y = rng.uniform(-2000, 2000, 2000)
    i, j = grid_cells(x, y, shape, 250.0)
    polys = grid_polygons(i, j, shape, 250.0)
    assert shapely.covers(polys, shapely.points(x, y)).all()
    area = (math.sqrt(3) / 2 if shape == "hexagon" else 1.0) * 250.0 ** 2
    assert np.allclose(shapely.area(polys), area)
    result = summarize(x, y, ["m"] * len(x), params=SummaryParams(min_users=1, grid_shape=shape, cell_size=250))
    assert result.table["photos"].sum() == len(x)
    # the same counts from geopandas' spatial join against the cells written
    cells = gpd.GeoDataFrame({"area": result.table["area"]}, geometry=list(result.geometry))
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y))
    joined = gpd.sjoin(pts, cells, predicate="within")
    expected = dict(zip(result.table["area"], result.table["photos"], strict=True))
    assert joined["area"].value_counts().to_dict() == expected


def test_helpers():
    assert utm_epsg(26.73, 58.38) == 32635  # Tartu
    assert utm_epsg(-70.6, -33.4) == 32719  # Santiago
    assert list(day_keys(["2024-06-01T23:59:00+03:00", "2024:06:02 01:00:00", None, "n/a"])) == \
        ["2024-06-01", "2024-06-02", None, None]
    names = motif_field_names(["C1", "old town", "old-town", 3])
    assert names["C1"] == ("n_C1", "s_C1")
    assert names["old town"] == ("n_old_town", "s_old_town")
    assert names["old-town"] == ("n_old_town_2", "s_old_town_2")
    assert names[3] == ("n_3", "s_3")
    assert motif_field_names(["Õhtune jõgi", "mägi"]) == {"Õhtune jõgi": ("n_Ohtune_jogi", "s_Ohtune_jogi"),
                                                          "mägi": ("n_magi", "s_magi")}
    with pytest.raises(ValueError, match="measure"):
        SummaryParams(measure="likes").validate()
    with pytest.raises(ValueError, match="cell size"):
        SummaryParams(cell_size=0).validate()
