"""Classify photos with a loaded model, the one way both the Processing algorithm and the API do it.

Our own models (a head trained on a built-in backbone's features) run on the embedding cache:
vectors already cached are reused and new ones stored, and only the small head is applied.
Every other model (Lobe's ONNX exports, any ONNX classifier) runs on the photos themselves.
"""
from __future__ import annotations


def classify_photos(paths, model, top_k: int = 3, threshold: float = 0.0, cache=None, use_cache: bool = True,
                    feedback=None, open_set: bool = True, unknown_limit: float = 1.0) -> tuple:
    """(``core.classify.ClassifyResult``, the ``EmbeddingResult`` used or None, its backbone spec or None).

    ``model``: a ``core.lobe.LoadedClassifier``; ``cache``: a ``core.embcache.EmbeddingCache``, a
    function that opens one (called only when it is used), or None; used when ``use_cache`` and
    the model is ours. Photo indices in the result refer to ``paths``. ``open_set``: photos unlike
    every training photo are called 'unknown' (models with a calibration); ``unknown_limit`` scales
    the calibrated threshold (1 = as calibrated).
    """
    from ..core.classify import classify_embeddings, classify_paths
    from ..core.embed import compute_embeddings
    from ..core.feedback import ensure_feedback
    from .registry import ensure_onnx, spec_for_cache_key

    fb = ensure_feedback(feedback)
    head = model.head()
    spec = spec_for_cache_key(model.backbone_cache_key) if model.backbone_cache_key else None
    # the cached path needs unknown.npz for the calibrated 'unknown'; without it the graph gives the score
    calibrated_here = not open_set or model.unknown is None or model.unknown_path is not None
    if head is None or spec is None or not use_cache or not calibrated_here:
        return classify_paths(paths, model, top_k=top_k, threshold=threshold, feedback=fb, open_set=open_set,
                              unknown_limit=unknown_limit), None, None
    cache = cache() if callable(cache) else cache
    emb = compute_embeddings(paths, spec, ensure_onnx(spec, feedback=fb), cache=cache, feedback=fb)
    result = classify_embeddings(emb.matrix, head, paths=[paths[r] for r in emb.rows], top_k=top_k,
                                 threshold=threshold, calibration=model.calibration(), open_set=open_set,
                                 unknown_limit=unknown_limit)
    for photo in result.photos:
        photo.index = emb.rows[photo.index]
    result.failed = list(emb.failed)
    return result, emb, spec
