"""Every choice list shown to users, defined once as ``(label, value)`` tuples, first = default.

``core`` validates the values (``ClusterParams.validate()``, ``project_2d``, ``export_groups``,
``train_model``); ``processing`` shows the labels in the order given here, so an enum index in a
saved model or a ``qgis_process`` call keeps its meaning: append new options, never reorder.
This module imports nothing outside the standard library, so an algorithm can build its dialog
even when numpy or scikit-learn are missing (the dialog then says what to install).

Translation: labels are English literals wrapped in :func:`QT_TRANSLATE_NOOP` with the context
``"PhotoMotifs"``; the function returns its text unchanged (core never imports Qt), and
pylupdate5 extracts the literals from this file because it looks for that name. Processing
shows each label through ``QCoreApplication.translate("PhotoMotifs", label)``
(``processing.params.option_labels``). So this file belongs in the list of sources given to
pylupdate5, with processing/ and plugin/.
"""
from __future__ import annotations

CONTEXT = "PhotoMotifs"  # the translation context of every label below


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 extracts
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


def values(options) -> tuple:
    """The values of ``(label, value)`` options, in order."""
    return tuple(value for _label, value in options)


def index_of(options, value) -> int:
    """The enum index of the option whose value is ``value`` (what a script or saved model passes);
    ValueError when the list has no such value."""
    return values(options).index(value)


# BACKBONE of embed, cluster, train, exportgroups (models/registry.py holds each model's spec).
# Saved models and scripts store the index: the list only grows at its end, so a backbone added
# later never shifts "own ONNX model" (tests/unit/test_options.py pins every index).
OWN_ONNX = "own_onnx"
CLIP_FOLDER = "clip"  # the image tower of a CLIP folder (models/clip.py); empty folder: the latest converted
CLIP_FOLDER_INT8 = "clip_int8"
BACKBONE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "EfficientNet-Lite0 (ImageNet, 1280-d)"), "efficientnet_lite0"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "EfficientNet-Lite2 (ImageNet, 1280-d, slower, more accurate)"),
     "efficientnet_lite2"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "SqueezeNet as in Orange Image Analytics (local embedder, 1000-d)"),
     "orange_squeezenet"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "EfficientNet-Lite0 int8 (fast: ~1.6x quicker, embeddings 0.996 cosine "
                                      "to fp32; CPUs with VNNI)"), "efficientnet_lite0_int8"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "My own ONNX model (file below)"), OWN_ONNX),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "A CLIP model folder (below; 'Add a CLIP model' converts one)"), CLIP_FOLDER),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "A CLIP model folder, int8 image tower (faster)"), CLIP_FOLDER_INT8),
)

# photomotifs:cluster (core/cluster.py, core/projection.py)
CLUSTER_METHOD_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "hierarchical"), "hierarchical"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "k-means"), "kmeans"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "HDBSCAN (leaves 'noise')"), "hdbscan"),
)
METRIC_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "cosine"), "cosine"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Euclidean"), "euclidean"),
)
LINKAGE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "average"), "average"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Ward"), "ward"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "complete"), "complete"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "single"), "single"),
)
CUT_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "automatic"), "auto"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "fixed (K)"), "k"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "height ratio (Orange)"), "height_ratio"),
)
PROJECTION_NONE = "none"
PROJECTION_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "PCA"), "pca"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "t-SNE"), "tsne"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "none"), PROJECTION_NONE),
)

# photomotifs:train: default share of photos of the known classes the calibrated 'unknown' may
# reject (core/openset.py; here so the dialog builds without numpy)
DEFAULT_UNKNOWN_REJECTION = 0.03

# photomotifs:train ('finetune' is carried out by models/finetune.py before the linear head)
FINETUNE = "finetune"
TRAINING_METHOD_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "linear (logistic regression)"), "linear"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "small neural network (MLP)"), "mlp"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "fine-tune (slow, optimise)"), FINETUNE),
)

# photomotifs:exportgroups (core/exportgroups.py)
EXPORT_MODE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "copy"), "copy"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "hard link where possible (else copy)"), "link"),
)

# photomotifs:harvestflickr (core/flickr.py)
FLICKR_DATE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Date taken"), "taken"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Date uploaded"), "upload"),
)
FLICKR_LICENCE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "All licences"), "all"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Creative Commons only (incl. CC0)"), "cc"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "No known copyright restrictions or public domain"), "no_known_restrictions"),
)
FLICKR_SIZE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Medium, 640 px (z)"), "z"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Small, 320 px (n)"), "n"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Medium, 800 px (c)"), "c"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Large, 1024 px (b)"), "b"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Original (o; not offered for every photo)"), "o"),
)

# photomotifs:summarize (core/summarize.py)
SUMMARY_MEASURE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Photo-user-days"), "pud"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Distinct users"), "users"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Photos"), "photos"),
)
GRID_SHAPE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Hexagons"), "hexagon"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "Squares"), "square"),
)

# photomotifs:summarize SEASON filter (core/phototime.py: meteorological seasons by month)
SEASON_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "All seasons"), "all"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "December–February (DJF: winter in the north, summer in the south)"), "DJF"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "March–May (MAM: spring in the north, autumn in the south)"), "MAM"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "June–August (JJA: summer in the north, winter in the south)"), "JJA"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "September–November (SON: autumn in the north, spring in the south)"),
     "SON"),
)
