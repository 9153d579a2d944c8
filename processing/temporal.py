"""Time on photo layers: QGIS's time slider (Temporal Controller), and motif sizes in bursts.

:func:`set_photo_time` turns on a photo layer's temporal properties on its photo time field, so
the Temporal Controller animates photos and motifs through the years and seasons without any
setup. It is part of the photo style (``styling.apply_photo_style``), so it is stored with the
default style in every GeoPackage the algorithms write and applied when Processing loads a layer.

The import writes the time taken as ISO 8601 text (``taken_at``: the local time as the camera
wrote it, with ``±HH:MM`` when the offset is known; Flickr dates known to the month or year only
as ``2015-06`` or ``2015``). Text is not a QGIS date-time, so the layer gets start and end
*expressions*: the local wall-clock time as written (the offset is not applied, so a photo
taken at 10:00 in Tallinn and one at 10:00 in Lisbon both show at 10:00); a photo lasts one
second, a photo known to the day, month or year only lasts that day, month or year. A real
date or date-time field is used as an instant field.

QGIS 3.22 (and later releases) reset a layer's temporal properties right after reading its
default style when the layer is opened from a file: ``plugin/timeslider.py`` puts the stored
ones back for every layer added to the project.
"""
from __future__ import annotations

from qgis.core import QgsExpression, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.table_import import COLUMN_NAMES
from .qgis_compat import TEMPORAL_EXPRESSIONS, TEMPORAL_INSTANT_FIELD

# the photo time field: the import's, else a date column as tables name it
TIME_FIELDS = tuple(dict.fromkeys(["taken_at", *COLUMN_NAMES["taken_at"]]))
# text of the forms the import writes: (pattern, start, end) with Y, M, D, h, m, s from substr
_FULL = r"^\\d{4}.\\d{2}.\\d{2}.\\d{2}:\\d{2}"
_DAY = r"^\\d{4}.\\d{2}.\\d{2}$"
_MONTH = r"^\\d{4}.\\d{2}$"
_YEAR = r"^\\d{4}$"


def tr(text: str) -> str:
    return QCoreApplication.translate("PhotoMotifs", text)


def photo_time_field(layer) -> str | None:
    """The layer's photo time field (``taken_at`` first), or None."""
    names = {n.lower(): n for n in layer.fields().names()}
    for candidate in TIME_FIELDS:
        if candidate in names:
            return names[candidate]
    return None


def time_expressions(field_name: str) -> tuple:
    """(start, end) QGIS expressions of the wall-clock time in a text field of photo times."""
    t = f"trim({QgsExpression.quotedColumnRef(field_name)})"

    def part(start, length):
        return f"to_int(substr({t}, {start}, {length}))"

    y, mo, d, h, mi = part(1, 4), part(6, 2), part(9, 2), part(12, 2), part(15, 2)
    s = f"coalesce({part(18, 2)}, 0)"
    full = f"make_datetime({y}, {mo}, {d}, {h}, {mi}, {s})"
    day = f"make_datetime({y}, {mo}, {d}, 0, 0, 0)"
    month = f"make_datetime({y}, {mo}, 1, 0, 0, 0)"
    year = f"make_datetime({y}, 1, 1, 0, 0, 0)"
    next_month = f"make_datetime({y} + if({mo} = 12, 1, 0), ({mo} % 12) + 1, 1, 0, 0, 0)"
    next_year = f"make_datetime({y} + 1, 1, 1, 0, 0, 0)"

    def case(full_, day_, month_, year_):
        return (f"CASE WHEN regexp_match({t}, '{_FULL}') THEN {full_} "
                f"WHEN regexp_match({t}, '{_DAY}') THEN {day_} "
                f"WHEN regexp_match({t}, '{_MONTH}') THEN {month_} "
                f"WHEN regexp_match({t}, '{_YEAR}') THEN {year_} END")

    start = case(full, day, month, year)
    end = case(f"{full} + to_interval('1 second')", f"{day} + to_interval('1 day')", next_month, next_year)
    return start, end


def set_photo_time(layer) -> bool:
    """Temporal properties on the photo time field, active; False when the layer has none."""
    if not isinstance(layer, QgsVectorLayer):
        return False
    name = photo_time_field(layer)
    if name is None:
        return False
    props = layer.temporalProperties()
    field = layer.fields().field(name)
    if field.isDateOrTime():
        props.setMode(TEMPORAL_INSTANT_FIELD)
        props.setStartField(name)
    else:
        start, end = time_expressions(name)
        props.setMode(TEMPORAL_EXPRESSIONS)
        props.setStartExpression(start)
        props.setEndExpression(end)
    props.setIsActive(True)
    return True


# --- motif sizes in bursts ------------------------------------------------------------------------

def burst_sizes(layer, field_name: str) -> dict:
    """{category value: (photos, bursts)} when the layer has ``burst_id`` (else {})."""
    fields = layer.fields()
    if fields.lookupField("burst_id") < 0 or fields.lookupField(field_name) < 0:
        return {}
    from qgis.core import QgsFeatureRequest

    from .qgis_compat import REQUEST_NO_GEOMETRY

    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(
        [field_name, "burst_id"], fields)
    photos: dict = {}
    bursts: dict = {}
    for feature in layer.getFeatures(request):
        value, burst = feature[field_name], feature["burst_id"]
        if value is None or str(value) == "NULL":
            continue
        key = str(value)
        photos[key] = photos.get(key, 0) + 1
        bursts.setdefault(key, set()).add(None if burst is None or str(burst) == "NULL" else str(burst))
    return {k: (photos[k], len(bursts[k])) for k in photos}


def label_in_bursts(layer, field_name: str | None) -> int:
    """Legend labels "C1 (120 photos, 40 bursts)" on a categorised photo layer that has bursts;
    returns how many categories were relabelled."""
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    if not field_name or renderer is None or renderer.type() != "categorizedSymbol":
        return 0
    sizes = burst_sizes(layer, field_name)
    changed = 0
    for index, category in enumerate(renderer.categories()):
        size = sizes.get(str(category.value()))
        if size is not None and str(category.value()):
            renderer.updateCategoryLabel(index, tr("{} ({} photos, {} bursts)").format(
                category.value(), size[0], size[1]))
            changed += 1
    return changed


def time_style(layer, category_field: str | None) -> None:
    """The time parts of the photo style: the time slider and, for layers with bursts, motif
    sizes in bursts in the legend (called by ``styling.apply_photo_style``)."""
    set_photo_time(layer)
    if layer.isSpatial():
        label_in_bursts(layer, category_field)
