"""Outputs of the algorithms: fields, checked sinks, the stored style, and the check of output folders.

Every feature an algorithm writes goes through :func:`create_sink` (a :class:`CheckedSink`), so a
failed write or flush raises a sentence instead of passing as success; :func:`check_destinations`
refuses a missing or read-only output folder before any work starts.
"""
from __future__ import annotations

import os
import re
import shutil
import uuid

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ..core.feedback import CoreFeedback, Ticker
from ..core.messages import msg
from ..core.safe_write import TEMP_PREFIX
from .qgis_compat import FAST_INSERT, FIELD_TYPES
from .translation import tr


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
    # a log line at least every few seconds (20,000 photos take seconds on a busy machine); the
    # ticker's feedback is never cancelled and leaves the progress bar where the caller has it
    tick = Ticker(CoreFeedback(on_info=cf.info), msg("tick_written"), len(source.features))
    for i, feat in enumerate(source.features):
        tick(i)
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
    """A Processing feature sink whose every write is checked, written under a temporary name and
    given its name only when whole: the one place where the algorithms' layers are completed.

    ``QgsFeatureSink.addFeature`` returns False when a feature could not be written (a full
    disk, "no such table" after a failed layer creation); QGIS only logs that and the algorithm
    would report success. Here the first failed write raises a QgsProcessingException with a
    sentence naming the output and how far it got. A GeoPackage is only complete once its writer
    is closed (the final COMMIT), and QGIS ignores a failed commit: :meth:`finish` closes the
    writer, reads the file back (it opens, and holds as many features as were written) and only
    then renames it into place; see :func:`create_sink`.
    """

    def __init__(self, alg, sink, dest_id, key, expected=None, staged=None):
        self.alg = alg
        self.sink = sink
        self.dest_id = dest_id
        self.key = key
        self.written = 0
        self.expected = expected
        self.staged = staged  # StagedFile: the temporary file and its final name (None: not a file)
        self.done = False

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
        """Flush, close the writer, read the file back and give it its name; raise if any step
        fails (the temporary file is then removed). Marks the output complete."""
        if self.done:
            return
        if not self.sink.flushBuffer():
            self._fail(self.alg.tr("while saving the last features"))
        self.sink = None  # deletes the writer: a GeoPackage commits here
        if self.staged is not None:
            problem = self.staged.problem(self.written)
            if problem:
                self.discard()
                raise QgsProcessingException(self.alg.tr(
                    "The output '{}' ({}) could not be completed: {}. The disk may be full. Nothing was "
                    "saved under its name; the temporary file was removed.").format(
                        self.key, self.staged.final, problem))
            self.staged.publish()
        self.done = True
        done = getattr(self.alg, "_complete_outputs", None)
        if done is not None:
            done.add(self.dest_id)

    def discard(self) -> None:
        """Close the writer and remove what it wrote under the temporary name (a failed run)."""
        self.sink = None
        if self.staged is not None:
            self.staged.remove()


class StagedFile:
    """A file output written under a temporary name: ``folder/.photo_motifs_part-<hex>/<name>``.

    A temporary *folder* keeps the file's own name, so the layer inside a GeoPackage gets the
    output's name, and a Shapefile's side files (.shx, .dbf, .prj, .cpg) and SQLite's journal
    stay together; all are moved into the output folder when the file is whole.
    """

    def __init__(self, final: str):
        self.final = final
        self.folder = os.path.dirname(final)
        self.temp_dir = os.path.join(self.folder, f"{TEMP_PREFIX}{uuid.uuid4().hex}")
        self.temp = os.path.join(self.temp_dir, os.path.basename(final))

    def make(self) -> None:
        os.makedirs(self.folder, exist_ok=True)
        os.mkdir(self.temp_dir)

    def final_id(self, temp_id: str) -> str:
        """The destination id QGIS gave the temporary file, pointing at the final file."""
        return temp_id.replace(self.temp, self.final, 1) if temp_id.startswith(self.temp) else self.final

    def problem(self, written: int):
        """None when the file opens with GDAL and holds ``written`` features, else the reason."""
        from osgeo import gdal, ogr

        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            ds = ogr.Open(self.temp, 0)
            if ds is None or ds.GetLayerCount() == 0:
                return tr("the file does not open as a layer")
            layer = ds.GetLayerByName(os.path.splitext(os.path.basename(self.temp))[0]) or ds.GetLayer(0)
            found = layer.GetFeatureCount()
            ds = None
        finally:
            gdal.PopErrorHandler()
        if found != written:
            return tr("{} of {} features read back").format(found, written)
        return None

    def publish(self) -> None:
        for name in sorted(os.listdir(self.temp_dir)):
            os.replace(os.path.join(self.temp_dir, name), os.path.join(self.folder, name))
        os.rmdir(self.temp_dir)

    def remove(self) -> None:
        shutil.rmtree(self.temp_dir, ignore_errors=True)


_PROVIDER_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_]{2,}:")


def _literal_destination(alg, parameters, key, context):
    """(the destination text of a sink parameter, its output definition or None)."""
    value = parameters.get(key)
    definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
    if definition is not None:
        value = definition.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext(), "")
        value = value[0] if isinstance(value, tuple) else value
    if value is None or str(value) == "":
        param = alg.parameterDefinition(key)
        value = param.defaultValue() if param is not None else None
    return ("" if value is None else str(value)), definition


def _staged_parameters(alg, parameters, key, context):
    """(parameters with the sink pointed at a temporary file, StagedFile) for a plain file
    destination; (parameters, None) for memory layers, databases and provider URIs."""
    text, definition = _literal_destination(alg, parameters, key, context)
    if not text or text == "TEMPORARY_OUTPUT" or text.startswith("memory:") or "|" in text \
            or _PROVIDER_PREFIX.match(text) or "://" in text:
        return parameters, None
    final = os.path.abspath(text)
    if not os.path.splitext(final)[1]:
        final += ".gpkg"  # as QGIS does for a destination without an extension
    staged = StagedFile(final)
    replaced = QgsProcessingOutputLayerDefinition(staged.temp, definition.destinationProject if definition else None)
    if definition is not None:
        replaced.destinationName = definition.destinationName
        replaced.createOptions = definition.createOptions
    out = dict(parameters)
    out[key] = replaced
    return out, staged


def _rekey_layer_to_load(context, temp_id: str, final_id: str) -> None:
    """The layer QGIS loads when the run ends: the final file, not the temporary one."""
    if not context.willLoadLayerOnCompletion(temp_id):
        return
    layers = context.layersToLoadOnCompletion()
    details = layers.pop(temp_id)
    layers[final_id] = details
    context.setLayersToLoadOnCompletion(layers)


def create_sink(alg, parameters, key, context, fields, wkb_type, crs, optional=False):
    """``parameterAsSink`` with the sink-write check: (CheckedSink or None, destination id).

    A file destination is written under a temporary name (:class:`StagedFile`) and renamed by
    :meth:`CheckedSink.finish` once read back; a sink that cannot be created raises (unless
    ``optional`` and not requested). The sink is remembered so that a failed or cancelled run
    removes its temporary file and names what it left.
    """
    run_parameters, staged = _staged_parameters(alg, parameters, key, context)
    if staged is not None:
        try:
            staged.make()
        except OSError as exc:
            raise QgsProcessingException(alg.tr("The output '{}' cannot be created: {}").format(
                key, exc.strerror or exc)) from exc
    try:
        sink, dest_id = alg.parameterAsSink(run_parameters, key, context, fields, wkb_type, crs)
    except QgsProcessingException as exc:
        if staged is not None:
            staged.remove()
        raise QgsProcessingException(alg.tr("The output '{}' cannot be created: {}").format(key, exc)) from exc
    if sink is None:
        if staged is not None:
            staged.remove()
        if optional:
            return None, None
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    if staged is not None:
        final_id = staged.final_id(dest_id)
        _rekey_layer_to_load(context, dest_id, final_id)
        dest_id = final_id
    checked = CheckedSink(alg, sink, dest_id, key, staged=staged)
    created = getattr(alg, "_created_outputs", None)
    if created is not None:
        created.append(dest_id)
    sinks = getattr(alg, "_sinks", None)
    if sinks is not None:
        sinks.append(checked)
    return checked, dest_id


def style_photo_output(context, dest_id, field_name=None, feedback=None, colours=None) -> None:
    """Style a photo layer an algorithm wrote (categories on ``field_name``, map tip, photo in the
    form): stored as the default style in its GeoPackage and applied when QGIS loads it. Call
    after the sink is closed. ``colours``: {motif: colour} to keep (default: the names table's)."""
    from .styling import style_output

    style_output(context, dest_id, field_name, feedback, colours)


def _destination_path(alg, param, parameters, context) -> str:
    """The file a destination parameter names, read without side effects.

    Never ``parameterAsOutputLayer`` here: it registers the destination as a layer to load when
    the run completes, so a temporary output was listed twice, once as "memory:<name>" that no
    layer answers to, and QGIS's dialog ended a successful run in red ("The following layers were
    not correctly generated") without emitting ``algorithmFinished``.
    """
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty

    value = parameters.get(param.name())
    if value is None or value == "":
        return ""
    if param.type() == "folderDestination":
        return alg.parameterAsString(parameters, param.name(), context)
    if param.type() in ("sink", "vectorDestination", "rasterDestination"):
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink
        if isinstance(value, QgsProperty):
            value = value.valueAsString(context.expressionContext())[0]
        path = str(value)
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
        path = os.path.abspath(path)  # a relative path (qgis_process) is relative to the working folder
        folder = path if param.type() == "folderDestination" else os.path.dirname(path)
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
