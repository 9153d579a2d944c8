"""core/naming.py: ranking words for a motif by CLIP's zero-shot rule (expected values by hand)."""
import math

import numpy as np
import pytest

from photo_motifs.core.naming import is_clip_folder, prompts, rank_names, words_from_text


def test_rank_names_by_hand():
    # two photos pointing between x and y; "river" prompts point along x, "church" along y, "sky" along z
    images = np.array([[1.0, 0.2, 0.0], [0.8, 0.0, 0.0]])
    texts = np.array([[2, 0, 0], [1, 0.0, 0], [0, 3, 0], [0, 1, 0], [0, 0, 1], [0, 0, 5]], dtype=float)
    ranked = rank_names(images, texts, ["river", "church", "sky"], n_templates=2, top=3)
    # mean of the unit image vectors: (1/|.|)(1+1, 0.196, 0) -> cosines by hand
    m = np.array([1 / math.hypot(1, 0.2) + 1.0, 0.2 / math.hypot(1, 0.2), 0.0])
    cos = m / np.linalg.norm(m)
    logits = 100 * np.array([cos[0], cos[1], cos[2]])
    p = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    assert [w for w, _ in ranked] == ["river", "church", "sky"]
    assert [s for _, s in ranked] == pytest.approx(list(p))


def test_wrong_number_of_text_embeddings_is_a_sentence():
    with pytest.raises(ValueError, match="text embeddings for 2 words"):
        rank_names(np.ones((1, 3)), np.ones((3, 3)), ["a", "b"], n_templates=2)
    assert rank_names(np.zeros((0, 3)), np.ones((2, 3)), ["a", "b"], n_templates=1) == []


def test_words_and_prompts_and_folder(tmp_path):
    assert words_from_text("church, river  at night\n\nchurch\n graffiti ") == ["church", "river at night", "graffiti"]
    assert prompts(["a", "b"], ("x {}", "y {}")) == ["x a", "y a", "x b", "y b"]
    assert not is_clip_folder(tmp_path) and not is_clip_folder("")
    (tmp_path / "image.onnx").write_bytes(b"")
    (tmp_path / "text.onnx").write_bytes(b"")
    assert is_clip_folder(tmp_path)
