"""Training the classifier head: dataset folders, evaluation, export parity, report files.

The helpers at the top (tiny backbone ONNX built with onnx.helper, synthetic class folders) are
also used by test_classify.py and test_lobe.py.
"""
from __future__ import annotations

import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

from ...core import train as T  # noqa: N812
from ...core.report import summary_text, write_report
from ...models.classifier_export import head_graph
from ...models.registry import BackboneSpec

TINY_SIZE = 32
TINY_SHORT = 36
COLOURS = {"red": (200, 40, 40), "green": (40, 170, 60), "blue": (40, 60, 200)}


TINY_BLOCKS = (48, 12, 3)  # 'features_multi' of the tiny backbone with multi=True


def make_tiny_backbone(path, size: int = TINY_SIZE, grid: int = 4, multi: bool = False):
    """A backbone with our contract: ``pixels`` NCHW 0..255 -> ``features`` [N, 3*grid*grid].

    ``multi=True`` adds ``features_multi`` as the built-in EfficientNets have it: ``features``
    followed by coarser poolings (a 2 x 2 grid, 12 values, and the mean colour x 3, 3 values) in
    the place of the pooled stage outputs, on very different scales.
    """
    k = size // grid
    nodes = [
        helper.make_node("AveragePool", ["pixels"], ["pooled"], kernel_shape=[k, k], strides=[k, k]),
        helper.make_node("Flatten", ["pooled"], ["flat"], axis=1),
        helper.make_node("Mul", ["flat", "inv255"], ["scaled"]),
        helper.make_node("Add", ["scaled", "bias"], ["features"]),
    ]
    inits = [numpy_helper.from_array(np.float32(1 / 255.0), "inv255"),
             numpy_helper.from_array(np.float32(0.05), "bias")]
    outputs = [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 3 * grid * grid])]
    if multi:
        half = size // 2
        nodes += [
            helper.make_node("AveragePool", ["pixels"], ["pooled2"], kernel_shape=[half, half], strides=[half, half]),
            helper.make_node("Flatten", ["pooled2"], ["coarse"], axis=1),
            helper.make_node("GlobalAveragePool", ["pixels"], ["pooled1"]),
            helper.make_node("Flatten", ["pooled1"], ["mean_rgb"], axis=1),
            helper.make_node("Mul", ["mean_rgb", "three"], ["mean_rgb3"]),
            helper.make_node("Concat", ["features", "coarse", "mean_rgb3"], ["features_multi"], axis=1),
        ]
        inits.append(numpy_helper.from_array(np.float32(3.0), "three"))
        outputs.append(helper.make_tensor_value_info("features_multi", TensorProto.FLOAT, ["N", sum(TINY_BLOCKS)]))
    graph = helper.make_graph(
        nodes, "tiny_backbone",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, ["N", 3, size, size])],
        outputs,
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def tiny_spec(onnx_path, multi: bool = False) -> BackboneSpec:
    """Spec of the tiny backbone; ``multi``: it has multi-level features for the classifier."""
    extra = {"classifier_output": "features_multi", "classifier_blocks": TINY_BLOCKS} if multi else {}
    return BackboneSpec(
        id="tiny", title="tiny test backbone", input_size=TINY_SIZE, resize_short=TINY_SHORT,
        resample="bicubic", crop="center", output_dim=48, licence="test", weights="test",
        prep_version="1", onnx_path=str(onnx_path), **extra,
    )


def make_photo(path, colour, seed: int, size=(48, 40)):
    """A noisy photo dominated by ``colour`` (written as JPEG or PNG by extension)."""
    rng = np.random.default_rng(seed)
    arr = np.clip(np.asarray(colour, np.float32) + rng.normal(0, 35, (size[1], size[0], 3)), 0, 255)
    Image.fromarray(arr.astype(np.uint8)).save(path)
    return path


def make_class_folders(root, per_class: int = 8, classes=COLOURS) -> list:
    """Lobe-style dataset: root/<colour>/photo_i.jpg (some nested, some PNG, mixed sizes)."""
    paths = []
    for c, (name, colour) in enumerate(classes.items()):
        folder = root / name
        (folder / "more").mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            sub = folder / "more" if i % 3 == 0 else folder
            ext = ".png" if i % 4 == 1 else ".jpg"
            size = (48, 40) if i % 2 else (40, 52)
            paths.append(make_photo(sub / f"{name}_{i}{ext}", colour, seed=100 * c + i, size=size))
    return paths


def blobs(n_per_class=(30, 30, 30), dim=16, spread=0.6, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1, (len(n_per_class), dim)) + 3.0
    X = np.concatenate([centres[c] + spread * rng.normal(0, 1, (n, dim)) for c, n in enumerate(n_per_class)])
    labels = [f"class_{c}" for c, n in enumerate(n_per_class) for _ in range(n)]
    return X.astype(np.float32), labels


def run_head_onnx(head, X) -> tuple:
    model = helper.make_model(head_graph(head, "features"), opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return sess.run(["Confidences", "Prediction"], {"features": np.asarray(X, np.float32)})


# --------------------------------------------------------------------------- dataset


def test_collect_folder_dataset(tmp_path):
    make_class_folders(tmp_path, per_class=3)
    (tmp_path / "red" / "notes.txt").write_text("not a photo")
    make_photo(tmp_path / "loose.jpg", (0, 0, 0), 1)
    (tmp_path / "lonely").mkdir()
    make_photo(tmp_path / "lonely" / "only.jpg", (9, 9, 9), 2)
    (tmp_path / ".hidden").mkdir()
    make_photo(tmp_path / ".hidden" / "x.jpg", (9, 9, 9), 3)
    paths, labels, invalid = T.collect_folder_dataset(tmp_path)
    assert sorted(set(labels)) == ["blue", "green", "red"]
    assert len(paths) == 9 and all("/more/" in p or p.count("/") >= 1 for p in paths)
    assert any(p.endswith("red/more/red_0.jpg") for p in paths)  # nested photos keep their class
    codes = {r[0].rsplit("/", 1)[-1]: r[1] for r in invalid}
    assert codes == {"notes.txt": "not_image", "loose.jpg": "no_class", "only.jpg": "class_too_small"}
    assert all(isinstance(r[2], str) and r[2].endswith(".") for r in invalid)


def test_collect_missing_folder_is_a_sentence(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        T.collect_folder_dataset(tmp_path / "nope")


# --------------------------------------------------------------------------- training


def test_train_linear_evaluation_and_refit():
    X, labels = blobs()
    paths = [f"/photos/{i}.jpg" for i in range(len(labels))]
    res = T.train_classifier(X, labels, paths=paths, cv_folds=3)
    ev = res.evaluation
    assert res.classes == ["class_0", "class_1", "class_2"]
    assert res.n_val == 18 and res.n_train == 72 and ev.n == 18
    assert ev.accuracy >= 0.9 and ev.balanced_accuracy >= 0.9
    assert ev.confusion.sum() == 18 and ev.confusion.shape == (3, 3)
    assert [c["support"] for c in ev.per_class] == [6, 6, 6]
    assert {"precision", "recall", "f1"} <= set(ev.per_class[0])
    assert res.cv["folds"] == 3 and len(res.cv["fold_accuracies"]) == 3
    assert "C" in res.head.hyperparameters
    probs = res.head.predict_proba(X)
    assert probs.shape == (90, 3) and np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert np.mean(probs.argmax(1) == np.repeat([0, 1, 2], 30)) >= 0.95  # refitted on all data
    json.dumps(res.as_dict())  # report.json must be serialisable


def test_misclassified_list_names_photos():
    X, labels = blobs(spread=3.0, seed=3)
    paths = [f"/photos/{i}.jpg" for i in range(len(labels))]
    res = T.train_classifier(X, labels, paths=paths, seed=1)
    wrong = res.evaluation.misclassified
    assert len(wrong) == res.evaluation.n - int(np.trace(res.evaluation.confusion))
    assert wrong, "overlapping blobs must give some mistakes"
    assert all(r["path"].startswith("/photos/") and r["true"] != r["predicted"] for r in wrong)
    assert [r["confidence"] for r in wrong] == sorted((r["confidence"] for r in wrong), reverse=True)


def test_seed_reproducibility():
    X, labels = blobs(spread=1.5)
    a = T.train_classifier(X, labels, seed=7, method="mlp")
    b = T.train_classifier(X, labels, seed=7, method="mlp")
    c = T.train_classifier(X, labels, seed=8, method="mlp")
    assert np.array_equal(a.evaluation.confusion, b.evaluation.confusion)
    for wa, wb in zip(a.head.weights, b.head.weights):
        assert np.array_equal(wa, wb)
    assert a.evaluation.misclassified == b.evaluation.misclassified
    assert not all(np.array_equal(wa, wc) for wa, wc in zip(a.head.weights, c.head.weights))


def test_class_imbalance_weights():
    y = np.array([0] * 90 + [1] * 10)
    w = T._sample_weights(y, 2, "balanced")
    assert np.isclose(w[0], 100 / (2 * 90)) and np.isclose(w[-1], 100 / (2 * 10))
    assert np.isclose(w[y == 0].sum(), w[y == 1].sum())
    assert T._sample_weights(y, 2, None) is None
    # overlapping classes 90:10 -> balanced weighting finds more of the small class
    X, labels = blobs((90, 10), dim=8, spread=2.5, seed=5)
    yy = np.array([0] * 90 + [1] * 10)
    balanced = T.fit_head(X, yy, ["big", "small"], class_weight="balanced")
    plain = T.fit_head(X, yy, ["big", "small"], class_weight=None)
    recall = {k: np.mean(h.predict_proba(X)[yy == 1].argmax(1) == 1) for k, h in
              {"balanced": balanced, "plain": plain}.items()}
    assert recall["balanced"] >= recall["plain"]
    assert recall["balanced"] >= 0.7


@pytest.mark.parametrize("method", ["linear", "mlp"])
@pytest.mark.parametrize("n_classes", [2, 3])
def test_onnx_head_matches_numpy(method, n_classes):
    X, labels = blobs(n_per_class=(20,) * n_classes, spread=1.2)
    res = T.train_classifier(X, labels, method=method, val_fraction=0.0)
    assert res.evaluation is None
    probs = res.head.predict_proba(X)
    assert probs.shape == (len(X), n_classes)
    conf, pred = run_head_onnx(res.head, X)
    assert np.allclose(conf, probs, atol=1e-5)
    assert list(pred) == [res.classes[i] for i in probs.argmax(1)]


@pytest.mark.parametrize("method", ["linear", "mlp"])
def test_blocks_normalised_separately(method):
    """Multi-level features: each block is L2-normalised on its own, in numpy and in ONNX."""
    X, labels = blobs(n_per_class=(20, 20, 20), dim=16, spread=1.0)
    rng = np.random.default_rng(3)
    # a second block on a 1000x larger scale that carries no class information
    X = np.hstack([X, 1000.0 * np.abs(rng.normal(0, 1, (len(X), 4)))]).astype(np.float32)
    blocks = (16, 4)
    res = T.train_classifier(X, labels, method=method, val_fraction=0.0, blocks=blocks)
    head = res.head
    assert head.blocks == blocks and head.input_dim == 20
    unit = T.normalise_blocks(X, blocks)
    assert np.allclose(np.linalg.norm(unit[:, :16], axis=1), 1) and np.allclose(np.linalg.norm(unit[:, 16:], axis=1), 1)
    # scaling one block changes nothing (each block is normalised by its own norm)
    X2 = X.copy()
    X2[:, 16:] *= 0.001
    assert np.allclose(head.predict_proba(X2), head.predict_proba(X), atol=1e-5)
    conf, pred = run_head_onnx(head, X)
    assert np.allclose(conf, head.predict_proba(X), atol=1e-5)
    assert list(pred) == [res.classes[i] for i in conf.argmax(1)]
    assert np.mean(np.asarray(pred) == np.asarray(labels)) >= 0.9
    with pytest.raises(ValueError, match="blocks"):
        T.normalise_blocks(X, (16, 5))
    # no blocks or a single block: the whole vector at once, as before
    assert T.train_classifier(X, labels, val_fraction=0.0, blocks=(20,)).head.blocks is None


def test_head_save_load(tmp_path):
    X, labels = blobs()
    head = T.train_classifier(X, labels, method="mlp", val_fraction=0).head
    head.save(tmp_path / "head.npz")
    back = T.HeadParams.load(tmp_path / "head.npz")
    assert back.classes == head.classes and back.method == "mlp" and back.blocks is None
    assert np.allclose(back.predict_proba(X), head.predict_proba(X))
    blocked = T.train_classifier(X, labels, val_fraction=0, blocks=(10, 6)).head
    blocked.save(tmp_path / "blocked.npz")
    back = T.HeadParams.load(tmp_path / "blocked.npz")
    assert back.blocks == (10, 6)
    assert np.allclose(back.predict_proba(X), blocked.predict_proba(X))


def test_bad_input_sentences():
    X, labels = blobs()
    with pytest.raises(ValueError, match="at least 2 classes"):
        T.train_classifier(X[:30], labels[:30])
    with pytest.raises(ValueError, match="fewer than 2 photos: class_2"):
        T.train_classifier(X[:61], labels[:61])
    with pytest.raises(ValueError, match="Unknown training method"):
        T.train_classifier(X, labels, method="forest")
    bad = X.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="not finite"):
        T.train_classifier(bad, labels)
    with pytest.raises(ValueError, match="embeddings for"):
        T.train_classifier(X[:10], labels)


def test_tiny_classes_keep_a_training_photo():
    X, labels = blobs(n_per_class=(2, 2, 20), spread=0.3)
    res = T.train_classifier(X, labels)
    # every class keeps >= 1 training photo; 2-photo classes give one to validation
    assert res.n_train + res.n_val == 24
    assert [c["support"] for c in res.evaluation.per_class] == [1, 1, 4]


def test_report_files(tmp_path):
    pytest.importorskip("matplotlib")
    paths = [str(p) for p in make_class_folders(tmp_path / "data", per_class=10)]
    X, labels = blobs(n_per_class=(10, 10, 10), spread=2.5, seed=2)
    res = T.train_classifier(X, labels, paths=paths, cv_folds=2)
    out = tmp_path / "model"
    files = write_report(res, out, extra={"name": "test model", "backbone": "tiny@1"},
                        invalid=[("/x/notes.txt", "not_image", "The file is not a photo.")])
    for name in ("report.json", "report.md", "confusion_matrix.csv", "confusion_matrix.png", "misclassified.csv"):
        assert (out / name).is_file() and files[name] == out / name
    data = json.loads((out / "report.json").read_text())
    assert data["name"] == "test model" and data["evaluation"]["confusion_matrix"]
    assert data["left_out"] == [{"path": "/x/notes.txt", "reason": "The file is not a photo."}]
    rows = (out / "confusion_matrix.csv").read_text().splitlines()
    assert rows[0] == "true \\ predicted,class_0,class_1,class_2" and len(rows) == 4
    md = (out / "report.md").read_text()
    assert "## Confusion matrix" in md and "The file is not a photo." in md
    assert Image.open(out / "confusion_matrix.png").size[0] > 300
    if res.evaluation.misclassified:
        assert (out / "misclassified.png").is_file()
        assert len((out / "misclassified.csv").read_text().splitlines()) == 1 + len(res.evaluation.misclassified)
    text = summary_text(res)
    assert "accuracy" in text and "refitted on all 30 photos" in text


def test_report_tables_never_hold_formulas(tmp_path):
    """Class names are folder names or a layer's text (Flickr tags): written as text, not formulas."""
    import csv

    pytest.importorskip("matplotlib")
    X, labels = blobs(n_per_class=(10, 10, 10), spread=2.5, seed=4)  # 3 validation photos go wrong
    names = {"class_0": "=HYPERLINK(\"http://x\",\"y\")", "class_1": "@cmd", "class_2": "-2"}
    labels = [names[v] for v in labels]
    res = T.train_classifier(X, labels, paths=[f"/p/{i}.jpg" for i in range(30)])
    out = tmp_path / "model"
    write_report(res, out)
    with open(out / "confusion_matrix.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = rows[0][1:] + [r[0] for r in rows[1:]]
    assert sorted(cells) == sorted(["'" + n for n in names.values()] * 2)
    assert [r[1:] for r in rows[1:]] == [[str(int(v)) for v in row] for row in res.evaluation.confusion]
    with open(out / "misclassified.csv", encoding="utf-8", newline="") as fh:
        mis = list(csv.reader(fh))[1:]
    assert mis and all(c.startswith("'") for r in mis for c in r[1:3])
