"""When motifs are photographed: month, hour and season counts against a hand computation.

The photos below mix times with a +03:00 offset, without an offset, in UTC ('Z'), known to the
month or the year only, and missing; the expected numbers were counted by hand (comments).
"""
import numpy as np
import pytest
from PIL import Image

from photo_motifs.core.motiftime import MotifTimeParams, motif_time, write_charts

PHOTOS = [  # motif, user, taken_at
    ("river", "a", "2024-01-15T23:30:00+03:00"),  # 1  Jan 23h DJF (local 23:30, 20:30 UTC)
    ("river", "a", "2024-01-15T23:45:00+03:00"),  # 2  Jan 23h, same user and day as 1
    ("river", "b", "2024-01-16T00:10:00"),        # 3  Jan 00h, no offset: local as written
    ("river", "b", "2024-07-02T22:00:00+03:00"),  # 4  Jul 22h JJA
    ("river", "c", "2024-12-31T23:59:59"),        # 5  Dec 23h DJF
    ("park", "a", "2024-10-10T14:00:00+03:00"),   # 6  Oct 14h SON
    ("park", "d", "2024-10-11T09:00:00"),         # 7  Oct 09h
    ("park", "d", "2023-10-11T09:30:00"),         # 8  Oct 09h, another day (another year)
    ("park", None, "2024-04-01T12:00:00+03:00"),  # 9  Apr 12h MAM, no user: a user of its own
    ("park", "e", "2015-06"),                     # 10 Jun, month only: no hour, no day
    ("park", "e", "2016"),                        # 11 year only: left out
    ("river", "f", None),                         # 12 no date: left out
    (None, "a", "2024-05-05T05:05:05"),           # 13 no motif: left out
    ("park", "a", "2024-10-10T15:00:00Z"),        # 14 Oct 15h (UTC: local unknown), same day as 6
]


def run(measure="pud", min_users=1, southern=False, user=True):
    motifs, users, dates = zip(*PHOTOS)
    return motif_time(list(motifs), list(dates), list(users) if user else None,
                      MotifTimeParams(measure=measure, min_users=min_users, southern=southern))


def rows(result, motif, period):
    t = result.table
    part = t[(t["motif"] == motif) & (t["period"] == period)]
    return {int(v): row for v, row in zip(part["value"], part.to_dict("records"))}


def test_photo_user_days_by_month_hour_and_season():
    r = run()
    assert r.motifs == ["park", "river"]  # park 5 photo-user-days over its months, river 4
    river, park = rows(r, "river", "month"), rows(r, "park", "month")
    # river Jan: (a, 01-15) and (b, 01-16) = 2 pud from 3 photos of 2 users
    assert (river[1]["count"], river[1]["photos"], river[1]["users"]) == (2, 3, 2)
    assert river[7]["count"] == 1 and river[12]["count"] == 1 and river[6]["count"] == 0
    assert river[1]["share_motif"] == pytest.approx(2 / 4)
    # park Oct: (a, 2024-10-10) twice, (d, 2024-10-11), (d, 2023-10-11) = 3 pud, 4 photos, 2 users
    assert (park[10]["count"], park[10]["photos"], park[10]["users"]) == (3, 4, 2)
    assert park[4]["count"] == 1 and park[6]["count"] == 1  # the user-less photo; the month-only photo
    assert park[10]["share_period"] == pytest.approx(1.0)
    hours_river, hours_park = rows(r, "river", "hour"), rows(r, "park", "hour")
    # 23 h: photos 1 and 2 (a, one day) and 5 (c): 2 pud from 3 photos; the +03:00 photos stay at 23 h
    assert (hours_river[23]["count"], hours_river[23]["photos"]) == (2, 3)
    assert hours_river[0]["count"] == 1 and hours_river[22]["count"] == 1 and hours_river[20]["count"] == 0
    assert hours_park[9]["count"] == 2 and hours_park[14]["count"] == 1 and hours_park[15]["count"] == 1
    assert hours_park[12]["count"] == 1 and sum(v["photos"] for v in hours_park.values()) == 5  # 6-9, 14: not 10
    seasons_river, seasons_park = rows(r, "river", "season"), rows(r, "park", "season")
    assert seasons_river[1]["count"] == 3 and seasons_river[1]["label"] == "DJF"  # (a,0115) (b,0116) (c,1231)
    assert seasons_river[1]["season_name"] == "winter"
    assert seasons_park[4]["count"] == 3 and seasons_park[2]["count"] == 1 and seasons_park[3]["count"] == 1
    # JJA: river 1 (photo 4) and park 1 (photo 10): half each
    assert seasons_river[3]["share_period"] == pytest.approx(0.5) == seasons_park[3]["share_period"]
    c = r.counts
    assert (c["photos"], c["used"], c["no_motif"], c["no_date"], c["no_hour"]) == (14, 11, 1, 2, 1)
    assert (c["with_offset"], c["local_as_written"], c["utc_only"]) == (5, 4, 1)


def test_users_and_photos_measures_and_heat_cells():
    users, photos = run("users"), run("photos")
    assert rows(users, "river", "month")[1]["count"] == 2 and rows(photos, "river", "month")[1]["count"] == 3
    assert rows(users, "park", "hour")[9]["count"] == 1 and rows(photos, "park", "hour")[9]["count"] == 2
    cells = run().cells
    assert cells["river"]["count"][0, 23] == 1 and cells["river"]["count"][11, 23] == 1  # Jan and Dec at 23 h
    assert cells["park"]["count"][9, 9] == 2 and cells["park"]["users"][9, 9] == 1
    assert cells["park"]["count"].sum() == 5 and cells["river"]["count"].sum() == 4


def test_privacy_southern_seasons_and_no_user_field():
    r = run(min_users=2)
    river = rows(r, "river", "month")
    assert river[1]["count"] == 2 and not river[1]["suppressed"]
    assert river[7]["count"] is None and river[7]["share_motif"] is None and river[7]["suppressed"]
    assert rows(run(southern=True), "river", "season")[1]["season_name"] == "summer"
    alone = run(user=False)  # every photo is a user of its own
    assert rows(alone, "river", "month")[1]["count"] == 3 and alone.counts["no_user"] == 11
    with pytest.raises(ValueError, match="Unknown measure"):
        MotifTimeParams(measure="likes").validate()


def test_charts_one_png_per_motif_and_stale_ones_removed(tmp_path):
    folder = tmp_path / "charts"
    folder.mkdir()
    (folder / "mine.txt").write_text("the user's own file")
    first = write_charts(run(), folder)
    assert sorted(p.name for p in first) == ["heatmap_cells.csv", "overview.png", "park.png", "river.png"]
    with Image.open(folder / "river.png") as im:
        assert im.size == (1440, 840)  # 7.2 x 4.2 in at 200 dpi: prints at a page's width
        pixels = np.asarray(im.convert("RGB"))
    assert (pixels.reshape(-1, 3).std(axis=0) > 10).all()  # a drawn chart, not a blank page
    lines = (folder / "heatmap_cells.csv").read_text().splitlines()
    assert len(lines) == 1 + 2 * 12 * 24 and "river,1,23,1.0,1,False" in lines
    motifs, users, dates = zip(*[p for p in PHOTOS if p[0] != "river"])
    write_charts(motif_time(list(motifs), list(dates), list(users)), folder)
    assert not (folder / "river.png").exists() and (folder / "park.png").exists()
    assert (folder / "mine.txt").read_text() == "the user's own file"
