"""Kept for existing imports: the classifier loader lives in ``core/lobe.py``.

``core/classify.py`` loads models and ``core/`` never imports ``models/``, so the loader moved
to ``core``; import it from there in new code.
"""
from ..core.lobe import (  # noqa: F401
    EXPORT_ONNX_SENTENCE,
    LAYOUTS,
    SCALINGS,
    TF_FORMATS,
    LoadedClassifier,
    ModelError,
    load_model,
)
