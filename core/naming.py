"""Names for motifs from words: rank a word list against a motif's CLIP image embeddings.

The Motifs panel's "Suggest names…" asks a CLIP model (image and text towers, converted
locally; issue "CLIP") which words describe a motif's most typical photos. The engine that
computes the embeddings lives with the CLIP conversion; this module holds the part that does
not depend on it:

* :func:`rank_names` — CLIP's zero-shot rule: the L2-normalised mean of the motif's image
  embeddings against each word's text embedding (the mean of its prompts, normalised), softmax
  of the cosine similarities times CLIP's logit scale; best first.
* :data:`TEMPLATES` — prompts in CLIP's "a photo of a {}." family, averaged per word.
* :class:`NameSuggester` — the interface an engine offers the panel:
  ``image_embeddings(paths) -> array [n, d]`` and ``text_embeddings(texts) -> array [m, d]``.
  The panel finds an engine as ``models.clip.name_suggester(folder)`` (returns a
  NameSuggester for a converted model folder); until that exists the action says so.
* :func:`is_clip_folder` — a folder holding a converted image and text tower.
"""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

TEMPLATES = ("a photo of a {}.", "a photo of the {}.", "a photo of {}.", "a picture of a {}.")
LOGIT_SCALE = 100.0  # CLIP's learned temperature (exp of its logit_scale), fixed at 100 in released models
# words to start from (editable in the panel): what city and landscape photos usually show
DEFAULT_WORDS = (
    "architecture", "church", "castle", "tower", "old town", "skyline", "bridge", "street", "street art",
    "graffiti", "market", "shop window", "café", "restaurant", "food", "people", "crowd", "concert",
    "festival", "sport", "statue", "monument", "fountain", "museum", "park", "garden", "flowers", "trees",
    "forest", "meadow", "field", "lake", "river", "river at night", "sea", "beach", "harbour", "boat",
    "mountain", "snow", "winter", "autumn leaves", "sunset", "night city", "sky", "clouds", "animals",
    "birds", "dog", "cat", "car", "bicycle", "train", "bus", "railway station", "airport", "playground",
    "cemetery", "ruins", "wetland", "interior", "selfie", "sign", "text", "map", "screenshot",
)


class NameSuggester(Protocol):
    """What a CLIP engine gives the panel (see the module doc)."""

    def image_embeddings(self, paths) -> np.ndarray: ...

    def text_embeddings(self, texts) -> np.ndarray: ...


def is_clip_folder(folder) -> bool:
    """True when ``folder`` holds a converted CLIP model (image.onnx and text.onnx)."""
    return bool(folder) and all(os.path.isfile(os.path.join(str(folder), name))
                                for name in ("image.onnx", "text.onnx"))


def words_from_text(text: str) -> list:
    """Words or phrases, one per line or separated by commas; blanks and repeats dropped."""
    out = []
    for line in str(text or "").replace(",", "\n").splitlines():
        word = " ".join(line.split())
        if word and word not in out:
            out.append(word)
    return out


def prompts(words, templates=TEMPLATES) -> list:
    """Every template filled with every word, word by word (``len(words) * len(templates)``)."""
    return [t.format(w) for w in words for t in templates]


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norm > 0, norm, 1.0)


def rank_names(image_embeddings, prompt_embeddings, words, n_templates: int = len(TEMPLATES),
               top: int = 5) -> list:
    """[(word, probability)] best first: the motif (mean of its photos) against each word.

    ``prompt_embeddings`` has ``len(words) * n_templates`` rows in :func:`prompts` order.
    """
    words = list(words)
    images = _unit(np.atleast_2d(image_embeddings))
    if not len(images) or not words:
        return []
    texts = np.asarray(prompt_embeddings, dtype=np.float64)
    if texts.shape[0] != len(words) * n_templates:
        raise ValueError(f"Got {texts.shape[0]} text embeddings for {len(words)} words x {n_templates} prompts.")
    motif = _unit(images.mean(axis=0))
    per_word = _unit(_unit(texts).reshape(len(words), n_templates, -1).mean(axis=1))
    logits = LOGIT_SCALE * per_word @ motif
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    order = np.argsort(-probs, kind="stable")[:top]
    return [(words[i], float(probs[i])) for i in order]


def suggest_names(suggester: NameSuggester, paths, words, top: int = 5) -> list:
    """Rank ``words`` for the photos ``paths`` with an engine (see :class:`NameSuggester`)."""
    words = list(words)
    images = suggester.image_embeddings(list(paths))
    texts = suggester.text_embeddings(prompts(words))
    return rank_names(images, texts, words, top=top)
