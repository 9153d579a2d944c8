"""GUI side of Photo Motifs: toolbar, menu, provider registration, dependency messages."""
from __future__ import annotations

import os

from ..core import deps

deps.add_venv_to_path()  # before anything imports numpy/onnxruntime from the wrong place

from qgis.core import Qgis, QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator  # noqa: E402
from qgis.PyQt.QtGui import QIcon  # noqa: E402
from qgis.PyQt.QtWidgets import QAction  # noqa: E402

from ..processing.provider import ICON, PhotoMotifsProvider  # noqa: E402

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))

# (algorithm id, menu text) in workflow order
STEPS = [
    ("importphotos", "Import geotagged photos…"),
    ("importtable", "Import photos from a metadata table (Flickr)…"),
    ("embed", "Compute image embeddings…"),
    ("cluster", "Discover motifs (cluster photos)…"),
    ("exportgroups", "Export clusters or classes to folders and tables…"),
    ("train", "Train a photo classifier…"),
    ("classify", "Classify photos…"),
]


def step_icon(name):
    """Numbered icons follow the workflow: 1 import, 2 embed, 3 motifs, 4 export, 5 train, 6 classify."""
    path = os.path.join(PLUGIN_DIR, "plugin", "icons", f"{name}.png")
    return QIcon(path if os.path.exists(path) else ICON)


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


class PhotoMotifsPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.translator = None
        self._install_translator()

    # --- Processing (also used by qgis_process, where iface is None) ---------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is None:
            provider = PhotoMotifsProvider()
            # addProvider deletes a provider it refuses (an id already registered)
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # --- GUI ---------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        self.toolbar = self.iface.addToolBar(tr("Photo Motifs"))
        self.toolbar.setObjectName("PhotoMotifsToolbar")
        for alg_id, text in STEPS:
            action = QAction(step_icon(alg_id), tr(text), self.iface.mainWindow())
            action.triggered.connect(lambda _checked=False, a=alg_id: self.open_algorithm(a))
            self.iface.addPluginToMenu(tr("&Photo Motifs"), action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        viewer = QAction(step_icon("viewer"), tr("Browse contact sheets…"), self.iface.mainWindow())
        viewer.triggered.connect(self.open_viewer)
        about = QAction(step_icon("about"), tr("About, privacy and setup…"), self.iface.mainWindow())
        about.triggered.connect(self.open_about)
        for action in (viewer, about):
            self.iface.addPluginToMenu(tr("&Photo Motifs"), action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.Warning, 0)

    def unload(self):
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(tr("&Photo Motifs"), action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)

    # --- actions -------------------------------------------------------------------------------
    def open_algorithm(self, alg_id):
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.Warning, 0)
        from processing import execAlgorithmDialog

        execAlgorithmDialog(f"photomotifs:{alg_id}")

    def open_viewer(self):
        from .viewer import ContactSheetViewer

        ContactSheetViewer(self.iface.mainWindow()).exec()

    def open_about(self):
        from .about import AboutDialog

        AboutDialog(self.iface.mainWindow()).exec()

    def _install_translator(self):
        locale = (QSettings().value("locale/userLocale") or QLocale.system().name())[:2]
        qm = os.path.join(PLUGIN_DIR, "i18n", f"photo_motifs_{locale}.qm")
        if os.path.exists(qm):
            self.translator = QTranslator()
            self.translator.load(qm)
            QCoreApplication.installTranslator(self.translator)
