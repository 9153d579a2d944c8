"""The Motifs panel in real QGIS (offscreen) with real widgets, a real edit buffer and real photos:
rename / merge / move / split / 'not a motif' with undo and redo and the legend after each change,
keys labelling 20 photos, training from the labels, review least sure first, a correction that
becomes a label, retraining. Expected values come from the photos' folders (their true scene),
from hand counts, and from the layer's own confidence values sorted independently."""
import gc
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

from .conftest import ensure_provider, read_layer, wait_for

CLASSES = ("forest", "street", "sea")
PER_CLASS = 10


def settle():
    """Let queued signals, single-shot timers and the debounced refresh run."""
    deadline = time.monotonic() + 0.15
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()


@pytest.fixture
def photo_layer(labeled_dir, tmp_path, qgis_new_project):
    """30 real scene photos (10 forest, 10 street, 10 sea) as a GeoPackage photo layer whose
    clustering found the scenes: C1 = forest, C2 = street, C3 = sea, ranked 1..10."""
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    from photo_motifs.processing.styling import apply_photo_style, store_style

    mem = QgsVectorLayer("Point?crs=EPSG:4326", "m", "memory")
    mem.dataProvider().addAttributes([QgsField("photo", QVariant.String), QgsField("cluster", QVariant.String),
                                      QgsField("cluster_rank", QVariant.Int)])
    mem.updateFields()
    feats = []
    for c, name in enumerate(CLASSES):
        for k, path in enumerate(sorted((labeled_dir / "intel_scenes_dev" / name).iterdir())[:PER_CLASS]):
            f = QgsFeature(mem.fields())
            f.setAttributes([str(path), f"C{c + 1}", k + 1])
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(26.7 + c * 0.01, 58.38 + k * 0.001)))
            feats.append(f)
    mem.dataProvider().addFeatures(feats)
    path = str(tmp_path / "motifs.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    assert QgsVectorFileWriter.writeAsVectorFormatV2(mem, path, mem.transformContext(), opts)[0] == 0
    styled = QgsVectorLayer(path, "styled", "ogr")  # as the algorithms do: styled and stored by another instance
    apply_photo_style(styled, "cluster")
    assert store_style(styled) is None
    del styled
    layer = QgsVectorLayer(path, "motifs", "ogr")
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def dock(qgis_iface, qgis_processing, photo_layer):
    from photo_motifs.plugin.curation_dock import CurationDock

    ensure_provider()
    panel = CurationDock(qgis_iface)
    panel.layer_combo.setLayer(photo_layer)
    panel.resize(420, 900)
    panel.show()
    settle()
    yield panel
    if panel.training.trainer.running:
        panel.training.trainer.cancel()
        wait_for(lambda: not panel.training.trainer.running, 120, "the cancelled training")
    if photo_layer.isEditable():
        photo_layer.rollBack()
    panel.detach()
    panel.close()
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def truth(layer, fid):
    """The scene of a photo, from the folder it lies in (independent of the panel)."""
    return Path(str(layer.getFeature(fid)["photo"])).parent.name


def legend(layer):
    """The legend entries as QGIS's layer tree shows them."""
    from qgis.core import QgsLayerTreeLayer

    node = QgsLayerTreeLayer(layer)
    nodes = layer.legend().createLayerTreeModelLegendNodes(node)
    return {n.data(Qt.ItemDataRole.DisplayRole): n for n in nodes}


def colours(layer):
    return {c.label().rsplit(" (", 1)[0]: c.symbol().color().name().upper() for c in layer.renderer().categories()}


def values(layer, field="cluster"):
    return {f.id(): (None if str(f[field]) == "NULL" else f[field]) for f in layer.getFeatures()}


def item(dock, name):
    tree = dock.motifs.list
    found = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0) == name]
    assert found, f"{name} not in {[tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]}"
    return found[0]


def select_items(dock, *names):
    dock.motifs.list.clearSelection()
    for name in names:
        item(dock, name).setSelected(True)
    settle()


def rename_in_place(dock, old, new):
    """Select the motif, F2, type the new name, Enter: the way a user renames it."""
    tree = dock.motifs.list
    tree.setFocus()
    tree.setCurrentItem(item(dock, old), 0)
    QTest.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not tree, "F2 opened no editor"
    editor.selectAll()
    QTest.keyClicks(editor, new)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    settle()


def click(button):
    assert button.isEnabled(), f"{button.text()} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def test_rename_merge_move_split_exclude_undo_redo_and_legend(dock, photo_layer):
    layer = photo_layer
    original = values(layer)
    start_colours = colours(layer)
    assert set(legend(layer)) >= {"C1 (10)", "C2 (10)", "C3 (10)"}

    rename_in_place(dock, "C1", "forest")
    assert layer.isEditable() and list(values(layer).values()).count("forest") == 10
    assert "forest (10)" in legend(layer) and "C1 (10)" not in legend(layer)
    assert colours(layer)["forest"] == start_colours["C1"]  # a renamed motif keeps its colour
    assert [r for r in (item(dock, "forest").text(1),)] == ["10"]

    click(dock.undo_button)
    assert values(layer) == original and "C1 (10)" in legend(layer)
    assert colours(layer)["C1"] == start_colours["C1"]
    click(dock.redo_button)
    assert "forest (10)" in legend(layer)

    select_items(dock, "C2", "C3")
    click(dock.motifs.merge_button)
    # equal sizes: the merge keeps the later name (C3) and its colour
    assert "C3 (20)" in legend(layer) and "C2 (10)" not in legend(layer)
    assert colours(layer)["C3"] == start_colours["C3"]

    # two street photos back to a motif of their own: select on the layer, move to 'forest'
    street = sorted(fid for fid in layer.allFeatureIds() if truth(layer, fid) == "street")
    layer.selectByIds(street[:2])
    settle()
    dock.motifs.target.setCurrentText("forest")
    click(dock.motifs.move_button)
    assert "forest (12)" in legend(layer) and "C3 (18)" in legend(layer)

    layer.selectByIds(street[2:5])
    settle()
    QTest.keyClicks(dock.motifs.new_name, "bridges")
    click(dock.motifs.split_button)
    assert "bridges (3)" in legend(layer) and "C3 (15)" in legend(layer)
    assert colours(layer)["bridges"] not in start_colours.values()  # a new motif: a colour nobody had

    select_items(dock, "bridges")
    click(dock.motifs.exclude_button)
    assert "not a motif (3)" in legend(layer) and "bridges (3)" not in legend(layer)
    assert item(dock, "not a motif").text(1) == "3"
    ids = values(layer, "cluster_id")
    assert all(ids[fid] == "C2" for fid in street[2:5])  # the original ids stay

    stack = layer.undoStack()
    assert stack.count() == 5 and stack.undoText().startswith("Mark bridges as not a motif")
    while stack.canUndo():
        click(dock.undo_button)
    assert values(layer) == original and set(legend(layer)) >= {"C1 (10)", "C2 (10)", "C3 (10)"}
    assert colours(layer) == start_colours
    while stack.canRedo():
        click(dock.redo_button)
    assert "not a motif (3)" in legend(layer) and "forest (12)" in legend(layer)

    click(dock.save_button)
    assert not layer.isEditable() or not layer.isModified()
    saved = read_layer(layer.source())
    assert sorted(r["cluster"] or "-" for r in saved).count("forest") == 12
    names = {(r["id"], r["name"]): r["photos"] for r in read_layer(f"{layer.source()}|layername=motif_names")}
    assert names == {("C1", "forest"): 10, ("C2", "forest"): 2, ("C2", "C3"): 5, ("C3", "C3"): 10, ("C2", None): 3}


def test_rename_refuses_formulas_and_a_name_that_exists_merges(dock, photo_layer):
    rename_in_place(dock, "C1", "=cmd|' /C calc'!A0")
    assert "formula" in dock.status.text() and list(values(photo_layer).values()).count("C1") == 10
    rename_in_place(dock, "C1", "__not_a_motif__")  # the stored value of 'not a motif' is reserved
    assert "reserved" in dock.status.text() and list(values(photo_layer).values()).count("C1") == 10
    rename_in_place(dock, "C1", "C2")
    assert "C2 (20)" in legend(photo_layer) and "merged" in dock.status.text()


def label_with_keys(dock, layer, n):
    """Press the key of each photo's true class for the first ``n`` photos shown."""
    stepper = dock.label.stepper
    done = []
    while len(done) < n:
        fid = stepper.current_fid
        assert fid is not None
        QTest.keyClick(stepper, getattr(Qt.Key, f"Key_{CLASSES.index(truth(layer, fid)) + 1}"))
        done.append(fid)
    settle()
    return done


def add_classes(dock):
    dock.tabs.setCurrentWidget(dock.label)
    for name in CLASSES:
        QTest.keyClicks(dock.label.new_class, name)
        QTest.keyClick(dock.label.new_class, Qt.Key.Key_Return)
    settle()


def test_keys_label_20_photos_with_skip_and_back(dock, photo_layer):
    layer = photo_layer
    assert layer.fields().lookupField("label") < 0
    add_classes(dock)
    assert dock.label.keys.text().startswith("Keys: 1 forest · 2 street · 3 sea")
    click(dock.label.start_button)
    stepper = dock.label.stepper
    first = stepper.current_fid
    QTest.keyClick(stepper, Qt.Key.Key_0)  # skip
    assert stepper.current_fid != first
    QTest.keyClick(stepper, Qt.Key.Key_Left)  # back
    assert stepper.current_fid == first
    labelled = label_with_keys(dock, layer, 20)
    settle()
    labels = values(layer, "label")  # the field was created on demand, in the edit buffer
    assert {fid: labels[fid] for fid in labelled} == {fid: truth(layer, fid) for fid in labelled}
    assert sum(v is not None for v in labels.values()) == 20
    # motif by motif, most typical first: C1's 10 photos, then C2's 10
    assert [truth(layer, f) for f in labelled] == ["forest"] * 10 + ["street"] * 10
    rows = [dock.label.class_list.item(i).text() for i in range(3)]
    assert rows[0].startswith("1   forest — 10 photos (more is better (200))")
    assert rows[2].startswith("3   sea — 0 photos (at least 5 to train)")
    assert dock.training.train_button.isEnabled()
    # label all selected: the sea photos
    sea = [fid for fid in layer.allFeatureIds() if truth(layer, fid) == "sea"]
    layer.selectByIds(sea)
    settle()
    dock.label.apply_class.setCurrentText("sea")
    click(dock.label.apply_button)
    assert [values(layer, "label")[f] for f in sea] == ["sea"] * 10
    # every label is one undo step; undo takes the last 21 back, the field too
    for _ in range(21):
        layer.undoStack().undo()
    settle()
    assert layer.fields().lookupField("label") < 0


def test_train_review_correct_retrain(dock, photo_layer, tmp_path):
    layer = photo_layer
    add_classes(dock)
    dock.label.order.setCurrentIndex(2)  # all photos
    click(dock.label.start_button)
    label_with_keys(dock, layer, 30)
    click(dock.training.train_button)
    assert dock.training.trainer.running
    wait_for(lambda: not dock.training.trainer.running, 600, "training and classification")
    settle()
    assert "Hold-out accuracy" in dock.training.result.text(), dock.training.result.text()
    assert "previous model: –" in dock.training.result.text()
    predicted = values(layer, "class")
    assert sum(predicted[f] == truth(layer, f) for f in predicted) >= 27  # seen photos, refitted on all
    assert (Path(dock.training.trainer.model_folder) / "model.onnx").is_file()

    dock.tabs.setCurrentWidget(dock.review)
    click(dock.review.start_button)
    stepper = dock.review.stepper
    confidence = {f.id(): f["confidence"] for f in layer.getFeatures()}
    assert stepper.fids == sorted(confidence, key=lambda fid: (confidence[fid], fid))  # least sure first
    assert "1. " in stepper.info.text() and "%" in stepper.info.text()  # the top classes
    # correct the least sure photo to a class the model did not give it
    fid = stepper.current_fid
    wrong = next(c for c in CLASSES if c != values(layer, "class")[fid])
    QTest.keyClick(stepper, getattr(Qt.Key, f"Key_{CLASSES.index(wrong) + 1}"))
    assert values(layer, "label")[fid] == wrong and dock.review.tally.corrected == 1
    confirm = stepper.current_fid
    QTest.keyClick(stepper, Qt.Key.Key_Return)
    assert values(layer, "label")[confirm] == values(layer, "class")[confirm]
    assert dock.review.tally.confirmed == 1
    assert "Reviewed 2: 1 confirmed, 1 corrected" in dock.review.tally_label.text()

    first_accuracy = dock.training.trainer.accuracy
    click(dock.training.train_button)
    wait_for(lambda: not dock.training.trainer.running, 600, "retraining")
    settle()
    text = dock.training.result.text()
    assert f"previous model: {first_accuracy:.0%}" in text and "1 corrections were used" in text
    assert "right on 50% of the reviewed photos" in text
    assert layer.fields().lookupField("class_before") >= 0  # the first model's classes, for disagreement
    assert layer.customProperty("photo_motifs/model") == dock.training.trainer.model_folder
    assert dock.training.trainer.model_folder.endswith("model_2")


def test_review_unknown_and_disagreement(dock, photo_layer):
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant

    layer = photo_layer
    layer.startEditing()
    layer.addAttribute(QgsField("class", QVariant.String))
    layer.addAttribute(QgsField("confidence", QVariant.Double))
    ci, cc = layer.fields().lookupField("class"), layer.fields().lookupField("confidence")
    fids = sorted(layer.allFeatureIds())
    for k, fid in enumerate(fids):
        layer.changeAttributeValue(fid, ci, "unknown" if k % 10 == 0 else truth(layer, fid) if k % 7 else "sea")
        layer.changeAttributeValue(fid, cc, 0.3 + (k * 37 % 30) / 50)
    settle()
    dock.review.set_layer(layer)
    dock.review.mode.setCurrentIndex(2)
    click(dock.review.start_button)
    unknown = [fid for k, fid in enumerate(fids) if k % 10 == 0]
    conf = {f.id(): f["confidence"] for f in layer.getFeatures()}
    assert dock.review.stepper.fids == sorted(unknown, key=lambda f: (conf[f], f))
    # disagreement between the class and the motif, once the motifs are named like the classes
    for old, new in (("C1", "forest"), ("C2", "street"), ("C3", "sea")):
        dock.motifs.editor.rename(old, new)
    dock.review.mode.setCurrentIndex(1)
    dock.review.other_field.setCurrentText("cluster")
    click(dock.review.start_button)
    # 'unknown' differs from every motif; a sea given to a forest or street photo too
    differ = [f for k, f in enumerate(fids) if not k % 10 or (not k % 7 and truth(layer, f) != "sea")]
    assert dock.review.stepper.fids == sorted(differ, key=lambda f: (conf[f], f))


def test_export_labelled_photos_as_class_folders(dock, photo_layer, tmp_path):
    import hashlib

    layer = photo_layer
    add_classes(dock)
    click(dock.label.start_button)
    label_with_keys(dock, layer, 12)  # 10 forest, 2 street
    sources = {str(f["photo"]): hashlib.sha256(Path(str(f["photo"])).read_bytes()).hexdigest()
               for f in layer.getFeatures()}
    dock.label.export_to(str(tmp_path / "dataset"))
    wait_for(lambda: dock.label.export_chain.state is not None, 120, "the export")
    settle()
    assert sorted(p.name for p in (tmp_path / "dataset").iterdir()) == ["forest", "street"]
    assert len(list((tmp_path / "dataset" / "forest").iterdir())) == 10
    assert len(list((tmp_path / "dataset" / "street").iterdir())) == 2
    assert "12 photos copied into 2 class folders" in dock.status.text()
    assert {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in sources} == sources  # originals untouched


def test_suggest_names_with_a_converted_clip_model(dock, photo_layer, tmp_path):
    """The CLIP engine of the plugin on a tiny random-weight model (converted here, nothing
    downloaded): the panel's ranking equals the engine's on the motif's most typical photos,
    and a double-click names the motif."""
    from osgeo import gdal  # noqa: F401 - torch and transformers must import beside QGIS's GDAL

    from photo_motifs.models.clip import convert_clip
    from photo_motifs.models.zeroshot_model import suggest_motif_names
    from photo_motifs.tests import clip_helpers as h

    box = dock.motifs.names_box
    box.setCollapsed(False)
    box.folder.setFilePath(str(tmp_path / "nothing"))
    select_items(dock, "C1")
    assert not box.button.isEnabled()  # no converted CLIP folder chosen
    src, _model = h.hf_clip_folder(tmp_path / "clip_src", h.learn_bpe())
    folder = convert_clip(src, tmp_path / "clip").folder
    box.folder.setFilePath(str(folder))
    box.words.setPlainText("church, forest, river at night\ngraffiti: street art on a wall; a wall with graffiti")
    settle()
    click(box.button)
    wait_for(lambda: not box.running and box.suggestions.count(), 300, "the name suggestions")
    shown = [box.suggestions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.suggestions.count())]
    paths = dock.motifs.typical_paths("C1", 32)
    assert len(paths) == PER_CLASS
    expected = suggest_motif_names({"C1": paths}, folder, ["church", "forest", "river at night",
                                                          "graffiti: street art on a wall; a wall with graffiti"])
    assert shown == [s.word for s in expected["C1"]] and len(shown) == 4
    box.suggestions.itemDoubleClicked.emit(box.suggestions.item(0))
    settle()
    assert f"{shown[0]} (10)" in legend(photo_layer)


def test_cancel_training_leaves_the_layer_as_it_was(dock, photo_layer):
    layer = photo_layer
    add_classes(dock)
    dock.label.order.setCurrentIndex(2)
    click(dock.label.start_button)
    label_with_keys(dock, layer, 12)
    commands = layer.undoStack().count()
    # cancel at once (the embeddings may be cached: training can take well under a second)
    QTest.mouseClick(dock.training.train_button, Qt.MouseButton.LeftButton)
    assert dock.training.cancel_button.isEnabled() and dock.training.progress.isVisible()
    QTest.mouseClick(dock.training.cancel_button, Qt.MouseButton.LeftButton)
    wait_for(lambda: not dock.training.trainer.running, 300, "the cancelled training")
    settle()
    assert dock.training.trainer.chain.state == "cancelled", dock.training.result.text()
    assert "ancel" in dock.training.result.text() and layer.fields().lookupField("class") < 0
    assert layer.undoStack().count() == commands  # no predictions were written
    assert dock.training.train_button.isEnabled() and not dock.training.cancel_button.isEnabled()


def test_menu_opens_the_panel_on_the_active_photo_layer_and_unload_removes_it(qgis_iface, qgis_processing,
                                                                              photo_layer, monkeypatch):
    removed = []  # pytest-qgis's interface has no remove* methods: record what unload removes
    monkeypatch.setattr(qgis_iface, "removePluginMenu", lambda _menu, a: removed.append(a), raising=False)
    monkeypatch.setattr(qgis_iface, "removeDockWidget", lambda d: removed.append(d), raising=False)
    from photo_motifs.plugin.curation_dock import _DOCKS
    from photo_motifs.plugin.main import PhotoMotifsPlugin

    qgis_iface.setActiveLayer(photo_layer)
    plugin = PhotoMotifsPlugin(qgis_iface)
    plugin.initGui()
    try:
        action = next(a for a in plugin.menu.actions() if a.text() == "Motifs, labels and review")
        action.trigger()
        panel = _DOCKS[id(qgis_iface)]
        assert not panel.isHidden() and panel.layer is photo_layer and panel.motifs.list.topLevelItemCount() == 3
    finally:
        plugin.unload()
    assert panel in removed and id(qgis_iface) not in _DOCKS and action in removed
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
