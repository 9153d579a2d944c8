"""core.embed with a tiny ONNX model built here (GlobalAveragePool over the pixels -> 3-d)."""
from __future__ import annotations

import csv
import os
import shutil
from dataclasses import dataclass

import numpy as np
import pytest
from PIL import Image

from ...core.embcache import EmbeddingCache
from ...core.embed import EmbeddingResult, OnnxBackbone, compute_embeddings
from ...core.feedback import Canceled, CoreFeedback
from ...core.vectors_io import export_vectors, read_vectors

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")


@dataclass(frozen=True)
class Spec:
    """The fields of models.registry.BackboneSpec that core.embed reads."""

    id: str = "tiny_mean"
    input_size: int = 16
    resize_short: int = 16
    resample: str = "bilinear"
    crop: str = "squash"
    prep_version: str = "1"
    pixel_quirk: str | None = None
    mean: tuple | None = None
    std: tuple | None = None
    layout: str = "NCHW"
    input_name: str = "pixels"
    output_name: str = "features"

    @property
    def cache_key(self) -> str:
        return f"{self.id}@{self.prep_version}"


def build_mean_model(path, layout="NCHW", input_name="pixels", output_name="features",
                     batch=None):
    """ONNX model: per-channel mean of the input image -> [N, 3] (plus a 'logits' output)."""
    from onnx import TensorProto, helper

    n = batch if batch else "N"
    shape = [n, 3, None, None] if layout == "NCHW" else [n, None, None, 3]
    nodes = []
    x = input_name
    if layout == "NHWC":
        nodes.append(helper.make_node("Transpose", [x], ["nchw"], perm=[0, 3, 1, 2]))
        x = "nchw"
    nodes += [
        helper.make_node("GlobalAveragePool", [x], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], [output_name], axis=1),
        helper.make_node("Neg", [output_name], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_mean",
        [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, shape)],
        [
            helper.make_tensor_value_info(output_name, TensorProto.FLOAT, [n, 3]),
            helper.make_tensor_value_info("logits", TensorProto.FLOAT, [n, 3]),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


@pytest.fixture()
def model_path(tmp_path):
    return build_mean_model(tmp_path / "tiny.onnx")


def solid(path, colour, size=(40, 30)):
    Image.new("RGB", size, colour).save(path)
    return path


@pytest.fixture()
def photos(tmp_path):
    """Five PNGs of known solid colours (exact after any resampling)."""
    folder = tmp_path / "photos"
    folder.mkdir()
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (10, 20, 30), (200, 100, 50)]
    paths = [solid(folder / f"p{i}.png", c) for i, c in enumerate(colours)]
    return paths, np.array(colours, np.float32)


# -- OnnxBackbone ------------------------------------------------------------------------------

def test_backbone_nchw_raw_pixels(model_path):
    bb = OnnxBackbone(Spec(), model_path, threads=1)
    batch = np.zeros((2, 16, 16, 3), np.uint8)
    batch[0] = (10, 20, 30)
    batch[1, :8] = (100, 0, 200)
    out = bb.run(batch)
    assert out.dtype == np.float32 and out.shape == (2, 3)
    np.testing.assert_allclose(out, [[10, 20, 30], [50, 0, 100]], atol=1e-4)


def test_backbone_nhwc_with_mean_std(tmp_path):
    path = build_mean_model(tmp_path / "nhwc.onnx", layout="NHWC", input_name="image",
                            output_name="embedding")
    spec = Spec(layout="NHWC", input_name="image", output_name="embedding",
                mean=(0.5, 0.25, 0.0), std=(0.5, 0.25, 2.0))
    bb = OnnxBackbone(spec, path)
    assert bb.layout == "NHWC"
    batch = np.full((1, 16, 16, 3), 255, np.uint8)
    expected = (1.0 - np.array([0.5, 0.25, 0.0])) / np.array([0.5, 0.25, 2.0])
    np.testing.assert_allclose(bb.run(batch)[0], expected, rtol=1e-5)


def test_backbone_guesses_names_and_layout_of_a_single_tensor_model(tmp_path):
    path = build_mean_model(tmp_path / "u.onnx", layout="NHWC", input_name="input_1")
    spec = Spec(layout=None, input_name="pixels", output_name="features")
    bb = OnnxBackbone(spec, path)
    assert (bb.input_name, bb.output_name, bb.layout) == ("input_1", "features", "NHWC")


def test_backbone_with_fixed_batch_of_one(tmp_path):
    path = build_mean_model(tmp_path / "b1.onnx", batch=1)
    bb = OnnxBackbone(Spec(), path)
    batch = np.arange(3, dtype=np.uint8)[None, None, None, :] * np.ones((4, 16, 16, 1), np.uint8)
    np.testing.assert_allclose(bb.run(batch), np.tile([0, 1, 2], (4, 1)), atol=1e-5)


# -- compute_embeddings ------------------------------------------------------------------------

@pytest.mark.parametrize(("batch_size", "streams"), [(1, 1), (2, 3), (32, 2)])
def test_exact_values_and_order(photos, model_path, batch_size, streams):
    paths, colours = photos
    res = compute_embeddings(paths, Spec(), model_path, batch_size=batch_size, workers=2,
                             streams=streams)
    assert isinstance(res, EmbeddingResult)
    assert res.rows == list(range(5)) and res.failed == []
    assert res.matrix.dtype == np.float32 and res.matrix.shape == (5, 3)
    np.testing.assert_allclose(res.matrix, colours, atol=1e-3)
    assert res.n_computed == 5 and res.n_cached == 0
    assert len(set(res.photo_ids)) == 5 and res.backbone == "tiny_mean@1"
    assert res.paths == [os.fspath(p) for p in paths]


def test_failures_are_rows_not_exceptions(photos, model_path, tmp_path):
    paths, colours = photos
    bad_text = tmp_path / "notes.jpg"
    bad_text.write_text("hello")
    missing = tmp_path / "gone.jpg"
    truncated = tmp_path / "cut.jpg"
    src = tmp_path / "src.jpg"
    Image.effect_noise((256, 256), 40).convert("RGB").save(src, quality=95)
    truncated.write_bytes(src.read_bytes()[:3000])
    inputs = [paths[0], bad_text, paths[1], missing, truncated, paths[2], bad_text]
    res = compute_embeddings(inputs, Spec(), model_path, batch_size=2)
    assert res.rows == [0, 2, 5]
    np.testing.assert_allclose(res.matrix, colours[:3], atol=1e-3)
    failed = {i: (code, sentence) for i, _, code, sentence in res.failed}
    assert set(failed) == {1, 3, 4, 6}
    assert failed[6] == failed[1]
    assert failed[1][0] == "unsupported"
    assert failed[3][0] == "unreadable"
    assert failed[4][0] == "truncated"
    assert all(sentence.endswith(".") or sentence.endswith(")") for _, sentence in failed.values())
    assert res.photo_ids[3] is None and res.photo_ids[1] is not None
    assert res.n_computed == 3


def test_duplicates_are_computed_once(photos, model_path, tmp_path):
    paths, colours = photos
    copy = tmp_path / "copy_of_p3.png"
    shutil.copyfile(paths[3], copy)
    calls = []

    class CountingBackbone(OnnxBackbone):
        def run(self, batch):
            calls.append(len(batch))
            return super().run(batch)

    bb = CountingBackbone(Spec(), model_path)
    res = compute_embeddings([paths[3], copy, paths[0], paths[3]], Spec(), backbone=bb)
    assert sum(calls) == 2 and res.n_computed == 2
    assert res.rows == [0, 1, 2, 3]
    assert res.photo_ids[0] == res.photo_ids[1] == res.photo_ids[3]
    np.testing.assert_allclose(res.matrix[[0, 1, 3]], np.tile(colours[3], (3, 1)), atol=1e-3)


def test_cache_round_trip_and_renamed_photo(photos, model_path, tmp_path):
    paths, colours = photos
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    first = compute_embeddings(paths, Spec(), model_path, cache=cache, batch_size=2)
    assert (first.n_computed, first.n_cached) == (5, 0)
    assert cache.count("tiny_mean@1") == 5

    second = compute_embeddings(paths, Spec(), model_path, cache=cache)
    assert (second.n_computed, second.n_cached) == (0, 5)
    np.testing.assert_array_equal(second.matrix, first.matrix)

    moved = tmp_path / "elsewhere" / "renamed.png"
    moved.parent.mkdir()
    shutil.move(paths[4], moved)
    third = compute_embeddings([moved], Spec(), model_path, cache=cache)
    assert (third.n_computed, third.n_cached) == (0, 1)
    np.testing.assert_allclose(third.matrix[0], colours[4], atol=1e-3)

    # another preprocessing version is another cache key: computed again
    fourth = compute_embeddings(paths[:2], Spec(prep_version="2"), model_path, cache=cache)
    assert fourth.n_computed == 2
    cache.close()


def test_unchanged_files_are_not_hashed_again(photos, model_path, tmp_path, monkeypatch):
    from ...core import embed as embed_module

    paths, _ = photos
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    compute_embeddings(paths, Spec(), model_path, cache=cache)
    hashed = []
    real = embed_module.content_hash
    monkeypatch.setattr(embed_module, "content_hash", lambda p: hashed.append(p) or real(p))
    os.utime(paths[0], ns=(0, 10**18))  # touched: must be hashed again
    res = compute_embeddings(paths, Spec(), model_path, cache=cache)
    assert hashed == [os.fspath(paths[0])]
    assert res.n_cached == 5
    cache.close()


def test_given_photo_ids_skip_hashing(photos, model_path):
    paths, colours = photos
    ids = ["a", "b", "a", "c", "d"]
    res = compute_embeddings(paths, Spec(), model_path, photo_ids=ids)
    assert res.photo_ids == ids and res.n_computed == 4
    np.testing.assert_allclose(res.matrix[2], colours[0], atol=1e-3)  # same id as row 0


def test_cancellation_after_first_batch(photos, model_path, tmp_path):
    paths, _ = photos
    progress = []
    feedback = CoreFeedback(on_progress=progress.append,
                            is_canceled=lambda: any(p > 10.0 for p in progress))
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    with pytest.raises(Canceled):
        compute_embeddings(paths, Spec(), model_path, cache=cache, batch_size=2, streams=1,
                           feedback=feedback)
    assert cache.count("tiny_mean@1") in (2, 4)  # finished batches are kept, not the last
    cache.close()


def test_progress_reaches_100(photos, model_path):
    paths, _ = photos
    progress = []
    compute_embeddings(paths, Spec(), model_path, batch_size=2,
                       feedback=CoreFeedback(on_progress=progress.append))
    assert progress == sorted(progress) and progress[-1] == 100.0


def test_empty_input(model_path):
    res = compute_embeddings([], Spec(), model_path)
    assert res.rows == [] and res.matrix.shape[0] == 0 and res.failed == []


# -- export ------------------------------------------------------------------------------------

def test_export_csv_and_npz(photos, model_path, tmp_path):
    paths, colours = photos
    bad = tmp_path / "bad.jpg"
    bad.write_text("x")
    res = compute_embeddings([paths[0], bad, paths[1]], Spec(), model_path)

    csv_path = export_vectors(tmp_path / "out" / "vectors.csv", res)
    with open(csv_path, newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["path", "f0", "f1", "f2"]
    assert [r[0] for r in rows[1:]] == [os.fspath(paths[0]), os.fspath(paths[1])]
    names, matrix = read_vectors(csv_path)
    np.testing.assert_array_equal(matrix, res.matrix)

    npz_path = export_vectors(tmp_path / "vectors.npz", res)
    with np.load(npz_path, allow_pickle=False) as data:
        assert list(data["paths"]) == names
        assert list(data["photo_ids"]) == [res.photo_ids[0], res.photo_ids[2]]
        assert str(data["backbone"]) == "tiny_mean@1"
        np.testing.assert_array_equal(data["matrix"], res.matrix)

    pair_path = export_vectors(tmp_path / "pair.txt", (["a", "b"], colours[:2]), fmt="csv")
    pair_names, pair_matrix = read_vectors(pair_path, fmt="csv")
    assert pair_names == ["a", "b"]
    np.testing.assert_array_equal(pair_matrix, colours[:2])
    three = export_vectors(tmp_path / "three.npz", ["x", "y"], colours[:2], photo_ids=["i", "j"],
                           backbone="b@1")
    with np.load(three) as data:
        assert list(data["photo_ids"]) == ["i", "j"] and str(data["backbone"]) == "b@1"
    renamed = export_vectors(tmp_path / "named.csv", res, names=["one", "two"])
    assert read_vectors(renamed)[0] == ["one", "two"]
    with pytest.raises(ValueError):
        export_vectors(tmp_path / "v.xlsx", res)


def test_shared_edge_cases_never_stop_the_batch(geotagged_dir, model_path, tmp_path):
    files = sorted(p for p in (geotagged_dir / "edge_cases").rglob("*") if p.is_file())
    if not files:
        pytest.skip("no edge_cases folder in the shared data")
    with EmbeddingCache(tmp_path / "cache.sqlite") as cache:
        res = compute_embeddings(files, Spec(input_size=32, resize_short=36, crop="center"),
                                 model_path, cache=cache, batch_size=8)
    assert len(res.rows) + len(res.failed) == len(files)
    assert res.rows and res.failed
    assert all(code and sentence for _, _, code, sentence in res.failed)
    assert np.isfinite(res.matrix).all()
