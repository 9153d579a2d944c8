"""Method 'finetune': torch fine-tuning of the last stage, rebuilt ONNX backbone, usual export."""
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from photo_motifs.core.decode import load_for_backbone  # noqa: E402
from photo_motifs.core.train import class_counts, holdout_split  # noqa: E402
from photo_motifs.models import finetune as ft  # noqa: E402
from photo_motifs.models import registry  # noqa: E402


@pytest.fixture(scope="module")
def small_set(labeled_dir):
    root = labeled_dir / "intel_scenes_dev"
    if not root.is_dir():
        pytest.skip(f"{root} not found")
    paths, labels = [], []
    for cls in ("forest", "street"):
        for p in sorted((root / cls).iterdir())[:12]:
            paths.append(str(p))
            labels.append(cls)
    return paths, labels


@pytest.fixture(scope="module")
def trained(small_set, tmp_path_factory):
    registry.weights_file("efficientnet_lite0")  # packaged weights missing: a failure, not a skip
    import os

    saved = os.environ.get("PHOTO_MOTIFS_MODEL_CACHE")
    # the fine-tuned backbone goes to model_cache_dir()/finetuned: keep it out of the user's cache
    os.environ["PHOTO_MOTIFS_MODEL_CACHE"] = str(tmp_path_factory.mktemp("models"))
    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.models.classifier_export import train_model

    paths, labels = small_set
    out = tmp_path_factory.mktemp("model") / "finetuned"
    cache = EmbeddingCache(tmp_path_factory.mktemp("cache") / "emb.sqlite")
    try:
        yield train_model(paths, labels, out, backbone="efficientnet_lite0", method="finetune", seed=0,
                          cache=cache, finetune_seconds=12, unfreeze_stages=1), cache
    finally:
        if saved is None:
            os.environ.pop("PHOTO_MOTIFS_MODEL_CACHE", None)
        else:
            os.environ["PHOTO_MOTIFS_MODEL_CACHE"] = saved


def _head_by_hand(npz, X):
    """The documented head, computed here from head.npz's arrays (not by the code under test):
    each block of x divided by its L2 norm, standardised, linear layers (ReLU between), softmax."""
    with np.load(npz, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    X = np.asarray(X, dtype=np.float64)
    blocks = [int(b) for b in arrays["blocks"]] if "blocks" in arrays else [X.shape[1]]
    parts, start = [], 0
    for width in blocks:
        part = X[:, start:start + width]
        parts.append(part / np.maximum(np.linalg.norm(part, axis=1, keepdims=True), 1e-12))
        start += width
    z = (np.concatenate(parts, axis=1) - arrays["mean"]) * arrays["inv_std"]
    layers = sorted(k for k in arrays if k.startswith("w"))
    for i in range(len(layers)):
        z = z @ arrays[f"w{i}"] + arrays[f"b{i}"]
        if i < len(layers) - 1:
            z = np.maximum(z, 0.0)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_finetune_end_to_end(trained, small_set):
    import onnxruntime as ort

    from photo_motifs.core.embed import compute_embeddings
    model, cache = trained
    paths, labels = small_set
    result = model.result
    assert result.method == "finetune"
    assert "finetune" in model.seconds
    report = json.loads((model.folder / "report.json").read_text())
    info = report["finetune"]
    assert info["steps"] >= 1 and info["unfreeze_stages"] == 1

    # the hold-out photos were not used for fine-tuning: n_photos == training part of the split
    y = np.searchsorted(np.asarray(list(class_counts(labels))), np.asarray(labels))
    tr, va = holdout_split(y, 0.2, 0)
    assert info["n_photos"] == len(tr) == result.n_train and result.n_val == len(va) > 0

    # the fine-tuned backbone has its own spec and embedding cache key
    onnx_path = info["backbone_onnx"]
    spec = ft.finetuned_spec(registry.get_backbone("efficientnet_lite0"), onnx_path)
    assert spec.cache_key.startswith("finetuned:efficientnet_lite0:") and spec.cache_key.endswith("+multi")
    assert report["backbone"] == spec.cache_key

    # the fine-tuning changed the features
    base_spec = registry.get_backbone("efficientnet_lite0")
    photos = np.stack([load_for_backbone(p, base_spec) for p in paths[:3] + paths[-3:]])
    pixels = np.ascontiguousarray(photos.transpose(0, 3, 1, 2), dtype=np.float32)
    features = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"]).run(
        ["features"], {"pixels": pixels})[0]
    original = ort.InferenceSession(str(registry.ensure_onnx("efficientnet_lite0")),
                                    providers=["CPUExecutionProvider"]).run(["features"], {"pixels": pixels})[0]
    assert np.abs(features - original).max() > 1e-3

    # the exported model.onnx equals the head computed by hand on the fine-tuned (cached) embeddings
    emb = compute_embeddings(paths[:3] + paths[-3:], spec, onnx_path, cache=cache)
    assert emb.n_computed == 0  # train_model cached them under the fine-tuned key
    expected = _head_by_hand(model.folder / "head.npz", emb.matrix)
    # the graph crops the central 224 of its 256 input: put the prepared photos there
    canvas = np.zeros((len(photos), 256, 256, 3), np.float32)
    canvas[:, 16:240, 16:240] = photos / 255.0
    conf = ort.InferenceSession(str(model.folder / "model.onnx"), providers=["CPUExecutionProvider"]).run(
        ["Confidences"], {"Image:0": canvas})[0]
    assert np.array_equal(conf.argmax(1), expected.argmax(1))
    assert np.abs(conf - expected).max() < 1e-3


def test_rebuilt_onnx_matches_torch(tmp_path, small_set):
    """finetune() changes only trainable weights; the rebuilt graph equals the torch module."""
    import onnxruntime as ort

    from photo_motifs.models.torch_pickle import load_torch_state_dict

    wf = registry.weights_file("efficientnet_lite0")  # packaged weights missing: a failure, not a skip
    paths, labels = small_set
    spec = registry.get_backbone("efficientnet_lite0")
    images, failed = ft.load_photos(paths[:4] + paths[-4:], spec)
    assert not failed
    y = np.array([0] * 4 + [1] * 4)
    sd = load_torch_state_dict(wf)
    res = ft.finetune(images, y, spec, sd, [0, 1, 2, 4, 5, 6], seconds_budget=3, unfreeze_stages=1)
    assert res.n_steps >= 1 and res.changed
    assert all(k.startswith(("_blocks.15.", "_conv_head", "_bn1.")) for k in res.changed), sorted(res.changed)
    path = ft.build_finetuned_onnx(res.state_dict, spec, tmp_path / "ft.onnx")
    model = ft.torch_efficientnet_lite(res.state_dict)
    pixels = np.stack([ft.centre(images[3], spec), ft.centre(images[7], spec)]).transpose(0, 3, 1, 2)
    pixels = np.ascontiguousarray(pixels)
    with torch.no_grad():
        expected = model(torch.from_numpy(pixels)).numpy()
    got = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(
        ["features"], {"pixels": pixels})[0]
    assert np.abs(got - expected).max() < 1e-3


def test_finetune_rejects_user_backbone(tmp_path):
    from dataclasses import replace

    spec = replace(registry.get_backbone("efficientnet_lite0"), id="onnx:abc", onnx_path=str(tmp_path / "x.onnx"))
    with pytest.raises(ValueError, match="built-in EfficientNet"):
        ft.prepare_finetuned_backbone(["a.jpg", "b.jpg"], ["x", "y"], spec)
    with pytest.raises(ValueError, match="in fp32"):
        ft.prepare_finetuned_backbone(["a.jpg", "b.jpg"], ["x", "y"], registry.get_backbone("efficientnet_lite0_int8"))
