"""GUI side of Photo Motifs: toolbar, menu, provider registration, dependency messages."""
from __future__ import annotations

import os

from ..core import deps

deps.add_venv_to_path()  # before anything imports numpy/onnxruntime from the wrong place

from qgis.core import Qgis, QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator  # noqa: E402
from qgis.PyQt.QtGui import QIcon  # noqa: E402
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton  # noqa: E402

from ..processing.provider import ICON, PhotoMotifsProvider  # noqa: E402

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))

def steps():
    """(algorithm id, menu text) in workflow order."""
    return [
        ("importphotos", tr("Import geotagged photos…")),
        ("importtable", tr("Import photos from a metadata table (Flickr)…")),
        ("embed", tr("Compute image embeddings…")),
        ("cluster", tr("Discover motifs (cluster photos)…")),
        ("exportgroups", tr("Export clusters or classes to folders and tables…")),
        ("train", tr("Train a photo classifier…")),
        ("classify", tr("Classify photos…")),
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
        self.menu = None
        self.workflow = None
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
        """One toolbar button (the workflow dialog) with a menu of everything else."""
        self.initProcessing()
        if self.iface is None:
            return
        window = self.iface.mainWindow()
        main = QAction(QIcon(ICON), tr("Photo Motifs: from photos to a map…"), window)
        main.setObjectName("PhotoMotifsWorkflow")
        main.triggered.connect(self.open_workflow)
        viewer = QAction(step_icon("viewer"), tr("Photo viewer"), window)
        viewer.triggered.connect(self.open_photo_dock)
        sheets = QAction(step_icon("viewer"), tr("Browse contact sheets…"), window)
        sheets.triggered.connect(self.open_viewer)
        step_actions = []
        for alg_id, text in steps():
            action = QAction(step_icon(alg_id), text, window)
            action.triggered.connect(lambda _checked=False, a=alg_id: self.open_algorithm(a))
            step_actions.append(action)
        about = QAction(step_icon("about"), tr("About, privacy and setup…"), window)
        about.triggered.connect(self.open_about)

        self.menu = QMenu(tr("Photo Motifs"), window)
        self.menu.addAction(main)
        self.menu.addAction(viewer)
        self.menu.addAction(sheets)
        steps_menu = self.menu.addMenu(tr("Single steps (Processing)"))
        for action in step_actions:
            steps_menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(about)

        self.toolbar = self.iface.addToolBar(tr("Photo Motifs"))
        self.toolbar.setObjectName("PhotoMotifsToolbar")
        button = QToolButton(self.toolbar)
        button.setDefaultAction(main)
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(button)
        self.main_button = button
        for action in (main, viewer, sheets, about):
            self.iface.addPluginToMenu(tr("&Photo Motifs"), action)
        self.actions = [main, viewer, sheets, about] + step_actions
        self.plugin_menu_actions = [main, viewer, sheets, about]
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.Warning, 0)

    def unload(self):
        for action in getattr(self, "plugin_menu_actions", []):
            if self.iface is not None:
                self.iface.removePluginMenu(tr("&Photo Motifs"), action)
        self.actions = []
        if self.workflow is not None:
            self.workflow.close()
            self.workflow.deleteLater()
            self.workflow = None
        from .photodock import close_photo_dock

        close_photo_dock(self.iface)
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)

    # --- actions -------------------------------------------------------------------------------
    def open_workflow(self):
        """The workflow dialog: one window, non-modal, kept between openings (and its run)."""
        from .workflow import WorkflowDialog

        if self.workflow is None:
            self.workflow = WorkflowDialog(self.iface, self.iface.mainWindow())
        self.workflow.show()
        self.workflow.raise_()
        self.workflow.activateWindow()
        return self.workflow

    def open_photo_dock(self):
        from .photodock import show_photo_dock

        return show_photo_dock(self.iface)

    def open_algorithm(self, alg_id):
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.Warning, 0)
        from processing import execAlgorithmDialog

        execAlgorithmDialog(f"photomotifs:{alg_id}")

    def open_viewer(self):
        from .viewer import show_contact_sheets

        return show_contact_sheets(iface=self.iface)

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
