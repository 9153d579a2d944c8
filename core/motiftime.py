"""When motifs are photographed: motif x month, motif x hour of day, motif x season.

"Winter landscapes", "autumn park", "nighttime river": many motifs are about time. For every
motif :func:`motif_time` counts, by the chosen measure, the photos of each month (1-12), each
hour of the day (0-23, the photo's local time) and each season (DJF, MAM, JJA, SON), and the
month x hour cells behind a heat map (:func:`write_charts`).

Measures (as in ``core.summarize``): ``pud`` photo-user-days (distinct user and local calendar
day; a prolific uploader counts once a day), ``users`` distinct users, ``photos``. A photo
without a user counts as a user of its own; a user's photos without a known day form one
"unknown day".

Times (``core.phototime``): the hour is the local time of the photo — the time as the camera
wrote it; with an offset (``+03:00``) that is still the local time, the offset only says how far
from UTC it was. Photos without an offset are taken as local time as written (EXIF and Flickr
times are local). Values marked ``Z`` (UTC, from QGIS date-time fields) have no local offset:
their hour is UTC, and the notes say how many. A photo known to the month only (Flickr's
month granularity) counts in its month and season but in no hour; to the year only, in none.

Table (``MotifTimeResult.table``, long format, one row per motif and period value):

* ``motif``; ``period`` ``month`` | ``hour`` | ``season``; ``value`` (1-12, 0-23, or 1-4 for
  DJF, MAM, JJA, SON); ``label`` (``Jan``, ``07``, ``DJF``); ``season_name`` (winter... in the
  chosen hemisphere; empty for hours);
* ``count`` by the measure; ``share_motif`` = count / the motif's total over that period kind
  (its profile: the shares of one motif's months add up to 1); ``share_period`` = count / the sum
  over all motifs of that month, hour or season (the motif's part of that time);
* ``photos``, ``users``, ``pud``; ``suppressed``: fewer than ``min_users`` distinct users, so
  every count and share of the row is empty (privacy: figures about few people are not shown).

QGIS-free (numpy, pandas; matplotlib for the charts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .messages import msg
from .options import SUMMARY_MEASURE_OPTIONS, values
from .phototime import DAY, MONTH, MONTH_ABBR, SEASONS, TIME, parse_times, season_names

MEASURES = values(SUMMARY_MEASURE_OPTIONS)  # ("pud", "users", "photos")
MEASURE_NAMES = {"pud": "photo-user-days", "users": "distinct users", "photos": "photos"}
PERIODS = ("month", "hour", "season")
COLUMNS = ("motif", "period", "value", "label", "season_name", "count", "share_motif", "share_period",
           "photos", "users", "pud", "suppressed")
CHART_MARKER = ".photo_motifs_charts"
CELLS_CSV = "heatmap_cells.csv"
OVERVIEW_PNG = "overview.png"


@dataclass
class MotifTimeParams:
    """Options of :func:`motif_time`; ``validate()`` raises ValueError with a sentence."""

    measure: str = "pud"
    southern: bool = False
    min_users: int = 5

    def validate(self) -> MotifTimeParams:
        if self.measure not in MEASURES:
            raise ValueError(f"Unknown measure '{self.measure}': choose one of {', '.join(MEASURES)}.")
        if int(self.min_users) < 1:
            raise ValueError("The minimum number of users must be at least 1.")
        return self


@dataclass
class MotifTimeResult:
    """The long table (pandas DataFrame), per-motif month x hour cells, counts and notes.

    ``cells[motif]`` is a dict of 12 x 24 arrays (rows January..December, columns hours 0..23):
    ``count`` by the measure and ``users``; ``motifs`` lists the motifs by total count, largest
    first; ``totals[motif]`` is the motif's count over all its dated photos.
    """

    table: object
    cells: dict
    motifs: list
    totals: dict
    params: MotifTimeParams
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def _clean(values_, n) -> np.ndarray:
    """Text values with None for missing ones (None, NaN, '', 'NULL')."""
    out = np.full(n, None, dtype=object)
    for i, v in enumerate(values_):
        if v is None or (isinstance(v, float) and v != v):
            continue
        text = str(v).strip()
        if text and text not in ("NULL", "None"):
            out[i] = text
    return out


def _frame(motif, date, user):
    """A DataFrame of the photos with a motif and a month: motif, user, day, month, hour, season."""
    import pandas as pd

    n = len(motif)
    times = parse_times(date)
    motifs = _clean(motif, n)
    users = _clean(user, n) if user is not None else np.full(n, None, dtype=object)
    ucode, _ = pd.factorize(pd.Series(users, dtype=object), use_na_sentinel=True)
    no_user = ucode < 0
    ucode = np.where(no_user, ucode.max(initial=-1) + 1 + np.cumsum(no_user) - 1, ucode)
    days = times.day_keys()
    dcode, _ = pd.factorize(pd.Series(days, dtype=object), use_na_sentinel=True)
    frame = pd.DataFrame({
        "motif": motifs, "user": ucode, "day": np.where(dcode < 0, -1, dcode),
        "month": times.month, "hour": np.where(times.precision >= TIME, times.hour, -1),
        "season": times.season(),
    })
    frame["userday"] = frame["user"].to_numpy() * (int(frame["day"].to_numpy().max(initial=-1)) + 2) + frame["day"] + 1
    has_motif = frame["motif"].notna().to_numpy()
    keep = has_motif & (times.month > 0)
    timed = keep & (times.precision >= TIME)
    counts = {
        "photos": n,
        "used": int(keep.sum()),
        "no_motif": int((~has_motif).sum()),
        "no_date": int((has_motif & (times.precision < MONTH)).sum()),
        "no_hour": int((keep & (times.precision < TIME)).sum()),
        "no_day": int((keep & (times.precision < DAY)).sum()),
        # among the photos counted in the hours
        "with_offset": int((timed & np.isfinite(times.offset_minutes) & ~times.utc_only).sum()),
        "utc_only": int((timed & times.utc_only).sum()),
        "no_user": int((keep & no_user).sum()) if user is not None else int(keep.sum()),
    }
    counts["local_as_written"] = int(timed.sum()) - counts["with_offset"] - counts["utc_only"]
    return frame[keep].reset_index(drop=True), counts


def _measures(frame, keys):
    """photos, users, pud per group of ``keys``."""
    grouped = frame.groupby(keys, sort=True)
    out = grouped.size().to_frame("photos")
    out["users"] = grouped["user"].nunique()
    out["pud"] = grouped["userday"].nunique()
    return out


def _period_rows(frame, period: str, params: MotifTimeParams):
    """Rows of one period kind for every motif (every month/hour/season, zeros included)."""
    import pandas as pd

    sub = frame[frame[period] >= 0]
    names = season_names(params.southern)
    domain = {"month": range(1, 13), "hour": range(24), "season": range(4)}[period]
    motifs = sorted(frame["motif"].unique().tolist())
    full = pd.MultiIndex.from_product([motifs, list(domain)], names=["motif", period])
    m = _measures(sub, ["motif", period]).reindex(full, fill_value=0).reset_index()
    m["count"] = m[params.measure].astype(float)
    motif_total = m.groupby("motif")["count"].transform("sum")
    period_total = m.groupby(period)["count"].transform("sum")
    with np.errstate(invalid="ignore", divide="ignore"):
        m["share_motif"] = np.where(motif_total > 0, m["count"] / motif_total, np.nan)
        m["share_period"] = np.where(period_total > 0, m["count"] / period_total, np.nan)
    m["period"] = period
    if period == "month":
        m["value"] = m["month"]
        m["label"] = [MONTH_ABBR[v - 1] for v in m["month"]]
        m["season_name"] = [names[SEASONS[(v % 12) // 3]] for v in m["month"]]
    elif period == "hour":
        m["value"] = m["hour"]
        m["label"] = [f"{v:02d}" for v in m["hour"]]
        m["season_name"] = ""
    else:
        m["value"] = m["season"] + 1
        m["label"] = [SEASONS[v] for v in m["season"]]
        m["season_name"] = [names[SEASONS[v]] for v in m["season"]]
    return m


def _heat_cells(frame, motifs, measure: str, fb) -> dict:
    cells = {}
    timed = frame[frame["hour"] >= 0]
    m = _measures(timed, ["motif", "month", "hour"]) if len(timed) else None
    for motif in motifs:
        fb.check()
        count = np.zeros((12, 24))
        users = np.zeros((12, 24), dtype=np.int64)
        if m is not None and motif in m.index.get_level_values(0):
            part = m.loc[motif]
            months = part.index.get_level_values(0).to_numpy() - 1
            hours = part.index.get_level_values(1).to_numpy()
            count[months, hours] = part[measure].to_numpy(dtype=float)
            users[months, hours] = part["users"].to_numpy()
        cells[motif] = {"count": count, "users": users}
    return cells


def motif_time(motif, date, user=None, params: MotifTimeParams | None = None,
               feedback: CoreFeedback | None = None) -> MotifTimeResult:
    """Count photos by motif and month, hour of day and season; see the module docstring.

    ``motif``, ``date`` (texts as the import writes them) and ``user`` (or None: every photo a
    user of its own) have one value per photo.
    """
    import pandas as pd

    params = (params or MotifTimeParams()).validate()
    fb = ensure_feedback(feedback)
    n = len(motif)
    if len(date) != n or (user is not None and len(user) != n):
        raise ValueError("Motif, date and user must have one value per photo.")
    frame, counts = _frame(motif, date, user)
    fb.progress(30)
    if frame.empty:
        table = pd.DataFrame(columns=list(COLUMNS))
        return MotifTimeResult(table, {}, [], {}, params, counts, _notes(counts, params, [], user is None))
    parts = []
    for k, period in enumerate(PERIODS):
        fb.check()
        parts.append(_period_rows(frame, period, params))
        fb.progress(30 + 15 * (k + 1))
    table = pd.concat(parts, ignore_index=True)
    monthly = table[table["period"] == "month"].groupby("motif")["count"].sum()
    motifs = sorted(monthly.index.tolist(), key=lambda m: (-monthly[m], m))
    order = {m: k for k, m in enumerate(motifs)}
    table["order"] = table["motif"].map(order)
    table["kind"] = table["period"].map({p: k for k, p in enumerate(PERIODS)})
    table = table.sort_values(["order", "kind", "value"]).reset_index(drop=True)
    table["suppressed"] = (table["users"] > 0) & (table["users"] < params.min_users)
    value_cols = ["count", "share_motif", "share_period", "photos", "users", "pud"]
    table[value_cols] = table[value_cols].astype(object)
    table.loc[table["suppressed"], value_cols] = None
    table = table[list(COLUMNS)]
    cells = _heat_cells(frame, motifs, params.measure, fb)
    fb.progress(100)
    counts["motifs"] = len(motifs)
    counts["suppressed_rows"] = int(table["suppressed"].sum())
    return MotifTimeResult(table, cells, motifs, {m: float(monthly[m]) for m in motifs}, params, counts,
                           _notes(counts, params, motifs, user is None))


def _notes(counts: dict, params: MotifTimeParams, motifs: list, one_user_each: bool = False) -> list:
    notes = [msg("motiftime_summary", counts["used"], counts["photos"], len(motifs))]
    if counts["with_offset"] + counts["local_as_written"] + counts["utc_only"]:
        notes.append(msg("motiftime_hours", counts["with_offset"], counts["local_as_written"]))
    if counts["utc_only"]:
        notes.append(msg("motiftime_utc", counts["utc_only"]))
    if counts["no_date"]:
        notes.append(msg("motiftime_no_month", counts["no_date"]))
    if counts["no_hour"]:
        notes.append(msg("motiftime_no_hour", counts["no_hour"]))
    if counts["no_motif"]:
        notes.append(msg("motiftime_no_motif", counts["no_motif"]))
    if counts["no_user"] and params.measure != "photos" and not one_user_each:
        notes.append(msg("motiftime_no_user", counts["no_user"]))
    if counts.get("suppressed_rows"):
        notes.append(msg("motiftime_suppressed", counts["suppressed_rows"], params.min_users))
    return notes


# ---------------------------------------------------------------------------------- charts


def chart_file_names(motifs) -> dict:
    """{motif: file name}: the motif in [A-Za-z0-9_.-] (at most 60 characters), made unique."""
    used, out = set(), {}
    for m in motifs:
        base = re.sub(r"[^0-9A-Za-z_.-]+", "_", str(m)).strip("._") or "motif"
        base = base[:60]
        name, k = base, 2
        while name.lower() in used or name.lower() == Path(OVERVIEW_PNG).stem:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        out[m] = f"{name}.png"
    return out


def _figure_modules():
    import warnings

    with warnings.catch_warnings():
        # Debian's python3-matplotlib beside the venv's only costs the 3-D axes (see core.report)
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    return Figure, FigureCanvasAgg


def _hidden(cells: dict, min_users: int) -> np.ndarray:
    return (cells["users"] > 0) & (cells["users"] < min_users)


def _profile(result: MotifTimeResult, motif: str, period: str) -> np.ndarray:
    """The table's counts of one motif over months (12) or hours (24); suppressed rows as 0."""
    rows = result.table[(result.table["motif"] == motif) & (result.table["period"] == period)]
    out = np.zeros(12 if period == "month" else 24)
    index = rows["value"].to_numpy(dtype=np.int64) - (1 if period == "month" else 0)
    out[index] = [0.0 if c is None else float(c) for c in rows["count"]]
    return out


def plot_heatmap(path, motif: str, cells: dict, result: MotifTimeResult, dpi: int = 200) -> Path:
    """One motif's months x hours heat map with its month and hour profiles, as a PNG for print."""
    Figure, FigureCanvasAgg = _figure_modules()
    params = result.params
    hidden = _hidden(cells, params.min_users)
    data = np.where(hidden | (cells["count"] <= 0), np.nan, cells["count"])  # no photos: white
    fig = Figure(figsize=(7.2, 4.2), dpi=dpi)
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 4, width_ratios=(24, 3.4, 1.9, 0.5), height_ratios=(1.1, 4.0),
                            wspace=0.05, hspace=0.06, left=0.075, right=0.92, top=0.80, bottom=0.11)
    ax = fig.add_subplot(grid[1, 0])
    vmax = max(1.0, float(np.nanmax(data)) if np.isfinite(data).any() else 1.0)
    im = ax.imshow(data, cmap=_colour_map(), vmin=0, vmax=vmax, aspect="auto", interpolation="nearest")
    if hidden.any():
        ax.add_collection(_hatched(np.nonzero(hidden)))
    ax.set_xticks(range(0, 24, 3), labels=[f"{h:02d}" for h in range(0, 24, 3)], fontsize=7)
    ax.set_xticks(range(24), minor=True)
    ax.set_yticks(range(12), labels=MONTH_ABBR, fontsize=7)
    for boundary in (1.5, 4.5, 7.5, 10.5):  # DJF | MAM | JJA | SON | D
        ax.axhline(boundary, color="#555555", linewidth=0.5)
    ax.set_xlabel("hour of day (local time)", fontsize=8)
    top = fig.add_subplot(grid[0, 0], sharex=ax)
    top.bar(range(24), _profile(result, motif, "hour"), color="#4a6f8a", width=0.85)
    side = fig.add_subplot(grid[1, 1], sharey=ax)
    side.barh(range(12), _profile(result, motif, "month"), color="#4a6f8a", height=0.8)
    for panel, hide in ((top, {"labelbottom": False}), (side, {"labelleft": False})):
        panel.tick_params(labelsize=6, **hide)
        panel.spines[["top", "right"]].set_visible(False)
    names = season_names(params.southern)
    for centre, season in ((0.5, "DJF"), (3.0, "MAM"), (6.0, "JJA"), (9.0, "SON")):
        side.text(1.08, centre, f"{season}\n{names[season]}", transform=side.get_yaxis_transform(),
                  fontsize=6, va="center", color="#333333")
    cax = fig.add_subplot(grid[1, 3])
    fig.colorbar(im, cax=cax).ax.tick_params(labelsize=6)
    cax.set_ylabel(MEASURE_NAMES[params.measure], fontsize=7)
    fig.suptitle(f"{motif}: when it is photographed", fontsize=10, x=0.075, ha="left", y=0.975)
    fig.text(0.075, 0.895, _caption(result, motif, cells, hidden), fontsize=6.5, color="#333333", va="center",
             wrap=True)
    fig.savefig(path)
    return Path(path)


def _caption(result, motif, cells, hidden) -> str:
    params = result.params
    shown = float(np.nansum(np.where(hidden, 0, cells["count"])))
    text = (f"{result.totals.get(motif, 0.0):.0f} {MEASURE_NAMES[params.measure]} in all months, "
            f"{shown:.0f} in the cells shown. Bars: the motif's months and hours (photos without a "
            "time of day count in their month).")
    if hidden.any():
        text += f"\nHatched: fewer than {params.min_users} users, not shown."
    return text


def _colour_map():
    from matplotlib import colormaps

    cmap = colormaps["YlGnBu"].copy()
    cmap.set_bad("#ffffff")
    return cmap


def _hatched(cells):
    """One collection of hatched squares over the suppressed cells (rows, columns)."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    squares = [Rectangle((c - 0.5, r - 0.5), 1, 1) for r, c in zip(*cells)]
    return PatchCollection(squares, facecolor="#eeeeee", edgecolor="#9a9a9a", hatch="////", linewidth=0.0)


def plot_overview(path, result: MotifTimeResult, max_motifs: int = 24, dpi: int = 200) -> Path:
    """Small multiples: every motif's months x hours as shares of its own total (comparable)."""
    Figure, FigureCanvasAgg = _figure_modules()
    motifs = result.motifs[:max_motifs]
    cols = min(4, max(1, len(motifs)))
    rows = (len(motifs) + cols - 1) // cols
    fig = Figure(figsize=(2.0 * cols + 0.6, 1.55 * rows + 0.6), dpi=dpi)
    FigureCanvasAgg(fig)
    cmap = _colour_map()
    for k, motif in enumerate(motifs):
        cells = result.cells[motif]
        hidden = _hidden(cells, result.params.min_users)
        data = np.where(hidden | (cells["count"] <= 0), np.nan, cells["count"])
        total = np.nansum(data)
        share = data / total if total > 0 else data * np.nan
        ax = fig.add_subplot(rows, cols, k + 1)
        top = float(np.nanmax(share)) if np.isfinite(share).any() else 1.0
        ax.imshow(share, cmap=cmap, vmin=0, vmax=max(1e-9, top), aspect="auto", interpolation="nearest")
        if hidden.any():
            ax.add_collection(_hatched(np.nonzero(hidden)))
        ax.set_title(f"{motif} ({result.totals.get(motif, 0):.0f})", fontsize=7, pad=2)
        ax.set_xticks([0, 6, 12, 18], labels=["0", "6", "12", "18"] if k >= len(motifs) - cols else [],
                      fontsize=5)
        ax.set_yticks([0, 3, 6, 9], labels=["J", "A", "J", "O"] if k % cols == 0 else [], fontsize=5)
    fig.suptitle(f"Motifs by month (rows) and local hour (columns), share of each motif's "
                 f"{MEASURE_NAMES[result.params.measure]}; hatched: fewer than {result.params.min_users} users",
                 fontsize=7.5)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    fig.savefig(path)
    return Path(path)


def write_charts(result: MotifTimeResult, folder, feedback: CoreFeedback | None = None) -> list:
    """One heat map PNG per motif, ``overview.png`` and ``heatmap_cells.csv`` into ``folder``.

    The files of an earlier run into the same folder (listed in its marker file) are removed
    first, so no stale motif chart stays behind; nothing else is deleted. Returns the paths.
    """
    from .safe_cells import save_csv
    from .safe_write import png_problem, replace_complete

    fb = ensure_feedback(feedback)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    _remove_previous(out)
    names = chart_file_names(result.motifs)
    # the marker lists the files first, so a run stopped half-way is still cleaned up by the next one
    planned = [names[m] for m in result.motifs] + ([OVERVIEW_PNG] if result.motifs else []) + [CELLS_CSV]
    listing = "\n".join(planned)
    replace_complete(out / CHART_MARKER, lambda tmp: tmp.write_text(listing, encoding="utf-8"))
    written = []
    for k, motif in enumerate(result.motifs):
        fb.check()
        written.append(replace_complete(out / names[motif], lambda tmp, m=motif: plot_heatmap(
            tmp, m, result.cells[m], result), verify=png_problem))
        fb.progress(100.0 * (k + 1) / (len(result.motifs) + 1))
    if result.motifs:
        written.append(replace_complete(out / OVERVIEW_PNG, lambda tmp: plot_overview(tmp, result),
                                        verify=png_problem))
    rows = []
    for motif in result.motifs:
        cells = result.cells[motif]
        hidden = _hidden(cells, result.params.min_users)
        for mo in range(12):
            for h in range(24):
                users = int(cells["users"][mo, h])
                rows.append([motif, mo + 1, h, None if hidden[mo, h] else float(cells["count"][mo, h]),
                             None if hidden[mo, h] else users, bool(hidden[mo, h])])
    written.append(save_csv(out / CELLS_CSV, ["motif", "month", "hour", "count", "users", "suppressed"], rows))
    return written


def _remove_previous(folder: Path) -> None:
    marker = folder / CHART_MARKER
    if marker.is_file():
        for name in marker.read_text(encoding="utf-8").split("\n"):
            path = folder / Path(name).name
            if name.endswith((".png", ".csv")) and path.is_file():
                path.unlink()
