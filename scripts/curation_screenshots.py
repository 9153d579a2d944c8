"""Render the README's pictures of the Motifs panel (run through scripts/curation_screenshots.sh).

Real QGIS (offscreen), real algorithms, real photos: 72 scene photos (12 per class of the shared
Intel scenes) are clustered by photomotifs:cluster; in the panel the motifs are named after what
their photos show (the photos' folders stand in for the user's eyes), two are merged, one is
marked 'not a motif' -> docs/curation_panel.png. Then 30 photos are labelled with the keys, a
model is trained from the labels and the review steps through its least sure predictions ->
docs/review_mode.png. Usage: curation_screenshots.py LABELLED_FOLDER OUT_DIR WORK_DIR
"""
import faulthandler
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/usr/share/qgis/python/plugins")

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEventLoop, QTimer, QVariant
from qgis.PyQt.QtGui import QFont

faulthandler.enable()
PER_CLASS = 12


def wait_for(predicate, seconds=600):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()


def pause(seconds=0.5):
    deadline = time.monotonic() + seconds
    wait_for(lambda: time.monotonic() > deadline)


def grab(widget, path):
    widget.repaint()
    image = widget.grab().toImage()
    image.save(str(path), "PNG")
    print(f"{path} {image.width()}x{image.height()} {path.stat().st_size // 1024} KB")


def grab_with_map(dock, layer, path):
    """The panel with QGIS's map canvas and layer tree (the legend) to its left, as a user sees them."""
    from qgis.core import QgsLayerTree, QgsLayerTreeModel
    from qgis.gui import QgsLayerTreeView, QgsMapCanvas
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

    side = QWidget()
    canvas = QgsMapCanvas(side)
    canvas.setCanvasColor(QColor("#f4f1ea"))
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    extent = layer.extent()
    extent.scale(1.1)
    root = QgsLayerTree()
    root.addLayer(layer)
    model = QgsLayerTreeModel(root)
    model.setFlag(QgsLayerTreeModel.Flag.ShowLegend, True)
    view = QgsLayerTreeView(side)
    view.setModel(model)
    view.expandAll()
    box = QVBoxLayout(side)
    box.addWidget(canvas, 3)
    box.addWidget(view, 2)
    dock.repaint()
    panel = dock.grab().toImage()
    side.resize(430, panel.height())
    side.show()
    canvas.setExtent(extent)
    canvas.refresh()
    wait_for(lambda: not canvas.isDrawing(), 60)
    pause(1.0)
    left = side.grab().toImage()
    out = QImage(left.width() + panel.width(), panel.height(), QImage.Format.Format_ARGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, left)
    painter.drawImage(left.width(), 0, panel)
    painter.end()
    out.save(str(path), "PNG")
    print(f"{path} {out.width()}x{out.height()} {path.stat().st_size // 1024} KB")
    side.deleteLater()


def photo_layer(folder: Path, work: Path) -> str:
    """The scene photos as a photo layer (positions synthetic: one street per class)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField("photo", QVariant.String)])
    layer.updateFields()
    feats = []
    for c, scene in enumerate(sorted(p for p in folder.iterdir() if p.is_dir())):
        for k, path in enumerate(sorted(scene.iterdir())[:PER_CLASS]):
            f = QgsFeature(layer.fields())
            f.setAttributes([str(path)])
            # six neighbourhoods (3 x 2) of a town, a scene's photos scattered around its own
            x = 26.70 + 0.012 * (c % 3) + 0.004 * math.cos(2.4 * k) * (1 + k % 3) / 3
            y = 58.38 + 0.008 * (c // 3) + 0.0025 * math.sin(2.4 * k) * (1 + k % 3) / 3
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feats.append(f)
    layer.dataProvider().addFeatures(feats)
    path = str(work / "photos.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, layer.transformContext(), opts)
    return path


def truth(layer, fid):
    return Path(str(layer.getFeature(fid)["photo"])).parent.name


def name_motifs(dock, layer):
    """What a user does on first sight: name each motif after what most of its photos show."""
    editor = dock.motifs.editor
    by_motif = {}
    for fid, motif in editor.values().items():
        by_motif.setdefault(motif, Counter())[truth(layer, fid)] += 1
    used = set()
    for motif, scenes in sorted(by_motif.items(), key=lambda kv: -sum(kv[1].values())):
        name = scenes.most_common(1)[0][0]
        name = name if name not in used else f"{name} 2"
        used.add(name)
        dock.motifs.rename(motif, name)
        pause(0.1)
    return used


def main(folder, out, work):
    folder, out, work = Path(folder), Path(out), Path(work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
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
    import processing

    motifs = str(work / "motifs.gpkg")
    processing.run("photomotifs:cluster", {"INPUT": photo_layer(folder, work), "CACHE": str(work / "cache.sqlite"),
                                           "CUT": 1, "K": 7, "OUTPUT": motifs, "SHEETS": str(work / "motifs_sheets")})
    layer = QgsVectorLayer(motifs, "Photo motifs", "ogr")
    QgsProject.instance().addMapLayer(layer)

    from photo_motifs.plugin.curation_dock import CurationDock
    from photo_motifs.plugin.photodock import LARGE, SMALL

    dock = CurationDock(None)
    dock.layer_combo.setLayer(layer)
    dock.resize(470, 980)
    dock.show()
    names = name_motifs(dock, layer)
    doubles = sorted(n for n in names if n.endswith(" 2"))
    if doubles:  # the motif found twice: merged back into one
        base = doubles[0][:-2]
        dock.motifs.list.clearSelection()
        for i in range(dock.motifs.list.topLevelItemCount()):
            item = dock.motifs.list.topLevelItem(i)
            item.setSelected(item.text(0) in (base, doubles[0]))
        dock.motifs.merge_selected()
        pause(0.2)
    items = {dock.motifs.list.topLevelItem(i).text(0): dock.motifs.list.topLevelItem(i)
             for i in range(dock.motifs.list.topLevelItemCount())}
    if "forest" in items:
        items["forest"].setText(2, "trees and parks")  # a note, typed in place
    dock.motifs.list.clearSelection()
    counts = dock.motifs.editor.counts()
    smallest = min((m for m in counts if m is not None), key=lambda m: counts[m])
    items[smallest].setSelected(True)
    dock.motifs.exclude_selected()  # its few photos are no motif of their own
    paths = [dock.motifs.list.topLevelItem(i).data(0, 257) for i in range(dock.motifs.list.topLevelItemCount())]
    wait_for(lambda: all(not p or (p, SMALL) in dock.loader.memory for p in paths), 120)
    dock.motifs.refresh()
    dock.motifs.list.topLevelItem(0).setSelected(True)
    layer.selectByIds(sorted(layer.allFeatureIds())[:3])
    pause()
    grab_with_map(dock, layer, out / "curation_panel.png")

    # Label 30 photos with the keys, train, review the least sure predictions
    layer.removeSelection()
    dock.tabs.setCurrentWidget(dock.label)
    for scene in ("buildings", "forest", "glacier", "mountain", "sea", "street"):
        dock.label.new_class.setText(scene)
        dock.label.add_class()
    dock.label.order.setCurrentIndex(2)
    dock.label.start()
    classes = dock.label.classes
    for _ in range(48):
        fid = dock.label.stepper.current_fid
        dock.label.on_key(classes.index(truth(layer, fid)) + 1)
    pause()
    dock.training.start()
    wait_for(lambda: not dock.training.trainer.running)
    dock.tabs.setCurrentWidget(dock.review)
    dock.review.start()
    stepper = dock.review.stepper
    for _ in range(3):  # the user's first answers: a correction, two confirmations
        fid = stepper.current_fid
        right = truth(layer, fid)
        predicted = dock.review.predicted(layer.getFeature(fid))
        dock.review.record(right if right != predicted else predicted)
    wait_for(lambda: (stepper.current_path, LARGE) in dock.loader.memory, 120)
    stepper.show_current()
    pause()
    grab(dock, out / "review_mode.png")
    layer.rollBack()
    dock.detach()
    dock.deleteLater()
    QgsProject.instance().clear()
    QgsApplication.processEvents()
    app.exitQgis()


if __name__ == "__main__":
    main(*sys.argv[1:4])
