"""Motif summaries by area: ``photomotifs:summarize`` on a GeoDataFrame or a GeoPackage/GeoParquet file
(``core.summarize``; files are read column by column with ``core.columnar``; with a Dask client the
photos are read, reprojected and assigned to areas on dask-geopandas partitions: ``api/areas_dask.py``)."""
from __future__ import annotations

import math
import os

import numpy as np

from .layers import point_xy, to_crs
from .progress import feedback_for


def _input(photos):
    """(column names, CRS text, a loader(columns) -> (x, y, {name: values}), extent lon/lat sample)."""
    from ..core.columnar import gpkg_columns, read_points

    if isinstance(photos, (str, os.PathLike)):
        path = os.fspath(photos)
        if not os.path.isfile(path):
            raise ValueError(f"The file {path} does not exist.")
        if path.lower().endswith((".parquet", ".geoparquet")):
            import pyarrow.parquet as pq

            names = [n for n in pq.read_schema(path).names if n != "geometry"]
        else:
            names = gpkg_columns(path)
        first = read_points(path, [])
        return names, first.crs, lambda cols: _table(read_points(path, cols), cols), (first.x, first.y)
    frame = photos
    x, y = point_xy(frame.geometry.values)
    crs = frame.crs.to_string() if frame.crs is not None else None
    names = [c for c in frame.columns if c != frame.geometry.name]
    return names, crs, lambda cols: (x, y, {c: _plain(frame[c].tolist()) for c in cols}), (x, y)


def _table(table, cols):
    return table.x, table.y, {c: table.columns[c].tolist() for c in cols}


def _plain(values) -> list:
    """None for missing values (None, NaN, pandas' NA), as the algorithm reads NULL."""
    import pandas as pd

    return [None if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in values]


def _fields(names, motif_field, user_field, date_field, confidence_field, fb) -> tuple:
    from ..core.layer_columns import DATE_CANDIDATES, MOTIF_CANDIDATES, USER_CANDIDATES, detect_field
    from ..core.messages import msg

    chosen = []
    for value, candidates, what in ((motif_field, MOTIF_CANDIDATES, msg("field_motif")),
                                    (user_field, USER_CANDIDATES, msg("field_user")),
                                    (date_field, DATE_CANDIDATES, msg("field_date")),
                                    (confidence_field, (), msg("field_confidence"))):
        if value:
            if value not in names:
                raise ValueError(f"The photo layer has no field '{value}'.")
            fb.info(msg("field_chosen", what, value))
        else:
            value = detect_field(names, candidates)
            if value:
                fb.info(msg("field_detected", what, value))
        chosen.append(value)
    if not chosen[0]:
        raise ValueError("The photo layer has no motif field (cluster or class): run 'Discover photo motifs' or "
                         "'Classify photos with a model' first, or choose the field.")
    if not chosen[1]:
        fb.info(msg("summary_no_user_field"))
    if not chosen[2]:
        fb.info(msg("summary_no_date_field"))
    return tuple(chosen)


def utm_of(x, y, crs) -> str:
    """The local UTM zone (as the algorithm picks it) of the located photos: the zone of the centre of
    their extent, or of their circular mean direction when they lie on both sides of the antimeridian."""
    from pyproj import Transformer

    from ..core.summarize import utm_epsg

    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        raise ValueError("The photo layer has no located photos to summarise.")
    to_wgs84 = Transformer.from_crs(crs or "EPSG:4326", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform((x[ok].min() + x[ok].max()) / 2, (y[ok].min() + y[ok].max()) / 2)
    lons, lats = to_wgs84.transform(x[ok], y[ok])
    if np.nanmax(lons) - np.nanmin(lons) > 180.0:
        rad = np.radians(lons)
        lon, lat = math.degrees(math.atan2(np.sin(rad).sum(), np.cos(rad).sum())), float(np.mean(lats))
    return f"EPSG:{utm_epsg(lon, lat)}"


def _target(areas, grid_crs, x, y, crs, params, fb) -> str:
    """The areas' and output CRS; converts the cell size to the grid CRS's units."""
    from pyproj import CRS

    from ..core.messages import msg

    if areas is not None:
        target = areas.crs.to_string() if areas.crs is not None else crs
    elif grid_crs:
        target = CRS(grid_crs).to_string()
        if CRS(grid_crs).is_geographic:
            raise ValueError(f"The grid CRS {grid_crs} is in degrees: choose a projected CRS in metres.")
    else:
        target = utm_of(x, y, crs)
    fb.info(msg("summary_crs", target, CRS(target).name if target else "-"))
    if areas is None:
        factor = CRS(target).axis_info[0].unit_conversion_factor  # metres per unit of the grid CRS
        if factor > 0 and abs(factor - 1.0) > 1e-9:
            params.cell_size /= factor
            fb.info(msg("summary_grid_units", CRS(target).axis_info[0].unit_name, f"{params.cell_size:.6g}"))
    return target


def summarize(photos, areas=None, *, motif_field=None, user_field=None, date_field=None, confidence_field=None,
              grid_shape: str = "hexagon", cell_size: float = 500.0, grid_crs=None, measure: str = "pud",
              min_users: int = 5, client=None, details: bool = False, progress=False):
    """A GeoDataFrame with one polygon per area and the fields of ``photomotifs:summarize`` (photos,
    users, pud, n_/s_ per motif, dominant, diversity, privacy), with the algorithm's defaults.

    ``photos``: a GeoDataFrame or a GeoPackage/GeoParquet file (read column by column);
    ``areas``: a polygon GeoDataFrame (or file), else a grid of ``grid_shape`` cells of ``cell_size``
    metres in ``grid_crs`` (default: the photos' local UTM zone); ``client``: a
    ``dask.distributed.Client`` to read, reproject and assign the photos on dask-geopandas partitions.
    ``details=True`` also returns the ``core.summarize.SummaryResult``.
    """
    from ..core.messages import msg
    from ..core.summarize import SummaryParams
    from ..core.summarize import summarize as core_summarize

    if isinstance(areas, (str, os.PathLike)):
        from .layers import read

        areas = read(areas)
    params = SummaryParams(measure=measure, min_users=int(min_users), grid_shape=grid_shape,
                           cell_size=float(cell_size)).validate()
    fb, close = feedback_for(progress, "Summarising by area")
    try:
        names, crs, load, (x0, y0) = _input(photos)
        fields = _fields(names, motif_field, user_field, date_field, confidence_field, fb)
        target = _target(areas, grid_crs, x0, y0, crs, params, fb)
        polygons = None if areas is None else _multi(areas.geometry.values)
        motif_f, user_f, date_f, conf_f = fields
        if client is not None and polygons is not None and _overlap(polygons):
            fb.info(msg("summary_dask_overlap"))
            client = None
        if client is not None:
            from .areas_dask import summarize_on_dask

            result = summarize_on_dask(photos, fields, crs, target, polygons, params, client, fb)
        else:
            x, y, values = load([f for f in fields if f])
            x, y = to_crs(np.asarray(x, float), np.asarray(y, float), crs, target)
            result = core_summarize(
                x, y, [None if m is None else str(m) for m in values[motif_f]],
                user=values[user_f] if user_f else None, date=values[date_f] if date_f else None,
                confidence=values[conf_f] if conf_f else None, areas=polygons, params=params, feedback=fb)
        for note in result.notes:
            fb.info(note)
        out = summary_frame(result, areas, target, params)
    finally:
        close()
    return (out, result) if details else out


def _overlap(polygons) -> bool:
    """True when two of the (repaired) areas share ground."""
    from ..core.summarize import overlapping_pairs, repair_polygons

    return overlapping_pairs(repair_polygons(polygons)[0])[0] > 0


def _multi(geoms):
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    single = shapely.get_type_id(geoms) == shapely.GeometryType.POLYGON
    out = geoms.copy()
    out[single] = [shapely.MultiPolygon([g]) for g in geoms[single]]
    return out


def summary_frame(result, areas, target, params):
    """The output layer: the areas' own fields (polygons) then the summary's, typed as the algorithm's."""
    from ..core.layer_columns import summary_kind
    from .layers import frame_from_columns

    table = result.table.copy()
    table["min_users"] = params.min_users
    names = [c for c in table.columns if c != "area" or areas is None]
    columns = {c: table[c].tolist() for c in names}
    schema = [(c, summary_kind(c)) for c in names]
    if areas is not None:
        own = [c for c in areas.columns if c != areas.geometry.name and c not in names]
        columns.update({c: areas[c].tolist() for c in own})
        schema = [(c, _kind(areas[c])) for c in own] + schema
        geometry = _multi(areas.geometry.values)
    else:
        geometry = _multi(result.geometry)
    return frame_from_columns(columns, schema, geometry=geometry, crs=target)


def _kind(series) -> str:
    kind = series.dtype.kind
    return {"i": "int", "u": "int", "f": "float", "b": "bool"}.get(kind, "str")
