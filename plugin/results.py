"""What the workflow dialog does with a finished run: the layer in its run's group, named after its
source, on the map; a plain-language summary above the log; Processing dialogs kept alive.

Separate from the dialog's widgets so each piece can be tested and reused (the motif browser
and the photo dock read the layer properties written here).
"""
from __future__ import annotations

import os

from qgis.core import QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.options import GRID_SHAPE_OPTIONS, values
from ..processing import alg_import_photos
from ..processing.alg_classify import ClassifyAlgorithm
from ..processing.alg_cluster import ClusterAlgorithm
from ..processing.alg_summarize import SummarizeAlgorithm
from .pages import set_setting
from .plan import TASK_MOTIFS

# what the dialog remembers of the last run (QgsSettings "last_<key>")
REMEMBERED = ("layer_path", "field", "sheets", "report", "run_folder", "summary")
RUN_PROPERTY = "photo_motifs/run"  # on a run's layer tree group: the run number
REPORT_PROPERTY = "photo_motifs/report"  # on a result layer: its training report (report.md)
SHEETS_PROPERTY = "photo_motifs/sheets"  # on a result layer: its contact sheets folder


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


def remember(result) -> dict:
    """Store the run's outputs as the dialog's 'last run' (the next session's buttons use them)."""
    last = {"layer_path": result.layer_path, "field": result.field, "sheets": result.sheets,
            "report": result.report, "run_folder": result.run_folder, "summary": ""}
    for key, value in last.items():
        set_setting("last_" + key, value)
    return last


def nothing_produced(result, outputs) -> str | None:
    """A sentence when a run that 'succeeded' produced nothing to map (a failure, never a green Done)."""
    if result.kind == TASK_MOTIFS:
        if not outputs.get(ClusterAlgorithm.K):
            return tr("No motif was found: no photo could be read. Nothing was added to the project.")
        return None
    if not outputs.get(ClassifyAlgorithm.CLASSIFIED):
        return tr("No photo was classified ({} could not be read). Nothing was added to the project; "
                  "the notes are in {}.").format(int(outputs.get(ClassifyAlgorithm.FAILED) or 0), result.layer_path)
    return None


def run_group(result):
    """The layer tree group of a run (made at the top of the Layers panel), the newest expanded."""
    root = QgsProject.instance().layerTreeRoot()
    name = tr("Run {} — {}").format(result.run, result.source_name)
    group = None
    for child in root.children():
        if child.customProperty(RUN_PROPERTY) is not None:
            if child.customProperty(RUN_PROPERTY) == result.run_folder:
                group = child
            else:
                child.setExpanded(False)
    if group is None:
        group = root.insertGroup(0, name)
        group.setCustomProperty(RUN_PROPERTY, result.run_folder)
    group.setExpanded(True)
    return group


def add_to_run_group(layer, result):
    """Add the run's layer to the project inside its run's group, expanded, with its report and
    sheets as layer properties (the photo dock and the motif browser find them there)."""
    layer.setCustomProperty(REPORT_PROPERTY, result.report or "")
    layer.setCustomProperty(SHEETS_PROPERTY, result.sheets or "")
    QgsProject.instance().addMapLayer(layer, False)
    group = run_group(result)
    node = group.insertLayer(0, layer)
    node.setExpanded(True)
    return group


def plain_summary(result, results, layer) -> list:
    """The run in plain words, first line first: what was found, what is not on the map.

    Only the algorithms' own figures are used (no pass over the layer in the GUI thread)."""
    outputs = results.get("result", {})
    photos = results.get("photos", {})
    if result.kind == TASK_MOTIFS:
        C = ClusterAlgorithm
        unread = int(outputs.get(C.NOT_CLUSTERED) or 0)
        read = int(photos.get(alg_import_photos.IMPORTED) or layer.featureCount()) - unread
        lines = [tr("Done: {} motifs among {} photos in “{}”.").format(outputs.get(C.K), read, layer.name())]
        tiny = int(outputs.get(C.TINY) or 0)
        if tiny:
            lines.append(tr("{} of them hold fewer than {} photos and are probably not motifs (marked “tiny” in "
                            "the legend): look at them in the motif browser, or run again with fewer "
                            "motifs.").format(tiny, int(outputs.get(C.TINY_LIMIT) or 0)))
    else:
        unread = int(outputs.get(ClassifyAlgorithm.FAILED) or 0)
        lines = [tr("Done: {} photos classified in “{}”.").format(outputs.get(ClassifyAlgorithm.CLASSIFIED),
                                                                  layer.name())]
    if photos:
        imported = int(photos.get(alg_import_photos.IMPORTED) or 0)
        located = int(photos.get(alg_import_photos.LOCATED) or 0)
        if imported > located:
            lines.append(tr("{} of {} photos have no location: they are in the layer (attribute table, photo "
                            "viewer, exports) but not on the map.").format(imported - located, imported))
    if unread:
        lines.append(tr("{} photos could not be read: grey crosses on the map, the reason in the note "
                        "field.").format(unread))
    return lines


def put_summary_first(log, lines) -> None:
    """The log opens with the plain summary; the steps' own lines follow under 'Details'."""
    details = log.toPlainText()
    log.setPlainText("\n".join(lines) + "\n\n" + tr("Details") + "\n" + details)


def show_on_map(iface, layer) -> None:
    """Zoom to the layer's located photos with a margin, and switch QGIS's map tips on."""
    if iface is None:
        return
    action = getattr(iface, "actionMapTips", None)
    if callable(action) and action() is not None and not action().isChecked():
        action().trigger()  # QGIS's own toggle: its button shows the state
    extent = layer.extent()
    if extent.isNull() or extent.isEmpty() and extent.width() == 0 and extent.height() == 0 and \
            layer.featureCount() == 0:
        return
    canvas = iface.mapCanvas()
    target = canvas.mapSettings().layerExtentToOutputExtent(layer, extent)
    if target.isNull() or not target.isFinite():
        return
    grown = QgsRectangle(target)
    pad = max(grown.width(), grown.height()) * 0.08 or 100.0
    grown.grow(pad)
    canvas.setExtent(grown)
    iface.setActiveLayer(layer)
    canvas.refresh()


def summary_name(parameters, layer_name) -> str:
    """'Motif summary — districts' or 'Motif summary — hexagons 500 m'."""
    S = SummarizeAlgorithm
    areas = parameters.get(S.AREAS)
    if areas:
        source = QgsProject.instance().mapLayer(str(areas))
        label = source.name() if source is not None else os.path.splitext(os.path.basename(str(areas)))[0]
        return tr("Motif summary — {}").format(label)
    squares = values(GRID_SHAPE_OPTIONS)[int(parameters.get(S.GRID_SHAPE) or 0)] == "square"
    shape = tr("squares") if squares else tr("hexagons")
    return tr("Motif summary — {} {} m").format(shape, f"{float(parameters.get(S.CELL_SIZE) or 500):g}")


def adopt_summary(output, last, parameters=None):
    """Move the summary layer Processing loaded into the run's group, named after its areas."""
    path = str(output).split("|")[0]
    project = QgsProject.instance()
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.source().split("|")[0] == path:
            layer.setName(summary_name(parameters or {}, layer.name()))
            root = project.layerTreeRoot()
            node = root.findLayer(layer.id())
            group = next((g for g in root.children() if g.customProperty(RUN_PROPERTY) == last.get("run_folder")),
                         None)
            if node is not None and group is not None and node.parent() is not group:
                clone = node.clone()
                group.insertChildNode(0, clone)
                node.parent().removeChildNode(node)
            return layer
    return None


class AlgorithmDialogs:
    """Processing dialogs opened from the workflow dialog, each kept alive (a Python reference)
    until it is closed after its run: a dialog whose reference is dropped runs nothing."""

    @staticmethod
    def open(owner, algorithm_id, parameters, finished=None):
        from processing import createAlgorithmDialog

        dialog = createAlgorithmDialog(algorithm_id, parameters)
        if dialog is None:
            return None
        kept = owner.algorithm_dialogs
        kept[:] = [d for d in kept if d.isVisible() or getattr(d, "photo_motifs_busy", False)]
        kept.append(dialog)
        dialog.photo_motifs_busy = False

        def started():
            dialog.photo_motifs_busy = True

        def done(ok, results):
            dialog.photo_motifs_busy = False
            if finished is not None:
                finished(ok, dict(results or {}), dialog.createProcessingParameters())

        dialog.runButton().clicked.connect(started)
        dialog.algorithmFinished.connect(done)
        dialog.show()
        dialog.raise_()
        return dialog
