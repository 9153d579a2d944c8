"""GUI pieces in real Qt/QGIS (offscreen): about dialog, contact-sheet viewer, cluster styling."""
import sys

from PIL import Image


def test_about_dialog_says_offline_and_lists_models(qgis_app, monkeypatch):
    from photo_motifs.plugin.about import AboutDialog, status_html

    html = status_html()
    assert "no network connection is made" in html and "EfficientNet-Lite0" in html
    assert "missing" not in html
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    html = status_html()
    assert "<b>missing</b>" in html and "pip install 'onnxruntime'" in html
    dialog = AboutDialog()
    assert dialog.windowTitle() == "Photo Motifs"


def test_viewer_lists_overview_first(qgis_app, tmp_path):
    from photo_motifs.plugin.viewer import ContactSheetViewer

    for name in ("C2.png", "overview.png", "C1.png"):
        Image.new("RGB", (40, 30), "white").save(tmp_path / name)
    (tmp_path / "notes.txt").write_text("x")
    viewer = ContactSheetViewer(folder=str(tmp_path))
    items = [viewer.list.item(i).text() for i in range(viewer.list.count())]
    assert items == ["overview.png", "C1.png", "C2.png"]
    assert viewer.image.pixmap() is not None and viewer.image.pixmap().width() == 40


def _memory_layer(kind, labels):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"{kind}?crs=EPSG:4326&field=cluster:string&field=photo:string", "m", "memory")
    feats = []
    for i, label in enumerate(labels):
        f = QgsFeature(layer.fields())
        f.setAttributes([label, f"/photos/{i}.jpg"])
        point = QgsGeometry.fromPointXY(QgsPointXY(i, i))
        f.setGeometry(point if kind == "Point" else point.buffer(0.4, 4))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_category_renderer_palette_counts_noise_and_unreadable(qgis_app):
    from photo_motifs.core.palette import GREY_NOISE, GREY_UNREADABLE
    from photo_motifs.processing.styling import category_renderer

    layer = _memory_layer("Point", ["C10", "C2", "C1", "noise", "C2", None, "C1", "C1"])
    renderer = category_renderer(layer, "cluster")
    categories = renderer.categories()  # keep the copies alive while reading their symbols
    # the last category catches all other values (a motif edited to a new value stays visible)
    assert [c.value() for c in categories] == ["C1", "C2", "C10", "noise", "unreadable", ""]
    assert categories[5].label() == "all other values"
    assert [c.label() for c in categories][:3] == ["C1 (3)", "C2 (2)", "C10 (1)"]
    assert categories[3].symbol().color().name().upper() == GREY_NOISE
    assert categories[4].symbol().color().name().upper() == GREY_UNREADABLE
    assert categories[4].label() == "unreadable photos (1)"
    assert category_renderer(layer, "missing") is None
    # the photo without a cluster is drawn (as unreadable), not hidden
    from qgis.core import QgsRenderContext

    ctx = QgsRenderContext()
    renderer.startRender(ctx, layer.fields())
    drawn = []
    for f in layer.getFeatures():
        ctx.expressionContext().setFeature(f)
        drawn.append(renderer.willRenderFeature(f, ctx))
    renderer.stopRender(ctx)
    assert all(drawn)


def test_points_and_polygons_get_the_same_colours_for_the_same_counts(qgis_app):
    from photo_motifs.processing.styling import category_renderer

    labels = ["sea"] * 5 + ["street"] * 9 + ["forest"] * 5
    colours = []
    for kind in ("Point", "Polygon"):
        cats = category_renderer(_memory_layer(kind, labels), "cluster").categories()
        colours.append({c.value(): c.symbol().color().name() for c in cats if c.value()})  # not "all other"
    assert colours[0] == colours[1] and len(set(colours[0].values())) == 3


def test_classes_trained_from_clusters_look_different(qgis_app):
    from qgis.core import QgsFeature, QgsVectorLayer

    from photo_motifs.processing.styling import category_renderer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=class:string", "c", "memory")
    clusters = _memory_layer("Point", ["C1", "C1", "C2"])
    f = QgsFeature(layer.fields())
    for value in ["C1", "C1", "C2"]:
        f.setAttributes([value])
        layer.dataProvider().addFeature(f)
    a = {c.value(): c.symbol().color().name() for c in category_renderer(clusters, "cluster").categories()}
    b = {c.value(): c.symbol().color().name() for c in category_renderer(layer, "class").categories()}
    assert a["C1"] != b["C1"] and a["C2"] != b["C2"]
