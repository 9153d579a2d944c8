"""The Photo Motifs workflow dialog: from a folder of photos to a styled map of motifs or classes.

Four steps on one non-modal window — Photos, Embeddings, Motifs or classes, Result — that run
the provider's own Processing algorithms (import, cluster, train, classify) as a background
chain (:mod:`.tasks`). Outputs go to a project folder the user picks once; nothing is written
to temporary files. The last choices are remembered in QgsSettings.
"""
from __future__ import annotations

import os
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from ..processing.photo_sources import backbone_parameters
from ..processing.qgis_compat import LAYER_FILTER_POINT
from .tasks import CANCELLED, FAILED, SUCCEEDED, AlgorithmChain, Step

SETTINGS = "photo_motifs/workflow/"
FLICKR_ALG = "photomotifs:harvestflickr"
SUMMARIZE_ALG = "photomotifs:summarize"
SOURCE_FOLDER, SOURCE_TABLE, SOURCE_LAYER = 0, 1, 2
TASK_MOTIFS, TASK_CLASSIFY, TASK_TRAIN = 0, 1, 2


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


def settings_value(key, default=None):
    value = QgsSettings().value(SETTINGS + key, default)
    return default if value is None else value


def set_setting(key, value):
    QgsSettings().setValue(SETTINGS + key, value)


def default_project_folder() -> str:
    """Next to the saved QGIS project, else ``~/PhotoMotifs``: a place that survives QGIS."""
    home = QgsProject.instance().homePath()
    return os.path.join(home, "photo_motifs") if home else os.path.join(os.path.expanduser("~"), "PhotoMotifs")


def unique_path(folder, stem: str, suffix: str = "") -> str:
    """``folder/stem{suffix}``, or ``stem_2``, ``stem_3``… so a run never overwrites an earlier one
    (whose layer may still be open in the project)."""
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem}_{n}{suffix}"
        path = os.path.join(folder, name)
        if not os.path.exists(path) and not os.path.exists(path + "_sheets"):
            return path
        n += 1


def algorithm_available(algorithm_id: str) -> bool:
    return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None


def open_algorithm_dialog(algorithm_id: str, parameters=None, parent=None):
    """The algorithm's own Processing dialog, non-modal, with parameters filled in."""
    from processing import createAlgorithmDialog

    dialog = createAlgorithmDialog(algorithm_id, parameters or {})
    if dialog is not None:
        dialog.show()
    return dialog


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
        self.last = {}  # outputs of the last successful run: layer, sheets, report, folder
        self.result_layer_id = None
        self.invalid_path = None
        self.pending = {}
        self.setWindowTitle(tr("Photo Motifs — from photos to a map"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(720, 780)

        layout = QVBoxLayout(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(tr("Project folder (all results are saved here):")))
        self.project_folder = QgsFileWidget(self)
        self.project_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.project_folder.setFilePath(settings_value("project_folder", default_project_folder()))
        folder_row.addWidget(self.project_folder, 1)
        layout.addLayout(folder_row)

        layout.addWidget(self._photos_box())
        layout.addWidget(self._embeddings_box())
        layout.addWidget(self._task_box())
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
        self._restore()
        self._update_visibility()

    # --- step 1: photos ------------------------------------------------------------------------
    def _photos_box(self):
        box = QGroupBox(tr("1  Photos"), self)
        grid = QGridLayout(box)
        self.source_group = QButtonGroup(self)
        self.source_folder = QRadioButton(tr("A folder of photos (with subfolders)"), box)
        self.source_table = QRadioButton(tr("A metadata table (Flickr) and its photo folder"), box)
        self.source_layer = QRadioButton(tr("A photo layer of this project"), box)
        for i, button in enumerate((self.source_folder, self.source_table, self.source_layer)):
            self.source_group.addButton(button, i)
        self.folder = QgsFileWidget(box)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.table = QgsFileWidget(box)
        self.table.setFilter(tr("Tables (*.csv *.xlsx *.gpkg *.txt)"))
        self.table_folder = QgsFileWidget(box)
        self.table_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.layer_combo = QgsMapLayerComboBox(box)
        self.layer_combo.setFilters(LAYER_FILTER_POINT)
        self.layer_combo.setAllowEmptyLayer(True)
        self.path_field = QgsFieldComboBox(box)
        self.layer_combo.layerChanged.connect(self.path_field.setLayer)
        self.path_field.setLayer(self.layer_combo.currentLayer())

        grid.addWidget(self.source_folder, 0, 0)
        grid.addWidget(self.folder, 0, 1)
        grid.addWidget(self.source_table, 1, 0)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        table_row.addWidget(self.table_folder, 1)
        grid.addLayout(table_row, 1, 1)
        grid.addWidget(self.source_layer, 2, 0)
        layer_row = QHBoxLayout()
        layer_row.addWidget(self.layer_combo, 2)
        layer_row.addWidget(QLabel(tr("photo field")))
        layer_row.addWidget(self.path_field, 1)
        grid.addLayout(layer_row, 2, 1)

        status_row = QHBoxLayout()
        self.photo_status = QLabel(box)
        self.photo_status.setWordWrap(True)
        self.invalid_button = QPushButton(tr("Show the photos that could not be mapped"), box)
        self.invalid_button.setVisible(False)
        self.invalid_button.clicked.connect(self.open_invalid_table)
        self.flickr_button = QPushButton(tr("Harvest from Flickr…"), box)
        self.flickr_button.setVisible(algorithm_available(FLICKR_ALG))
        self.flickr_button.clicked.connect(lambda: open_algorithm_dialog(FLICKR_ALG, parent=self))
        status_row.addWidget(self.photo_status, 1)
        status_row.addWidget(self.invalid_button)
        status_row.addWidget(self.flickr_button)
        grid.addLayout(status_row, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.source_group.idToggled.connect(lambda *_: self._update_visibility())
        self.folder.fileChanged.connect(self.count_photos)
        self.layer_combo.layerChanged.connect(self.count_photos)
        return box

    def count_photos(self, *_args):
        """How many photos the chosen folder or layer holds (before anything runs)."""
        if self.source_group.checkedId() == SOURCE_LAYER:
            layer = self.layer_combo.currentLayer()
            if layer is not None:
                self.photo_status.setText(tr("{} photos in the layer.").format(layer.featureCount()))
            return
        folder = self.folder.filePath()
        if self.source_group.checkedId() != SOURCE_FOLDER or not folder:
            return
        if not os.path.isdir(folder):
            self.photo_status.setText(tr("The folder does not exist."))
            return
        from ..core.files import list_image_files

        n = len(list_image_files(folder, recursive=True))
        self.photo_status.setText(tr("{} photo files found in the folder and its subfolders.").format(n))

    # --- step 2: embeddings ----------------------------------------------------------------------
    def _embeddings_box(self):
        box = QGroupBox(tr("2  Embeddings"), self)
        form = QFormLayout(box)
        self.backbone = QComboBox(box)
        try:
            from ..models.registry import list_backbones

            for spec in list_backbones():
                self.backbone.addItem(spec.title, spec.id)
            from ..models.registry import installed_clip_models

            for folder in installed_clip_models():  # converted with 'Add a CLIP model'
                self.backbone.addItem(tr("CLIP: {}").format(folder.name), "clip:" + str(folder))
        except Exception as exc:
            self.backbone.addItem(tr("unavailable: {}").format(exc), None)
        form.addRow(tr("Image model"), self.backbone)
        self.cache = QgsFileWidget(box)
        self.cache.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.cache.setFilter(tr("Embedding cache (*.sqlite)"))
        self.cache.lineEdit().setPlaceholderText(tr("embeddings.sqlite in the project folder"))
        form.addRow(tr("Embedding cache"), self.cache)
        note = QLabel(tr("Runs on this computer; nothing is uploaded."), box)
        note.setStyleSheet("color: #2e7d32;")
        form.addRow("", note)
        return box

    # --- step 3: motifs or classes -----------------------------------------------------------------
    def _task_box(self):
        box = QGroupBox(tr("3  Motifs or classes"), self)
        grid = QGridLayout(box)
        self.task_group = QButtonGroup(self)
        self.task_motifs = QRadioButton(tr("Discover motifs (group photos that look alike)"), box)
        self.task_classify = QRadioButton(tr("Classify with a model"), box)
        self.task_train = QRadioButton(tr("Train a model from class folders, then classify"), box)
        for i, button in enumerate((self.task_motifs, self.task_classify, self.task_train)):
            self.task_group.addButton(button, i)
        self.k = QSpinBox(box)
        self.k.setRange(1, 60)
        self.k.setSpecialValueText(tr("automatic"))
        self.k.setToolTip(tr("Leave at 'automatic' to let the photos decide how many motifs there are."))
        self.model = QgsFileWidget(box)
        self.model.setFilter(tr("Model (signature.json *.onnx)"))
        self.model.setToolTip(tr("A model folder's signature.json (ours or a Lobe ONNX export) or an .onnx file"))
        self.labels = QgsFileWidget(box)
        self.labels.setFilter(tr("Labels (*.txt)"))
        self.labels.lineEdit().setPlaceholderText(tr("labels file, only for a bare .onnx model"))
        self.training = QgsFileWidget(box)
        self.training.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.training.lineEdit().setPlaceholderText(tr("folder with one subfolder of photos per class"))
        self.method = QComboBox(box)
        self.method.addItems([tr("linear (seconds)"), tr("small neural network"), tr("fine-tune (slow)")])

        motifs_row = QHBoxLayout()
        motifs_row.addWidget(QLabel(tr("number of motifs")))
        motifs_row.addWidget(self.k)
        motifs_row.addStretch(1)
        grid.addWidget(self.task_motifs, 0, 0)
        grid.addLayout(motifs_row, 0, 1)
        grid.addWidget(self.task_classify, 1, 0)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 2)
        model_row.addWidget(self.labels, 1)
        grid.addLayout(model_row, 1, 1)
        grid.addWidget(self.task_train, 2, 0)
        train_row = QHBoxLayout()
        train_row.addWidget(self.training, 2)
        train_row.addWidget(self.method, 1)
        grid.addLayout(train_row, 2, 1)
        self.arrows = QCheckBox(tr("Draw an arrow in the direction of view where the photo recorded one"), box)
        grid.addWidget(self.arrows, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.task_group.idToggled.connect(lambda *_: self._update_visibility())
        return box

    # --- step 4: result ----------------------------------------------------------------------------
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
        actions = QHBoxLayout()
        self.sheets_button = QPushButton(tr("Contact sheets…"), box)
        self.viewer_button = QPushButton(tr("Photo viewer"), box)
        self.report_button = QPushButton(tr("Training report"), box)
        self.export_button = QPushButton(tr("Export to folders and tables…"), box)
        self.summarize_button = QPushButton(tr("Summarize by area…"), box)
        self.folder_button = QPushButton(tr("Open the project folder"), box)
        for button in (self.sheets_button, self.viewer_button, self.report_button, self.export_button,
                       self.summarize_button, self.folder_button):
            actions.addWidget(button)
            button.setEnabled(False)
        actions.addStretch(1)
        self.sheets_button.clicked.connect(self.open_sheets)
        self.viewer_button.clicked.connect(self.open_viewer)
        self.report_button.clicked.connect(self.open_report)
        self.export_button.clicked.connect(self.open_export)
        self.summarize_button.clicked.connect(self.open_summarize)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.project_folder.filePath())))
        self.summarize_button.setVisible(algorithm_available(SUMMARIZE_ALG))
        layout.addLayout(actions)
        return box

    # --- state -------------------------------------------------------------------------------------
    def _update_visibility(self):
        source = self.source_group.checkedId()
        self.folder.setEnabled(source == SOURCE_FOLDER)
        self.table.setEnabled(source == SOURCE_TABLE)
        self.table_folder.setEnabled(source == SOURCE_TABLE)
        self.layer_combo.setEnabled(source == SOURCE_LAYER)
        self.path_field.setEnabled(source == SOURCE_LAYER)
        task = self.task_group.checkedId()
        self.k.setEnabled(task == TASK_MOTIFS)
        self.model.setEnabled(task == TASK_CLASSIFY)
        self.labels.setEnabled(task == TASK_CLASSIFY)
        self.training.setEnabled(task == TASK_TRAIN)
        self.method.setEnabled(task == TASK_TRAIN)
        if source in (SOURCE_FOLDER, SOURCE_LAYER):
            self.count_photos()

    def _restore(self):
        self.folder.setFilePath(settings_value("folder", ""))
        self.table.setFilePath(settings_value("table", ""))
        self.table_folder.setFilePath(settings_value("table_folder", ""))
        self.cache.setFilePath(settings_value("cache", ""))
        self.model.setFilePath(settings_value("model", ""))
        self.training.setFilePath(settings_value("training", ""))
        self.source_group.button(int(settings_value("source", SOURCE_FOLDER))).setChecked(True)
        self.task_group.button(int(settings_value("task", TASK_MOTIFS))).setChecked(True)
        self.k.setValue(int(settings_value("k", 1)))
        self.method.setCurrentIndex(int(settings_value("method", 0)))
        self.arrows.setChecked(str(settings_value("arrows", "false")).lower() == "true")
        index = self.backbone.findData(settings_value("backbone", ""))
        self.backbone.setCurrentIndex(max(0, index))
        self.last = {k: settings_value("last_" + k, "") for k in ("sheets", "report", "layer_path", "field")}

    def _remember(self):
        for key, widget in (("folder", self.folder), ("table", self.table), ("table_folder", self.table_folder),
                            ("cache", self.cache), ("model", self.model), ("training", self.training),
                            ("project_folder", self.project_folder)):
            set_setting(key, widget.filePath())
        set_setting("source", self.source_group.checkedId())
        set_setting("task", self.task_group.checkedId())
        set_setting("k", self.k.value())
        set_setting("method", self.method.currentIndex())
        set_setting("arrows", self.arrows.isChecked())
        set_setting("backbone", self.backbone.currentData() or "")

    # --- building the run ----------------------------------------------------------------------------
    def plan(self):
        """The steps of a run, or a sentence saying what is missing."""
        out = self.project_folder.filePath().strip()
        if not out:
            return tr("Choose a project folder: every result of the run is saved there.")
        os.makedirs(out, exist_ok=True)
        steps = []
        source = self.source_group.checkedId()
        photos_path = unique_path(out, "photos", ".gpkg")
        self.invalid_path = photos_path[:-5] + "_invalid.csv"
        if source == SOURCE_FOLDER:
            folder = self.folder.filePath()
            if not folder or not os.path.isdir(folder):
                return tr("Choose the folder that holds the photos.")
            steps.append(Step("photos", "photomotifs:importphotos", tr("Reading the photos' locations"), {
                "FOLDER": folder, "RECURSIVE": True, "OUTPUT": photos_path, "INVALID": self.invalid_path}))
            photos = {"INPUT": photos_path, "PATH_FIELD": "photo"}
        elif source == SOURCE_TABLE:
            if not self.table.filePath() or not os.path.isdir(self.table_folder.filePath()):
                return tr("Choose the metadata table and the folder of the downloaded photos.")
            steps.append(Step("photos", "photomotifs:importtable", tr("Joining the table to the photos"), {
                "TABLE": self.table.filePath(), "FOLDER": self.table_folder.filePath(),
                "OUTPUT": photos_path, "INVALID": self.invalid_path}))
            photos = {"INPUT": photos_path, "PATH_FIELD": "photo"}
        else:
            layer = self.layer_combo.currentLayer()
            if layer is None:
                return tr("Choose a photo layer of the project.")
            self.invalid_path = None
            photos = {"INPUT": layer.id(), "PATH_FIELD": self.path_field.currentField() or "photo"}

        backbone = backbone_parameters(self.backbone.currentData())  # BACKBONE (+ CLIP_MODEL)
        cache = self.cache.filePath() or os.path.join(out, "embeddings.sqlite")
        task = self.task_group.checkedId()
        if task == TASK_MOTIFS:
            result = unique_path(out, "motifs", ".gpkg")
            params = dict(photos, **backbone, CACHE=cache, OUTPUT=result,
                          SHEETS=result[:-5] + "_sheets", REPORT=result[:-5] + ".json")
            if self.k.value() > 1:
                params.update(CUT=1, K=self.k.value())
            steps.append(Step("result", "photomotifs:cluster", tr("Discovering motifs"), params))
            self.pending = {"layer_path": result, "field": "cluster", "sheets": params["SHEETS"], "report": "",
                            "name": tr("Photo motifs")}
        else:
            result = unique_path(out, "classes", ".gpkg")
            if task == TASK_TRAIN:
                training = self.training.filePath()
                if not training or not os.path.isdir(training):
                    return tr("Choose the folder with one subfolder of example photos per class.")
                model_dir = unique_path(out, "model")
                steps.append(Step("train", "photomotifs:train", tr("Training the classifier"), {
                    "TRAINING_FOLDER": training, **backbone, "CACHE": cache,
                    "METHOD": self.method.currentIndex(), "OUTPUT_FOLDER": model_dir}))
                model = os.path.join(model_dir, "signature.json")
                report = os.path.join(model_dir, "report.md")
                name = tr("Photo classes ({})").format(os.path.basename(training.rstrip("/\\")))
            else:
                model = self.model.filePath()
                if not model or not os.path.isfile(model):
                    return tr("Choose the model: the signature.json of a model folder, or an .onnx file.")
                report = os.path.join(os.path.dirname(model), "report.md")
                name = tr("Photo classes ({})").format(Path(model).parent.name)
            params = dict(photos, MODEL=model, CACHE=cache, OUTPUT=result)
            if self.labels.filePath():
                params["LABELS"] = self.labels.filePath()
            steps.append(Step("result", "photomotifs:classify", tr("Classifying the photos"), params))
            self.pending = {"layer_path": result, "field": "class", "sheets": "",
                            "report": report if os.path.isfile(report) or task == TASK_TRAIN else "", "name": name}
        return steps

    # --- running -------------------------------------------------------------------------------------
    def run(self):
        if self.chain is not None and self.chain.running:
            return
        steps = self.plan()
        if isinstance(steps, str):
            self.step_label.setText(steps)
            self._say(steps, Qgis.MessageLevel.Warning)
            return
        self._remember()
        self.log.clear()
        self.progress.setValue(0)
        self.chain = AlgorithmChain(steps, self)
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
            self.photo_status.setText(tr("{} photos imported, {} with a location; {} files could not be mapped.")
                                      .format(photos.get("IMPORTED", 0), photos.get("LOCATED", 0),
                                              photos.get("INVALID_COUNT", 0)))
            self.invalid_button.setVisible(bool(photos.get("INVALID_COUNT")) and bool(self.invalid_path))
        if state == SUCCEEDED:
            self._show_result()
        elif state == CANCELLED:
            done = [s.title for s in self.chain.steps if s.key in self.chain.results]
            left = tr("Steps finished before: {}.").format(", ".join(done)) if done else \
                tr("No step had finished.")
            text = tr("Cancelled. {} Nothing was added to the project; files already written stay in {}.") \
                .format(left, self.project_folder.filePath())
            self.step_label.setText(text)
            self._log_line(text, "info")
            self._say(text, Qgis.MessageLevel.Info)
        else:
            self.step_label.setText(message)
            self._say(message, Qgis.MessageLevel.Critical)

    def _show_result(self):
        pending = dict(self.pending)
        layer = QgsVectorLayer(pending["layer_path"], pending["name"], "ogr")
        if not layer.isValid():
            self._finished(FAILED, tr("The result layer {} cannot be opened.").format(pending["layer_path"]))
            return
        from ..processing.styling import apply_photo_style

        apply_photo_style(layer, pending["field"], arrows=self.arrows.isChecked())
        QgsProject.instance().addMapLayer(layer)
        self.result_layer_id = layer.id()
        result = self.chain.results.get("result", {})
        set_setting("last_sheets", pending["sheets"])
        set_setting("last_report", pending["report"])
        set_setting("last_layer_path", pending["layer_path"])
        set_setting("last_field", pending["field"])
        self.last = pending
        if pending["field"] == "cluster":
            text = tr("Done: {} motifs in “{}”.").format(result.get("K", "?"), layer.name())
        else:
            text = tr("Done: {} photos classified in “{}”.").format(result.get("CLASSIFIED", "?"), layer.name())
        self.step_label.setText(text)
        self._say(text, Qgis.MessageLevel.Success)
        self.sheets_button.setEnabled(bool(pending["sheets"]) and os.path.isdir(pending["sheets"]))
        self.report_button.setEnabled(bool(pending["report"]) and os.path.isfile(pending["report"]))
        for button in (self.viewer_button, self.export_button, self.summarize_button, self.folder_button):
            button.setEnabled(True)
        if self.iface is not None:
            self.iface.setActiveLayer(layer)
            self.iface.mapCanvas().setExtent(self.iface.mapCanvas().mapSettings().layerExtentToOutputExtent(
                layer, layer.extent()))
            self.iface.mapCanvas().refresh()

    def _say(self, text, level):
        """The message bar too (the dialog's own label already says it)."""
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Photo Motifs"), text, level, 10)

    @property
    def result_layer(self):
        """The last run's layer while it is in the project (the user may have removed it)."""
        return QgsProject.instance().mapLayer(self.result_layer_id) if self.result_layer_id else None

    # --- result actions ------------------------------------------------------------------------------
    def open_invalid_table(self):
        if not self.invalid_path or not os.path.isfile(self.invalid_path):
            return
        layer = QgsVectorLayer(self.invalid_path, tr("Photos that could not be mapped"), "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            if self.iface is not None:
                self.iface.showAttributeTable(layer)

    def open_sheets(self):
        from .viewer import show_contact_sheets

        motif = None  # the motif of the selected photo, when there is one
        layer = self.result_layer
        if layer is not None and layer.selectedFeatureCount() and self.last.get("field") == "cluster":
            value = layer.getFeature(layer.selectedFeatureIds()[0])["cluster"]
            motif = value if value is not None and str(value) != "NULL" else None
        show_contact_sheets(self.last.get("sheets") or None, motif, parent=self.parentWidget(), iface=self.iface)

    def open_viewer(self):
        from .photodock import show_photo_dock

        show_photo_dock(self.iface, self.result_layer)

    def open_report(self):
        if self.last.get("report"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last["report"]))

    def open_export(self):
        if self.result_layer is not None:
            out = unique_path(self.project_folder.filePath(), "groups")
            open_algorithm_dialog("photomotifs:exportgroups", {
                "INPUT": self.result_layer.id(), "GROUP_FIELD": self.last.get("field", "cluster"),
                "OUTPUT_FOLDER": out}, parent=self)

    def open_summarize(self):
        params = {"INPUT": self.result_layer.id()} if self.result_layer is not None else {}
        open_algorithm_dialog(SUMMARIZE_ALG, params, parent=self)

    def closeEvent(self, event):
        """Closing the window does not stop a run: it keeps going in the background."""
        self._remember()
        super().closeEvent(event)

