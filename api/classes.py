"""Classifiers: ``photomotifs:train`` and ``photomotifs:classify`` on GeoDataFrames and folders
(``core.train``, ``models.classifier_export``, ``models.apply``)."""
from __future__ import annotations

import os

from .embedding import PATH_FIELD, open_cache, photo_paths
from .progress import feedback_for


def _training_data(training, label_field: str, path_field: str, root) -> tuple:
    """(paths, labels, invalid, description) from a folder of class subfolders or a photo layer."""
    from ..core.train import collect_folder_dataset

    if isinstance(training, (str, os.PathLike)):
        folder = os.fspath(training)
        if not os.path.isdir(folder):
            raise ValueError(f"The folder {folder} does not exist.")
        paths, labels, invalid = collect_folder_dataset(folder)
        return paths, labels, invalid, os.path.abspath(folder)
    if label_field not in training.columns:
        raise ValueError(f"The layer has no field '{label_field}'.")
    paths, labels, invalid = [], [], []
    for path, label in zip(photo_paths(training, path_field, root), training[label_field].tolist()):
        if not path:
            continue
        if label is None or (isinstance(label, float) and label != label) or str(label) == "":
            invalid.append((path, "no_class", "The photo has no class in the layer."))
            continue
        paths.append(path)
        labels.append(str(label))
    return paths, labels, invalid, f"a GeoDataFrame, field {label_field}"


def train(training, out_dir, *, label_field: str = "cluster", path_field: str = PATH_FIELD, root=None,
          backbone=None, cache=None, method: str = "linear", finetune_seconds: int = 300, val_fraction: float = 0.2,
          cv_folds: int = 0, seed: int = 0, balanced: bool = True, name: str | None = None, progress=False):
    """Train a classifier as ``photomotifs:train`` does: from a folder with one subfolder per class
    (Lobe's layout) or from a photo layer whose ``label_field`` holds the classes. Writes the model
    folder ``out_dir`` (model.onnx, signature.json, report, model card) and returns
    ``models.classifier_export.TrainedModel`` (``folder``, ``result.evaluation``, ``invalid``...)."""
    from ..models.classifier_export import train_model
    from .embedding import backbone_spec

    paths, labels, invalid, described = _training_data(training, label_field, path_field, root)
    if len(set(labels)) < 2:
        raise ValueError(f"Training needs photos of at least two classes; found {len(set(labels))} class(es) "
                         f"in {described}.")
    spec, onnx_path = backbone_spec(backbone)
    fb, close = feedback_for(progress, "Training")
    try:
        return train_model(paths, labels, os.fspath(out_dir), invalid=invalid, backbone=spec, onnx_path=onnx_path,
                           method=method, val_fraction=val_fraction, seed=seed, cv_folds=cv_folds,
                           class_weight="balanced" if balanced else None, cache=open_cache(cache), name=name,
                           source=described, feedback=fb, finetune_seconds=finetune_seconds)
    finally:
        close()


def classify(gdf, model, *, path_field: str = PATH_FIELD, root=None, labels=None, input_size: int | None = None,
             top_k: int = 3, threshold: float = 0.0, use_cache: bool = True, cache=None, details: bool = False,
             progress=False):
    """``gdf`` with the columns of ``photomotifs:classify`` (class, confidence, unknown, class_2...,
    top_classes, classify_note). ``model``: a model folder's signature.json or model.onnx (ours or a
    Lobe ONNX export), or any ONNX classifier with ``labels`` (a file, one class per line).
    ``details=True`` also returns the ``core.classify.ClassifyResult``."""
    from ..core.layer_columns import class_fields, classify_columns
    from ..core.lobe import load_model
    from ..models.apply import classify_photos
    from .layers import frame_from_columns, with_columns

    loaded = load_model(os.fspath(model), labels=os.fspath(labels) if labels else None, size=input_size or None)
    top_k = min(int(top_k), len(loaded.classes))
    paths = photo_paths(gdf, path_field, root)
    valid = [i for i, p in enumerate(paths) if p]
    fb, close = feedback_for(progress, "Classifying photos")
    try:
        result, _emb, _spec = classify_photos([paths[i] for i in valid], loaded, top_k=top_k, threshold=threshold,
                                              cache=lambda: open_cache(cache), use_cache=use_cache, feedback=fb)
    finally:
        close()
    by_row = {valid[p.index]: p for p in result.photos}
    reasons = {valid[i]: sentence for i, _path, _code, sentence in result.failed}
    schema = class_fields(top_k)
    columns = classify_columns(len(gdf), by_row, reasons, top_k, "The feature has no photo path.")
    out = with_columns(gdf, frame_from_columns(columns, schema, index=gdf.index), schema)
    return (out, result) if details else out
