"""The photo style as a user meets it on the map: a selected photo stays visible over every motif
colour, a motif edited to a new value stays on the map, tiny motifs are named in the legend.
Rendered with QGIS's map renderer and measured in pixels."""
from qgis.core import QgsFeature, QgsGeometry, QgsMapSettings, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def points(values, tiny=()):
    layer = QgsVectorLayer("Point?crs=EPSG:3857&field=cluster:string&field=cluster_tiny:boolean", "p", "memory")
    features = []
    for i, value in enumerate(values):
        f = QgsFeature(layer.fields())
        f.setAttributes([value, value in tiny])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(i * 100.0, 0.0)))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def render(layer, width=400):
    from qgis.core import QgsMapRendererSequentialJob

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(width, 100))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor("white"))
    settings.setSelectionColor(QColor(255, 255, 0))  # QGIS's default selection yellow
    settings.setExtent(QgsRectangle(-100, -50, width - 100, 50))  # one map unit per pixel: x px = x + 100
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def dark_pixels(image, x0, x1):
    return sum(1 for x in range(x0, x1) for y in range(image.height())
               if QColor(image.pixel(x, y)).value() < 60)


def test_a_selected_photo_is_ringed_whatever_its_colour(qgis_app):
    from photo_motifs.processing.styling import apply_photo_style

    # C4 is the palette's yellow (#F0E442), the selection colour's twin
    layer = points(["C1"] * 5 + ["C2"] * 4 + ["C3"] * 3 + ["C4"] * 2)
    apply_photo_style(layer, "cluster")
    yellow = next(c for c in layer.renderer().categories() if c.value() == "C4")
    assert yellow.symbol().color().name().upper() == "#F0E442"
    c4 = [f.id() for f in layer.getFeatures() if f["cluster"] == "C4"]
    plain = render(layer, 1500)
    layer.selectByIds(c4)
    ringed = render(layer, 1500)
    # the C4 photos sit at map x = 1200 and 1300, pixels 1300 and 1400; the other photos unchanged
    assert dark_pixels(ringed, 1280, 1420) > dark_pixels(plain, 1280, 1420) + 20
    assert dark_pixels(ringed, 80, 1220) == dark_pixels(plain, 80, 1220)


def test_a_motif_edited_to_a_new_value_stays_on_the_map(qgis_app):
    from photo_motifs.processing.styling import apply_photo_style

    layer = points(["C1", "C1", "C2"])
    apply_photo_style(layer, "cluster")
    fid = next(f.id() for f in layer.getFeatures() if f["cluster"] == "C2")
    layer.dataProvider().changeAttributeValues({fid: {0: "harbour"}})  # a name the style never saw
    image = render(layer, 400)
    # the edited photo at map x = 200 -> pixel 300: still drawn (grey), not vanished
    assert any(QColor(image.pixel(x, y)).name() != "#ffffff" for x in range(290, 311) for y in range(40, 61))
    labels = [c.label() for c in layer.renderer().categories()]
    assert labels[-1] == "all other values"


def test_tiny_motifs_are_named_in_the_legend(qgis_app):
    from photo_motifs.processing.styling import apply_photo_style

    layer = points(["C1"] * 6 + ["C2"] * 5 + ["C3"], tiny={"C3"})
    apply_photo_style(layer, "cluster")
    labels = {c.value(): c.label() for c in layer.renderer().categories()}
    assert labels["C3"] == "C3 (1) — tiny: probably not a motif"
    assert labels["C1"] == "C1 (6)"


def legend_image(layer):
    """The layer's legend as a print layout draws it (QGIS's exporter, 96 dpi)."""
    from qgis.core import QgsLayoutExporter, QgsLayoutItemLegend, QgsPrintLayout, QgsProject

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    root.addLayer(layer)
    legend.adjustBoxSize()
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 96
    return QgsLayoutExporter(layout).renderPageToImage(0, QSize(), settings.dpi)


def test_legend_symbols_have_no_selection_ring(qgis_app):
    """The ring is for selected photos on the map; a legend (print layout, Layers panel) has no
    feature to be selected, so its symbols are the plain markers: the same legend as the style
    with the ring layers taken out."""
    from qgis.core import QgsProject, QgsSymbolLayer

    from photo_motifs.processing.styling import apply_photo_style

    layer = points(["C1"] * 3 + ["C2"] * 2)
    apply_photo_style(layer, "cluster")
    plain = points(["C1"] * 3 + ["C2"] * 2)
    renderer = layer.renderer().clone()
    for index, category in enumerate(renderer.categories()):
        symbol = category.symbol().clone()
        for i in reversed(range(symbol.symbolLayerCount())):
            enabled = symbol.symbolLayer(i).dataDefinedProperties().property(QgsSymbolLayer.PropertyLayerEnabled)
            if enabled.isActive() and "is_selected" in enabled.expressionString():
                symbol.deleteSymbolLayer(i)
        renderer.updateCategorySymbol(index, symbol)
    plain.setRenderer(renderer)
    QgsProject.instance().addMapLayers([layer, plain])
    try:
        styled, reference = legend_image(layer), legend_image(plain)
        assert styled.size() == reference.size()
        differing = sum(1 for x in range(0, styled.width(), 2) for y in range(0, styled.height(), 2)
                        if styled.pixel(x, y) != reference.pixel(x, y))
        assert differing == 0, differing
        assert dark_pixels(styled, 0, 60) > 0  # the legend was drawn (its labels)
    finally:
        QgsProject.instance().removeMapLayers([layer.id(), plain.id()])
