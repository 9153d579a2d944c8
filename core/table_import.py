"""Photos from a metadata table (e.g. a Flickr export) joined to the local image files.

The table gives each photo's position and attributes (owner, title, tags, url, date taken);
the files give the pixels and the header metadata. :func:`read_table` reads CSV and XLSX;
other tables QGIS can read are passed to :func:`join_table` as ``rows`` (a list of dicts).

Matching a row to files
-----------------------
The folder is indexed once (every non-hidden file, optionally recursive). Keys are compared
case-insensitively. For each row, the first rule that finds at least one file wins:

1. the file name column: its value as a path relative to the folder (``/`` or ``\\``), or an
   absolute path inside it, then as a bare file name anywhere in the folder;
2. the stem pattern (default ``{id}``, fields are ``id`` and any column name): a file whose
   name without extension equals it, e.g. ``53012345678.jpg``;
3. a file whose stem starts with the pattern followed by ``_``: Flickr's
   ``<id>_<secret>[_<size>].jpg``.

A row matching several files (several sizes of one Flickr photo, one name in several
subfolders) gives one output per file; a file matched by several rows appears once per row.

Accounting
----------
Every row and every file of the folder ends up in the output:

- a row with a file and valid coordinates is a record (``TABLE_FIELDS``: the photometa fields
  plus owner, title, tags, url and ``source_row``). Latitude and longitude come from the table
  (``location_status`` is then ``ok``); taken_at from EXIF, else from the table's date column
  (cut to month or year when Flickr's ``datetakengranularity`` says only that is known);
  orientation, width, height, make, model, format from the file headers; altitude and
  direction from EXIF GPS when the file's own position is valid.
- otherwise it is an invalid row (``TABLE_INVALID_FIELDS``, with ``source_row`` and the
  row's ``table_id``) with a reason code and sentence:

  ``no_file``          no file of the folder matches the row (or the row names none);
  ``bad_coordinates``  latitude/longitude empty, not a number, NaN/infinite, out of range,
                       or exactly 0/0 (a default, not a location — see core.photometa);
  ``unreadable`` / ``not_an_image``  the matched file cannot be read (core.photometa's codes).
- a file that no row matches is an invalid row ``not_in_table`` (``source_row`` null).

``source_row`` is the 1-based position of the row in ``rows``; for :func:`read_table` that is
the data row number (header not counted, fully empty lines skipped).

Owner pseudonymisation: with ``hash_owner_salt`` the owner becomes
``'u_' + sha256(salt + owner)[:16]`` (distinct owners stay distinct, the same owner keeps one
pseudonym for one salt) and the raw owner is never output.

The table's other columns
-------------------------
:func:`plan_columns` keeps every column the import does not turn into a field of its own (a
``category`` or ``motif`` typed in a spreadsheet, the table's photo id, its file name column…):
names as in the table, types inferred from the values (whole numbers → integer, unless one has a
leading zero such as ``007``; numbers → real; TRUE/FALSE cells → boolean; anything else, dates
included, text). A name that clashes with a field of the import (``filename``, ``photo_id``…,
compared without regard to case, as GeoPackage does) or with the GeoPackage's ``fid`` becomes
``table_<name>``; :class:`ColumnPlan` lists what was renamed so the run can say it. When owners
are hashed, columns that name a person (owner names, user names, real names, e-mail) are left
out: they would undo the pseudonymisation.
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import string
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Optional

from .feedback import CoreFeedback, Ticker, ensure_feedback
from .files import list_files
from .messages import msg
from .photometa import (
    FIELDS,
    INVALID_FIELDS,
    OK,
    InvalidPhoto,
    PhotoError,
    PhotoRecord,
    parse_exif_datetime,
    read_photo,
    relative_path,
)

TABLE_FIELDS = FIELDS + [
    ("owner", "str"),
    ("title", "str"),
    ("tags", "str"),
    ("url", "str"),
    ("source_row", "int"),
]

TABLE_INVALID_FIELDS = INVALID_FIELDS + [("source_row", "int"), ("table_id", "str")]

# role -> accepted column names, most specific first (compared lower-case, ' '/'-' as '_')
COLUMN_NAMES = {
    "id": ["id", "photo_id", "photoid", "flickr_id", "image_id", "imageid"],
    "filename": ["filename", "file_name", "file", "filepath", "file_path", "path", "local_path",
                 "photo", "image"],
    "latitude": ["latitude", "lat", "gps_latitude", "decimallatitude", "y"],
    "longitude": ["longitude", "lon", "lng", "long", "gps_longitude", "decimallongitude", "x"],
    "taken_at": ["datetaken", "date_taken", "taken_at", "taken", "datetimeoriginal", "datetime",
                 "date_time", "date"],
    "owner": ["owner", "ownername", "owner_name", "user", "username", "user_name", "user_id",
              "userid", "author", "photographer"],
    "title": ["title", "caption"],
    "tags": ["tags", "keywords"],
    "url": ["url", "url_o", "url_k", "url_h", "url_l", "url_c", "url_z", "url_m", "url_n",
            "url_s", "url_q", "url_t", "url_sq", "photo_url", "image_url", "link"],
}
ROLES = tuple(COLUMN_NAMES)
# Flickr's precision of the date taken (see flickr_precision)
GRANULARITY_COLUMN = "datetakengranularity"

_CSV_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 65536
MAX_COLUMNS = 1000
MAX_LINE_CHARS = 1_000_000
MAX_XLSX_BYTES = 256 << 20
MAX_XLSX_RATIO = 200


@dataclass
class TablePhotoRecord(PhotoRecord):
    """A photo of the table joined to its file: a row of ``TABLE_FIELDS``."""

    owner: Optional[str] = None
    title: Optional[str] = None
    tags: Optional[str] = None
    url: Optional[str] = None
    source_row: Optional[int] = None
    extra: dict = field(default_factory=dict)  # the table's other columns, by field name

    def as_row(self) -> dict:
        row = super().as_row()
        row.update(row.pop("extra", None) or {})
        return row


@dataclass
class TableInvalid(InvalidPhoto):
    """A row or a file left out, with its reason: a row of ``TABLE_INVALID_FIELDS``."""

    source_row: Optional[int] = None
    table_id: Optional[str] = None


def read_table(path, feedback: CoreFeedback | None = None):
    """``(columns, rows)`` of a CSV/TSV/TXT (delimiter sniffed) or XLSX file (first sheet).

    Bounded: at most :data:`MAX_COLUMNS` columns and :data:`MAX_LINE_CHARS` characters per CSV
    line (a 100 MB one-line file is refused at once instead of parsed into millions of fields),
    an XLSX whose members unpack to more than :data:`MAX_XLSX_BYTES` or at a zip-bomb ratio is
    refused before openpyxl opens it; ``feedback.check()`` is asked every 1,000 lines.
    """
    path = Path(path)
    fb = ensure_feedback(feedback)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, fb)
    if suffix in (".csv", ".tsv", ".txt", ""):
        return _read_csv(path, fb)
    raise ValueError(f"The table {path.name} is not a CSV or XLSX file; load it in QGIS and "
                     "use the layer instead.")


def _read_csv(path: Path, fb: CoreFeedback):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:  # spreadsheet programs on Windows save CSV as cp1252
        text = path.read_text(encoding="cp1252", errors="replace")
    fb.check()
    header = text[:MAX_LINE_CHARS + 1].split("\n", 1)[0]
    if len(header) > MAX_LINE_CHARS:
        raise ValueError(_long_line(path, 1))
    delimiter = _sniff_delimiter(text[:_SNIFF_CHARS], header)
    return _to_dicts(csv.reader(_checked_lines(text, path, fb), delimiter=delimiter), fb, path)


def _long_line(path: Path, number: int) -> str:
    return (f"Line {number} of {path.name} has more than {MAX_LINE_CHARS:,} characters: that is no table of "
            "photos (a file without line breaks, or the wrong file).")


def _checked_lines(text: str, path: Path, fb: CoreFeedback):
    """The lines of ``text`` for csv.reader, each at most MAX_LINE_CHARS long; a cancel is
    noticed every 1,000 lines."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ValueError(_long_line(path, number))
        if number % 1000 == 0:
            fb.check()
        yield line


def _sniff_delimiter(sample: str, header: str) -> str:
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in header:
        return delimiter
    counts = {d: header.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def check_xlsx_size(path: Path) -> None:
    """Refuse an XLSX whose parts unpack to more than MAX_XLSX_BYTES, or any large part packed
    more than MAX_XLSX_RATIO times (a zip bomb: 543 KB that take 2 GB of memory to open)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"{path.name} is not a readable XLSX file ({exc}).") from exc
    total = sum(m.file_size for m in members)
    bomb = [m for m in members if m.file_size > (8 << 20) and m.file_size > MAX_XLSX_RATIO * max(1, m.compress_size)]
    if total > MAX_XLSX_BYTES or bomb:
        raise ValueError(f"{path.name} would unpack to {total:,} bytes"
                         + (f" ({bomb[0].filename} is packed {bomb[0].file_size // max(1, bomb[0].compress_size):,} "
                            "times)" if bomb else "")
                         + f"; tables of photos are at most {MAX_XLSX_BYTES:,} bytes unpacked. Save it as CSV, or "
                         "check that it is the right file.")


def _read_xlsx(path: Path, fb: CoreFeedback):
    try:
        import openpyxl
    except ImportError as exc:
        from .deps import install_command

        raise RuntimeError("Reading .xlsx tables needs the Python package openpyxl. Install it "
                           f"with: {install_command(['openpyxl'])}") from exc
    check_xlsx_size(path)
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return _to_dicts(wb.worksheets[0].iter_rows(values_only=True), fb, path)
    finally:
        wb.close()


def _to_dicts(raw_rows, fb: CoreFeedback | None = None, path: Path | None = None):
    """Header = first non-empty row; unique non-blank column names; empty rows skipped."""
    fb = ensure_feedback(fb)
    columns, rows = None, []
    for number, raw in enumerate(raw_rows, start=1):
        if number % 1000 == 0:
            fb.check()
        if all(_text(v) == "" for v in raw):
            continue
        if columns is None:
            if len(raw) > MAX_COLUMNS:
                name = path.name if path else "the table"
                raise ValueError(f"The first row of {name} has {len(raw):,} columns; a table of photos has at "
                                 f"most {MAX_COLUMNS:,} (the wrong file, or the wrong delimiter?).")
            columns = _unique_names(raw)
            continue
        rows.append({c: (raw[i] if i < len(raw) else None) for i, c in enumerate(columns)})
    return columns or [], rows


def _unique_names(header) -> list:
    names, seen = [], set()
    for i, value in enumerate(header):
        base = _text(value) or f"column_{i + 1}"
        name, n = base, 2
        while name in seen:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
        seen.add(name)
    return names


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def detect_columns(columns, overrides: Optional[dict] = None) -> dict:
    """Map each role of ``ROLES`` to a column name (or None) by the names in ``COLUMN_NAMES``.

    ``overrides`` (role -> column) win and their columns are not detected for another role; an
    override naming a missing column raises ValueError.
    """
    columns = list(columns)
    found = {role: col for role, col in (overrides or {}).items() if col}
    for col in found.values():
        if col not in columns:
            raise ValueError(f"The column '{col}' is not in the table; its columns are: "
                             f"{', '.join(columns)}.")
    by_norm = {}
    for c in columns:
        if c not in found.values():
            by_norm.setdefault(_normalise(c), c)
    for role in ROLES:
        if role not in found:
            found[role] = next((by_norm[n] for n in COLUMN_NAMES[role] if n in by_norm), None)
    return {role: found[role] for role in ROLES}


def personal_salt() -> str:
    """The salt this computer's user hashes owner ids with when no salt is given.

    Made once (128 random bits) in ``data_home()/owner_salt``, readable by the user only, and
    reused by every import and harvest, so one owner gets the same hash in every layer of this
    user (distinct users and photo-user-days add up across harvests) while nobody who receives
    the layers can recompute the hashes from public owner ids.
    """
    import secrets

    from .deps import data_home

    path = data_home() / "owner_salt"
    try:
        salt = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        salt = ""
    except OSError as exc:
        raise ValueError(f"The owner-hash salt {path} cannot be read: {exc.strerror}.") from exc
    if len(salt) >= 16:
        return salt
    salt = secrets.token_hex(16)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(salt + "\n")
    except OSError as exc:
        raise ValueError(f"The owner-hash salt cannot be saved in {path}: {exc.strerror}.") from exc
    return salt


def pseudonymise(owner: str, salt: str) -> str:
    """``'u_'`` + the first 16 hex digits of sha256(salt + owner)."""
    return "u_" + hashlib.sha256((salt + owner).encode("utf-8")).hexdigest()[:16]


def join_table(rows, folder, id_field=None, filename_field=None, lat_field=None, lon_field=None,
               taken_field=None, owner_field=None, title_field=None, tags_field=None,
               url_field=None, pattern: str = "{id}", recursive: bool = True,
               hash_owner_salt: Optional[str] = None, feedback: CoreFeedback | None = None, columns=None,
               plan: Optional["ColumnPlan"] = None):
    """Join table rows to the files of folder; return ``(records, invalid)`` (see module doc).

    ``plan`` (:func:`plan_columns`): the other columns each record keeps in ``extra``.
    """
    feedback = ensure_feedback(feedback)
    root = Path(os.path.abspath(folder))
    if not root.is_dir():
        raise NotADirectoryError(f"The folder {folder} does not exist.")
    rows = list(rows)
    columns = list(dict.fromkeys(list(columns or []) + [c for row in rows for c in row]))
    if not rows:
        raise ValueError(f"The table has no rows of photos, only a header (columns: {', '.join(columns) or 'none'}).")
    cols = detect_columns(columns, {
        "id": id_field, "filename": filename_field, "latitude": lat_field,
        "longitude": lon_field, "taken_at": taken_field, "owner": owner_field,
        "title": title_field, "tags": tags_field, "url": url_field,
    })
    pattern_fields = _pattern_fields(pattern)
    _check_columns(cols, columns, pattern, pattern_fields)

    index = _FileIndex(root, list_files(root, recursive))
    matched = set()
    headers = {}  # path -> PhotoRecord or PhotoError, each file read once
    imported_by = {}  # (path, table id) -> number of the row that imported it
    records, invalid = [], []
    tick = Ticker(feedback, msg("tick_rows_joined"), len(rows))  # a log line at least every 3 s
    for number, row in enumerate(rows, start=1):
        tick(number - 1)
        table_id = _text(row.get(cols["id"])) if cols["id"] else ""
        files = index.match(_text(row.get(cols["filename"])) if cols["filename"] else "",
                            _stem_key(pattern, pattern_fields, row, table_id))
        if not files:
            invalid.append(TableInvalid(
                "", "", "", "no_file", _no_file_sentence(table_id, cols), number, table_id or None))
        matched.update(files)
        lat, lon, problem = _coordinates(row.get(cols["latitude"]), row.get(cols["longitude"]))
        for path in files:
            if problem:
                invalid.append(_row_invalid(path, root, "bad_coordinates", problem, number,
                                            table_id))
                continue
            if path not in headers:
                try:
                    headers[path] = read_photo(path, root)
                except PhotoError as err:
                    headers[path] = err
            header = headers[path]
            if isinstance(header, PhotoError):
                invalid.append(_row_invalid(path, root, header.code, header.sentence, number,
                                            table_id))
                continue
            key = (path, table_id)
            if table_id and key in imported_by:
                first = imported_by[key]
                invalid.append(_row_invalid(path, root, "duplicate_row", f"Row {number} repeats the id "
                                            f"{table_id} of row {first}; the photo was imported once, from "
                                            f"row {first}.", number, table_id))
                continue
            imported_by[key] = number
            record = _record(header, row, cols, lat, lon, number, hash_owner_salt)
            if plan is not None:
                record.extra = plan.values(row)
            records.append(record)
    feedback.progress(100.0)
    for path in index.files:
        if path not in matched:
            invalid.append(TableInvalid(str(path), relative_path(path, root), path.name,
                                        "not_in_table", "No row of the table refers to this file."))
    feedback.info(msg("table_summary", len(rows), len(index.files), len(records), len(invalid)))
    return records, invalid


@dataclass
class JoinPreview:
    """What an import of a table would find, counted without reading any photo file."""

    rows: int
    files: int  # files in the folder
    joined_rows: int  # rows that name at least one file of the folder
    located_rows: int  # joined rows with valid coordinates
    unmatched_files: int  # files no row names


def preview_join(rows, folder, pattern: str = "{id}", recursive: bool = True, columns=None) -> JoinPreview:
    """Count how the rows of a table join the files of ``folder`` (the first step of
    :func:`join_table`: file index and coordinates only, no file is opened). Raises ValueError
    with a sentence when the table lacks the columns an import needs."""
    root = Path(os.path.abspath(folder))
    if not root.is_dir():
        raise NotADirectoryError(f"The folder {folder} does not exist.")
    rows = list(rows)
    columns = list(dict.fromkeys(list(columns or []) + [c for row in rows for c in row]))
    if not rows:
        raise ValueError(f"The table has no rows of photos, only a header (columns: {', '.join(columns) or 'none'}).")
    cols = detect_columns(columns)
    fields = _pattern_fields(pattern)
    _check_columns(cols, columns, pattern, fields)
    index = _FileIndex(root, list_files(root, recursive))
    matched, joined, located = set(), 0, 0
    for row in rows:
        table_id = _text(row.get(cols["id"])) if cols["id"] else ""
        files = index.match(_text(row.get(cols["filename"])) if cols["filename"] else "",
                            _stem_key(pattern, fields, row, table_id))
        if files:
            joined += 1
            matched.update(files)
            if not _coordinates(row.get(cols["latitude"]), row.get(cols["longitude"]))[2]:
                located += 1
    return JoinPreview(len(rows), len(index.files), joined, located, len(index.files) - len(matched))


def _pattern_fields(pattern: str) -> set:
    """The field names of a file name pattern such as ``{id}_{secret}``."""
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None}
    except ValueError:
        fields = set()
    if not fields or "" in fields:
        raise ValueError(f"The file name pattern '{pattern}' is not valid: write column names "
                         "in braces, e.g. {id} or {id}_{secret}.")
    return fields


def _check_columns(cols: dict, columns: list, pattern: str, fields: set) -> None:
    if not cols["latitude"] or not cols["longitude"]:
        raise ValueError("The table needs a latitude and a longitude column (e.g. 'latitude', "
                         f"'longitude'); its columns are: {', '.join(columns)}.")
    unknown = sorted(f for f in fields if f != "id" and f not in columns)
    if unknown:
        raise ValueError(f"The file name pattern '{pattern}' uses {', '.join(unknown)}, which is "
                         "not a column of the table.")
    if "id" in fields and not cols["id"] and not cols["filename"]:
        raise ValueError("The table has neither an id nor a file name column to find the photos "
                         f"by; its columns are: {', '.join(columns)}.")


class _FileIndex:
    """Case-insensitive lookups of the folder's files by relative path, name, stem, stem prefix."""

    def __init__(self, root: Path, files: list):
        self.root = root
        self.files = files
        self.by_relpath, self.by_name, self.by_stem, self.by_prefix = {}, {}, {}, {}
        for path in files:
            self.by_relpath[relative_path(path, root).casefold()] = [path]
            self.by_name.setdefault(path.name.casefold(), []).append(path)
            stem = path.stem.casefold()
            self.by_stem.setdefault(stem, []).append(path)
            parts = stem.split("_")
            for i in range(1, len(parts)):
                self.by_prefix.setdefault("_".join(parts[:i]), []).append(path)

    def match(self, filename: str, stem_key: str) -> list:
        if filename:
            name = filename.replace("\\", "/")
            if os.path.isabs(name):
                name = relative_path(Path(os.path.abspath(name)), self.root)
            hits = (self.by_relpath.get(name.strip("/").casefold())
                    or self.by_name.get(name.rsplit("/", 1)[-1].casefold()))
            if hits:
                return hits
        if stem_key:
            return self.by_stem.get(stem_key) or self.by_prefix.get(stem_key) or []
        return []


def _stem_key(pattern: str, fields: set, row: dict, table_id: str) -> str:
    values = {k: _text(v) for k, v in row.items()}
    if ("id" in fields and not table_id) or any(f != "id" and not values.get(f) for f in fields):
        return ""
    return pattern.format_map({**values, "id": table_id}).strip().casefold()


def _no_file_sentence(table_id: str, cols: dict) -> str:
    if not table_id and not cols["filename"]:
        return "The row has no id, so no file can be found for it."
    return "No file of the folder matches this row" + (f" (id {table_id})." if table_id else ".")


def _row_invalid(path: Path, root: Path, code: str, sentence: str, number: int,
                 table_id: str) -> TableInvalid:
    return TableInvalid(str(path), relative_path(path, root), path.name, code, sentence, number,
                        table_id or None)


def _coordinates(lat_value, lon_value):
    """(lat, lon, None) or (None, None, sentence why the row's coordinates are not usable)."""
    if _text(lat_value) == "" or _text(lon_value) == "":
        return None, None, "The row has no latitude or longitude."
    lat, lon = _coordinate(lat_value), _coordinate(lon_value)
    if lat is None or lon is None:
        return None, None, (f"The row's latitude/longitude ({_text(lat_value)}, "
                            f"{_text(lon_value)}) is not a valid number.")
    if abs(lat) > 90 or abs(lon) > 180:
        return None, None, (f"The row's position ({lat}, {lon}) is outside the valid range "
                            "(latitude ±90°, longitude ±180°).")
    if lat == 0 and lon == 0:
        return None, None, ("The row's position is exactly 0°, 0° — a default written when no "
                            "position is known, not a real location.")
    return lat, lon, None


def _coordinate(value) -> Optional[float]:
    """Finite float from a number or text (a decimal comma is accepted), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    else:
        text = _text(value)
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            result = float(text)
        except ValueError:
            return None
    return result if math.isfinite(result) else None


def _record(header: PhotoRecord, row: dict, cols: dict, lat: float, lon: float, number: int,
            salt: Optional[str]) -> TablePhotoRecord:
    values = header.as_row()
    values.update(latitude=lat, longitude=lon, location_status=OK)
    if values["taken_at"] is None and cols["taken_at"]:
        values["taken_at"] = flickr_precision(_table_datetime(row.get(cols["taken_at"])), _granularity(row))
    owner = _text(row.get(cols["owner"])) if cols["owner"] else ""
    if owner and salt is not None:
        owner = pseudonymise(owner, salt)
    return TablePhotoRecord(
        **values,
        owner=owner or None,
        title=(_text(row.get(cols["title"])) or None) if cols["title"] else None,
        tags=(_text(row.get(cols["tags"])) or None) if cols["tags"] else None,
        url=(_text(row.get(cols["url"])) or None) if cols["url"] else None,
        source_row=number,
    )


def _granularity(row: dict):
    """Flickr's ``datetakengranularity`` of the row (None when the table has no such column)."""
    for key, value in row.items():
        if str(key).strip().lower() == GRANULARITY_COLUMN:
            return value
    return None


def flickr_precision(taken: Optional[str], granularity) -> Optional[str]:
    """A date taken cut to the precision Flickr vouches for, as ISO 8601 reduced precision.

    Flickr's ``datetakengranularity``: 0 exact (kept as is), 4 month known (``2015-06``), 6 year
    known and 8 "circa" a year (``2015``). Flickr writes such dates as the first of the month or
    of the year at midnight: kept whole, they would pile up on 1 January at 00:00.
    """
    text = _text(granularity)
    if taken is None or text in ("", "0"):
        return taken
    if text == "4":
        return taken[:7]
    if text in ("6", "8"):
        return taken[:4]
    return taken


def _table_datetime(value) -> Optional[str]:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return None  # a date without a time is not a timestamp
    return parse_exif_datetime(_text(value))


def _text(value) -> str:
    """A cell as text: '' for None, integral floats without '.0' (spreadsheet ids)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value).strip()


# --- the table's other columns ------------------------------------------------------------------

# roles whose column becomes a field of the import (latitude, longitude, taken_at, owner, …);
# the id and file name columns only find the files, so they are kept like any other column
STORED_ROLES = ("latitude", "longitude", "taken_at", "owner", "title", "tags", "url")
# columns that name a person: left out when owners are hashed (compared as in detect_columns)
PERSONAL_COLUMNS = set(COLUMN_NAMES["owner"]) | {
    "realname", "real_name", "owner_realname", "path_alias", "pathalias", "nsid", "owner_nsid", "owner_id",
    "ownerid", "email", "e_mail", "user_email", "author_name", "photographer_name", "screen_name"}
RESERVED_FIELDS = ("fid", "geom", "geometry")
TABLE_PREFIX = "table_"


@dataclass
class KeptColumn:
    column: str  # name in the table
    field: str  # name in the layer
    kind: str  # "str", "int", "float" or "bool"


@dataclass
class ColumnPlan:
    """Which of the table's other columns the layer keeps, under which names and types."""

    kept: list = field(default_factory=list)  # KeptColumn
    personal: list = field(default_factory=list)  # columns left out (personal data)

    @property
    def schema(self) -> list:
        return [(k.field, k.kind) for k in self.kept]

    @property
    def renamed(self) -> dict:
        return {k.column: k.field for k in self.kept if k.column != k.field}

    def values(self, row: dict) -> dict:
        return {k.field: convert_cell(row.get(k.column), k.kind) for k in self.kept}


def plan_columns(columns, rows, cols: dict, hashing: bool, fields=None) -> ColumnPlan:
    """The :class:`ColumnPlan` of a table: every column not stored by a role of ``cols``
    (:func:`detect_columns`), named and typed as described in the module doc. ``fields``: the
    layer's own fields as (name, type) (default ``TABLE_FIELDS``)."""
    stored = {cols.get(role) for role in STORED_ROLES if cols.get(role)}
    taken = {name.lower() for name, _kind in (fields or TABLE_FIELDS)} | set(RESERVED_FIELDS)
    plan = ColumnPlan()
    for column in columns:
        if column in stored:
            continue
        if hashing and _normalise(column) in PERSONAL_COLUMNS:
            plan.personal.append(column)
            continue
        name = column if column.lower() not in taken else TABLE_PREFIX + column
        base, n = name, 2
        while name.lower() in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name.lower())
        plan.kept.append(KeptColumn(column, name, infer_kind(row.get(column) for row in rows)))
    return plan


def infer_kind(values) -> str:
    """'int', 'float', 'bool' or 'str' for a column's values (empty cells do not count)."""
    kinds = set()
    for value in values:
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        kinds.add(_cell_kind(value))
        if "str" in kinds:
            return "str"
    if not kinds:
        return "str"
    if kinds == {"bool"}:
        return "bool"
    if kinds == {"int"}:
        return "int"
    if kinds <= {"int", "float"}:
        return "float"
    return "str"


def _cell_kind(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if abs(value) < 2 ** 63 else "str"
    if isinstance(value, float):
        return "float" if math.isfinite(value) else "str"
    if not isinstance(value, str):
        return "str"  # dates and times: ISO text
    text = value.strip()
    digits = text.lstrip("+-")
    if digits.isascii() and digits.isdigit():
        if len(digits) > 1 and digits.startswith("0"):
            return "str"  # an id such as 007 keeps its zeros
        return "int" if abs(int(text)) < 2 ** 63 else "str"
    if "_" in text or not text.isascii():
        return "str"  # float() reads '12_3' as 123 and '١٢' as 12: codes a spreadsheet keeps as text
    try:
        number = float(text)
    except ValueError:
        return "str"
    return "float" if math.isfinite(number) and any(ch.isdigit() for ch in text) else "str"


def convert_cell(value, kind: str):
    """A cell in its column's type (None for an empty cell)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value.strip() if isinstance(value, str) else value)
    if kind == "float":
        return float(value.strip() if isinstance(value, str) else value)
    return _text(value)
