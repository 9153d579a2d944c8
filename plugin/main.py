"""GUI side of Photo Motifs: toolbar, menu, provider registration, dependency messages."""
from __future__ import annotations

import os

from ..core import deps

deps.add_venv_to_path()  # before anything imports numpy/onnxruntime from the wrong place

from qgis.core import Qgis, QgsApplication  # noqa: E402
from qgis.PyQt.QtGui import QIcon  # noqa: E402
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton  # noqa: E402

from ..processing.alg_export_groups import ExportGroupsAlgorithm  # noqa: E402
from ..processing.alg_motif_map import MotifMapAlgorithm  # noqa: E402
from ..processing.alg_summarize import SummarizeAlgorithm  # noqa: E402
from ..processing.base import algorithm_id  # noqa: E402
from ..processing.provider import ICON, PhotoMotifsProvider  # noqa: E402
from ..processing.translation import install_translator, remove_translator, tr  # noqa: E402

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))


# the single steps in workflow order (menu "Single steps"); their texts and icons are the
# algorithms' own, so the menu and the Processing toolbox say the same in every language
STEP_IDS = ("importphotos", "importtable", "harvestflickr", "embed", "addclip", "bursts", "cluster", "renamemotifs",
            "zeroshot", "search", "train", "classify", "exportgroups", "summarize", "motiftime", "motifmap")


def steps():
    """(algorithm id, menu text, icon) in workflow order, for the algorithms the registry has."""
    registry = QgsApplication.processingRegistry()
    out = []
    for alg_id in STEP_IDS:
        alg = registry.algorithmById(algorithm_id(alg_id))
        if alg is not None:
            out.append((alg_id, alg.displayName() + "…", alg.icon()))
    return out


def step_icon(name):
    """The plugin's own icons (viewer, about) from plugin/icons."""
    path = os.path.join(PLUGIN_DIR, "plugin", "icons", f"{name}.png")
    return QIcon(path if os.path.exists(path) else ICON)


def last_run_parameters(alg_id) -> dict:
    """The workflow's last run, filled into a single step's dialog: the motif map gets its
    summary and contact sheets (an empty sheets folder printed no thumbnails)."""
    from qgis.core import QgsSettings

    def last(key):
        return QgsSettings().value(f"photo_motifs/workflow/last_{key}", "") or ""

    if alg_id == MotifMapAlgorithm.NAME:
        return {k: v for k, v in ((MotifMapAlgorithm.SUMMARY, last("summary")),
                                  (MotifMapAlgorithm.SHEETS, last("sheets"))) if v}
    for alg in (SummarizeAlgorithm, ExportGroupsAlgorithm):
        if alg_id == alg.NAME and last("layer_path") and os.path.exists(last("layer_path")):
            return {alg.INPUT: last("layer_path")}
    return {}


class PhotoMotifsPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.menu = None
        self.workflow = None
        self.time_slider = None
        # before the provider exists: QGIS reads algorithm texts when it loads them
        install_translator()

    # --- Processing (also used by qgis_process, where iface is None) ---------------------------
    def initProcessing(self):
        if self.provider is None:
            provider = PhotoMotifsProvider()
            # addProvider deletes a provider it refuses (an id already registered)
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # --- GUI ---------------------------------------------------------------------------------
    def initGui(self):
        """One toolbar button (the workflow dialog) with a menu of everything else."""
        self.initProcessing()
        if self.iface is None:
            return
        from .timeslider import TimeSliderKeeper

        self.time_slider = TimeSliderKeeper()
        window = self.iface.mainWindow()
        main = QAction(QIcon(ICON), tr("Photo Motifs: from photos to a map…"), window)
        main.setObjectName("PhotoMotifsWorkflow")
        main.triggered.connect(self.open_workflow)
        viewer = QAction(step_icon("viewer"), tr("Photo viewer"), window)
        viewer.triggered.connect(self.open_photo_dock)
        sheets = QAction(step_icon("viewer"), tr("Browse motifs…"), window)
        sheets.triggered.connect(self.open_viewer)
        curate = QAction(step_icon("cluster"), tr("Motifs, labels and review"), window)
        curate.setObjectName("PhotoMotifsCuration")
        curate.triggered.connect(self.open_curation_dock)
        step_actions = []
        for alg_id, text, icon in steps():
            action = QAction(icon, text, window)
            action.triggered.connect(lambda _checked=False, a=alg_id: self.open_algorithm(a))
            step_actions.append(action)
        about = QAction(step_icon("about"), tr("About, privacy and setup…"), window)
        about.triggered.connect(self.open_about)

        self.menu = QMenu(tr("Photo Motifs"), window)
        self.menu.addAction(main)
        self.menu.addAction(viewer)
        self.menu.addAction(sheets)
        self.menu.addAction(curate)
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
        for action in (main, viewer, sheets, curate, about):
            self.iface.addPluginToMenu(tr("&Photo Motifs"), action)
        self.actions = [main, viewer, sheets, curate, about] + step_actions
        self.plugin_menu_actions = [main, viewer, sheets, curate, about]
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.MessageLevel.Warning, 0)

    def unload(self):
        for action in getattr(self, "plugin_menu_actions", []):
            if self.iface is not None:
                self.iface.removePluginMenu(tr("&Photo Motifs"), action)
        self.actions = []
        if self.time_slider is not None:
            self.time_slider.disconnect()
            self.time_slider = None
        if self.workflow is not None:
            self.workflow.close()
            self.workflow.deleteLater()
            self.workflow = None
        from .photodock import close_photo_dock
        from .report_view import close_windows
        from .viewer import close_browsers

        close_photo_dock(self.iface)
        close_windows()
        close_browsers()
        from .curation_dock import close_curation_dock

        close_curation_dock(self.iface)
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

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

    def open_curation_dock(self):
        """The Motifs panel: name and correct motifs, label photos, review predictions, retrain."""
        from .curation_dock import show_curation_dock

        return show_curation_dock(self.iface, self.iface.activeLayer())

    def open_algorithm(self, alg_id):
        message = deps.missing_message()
        if message:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), message, Qgis.MessageLevel.Warning, 0)
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id(alg_id), last_run_parameters(alg_id))

    def open_viewer(self):
        """The motif browser on the active layer (its contact sheets one click away)."""
        from .photodock import show_photo_dock
        from .viewer import show_motif_browser

        return show_motif_browser(self.iface, open_photo=lambda layer: show_photo_dock(self.iface, layer))

    def open_about(self):
        from .about import AboutDialog

        AboutDialog(self.iface.mainWindow()).exec()
