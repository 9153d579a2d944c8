"""int8 versions of built-in backbones: static QDQ quantisation with a shipped calibration table.

int8 is offered only while its embeddings stay close to fp32 (cosine to fp32 and a linear
probe's accuracy); ``bench/int8_quality.py`` measures both, and the README gives the figures.

Recipe (onnxruntime.quantization, QDQ format):

* activations uint8 (asymmetric), weights int8 **per output channel**, full 8-bit range (no
  ``reduce_range``): right for CPUs with VNNI (AVX512-VNNI / AVX-VNNI, x86 since about 2019;
  ARM's dot-product instructions). Older AVX2-only CPUs compute such u8 x s8 products with 16-bit
  intermediate sums that can saturate, so their results can drift from these figures
  (``reduce_range`` avoids that but loses more accuracy than the bar allows): the fp32
  backbone stays the default, and :func:`cpu_note` says when the CPU lacks VNNI;
* the first ``FP32_LEADING_CONVS`` convolutions (stem and first block, at 112 x 112) stay in
  float: quantising them costs the most accuracy for little speed;
* the pooling head (global average pools, concatenation, ImageNet classifier) stays in float,
  so the embeddings and logits are not rounded to 8 bits;
* min/max calibration ranges come from ``<backbone>_int8_ranges.json`` next to this module,
  measured once on real photos (amos day/night webcam frames and Debian wallpapers, none of
  the evaluation sets) by :func:`calibrate` and shipped, so every user's int8 model is the same
  file whatever photos they have (``python -m photo_motifs.models.calibrate`` regenerates the
  table from ../shared/data).

The quantised graph keeps the fp32 graph's inputs, outputs and metadata (plus
``photo_motifs.quantization``), so the runner, the cache and classifier export treat it as any
built-in backbone.
"""
from __future__ import annotations

import json
import platform
import tempfile
from pathlib import Path

import numpy as np

from ..core.model_files import METADATA_PREFIX

FP32_LEADING_CONVS = 4
RANGES_SUFFIX = "_int8_ranges.json"


def ranges_file(base_id: str) -> Path:
    return Path(__file__).with_name(base_id + RANGES_SUFFIX)


def _preprocess(fp32_path, out_path) -> None:
    """onnxruntime's pre-quantisation pass (shape inference + basic graph optimisation)."""
    from onnxruntime.quantization.shape_inference import quant_pre_process

    quant_pre_process(str(fp32_path), str(out_path), skip_symbolic_shape=True)


# the pooling head stays in float so that the outputs (embeddings, logits) are not rounded to 8 bits
FP32_OP_TYPES = ("GlobalAveragePool", "Flatten", "Concat", "Gemm")


def _fp32_nodes(model, count: int) -> list:
    convs = [n.name for n in model.graph.node if n.op_type == "Conv"][:count]
    return convs + [n.name for n in model.graph.node if n.op_type in FP32_OP_TYPES]


def calibrate(fp32_path, batches, out_json, base_id: str, photos: list) -> dict:
    """Min/max of every activation over ``batches`` (float32 NCHW arrays), saved as JSON.

    Returns the table: {"tensors": {name: [low, high]}, "fp32_nodes": [...], ...}.
    """
    import onnx
    import onnxruntime
    from onnxruntime.quantization import CalibrationDataReader, CalibrationMethod, create_calibrator

    class _Reader(CalibrationDataReader):
        def __init__(self):
            self._it = iter(batches)

        def get_next(self):
            batch = next(self._it, None)
            return None if batch is None else {"pixels": np.asarray(batch, np.float32)}

    with tempfile.TemporaryDirectory(prefix="pm_calib_") as tmp:
        pre = Path(tmp) / "pre.onnx"
        _preprocess(fp32_path, pre)
        calibrator = create_calibrator(
            pre, [], augmented_model_path=str(Path(tmp) / "augmented.onnx"),
            calibrate_method=CalibrationMethod.MinMax,
        )
        calibrator.collect_data(_Reader())
        data = calibrator.compute_data()
        model = onnx.load(str(pre))
    tensors = {name: [float(np.asarray(v.range_value[0])), float(np.asarray(v.range_value[1]))]
               for name, v in sorted(data.items())}
    table = {
        "backbone": base_id,
        "method": "minmax",
        "onnxruntime": onnxruntime.__version__,
        "photos": len(photos),
        "photo_list": [str(p) for p in photos],
        "fp32_nodes": _fp32_nodes(model, FP32_LEADING_CONVS),
        "tensors": tensors,
    }
    from ..core.safe_write import json_problem, replace_complete

    text = json.dumps(table, indent=1) + "\n"
    replace_complete(out_json, lambda tmp: tmp.write_text(text, encoding="utf-8"), verify=json_problem)
    return table


def quantize(fp32_path, dest, table: dict, metadata: dict | None = None) -> None:
    """Write the int8 (QDQ) model of ``fp32_path`` to ``dest`` using the calibration ``table``.

    ``metadata``: ``photo_motifs.*`` entries (without the prefix) that replace the fp32 graph's.

    Raises ValueError with a sentence when the table is malformed or does not belong to this graph.
    """
    tensors, fp32_nodes = table.get("tensors"), table.get("fp32_nodes")
    if not isinstance(tensors, dict) or not isinstance(fp32_nodes, list) or \
            any(not isinstance(v, list) or len(v) != 2 for v in tensors.values()):
        raise ValueError("The int8 calibration table is damaged (it needs 'tensors' as name: [low, high] "
                         "and 'fp32_nodes'); reinstall Photo Motifs or regenerate the table.")
    import onnx
    from onnxruntime.quantization import CalibrationMethod, QuantType
    from onnxruntime.quantization.calibrate import TensorsData
    from onnxruntime.quantization.qdq_quantizer import QDQQuantizer
    from onnxruntime.quantization.quant_utils import load_model_with_shape_infer
    from onnxruntime.quantization.registry import QDQRegistry, QLinearOpsRegistry

    with tempfile.TemporaryDirectory(prefix="pm_quant_") as tmp:
        pre = Path(tmp) / "pre.onnx"
        _preprocess(fp32_path, pre)
        model = load_model_with_shape_infer(pre)
        names = {n.name for n in model.graph.node}
        outputs = {o for n in model.graph.node for o in n.output} | {i.name for i in model.graph.input}
        missing = [t for t in tensors if t not in outputs]
        if missing or any(n not in names for n in fp32_nodes):
            raise ValueError(
                f"The int8 calibration table does not match the converted {table.get('backbone')} "
                f"graph ({len(missing)} unknown tensors); convert the fp32 backbone again "
                "(python -m photo_motifs.models.convert --force) or regenerate the table."
            )
        ranges = TensorsData(CalibrationMethod.MinMax, {
            k: (np.float32(lo), np.float32(hi)) for k, (lo, hi) in tensors.items()
        })
        quantizer = QDQQuantizer(
            model, True, False, QuantType.QInt8, QuantType.QUInt8, ranges,
            [], list(fp32_nodes), sorted(set(QDQRegistry) | set(QLinearOpsRegistry)), {},
        )
        quantizer.quantize_model()
        out = quantizer.model.model
        _topological_sort(out.graph)
        onnx.checker.check_model(out)
    meta = {p.key: p.value for p in out.metadata_props}
    for key, value in (metadata or {}).items():
        meta[METADATA_PREFIX + key] = str(value)
    meta[METADATA_PREFIX + "quantization"] = (
        f"int8 QDQ (u8 activations, s8 per-channel weights), min/max calibration on "
        f"{table.get('photos')} photos; nodes kept in fp32: {', '.join(fp32_nodes)}"
    )
    del out.metadata_props[:]
    for key, value in meta.items():
        out.metadata_props.add(key=key, value=value)
    from .onnx_utils import save_atomic

    save_atomic(out, Path(dest))


def _topological_sort(graph) -> None:
    """Reorder ``graph.node`` so every node comes after its inputs' producers (onnx.checker and
    onnx.compose, used by classifier export, require it; the quantiser appends its nodes)."""
    available = {i.name for i in graph.input} | {t.name for t in graph.initializer} | {""}
    pending = list(graph.node)
    ordered = []
    while pending:
        rest = []
        for node in pending:
            if all(name in available for name in node.input):
                ordered.append(node)
                available.update(node.output)
            else:
                rest.append(node)
        if len(rest) == len(pending):
            raise ValueError("The quantised graph has a cycle or a missing input.")
        pending = rest
    copies = [type(n)() for n in ordered]
    for copy, node in zip(copies, ordered):
        copy.CopyFrom(node)
    del graph.node[:]
    graph.node.extend(copies)


def cpu_has_vnni() -> bool | None:
    """True/False when the CPU flags are readable (Linux x86), else None (unknown)."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_vnni", "avx_vnni"})
    except OSError:
        return None
    return None


def cpu_note() -> str | None:
    """A sentence for the log when int8 results on this CPU may differ from the measured ones."""
    if cpu_has_vnni() is False:
        return ("This CPU has no VNNI instructions: int8 models may run slower and their embeddings "
                "may differ more from fp32 than measured (cosine 0.996); prefer the fp32 backbone "
                "for results you want to compare across machines.")
    return None


# photos computed with fp32 Lite0 above which the log suggests the int8 version
HINT_MIN_PHOTOS = 2000
# speed-up of whole embedding runs for the hint: a middling figure between small photos and
# 12-MP photos whose decoding dominates (bench/embed_throughput.py prints the measured ones)
HINT_SPEEDUP = 1.3


def int8_hint(backbone_id: str, n_computed: int, seconds: float) -> str | None:
    """A sentence suggesting the int8 backbone after a long fp32 Lite0 run on a VNNI CPU, else None."""
    if backbone_id != "efficientnet_lite0" or n_computed < HINT_MIN_PHOTOS or not cpu_has_vnni():
        return None
    return (f"Computing {n_computed} embeddings took {seconds:.0f} s. On this CPU the int8 version of "
            f"EfficientNet-Lite0 would take about {seconds / HINT_SPEEDUP:.0f} s with the same accuracy in "
            "our tests (embeddings at cosine 0.996); its vectors are cached apart from these.")
