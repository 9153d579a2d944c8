"""Screenshot of the Temporal Controller animating a motif layer, run inside QGIS desktop with
``--code`` by ``scripts/time_slider_shot.sh RESULTS_FOLDER``.

Adds ``motifs.gpkg`` as a user would (``iface.addVectorLayer``: its time settings come from the
style stored in the GeoPackage), opens the Temporal Controller, animates month by month over the
layer's own time range, moves to the frame of June 2024 and saves ``docs/time_slider.png``. The
log line ``time slider: ...`` says how many photos the frame shows, to compare with the picture.
"""
import os

from qgis.core import (
    QgsApplication,
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsInterval,
    QgsProject,
    QgsTemporalNavigationObject,
    QgsTemporalUtils,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QTimer
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface

DOCS = os.path.join(os.environ.get("PHOTO_MOTIFS_REPO", os.getcwd()), "docs")
RESULTS = os.environ["PHOTO_MOTIFS_RESULTS"]


def shoot():
    try:
        _shoot()
    except Exception:
        import traceback

        traceback.print_exc()
        QgsApplication.instance().exit(1)


def _shoot():
    window = iface.mainWindow()
    window.resize(1400, 900)
    # the layer by name: a GeoPackage with its layer_styles table would open the sublayer dialog
    layer = iface.addVectorLayer(os.path.join(RESULTS, "motifs.gpkg") + "|layername=motifs", "motifs", "ogr")
    iface.mapCanvas().setExtent(layer.extent().buffered(layer.extent().width() * 0.08))
    action = window.findChild(QAction, "mActionTemporalController")
    if action is not None and not action.isChecked():
        action.trigger()
    nav = iface.mapCanvas().temporalController()
    span = QgsTemporalUtils.calculateTemporalRangeForProject(QgsProject.instance())
    start = QDateTime(QDate(span.begin().date().year(), span.begin().date().month(), 1), QTime(0, 0))
    nav.setTemporalExtents(QgsDateTimeRange(start, span.end()))
    nav.setNavigationMode(QgsTemporalNavigationObject.Animated)
    nav.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalMonths))
    june = QDateTime(QDate(2024, 6, 1), QTime(0, 0))
    frame = next(k for k in range(nav.totalFrameCount()) if nav.dateTimeRangeForFrameNumber(k).begin() >= june)
    nav.setCurrentFrameNumber(frame)
    shown = nav.dateTimeRangeForFrameNumber(frame)
    expression = layer.temporalProperties().createFilterString(QgsVectorLayerTemporalContext(), shown)
    n = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)))
    print(f"time slider: active={layer.temporalProperties().isActive()} range={span.begin().toString('yyyy-MM-dd')}"
          f"..{span.end().toString('yyyy-MM-dd')} frame={shown.begin().toString('yyyy-MM')} photos={n}", flush=True)
    QTimer.singleShot(1500, save)


def save():
    os.makedirs(DOCS, exist_ok=True)
    iface.mainWindow().grab().save(os.path.join(DOCS, "time_slider.png"))
    QTimer.singleShot(300, QgsApplication.instance().quit)


from qgis.core import QgsUnitTypes  # noqa: E402

QTimer.singleShot(2500, shoot)
