"""The Photo Motifs workflow dialog: from a folder of photos to a styled map of motifs or classes.

Pages (:mod:`.pages`: Photos, Embeddings, Motifs or classes) collect the user's choices; the
run plan (:mod:`.plan`) turns them into algorithm steps, run as a background chain
(:mod:`.tasks`); the Result box shows progress and the log and offers the next steps. Every
output goes into a folder per run inside the project folder the user picks once; nothing is
written to temporary files. The last choices are remembered in QgsSettings.
"""
from __future__ import annotations

import os

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..processing.alg_cluster import ClusterAlgorithm
from ..processing.alg_export_groups import ExportGroupsAlgorithm
from ..processing.alg_motif_map import MotifMapAlgorithm
from ..processing.alg_summarize import SummarizeAlgorithm
from ..processing.base import algorithm_id
from . import results as run_results
from .pages import PAGES, EmbeddingsPage, PhotosPage, TaskPage, algorithm_available, set_setting, settings_value, tr
from .plan import Choices, PlanError, plan
from .tasks import CANCELLED, FAILED, SUCCEEDED, AlgorithmChain

SUMMARIZE_ALG = algorithm_id(SummarizeAlgorithm)
MOTIF_MAP_ALG = algorithm_id(MotifMapAlgorithm)
EXPORT_ALG = algorithm_id(ExportGroupsAlgorithm)


def default_project_folder() -> str:
    """Next to the saved QGIS project, else ``~/PhotoMotifs``: a place that survives QGIS."""
    home = QgsProject.instance().homePath()
    return os.path.join(home, "photo_motifs") if home else os.path.join(os.path.expanduser("~"), "PhotoMotifs")


def unique_path(folder, stem: str, suffix: str = "") -> str:
    """``folder/stem{suffix}``, or ``stem_2``, ``stem_3``… so an output never overwrites an
    earlier one (whose layer may still be open in the project)."""
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem}_{n}{suffix}"
        path = os.path.join(folder, name)
        if not os.path.exists(path) and not os.path.exists(path + "_sheets"):
            return path
        n += 1


def _bold(text):
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class WorkflowDialog(QDialog):
    """Photos → embeddings → motifs or classes → styled layer, in the background."""

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.chain = None
        self.run_plan = None
        self.last = {}  # outputs of the last successful run: layer path, field, sheets, report, run folder
        self.result_layer_id = None
        self.algorithm_dialogs = []  # Processing dialogs opened from here, kept alive until closed
        self.setWindowTitle(tr("Photo Motifs — from photos to a map"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(760, 800)

        layout = QVBoxLayout(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(tr("Project folder (all results are saved here):")))
        self.project_folder = QgsFileWidget(self)
        self.project_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.project_folder.setFilePath(settings_value("project_folder", default_project_folder()))
        folder_row.addWidget(self.project_folder, 1)
        layout.addLayout(folder_row)

        self.pages = [page(self) for page in PAGES]
        for page in self.pages:
            layout.addWidget(page.box)
        layout.addWidget(self._result_box(), 1)

        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(tr("Run"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Cancel run"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Close"))  # Qt ships no Estonian for its standard buttons
        self.cancel_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        layout.addWidget(self.buttons)
        for page in self.pages:
            page.restore()
        self.last = {k: settings_value("last_" + k, "") for k in run_results.REMEMBERED}
        self.update_pages()
        self.photos.count_photos()

    def page(self, cls):
        return next(p for p in self.pages if isinstance(p, cls))

    @property
    def photos(self) -> PhotosPage:
        return self.page(PhotosPage)

    @property
    def embeddings(self) -> EmbeddingsPage:
        return self.page(EmbeddingsPage)

    @property
    def task(self) -> TaskPage:
        return self.page(TaskPage)

    def update_pages(self):
        for page in self.pages:
            page.update()

    # --- the result box ------------------------------------------------------------------------
    def _result_box(self):
        box = QGroupBox(tr("4  Result"), self)
        layout = QVBoxLayout(box)
        self.step_label = _bold(tr("Choose the photos and press Run."))
        self.step_label.setWordWrap(True)
        layout.addWidget(self.step_label)
        self.progress = QProgressBar(box)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.log = QPlainTextEdit(box)
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.log.setPlaceholderText(tr("The log of the running step appears here."))
        layout.addWidget(self.log, 1)
        rows = (QHBoxLayout(), QHBoxLayout())
        self.sheets_button = QPushButton(tr("Browse motifs…"), box)
        self.viewer_button = QPushButton(tr("Photo viewer"), box)
        self.report_button = QPushButton(tr("Training report"), box)
        self.export_button = QPushButton(tr("Export to folders and tables…"), box)
        self.summarize_button = QPushButton(tr("Summarize by area…"), box)
        self.map_button = QPushButton(tr("Motif map (PDF)…"), box)
        self.folder_button = QPushButton(tr("Open the project folder"), box)
        for row, button in ((0, self.sheets_button), (0, self.viewer_button), (0, self.report_button),
                            (0, self.folder_button), (1, self.export_button), (1, self.summarize_button),
                            (1, self.map_button)):
            rows[row].addWidget(button)
            button.setEnabled(False)
        for row in rows:
            row.addStretch(1)
            layout.addLayout(row)
        self.sheets_button.clicked.connect(self.open_sheets)
        self.viewer_button.clicked.connect(self.open_viewer)
        self.report_button.clicked.connect(self.open_report)
        self.export_button.clicked.connect(self.open_export)
        self.summarize_button.clicked.connect(self.open_summarize)
        self.map_button.clicked.connect(self.open_motif_map)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.project_folder.filePath())))
        self.summarize_button.setVisible(algorithm_available(SUMMARIZE_ALG))
        self.map_button.setVisible(algorithm_available(MOTIF_MAP_ALG))
        return box

    # --- choices and plan ---------------------------------------------------------------------
    def choices(self) -> Choices:
        choices = Choices(project_folder=self.project_folder.filePath().strip())
        for page in self.pages:
            page.collect(choices)
        return choices

    def _remember(self):
        set_setting("project_folder", self.project_folder.filePath())
        for page in self.pages:
            page.remember()

    # --- running -------------------------------------------------------------------------------
    def run(self):
        if self.chain is not None and self.chain.running:
            return
        try:
            self.run_plan = plan(self.choices())
        except PlanError as exc:
            self.step_label.setText(str(exc))
            self._say(str(exc), Qgis.MessageLevel.Warning)
            return
        try:
            for folder in self.run_plan.folders:
                os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            text = tr("The project folder cannot be written: {}").format(exc.strerror or exc)
            self.step_label.setText(text)
            self._say(text, Qgis.MessageLevel.Warning)
            return
        self._remember()
        self.log.clear()
        self.progress.setValue(0)
        self.chain = AlgorithmChain(self.run_plan.steps, self)
        self.chain.step_started.connect(self._step_started)
        self.chain.progress.connect(lambda pct: self.progress.setValue(int(pct)))
        self.chain.log.connect(self._log_line)
        self.chain.finished.connect(self._finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.chain.start()

    def cancel(self):
        if self.chain is not None and self.chain.running:
            self.step_label.setText(tr("Cancelling “{}”…").format(self.chain.current_title))
            self.chain.cancel()

    def _step_started(self, index, total, title):
        self.step_label.setText(tr("Step {} of {}: {}").format(index + 1, total, title))
        self._log_line(f"— {title} —", "info")

    def _log_line(self, text, kind):
        if kind == "error":
            text = f"⚠ {text}"
        self.log.appendPlainText(text)

    def _finished(self, state, message):
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        photos = self.chain.results.get("photos")
        if photos:
            self.photos.show_import(photos, self.run_plan.result.invalid)
        if state == SUCCEEDED:
            self._show_result()
        elif state == CANCELLED:
            done = [s.title for s in self.chain.steps if s.key in self.chain.results]
            left = tr("Steps finished before: {}.").format(", ".join(done)) if done else \
                tr("No step had finished.")
            text = tr("Cancelled. {} Nothing was added to the project; files already written stay in {}.") \
                .format(left, self.run_plan.result.run_folder)
            self.step_label.setText(text)
            self._log_line(text, "info")
            self._say(text, Qgis.MessageLevel.Info)
        else:
            self._fail(message)

    def _fail(self, message):
        self.step_label.setText(message)
        self._say(message, Qgis.MessageLevel.Critical)

    def _show_result(self):
        result = self.run_plan.result
        outputs = self.chain.results.get("result", {})
        problem = run_results.nothing_produced(result, outputs)
        layer = QgsVectorLayer(result.layer_path, result.layer_name(outputs.get(ClusterAlgorithm.K)), "ogr")
        if problem is None and not layer.isValid():
            problem = tr("The result layer {} cannot be opened.").format(result.layer_path)
        if problem is not None:
            self.chain.state = FAILED
            self._fail(problem)
            return
        if self.task.arrows.isChecked() or layer.renderer() is None or layer.renderer().type() != "categorizedSymbol":
            from ..processing.styling import apply_photo_style

            apply_photo_style(layer, result.field, arrows=self.task.arrows.isChecked())
        # else: the style the algorithm stored in the GeoPackage (computed in its thread, not here)
        run_results.add_to_run_group(layer, result)
        self.result_layer_id = layer.id()
        self.last = run_results.remember(result)
        summary = run_results.plain_summary(result, self.chain.results, layer)
        run_results.put_summary_first(self.log, summary)
        text = summary[0]
        self.step_label.setText(text)
        self._say(text, Qgis.MessageLevel.Success)
        self._enable_result_actions()
        run_results.show_on_map(self.iface, layer)

    def _enable_result_actions(self):
        last = self.last
        self.sheets_button.setEnabled(bool(last.get("sheets")) and os.path.isdir(last["sheets"]))
        self.report_button.setEnabled(bool(last.get("report")) and os.path.isfile(last["report"]))
        for button in (self.viewer_button, self.export_button, self.summarize_button, self.folder_button):
            button.setEnabled(True)
        self.map_button.setEnabled(bool(last.get("summary")))

    def _say(self, text, level):
        """The message bar too (the dialog's own label already says it)."""
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), text, level, 10)

    @property
    def result_layer(self):
        """The last run's layer while it is in the project (the user may have removed it)."""
        return QgsProject.instance().mapLayer(self.result_layer_id) if self.result_layer_id else None

    # --- result actions ----------------------------------------------------------------------------
    def open_invalid_table(self):
        path = self.run_plan.result.invalid if self.run_plan is not None else ""
        if not path or not os.path.isfile(path):
            return
        layer = QgsVectorLayer(path, tr("Photos that could not be mapped"), "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            if self.iface is not None:
                self.iface.showAttributeTable(layer)

    def open_sheets(self):
        from .photodock import show_photo_dock
        from .viewer import show_motif_browser

        motif = None  # the motif of the selected photo, when there is one
        layer = self.result_layer
        if layer is not None and layer.selectedFeatureCount() and self.last.get("field") == "cluster":
            value = layer.getFeature(layer.selectedFeatureIds()[0])["cluster"]
            motif = value if value is not None and str(value) != "NULL" else None
        return show_motif_browser(self.iface, layer, self.last.get("sheets") or None, parent=self.parentWidget(),
                                  motif=motif, open_photo=lambda lyr: show_photo_dock(self.iface, lyr))

    def open_viewer(self):
        from .photodock import show_photo_dock

        show_photo_dock(self.iface, self.result_layer)

    def open_report(self):
        from .report_view import show_report

        if self.last.get("report"):
            show_report(self.last["report"], parent=self)

    def open_algorithm(self, algorithm_id, parameters=None, finished=None):
        """The algorithm's own Processing dialog, non-modal, filled in; kept alive until closed
        (a dialog whose Python object is dropped runs nothing)."""
        from .results import AlgorithmDialogs

        return AlgorithmDialogs.open(self, algorithm_id, parameters or {}, finished)

    def _run_folder(self):
        folder = self.last.get("run_folder") or self.project_folder.filePath()
        os.makedirs(folder, exist_ok=True)
        return folder

    def open_export(self):
        if self.result_layer is None:
            return
        E = ExportGroupsAlgorithm
        self.open_algorithm(EXPORT_ALG, {
            E.INPUT: self.result_layer.id(), E.GROUP_FIELD: self.last.get("field") or "cluster",
            E.OUTPUT_FOLDER: unique_path(self._run_folder(), "groups")})

    def open_summarize(self):
        params = {SummarizeAlgorithm.OUTPUT: unique_path(self._run_folder(), "summary", ".gpkg")}
        if self.result_layer is not None:
            params[SummarizeAlgorithm.INPUT] = self.result_layer.id()
        self.open_algorithm(SUMMARIZE_ALG, params, self._summarized)

    def _summarized(self, ok, outputs, parameters):
        summary = outputs.get(SummarizeAlgorithm.OUTPUT) if ok else None
        if not summary:
            return
        layer = run_results.adopt_summary(summary, self.last, parameters)
        self.last["summary"] = layer.source() if layer is not None else str(summary)
        set_setting("last_summary", self.last["summary"])
        self.map_button.setEnabled(True)

    def open_motif_map(self):
        folder = self._run_folder()
        M = MotifMapAlgorithm
        pdf = unique_path(folder, "motif_map", ".pdf")
        params = {M.SUMMARY: self.last.get("summary", ""), M.SHEETS: self.last.get("sheets", ""),
                  M.OUTPUT_PDF: pdf, M.OUTPUT_PNG: pdf[:-4] + ".png"}
        self.open_algorithm(MOTIF_MAP_ALG, params, self._mapped)

    def _mapped(self, ok, outputs, _parameters):
        M = MotifMapAlgorithm
        if ok and outputs.get(M.OUTPUT_PDF):
            from .report_view import show_map

            show_map(outputs.get(M.OUTPUT_PNG), outputs[M.OUTPUT_PDF], parent=self)

    def closeEvent(self, event):
        """Closing the window does not stop a run: it keeps going in the background."""
        self._remember()
        super().closeEvent(event)
