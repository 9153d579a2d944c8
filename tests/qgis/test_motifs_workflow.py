"""Embeddings, motifs, exports, training and classification through Processing in real QGIS,
on real labelled photos (../shared/data/labeled), with real ONNX models."""
import csv
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from photo_motifs.core.files import list_image_files
from photo_motifs.core.hashing import full_hash

from .conftest import read_layer


@pytest.fixture(scope="module")
def intel(labeled_dir):
    return labeled_dir / "intel_scenes_dev"


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("motifs")


@pytest.fixture(scope="module")
def embedded_folder(run_alg, intel, work):
    """Embed the 300 Intel scene photos twice into one cache: computed, then served from it."""
    cache = work / "cache.sqlite"
    first = run_alg("photomotifs:embed", {
        "FOLDER": str(intel), "CACHE": str(cache), "OUTPUT": str(work / "emb1.gpkg"),
        "VECTORS": str(work / "vectors.csv"),
    })
    second = run_alg("photomotifs:embed", {
        "FOLDER": str(intel), "CACHE": str(cache), "OUTPUT": str(work / "emb2.gpkg"),
    })
    return cache, first, second


def test_embed_folder_then_served_from_cache(embedded_folder, intel):
    _cache, first, second = embedded_folder
    assert first["EMBEDDED"] == 300 and first["COMPUTED"] == 300 and first["FAILED"] == 0
    assert second["EMBEDDED"] == 300 and second["COMPUTED"] == 0 and second["FROM_CACHE"] == 300
    # the cache holds one Lite0 vector per distinct photo (read with sqlite3 and hashlib alone):
    # the second run was served from it and wrote nothing
    distinct = len({hashlib.sha256(p.read_bytes()).hexdigest() for p in intel.rglob("*.jpg")})
    with sqlite3.connect(str(_cache)) as db:
        stored = db.execute("SELECT COUNT(*) FROM photo_motifs_embeddings WHERE backbone LIKE "
                            "'efficientnet_lite0@%' AND backbone NOT LIKE '%int8%'").fetchone()[0]
    assert stored == distinct == 300
    rows = read_layer(second["OUTPUT"])
    assert len(rows) == 300 and {r["embed_status"] for r in rows} == {"ok"}
    assert all(len(r["photo_id"]) == 32 for r in rows)


def test_int8_backbone_through_processing(run_alg, intel, work, embedded_folder):
    """The int8 backbone (opt-in) embeds into the same cache under its own key, close to fp32."""
    import numpy as np

    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.models.registry import get_backbone, list_backbones

    cache, _first, _second = embedded_folder
    index = [s.id for s in list_backbones()].index("efficientnet_lite0_int8")
    photos = list_image_files(intel)[::10]
    folder = work / "int8_photos"
    folder.mkdir()
    for p in photos:  # a folder of 30 copies (the algorithm takes a folder or a layer)
        (folder / p.name).write_bytes(p.read_bytes())
    res = run_alg("photomotifs:embed", {
        "FOLDER": str(folder), "BACKBONE": index, "CACHE": str(cache), "OUTPUT": str(work / "int8.gpkg"),
    })
    assert res["EMBEDDED"] == 30 and res["COMPUTED"] == 30 and res["FAILED"] == 0
    ids = [r["photo_id"] for r in read_layer(res["OUTPUT"])]
    with EmbeddingCache(cache) as c:
        fp32 = c.get_many(ids, get_backbone("efficientnet_lite0").cache_key)
        int8 = c.get_many(ids, get_backbone("efficientnet_lite0_int8").cache_key)
    assert len(fp32) == len(int8) == 30
    a = np.stack([fp32[i] for i in ids])
    b = np.stack([int8[i] for i in ids])
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cos.mean() >= 0.99 and not np.allclose(a, b)


def test_vectors_export_opens_as_a_table(embedded_folder, work):
    from qgis.core import QgsVectorLayer

    uri = f"file://{work / 'vectors.csv'}?type=csv&detectTypes=yes&geomType=none"
    layer = QgsVectorLayer(uri, "v", "delimitedtext")
    assert layer.isValid() and layer.featureCount() == 300
    names = layer.fields().names()
    assert names[0] == "path" and names[1:3] == ["f0", "f1"] and len(names) == 1 + 1280


def test_embed_layer_reports_unreadable_photos(run_alg, geotagged_dir, tmp_path):
    imp = run_alg("photomotifs:importphotos", {
        "FOLDER": str(geotagged_dir), "OUTPUT": str(tmp_path / "photos.gpkg"), "INVALID": "TEMPORARY_OUTPUT"})
    res = run_alg("photomotifs:embed", {
        "INPUT": imp["OUTPUT"], "CACHE": str(tmp_path / "c.sqlite"), "OUTPUT": str(tmp_path / "e.gpkg")})
    rows = read_layer(res["OUTPUT"])
    assert len(rows) == imp["IMPORTED"]
    failed = [r for r in rows if r["embed_status"] == "failed"]
    ok = [r for r in rows if r["embed_status"] == "ok"]
    assert len(ok) >= 40 and res["EMBEDDED"] == len(ok) and res["FAILED"] == len(failed)
    truncated = [r for r in rows if r["filename"] == "DERIVED_truncated_60pct__exif-samples__DSCN0021.jpg"]
    assert truncated and truncated[0]["embed_status"] == "failed" and truncated[0]["embed_note"]


def _nmi(rows, key):
    from sklearn.metrics import normalized_mutual_info_score

    truth = [Path(r["photo"]).parent.name for r in rows]
    return normalized_mutual_info_score(truth, [r[key] for r in rows])


@pytest.fixture(scope="module")
def clustered(run_alg, intel, work, embedded_folder):
    cache = embedded_folder[0]
    return run_alg("photomotifs:cluster", {
        "FOLDER": str(intel), "CACHE": str(cache), "OUTPUT": str(work / "motifs.gpkg"),
        "SHEETS": str(work / "sheets"), "REPORT": str(work / "run.json"),
        "MAP": str(work / "map.gpkg"),
    })


def test_default_clustering_finds_the_scene_classes(clustered):
    rows = read_layer(clustered["OUTPUT"])
    assert len(rows) == 300
    nmi = _nmi(rows, "cluster")
    assert nmi >= 0.74, f"NMI {nmi:.3f} with k={clustered['K']}"
    assert 5 <= clustered["K"] <= 9
    sizes = {}
    for r in rows:
        sizes[r["cluster"]] = r["cluster_size"]
    names = sorted(sizes, key=lambda c: int(c[1:]))
    assert [sizes[c] for c in names] == sorted(sizes.values(), reverse=True)  # C1 largest
    for c in names:
        members = [r for r in rows if r["cluster"] == c]
        assert sum(1 for r in members if r["is_medoid"]) == 1
        assert min(r["cluster_rank"] for r in members) == 1
    assert all(r["sim_x"] is not None for r in rows)


def test_cluster_outputs_sheets_map_and_run_record(clustered, work):
    sheets = Path(clustered["SHEETS"])
    assert (sheets / "overview.png").is_file() and (sheets / "C1.png").is_file()
    record = json.loads((work / "run.json").read_text())
    assert record["params"]["method"] == "hierarchical" and record["k"] == clustered["K"]
    assert record["k_curve"] and record["clustered"] == 300
    assert len(read_layer(clustered["MAP"])) == 300


def test_orange_parity_settings_match_scipy(run_alg, intel, work, embedded_folder):
    """Orange: cosine distance, average linkage, cut at k, raw embeddings -> scipy's partition."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import adjusted_rand_score

    from photo_motifs.core.vectors_io import read_vectors

    res = run_alg("photomotifs:cluster", {
        "FOLDER": str(intel), "CACHE": str(embedded_folder[0]), "NORMALIZE": False, "PCA_DIMS": 0,
        "METRIC": 0, "LINKAGE": 0, "CUT": 1, "K": 6, "PROJECTION": 2, "OUTPUT": "TEMPORARY_OUTPUT",
        "SHEETS": "", "REPORT": ""})
    ours = {f["photo"]: f["cluster"] for f in res["OUTPUT"].getFeatures()}
    names, matrix = read_vectors(work / "vectors.csv")
    scipy_labels = fcluster(linkage(np.asarray(matrix, dtype=np.float64), "average", "cosine"), 6, "maxclust")
    assert adjusted_rand_score(scipy_labels, [ours[n] for n in names]) == pytest.approx(1.0)


def test_export_groups_copies_and_tables(run_alg, clustered, intel, work):
    before = {p: full_hash(p) for p in list_image_files(intel)}
    out = work / "export"
    res = run_alg("photomotifs:exportgroups", {
        "INPUT": clustered["OUTPUT"], "GROUP_FIELD": "cluster", "OUTPUT_FOLDER": str(out),
        "EMBEDDINGS": True, "CACHE": str(work / "cache.sqlite")})
    assert res["COPIED"] == 300 and res["FAILED"] == 0
    assert {p: full_hash(p) for p in list_image_files(intel)} == before  # originals untouched
    copies = list_image_files(out)
    assert len(copies) == 300
    assert {p.parent.name for p in copies} == {f"C{i}" for i in range(1, res["GROUPS"] + 1)}
    tables = [Path(t) for t in res["TABLES"].split(";")]
    assert {t.suffix for t in tables} == {".xlsx", ".csv"}
    with open(next(t for t in tables if t.suffix == ".csv"), newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "cluster" in header and "f1279" in header
    again = run_alg("photomotifs:exportgroups", {
        "INPUT": clustered["OUTPUT"], "GROUP_FIELD": "cluster", "OUTPUT_FOLDER": str(out)})
    assert again["SKIPPED_IDENTICAL"] == 300 and again["COPIED"] == 0


@pytest.fixture(scope="module")
def trained(run_alg, intel, work, embedded_folder):
    return run_alg("photomotifs:train", {
        "TRAINING_FOLDER": str(intel), "CACHE": str(embedded_folder[0]), "OUTPUT_FOLDER": str(work / "model"),
        "MODEL_NAME": "Intel scenes"})


def test_train_writes_model_report_and_card(trained, work):
    folder = Path(trained["OUTPUT_FOLDER"])
    for name in ("model.onnx", "signature.json", "labels.txt", "model_card.md", "report.md",
                 "report.json", "confusion_matrix.png", "confusion_matrix.csv", "misclassified.csv"):
        assert (folder / name).is_file(), name
    sig = json.loads((folder / "signature.json").read_text())
    assert sig["format"] == "onnx" and sig["classes"]["Label"] == sorted(
        ["buildings", "forest", "glacier", "mountain", "sea", "street"])
    shape = sig["inputs"]["Image"]["shape"]
    assert shape[0] is None and shape[1] == shape[2] and shape[3] == 3
    assert sig["inputs"]["Image"]["name"] == "Image:0" and sig["outputs"]["Confidences"]["shape"] == [None, 6]
    assert 0.75 <= trained["ACCURACY"] <= 1.0 and trained["CLASSES"] == 6


def test_classify_folder_layer_csv_and_copies(run_alg, trained, labeled_dir, intel, work, geotagged_dir):
    model = str(Path(trained["OUTPUT_FOLDER"]) / "signature.json")
    res = run_alg("photomotifs:classify", {
        "FOLDER": str(intel / "forest"), "MODEL": model, "USE_CACHE": False, "THRESHOLD": 0.3,
        "OUTPUT": str(work / "classified.gpkg"), "CSV": str(work / "image_tools.csv"),
        "COPY_TO": str(work / "by_class")})
    rows = read_layer(res["OUTPUT"])
    assert len(rows) == 50 and res["FAILED"] == 0
    share_forest = sum(r["class"] == "forest" for r in rows) / len(rows)
    assert share_forest >= 0.8
    assert all(r["class_2"] and r["confidence"] >= r["confidence_2"] for r in rows)
    with open(work / "image_tools.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == ["File", "Label", "Confidence"] and len(table) == 50
    assert len(list_image_files(work / "by_class")) == 50
    assert len(list_image_files(intel / "forest")) == 50  # copied, not moved
    # the same model from cached embeddings gives the same classes
    cached = run_alg("photomotifs:classify", {
        "FOLDER": str(intel / "forest"), "MODEL": model, "USE_CACHE": True, "CACHE": str(work / "cache.sqlite"),
        "THRESHOLD": 0.3, "OUTPUT": "TEMPORARY_OUTPUT"})
    via_cache = {f["photo"]: f["class"] for f in cached["OUTPUT"].getFeatures()}
    assert sum(via_cache[r["photo"]] == r["class"] for r in rows) >= 49
    # a layer of geotagged photos: unreadable ones get a sentence
    imp = run_alg("photomotifs:importphotos", {"FOLDER": str(geotagged_dir), "OUTPUT": "TEMPORARY_OUTPUT"})
    lay = run_alg("photomotifs:classify", {"INPUT": imp["OUTPUT"], "MODEL": model, "OUTPUT": "TEMPORARY_OUTPUT"})
    feats = list(lay["OUTPUT"].getFeatures())
    assert len(feats) == imp["IMPORTED"]
    assert all((f["class"] not in (None, "")) != bool(f["classify_note"]) for f in feats)


def test_finetune_method_through_processing(run_alg, intel, tmp_path, monkeypatch):
    """The slow 'optimise' method: a short fine-tune of the last stage, then the usual export."""
    import shutil

    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(tmp_path / "models"))  # fine-tuned ONNX goes here

    for cls in ("forest", "street"):
        (tmp_path / "train" / cls).mkdir(parents=True)
        for p in sorted((intel / cls).iterdir())[:10]:
            shutil.copy(p, tmp_path / "train" / cls / p.name)
    res = run_alg("photomotifs:train", {
        "TRAINING_FOLDER": str(tmp_path / "train"), "METHOD": 2, "FINETUNE_SECONDS": 10,
        "CACHE": str(tmp_path / "cache.sqlite"), "OUTPUT_FOLDER": str(tmp_path / "model")})
    report = json.loads((tmp_path / "model" / "report.json").read_text())
    assert report["finetune"]["steps"] >= 1
    # forest vs street is easy (the linear head gets every photo right): chance would be 0.5
    assert res["CLASSES"] == 2 and res["ACCURACY"] >= 0.9
    out = run_alg("photomotifs:classify", {
        "FOLDER": str(intel / "forest"), "MODEL": str(tmp_path / "model" / "model.onnx"),
        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert out["CLASSIFIED"] == 50
    forest = sum(f["class"] == "forest" for f in out["OUTPUT"].getFeatures())
    assert forest >= 45, forest  # 40 of the 50 were never seen in training
    assert list((tmp_path / "models" / "finetuned").glob("*.onnx"))


def test_rerun_replaces_own_sheets_only(run_alg, intel, work, embedded_folder):
    sheets = work / "rerun_sheets"
    sheets.mkdir()
    from PIL import Image

    Image.new("RGB", (8, 8)).save(sheets / "mine.png")  # a user's file in the same folder
    common = {"FOLDER": str(intel / "sea"), "CACHE": str(embedded_folder[0]), "CUT": 1,
              "PROJECTION": 2, "OUTPUT": "TEMPORARY_OUTPUT", "SHEETS": str(sheets), "REPORT": ""}
    run_alg("photomotifs:cluster", {**common, "K": 6})
    assert (sheets / "C6.png").is_file()
    run_alg("photomotifs:cluster", {**common, "K": 3})
    names = sorted(p.name for p in sheets.glob("*.png"))
    assert names == ["C1.png", "C2.png", "C3.png", "mine.png", "overview.png"]
