"""The whole workflow from the command line: qgis_process (the binary) with the installed plugin."""
import json
from pathlib import Path

import pytest

from .conftest import read_layer


def run(qgis_process_cmd, alg, **params):
    args = ["--json", "run", f"photomotifs:{alg}", "--"] + [f"{k}={v}" for k, v in params.items()]
    proc = qgis_process_cmd(*args)
    assert proc.returncode == 0, f"{alg}: {proc.stderr[-3000:]}\n{proc.stdout[-3000:]}"
    return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("cli")


def test_cli_embed_cluster_export(qgis_process_cmd, labeled_dir, geotagged_dir, out):
    intel = labeled_dir / "intel_scenes_dev"
    cache = out / "cache.sqlite"
    first = run(qgis_process_cmd, "embed", FOLDER=intel, CACHE=cache, OUTPUT=out / "e1.gpkg",
                VECTORS=out / "v.npz")
    second = run(qgis_process_cmd, "embed", FOLDER=intel, CACHE=cache, OUTPUT=out / "e2.gpkg")
    assert first["COMPUTED"] == 300 and second["COMPUTED"] == 0 and second["FROM_CACHE"] == 300
    res = run(qgis_process_cmd, "cluster", FOLDER=intel, CACHE=cache, OUTPUT=out / "motifs.gpkg",
              SHEETS=out / "sheets")
    assert 5 <= res["K"] <= 9 and (out / "sheets" / "overview.png").is_file()
    exp = run(qgis_process_cmd, "exportgroups", INPUT=out / "motifs.gpkg", GROUP_FIELD="cluster",
              OUTPUT_FOLDER=out / "groups")
    assert exp["COPIED"] == 300
    # a geotagged folder: import, then motifs on the layer
    imp = run(qgis_process_cmd, "importphotos", FOLDER=geotagged_dir, OUTPUT=out / "geo.gpkg",
              INVALID=out / "geo_invalid.csv")
    geo = run(qgis_process_cmd, "cluster", INPUT=out / "geo.gpkg", CACHE=cache, OUTPUT=out / "geo_motifs.gpkg",
              REPORT=out / "run.json")
    rows = read_layer(out / "geo_motifs.gpkg")
    assert len(rows) == imp["IMPORTED"] and geo["K"] >= 2
    assert all((r["cluster"] is None) == bool(r["cluster_note"]) for r in rows)
    # located photos with truncated pixels are imported, fail to embed and reach the layer unclustered
    failed = [r for r in rows if r["cluster"] is None]
    assert any(r["filename"].startswith("DERIVED_truncated") for r in failed)
    report = json.loads((out / "run.json").read_text())
    assert report["not_clustered"] == len(failed) >= 1 and report["clustered"] == len(rows) - len(failed)
    # written by qgis_process, opened later: styled from the style stored in the GeoPackage
    from qgis.core import QgsVectorLayer

    for path, field in ((out / "geo_motifs.gpkg", "cluster"), (out / "geo.gpkg", None), (out / "e1.gpkg", None)):
        layer = QgsVectorLayer(str(path), "styled", "ogr")
        assert "<img" in layer.mapTipTemplate(), path
        assert layer.editorWidgetSetup(layer.fields().lookupField("photo")).type() == "ExternalResource"
        if field:
            assert layer.renderer().type() == "categorizedSymbol"
            labels = [c.label() for c in layer.renderer().categories()]
            assert any(label.startswith("C1 (") for label in labels), labels
            n_unreadable = sum(r["cluster"] is None for r in rows)
            if n_unreadable:
                assert f"unreadable photos ({n_unreadable})" in labels


def test_cli_train_and_classify(qgis_process_cmd, labeled_dir, out):
    intel = labeled_dir / "intel_scenes_dev"
    model = out / "model"
    trained = run(qgis_process_cmd, "train", TRAINING_FOLDER=intel, CACHE=out / "cache.sqlite",
                  OUTPUT_FOLDER=model)
    assert trained["ACCURACY"] >= 0.75 and (model / "confusion_matrix.png").is_file()
    folder = run(qgis_process_cmd, "classify", FOLDER=intel / "sea", MODEL=model / "signature.json",
                 OUTPUT=out / "sea.gpkg", CSV=out / "sea.csv")
    assert folder["CLASSIFIED"] == 50
    sea = sum(r["class"] == "sea" for r in read_layer(out / "sea.gpkg"))
    assert sea >= 40
    layer = run(qgis_process_cmd, "classify", INPUT=out / "motifs.gpkg", MODEL=model / "model.onnx",
                OUTPUT=out / "motifs_classified.gpkg")
    assert layer["CLASSIFIED"] == 300
    assert Path(out / "sea.csv").read_text().startswith("File,Label,Confidence")
