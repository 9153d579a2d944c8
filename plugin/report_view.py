"""Windows inside QGIS for what a run writes: the training report (Markdown with its images,
shown as rich text) and the printed motif map (its PNG, with the PDF one click away).

Shown in QGIS rather than handed to the operating system: a raw ``report.md`` given to the
desktop opens nothing on many systems. Non-modal, one window per file.
"""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
)

_WINDOWS: dict = {}  # path -> window (kept alive while open; one per file)


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


class ReportWindow(QDialog):
    """A training report (``report.md`` and the PNGs next to it) as rich text."""

    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(tr("Training report — {}").format(os.path.basename(os.path.dirname(path))))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(lambda url: QDesktopServices.openUrl(url))
        self.buttons = QDialogButtonBox(self)
        folder = self.buttons.addButton(tr("Open the model folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(self.path))))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.load()

    def load(self):
        if not os.path.isfile(self.path):
            self.browser.setPlainText(tr("The report {} does not exist (any more).").format(self.path))
            return
        with open(self.path, encoding="utf-8") as fh:
            text = fh.read()
        self.browser.setSearchPaths([os.path.dirname(self.path)])  # its images sit beside it
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(os.path.dirname(self.path) + os.sep))
        self.browser.setMarkdown(text)


class MapWindow(QDialog):
    """The printed motif map (PNG), with buttons for the PDF and the folder."""

    def __init__(self, png, pdf, parent=None):
        super().__init__(parent)
        self.png, self.pdf = png, pdf
        self.setWindowTitle(tr("Motif map — {}").format(os.path.basename(pdf or png or "")))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(1000, 760)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap(png) if png and os.path.isfile(png) else QPixmap()
        if pixmap.isNull():
            self.image.setText(tr("The map was written to {}.").format(pdf))
        else:
            self.image.setPixmap(pixmap.scaledToWidth(960, Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.buttons = QDialogButtonBox(self)
        open_pdf = self.buttons.addButton(tr("Open the PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        open_pdf.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.pdf)))
        open_pdf.setEnabled(bool(pdf) and os.path.isfile(pdf))
        folder = self.buttons.addButton(tr("Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(self.pdf))))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)


def _alive(window) -> bool:
    try:
        window.isVisible()
        return True
    except RuntimeError:  # its parent (the workflow dialog) was deleted, and it with it
        return False


def _show(key, make):
    window = _WINDOWS.get(key)
    if window is None or not _alive(window):
        window = make()
        _WINDOWS[key] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_report(path, parent=None):
    """The training report inside QGIS (reloaded when shown again)."""
    window = _show(("report", os.path.abspath(path)), lambda: ReportWindow(path, parent))
    window.load()
    return window


def show_map(png, pdf, parent=None):
    return _show(("map", os.path.abspath(pdf or png)), lambda: MapWindow(png, pdf, parent))


def close_windows():
    """Delete the windows (before QGIS exits, or when the plugin unloads)."""
    for window in _WINDOWS.values():
        try:
            window.close()
            window.deleteLater()
        except RuntimeError:  # deleted with its parent already
            pass
    _WINDOWS.clear()
