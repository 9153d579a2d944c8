"""Converting CLIP models to ONNX (photomotifs:addclip's engine) on tiny random-weight models.

References come from outside the converter: transformers' own CLIPModel in torch for the
Hugging Face layout, and ``tests/clip_helpers.openclip_reference`` (open_clip's forward written
with plain torch operators from open_clip's model definition) for OpenCLIP and OpenAI weights.
"""
import json
import shutil

import numpy as np
import pytest

from photo_motifs.core.clip_tokenizer import ClipTokenizer
from photo_motifs.core.feedback import Canceled, CoreFeedback
from photo_motifs.core.model_files import CLIP_IMAGE_FILE, CLIP_IMAGE_INT8_FILE, CLIP_INFO_FILE, CLIP_TEXT_FILE
from photo_motifs.tests import clip_helpers as h

LIMIT = 1e-4  # max abs difference between ONNX and torch on the same inputs
PROMPTS = ["a photo of a church.", "Õhtune jõgi ja šokolaad 🌲", "", "graffiti " * 90]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return h.tiny_models(tmp_path_factory.mktemp("clip_models"))


def onnx_run(path, name, value):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {name: value})[0]


def pixels(n=5, size=32, seed=3):
    return np.random.default_rng(seed).standard_normal((n, 3, size, size)).astype(np.float32)


def test_nothing_reached_the_network(models):
    import huggingface_hub.constants

    assert models["connections"] == []
    assert huggingface_hub.constants.HF_HUB_OFFLINE


def test_huggingface_folder_equals_transformers(models):
    import torch

    model, folder = models["hf_model"], models["hf"]
    ids = ClipTokenizer.from_folder(folder)(PROMPTS)
    x = pixels()
    with torch.no_grad():
        ref_image = model.get_image_features(pixel_values=torch.from_numpy(x)).pooler_output.numpy()
        ref_text = model.get_text_features(input_ids=torch.from_numpy(ids)).pooler_output.numpy()
    assert np.abs(onnx_run(folder / CLIP_IMAGE_FILE, "pixels", x) - ref_image).max() <= LIMIT
    assert np.abs(onnx_run(folder / CLIP_TEXT_FILE, "input_ids", ids) - ref_text).max() <= LIMIT
    # a batch cut after its last end token gives the same text embeddings
    short = ids[:3, :int(ids[:3].argmax(axis=1).max()) + 1]
    assert short.shape[1] < 20
    assert np.abs(onnx_run(folder / CLIP_TEXT_FILE, "input_ids", short) - ref_text[:3]).max() <= LIMIT


def test_folder_describes_itself(models):
    from photo_motifs.models.registry import spec_for_clip_folder

    folder = models["hf"]
    info = json.loads((folder / CLIP_INFO_FILE).read_text(encoding="utf-8"))
    assert info["embed_dim"] == h.TINY["embed_dim"] and info["activation"] == "quick_gelu"
    assert info["logit_scale"] == pytest.approx(float(models["hf_model"].logit_scale.detach().exp()), rel=1e-6)
    assert info["sot_id"] == len(models["vocab"]) - 2 and info["eot_id"] == len(models["vocab"]) - 1
    assert info["parity"]["image"] <= LIMIT and info["parity"]["text"] <= LIMIT
    assert info["speed"]["image_per_s"] > 0 and info["speed"]["batch"] == 16
    card = (folder / "model_card.md").read_text(encoding="utf-8")
    assert "images/s" in card and "Licence" in card and "quick_gelu" in card
    # image.onnx carries its preprocessing (the HF folder's preprocessor_config.json)
    spec = spec_for_clip_folder(folder)
    assert (spec.input_size, spec.resize_short, spec.crop, spec.resample) == (32, 32, "center", "bicubic")
    assert spec.mean == pytest.approx((0.48145466, 0.4578275, 0.40821073))
    assert spec.std == pytest.approx((0.26862954, 0.26130258, 0.27577711))
    assert spec.output_dim == h.TINY["embed_dim"] and spec.id.startswith("onnx:")
    assert (folder / "vocab.json").is_file() and (folder / "merges.txt").is_file()


def test_int8_image_tower(models):
    from photo_motifs.models.registry import spec_for_clip_folder

    folder = models["hf"]
    x = pixels(8, seed=9)
    fp32 = onnx_run(folder / CLIP_IMAGE_FILE, "pixels", x)
    int8 = onnx_run(folder / CLIP_IMAGE_INT8_FILE, "pixels", x)
    cosine = (fp32 * int8).sum(1) / np.linalg.norm(fp32, axis=1) / np.linalg.norm(int8, axis=1)
    assert cosine.min() > 0.99
    import onnx

    ops = {n.op_type for n in onnx.load(str(folder / CLIP_IMAGE_INT8_FILE)).graph.node}
    assert "MatMulInteger" in ops or "DynamicQuantizeMatMul" in ops
    assert "Conv" in ops and "ConvInteger" not in ops  # the patch convolution stays float
    spec = spec_for_clip_folder(folder, int8=True)
    assert spec.id != spec_for_clip_folder(folder).id  # cached apart
    assert spec_for_clip_folder(models["oc"], int8=False).onnx_path.endswith(CLIP_IMAGE_FILE)
    with pytest.raises(ValueError, match="no int8 image tower"):
        spec_for_clip_folder(models["oc"], int8=True)


def test_openclip_weights_equal_open_clips_forward(models):
    sd, folder = models["oc_sd"], models["oc"]
    ids = ClipTokenizer.from_folder(folder)(PROMPTS)
    x = pixels(4, seed=4)
    assert np.abs(onnx_run(folder / CLIP_IMAGE_FILE, "pixels", x)
                  - h.openclip_reference(sd, h.TINY, pixels=x)).max() <= LIMIT
    assert np.abs(onnx_run(folder / CLIP_TEXT_FILE, "input_ids", ids)
                  - h.openclip_reference(sd, h.TINY, ids=ids)).max() <= LIMIT
    info = json.loads((folder / CLIP_INFO_FILE).read_text(encoding="utf-8"))
    assert info["logit_scale"] == pytest.approx(1 / 0.07, rel=1e-5) and info["vision"]["heads"] == 2


def test_the_wrong_activation_is_detected(models, tmp_path):
    """Named without '-quickgelu', the same weights convert with GELU: the test reference sees the change."""
    from photo_motifs.models.clip import convert_clip

    sd = models["oc_sd"]
    gelu = convert_clip(models["oc_bin"], tmp_path / "gelu", arch="tiny", int8=False).folder
    x = pixels(4, seed=5)
    got = onnx_run(gelu / CLIP_IMAGE_FILE, "pixels", x)
    assert np.abs(got - h.openclip_reference(sd, h.TINY, pixels=x, act="gelu")).max() <= LIMIT
    assert np.abs(got - h.openclip_reference(sd, h.TINY, pixels=x, act="quick_gelu")).max() > 100 * LIMIT
    assert json.loads((gelu / CLIP_INFO_FILE).read_text(encoding="utf-8"))["activation"] == "gelu"


def test_openai_torchscript_and_safetensors(models, tmp_path):
    """OpenAI's .pt (TorchScript, fp16, QuickGELU without being told) and OpenCLIP .safetensors."""
    from safetensors.torch import save_file

    from photo_motifs.models.clip import convert_clip

    src = tmp_path / "openai"
    h.write_tokenizer(src, models["merges"])
    rounded = h.torchscript_archive(models["oc_sd"], src / "ViT-tiny.pt")
    jit = convert_clip(src / "ViT-tiny.pt", tmp_path / "jit", int8=False)
    x = pixels(3, seed=6)
    assert jit.info["activation"] == "quick_gelu" and jit.info["source_kind"] == "openai"
    assert np.abs(onnx_run(jit.folder / CLIP_IMAGE_FILE, "pixels", x)
                  - h.openclip_reference(rounded, h.TINY, pixels=x)).max() <= LIMIT
    st = tmp_path / "st"
    h.write_tokenizer(st, models["merges"])
    save_file({k: v.contiguous() for k, v in models["oc_sd"].items()}, str(st / "open_clip_model.safetensors"))
    (st / "open_clip_config.json").write_text(json.dumps({"model_cfg": {"quick_gelu": True},
                                                          "preprocess_cfg": {"mean": [0.5] * 3, "std": [0.5] * 3}}))
    done = convert_clip(st, tmp_path / "st_out", int8=False)  # the folder: its open_clip weights are found
    assert done.info["activation"] == "quick_gelu" and done.info["preprocessing"]["mean"] == [0.5] * 3
    assert np.abs(onnx_run(done.folder / CLIP_IMAGE_FILE, "pixels", x)
                  - h.openclip_reference(models["oc_sd"], h.TINY, pixels=x)).max() <= LIMIT


@pytest.mark.parametrize("case, match", [
    ("no_weights", "no weights"),
    ("not_clip", "not a CLIP model"),
    ("no_tokenizer", "tokenizer files are missing"),
    ("no_arch", "Name the architecture"),
    ("other_family", "not a classic CLIP ViT"),
    ("wrong_dims", "do not have the dimensions of ViT-B-32"),
    ("output_taken", "already exists and is not empty"),
    ("hostile_pickle", "Refusing to load"),
])
def test_sources_that_cannot_be_converted_give_sentences(models, tmp_path, case, match):
    import pickle
    import zipfile

    from photo_motifs.models.clip import convert_clip
    from photo_motifs.models.clip_weights import ClipSourceError

    out, arch = tmp_path / "out", None
    src = tmp_path / "src"
    src.mkdir()
    if case in ("no_weights", "not_clip"):
        config = json.loads((models["hf_src"] / "config.json").read_text())
        config["model_type"] = "clip" if case == "no_weights" else "siglip"
        (src / "config.json").write_text(json.dumps(config))
        if case == "not_clip":
            shutil.copy(models["hf_src"] / "model.safetensors", src)
    elif case == "hostile_pickle":
        class Evil:
            def __reduce__(self):
                return (print, ("owned",))
        with zipfile.ZipFile(src / "evil.pt", "w") as zf:
            zf.writestr("evil/data.pkl", pickle.dumps(Evil()))
            zf.writestr("evil/code/__torch__.py", "")
        src = src / "evil.pt"
    else:
        shutil.copy(models["oc_bin"], src)
        if case != "no_tokenizer":
            h.write_tokenizer(src, models["merges"])
        arch = {"no_tokenizer": "tiny", "no_arch": None, "other_family": "RN50-quickgelu", "wrong_dims": "ViT-B-32",
                "output_taken": "tiny"}[case]
        if case == "output_taken":
            out.mkdir()
            (out / "notes.txt").write_text("mine")
        src = src / "open_clip_pytorch_model.bin"
    with pytest.raises(ClipSourceError, match=match):
        convert_clip(src, out, arch=arch, int8=False)
    if case != "output_taken":
        assert not out.exists()
    else:
        assert (out / "notes.txt").read_text() == "mine"


def test_cancel_leaves_nothing(models, tmp_path):
    from photo_motifs.models.clip import convert_clip

    calls = []

    def canceled():
        calls.append(1)
        return len(calls) > 1  # after the weights are loaded, during the export

    with pytest.raises(Canceled, match="Nothing was written"):
        convert_clip(models["hf_src"], tmp_path / "out", int8=False, feedback=CoreFeedback(is_canceled=canceled))
    assert list(tmp_path.iterdir()) == []


def test_command_line(models, tmp_path, capsys):
    from photo_motifs.models import clip

    assert clip.main([str(models["oc_bin"]), str(tmp_path / "cli"), "--arch", "tiny-quickgelu", "--no-int8",
                      "--name", "Tiny test CLIP"]) == 0
    assert "Converted Tiny test CLIP into" in capsys.readouterr().out
    assert not (tmp_path / "cli" / CLIP_IMAGE_INT8_FILE).exists()
    assert clip.main([str(tmp_path / "missing"), str(tmp_path / "x")]) == 1
    assert "does not exist" in capsys.readouterr().err
