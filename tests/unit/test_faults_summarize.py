"""Areas and privacy of the motif summary: overlapping areas, a bow-tie area, impossible dates, the
minimum cell size and suppressed grid cells. Every expected number is counted by hand below.

Before: a district inside its city showed 0 photos (each photo went to one area only, silently);
a self-crossing area could count as empty; 2020-02-30 counted as a day; 1 m cells were allowed,
and every suppressed cell was still drawn, within 0.56 m of one person's photo.
"""
import numpy as np
import pytest

shapely = pytest.importorskip("shapely")
pytest.importorskip("geopandas")

from photo_motifs.core.summarize import SummaryParams, day_keys, summarize  # noqa: E402


def _grid(n, x0, y0, step):
    """n points on a square lattice starting at (x0, y0)."""
    side = int(np.ceil(np.sqrt(n)))
    return [(x0 + step * (k % side), y0 + step * (k // side)) for k in range(n)]


def test_overlapping_areas_each_count_every_photo_inside_and_the_notes_say_so():
    city = shapely.box(0, 0, 1000, 1000)
    district = shapely.box(100, 100, 300, 300)  # inside the city
    inner = _grid(96, 110, 110, 15)  # 96 photos inside the district (110..260)
    outer = _grid(50, 500, 500, 40)  # 50 photos in the city only (500..780)
    pts = inner + outer
    x, y = [p[0] for p in pts], [p[1] for p in pts]
    users = [f"u{k}" for k in range(len(pts))]
    result = summarize(x, y, ["m"] * len(pts), user=users, areas=[city, district],
                       params=SummaryParams(measure="photos", min_users=1))
    photos = list(result.table["photos"])
    assert photos == [146, 96]  # before: [146, 0]
    assert result.counts["multi_area"] == 96 and result.counts["overlaps"] == 1
    text = " ".join(result.notes)
    assert "The areas overlap (1 pairs share ground, e.g. areas 0 and 1)" in text and "96 photos" in text


def test_a_shared_border_still_counts_once_and_neighbours_do_not_overlap():
    left, right = shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)
    result = summarize([100, 50, 150], [50, 50, 50], ["a", "a", "a"], user=["p", "q", "r"], areas=[left, right],
                       params=SummaryParams(measure="photos", min_users=1))
    assert list(result.table["photos"]) == [2, 1]  # the border photo goes to the first area only
    assert result.counts["overlaps"] == 0 and not any("overlap" in n for n in result.notes)


def test_a_bow_tie_area_is_repaired_and_counts_its_photos():
    bow_tie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])  # crosses itself at (50, 50)
    assert not bow_tie.is_valid
    # two photos in the left triangle (x < 50 between the diagonals), two in the right one
    x, y = [10, 20, 90, 80], [50, 50, 50, 50]
    result = summarize(x, y, ["a", "b", "a", "b"], user=["p", "q", "r", "s"], areas=[bow_tie],
                       params=SummaryParams(measure="photos", min_users=1))
    assert list(result.table["photos"]) == [4] and result.counts["repaired"] == 1
    assert any("repaired with make_valid" in n for n in result.notes)
    assert result.geometry[0].wkb == bow_tie.wkb  # the user's outline is written unchanged


def test_impossible_dates_are_undated():
    assert list(day_keys(["2020-02-30", "2021-13-01", "2020-02-29T10:00:00", "0000-01-01", "2023:02:29 10:00:00"])) \
        == [None, None, "2020-02-29", None, None]
    # one user: a photo on the impossible 2020-02-30 and one undated -> both undated: one unknown day
    result = summarize([10, 20], [10, 10], ["a", "a"], user=["u", "u"], date=["2020-02-30", None],
                       params=SummaryParams(grid_shape="square", cell_size=100, min_users=1))
    row = result.table.iloc[0]
    assert row["pud"] == 1 and result.counts["no_date"] == 2  # before: pud 2, 1 photo without date


def test_cells_under_100_m_are_refused_unless_allowed_knowingly():
    x, y = [5, 6, 300], [5, 5, 5]
    with pytest.raises(ValueError, match="Grid cells of 1 m are smaller than the 100 m a published grid needs"):
        summarize(x, y, ["a"] * 3, params=SummaryParams(grid_shape="square", cell_size=1, min_users=1))
    result = summarize(x, y, ["a"] * 3, params=SummaryParams(grid_shape="square", cell_size=1, min_users=1,
                                                           allow_small_cells=True))
    assert result.warnings and "Do not publish this grid" in result.warnings[0]
    ok = summarize(x, y, ["a"] * 3, params=SummaryParams(grid_shape="square", cell_size=100, min_users=1))
    assert ok.warnings == [] and len(ok.table) == 2


def test_suppressed_cells_are_not_drawn_even_at_1_m():
    """With 1 m cells (allowed knowingly) and 5 users needed, the only cells written hold 5 users;
    no written cell lies on a photo of fewer people."""
    rng = np.random.default_rng(3)
    lonely = rng.uniform(0, 1000, size=(40, 2)).round(1) + 0.5  # 40 people, one photo each, apart
    crowd = np.array([[2000.5, 2000.5]] * 6)  # six people in one square metre
    pts = np.vstack([lonely, crowd])
    users = [f"p{k}" for k in range(len(pts))]
    result = summarize(pts[:, 0], pts[:, 1], ["m"] * len(pts), user=users,
                       params=SummaryParams(grid_shape="square", cell_size=1, min_users=5, allow_small_cells=True))
    assert list(result.table["area"]) == ["S2000_2000"] and len(result.geometry) == 1
    assert not result.table["suppressed"].any()
    assert result.counts["suppressed"] == 40 and result.counts["dropped"] == 40
    cells = shapely.union_all(list(result.geometry))
    assert not shapely.intersects(cells, shapely.points(lonely)).any()
