"""An independent loader for Lobe ONNX exports, written from lobe-python's documented behaviour.

It shares no code with Photo Motifs: the tests run our exported models through it to show
that Lobe's own tools would read them and get the same predictions. What it follows
(lobe-python ``signature.py``, ``image_utils.py``, ``backends/backend_onnx.py``):

* ``signature.json`` in the model folder: ``inputs["Image"]`` gives the input tensor name and
  its ``[null, H, W, 3]`` shape, ``outputs`` maps keys to tensor names, ``classes["Label"]``
  the class names, ``filename`` the model file; ``format`` must be ``onnx``;
* image preprocessing: apply the EXIF orientation (tag 0x0112, through ``_getexif``), convert to
  RGB, resize uniformly so the image fills ``H x W`` (the larger scale factor, sizes rounded,
  Pillow's default filter), crop the centre ``H x W`` box (offsets rounded down), values / 255
  as float32 with a batch axis (NHWC);
* run onnxruntime asking for every output named in the signature; the prediction is the class
  with the highest confidence.
"""
from __future__ import annotations

import json
import os

import numpy as np
import onnxruntime as rt
from PIL import Image

_ORIENTATION = 0x0112


def orient(image: Image.Image) -> Image.Image:
    exif = image._getexif() if hasattr(image, "_getexif") else None
    if not exif or _ORIENTATION not in exif:
        return image
    code = exif[_ORIENTATION] - 1
    if code >= 4:
        image = image.transpose(Image.TRANSPOSE)
    if code in (2, 3, 6, 7):
        image = image.transpose(Image.FLIP_TOP_BOTTOM)
    if code in (1, 2, 5, 6):
        image = image.transpose(Image.FLIP_LEFT_RIGHT)
    return image


def fill_and_crop(image: Image.Image, size: tuple) -> Image.Image:
    width, height = image.size
    target_w, target_h = size
    scale = max(target_w / width, target_h / height)
    image = image.resize((round(scale * width), round(scale * height)))
    width, height = image.size
    left = max(0, (width - target_w) // 2)
    top = max(0, (height - target_h) // 2)
    return image.crop((left, top, min(width, left + target_w), min(height, top + target_h)))


class LobeStyleModel:
    def __init__(self, folder):
        with open(os.path.join(folder, "signature.json"), "r", encoding="utf-8") as fh:
            self.signature = json.load(fh)
        if self.signature.get("format") != "onnx":
            raise ValueError("not an ONNX export")
        image_input = self.signature["inputs"]["Image"]
        self.input_name = image_input["name"]
        shape = image_input["shape"]
        self.size = (shape[2], shape[1])  # PIL order: width, height
        self.labels = self.signature["classes"]["Label"]
        self.fetches = [(key, spec["name"]) for key, spec in self.signature["outputs"].items()]
        self.session = rt.InferenceSession(
            os.path.join(folder, self.signature["filename"]), providers=["CPUExecutionProvider"]
        )

    def preprocess(self, path) -> np.ndarray:
        image = Image.open(path)
        image = orient(image).convert("RGB")
        image = fill_and_crop(image, self.size)
        return np.expand_dims(np.asarray(image) / 255.0, axis=0).astype(np.float32)

    def predict_from_file(self, path) -> dict:
        """{'Prediction': label, 'Confidences': [...], 'labels': [(label, confidence) sorted]}."""
        outputs = self.session.run([name for _, name in self.fetches], {self.input_name: self.preprocess(path)})
        results = {key: value.tolist()[0] for (key, _), value in zip(self.fetches, outputs)}
        for key, value in results.items():
            if isinstance(value, bytes):
                results[key] = value.decode()
        pairs = sorted(zip(self.labels, results["Confidences"]), key=lambda p: p[1], reverse=True)
        results.setdefault("Prediction", pairs[0][0])
        results["labels"] = pairs
        return results
