"""The workflow dialog and the photo dock in real QGIS (offscreen): real widgets, real algorithms,
real photos from ../shared/data. Waits on the run's own state with a deadline, never on sleeps."""
import gc
import os

import pytest
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl
from qgis.PyQt.QtTest import QTest

from .conftest import wait_for


@pytest.fixture
def dialog(qgis_iface, qgis_processing, qgis_new_project, tmp_path):
    from qgis.core import QgsSettings

    from photo_motifs.plugin.workflow import WorkflowDialog

    from .conftest import ensure_provider

    ensure_provider()
    QgsSettings().remove("photo_motifs/workflow")
    for messages in qgis_iface.messageBar().messages.values():
        messages.clear()
    dlg = WorkflowDialog(qgis_iface)
    dlg.project_folder.setFilePath(str(tmp_path / "project"))
    dlg.show()
    yield dlg
    if dlg.chain is not None and dlg.chain.running:
        dlg.chain.cancel()
        wait_for(lambda: not dlg.chain.running, 120, "the cancelled run to end")
    dlg.close()
    dlg.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="module", autouse=True)
def _delete_windows_before_qgis_exits():
    """Docks and viewers are kept per QGIS window: delete them (and finish their threads) while
    QGIS is still running, not during interpreter shutdown."""
    yield
    from photo_motifs.plugin.photodock import _DOCKS
    from photo_motifs.plugin.report_view import close_windows
    from photo_motifs.plugin.viewer import close_browsers

    for dock in _DOCKS.values():
        dock.loader.wait()
        dock.deleteLater()
    _DOCKS.clear()
    close_browsers()
    close_windows()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # dialogs, task chains and their Processing contexts go now, not after exitQgis


def click(widget):
    """A real mouse click near the left edge (a radio button reacts on its circle and text only)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(min(10, widget.width() // 2),
                                                                   widget.height() // 2))
    if hasattr(widget, "isCheckable") and widget.isCheckable() and widget.autoExclusive():
        assert widget.isChecked(), f"the click did not reach {widget.text()}"


def test_folder_to_styled_motif_map_through_the_dialog(dialog, qgis_iface, geotagged_dir, tmp_path):
    from photo_motifs.plugin.photodock import LARGE, show_photo_dock

    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(geotagged_dir))
    wait_for(lambda: "photo files found" in dialog.photos.photo_status.text(), 60, "the photos to be counted")
    click(dialog.task.task_motifs)
    click(dialog.run_button)
    assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    wait_for(lambda: dialog.chain.state is not None)
    assert dialog.chain.state == "succeeded", dialog.step_label.text() + "\n" + dialog.log.toPlainText()
    assert dialog.progress.value() == 100
    assert "photos imported" in dialog.photos.photo_status.text() and dialog.photos.invalid_button.isVisible()
    assert "— Discovering motifs —" in dialog.log.toPlainText()

    layer = dialog.result_layer
    assert layer.id() in QgsProject.instance().mapLayers()
    assert str(tmp_path / "project") in layer.source()  # the project folder, not a temporary file
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol"
    labels = [c.label() for c in renderer.categories()]
    assert labels[0].startswith("C1 (") and any(lbl.startswith("unreadable photos (") for lbl in labels)
    assert "<img" in layer.mapTipTemplate()
    assert layer.editorWidgetSetup(layer.fields().lookupField("photo")).type() == "ExternalResource"
    assert any("motifs" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    assert not qgis_iface.messageBar().get_messages(Qgis.Critical)
    # named after its source, in its run's group, the plain summary above the technical log
    k = dialog.chain.results["result"]["K"]
    assert layer.name() == f"Motifs — geotagged ({k})"
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    assert node.parent().name() == "Run 1 — geotagged" and node.parent().isExpanded()
    text = dialog.log.toPlainText()
    assert text.startswith(f"Done: {k} motifs among ") and "\nDetails\n" in text
    assert text.index("\nDetails\n") < text.index("— Discovering motifs —")
    # the map shows the photos (the canvas extent holds the layer's)
    canvas = qgis_iface.mapCanvas()
    shown = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
    assert canvas.extent().contains(shown)

    # the motif browser: every photo of a motif, a click selects it on the map
    browser = dialog.open_sheets()
    assert browser.isVisible() and not browser.isModal()
    c1_size = sum(1 for f in layer.getFeatures() if f["cluster"] == "C1")
    assert browser.motifs.item(0).text().startswith(f"C1 ({c1_size} photos")
    assert browser.photos.count() == c1_size  # every photo, not 36 of them
    first = browser.photos.item(0)
    rect = browser.photos.visualItemRect(first)
    QTest.mouseClick(browser.photos.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert layer.selectedFeatureIds() == [first.data(Qt.ItemDataRole.UserRole)]
    wait_for(lambda: not first.icon().isNull() and first.data(Qt.ItemDataRole.UserRole + 2), 60, "thumbnails")
    browser.motifs.setCurrentRow(1)
    assert browser.photos.count() == sum(1 for f in layer.getFeatures() if f["cluster"] == "C2")
    assert browser.sheet_button.isEnabled()  # the PNG sheet for reports is still written
    layer.removeSelection()

    # the dock follows the selection and the strip selects on the map
    qgis_iface.mainWindow().show()  # QGIS's window is visible, and the dock in it
    dock = show_photo_dock(qgis_iface, layer)
    assert dock.isVisible()
    c1 = [f.id() for f in layer.getFeatures() if f["cluster"] == "C1"]
    assert len(c1) >= 3
    layer.selectByIds([c1[0]])
    assert dock.current_fid == c1[0] and "C1" in dock.info.text()
    wait_for(lambda: (dock.current_path, LARGE) in dock.loader.memory, 60, "the photo")
    assert dock.photo.pixmap() is not None and not dock.photo.pixmap().isNull()
    assert dock.strip.count() == min(len(c1) - 1, 60)
    item = dock.strip.item(0)
    target = item.data(Qt.ItemDataRole.UserRole)
    rect = dock.strip.visualItemRect(item)
    QTest.mouseClick(dock.strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_for(lambda: layer.selectedFeatureIds() == [target], 10, "the strip click to select")
    assert dock.current_fid == target
    before = dock.current_fid
    if dock.next_button.isEnabled():
        click(dock.next_button)
        assert layer.selectedFeatureIds() != [before] and dock.current_fid != before
    layer.selectByIds(c1[:3])
    assert dock.position_label.text() == "1 of 3"
    click(dock.next_button)
    assert dock.current_fid == sorted(c1[:3])[1] and len(layer.selectedFeatureIds()) == 3
    assert dock.tips_hint.isVisible()  # this interface has no map tips button: the dock says how
    # an unreadable photo shows its sentence, not a crash
    unreadable = [f.id() for f in layer.getFeatures() if f["cluster"] is None or str(f["cluster"]) == "NULL"]
    layer.selectByIds(unreadable[:1])
    assert "unreadable photo" in dock.info.text()


def test_train_then_classify_branch(dialog, labeled_dir, geotagged_dir, tmp_path):
    intel = labeled_dir / "intel_scenes_dev"
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(geotagged_dir))
    click(dialog.task.task_train)
    dialog.task.training.setFilePath(str(intel))
    dialog.task.method.setCurrentIndex(0)
    click(dialog.run_button)
    wait_for(lambda: dialog.chain.state is not None)
    assert dialog.chain.state == "succeeded", dialog.step_label.text() + "\n" + dialog.log.toPlainText()
    assert [s.algorithm_id for s in dialog.chain.steps] == [
        "photomotifs:importphotos", "photomotifs:train", "photomotifs:classify"]
    layer = dialog.result_layer
    classes = {c.value() for c in layer.renderer().categories()}
    assert classes & {"buildings", "forest", "glacier", "mountain", "sea", "street"}
    assert "intel_scenes_dev" in layer.name()  # "Classes — intel_scenes_dev — geotagged"
    assert dialog.report_button.isEnabled()


def test_cancel_halfway_is_cancelled_not_failed(dialog, qgis_iface, labeled_dir, tmp_path):
    """Cancel while the classifier trains on 300 photos: a cancelled run, no failure, no success."""
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(labeled_dir.parent / "geotagged"))
    click(dialog.task.task_train)
    dialog.task.training.setFilePath(str(labeled_dir / "intel_scenes_dev"))
    dialog.embeddings.cache.setFilePath(str(tmp_path / "fresh_cache.sqlite"))  # nothing cached: embedding takes a while
    layers_before = set(QgsProject.instance().mapLayers())
    click(dialog.run_button)
    wait_for(lambda: dialog.chain.state is not None or dialog.chain._index >= 1, 300, "the training step")
    wait_for(lambda: dialog.chain.state is not None or dialog.progress.value() > 36, 300, "training progress")
    assert dialog.chain.state is None, "the run ended before it could be cancelled"
    click(dialog.cancel_button)
    wait_for(lambda: dialog.chain.state is not None, 120, "the cancellation")
    assert dialog.chain.state == "cancelled"
    text = dialog.step_label.text()
    assert text.startswith("Cancelled") and "failed" not in text.lower()
    assert "Reading the photos' locations" in text  # says what finished before
    bar = qgis_iface.messageBar()
    assert not bar.get_messages(Qgis.Critical) and not bar.get_messages(Qgis.Success)
    assert any("Cancelled" in m for m in bar.get_messages(Qgis.Info))
    assert set(QgsProject.instance().mapLayers()) == layers_before
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_toolbar_is_one_button_with_a_menu(qgis_iface, qgis_processing, monkeypatch):
    from qgis.PyQt.QtWidgets import QToolButton

    removed = []  # pytest-qgis's interface has no remove* methods: record what unload removes
    monkeypatch.setattr(qgis_iface, "removePluginMenu", lambda _menu, a: removed.append(a), raising=False)
    monkeypatch.setattr(qgis_iface, "removeDockWidget", lambda d: removed.append(d), raising=False)

    from photo_motifs.plugin.main import PhotoMotifsPlugin

    plugin = PhotoMotifsPlugin(qgis_iface)
    plugin.initGui()
    try:
        buttons = plugin.toolbar.findChildren(QToolButton)
        assert len(plugin.toolbar.actions()) == 1 and plugin.main_button in buttons
        texts = [a.text() for a in plugin.menu.actions()]
        assert texts[:3] == ["Photo Motifs: from photos to a map…", "Photo viewer", "Browse motifs…"]
        steps = next(a.menu() for a in plugin.menu.actions() if a.menu() is not None)
        # every algorithm, in workflow order, named as in the Processing toolbox
        from qgis.core import QgsApplication

        from photo_motifs.plugin.main import STEP_IDS

        registry = QgsApplication.processingRegistry()
        assert [a.text() for a in steps.actions()] == [
            registry.algorithmById(f"photomotifs:{i}").displayName() + "…" for i in STEP_IDS]
        from qgis.core import QgsProcessingModelAlgorithm

        ours = {a.name() for a in registry.providerById("photomotifs").algorithms()
                if not isinstance(a, QgsProcessingModelAlgorithm)}  # every algorithm, not the shipped models
        assert set(STEP_IDS) == ours and steps.actions()[0].text() == "Read photo folder (EXIF locations)…"
        dialog = plugin.open_workflow()
        assert dialog.isVisible() and not dialog.isModal() and plugin.open_workflow() is dialog
    finally:
        plugin.unload()
    assert len(removed) >= 4 and plugin.toolbar is None and plugin.workflow is None


def test_a_failure_shows_the_algorithms_sentence(dialog, qgis_iface, geotagged_dir, tmp_path):
    bogus = tmp_path / "model.onnx"
    bogus.write_text("not a model")
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(geotagged_dir))
    click(dialog.task.task_classify)
    dialog.task.model.setFilePath(str(bogus))
    click(dialog.run_button)
    wait_for(lambda: dialog.chain.state is not None, 300)
    assert dialog.chain.state == "failed", dialog.log.toPlainText()
    text = dialog.step_label.text()
    assert text.startswith("“Classifying the photos” failed: ") and len(text) > 40, text
    assert "Traceback" not in text
    critical = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert critical and text in critical[-1]
    assert dialog.result_layer is None and dialog.run_button.isEnabled()


def test_missing_choices_are_said_before_anything_runs(dialog, tmp_path):
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(tmp_path / "does_not_exist"))
    click(dialog.run_button)
    assert dialog.chain is None
    assert dialog.step_label.text() == "Choose the folder that holds the photos."


# --- a city of synthetic photos with owners and dates (positions synthetic) --------------------------

@pytest.fixture(scope="module")
def tartu(labeled_dir, tmp_path_factory):
    """120 small photos with EXIF GPS in four districts, their Flickr-style table, the districts."""
    from ..synthetic_city import make_city, write_districts

    root = tmp_path_factory.mktemp("tartu")
    make_city(root / "tartu_flickr", labeled_dir, 120, seed=5, gps=True)
    write_districts(root / "districts.geojson")
    return root


@pytest.fixture(scope="module")
def no_gps(labeled_dir, tmp_path_factory):
    """40 photos without any location (as Flickr's reduced sizes come), and their table."""
    from ..synthetic_city import make_city

    root = tmp_path_factory.mktemp("nogps")
    make_city(root / "unclassified", labeled_dir, 40, seed=6, gps=False)
    return root


def run_and_wait(dialog, seconds=600):
    click(dialog.run_button)
    wait_for(lambda: dialog.chain is not None and dialog.chain.state is not None, seconds)
    return dialog.chain.state


def test_photos_without_gps_are_grouped_and_the_table_is_offered(dialog, no_gps):
    """A folder without GPS is no failure: the photos are clustered, kept without a point, and
    the dialog offers the table import that would locate them."""
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(no_gps / "unclassified"))
    click(dialog.task.task_motifs)
    assert run_and_wait(dialog) == "succeeded", dialog.step_label.text() + dialog.log.toPlainText()
    layer = dialog.result_layer
    assert layer.featureCount() == 40
    assert not any(f.hasGeometry() and not f.geometry().isEmpty() for f in layer.getFeatures())
    assert all(f["cluster"] not in (None, "") and str(f["cluster"]) != "NULL" for f in layer.getFeatures())
    assert "40 of 40 photos have no location" in dialog.log.toPlainText()
    assert "None has a location" in dialog.photos.photo_status.text()
    assert dialog.photos.use_table_button.isVisible()
    click(dialog.photos.use_table_button)
    assert dialog.photos.source_table.isChecked()
    assert dialog.photos.table_folder.filePath() == str(no_gps / "unclassified")
    # the table (ids, coordinates) puts them on the map: counted and joined on choosing
    dialog.photos.table.setFilePath(str(no_gps / "unclassified.csv"))
    wait_for(lambda: "table rows" in dialog.photos.photo_status.text(), 60, "the table to be joined")
    assert dialog.photos.photo_status.text().startswith("40 table rows, 40 photo files: 40 rows joined")


def test_status_follows_the_source(dialog, no_gps, geotagged_dir):
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(geotagged_dir))
    wait_for(lambda: "photo files found" in dialog.photos.photo_status.text(), 60, "the count")
    click(dialog.photos.source_table)
    assert "photo files found" not in dialog.photos.photo_status.text()  # the folder's count is gone
    assert not dialog.photos.invalid_button.isVisible()


def test_training_on_photos_without_gps_then_classify(dialog, no_gps, labeled_dir):
    """Issue's false success: 'Train…, then classify' on photos without a location classified
    nothing and ended green. Now every photo is classified, and the report opens inside QGIS."""
    from qgis.PyQt.QtGui import QTextDocument

    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(no_gps / "unclassified"))
    click(dialog.task.task_train)
    dialog.task.training.setFilePath(str(labeled_dir / "intel_scenes_dev"))
    assert run_and_wait(dialog) == "succeeded", dialog.step_label.text()
    assert dialog.chain.results["result"]["CLASSIFIED"] == 40
    assert dialog.step_label.text().startswith("Done: 40 photos classified")
    from photo_motifs.plugin.photodock import show_photo_dock
    from photo_motifs.plugin.report_view import _WINDOWS

    dock = show_photo_dock(None, dialog.result_layer)
    assert dock.report_button.isVisibleTo(dock)  # the report is one click away in the dock too
    dialog.open_report()

    window = next(w for w in _WINDOWS.values() if w.isVisible())
    text = window.browser.toPlainText()
    assert "Evaluation report" in text and "Confusion matrix" in text
    image = window.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               QUrl("confusion_matrix.png"))
    assert image is not None and not image.isNull()  # the figure is shown, not a broken link


def test_a_run_that_classifies_nothing_is_a_failure(dialog, tmp_path, labeled_dir):
    broken = tmp_path / "broken"
    broken.mkdir()
    for i in range(3):
        (broken / f"photo{i}.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(broken))
    click(dialog.task.task_train)
    dialog.task.training.setFilePath(str(labeled_dir / "intel_scenes_dev"))
    state = run_and_wait(dialog)
    assert state == "failed" and dialog.result_layer is None
    assert "No photo was classified" in dialog.step_label.text() or "failed" in dialog.step_label.text()


def test_second_run_is_numbered_and_the_newest_group_expanded(dialog, tartu):
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(tartu / "tartu_flickr"))
    click(dialog.task.task_motifs)
    assert run_and_wait(dialog) == "succeeded"
    first = dialog.result_layer
    assert run_and_wait(dialog) == "succeeded"
    second = dialog.result_layer
    assert first.id() != second.id() and first.name() != second.name()
    assert second.name().endswith("· run 2")
    root = QgsProject.instance().layerTreeRoot()
    groups = [g for g in root.children() if g.customProperty("photo_motifs/run")]
    assert [g.name() for g in groups][:2] == ["Run 2 — tartu_flickr", "Run 1 — tartu_flickr"]
    assert groups[0].isExpanded() and not groups[1].isExpanded()
    assert "run_2_tartu_flickr" in second.source()


def test_summary_and_map_from_the_dialog_run_and_stay_in_the_run(dialog, tartu, qgis_iface, monkeypatch):
    """The dialog's buttons open QGIS's Processing dialogs that run (kept alive), write into the
    run's folder, and the map dialog comes with the run's summary and contact sheets."""
    from qgis.core import QgsVectorLayer
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    from photo_motifs.plugin.report_view import _WINDOWS

    districts = QgsVectorLayer(str(tartu / "districts.geojson"), "districts", "ogr")
    QgsProject.instance().addMapLayer(districts)
    click(dialog.photos.source_folder)
    dialog.photos.folder.setFilePath(str(tartu / "tartu_flickr"))
    click(dialog.task.task_motifs)
    assert run_and_wait(dialog) == "succeeded"
    run_folder = dialog.last["run_folder"]

    click(dialog.summarize_button)
    summarize = dialog.algorithm_dialogs[-1]
    params = summarize.createProcessingParameters()
    assert str(params["OUTPUT"].sink.staticValue()).startswith(run_folder)  # not a temporary file
    summarize.setParameters(dict(params, AREAS=districts.id(), MIN_USERS=1))
    done = {}
    summarize.algorithmFinished.connect(lambda ok, results: done.update(ok=ok))
    summarize.runAlgorithm()
    wait_for(lambda: "ok" in done, 120, "the summary")
    assert done["ok"] and dialog.map_button.isEnabled()
    layer = next(lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "Motif summary — districts")
    assert layer.source().startswith(run_folder) and layer.featureCount() == 4
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    assert node.parent().customProperty("photo_motifs/run") == run_folder

    click(dialog.map_button)
    motif_map = dialog.algorithm_dialogs[-1]
    params = motif_map.createProcessingParameters()
    assert params["SHEETS"] == dialog.last["sheets"] and params["OUTPUT_PDF"].startswith(run_folder)
    motif_map.runAlgorithm()
    wait_for(lambda: any(k[0] == "map" for k in _WINDOWS), 120, "the map")
    window = next(w for k, w in _WINDOWS.items() if k[0] == "map")
    assert window.isVisible() and os.path.isfile(window.pdf) and window.pdf.startswith(run_folder)
    assert not window.image.pixmap().isNull()
    for d in dialog.algorithm_dialogs:
        d.close()
