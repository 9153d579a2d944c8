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
(``processing.common.option_labels``). So this file belongs in the list of sources given to
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


# photomotifs:cluster (core/cluster.py, core/projection.py)
CLUSTER_METHOD_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "hierarchical"), "hierarchical"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "kmeans"), "kmeans"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "hdbscan"), "hdbscan"),
)
METRIC_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "cosine"), "cosine"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "euclidean"), "euclidean"),
)
LINKAGE_OPTIONS = (
    (QT_TRANSLATE_NOOP("PhotoMotifs", "average"), "average"),
    (QT_TRANSLATE_NOOP("PhotoMotifs", "ward"), "ward"),
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
