"""The pages of the workflow dialog: each a box of widgets that fills its part of :class:`.plan.Choices`.

A page builds its box, says which choices it holds (:meth:`Page.collect`), restores and remembers
them in QgsSettings and enables its widgets; it never plans or runs anything. The dialog shows
the pages of :data:`PAGES` in order: a new page is one class here, appended to ``PAGES``, with
its fields in ``plan.Choices`` (and a row in ``plan.STEPS`` if it runs an algorithm).
"""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsSettings, QgsTask
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
)

from ..core.options import BACKBONE_OPTIONS, CLIP_FOLDER, CLIP_FOLDER_INT8, OWN_ONNX, TRAINING_METHOD_OPTIONS
from ..core.threadstate import keep_thread_state
from ..processing import alg_import_photos
from ..processing.alg_harvest_flickr import HarvestFlickrAlgorithm
from ..processing.base import algorithm_id
from ..processing.params import option_labels
from ..processing.qgis_compat import LAYER_FILTER_NO_GEOMETRY, LAYER_FILTER_POINT
from .plan import (
    SOURCE_FOLDER,
    SOURCE_LAYER,
    SOURCE_TABLE,
    SOURCES,
    TASK_CLASSIFY,
    TASK_MOTIFS,
    TASK_TRAIN,
    TASKS,
    Choices,
)

SETTINGS = "photo_motifs/workflow/"
FLICKR_ALG = algorithm_id(HarvestFlickrAlgorithm)


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


def settings_value(key, default=None):
    value = QgsSettings().value(SETTINGS + key, default)
    return default if value is None else value


def set_setting(key, value):
    QgsSettings().setValue(SETTINGS + key, value)


def algorithm_available(algorithm_id: str) -> bool:
    return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None


def choice_setting(key, allowed, default):
    """A stored choice name (older versions stored positions: those fall back to the default)."""
    value = str(settings_value(key, default))
    return value if value in allowed else default


class Background:
    """Runs a function in a QgsTask and hands its result to ``done`` in the GUI thread; a newer
    request makes the older result stale (it is dropped), so the GUI never waits on a count."""

    def __init__(self):
        self.generation = 0
        self.tasks = []  # QGIS does not own Python tasks: keep them until they finish

    def run(self, description, function, done):
        self.generation += 1
        generation = self.generation

        def finished(exception, value=None):
            self.tasks = [t for t in self.tasks if t is not task]
            if generation == self.generation:
                done(exception, value)

        def work(_task):
            keep_thread_state()  # a pooled thread: see core/threadstate.py
            return function()

        task = QgsTask.fromFunction(description, work, on_finished=finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)

    def cancel(self):
        """Results still to come are dropped."""
        self.generation += 1

    @property
    def busy(self) -> bool:
        return bool(self.tasks)


class Page:
    """A box of the dialog. Subclasses build widgets and fill their part of the choices."""

    def __init__(self, dialog):
        self.dialog = dialog
        self.box = self.build()

    def build(self) -> QGroupBox:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def collect(self, choices: Choices) -> None:
        """Write this page's choices into ``choices``."""

    def restore(self) -> None:
        """Set the widgets from QgsSettings."""

    def remember(self) -> None:
        """Store the widgets' values in QgsSettings."""

    def update(self) -> None:
        """Enable the widgets that apply to the current choices."""


# --- 1 photos ----------------------------------------------------------------------------------

class PhotosPage(Page):
    """Where the photos come from: a folder, a metadata table and its folder, or a project layer.

    The status line follows the chosen source: it is cleared when the source changes, and the
    folder's files or the table's rows (joined to the folder's files) are counted in the
    background as soon as they are chosen.
    """

    def build(self):
        box = QGroupBox(tr("1  Photos"), self.dialog)
        grid = QGridLayout(box)
        self.source_group = QButtonGroup(box)
        self.source_folder = QRadioButton(tr("A folder of photos (with subfolders)"), box)
        self.source_table = QRadioButton(tr("A metadata table (Flickr) and its photo folder"), box)
        self.source_layer = QRadioButton(tr("A photo layer of this project"), box)
        self.buttons = {SOURCE_FOLDER: self.source_folder, SOURCE_TABLE: self.source_table,
                        SOURCE_LAYER: self.source_layer}
        for i, button in enumerate(self.buttons.values()):
            self.source_group.addButton(button, i)
        self.folder = QgsFileWidget(box)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.table = QgsFileWidget(box)
        self.table.setFilter(tr("Tables (*.csv *.xlsx *.gpkg *.txt)"))
        self.table.lineEdit().setPlaceholderText(tr("metadata table (CSV, XLSX)"))
        self.table_folder = QgsFileWidget(box)
        self.table_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.table_folder.lineEdit().setPlaceholderText(tr("folder of the downloaded photos"))
        self.layer_combo = QgsMapLayerComboBox(box)
        self.layer_combo.setFilters(LAYER_FILTER_POINT | LAYER_FILTER_NO_GEOMETRY)
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
        self.invalid_button.clicked.connect(self.dialog.open_invalid_table)
        self.use_table_button = QPushButton(tr("Locate them with a metadata table…"), box)
        self.use_table_button.setToolTip(tr("Photos without GPS can still be clustered, classified and exported; "
                                            "a table with their coordinates (e.g. from Flickr) puts them on the map."))
        self.use_table_button.setVisible(False)
        self.use_table_button.clicked.connect(self.offer_table)
        self.flickr_button = QPushButton(tr("Harvest from Flickr…"), box)
        self.flickr_button.setVisible(algorithm_available(FLICKR_ALG))
        self.flickr_button.clicked.connect(lambda: self.dialog.open_algorithm(FLICKR_ALG))
        grid.addWidget(self.photo_status, 3, 0, 1, 2)  # a row of its own: a long status is never squeezed
        status_row.addWidget(self.invalid_button)
        status_row.addWidget(self.use_table_button)
        status_row.addStretch(1)
        status_row.addWidget(self.flickr_button)
        grid.addLayout(status_row, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.counter = Background()
        self.source_group.idToggled.connect(self.source_changed)
        self.folder.fileChanged.connect(self.source_changed)
        self.table.fileChanged.connect(self.source_changed)
        self.table_folder.fileChanged.connect(self.source_changed)
        self.layer_combo.layerChanged.connect(self.source_changed)
        return box

    @property
    def source(self) -> str:
        return next((name for name, b in self.buttons.items() if b.isChecked()), SOURCE_FOLDER)

    def collect(self, choices):
        choices.source = self.source
        choices.folder = self.folder.filePath()
        choices.table = self.table.filePath()
        choices.table_folder = self.table_folder.filePath()
        layer = self.layer_combo.currentLayer()
        choices.layer_id = layer.id() if layer is not None else ""
        choices.layer_name = layer.name() if layer is not None else ""
        choices.path_field = self.path_field.currentField() or "photo"

    def restore(self):
        self.folder.setFilePath(settings_value("folder", ""))
        self.table.setFilePath(settings_value("table", ""))
        self.table_folder.setFilePath(settings_value("table_folder", ""))
        self.buttons[choice_setting("source", SOURCES, SOURCE_FOLDER)].setChecked(True)

    def remember(self):
        for key, widget in (("folder", self.folder), ("table", self.table), ("table_folder", self.table_folder)):
            set_setting(key, widget.filePath())
        set_setting("source", self.source)

    def update(self):
        source = self.source
        self.folder.setEnabled(source == SOURCE_FOLDER)
        self.table.setEnabled(source == SOURCE_TABLE)
        self.table_folder.setEnabled(source == SOURCE_TABLE)
        self.layer_combo.setEnabled(source == SOURCE_LAYER)
        self.path_field.setEnabled(source == SOURCE_LAYER)

    # --- the status line follows the source ----------------------------------------------------
    def source_changed(self, *_args):
        """Clear what was said about the previous source, then count the new one."""
        self.dialog.update_pages()
        self.counter.cancel()
        self.set_status("")
        self.invalid_button.setVisible(False)
        self.use_table_button.setVisible(False)
        self.count_photos()

    def set_status(self, text):
        self.photo_status.setText(text)

    def count_photos(self):
        """How many photos the chosen source holds, before anything runs (in the background)."""
        source = self.source
        if source == SOURCE_LAYER:
            layer = self.layer_combo.currentLayer()
            if layer is not None:
                self.set_status(tr("{} photos in the layer.").format(layer.featureCount()))
            return
        if source == SOURCE_FOLDER:
            folder = self.folder.filePath()
            if not folder:
                return
            if not os.path.isdir(folder):
                self.set_status(tr("The folder does not exist."))
                return
            self.set_status(tr("Counting the photos…"))
            self.counter.run(tr("Counting photos"), lambda: count_folder(folder), self.folder_counted)
            return
        table, folder = self.table.filePath(), self.table_folder.filePath()
        if not table or not folder:
            self.set_status(tr("Choose the table and the folder of its photos."))
            return
        if not os.path.isfile(table) or not os.path.isdir(folder):
            self.set_status(tr("The table or the folder does not exist."))
            return
        self.set_status(tr("Reading the table and joining it to the photos…"))
        self.counter.run(tr("Joining the table"), lambda: join_preview(table, folder), self.table_counted)

    def folder_counted(self, exception, n=None):
        if exception is not None:
            self.set_status(tr("The folder cannot be read: {}").format(exception))
            return
        self.set_status(tr("{} photo files found in the folder and its subfolders.").format(n))

    def table_counted(self, exception, preview=None):
        if exception is not None:
            self.set_status(tr("The table cannot be used: {}").format(exception))
            return
        self.set_status(tr("{} table rows, {} photo files: {} rows joined to a photo ({} with a location); "
                           "{} files are in no row.").format(preview.rows, preview.files, preview.joined_rows,
                                                             preview.located_rows, preview.unmatched_files))

    def offer_table(self):
        """Photos without GPS: switch to the table import, keeping the folder as its photo folder."""
        if not self.table_folder.filePath():
            self.table_folder.setFilePath(self.folder.filePath())
        self.source_table.setChecked(True)
        self.table.lineEdit().setFocus()

    def show_import(self, results, invalid_path):
        """After a run: what the import found, and what to do about photos without a location."""
        imported = int(results.get(alg_import_photos.IMPORTED) or 0)
        located = int(results.get(alg_import_photos.LOCATED) or 0)
        text = tr("{} photos imported, {} with a location; {} files could not be mapped.").format(
            imported, located, results.get(alg_import_photos.INVALID_COUNT, 0))
        if imported and not located:
            text += " " + tr("None has a location: they are grouped and classified, but not on the map.")
        self.set_status(text)
        self.invalid_button.setVisible(bool(results.get(alg_import_photos.INVALID_COUNT)) and bool(invalid_path))
        self.use_table_button.setVisible(self.source == SOURCE_FOLDER and imported > 0 and located < imported)


def count_folder(folder) -> int:
    from ..core.files import list_image_files

    return len(list_image_files(folder, recursive=True))


def join_preview(table, folder):
    """core.table_import.preview_join for a table file (CSV, XLSX; other tables through QGIS)."""
    from ..core.table_import import preview_join
    from ..processing.alg_import_table import read_any_table

    columns, rows = read_any_table(table)
    return preview_join(rows, folder, columns=columns)


# --- 2 embeddings --------------------------------------------------------------------------------

class EmbeddingsPage(Page):
    """The image model (the BACKBONE options of the algorithms) and the embedding cache."""

    def build(self):
        box = QGroupBox(tr("2  Embeddings"), self.dialog)
        form = QFormLayout(box)
        self.backbone = QComboBox(box)
        for label, (_source, value) in zip(option_labels(BACKBONE_OPTIONS), BACKBONE_OPTIONS):
            if value not in (OWN_ONNX, CLIP_FOLDER, CLIP_FOLDER_INT8):  # these need a file: listed below
                self.backbone.addItem(label, value)
        try:
            from ..models.registry import installed_clip_models

            for folder in installed_clip_models():  # converted with 'Add a CLIP model'
                self.backbone.addItem(tr("CLIP: {}").format(folder.name), "clip:" + str(folder))
        except (ImportError, OSError):  # the registry needs numpy; the dialog still opens
            pass
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

    def collect(self, choices):
        data = self.backbone.currentData() or BACKBONE_OPTIONS[0][1]
        if data.startswith("clip:"):
            choices.backbone, choices.clip_model = CLIP_FOLDER, data[len("clip:"):]
        else:
            choices.backbone, choices.clip_model = data, ""
        choices.cache = self.cache.filePath()

    def restore(self):
        self.cache.setFilePath(settings_value("cache", ""))
        self.backbone.setCurrentIndex(max(0, self.backbone.findData(settings_value("backbone", ""))))

    def remember(self):
        set_setting("cache", self.cache.filePath())
        set_setting("backbone", self.backbone.currentData() or "")


# --- 3 motifs or classes ------------------------------------------------------------------------

class TaskPage(Page):
    """Discover motifs, classify with a model, or train one from class folders first."""

    def build(self):
        box = QGroupBox(tr("3  Motifs or classes"), self.dialog)
        grid = QGridLayout(box)
        self.task_group = QButtonGroup(box)
        self.task_motifs = QRadioButton(tr("Discover motifs (group photos that look alike)"), box)
        self.task_classify = QRadioButton(tr("Classify with a model"), box)
        self.task_train = QRadioButton(tr("Train a model from class folders, then classify"), box)
        self.buttons = {TASK_MOTIFS: self.task_motifs, TASK_CLASSIFY: self.task_classify,
                        TASK_TRAIN: self.task_train}
        for i, button in enumerate(self.buttons.values()):
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
        for label, (_source, value) in zip(option_labels(TRAINING_METHOD_OPTIONS), TRAINING_METHOD_OPTIONS):
            self.method.addItem(label, value)

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
        self.task_group.idToggled.connect(lambda *_: self.dialog.update_pages())
        return box

    @property
    def task(self) -> str:
        return next((name for name, b in self.buttons.items() if b.isChecked()), TASK_MOTIFS)

    def collect(self, choices):
        choices.task = self.task
        choices.k = self.k.value() if self.k.value() > 1 else 0
        choices.model = self.model.filePath()
        choices.labels = self.labels.filePath()
        choices.training = self.training.filePath()
        choices.method = self.method.currentData() or TRAINING_METHOD_OPTIONS[0][1]
        choices.arrows = self.arrows.isChecked()

    def restore(self):
        self.model.setFilePath(settings_value("model", ""))
        self.training.setFilePath(settings_value("training", ""))
        self.buttons[choice_setting("task", TASKS, TASK_MOTIFS)].setChecked(True)
        self.k.setValue(int(settings_value("k", 1)))
        self.method.setCurrentIndex(max(0, self.method.findData(settings_value("method", ""))))
        self.arrows.setChecked(str(settings_value("arrows", "false")).lower() == "true")

    def remember(self):
        set_setting("model", self.model.filePath())
        set_setting("training", self.training.filePath())
        set_setting("task", self.task)
        set_setting("k", self.k.value())
        set_setting("method", self.method.currentData() or "")
        set_setting("arrows", self.arrows.isChecked())

    def update(self):
        task = self.task
        self.k.setEnabled(task == TASK_MOTIFS)
        self.model.setEnabled(task == TASK_CLASSIFY)
        self.labels.setEnabled(task == TASK_CLASSIFY)
        self.training.setEnabled(task == TASK_TRAIN)
        self.method.setEnabled(task == TASK_TRAIN)


# the dialog's pages, top to bottom (the result box follows them)
PAGES = (PhotosPage, EmbeddingsPage, TaskPage)
