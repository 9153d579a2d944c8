"""Render a motif summary (and optionally its photo points) to a PNG with a caption.

Used for the README's picture of the sample (docs/sample_summary_grid.png). Run with QGIS's Python:
    python3 scripts/render_summary_png.py SUMMARY.gpkg PHOTOS.gpkg OUT.png "caption"
"""
import sys

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter


def main(summary, photos, out, caption, width=900, height=620):
    app = QgsApplication([], False)
    app.initQgis()
    grid = QgsVectorLayer(summary, "summary", "ogr")  # loads the stored default style
    layers = [grid]
    if photos:
        points = QgsVectorLayer(photos, "photos", "ogr")
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#222222", "size": "1.2",
                                               "outline_color": "#FFFFFF", "outline_width": "0.2"})
        points.setRenderer(QgsSingleSymbolRenderer(symbol))
        layers.insert(0, points)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(grid.crs())
    settings.setTransformContext(QgsCoordinateTransformContext())
    e = grid.extent()
    e.scale(1.08)
    settings.setExtent(QgsRectangle(e))
    settings.setOutputSize(QSize(width, height - 40))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    from qgis.PyQt.QtGui import QImage

    canvas = QImage(width, height, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.drawImage(0, 0, image)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    painter.drawText(10, height - 38, width - 20, 36, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                     caption)
    painter.end()
    if not canvas.save(out):
        sys.exit(f"could not write {out}")
    print(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "", sys.argv[3], sys.argv[4])
