"""When a photo was taken: its local date and time of day, read from the text the import wrote.

How times are stored
--------------------
``importphotos``/``importtable`` write ``taken_at`` as ISO 8601 text: ``YYYY-MM-DDTHH:MM:SS``
— the camera's wall-clock time, i.e. the photo's *local* time — followed by ``±HH:MM`` when
EXIF recorded the UTC offset (OffsetTimeOriginal). ``2024-01-15T23:30:00+03:00`` was taken at
23:30 local time (20:30 UTC); without an offset the local time is the time as written. Flickr
gives the date taken as local time without an offset; its ``datetakengranularity`` (month,
year, "circa") is kept as ISO reduced precision: ``2015-06`` or ``2015`` (see
``core.table_import``). A date-time read from a QGIS date field is passed here as ISO text too
(``Z`` for QGIS's UTC date-times: their local offset is unknown, so their hour is UTC).

:func:`parse_times` reads such texts (also EXIF ``YYYY:MM:DD HH:MM:SS`` and a space instead of
``T``) into numpy arrays of the local year, month, day, hour, minute and second (``-1`` where
unknown), the offset in minutes (NaN without one), and what precision each value had.
Photos without an offset keep their local time as written: nothing is converted, so the hour of
a photo is the hour its photographer saw on the clock.

Seasons are meteorological: DJF (December-February), MAM, JJA, SON; :func:`season_names` names
them for the northern or the southern hemisphere.

QGIS-free (numpy, pandas).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# ISO 8601 (full or reduced precision), EXIF "YYYY:MM:DD HH:MM:SS", optional fraction and offset
_TIME_RE = (r"^\s*(\d{4})(?:[-:/.](\d{1,2})(?:[-:/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?"
            r"(?:[.,]\d+)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$")

SEASONS = ("DJF", "MAM", "JJA", "SON")
# season index of each month 1..12 (index 0 unused): DJF = 0, MAM = 1, JJA = 2, SON = 3
SEASON_OF_MONTH = np.array([-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0], dtype=np.int64)
MONTHS_OF_SEASON = {"DJF": (12, 1, 2), "MAM": (3, 4, 5), "JJA": (6, 7, 8), "SON": (9, 10, 11)}
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# precision codes of PhotoTimes.precision
NONE, YEAR, MONTH, DAY, TIME = 0, 1, 2, 3, 4


def season_names(southern: bool = False) -> dict:
    """{"DJF": "winter", ...}: the season each block of months is in that hemisphere."""
    north = ("winter", "spring", "summer", "autumn")
    south = ("summer", "autumn", "winter", "spring")
    return dict(zip(SEASONS, south if southern else north))


@dataclass
class PhotoTimes:
    """Local date and time of day per photo (``-1``: unknown); see the module docstring.

    ``precision``: 0 no readable date, 1 year only, 2 year and month, 3 a calendar day without a
    time of day, 4 a time of day (minutes or seconds). ``offset_minutes``: the UTC offset the
    value carried (NaN: none). ``utc_only``: the value was a UTC time marked ``Z`` (a QGIS
    date-time field), whose local time is unknown.
    """

    year: np.ndarray
    month: np.ndarray
    day: np.ndarray
    hour: np.ndarray
    minute: np.ndarray
    second: np.ndarray
    offset_minutes: np.ndarray
    utc_only: np.ndarray
    precision: np.ndarray

    def __len__(self) -> int:
        return len(self.year)

    def season(self) -> np.ndarray:
        """Season index (0 DJF, 1 MAM, 2 JJA, 3 SON) of each photo, -1 without a month."""
        return np.where(self.month > 0, SEASON_OF_MONTH[np.maximum(self.month, 0)], -1)

    def local_seconds(self) -> np.ndarray:
        """Seconds since 1970-01-01 00:00 of the local wall-clock time (NaN without a time of day).

        Differences between two photos of one photographer are right in minutes; across time
        zones they are wall-clock differences, not elapsed time.
        """
        out = np.full(len(self), np.nan)
        ok = self.precision >= TIME
        if ok.any():
            days = _days_from_civil(self.year[ok], self.month[ok], self.day[ok])
            out[ok] = days * 86400.0 + self.hour[ok] * 3600.0 + self.minute[ok] * 60.0 + self.second[ok]
        return out

    def day_keys(self) -> np.ndarray:
        """``YYYY-MM-DD`` of the local calendar day, None where the day is unknown."""
        out = np.full(len(self), None, dtype=object)
        ok = np.flatnonzero(self.precision >= DAY)
        for i in ok:
            out[i] = f"{self.year[i]:04d}-{self.month[i]:02d}-{self.day[i]:02d}"
        return out


def _days_from_civil(y, m, d) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (vectorised, H. Hinnant's algorithm)."""
    y = np.asarray(y, dtype=np.int64) - (np.asarray(m) <= 2)
    m = np.asarray(m, dtype=np.int64)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + np.asarray(d, dtype=np.int64) - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _days_in_month(y, m) -> np.ndarray:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    base = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(m, 0, 12)]
    return base + ((m == 2) & leap)


def _as_text(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):  # datetime, date (a date has no time of day)
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return None
    return str(value)


def _parse_unique(texts) -> dict:
    """Parsed fields of distinct texts, as int arrays (-1 unknown) and the offset column."""
    import pandas as pd

    parts = pd.Series(texts, dtype=object).astype(str).str.extract(_TIME_RE)
    num = {k: pd.to_numeric(parts[i], errors="coerce").fillna(-1).to_numpy(dtype=np.int64)
           for i, k in enumerate(("year", "month", "day", "hour", "minute", "second"))}
    y, mo, d, h, mi, s = (num[k] for k in ("year", "month", "day", "hour", "minute", "second"))
    matched = y >= 0
    precision = np.where(~matched, NONE, np.where(mo < 0, YEAR, np.where(d < 0, MONTH, np.where(h < 0, DAY, TIME))))
    bad = matched & (y < 1)
    bad |= (precision >= MONTH) & ((mo < 1) | (mo > 12))
    bad |= (precision >= DAY) & ((d < 1) | (d > _days_in_month(y, np.clip(mo, 1, 12))))
    bad |= (precision >= TIME) & ((h > 23) | (mi > 59) | (s > 60))
    precision = np.where(bad, NONE, precision)
    s = np.where((precision >= TIME) & (s < 0), 0, np.minimum(s, 59))  # no seconds: :00; a leap second: :59
    zone = parts[6].to_numpy(dtype=object)
    offset = np.full(len(texts), np.nan)
    utc_only = np.zeros(len(texts), dtype=bool)
    for k, z in enumerate(zone):
        if not isinstance(z, str) or precision[k] < TIME:
            continue
        if z == "Z":
            offset[k], utc_only[k] = 0.0, True
            continue
        sign = -1.0 if z[0] == "-" else 1.0
        digits = z[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
        if minutes < 24 * 60:
            offset[k] = sign * minutes
    keep = {1: ("year",), 2: ("year", "month"), 3: ("year", "month", "day"),
            4: ("year", "month", "day", "hour", "minute", "second")}
    out = {"year": y, "month": mo, "day": d, "hour": h, "minute": mi, "second": s}
    for name in out:
        known = np.isin(precision, [p for p, names in keep.items() if name in names])
        out[name] = np.where(known, out[name], -1).astype(np.int64)
    return dict(out, offset_minutes=offset, utc_only=utc_only, precision=precision.astype(np.int64))


def parse_times(values) -> PhotoTimes:
    """:class:`PhotoTimes` of a sequence of date texts (ISO 8601, EXIF; None or '' = unknown).

    Distinct texts are parsed once, so a million photos with repeated values parse quickly.
    Impossible values (month 13, 31 April, 25:00) count as no date.
    """
    import pandas as pd

    texts = [_as_text(v) for v in values]
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object), use_na_sentinel=True)
    parsed = _parse_unique(list(uniques) if len(uniques) else [""])  # "" parses as no date
    missing = codes < 0
    take = np.where(missing, 0, codes)
    unknown = {"offset_minutes": np.nan, "utc_only": False, "precision": NONE}
    fields = {name: np.where(missing, unknown.get(name, -1), arr[take]).astype(arr.dtype)
              for name, arr in parsed.items()}
    return PhotoTimes(**fields)


def season_mask(values, season: str) -> np.ndarray:
    """True for the photos taken in ``season`` ("DJF", "MAM", "JJA", "SON"; "all": every photo).

    A photo without a known month is in no season.
    """
    if season == "all":
        return np.ones(len(values), dtype=bool)
    if season not in SEASONS:
        raise ValueError(f"Unknown season '{season}': choose all, {', '.join(SEASONS)}.")
    return parse_times(values).season() == SEASONS.index(season)
