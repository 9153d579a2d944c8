"""Enum indices are stored by saved models, scripts and ``qgis_process`` calls: they never move.

The table below is written by hand from the README and the releases that shipped each option
(not read from ``core/options.py``): an option list may only grow at its end. When an option is
appended, append it here too; changing an existing row means breaking users' scripts.
"""
from photo_motifs.core import options

PINNED = {
    "BACKBONE_OPTIONS": ("efficientnet_lite0", "efficientnet_lite2", "orange_squeezenet",
                         "efficientnet_lite0_int8", "own_onnx", "clip", "clip_int8"),
    "CLUSTER_METHOD_OPTIONS": ("hierarchical", "kmeans", "hdbscan"),
    "METRIC_OPTIONS": ("cosine", "euclidean"),
    "LINKAGE_OPTIONS": ("average", "ward", "complete", "single"),
    "CUT_OPTIONS": ("auto", "k", "height_ratio"),
    "PROJECTION_OPTIONS": ("pca", "tsne", "none"),
    "TRAINING_METHOD_OPTIONS": ("linear", "mlp", "finetune"),
    "EXPORT_MODE_OPTIONS": ("copy", "link"),
    "FLICKR_DATE_OPTIONS": ("taken", "upload"),
    "FLICKR_LICENCE_OPTIONS": ("all", "cc", "no_known_restrictions"),
    "FLICKR_SIZE_OPTIONS": ("z", "n", "c", "b", "o"),
    "SUMMARY_MEASURE_OPTIONS": ("pud", "users", "photos"),
    "GRID_SHAPE_OPTIONS": ("hexagon", "square"),
}


def test_every_option_list_is_pinned():
    lists = {name for name in dir(options) if name.endswith("_OPTIONS")}
    assert lists == set(PINNED), "pin the new option list here (its values by index)"


def test_pinned_indices_keep_their_values():
    for name, pinned in PINNED.items():
        current = options.values(getattr(options, name))
        assert current[:len(pinned)] == pinned, f"{name}: an existing index changed its meaning"
        assert len(current) == len(pinned), f"{name}: a new option was appended; pin it here"


def test_every_built_in_backbone_is_a_choice_with_its_title():
    from photo_motifs.models.registry import list_backbones

    labels = dict((value, label) for label, value in options.BACKBONE_OPTIONS)
    for spec in list_backbones():
        assert labels.get(spec.id) == spec.title, spec.id
