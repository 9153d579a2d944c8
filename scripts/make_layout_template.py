"""Write processing/templates/motif_map.qpt, the print layout of photomotifs:motifmap.

An A4 landscape page: title, the summary map with scale bar and north arrow, a legend, a panel of
the top motifs with their contact-sheet thumbnails, the privacy note and the photo attribution.
The algorithm fills the items by their ids (a text item it has nothing for is hidden, so
no placeholder is ever printed: the template's texts are empty); edit the layout in QGIS's layout designer and save
it over the .qpt, or change this script and run it with QGIS's Python:
    python3 scripts/make_layout_template.py
"""
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsLayout,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "processing", "templates", "motif_map.qpt")
MOTIF_SLOTS = 4


def place(item, x, y, w, h, item_id):
    item.setId(item_id)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    return item


def label(layout, text, x, y, w, h, item_id, size=8, bold=False, color="#222222"):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setFontColor(QColor(color))
    layout.addLayoutItem(item)
    return place(item, x, y, w, h, item_id)


def build(layout):
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)  # 297 x 210 mm
    label(layout, "Photo motifs", 10, 7, 190, 12, "title", size=18, bold=True)
    label(layout, "", 10, 18, 190, 6, "subtitle", size=9, color="#555555")

    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    place(map_item, 10, 26, 190, 160, "map")
    map_item.setExtent(QgsRectangle(0, 0, 19000, 16000))  # replaced by the summary's extent

    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(map_item)
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(7)
    scale.setTextFormat(text)
    scale.setHeight(2)
    layout.addLayoutItem(scale)
    place(scale, 10, 188, 60, 9, "scalebar")  # under the map frame: it never covers an area

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("arrows/NorthArrow_02.svg")
    layout.addLayoutItem(north)
    place(north, 186, 29, 11, 13, "north")

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Dominant motif")
    legend.setLinkedMap(map_item)
    legend.setColumnCount(1)
    for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.Group, 8, False),
                              (QgsLegendStyle.Subgroup, 8, False), (QgsLegendStyle.SymbolLabel, 7.5, False)):
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.setSymbolWidth(6)
    legend.setSymbolHeight(3.5)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    place(legend, 205, 26, 85, 62, "legend")

    label(layout, "Top motifs", 205, 90, 85, 8, "motifs_heading", size=9, bold=True)
    for k in range(MOTIF_SLOTS):
        col, row = k % 2, k // 2
        x, y = 205 + col * 43, 99 + row * 40
        pic = QgsLayoutItemPicture(layout)
        pic.setResizeMode(QgsLayoutItemPicture.Zoom)
        layout.addLayoutItem(pic)
        place(pic, x, y, 41, 29, f"motif_{k + 1}")
        swatch = QgsLayoutItemShape(layout)
        swatch.setShapeType(QgsLayoutItemShape.Rectangle)
        layout.addLayoutItem(swatch)
        place(swatch, x, y + 30, 3, 3, f"motif_{k + 1}_swatch")
        label(layout, "", x + 4, y + 29.2, 38, 9, f"motif_{k + 1}_label", size=6)

    label(layout, "", 205, 180, 85, 12, "privacy", size=6.5, color="#444444")
    label(layout, "", 80, 188, 120, 12, "attribution", size=6.5, color="#444444")
    label(layout, "Made with Photo Motifs for QGIS", 205, 194, 85, 6, "credit", size=6, color="#777777")


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = QgsLayout(project)
    layout.initializeDefaults()
    build(layout)
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    if not layout.saveAsTemplate(TARGET, QgsReadWriteContext()):
        sys.exit(f"could not write {TARGET}")
    print(os.path.normpath(TARGET))


if __name__ == "__main__":
    main()
