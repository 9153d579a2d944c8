"""Find the weights of a CLIP model the user downloaded and load them as a transformers ``CLIPModel``.

Three sources are understood (nothing is ever downloaded: Hugging Face's hub is switched off
before transformers is imported, and files are read with ``local_files_only``):

* a **Hugging Face folder** as OpenAI and LAION publish them (``config.json`` of model type
  ``clip``, ``model.safetensors`` or ``pytorch_model.bin``, ``vocab.json`` + ``merges.txt``,
  ``preprocessor_config.json``), e.g. ``openai/clip-vit-base-patch32`` or
  ``laion/CLIP-ViT-B-32-laion2B-s34B-b79K``; the activation is the config's ``hidden_act``;
* an **OpenCLIP weights file** (``open_clip_pytorch_model.bin`` / ``open_clip_model.safetensors``
  or a training checkpoint): open_clip's key names are mapped onto ``CLIPModel``
  (:func:`openclip_to_hf`: ``in_proj_weight`` split into q/k/v, ``c_fc``/``c_proj`` ->
  ``fc1``/``fc2``, the projections transposed). The dimensions are read from the weights; the
  heads and the activation from the architecture name ``arch`` (open_clip's model name, e.g.
  ``ViT-B-32`` or ``ViT-B-32-quickgelu``) or from an ``open_clip_config.json`` beside the file.
  OpenAI's and LAION-400M's weights were trained with QuickGELU (``x * sigmoid(1.702 x)``): with
  the wrong activation the weights load without complaint and every embedding changes, so the
  name must say ``quickgelu`` for them, as in open_clip;
* **OpenAI's TorchScript file** (``ViT-B-32.pt`` as ``clip.load`` downloads it): its tensors are
  read without running its code (``models.torch_pickle.load_torchscript_state_dict``), they
  carry open_clip's key names, and QuickGELU is always used (every OpenAI CLIP model has it).

The tokenizer files come from the folder (``vocab.json`` + ``merges.txt``, or ``tokenizer.json``,
or open_clip's ``bpe_simple_vocab_16e6.txt.gz``). Only the classic CLIP architecture (a ViT image
tower with a class token, a causal text transformer pooled at the end token) is converted;
ResNet, ConvNeXt, SigLIP, EVA, CoCa and Hugging Face text towers are refused with a sentence.
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.clip_tokenizer import ClipTokenizer, TokenizerError, read_merges, vocab_from_merges
from ..core.messages import msg

QUICK_GELU, GELU = "quick_gelu", "gelu"
CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)
# open_clip's ViT model configs (model_configs/*.json): the dimensions a name stands for and the
# attention heads (vision: width / head_width; text: heads), which the weights do not show
ARCHITECTURES = {
    "vit-b-32": dict(embed_dim=512, image_size=224, patch_size=32, vision_width=768, vision_layers=12,
                     vision_head_width=64, text_width=512, text_layers=12, text_heads=8),
    "vit-b-32-256": dict(embed_dim=512, image_size=256, patch_size=32, vision_width=768, vision_layers=12,
                         vision_head_width=64, text_width=512, text_layers=12, text_heads=8),
    "vit-b-16": dict(embed_dim=512, image_size=224, patch_size=16, vision_width=768, vision_layers=12,
                     vision_head_width=64, text_width=512, text_layers=12, text_heads=8),
    "vit-b-16-plus-240": dict(embed_dim=640, image_size=240, patch_size=16, vision_width=896, vision_layers=12,
                              vision_head_width=64, text_width=640, text_layers=12, text_heads=10),
    "vit-l-14": dict(embed_dim=768, image_size=224, patch_size=14, vision_width=1024, vision_layers=24,
                     vision_head_width=64, text_width=768, text_layers=12, text_heads=12),
    "vit-l-14-336": dict(embed_dim=768, image_size=336, patch_size=14, vision_width=1024, vision_layers=24,
                         vision_head_width=64, text_width=768, text_layers=12, text_heads=12),
    "vit-h-14": dict(embed_dim=1024, image_size=224, patch_size=14, vision_width=1280, vision_layers=32,
                     vision_head_width=80, text_width=1024, text_layers=24, text_heads=16),
    "vit-g-14": dict(embed_dim=1024, image_size=224, patch_size=14, vision_width=1408, vision_layers=40,
                     vision_head_width=88, text_width=1024, text_layers=24, text_heads=16),
    "vit-bigg-14": dict(embed_dim=1280, image_size=224, patch_size=14, vision_width=1664, vision_layers=48,
                        vision_head_width=104, text_width=1280, text_layers=32, text_heads=20),
}
UNSUPPORTED = ("rn50", "rn101", "convnext", "siglip", "eva", "clipa", "coca", "roberta", "mt5", "xlm",
               "nllb", "vitamin", "mobileclip", "pe-core", "naflex", "swin", "worldwide", "timm")
# tensors of an open_clip / OpenAI state dict that the converted model does not need
IGNORED_KEYS = ("attn_mask", "input_resolution", "context_length", "vocab_size")
OPENCLIP_FILES = ("open_clip_model.safetensors", "open_clip_pytorch_model.bin")
HF_RESAMPLE = {2: "bilinear", 3: "bicubic", 1: "lanczos"}  # PIL codes in preprocessor_config.json


class ClipSourceError(ValueError):
    """A source that cannot be converted; the message is a sentence for the user."""


@dataclass
class LoadedClip:
    """A CLIP model ready to export, and what the folder needs to say about it."""

    model: object  # transformers.CLIPModel, float32, eval mode, eager attention
    kind: str  # 'huggingface' | 'open_clip' | 'openai'
    source: Path
    name: str
    arch: str  # the architecture name (given or read), or a description of the dimensions
    activation: str  # QUICK_GELU | GELU
    tokenizer: ClipTokenizer
    vocab: dict
    merges: list
    preprocessing: dict  # input_size, resize_short, resample, crop, mean, std
    licence: str
    notes: list = field(default_factory=list)  # core.messages.Message for the log


def hub_offline() -> None:
    """Forbid every Hugging Face hub access before transformers (or huggingface_hub) is imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    try:
        import huggingface_hub.constants as constants
    except ImportError:
        return
    constants.HF_HUB_OFFLINE = True  # imported earlier by someone else: switch it off anyway


def normalise_arch(arch: str | None) -> str:
    """open_clip's model name in lower case ('ViT-B/32' as OpenAI writes it -> 'vit-b-32')."""
    return re.sub(r"[/_ ]", "-", str(arch or "").strip()).lower()


def activation_for(arch: str | None) -> str:
    """QuickGELU when the architecture name says so (open_clip's '-quickgelu' models), else GELU."""
    return QUICK_GELU if "quickgelu" in normalise_arch(arch).replace("-", "") else GELU


def check_arch(arch: str | None) -> dict | None:
    """The known dimensions of ``arch`` (None for names we do not know); refuses other families."""
    name = normalise_arch(arch)
    if not name:
        return None
    if any(word in name for word in UNSUPPORTED):
        raise ClipSourceError(
            f"The architecture {arch} is not a classic CLIP ViT: only ViT image towers with the CLIP text "
            "transformer (e.g. ViT-B-32, ViT-B-16, ViT-L-14, ViT-H-14) can be converted.")
    return ARCHITECTURES.get(name.replace("-quickgelu", ""))


# ------------------------------------------------------------------------------------ sources


def identify(source) -> tuple:
    """(kind, path) of a source: ('huggingface', folder), ('open_clip', file) or ('openai', file)."""
    path = Path(source)
    if not path.exists():
        raise ClipSourceError(f"{path} does not exist.")
    if path.name == "config.json":  # chosen in a file dialog: the Hugging Face folder is meant
        path = path.parent
    if path.is_dir():
        config = path / "config.json"
        if config.is_file():
            return "huggingface", path
        found = next((path / n for n in OPENCLIP_FILES if (path / n).is_file()), None)
        if found is not None:
            return "open_clip", found
        raise ClipSourceError(
            f"{path} holds neither a Hugging Face CLIP model (config.json with model.safetensors or "
            "pytorch_model.bin) nor OpenCLIP weights (open_clip_pytorch_model.bin).")
    suffix = path.suffix.lower()
    if suffix not in (".bin", ".safetensors", ".pt", ".pth", ".ckpt"):
        raise ClipSourceError(f"{path.name} is not a weights file (.safetensors, .bin, .pt or .pth).")
    if path.name in ("model.safetensors", "pytorch_model.bin") and (path.parent / "config.json").is_file():
        return "huggingface", path.parent
    if suffix == ".pt" and _is_torchscript(path):
        return "openai", path
    return "open_clip", path


def _is_torchscript(path: Path) -> bool:
    import zipfile

    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as zf:
        return any(n.split("/")[1:2] == ["code"] for n in zf.namelist())  # <root>/code/...: TorchScript


def read_tokenizer(folder: Path, context_length: int) -> tuple:
    """(tokenizer, vocab, merges) from vocab.json + merges.txt, tokenizer.json or bpe_simple_vocab_16e6.txt.gz."""
    try:
        if (folder / "vocab.json").is_file() and (folder / "merges.txt").is_file():
            vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
            merges = read_merges(folder / "merges.txt")
        elif (folder / "tokenizer.json").is_file():
            model = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8")).get("model") or {}
            vocab = model.get("vocab")
            merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model.get("merges") or []]
            if not isinstance(vocab, dict):
                raise TokenizerError("tokenizer.json holds no BPE vocabulary.")
        elif (folder / "bpe_simple_vocab_16e6.txt.gz").is_file():
            merges = read_merges(folder / "bpe_simple_vocab_16e6.txt.gz")
            vocab = vocab_from_merges(merges)
        else:
            raise ClipSourceError(
                f"The tokenizer files are missing from {folder}: put vocab.json and merges.txt (from the same "
                "Hugging Face repository as the weights) or open_clip's bpe_simple_vocab_16e6.txt.gz beside them.")
        return ClipTokenizer(vocab, merges, context_length), vocab, merges
    except (TokenizerError, ValueError, OSError) as exc:
        if isinstance(exc, ClipSourceError):
            raise
        raise ClipSourceError(f"The tokenizer files in {folder} cannot be used: {exc}") from None


def read_licence(folder: Path, default: str) -> str:
    """The 'license:' of a Hugging Face model card (README.md front matter), else ``default``."""
    readme = folder / "README.md"
    try:
        text = readme.read_text(encoding="utf-8", errors="replace")[:4000] if readme.is_file() else ""
    except OSError:
        text = ""
    match = re.search(r"^license:\s*(\S.*)$", text, re.MULTILINE)
    return match.group(1).strip().strip("'\"") if match else default


def hf_preprocessing(folder: Path, image_size: int) -> dict:
    prep = default_preprocessing(image_size)
    path = folder / "preprocessor_config.json"
    if not path.is_file():
        return prep
    try:
        cfg = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClipSourceError(f"{path} cannot be read ({exc}).") from None
    crop = cfg.get("crop_size", image_size)
    crop = crop.get("height", image_size) if isinstance(crop, dict) else crop
    size = cfg.get("size", crop)
    size = size.get("shortest_edge", crop) if isinstance(size, dict) else size
    prep.update(input_size=int(crop), resize_short=int(size),
                resample=HF_RESAMPLE.get(cfg.get("resample"), "bicubic"),
                mean=tuple(cfg.get("image_mean") or CLIP_MEAN), std=tuple(cfg.get("image_std") or CLIP_STD))
    if not cfg.get("do_center_crop", True):
        prep.update(crop="squash", resize_short=int(crop))
    return prep


def default_preprocessing(image_size: int) -> dict:
    """CLIP's: shorter side to the input size (bicubic), centre crop, CLIP's mean and std."""
    return {"input_size": int(image_size), "resize_short": int(image_size), "resample": "bicubic",
            "crop": "center", "mean": CLIP_MEAN, "std": CLIP_STD}


# ------------------------------------------------------------------------------------ loading


def load_clip(source, arch: str | None = None, feedback=None) -> LoadedClip:
    """Load ``source`` (see the module docstring) as a float32 ``CLIPModel``; ClipSourceError with a sentence."""
    kind, path = identify(source)
    hub_offline()
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # no bars on the console of qgis_process
    if kind == "huggingface":
        return _load_huggingface(path, arch)
    if feedback is not None:
        feedback.info(msg("clip_reading_openai", path.name) if kind == "openai" else
                      msg("clip_reading_openclip", path.name))
    return _load_state_dict_source(kind, path, arch)


def _load_huggingface(folder: Path, arch) -> LoadedClip:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClipSourceError(f"{folder / 'config.json'} cannot be read ({exc}).") from None
    if config.get("model_type") != "clip":
        raise ClipSourceError(
            f"{folder} holds a '{config.get('model_type')}' model, not a CLIP model (model_type 'clip' in "
            "config.json); SigLIP, CLIP-like models with other text towers and vision-only models are not supported.")
    if not any((folder / n).is_file() for n in ("model.safetensors", "pytorch_model.bin")):
        raise ClipSourceError(f"{folder} has config.json but no weights (model.safetensors or pytorch_model.bin).")
    import torch
    from transformers import CLIPModel

    try:
        model = CLIPModel.from_pretrained(str(folder), local_files_only=True, dtype=torch.float32,
                                          attn_implementation="eager")
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise ClipSourceError(f"transformers cannot load the CLIP model in {folder}: {exc}") from None
    model.eval()
    text_cfg, vision_cfg = model.config.text_config, model.config.vision_config
    tokenizer, vocab, merges = read_tokenizer(folder, text_cfg.max_position_embeddings)
    _check_vocab(vocab, text_cfg.vocab_size, folder)
    activation = QUICK_GELU if text_cfg.hidden_act == "quick_gelu" else GELU
    notes = []
    if arch and activation_for(arch) != activation:
        notes.append(msg("clip_arch_ignored", arch, activation))
    return LoadedClip(
        model=model, kind="huggingface", source=folder, name=folder.name, arch=describe(model.config),
        activation=activation, tokenizer=tokenizer, vocab=vocab, merges=merges,
        preprocessing=hf_preprocessing(folder, vision_cfg.image_size),
        licence=read_licence(folder, "not stated in the folder: see the model's page where you downloaded it"),
        notes=notes)


def _check_vocab(vocab: dict, vocab_size: int, where) -> None:
    if len(vocab) != int(vocab_size):
        raise ClipSourceError(
            f"The tokenizer in {where} has {len(vocab)} tokens but the text tower expects {vocab_size}: "
            "the tokenizer files belong to another model.")


def describe(config) -> str:
    v, t = config.vision_config, config.text_config
    return (f"ViT image tower {v.image_size} px, patch {v.patch_size}, width {v.hidden_size}, "
            f"{v.num_hidden_layers} layers; text width {t.hidden_size}, {t.num_hidden_layers} layers; "
            f"embedding {config.projection_dim}")


def read_state_dict(kind: str, path: Path) -> dict:
    """float32 torch tensors under open_clip's names ('module.' prefixes of training checkpoints removed)."""
    import torch

    from .torch_pickle import CheckpointError, load_torch_state_dict, load_torchscript_state_dict

    try:
        if path.suffix.lower() == ".safetensors":
            from safetensors.torch import load_file

            raw = load_file(str(path))
        elif kind == "openai":
            raw = load_torchscript_state_dict(path)
        else:
            raw = load_torch_state_dict(path)
    except (CheckpointError, OSError, ValueError, RuntimeError) as exc:
        raise ClipSourceError(f"The weights {path.name} cannot be read: {exc}") from None
    out = {}
    for key, value in raw.items():
        key = key[len("module."):] if key.startswith("module.") else key
        if key.rsplit(".", 1)[-1] in IGNORED_KEYS:
            continue
        out[key] = torch.as_tensor(value).float() if not isinstance(value, torch.Tensor) else value.float()
    return out


def infer_dims(sd: dict, path: Path) -> dict:
    """The tower dimensions as the weights show them."""
    needed = ("visual.conv1.weight", "visual.positional_embedding", "visual.proj", "token_embedding.weight",
              "positional_embedding", "text_projection", "ln_final.weight", "logit_scale")
    missing = [k for k in needed if k not in sd]
    if missing:
        other = next(iter(sd), "")
        raise ClipSourceError(
            f"{path.name} is not an OpenCLIP/OpenAI CLIP ViT state dict: {', '.join(missing)} missing "
            f"(its first tensor is {other!r}). ResNet, timm or Hugging Face text towers are not supported.")
    conv, pos = sd["visual.conv1.weight"], sd["visual.positional_embedding"]
    grid = math.isqrt(pos.shape[0] - 1)
    if grid * grid != pos.shape[0] - 1 or "visual.conv1.bias" in sd:
        raise ClipSourceError(f"{path.name}: the image tower is not a classic CLIP ViT with a class token.")

    def layers(prefix):
        return len({k.split(".")[len(prefix.split("."))] for k in sd if k.startswith(prefix + ".")})

    return {
        "embed_dim": int(sd["visual.proj"].shape[1]), "image_size": int(grid * conv.shape[-1]),
        "patch_size": int(conv.shape[-1]), "vision_width": int(conv.shape[0]),
        "vision_layers": layers("visual.transformer.resblocks"),
        "vision_mlp": int(sd["visual.transformer.resblocks.0.mlp.c_fc.weight"].shape[0]),
        "text_width": int(sd["ln_final.weight"].shape[0]), "text_layers": layers("transformer.resblocks"),
        "text_mlp": int(sd["transformer.resblocks.0.mlp.c_fc.weight"].shape[0]),
        "vocab_size": int(sd["token_embedding.weight"].shape[0]),
        "context_length": int(sd["positional_embedding"].shape[0]),
    }


def _open_clip_config(path: Path) -> dict:
    cfg_path = path.parent / "open_clip_config.json"
    if not cfg_path.is_file():
        return {}
    try:
        return json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClipSourceError(f"{cfg_path} cannot be read ({exc}).") from None


def heads_and_activation(kind: str, path: Path, arch, dims: dict) -> tuple:
    """(vision heads, text heads, activation, architecture name, notes) for a state-dict source."""
    cfg = _open_clip_config(path)
    model_cfg = cfg.get("model_cfg") or {}
    notes = []
    known = check_arch(arch)
    if known is not None:
        wrong = [k for k in ("embed_dim", "image_size", "patch_size", "vision_width", "vision_layers",
                             "text_width", "text_layers") if known[k] != dims[k]]
        if wrong:
            raise ClipSourceError(
                f"The weights {path.name} do not have the dimensions of {arch} ({', '.join(wrong)} differ): "
                "give the architecture they were trained as.")
        v_heads, t_heads = dims["vision_width"] // known["vision_head_width"], known["text_heads"]
    else:
        v_cfg, t_cfg = model_cfg.get("vision_cfg") or {}, model_cfg.get("text_cfg") or {}
        v_heads = dims["vision_width"] // int(v_cfg.get("head_width", 64))
        t_heads = int(t_cfg.get("heads", max(1, dims["text_width"] // 64)))
    if kind == "openai":
        activation = QUICK_GELU
    elif arch:
        activation = activation_for(arch)
    elif model_cfg:
        activation = QUICK_GELU if model_cfg.get("quick_gelu") else GELU
        notes.append(msg("clip_arch_config", activation))
    else:
        raise ClipSourceError(
            f"Name the architecture of {path.name} (ARCH, open_clip's model name such as ViT-B-32, or "
            "ViT-B-32-quickgelu for OpenAI and LAION-400M weights): the activation cannot be read from the weights.")
    if known is None:
        notes.append(msg("clip_dims_from_weights", dims["vision_width"], dims["text_width"], v_heads, t_heads))
    return v_heads, t_heads, activation, arch or "open_clip_config.json", notes


def openclip_to_hf(sd: dict, dims: dict) -> dict:
    """open_clip's state dict -> transformers CLIPModel's (same tensors, renamed, split or transposed)."""
    out = {
        "logit_scale": sd["logit_scale"].reshape(()),
        "text_model.embeddings.token_embedding.weight": sd["token_embedding.weight"],
        "text_model.embeddings.position_embedding.weight": sd["positional_embedding"],
        "text_model.final_layer_norm.weight": sd["ln_final.weight"],
        "text_model.final_layer_norm.bias": sd["ln_final.bias"],
        "text_projection.weight": sd["text_projection"].t().contiguous(),
        "vision_model.embeddings.class_embedding": sd["visual.class_embedding"],
        "vision_model.embeddings.patch_embedding.weight": sd["visual.conv1.weight"],
        "vision_model.embeddings.position_embedding.weight": sd["visual.positional_embedding"],
        "vision_model.pre_layrnorm.weight": sd["visual.ln_pre.weight"],
        "vision_model.pre_layrnorm.bias": sd["visual.ln_pre.bias"],
        "vision_model.post_layernorm.weight": sd["visual.ln_post.weight"],
        "vision_model.post_layernorm.bias": sd["visual.ln_post.bias"],
        "visual_projection.weight": sd["visual.proj"].t().contiguous(),
    }
    towers = (("transformer.resblocks", "text_model.encoder.layers", dims["text_layers"]),
              ("visual.transformer.resblocks", "vision_model.encoder.layers", dims["vision_layers"]))
    for src, dst, n in towers:
        for i in range(n):
            s, d = f"{src}.{i}", f"{dst}.{i}"
            for part, w, b in zip("qkv", sd[f"{s}.attn.in_proj_weight"].chunk(3),
                                  sd[f"{s}.attn.in_proj_bias"].chunk(3)):
                out[f"{d}.self_attn.{part}_proj.weight"], out[f"{d}.self_attn.{part}_proj.bias"] = w, b
            for theirs, ours in (("attn.out_proj", "self_attn.out_proj"), ("ln_1", "layer_norm1"),
                                 ("ln_2", "layer_norm2"), ("mlp.c_fc", "mlp.fc1"), ("mlp.c_proj", "mlp.fc2")):
                for kind in ("weight", "bias"):
                    out[f"{d}.{ours}.{kind}"] = sd[f"{s}.{theirs}.{kind}"]
    return out


def hf_config(dims: dict, v_heads: int, t_heads: int, activation: str, eot_id: int):
    from transformers import CLIPConfig

    text = {"vocab_size": dims["vocab_size"], "hidden_size": dims["text_width"],
            "intermediate_size": dims["text_mlp"], "num_hidden_layers": dims["text_layers"],
            "num_attention_heads": t_heads, "max_position_embeddings": dims["context_length"],
            "hidden_act": activation, "layer_norm_eps": 1e-5, "bos_token_id": eot_id - 1,
            "eos_token_id": eot_id, "pad_token_id": 0}
    vision = {"hidden_size": dims["vision_width"], "intermediate_size": dims["vision_mlp"],
              "num_hidden_layers": dims["vision_layers"], "num_attention_heads": v_heads,
              "image_size": dims["image_size"], "patch_size": dims["patch_size"], "hidden_act": activation,
              "layer_norm_eps": 1e-5}
    return CLIPConfig(text_config=text, vision_config=vision, projection_dim=dims["embed_dim"])


def _load_state_dict_source(kind: str, path: Path, arch) -> LoadedClip:
    from transformers import CLIPModel

    sd = read_state_dict(kind, path)
    dims = infer_dims(sd, path)
    v_heads, t_heads, activation, arch_name, notes = heads_and_activation(kind, path, arch, dims)
    tokenizer, vocab, merges = read_tokenizer(path.parent, dims["context_length"])
    _check_vocab(vocab, dims["vocab_size"], path.parent)
    config = hf_config(dims, v_heads, t_heads, activation, tokenizer.eot_id)
    model = CLIPModel._from_config(config, attn_implementation="eager").eval()
    mapped = openclip_to_hf(sd, dims)
    result = model.load_state_dict(mapped, strict=False)
    unused = sorted(set(sd) - _used_keys(dims))
    if result.missing_keys or result.unexpected_keys or unused:
        raise ClipSourceError(
            f"The weights {path.name} do not fit a classic CLIP ViT: "
            f"{', '.join((result.missing_keys + result.unexpected_keys + unused)[:5])} ...")
    prep = default_preprocessing(dims["image_size"])
    pre_cfg = _open_clip_config(path).get("preprocess_cfg") or {}
    if pre_cfg:
        prep.update(mean=tuple(pre_cfg.get("mean", CLIP_MEAN)), std=tuple(pre_cfg.get("std", CLIP_STD)),
                    resample=pre_cfg.get("interpolation", "bicubic") if pre_cfg.get("interpolation") in
                    HF_RESAMPLE.values() else "bicubic")
        if pre_cfg.get("resize_mode") == "squash":
            prep["crop"] = "squash"
    default_licence = "MIT (OpenAI CLIP)" if kind == "openai" else \
        "not stated in the folder: see the model's page where you downloaded it"
    return LoadedClip(
        model=model, kind=kind, source=path, name=path.parent.name if kind == "open_clip" else path.stem,
        arch=arch_name, activation=activation, tokenizer=tokenizer, vocab=vocab, merges=merges,
        preprocessing=prep, licence=read_licence(path.parent, default_licence), notes=notes)


def _used_keys(dims: dict) -> set:
    """Every open_clip key openclip_to_hf reads."""
    keys = {"logit_scale", "token_embedding.weight", "positional_embedding", "ln_final.weight", "ln_final.bias",
            "text_projection", "visual.class_embedding", "visual.conv1.weight", "visual.positional_embedding",
            "visual.ln_pre.weight", "visual.ln_pre.bias", "visual.ln_post.weight", "visual.ln_post.bias",
            "visual.proj"}
    for prefix, n in (("transformer.resblocks", dims["text_layers"]),
                      ("visual.transformer.resblocks", dims["vision_layers"])):
        for i in range(n):
            for part in ("attn.in_proj_weight", "attn.in_proj_bias", "attn.out_proj.weight", "attn.out_proj.bias",
                         "ln_1.weight", "ln_1.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight",
                         "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias"):
                keys.add(f"{prefix}.{i}.{part}")
    return keys
