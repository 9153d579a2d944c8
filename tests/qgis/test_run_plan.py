"""The workflow's run plan without widgets: choices in, algorithm steps out (plugin/plan.py).

Expected enum indices are typed by hand from the option lists pinned in tests/unit/test_options.py
(not looked up with the code under test); parameter names are checked against the algorithms
registered in QGIS.
"""
import os

import pytest

from photo_motifs.plugin import plan as run_plan
from photo_motifs.plugin.plan import Choices, PlanError, plan


@pytest.fixture
def photo_folder(tmp_path):
    folder = tmp_path / "tartu flickr"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"not read while planning")
    return folder


def test_folder_to_motifs(tmp_path, photo_folder):
    project = tmp_path / "project"
    p = plan(Choices(project_folder=str(project), source="folder", folder=str(photo_folder),
                     backbone="efficientnet_lite0_int8", k=6))
    assert [s.algorithm_id for s in p.steps] == ["photomotifs:importphotos", "photomotifs:cluster"]
    assert [s.key for s in p.steps] == ["photos", "result"]
    run_folder = project / "run_1_tartu_flickr"
    imp, cluster = p.steps[0].parameters, p.steps[1].parameters
    assert imp == {"FOLDER": str(photo_folder), "RECURSIVE": True, "KEEP_UNLOCATED": True,
                   "OUTPUT": str(run_folder / "photos.gpkg"), "INVALID": str(run_folder / "photos_invalid.csv")}
    assert cluster["INPUT"] == str(run_folder / "photos.gpkg") and cluster["PATH_FIELD"] == "photo"
    assert cluster["BACKBONE"] == 3  # the int8 Lite0 is the fourth backbone option
    assert cluster["CUT"] == 1 and cluster["K"] == 6  # "fixed (K)" is the second cut option
    assert cluster["CACHE"] == str(project / "embeddings.sqlite")
    assert cluster["SHEETS"] == str(run_folder / "motifs_sheets")
    assert p.folders == [str(project), str(run_folder)]
    assert not project.exists(), "planning must not create folders"
    assert p.result.layer_path == str(run_folder / "motifs.gpkg") and p.result.field == "cluster"
    assert p.result.layer_name(6) == "Motifs — tartu flickr (6)"


def test_automatic_k_leaves_the_cut_to_the_algorithm(tmp_path, photo_folder):
    p = plan(Choices(project_folder=str(tmp_path / "p"), folder=str(photo_folder), k=0))
    assert "CUT" not in p.steps[1].parameters and "K" not in p.steps[1].parameters
    assert p.steps[1].parameters["BACKBONE"] == 0


def test_train_then_classify_uses_the_option_values(tmp_path, photo_folder):
    training = tmp_path / "classes"
    training.mkdir()
    p = plan(Choices(project_folder=str(tmp_path / "p"), folder=str(photo_folder), task="train",
                     training=str(training), method="mlp", backbone="efficientnet_lite2"))
    assert [s.algorithm_id for s in p.steps] == [
        "photomotifs:importphotos", "photomotifs:train", "photomotifs:classify"]
    train, classify = p.steps[1].parameters, p.steps[2].parameters
    assert train["METHOD"] == 1  # "small neural network (MLP)" is the second training method
    assert train["BACKBONE"] == 1
    assert classify["MODEL"] == os.path.join(train["OUTPUT_FOLDER"], "signature.json")
    assert p.result.report == os.path.join(train["OUTPUT_FOLDER"], "report.md")
    assert p.result.layer_name() == "Classes — classes — tartu flickr"


def test_a_clip_folder_is_the_clip_option_and_its_folder(tmp_path, photo_folder):
    p = plan(Choices(project_folder=str(tmp_path / "p"), folder=str(photo_folder), backbone="clip",
                     clip_model="/models/clip/vit-b-32"))
    assert p.steps[1].parameters["BACKBONE"] == 5  # 'A CLIP model folder' follows 'own ONNX' (4)
    assert p.steps[1].parameters["CLIP_MODEL"] == "/models/clip/vit-b-32"


def test_a_project_layer_is_read_directly(tmp_path):
    p = plan(Choices(project_folder=str(tmp_path / "p"), source="layer", layer_id="photos_abc",
                     layer_name="Photos", path_field="file", task="classify", model=__file__))
    assert [s.algorithm_id for s in p.steps] == ["photomotifs:classify"]
    assert p.steps[0].parameters["INPUT"] == "photos_abc" and p.steps[0].parameters["PATH_FIELD"] == "file"
    assert p.result.invalid == ""


@pytest.mark.parametrize("choices, sentence", [
    (dict(project_folder=""), "Choose a project folder"),
    (dict(folder="/does/not/exist"), "Choose the folder that holds the photos."),
    (dict(source="table", table="/nope.csv"), "Choose the metadata table"),
    (dict(source="layer"), "Choose a photo layer"),
    (dict(task="classify", model=""), "Choose the model"),
    (dict(task="train", training=""), "Choose the folder with one subfolder"),
    (dict(backbone="no_such_model"), "Unknown image model"),
])
def test_missing_choices_are_sentences(tmp_path, photo_folder, choices, sentence):
    base = dict(project_folder=str(tmp_path / "p"), folder=str(photo_folder))
    base.update(choices)
    with pytest.raises(PlanError, match=sentence.replace("(", r"\(")):
        plan(Choices(**base))


def test_each_run_gets_its_own_folder(tmp_path, photo_folder):
    project = tmp_path / "p"
    (project / "run_1_tartu_flickr").mkdir(parents=True)
    (project / "run_2_other").mkdir()
    p = plan(Choices(project_folder=str(project), folder=str(photo_folder)))
    assert p.result.run == 3 and p.result.run_folder == str(project / "run_3_tartu_flickr")
    assert p.result.layer_name(4) == "Motifs — tartu flickr (4) · run 3"


def test_every_parameter_is_one_the_algorithm_declares(qgis_processing, tmp_path, photo_folder):
    from qgis.core import QgsApplication

    from .conftest import ensure_provider

    ensure_provider()
    training = tmp_path / "classes"
    training.mkdir()
    for task in ("motifs", "train"):
        p = plan(Choices(project_folder=str(tmp_path / "p"), folder=str(photo_folder), task=task,
                         training=str(training)))
        for step in p.steps:
            alg = QgsApplication.processingRegistry().algorithmById(step.algorithm_id)
            declared = {d.name() for d in alg.parameterDefinitions()}
            assert set(step.parameters) <= declared, (step.algorithm_id, set(step.parameters) - declared)


def test_a_new_step_is_one_row(tmp_path, photo_folder, monkeypatch):
    """Adding a step touches only the table: a row after clustering runs after it."""
    from photo_motifs.processing.alg_summarize import SummarizeAlgorithm

    row = run_plan.StepRow("summary", SummarizeAlgorithm, lambda c: c.task == "motifs", lambda: "Summarising",
                           lambda ctx: {"INPUT": ctx.path("motifs.gpkg"), "OUTPUT": ctx.path("summary.gpkg")})
    monkeypatch.setattr(run_plan, "STEPS", run_plan.STEPS + (row,))
    p = plan(Choices(project_folder=str(tmp_path / "p"), folder=str(photo_folder)))
    assert [s.key for s in p.steps] == ["photos", "result", "summary"]
    assert p.steps[2].parameters["INPUT"] == p.steps[1].parameters["OUTPUT"]
