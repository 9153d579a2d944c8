"""Names in a classifier model folder and in its ONNX metadata.

Shared by the exporter (``models/classifier_export.py``) and the loader (``core/lobe.py``), so
the two cannot drift apart. The signature keys follow Lobe's ONNX exports (lobe-python's
``Signature``).
"""

METADATA_PREFIX = "photo_motifs."  # ONNX metadata_props keys we write start with this
CLASSIFIER_PREFIX = METADATA_PREFIX + "classifier."

INPUT_KEY = "Image"  # signature.json: inputs.Image
INPUT_NAME = "Image:0"  # the graph's image input
CONFIDENCES = "Confidences"  # probabilities output (signature key and tensor name)
PREDICTION = "Prediction"  # most confident class name output
UNKNOWN_SCORE = "UnknownScore"  # our extra output: unknown_score [N] (core/openset.py); not in Lobe's signature keys

MODEL_FILE = "model.onnx"
SIGNATURE_FILE = "signature.json"
LABELS_FILE = "labels.txt"
HEAD_FILE = "head.npz"
UNKNOWN_FILE = "unknown.npz"  # the calibrated 'unknown' (core.openset.UnknownCalibration)
CARD_FILE = "model_card.md"
