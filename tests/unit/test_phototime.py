"""Photo times: local date and hour from the import's ISO text, seasons, Flickr's granularity.

Expected values are written by hand or come from Python's datetime (not from the parser).
"""
from datetime import date, datetime, timezone

import numpy as np
import pytest

from photo_motifs.core import phototime as P  # noqa: N812
from photo_motifs.core.table_import import flickr_precision, join_table

VALUES = [
    "2024-01-15T23:30:00+03:00",  # 0: local 23:30 (20:30 UTC): the hour stays 23
    "2024-06-01 10:00:00",        # 1: Flickr's form, no offset: local as written
    "2015-06",                    # 2: month known only
    "2016",                       # 3: year known only
    None,                         # 4
    "2024-07-04",                 # 5: a day without a time
    "2024:02:29 12:01:02",        # 6: EXIF form, a leap day
    "2023-02-29T10:00:00",        # 7: no such day
    "garbage",                    # 8
    "2024-03-31T05:06:07Z",       # 9: UTC from a QGIS date-time field
    "2024-03-31T05:06:07-0530",   # 10: offset without a colon
    datetime(2020, 5, 5, 1, 2, 3),  # 11: a Python datetime
    float("nan"),                 # 12
    "",                           # 13
    "2024-12-01T24:00:00",        # 14: no hour 24
    date(2021, 12, 25),           # 15: a date object
]


def test_parse_times_by_hand():
    t = P.parse_times(VALUES)
    assert t.year.tolist() == [2024, 2024, 2015, 2016, -1, 2024, 2024, -1, -1, 2024, 2024, 2020, -1, -1, -1, 2021]
    assert t.month.tolist() == [1, 6, 6, -1, -1, 7, 2, -1, -1, 3, 3, 5, -1, -1, -1, 12]
    assert t.day.tolist() == [15, 1, -1, -1, -1, 4, 29, -1, -1, 31, 31, 5, -1, -1, -1, 25]
    assert t.hour.tolist() == [23, 10, -1, -1, -1, -1, 12, -1, -1, 5, 5, 1, -1, -1, -1, -1]
    assert t.precision.tolist() == [4, 4, 2, 1, 0, 3, 4, 0, 0, 4, 4, 4, 0, 0, 0, 3]
    assert t.offset_minutes[0] == 180 and t.offset_minutes[10] == -330 and t.offset_minutes[9] == 0
    assert np.isnan(t.offset_minutes[[1, 2, 5, 6, 11]]).all()
    assert t.utc_only.tolist() == [i == 9 for i in range(len(VALUES))]
    # seasons: DJF 0, MAM 1, JJA 2, SON 3; none without a month
    assert t.season().tolist() == [0, 2, 2, -1, -1, 2, 0, -1, -1, 1, 1, 1, -1, -1, -1, 0]


def test_local_seconds_are_wall_clock_times():
    t = P.parse_times(VALUES)
    seconds = t.local_seconds()
    # the wall-clock time as written, read as if it were UTC by Python's datetime
    expected = {0: datetime(2024, 1, 15, 23, 30), 1: datetime(2024, 6, 1, 10), 6: datetime(2024, 2, 29, 12, 1, 2),
                9: datetime(2024, 3, 31, 5, 6, 7), 11: datetime(2020, 5, 5, 1, 2, 3)}
    for i, dt in expected.items():
        assert seconds[i] == dt.replace(tzinfo=timezone.utc).timestamp()
    assert np.isnan(seconds[[2, 3, 4, 5, 7, 15]]).all()
    assert t.day_keys().tolist()[:7] == ["2024-01-15", "2024-06-01", None, None, None, "2024-07-04", "2024-02-29"]


def test_seasons_and_hemispheres():
    assert P.season_mask(["2024-12-31T23:00:00", "2024-01-01", "2024-03-01", None, "2024"], "DJF").tolist() == \
        [True, True, False, False, False]
    assert P.season_mask(["2024-06-01", None], "all").tolist() == [True, True]
    assert P.season_names()["DJF"] == "winter" and P.season_names(southern=True)["DJF"] == "summer"
    assert P.season_names(southern=True)["JJA"] == "winter"
    with pytest.raises(ValueError, match="Unknown season"):
        P.season_mask(["2024-06-01"], "winter")


def test_flickr_granularity_becomes_reduced_precision():
    assert flickr_precision("2015-06-01T00:00:00", "4") == "2015-06"
    assert flickr_precision("2015-01-01T00:00:00", 6) == "2015"
    assert flickr_precision("1950-01-01T00:00:00", "8") == "1950"
    assert flickr_precision("2015-06-07T08:09:10", "0") == "2015-06-07T08:09:10"
    assert flickr_precision("2015-06-07T08:09:10", None) == "2015-06-07T08:09:10"


def test_table_import_keeps_flickr_granularity(labeled_dir, tmp_path):
    """A harvested table's month-granular date is written as 2015-06, not as 1 June at midnight."""
    import shutil

    src = sorted((labeled_dir / "intel_scenes_dev" / "sea").iterdir())[:3]
    folder = tmp_path / "photos"
    folder.mkdir()
    rows = []
    for k, (path, gran) in enumerate(zip(src, ("0", "4", "6"))):
        shutil.copy(path, folder / f"{100 + k}_abc_z.jpg")  # intel photos carry no EXIF date
        rows.append({"id": str(100 + k), "latitude": "58.38", "longitude": "26.72",
                     "datetaken": "2015-06-07 08:09:10" if gran == "0" else "2015-06-01 00:00:00",
                     "datetakengranularity": gran})
    records, invalid = join_table(rows, folder)
    assert not invalid
    assert sorted(r.taken_at for r in records) == ["2015", "2015-06", "2015-06-07T08:09:10"]
