"""Motif summary by area: photos, distinct users, photo-user-days, motif shares, dominant motif,
diversity, with a minimum-users privacy rule.

Raw photo counts mislead on photo-sharing sites: one prolific uploader's 300 photos of a façade
outweigh 300 visitors. The field's guards are *distinct users* and *photo-user-days* (one count
per user per calendar day per area; Wood et al., Scientific Reports 2013). Per-area numbers about
people are only published for areas with at least ``min_users`` distinct users; smaller polygon
areas keep their geometry with every count and share NULL and ``suppressed`` set (small-area
suppression as statistical offices apply it), smaller grid cells are not written at all.

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

Areas are polygons given by the caller (joined with geopandas/shapely) or a generated grid of
squares or hexagons anchored at the projected CRS's origin.

* Polygons: invalid outlines (a self-crossing "bow-tie") are repaired with ``make_valid`` before
  counting (and counted in the notes). Areas may overlap (a district inside its city): a photo
  counts in *every* area whose interior holds it, and the notes say the areas overlap; a point on
  a border shared by two areas only goes to the first of them.
* Grids: cells are computed arithmetically (exact, O(n)), their polygons built with shapely; only
  cells holding photos are returned. The caller supplies coordinates in a projected CRS in metres
  (``utm_epsg`` picks the local UTM zone). A published grid has cells of at least
  ``MIN_CELL_SIZE`` (100 m; smaller only with ``allow_small_cells``, and a warning), and its
  suppressed cells are left out altogether: a suppressed cell of 1 m would still point at one
  person's photo.
* Dates: the calendar day as written; an impossible date (2020-02-30) counts as undated.

QGIS-free (numpy, pandas, geopandas, shapely); every step is vectorised.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .feedback import CoreFeedback
from .messages import msg
from .motifnames import ascii_name
from .options import GRID_SHAPE_OPTIONS, SUMMARY_MEASURE_OPTIONS, values

MEASURES = values(SUMMARY_MEASURE_OPTIONS)  # ("pud", "users", "photos")
GRID_SHAPES = values(GRID_SHAPE_OPTIONS)  # ("hexagon", "square")
MOTIF_PREFIX, SHARE_PREFIX = "n_", "s_"
MIN_CELL_SIZE = 100.0  # metres: the smallest grid cell of a map fit to publish
_DAY_RE = r"^\s*(\d{4})[-:/.](\d{2})[-:/.](\d{2})"


@dataclass
class SummaryParams:
    """Options of a summary; ``validate()`` raises ValueError with a sentence."""

    measure: str = "pud"
    min_users: int = 5
    grid_shape: str = "hexagon"
    cell_size: float = 500.0  # metres: square side, or hexagon width across flats (centre spacing)
    min_cell_size: float = MIN_CELL_SIZE  # smaller grid cells are refused...
    allow_small_cells: bool = False  # ...unless the user lowers the limit knowingly (a warning)

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
    warnings: list = field(default_factory=list)  # things the user must act on (cells too small to publish)


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
    local), or None when missing, unreadable or impossible (2020-02-30, month 13). Accepts ISO text,
    EXIF text or date objects."""
    import pandas as pd

    s = pd.Series(dates, dtype=object)
    text = s.map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v).astype(str)
    parts = text.str.extract(_DAY_RE)
    day = parts[0] + "-" + parts[1] + "-" + parts[2]
    ok = parts[0].notna() & ~s.isna().to_numpy()
    real = pd.to_datetime(day.where(ok), format="%Y-%m-%d", errors="coerce").notna()  # 2020-02-30: no day
    return day.where(ok & real, None).to_numpy(dtype=object)


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
    are optional per-photo sequences; missing values are None/NaN.

    The steps: which areas hold each photo (:func:`_grid_membership` or
    :func:`_polygon_membership`: (photo, area) pairs, a photo inside overlapping areas counts in
    each), the photos' codes (:func:`_photo_codes`), totals and motif counts per area
    (:func:`_area_counts`), shares and diversity (:func:`_diversity`), the table with the privacy
    rule (:func:`_summary_table`) and the notes (:func:`summary_notes`).
    """
    params = (params or SummaryParams()).validate()
    fb = feedback or CoreFeedback()
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    if len(y) != n or len(motif) != n:
        raise ValueError("Coordinates and motifs must have one value per photo.")
    located = np.isfinite(x) & np.isfinite(y)
    counts = {"photos": n, "no_location": int((~located).sum())}
    warnings: list = []

    fb.progress(5)
    if areas is None:
        _check_cell_size(params, warnings)
        member = _grid_membership(x, y, located, params)
    else:
        member = _polygon_membership(x, y, located, areas, counts)
    fb.check()
    inside = np.zeros(n, dtype=bool)
    inside[member.photo] = True
    counts["outside"] = int((located & ~inside).sum()) if areas is not None else 0
    counts["multi_area"] = int((np.bincount(member.photo, minlength=n) > 1).sum()) if n else 0

    fb.progress(25)
    codes = _photo_codes(motif, user, date, n, inside, counts)
    fb.check()
    fb.progress(45)
    per_area = _area_counts(member, codes, params.measure)
    fb.check()
    fb.progress(80)
    diversity = _diversity(per_area["matrix"], codes.motifs)
    mean_conf = _mean_confidence(confidence, member, per_area["n_areas"])
    fb.check()

    fb.progress(90)
    table, geometry = _summary_table(member, codes, per_area, diversity, mean_conf, params, counts,
                                     grid=areas is None)
    notes = summary_notes(counts, params, grid=areas is None)
    fb.progress(100)
    return SummaryResult(table, geometry, codes.motifs, motif_field_names(codes.motifs), counts, notes, warnings)


@dataclass
class _Membership:
    """Which areas hold which photos: pairs (``photo[k]``, ``area[k]``), and the areas."""

    photo: np.ndarray
    area: np.ndarray
    geometry: object
    area_ids: list
    n_areas: int


@dataclass
class _Codes:
    """Dense integer codes per photo: motif (-1 none), user (own code for a photo without one), day."""

    motifs: list
    mcode: np.ndarray
    ucode: np.ndarray
    dcode: np.ndarray
    no_user: np.ndarray


def _check_cell_size(params: SummaryParams, warnings: list) -> None:
    """Cells smaller than ``min_cell_size`` locate single photographers: refused, or allowed with
    a warning when the user lowered the limit knowingly (``allow_small_cells``)."""
    if params.cell_size >= params.min_cell_size:
        return
    if not params.allow_small_cells:
        raise ValueError(
            f"Grid cells of {params.cell_size:g} m are smaller than the {params.min_cell_size:g} m a published "
            "grid needs: a cell that small points at the spot where one person stood, even when its counts "
            f"are suppressed. Choose cells of at least {params.min_cell_size:g} m, or allow smaller cells "
            "knowingly (for a map you will not publish).")
    warnings.append(msg("summary_small_cells", f"{params.cell_size:g}", f"{params.min_cell_size:g}"))


def _grid_membership(x, y, located, params: SummaryParams) -> _Membership:
    """Each located photo in its one grid cell; only cells holding photos are made."""
    gi, gj = grid_cells(np.where(located, x, 0.0), np.where(located, y, 0.0), params.grid_shape, params.cell_size)
    photo = np.flatnonzero(located)
    area = np.zeros(0, dtype=np.int64)
    ci = cj = np.zeros(0, dtype=np.int64)
    if len(photo):
        li, lj = gi[located], gj[located]
        i0, j0 = li.min(), lj.min()
        width = int(lj.max() - j0) + 1
        uniq, area = np.unique((li - i0) * width + (lj - j0), return_inverse=True)
        ci, cj = uniq // width + i0, uniq % width + j0
    geometry = grid_polygons(ci, cj, params.grid_shape, params.cell_size)
    return _Membership(photo, area.ravel().astype(np.int64), geometry, cell_ids(ci, cj, params.grid_shape), len(ci))


def _polygon_membership(x, y, located, areas, counts: dict) -> _Membership:
    """(photo, area) pairs for polygon areas: invalid polygons repaired first (``make_valid``),
    a photo counted in every area whose interior holds it (overlapping areas each count it), a
    photo only on borders in the first area it touches."""
    polygons = np.empty(len(areas), dtype=object)
    polygons[:] = list(areas)
    repaired, counts["repaired"] = repair_polygons(polygons)
    counts["overlaps"], counts["overlap_example"] = overlapping_pairs(repaired)
    where = np.flatnonzero(located)
    photo, area = points_in_areas(x[located], y[located], repaired)
    return _Membership(where[photo], area, areas, list(range(len(polygons))), len(polygons))


def repair_polygons(polygons) -> tuple:
    """(polygons with every invalid one replaced by its ``make_valid`` polygonal part, how many
    were repaired). A self-crossing "bow-tie" outline becomes its two triangles."""
    import shapely

    polygons = np.asarray(polygons, dtype=object)
    present = np.array([g is not None for g in polygons], dtype=bool)
    bad = np.zeros(len(polygons), dtype=bool)
    if present.any():
        bad[present] = ~shapely.is_valid(polygons[present])
    out = polygons.copy()
    for k in np.flatnonzero(bad):
        fixed = shapely.make_valid(polygons[k])
        parts = [g for g in shapely.get_parts(fixed) if g.geom_type in ("Polygon", "MultiPolygon")]
        out[k] = shapely.union_all(parts) if parts else None
    return out, int(bad.sum())


def overlapping_pairs(polygons) -> tuple:
    """(number of pairs of areas whose interiors share ground, one such pair or None)."""
    import shapely

    polygons = np.asarray(polygons, dtype=object)
    keep = np.array([g is not None and not g.is_empty for g in polygons], dtype=bool)
    index = np.flatnonzero(keep)
    if len(index) < 2:
        return 0, None
    tree = shapely.STRtree(polygons[index])
    left, right = tree.query(polygons[index], predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    if not len(left):
        return 0, None
    inner = shapely.relate_pattern(polygons[index][left], polygons[index][right], "T********")
    hits = np.flatnonzero(inner)
    if not len(hits):
        return 0, None
    return len(hits), (int(index[left[hits[0]]]), int(index[right[hits[0]]]))


def points_in_areas(x, y, polygons) -> tuple:
    """(point index, area index) pairs: each point in every area whose interior holds it; a point
    on borders only (no interior) in the first area it touches. An STRtree query (shapely);
    interiors are only tested for the few points that touch more than one area."""
    import shapely

    polygons = np.asarray(polygons, dtype=object)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    points = shapely.points(x, y)
    point, area = shapely.STRtree(polygons).query(points, predicate="intersects")
    if not len(point):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    point, area = point.astype(np.int64), area.astype(np.int64)
    multi = np.bincount(point, minlength=len(x))[point] > 1
    keep = ~multi
    if multi.any():
        interior = shapely.contains(polygons[area[multi]], points[point[multi]])
        keep[np.flatnonzero(multi)[interior]] = True
        has_interior = np.zeros(len(x), dtype=bool)
        has_interior[point[keep]] = True
        border = multi & ~keep & ~has_interior[point]
        if border.any():  # on borders only: the first area it touches
            first = {}
            for p, a in zip(point[border].tolist(), area[border].tolist()):
                first[p] = min(a, first.get(p, a))
            point = np.concatenate([point[keep], np.fromiter(first.keys(), dtype=np.int64, count=len(first))])
            area = np.concatenate([area[keep], np.fromiter(first.values(), dtype=np.int64, count=len(first))])
            order = np.lexsort((area, point))
            return point[order], area[order]
    point, area = point[keep], area[keep]
    order = np.lexsort((area, point))
    return point[order], area[order]


def _photo_codes(motif, user, date, n, inside, counts: dict) -> _Codes:
    """Codes of motif, user (a photo without a user is a user of its own) and day.

    Every text column is factorised first (one hash pass); the slower per-value work (blank
    test, date parsing) then runs on the distinct values only. Motifs are ordered by their count
    over the photos inside the areas (each photo once), then by name.
    """
    mraw, muniq = _factorize(motif)
    m_ok = ~_blank(muniq)
    mcode_raw = np.where(mraw >= 0, np.where(m_ok[np.maximum(mraw, 0)], mraw, -1), -1) if len(muniq) else mraw
    no_motif = mcode_raw < 0
    names = np.array([str(v) for v in muniq], dtype=object)
    totals = np.bincount(mcode_raw[inside & ~no_motif], minlength=len(muniq))
    by_name: dict = {}  # one motif per distinct text (values such as 3 and "3" merge)
    for k in range(len(muniq)):
        if m_ok[k] and totals[k] > 0:
            by_name[names[k]] = by_name.get(names[k], 0) + int(totals[k])
    motifs = sorted(by_name, key=lambda mv: (-by_name[mv], mv))
    motif_index = {mv: k for k, mv in enumerate(motifs)}
    remap = np.array([motif_index.get(names[k], -1) if m_ok[k] else -1 for k in range(len(muniq))] + [-1],
                     dtype=np.int64)
    mcode = remap[np.where(mcode_raw >= 0, mcode_raw, len(muniq))]

    if user is None:
        no_user = np.ones(n, dtype=bool)
        ucode = np.arange(n, dtype=np.int64)
    else:
        uraw, uuniq = _factorize(user)
        u_ok = np.append(~_blank(uuniq), False)
        no_user = ~u_ok[np.where(uraw >= 0, uraw, len(uuniq))]
        ucode = uraw.copy()
        ucode[no_user] = len(uuniq) + np.arange(int(no_user.sum()))
    if date is None:
        no_day = np.ones(n, dtype=bool)
        dcode = np.zeros(n, dtype=np.int64)
    else:
        draw, duniq = _factorize(date)
        dcodes_u, _ = _factorize(day_keys(duniq))
        dcodes_u = np.append(dcodes_u, -1)
        dcode = dcodes_u[np.where(draw >= 0, draw, len(duniq))]
        no_day = dcode < 0
        dcode = np.where(no_day, int(dcodes_u.max()) + 1, dcode)  # one "unknown day"
    counts["no_user"] = int((no_user & inside).sum())
    counts["no_date"] = int((no_day & inside).sum())
    counts["no_motif"] = int((no_motif & inside).sum())
    return _Codes(motifs, mcode, ucode, dcode, no_user)


def _area_counts(member: _Membership, codes: _Codes, measure: str) -> dict:
    """Photos, distinct users, photo-user-days and the area x motif counts by ``measure``."""
    n_areas, n_motifs = member.n_areas, len(codes.motifs)
    a = member.area
    u, d, m = codes.ucode[member.photo], codes.dcode[member.photo], codes.mcode[member.photo]
    ud = _codes_pairs(u, d)
    has = m >= 0
    am = a[has] * max(n_motifs, 1) + m[has]
    cells = n_areas * max(n_motifs, 1)
    if measure == "photos":
        per = np.bincount(am, minlength=cells)
    elif measure == "users":
        per = _distinct_count(am, u[has], cells)
    else:
        per = _distinct_count(am, ud[has], cells)
    return {
        "n_areas": n_areas,
        "photos": np.bincount(a, minlength=n_areas),
        "users": _distinct_count(a, u, n_areas),
        "pud": _distinct_count(a, ud, n_areas),
        "no_user": np.bincount(a[codes.no_user[member.photo]], minlength=n_areas),
        "matrix": per.reshape(n_areas, max(n_motifs, 1))[:, :n_motifs].astype(float),
    }


def _diversity(matrix, motifs) -> dict:
    """Shares, richness, Shannon H and evenness, the dominant motif, its share, margin and ties.

    Motifs are ordered by overall count then name, so argmax takes the first of tied maxima.
    """
    n_areas, n_motifs = matrix.shape[0], len(motifs)
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
        top = matrix.max(axis=1)
        dom = matrix.argmax(axis=1)
        ties = (matrix == top[:, None]).sum(axis=1)
        second = np.sort(shares, axis=1)[:, -2] if n_motifs > 1 else np.zeros(n_areas)
        dom_share = shares[np.arange(n_areas), dom]
        margin = np.where(ties > 1, 0.0, dom_share - np.nan_to_num(second))
        dominant = np.where(total > 0, np.array(motifs, dtype=object)[dom], None)
        ties = np.where(total > 0, ties, 0)
    else:
        dom_share = margin = np.full(n_areas, np.nan)
        dominant = np.full(n_areas, None, dtype=object)
        ties = np.zeros(n_areas, dtype=np.int64)
    return {"shares": shares, "richness": richness, "shannon": shannon, "evenness": evenness,
            "dominant": dominant, "dom_share": dom_share, "margin": margin, "ties": ties}


def _mean_confidence(confidence, member: _Membership, n_areas: int):
    """Mean classifier confidence of each area's photos (NaN without any); None without confidences."""
    if confidence is None:
        return None
    import pandas as pd

    conf = pd.to_numeric(pd.Series(confidence, dtype=object), errors="coerce").to_numpy(dtype=float)[member.photo]
    ok = np.isfinite(conf)
    s = np.bincount(member.area[ok], weights=conf[ok], minlength=n_areas)
    c = np.bincount(member.area[ok], minlength=n_areas)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(c > 0, s / np.maximum(c, 1), np.nan)


def _summary_table(member: _Membership, codes: _Codes, per_area: dict, div: dict, mean_conf, params,
                   counts: dict, grid: bool) -> tuple:
    """(table, geometry) with the privacy rule: fewer than ``min_users`` users -> every count and
    share NULL; such grid cells are left out altogether (polygon areas keep their geometry)."""
    import pandas as pd

    n_areas, photos, users = per_area["n_areas"], per_area["photos"], per_area["users"]
    fields = motif_field_names(codes.motifs)
    data = {
        "area": member.area_ids,
        "photos": photos.astype(float),
        "users": users.astype(float),
        "pud": per_area["pud"].astype(float),
        "no_user": per_area["no_user"].astype(float),
        "measure": [params.measure] * n_areas,
        "dominant": div["dominant"],
        "dom_share": div["dom_share"],
        "dom_margin": div["margin"],
        "dom_ties": div["ties"].astype(float),
        "richness": div["richness"].astype(float),
        "shannon": div["shannon"],
        "evenness": div["evenness"],
    }
    if mean_conf is not None:
        data["mean_conf"] = mean_conf
    for k, mv in enumerate(codes.motifs):
        data[fields[mv][0]] = per_area["matrix"][:, k]
        data[fields[mv][1]] = div["shares"][:, k]
    table = pd.DataFrame(data)
    suppressed = (users < params.min_users) & (photos > 0)
    table["suppressed"] = suppressed
    value_columns = [c for c in table.columns if c not in ("area", "measure", "suppressed")]
    table[value_columns] = table[value_columns].astype(object)
    table.loc[suppressed, value_columns] = None
    counts["areas"] = int((photos > 0).sum())
    counts["suppressed"] = int(suppressed.sum())
    counts["summarised"] = int(np.unique(member.photo).size)
    geometry = member.geometry
    counts["dropped"] = 0
    if grid and suppressed.any():
        keep = ~suppressed
        table = table[keep].reset_index(drop=True)
        geometry = geometry[keep]
        counts["dropped"] = int(suppressed.sum())
    return table, geometry


def summary_notes(counts: dict, params: SummaryParams, grid: bool) -> list:
    """The notes of a summary (messages) from its ``counts``: one source for one run and for the
    summary on Dask partitions (``api/areas_dask.py``), which adds up its partitions' counts."""
    notes = []
    if counts.get("repaired"):
        notes.append(msg("summary_repaired", counts["repaired"]))
    if counts.get("overlaps"):
        i, j = counts["overlap_example"]
        notes.append(msg("summary_overlap", counts["overlaps"], i, j, counts["multi_area"]))
    if counts.get("no_user"):
        notes.append(msg("summary_no_user", counts["no_user"]))
    if counts.get("no_date"):
        notes.append(msg("summary_no_date", counts["no_date"]))
    if counts.get("no_motif"):
        notes.append(msg("summary_no_motif", counts["no_motif"]))
    if counts.get("no_location"):
        notes.append(msg("summary_no_location", counts["no_location"]))
    if counts.get("outside"):
        notes.append(msg("summary_outside", counts["outside"]))
    if grid:
        notes.append(msg("summary_suppressed_cells", counts["suppressed"], counts["areas"], params.min_users))
    else:
        notes.append(msg("summary_suppressed_areas", counts["suppressed"], counts["areas"], params.min_users))
    return notes


def _codes_pairs(a, b) -> np.ndarray:
    """Dense codes of the pairs (a, b) of non-negative int arrays."""
    if len(a) == 0:
        return np.zeros(0, dtype=np.int64)
    width = int(b.max()) + 1
    return np.unique(a * width + b, return_inverse=True)[1].astype(np.int64).ravel()
