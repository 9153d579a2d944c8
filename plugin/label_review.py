"""The Label and Review tabs of the Motifs panel: Lobe's loop of labelling, training and correcting.

* **Label**: a label field (``label`` by default, created on the first label), the classes with
  their keys 1–9 and Lobe's advice (at least 5 photos per class to train, about 200 for a good
  model); step through the photos without a label (motif by motif, most typical first), the
  selected photos or all photos, and press a key per photo (0 skips, ← goes back); or label all
  selected photos at once. Labelled photos can be exported as Lobe-style class folders (copies).
* **Review**: after a model has classified the layer, step through the photos least sure first,
  or where the class differs from another field (the previous model's ``class_before``, the
  motif, the label), or the photos called ``unknown``; the best three classes are shown, Enter
  confirms the class, a key 1–9 corrects it. Confirmed and corrected photos become labels; the
  number of corrections and how often the model was right are counted.
* :class:`TrainingBox` (under both tabs): "Train from labels" / "Retrain" in the background with
  progress and cancel; the new model's hold-out accuracy next to the previous model's.
"""
from __future__ import annotations

import json
import os

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.classify import UNKNOWN
from ..core.curation import (
    LOBE_GOOD,
    LOBE_MINIMUM,
    MAX_KEYS,
    PhotoRow,
    ReviewTally,
    advice,
    labelling_order,
    number,
    review_order,
    top_classes,
)
from ..core.motifnames import text
from ..core.options import EXPORT_MODE_OPTIONS, index_of
from ..core.train import MIN_PER_CLASS
from ..processing.alg_export_groups import ExportGroupsAlgorithm
from ..processing.base import algorithm_id
from .motif_edits import EditError, MotifEditor, check_name, text_fields, tr, values_of
from .photo_stepper import PhotoStepper
from .tasks import SUCCEEDED, AlgorithmChain, Step
from .training import PREVIOUS_CLASS, Trainer

CLASSES_PROPERTY = "photo_motifs/classes/{}"
ORDER_UNLABELLED, ORDER_SELECTED, ORDER_ALL = range(3)
ADVICE_COLOURS = {"too_few": "#B00020", "more": "#8A6100", "good": "#1B7F3B"}


def percent(share) -> str:
    return f"{share:.0%}" if share is not None else "–"


def _value(feature, name):
    if not name or feature.fields().lookupField(name) < 0:
        return None
    value = feature[name]
    return None if value is None or str(value) == "NULL" else value


class LabelTab(QWidget):
    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.classes: list = []
        self.label_field = QComboBox(self)
        self.label_field.setEditable(True)
        self.class_list = QListWidget(self)
        self.class_list.setMaximumHeight(150)
        self.advice = QLabel(tr("Lobe's advice: at least {} photos per class to train, about {} for a good "
                                "model.").format(LOBE_MINIMUM, LOBE_GOOD), self)
        self.advice.setWordWrap(True)
        self.new_class = QLineEdit(self)
        self.new_class.setPlaceholderText(tr("new class"))
        self.add_button = QPushButton(tr("Add class"), self)
        self.order = QComboBox(self)
        self.order.addItems([tr("photos without a label"), tr("selected photos"), tr("all photos")])
        self.start_button = QPushButton(tr("Start"), self)
        self.stepper = PhotoStepper(dock.loader, self)
        self.stepper.describe = self.describe
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        self.apply_class = QComboBox(self)
        self.apply_button = QPushButton(tr("Label selected photos"), self)
        self.export_button = QPushButton(tr("Export labelled photos as class folders…"), self)
        self.export_button.setToolTip(tr("Copies (never moves) every labelled photo into <folder>/<class>/, "
                                         "the layout Lobe, Orange and Teachable Machine read."))
        self._layout()
        self.label_field.currentTextChanged.connect(lambda _t: self.refresh_counts())
        self.add_button.clicked.connect(self.add_class)
        self.new_class.returnPressed.connect(self.add_class)
        self.start_button.clicked.connect(self.start)
        self.apply_button.clicked.connect(self.label_selected)
        self.export_button.clicked.connect(self.export)
        self.stepper.class_key.connect(self.on_key)
        self.export_chain = None

    def _layout(self):
        field = QHBoxLayout()
        field.addWidget(QLabel(tr("Label field:"), self))
        field.addWidget(self.label_field, 1)
        add = QHBoxLayout()
        add.addWidget(self.new_class, 1)
        add.addWidget(self.add_button)
        start = QHBoxLayout()
        start.addWidget(QLabel(tr("Step through:"), self))
        start.addWidget(self.order, 1)
        start.addWidget(self.start_button)
        apply = QHBoxLayout()
        apply.addWidget(self.apply_button)
        apply.addWidget(self.apply_class, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(field)
        layout.addWidget(self.class_list)
        layout.addLayout(add)
        layout.addWidget(self.advice)
        layout.addLayout(start)
        layout.addWidget(self.stepper, 1)
        layout.addWidget(self.keys)
        layout.addLayout(apply)
        layout.addWidget(self.export_button)

    # --- the field and its classes ----------------------------------------------------------------
    @property
    def field_name(self) -> str:
        return self.label_field.currentText().strip() or "label"

    def editor(self):
        return MotifEditor(self.dock.layer, self.field_name, keep_ids=False) if self.dock.layer is not None else None

    def set_layer(self, layer):
        self.label_field.blockSignals(True)
        self.label_field.clear()
        if layer is not None:
            names = [n for n in text_fields(layer) if n not in ("cluster", "class", PREVIOUS_CLASS)]
            self.label_field.addItems(["label"] + [n for n in names if n != "label"])
        self.label_field.blockSignals(False)
        self.classes = []
        self.stepper.set_sequence(layer, [])
        self.refresh_counts()

    def counts(self) -> dict:
        layer = self.dock.layer
        if layer is None or layer.fields().lookupField(self.field_name) < 0:
            return {}
        counts: dict = {}
        for value in values_of(layer, self.field_name).values():
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        return counts

    def refresh_counts(self):
        """Classes (kept order; labels, the model's classes and added ones) with counts and advice."""
        layer = self.dock.layer
        counts = self.counts()
        known = list(self.classes)
        if layer is not None:
            try:
                known += json.loads(layer.customProperty(CLASSES_PROPERTY.format(self.field_name), "[]") or "[]")
            except ValueError:
                pass
            predicted = set(values_of(layer, "class").values()) if layer.fields().lookupField("class") >= 0 else set()
            known += sorted(counts) + sorted(v for v in predicted if v not in (None, UNKNOWN))
        self.classes = list(dict.fromkeys(known))
        self.class_list.clear()
        self.apply_class.clear()
        for k, name in enumerate(self.classes, start=1):
            n = counts.get(name, 0)
            key = str(k) if k <= MAX_KEYS else " "
            hint = {"too_few": tr("at least {} to train").format(LOBE_MINIMUM),
                    "more": tr("more is better ({})").format(LOBE_GOOD), "good": tr("good")}[advice(n)]
            item = QListWidgetItem(tr("{}   {} — {} photos ({})").format(key, name, n, hint))
            item.setForeground(QColor(ADVICE_COLOURS[advice(n)]))
            self.class_list.addItem(item)
            self.apply_class.addItem(name)
        shown = [f"{k} {c}" for k, c in enumerate(self.classes[:MAX_KEYS], start=1)]
        self.keys.setText(tr("Keys: {} · 0 skip · ← back").format(" · ".join(shown)) if shown else
                          tr("Add the classes you want to teach, then press Start."))
        self.update_buttons()
        self.export_button.setEnabled(bool(counts))
        self.stepper.refresh_info()
        self.dock.training.update_state(counts)

    def update_buttons(self):
        layer = self.dock.layer
        self.apply_button.setEnabled(bool(self.classes) and layer is not None and bool(layer.selectedFeatureIds()))

    def add_class(self):
        try:
            name = check_name(self.new_class.text())
        except EditError as exc:
            self.dock.say(str(exc), error=True)
            return
        if name not in self.classes:
            self.classes.append(name)
            if self.dock.layer is not None:
                self.dock.layer.setCustomProperty(CLASSES_PROPERTY.format(self.field_name), json.dumps(self.classes))
        self.new_class.clear()
        self.refresh_counts()

    # --- labelling --------------------------------------------------------------------------------
    def start(self):
        layer = self.dock.layer
        if layer is None:
            return
        mode = self.order.currentIndex()
        if mode == ORDER_SELECTED:
            fids = sorted(layer.selectedFeatureIds())
        else:
            labels = values_of(layer, self.field_name)
            motif_field = self.dock.motifs.field.currentText()
            motifs = values_of(layer, motif_field) if motif_field else {}
            ranks = values_of(layer, "cluster_rank")
            rows = [PhotoRow(fid, labels.get(fid), motifs.get(fid), ranks.get(fid)) for fid in layer.allFeatureIds()]
            fids = labelling_order(rows, only_unlabelled=mode == ORDER_UNLABELLED)
        self.stepper.set_sequence(layer, fids)

    def describe(self, feature) -> str:
        label = _value(feature, self.field_name)
        motif = _value(feature, self.dock.motifs.field.currentText())
        parts = [tr("<b>Label:</b> {}").format(label if label is not None else "–")]
        if motif is not None:
            parts.append(tr("<b>Motif:</b> {}").format(motif))
        path = self.stepper.current_path
        return " · ".join(parts) + (f"<br/>{os.path.basename(path)}" if path else "")

    def label_fids(self, fids, name) -> bool:
        editor = self.editor()
        if editor is None:
            return False
        try:
            editor.set_values(fids, name, tr("Label {} photos as {}").format(len(fids), name))
        except EditError as exc:
            self.dock.say(str(exc), error=True)
            return False
        return True

    def on_key(self, key):
        if key > len(self.classes):
            self.dock.say(tr("No class has the key {}: add classes first.").format(key), error=True)
            return
        fid = self.stepper.current_fid
        if fid is not None and self.label_fids([fid], self.classes[key - 1]):
            self.stepper.step(1)

    def label_selected(self):
        layer = self.dock.layer
        name = self.apply_class.currentText()
        fids = sorted(layer.selectedFeatureIds()) if layer is not None else []
        if fids and name and self.label_fids(fids, name):
            self.dock.say(tr("{} photos labelled {}.").format(len(fids), name))

    # --- export as class folders ------------------------------------------------------------------
    def export(self):
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the class folders"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder):
        """Copy the labelled photos into ``folder/<class>/`` in the background (exportgroups)."""
        A = ExportGroupsAlgorithm
        params = {A.INPUT: self.dock.layer.id(), A.GROUP_FIELD: self.field_name, A.OUTPUT_FOLDER: folder,
                  A.MODE: index_of(EXPORT_MODE_OPTIONS, "copy"), A.SKIP_EMPTY: True, A.XLSX: False, A.CSV: False}
        self.export_chain = AlgorithmChain(
            [Step("export", algorithm_id(A), tr("Copying the labelled photos"), params)], self)
        self.export_chain.finished.connect(self._exported)
        self.export_chain.start()

    def _exported(self, state, message):
        results = self.export_chain.results.get("export", {})
        if state == SUCCEEDED:
            self.dock.say(tr("{} photos copied into {} class folders in {}.").format(
                int(results.get(ExportGroupsAlgorithm.COPIED, 0)), int(results.get(ExportGroupsAlgorithm.GROUPS, 0)),
                results.get(ExportGroupsAlgorithm.OUTPUT_FOLDER, "")))
        else:
            self.dock.say(message or tr("The export did not finish."), error=True)


REVIEW_MODES = ("confidence", "disagreement", "unknown")


class ReviewTab(QWidget):
    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.tally = ReviewTally()
        self.class_field = QComboBox(self)
        self.mode = QComboBox(self)
        self.mode.addItems([tr("least sure first"), tr("where the class differs from"), tr("photos called 'unknown'")])
        self.other_field = QComboBox(self)
        self.skip_labelled = QCheckBox(tr("leave out photos that have a label"), self)
        self.start_button = QPushButton(tr("Start review"), self)
        self.stepper = PhotoStepper(dock.loader, self)
        self.stepper.describe = self.describe
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        self.tally_label = QLabel(self)
        self.tally_label.setWordWrap(True)
        self._layout()
        self.mode.currentIndexChanged.connect(lambda _i: self.other_field.setEnabled(self.mode.currentIndex() == 1))
        self.start_button.clicked.connect(self.start)
        self.stepper.class_key.connect(self.on_key)
        self.stepper.confirmed.connect(self.on_confirm)
        self.stepper.moved.connect(self.refresh_tally)

    def _layout(self):
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Class field:"), self))
        row.addWidget(self.class_field, 1)
        mode = QHBoxLayout()
        mode.addWidget(self.mode, 1)
        mode.addWidget(self.other_field, 1)
        start = QHBoxLayout()
        start.addWidget(self.skip_labelled, 1)
        start.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(mode)
        layout.addLayout(start)
        layout.addWidget(self.stepper, 1)
        layout.addWidget(self.keys)
        layout.addWidget(self.tally_label)

    def set_layer(self, layer):
        for combo in (self.class_field, self.other_field):
            combo.clear()
        if layer is not None:
            names = text_fields(layer)
            self.class_field.addItems(names)
            if "class" in names:
                self.class_field.setCurrentText("class")
            others = [n for n in (PREVIOUS_CLASS, "label", "cluster") if n in names]
            self.other_field.addItems(others + [n for n in names if n not in others])
        self.other_field.setEnabled(self.mode.currentIndex() == 1)
        self.tally = ReviewTally()
        self.stepper.set_sequence(layer, [])
        self.refresh_tally()

    def start(self):
        layer = self.dock.layer
        if layer is None:
            return
        self.set_layer_fields(layer)
        field = self.class_field.currentText()
        conf_field = "confidence" if field == "class" else f"{field}_confidence"
        predicted = values_of(layer, field)
        labels = values_of(layer, self.dock.label.field_name)
        other = values_of(layer, self.other_field.currentText()) if self.mode.currentIndex() == 1 else {}
        confidence = {}
        if layer.fields().lookupField(conf_field) >= 0:
            for f in layer.getFeatures():
                confidence[f.id()] = number(_value(f, conf_field))
        rows = [PhotoRow(fid, labels.get(fid), predicted=value, confidence=confidence.get(fid),
                         other=other.get(fid)) for fid, value in predicted.items()]
        fids = review_order(rows, REVIEW_MODES[self.mode.currentIndex()], self.skip_labelled.isChecked())
        self.stepper.set_sequence(layer, fids)
        self.dock.label.refresh_counts()
        self.refresh_tally()

    def set_layer_fields(self, layer):
        """New prediction fields may have appeared (after training): offer them."""
        current = (self.class_field.currentText(), self.other_field.currentText())
        before = [self.class_field.itemText(i) for i in range(self.class_field.count())]
        names = text_fields(layer)
        if before == names:
            return
        tally = self.tally
        self.set_layer(layer)
        self.tally = tally
        # a field that has just appeared (the first predictions, the previous model's) is the one to review
        if current[0] in names and not ("class" in names and "class" not in before):
            self.class_field.setCurrentText(current[0])
        if current[1] in names and not (PREVIOUS_CLASS in names and PREVIOUS_CLASS not in before):
            self.other_field.setCurrentText(current[1])

    def predicted(self, feature):
        return text(_value(feature, self.class_field.currentText()))

    def describe(self, feature) -> str:
        values = {n: _value(feature, n) for n in feature.fields().names()}
        if self.class_field.currentText() != "class":
            values = {"class": values.get(self.class_field.currentText())}
        top = top_classes(values)
        shown = [f"{k}. {c} {p:.0%}" if p is not None else f"{k}. {c}" for k, (c, p) in enumerate(top, start=1)]
        if shown:
            shown[0] = f"<b>{shown[0]}</b>"
        lines = [" · ".join(shown) or tr("no prediction")]
        label = _value(feature, self.dock.label.field_name)
        if label is not None:
            lines.append(tr("<b>Label:</b> {}").format(label))
        if self.mode.currentIndex() == 1:
            lines.append(tr("<b>{}:</b> {}").format(self.other_field.currentText(),
                                                   _value(feature, self.other_field.currentText()) or "–"))
        return "<br/>".join(lines)

    def record(self, name):
        fid = self.stepper.current_fid
        if fid is None:
            return
        predicted = self.predicted(self.dock.layer.getFeature(fid))
        if self.dock.label.label_fids([fid], name):
            self.tally.record(fid, predicted, name)
            self.stepper.step(1)
            self.refresh_tally()

    def on_key(self, key):
        classes = self.dock.label.classes
        if key > len(classes):
            self.dock.say(tr("No class has the key {}: add classes in the Label tab.").format(key), error=True)
            return
        self.record(classes[key - 1])

    def on_confirm(self):
        fid = self.stepper.current_fid
        predicted = self.predicted(self.dock.layer.getFeature(fid)) if fid is not None else None
        if predicted is None or predicted == UNKNOWN:
            self.dock.say(tr("The model gave no class to confirm: press the key of the right class."), error=True)
            return
        self.record(predicted)

    def refresh_tally(self):
        classes = self.dock.label.classes[:MAX_KEYS] if hasattr(self.dock, "label") else []
        shown = " · ".join(f"{k} {c}" for k, c in enumerate(classes, start=1))
        self.keys.setText(tr("Enter: the class is right · keys: {} · 0 skip · ← back").format(shown or "–"))
        t = self.tally
        text_ = tr("Reviewed {}: {} confirmed, {} corrected (they are labels now).").format(
            t.reviewed, t.confirmed, t.corrected)
        if t.model_right is not None:
            text_ += " " + tr("The model was right on {:.0%} of the reviewed photos.").format(t.model_right)
        self.tally_label.setText(text_)


class TrainingBox(QGroupBox):
    """'Train from labels' / 'Retrain' with progress, cancel and the hold-out accuracies."""

    def __init__(self, dock):
        super().__init__(tr("Train from labels"), dock)
        self.dock = dock
        self.trainer = Trainer(self)
        self.train_button = QPushButton(tr("Train from labels"), self)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.history: list = []  # hold-out accuracies of the models trained in this session
        row = QHBoxLayout()
        row.addWidget(self.train_button, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.train_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.trainer.cancel)
        self.trainer.progress.connect(lambda p: self.progress.setValue(int(p)))
        self.trainer.finished.connect(self.done)

    def update_state(self, counts):
        usable = [c for c, n in counts.items() if n >= MIN_PER_CLASS]
        self.train_button.setEnabled(len(usable) >= 2 and not self.trainer.running)
        self.train_button.setText(tr("Retrain with the corrections") if self.history or self.dock.review.tally.reviewed
                                  else tr("Train from labels"))
        if not self.trainer.running and len(usable) < 2:
            self.result.setText(tr("Label photos of at least two classes (at least {} each, as Lobe advises) to "
                                   "train.").format(LOBE_MINIMUM))

    def start(self):
        layer = self.dock.layer
        if layer is None or self.trainer.running:
            return
        self.before = self.dock.review.tally.model_right
        self.corrections = self.dock.review.tally.corrected
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.result.setText(tr("Training in the background: you can go on labelling."))
        self.trainer.start(layer, self.dock.label.field_name)

    def done(self, state, message):
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        if state != SUCCEEDED:
            self.result.setText(message)
            self.dock.label.refresh_counts()
            return
        t = self.trainer
        self.history.append(t.accuracy)
        text_ = tr("<b>Hold-out accuracy {}</b> (previous model: {}).").format(percent(t.accuracy),
                                                                             percent(t.previous_accuracy))
        if self.corrections:
            text_ += " " + tr("{} corrections were used; before retraining the model was right on {} of the "
                              "reviewed photos.").format(self.corrections, percent(self.before))
        text_ += "<br/>" + tr("{} photos have new predictions; model: {}").format(t.changed, t.model_folder)
        self.result.setText(text_)
        self.dock.review.tally = ReviewTally()
        self.dock.review.set_layer_fields(self.dock.layer)
        self.dock.label.refresh_counts()
        self.dock.review.refresh_tally()
