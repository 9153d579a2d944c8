"""The motif summary on dask-geopandas partitions: the same table as one ``core.summarize`` call.

1. The photos are split into partitions (a GeoParquet file is read partition by partition;
   a GeoDataFrame is cut into 2 partitions per worker); on the workers every partition is
   reprojected to the areas' CRS and each photo gets an area key (its grid cell, or the index
   of its polygon from a spatial join);
2. the photos are shuffled by area key, so all photos of an area meet in one partition;
3. every partition is summarised by ``core.summarize`` itself (with all polygons, or the grid),
   also by photos to learn each motif's photo count;
4. here the per-partition tables are put together: motif columns named and ordered as one run
   over the whole layer names and orders them (``core.summarize.motif_field_names``, most
   photos first), a motif absent from a partition counted 0, ties for the dominant motif given
   to the motif with more photos over the whole layer (the rule of ``core.summarize``), rows in
   the order one run gives them. ``tests/unit/test_areas_dask.py`` compares with one run.
"""
from __future__ import annotations

import numpy as np

from .layers import point_xy, to_crs

KEY_WIDTH = 1_000_003  # grid cell (i, j) -> i * KEY_WIDTH + j: a partitioning key (collisions are harmless)


def _assign(part, fields, crs, target, polygons, shape, size):
    """A partition's photos in the target CRS with their area key (-1: no location or outside every area)."""
    import pandas as pd

    from ..core.summarize import grid_cells, join_points_to_areas

    x, y = to_crs(*point_xy(part.geometry.values), crs, target)
    located = np.isfinite(x) & np.isfinite(y)
    key = np.full(len(part), -1, dtype=np.int64)
    if located.any():
        if polygons is None:
            i, j = grid_cells(x[located], y[located], shape, size)
            key[located] = i * KEY_WIDTH + j
        else:
            key[located] = join_points_to_areas(x[located], y[located], polygons)
    out = pd.DataFrame({"x": x, "y": y, "key": key}, index=part.index)
    for name, field in zip(("motif", "user", "date", "conf"), fields):
        out[name] = part[field].astype(object).where(part[field].notna(), None) if field else None
    return out


def _summarize_part(frame, fields, polygons, params, with_photo_counts: bool):
    """core.summarize of one partition (all photos of its areas), and by photos when asked."""
    from dataclasses import replace

    from ..core.summarize import summarize

    _motif, user, date, conf = fields

    def run(p):
        return summarize(frame["x"].to_numpy(float), frame["y"].to_numpy(float),
                         [None if m is None else str(m) for m in frame["motif"].tolist()],
                         user=frame["user"].tolist() if user else None, date=frame["date"].tolist() if date else None,
                         confidence=frame["conf"].tolist() if conf else None, areas=polygons, params=p)

    result = run(params)
    by_photos = None
    if with_photo_counts:
        by_photos = run(replace(params, measure="photos", min_users=1))
    return result, _photo_totals(by_photos) if by_photos is not None else {}


def _photo_totals(result) -> dict:
    """{motif: photos} over the areas of a by-photos, unsuppressed summary."""
    return {m: float(np.nansum(result.table[result.motif_fields[m][0]].to_numpy(dtype=float))) for m in result.motifs}


def _partitions(photos, fields, client):
    """A dask-geopandas frame of the photos' geometry and fields."""
    import dask_geopandas

    wanted = [f for f in fields if f]
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    if isinstance(photos, str) and photos.lower().endswith((".parquet", ".geoparquet")):
        return dask_geopandas.read_parquet(photos, columns=wanted + ["geometry"])
    if isinstance(photos, str):  # a GeoPackage: read column by column here, then cut
        import geopandas as gpd

        from ..core.columnar import read_points

        table = read_points(photos, wanted)
        photos = gpd.GeoDataFrame({f: table.columns[f] for f in wanted},
                                  geometry=gpd.points_from_xy(table.x, table.y), crs=table.crs)
    return dask_geopandas.from_geopandas(photos[wanted + [photos.geometry.name]], npartitions=2 * workers)


def summarize_on_dask(photos, fields, crs, target, polygons, params, client, fb):
    """The ``core.summarize.SummaryResult`` of the whole layer, computed on ``client``'s workers."""
    import os

    import dask

    from ..core.messages import msg
    from ..core.summarize import repair_polygons
    from .distributed import ensure_package_on_workers

    ensure_package_on_workers(client)
    ddf = _partitions(os.fspath(photos) if isinstance(photos, os.PathLike) else photos, fields, client)
    fb.info(msg("summary_dask", len(client.scheduler_info().get("workers", {})), ddf.npartitions))
    shared = client.scatter(polygons, broadcast=True) if polygons is not None else None
    # photos are keyed by the repaired outlines (a bow-tie's own outline answers no spatial query);
    # each partition's core.summarize repairs again and counts the repairs for the notes
    keyed = client.scatter(repair_polygons(polygons)[0], broadcast=True) if polygons is not None else None
    meta = {"x": float, "y": float, "key": np.int64, "motif": object, "user": object, "date": object, "conf": object}
    assigned = ddf.map_partitions(_assign, fields, crs, target, keyed, params.grid_shape, params.cell_size, meta=meta)
    shuffled = assigned.shuffle(on="key", npartitions=ddf.npartitions)
    parts = [dask.delayed(_summarize_part)(d, fields, shared, params, True) for d in shuffled.to_delayed()]
    results = client.gather(client.compute(parts))
    fb.progress(90)
    return merge(results, polygons, params)


def _motif_order(results) -> list:
    """Motifs ordered as one run orders them: most photos over the whole layer first, then by name."""
    totals: dict = {}
    for _result, counts in results:
        for motif, n in counts.items():
            totals[motif] = totals.get(motif, 0.0) + n
    return sorted((m for m, n in totals.items() if n > 0), key=lambda m: (-totals[m], m))


def _global_columns(result, motifs, fields):
    """One partition's table with the motif columns of the whole layer (absent motifs count 0)."""
    table = result.table
    own = {c for pair in result.motif_fields.values() for c in pair}
    out = table[[c for c in table.columns if c not in own and c != "suppressed"]].copy()
    suppressed = table["suppressed"].to_numpy(dtype=bool)
    counted = table["dominant"].notna().to_numpy()  # the area's motif counts add up to more than 0
    for m in motifs:
        n_col, s_col = fields[m]
        if m in result.motif_fields:
            out[n_col], out[s_col] = table[result.motif_fields[m][0]], table[result.motif_fields[m][1]]
        else:
            out[n_col] = np.where(suppressed, None, 0.0).astype(object)
            out[s_col] = np.where(suppressed, None, np.where(counted, 0.0, np.nan)).astype(object)
    out["suppressed"] = suppressed
    ties = ~suppressed & (out["dom_ties"].astype(float).fillna(0).to_numpy() > 1)
    for row in np.flatnonzero(ties):  # a tie goes to the motif with more photos over the whole layer
        counts = [float(out[fields[m][0]].iat[row]) for m in motifs]
        out.iat[row, out.columns.get_loc("dominant")] = motifs[counts.index(max(counts))]
    return out


def merge(results, polygons, params):
    """The ``SummaryResult`` of the whole layer from the partitions' (result, motif photo counts)."""
    import pandas as pd

    from ..core.summarize import SummaryResult, motif_field_names, summary_notes

    motifs = _motif_order(results)
    fields = motif_field_names(motifs)
    tables = [_global_columns(r, motifs, fields) for r, _ in results]
    if polygons is None:
        table = pd.concat(tables, ignore_index=True)
        geometry = np.concatenate([np.asarray(r.geometry, dtype=object) for r, _ in results])
        cells = [tuple(int(v) for v in str(a)[1:].split("_")) for a in table["area"]]
        order = sorted(range(len(cells)), key=cells.__getitem__)
        table, geometry = table.iloc[order].reset_index(drop=True), geometry[order]
    else:  # every partition has every polygon: take each area's row from the partition holding its photos
        photos = np.stack([t["photos"].astype(float).fillna(0).to_numpy() for t in tables])
        source = np.argmax(photos > 0, axis=0)
        table = pd.DataFrame([tables[s].iloc[a] for a, s in enumerate(source)]).reset_index(drop=True)
        geometry = polygons
    counts = _counts(results, table, polygons)
    warnings = list(results[0][0].warnings) if results else []  # every partition checks the same parameters
    return SummaryResult(table, geometry, motifs, fields, counts, summary_notes(counts, params, grid=polygons is None),
                         warnings)


def _counts(results, table, polygons) -> dict:
    """The counts of the whole layer, as one ``core.summarize`` run gives them (its notes follow).

    Photo counts add up over the partitions (every photo is in exactly one). A grid cell's photos
    all meet in one partition, so cells with photos and suppressed cells add up too (a suppressed
    cell is left out of the table); every partition has every polygon, so areas are counted on
    the merged table, and the polygons' own figures (repaired, overlapping) come from any partition.
    """
    keys = ("photos", "no_location", "outside", "no_user", "no_date", "no_motif", "summarised", "multi_area")
    counts = {k: sum(r.counts.get(k, 0) for r, _ in results) for k in keys}
    if polygons is None:
        for key in ("areas", "suppressed", "dropped"):
            counts[key] = sum(r.counts.get(key, 0) for r, _ in results)
    else:
        counts["areas"] = int((table["photos"].astype(float).fillna(1) > 0).sum())
        counts["suppressed"] = int(table["suppressed"].sum())
        counts["dropped"] = 0
        for key in ("repaired", "overlaps", "overlap_example"):
            if results and key in results[0][0].counts:
                counts[key] = results[0][0].counts[key]
    return counts
