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

MODEL_FILE = "model.onnx"
SIGNATURE_FILE = "signature.json"
LABELS_FILE = "labels.txt"
HEAD_FILE = "head.npz"
CARD_FILE = "model_card.md"

# a CLIP model folder (written by models/clip.py, read by core/zeroshot.py and models/registry.py)
CLIP_INFO_FILE = "clip.json"  # what the folder holds: dimensions, logit scale, token ids, preprocessing
CLIP_IMAGE_FILE = "image.onnx"  # pixels [N, 3, S, S] (normalised) -> features [N, E]
CLIP_IMAGE_INT8_FILE = "image_int8.onnx"  # the same with int8 matrix products
CLIP_TEXT_FILE = "text.onnx"  # input_ids [N, 77] -> text_embeds [N, E]
CLIP_VOCAB_FILE = "vocab.json"
CLIP_MERGES_FILE = "merges.txt"
CLIP_FORMAT = "photo_motifs.clip"
