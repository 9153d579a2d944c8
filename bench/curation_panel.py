"""The Motifs panel on a large layer: seconds per action, from the click to the refilled list
and restyled layer (QGIS offscreen, real widgets, a real GeoPackage edit buffer).

Synthetic photo layer (N photos, 40 motifs of Zipf-like sizes, ranks; photo paths that do not
exist, so thumbnails fail fast and decoding is not measured). Prints one line per action:
open the panel, rename a motif, merge two, move 500 selected photos, split 200 off, undo,
redo, save (commit + names table + style), and label photos with a key.

    python -m photo_motifs.bench.curation_panel [N_PHOTOS]
"""
import os
import sys
import tempfile
import time


def main(n=20000):
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    from qgis.PyQt.QtCore import QCoreApplication, Qt, QVariant
    from qgis.PyQt.QtTest import QTest

    app = QgsApplication([], True)
    app.initQgis()
    from photo_motifs.core import deps

    deps.add_venv_to_path()
    import numpy as np

    rng = np.random.default_rng(0)
    sizes = np.maximum(1, (n / np.arange(1, 41) ** 0.9 / sum(1 / np.arange(1, 41) ** 0.9)).astype(int))
    motifs = np.repeat([f"C{k + 1}" for k in range(40)], sizes)[:n]
    mem = QgsVectorLayer("Point?crs=EPSG:4326", "m", "memory")
    mem.dataProvider().addAttributes([QgsField("photo", QVariant.String), QgsField("cluster", QVariant.String),
                                      QgsField("cluster_rank", QVariant.Int)])
    mem.updateFields()
    feats = []
    for i, m in enumerate(motifs):
        f = QgsFeature(mem.fields())
        f.setAttributes([f"/nonexistent/p{i}.jpg", str(m), i % 997 + 1])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(26 + rng.random(), 58 + rng.random())))
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "motifs.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(mem, path, mem.transformContext(), opts)
    from photo_motifs.processing.styling import apply_photo_style, store_style

    styled = QgsVectorLayer(path, "s", "ogr")
    apply_photo_style(styled, "cluster")
    store_style(styled)
    del styled
    layer = QgsVectorLayer(path, "motifs", "ogr")
    QgsProject.instance().addMapLayer(layer)
    from photo_motifs.plugin.curation_dock import CurationDock

    def timed(what, action):
        t0 = time.perf_counter()
        action()
        QCoreApplication.processEvents()
        dock._refresh_timer.stop()
        dock._refresh_after_change()
        print(f"{what:<42} {time.perf_counter() - t0:6.2f} s")

    t0 = time.perf_counter()
    dock = CurationDock(None)
    dock.layer_combo.setLayer(layer)
    print(f"{f'open the panel on {len(motifs):,} photos':<42} {time.perf_counter() - t0:6.2f} s")
    editor = dock.motifs.editor
    timed("rename C1 (the largest motif)", lambda: dock.motifs.rename("C1", "forest"))
    timed("merge C2 and C3", lambda: (editor.merge(["C2", "C3"], "C2"), dock.after_edit({"C2": ["C2", "C3"]})))
    fids = sorted(layer.allFeatureIds())
    layer.selectByIds(fids[5000:5500])
    dock.motifs.target.setCurrentText("forest")
    timed("move 500 selected photos", dock.motifs.move_selected_photos)
    layer.selectByIds(fids[9000:9200])
    dock.motifs.new_name.setText("bridges")
    timed("split 200 selected photos off", dock.motifs.split_selected_photos)
    timed("undo", layer.undoStack().undo)
    timed("redo", layer.undoStack().redo)
    timed("save (commit, names table, style)", lambda: (dock.save(), QCoreApplication.processEvents(),
                                                          dock.store_names()))
    dock.label.new_class.setText("forest")
    dock.label.add_class()
    dock.label.start()
    timed("first label (creates the label field)", lambda: QTest.keyClick(dock.label.stepper, Qt.Key.Key_1))
    timed("next label, key 1", lambda: QTest.keyClick(dock.label.stepper, Qt.Key.Key_1))
    dock.detach()
    dock.deleteLater()
    QgsProject.instance().clear()
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
