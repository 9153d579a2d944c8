"""GeoDataFrames of the API: built from core's records and columns, read from and written to files.

Reading: a GeoPackage through ``core.columnar`` (sqlite3; no GDAL binding), GeoParquet through
pyarrow, anything else through geopandas (pyogrio). Writing: GeoParquet with pyarrow; GeoPackage
and other formats through geopandas and pyogrio, which bundles its own GDAL. pyogrio must never
be loaded into a QGIS process (its GDAL would meet QGIS's), so inside QGIS the API writes
GeoParquet only and names the Processing algorithms for GeoPackages; :func:`inside_qgis` is the test.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

WGS84 = "EPSG:4326"
PARQUET = (".parquet", ".geoparquet")


def inside_qgis() -> bool:
    """True in a QGIS process (desktop, qgis_process, a script importing qgis.core)."""
    return "qgis.core" in sys.modules or "qgis._core" in sys.modules


def frame_from_columns(columns: dict, schema, geometry=None, crs=None, index=None):
    """A GeoDataFrame of ``columns`` typed by ``schema`` (pandas' nullable Int64 and boolean for NULLs)."""
    import geopandas as gpd
    import pandas as pd

    data = {}
    for name, kind in schema:
        values = columns[name]
        if kind == "int":
            data[name] = pd.array([None if v is None or v != v else int(v) for v in values], dtype="Int64")
        elif kind == "float":
            data[name] = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
        elif kind == "bool":
            data[name] = pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
        else:
            data[name] = np.array([None if isinstance(v, float) and v != v else v for v in values], dtype=object)
    return gpd.GeoDataFrame(data, geometry=geometry, crs=crs, index=index)


def to_crs(x, y, source, target):
    """Coordinates in ``target`` (pyproj, PROJ's default operation, as QGIS without a project choice)."""
    from pyproj import CRS, Transformer

    if not source or not target or CRS(source) == CRS(target):
        return x, y
    located = np.isfinite(x) & np.isfinite(y)
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    if located.any():
        x[located], y[located] = Transformer.from_crs(source, target, always_xy=True).transform(x[located], y[located])
    return x, y


def point_xy(geoms) -> tuple:
    """(x, y) float arrays of point geometries; NaN for missing and empty points (no location)."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    missing[~missing] = shapely.is_empty(geoms[~missing])
    x, y = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
    x[~missing], y[~missing] = shapely.get_x(geoms[~missing]), shapely.get_y(geoms[~missing])
    return x, y


def with_columns(gdf, extra, schema):
    """``gdf`` with a step's columns at the end (a column of the same name is replaced), as the sinks do."""
    out = gdf.drop(columns=[c for c, _ in schema if c in gdf.columns]).copy()
    for name, _ in schema:
        out[name] = extra[name]
    return out


def photo_frame(records, schema):
    """The photo layer of an import: one row per record, PointZ in EPSG:4326 (unlocated: empty point).

    As the Processing import writes it: longitude, latitude and the altitude (0 when unknown).
    """
    import shapely

    records = list(records)
    columns = {name: [getattr(r, name, None) for r in records] for name, _ in schema}  # no per-row dicts
    lon = np.array([np.nan if v is None else v for v in columns.get("longitude", [])], dtype=float)
    lat = np.array([np.nan if v is None else v for v in columns.get("latitude", [])], dtype=float)
    alt = np.array([0.0 if v is None else v for v in columns.get("altitude", [])], dtype=float)
    located = np.isfinite(lon) & np.isfinite(lat)
    points = np.full(len(records), shapely.from_wkt("POINT Z EMPTY"), dtype=object)
    points[located] = shapely.points(lon[located], lat[located], alt[located])
    return frame_from_columns(columns, schema, geometry=points, crs=WGS84)


def table_frame(rows, schema):
    """A plain table (no geometry) of ``core`` rows, e.g. the photos left out of an import."""
    import pandas as pd

    columns = {name: [getattr(row, name, None) for row in rows] for name, _ in schema}
    return pd.DataFrame(frame_from_columns(columns, schema).drop(columns="geometry", errors="ignore"))


def columnar_readable(path) -> bool:
    """True for files ``core.columnar`` reads column by column (GeoPackage, GeoParquet)."""
    return str(path).lower().endswith((".gpkg", *PARQUET))


def read(path, layer: str | None = None):
    """A GeoDataFrame from a GeoPackage, a GeoParquet file or any file geopandas reads."""
    import geopandas as gpd

    path = os.fspath(path)
    if not os.path.exists(path):
        raise ValueError(f"The file {path} does not exist.")
    if path.lower().endswith(PARQUET):
        frame = gpd.read_parquet(path)
    elif path.lower().endswith(".gpkg"):
        from ..core.columnar import column_kinds, read_geometries

        geoms, columns, crs = read_geometries(path, layer=layer)
        columns = {k: v for k, v in columns.items() if k != "fid"}
        kinds = column_kinds(path, layer=layer)  # typed as declared: an integer column is written back as one
        frame = frame_from_columns(columns, [(k, kinds.get(k, "str")) for k in columns], geometry=geoms, crs=crs)
    elif inside_qgis():
        raise ValueError(f"Inside QGIS the API reads GeoPackage and GeoParquet files only ({path}).")
    else:
        frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    frame.attrs["photo_motifs_source"] = os.path.abspath(path)  # relative photo paths resolve against its folder
    return frame


def write(frame, path, layer: str | None = None) -> str:
    """Write a (Geo)DataFrame as GeoParquet (``.parquet``) or through GDAL (``.gpkg``, ...); returns the path.

    The file appears complete or not at all (``core.safe_write.replace_complete``): it is written
    under a temporary name in the same folder (keeping the extension: GDAL chooses and checks the
    format by it), flushed, read back (every row there), then renamed over ``path``.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ValueError(f"The folder {path.parent} does not exist.")
    parquet = path.suffix.lower() in PARQUET
    plain = not hasattr(frame, "geometry")
    if not parquet and path.suffix.lower() not in (".csv",) * plain + tuple(DRIVERS) * (not plain):
        kinds = ".csv or .parquet" if plain else ".gpkg, .parquet, .geojson or .fgb"
        raise ValueError(f"Cannot write {path.name}: choose a file name ending in {kinds}.")
    if not parquet and inside_qgis():
        raise ValueError(
            "Inside QGIS the API writes GeoParquet (.parquet) only: GeoPackages are written through pyogrio, "
            "whose own GDAL must not be loaded next to QGIS's. Use the Processing algorithms for GeoPackages.")
    from ..core.safe_write import csv_rows_problem, replace_complete

    temps = []

    def fill(tmp):
        temps.append(tmp)
        if parquet:
            frame.to_parquet(tmp)
        elif not plain:
            frame.to_file(tmp, layer=layer or path.stem, driver=_driver(path), engine="pyogrio")
        else:
            frame.to_csv(tmp, index=False)

    def verify(tmp):
        if plain and not parquet:
            return csv_rows_problem(len(frame))(tmp)
        found = _rows_written(tmp, parquet, layer or path.stem)
        return None if found == len(frame) else f"{found} of {len(frame)} rows read back"

    try:
        replace_complete(path, fill, verify=verify)
    finally:
        for tmp in temps:  # SQLite's side files of a GeoPackage that failed half-way
            for leftover in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
                if leftover.exists():
                    leftover.unlink()
    return str(path)


def _rows_written(path, parquet: bool, layer: str) -> int:
    """The rows a written file holds: GeoParquet's metadata, or the features GDAL reads back."""
    if parquet:
        import pyarrow.parquet as pq

        return pq.read_metadata(path).num_rows
    import geopandas as gpd

    kwargs = {"layer": layer} if Path(path).suffix.lower() == ".gpkg" else {}
    return len(gpd.read_file(path, engine="pyogrio", columns=[], ignore_geometry=True, fid_as_index=True, **kwargs))


DRIVERS = {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON", ".fgb": "FlatGeobuf"}


def _driver(path: Path) -> str:
    return DRIVERS[path.suffix.lower()]
