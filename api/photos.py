"""Photo layers from a folder (EXIF) or from a metadata table: ``photomotifs:importphotos`` and
``photomotifs:importtable`` as GeoDataFrames (``core.photometa``, ``core.table_import``)."""
from __future__ import annotations

import os

from .layers import photo_frame, table_frame
from .progress import feedback_for


def import_photos(folder, recursive: bool = True, keep_unlocated: bool = False, return_invalid: bool = False,
                  progress=False):
    """The photos of ``folder`` as a GeoDataFrame: the fields of ``photomotifs:importphotos``, PointZ in
    EPSG:4326; with ``keep_unlocated`` photos without a location are kept with an empty geometry.

    ``return_invalid``: also return the files left out (path, relpath, filename, reason_code,
    reason) as a DataFrame, as the algorithm's INVALID table.
    """
    from ..core.photometa import FIELDS, INVALID_FIELDS, scan_folder

    folder = os.fspath(folder)
    if os.path.isfile(folder):
        raise ValueError(f"{folder} is a file; choose the folder that holds the photos.")
    if not os.path.isdir(folder):
        raise ValueError(f"The folder {folder} does not exist.")
    fb, close = feedback_for(progress, "Reading photos")
    try:
        records, invalid = scan_folder(folder, recursive=recursive, keep_unlocated=keep_unlocated, feedback=fb)
    finally:
        close()
    photos = photo_frame(records, FIELDS)
    return (photos, table_frame(invalid, INVALID_FIELDS)) if return_invalid else photos


def import_table(table, folder, recursive: bool = True, pattern: str = "{id}", hash_owners: bool = True,
                 salt: str | None = None, columns: dict | None = None, return_invalid: bool = False,
                 progress=False):
    """Photos of a Flickr-style table (CSV, TSV, XLSX, or a DataFrame) joined to their files in ``folder``:
    the fields of ``photomotifs:importtable`` (owner, title, tags, url, source_row...), PointZ in EPSG:4326.

    ``columns``: {role: column name} for roles the detection should not guess (id, filename,
    latitude, longitude, taken_at, owner, title, tags, url). Owners become salted hashes with
    your personal salt unless ``hash_owners`` is False or a ``salt`` is given.
    """
    from ..core.table_import import TABLE_FIELDS, TABLE_INVALID_FIELDS, join_table, personal_salt, read_table

    folder = os.fspath(folder)
    if not os.path.isdir(folder):
        raise ValueError(f"The folder {folder} does not exist.")
    if hasattr(table, "to_dict"):  # a DataFrame
        names, rows = list(table.columns), table.astype(object).where(table.notna(), None).to_dict("records")
    else:
        if not os.path.isfile(os.fspath(table)):
            raise ValueError(f"The table {os.fspath(table)} does not exist.")
        names, rows = read_table(os.fspath(table))
    keywords = {f"{role}_field" if role not in ("latitude", "longitude", "taken_at") else
                {"latitude": "lat_field", "longitude": "lon_field", "taken_at": "taken_field"}[role]: name
                for role, name in (columns or {}).items()}
    fb, close = feedback_for(progress, "Joining the table")
    try:
        records, invalid = join_table(rows, folder, pattern=pattern or "{id}", recursive=recursive,
                                      hash_owner_salt=(salt or personal_salt()) if hash_owners else None,
                                      feedback=fb, columns=names, **keywords)
    finally:
        close()
    photos = photo_frame(records, TABLE_FIELDS)
    return (photos, table_frame(invalid, TABLE_INVALID_FIELDS)) if return_invalid else photos
