"""Screenshots of the CLIP algorithms in real QGIS desktop, run inside QGIS with ``--code`` by
``scripts/clip_screenshots.sh CLIP_FOLDER OUT_DIR`` (Xvfb, a temporary profile).

Writes ``zeroshot_dialog.png`` and ``search_dialog.png`` (the Processing dialogs as the toolbox
opens them, filled in) and ``search_selection.png`` (the map after 'Find photos by words or by a
photo' ran on a photo layer of the project: the photos found are selected, drawn in yellow), then
quits QGIS.
"""
import os
from pathlib import Path

from qgis.core import QgsApplication, QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

CLIP = os.environ["PHOTO_MOTIFS_CLIP_FOLDER"]
OUT = Path(os.environ["PHOTO_MOTIFS_SHOTS"])
PHOTOS = Path(os.environ["PHOTO_MOTIFS_SHARED_DATA"]) / "labeled" / "intel_scenes_dev"
CLASSES = "church\nriver at night\ngraffiti: street art on a wall; a wall with graffiti\nwinter park\nsea"


def photo_layer():
    from photo_motifs.processing.qgis_compat import FIELD_TYPES

    layer = QgsVectorLayer("Point?crs=EPSG:4326", "photos", "memory")
    layer.dataProvider().addAttributes([QgsField("photo", FIELD_TYPES["str"])])
    layer.updateFields()
    paths = sorted(str(p) for kind in ("sea", "forest", "street") for p in (PHOTOS / kind).iterdir())[:120]
    for i, path in enumerate(paths):
        f = QgsFeature(layer.fields())
        f.setAttributes([path])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(24.70 + (i % 12) * 0.01, 59.40 + (i // 12) * 0.006)))
        layer.dataProvider().addFeature(f)
    layer.updateExtents()
    QgsProject.instance().addMapLayer(layer)
    return layer


def dialogs():
    import processing

    window = iface.mainWindow()
    window.resize(1300, 860)
    layer = photo_layer()
    shots = {"zeroshot": {"INPUT": layer.id(), "MODEL": CLIP, "CLASSES": CLASSES, "OUTPUT": "TEMPORARY_OUTPUT"},
             "search": {"INPUT": layer.id(), "MODEL": CLIP, "QUERY": "waves breaking on a rocky shore", "N": 12,
                        "OUTPUT": "TEMPORARY_OUTPUT"}}
    for name, params in shots.items():
        dialog = processing.createAlgorithmDialog(f"photomotifs:{name}", params)
        dialog.resize(980, 760)
        dialog.show()
        QgsApplication.processEvents()
        dialog.grab().save(str(OUT / f"{name}_dialog.png"))
        dialog.close()
    processing.run("photomotifs:search", shots["search"])
    canvas = iface.mapCanvas()
    canvas.setExtent(layer.extent().buffered(0.01))
    canvas.refresh()
    QTimer.singleShot(2500, lambda: grab_map(canvas, layer))


def grab_map(canvas, layer):
    canvas.grab().save(str(OUT / "search_selection.png"))
    print(f"selected: {len(layer.selectedFeatureIds())}", flush=True)
    QTimer.singleShot(300, QgsApplication.instance().quit)


QTimer.singleShot(2500, dialogs)
