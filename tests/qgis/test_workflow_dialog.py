"""The workflow dialog and the photo dock in real QGIS (offscreen): real widgets, real algorithms,
real photos from ../shared/data. Waits on the run's own state with a deadline, never on sleeps."""
import gc
import time

import pytest
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest


def wait_for(predicate, seconds=600.0, what="the run"):
    """Process Qt events (task signals, queued log lines) until ``predicate()`` or the deadline."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()


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
    from photo_motifs.plugin.viewer import _VIEWERS

    for dock in _DOCKS.values():
        dock.loader.wait()
        dock.deleteLater()
    for viewer in _VIEWERS.values():
        viewer.deleteLater()
    _DOCKS.clear()
    _VIEWERS.clear()
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

    click(dialog.source_folder)
    dialog.folder.setFilePath(str(geotagged_dir))
    assert "photo files found" in dialog.photo_status.text()
    click(dialog.task_motifs)
    click(dialog.run_button)
    assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    wait_for(lambda: dialog.chain.state is not None)
    assert dialog.chain.state == "succeeded", dialog.step_label.text() + "\n" + dialog.log.toPlainText()
    assert dialog.progress.value() == 100
    assert "photos imported" in dialog.photo_status.text() and dialog.invalid_button.isVisible()
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

    # the contact sheets open on the last run's folder, non-modal
    click(dialog.sheets_button)
    from photo_motifs.plugin.viewer import _VIEWERS

    viewer = next(v for v in _VIEWERS.values() if v.isVisible())
    assert not viewer.isModal() and viewer.list.item(0).text() == "overview.png"

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
    # an unreadable photo shows its sentence, not a crash
    unreadable = [f.id() for f in layer.getFeatures() if f["cluster"] is None or str(f["cluster"]) == "NULL"]
    layer.selectByIds(unreadable[:1])
    assert "unreadable photo" in dock.info.text()


def test_train_then_classify_branch(dialog, labeled_dir, geotagged_dir, tmp_path):
    intel = labeled_dir / "intel_scenes_dev"
    click(dialog.source_folder)
    dialog.folder.setFilePath(str(geotagged_dir))
    click(dialog.task_train)
    dialog.training.setFilePath(str(intel))
    dialog.method.setCurrentIndex(0)
    click(dialog.run_button)
    wait_for(lambda: dialog.chain.state is not None)
    assert dialog.chain.state == "succeeded", dialog.step_label.text() + "\n" + dialog.log.toPlainText()
    assert [s.algorithm_id for s in dialog.chain.steps] == [
        "photomotifs:importphotos", "photomotifs:train", "photomotifs:classify"]
    layer = dialog.result_layer
    classes = {c.value() for c in layer.renderer().categories()}
    assert classes & {"buildings", "forest", "glacier", "mountain", "sea", "street"}
    assert "(intel_scenes_dev)" in layer.name()
    assert dialog.report_button.isEnabled()


def test_cancel_halfway_is_cancelled_not_failed(dialog, qgis_iface, labeled_dir, tmp_path):
    """Cancel while the classifier trains on 300 photos: a cancelled run, no failure, no success."""
    click(dialog.source_folder)
    dialog.folder.setFilePath(str(labeled_dir.parent / "geotagged"))
    click(dialog.task_train)
    dialog.training.setFilePath(str(labeled_dir / "intel_scenes_dev"))
    dialog.cache.setFilePath(str(tmp_path / "fresh_cache.sqlite"))  # nothing cached: embedding takes a while
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
        assert texts[:3] == ["Photo Motifs: from photos to a map…", "Photo viewer", "Browse contact sheets…"]
        steps = next(a.menu() for a in plugin.menu.actions() if a.menu() is not None)
        # every algorithm, in workflow order, named as in the Processing toolbox
        from qgis.core import QgsApplication

        from photo_motifs.plugin.main import STEP_IDS

        registry = QgsApplication.processingRegistry()
        assert [a.text() for a in steps.actions()] == [
            registry.algorithmById(f"photomotifs:{i}").displayName() + "…" for i in STEP_IDS]
        assert len(STEP_IDS) == 11 and steps.actions()[0].text() == "Read photo folder (EXIF locations)…"
        dialog = plugin.open_workflow()
        assert dialog.isVisible() and not dialog.isModal() and plugin.open_workflow() is dialog
    finally:
        plugin.unload()
    assert len(removed) >= 4 and plugin.toolbar is None and plugin.workflow is None


def test_a_failure_shows_the_algorithms_sentence(dialog, qgis_iface, geotagged_dir, tmp_path):
    bogus = tmp_path / "model.onnx"
    bogus.write_text("not a model")
    click(dialog.source_folder)
    dialog.folder.setFilePath(str(geotagged_dir))
    click(dialog.task_classify)
    dialog.model.setFilePath(str(bogus))
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
    click(dialog.source_folder)
    dialog.folder.setFilePath(str(tmp_path / "does_not_exist"))
    click(dialog.run_button)
    assert dialog.chain is None
    assert dialog.step_label.text() == "Choose the folder that holds the photos."
