"""Export a trained classifier as a model folder that Lobe's loaders can also run.

A model folder holds:

* ``model.onnx``: ONE graph from image to class probabilities, following the contract of
  Lobe's ONNX exports: input ``Image:0``, float32 NHWC ``[N, H, W, 3]`` with RGB values in
  [0, 1], the photo EXIF-oriented, resized to fill ``H x W`` and centre-cropped (lobe-python's
  ``image_utils.preprocess_image``); outputs ``Confidences`` float32 ``[N, n_classes]``
  (softmax) and ``Prediction`` (string ``[N]``, the most confident class name); a model trained
  with a calibrated 'unknown' (``core/openset.py``) has a third output ``UnknownScore`` (float32
  ``[N]``: local outlier factor among the training photos, or the k-NN distance for small
  classes, / threshold; above 1 the photo is unknown), which Lobe's loaders never ask for (they
  fetch the outputs their signature names).
  Inside the graph: scaling to the backbone's input (``x 255``, or ``(x - mean) / std`` for a
  user backbone that wants normalised input), the central crop that the backbone's own
  preprocessing takes (for EfficientNet-Lite0 the input is 256 x 256 and the graph keeps the
  central 224 x 224, which equals "shorter side to 256, centre crop 224"), NHWC -> NCHW, the
  backbone graph (``onnx.compose`` with the prefix ``backbone/``), then the head:
  ReduceL2/Div (L2 normalisation; with multi-level features, ``features_multi`` of the built-in
  EfficientNets, Split into the final features and the pooled stage outputs, each normalised
  on its own, then Concat), Sub/Mul (standardisation), Gemm (+Relu for the MLP), Softmax. Class names
  and preprocessing are in ``metadata_props`` (``photo_motifs.classifier.*``).
* ``signature.json`` in the layout of Lobe's exports (read by lobe-python's ``Signature``):
  ``doc_id``, ``doc_name``, ``doc_version``, ``format: "onnx"``, ``version``, ``inputs.Image``,
  ``outputs.Confidences`` / ``outputs.Prediction``, ``tags``, ``classes.Label``, ``filename``,
  ``export_model_version: 1``, plus a ``photo_motifs`` block (ignored by Lobe's loaders); its
  ``unknown`` entry describes the calibration (``output``: ``UnknownScore``, ``file``:
  ``unknown.npz``, ``k``, ``threshold``, ``limit``, ``target_rejection``, ``expected_rejection``...).
* ``labels.txt`` (one class per line, the ``Confidences`` column order; Lobe's starter
  projects read it), ``head.npz`` (the head's arrays: classifying photos whose embeddings are
  already cached skips the backbone, see ``core.classify.classify_embeddings``), ``unknown.npz``
  (the calibrated 'unknown' for the same purpose) and ``model_card.md``.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, compose, helper, numpy_helper

from ..core.messages import msg
from ..core.model_files import (
    CARD_FILE,
    CLASSIFIER_PREFIX,
    CONFIDENCES,
    HEAD_FILE,
    INPUT_KEY,
    INPUT_NAME,
    LABELS_FILE,
    MODEL_FILE,
    PREDICTION,
    SIGNATURE_FILE,
    UNKNOWN_FILE,
    UNKNOWN_SCORE,
)
from ..core.openset import DEFAULT_REJECTION, LRD_EPS
from ..core.report import difference_sentence, split_of, split_text, unit_of, write_report
from ..core.safe_write import publish_folder
from ..core.vecmath import EPS
from .onnx_utils import save_atomic

EXPORT_MODEL_VERSION = 1
SIGNATURE_VERSION = 1
_EPS = EPS  # the norm floor of core.vecmath.l2_normalise, so numpy and ONNX heads agree


def export_input_size(spec) -> int:
    """Side of the exported model's square input for a backbone spec.

    Centre-crop backbones take the photo resized to ``resize_short`` (the graph crops the
    central ``input_size``), squash backbones take ``input_size`` directly.
    """
    return int(spec.resize_short) if spec.crop == "center" else int(spec.input_size)


def preprocessing(spec) -> dict:
    """The preprocessing a caller applies before ``Image:0`` (stored in metadata/signature)."""
    return {
        "input_size": [export_input_size(spec), export_input_size(spec)],
        "resize": "fill" if spec.crop == "center" else "squash",
        "crop": "center" if spec.crop == "center" else "none",
        "resample": spec.resample,
        "scaling": "0-1",
        "layout": "NHWC",
        "exif_orientation": True,
    }


def _pre_graph(spec, size: int) -> onnx.GraphProto:
    """``Image:0`` NHWC [0, 1] -> the backbone's input tensor ``pre/pixels``."""
    nodes, inits = [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    x = INPUT_NAME
    if getattr(spec, "mean", None) is None:
        nodes.append(helper.make_node("Mul", [x, const("pre/255", np.float32(255.0))], ["pre/scaled"]))
    else:
        mean = np.asarray(spec.mean, dtype=np.float32)
        std = np.asarray(spec.std, dtype=np.float32)
        nodes.append(helper.make_node("Sub", [x, const("pre/mean", mean)], ["pre/centred"]))
        nodes.append(helper.make_node("Div", ["pre/centred", const("pre/std", std)], ["pre/scaled"]))
    x = "pre/scaled"
    offset = (size - int(spec.input_size)) // 2
    if offset:
        end = offset + int(spec.input_size)
        nodes.append(helper.make_node(
            "Slice",
            [x, const("pre/starts", np.array([offset, offset], np.int64)),
             const("pre/ends", np.array([end, end], np.int64)), const("pre/axes", np.array([1, 2], np.int64))],
            ["pre/cropped"],
        ))
        x = "pre/cropped"
    if getattr(spec, "pixel_quirk", None) == "orange_swap_columns":
        order = np.arange(int(spec.input_size), dtype=np.int64)
        order[[0, 2]] = order[[2, 0]]
        nodes.append(helper.make_node("Gather", [x, const("pre/columns", order)], ["pre/quirk"], axis=2))
        x = "pre/quirk"
    if getattr(spec, "layout", "NCHW").upper() == "NCHW":
        nodes.append(helper.make_node("Transpose", [x], ["pre/pixels"], perm=[0, 3, 1, 2]))
    else:
        nodes.append(helper.make_node("Identity", [x], ["pre/pixels"]))
    return helper.make_graph(
        nodes, "photo_motifs_preprocess",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", size, size, 3])],
        [helper.make_tensor_value_info("pre/pixels", TensorProto.FLOAT, None)],
        initializer=inits,
    )


def unknown_nodes(calibration, input_name: str) -> tuple:
    """``unknown_score`` as ONNX operators: features [N, D] -> ``UnknownScore`` [N].

    The first ``feature_dims`` values, L2-normalised (as ``core.vecmath``), times the reference
    photos (MatMul) give cosines, and distances between unit vectors are ``sqrt(max(2 - 2 cos, 0))``;
    then :func:`_lof_nodes` or :func:`_knn_nodes` as ``calibration.method`` says, / threshold.
    Returns ``(nodes, initializers)``.
    """
    nodes, inits = [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    dims = int(calibration.feature_dims)
    nodes.append(helper.make_node(
        "Slice", [input_name, const("unknown/starts", np.array([0], np.int64)),
                  const("unknown/ends", np.array([dims], np.int64)), const("unknown/axes", np.array([1], np.int64))],
        ["unknown/final"]))
    reference_t = np.ascontiguousarray(calibration.reference.T.astype(np.float32))
    nodes += [
        helper.make_node("ReduceL2", ["unknown/final"], ["unknown/norm"], axes=[1], keepdims=1),
        helper.make_node("Max", ["unknown/norm", const("unknown/eps", np.float32(_EPS))], ["unknown/norm_safe"]),
        helper.make_node("Div", ["unknown/final", "unknown/norm_safe"], ["unknown/unit"]),
        helper.make_node("MatMul", ["unknown/unit", const("unknown/reference_t", reference_t)], ["unknown/cosines"]),
    ]
    const("unknown/two", np.float32(2.0))
    const("unknown/zero", np.float32(0.0))
    score = (_knn_nodes if calibration.method == "knn" else _lof_nodes)(calibration, nodes, const)
    nodes.append(helper.make_node(
        "Div", [score, const("unknown/threshold", np.float32(calibration.threshold))], [UNKNOWN_SCORE]))
    return nodes, inits


def _distance_nodes(cosines: str, out: str) -> list:
    """Distance between unit vectors from their cosine: ``sqrt(max(2 - 2 cos, 0))``."""
    return [
        helper.make_node("Mul", [cosines, "unknown/two"], [f"{out}_twice"]),
        helper.make_node("Sub", ["unknown/two", f"{out}_twice"], [f"{out}_squared"]),
        helper.make_node("Max", [f"{out}_squared", "unknown/zero"], [f"{out}_squared_safe"]),
        helper.make_node("Sqrt", [f"{out}_squared_safe"], [out]),
    ]


def _lof_nodes(calibration, nodes: list, const) -> str:
    """scikit-learn's ``LocalOutlierFactor.score_samples`` written out: the ``k`` nearest
    references (TopK of the cosines), reachability distances ``max(d, k-distance of the
    neighbour)``, the photo's density ``1 / (mean + 1e-10)``; LOF = the neighbours' mean density
    / the photo's. Returns the name of the LOF tensor [N]."""
    nodes.append(helper.make_node(
        "TopK", ["unknown/cosines", const("unknown/k", np.array([calibration.k], np.int64))],
        ["unknown/top", "unknown/neighbours"], axis=1, largest=1, sorted=1))
    nodes += _distance_nodes("unknown/top", "unknown/distance")
    nodes += [
        helper.make_node("Gather", [const("unknown/kdist", calibration.kdist.astype(np.float32)), "unknown/neighbours"],
                         ["unknown/neighbour_kdist"], axis=0),
        helper.make_node("Max", ["unknown/distance", "unknown/neighbour_kdist"], ["unknown/reach"]),
        helper.make_node("ReduceMean", ["unknown/reach"], ["unknown/mean_reach"], axes=[1], keepdims=0),
        helper.make_node("Add", ["unknown/mean_reach", const("unknown/lrd_eps", np.float32(LRD_EPS))],
                         ["unknown/mean_reach_safe"]),
        helper.make_node("Gather", [const("unknown/lrd", calibration.lrd.astype(np.float32)), "unknown/neighbours"],
                         ["unknown/neighbour_lrd"], axis=0),
        helper.make_node("ReduceMean", ["unknown/neighbour_lrd"], ["unknown/mean_lrd"], axes=[1], keepdims=0),
        # LOF = mean neighbour density / (1 / mean reach) = mean neighbour density x mean reach
        helper.make_node("Mul", ["unknown/mean_lrd", "unknown/mean_reach_safe"], ["unknown/lof"]),
    ]
    return "unknown/lof"


def _knn_nodes(calibration, nodes: list, const) -> str:
    """Per class (reference rows grouped by class) the ``k_c``-th largest cosine (TopK), the
    largest over the classes, as a distance. Returns the name of the distance tensor [N]."""
    per_class = []
    for c, kc, start in calibration.class_k():
        n = int(np.sum(calibration.ref_classes == c))
        tag = f"unknown/c{c}"
        nodes += [
            helper.make_node("Slice", ["unknown/cosines", const(f"{tag}/starts", np.array([start], np.int64)),
                                       const(f"{tag}/ends", np.array([start + n], np.int64)), "unknown/axes"],
                             [f"{tag}/cosines"]),
            helper.make_node("TopK", [f"{tag}/cosines", const(f"{tag}/k", np.array([kc], np.int64))],
                             [f"{tag}/top", f"{tag}/top_index"], axis=1, largest=1, sorted=1),
            helper.make_node("Slice", [f"{tag}/top", const(f"{tag}/kth", np.array([kc - 1], np.int64)),
                                       const(f"{tag}/kth_end", np.array([kc], np.int64)), "unknown/axes"],
                             [f"{tag}/kth_cosine"]),
        ]
        per_class.append(f"{tag}/kth_cosine")
    nodes += [
        helper.make_node("Concat", per_class, ["unknown/class_cosines"], axis=1),
        helper.make_node("ReduceMax", ["unknown/class_cosines"], ["unknown/cosine"], axes=[1], keepdims=0),
    ]
    nodes += _distance_nodes("unknown/cosine", "unknown/knn_distance")
    return "unknown/knn_distance"


def head_graph(head, input_name: str = "head/features", unknown=None) -> onnx.GraphProto:
    """The head as ONNX operators: features [N, D] -> Confidences [N, C], Prediction [N]
    (and ``UnknownScore`` [N] with a ``core.openset.UnknownCalibration`` ``unknown``)."""
    nodes, inits = [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    blocks = list(getattr(head, "blocks", None) or [])
    if len(blocks) > 1:
        parts = [f"head/block{i}" for i in range(len(blocks))]
        nodes.append(helper.make_node(
            "Split", [input_name, const("head/block_sizes", np.asarray(blocks, dtype=np.int64))], parts, axis=1))
        const("head/eps", np.float32(_EPS))
        for part in parts:
            nodes += [
                helper.make_node("ReduceL2", [part], [f"{part}_norm"], axes=[1], keepdims=1),
                helper.make_node("Max", [f"{part}_norm", "head/eps"], [f"{part}_norm_safe"]),
                helper.make_node("Div", [part, f"{part}_norm_safe"], [f"{part}_unit"]),
            ]
        nodes.append(helper.make_node("Concat", [f"{p}_unit" for p in parts], ["head/unit"], axis=1))
    else:
        nodes += [
            helper.make_node("ReduceL2", [input_name], ["head/norm"], axes=[1], keepdims=1),
            helper.make_node("Max", ["head/norm", const("head/eps", np.float32(_EPS))], ["head/norm_safe"]),
            helper.make_node("Div", [input_name, "head/norm_safe"], ["head/unit"]),
        ]
    nodes += [
        helper.make_node("Sub", ["head/unit", const("head/mean", head.mean.astype(np.float32))], ["head/centred"]),
        helper.make_node("Mul", ["head/centred", const("head/inv_std", head.inv_std.astype(np.float32))], ["head/z0"]),
    ]
    z = "head/z0"
    last = len(head.weights) - 1
    for i, (w, b) in enumerate(zip(head.weights, head.biases)):
        out = "head/logits" if i == last else f"head/hidden{i}"
        nodes.append(helper.make_node(
            "Gemm", [z, const(f"head/w{i}", w.astype(np.float32)), const(f"head/b{i}", b.astype(np.float32))], [out]
        ))
        if i < last:
            nodes.append(helper.make_node("Relu", [out], [f"head/relu{i}"]))
            out = f"head/relu{i}"
        z = out
    nodes += [
        helper.make_node("Softmax", [z], [CONFIDENCES], axis=1),
        helper.make_node("ArgMax", [CONFIDENCES], ["head/best"], axis=1, keepdims=0),
        helper.make_node("Gather", [const("head/classes", np.asarray(head.classes, dtype=object)), "head/best"],
                         [PREDICTION], axis=0),
    ]
    outputs = [helper.make_tensor_value_info(CONFIDENCES, TensorProto.FLOAT, ["N", len(head.classes)]),
               helper.make_tensor_value_info(PREDICTION, TensorProto.STRING, ["N"])]
    if unknown is not None:
        more_nodes, more_inits = unknown_nodes(unknown, input_name)
        nodes += more_nodes
        inits += more_inits
        outputs.append(helper.make_tensor_value_info(UNKNOWN_SCORE, TensorProto.FLOAT, ["N"]))
    return helper.make_graph(
        nodes, "photo_motifs_head",
        [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, ["N", head.input_dim])],
        outputs,
        initializer=inits,
    )


def _like(graph: onnx.GraphProto, template: onnx.ModelProto) -> onnx.ModelProto:
    model = helper.make_model(graph, opset_imports=list(template.opset_import), producer_name="photo_motifs")
    model.ir_version = template.ir_version
    return model


def build_classifier_onnx(head, spec, backbone_onnx, name: str = "Photo Motifs classifier",
                          unknown=None) -> onnx.ModelProto:
    """Merge preprocessing + backbone + head into one model (see the module docstring);
    ``unknown``: a ``core.openset.UnknownCalibration`` adds the ``UnknownScore`` output."""
    backbone = onnx.load(str(backbone_onnx))
    backbone_in = getattr(spec, "input_name", "pixels")
    backbone_out = getattr(spec, "output_name", "features")
    if head.input_dim != int(getattr(spec, "output_dim", head.input_dim)):
        raise ValueError(
            f"The head takes {head.input_dim} values but the backbone output '{backbone_out}' has "
            f"{spec.output_dim}; train and export with the same features (registry.classifier_spec)."
        )
    del backbone.metadata_props[:]
    backbone = compose.add_prefix(backbone, "backbone/")
    size = export_input_size(spec)
    model = compose.merge_models(
        _like(_pre_graph(spec, size), backbone), backbone,
        io_map=[("pre/pixels", "backbone/" + backbone_in)],
    )
    model = compose.merge_models(
        model, _like(head_graph(head, unknown=unknown), backbone),
        io_map=[("backbone/" + backbone_out, "head/features")],
        outputs=[CONFIDENCES, PREDICTION] + ([UNKNOWN_SCORE] if unknown is not None else []),
    )
    model.producer_name = "photo_motifs"
    model.doc_string = f"{name}: image NHWC [0,1] -> class confidences ({spec.id} + {head.method} head)."
    meta = {
        "kind": "image_classifier",
        "name": name,
        "classes": json.dumps(list(head.classes)),
        "backbone": spec.id,
        "backbone_cache_key": spec.cache_key,
        "method": head.method,
        "preprocessing": json.dumps(preprocessing(spec)),
    }
    if unknown is not None:
        meta["unknown"] = json.dumps(unknown_signature(unknown))
    helper.set_model_props(model, {CLASSIFIER_PREFIX + k: str(v) for k, v in meta.items()})
    onnx.checker.check_model(model)
    return model


def unknown_signature(unknown) -> dict:
    """Our ``photo_motifs.unknown`` block: the calibration's figures, its graph output and file."""
    return dict(unknown.info(), output=UNKNOWN_SCORE, file=UNKNOWN_FILE)


def signature(head, spec, name: str, model_bytes: bytes, unknown=None) -> dict:
    """signature.json content in the layout of Lobe's exports (lobe-python's Signature).

    ``unknown`` (a ``core.openset.UnknownCalibration``) adds ``photo_motifs.unknown``; the
    Lobe keys (``outputs`` included) stay as in Lobe's exports.
    """
    size = export_input_size(spec)
    sig = {
        "doc_id": str(uuid.uuid4()),
        "doc_name": name,
        "doc_version": hashlib.md5(model_bytes).hexdigest(),  # a content id, as Lobe's 32 hex digits
        "format": "onnx",
        "version": SIGNATURE_VERSION,
        "inputs": {INPUT_KEY: {"dtype": "float32", "shape": [None, size, size, 3], "name": INPUT_NAME}},
        "outputs": {
            CONFIDENCES: {"dtype": "float32", "shape": [None, len(head.classes)], "name": CONFIDENCES},
            PREDICTION: {"dtype": "string", "shape": [None], "name": PREDICTION},
        },
        "tags": [],
        "classes": {"Label": list(head.classes)},
        "filename": MODEL_FILE,
        "export_model_version": EXPORT_MODEL_VERSION,
        "photo_motifs": {
            "backbone": spec.id,
            "backbone_cache_key": spec.cache_key,
            "method": head.method,
            "preprocessing": preprocessing(spec),
        },
    }
    if unknown is not None:
        sig["photo_motifs"]["unknown"] = unknown_signature(unknown)
    return sig


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def model_card(result, spec, name: str, created: str) -> str:
    """Human-readable model card (Markdown)."""
    ev, cv = result.evaluation, result.cv
    lines = [
        f"# {name}",
        "",
        f"Image classifier made with Photo Motifs (QGIS plugin) on {created}, offline: no photo "
        "and no data left this computer.",
        "",
        "## Classes",
        "",
        "| class | photos |",
        "| --- | ---: |",
    ]
    lines += [f"| {c} | {n} |" for c, n in result.counts.items()]
    hyper = {k: v for k, v in result.head.hyperparameters.items() if k != "inner_cv_balanced_accuracy"}
    lines += [
        "",
        "## Model",
        "",
        f"- Backbone: {spec.title} (`{spec.cache_key}`), "
        + ("last stages fine-tuned on the training photos" if result.method == "finetune" else "frozen")
        + f"; weights: {spec.weights}.",
        f"- Licence of the backbone weights: {spec.licence}.",
        f"- Head: `{result.method}` on L2-normalised, standardised {result.head.input_dim}-d embeddings"
        + (f" (blocks of {' + '.join(str(b) for b in result.head.blocks)} values: the backbone's "
           "final features and the pooled outputs of its last two stages, each L2-normalised)"
           if result.head.blocks else "") + "; "
        f"class weights: {result.class_weight or 'none'}; hyperparameters (inner cross-validation): "
        f"{json.dumps(hyper)}.",
        f"- Input: `{INPUT_NAME}` float32 NHWC {export_input_size(spec)} x {export_input_size(spec)} x 3, "
        "RGB in [0, 1], photo EXIF-oriented, "
        + ("resized to fill the square, centre-cropped (as Lobe's loaders do)."
           if spec.crop == "center" else
           "squashed to the square ignoring the aspect ratio (Lobe's loaders centre-crop instead, "
           "which changes results for non-square photos)."),
        f"- Outputs: `{CONFIDENCES}` (one column per class, labels.txt order), `{PREDICTION}` (class name).",
        "",
        "## Evaluation",
        "",
    ]
    if ev is not None:
        lines += [
            f"Hold-out validation on {result.n_val} photos ({split_text(result)}, seed {result.seed}); "
            f"the head was fitted on the other {result.n_train}:",
            "",
            f"- accuracy {_fmt(ev.accuracy)}, balanced accuracy {_fmt(ev.balanced_accuracy)}",
        ]
        random = split_of(result).get("random_split")
        if random:
            lines.append(f"- accuracy of a stratified random split (for comparison only): {_fmt(random['accuracy'])}. "
                         + difference_sentence(ev.accuracy, random["accuracy"], unit_of(result)))
    if cv is not None:
        lines.append(
            f"- {cv['folds']}-fold cross-validation accuracy {_fmt(cv['accuracy_mean'])} "
            f"± {_fmt(cv['accuracy_std'])}, balanced accuracy {_fmt(cv['balanced_accuracy_mean'])}"
        )
    lines += [
        "",
        f"The exported head was then refitted on all {sum(result.counts.values())} photos. "
        "See report.md for per-class figures, the confusion matrix and the misclassified photos.",
        "",
    ]
    lines += unknown_card_lines(result)
    lines += [
        "## Use",
        "",
        "Photo Motifs: *Classify photos* with this folder. Lobe's loaders (lobe-python "
        "`ImageModel.load(folder)`, Lobe's ONNX starter project) read signature.json and "
        "model.onnx as they read a Lobe ONNX export.",
        "",
    ]
    return "\n".join(lines)


def _score_words(unknown) -> str:
    if unknown.method == "knn":
        return f"distance to the {unknown.k}-th nearest training photo of a class (the nearest class)"
    return f"local outlier factor among the training photos of the known classes ({unknown.k} neighbours)"


def unknown_card_lines(result) -> list:
    """The model card's section on photos that fit no class."""
    unknown, figures = getattr(result, "unknown", None), getattr(result, "open_set", None)
    lines = ["## Photos that fit no class ('unknown')", ""]
    if unknown is None:
        return lines + ["No calibrated 'unknown': every photo gets one of the classes (unless a confidence "
                        "threshold is set when classifying).", ""]
    lines.append(
        f"- A photo is `unknown` when its `unknown_score` is above 1: its {_score_words(unknown)} "
        f"({len(unknown.reference)} reference photos; L2-normalised {unknown.feature_dims}-d final backbone "
        f"features) is above {unknown.threshold:.4f}, a value {1 - unknown.target_rejection:.0%} of the training "
        f"photos stay within. In {unknown.folds}-fold cross-validation of this rule "
        f"{unknown.expected_rejection:.1%} of held-out training photos were called unknown."
    )
    if unknown.n_none:
        lines.append(f"- {unknown.n_none} \"none of these\" example photos form the class `{unknown.none_class}`; "
                     "photos the head gives that class are `unknown` too.")
    if figures:
        lines.append(
            f"- Validation ({figures['n_known']} photos of the known classes, calibrated without them): "
            f"accuracy {_fmt(figures['closed_set_accuracy'])} without 'unknown', "
            f"{_fmt(figures['open_set_accuracy'])} with it; {figures['known_rejected']:.1%} called unknown."
        )
    return lines + [""]


def export_model_folder(result, spec, backbone_onnx, out_dir, name: str | None = None,
                        overwrite: bool = True) -> Path:
    """Write model.onnx, signature.json, labels.txt, head.npz and model_card.md to ``out_dir``.

    ``result`` is a ``core.train.TrainResult``; ``spec``/``backbone_onnx`` the backbone the
    embeddings came from. Files are written under temporary names and renamed into place.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out} exists and is not a folder.")
    if (out / MODEL_FILE).exists() and not overwrite:
        raise ValueError(f"{out} already holds a model; choose another folder.")
    out.mkdir(parents=True, exist_ok=True)
    name = name or out.name or "Photo Motifs classifier"
    created = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    write_model_files(out, result.head, spec, backbone_onnx, name, model_card(result, spec, name, created),
                      unknown=getattr(result, "unknown", None))
    return out


def write_model_files(out: Path, head, spec, backbone_onnx, name: str, card: str, unknown=None,
                      signature_extra: dict | None = None) -> None:
    """The files of a model folder into the folder ``out``: model.onnx (preprocessing, backbone, head
    and, with ``unknown``, the open-set score), signature.json (``signature_extra`` added to its
    ``photo_motifs`` block), labels.txt, head.npz, model_card.md (``card``) and unknown.npz, each
    under a temporary name first. Trained and zero-shot models are both written here."""
    model = build_classifier_onnx(head, spec, backbone_onnx, name, unknown=unknown)
    save_atomic(model, out / MODEL_FILE)
    sig = signature(head, spec, name, (out / MODEL_FILE).read_bytes(), unknown=unknown)
    sig["photo_motifs"].update(signature_extra or {})
    texts = {
        SIGNATURE_FILE: json.dumps(sig, indent=2, ensure_ascii=False),
        LABELS_FILE: "\n".join(head.classes) + "\n",
        CARD_FILE: card,
    }
    for fname, text in texts.items():
        tmp = out / (fname + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out / fname)
    tmp = out / (HEAD_FILE + ".tmp")
    head.save(tmp)
    tmp.replace(out / HEAD_FILE)
    write_unknown_file(unknown, out)


def model_folder_problem(folder):
    """None when a model folder is whole (every file there, signature.json and model.onnx read
    back), else the reason: the check before a model folder gets its name."""
    folder = Path(folder)
    for fname in (MODEL_FILE, SIGNATURE_FILE, LABELS_FILE, CARD_FILE, HEAD_FILE):
        path = folder / fname
        if not path.is_file() or path.stat().st_size == 0:
            return f"{fname} is missing or empty"
    try:
        json.loads((folder / SIGNATURE_FILE).read_text(encoding="utf-8"))
    except ValueError as exc:
        return f"{SIGNATURE_FILE} does not parse ({exc})"
    try:
        onnx.load(str(folder / MODEL_FILE), load_external_data=False)
    except Exception as exc:  # protobuf raises DecodeError for a cut file
        return f"{MODEL_FILE} does not load ({type(exc).__name__})"
    return None


def write_unknown_file(unknown, out: Path) -> None:
    """``unknown.npz`` beside the model (the cached-embedding path reads it); an older one goes
    when the new model has no calibration, so a folder never pairs a model with another's."""
    if unknown is None:
        (out / UNKNOWN_FILE).unlink(missing_ok=True)
        return
    tmp = out / (UNKNOWN_FILE + ".tmp")
    unknown.save(tmp)
    tmp.replace(out / UNKNOWN_FILE)


@dataclass
class TrainedModel:
    """Outcome of :func:`train_model_folder`."""

    folder: Path
    result: object  # core.train.TrainResult
    report_files: dict
    invalid: list  # (path, code, sentence): photos left out (not images, unreadable, ...)
    seconds: dict  # phase -> seconds (embedding, training, export, report)
    n_cached: int = 0  # embeddings taken from the cache


def train_model_folder(training_folder, out_dir, backbone: str | None = None, method: str = "linear",
                       val_fraction: float = 0.2, seed: int = 0, cv_folds: int = 0,
                       class_weight="balanced", cache=None, name: str | None = None,
                       feedback=None, unknown_rejection: float = DEFAULT_REJECTION, none_label=None,
                       none_folder=None) -> TrainedModel:
    """Lobe's whole job: class folders -> embeddings -> head -> model folder + report.

    ``training_folder`` holds one subfolder per class (``core.train.collect_folder_dataset``);
    ``cache`` an optional ``core.embcache.EmbeddingCache`` (embeddings are reused and stored).
    Photos that cannot be used are listed in ``invalid`` and in the report, never fatal.
    ``unknown_rejection``, ``none_label``: see :func:`train_model`; ``none_folder``: "none of
    these" example photos (every photo under it, ``core.train.add_none_of_these``).
    """
    from ..core.train import add_none_of_these, collect_folder_dataset, collect_none_of_these

    paths, labels, invalid = collect_folder_dataset(training_folder)
    if not paths:
        raise ValueError(f"{training_folder} holds no class subfolders with photos.")
    if none_folder:
        none_paths, none_invalid = collect_none_of_these(none_folder)
        paths, labels = add_none_of_these(paths, labels, none_paths)
        invalid = invalid + none_invalid
    return train_model(
        paths, labels, out_dir, invalid=invalid, backbone=backbone, method=method,
        val_fraction=val_fraction, seed=seed, cv_folds=cv_folds, class_weight=class_weight,
        cache=cache, name=name, source=str(Path(training_folder).resolve()), feedback=feedback,
        unknown_rejection=unknown_rejection, none_label=none_label,
    )


def train_model(paths, labels, out_dir, invalid=(), backbone=None, method: str = "linear",
                val_fraction: float = 0.2, seed: int = 0, cv_folds: int = 0, class_weight="balanced",
                cache=None, name: str | None = None, source: str = "", onnx_path=None,
                feedback=None, finetune_seconds: float = 300.0, unfreeze_stages: int = 3,
                unknown_rejection: float = DEFAULT_REJECTION, none_label=None,
                groups=None, group_field: str | None = None) -> TrainedModel:
    """Photos with class names -> embeddings -> head -> model folder + report.

    ``backbone`` is a registry id or a ``BackboneSpec`` (with ``onnx_path`` for a user model);
    the head is trained on ``models.registry.classifier_spec(backbone)``'s features (multi-level
    features for the built-in EfficientNets, cached under their own key);
    ``invalid`` lists photos already left out as ``(path, code, sentence)``; ``source``
    describes where the labels came from (a folder, a layer and field) for the report.

    ``method='finetune'`` (needs torch): the last ``unfreeze_stages`` stages of a built-in
    EfficientNet-Lite are first fine-tuned for ``finetune_seconds`` on the training part of the
    hold-out split (``models.finetune.prepare_finetuned_backbone``), then the linear head is
    trained, evaluated and exported exactly as for 'linear', on the fine-tuned backbone's
    features. The hold-out photos are never seen by the fine-tuning, so the validation figures
    stay honest; the final head is refitted on all photos, the backbone keeps its 80 % tuning.

    ``unknown_rejection`` (default 3 %): the calibrated 'unknown' (``core/openset.py``) may call
    this share of photos of the known classes unknown; 0 switches it off. ``none_label``: the
    label meaning "none of these" (a class named ``unknown`` always does).

    ``groups`` (one user or burst per photo, from ``group_field``): every split keeps a group's
    photos on one side (``core.train.train_classifier``), fine-tuning's included.
    """
    from ..core.embed import compute_embeddings
    from ..core.feedback import ensure_feedback
    from ..core.train import train_classifier
    from .registry import DEFAULT_BACKBONE, classifier_spec, ensure_onnx, get_backbone

    feedback = ensure_feedback(feedback)
    seconds = {}
    spec = backbone if hasattr(backbone, "cache_key") else get_backbone(backbone or DEFAULT_BACKBONE)
    head_method, tuned = method, None
    group_of = dict(zip(paths, groups)) if groups is not None else None
    if method == "finetune":
        from .finetune import prepare_finetuned_backbone

        t0 = time.perf_counter()
        spec, onnx_path, paths, labels, invalid, tuned = prepare_finetuned_backbone(
            paths, labels, spec, invalid, val_fraction=val_fraction, seed=seed, class_weight=class_weight,
            seconds_budget=finetune_seconds, unfreeze_stages=unfreeze_stages, feedback=feedback.sub(0, 60),
            groups=groups)
        seconds["finetune"] = time.perf_counter() - t0
        head_method, feedback = "linear", feedback.sub(60, 100)
    spec = classifier_spec(spec)
    feedback.info(msg("training_set", len(paths), len(set(labels)), spec.title))
    onnx_path = onnx_path or ensure_onnx(spec, feedback=feedback)
    t0 = time.perf_counter()
    emb = compute_embeddings(paths, spec, onnx_path, cache=cache, feedback=feedback.sub(0, 70))
    seconds["embedding"] = time.perf_counter() - t0
    invalid = list(invalid) + [(p, code, sentence) for _i, p, code, sentence in emb.failed]
    used_paths = [paths[i] for i in emb.rows]
    used_labels = [labels[i] for i in emb.rows]
    t0 = time.perf_counter()
    result = train_classifier(
        emb.matrix, used_labels, method=head_method, val_fraction=val_fraction, seed=seed, cv_folds=cv_folds,
        class_weight=class_weight, feedback=feedback.sub(70, 95), paths=used_paths,
        blocks=getattr(spec, "classifier_blocks", None) if getattr(spec, "variant", "") else None,
        unknown_rejection=unknown_rejection, none_label=none_label,
        groups=[group_of[p] for p in used_paths] if group_of is not None else None, group_field=group_field,
    )
    seconds["training"] = time.perf_counter() - t0
    if tuned is not None:
        result.method = "finetune"
        result.seconds["finetune"] = seconds["finetune"]
        result.warnings.append(msg("finetune_note", tuned.unfreeze_stages, f"{tuned.seconds:.0f}", tuned.n_steps,
                                   len(tuned.history), len(tuned.train_indices)))
        if emb.failed:
            result.warnings.append(msg("finetune_failed_after"))
        if cv_folds and cv_folds >= 2:
            result.warnings.append(msg("finetune_cv_optimistic"))
    name = name or Path(out_dir).name or "Photo Motifs classifier"
    extra = {
        "name": name,
        "created": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "backbone": spec.cache_key,
        "training_data": source,
    }
    if tuned is not None:
        extra["finetune"] = {"unfreeze_stages": tuned.unfreeze_stages, "seconds": round(tuned.seconds, 1),
                             "steps": tuned.n_steps, "n_photos": len(tuned.train_indices),
                             "backbone_onnx": str(onnx_path), "history": tuned.history}
    feedback.check()
    folder, files = publish_model_folder(result, spec, onnx_path, out_dir, name, extra, invalid, seconds)
    feedback.progress(100.0)
    return TrainedModel(folder, result, files, invalid, seconds, emb.n_cached)


def publish_model_folder(result, spec, onnx_path, out_dir, name, extra, invalid, seconds) -> tuple:
    """The model folder and its report written whole under a temporary name, checked
    (:func:`model_folder_problem`) and only then put in place: (folder, report files)."""
    written = {}

    def fill(tmp):
        t0 = time.perf_counter()
        export_model_folder(result, spec, onnx_path, tmp, name=name)
        seconds["export"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        written.update(write_report(result, tmp, extra=extra, invalid=invalid))
        seconds["report"] = time.perf_counter() - t0

    folder = publish_folder(out_dir, fill, verify=model_folder_problem, obsolete=(UNKNOWN_FILE,))
    return folder, {key: folder / Path(path).name for key, path in written.items()}
