"""'Train from labels' and 'Retrain' of the Motifs panel: train, classify, predictions into the layer.

Runs ``photomotifs:train`` on the layer's label field (unsaved labels included: Processing reads
the layer with its edit buffer) and then ``photomotifs:classify`` on the same layer, in the
background (``tasks.AlgorithmChain``: progress, cancel, one of succeeded/failed/cancelled). The
predictions come back into the layer's edit buffer as one undoable step ("Predictions of model
N"): ``class``, ``confidence``, ``unknown``, ``unknown_score`` (the calibrated 'unknown':
above 1 = unknown), ``best_class``, ``class_2``…, ``top_classes``; the class the previous model gave
is kept in ``class_before`` so the review can step through the photos where the two models
disagree. The model folders go next to the layer (``<layer>_models/model_<n>``); the last one
is remembered in the layer (a custom property saved with the project).
"""
from __future__ import annotations

import os
import tempfile

from qgis.core import QgsFeatureRequest, QgsField, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.curation import holdout_accuracy
from ..core.options import TRAINING_METHOD_OPTIONS, index_of
from ..processing.alg_classify import ClassifyAlgorithm
from ..processing.alg_train import TrainAlgorithm
from ..processing.base import algorithm_id
from ..processing.outputs import is_null
from ..processing.photo_sources import CACHE, INPUT, PATH_FIELD
from ..processing.qgis_compat import FIELD_TYPES, REQUEST_NO_GEOMETRY
from .motif_edits import EditError, tr
from .tasks import CANCELLED, FAILED, SUCCEEDED, AlgorithmChain, Step

MODEL_PROPERTY = "photo_motifs/model"
PREVIOUS_CLASS = "class_before"
PREDICTION_FIELDS = (("class", "str"), ("confidence", "float"), ("unknown", "bool"), ("unknown_score", "float"),
                     ("best_class", "str"), ("class_2", "str"),
                     ("confidence_2", "float"), ("class_3", "str"), ("confidence_3", "float"),
                     ("top_classes", "str"), ("classify_note", "str"))


def layer_home(layer) -> str:
    """The folder of the layer's file, else the project's, else a temporary folder."""
    path = layer.source().split("|")[0]
    if layer.providerType() == "ogr" and os.path.isfile(path):
        return os.path.dirname(os.path.abspath(path))
    if QgsProject.instance().homePath():
        return QgsProject.instance().homePath()
    return tempfile.gettempdir()


def next_model_folder(layer) -> str:
    """``<layer>_models/model_<n>`` next to the layer, n one more than the last one there."""
    stem = os.path.splitext(os.path.basename(layer.source().split("|")[0]))[0] or "photos"
    base = os.path.join(layer_home(layer), f"{stem}_models")
    n = 1
    while os.path.exists(os.path.join(base, f"model_{n}")):
        n += 1
    return os.path.join(base, f"model_{n}")


def cache_for(layer) -> str | None:
    """An embedding cache the photos already have: the workflow's ``embeddings.sqlite`` next to
    the layer; None lets the algorithms choose their default."""
    candidate = os.path.join(layer_home(layer), "embeddings.sqlite")
    return candidate if os.path.isfile(candidate) else None


def previous_model(layer) -> str:
    folder = layer.customProperty(MODEL_PROPERTY, "") or ""
    return folder if folder and os.path.isdir(folder) else ""


class Trainer(QObject):
    """Train from a layer's labels, classify the layer, write the predictions into its edit buffer.

    ``finished(state, message)``: state is SUCCEEDED, FAILED or CANCELLED; after success
    ``accuracy`` and ``previous_accuracy`` hold the hold-out accuracies of the new and the
    previous model (None when unknown) and ``model_folder`` the new model.
    """

    progress = pyqtSignal(float)
    finished = pyqtSignal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chain = None
        self.layer = None
        self.model_folder = ""
        self.accuracy = None
        self.previous_accuracy = None
        self.changed = 0
        self._tmp = None

    @property
    def running(self) -> bool:
        return self.chain is not None and self.chain.running

    def start(self, layer, label_field: str, path_field: str = "photo") -> None:
        self.layer = layer
        self.model_folder = next_model_folder(layer)
        self.previous_accuracy = holdout_accuracy(previous_model(layer))
        self.accuracy = None
        self._tmp = tempfile.mkdtemp(prefix="photo_motifs_predictions_")
        predictions = os.path.join(self._tmp, "predictions.gpkg")
        cache = cache_for(layer)
        T, C = TrainAlgorithm, ClassifyAlgorithm
        train = {T.INPUT: layer.id(), T.LABEL_FIELD: label_field, T.PATH_FIELD: path_field,
                 T.OUTPUT_FOLDER: self.model_folder, T.METHOD: index_of(TRAINING_METHOD_OPTIONS, "linear")}
        classify = {INPUT: layer.id(), PATH_FIELD: path_field, C.TOP_K: 3, C.OUTPUT: predictions,
                    C.MODEL: os.path.join(self.model_folder, "signature.json")}
        if cache:
            train[CACHE] = classify[CACHE] = cache
        self.chain = AlgorithmChain([
            Step("train", algorithm_id(T), tr("Training from the labels"), train),
            Step("classify", algorithm_id(C), tr("Classifying the photos with the new model"), classify),
        ], self)
        self.chain.progress.connect(self.progress)
        self.chain.finished.connect(lambda state, message: self._done(state, message, predictions, path_field))
        self.chain.start()

    def cancel(self) -> None:
        if self.chain is not None:
            self.chain.cancel()

    def _done(self, state, message, predictions, path_field) -> None:
        if state == SUCCEEDED:
            self.accuracy = self.chain.results.get("train", {}).get(TrainAlgorithm.ACCURACY)
            try:
                self.changed = write_predictions(self.layer, predictions, path_field,
                                                 tr("Predictions of {}").format(os.path.basename(self.model_folder)))
            except EditError as exc:
                state, message = FAILED, str(exc)
            else:
                self.layer.setCustomProperty(MODEL_PROPERTY, self.model_folder)
        elif state == CANCELLED:
            message = message or tr("Training was cancelled; the layer is unchanged.")
        self.finished.emit(state, message)


def _plain(value):
    return None if is_null(value) else value


def write_predictions(layer, predictions_path, path_field, description) -> int:
    """Copy the prediction fields of a classify output into ``layer``'s edit buffer (matched by
    photo path: the same file has the same prediction); the old class goes to ``class_before``."""
    out = QgsVectorLayer(predictions_path, "predictions", "ogr")
    if not out.isValid():
        raise EditError(tr("The predictions {} cannot be read.").format(predictions_path))
    names = [n for n, _kind in PREDICTION_FIELDS if out.fields().lookupField(n) >= 0]
    by_path = {}
    for f in out.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
        by_path[str(_plain(f[path_field]))] = {n: _plain(f[n]) for n in names}
    if not layer.isEditable() and not layer.startEditing():
        raise EditError(tr("The layer {} cannot be edited (read-only file or data source).").format(layer.name()))
    layer.beginEditCommand(description)
    try:
        kinds = dict(PREDICTION_FIELDS)
        had_class = layer.fields().lookupField("class") >= 0
        for name in names + ([PREVIOUS_CLASS] if had_class else []):
            if layer.fields().lookupField(name) < 0:
                layer.addAttribute(QgsField(name, FIELD_TYPES[kinds.get(name, "str")]))
        index = {n: layer.fields().lookupField(n) for n in names + ([PREVIOUS_CLASS] if had_class else [])}
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
        current = [(f.id(), str(_plain(f[path_field])), _plain(f["class"]) if had_class else None)
                   for f in layer.getFeatures(request)]  # read first, then change
        changed = 0
        for fid, path, old_class in current:
            values = by_path.get(path)
            if values is None:
                continue
            changes = {index[n]: values[n] for n in names}
            if had_class:
                changes[index[PREVIOUS_CLASS]] = old_class
            layer.changeAttributeValues(fid, changes)
            changed += 1
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    return changed


__all__ = ["Trainer", "write_predictions", "SUCCEEDED", "FAILED", "CANCELLED"]
