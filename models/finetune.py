"""Fine-tuning the last stages of EfficientNet-Lite in torch ("optimise" training, as in Lobe).

The classifier methods 'linear' and 'mlp' keep the backbone frozen. Method 'finetune'
(:func:`finetune`, wired in ``models.classifier_export.train_model``) first adapts the backbone:

1. :class:`TorchEfficientNetLite` is built from the packaged state dict (lukemelas key names,
   TF "SAME" padding computed at run time with ``F.pad``, BatchNorm eps 1e-3, ReLU6);
2. all but the last ``unfreeze_stages`` stages (+ the 1x1 head conv) are frozen; a new linear
   layer (dropout 0.2) over the pooled 1280-d features is trained with them, AdamW, cosine
   learning-rate decay over the *time* budget, class-balanced cross-entropy with label smoothing
   0.1, batch 32. Augmentation: random resized crop (area 60-100 % of the photo resized to the
   backbone's ``resize_short``, aspect 3/4-4/3), horizontal flip, brightness/contrast/saturation
   jitter of +-20 %. BatchNorm stays in eval mode (ImageNet statistics frozen; its scale and
   shift are trained), so the weights fold back into the numpy/ONNX graph exactly;
3. training stops at ``seconds_budget`` (checked every batch, with ``feedback.check()``);
4. the trained tensors are written back into the state dict, and ``models.efficientnet``
   builds a new backbone ONNX from it: inference, embedding and export stay torch-free.

torch is imported only here (lazily); without it :func:`require_torch` raises a sentence with
the install command. The frozen prefix runs under ``torch.no_grad()``.
"""
from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..core.messages import msg

TORCH_REQUIREMENT = "torch==2.13.0"
STAGE_STRIDES = (1, 2, 2, 2, 1, 2, 1)
BN_EPS = 1e-3
BATCH = 32
LABEL_SMOOTHING = 0.1
LR_NEW = 1e-3  # the new linear layer
LR_BACKBONE = 3e-4  # the unfrozen stages
WEIGHT_DECAY = 1e-4
CROP_SCALE = (0.6, 1.0)
CROP_RATIO = (3 / 4, 4 / 3)
JITTER = 0.2
# stages trained (with the 1x1 head conv): 3 gave the best hold-out accuracy within the default
# time budget (bench/finetune_eval.py compares stage counts with the linear head)
UNFREEZE_STAGES = 3


class TorchUnavailable(RuntimeError):
    """torch is missing; the message is a sentence with the install command."""


def require_torch():
    try:
        import torch
    except ImportError:
        from ..core.deps import venv_dir

        py = Path(venv_dir()) / "bin" / "python"
        raise TorchUnavailable(
            "Fine-tuning the backbone (training method 'finetune') needs the Python package torch "
            f"(CPU build), which is not installed. Install it with: {py} -m pip install "
            f"'{TORCH_REQUIREMENT}' — or choose the linear or MLP method, which do not need it."
        ) from None
    return torch


# ------------------------------------------------------------------------------- torch module


def _module_classes():
    """Define the torch classes on first use (torch is imported lazily)."""
    torch = require_torch()
    import torch.nn.functional as F  # noqa: N812 - torch's own convention
    from torch import nn

    return _model_class(torch, nn, _same_conv_class(nn, F))


def _same_conv_class(nn, F):
    class SameConv(nn.Conv2d):
        """Conv2d with TensorFlow "SAME" padding (extra pixel bottom/right), no bias."""

        def forward(self, x):
            k, s = self.kernel_size[0], self.stride[0]
            size = x.shape[-1]
            total = max((math.ceil(size / s) - 1) * s + k - size, 0)
            x = F.pad(x, [total // 2, total - total // 2, total // 2, total - total // 2])
            return super().forward(x)

    return SameConv


def _model_class(torch, nn, SameConv):
    """The EfficientNet-Lite module class, built on the lazily imported torch."""

    class Model(nn.Module):
        """EfficientNet-Lite from a lukemelas-style state dict (torch tensors or numpy arrays).

        ``convs`` / ``bns`` are keyed by the state-dict prefix with '.' replaced by '/', so
        :meth:`state_dict_numpy` writes every tensor back under its original name.
        ``forward(pixels)`` takes RGB 0..255 NCHW and returns the pooled features [N, 1280];
        ``logits(pixels)`` the ImageNet logits.
        """

        def __init__(self, sd):
            super().__init__()
            sd = {k: torch.as_tensor(np.asarray(v)) if not isinstance(v, torch.Tensor) else v
                  for k, v in sd.items()}
            self._extra = {k: v for k, v in sd.items()}
            self.convs = nn.ModuleDict()
            self.bns = nn.ModuleDict()

            def conv(prefix, stride=1, groups=1):
                w = sd[prefix + ".weight"]
                layer = SameConv(w.shape[1] * groups, w.shape[0], w.shape[2], stride, 0, groups=groups, bias=False)
                layer.weight.data.copy_(w.float())
                self.convs[prefix.replace(".", "/")] = layer
                return layer

            def bn(prefix):
                layer = nn.BatchNorm2d(sd[prefix + ".weight"].shape[0], eps=BN_EPS)
                layer.load_state_dict({k: sd[f"{prefix}.{k}"].float() if k != "num_batches_tracked"
                                       else torch.tensor(0) for k in layer.state_dict()})
                self.bns[prefix.replace(".", "/")] = layer
                return layer

            self.stem = nn.Sequential(conv("_conv_stem", 2), bn("_bn0"), nn.ReLU6())
            self._add_blocks(sd, conv, bn)
            self.head = nn.Sequential(conv("_conv_head"), bn("_bn1"), nn.ReLU6())
            self.fc = nn.Linear(*sd["_fc.weight"].shape[::-1])
            self.fc.load_state_dict({"weight": sd["_fc.weight"].float(), "bias": sd["_fc.bias"].float()})

        def _add_blocks(self, sd, conv, bn):
            """The MBConv blocks of the state dict, each with its stage (a new stage where the
            channel count changes)."""
            blocks, self.stage_of = [], []
            stage, i = -1, 0
            while f"_blocks.{i}._depthwise_conv.weight" in sd:
                p = f"_blocks.{i}."
                out = sd[p + "_project_conv.weight"].shape[0]
                channels = sd[p + "_depthwise_conv.weight"].shape[0]
                in_ch = sd[p + "_expand_conv.weight"].shape[1] if p + "_expand_conv.weight" in sd else channels
                first = i == 0 or in_ch != out
                stage += first
                stride = STAGE_STRIDES[stage] if first else 1
                layers = []
                if p + "_expand_conv.weight" in sd:
                    layers += [conv(p + "_expand_conv"), bn(p + "_bn0"), nn.ReLU6()]
                layers += [conv(p + "_depthwise_conv", stride, channels), bn(p + "_bn1"), nn.ReLU6(),
                           conv(p + "_project_conv"), bn(p + "_bn2")]
                block = nn.Sequential(*layers)
                block.skip = stride == 1 and in_ch == out
                blocks.append(block)
                self.stage_of.append(stage)
                i += 1
            self.blocks = nn.ModuleList(blocks)
            self.n_stages = stage + 1

        def run_blocks(self, x, start=0, stop=None):
            for block in list(self.blocks)[start:stop]:
                h = block(x)
                x = x + h if block.skip else h
            return x

        def first_trainable_block(self, unfreeze_stages: int) -> int:
            first_stage = self.n_stages - int(unfreeze_stages)
            return next((k for k, s in enumerate(self.stage_of) if s >= first_stage), len(self.blocks))

        def prefix(self, pixels, stop):
            x = self.stem(pixels / 127.5 - 1.0)
            return self.run_blocks(x, 0, stop)

        def suffix(self, x, start):
            return self.head(self.run_blocks(x, start)).mean(dim=(2, 3))

        def forward(self, pixels):
            return self.suffix(self.prefix(pixels, 0), 0)

        def logits(self, pixels):
            return self.fc(self.forward(pixels))

        def state_dict_numpy(self) -> dict:
            """The weights under their lukemelas names as float32 numpy arrays."""
            return _state_dict_numpy(self)

    return Model


def _state_dict_numpy(model) -> dict:
    out = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model._extra.items()
           if v.dtype.is_floating_point}
    for name, layer in model.convs.items():
        weight = layer.weight.detach().numpy()
        out[name.replace("/", ".") + ".weight"] = np.ascontiguousarray(weight, np.float32)
    for name, layer in model.bns.items():
        p = name.replace("/", ".")
        for k in ("weight", "bias", "running_mean", "running_var"):
            out[f"{p}.{k}"] = np.ascontiguousarray(getattr(layer, k).detach().numpy(), np.float32)
    out["_fc.weight"] = model.fc.weight.detach().numpy().copy()
    out["_fc.bias"] = model.fc.bias.detach().numpy().copy()
    return out


def torch_efficientnet_lite(sd):
    """A torch EfficientNet-Lite (eval mode) from a lukemelas-style state dict."""
    return _module_classes()(sd).eval()


# ------------------------------------------------------------------------------- data


def load_photos(paths, spec, feedback=None) -> tuple:
    """Decode photos once, shorter side resized to ``spec.resize_short`` (PIL images).

    Returns ``(images, failed)``: ``images[i]`` is None for a photo that failed, and ``failed``
    holds ``(index, path, code, sentence)`` rows.
    """
    from concurrent.futures import ThreadPoolExecutor

    from ..core.decode import RESAMPLE, DecodeError, open_oriented
    from ..core.feedback import ensure_feedback

    feedback = ensure_feedback(feedback)
    short = int(spec.resize_short)

    def one(path):
        try:
            img = open_oriented(path, min_side=short)
            scale = short / min(img.width, img.height)
            size = (max(short, round(img.width * scale)), max(short, round(img.height * scale)))
            return img.resize(size, RESAMPLE[spec.resample], reducing_gap=3.0)
        except DecodeError as exc:
            return exc
        except Exception as exc:
            return DecodeError("corrupt", f"The image could not be prepared ({exc}).")

    images, failed = [], []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for i, out in enumerate(pool.map(one, list(paths))):
            feedback.check()
            if isinstance(out, Exception):
                failed.append((i, str(paths[i]), out.code, out.sentence))
                images.append(None)
            else:
                images.append(out)
            feedback.progress(100.0 * (i + 1) / max(1, len(paths)))
    return images, failed


def augment(img, size: int, rng: np.random.Generator, resample) -> np.ndarray:
    """Random resized crop + horizontal flip + colour jitter of one PIL image: uint8 [S, S, 3]."""
    w, h = img.size
    area = w * h
    for _ in range(10):
        target = area * rng.uniform(*CROP_SCALE) * min(w, h) / max(w, h)
        ratio = math.exp(rng.uniform(math.log(CROP_RATIO[0]), math.log(CROP_RATIO[1])))
        cw, ch = int(round(math.sqrt(target * ratio))), int(round(math.sqrt(target / ratio)))
        if 0 < cw <= w and 0 < ch <= h:
            break
    else:
        cw = ch = min(w, h)
    left, top = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    out = img.resize((size, size), resample, box=(left, top, left + cw, top + ch))
    x = np.asarray(out, dtype=np.float32)
    if rng.random() < 0.5:
        x = x[:, ::-1]
    b, c, s = (1.0 + rng.uniform(-JITTER, JITTER, 3)).tolist()
    x = x * b
    x = (x - x.mean()) * c + x.mean()
    grey = x @ np.array([0.299, 0.587, 0.114], np.float32)
    x = (x - grey[..., None]) * s + grey[..., None]
    return np.clip(x, 0, 255)


def centre(img, spec) -> np.ndarray:
    """The un-augmented input of a pre-resized image (central ``input_size`` crop)."""
    w, h = img.size
    size = int(spec.input_size)
    left, top = int(round((w - size) / 2.0)), int(round((h - size) / 2.0))
    return np.asarray(img.crop((left, top, left + size, top + size)), dtype=np.float32)


# ------------------------------------------------------------------------------- training


@dataclass
class FinetuneResult:
    state_dict: dict  # lukemelas names -> float32 numpy arrays (fine-tuned)
    history: list  # per epoch: {"epoch", "seconds", "loss", "train_accuracy"}
    train_indices: list  # indices of the photos used (the hold-out photos are never among them)
    classes: list
    seconds: float = 0.0
    n_steps: int = 0
    unfreeze_stages: int = UNFREEZE_STAGES
    changed: dict = field(default_factory=dict)  # state-dict key -> max |change|


def finetune(images, y, spec, sd, train_indices, seconds_budget: float = 300.0, unfreeze_stages: int = UNFREEZE_STAGES,
             seed: int = 0, class_weight="balanced", feedback=None, n_classes: int | None = None) -> FinetuneResult:
    """Fine-tune the last ``unfreeze_stages`` stages (+ head conv) on ``images[train_indices]``.

    ``images``: pre-resized PIL images (:func:`load_photos`); ``y``: integer labels, parallel;
    ``sd``: the packaged state dict (``models.torch_pickle.load_torch_state_dict``). Only the
    photos in ``train_indices`` are looked at. Returns a :class:`FinetuneResult`.
    """
    torch = require_torch()
    from ..core.decode import RESAMPLE
    from ..core.feedback import ensure_feedback

    feedback = ensure_feedback(feedback)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    y = np.asarray(y, dtype=np.int64)
    train_indices = [int(i) for i in train_indices]
    n_classes = int(n_classes or (y.max() + 1))
    # channels-last memory makes torch's CPU (depthwise) convolutions ~3x faster here
    model = torch_efficientnet_lite(sd).to(memory_format=torch.channels_last)
    start = model.first_trainable_block(unfreeze_stages)
    for p in model.parameters():
        p.requires_grad_(False)
    trainable = list(model.head.parameters())
    for block in list(model.blocks)[start:]:
        trainable += list(block.parameters())
    for p in trainable:
        p.requires_grad_(True)
    classifier = torch.nn.Sequential(torch.nn.Dropout(0.2), torch.nn.Linear(model.fc.in_features, n_classes))
    optimiser = torch.optim.AdamW(
        [{"params": trainable, "lr": LR_BACKBONE}, {"params": classifier.parameters(), "lr": LR_NEW}],
        weight_decay=WEIGHT_DECAY)
    base_lrs = [g["lr"] for g in optimiser.param_groups]
    ytr = y[train_indices]
    weights = None
    if class_weight == "balanced":
        counts = np.bincount(ytr, minlength=n_classes).astype(np.float64)
        weights = torch.tensor(np.where(counts > 0, len(ytr) / (n_classes * np.maximum(counts, 1)), 0.0),
                               dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, label_smoothing=LABEL_SMOOTHING)
    before = {k: v.copy() for k, v in model.state_dict_numpy().items()}
    resample = RESAMPLE[spec.resample]
    size = int(spec.input_size)
    model.eval()  # BatchNorm statistics stay frozen
    classifier.train()
    history, steps, epoch = [], 0, 0
    t0 = time.perf_counter()
    done = False
    feedback.info(msg("finetune_start", unfreeze_stages, spec.title, len(train_indices), f"{seconds_budget:.0f}"))
    while not done:
        order = rng.permutation(train_indices)
        losses, correct, seen = [], 0, 0
        for b in range(0, len(order), BATCH):
            feedback.check()
            elapsed = time.perf_counter() - t0
            if elapsed >= seconds_budget:
                done = True
                break
            factor = 0.5 * (1.0 + math.cos(math.pi * min(1.0, elapsed / seconds_budget)))
            for g, lr in zip(optimiser.param_groups, base_lrs):
                g["lr"] = lr * factor
            idx = order[b:b + BATCH]
            batch = np.stack([augment(images[i], size, rng, resample) for i in idx])
            x = torch.from_numpy(batch).permute(0, 3, 1, 2)  # NHWC memory = channels-last NCHW
            target = torch.from_numpy(y[idx])
            with torch.no_grad():
                h = model.prefix(x, start)
            logits = classifier(model.suffix(h, start))
            loss = loss_fn(logits, target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            steps += 1
            losses.append(loss.item())
            correct += int((logits.argmax(1) == target).sum())
            seen += len(idx)
            feedback.progress(min(100.0, 100.0 * (time.perf_counter() - t0) / seconds_budget))
        if seen:
            epoch += 1
            history.append({"epoch": epoch, "seconds": round(time.perf_counter() - t0, 1),
                            "loss": float(np.mean(losses)), "train_accuracy": correct / seen})
            # one line per epoch, so a long run shows it is moving and how well
            last = history[-1]
            feedback.info(msg("finetune_epoch", epoch, f"{last['loss']:.3f}", f"{last['train_accuracy']:.3f}",
                              f"{last['seconds']:.0f}", f"{seconds_budget:.0f}"))
    seconds = time.perf_counter() - t0
    if history:
        last = history[-1]
        feedback.info(msg("finetune_done", steps, epoch, f"{seconds:.0f}", f"{last['loss']:.3f}",
                          f"{last['train_accuracy']:.3f}"))
    after = model.state_dict_numpy()
    changed = {k: float(np.abs(after[k] - before[k]).max()) for k in after if k in before}
    changed = {k: v for k, v in changed.items() if v > 0}
    return FinetuneResult(after, history, sorted(train_indices), [], seconds, steps, unfreeze_stages, changed)


# ------------------------------------------------------------------------------- ONNX


def finetuned_spec(base, onnx_path):
    """The classifier spec of a fine-tuned backbone ONNX file (own id and embedding cache key)."""
    from .registry import classifier_spec

    digest = hashlib.sha256(Path(onnx_path).read_bytes()).hexdigest()[:12]
    spec = classifier_spec(base)
    return replace(spec, id=f"finetuned:{base.id}:{digest}", onnx_path=str(onnx_path),
                   title=f"{spec.title} (fine-tuned)")


def build_finetuned_onnx(sd: dict, base, destination) -> Path:
    """Write the backbone ONNX of fine-tuned weights (same graph contract as the built-in one)."""
    from .efficientnet import build_efficientnet_lite
    from .onnx_utils import save_atomic
    from .registry import backbone_metadata

    meta = backbone_metadata(base)
    meta["title"] = base.title + " (fine-tuned)"
    meta["weights"] = f"{base.weights}, last stages fine-tuned by Photo Motifs"
    model = build_efficientnet_lite(sd, int(base.input_size), meta, meta["title"])
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    save_atomic(model, destination)
    return destination


# ------------------------------------------------------------------------------- train_model step


def prepare_finetuned_backbone(paths, labels, spec, invalid=(), val_fraction: float = 0.2, seed: int = 0,
                               class_weight="balanced", seconds_budget: float = 300.0,
                               unfreeze_stages: int = UNFREEZE_STAGES, feedback=None) -> tuple:
    """The 'finetune' step of ``classifier_export.train_model``, before the usual linear head.

    Decodes the photos, draws the same stratified hold-out split as ``core.train.train_classifier``
    (``val_fraction``, ``seed``), fine-tunes on the training part only, writes the fine-tuned
    backbone ONNX into ``model_cache_dir()/finetuned/`` and returns
    ``(spec, onnx_path, paths, labels, invalid, result)``: the classifier spec of the new backbone
    (own id, so its embeddings are cached under their own key), the photos that decoded
    (failures are appended to ``invalid``), and the :class:`FinetuneResult`.
    """
    require_torch()
    from ..core.feedback import ensure_feedback
    from ..core.train import check_inputs, holdout_split
    from .registry import model_cache_dir, weights_file
    from .torch_pickle import load_torch_state_dict

    feedback = ensure_feedback(feedback)
    if not str(spec.id).startswith("efficientnet_lite") or spec.onnx_path or spec.quantized_from:
        raise ValueError(
            f"Fine-tuning works with the built-in EfficientNet-Lite backbones in fp32, not with '{spec.title}'; "
            "choose EfficientNet-Lite0 or Lite2, or the linear or MLP method."
        )
    feedback.info(msg("finetune_decoding", len(paths)))
    images, failed = load_photos(paths, spec, feedback.sub(0, 10))
    invalid = list(invalid) + [(p, code, sentence) for _i, p, code, sentence in failed]
    keep = [i for i, img in enumerate(images) if img is not None]
    paths = [paths[i] for i in keep]
    labels = [labels[i] for i in keep]
    images = [images[i] for i in keep]
    _X, y, classes, _counts = check_inputs(np.zeros((len(labels), 1), np.float32), labels, "linear",
                                            val_fraction, class_weight)
    train = np.arange(len(y)) if val_fraction <= 0 else holdout_split(y, val_fraction, seed)[0]
    sd = load_torch_state_dict(weights_file(spec.id))
    result = finetune(images, y, spec, sd, train, seconds_budget=seconds_budget, unfreeze_stages=unfreeze_stages,
                      seed=seed, class_weight=class_weight, feedback=feedback.sub(10, 90), n_classes=len(classes))
    result.classes = classes
    del images
    folder = model_cache_dir() / "finetuned"
    tmp = build_finetuned_onnx(result.state_dict, spec, folder / f"building-{time.time_ns()}.onnx")
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()[:12]
    path = tmp.replace(folder / f"{spec.id}-{digest}.onnx")
    feedback.progress(100.0)
    return finetuned_spec(spec, path), path, paths, labels, invalid, result
