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


def test_categorized_renderer_orders_clusters_and_greys_noise(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from photo_motifs.plugin.styling import categorized_renderer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=cluster:string", "m", "memory")
    feats = []
    for i, label in enumerate(["C10", "C2", "C1", "noise", "C2"]):
        f = QgsFeature(layer.fields())
        f.setAttributes([label])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(i, i)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    renderer = categorized_renderer(layer, "cluster")
    categories = renderer.categories()  # keep the copies alive while reading their symbols
    assert [c.value() for c in categories] == ["C1", "C2", "C10", "noise"]
    noise = categories[-1].symbol().color()
    assert (noise.red(), noise.green(), noise.blue()) == (150, 150, 150)
    assert categorized_renderer(layer, "missing") is None
