"""Convert a CLIP model the user downloaded into a Photo Motifs CLIP folder (ONNX), offline.

    python -m photo_motifs.models.clip SOURCE [OUTPUT_FOLDER] [--arch ViT-B-32-quickgelu] [--no-int8]

``SOURCE`` is a Hugging Face CLIP folder, an OpenCLIP weights file or OpenAI's TorchScript
``.pt`` (``models/clip_weights.py`` reads them; ``--arch`` names an OpenCLIP file's
architecture). Without ``OUTPUT_FOLDER`` the model goes to ``<model cache>/clip/<name>``, where
the dialogs find it. torch and transformers are used here only; everything that runs the
folder afterwards needs onnxruntime alone. The folder (file names in ``core/model_files.py``):

* ``image.onnx``: ``pixels`` float32 NCHW ``[N, 3, S, S]``, RGB normalised as
  ``(x / 255 - mean) / std`` -> ``features`` ``[N, E]`` (CLIP's projected image embedding, not
  L2-normalised). Its ``photo_motifs.*`` metadata describes the preprocessing (input size,
  shorter side, resample, centre crop, mean, std), so ``models.registry.spec_for_onnx_file``
  makes it a backbone for embed, cluster, train and classify;
* ``image_int8.onnx`` (unless ``--no-int8``): the same graph with int8 matrix products
  (onnxruntime's dynamic quantisation of MatMul/Gemm; the patch convolution stays float);
* ``text.onnx``: ``input_ids`` int64 ``[N, L]`` (``core.clip_tokenizer``; L <= 77, a batch may be
  cut after its last end token) -> ``text_embeds`` ``[N, E]``, pooled at the first end token as
  open_clip does;
* ``vocab.json``, ``merges.txt``: the tokenizer; ``clip.json``: dimensions, logit scale, token
  ids, preprocessing, source, licence, the ONNX-vs-torch difference checked at conversion and
  the measured speed; ``model_card.md``: the same for people.

The folder is written under a temporary name beside the target and renamed when complete.
"""
from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..core.feedback import Canceled, ensure_feedback
from ..core.messages import msg
from ..core.model_files import (
    CARD_FILE,
    CLIP_FORMAT,
    CLIP_IMAGE_FILE,
    CLIP_IMAGE_INT8_FILE,
    CLIP_INFO_FILE,
    CLIP_MERGES_FILE,
    CLIP_TEXT_FILE,
    CLIP_VOCAB_FILE,
    METADATA_PREFIX,
)
from ..core.safe_write import json_problem, publish_folder
from .clip_weights import ClipSourceError, LoadedClip, load_clip
from .registry import clip_models_dir

OPSET = 17
SPEED_BATCH = 16
PARITY_LIMIT = 1e-3  # the conversion is refused when ONNX and torch differ by more (relative to the scale)
PREP_VERSION = "1"


@dataclass
class ConvertedClip:
    folder: Path
    info: dict
    seconds: float
    notes: list


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "clip"


# ------------------------------------------------------------------------------- ONNX export


def _towers(model):
    """The image and text towers as torch modules with the folder's inputs and outputs."""
    import torch

    class ImageTower(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.vision, self.projection = model.vision_model, model.visual_projection

        def forward(self, pixels):
            return self.projection(self.vision(pixel_values=pixels).pooler_output)

    class TextTower(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.text, self.projection = model.text_model, model.text_projection

        def forward(self, input_ids):
            hidden = self.text(input_ids=input_ids).last_hidden_state
            first_end = input_ids.to(torch.int32).argmax(dim=-1)  # the end token has the largest id
            return self.projection(hidden[torch.arange(hidden.shape[0]), first_end])

    return ImageTower().eval(), TextTower().eval()


def _export(module, example, path: Path, input_name: str, output_name: str, axes=None) -> None:
    import torch

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, (example,), str(path), input_names=[input_name], output_names=[output_name],
                          dynamic_axes={input_name: axes or {0: "N"}, output_name: {0: "N"}},
                          opset_version=OPSET, dynamo=False, do_constant_folding=True)


def set_metadata(path: Path, meta: dict, doc: str) -> None:
    """Add ``photo_motifs.*`` metadata to an ONNX file (its weights are left where they are)."""
    import onnx

    from .onnx_utils import save_atomic

    model = onnx.load(str(path), load_external_data=False)
    props = {p.key: p.value for p in model.metadata_props}
    props.update({METADATA_PREFIX + k: str(v) for k, v in meta.items()})
    del model.metadata_props[:]
    for key, value in props.items():
        model.metadata_props.add(key=key, value=value)
    model.doc_string = doc
    model.producer_name = "photo_motifs"
    save_atomic(model, path)


def image_metadata(loaded: LoadedClip, name: str, embed_dim: int, int8: bool = False) -> dict:
    prep = loaded.preprocessing
    return {
        "backbone": "clip", "title": f"{name} (CLIP image tower{', int8' if int8 else ''}, {embed_dim}-d)",
        "input_size": prep["input_size"], "resize_short": prep["resize_short"], "resample": prep["resample"],
        "crop": prep["crop"], "mean": ",".join(f"{v:.8g}" for v in prep["mean"]),
        "std": ",".join(f"{v:.8g}" for v in prep["std"]), "layout": "NCHW", "input_name": "pixels",
        "output_name": "features", "output_dim": embed_dim, "prep_version": PREP_VERSION,
        "licence": loaded.licence, "weights": str(loaded.source),
    }


def quantize_image(fp32: Path, dest: Path, meta: dict) -> None:
    """int8 image tower: onnxruntime's dynamic quantisation of the matrix products only.

    Weights int8 per output channel, activations quantised on the fly; the patch convolution,
    LayerNorms and softmax stay float (an int8 first convolution does not load in onnxruntime).
    """
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser logs advice about pre-processing on the root logger
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantize_dynamic(str(fp32), str(dest), op_types_to_quantize=["MatMul", "Gemm"], per_channel=True,
                             weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)
    set_metadata(dest, dict(meta, quantization="int8 dynamic (MatMul/Gemm weights s8 per channel)"),
                 "CLIP image tower, int8 matrix products: pixels -> features")


# ------------------------------------------------------------------------------- checks and speed


def _session(path: Path):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


def parity(loaded: LoadedClip, folder: Path) -> dict:
    """Max |ONNX - torch| of both towers on random pixels and real token ids (refused beyond PARITY_LIMIT)."""
    import torch

    image, text = _towers(loaded.model)
    size = loaded.preprocessing["input_size"]
    pixels = np.random.default_rng(0).standard_normal((3, 3, size, size)).astype(np.float32)
    ids = loaded.tokenizer(["a photo of a church.", "Õhtune jõgi 🌲", ""])
    with torch.no_grad():
        ref_image = image(torch.from_numpy(pixels)).numpy()
        ref_text = text(torch.from_numpy(ids)).numpy()
    got_image = _session(folder / CLIP_IMAGE_FILE).run(None, {"pixels": pixels})[0]
    got_text = _session(folder / CLIP_TEXT_FILE).run(None, {"input_ids": ids})[0]
    out = {"image": float(np.abs(got_image - ref_image).max()), "text": float(np.abs(got_text - ref_text).max())}
    for tower, ref in (("image", ref_image), ("text", ref_text)):
        if out[tower] > PARITY_LIMIT * max(1.0, float(np.abs(ref).max())):
            raise ClipSourceError(f"The exported {tower} tower differs from the original by {out[tower]:.2g}; "
                                  "the conversion was stopped.")
    return out


def measure_speed(path: Path, inputs: dict, batch: int, repeats: int = 3) -> float:
    """Items per second at ``batch`` on all cores (median of ``repeats`` runs after one warm-up)."""
    session = _session(path)
    session.run(None, inputs)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        session.run(None, inputs)
        times.append(time.perf_counter() - t0)
    return batch / float(np.median(times))


def speeds(folder: Path, size: int, int8: bool, tokenizer) -> dict:
    pixels = {"pixels": np.random.default_rng(1).standard_normal((SPEED_BATCH, 3, size, size)).astype(np.float32)}
    out = {"batch": SPEED_BATCH, "image_per_s": round(measure_speed(folder / CLIP_IMAGE_FILE, pixels, SPEED_BATCH), 1)}
    if int8:
        out["image_int8_per_s"] = round(measure_speed(folder / CLIP_IMAGE_INT8_FILE, pixels, SPEED_BATCH), 1)
    ids = {"input_ids": tokenizer(["a photo of a river at night."] * SPEED_BATCH)}
    out["text_per_s"] = round(measure_speed(folder / CLIP_TEXT_FILE, ids, SPEED_BATCH), 1)
    return out


def int8_cosine(folder: Path, size: int) -> float:
    """Mean cosine between the int8 and fp32 image embeddings of random pixels."""
    pixels = np.random.default_rng(2).standard_normal((8, 3, size, size)).astype(np.float32)
    a = _session(folder / CLIP_IMAGE_FILE).run(None, {"pixels": pixels})[0]
    b = _session(folder / CLIP_IMAGE_INT8_FILE).run(None, {"pixels": pixels})[0]
    cos = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return float(cos.mean())


# ------------------------------------------------------------------------------- the folder


def folder_info(loaded: LoadedClip, name: str, int8: bool) -> dict:
    import onnxruntime
    import torch
    import transformers

    cfg = loaded.model.config
    return {
        "format": CLIP_FORMAT, "version": 1, "name": name, "source": str(loaded.source),
        "source_kind": loaded.kind, "architecture": loaded.arch, "activation": loaded.activation,
        "embed_dim": int(cfg.projection_dim), "image_size": int(cfg.vision_config.image_size),
        "patch_size": int(cfg.vision_config.patch_size),
        "vision": {"width": cfg.vision_config.hidden_size, "layers": cfg.vision_config.num_hidden_layers,
                   "heads": cfg.vision_config.num_attention_heads},
        "text": {"width": cfg.text_config.hidden_size, "layers": cfg.text_config.num_hidden_layers,
                 "heads": cfg.text_config.num_attention_heads},
        "context_length": loaded.tokenizer.context_length, "vocab_size": len(loaded.vocab),
        "sot_id": loaded.tokenizer.sot_id, "eot_id": loaded.tokenizer.eot_id,
        "logit_scale": float(loaded.model.logit_scale.detach().exp()),
        "preprocessing": dict(loaded.preprocessing, mean=list(loaded.preprocessing["mean"]),
                              std=list(loaded.preprocessing["std"])),
        "files": {"image": CLIP_IMAGE_FILE, "text": CLIP_TEXT_FILE, "vocab": CLIP_VOCAB_FILE,
                  "merges": CLIP_MERGES_FILE, **({"image_int8": CLIP_IMAGE_INT8_FILE} if int8 else {})},
        "licence": loaded.licence,
        "converted": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "converter": {"torch": torch.__version__, "transformers": transformers.__version__,
                      "onnxruntime": onnxruntime.__version__, "opset": OPSET},
    }


def model_card(info: dict) -> str:
    prep, speed = info["preprocessing"], info.get("speed", {})
    lines = [
        f"# {info['name']} (CLIP, converted by Photo Motifs)", "",
        f"Converted on {info['converted']} on this computer from `{info['source']}` ({info['source_kind']}); "
        "nothing was downloaded and no photo leaves the computer when the model is used.", "",
        "## Model", "",
        f"- Architecture: {info['architecture']}; activation {info['activation']}.",
        f"- Image tower: ViT, {info['image_size']} px input, patch {info['patch_size']}, width "
        f"{info['vision']['width']}, {info['vision']['layers']} layers, {info['vision']['heads']} heads.",
        f"- Text tower: width {info['text']['width']}, {info['text']['layers']} layers, {info['text']['heads']} "
        f"heads, {info['context_length']} tokens, vocabulary {info['vocab_size']}.",
        f"- Embeddings: {info['embed_dim']} values; logit scale {info['logit_scale']:.2f}.",
        f"- Licence of the weights (as the source states it): {info['licence']}.", "",
        "## Preprocessing", "",
        f"Shorter side to {prep['resize_short']} px ({prep['resample']}), "
        + (f"central {prep['input_size']} x {prep['input_size']} crop" if prep["crop"] == "center" else
           f"squashed to {prep['input_size']} x {prep['input_size']}")
        + f", RGB / 255, mean {prep['mean']}, std {prep['std']}. Text: the original CLIP tokenizer "
        "(ftfy, HTML unescaping, lower case, byte-pair encoding with vocab.json/merges.txt).", "",
        "## Checked and measured here", "",
        f"- ONNX against torch on the same inputs: max abs difference {info['parity']['image']:.2g} (image), "
        f"{info['parity']['text']:.2g} (text).",
        f"- Speed on this computer, batches of {speed.get('batch')}: {speed.get('image_per_s')} images/s"
        + (f" (int8: {speed['image_int8_per_s']} images/s, mean cosine to fp32 {info.get('int8_cosine', 0):.4f})"
           if "image_int8_per_s" in speed else "") + f", {speed.get('text_per_s')} texts/s.", "",
        "## Files", "",
        "image.onnx (pixels -> features), " + ("image_int8.onnx, " if "image_int8" in info["files"] else "")
        + "text.onnx (input_ids -> text_embeds), vocab.json, merges.txt, clip.json.", "",
        "Use it in Photo Motifs as the image model (backbone 'A CLIP model folder'), in 'Motifs from words' "
        "(zero-shot classes) and in 'Find photos by words or by a photo'.", "",
    ]
    return "\n".join(lines)


def _prepare_target(output, name: str) -> Path:
    out = Path(output) if output else clip_models_dir() / slug(name)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ClipSourceError(f"{out} already exists and is not empty; choose a new or empty folder "
                              "(a converted model is never overwritten).")
    return out


def _check_space(loaded: LoadedClip, out: Path, int8: bool) -> None:
    params = sum(p.numel() for p in loaded.model.parameters())
    needed = int(params * 4 * (1.35 if int8 else 1.1)) + (50 << 20)
    existing = out
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    if free < needed:
        raise ClipSourceError(f"The converted model needs about {needed >> 20} MB but only {free >> 20} MB are "
                              f"free on the disk of {out}; choose another folder or free some space.")


def _write_files(loaded: LoadedClip, staging: Path, name: str, int8: bool, feedback) -> dict:
    import torch

    image, text = _towers(loaded.model)
    size = loaded.preprocessing["input_size"]
    embed_dim = int(loaded.model.config.projection_dim)
    feedback.info(msg("clip_export_image", size))
    _export(image, torch.zeros(2, 3, size, size), staging / CLIP_IMAGE_FILE, "pixels", "features")
    meta = image_metadata(loaded, name, embed_dim)
    set_metadata(staging / CLIP_IMAGE_FILE, meta, "CLIP image tower: normalised pixels -> features")
    feedback.check()
    feedback.progress(55)
    feedback.info(msg("clip_export_text"))
    ids = torch.from_numpy(loaded.tokenizer(["a photo of a river at night.", ""]))
    # the sequence axis is left free: a batch cut after its last end token gives the same embeddings
    # (the mask is causal) and short prompts run several times faster than 77 tokens
    _export(text, ids, staging / CLIP_TEXT_FILE, "input_ids", "text_embeds", axes={0: "N", 1: "L"})
    set_metadata(staging / CLIP_TEXT_FILE, {
        "clip.context_length": loaded.tokenizer.context_length, "clip.sot_id": loaded.tokenizer.sot_id,
        "clip.eot_id": loaded.tokenizer.eot_id, "title": f"{name} (CLIP text tower, {embed_dim}-d)"},
        "CLIP text tower: token ids -> text embeddings")
    feedback.check()
    feedback.progress(70)
    info = folder_info(loaded, name, int8)
    info["parity"] = parity(loaded, staging)
    if int8:
        feedback.info(msg("clip_int8"))
        quantize_image(staging / CLIP_IMAGE_FILE, staging / CLIP_IMAGE_INT8_FILE, image_metadata(loaded, name,
                                                                                              embed_dim, True))
        info["int8_cosine"] = round(int8_cosine(staging, size), 5)
    feedback.check()
    feedback.progress(85)
    info["speed"] = speeds(staging, size, int8, loaded.tokenizer)
    (staging / CLIP_VOCAB_FILE).write_text(json.dumps(loaded.vocab, ensure_ascii=False), encoding="utf-8")
    (staging / CLIP_MERGES_FILE).write_text(
        "#version: 0.2\n" + "\n".join(" ".join(m) for m in loaded.merges) + "\n", encoding="utf-8")
    (staging / CLIP_INFO_FILE).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (staging / CARD_FILE).write_text(model_card(info), encoding="utf-8")
    return info


def clip_folder_problem(folder, int8: bool = True):
    """None when a converted CLIP folder holds all its files and a readable clip.json, else the reason."""
    folder = Path(folder)
    names = [CLIP_IMAGE_FILE, CLIP_TEXT_FILE, CLIP_VOCAB_FILE, CLIP_MERGES_FILE, CLIP_INFO_FILE, CARD_FILE]
    missing = [n for n in names + [CLIP_IMAGE_INT8_FILE] * int8 if not (folder / n).is_file()]
    if missing:
        return f"{', '.join(missing)} not written"
    return json_problem(folder / CLIP_INFO_FILE)


def convert_clip(source, output=None, arch: str | None = None, int8: bool = True, name: str | None = None,
                 feedback=None) -> ConvertedClip:
    """Convert ``source`` into a CLIP folder at ``output`` (see the module docstring).

    Raises ``ClipSourceError`` (a sentence) for sources that cannot be converted and
    ``core.feedback.Canceled`` when cancelled; a failed or cancelled run leaves nothing behind.
    """
    feedback = ensure_feedback(feedback)
    t0 = time.perf_counter()
    feedback.progress(0)
    loaded = load_clip(source, arch, feedback)
    name = name or loaded.name
    out = _prepare_target(output, name)
    _check_space(loaded, out, int8)
    for note in loaded.notes:
        feedback.info(note)
    feedback.check()
    feedback.progress(30)
    info = {}
    try:  # written in a temporary folder beside the target, flushed, checked, then renamed into place
        publish_folder(out, lambda staging: info.update(_write_files(loaded, staging, name, int8, feedback)),
                       verify=lambda staging: clip_folder_problem(staging, int8))
    except Canceled:
        raise Canceled("Nothing was written: the partly converted model was removed.") from None
    feedback.progress(100)
    return ConvertedClip(out, info, time.perf_counter() - t0, list(loaded.notes))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m photo_motifs.models.clip",
                                     description="Convert a downloaded CLIP model to a Photo Motifs CLIP folder.")
    parser.add_argument("source", help="Hugging Face CLIP folder, OpenCLIP weights file or OpenAI .pt file")
    parser.add_argument("output", nargs="?", help=f"new folder (default: {clip_models_dir()}/<name>)")
    parser.add_argument("--arch", help="open_clip architecture of an OpenCLIP file, e.g. ViT-B-32-quickgelu")
    parser.add_argument("--name", help="the model's name in the folder and the dialogs")
    parser.add_argument("--no-int8", action="store_true", help="do not write the int8 image tower")
    args = parser.parse_args(argv)
    from ..core.feedback import CoreFeedback

    fb = CoreFeedback(on_info=lambda text: print(text, flush=True), on_warning=lambda text: print(text, flush=True))
    try:
        done = convert_clip(args.source, args.output, arch=args.arch, int8=not args.no_int8, name=args.name,
                            feedback=fb)
    except (ClipSourceError, Canceled, OSError) as exc:
        print(f"Not converted: {exc}", file=sys.stderr)
        return 1
    speed = done.info["speed"]
    print(f"Converted {done.info['name']} into {done.folder} in {done.seconds:.1f} s: {done.info['embed_dim']}-d "
          f"embeddings, {speed['image_per_s']} images/s"
          + (f" (int8 {speed['image_int8_per_s']})" if "image_int8_per_s" in speed else "")
          + f", {speed['text_per_s']} texts/s at batch {speed['batch']}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
