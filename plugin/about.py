"""About dialog: what the plugin does, the offline/privacy promise, and setup status."""
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..__about__ import __version__
from ..core import deps


def status_html() -> str:
    rows = []
    for name, req in deps.PACKAGES.items():
        ok = name not in deps.missing()
        rows.append(f"<tr><td>{req}</td><td>{'installed' if ok else '<b>missing</b>'}</td></tr>")
    message = deps.missing_message()
    install = f"<p><b>To install what is missing:</b><br><code>{message}</code></p>" if message else ""
    try:
        from ..models.registry import list_backbones, model_cache_dir

        models = "".join(f"<li>{s.title} — {s.licence}; weights: {s.weights}</li>" for s in list_backbones())
        cache = str(model_cache_dir())
    except Exception as exc:  # registry needs numpy/onnx; say why it is unavailable
        models, cache = f"<li>unavailable: {exc}</li>", "-"
    return (
        f"<h2>Photo Motifs {__version__}</h2>"
        "<p>Maps of what people photograph: import geotagged photos, compute image embeddings, "
        "discover motifs by clustering, train and apply photo classifiers.</p>"
        "<p><b>Offline and private.</b> Everything runs on this computer. No photo, embedding or "
        "model is uploaded, no model hub or server is contacted, no network connection is made. "
        "Pretrained weights come from Python packages installed with the plugin.</p>"
        "<p>Your photos are only read: exports copy them, nothing is moved, renamed or deleted.</p>"
        f"<h3>Image models</h3><ul>{models}</ul><p>Converted models are kept in {cache}.</p>"
        f"<h3>Python packages</h3><table>{''.join(rows)}</table>{install}"
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
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
