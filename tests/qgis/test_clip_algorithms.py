"""addclip, zeroshot and search through qgis_process, and a converted CLIP folder as a backbone, on a tiny
random-weight CLIP model (converted once per session; torch imported inside QGIS with GDAL loaded).

Expected classes come from transformers' CLIPModel in torch on the same pixels (tests/clip_helpers).
"""
import json

import numpy as np
import pytest

from photo_motifs.tests import clip_helpers as h

from .conftest import read_layer
from .test_qgis_process import run

CLASSES = "church\nriver at night\ngraffiti: street art on a wall; a wall with graffiti\nwinter park\nsea"


@pytest.fixture(scope="module")
def sea(labeled_dir):
    return labeled_dir / "intel_scenes_dev" / "sea"


@pytest.fixture(scope="module")
def converted(qgis_process_cmd, tmp_path_factory):
    """The Hugging Face folder of a tiny random CLIP, converted by qgis_process run photomotifs:addclip."""
    from osgeo import gdal  # noqa: F401 - torch and transformers must import beside QGIS's GDAL

    root = tmp_path_factory.mktemp("clip_cli")
    src, model = h.hf_clip_folder(root / "clip-tiny-random", h.learn_bpe())
    res = run(qgis_process_cmd, "addclip", SOURCE=src / "config.json", OUTPUT_FOLDER=root / "clip")
    return root, src, model, res


def test_addclip_writes_a_clip_folder(converted):
    root, _src, _model, res = converted
    folder = root / "clip"
    assert res["OUTPUT_FOLDER"] == str(folder) and res["IMAGE_MODEL"] == str(folder / "image.onnx")
    assert res["EMBED_DIM"] == h.TINY["embed_dim"] and res["IMAGES_PER_SECOND"] > 0
    info = json.loads((folder / "clip.json").read_text(encoding="utf-8"))
    assert info["parity"]["image"] <= 1e-4 and info["parity"]["text"] <= 1e-4
    assert {"image.onnx", "image_int8.onnx", "text.onnx", "vocab.json", "merges.txt", "model_card.md"} <= \
        {p.name for p in folder.iterdir()}
    assert not [p for p in root.iterdir() if ".partial-" in p.name or p.name.startswith(".photo_motifs_part-")]


def test_addclip_refuses_an_unusable_source(qgis_process_cmd, converted):
    root = converted[0]
    proc = qgis_process_cmd("run", "photomotifs:addclip", "--", f"SOURCE={root / 'clip' / 'model_card.md'}",
                            f"OUTPUT_FOLDER={root / 'never'}")
    assert proc.returncode == 1
    assert "is not a weights file" in proc.stdout + proc.stderr and not (root / "never").exists()


def torch_labels(model, spec, paths, classes):
    """CLIP zero-shot in torch (prompt ensembles of our tokenizer's ids): labels and top-two logit gaps."""
    import torch

    from photo_motifs.core.clip_tokenizer import ClipTokenizer
    from photo_motifs.core.decode import load_for_backbone

    pixels = np.stack([load_for_backbone(p, spec) for p in paths]).astype(np.float32) / 255.0
    pixels = ((pixels - np.float32(spec.mean)) / np.float32(spec.std)).transpose(0, 3, 1, 2)
    tok = ClipTokenizer.from_folder(spec.onnx_path.rsplit("/", 1)[0])
    norm = torch.nn.functional.normalize
    with torch.no_grad():
        img = norm(model.get_image_features(pixel_values=torch.from_numpy(np.ascontiguousarray(pixels)))
                   .pooler_output, dim=-1)
        rows = [norm(norm(model.get_text_features(input_ids=torch.from_numpy(tok(c.prompts))).pooler_output,
                          dim=-1).mean(0), dim=0) for c in classes]
        logits = (img @ torch.stack(rows).T).numpy() * float(model.logit_scale.exp())
    top2 = np.sort(logits, axis=1)[:, -2:]
    return [classes[j].label for j in logits.argmax(1)], top2[:, 1] - top2[:, 0]


def test_zeroshot_and_its_model_in_classify(qgis_process_cmd, converted, sea, tmp_path):
    from photo_motifs.core.zeroshot import parse_classes
    from photo_motifs.models.registry import spec_for_clip_folder

    root, _src, model, _res = converted
    folder = root / "clip"
    res = run(qgis_process_cmd, "zeroshot", FOLDER=sea, MODEL=folder, CLASSES=CLASSES, GENERIC_OTHER="false",
              CACHE=tmp_path / "cache.sqlite", OUTPUT=tmp_path / "zs.gpkg", OUTPUT_MODEL=tmp_path / "zs_model")
    rows = sorted(read_layer(tmp_path / "zs.gpkg"), key=lambda r: r["photo"])
    assert res["CLASSIFIED"] == len(rows) == 50 and res["UNKNOWN_PHOTOS"] == 0 and res["FAILED"] == 0
    expected, gaps = torch_labels(model, spec_for_clip_folder(folder), [r["photo"] for r in rows],
                                  parse_classes(CLASSES.splitlines()))
    clear = gaps > 1e-3
    assert clear.sum() >= 25
    assert [r["class"] for r, c in zip(rows, clear) if c] == [e for e, c in zip(expected, clear) if c]
    assert all(len(r["top3"].split("; ")) == 3 and r["top3"].startswith(r["class"]) for r in rows)
    assert all(0 < r["confidence"] <= 1 and r["other_margin"] is None for r in rows)
    # the saved model gives the same classes in photomotifs:classify
    classified = run(qgis_process_cmd, "classify", FOLDER=sea, MODEL=tmp_path / "zs_model" / "signature.json",
                     OUTPUT=tmp_path / "classified.gpkg")
    assert classified["CLASSIFIED"] == 50
    again = {r["photo"]: r["class"] for r in read_layer(tmp_path / "classified.gpkg")}
    assert [again[r["photo"]] for r in rows] == [r["class"] for r in rows]


def test_zeroshot_unknown_from_the_other_sentences(qgis_process_cmd, converted, sea, tmp_path):
    """The unknown rule on 20 photos, and a damaged photo that gets a sentence instead of a class."""
    import shutil

    folder = converted[0] / "clip"
    photos = tmp_path / "photos"
    photos.mkdir()
    for path in sorted(sea.iterdir())[:20]:
        shutil.copy(path, photos)
    (photos / "broken.jpg").write_bytes(next(photos.iterdir()).read_bytes()[:600])
    res = run(qgis_process_cmd, "zeroshot", FOLDER=photos, MODEL=folder, CLASSES=CLASSES,
              OTHER_CLASSES="selfie\nfood", CACHE=tmp_path / "cache.sqlite", OUTPUT=tmp_path / "zs.gpkg")
    rows = [r for r in read_layer(tmp_path / "zs.gpkg") if r["filename"] != "broken.jpg"]
    broken = next(r for r in read_layer(tmp_path / "zs.gpkg") if r["filename"] == "broken.jpg")
    assert res["FAILED"] == 1 and broken["class"] is None and broken["zeroshot_note"]
    unknown = [r for r in rows if r["unknown"]]
    assert res["UNKNOWN_PHOTOS"] == len(unknown) and res["CLASSIFIED"] == 20 - len(unknown)
    assert all(r["class"] == "unknown" and r["other_margin"] < 0 for r in unknown)
    assert all(r["other_margin"] >= 0 for r in rows if not r["unknown"])
    assert {r["other_match"] for r in rows} <= {"generic", "selfie", "food"}


def test_search_by_words_and_by_photo(qgis_process_cmd, converted, sea, tmp_path):
    folder = converted[0] / "clip"
    cache = tmp_path / "cache.sqlite"
    words = run(qgis_process_cmd, "search", FOLDER=sea, MODEL=folder, QUERY="waves breaking on a rocky shore",
                N=5, CACHE=cache, OUTPUT=tmp_path / "words.gpkg")
    found = read_layer(tmp_path / "words.gpkg")
    assert words["FOUND"] == 5 and [r["rank"] for r in found] == [1, 2, 3, 4, 5]
    sims = [r["similarity"] for r in found]
    assert sims == sorted(sims, reverse=True) and words["BEST_SIMILARITY"] == pytest.approx(sims[0])
    query = sorted(sea.iterdir())[3]
    by_photo = run(qgis_process_cmd, "search", FOLDER=sea, MODEL=folder, QUERY_PHOTO=query, N=60, CACHE=cache,
                   OUTPUT=tmp_path / "photo.gpkg")
    rows = read_layer(tmp_path / "photo.gpkg")
    assert by_photo["FOUND"] == 49 and str(query) not in {r["photo"] for r in rows}  # all but the query itself


def test_clip_folder_as_backbone_and_search_selects_on_the_layer(run_alg, converted, sea, tmp_path):
    """embed with BACKBONE 5 (a CLIP folder); search selects the photos found on the project's layer."""
    from qgis.core import QgsFeature, QgsField, QgsProject, QgsVectorLayer

    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.core.embed import compute_embeddings
    from photo_motifs.models.registry import spec_for_clip_folder
    from photo_motifs.processing.qgis_compat import FIELD_TYPES

    folder = converted[0] / "clip"
    paths = sorted(str(p) for p in sea.iterdir())[:12]
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField("photo", FIELD_TYPES["str"])])
    layer.updateFields()
    for i, p in enumerate(paths):
        f = QgsFeature(layer.fields())
        f.setAttributes([p])
        f.setId(i)
        layer.dataProvider().addFeature(f)
    QgsProject.instance().addMapLayer(layer)
    try:
        cache = tmp_path / "cache.sqlite"
        emb = run_alg("photomotifs:embed", {"INPUT": layer.id(), "BACKBONE": 5, "CLIP_MODEL": str(folder),
                                            "CACHE": str(cache), "OUTPUT": "TEMPORARY_OUTPUT"})
        assert emb["COMPUTED"] == 12
        spec = spec_for_clip_folder(folder)
        matrix = compute_embeddings(paths, spec, cache=EmbeddingCache(cache)).matrix  # from the cache
        unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
        cos = unit @ unit[4]
        cos[4] = -2  # the query photo is left out
        expected = set(np.argsort(-cos)[:3].tolist())
        fids = {f["photo"]: f.id() for f in layer.getFeatures()}
        run_alg("photomotifs:search", {"INPUT": layer.id(), "MODEL": str(folder), "QUERY_PHOTO": paths[4], "N": 3,
                                       "CACHE": str(cache), "OUTPUT": "TEMPORARY_OUTPUT"})
        assert set(layer.selectedFeatureIds()) == {fids[paths[i]] for i in expected}
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_the_workflow_dialog_lists_converted_clip_models(qgis_iface, qgis_processing, converted, geotagged_dir,
                                                         tmp_path, monkeypatch):
    """A model in the plugin's CLIP folder is a choice of the dialog; the run plan passes BACKBONE 5 + CLIP_MODEL."""
    import shutil

    from qgis.core import QgsSettings

    from photo_motifs.plugin.workflow import WorkflowDialog

    from .conftest import ensure_provider

    ensure_provider()
    cache = tmp_path / "models"
    shutil.copytree(converted[0] / "clip", cache / "clip" / "tiny-clip")
    monkeypatch.setenv("PHOTO_MOTIFS_MODEL_CACHE", str(cache))
    QgsSettings().remove("photo_motifs/workflow")
    dlg = WorkflowDialog(qgis_iface)
    try:
        from photo_motifs.plugin.plan import plan

        combo = dlg.embeddings.backbone
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert texts[-1] == "CLIP: tiny-clip" and len(texts) == 5
        combo.setCurrentIndex(4)
        dlg.project_folder.setFilePath(str(tmp_path / "project"))
        dlg.photos.source_folder.setChecked(True)
        dlg.photos.folder.setFilePath(str(geotagged_dir))
        dlg.task.task_motifs.setChecked(True)
        steps = plan(dlg.choices()).steps
        cluster = next(s for s in steps if s.algorithm_id == "photomotifs:cluster")
        assert cluster.parameters["BACKBONE"] == 5
        assert cluster.parameters["CLIP_MODEL"] == str(cache / "clip" / "tiny-clip")
        combo.setCurrentIndex(1)  # EfficientNet-Lite2 keeps its index
        steps = plan(dlg.choices()).steps
        assert next(s for s in steps if s.algorithm_id == "photomotifs:cluster").parameters["BACKBONE"] == 1
    finally:
        dlg.close()
        dlg.deleteLater()


def test_search_checks_its_query_before_embedding_the_layer(run_alg, converted, sea, tmp_path):
    """No query, or a query photo that is no image: the sentence comes before the layer's photos are
    embedded (was: after all of them, minutes on a large layer with a CLIP ViT-B/32)."""
    from qgis.core import QgsProcessingException

    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.models.registry import spec_for_clip_folder

    folder = converted[0] / "clip"
    cache = tmp_path / "cache.sqlite"
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("a text file, not a photo")
    for query, sentence in (({"QUERY": "  "}, "Give a sentence"), ({"QUERY_PHOTO": str(not_a_photo)},
                                                                   "cannot be read")):
        with pytest.raises(QgsProcessingException, match=sentence):
            run_alg("photomotifs:search", {"FOLDER": str(sea), "MODEL": str(folder), "N": 3, "CACHE": str(cache),
                                           "OUTPUT": "TEMPORARY_OUTPUT", **query})
        if cache.exists():
            with EmbeddingCache(cache) as c:
                assert c.count(spec_for_clip_folder(folder).cache_key) == 0
