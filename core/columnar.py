"""Column-wise reading of photo layers: a GeoPackage table through sqlite3, GeoParquet through pyarrow.

A million photo points read feature by feature cost seconds of per-feature overhead; here every
column comes out as one array and the point geometries are decoded in one vectorised step. No
GDAL binding is involved: pyogrio (which bundles its own GDAL) must never be loaded inside QGIS,
and QGIS 3.22 offers no Arrow interface, so this reader is what the Processing algorithms and the
Python API share (``processing/alg_summarize.py``, ``api``).

GeoPackage geometry blobs (OGC 12-128r18, 2.1.3): ``'GP'``, version, flags (bit 0 byte order of
the header, bits 1-3 the envelope kind: 0 none, 1 xy 32 bytes, 2 xyz or 3 xym 48, 4 xyzm 64;
bit 4 empty), the int32 SRS id, the envelope, then standard WKB. A point's WKB is the byte order,
the uint32 type (1 Point, 1001 PointZ, 2001 PointM, 3001 PointZM, or the EWKB flags) and the
coordinates. A NULL or empty geometry is a point without location (NaN, NaN), as GeoPackage
stores a missing point as an empty one.

:func:`read_points` returns a :class:`PointTable` (x, y, the chosen columns, the CRS); any
geometry other than points raises ``ValueError`` so callers can fall back to a feature reader.
:func:`read_geometries` decodes any geometry into shapely objects (areas layers).
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np

ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
POINT_TYPES = {1, 1001, 2001, 3001, 0x80000001, 0x40000001, 0xC0000001}


@dataclass
class PointTable:
    """Columns of a point layer: ``x``/``y`` (NaN = no location), ``columns`` {name: numpy array}."""

    x: np.ndarray
    y: np.ndarray
    columns: dict = field(default_factory=dict)
    crs: str | None = None  # "EPSG:4326", or the CRS's WKT when it is not an EPSG code
    layer: str = ""


def _quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def gpkg_layer(con: sqlite3.Connection, layer: str | None = None) -> tuple:
    """(table, geometry column, srs_id) of a feature table: the one named, else the only/first one."""
    rows = con.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g "
        "ON c.table_name = g.table_name WHERE c.data_type = 'features' ORDER BY c.table_name").fetchall()
    if not rows:
        raise ValueError("The GeoPackage holds no feature table.")
    if layer is None:
        return rows[0]
    for row in rows:
        if row[0].lower() == str(layer).lower():
            return row
    raise ValueError(f"The GeoPackage has no layer '{layer}' (it has {', '.join(r[0] for r in rows)}).")


def gpkg_crs(con: sqlite3.Connection, srs_id: int) -> str | None:
    row = con.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                      "WHERE srs_id = ?", (srs_id,)).fetchone()
    if row is None or srs_id in (0, -1):
        return None
    org, code, definition = row
    if str(org).upper() == "EPSG" and code is not None and int(code) > 0:
        return f"EPSG:{int(code)}"
    return definition if definition and definition != "undefined" else None


def gpkg_columns(path, layer: str | None = None) -> list:
    """Attribute column names of a GeoPackage layer (geometry and fid excluded)."""
    with closing(_connect(path)) as con:
        table, geom, _ = gpkg_layer(con, layer)
        info = con.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    return [r[1] for r in info if r[1] != geom and not (r[5] and r[2].upper() == "INTEGER")]


def _connect(path) -> sqlite3.Connection:
    if not os.path.isfile(path):
        raise ValueError(f"The file {path} does not exist.")
    uri = "file:" + os.path.abspath(path).replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise ValueError(f"{path} cannot be read as a GeoPackage ({exc}).") from exc
    try:
        con.execute("SELECT 1 FROM gpkg_contents LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        con.close()
        raise ValueError(f"{path} is not a GeoPackage ({exc}).") from exc
    return con


def decode_gpkg_points(blobs) -> tuple:
    """(x, y) float64 arrays from GeoPackage point blobs; None/empty -> NaN. Raises ValueError
    for a geometry that is not a point. Vectorised: one buffer, byte offsets, no per-row Python."""
    n = len(blobs)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    blobs = [b"" if b is None else bytes(b) for b in blobs] if any(b is None for b in blobs) else blobs
    lens = np.fromiter(map(len, blobs), dtype=np.int64, count=n)
    buf = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    starts = np.cumsum(lens) - lens
    rows = np.flatnonzero(lens >= 8)
    flags = buf[starts[rows] + 3]
    rows = rows[(flags & 0x10) == 0]  # empty geometries have no location
    flags = buf[starts[rows] + 3]
    envelope = np.array([ENVELOPE_BYTES.get(k, -1) for k in range(8)])[(flags >> 1) & 7]
    at = starts[rows] + 8 + envelope  # where the WKB begins
    if (envelope < 0).any() or (lens[rows] - 8 - envelope < 21).any():
        raise ValueError("The layer holds geometries that are not points.")
    if len(rows) == n and n and (lens == lens[0]).all() and (flags == flags[0]).all():
        wkb = buf.reshape(n, lens[0])[:, 8 + envelope[0]:8 + envelope[0] + 21]  # one layout: a strided view
    else:
        wkb = buf[at[:, None] + np.arange(21)]
    little = wkb[:, 0] == 1
    kind = _numbers(wkb[:, 1:5], little, np.uint32)[:, 0]
    if not np.isin(kind, list(POINT_TYPES)).all():
        raise ValueError("The layer holds geometries that are not points.")
    xy = _numbers(wkb[:, 5:21], little, np.float64)
    x[rows], y[rows] = xy[:, 0], xy[:, 1]
    return x, y


def _numbers(raw: np.ndarray, little: np.ndarray, dtype) -> np.ndarray:
    """Rows of bytes as numbers of ``dtype``, each row little- or big-endian as ``little`` says."""
    size = np.dtype(dtype).itemsize
    out = np.ascontiguousarray(raw)
    if not little.all():  # big-endian rows: reverse the bytes of each number
        big = out[~little].reshape(-1, out.shape[1] // size, size)[:, :, ::-1]
        out[~little] = big.reshape(-1, out.shape[1])
    return out.view(np.dtype(dtype).newbyteorder("<"))


def strip_gpkg_header(blob):
    """The standard WKB inside a GeoPackage blob (None for NULL or empty geometries)."""
    if blob is None:
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    return bytes(blob[8 + ENVELOPE_BYTES.get((flags >> 1) & 7, 0):])


def read_points(path, columns=(), layer: str | None = None) -> PointTable:
    """The point coordinates and ``columns`` of a GeoPackage layer or a GeoParquet file."""
    if str(path).lower().endswith((".parquet", ".geoparquet")):
        return read_parquet_points(path, columns)
    with closing(_connect(path)) as con:
        table, geom, srs_id = gpkg_layer(con, layer)
        values = [_column(con, table, c) for c in [geom, *columns]]  # column by column: no row tuples kept
        crs = gpkg_crs(con, srs_id)
        types = {r[1]: str(r[2]).upper() for r in con.execute(f"PRAGMA table_info({_quote(table)})")}
    x, y = decode_gpkg_points(values[0])
    cols = {c: _typed(v, types.get(c, "")) for c, v in zip(columns, values[1:])}
    return PointTable(x, y, cols, crs, table)


def _column(con: sqlite3.Connection, table: str, column: str) -> list:
    try:
        return [v for (v,) in con.execute(f"SELECT {_quote(column)} FROM {_quote(table)} ORDER BY rowid")]
    except sqlite3.OperationalError as exc:
        raise ValueError(f"The layer {table} cannot be read ({exc}).") from exc


def _typed(values, declared: str) -> np.ndarray:
    """A column as an object array; GeoPackage BOOLEAN (stored as 0/1) as Python booleans."""
    if declared == "BOOLEAN":
        values = [None if v is None else bool(v) for v in values]
    return np.array(values, dtype=object)


def read_geometries(path, layer: str | None = None) -> tuple:
    """(shapely geometries, {column: numpy array}, crs) of any GeoPackage layer, in table order.

    The feature id column is left out; NULL and empty geometries are None."""
    import shapely

    with closing(_connect(path)) as con:
        table, geom, srs_id = gpkg_layer(con, layer)
        info = con.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
        names = [r[1] for r in info if r[1] != geom and not (r[5] and r[2].upper() == "INTEGER")]  # not the fid
        rows = con.execute(f"SELECT {', '.join(_quote(c) for c in [geom, *names])} FROM {_quote(table)}").fetchall()
        crs = gpkg_crs(con, srs_id)
        types = {r[1]: str(r[2]).upper() for r in info}
    values = list(zip(*rows)) if rows else [()] * (len(names) + 1)
    geoms = shapely.from_wkb([strip_gpkg_header(b) for b in values[0]])
    return geoms, {c: _typed(v, types.get(c, "")) for c, v in zip(names, values[1:])}, crs


GPKG_KINDS = {"BOOLEAN": "bool", "TINYINT": "int", "SMALLINT": "int", "MEDIUMINT": "int", "INT": "int",
              "INTEGER": "int", "FLOAT": "float", "DOUBLE": "float", "REAL": "float"}


def column_kinds(path, layer: str | None = None) -> dict:
    """{column: 'int' | 'float' | 'bool' | 'str'} of a GeoPackage layer, by the declared types of
    GeoPackage's table definitions (OGC 12-128r18, 1.1.1.1.3; DATE, DATETIME, TEXT and BLOB are 'str')."""
    with closing(_connect(path)) as con:
        table, geom, _srs = gpkg_layer(con, layer)
        info = con.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    return {r[1]: GPKG_KINDS.get(str(r[2]).upper().split("(")[0].strip(), "str") for r in info if r[1] != geom}


def read_parquet_points(path, columns=()) -> PointTable:
    """Points of a GeoParquet file (WKB geometry column named in its 'geo' metadata)."""
    import json

    import pyarrow.parquet as pq
    import shapely

    meta = pq.read_schema(path).metadata or {}
    geo = json.loads(meta.get(b"geo", b"{}") or b"{}")
    geom = geo.get("primary_column", "geometry")
    table = pq.read_table(path, columns=[geom, *columns])
    points = shapely.from_wkb(table.column(geom).to_numpy(zero_copy_only=False))
    kinds = shapely.get_type_id(points)
    if ((kinds != shapely.GeometryType.POINT) & (kinds != shapely.GeometryType.MISSING)).any():
        raise ValueError("The layer holds geometries that are not points.")
    points = np.where(shapely.is_empty(points), None, points)  # an empty point has no location
    x, y = shapely.get_x(points), shapely.get_y(points)  # NaN for missing points
    crs_meta = geo.get("columns", {}).get(geom, {}).get("crs", "EPSG:4326")
    crs = _crs_text(crs_meta)
    cols = {c: np.array(table.column(c).to_pylist(), dtype=object) for c in columns}
    return PointTable(np.asarray(x, float), np.asarray(y, float), cols, crs, os.path.basename(str(path)))


def _crs_text(value) -> str | None:
    """GeoParquet's CRS (PROJJSON, absent = OGC:CRS84, or null = unknown) as 'EPSG:n' or WKT/JSON text."""
    import json

    if value is None:
        return None
    if isinstance(value, str):
        return value
    ident = value.get("id") or {}
    if str(ident.get("authority", "")).upper() == "EPSG" and ident.get("code"):
        return f"EPSG:{int(ident['code'])}"
    if str(ident.get("authority", "")).upper() == "OGC" and str(ident.get("code")) == "CRS84":
        return "EPSG:4326"
    return json.dumps(value)
