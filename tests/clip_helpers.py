"""Tiny CLIP models with random weights for the tests (nothing is downloaded).

* :func:`learn_bpe` learns byte-pair merges from a small corpus the way CLIP's vocabulary was
  made (byte characters, ``</w>`` at word ends), so the tokenizer tests run on a vocabulary of the
  real format; :func:`write_tokenizer` writes ``vocab.json`` + ``merges.txt`` in the Hugging Face
  layout (vocabulary order as open_clip builds it: bytes, bytes + ``</w>``, merges, start, end).
* :func:`hf_clip_folder` saves a random ``transformers.CLIPModel`` as ``save_pretrained`` does
  (``config.json`` + ``model.safetensors``) with the tokenizer files and a preprocessor config.
* :func:`openclip_state_dict` makes random weights under open_clip's key names, written from
  open_clip's ``model.py``/``transformer.py`` (``CLIP``, ``VisionTransformer``,
  ``TextTransformer``, ``ResidualAttentionBlock`` with ``nn.MultiheadAttention``), and
  :func:`openclip_reference` runs them with plain torch operators the way those classes do: an
  independent reference for the converter's key mapping and activation choice.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np

# a corpus with the test strings' words, Estonian letters, emoji and punctuation
CORPUS = """
a photo of a church in the old town of tallinn . a photo of graffiti on a wall . a river at night .
a winter park with snow and trees . a forest path in autumn . the sea and the harbour at sunset .
õismäe ülikool šokolaad žürii pärnu tõnismägi öö õhtu jõgi mets meri linn kirik rand tänav park
café crème naïve façade über straße ελληνικά οδος ς σ λόγος photo photos photographer photographs
"tallinn's" old town it's they're we've i'm you'll he'd don't 2024 1999 3 7 & <b> fish & chips </b>
field flowers office affluent 🌲 forest 🌊 sea 🏰 castle 😀 smile … — – ‘ ’ “ ” ! ? , ; : ( ) [ ]
the quick brown fox jumps over the lazy dog while people walk along the promenade and take pictures
""" * 3


def bytes_to_unicode() -> dict:
    """GPT-2/CLIP's byte -> printable character table, written out here for the test vocabulary."""
    bs = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def _words(corpus: str) -> Counter:
    import regex

    table = bytes_to_unicode()
    pattern = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""", regex.IGNORECASE)
    counts = Counter()
    for piece in pattern.findall(corpus.lower()):
        chars = [table[b] for b in piece.encode("utf-8")]
        counts[tuple(chars[:-1]) + (chars[-1] + "</w>",)] += 1
    return counts


def learn_bpe(corpus: str = CORPUS, n_merges: int = 400) -> list:
    """Greedy BPE: repeatedly merge the most frequent adjacent pair (ties: the smallest pair)."""
    words = _words(corpus)
    merges = []
    for _ in range(n_merges):
        pairs = Counter()
        for word, count in words.items():
            for a, b in zip(word[:-1], word[1:]):
                pairs[(a, b)] += count
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        merged = {}
        for word, count in words.items():
            out, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + count
        words = merged
    return merges


def write_tokenizer(folder, merges) -> dict:
    """vocab.json + merges.txt as Hugging Face CLIP repositories hold them; returns the vocabulary."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    symbols = list(bytes_to_unicode().values())
    tokens = symbols + [s + "</w>" for s in symbols] + [a + b for a, b in merges]
    tokens += ["<|startoftext|>", "<|endoftext|>"]
    vocab = {t: i for i, t in enumerate(tokens)}
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n" + "\n".join(f"{a} {b}" for a, b in merges) + "\n",
                                       encoding="utf-8")
    return vocab


# --------------------------------------------------------------------------- model dimensions

TINY = {"embed_dim": 32, "image_size": 32, "patch_size": 8, "vision_width": 128, "vision_layers": 2,
        "text_width": 128, "text_layers": 2, "context_length": 77}  # two attention heads per tower
# ViT-B/32 (open_clip's ViT-B-32.json): for the benchmark only
VIT_B_32 = {"embed_dim": 512, "image_size": 224, "patch_size": 32, "vision_width": 768, "vision_layers": 12,
            "text_width": 512, "text_layers": 12, "context_length": 77}
HEAD_WIDTH = 64  # open_clip: heads = width // 64 (vision), text heads 8 for width 512


def hf_config(dims: dict, vocab_size: int, act: str = "quick_gelu", eot_id: int | None = None):
    from transformers import CLIPConfig

    def tower(width, layers):
        return {"hidden_size": width, "intermediate_size": 4 * width, "num_hidden_layers": layers,
                "num_attention_heads": max(1, width // HEAD_WIDTH), "hidden_act": act}

    text = dict(tower(dims["text_width"], dims["text_layers"]), vocab_size=vocab_size,
                max_position_embeddings=dims["context_length"],
                bos_token_id=vocab_size - 2, eos_token_id=eot_id if eot_id is not None else vocab_size - 1,
                pad_token_id=0)
    vision = dict(tower(dims["vision_width"], dims["vision_layers"]), image_size=dims["image_size"],
                  patch_size=dims["patch_size"])
    return CLIPConfig(text_config=text, vision_config=vision, projection_dim=dims["embed_dim"])


def random_hf_model(dims: dict, vocab_size: int, act: str = "quick_gelu", seed: int = 0):
    import torch
    from transformers import CLIPModel

    torch.manual_seed(seed)
    model = CLIPModel(hf_config(dims, vocab_size, act)).eval()
    with torch.no_grad():  # CLIP's init leaves LayerNorms at 1/0: perturb them so they matter
        for name, p in model.named_parameters():
            if "layer_norm" in name or "layrnorm" in name or "layernorm" in name:
                p.add_(torch.randn_like(p) * 0.1)
    return model


def hf_clip_folder(folder, merges, dims=TINY, act="quick_gelu", seed=0, weights="safetensors"):
    """A Hugging Face CLIP folder: config.json, model.safetensors (or pytorch_model.bin), tokenizer
    files, preprocessor_config.json. Returns (folder, model)."""
    folder = Path(folder)
    vocab = write_tokenizer(folder, merges)
    model = random_hf_model(dims, len(vocab), act, seed)
    model.save_pretrained(folder, safe_serialization=(weights == "safetensors"))
    size = dims["image_size"]
    (folder / "preprocessor_config.json").write_text(json.dumps({
        "crop_size": {"height": size, "width": size}, "do_center_crop": True, "do_normalize": True,
        "do_resize": True, "image_mean": [0.48145466, 0.4578275, 0.40821073],
        "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3, "size": {"shortest_edge": size},
    }), encoding="utf-8")
    return folder, model


# --------------------------------------------------------------------------- open_clip layout


def _block_shapes(prefix: str, width: int) -> dict:
    """ResidualAttentionBlock: ln_1, attn (nn.MultiheadAttention), ln_2, mlp (c_fc, gelu, c_proj)."""
    return {
        f"{prefix}.ln_1.weight": (width,), f"{prefix}.ln_1.bias": (width,),
        f"{prefix}.attn.in_proj_weight": (3 * width, width), f"{prefix}.attn.in_proj_bias": (3 * width,),
        f"{prefix}.attn.out_proj.weight": (width, width), f"{prefix}.attn.out_proj.bias": (width,),
        f"{prefix}.ln_2.weight": (width,), f"{prefix}.ln_2.bias": (width,),
        f"{prefix}.mlp.c_fc.weight": (4 * width, width), f"{prefix}.mlp.c_fc.bias": (4 * width,),
        f"{prefix}.mlp.c_proj.weight": (width, 4 * width), f"{prefix}.mlp.c_proj.bias": (width,),
    }


def openclip_shapes(dims: dict, vocab_size: int) -> dict:
    """Key -> shape of open_clip's CLIP (ViT image tower, transformer text tower)."""
    vw, tw, e = dims["vision_width"], dims["text_width"], dims["embed_dim"]
    grid = dims["image_size"] // dims["patch_size"]
    shapes = {
        "visual.class_embedding": (vw,),
        "visual.positional_embedding": (grid * grid + 1, vw),
        "visual.proj": (vw, e),
        "visual.conv1.weight": (vw, 3, dims["patch_size"], dims["patch_size"]),
        "visual.ln_pre.weight": (vw,), "visual.ln_pre.bias": (vw,),
        "visual.ln_post.weight": (vw,), "visual.ln_post.bias": (vw,),
        "positional_embedding": (dims["context_length"], tw),
        "text_projection": (tw, e),
        "logit_scale": (),
        "token_embedding.weight": (vocab_size, tw),
        "ln_final.weight": (tw,), "ln_final.bias": (tw,),
    }
    for i in range(dims["vision_layers"]):
        shapes.update(_block_shapes(f"visual.transformer.resblocks.{i}", vw))
    for i in range(dims["text_layers"]):
        shapes.update(_block_shapes(f"transformer.resblocks.{i}", tw))
    return shapes


def openclip_state_dict(dims: dict, vocab_size: int, seed: int = 0) -> dict:
    """Random weights under open_clip's names (float32 torch tensors), scaled like CLIP's init."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    sd = {}
    for key, shape in openclip_shapes(dims, vocab_size).items():
        if key == "logit_scale":
            sd[key] = torch.tensor(math.log(1 / 0.07))
        elif key.endswith(("ln_1.weight", "ln_2.weight", "ln_pre.weight", "ln_post.weight", "ln_final.weight")):
            sd[key] = 1.0 + 0.1 * torch.randn(shape, generator=gen)
        else:
            fan_in = shape[-1] if len(shape) > 1 else shape[0]
            sd[key] = torch.randn(shape, generator=gen) / math.sqrt(fan_in)
    return sd


def _resblock(x, sd, prefix, heads, act, mask=None):
    """open_clip's ResidualAttentionBlock: x + attn(ln_1(x)); x + mlp(ln_2(x)); sequence first."""
    import torch
    import torch.nn.functional as F  # noqa: N812

    width = x.shape[-1]
    y = F.layer_norm(x, (width,), sd[f"{prefix}.ln_1.weight"], sd[f"{prefix}.ln_1.bias"])
    y = F.multi_head_attention_forward(
        y, y, y, width, heads, sd[f"{prefix}.attn.in_proj_weight"], sd[f"{prefix}.attn.in_proj_bias"],
        None, None, False, 0.0, sd[f"{prefix}.attn.out_proj.weight"], sd[f"{prefix}.attn.out_proj.bias"],
        training=False, need_weights=False, attn_mask=mask)[0]
    x = x + y
    y = F.layer_norm(x, (width,), sd[f"{prefix}.ln_2.weight"], sd[f"{prefix}.ln_2.bias"])
    y = F.linear(y, sd[f"{prefix}.mlp.c_fc.weight"], sd[f"{prefix}.mlp.c_fc.bias"])
    y = y * torch.sigmoid(1.702 * y) if act == "quick_gelu" else F.gelu(y)
    return x + F.linear(y, sd[f"{prefix}.mlp.c_proj.weight"], sd[f"{prefix}.mlp.c_proj.bias"])


def openclip_reference(sd: dict, dims: dict, pixels=None, ids=None, act: str = "quick_gelu"):
    """open_clip's encode_image / encode_text (not normalised) on float32 pixels [N,3,S,S] or ids [N,77]."""
    import torch
    import torch.nn.functional as F  # noqa: N812

    with torch.no_grad():
        if pixels is not None:
            vw = dims["vision_width"]
            x = F.conv2d(torch.as_tensor(pixels), sd["visual.conv1.weight"], stride=dims["patch_size"])
            x = x.reshape(x.shape[0], vw, -1).permute(0, 2, 1)
            cls = sd["visual.class_embedding"].expand(x.shape[0], 1, vw)
            x = torch.cat([cls, x], dim=1) + sd["visual.positional_embedding"]
            x = F.layer_norm(x, (vw,), sd["visual.ln_pre.weight"], sd["visual.ln_pre.bias"]).permute(1, 0, 2)
            for i in range(dims["vision_layers"]):
                x = _resblock(x, sd, f"visual.transformer.resblocks.{i}", vw // HEAD_WIDTH, act)
            x = F.layer_norm(x.permute(1, 0, 2)[:, 0], (vw,), sd["visual.ln_post.weight"], sd["visual.ln_post.bias"])
            return (x @ sd["visual.proj"]).numpy()
        ids = torch.as_tensor(np.asarray(ids, dtype=np.int64))
        tw, n = dims["text_width"], ids.shape[1]
        x = sd["token_embedding.weight"][ids] + sd["positional_embedding"][:n]
        mask = torch.full((n, n), float("-inf")).triu(1)  # open_clip's build_causal_mask
        x = x.permute(1, 0, 2)
        for i in range(dims["text_layers"]):
            x = _resblock(x, sd, f"transformer.resblocks.{i}", max(1, tw // HEAD_WIDTH), act, mask)
        x = F.layer_norm(x.permute(1, 0, 2), (tw,), sd["ln_final.weight"], sd["ln_final.bias"])
        x = x[torch.arange(x.shape[0]), ids.argmax(dim=-1)]  # the first end token (the largest id)
        return (x @ sd["text_projection"]).numpy()


# --------------------------------------------------------------------------- shared, converted once

_BUILT: dict = {}


def make_photos(folder, n: int = 12, size=(96, 72), seed: int = 0) -> list:
    """Small JPEG photos with different colours and shapes (enough for embeddings to differ)."""
    from PIL import Image, ImageDraw

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    paths = []
    for i in range(n):
        img = Image.new("RGB", size, tuple(int(v) for v in rng.integers(0, 256, 3)))
        draw = ImageDraw.Draw(img)
        for _ in range(3):
            x0, y0 = int(rng.integers(0, size[0] - 10)), int(rng.integers(0, size[1] - 10))
            draw.ellipse([x0, y0, x0 + int(rng.integers(8, 40)), y0 + int(rng.integers(8, 40))],
                         fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
        path = folder / f"photo_{i:02d}.jpg"
        img.save(path, quality=92)
        paths.append(path)
    return paths


def tiny_models(root) -> dict:
    """Tiny random CLIP models, converted once per test session (torch, transformers and ONNX export).

    Returns {'merges', 'vocab', 'hf_src', 'hf_model' (torch CLIPModel), 'hf' (converted folder, with
    int8), 'oc_sd' (open_clip state dict), 'oc_bin' (its .bin file), 'oc' (converted, ARCH
    'tiny-quickgelu')}. No network: every socket connection attempt fails and is recorded in
    'connections'.
    """
    if "models" in _BUILT:
        return _BUILT["models"]
    import socket

    import pytest
    import torch

    from photo_motifs.models.clip import convert_clip

    root = Path(root)
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network access is not allowed in this test")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        merges = learn_bpe()
        hf_src, hf_model = hf_clip_folder(root / "hf_src", merges)
        vocab = json.loads((hf_src / "vocab.json").read_text(encoding="utf-8"))
        hf = convert_clip(hf_src, root / "hf_converted").folder
        oc_dir = root / "oc_src"
        write_tokenizer(oc_dir, merges)
        oc_sd = openclip_state_dict(TINY, len(vocab), seed=1)
        torch.save(oc_sd, oc_dir / "open_clip_pytorch_model.bin")
        oc = convert_clip(oc_dir / "open_clip_pytorch_model.bin", root / "oc_converted", arch="tiny-quickgelu",
                          int8=False).folder
    _BUILT["models"] = {"merges": merges, "vocab": vocab, "hf_src": hf_src, "hf_model": hf_model, "hf": hf,
                        "oc_sd": oc_sd, "oc_bin": oc_dir / "open_clip_pytorch_model.bin", "oc": oc,
                        "connections": attempts}
    return _BUILT["models"]


def torchscript_archive(sd: dict, path, half: bool = True):
    """A TorchScript archive (torch.jit.save) holding ``sd`` under its dotted names, fp16 like OpenAI's .pt
    files, with the plain int attributes OpenAI's model carries (input_resolution, context_length)."""
    import torch

    class Holder(torch.nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x

    root = Holder()
    for key, value in sd.items():
        *parents, leaf = key.split(".")
        node = root
        for part in parents:
            if not hasattr(node, part):
                node.add_module(part, Holder())
            node = getattr(node, part)
        tensor = value.detach().clone().half() if half else value.detach().clone()
        node.register_parameter(leaf, torch.nn.Parameter(tensor, requires_grad=False))
    root.input_resolution = 32
    root.context_length = 77
    root.transformer.resblocks.get_submodule("0").register_buffer("attn_mask", torch.zeros(77, 77))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # torch.jit is how OpenAI's files were made
        torch.jit.script(root).save(str(path))
    return {k: (v.detach().half().float() if half else v.detach()) for k, v in sd.items()}
