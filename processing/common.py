"""Shared glue between Processing and core/: base algorithm, fields, photo sources, feedback.

Everything here is thin: the work happens in core/ and models/, which never import QGIS.
"""
from __future__ import annotations

import os
import sqlite3
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import deps
from ..core.feedback import Canceled, CoreFeedback
from ..core.options import CONTEXT as OPTIONS_CONTEXT
from ..core.safe_paths import resolve_against
from .qgis_compat import (
    FAST_INSERT,
    FIELD_STRING,
    FIELD_TYPES,
    FILE_FILE,
    FILE_FOLDER,
    PARAMETER_ADVANCED,
    SOURCE_VECTOR,
    WKB_NO_GEOMETRY,
)

OFFLINE_NOTE = (
    "Runs entirely on this computer: no photo, embedding or model is sent anywhere and no "
    "network connection is made."
)



def tr(text: str) -> str:
    return QCoreApplication.translate("PhotoMotifs", text)


def option_labels(options) -> list:
    """The translated labels of ``core.options`` ``(label, value)`` tuples, for an enum parameter.

    The labels are literals marked with QT_TRANSLATE_NOOP in core/options.py (pylupdate5
    extracts them there); here they are looked up in the same context.
    """
    return [QCoreApplication.translate(OPTIONS_CONTEXT, label) for label, _value in options]


def option_value(alg, parameters, name, context, options):
    """The value of the option chosen in the enum parameter ``name`` (built from ``options``)."""
    return options[alg.parameterAsEnum(parameters, name, context)][1]


def core_feedback(feedback) -> CoreFeedback:
    """Wrap a QgsProcessingFeedback into the callbacks core/ understands."""
    if feedback is None:
        return CoreFeedback()
    return CoreFeedback(
        on_progress=feedback.setProgress,
        is_canceled=feedback.isCanceled,
        on_info=feedback.pushInfo,
        on_warning=feedback.reportError,
    )


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


def style_photo_output(context, dest_id, field_name=None, feedback=None) -> None:
    """Style a photo layer an algorithm wrote (categories on ``field_name``, map tip, photo in the
    form): stored as the default style in its GeoPackage and applied when QGIS loads it. Call
    after the sink is closed."""
    from .styling import style_output

    style_output(context, dest_id, field_name, feedback)


def mark_advanced(alg: QgsProcessingAlgorithm, *names) -> None:
    """Fold parameters that most users keep at their defaults into the dialog's Advanced group."""
    for name in names:
        param = alg.parameterDefinition(name)
        param.setFlags(param.flags() | PARAMETER_ADVANCED)


class PhotoMotifsAlgorithm(QgsProcessingAlgorithm):
    """Base class: dependency check, error sentences, cancellation, help text."""

    NAME = ""  # algorithm id within the provider
    DISPLAY_NAME = ""
    CAPABILITY: str | None = None  # key of core.deps.NEEDS checked before running
    GROUP = "photos"
    GROUP_NAME = "Photos"
    HELP = ""

    def tr(self, text):
        return tr(text)

    def name(self):
        return self.NAME

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def createInstance(self):
        return type(self)()

    def group(self):
        return self.tr(self.GROUP_NAME)

    def groupId(self):
        return self.GROUP

    def shortHelpString(self):
        return self.tr(self.HELP) + "\n\n" + self.tr(OFFLINE_NOTE)

    def canExecute(self):
        """(False, sentence with the install command) when a package the algorithm needs is missing.

        QGIS's dialog, toolbox and model builder ask this before a run; headless runs
        (processing.run, qgis_process) do not, so processAlgorithm raises the same sentence.
        """
        message = deps.missing_message(self.CAPABILITY)
        return (False, message) if message else (True, "")

    def processAlgorithm(self, parameters, context, feedback):
        """Run :meth:`process`; every failure and every cancellation raises (never a false success).

        A raised QgsProcessingException makes ``qgis_process`` exit with status 1 and the dialog
        show the sentence. A cancel request (the dialog's Cancel, ``feedback.cancel()``, or
        Ctrl-C under ``qgis_process``, which cancels the feedback) ends as such an exception too,
        with what the run left behind; returning ``{}`` would count as success.
        """
        message = deps.missing_message(self.CAPABILITY)
        if message:  # canExecute() was not asked (headless run)
            raise QgsProcessingException(message)
        self._created_outputs = []
        self._complete_outputs = set()
        cf = core_feedback(feedback)
        try:
            check_destinations(self, parameters, context)
            results = self.process(parameters, context, feedback, cf)
        except QgsProcessingException as exc:
            raise QgsProcessingException(self._with_left_behind(str(exc))) from None
        except Canceled as exc:
            raise QgsProcessingException(self.canceled_sentence(exc)) from None
        except (ValueError, KeyError, OSError, RuntimeError, sqlite3.Error) as exc:
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(self._with_left_behind(self.error_sentence(exc))) from exc
        if feedback is not None and feedback.isCanceled():
            # canceled after the last check: the outputs are complete, but the user asked to stop
            raise QgsProcessingException(self.canceled_sentence(Canceled(
                self.tr("The run had finished writing its outputs when the cancel request came."))))
        return results

    def error_sentence(self, exc: BaseException) -> str:
        """A sentence for an error core/ did not already phrase (OS and SQLite errors)."""
        if isinstance(exc, KeyError) and exc.args:
            return str(exc.args[0])
        if isinstance(exc, OSError) and exc.strerror:
            where = exc.filename or ""
            return self.tr("Reading or writing {} failed: {}.").format(where, exc.strerror) if where else \
                self.tr("A file operation failed: {}.").format(exc.strerror)
        if isinstance(exc, sqlite3.Error):
            return self.tr("The embedding cache could not be read or written ({}): the disk may be full, the "
                           "folder read-only or the file damaged.").format(exc)
        return str(exc)

    def canceled_sentence(self, exc: Canceled) -> str:
        detail = str(exc)
        text = self.tr("Canceled by the user.")
        if detail and detail != "Canceled by the user.":
            text += " " + detail
        return self._with_left_behind(text)

    def _with_left_behind(self, text: str) -> str:
        """``text`` + which outputs of this run exist but are incomplete (or that none was written)."""
        incomplete = [d for d in getattr(self, "_created_outputs", []) if d not in self._complete_outputs]
        if incomplete:
            text += " " + self.tr("Incomplete output left behind (delete it or run again): {}.").format(
                ", ".join(str(d) for d in incomplete))
        return text

    def process(self, parameters, context, feedback, cf: CoreFeedback) -> dict:  # pragma: no cover
        raise QgsProcessingException("Algorithm does not implement process().")


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


# --- photo sources: a layer with a path field, or a folder -------------------------------------

INPUT = "INPUT"
PATH_FIELD = "PATH_FIELD"
FOLDER = "FOLDER"
RECURSIVE = "RECURSIVE"
# backbone parameters (add_backbone_parameters) and the embedding cache output
BACKBONE = "BACKBONE"
ONNX_MODEL = "ONNX_MODEL"
CACHE = "CACHE"


def add_photo_source_parameters(alg: QgsProcessingAlgorithm, what="Photos") -> None:
    alg.addParameter(
        QgsProcessingParameterFeatureSource(
            INPUT, tr(f"{what}: photo layer"), [SOURCE_VECTOR], optional=True
        )
    )
    alg.addParameter(
        QgsProcessingParameterField(
            PATH_FIELD, tr("Field with the photo path"), "photo", INPUT,
            FIELD_STRING, optional=True,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            FOLDER, tr(f"{what}: or a folder of photos"),
            behavior=FILE_FOLDER, optional=True,
        )
    )
    alg.addParameter(QgsProcessingParameterBoolean(RECURSIVE, tr("Include subfolders"), True))


@dataclass
class PhotoSource:
    """Photos to process with the features (or folder rows) they came from."""

    fields: QgsFields
    wkb_type: int
    crs: object
    features: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    root: str | None = None


def resolve_photo_source(alg, parameters, context, feedback, exclude=None) -> PhotoSource:
    """The photos of the INPUT layer (relative paths resolve against the layer's folder) or FOLDER.

    ``exclude``: a folder whose photos are left out of a FOLDER listing (an output folder
    inside the input folder, so a run never processes its own copies).
    """
    source = alg.parameterAsSource(parameters, INPUT, context)
    folder = alg.parameterAsFile(parameters, FOLDER, context)
    if source is not None:
        path_field = alg.parameterAsString(parameters, PATH_FIELD, context) or "photo"
        index = source.fields().lookupField(path_field)
        if index < 0:
            raise QgsProcessingException(
                tr(f"The layer has no field '{path_field}'. Choose the field that holds the photo "
                   "paths (the 'photo' field of layers made by Import geotagged photos).")
            )
        root = layer_folder(source, parameters, context)
        features, paths = [], []
        for feat in source.getFeatures(QgsFeatureRequest()):
            if feedback.isCanceled():
                raise Canceled("Canceled by the user.")
            value = feat[index]
            text = "" if is_null(value) else str(value)
            text = resolve_against(root, text)
            features.append(QgsFeature(feat))
            paths.append(text)
        return PhotoSource(source.fields(), source.wkbType(), source.sourceCrs(), features, paths, root)
    if folder:
        if os.path.isfile(folder):
            raise QgsProcessingException(tr("{} is a file; choose the folder that holds the photos.").format(folder))
        if not os.path.isdir(folder):
            raise QgsProcessingException(tr(f"The folder {folder} does not exist."))
        from ..core.files import list_image_files

        recursive = alg.parameterAsBoolean(parameters, RECURSIVE, context)
        paths = [str(p) for p in list_image_files(folder, recursive=recursive)]
        if exclude:
            skip = Path(exclude).resolve()
            paths = [p for p in paths if skip not in Path(p).resolve().parents]
        fields = qgs_fields([("photo", "str"), ("relpath", "str"), ("filename", "str")])
        features = []
        for p in paths:
            f = QgsFeature(fields)
            f.setAttributes([p, Path(os.path.relpath(p, folder)).as_posix(), os.path.basename(p)])
            features.append(f)
        return PhotoSource(fields, WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem(), features, paths, folder)
    raise QgsProcessingException(tr("Choose a photo layer or a folder of photos."))


def layer_folder(source, parameters, context):
    """Folder of the input layer's file, used to resolve relative photo paths."""
    layer = context.getMapLayer(str(parameters.get(INPUT))) if parameters.get(INPUT) else None
    uri = layer.source() if layer is not None else str(parameters.get(INPUT) or "")
    path = uri.split("|")[0]
    return os.path.dirname(path) if os.path.exists(path) else None


def default_cache_path(context, photo_source: PhotoSource | None) -> str:
    """Where the embedding cache goes when the user did not choose a file.

    Next to the QGIS project when there is one, else next to the input layer, else in the
    per-user cache folder. Never inside a folder of user photos.
    """
    from ..core.embcache import default_cache_path as core_default

    project = context.project()
    if project is not None and project.homePath():
        return str(core_default(project.homePath()))
    if photo_source is not None and photo_source.features and photo_source.root and \
            photo_source.wkb_type != WKB_NO_GEOMETRY:
        return str(core_default(photo_source.root))
    from ..models.registry import model_cache_dir

    return str(core_default(model_cache_dir().parent))


def add_backbone_parameters(alg: QgsProcessingAlgorithm, with_cache=True) -> None:
    from ..models.registry import list_backbones

    specs = list_backbones()
    alg.addParameter(
        QgsProcessingParameterEnum(
            BACKBONE, tr("Image model (backbone)"),
            [s.title for s in specs] + [tr("My own ONNX model (file below)")], defaultValue=0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            ONNX_MODEL, tr("Own ONNX image model (when chosen above)"),
            extension="onnx", optional=True,
        )
    )
    if with_cache:
        alg.addParameter(
            QgsProcessingParameterFile(
                CACHE, tr("Embedding cache (SQLite or GeoPackage file; default next to the project)"),
                behavior=FILE_FILE, optional=True,
                fileFilter="SQLite / GeoPackage (*.sqlite *.gpkg *.db)",
            )
        )


def backbone_from_parameters(alg, parameters, context, cf: CoreFeedback):
    """(spec, onnx_path) for the chosen backbone, converting packaged weights once if needed."""
    from ..models.registry import ensure_onnx, get_backbone, list_backbones, spec_for_onnx_file

    ids = [s.id for s in list_backbones()]
    choice = alg.parameterAsEnum(parameters, BACKBONE, context)
    if choice < len(ids):
        spec = get_backbone(ids[choice])
        if spec.quantized_from:
            from ..models.quantize import cpu_note

            note = cpu_note()
            if note:
                cf.warning(note)
        return spec, str(ensure_onnx(spec.id, feedback=cf))
    onnx_file = alg.parameterAsFile(parameters, ONNX_MODEL, context)
    if not onnx_file:
        raise QgsProcessingException(tr("Choose the ONNX file of your own image model."))
    spec = spec_for_onnx_file(onnx_file)
    return spec, onnx_file


def cache_from_parameters(alg, parameters, context, photo_source):
    from ..core.embcache import EmbeddingCache

    path = alg.parameterAsFile(parameters, CACHE, context) if CACHE in parameters else ""
    path = path or default_cache_path(context, photo_source)
    return EmbeddingCache(path), path  # a folder, read-only place or damaged file: ValueError sentence


def embed_source(alg, parameters, context, feedback, cf, photo_source: PhotoSource):
    """Embeddings of a photo source, served from the cache where possible."""
    from ..core.embed import compute_embeddings

    spec, onnx_path = backbone_from_parameters(alg, parameters, context, cf.sub(0, 5))
    cache, cache_path = cache_from_parameters(alg, parameters, context, photo_source)
    feedback.pushInfo(tr(f"Backbone: {spec.title}; embedding cache: {cache_path}"))
    valid = [i for i, p in enumerate(photo_source.paths) if p]
    try:
        result = compute_embeddings(
            [photo_source.paths[i] for i in valid], spec, onnx_path, cache=cache, feedback=cf.sub(5, 80)
        )
    except Canceled:
        raise Canceled(tr("Embeddings computed before the cancel request are kept in the cache {}, so the "
                          "next run continues from there; no output layer was written.").format(cache_path)) from None
    feedback.pushInfo(
        tr(f"Embeddings: {result.n_cached} from the cache, {result.n_computed} computed, "
           f"{len(result.failed)} photos could not be read ({result.seconds:.1f} s).")
    )
    return spec, cache_path, valid, result


def failed_reasons(photo_source: PhotoSource, valid, result) -> dict:
    """{feature index: sentence} for photos without an embedding (no path, or unreadable)."""
    reasons = {i: tr("The feature has no photo path.") for i in range(len(photo_source.paths))}
    for i in valid:
        reasons.pop(i, None)
    for idx, _path, _code, sentence in result.failed:
        reasons[valid[idx]] = sentence
    return reasons
