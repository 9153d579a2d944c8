"""int8 EfficientNet-Lite0: built from the shipped calibration table, close to fp32 on real photos."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from photo_motifs.core.decode import load_for_backbone  # noqa: E402
from photo_motifs.core.embed import OnnxBackbone  # noqa: E402
from photo_motifs.core.files import list_image_files  # noqa: E402
from photo_motifs.models import quantize, registry  # noqa: E402

SHARED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
              or Path(__file__).resolve().parents[3] / "shared" / "data")
INTEL = SHARED / "labeled" / "intel_scenes_dev"
INT8 = "efficientnet_lite0_int8"


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(folder))
        yield folder, registry.ensure_onnx("efficientnet_lite0"), registry.ensure_onnx(INT8)


def test_int8_is_a_quantised_graph_with_the_same_contract(models):
    _, fp32, int8 = models
    model = onnx.load(str(int8))
    ops = {n.op_type for n in model.graph.node}
    assert {"QuantizeLinear", "DequantizeLinear"} <= ops
    meta = {p.key: p.value for p in model.metadata_props}
    assert meta["photo_motifs.backbone"] == INT8
    assert "int8" in meta["photo_motifs.quantization"]
    base = onnx.load(str(fp32))
    assert [o.name for o in model.graph.output] == [o.name for o in base.graph.output]
    assert int8.stat().st_size < fp32.stat().st_size / 2  # int8 weights
    # the pooled outputs stay in float (not rounded to 8-bit steps)
    spec = registry.get_backbone(INT8)
    assert spec.cache_key != registry.get_backbone("efficientnet_lite0").cache_key
    assert registry.classifier_spec(spec).output_name == "features_multi"


def test_quantisation_is_reproducible(models, tmp_path):
    _, fp32, int8 = models
    table = json.loads(quantize.ranges_file("efficientnet_lite0").read_text())
    again = tmp_path / "again.onnx"
    quantize.quantize(fp32, again, table, {"backbone": INT8})
    first, second = onnx.load(str(int8)), onnx.load(str(again))
    assert len(first.graph.node) == len(second.graph.node)
    w1 = {t.name: hashlib.sha256(t.SerializeToString()).hexdigest() for t in first.graph.initializer}
    w2 = {t.name: hashlib.sha256(t.SerializeToString()).hexdigest() for t in second.graph.initializer}
    assert w1 == w2


@pytest.mark.skipif(not INTEL.is_dir(), reason=f"shared photos not found at {INTEL}")
def test_int8_embeddings_stay_close_to_fp32_on_real_photos(models):
    _, fp32, int8 = models
    spec = registry.get_backbone("efficientnet_lite0")
    photos = list_image_files(INTEL)[::5]  # 60 photos, 10 per class
    batch = np.stack([load_for_backbone(p, spec) for p in photos])
    a = OnnxBackbone(spec, fp32, threads=1).run(batch)
    b = OnnxBackbone(registry.get_backbone(INT8), int8, threads=1).run(batch)
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cos.mean() >= 0.99, cos.mean()  # the bar for offering int8
    assert cos.min() >= 0.95, cos.min()
    # nearest fp32 neighbour of every int8 vector is its own photo
    sims = (b / np.linalg.norm(b, axis=1, keepdims=True)) @ (a / np.linalg.norm(a, axis=1, keepdims=True)).T
    assert (sims.argmax(1) == np.arange(len(photos))).all()


def test_mismatched_table_is_a_sentence(models, tmp_path, monkeypatch):
    _, fp32, _ = models
    table = json.loads(quantize.ranges_file("efficientnet_lite0").read_text())
    table["tensors"]["no_such_tensor"] = [0.0, 1.0]
    with pytest.raises(ValueError, match="calibration table does not match"):
        quantize.quantize(fp32, tmp_path / "x.onnx", table)
    assert not (tmp_path / "x.onnx").exists()
    # through the registry: BackboneUnavailable with the same sentence, nothing cached
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path))
    bad = tmp_path / "efficientnet_lite0_int8_ranges.json"
    bad.write_text(json.dumps(table))
    monkeypatch.setattr(quantize, "ranges_file", lambda base_id: bad)
    with pytest.raises(registry.BackboneUnavailable, match="calibration table"):
        registry.ensure_onnx(INT8)
    assert not registry.cached_onnx_path(registry.get_backbone(INT8)).exists()


def test_missing_table_is_a_sentence(models, tmp_path, monkeypatch):
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path))
    monkeypatch.setattr(quantize, "ranges_file", lambda base_id: tmp_path / "absent.json")
    with pytest.raises(registry.BackboneUnavailable, match="missing or damaged"):
        registry.ensure_onnx(INT8)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    monkeypatch.setattr(quantize, "ranges_file", lambda base_id: broken)
    with pytest.raises(registry.BackboneUnavailable, match="missing or damaged"):
        registry.ensure_onnx(INT8)
    broken.write_text('{"tensors": {"x": 1}}')  # valid JSON, wrong shape
    with pytest.raises(registry.BackboneUnavailable, match="table is damaged"):
        registry.ensure_onnx(INT8)
    assert not registry.cached_onnx_path(registry.get_backbone(INT8)).exists()


def test_cpu_note(monkeypatch):
    monkeypatch.setattr(quantize, "cpu_has_vnni", lambda: False)
    assert "VNNI" in quantize.cpu_note()
    monkeypatch.setattr(quantize, "cpu_has_vnni", lambda: True)
    assert quantize.cpu_note() is None
    monkeypatch.undo()  # the real probe reads this machine's CPU flags: compare with our own reading
    import platform
    import re

    expected = None
    if platform.machine().lower() in ("x86_64", "amd64") and os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            flags = next((ln for ln in f if ln.startswith("flags")), None)
        expected = None if flags is None else bool(re.search(r"\b(avx512_vnni|avx_vnni)\b", flags))
    assert quantize.cpu_has_vnni() is expected


def test_int8_hint_after_long_fp32_runs(monkeypatch):
    monkeypatch.setattr(quantize, "cpu_has_vnni", lambda: True)
    hint = quantize.int8_hint("efficientnet_lite0", 10_000, 70.0)
    assert "10000 embeddings took 70 s" in hint and "about 54 s" in hint
    assert quantize.int8_hint("efficientnet_lite0", 100, 1.0) is None  # short runs: no hint
    assert quantize.int8_hint("efficientnet_lite2", 10_000, 70.0) is None
    assert quantize.int8_hint("efficientnet_lite0_int8", 10_000, 40.0) is None
    monkeypatch.setattr(quantize, "cpu_has_vnni", lambda: False)
    assert quantize.int8_hint("efficientnet_lite0", 10_000, 70.0) is None
