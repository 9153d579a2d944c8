"""Small helpers to build backbone ONNX graphs from numpy weights (no torch).

Every backbone follows one contract (see ``models/registry.py``): opset 17, input ``pixels``
float32 NCHW ``[N, 3, S, S]`` holding RGB values 0..255, normalisation inside the graph,
outputs ``features`` ``[N, D]`` and, for ImageNet classifiers, ``logits`` ``[N, 1000]``.
"""
from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from ..core.model_files import METADATA_PREFIX

OPSET = 17
# IR 8 is the lowest IR version that allows opset 17: readable by every onnxruntime >= 1.13.
IR_VERSION = 8
INPUT_NAME = "pixels"
FEATURES_NAME = "features"
LOGITS_NAME = "logits"


def same_pads(size: int, kernel: int, stride: int) -> tuple:
    """TensorFlow "SAME" padding for one spatial axis: (pad_before, pad_after, out_size).

    TF puts the odd pixel of padding at the end (bottom/right), e.g. 224 px, k=3, s=2 -> (0, 1).
    """
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2, out


def fold_batchnorm(weight, gamma, beta, mean, var, eps, bias=None) -> tuple:
    """Fold an inference BatchNorm that follows a conv into the conv's weight and bias."""
    scale = gamma.astype(np.float64) / np.sqrt(var.astype(np.float64) + eps)
    w = weight.astype(np.float64) * scale.reshape((-1,) + (1,) * (weight.ndim - 1))
    b = (0.0 if bias is None else bias.astype(np.float64)) - mean.astype(np.float64)
    b = beta.astype(np.float64) + b * scale
    return w.astype(np.float32), b.astype(np.float32)


class GraphBuilder:
    """Collects nodes and initializers; names are made unique with a running counter."""

    def __init__(self):
        self.nodes = []
        self.initializers = []
        self._count = 0
        self._clip_bounds = None

    def _name(self, hint: str) -> str:
        self._count += 1
        return f"{hint}_{self._count}"

    def const(self, array, hint: str = "const") -> str:
        name = self._name(hint)
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, op_type: str, inputs, hint: str | None = None, output: str | None = None, **attrs) -> str:
        out = output or self._name(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], name=self._name(op_type), **attrs))
        return out

    def conv(self, x: str, weight, bias, stride: int = 1, pads=(0, 0, 0, 0), group: int = 1,
             hint: str = "conv") -> str:
        """Conv with static pads given as (top, left, bottom, right)."""
        k_h, k_w = weight.shape[2:]
        return self.op(
            "Conv",
            [x, self.const(weight.astype(np.float32), hint + "_w"), self.const(bias.astype(np.float32), hint + "_b")],
            hint=hint,
            kernel_shape=[int(k_h), int(k_w)],
            strides=[stride, stride],
            pads=[int(p) for p in pads],
            group=group,
        )

    def relu6(self, x: str) -> str:
        if self._clip_bounds is None:
            self._clip_bounds = [self.const(np.float32(0.0), "zero"), self.const(np.float32(6.0), "six")]
        return self.op("Clip", [x, *self._clip_bounds], hint="relu6")

    def model(self, input_size: int, outputs: dict, metadata: dict, doc: str) -> onnx.ModelProto:
        """Wrap the graph: input ``pixels`` [N,3,S,S]; ``outputs`` maps output name -> width."""
        graph = helper.make_graph(
            self.nodes,
            "photo_motifs_backbone",
            [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", 3, input_size, input_size])],
            [helper.make_tensor_value_info(name, TensorProto.FLOAT, ["N", width]) for name, width in outputs.items()],
            initializer=self.initializers,
        )
        model = helper.make_model(
            graph,
            opset_imports=[helper.make_opsetid("", OPSET)],
            producer_name="photo_motifs",
            doc_string=doc,
        )
        model.ir_version = IR_VERSION
        helper.set_model_props(model, {METADATA_PREFIX + k: str(v) for k, v in metadata.items()})
        onnx.checker.check_model(model)
        return model


def save_atomic(model: onnx.ModelProto, path) -> Path:
    """Write the model next to ``path`` under a temporary name, then rename it into place.

    Readers never see a half-written file and two concurrent converters cannot corrupt it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(model.SerializeToString())
            f.flush()
            os.fsync(f.fileno())  # a delayed write error of a full disk shows here, not after the rename
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the model gets the usual file mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_metadata(model: onnx.ModelProto) -> dict:
    """``photo_motifs.*`` metadata_props as a dict without the prefix."""
    return {
        p.key[len(METADATA_PREFIX):]: p.value for p in model.metadata_props if p.key.startswith(METADATA_PREFIX)
    }
