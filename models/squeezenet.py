"""Orange Image Analytics' local SqueezeNet embedder as an ONNX graph.

Orange's "SqueezeNet (local)" embedder (orange3-imageanalytics ``local_embedder.py`` +
``utils/embedder_utils.py``) runs the numpy network of the ``ndf`` package
(``ndf/example_models/squeezenet.py``, weights ``squeezenet_weights.pkl``) with
``include_softmax=False`` and uses its 1000-d output as the embedding. To reproduce it:

* Image: Pillow, ``convert("RGB")``, ``resize((227, 227), LANCZOS)`` (squash, no crop).
* ``preprocess_squeezenet``: meant to turn RGB into Caffe's BGR, but indexes the *width* axis, so it
  swaps pixel columns 0 and 2 and leaves the channels in RGB order; then it subtracts the Caffe
  means ``[104.006, 116.669, 122.679]`` from channels R, G, B respectively. The column swap is a
  pixel-layout quirk the runner applies to the uint8 image in "Orange parity" mode
  (``pixel_quirk='orange_swap_columns'``); the mean subtraction, in Orange's channel order, is the
  first node of this graph.
* ndf's network: conv1 3x3/2 with TF "SAME" padding, ReLU, max-pool 3x3/2 (valid), fire2..fire9
  (squeeze 1x1 + ReLU, expand 1x1 and 3x3 SAME + ReLU, concatenated 1x1-first) with max-pools after
  fire3 and fire5, conv10 1x1 *without* ReLU, 13x13 average pool, flatten.

Weights are ``{name: [kernel HWIO, bias]}``; kernels are transposed to ONNX's OIHW here.
"""
from __future__ import annotations

import numpy as np

from .onnx_utils import FEATURES_NAME, INPUT_NAME, LOGITS_NAME, GraphBuilder, same_pads

ORANGE_MEAN_PIXEL = (104.006, 116.669, 122.679)  # subtracted from channels 0, 1, 2 (= R, G, B)
INPUT_SIZE = 227
FIRES = ("fire2", "fire3", None, "fire4", "fire5", None, "fire6", "fire7", "fire8", "fire9")


def _conv(g: GraphBuilder, weights: dict, x: str, name: str, size: int, stride: int = 1, same: bool = True,
          relu: bool = True) -> tuple:
    kernel, bias = weights[name]
    w = np.ascontiguousarray(np.transpose(kernel, (3, 2, 0, 1)))
    if same:
        before, after, out = same_pads(size, w.shape[-1], stride)
    else:
        before, after, out = 0, 0, (size - w.shape[-1]) // stride + 1
    y = g.conv(x, w, bias, stride=stride, pads=(before, before, after, after), hint=name.replace("/", "_"))
    return (g.op("Relu", [y]) if relu else y), out


def _maxpool(g: GraphBuilder, x: str, size: int) -> tuple:
    return g.op("MaxPool", [x], hint="maxpool", kernel_shape=[3, 3], strides=[2, 2]), (size - 3) // 2 + 1


def build_orange_squeezenet(weights: dict, metadata: dict, title: str):
    """The ONNX model (``onnx.ModelProto``) for ndf's SqueezeNet weights, Orange preprocessing inside."""
    g = GraphBuilder()
    mean = np.asarray(ORANGE_MEAN_PIXEL, dtype=np.float32).reshape(1, 3, 1, 1)
    x = g.op("Sub", [INPUT_NAME, g.const(mean, "orange_mean")], hint="centred")
    x, size = _conv(g, weights, x, "conv1", INPUT_SIZE, stride=2)
    x, size = _maxpool(g, x, size)
    for fire in FIRES:
        if fire is None:
            x, size = _maxpool(g, x, size)
            continue
        squeeze, _ = _conv(g, weights, x, fire + "/squeeze1x1", size)
        e1, _ = _conv(g, weights, squeeze, fire + "/expand1x1", size)
        e3, _ = _conv(g, weights, squeeze, fire + "/expand3x3", size)
        x = g.op("Concat", [e1, e3], hint=fire + "_concat", axis=1)
    x, size = _conv(g, weights, x, "conv10", size, same=False, relu=False)
    pooled = g.op("GlobalAveragePool", [x], hint="pooled")
    g.op("Flatten", [pooled], output=FEATURES_NAME, axis=1)
    g.op("Identity", [FEATURES_NAME], output=LOGITS_NAME)
    classes = weights["conv10"][0].shape[-1]
    doc = (f"{title}: ndf SqueezeNet with Orange Image Analytics preprocessing (RGB minus Caffe BGR means). "
           "Input 'pixels' RGB 0..255 NCHW 227x227; outputs 'features' = 'logits' (1000-d conv10 average, no softmax).")
    return g.model(INPUT_SIZE, {FEATURES_NAME: classes, LOGITS_NAME: classes}, metadata, doc)
