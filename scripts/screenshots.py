"""Render the README's screenshots (run through scripts/screenshots.sh).

Runs the workflow dialog for real on a folder of photos (import -> motifs), then grabs the dialog,
the photo dock on a selected photo, the map tip of that photo and a print layout of the styled
motif map (world map background from QGIS's resources, legend with counts) as PNGs.
Usage: screenshots.py PHOTO_FOLDER OUT_DIR WORK_DIR
"""
import faulthandler
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, "/usr/share/qgis/python/plugins")

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEventLoop, QSize, QTimer
from qgis.PyQt.QtGui import QColor, QFont, QImage

MAX_BYTES = 300_000
faulthandler.enable()


def wait_for(predicate, seconds=900):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()


def save(image: QImage, path: Path) -> None:
    """PNG under MAX_BYTES: scaled down a little until it fits."""
    scale = 1.0
    while True:
        img = image if scale == 1.0 else image.scaledToWidth(int(image.width() * scale), 1)
        img.save(str(path), "PNG")
        if path.stat().st_size <= MAX_BYTES or scale < 0.4:
            break
        scale *= 0.85
    print(f"{path} {img.width()}x{img.height()} {path.stat().st_size // 1024} KB")


def grab(widget, path):
    widget.repaint()
    save(widget.grab().toImage(), path)


def main(folder, out, work):
    out, work = Path(out), Path(work)
    out.mkdir(parents=True, exist_ok=True)
    app = QgsApplication([], True)
    app.initQgis()
    app.setFont(QFont("DejaVu Sans", 9))
    from processing.core.Processing import Processing

    Processing.initialize()
    from photo_motifs.core import deps

    deps.add_venv_to_path()
    from photo_motifs.processing.provider import PhotoMotifsProvider

    provider = PhotoMotifsProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    from qgis.core import QgsSettings

    from photo_motifs.plugin.photodock import LARGE, SMALL, PhotoDock
    from photo_motifs.plugin.workflow import WorkflowDialog

    QgsSettings().remove("photo_motifs/workflow")  # the pictures show a first run, not this profile's last
    dialog = WorkflowDialog(None)
    dialog.project_folder.setFilePath(str(work))
    dialog.photos.source_folder.setChecked(True)
    dialog.photos.folder.setFilePath(str(folder))
    dialog.task.task_motifs.setChecked(True)
    dialog.resize(760, 860)
    dialog.show()
    dialog.run_button.click()
    wait_for(lambda: dialog.chain.state is not None)
    if dialog.chain.state != "succeeded":
        raise SystemExit(dialog.step_label.text() + "\n" + dialog.log.toPlainText())
    grab(dialog, out / "workflow_dialog.png")

    layer = dialog.result_layer
    by_rank = sorted((f for f in layer.getFeatures() if f["cluster"] == "C1"), key=lambda f: f["cluster_rank"])
    dock = PhotoDock(None)
    dock.resize(430, 760)
    dock.set_layer(layer)
    dock.show()
    layer.selectByIds([by_rank[0].id()])
    wait_for(lambda: (dock.current_path, LARGE) in dock.loader.memory, 120)
    paths = [dock.strip.item(i).data(256 + 1) for i in range(min(4, dock.strip.count()))]
    wait_for(lambda: all((p, SMALL) in dock.loader.memory for p in paths), 120)
    dock._set_large(dock.loader.memory[(dock.current_path, LARGE)])
    grab(dock, out / "photo_dock.png")

    # the map tip of the same photo, as QGIS fills in its expressions
    from qgis.PyQt.QtWidgets import QTextBrowser

    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(by_rank[0])
    html = QgsExpression.replaceExpressionText(layer.mapTipTemplate(), context)
    tip = QTextBrowser()
    tip.setHtml(html)
    tip.resize(280, 300)
    tip.show()
    grab(tip, out / "map_tip.png")

    save_map(layer, out / "motif_map.png")
    browser = motif_browser(layer, out / "motif_browser.png")
    training_report(dialog, out / "training_report.png")
    district_map(dialog, work, out / "district_motif_map.png")
    dialog.close()
    for widget in (dock, tip, browser, dialog):
        widget.deleteLater()
    QgsProject.instance().clear()
    QgsApplication.processEvents()
    app.exitQgis()


def shared_data() -> Path:
    """``$PHOTO_MOTIFS_SHARED_DATA``, else ../shared/data beside the repository."""
    env = os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def motif_browser(layer, path):
    """Every photo of the largest motif, as the motif browser shows them."""
    from photo_motifs.plugin.viewer import MotifBrowser

    browser = MotifBrowser(None)
    browser.resize(980, 640)
    browser.set_layer(layer)
    browser.show()
    browser.request_visible()
    rows = list(browser.visible_rows())[:24]
    wait_for(lambda: all(browser.photos.item(r).data(256 + 2) for r in rows), 120)
    grab(browser, path)
    return browser


def training_report(dialog, path):
    """Train from the labelled scenes (then classify the same photos) and show the report in QGIS."""
    from photo_motifs.plugin.report_view import show_report

    labeled = shared_data()
    dialog.task.task_train.setChecked(True)
    dialog.task.training.setFilePath(str(labeled / "labeled" / "intel_scenes_dev"))
    dialog.run_button.click()
    wait_for(lambda: dialog.chain.state is not None)
    if dialog.chain.state != "succeeded":
        raise SystemExit(dialog.step_label.text())
    window = show_report(dialog.last["report"])
    window.resize(900, 820)
    window.browser.verticalScrollBar().setValue(0)
    QgsApplication.processEvents()
    grab(window, path)
    window.close()


def district_map(dialog, work, path):
    """The workshop's case: a Flickr-style table of 345 photos (synthetic positions, owners, dates)
    in four districts given as GeoJSON in WGS 84 -> motifs -> summary by district -> printed map."""
    import processing
    from photo_motifs.tests.synthetic_city import make_city, write_districts

    labeled = shared_data()
    city = Path(work) / "tartu_flickr"
    make_city(city, labeled / "labeled", 345, seed=21, gps=False, size=160)
    districts = write_districts(Path(work) / "districts.geojson")
    dialog.photos.source_table.setChecked(True)
    dialog.photos.table.setFilePath(str(city.parent / "tartu_flickr.csv"))
    dialog.photos.table_folder.setFilePath(str(city))
    dialog.task.task_motifs.setChecked(True)
    dialog.task.k.setValue(6)
    dialog.run_button.click()
    wait_for(lambda: dialog.chain.state is not None)
    if dialog.chain.state != "succeeded":
        raise SystemExit(dialog.step_label.text() + dialog.log.toPlainText())
    run = Path(dialog.last["run_folder"])
    summary = processing.run("photomotifs:summarize", {
        "INPUT": dialog.last["layer_path"], "AREAS": str(districts), "MIN_USERS": 5,
        "OUTPUT": str(run / "summary.gpkg")})["OUTPUT"]
    result = processing.run("photomotifs:motifmap", {
        "SUMMARY": summary, "SHEETS": dialog.last["sheets"], "TITLE": "Photo motifs of Tartu's districts",
        "ATTRIBUTION": "Photos: synthetic test photos with synthetic positions (made from Intel scene "
                       "classification images); districts: simplified, for illustration",
        "OUTPUT_PDF": str(run / "motif_map.pdf"), "OUTPUT_PNG": str(run / "motif_map.png")})
    save(QImage(result["OUTPUT_PNG"]), path)


def save_map(layer, path):
    """A print layout: the world map, the photo points styled by motif, the legend with counts."""
    project = QgsProject.instance()
    world = QgsVectorLayer(os.path.join(QgsApplication.pkgDataPath(), "resources", "data", "world_map.gpkg")
                           + "|layername=countries", "Countries", "ogr")
    if world.isValid():
        world.renderer().symbol().setColor(QColor("#f2efe9"))
        world.renderer().symbol().symbolLayer(0).setStrokeColor(QColor("#b0aaa0"))
        project.addMapLayer(world)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(297, 170, QgsUnitTypes.LayoutMillimeters))
    title = QgsLayoutItemLabel(layout)
    located = sum(1 for f in layer.getFeatures() if f.hasGeometry() and not f.geometry().isEmpty())
    title.setText("Motifs of {} photos ({} of them geotagged, on the map), found by Photo Motifs "
                  "(shared test photos)".format(layer.featureCount(), located))
    title.setFont(QFont("DejaVu Sans", 14))
    title.attemptMove(QgsLayoutPoint(6, 4, QgsUnitTypes.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(280, 10, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(title)
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(6, 16, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(215, 148, QgsUnitTypes.LayoutMillimeters))
    item.setLayers([layer] + ([world] if world.isValid() else []))
    item.setCrs(layer.crs())
    extent = QgsRectangle(layer.extent())
    extent.grow(max(extent.width(), extent.height()) * 0.08 + 1.0)
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)
    # widen the extent to the frame's aspect ratio, so setExtent keeps the frame's size
    ratio = 215.0 / 148.0
    cx, cy = extent.center().x(), extent.center().y()
    w, h = extent.width(), extent.height()
    if w / h < ratio:
        w = h * ratio
    else:
        h = w / ratio
    extent = QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    item.setExtent(extent)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Motif (photos)")
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()  # the photo layer alone (it sits in its run's group)
    root.removeAllChildren()
    root.addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(226, 16, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(legend)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    settings.imageSize = QSize()
    settings.generateWorldFile = False
    settings.exportMetadata = False
    if hasattr(settings, "appendGeoreference"):
        settings.appendGeoreference = False
    tmp = path.with_suffix(".tmp.png")
    result = QgsLayoutExporter(layout).exportToImage(str(tmp), settings)
    if result != QgsLayoutExporter.Success:
        raise SystemExit(f"layout export failed: {result}")
    save(QImage(str(tmp)), path)
    tmp.unlink()


if __name__ == "__main__":
    main(*sys.argv[1:4])
