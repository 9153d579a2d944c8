"""Motif summary by area: photos, distinct users, photo-user-days, motif shares, dominant motif,
diversity, with a minimum-users privacy rule.

Raw photo counts mislead on photo-sharing sites: one prolific uploader's 300 photos of a façade
outweigh 300 visitors. The field's guards are *distinct users* and *photo-user-days* (one count
per user per calendar day per area; Wood et al., Scientific Reports 2013). Per-area numbers about
people are only published for areas with at least ``min_users`` distinct users; smaller areas keep
their geometry with every count and share NULL and ``suppressed`` set (small-area suppression as
statistical offices apply it).

Definitions (what each output column means):

* ``photos``: photos in the area; ``users``: distinct users; ``pud``: distinct (user, day) pairs.
  A photo without a user counts as a user of its own (so it can only raise ``users``: the privacy
  rule is then weaker, and the summary's notes say how many photos this concerned). The photos of
  one user without a date form one "unknown day" per area.
* per motif ``m``: ``n_<m>`` is the motif's count by the chosen measure (photos, distinct users or
  photo-user-days with that motif) and ``s_<m>`` its share of the sum of all motifs' counts in the
  area, so shares add up to 1. With users or photo-user-days one user-day with two motifs counts
  for both, so motif counts may add up to more than ``users``/``pud``. Photos without a motif
  (NULL or empty) count in ``photos``/``users``/``pud`` but in no motif.
* ``dominant``: the motif with the largest count; ties are broken by the motif's count over the
  whole input (the more common motif wins, i.e. the palette order), then by its name, so the same
  data always gives the same answer; ``dom_ties`` is the number of motifs sharing the top count
  (1 = no tie). ``dom_share`` its share, ``dom_margin`` its share minus the second motif's (0 in a
  tie).
* ``richness``: motifs present; ``shannon``: H = -sum(p ln p) over the shares (natural log);
  ``evenness``: Pielou's J = H / ln(richness), NULL when only one motif is present.
* ``mean_conf``: mean classifier confidence of the area's photos (when a confidence is given).

Areas are polygons given by the caller (joined with geopandas/shapely: a point on a shared border
goes to the first area in input order) or a generated grid of squares or hexagons anchored at the
projected CRS's origin. Grid cells are computed arithmetically (exact, O(n)), their polygons built
with shapely; only cells holding photos are returned. The caller supplies coordinates in a
projected CRS in metres for grids (``utm_epsg`` picks the local UTM zone).

QGIS-free (numpy, pandas, geopandas, shapely); every step is vectorised.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .feedback import CoreFeedback
from .motifnames import ascii_name
from .options import GRID_SHAPE_OPTIONS, SUMMARY_MEASURE_OPTIONS, values

MEASURES = values(SUMMARY_MEASURE_OPTIONS)  # ("pud", "users", "photos")
GRID_SHAPES = values(GRID_SHAPE_OPTIONS)  # ("hexagon", "square")
MOTIF_PREFIX, SHARE_PREFIX = "n_", "s_"
_DAY_RE = r"^\s*(\d{4})[-:/.](\d{2})[-:/.](\d{2})"


@dataclass
class SummaryParams:
    """Options of a summary; ``validate()`` raises ValueError with a sentence."""

    measure: str = "pud"
    min_users: int = 5
    grid_shape: str = "hexagon"
    cell_size: float = 500.0  # metres: square side, or hexagon width across flats (centre spacing)

    def validate(self) -> SummaryParams:
        if self.measure not in MEASURES:
            raise ValueError(f"Unknown measure '{self.measure}': choose one of {', '.join(MEASURES)}.")
        if self.grid_shape not in GRID_SHAPES:
            raise ValueError(f"Unknown grid shape '{self.grid_shape}': choose hexagon or square.")
        if not (self.cell_size > 0 and math.isfinite(self.cell_size)):
            raise ValueError("The cell size must be a positive number of metres.")
        if self.min_users < 1:
            raise ValueError("The minimum number of users must be at least 1.")
        return self


@dataclass
class SummaryResult:
    """One row per area (``table``, a pandas DataFrame) and its polygon (``geometry``, shapely).

    ``area`` in the table is the index of the input polygon, or the grid cell id (``H<q>_<r>``,
    ``S<col>_<row>``). ``motif_fields`` maps each motif value to its (count, share) column names.
    """

    table: object
    geometry: object
    motifs: list
    motif_fields: dict
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 / UTM zone holding (lon, lat): 326zz north, 327zz south."""
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def motif_field_names(motifs: Sequence) -> dict:
    """{motif: (count field, share field)}: ``n_``/``s_`` + the value in [A-Za-z0-9_] (accents
    dropped: "õhtune jõgi" -> n_ohtune_jogi; at most 60 characters), made unique with a numeric suffix."""
    used, out = set(), {}
    for m in motifs:
        base = re.sub(r"[^0-9A-Za-z_]+", "_", ascii_name(m)).strip("_")[:56] or "motif"  # õ -> o
        name, k = base, 2
        while name.lower() in used:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        out[m] = (MOTIF_PREFIX + name, SHARE_PREFIX + name)
    return out


# --- grid ------------------------------------------------------------------------------------

def grid_cells(x, y, shape: str, size: float):
    """Integer cell coordinates (i, j) of each point in a grid anchored at (0, 0).

    Squares: ``floor(x / size)``, ``floor(y / size)`` (a point on an edge belongs to the cell on
    its right/top). Hexagons (pointy-top, width across flats ``size``): axial coordinates (q, r)
    by cube rounding.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if shape == "square":
        return np.floor(x / size).astype(np.int64), np.floor(y / size).astype(np.int64)
    radius = size / math.sqrt(3.0)
    qf = (math.sqrt(3.0) / 3.0 * x - y / 3.0) / radius
    rf = (2.0 / 3.0 * y) / radius
    sf = -qf - rf
    q, r, s = np.round(qf), np.round(rf), np.round(sf)
    dq, dr, ds = np.abs(q - qf), np.abs(r - rf), np.abs(s - sf)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    q = np.where(fix_q, -r - s, q)
    r = np.where(fix_r, -q - s, r)
    return q.astype(np.int64), r.astype(np.int64)


def grid_polygons(i, j, shape: str, size: float):
    """Shapely polygons of the cells (i, j) from ``grid_cells``."""
    import shapely

    i, j = np.asarray(i, dtype=float), np.asarray(j, dtype=float)
    if shape == "square":
        dx = np.array([0, 1, 1, 0, 0], dtype=float)
        dy = np.array([0, 0, 1, 1, 0], dtype=float)
        xs = (i[:, None] + dx[None, :]) * size
        ys = (j[:, None] + dy[None, :]) * size
    else:
        radius = size / math.sqrt(3.0)
        cx = radius * (math.sqrt(3.0) * i + math.sqrt(3.0) / 2.0 * j)
        cy = radius * 1.5 * j
        angles = np.radians(30.0 + 60.0 * np.arange(7))
        xs = cx[:, None] + radius * np.cos(angles)[None, :]
        ys = cy[:, None] + radius * np.sin(angles)[None, :]
    coords = np.stack([xs, ys], axis=-1)
    return shapely.polygons(coords)


def cell_ids(i, j, shape: str) -> list:
    prefix = "H" if shape == "hexagon" else "S"
    return [f"{prefix}{a}_{b}" for a, b in zip(np.asarray(i).tolist(), np.asarray(j).tolist(), strict=True)]


def join_points_to_areas(x, y, polygons) -> np.ndarray:
    """Index of the polygon holding each point (-1 outside all), by a geopandas spatial join
    (STRtree). A point on a border shared by two areas goes to the first of them."""
    import geopandas as gpd

    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y))
    areas = gpd.GeoDataFrame({"area_index": np.arange(len(polygons))}, geometry=list(polygons)
                             if not hasattr(polygons, "dtype") else polygons)
    joined = gpd.sjoin(points, areas, how="inner", predicate="intersects")
    out = np.full(len(points), -1, dtype=np.int64)
    if len(joined):
        first = joined["area_index"].groupby(level=0).min()
        out[first.index.to_numpy()] = first.to_numpy()
    return out


# --- attributes --------------------------------------------------------------------------------

def _blank(values):
    """True where a value is missing (None, NaN, 'NULL', empty text)."""
    import pandas as pd

    s = pd.Series(values, dtype=object)
    text = s.astype(str).str.strip()
    return (s.isna() | text.eq("") | text.eq("NULL") | text.eq("None")).to_numpy()


def day_keys(dates) -> np.ndarray:
    """Calendar day ``YYYY-MM-DD`` of each date as written (the photo's local date; EXIF times are
    local), or None when missing or unreadable. Accepts ISO text, EXIF text or date objects."""
    import pandas as pd

    s = pd.Series(dates, dtype=object)
    text = s.map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v).astype(str)
    parts = text.str.extract(_DAY_RE)
    day = parts[0] + "-" + parts[1] + "-" + parts[2]
    return day.where(parts[0].notna() & ~s.isna().to_numpy(), None).to_numpy(dtype=object)


def _factorize(values):
    """(int64 codes with -1 for None/NaN, distinct values as an object array)."""
    import pandas as pd

    arr = values if isinstance(values, np.ndarray) and values.dtype == object else np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _distinct_count(groups, members, n_groups) -> np.ndarray:
    """Number of distinct ``members`` per group (both dense non-negative int codes)."""
    if len(groups) == 0:
        return np.zeros(n_groups, dtype=np.int64)
    width = int(members.max()) + 1
    if n_groups * width >= 2 ** 62:
        raise ValueError("Too many distinct values to summarise in one run.")
    pairs = np.unique(groups * width + members)
    return np.bincount(pairs // width, minlength=n_groups)


# --- the summary ----------------------------------------------------------------------------------

def summarize(
    x,
    y,
    motif,
    *,
    user=None,
    date=None,
    confidence=None,
    areas=None,
    params: SummaryParams | None = None,
    feedback: CoreFeedback | None = None,
) -> SummaryResult:
    """Summarise photos at (x, y) by area. ``areas``: polygons (shapely) in the points' CRS, or
    None for a grid (then x, y are metres in a projected CRS). ``user``/``date``/``confidence``
    are optional per-photo sequences; missing values are None/NaN."""
    import pandas as pd

    params = (params or SummaryParams()).validate()
    fb = feedback or CoreFeedback()
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    if len(y) != n or len(motif) != n:
        raise ValueError("Coordinates and motifs must have one value per photo.")
    notes: list[str] = []
    located = np.isfinite(x) & np.isfinite(y)

    # 1. the area of every photo
    fb.progress(5)
    if areas is None:
        gi, gj = grid_cells(np.where(located, x, 0.0), np.where(located, y, 0.0),
                            params.grid_shape, params.cell_size)
        area_of = np.full(n, -1, dtype=np.int64)
        ci = cj = np.zeros(0, dtype=np.int64)
        if located.any():
            li, lj = gi[located], gj[located]
            i0, j0 = li.min(), lj.min()
            width = int(lj.max() - j0) + 1
            uniq, area = np.unique((li - i0) * width + (lj - j0), return_inverse=True)
            area_of[located] = area.ravel()
            ci, cj = uniq // width + i0, uniq % width + j0
        geometry = grid_polygons(ci, cj, params.grid_shape, params.cell_size)
        area_ids = cell_ids(ci, cj, params.grid_shape)
        n_areas = len(ci)
    else:
        area_of = np.full(n, -1, dtype=np.int64)
        if located.any():
            area_of[located] = join_points_to_areas(x[located], y[located], areas)
        geometry = areas
        n_areas = len(areas)
        area_ids = list(range(n_areas))
    fb.check()
    inside = area_of >= 0
    counts = {
        "photos": n,
        "no_location": int((~located).sum()),
        "outside": int((located & ~inside).sum()) if areas is not None else 0,
    }

    # 2. codes: motif, user (a photo without user is a user of its own), day
    fb.progress(25)
    # every text column is factorised first (one hash pass), the slower per-value work (blank
    # test, date parsing) then runs on the distinct values only
    mraw, muniq = _factorize(motif)
    m_ok = ~_blank(muniq)
    mcode_raw = np.where(mraw >= 0, np.where(m_ok[np.maximum(mraw, 0)], mraw, -1), -1) if len(muniq) else mraw
    no_motif = mcode_raw < 0
    names = np.array([str(v) for v in muniq], dtype=object)
    totals = np.bincount(mcode_raw[inside & ~no_motif], minlength=len(muniq))
    # one motif per distinct text (values such as 3 and "3" merge), ordered by overall count then name
    by_name: dict = {}
    for k in range(len(muniq)):
        if m_ok[k] and totals[k] > 0:
            by_name[names[k]] = by_name.get(names[k], 0) + int(totals[k])
    motifs = sorted(by_name, key=lambda mv: (-by_name[mv], mv))
    motif_index = {mv: k for k, mv in enumerate(motifs)}
    remap = np.array([motif_index.get(names[k], -1) if m_ok[k] else -1 for k in range(len(muniq))] + [-1],
                     dtype=np.int64)
    mcode = remap[np.where(mcode_raw >= 0, mcode_raw, len(muniq))]
    n_motifs = len(motifs)

    if user is None:
        no_user = np.ones(n, dtype=bool)
        ucode = np.arange(n, dtype=np.int64)
    else:
        uraw, uuniq = _factorize(user)
        u_ok = np.append(~_blank(uuniq), False)
        no_user = ~u_ok[np.where(uraw >= 0, uraw, len(uuniq))]
        ucode = uraw.copy()
        ucode[no_user] = len(uuniq) + np.arange(int(no_user.sum()))
    counts["no_user"] = int((no_user & inside).sum())
    if date is None:
        no_day = np.ones(n, dtype=bool)
        dcode = np.zeros(n, dtype=np.int64)
    else:
        draw, duniq = _factorize(date)
        day_of_uniq = day_keys(duniq)
        dcodes_u, _ = _factorize(day_of_uniq)
        dcodes_u = np.append(dcodes_u, -1)
        dcode = dcodes_u[np.where(draw >= 0, draw, len(duniq))]
        no_day = dcode < 0
        dcode = np.where(no_day, int(dcodes_u.max()) + 1, dcode)  # one "unknown day"
    counts["no_date"] = int((no_day & inside).sum())
    counts["no_motif"] = int((no_motif & inside).sum())
    fb.check()

    # 3. totals per area
    fb.progress(45)
    a, u, d, m = area_of[inside], ucode[inside], dcode[inside], mcode[inside]
    photos = np.bincount(a, minlength=n_areas)
    users = _distinct_count(a, u, n_areas)
    ud = _codes_pairs(u, d)
    pud = _distinct_count(a, ud, n_areas)
    fb.check()

    # 4. per-area, per-motif counts by the chosen measure
    fb.progress(65)
    has = m >= 0
    am = a[has] * max(n_motifs, 1) + m[has]
    cells = n_areas * max(n_motifs, 1)
    if params.measure == "photos":
        per = np.bincount(am, minlength=cells)
    elif params.measure == "users":
        per = _distinct_count(am, u[has], cells)
    else:
        per = _distinct_count(am, ud[has], cells)
    matrix = per.reshape(n_areas, max(n_motifs, 1))[:, :n_motifs].astype(float)
    fb.check()

    # 5. shares, dominant motif, diversity
    fb.progress(80)
    total = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total[:, None] > 0, matrix / total[:, None], np.nan)
        logs = np.where(shares > 0, np.log(np.where(shares > 0, shares, 1.0)), 0.0)
    richness = (matrix > 0).sum(axis=1)
    shannon = np.where(total > 0, -(np.nan_to_num(shares) * logs).sum(axis=1), np.nan)
    shannon = np.where(richness == 1, 0.0, shannon)
    with np.errstate(invalid="ignore", divide="ignore"):
        evenness = np.where(richness > 1, shannon / np.log(np.maximum(richness, 2)), np.nan)
    if n_motifs:
        # motifs are ordered by overall count then name: argmax takes the first of tied maxima
        top = matrix.max(axis=1)
        dom = matrix.argmax(axis=1)
        ties = (matrix == top[:, None]).sum(axis=1)
        second = np.sort(shares, axis=1)[:, -2] if n_motifs > 1 else np.zeros(n_areas)
        dom_share = shares[np.arange(n_areas), dom]
        margin = np.where(ties > 1, 0.0, dom_share - np.nan_to_num(second))
        dominant = np.array(motifs, dtype=object)[dom]
        dominant = np.where(total > 0, dominant, None)
        ties = np.where(total > 0, ties, 0)
    else:
        dom_share = margin = np.full(n_areas, np.nan)
        dominant = np.full(n_areas, None, dtype=object)
        ties = np.zeros(n_areas, dtype=np.int64)

    mean_conf = None
    if confidence is not None:
        conf = pd.to_numeric(pd.Series(confidence, dtype=object), errors="coerce").to_numpy(dtype=float)[inside]
        ok = np.isfinite(conf)
        s = np.bincount(a[ok], weights=conf[ok], minlength=n_areas)
        c = np.bincount(a[ok], minlength=n_areas)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_conf = np.where(c > 0, s / np.maximum(c, 1), np.nan)
    fb.check()

    # 6. table, privacy rule
    fb.progress(90)
    fields = motif_field_names(motifs)
    data = {
        "area": area_ids,
        "photos": photos.astype(float),
        "users": users.astype(float),
        "pud": pud.astype(float),
        "no_user": np.bincount(a[no_user[inside]], minlength=n_areas).astype(float),
        "measure": [params.measure] * n_areas,
        "dominant": dominant,
        "dom_share": dom_share,
        "dom_margin": margin,
        "dom_ties": ties.astype(float),
        "richness": richness.astype(float),
        "shannon": shannon,
        "evenness": evenness,
    }
    if mean_conf is not None:
        data["mean_conf"] = mean_conf
    for k, mv in enumerate(motifs):
        data[fields[mv][0]] = matrix[:, k]
        data[fields[mv][1]] = shares[:, k]
    table = pd.DataFrame(data)
    suppressed = (users < params.min_users) & (photos > 0)
    table["suppressed"] = suppressed
    value_columns = [c for c in table.columns if c not in ("area", "measure", "suppressed")]
    table[value_columns] = table[value_columns].astype(object)
    table.loc[suppressed, value_columns] = None
    counts["areas"] = int((photos > 0).sum())
    counts["suppressed"] = int(suppressed.sum())
    counts["summarised"] = int(inside.sum())

    if counts["no_user"]:
        notes.append(f"{counts['no_user']} photos have no user: each counts as a user of its own "
                     "(so the minimum-users rule is weaker where they are).")
    if counts["no_date"]:
        notes.append(f"{counts['no_date']} photos have no readable date: a user's undated photos count as "
                     "one photo-user-day per area.")
    if counts["no_motif"]:
        notes.append(f"{counts['no_motif']} photos have no motif: they count as photos, users and "
                     "photo-user-days but in no motif.")
    if counts["no_location"]:
        notes.append(f"{counts['no_location']} photos have no location and were left out.")
    if counts["outside"]:
        notes.append(f"{counts['outside']} photos lie outside every area and were left out.")
    notes.append(f"{counts['suppressed']} of {counts['areas']} areas with photos have fewer than "
                 f"{params.min_users} distinct users: their counts and shares are NULL (suppressed), "
                 "their geometry is kept.")
    fb.progress(100)
    return SummaryResult(table, geometry, motifs, fields, counts, notes)


def _codes_pairs(a, b) -> np.ndarray:
    """Dense codes of the pairs (a, b) of non-negative int arrays."""
    if len(a) == 0:
        return np.zeros(0, dtype=np.int64)
    width = int(b.max()) + 1
    return np.unique(a * width + b, return_inverse=True)[1].astype(np.int64).ravel()
