"""Outputs of the algorithms: fields, checked sinks, the stored style, and the check of output folders.

Every feature an algorithm writes goes through :func:`create_sink` (a :class:`CheckedSink`), so a
failed write or flush raises a sentence instead of passing as success; :func:`check_destinations`
refuses a missing or read-only output folder before any work starts.
"""
from __future__ import annotations

import os

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
)

from .qgis_compat import FAST_INSERT, FIELD_TYPES


def qgs_fields(schema) -> QgsFields:
    """QgsFields from a core schema: iterable of (name, type) with type in qgis_compat.FIELD_TYPES."""
    fields = QgsFields()
    for name, kind in schema:
        fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def merged_fields(base: QgsFields, extra_schema) -> QgsFields:
    """base fields + extra ones; an extra field replaces a base field of the same name."""
    extra_names = {name for name, _ in extra_schema}
    fields = QgsFields()
    for f in base:
        if f.name() not in extra_names:
            fields.append(f)
    for f in qgs_fields(extra_schema):
        fields.append(f)
    return fields


def is_null(value) -> bool:
    """True for a missing attribute value: None or QGIS's NULL (a null QVariant, printed 'NULL').

    The one NULL test of the package: attribute values come as None or as a null QVariant
    depending on the QGIS/PyQt version and the provider.
    """
    return value is None or str(value) == "NULL"


def to_qvalue(value):
    """numpy scalars and NaN to plain Python values QGIS accepts (None = NULL)."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def write_source_with_fields(alg, parameters, context, key, source, extra_schema, values, cf) -> str:
    """Copy the features of a photo source to the sink ``key`` with extra fields.

    ``values(i)`` gives the extra fields' values of feature i (missing ones stay NULL; an extra
    field replaces an input field of the same name). Returns the sink's destination id. Every
    write is checked (:class:`CheckedSink`); writing is not interrupted by a cancel request, so a
    layer is either complete or reported as incomplete.
    """
    fields = merged_fields(source.fields, extra_schema)
    sink, dest_id = create_sink(alg, parameters, key, context, fields, source.wkb_type, source.crs)
    blank = {name: None for name, _ in extra_schema}
    for i, feat in enumerate(source.features):
        attrs = {f.name(): feat[f.name()] for f in source.fields}
        attrs.update(blank)
        attrs.update(values(i))
        out = QgsFeature(fields)
        out.setGeometry(feat.geometry())
        out.setAttributes([to_qvalue(attrs.get(f.name())) for f in fields])
        sink.add(out)
    sink.finish()
    return dest_id


class CheckedSink:
    """A Processing feature sink whose every write is checked: the one sink-write check.

    ``QgsFeatureSink.addFeature`` returns False when a feature could not be written (a full
    disk, "no such table" after a failed layer creation); QGIS only logs that and the
    algorithm would report success. Here the first failed write raises a
    QgsProcessingException with a sentence naming the output and how far it got.
    """

    def __init__(self, alg, sink, dest_id, key, expected=None):
        self.alg = alg
        self.sink = sink
        self.dest_id = dest_id
        self.key = key
        self.written = 0
        self.expected = expected

    def _fail(self, what: str):
        detail = ""
        try:
            detail = self.sink.lastError() or ""
        except (AttributeError, TypeError):
            pass
        raise QgsProcessingException(self.alg.tr(
            "Writing the output '{}' failed {} ({}): the disk may be full or the file not writable. "
            "{} features had been written; the output is incomplete and must not be used."
        ).format(self.key, what, detail or self.alg.tr("no reason given"), self.written))

    def add(self, feature) -> None:
        if not self.sink.addFeature(feature, FAST_INSERT):
            self._fail(self.alg.tr("at feature {}").format(self.written + 1))
        self.written += 1

    def finish(self) -> None:
        """Flush buffered features; raise if that fails. Marks the output complete."""
        if not self.sink.flushBuffer():
            self._fail(self.alg.tr("while saving the last features"))
        done = getattr(self.alg, "_complete_outputs", None)
        if done is not None:
            done.add(self.dest_id)


def create_sink(alg, parameters, key, context, fields, wkb_type, crs, optional=False):
    """``parameterAsSink`` with the sink-write check: (CheckedSink or None, destination id).

    A sink that cannot be created raises (unless ``optional`` and not requested). The
    destination is remembered so that a failed or cancelled run can name it as incomplete.
    """
    try:
        sink, dest_id = alg.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
    except QgsProcessingException as exc:
        raise QgsProcessingException(alg.tr("The output '{}' cannot be created: {}").format(key, exc)) from exc
    if sink is None:
        if optional:
            return None, None
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    created = getattr(alg, "_created_outputs", None)
    if created is not None:
        created.append(dest_id)
    return CheckedSink(alg, sink, dest_id, key), dest_id


def style_photo_output(context, dest_id, field_name=None, feedback=None, colours=None) -> None:
    """Style a photo layer an algorithm wrote (categories on ``field_name``, map tip, photo in the
    form): stored as the default style in its GeoPackage and applied when QGIS loads it. Call
    after the sink is closed. ``colours``: {motif: colour} to keep (default: the names table's)."""
    from .styling import style_output

    style_output(context, dest_id, field_name, feedback, colours)


def _destination_path(alg, param, parameters, context) -> str:
    value = parameters.get(param.name())
    if value is None or value == "":
        return ""
    if param.type() == "folderDestination":
        return alg.parameterAsString(parameters, param.name(), context)
    if param.type() in ("sink", "vectorDestination", "rasterDestination"):
        path = alg.parameterAsOutputLayer(parameters, param.name(), context)
    else:
        path = alg.parameterAsFileOutput(parameters, param.name(), context)
    return (path or "").split("|")[0]


def check_destinations(alg, parameters, context) -> None:
    """Before any work: every file output's folder must exist (or be creatable) and be writable.

    Saves a long scan or embedding run that would fail at its very end on a missing or
    read-only output folder. Memory layers and temporary outputs are not checked.
    """
    for param in alg.destinationParameterDefinitions():
        if not isinstance(param, QgsProcessingDestinationParameter):
            continue
        path = _destination_path(alg, param, parameters, context)
        if not path or path.startswith(("memory:", "postgres", "ogr:", "TEMPORARY_OUTPUT")) or "://" in path:
            continue
        folder = path if param.type() == "folderDestination" else os.path.dirname(os.path.abspath(path))
        existing = folder
        while existing and not os.path.exists(existing):
            parent = os.path.dirname(existing)
            if parent == existing:
                break
            existing = parent
        if not os.path.isdir(existing):
            raise QgsProcessingException(alg.tr(
                "The output '{}' cannot be written: {} is a file, not a folder.").format(param.name(), existing))
        if not os.access(existing, os.W_OK | os.X_OK):
            raise QgsProcessingException(alg.tr(
                "The output '{}' cannot be written: the folder {} is read-only. Choose another place."
            ).format(param.name(), existing))
        if param.type() != "folderDestination" and not os.path.isdir(folder):
            os.makedirs(folder, exist_ok=True)
