"""About dialog: what the plugin does, the offline/privacy promise, and setup status."""
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..__about__ import __version__
from ..core import deps
from ..processing.translation import tr


def status_html() -> str:
    rows = []
    for name, req in deps.PACKAGES.items():
        ok = name not in deps.missing()
        state = tr("installed") if ok else "<b>{}</b>".format(tr("missing"))
        rows.append(f"<tr><td>{req}</td><td>{state}</td></tr>")
    message = deps.missing_message()
    install = "<p><b>{}</b><br><code>{}</code></p>".format(tr("To install what is missing:"), message) \
        if message else ""
    try:
        from ..models.registry import list_backbones, model_cache_dir

        models = "".join(f"<li>{s.title} — {s.licence}; weights: {s.weights}</li>" for s in list_backbones())
        cache = str(model_cache_dir())
    except Exception as exc:  # registry needs numpy/onnx; say why it is unavailable
        models, cache = "<li>{}</li>".format(tr("unavailable: {}").format(exc)), "-"
    return (
        f"<h2>Photo Motifs {__version__}</h2>"
        + "<p>{}</p>".format(tr("Maps of what people photograph: import geotagged photos, compute image "
                                "embeddings, discover motifs by clustering, train and apply photo "
                                "classifiers."))
        + "<p><b>{}</b> {}</p>".format(
            tr("Offline and private."),
            tr("Everything runs on this computer. No photo, embedding or model is uploaded, no model "
               "hub or server is contacted, no network connection is made. Pretrained weights come "
               "from Python packages installed with the plugin."))
        + "<p>{}</p>".format(tr("Your photos are only read: exports copy them, nothing is moved, "
                                "renamed or deleted."))
        + "<h3>{}</h3><ul>{}</ul><p>{}</p>".format(
            tr("Image models"), models, tr("Converted models are kept in {}.").format(cache))
        + "<h3>{}</h3><table>{}</table>{}".format(tr("Python packages"), "".join(rows), install)
    )


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Photo Motifs")
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        browser = QTextBrowser(self)
        browser.setHtml(status_html())
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
