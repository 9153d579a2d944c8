"""The columns each step adds to a photo layer, computed once for both faces of the engine.

The Processing algorithms (``processing/alg_embed.py``, ``alg_cluster.py``, ``alg_classify.py``)
write these columns through QGIS sinks, one feature at a time (:func:`row`); the Python API
(``api/``) turns them into GeoDataFrame columns. Either way the values come from here, so both
give the same layer. Columns are numpy arrays, one value per row of the layer: object arrays
(None = NULL) for text and booleans, float arrays (NaN = NULL) for numbers.

``reasons`` maps a layer row without a result to its sentence (a photo that could not be read,
a feature without a photo path); the Processing side passes them already in the user's language.
"""
from __future__ import annotations

import math

import numpy as np

EMBED_FIELDS = [("embed_status", "str"), ("embed_note", "str"), ("photo_id", "str")]
CLUSTER_FIELDS = [
    ("cluster", "str"), ("cluster_size", "int"), ("cluster_rank", "int"),
    ("medoid_dist", "float"), ("is_medoid", "bool"), ("cluster_note", "str"),
    ("sim_x", "float"), ("sim_y", "float"), ("cluster_tiny", "bool"),
]
NO_PATH = ("no_path", "The feature has no photo path.")


def class_fields(top_k: int) -> list:
    """Fields of a classification with ``top_k`` classes kept per photo."""
    fields = [("class", "str"), ("confidence", "float"), ("unknown", "bool"), ("unknown_score", "float"),
              ("best_class", "str")]
    for k in range(2, top_k + 1):
        fields += [(f"class_{k}", "str"), (f"confidence_{k}", "float")]
    return fields + [("top_classes", "str"), ("classify_note", "str")]


def empty_columns(schema, n: int) -> dict:
    """NULL columns of ``n`` rows for a schema of (name, kind)."""
    return {name: np.full(n, np.nan) if kind in ("int", "float") else np.full(n, None, dtype=object)
            for name, kind in schema}


def row(columns: dict, schema, i: int) -> dict:
    """Row ``i`` as plain Python values (None for NULL, int for integer fields)."""
    out = {}
    for name, kind in schema:
        value = columns[name][i]
        if value is None or (isinstance(value, float) and value != value):
            out[name] = None
        elif kind == "int":
            out[name] = int(value)
        elif kind == "float":
            out[name] = float(value)
        elif kind == "bool":
            out[name] = bool(value)
        else:
            out[name] = value
    return out


def failed_rows(n_rows: int, valid, result) -> dict:
    """{layer row: (reason code, sentence)} of rows without an embedding.

    ``valid`` lists the layer rows that had a photo path, in the order they were embedded;
    ``result`` is the ``core.embed.EmbeddingResult`` of those paths.
    """
    reasons = {i: NO_PATH for i in range(n_rows)}
    for i in valid:
        reasons.pop(i, None)
    for idx, _path, code, sentence in result.failed:
        reasons[valid[idx]] = (code, sentence)
    return reasons


def embed_columns(n_rows: int, valid, result, reasons: dict, backbone_id: str, known_ids=None) -> dict:
    """``embed_status`` ('ok' or 'failed'), ``embed_note`` (the model, or the reason) and ``photo_id``.

    ``known_ids``: the layer's own photo_id values, kept for rows that were not identified.
    """
    cols = empty_columns(EMBED_FIELDS, n_rows)
    if known_ids is not None:
        cols["photo_id"][:] = list(known_ids)
    for k, i in enumerate(valid):
        if result.photo_ids[k]:
            cols["photo_id"][i] = result.photo_ids[k]
    cols["embed_status"][:] = "ok"
    cols["embed_note"][:] = backbone_id
    for i, text in reasons.items():
        cols["embed_status"][i] = "failed"
        cols["embed_note"][i] = text
    return cols


def tiny_limit(n_photos: int) -> int:
    """A motif with fewer photos than this is flagged 'tiny' (probably not a motif): 3 photos, or
    0.2 % of the photos in large collections (40 of 20,000)."""
    return max(3, math.ceil(0.002 * n_photos))


def tiny_motifs(sizes: dict, n_photos: int) -> list:
    """The motifs of ``sizes`` ({motif: photos}) with fewer photos than :func:`tiny_limit`."""
    limit = tiny_limit(n_photos)
    return [name for name, size in sizes.items() if size < limit and name not in ("noise", "-1")]


def cluster_columns(n_rows: int, layer_row, result, xy, reasons: dict, tiny=(), reps=None, sizes=None,
                    member_note=None) -> dict:
    """The clustering's columns: ``layer_row[r]`` is the layer row of embedding row ``r``.

    ``tiny``: motifs flagged as probably no motif (``cluster_tiny``). With bursts clustered as one
    photo, ``reps[i]`` is the layer row of row ``i``'s burst representative: the other members get
    its motif, rank and map position (never ``is_medoid``) and ``member_note``; ``sizes`` then gives
    each motif's size in photos (burst members included) instead of clustered photos.
    """
    cols = empty_columns(CLUSTER_FIELDS, n_rows)
    at = np.asarray(layer_row, dtype=np.int64)
    labels = np.asarray(result.labels, dtype=object)
    sizes = result.sizes if sizes is None else sizes
    tiny = set(tiny)
    cols["cluster"][at] = labels
    cols["cluster_size"][at] = [sizes.get(label) for label in labels]
    cols["cluster_rank"][at] = result.rank
    cols["medoid_dist"][at] = result.dist_to_medoid
    cols["is_medoid"][at] = [bool(v) for v in result.is_medoid]
    cols["cluster_tiny"][at] = [label in tiny for label in labels]
    if xy is not None:
        cols["sim_x"][at], cols["sim_y"][at] = xy[:, 0], xy[:, 1]
    for i, text in reasons.items():
        cols["cluster_note"][i] = text
    if reps is not None:
        members = [i for i in range(n_rows) if int(reps[i]) != i]
        own = [int(reps[i]) for i in members]
        for name, _kind in CLUSTER_FIELDS:
            cols[name][members] = cols[name][own]
        clustered = [cols["cluster"][r] is not None for r in own]
        cols["is_medoid"][members] = [False if c else None for c in clustered]
        cols["cluster_note"][members] = [member_note if c else cols["cluster_note"][r]
                                         for c, r in zip(clustered, own)]
    return cols


def classify_columns(n_rows: int, photos_by_row: dict, reasons: dict, top_k: int, no_path: str) -> dict:
    """The classification's columns; ``photos_by_row``: {layer row: core.classify.ClassifiedPhoto}."""
    schema = class_fields(top_k)
    cols = empty_columns(schema, n_rows)
    for i in range(n_rows):
        photo = photos_by_row.get(i)
        if photo is None:
            cols["classify_note"][i] = reasons.get(i, no_path)
            continue
        cols["class"][i], cols["confidence"][i], cols["unknown"][i] = photo.label, photo.confidence, photo.unknown
        cols["unknown_score"][i] = photo.unknown_score
        cols["best_class"][i] = photo.top[0][0]
        cols["top_classes"][i] = "; ".join(f"{c} {p:.3f}" for c, p in photo.top)
        for k, (c, p) in enumerate(photo.top[1:], start=2):
            cols[f"class_{k}"][i], cols[f"confidence_{k}"][i] = c, p
    return cols


# --- the motif summary (photomotifs:summarize): detected input fields and output field kinds ----

# detection order of the import's fields (importphotos writes taken_at; importtable owner, taken_at)
MOTIF_CANDIDATES = ("cluster", "class", "motif", "label")
USER_CANDIDATES = ("owner", "user", "user_id", "userid", "username", "owner_id", "ownername", "author")
DATE_CANDIDATES = ("taken_at", "datetaken", "date_taken", "taken", "datetimeoriginal", "date", "datetime")
INT_COLUMNS = {"photos", "users", "pud", "no_user", "dom_ties", "richness", "min_users"}
FLOAT_COLUMNS = {"dom_share", "dom_margin", "shannon", "evenness", "mean_conf"}


def detect_field(names, candidates):
    """First candidate present among ``names`` (case-insensitive), as spelled in the layer."""
    lower = {n.lower(): n for n in names}
    for c in candidates:
        if c in lower:
            return lower[c]
    return None


def summary_kind(col: str) -> str:
    """'int', 'float', 'bool' or 'str': the type of a motif summary column."""
    if col in INT_COLUMNS or col.startswith("n_"):
        return "int"
    if col in FLOAT_COLUMNS or col.startswith("s_"):
        return "float"
    return "bool" if col == "suppressed" else "str"
