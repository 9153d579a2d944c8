"""Classifying photos with an exported model folder (tiny backbone; one test with the real one)."""
from __future__ import annotations

import csv
import os

import numpy as np
import pytest

from ...core.classify import (
    UNKNOWN,
    classify_embeddings,
    classify_paths,
    copy_into_label_folders,
    write_image_tools_csv,
)
from ...core.embed import compute_embeddings
from ...core.train import collect_folder_dataset
from ...models.classifier_export import train_model_folder
from ...models.lobe import load_model
from .test_train import make_class_folders, make_photo, make_tiny_backbone, tiny_spec


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A model folder trained on synthetic red/green/blue photos with the tiny backbone."""
    root = tmp_path_factory.mktemp("tiny")
    onnx_path = make_tiny_backbone(root / "tiny.onnx")
    spec = tiny_spec(onnx_path)
    data = root / "data"
    make_class_folders(data, per_class=10)
    paths, labels, _ = collect_folder_dataset(data)
    emb = compute_embeddings(paths, spec, onnx_path)
    from ...core.train import train_classifier
    from ...models.classifier_export import export_model_folder

    result = train_classifier(emb.matrix, labels, paths=paths, seed=0)
    folder = export_model_folder(result, spec, onnx_path, root / "model", name="colours")
    return {"folder": folder, "spec": spec, "onnx": onnx_path, "result": result, "root": root}


@pytest.fixture()
def new_photos(tmp_path):
    colours = {"red": (210, 30, 30), "green": (30, 180, 50), "blue": (30, 50, 210)}
    return {name: make_photo(tmp_path / f"new_{name}.jpg", c, seed=999, size=(64, 48))
            for name, c in colours.items()}


def test_classify_paths(tiny_model, new_photos, tmp_path):
    model = load_model(tiny_model["folder"])
    assert model.source == "photo_motifs" and model.classes == ["blue", "green", "red"]
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    paths = [new_photos["red"], broken, new_photos["green"], new_photos["blue"]]
    # closed-set behaviour (the new photos' colours lie outside the tight training clusters, so the
    # calibrated 'unknown' would reject them: tests/unit/test_openset.py covers that)
    res = classify_paths(paths, model, batch_size=2, workers=2, top_k=2, open_set=False)
    assert [p.index for p in res.photos] == [0, 2, 3]
    assert [p.label for p in res.photos] == ["red", "green", "blue"]
    assert all(len(p.top) == 2 and p.top[0][1] >= p.top[1][1] for p in res.photos)
    assert all(p.confidence == p.top[0][1] for p in res.photos)
    assert res.probs.shape == (3, 3) and np.allclose(res.probs.sum(1), 1, atol=1e-5)
    (index, path, code, sentence), = res.failed
    assert index == 1 and path == str(broken) and code in ("corrupt", "truncated", "unsupported")
    assert sentence.endswith(".")
    assert res.counts() == {"blue": 1, "green": 1, "red": 1}


def test_threshold_gives_unknown(tiny_model, new_photos):
    res = classify_paths(list(new_photos.values()), tiny_model["folder"], threshold=1.01)
    assert all(p.unknown and p.label == UNKNOWN for p in res.photos)
    assert [p.top[0][0] for p in res.photos] == ["red", "green", "blue"]
    assert res.counts()[UNKNOWN] == 3


def test_classify_embeddings_matches_paths(tiny_model):
    """Cached-embedding path == full-graph path (square photos: identical preprocessing)."""
    root = tiny_model["root"]
    paths = [make_photo(root / f"sq_{i}.png", c, seed=i, size=(36, 36))
             for i, c in enumerate([(200, 60, 60), (60, 200, 60), (60, 60, 200), (120, 120, 120)])]
    emb = compute_embeddings(paths, tiny_model["spec"], tiny_model["onnx"])
    by_head = classify_embeddings(emb.matrix, tiny_model["folder"], paths=paths)
    by_graph = classify_paths(paths, tiny_model["folder"])
    assert [p.label for p in by_head.photos] == [p.label for p in by_graph.photos]
    assert np.allclose(by_head.probs, by_graph.probs, atol=1e-4)
    assert by_head.photos[0].path == str(paths[0])


def test_image_tools_csv(tiny_model, new_photos, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"nothing")
    res = classify_paths([new_photos["blue"], broken], tiny_model["folder"], open_set=False)
    out = write_image_tools_csv(tmp_path / "predictions.csv", res)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["File", "Label", "Confidence"]
    assert rows[1][:2] == [str(new_photos["blue"]), "blue"] and 0 < float(rows[1][2]) <= 1
    assert rows[2] == [str(broken), "", ""]


def test_copy_into_label_folders_never_moves(tiny_model, new_photos, tmp_path):
    before = {p: (os.stat(p).st_mtime_ns, p.read_bytes()) for p in new_photos.values()}
    res = classify_paths(list(new_photos.values()), tiny_model["folder"], open_set=False)
    out = tmp_path / "sorted"
    report = copy_into_label_folders(res, out)
    assert report.mode == "copy" and report.copied == 3 and not report.problems
    for name, p in new_photos.items():
        assert (out / name / p.name).read_bytes() == before[p][1]
        assert p.is_file() and os.stat(p).st_mtime_ns == before[p][0]


@pytest.mark.parametrize("backbone", ["efficientnet_lite0", "efficientnet_lite0_int8"])
def test_real_backbone_train_and_classify(labeled_dir, tmp_path, backbone):
    """EfficientNet-Lite0 (fp32 and int8) on intel_scenes_dev: train a model folder, classify with it."""
    from ...models.registry import ensure_onnx

    ensure_onnx(backbone)  # a backbone that cannot be built is a failure, not a skip
    src = labeled_dir / "intel_scenes_dev"
    assert src.is_dir(), f"{src} not found in the shared data"
    trained = train_model_folder(src, tmp_path / "intel_model", cv_folds=0, backbone=backbone)
    ev = trained.result.evaluation
    assert ev.accuracy >= 0.75, ev.accuracy
    assert (trained.folder / "model.onnx").is_file() and (trained.folder / "report.md").is_file()
    paths, labels, _ = collect_folder_dataset(src)
    pick = list(range(0, len(paths), 25))
    res = classify_paths([paths[i] for i in pick], trained.folder)
    assert len(res.photos) == len(pick) and not res.failed
    # the exported graph reproduces the head on the cached embeddings it names: the multi-level
    # features (final features + pooled outputs of the last two stages) of the backbone
    from ...models.registry import classifier_spec, get_backbone, spec_for_cache_key

    model = load_model(trained.folder)
    spec = spec_for_cache_key(model.backbone_cache_key)
    assert spec == classifier_spec(get_backbone(backbone))
    assert spec.cache_key == f"{backbone}@1+multi" and spec.output_name == "features_multi"
    head = model.head()
    assert head.blocks == (1280, 320, 192) and head.input_dim == 1792
    emb = compute_embeddings([paths[i] for i in pick], spec, ensure_onnx(spec.id))
    assert emb.matrix.shape == (len(pick), 1792)
    by_head = classify_embeddings(emb.matrix, trained.folder)
    assert [p.label for p in by_head.photos] == [p.label for p in res.photos]
    assert np.abs(by_head.probs - res.probs).max() < 0.02
    # refitted on all photos: its training photos are recognised
    assert np.mean([p.label == labels[i] for p, i in zip(res.photos, pick)]) >= 0.9
