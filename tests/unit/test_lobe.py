"""Lobe compatibility: Lobe-contract models run here, our exports run in a Lobe-style loader."""
from __future__ import annotations

import json

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

from ...core.classify import classify_paths
from ...models.classifier_export import CLASSIFIER_PREFIX
from ...models.lobe import ModelError, load_model
from .lobe_reference import LobeStyleModel
from .test_classify import tiny_model  # noqa: F401 - shared module fixture
from .test_train import make_photo

LOBE_CLASSES = ["Blue", "Green", "Red"]


def make_lobe_export(folder, size: int = 16, fmt: str = "onnx"):
    """A model to Lobe's exact ONNX contract: ``Image:0`` NHWC [0,1] -> ``Confidences``.

    The "network" averages the colour channels and scores blue/green/red by them.
    """
    folder.mkdir(parents=True, exist_ok=True)
    weights = np.array([[0, 0, 20], [0, 20, 0], [20, 0, 0]], np.float32)  # rows: R, G, B input
    nodes = [
        helper.make_node("ReduceMean", ["Image:0"], ["mean_rgb"], axes=[1, 2], keepdims=0),
        helper.make_node("MatMul", ["mean_rgb", "w"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["Confidences"], axis=1),
    ]
    graph = helper.make_graph(
        nodes, "lobe_like",
        [helper.make_tensor_value_info("Image:0", TensorProto.FLOAT, [None, size, size, 3])],
        [helper.make_tensor_value_info("Confidences", TensorProto.FLOAT, [None, 3])],
        initializer=[numpy_helper.from_array(weights, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.save(model, str(folder / "model.onnx"))
    signature = {
        "doc_id": "8f0d3a55-0000-4000-8000-000000000000", "doc_name": "Colours", "doc_version": "0" * 32,
        "format": fmt, "version": 10,
        "inputs": {"Image": {"dtype": "float32", "shape": [None, size, size, 3], "name": "Image:0"}},
        "outputs": {"Confidences": {"dtype": "float32", "shape": [None, 3], "name": "Confidences"}},
        "tags": None, "classes": {"Label": LOBE_CLASSES}, "filename": "model.onnx",
        "export_model_version": 1,
    }
    (folder / "signature.json").write_text(json.dumps(signature))
    return folder


@pytest.fixture()
def colour_photos(tmp_path):
    colours = {"Red": (220, 30, 30), "Green": (30, 200, 40), "Blue": (30, 40, 220)}
    return {n: make_photo(tmp_path / f"{n}.jpg", c, seed=5, size=(80, 50)) for n, c in colours.items()}


def test_lobe_onnx_export_classifies(tmp_path, colour_photos):
    folder = make_lobe_export(tmp_path / "lobe")
    model = load_model(folder)
    assert model.source == "lobe" and model.classes == LOBE_CLASSES
    assert model.input_size == (16, 16) and model.input_name == "Image:0" and model.scaling == "0-1"
    res = classify_paths(list(colour_photos.values()), model)
    assert [p.label for p in res.photos] == ["Red", "Green", "Blue"]
    # the signature file itself is accepted too, as in lobe-python
    assert load_model(folder / "signature.json").classes == LOBE_CLASSES
    # and the Lobe-style reference loader agrees
    ref = LobeStyleModel(folder)
    assert [ref.predict_from_file(p)["Prediction"] for p in colour_photos.values()] == ["Red", "Green", "Blue"]


def test_exported_model_in_lobe_style_loader(tiny_model, tmp_path):  # noqa: F811
    """Our model folder, run by the independent Lobe-style loader, gives our predictions."""
    folder = tiny_model["folder"]
    sig = json.loads((folder / "signature.json").read_text())
    for key in ("doc_id", "doc_name", "doc_version", "format", "version", "inputs", "outputs", "tags",
                "classes", "filename", "export_model_version"):
        assert key in sig
    assert sig["format"] == "onnx" and sig["inputs"]["Image"]["name"] == "Image:0"
    assert sig["inputs"]["Image"]["shape"] == [None, 36, 36, 3]
    assert sig["outputs"]["Confidences"]["name"] == "Confidences"
    assert (folder / "labels.txt").read_text().split() == sig["classes"]["Label"]
    # photos of several shapes, one with an EXIF rotation
    photos = []
    for i, (colour, size) in enumerate([((210, 40, 40), (90, 50)), ((40, 190, 60), (50, 90)),
                                        ((40, 50, 210), (70, 70)), ((120, 120, 60), (61, 47))]):
        photos.append(make_photo(tmp_path / f"p{i}.jpg", colour, seed=40 + i, size=size))
    rotated = tmp_path / "rotated.jpg"
    img = Image.open(photos[0])
    exif = img.getexif()
    exif[0x0112] = 6
    img.save(rotated, exif=exif.tobytes())
    photos.append(rotated)
    ref = LobeStyleModel(folder)
    ours = classify_paths(photos, folder)
    assert not ours.failed
    for photo, p in zip(photos, ours.photos):
        theirs = ref.predict_from_file(photo)
        assert theirs["Prediction"] == p.top[0][0]  # Lobe's loaders know no 'unknown': the best class
        assert np.allclose(theirs["Confidences"], ours.probs[p.index], atol=0.02)


def test_multi_level_features_model(tmp_path):
    """A backbone with multi-level features: trained on them by default, one graph end to end.

    The model folder names the features' cache key; classify_embeddings on those embeddings,
    our classify_paths and the Lobe-style reference loader all agree.
    """
    from ...core.classify import classify_embeddings
    from ...core.embed import compute_embeddings
    from ...models.classifier_export import train_model_folder
    from ...models.registry import classifier_spec
    from .test_train import TINY_BLOCKS, make_class_folders, make_tiny_backbone, tiny_spec

    onnx_path = make_tiny_backbone(tmp_path / "tiny_multi.onnx", multi=True)
    spec = tiny_spec(onnx_path, multi=True)
    fspec = classifier_spec(spec)
    assert fspec.cache_key == "tiny@1+multi" and fspec.output_name == "features_multi"
    assert fspec.output_dim == sum(TINY_BLOCKS) and classifier_spec(fspec) == fspec
    make_class_folders(tmp_path / "data", per_class=8)
    trained = train_model_folder(tmp_path / "data", tmp_path / "model", backbone=spec)
    folder = trained.folder
    model = load_model(folder)
    assert model.backbone_cache_key == "tiny@1+multi"
    head = model.head()
    assert head.blocks == TINY_BLOCKS and head.input_dim == sum(TINY_BLOCKS)
    ops = [n.op_type for n in onnx.load(str(folder / "model.onnx")).graph.node]
    # one normalisation per block, one for the calibrated 'unknown' (final features only)
    assert "Split" in ops and ops.count("ReduceL2") == len(TINY_BLOCKS) + 1 and "TopK" in ops
    assert "blocks of 48 + 12 + 3 values" in (folder / "model_card.md").read_text()
    photos = [make_photo(tmp_path / f"q{i}.jpg", c, seed=70 + i, size=s) for i, (c, s) in enumerate(
        [((210, 40, 40), (80, 50)), ((40, 190, 60), (50, 80)), ((40, 50, 210), (60, 60))])]
    ours = classify_paths(photos, folder)
    assert [p.top[0][0] for p in ours.photos] == ["red", "green", "blue"]
    emb = compute_embeddings(photos, fspec, onnx_path)
    by_head = classify_embeddings(emb.matrix, folder)
    assert [p.label for p in by_head.photos] == [p.label for p in ours.photos]
    assert np.abs(by_head.probs - ours.probs).max() < 0.02
    assert np.allclose([p.unknown_score for p in by_head.photos], [p.unknown_score for p in ours.photos],
                       atol=1e-3)
    ref = LobeStyleModel(folder)
    for photo, p in zip(photos, ours.photos):
        theirs = ref.predict_from_file(photo)
        assert theirs["Prediction"] == p.top[0][0]  # Lobe's loaders know no 'unknown': the best class
        assert np.allclose(theirs["Confidences"], ours.probs[p.index], atol=0.02)
    # a head on the other features cannot be exported onto this output
    from ...models.classifier_export import build_classifier_onnx

    with pytest.raises(ValueError, match="same features"):
        build_classifier_onnx(head, spec, onnx_path)


def test_metadata_props(tiny_model):  # noqa: F811
    model = onnx.load(str(tiny_model["folder"] / "model.onnx"))
    meta = {p.key: p.value for p in model.metadata_props}
    assert json.loads(meta[CLASSIFIER_PREFIX + "classes"]) == ["blue", "green", "red"]
    prep = json.loads(meta[CLASSIFIER_PREFIX + "preprocessing"])
    assert prep["input_size"] == [36, 36] and prep["scaling"] == "0-1" and prep["resize"] == "fill"
    assert meta[CLASSIFIER_PREFIX + "backbone"] == "tiny"
    ops = {n.op_type for n in model.graph.node}
    assert {"ReduceL2", "Gemm", "Softmax", "Transpose", "Slice"} <= ops
    # our calibrated 'unknown' is a third graph output; the signature keeps Lobe's two keys
    assert [o.name for o in model.graph.output] == ["Confidences", "Prediction", "UnknownScore"]
    sig = json.loads((tiny_model["folder"] / "signature.json").read_text())
    assert list(sig["outputs"]) == ["Confidences", "Prediction"]
    assert sig["photo_motifs"]["unknown"]["output"] == "UnknownScore"
    assert json.loads(meta[CLASSIFIER_PREFIX + "unknown"])["threshold"] == sig["photo_motifs"]["unknown"]["threshold"]
    card = (tiny_model["folder"] / "model_card.md").read_text()
    assert "| red | 10 |" in card and "Licence of the backbone weights" in card


@pytest.mark.parametrize("fmt,what", [("tf", "TensorFlow"), ("tf_lite", "TensorFlow Lite")])
def test_lobe_tf_export_gives_sentence(tmp_path, fmt, what):
    folder = make_lobe_export(tmp_path / fmt, fmt=fmt)
    with pytest.raises(ModelError, match=f"Lobe {what} export.*Export → ONNX"):
        load_model(folder)


def test_tf_files_without_signature_give_sentence(tmp_path):
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "saved_model.pb").write_bytes(b"x")
    with pytest.raises(ModelError, match="TensorFlow export"):
        load_model(tmp_path / "saved")
    (tmp_path / "m.tflite").write_bytes(b"x")
    with pytest.raises(ModelError, match="TensorFlow Lite export"):
        load_model(tmp_path / "m.tflite")


def test_bare_onnx_with_labels(tmp_path, colour_photos):
    folder = make_lobe_export(tmp_path / "bare")
    (folder / "signature.json").unlink()
    with pytest.raises(ModelError, match="labels file"):
        load_model(folder / "model.onnx")
    (tmp_path / "classes.txt").write_text("Blue\nGreen\nRed\n")
    model = load_model(folder / "model.onnx", labels=tmp_path / "classes.txt")
    assert model.layout == "NHWC" and model.input_size == (16, 16)
    assert [p.label for p in classify_paths(list(colour_photos.values()), model).photos] == ["Red", "Green", "Blue"]
    (folder / "labels.txt").write_text("Blue\nGreen\nRed\n")
    assert load_model(folder).classes == LOBE_CLASSES  # folder with one .onnx + labels.txt
    with pytest.raises(ModelError, match="2 class names"):
        load_model(folder / "model.onnx", labels=["a", "b"]).predict(np.zeros((1, 16, 16, 3), np.uint8))


def test_missing_and_broken_models(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        load_model(tmp_path / "none")
    (tmp_path / "junk.onnx").write_bytes(b"not onnx")
    with pytest.raises(ModelError, match="not a readable ONNX model"):
        load_model(tmp_path / "junk.onnx", labels=["a"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="0 .onnx files"):
        load_model(tmp_path / "empty")
