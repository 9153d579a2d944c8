"""CLIP at run time, without torch: text embeddings, motifs from words, the 'unknown' rule, search, names.

A CLIP folder (``models/clip.py`` writes it; names in ``core/model_files.py``) holds the image
tower (used as a backbone through ``core.embed``), the text tower ``text.onnx``, the tokenizer
and ``clip.json``. Here:

* :class:`ClipText` turns sentences into L2-normalised text embeddings (our pure-Python
  tokenizer, :mod:`.clip_tokenizer`, then onnxruntime);
* :func:`class_embeddings`: CLIP's prompt ensembling — every class name is put into each
  template ("a photo of a {}."), the normalised text embeddings are averaged and normalised
  again (Radford et al. 2021, section 3.1.4);
* :func:`zero_shot`: the classes of photos from their image embeddings. One softmax of
  ``logit_scale x cosine`` runs over the classes *and* the "other" entries: the generic prompts
  (one ensemble of content-free sentences, :data:`GENERIC_PROMPTS`) and the kinds of photos the
  user lists as belonging to no class (e.g. "selfie", "food", templated like the classes).
  **A photo is unknown when an "other" entry matches it better than every class** — the prompt
  set sets its own threshold, there is no number to tune — **or when its best class's
  confidence is below ``min_confidence``** (0: off). ``confidence`` is the best class's share of
  that softmax; ``other_margin`` = cosine of the best class - cosine of the best "other" entry
  (negative: unknown). Without "other" entries the softmax is CLIP's usual one over the classes;
* :func:`zero_shot_head`: the same scores as a linear head (``core.train.HeadParams``: weights
  = logit scale x text embeddings, "other" entries as classes named ``unknown (…)``), so
  ``models.classifier_export`` writes a model folder that *Classify photos* runs;
* :func:`rank_by_similarity`: the photos most similar to a query vector (text or photo);
* :func:`suggest_names`: names for a motif from a word list: each photo's softmax over the
  words, averaged over the motif's photos (:data:`MOTIF_WORDS` is a starting list).
"""
from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .clip_tokenizer import ClipTokenizer, TokenizerError
from .model_files import CLIP_FORMAT, CLIP_INFO_FILE, CLIP_TEXT_FILE
from .vecmath import l2_normalise

UNKNOWN = "unknown"
# a short family of CLIP's ImageNet templates that suits photographs of places and things
TEMPLATES = (
    "a photo of a {}.",
    "a photo of the {}.",
    "a good photo of a {}.",
    "a close-up photo of a {}.",
    "a bright photo of a {}.",
    "a dark photo of a {}.",
)
# content-free sentences: their ensemble competes with the classes as "other"
GENERIC_PROMPTS = (
    "a photo.",
    "a photo of something.",
    "a picture.",
    "an image of something.",
    "a snapshot.",
    "a photo of an object.",
)
GENERIC = "generic"  # the name of the generic-prompt entry in other_match
# words to start naming motifs of geotagged photos with (the user edits the list)
MOTIF_WORDS = (
    "church", "castle", "old town", "city street", "square", "market", "shop window", "graffiti", "street art",
    "monument", "statue", "museum", "modern building", "skyline", "bridge", "harbour", "boat", "ship",
    "river", "lake", "sea", "beach", "waterfall", "forest", "trees", "park", "garden", "flowers", "meadow",
    "field", "farm", "mountain", "hill", "snow", "winter", "sunset", "night", "fireworks", "festival",
    "concert", "people", "crowd", "selfie", "portrait", "food", "restaurant", "café", "interior", "car",
    "train", "bicycle", "road", "dog", "cat", "bird", "animal", "sign", "text", "screenshot",
)
TEXT_BATCH = 32


class ClipModelError(ValueError):
    """A CLIP folder that cannot be used; the message is a sentence for the user."""


def read_clip_info(folder) -> dict:
    """``clip.json`` of a CLIP folder (checked: the format and the files it names exist)."""
    folder = Path(folder)
    path = folder / CLIP_INFO_FILE
    if not path.is_file():
        raise ClipModelError(f"{folder} is not a CLIP model folder (it has no {CLIP_INFO_FILE}); convert the model "
                             "first with 'Add a CLIP model'.")
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClipModelError(f"{path} cannot be read ({exc}).") from None
    if not isinstance(info, dict) or info.get("format") != CLIP_FORMAT:
        raise ClipModelError(f"{path} does not describe a CLIP model converted by Photo Motifs.")
    from .safe_paths import UnsafePathError, safe_child

    for key, name in (info.get("files") or {}).items():
        try:
            if not safe_child(folder, name, what=f"the {key} file").is_file():
                raise ClipModelError(f"The file {name} of the CLIP model in {folder} is missing.")
        except UnsafePathError as exc:
            raise ClipModelError(str(exc)) from None
    return info


@dataclass
class ClassPrompts:
    """A class and the sentences that describe it."""

    label: str
    prompts: list


def read_class_lines(value) -> list:
    """Lines of a multi-line text, or of the text file it names; blank lines and '#' comments dropped."""
    text = str(value or "")
    candidate = text.strip()
    if candidate and "\n" not in candidate and os.path.isfile(candidate):
        try:
            text = Path(candidate).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ClipModelError(f"The class list {candidate} cannot be read ({exc}).") from None
    lines = [line.strip() for line in re.split(r"[\r\n]+", text)]
    return [line for line in lines if line and not line.startswith("#")]


def parse_classes(lines, templates=TEMPLATES) -> list:
    """``ClassPrompts`` from lines: ``church`` (put into every template) or ``graffiti: street art; a
    wall with graffiti`` (a label and its own sentences, used as written)."""
    templates = list(templates or TEMPLATES)
    bad = [t for t in templates if "{}" not in t]
    if bad:
        raise ClipModelError(f"Every template needs '{{}}' where the class name goes; {bad[0]!r} has none.")
    out, seen = [], set()
    for line in lines:
        label, _sep, own = line.partition(":")
        label = label.strip()
        prompts = [p.strip() for p in own.split(";") if p.strip()] if _sep else []
        if not label:
            raise ClipModelError(f"The class line {line!r} has no name before ':'.")
        if label.lower() in seen:
            raise ClipModelError(f"The class {label!r} is listed twice.")
        seen.add(label.lower())
        out.append(ClassPrompts(label, prompts or [t.replace("{}", label) for t in templates]))
    return out


class ClipText:
    """The text tower of a CLIP folder: sentences -> L2-normalised embeddings (thread-safe)."""

    def __init__(self, folder, threads: int | None = None):
        self.folder = Path(folder)
        self.info = read_clip_info(self.folder)
        try:
            self.tokenizer = ClipTokenizer.from_folder(self.folder, int(self.info.get("context_length", 77)))
        except TokenizerError as exc:
            raise ClipModelError(str(exc)) from None
        self.logit_scale = float(self.info.get("logit_scale", 100.0))
        self.threads = threads
        self._session = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return str(self.info.get("name") or self.folder.name)

    def session(self):
        with self._lock:
            if self._session is None:
                import onnxruntime as ort

                opts = ort.SessionOptions()
                if self.threads:
                    opts.intra_op_num_threads = int(self.threads)
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                try:
                    self._session = ort.InferenceSession(str(self.folder / CLIP_TEXT_FILE), sess_options=opts,
                                                         providers=["CPUExecutionProvider"])
                except Exception as exc:
                    raise ClipModelError(f"onnxruntime cannot load {CLIP_TEXT_FILE} in {self.folder}: {exc}") from None
            return self._session

    def encode(self, texts, feedback=None) -> np.ndarray:
        """L2-normalised text embeddings float32 ``[len(texts), E]``."""
        texts = list(texts)
        ids = self.tokenizer(texts) if texts else np.zeros((0, self.tokenizer.context_length), np.int64)
        out = []
        for start in range(0, len(texts), TEXT_BATCH):
            if feedback is not None:
                feedback.check()
            batch = ids[start:start + TEXT_BATCH]
            # positions after the last end token do not change the result (causal mask): cut them
            used = int((batch == self.tokenizer.eot_id).argmax(axis=1).max()) + 1
            out.append(self.session().run(None, {"input_ids": np.ascontiguousarray(batch[:, :used])})[0])
        dim = int(self.info.get("embed_dim", 0))
        return l2_normalise(np.concatenate(out).astype(np.float32)) if out else np.zeros((0, dim), np.float32)

    def class_embeddings(self, classes, feedback=None) -> np.ndarray:
        """One embedding per ``ClassPrompts``: its sentences' normalised embeddings averaged, normalised."""
        return class_embeddings(self.encode([p for c in classes for p in c.prompts], feedback),
                                [len(c.prompts) for c in classes])

    def suggest_names(self, image_embeddings, words=MOTIF_WORDS, templates=TEMPLATES, top: int = 5) -> list:
        """:func:`suggest_names` with the word embeddings computed here."""
        classes = parse_classes(list(words), templates)
        return suggest_names(image_embeddings, self.class_embeddings(classes), [c.label for c in classes],
                             self.logit_scale, top)


def class_embeddings(prompt_embeddings, counts) -> np.ndarray:
    """Average consecutive groups of ``counts`` rows of normalised embeddings, then normalise (ensembling)."""
    emb = l2_normalise(np.asarray(prompt_embeddings, dtype=np.float32))
    bounds = np.cumsum([0, *counts])
    if bounds[-1] != len(emb):
        raise ValueError(f"{bounds[-1]} sentences expected, {len(emb)} embeddings given.")
    return l2_normalise(np.stack([emb[a:b].mean(axis=0) for a, b in zip(bounds[:-1], bounds[1:])]))


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class ZeroShotResult:
    """Per photo (rows of the image embeddings): the class or 'unknown' and the scores behind it."""

    classes: list
    labels: list  # best class, or UNKNOWN
    confidence: np.ndarray  # the best class's share of the softmax (classes and "other" entries)
    unknown: np.ndarray  # bool
    probs: np.ndarray  # [N, n_classes], the classes' shares (rows sum to 1 - the "other" share)
    similarity: np.ndarray  # cosine of the best class
    other_margin: np.ndarray  # cosine of the best class - cosine of the best "other" entry (nan: none)
    other_match: list  # the "other" entry that matched best ('' when none is used)
    top: list = field(default_factory=list)  # [(class, share)] per photo, best first

    def counts(self) -> dict:
        out = {c: 0 for c in self.classes}
        for label in self.labels:
            out[label] = out.get(label, 0) + 1
        return out


def zero_shot(image_embeddings, class_emb, logit_scale: float, classes, other_emb=None, other_names=(),
              min_confidence: float = 0.0, top_k: int = 3) -> ZeroShotResult:
    """Classes of photos by cosine to the class embeddings (see the module docstring for the rule).

    ``image_embeddings`` [N, E] (any scale), ``class_emb`` [C, E] and ``other_emb`` [M, E]
    normalised text embeddings (M may be 0), ``other_names`` their names.
    """
    x = l2_normalise(np.asarray(image_embeddings, dtype=np.float32))
    class_emb = np.asarray(class_emb, dtype=np.float32)
    n_classes = len(classes)
    other_emb = np.zeros((0, class_emb.shape[1]), np.float32) if other_emb is None else \
        np.asarray(other_emb, dtype=np.float32).reshape(-1, class_emb.shape[1])
    cos = x @ np.concatenate([class_emb, other_emb]).T
    probs = softmax(float(logit_scale) * cos)
    class_cos, class_probs = cos[:, :n_classes], probs[:, :n_classes]
    best = class_cos.argmax(axis=1)
    rows = np.arange(len(x))
    confidence = class_probs[rows, best]
    if len(other_emb):
        other_best = cos[:, n_classes:].argmax(axis=1)
        margin = class_cos[rows, best] - cos[rows, n_classes + other_best]
        other_match = [str(other_names[j]) for j in other_best]
    else:
        margin = np.full(len(x), np.nan, np.float32)
        other_match = [""] * len(x)
    unknown = (margin < 0) | (confidence < float(min_confidence))
    order = np.argsort(-class_probs, axis=1, kind="stable")[:, :max(1, min(top_k, n_classes))]
    return ZeroShotResult(
        classes=list(classes), labels=[UNKNOWN if u else classes[b] for u, b in zip(unknown, best)],
        confidence=confidence, unknown=unknown, probs=class_probs, similarity=class_cos[rows, best],
        other_margin=margin, other_match=[m if len(other_emb) else "" for m in other_match],
        top=[[(classes[j], float(class_probs[r, j])) for j in order[r]] for r in rows])


def other_entries(clip_text: ClipText, other_classes=(), generic: bool = True, templates=TEMPLATES,
                  feedback=None) -> tuple:
    """(embeddings [M, E], names) of the "other" entries: the generic-prompt ensemble (when ``generic``)
    and every kind of photo in ``other_classes`` (lines as for classes)."""
    entries = [ClassPrompts(GENERIC, list(GENERIC_PROMPTS))] if generic else []
    entries += parse_classes(list(other_classes), templates)
    if not entries:
        return None, []
    return clip_text.class_embeddings(entries, feedback), [e.label for e in entries]


def zero_shot_head(class_emb, logit_scale: float, classes, other_emb=None, other_names=()):
    """The zero-shot scores as a linear head: ``softmax(scale * cos)`` over classes and "other" entries."""
    from .train import HeadParams

    rows = [np.asarray(class_emb, dtype=np.float32)]
    labels = [str(c) for c in classes]
    if other_emb is not None and len(other_emb):
        rows.append(np.asarray(other_emb, dtype=np.float32))
        labels += [f"{UNKNOWN} ({name})" for name in other_names]
    weights = np.concatenate(rows).T * np.float32(logit_scale)
    dim = weights.shape[0]
    return HeadParams(classes=labels, mean=np.zeros(dim, np.float32), inv_std=np.ones(dim, np.float32),
                      weights=[weights.astype(np.float32)], biases=[np.zeros(len(labels), np.float32)],
                      method="zeroshot", hyperparameters={"logit_scale": float(logit_scale)})


def rank_by_similarity(matrix, query, n: int, exclude=None) -> tuple:
    """(row indices, cosines) of the ``n`` rows of ``matrix`` most similar to ``query``, best first.

    ``exclude``: a boolean mask of rows never returned (e.g. the query photo itself). Rows are
    compared by cosine, so stored raw embeddings need no normalising beforehand.
    """
    matrix = np.asarray(matrix, dtype=np.float32)
    if not len(matrix):
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    q = l2_normalise(np.asarray(query, dtype=np.float32).reshape(1, -1))[0]
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    sims = (matrix @ q) / np.maximum(norms, 1e-12)
    if exclude is not None:
        sims = np.where(np.asarray(exclude, dtype=bool), -np.inf, sims)
    n = max(0, min(int(n), int(np.isfinite(sims).sum())))
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    part = np.argpartition(-sims, n - 1)[:n] if n < len(sims) else np.arange(len(sims))
    order = part[np.lexsort((part, -sims[part]))]  # best first; ties by row
    return order.astype(np.int64), sims[order].astype(np.float32)


@dataclass
class NameSuggestion:
    word: str
    score: float  # mean over the motif's photos of the word's softmax share
    share: float  # fraction of the motif's photos whose best word it is
    cosine: float  # cosine of the word with the motif's mean embedding


def suggest_names(image_embeddings, word_emb, words, logit_scale: float, top: int = 5) -> list:
    """Names for one motif: ``NameSuggestion``s of its best ``top`` words, best first.

    ``image_embeddings`` [n, E]: the motif's photos (the CLIP image tower's embeddings);
    ``word_emb`` [W, E]: normalised embeddings of ``words`` (``ClipText.class_embeddings``).
    """
    x = l2_normalise(np.asarray(image_embeddings, dtype=np.float32))
    if not len(x):
        return []
    word_emb = np.asarray(word_emb, dtype=np.float32)
    probs = softmax(float(logit_scale) * (x @ word_emb.T))
    score = probs.mean(axis=0)
    share = np.bincount(probs.argmax(axis=1), minlength=len(words)) / len(x)
    centre = l2_normalise(x.mean(axis=0, keepdims=True))[0]
    cosine = word_emb @ centre
    order = np.lexsort((np.arange(len(words)), -score))[:max(1, int(top))]
    return [NameSuggestion(str(words[j]), float(score[j]), float(share[j]), float(cosine[j])) for j in order]
