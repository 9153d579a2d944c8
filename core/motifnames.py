"""Motif names: the old → new mapping, applying it, the ``motif_names`` table and stable colours.

A clustering run calls its motifs C1, C2, …; a researcher wants "river at night", "church",
"not a motif". This module is the QGIS-free core of ``photomotifs:renamemotifs`` and of the
Motifs panel:

* :func:`read_mapping` reads a CSV/XLSX table with the columns ``old`` and ``new`` (optional
  ``note`` and ``colour``); :func:`validate_mapping` checks it against the layer's motifs and
  returns a :class:`MotifMapping` with every problem as a :class:`Problem` (a code, the row,
  an English sentence; fatal or not). Never a traceback, never a formula.
* :func:`apply_mapping` gives each photo its new motif. Several olds with one new merge them;
  an empty new means "not a motif" (the photo gets NULL). The mapping is applied at once, not
  in a chain (C1→C2, C2→C3 moves C1's photos to C2 and C2's to C3).
* The original ids stay in a field ``<field>_id`` (e.g. ``cluster_id``), so the step can be
  redone: an ``old`` is looked up first among the current motif names, then among the original
  ids. A row naming an original id takes precedence for the photos with that id, so a merge can
  be undone later (C27 and C28 were merged into "architecture"; a row ``C28,towers`` takes
  C28's photos back out).
* :func:`name_rows` / :func:`write_names_table` / :func:`read_names_table`: the ``motif_names``
  table stored with the layer in its GeoPackage (SQLite): one row per (original id, name) with
  the name's note, colour and photo count, so summaries, maps and exports find the names, notes
  and colours again.
* :func:`stable_colours` keeps the colours of unchanged motifs when motifs are renamed, merged
  or split (a renamed motif keeps its colour, a merge takes the colour of its largest part, a
  new motif gets a palette colour nobody had), and :func:`styles_with_colours` turns them into
  the palette's :class:`~.palette.CategoryStyle` list.
"""
from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .palette import (
    GREY_NOISE,
    GREY_OTHER,
    GREY_UNREADABLE,
    MAX_COLORED,
    OKABE_ITO,
    PALETTE,
    CategoryStyle,
    variant_colours,
    variant_shapes,
)
from .safe_cells import CSV_TRIGGERS

NAMES_TABLE = "motif_names"
ID_SUFFIX = "_id"
# the renderer's value for photos set to "not a motif" (NULL motif, original id kept)
NOT_A_MOTIF = "__not_a_motif__"
# values drawn grey as "fits no motif or class": HDBSCAN noise, the open-set class, not a motif
GREY_VALUES = ("noise", "unknown", "-1", NOT_A_MOTIF)
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_SPACES = re.compile(r"\s+")


def id_field(field_name: str) -> str:
    """The field that keeps the original ids of ``field_name`` (``cluster`` → ``cluster_id``)."""
    return f"{field_name}{ID_SUFFIX}"


def text(value) -> str | None:
    """A motif value as text (None for NULL/empty): integral floats without '.0', one line."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            value = int(value)
    out = _SPACES.sub(" ", str(value)).strip()
    return out or None


def formula_like(name: str | None) -> bool:
    """True when a spreadsheet would take ``name`` as a formula (see :mod:`.safe_cells`)."""
    return bool(name) and name.startswith(CSV_TRIGGERS)


# --------------------------------------------------------------------------- the mapping


@dataclass
class Problem:
    """One problem of a mapping: ``code``, spreadsheet ``row`` (header = row 1; None for the
    whole table), the values it concerns, an English ``sentence``, and whether it stops the run."""

    code: str
    row: int | None
    values: dict
    sentence: str
    fatal: bool = False


@dataclass
class MappingRow:
    row: int  # spreadsheet row (header = 1)
    old: str | None
    new: str | None  # None: "not a motif"
    note: str | None = None
    colour: str | None = None


@dataclass
class MotifMapping:
    """A checked mapping: which current names and which original ids get which new name."""

    by_name: dict = field(default_factory=dict)  # current motif name -> new name (None: not a motif)
    by_id: dict = field(default_factory=dict)  # original id -> new name
    notes: dict = field(default_factory=dict)  # new name -> note
    colours: dict = field(default_factory=dict)  # new name -> "#RRGGBB"
    problems: list = field(default_factory=list)

    @property
    def errors(self) -> list:
        return [p for p in self.problems if p.fatal]

    @property
    def warnings(self) -> list:
        return [p for p in self.problems if not p.fatal]

    def new_value(self, value, original_id=None):
        """The new motif of a photo with motif ``value`` and original id ``original_id``."""
        if original_id is not None and original_id in self.by_id:
            return self.by_id[original_id]
        if value is not None and value in self.by_name:
            return self.by_name[value]
        return value

    def sources(self, values, ids) -> dict:
        """{new motif: Counter(old motif or id: photos)} over the photos (new None = not a motif)."""
        out: dict = {}
        for value, oid in zip(values, ids):
            new = self.new_value(value, oid)
            if oid is not None and oid in self.by_id:
                old = oid
            else:
                old = value
            out.setdefault(new, Counter())[old] += 1
        return out


def _column(columns, *names) -> str | None:
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[n] for n in names if n in lower), None)


def read_mapping(path) -> list:
    """The rows of a mapping table (CSV with any of , ; tab | as separator, or XLSX).

    Raises ValueError with a sentence when the file cannot be read or lacks ``old``/``new``.
    """
    from .table_import import read_table

    try:
        columns, rows = read_table(path)
    except OSError as exc:
        raise ValueError(f"The mapping {path} cannot be read: {exc.strerror or exc}.") from exc
    old_col, new_col = _column(columns, "old"), _column(columns, "new")
    if old_col is None or new_col is None:
        raise ValueError(f"The mapping {os.path.basename(str(path))} needs the columns 'old' and 'new' "
                         f"(first row); its columns are: {', '.join(map(str, columns)) or 'none'}.")
    note_col = _column(columns, "note", "notes", "description")
    colour_col = _column(columns, "colour", "color")
    out = []
    for k, row in enumerate(rows, start=2):
        out.append(MappingRow(
            row=k, old=text(row.get(old_col)), new=text(row.get(new_col)),
            note=text(row.get(note_col)) if note_col else None,
            colour=text(row.get(colour_col)) if colour_col else None))
    return out


def _resolve_old(old: str, names: set, ids: set):
    """('name' | 'id' | None, the old value as found) — a ``'`` that a spreadsheet export put
    before a value starting with = + - @ is dropped when that finds the value."""
    for candidate in (old, old[1:] if old.startswith("'") and formula_like(old[1:]) else None):
        if candidate is None:
            continue
        if candidate in names:
            return "name", candidate
        if candidate in ids:
            return "id", candidate
    return None, old


def _check_new(r: MappingRow, problems: list) -> bool:
    """False (with a fatal problem) when the new name cannot be used."""
    if formula_like(r.new):
        problems.append(Problem(
            "formula_name", r.row, {"new": r.new, "first": r.new[0]},
            f"Row {r.row}: the new name '{r.new}' begins with '{r.new[0]}', which spreadsheets run as a "
            "formula; write it without that sign (an empty new name means 'not a motif').", fatal=True))
        return False
    if r.new == NOT_A_MOTIF:
        problems.append(Problem("reserved_name", r.row, {"new": r.new},
                                f"Row {r.row}: '{r.new}' is reserved; choose another name.", fatal=True))
        return False
    return True


def _check_extras(r: MappingRow, mapping: MotifMapping, problems: list) -> None:
    if r.colour and r.new is not None:
        if _COLOUR.match(r.colour):
            mapping.colours.setdefault(r.new, r.colour.upper())
        else:
            problems.append(Problem("bad_colour", r.row, {"colour": r.colour},
                                    f"Row {r.row}: the colour '{r.colour}' is not #RRGGBB; the palette "
                                    "chooses one."))
    if r.note and r.new is not None:
        mapping.notes.setdefault(r.new, r.note)


def validate_mapping(rows, names, ids=()) -> MotifMapping:
    """Check mapping ``rows`` against the layer's current motif ``names`` and original ``ids``.

    Fatal problems: a formula-like new name, one old given two different new names, no old found
    in the layer at all. Warnings (the row is skipped or kept once): an old that is no motif of
    the layer, a repeated row, an empty old, a bad colour, names that differ only in case.
    """
    names = {n for n in (text(v) for v in names) if n is not None}
    ids = {i for i in (text(v) for v in ids) if i is not None}
    mapping, problems = MotifMapping(), []
    seen: dict = {}  # old as found -> (row, new)
    for r in rows:
        if r.old is None:
            if r.new is not None:
                problems.append(Problem("empty_old", r.row, {"new": r.new},
                                        f"Row {r.row} has no old motif; it is skipped."))
            continue
        if not _check_new(r, problems):
            continue
        kind, old = _resolve_old(r.old, names, ids)
        if kind is None:
            problems.append(Problem("unknown_old", r.row, {"old": r.old},
                                    f"Row {r.row}: '{r.old}' is no motif of this layer; the row is skipped."))
            continue
        if old in seen:
            first_row, first_new = seen[old]
            if first_new == r.new:
                problems.append(Problem("duplicate_row", r.row, {"old": old, "first": first_row},
                                        f"Row {r.row} repeats row {first_row} ('{old}'); it is used once."))
            else:
                problems.append(Problem(
                    "conflicting_rows", r.row, {"old": old, "first": first_row,
                                                "new": r.new or "", "first_new": first_new or ""},
                    f"Row {r.row} gives '{old}' the name '{r.new or ''}', row {first_row} gave it "
                    f"'{first_new or ''}': keep one of the two rows.", fatal=True))
            continue
        seen[old] = (r.row, r.new)
        (mapping.by_name if kind == "name" else mapping.by_id)[old] = r.new
        _check_extras(r, mapping, problems)
    if rows and not seen and not any(p.fatal for p in problems):
        shown = ", ".join(sorted(names)[:12]) + (" …" if len(names) > 12 else "")
        problems.append(Problem("nothing_matches", None, {"motifs": shown},
                                f"No old motif of the mapping is in the layer; its motifs are: {shown}.",
                                fatal=True))
    _case_clashes(mapping, names, problems)
    mapping.problems = problems
    return mapping


def _case_clashes(mapping: MotifMapping, names: set, problems: list) -> None:
    """Warn about resulting names that differ only in case (one folder on Windows and macOS)."""
    unchanged = {n for n in names if n not in mapping.by_name}
    result = {v for v in list(mapping.by_name.values()) + list(mapping.by_id.values()) if v} | unchanged
    groups: dict = {}
    for name in result:
        groups.setdefault(name.casefold(), []).append(name)
    for group in groups.values():
        if len(group) > 1:
            listed = "', '".join(sorted(group))
            problems.append(Problem("case_clash", None, {"names": listed},
                                    f"The names '{listed}' differ only in upper/lower case: they stay separate "
                                    "motifs, but exported folders merge on Windows and macOS."))


def apply_mapping(values, ids, mapping: MotifMapping) -> list:
    """The new motif of every photo (None: not a motif or no motif)."""
    return [mapping.new_value(text(v), text(i)) for v, i in zip(values, ids)]


def start_ids(values, ids=None) -> list:
    """The original ids of the photos: ``ids`` when the layer keeps them, else the current values."""
    if ids is None:
        return [text(v) for v in values]
    return [text(i) for i in ids]


# --------------------------------------------------------------------------- the names table


@dataclass
class NameRow:
    id: str | None  # original id (e.g. C12); None for a motif made by hand without one
    name: str | None  # None: not a motif
    note: str | None
    colour: str | None
    photos: int


def name_rows(ids, values, notes=None, colours=None) -> list:
    """One row per (original id, name) pair that holds photos: names with most photos first, and
    within a name its largest id first; unreadable photos (neither id nor name) have no row."""
    notes, colours = notes or {}, colours or {}
    pairs = Counter((text(i), text(v)) for i, v in zip(ids, values))
    rows = [NameRow(i, v, notes.get(v), colours.get(v), n) for (i, v), n in pairs.items()
            if i is not None or v is not None]
    totals = Counter()
    for r in rows:
        totals[r.name] += r.photos
    rows.sort(key=lambda r: (r.name is None, -totals[r.name], str(r.name), -r.photos, str(r.id)))
    return rows


@dataclass
class NamesTable:
    """The ``motif_names`` rows of one layer and field."""

    rows: list = field(default_factory=list)

    @property
    def colours(self) -> dict:
        return {r.name: r.colour for r in self.rows if r.name is not None and r.colour}

    @property
    def notes(self) -> dict:
        return {r.name: r.note for r in self.rows if r.name is not None and r.note}

    def ids_of(self, name) -> list:
        """The original ids a motif came from, most photos first."""
        counts: Counter = Counter()
        for r in self.rows:
            if r.name == name and r.id is not None:
                counts[r.id] += r.photos
        return [i for i, _n in counts.most_common()]


_CREATE = (f"CREATE TABLE IF NOT EXISTS {NAMES_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT, "
           "layer TEXT, field TEXT, id TEXT, name TEXT, note TEXT, colour TEXT, photos INTEGER)")


def _register_in_geopackage(con) -> None:
    """List the table in gpkg_contents (an attribute table GDAL and QGIS open)."""
    has_contents = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                               "name='gpkg_contents'").fetchone()[0]
    if not has_contents:
        return
    known = con.execute("SELECT count(*) FROM gpkg_contents WHERE table_name=?", (NAMES_TABLE,)).fetchone()[0]
    if not known:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                    "VALUES (?, 'attributes', ?, ?, ?)",
                    (NAMES_TABLE, NAMES_TABLE, "Motif names, notes and colours (Photo Motifs)", stamp))


def write_names_table(path, layer: str, field_name: str, rows) -> None:
    """Replace the ``motif_names`` rows of (``layer``, ``field_name``) in the GeoPackage ``path``.

    Raises ValueError with a sentence when the file is not a GeoPackage/SQLite file or cannot
    be written (read-only, full disk); the layer itself is never touched.
    """
    if not os.path.isfile(path):
        raise ValueError(f"The names of the motifs cannot be stored: {path} does not exist.")
    try:
        con = sqlite3.connect(str(path), timeout=30)
        try:
            with con:
                con.execute(_CREATE)
                _register_in_geopackage(con)
                con.execute(f"DELETE FROM {NAMES_TABLE} WHERE layer=? AND field=?", (layer, field_name))
                con.executemany(
                    f"INSERT INTO {NAMES_TABLE} (layer, field, id, name, note, colour, photos) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(layer, field_name, r.id, r.name, r.note, r.colour, int(r.photos)) for r in rows])
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise ValueError(f"The names of the motifs could not be stored in {path} ({exc}): the file may be "
                         "read-only, the disk full, or the file no GeoPackage.") from exc


def read_names_table(path, layer: str | None = None, field_name: str | None = None) -> NamesTable:
    """The ``motif_names`` rows of ``path`` (of one layer and field when given); empty when the
    file has no such table or is no SQLite file."""
    if not path or not os.path.isfile(path):
        return NamesTable()
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            exists = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?",
                                 (NAMES_TABLE,)).fetchone()[0]
            if not exists:
                return NamesTable()
            sql = f"SELECT id, name, note, colour, photos FROM {NAMES_TABLE} WHERE 1=1"
            args = []
            if layer is not None:
                sql += " AND layer=?"
                args.append(layer)
            if field_name is not None:
                sql += " AND field=?"
                args.append(field_name)
            rows = [NameRow(i, n, note, colour, int(photos or 0))
                    for i, n, note, colour, photos in con.execute(sql + " ORDER BY fid", args)]
        finally:
            con.close()
    except sqlite3.Error:
        return NamesTable()
    return NamesTable(rows)


# --------------------------------------------------------------------------- colours


def shape_for(colour: str, variant: str = "motifs") -> str:
    """The marker shape that goes with a palette colour (its lightness ring), as category_styles draws it."""
    shapes = variant_shapes(variant)
    try:
        ring = PALETTE.index(colour.upper()) // len(OKABE_ITO)
    except ValueError:
        ring = 0
    return shapes[ring % len(shapes)]


def stable_colours(counts: dict, previous: dict, sources: dict | None = None, old_counts: dict | None = None,
                   variant: str = "motifs", grey=GREY_VALUES, unreadable=("unreadable",),
                   max_colored: int = MAX_COLORED) -> dict:
    """{motif: colour} that keeps what the reader already knows.

    ``counts``: photos per motif now; ``previous``: the colours before the change; ``sources``:
    {motif now: [motifs before]} (a motif not listed is its own source). A motif that kept its
    name keeps its colour; a renamed or merged motif takes the colour of its largest source that
    is still free; motifs left without one get palette colours nobody had before, then colours
    that became free. Only the ``max_colored`` largest motifs get a colour (the rest are drawn as
    "other"); grey and unreadable values get none.
    """
    sources, old_counts = sources or {}, old_counts or {}
    special = set(grey) | set(unreadable)
    ordinary = sorted((v for v in counts if v not in special), key=lambda v: (-counts[v], str(v)))[:max_colored]
    colours, taken = {}, set()
    for v in ordinary:  # 1. unchanged names keep their colours
        if v in previous and v in sources.get(v, [v]) and previous[v] not in taken:
            colours[v] = previous[v]
            taken.add(previous[v])
    for v in ordinary:  # 2. renamed / merged: the largest source's colour
        if v in colours:
            continue
        cands = sorted((s for s in sources.get(v, [v]) if s in previous),
                       key=lambda s: (-old_counts.get(s, 0), str(s)))
        free = [previous[s] for s in cands if previous[s] not in taken]
        if free:
            colours[v] = free[0]
            taken.add(free[0])
    used_before = set(previous.values())
    fresh = [c for c in variant_colours(variant) if c not in used_before]
    freed = [c for c in variant_colours(variant) if c in used_before]
    for v in ordinary:  # 3. new motifs: never-used palette colours first
        if v in colours:
            continue
        pick = next((c for c in fresh + freed if c not in taken), None)
        if pick is None:
            break
        colours[v] = pick
        taken.add(pick)
    return colours


def styles_with_colours(counts: dict, colours: dict, variant: str = "motifs", grey=GREY_VALUES,
                        unreadable=("unreadable",)) -> list:
    """The palette's :class:`CategoryStyle` list with given colours: motifs with a colour, largest
    first, then one "other" style for the rest, then the greys (as ``category_styles``)."""
    grey_set, unreadable_set = set(grey), set(unreadable)
    ordinary = sorted(((v, n) for v, n in counts.items() if v not in grey_set and v not in unreadable_set),
                      key=lambda vn: (-vn[1], str(vn[0])))
    styles = [CategoryStyle(v, colours[v].upper(), shape_for(colours[v], variant), n)
              for v, n in ordinary if colours.get(v)]
    rest = [n for v, n in ordinary if not colours.get(v)]
    if rest:
        styles.append(CategoryStyle(None, GREY_OTHER, "circle", sum(rest), "other"))
    styles += [CategoryStyle(v, GREY_NOISE, "circle", n, "noise") for v, n in counts.items() if v in grey_set]
    styles += [CategoryStyle(v, GREY_UNREADABLE, "cross", n, "unreadable")
               for v, n in counts.items() if v in unreadable_set]
    return styles


# --------------------------------------------------------------------------- names in files


def ascii_name(name) -> str:
    """``name`` with accents removed (õ → o, ž → z) for places that take ASCII only."""
    return unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")


def sheet_for(folder, motif, ids=()) -> str:
    """The contact sheet of ``motif`` in ``folder``: ``<name>.png`` as written under the motif's
    name, else the sheet of its largest original id (``ids``, e.g. ``C12.png``); '' if none."""
    if not folder or motif is None:
        return ""
    from .exportgroups import safe_folder_name

    for stem in (str(motif), safe_folder_name(motif), *[str(i) for i in ids]):
        path = os.path.join(str(folder), f"{stem}.png")
        if os.path.basename(path) == f"{stem}.png" and os.path.isfile(path):
            return path
    return ""


def replace_default_style(path, table: str, qml: str, sld: str = "", name: str = "Photo Motifs",
                          description: str = "") -> None:
    """Make ``qml`` the default style of ``table`` in the GeoPackage ``path`` (its ``layer_styles``
    table, as QGIS writes it): the default row is updated, or a row is added.

    Used while QGIS has the layer open: in QGIS 3.22 ``saveStyleToDatabase`` waits forever once
    the layer has loaded its default style from the same file. Raises ValueError with a sentence.
    """
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    try:
        con = sqlite3.connect(str(path), timeout=30)
        try:
            with con:
                con.execute(
                    "CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    "f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256), "
                    "f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, "
                    "useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)")
                geometry = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name=?",
                                       (table,)).fetchone() if _has_table(con, "gpkg_geometry_columns") else None
                rows = con.execute("SELECT id FROM layer_styles WHERE f_table_name=? AND useAsDefault",
                                   (table,)).fetchall()
                if rows:
                    con.execute("UPDATE layer_styles SET styleQML=?, styleSLD=?, update_time=? WHERE id=?",
                                (qml, sld, stamp, rows[0][0]))
                else:
                    con.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                                "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                                "owner, ui, update_time) VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', '', ?)",
                                (table, geometry[0] if geometry else "", name, qml, sld, description, stamp))
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise ValueError(f"The style could not be stored in {path} ({exc}).") from exc


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()[0])
