"""Load an image classifier: our model folders, Lobe ONNX exports, or a bare ONNX file.

Accepted ``path`` values for :func:`load_model`:

* a folder with ``signature.json`` (ours or Lobe's ONNX export; lobe-python's ``Signature``
  layout: ``inputs.Image`` names the input tensor and its ``[null, H, W, 3]`` shape,
  ``outputs.Confidences`` the probabilities, ``classes.Label`` the class names, ``filename``
  the model file), or the ``signature.json`` file itself;
* a bare ``.onnx`` file (or a folder holding exactly one) with class names from ``labels``
  (a list or a labels.txt path), from our ``photo_motifs.classifier.classes`` metadata, or
  from a ``labels.txt`` beside it; its preprocessing is declared with ``size``, ``scaling``
  ('0-1' as Lobe, or '0-255') and ``layout`` ('NHWC' as Lobe, or 'NCHW'), guessed from the
  input shape when not given.

A Lobe TensorFlow, TensorFlow Lite or TensorFlow.js export (signature ``format`` 'tf',
'tf_lite', 'tf_js', or a saved_model.pb / .tflite / model.json file) cannot be run here: a
:class:`ModelError` explains how to export ONNX from Lobe instead.

Preprocessing follows lobe-python (``image_utils.preprocess_image``): EXIF orientation, RGB,
resize to fill the input (bicubic, Pillow's default) and centre crop, then values / 255 in NHWC.
Our own models declare that in signature.json (``photo_motifs.preprocessing``) as well.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .model_files import (
    CLASSIFIER_PREFIX,
    CONFIDENCES,
    HEAD_FILE,
    INPUT_KEY,
    LABELS_FILE,
    SIGNATURE_FILE,
    UNKNOWN_FILE,
    UNKNOWN_SCORE,
)
from .safe_paths import UnsafePathError, safe_child

SCALINGS = ("0-1", "0-255")
LAYOUTS = ("NHWC", "NCHW")
TF_FORMATS = ("tf", "tf_lite", "tflite", "tf_js", "tfjs")
EXPORT_ONNX_SENTENCE = (
    "This is a Lobe {what} export, which Photo Motifs cannot run. In Lobe, open the project, "
    "go to Use (or File → Export), choose Export → ONNX and select the folder Lobe writes "
    "(it holds signature.json and a .onnx file)."
)


class ModelError(ValueError):
    """A model that cannot be loaded; the message is a sentence for the user."""


@dataclass
class LoadedClassifier:
    """A ready-to-run classifier: ``predict(uint8 NHWC images) -> probabilities``."""

    onnx_path: Path
    classes: list
    input_size: tuple  # (H, W)
    input_name: str
    output_name: str
    layout: str = "NHWC"
    scaling: str = "0-1"
    resample: str = "bicubic"
    crop: str = "center"  # 'center' = resize to fill + centre crop; 'squash'
    name: str = ""
    source: str = "onnx"  # 'photo_motifs' | 'lobe' | 'onnx'
    backbone_cache_key: str | None = None  # ours: embeddings this head expects
    head_path: Path | None = None
    signature: dict | None = None
    fixed_batch: int | None = None  # the model's batch dimension when it is a fixed number (often 1)
    unknown: dict | None = None  # ours: the calibrated 'unknown' (signature photo_motifs.unknown), else None
    unknown_path: Path | None = None  # ours: unknown.npz (core.openset.UnknownCalibration)
    _sessions: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def head(self):
        """The ``core.train.HeadParams`` of our models (None for other models)."""
        if self.head_path is None:
            return None
        from .train import HeadParams

        return HeadParams.load(self.head_path)

    def calibration(self):
        """The ``core.openset.UnknownCalibration`` of our calibrated models (None for other models)."""
        if self.unknown_path is None:
            return None
        from .openset import UnknownCalibration

        return UnknownCalibration.load(self.unknown_path)

    @property
    def unknown_output(self) -> str | None:
        """Name of the graph output holding ``unknown_score`` (None: the model has no calibration)."""
        return (self.unknown or {}).get("output") or None

    def session(self, threads: int | None = None):
        """The onnxruntime session (one per thread count; sessions are thread-safe)."""
        with self._lock:
            sess = self._sessions.get(threads)
            if sess is None:
                import onnxruntime as ort

                opts = ort.SessionOptions()
                if threads:
                    opts.intra_op_num_threads = int(threads)
                opts.inter_op_num_threads = 1
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                try:
                    sess = ort.InferenceSession(str(self.onnx_path), sess_options=opts,
                                                providers=["CPUExecutionProvider"])
                except Exception as exc:
                    raise ModelError(f"onnxruntime cannot load {self.onnx_path.name}: {exc}") from exc
                self._sessions[threads] = sess
            return sess

    def predict(self, images, threads: int | None = None) -> np.ndarray:
        """Class probabilities float32 ``[N, n_classes]`` for uint8 RGB images ``[N, H, W, 3]``.

        Outputs that are not probabilities (negative values or rows not summing to 1) are
        taken as logits and passed through a softmax.
        """
        return self.predict_with_scores(images, threads, scores=False)[0]

    def predict_with_scores(self, images, threads: int | None = None, scores: bool = True) -> tuple:
        """``(probabilities, unknown_score [N] or None)``; the score comes from the graph output
        named by the calibration (:attr:`unknown_output`), None for models without one."""
        x = np.asarray(images)
        if x.ndim == 3:
            x = x[None]
        x = x.astype(np.float32)
        if self.scaling == "0-1":
            x /= 255.0
        if self.layout == "NCHW":
            x = np.ascontiguousarray(x.transpose(0, 3, 1, 2))
        names = [self.output_name] + ([self.unknown_output] if scores and self.unknown_output else [])
        outs = self._run_outputs(x, threads, names)
        out = outs[0]
        if out.shape[1] != len(self.classes):
            raise ModelError(
                f"The model gives {out.shape[1]} values per photo but there are "
                f"{len(self.classes)} class names; check the labels."
            )
        if out.size and (out.min() < -1e-4 or np.abs(out.sum(axis=1) - 1.0).max() > 1e-3):
            out = np.exp(out - out.max(axis=1, keepdims=True))
            out /= out.sum(axis=1, keepdims=True)
        return out, (outs[1].reshape(-1) if len(outs) > 1 else None)

    def _run(self, x: np.ndarray, threads) -> np.ndarray:
        """Raw outputs ``[N, k]``; a model with a fixed batch (most exports: 1) runs in slices of it."""
        return self._run_outputs(x, threads, [self.output_name])[0]

    def _run_outputs(self, x: np.ndarray, threads, names) -> list:
        """The outputs ``names``, each ``[N, k]``, batch-sliced as :meth:`_run` says."""
        sess = self.session(threads)
        n = x.shape[0]
        step = self.fixed_batch
        if not step or step == n:
            outs = sess.run(list(names), {self.input_name: x})
            return [np.asarray(o, dtype=np.float32).reshape(n, -1) for o in outs]
        parts = [[] for _ in names]
        for start in range(0, n, step):
            chunk = x[start:start + step]
            real = chunk.shape[0]
            if real < step:  # pad the last slice to the fixed batch, keep only the real rows
                chunk = np.concatenate([chunk, np.repeat(chunk[-1:], step - real, axis=0)])
            for part, o in zip(parts, sess.run(list(names), {self.input_name: chunk})):
                part.append(np.asarray(o, dtype=np.float32).reshape(step, -1)[:real])
        return [np.concatenate(p) if p else np.zeros((0, len(self.classes) if i == 0 else 1), np.float32)
                for i, p in enumerate(parts)]


def _read_labels(labels) -> list:
    if isinstance(labels, (str, os.PathLike)):
        path = Path(labels)
        if not path.is_file():
            raise ModelError(f"The labels file {path} does not exist.")
        return [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    return [str(c) for c in labels]


def _tf_export_kind(folder: Path) -> str | None:
    if (folder / "saved_model.pb").is_file():
        return "TensorFlow"
    if any(folder.glob("*.tflite")):
        return "TensorFlow Lite"
    if (folder / "model.json").is_file():
        return "TensorFlow.js"
    return None


def _static(dim) -> int | None:
    return dim if isinstance(dim, int) and dim > 0 else None


def check_external_data(model, model_path) -> None:
    """Refuse an ONNX model whose external weight files lie outside the model's own folder.

    ``model`` is an ``onnx.ModelProto`` loaded with ``load_external_data=False``. ONNX lets a
    tensor keep its bytes in another file named by a relative ``location``; a crafted model can
    name ``../../../../etc/passwd`` so that file's bytes become weights (and leak out as
    "confidences"). Every location must resolve inside the folder of ``model_path``
    (:func:`.safe_paths.safe_child`); raises :class:`.safe_paths.UnsafePathError`.
    """
    import onnx

    folder = Path(model_path).resolve().parent
    tensors = list(model.graph.initializer)
    for node in model.graph.node:
        for attr in node.attribute:
            if attr.HasField("t"):
                tensors.append(attr.t)
    for tensor in tensors:
        if tensor.data_location != onnx.TensorProto.EXTERNAL:
            continue
        location = next((e.value for e in tensor.external_data if e.key == "location"), "")
        safe_child(folder, location, what=f"external data file of {Path(model_path).name}")


def load_checked(path):
    """``onnx.load`` without external data, then :func:`check_external_data`; ValueError with a sentence.

    Also refuses an empty (0-byte) file and a file without a graph, which protobuf parses as an
    empty model ("0 inputs") instead of an error.
    """
    import onnx

    path = Path(path)
    if path.stat().st_size == 0:
        raise ValueError(f"{path.name} is empty (0 bytes): it is not an ONNX model. Export or copy it again.")
    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as exc:
        raise ValueError(f"{path.name} is not a readable ONNX model ({exc}).") from None
    if not model.graph.node:
        raise ValueError(f"{path.name} is not an ONNX model (it holds no graph).")
    check_external_data(model, path)
    return model


def _onnx_io(path: Path) -> tuple:
    """(inputs, outputs, metadata) of an ONNX file without loading its weights."""
    try:
        model = load_checked(path)  # empty files, garbage, external data outside the folder
    except ValueError as exc:
        raise ModelError(str(exc)) from exc
    init = {i.name for i in model.graph.initializer}

    def dims(vi):
        return [d.dim_value if d.HasField("dim_value") else None for d in vi.type.tensor_type.shape.dim]

    inputs = [(i.name, dims(i)) for i in model.graph.input if i.name not in init]
    outputs = [(o.name, dims(o), o.type.tensor_type.elem_type) for o in model.graph.output]
    meta = {p.key: p.value for p in model.metadata_props}
    return inputs, outputs, meta


def _from_signature(sig_path: Path) -> LoadedClassifier:
    try:
        sig = json.loads(sig_path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{sig_path} is not a readable signature.json ({exc}).") from exc
    folder = sig_path.parent
    fmt = str(sig.get("format", "")).lower()
    if fmt in TF_FORMATS:
        what = {"tf": "TensorFlow", "tf_lite": "TensorFlow Lite", "tflite": "TensorFlow Lite"}.get(fmt, "TensorFlow.js")
        raise ModelError(EXPORT_ONNX_SENTENCE.format(what=what))
    if fmt != "onnx":
        raise ModelError(f"{sig_path} describes a model in format '{fmt}'; only ONNX models can be used.")
    try:
        image_in = sig["inputs"][INPUT_KEY]
        shape = image_in["shape"]
        classes = [str(c) for c in sig["classes"]["Label"]]
        outputs = sig["outputs"]
        conf = outputs.get(CONFIDENCES) or outputs.get("Labels")  # lobe-python's compat key
        model_name = str(sig.get("filename", "model.onnx"))
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{sig_path} lacks the field {exc} that Lobe's signatures have.") from exc
    try:
        model_file = safe_child(folder, model_name, what="model file")
    except UnsafePathError as exc:
        raise ModelError(str(exc)) from None
    if conf is None:
        raise ModelError(f"{sig_path} names no 'Confidences' output.")
    if not model_file.is_file():
        raise ModelError(f"The model file {model_file.name} named in signature.json is missing.")
    if len(shape) != 4 or shape[3] != 3:
        raise ModelError(f"The image input shape {shape} is not [N, H, W, 3] as in Lobe's exports.")
    onnx_inputs, onnx_outputs, _meta = _onnx_io(model_file)  # readable, external data inside the folder
    in_dims = next((d for n, d in onnx_inputs if n == image_in.get("name", "Image:0")), None)
    ours = sig.get("photo_motifs") or {}
    prep = ours.get("preprocessing") or {}
    head = folder / HEAD_FILE
    unknown, unknown_path = _unknown_of(ours, folder, onnx_outputs)
    return LoadedClassifier(
        onnx_path=model_file,
        classes=classes,
        input_size=(int(shape[1]), int(shape[2])),
        input_name=image_in.get("name", "Image:0"),
        output_name=conf.get("name", CONFIDENCES),
        layout="NHWC",
        scaling="0-1",
        resample=prep.get("resample", "bicubic"),
        crop="squash" if prep.get("resize") == "squash" else "center",
        name=str(sig.get("doc_name") or folder.name),
        source="photo_motifs" if ours else "lobe",
        backbone_cache_key=ours.get("backbone_cache_key"),
        head_path=head if ours and head.is_file() else None,
        signature=sig,
        fixed_batch=_static(in_dims[0]) if in_dims else None,
        unknown=unknown,
        unknown_path=unknown_path,
    )


def _unknown_of(ours: dict, folder: Path, onnx_outputs) -> tuple:
    """``(unknown info, unknown.npz path)`` of our signature block; (None, None) when the model
    has no calibration or its graph lacks the score output (the model then classifies as before)."""
    info = ours.get("unknown") if isinstance(ours, dict) else None
    if not isinstance(info, dict) or not info.get("output"):
        return None, None
    if info["output"] not in {name for name, _dims, _type in onnx_outputs}:
        return None, None
    try:
        path = safe_child(folder, str(info.get("file") or UNKNOWN_FILE), what="'unknown' calibration file")
    except UnsafePathError as exc:
        raise ModelError(str(exc)) from None
    return dict(info), path if path.is_file() else None


def _from_onnx(path: Path, labels, size, scaling, layout) -> LoadedClassifier:
    inputs, outputs, meta = _onnx_io(path)
    if len(inputs) != 1:
        raise ModelError(f"{path.name} has {len(inputs)} inputs; an image classifier has one image input.")
    in_name, in_shape = inputs[0]
    if len(in_shape) != 4:
        raise ModelError(f"{path.name}: the input {in_name} has shape {in_shape}, not an image batch.")
    if layout is None:
        layout = "NCHW" if in_shape[1] == 3 and in_shape[3] != 3 else "NHWC"
    layout = layout.upper()
    if layout not in LAYOUTS:
        raise ModelError(f"Unknown input layout '{layout}'; use NHWC or NCHW.")
    hw = (in_shape[1], in_shape[2]) if layout == "NHWC" else (in_shape[2], in_shape[3])
    hw = tuple(_static(d) for d in hw)
    if size:
        size = (int(size), int(size)) if np.isscalar(size) else tuple(int(s) for s in size)
        if any(h is not None and h != s for h, s in zip(hw, size)):
            raise ModelError(f"{path.name} takes {hw[0]} x {hw[1]} images, not {size[0]} x {size[1]}.")
        hw = size
    if None in hw:
        raise ModelError(f"{path.name} accepts any image size; give the input size the model was trained for.")
    if scaling not in SCALINGS:
        raise ModelError(f"Unknown pixel scaling '{scaling}'; use 0-1 (Lobe) or 0-255.")
    float_outputs = [o for o in outputs if o[2] == 1 and len(o[1]) == 2]
    chosen = next((o for o in float_outputs if o[0] == CONFIDENCES), float_outputs[0] if float_outputs else None)
    if chosen is None:
        raise ModelError(f"{path.name} has no output of class scores [N, classes].")
    if labels is not None:
        classes = _read_labels(labels)
    elif CLASSIFIER_PREFIX + "classes" in meta:
        classes = [str(c) for c in json.loads(meta[CLASSIFIER_PREFIX + "classes"])]
    elif (path.parent / LABELS_FILE).is_file():
        classes = _read_labels(path.parent / LABELS_FILE)
    else:
        raise ModelError(f"{path.name} does not name its classes; give a labels file (one class per line).")
    unknown = None
    if CLASSIFIER_PREFIX + "unknown" in meta and UNKNOWN_SCORE in {o[0] for o in outputs}:
        try:  # our model.onnx chosen outside its folder: the graph still gives the score
            unknown = dict(json.loads(meta[CLASSIFIER_PREFIX + "unknown"]), output=UNKNOWN_SCORE)
        except (ValueError, TypeError):
            unknown = None
    return LoadedClassifier(
        onnx_path=path, classes=classes, input_size=hw, input_name=in_name, output_name=chosen[0],
        layout=layout, scaling=scaling, name=path.stem, source="onnx", fixed_batch=_static(in_shape[0]),
        unknown=unknown,
    )


def load_model(path, labels=None, size=None, scaling: str = "0-1", layout: str | None = None) -> LoadedClassifier:
    """Load a classifier (see the module docstring); raises :class:`ModelError` with a sentence."""
    path = Path(path)
    if not path.exists():
        raise ModelError(f"The model {path} does not exist.")
    if path.is_dir():
        if (path / SIGNATURE_FILE).is_file():
            return _from_signature(path / SIGNATURE_FILE)
        kind = _tf_export_kind(path)
        if kind:
            raise ModelError(EXPORT_ONNX_SENTENCE.format(what=kind))
        onnx_files = sorted(path.glob("*.onnx"))
        if len(onnx_files) != 1:
            raise ModelError(
                f"{path} holds {len(onnx_files)} .onnx files and no signature.json; choose the model file."
            )
        path = onnx_files[0]
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _from_signature(path)
    if suffix in (".pb", ".tflite"):
        raise ModelError(EXPORT_ONNX_SENTENCE.format(what="TensorFlow" if suffix == ".pb" else "TensorFlow Lite"))
    if suffix != ".onnx":
        raise ModelError(f"{path.name} is not an ONNX model (.onnx) nor a model folder.")
    beside = path.parent / SIGNATURE_FILE
    if labels is None and beside.is_file():  # model.onnx chosen inside an exported model folder
        try:
            named = json.loads(beside.read_text(encoding="utf-8")).get("filename")
        except (OSError, ValueError):
            named = None
        if named == path.name:
            return _from_signature(beside)
    return _from_onnx(path, labels, size, scaling, layout)
