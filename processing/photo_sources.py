"""Photo sources of the algorithms (a layer with a path field, or a folder) and the embedding glue.

Relative photo paths resolve against the layer's own folder (``core.safe_paths.resolve_against``),
never the working directory. :func:`embed_source` embeds a source through the cache.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingUtils,
)

from ..core.feedback import Canceled, CoreFeedback
from ..core.options import BACKBONE_OPTIONS, CLIP_FOLDER, CLIP_FOLDER_INT8, OWN_ONNX, values
from ..core.safe_paths import layer_source_folder, resolve_against
from .outputs import is_null, qgs_fields
from .params import option_labels, option_value, set_help
from .qgis_compat import FIELD_STRING, FILE_FILE, FILE_FOLDER, PARAMETER_ADVANCED, SOURCE_VECTOR, WKB_NO_GEOMETRY
from .translation import reason_text, tr

INPUT = "INPUT"
PATH_FIELD = "PATH_FIELD"
FOLDER = "FOLDER"
RECURSIVE = "RECURSIVE"
# backbone parameters (add_backbone_parameters) and the embedding cache output
BACKBONE = "BACKBONE"
ONNX_MODEL = "ONNX_MODEL"
CLIP_MODEL = "CLIP_MODEL"
CACHE = "CACHE"


def add_photo_source_parameters(alg: QgsProcessingAlgorithm) -> None:
    layer = QgsProcessingParameterFeatureSource(
        INPUT, tr("Photos: photo layer"), [SOURCE_VECTOR], optional=True
    )
    layer.setHelp(tr("A point layer made by 'Read photo folder' or 'Read photo metadata table' "
                     "(or any layer with a field holding photo paths). Leave empty to use a folder."))
    alg.addParameter(layer)
    path_field = QgsProcessingParameterField(
        PATH_FIELD, tr("Field with the photo path"), "photo", INPUT,
        FIELD_STRING, optional=True,
    )
    path_field.setHelp(tr("Relative paths are read from the folder of the layer's file."))
    alg.addParameter(path_field)
    folder = QgsProcessingParameterFile(
        FOLDER, tr("Photos: or a folder of photos"),
        behavior=FILE_FOLDER, optional=True,
    )
    folder.setHelp(tr("Every photo in this folder, when no photo layer is chosen. The photos are only "
                      "read, never changed."))
    alg.addParameter(folder)
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
    unresolved: dict = field(default_factory=dict)  # feature index -> why it has no usable path


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
                tr("The layer has no field '{}'. Choose the field that holds the photo paths (the "
                   "'photo' field of layers made by 'Read photo folder').").format(path_field)
            )
        root = layer_folder(source, parameters, context)
        features, paths, unresolved = [], [], {}
        for feat in source.getFeatures(QgsFeatureRequest()):
            if feedback.isCanceled():
                raise Canceled("Canceled by the user.")
            value = feat[index]
            text, problem = layer_photo_path(root, value)
            if problem:
                unresolved[len(paths)] = problem
            features.append(QgsFeature(feat))
            paths.append(text)
        return PhotoSource(source.fields(), source.wkbType(), source.sourceCrs(), features, paths, root, unresolved)
    if folder:
        if os.path.isfile(folder):
            raise QgsProcessingException(tr("{} is a file; choose the folder that holds the photos.").format(folder))
        if not os.path.isdir(folder):
            raise QgsProcessingException(tr("The folder {} does not exist.").format(folder))
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


def layer_folder(source, parameters, context, key=INPUT):
    """Absolute folder of the input layer's file, against which its relative photo paths resolve
    (None for a layer without a file). The one rule of every algorithm: never the working folder.
    The input may be a path, a layer id or name of the project, a layer object or a
    selected-features definition."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, QgsMapLayer):
        return layer_source_folder(value.source())
    if not value:
        return None
    layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
    return layer_source_folder(layer.source() if layer is not None else str(value))


def layer_photo_path(root, value) -> tuple:
    """(absolute photo path or "", why it is unusable or None) of a layer's path value."""
    text = "" if is_null(value) else str(value)
    if not text:
        return "", None
    resolved = resolve_against(root, text)
    if not os.path.isabs(resolved):
        return "", tr("The photo path {} is relative and the layer has no file whose folder it could be "
                      "relative to; it was not read (never from the working folder).").format(text)
    return resolved, None


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
    alg.addParameter(
        QgsProcessingParameterEnum(
            BACKBONE, tr("Image model (backbone)"), option_labels(BACKBONE_OPTIONS), defaultValue=0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            ONNX_MODEL, tr("Own ONNX image model"),
            extension="onnx", optional=True,
        )
    )
    clip_folder = QgsProcessingParameterFile(
        CLIP_MODEL, tr("CLIP model folder (when chosen above; empty: the last one added)"),
        behavior=FILE_FOLDER, optional=True,
    )
    clip_folder.setFlags(clip_folder.flags() | PARAMETER_ADVANCED)  # the last one added suits most runs
    alg.addParameter(clip_folder)
    set_help(alg, {ONNX_MODEL: tr("Used when the image model is 'My own ONNX model'."), BACKBONE: tr(
        "The model that looks at the photos. The default suits most collections; SqueezeNet repeats an "
        "Orange analysis; the int8 version is faster on recent CPUs; a CLIP model you added recognises "
        "far more kinds of scenes but is slower. Motifs and classifiers only compare photos embedded "
        "with the same model."),
        CLIP_MODEL: tr("A folder written by 'Add a CLIP model'. Left empty, the model added last is used.")})
    if with_cache:
        alg.addParameter(
            QgsProcessingParameterFile(
                CACHE, tr("Embedding cache file"),
                behavior=FILE_FILE, optional=True,
                fileFilter="SQLite / GeoPackage (*.sqlite *.gpkg *.db)",
            )
        )
        set_help(alg, {CACHE: tr("A SQLite or GeoPackage file; empty: next to the project. Embeddings stored "
                                 "there are reused by every later run.")})


def backbone_parameters(choice) -> dict:
    """BACKBONE (and CLIP_MODEL) values for a backbone id, or ``'clip:<folder>'`` (a converted CLIP model)."""
    ids = values(BACKBONE_OPTIONS)
    if isinstance(choice, str) and choice.startswith("clip:"):
        return {BACKBONE: ids.index(CLIP_FOLDER), CLIP_MODEL: choice[len("clip:"):]}
    return {BACKBONE: ids.index(choice) if choice in ids else 0}


def backbone_from_parameters(alg, parameters, context, cf: CoreFeedback):
    """(spec, onnx_path) for the chosen backbone, converting packaged weights once if needed."""
    from ..models.registry import ensure_onnx, get_backbone, spec_for_onnx_file

    choice = option_value(alg, parameters, BACKBONE, context, BACKBONE_OPTIONS)
    if choice in (CLIP_FOLDER, CLIP_FOLDER_INT8):
        from ..models.registry import spec_for_clip_folder

        folder = alg.parameterAsFile(parameters, CLIP_MODEL, context) if CLIP_MODEL in parameters else ""
        spec = spec_for_clip_folder(folder or None, int8=choice == CLIP_FOLDER_INT8)
        return spec, spec.onnx_path
    if choice != OWN_ONNX:
        spec = get_backbone(choice)
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


def embed_source(alg, parameters, context, feedback, cf, photo_source: PhotoSource, keep_vectors=True):
    """Embeddings of a photo source, served from the cache where possible.

    ``keep_vectors=False``: the vectors stay in the cache (the result's matrix is empty; read them
    with ``core.embcache.CachedVectors``), so a million photos never hold 5 GB of vectors at once.
    """
    from ..core.embed import compute_embeddings

    spec, onnx_path = backbone_from_parameters(alg, parameters, context, cf.sub(0, 5))
    cache, cache_path = cache_from_parameters(alg, parameters, context, photo_source)
    feedback.pushInfo(tr("Image model: {}; embedding cache: {}").format(spec.title, cache_path))
    valid = [i for i, p in enumerate(photo_source.paths) if p]
    try:
        result = compute_embeddings(
            [photo_source.paths[i] for i in valid], spec, onnx_path, cache=cache, feedback=cf.sub(5, 80),
            keep_vectors=keep_vectors,
        )
    except Canceled:
        raise Canceled(tr("Embeddings computed before the cancel request are kept in the cache {}, so the "
                          "next run continues from there; no output layer was written.").format(cache_path)) from None
    feedback.pushInfo(
        tr("Embeddings: {} from the cache, {} computed, {} photos could not be read ({} s).").format(
            result.n_cached, result.n_computed, len(result.failed), f"{result.seconds:.1f}")
    )
    return spec, cache_path, valid, result


def failed_reasons(photo_source: PhotoSource, valid, result) -> dict:
    """{feature index: sentence} for photos without an embedding (no path, or unreadable)."""
    from ..core.layer_columns import NO_PATH, failed_rows

    # a feature without a path: why, when the source knows (a relative path without a layer folder)
    return {i: photo_source.unresolved.get(i, tr("The feature has no photo path.")) if (code, sentence) == NO_PATH
            else reason_text(code, sentence)
            for i, (code, sentence) in failed_rows(len(photo_source.paths), valid, result).items()}


def clip_model_parameter(alg, name):
    """The MODEL parameter shared by zeroshot and search: a CLIP folder (empty: the model added last)."""
    param = QgsProcessingParameterFile(
        name, tr("CLIP model folder"), behavior=FILE_FOLDER, optional=True)
    param.setHelp(tr("Empty: the model added last with 'Add a CLIP model'."))
    alg.addParameter(param)


def clip_model(alg, parameters, context, model_key, int8_key):
    """(ClipText, spec of its image tower) of the CLIP folder chosen in ``model_key`` (empty: the model added last)."""
    from ..core.zeroshot import ClipText
    from ..models.registry import spec_for_clip_folder

    spec = spec_for_clip_folder(alg.parameterAsFile(parameters, model_key, context) or None,
                                int8=alg.parameterAsBoolean(parameters, int8_key, context))
    return ClipText(Path(spec.onnx_path).parent), spec


def clip_embeddings(alg, parameters, context, feedback, cf, source, model_key, int8_key, model=None, cache=None):
    """(ClipText, spec, valid feature indices, EmbeddingResult, cache) of a photo source with a CLIP image tower.

    ``model``: (ClipText, spec) from :func:`clip_model`, ``cache``: (EmbeddingCache, path) from
    :func:`cache_from_parameters`, when the caller needed them before the photos are embedded.
    """
    from ..core.embed import compute_embeddings

    text, spec = model or clip_model(alg, parameters, context, model_key, int8_key)
    cache, cache_path = cache or cache_from_parameters(alg, parameters, context, source)
    feedback.pushInfo(tr("CLIP model: {} ({}); embedding cache: {}").format(text.name, spec.title, cache_path))
    valid = [i for i, p in enumerate(source.paths) if p]
    try:
        emb = compute_embeddings([source.paths[i] for i in valid], spec, spec.onnx_path, cache=cache,
                                 feedback=cf.sub(0, 80))
    except Canceled:
        raise Canceled(tr("Embeddings computed before the cancel request are kept in the cache {}, so the "
                          "next run continues from there; no output layer was written.").format(cache_path)) from None
    feedback.pushInfo(tr("Embeddings: {} from the cache, {} computed, {} photos could not be read.").format(
        emb.n_cached, emb.n_computed, len(emb.failed)))
    return text, spec, valid, emb, cache
