"""QGIS side of motif names: where a layer's ``motif_names`` table lives, its colours, sentences.

The names, notes and colours of a layer's motifs are stored in its GeoPackage
(``core.motifnames``); this module finds that file for a QGIS layer or a Processing output,
reads the colours a layer shows now (names table, else its categorised renderer), and words the
mapping's problems in the user's language. It does not import the styling module (which imports
it), so the import graph stays without cycles.
"""
from __future__ import annotations

import os
import sqlite3

from qgis.core import QgsProviderRegistry

from ..core.motifnames import NamesTable, read_names_table, write_names_table
from .translation import tr


def layer_file(layer_or_source) -> tuple:
    """(GeoPackage path, layer name) of a vector layer or a source/destination string; ('', '')
    when it is not a GeoPackage file."""
    source = layer_or_source if isinstance(layer_or_source, str) else layer_or_source.source()
    provider = "ogr" if isinstance(layer_or_source, str) else layer_or_source.providerType()
    if provider != "ogr":
        return "", ""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    path = parts.get("path") or source.split("|")[0]
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return "", ""
    name = parts.get("layerName") or single_feature_table(path)
    return path, name or ""


def single_feature_table(path) -> str:
    """The feature table of a GeoPackage that holds exactly one ('' otherwise)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            names = [r[0] for r in con.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type='features'")]
        finally:
            con.close()
    except sqlite3.Error:
        return ""
    return names[0] if len(names) == 1 else ""


def stored_names(layer_or_source, field_name: str) -> NamesTable:
    """The ``motif_names`` rows stored with a layer for ``field_name`` (empty when none)."""
    path, name = layer_file(layer_or_source)
    if not path:
        return NamesTable()
    return read_names_table(path, name or None, field_name)


def store_names(layer_or_source, field_name: str, rows) -> str:
    """Store ``rows`` as the layer's names of ``field_name``; '' or a sentence why not."""
    path, name = layer_file(layer_or_source)
    if not path:
        return tr("The motif names are kept in the layer's values; a names table (with notes and colours) "
                  "is stored only in GeoPackage files.")
    try:
        write_names_table(path, name, field_name, rows)
    except ValueError as exc:
        return str(exc)
    return ""


def renderer_colours(layer, field_name: str) -> dict:
    """{value: '#RRGGBB'} of a layer's categorised renderer when it classifies ``field_name``."""
    renderer = layer.renderer() if layer is not None else None
    if renderer is None or renderer.type() != "categorizedSymbol":
        return {}
    attribute = renderer.classAttribute()
    if field_name not in attribute:
        return {}
    out = {}
    for category in renderer.categories():
        value = category.value()
        if value is None or str(value) in ("", "NULL") or category.symbol() is None:
            continue
        out[str(value)] = category.symbol().color().name().upper()
    return out


def problem_sentence(problem) -> str:
    """A mapping problem of ``core.motifnames`` in the user's language."""
    templates = {
        "formula_name": tr("Row {row}: the new name '{new}' begins with '{first}', which spreadsheets run as a "
                           "formula; write it without that sign (an empty new name means 'not a motif')."),
        "reserved_name": tr("Row {row}: '{new}' is reserved; choose another name."),
        "empty_old": tr("Row {row} has no old motif; it is skipped."),
        "unknown_old": tr("Row {row}: '{old}' is no motif of this layer; the row is skipped."),
        "duplicate_row": tr("Row {row} repeats row {first} ('{old}'); it is used once."),
        "conflicting_rows": tr("Row {row} gives '{old}' the name '{new}', row {first} gave it '{first_new}': "
                               "keep one of the two rows."),
        "nothing_matches": tr("No old motif of the mapping is in the layer; its motifs are: {motifs}."),
        "bad_colour": tr("Row {row}: the colour '{colour}' is not #RRGGBB; the palette chooses one."),
        "case_clash": tr("The names '{names}' differ only in upper/lower case: they stay separate motifs, but "
                         "exported folders merge on Windows and macOS."),
    }
    template = templates.get(problem.code)
    if template is None:
        return problem.sentence
    try:
        return template.format(row=problem.row, **problem.values)
    except (KeyError, IndexError):
        return problem.sentence


def motif_colours(layer, field_name: str) -> dict:
    """The colours a photo layer's motifs have: its names table's, else its categories'."""
    if layer is None:
        return {}
    return stored_names(layer, field_name).colours or renderer_colours(layer, field_name)


def copy_names(layer, field_name: str, dest_id: str, dest_field: str) -> str:
    """Copy a photo layer's names table of ``field_name`` to an output (e.g. an area summary's
    ``dominant``), so maps made from the output find the notes, colours and original ids."""
    if layer is None:
        return ""
    table = stored_names(layer, field_name)
    if not table.rows or not layer_file(dest_id)[0]:
        return ""
    return store_names(dest_id, dest_field, table.rows)
