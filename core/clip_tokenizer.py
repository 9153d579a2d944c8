"""The original CLIP tokenizer in pure Python (no torch, no transformers): open_clip's ``SimpleTokenizer``.

CLIP models were trained on ids made by this procedure (OpenAI's ``simple_tokenizer.py``, kept
in open_clip's ``tokenizer.py``); a tokenizer that differs gives a text embedding for other
ids, silently. transformers' and the ``tokenizers`` library's CLIP tokenizers skip ftfy and the
HTML unescaping and lower-case Greek final sigma differently, so they disagree on curly quotes,
HTML entities, mojibake, full-width letters, ligatures and final sigma. The steps here:

1. cleaning (open_clip's ``clean='lower'``): ``ftfy.fix_text`` (mojibake, curly quotes ->
   straight, ligatures and full-width letters -> plain letters, NFC), ``html.unescape`` twice,
   strip; whitespace runs -> one space; ``str.lower()``;
2. pre-tokens from open_clip's regex (case-insensitive): the special tokens ``<start_of_text>``
   and ``<end_of_text>`` written literally, the contractions ``'s 't 're 've 'm 'll 'd``, runs
   of letters, single digits, runs of other non-space characters;
3. each pre-token's UTF-8 bytes as printable characters (``bytes_to_unicode``), then byte-pair
   merges in the order of ``merges.txt``, ``</w>`` marking the end of the word, and the pieces'
   ids from ``vocab.json``;
4. ``[SOT] + ids + [EOT]``; a longer sequence is cut to the context length (77) and its last id
   replaced by EOT; padded with 0 (the text tower pools at the first EOT, the largest id).

The vocabulary's start/end ids are those of ``<|startoftext|>`` / ``<|endoftext|>`` in
``vocab.json`` (Hugging Face's names; open_clip names them ``<start_of_text>`` /
``<end_of_text>`` and builds the same ids from the merges). :func:`vocab_from_merges` builds
``vocab.json`` from a merges list (open_clip's ``bpe_simple_vocab_16e6.txt.gz``) as open_clip does.
"""
from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import numpy as np

CONTEXT_LENGTH = 77
SOT_NAMES = ("<|startoftext|>", "<start_of_text>")
EOT_NAMES = ("<|endoftext|>", "<end_of_text>")
# the special tokens open_clip's pattern recognises when written in the text (lower case: the
# text is lower-cased before)
LITERAL_SPECIALS = ("<start_of_text>", "<end_of_text>")
# open_clip's pre-tokenisation pattern after its special tokens
PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""
MERGES_HEADER = "#version: 0.2"


class TokenizerError(ValueError):
    """Tokenizer files that cannot be used; the message is a sentence for the user."""


@functools.lru_cache(maxsize=1)
def bytes_to_unicode() -> dict:
    """Every byte 0..255 -> a printable character: printable Latin-1 bytes stand for themselves,
    the others (controls, space, ...) for the characters from U+0100 on, in byte order.

    The order of the entries matters: the vocabulary lists the printable bytes first (``!`` has
    id 0), then the others, as the original's ``dict(zip(bs, cs))`` does.
    """
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    table = {byte: chr(byte) for byte in printable}
    others = [byte for byte in range(256) if byte not in table]
    table.update({byte: chr(256 + n) for n, byte in enumerate(others)})
    return table


def clean_text(text: str) -> str:
    """open_clip's 'lower' cleaning: ftfy, HTML unescaped twice, whitespace collapsed, lower case."""
    import ftfy

    text = ftfy.fix_text(str(text))
    text = html.unescape(html.unescape(text)).strip()
    return " ".join(text.split()).strip().lower()


def vocab_from_merges(merges) -> dict:
    """open_clip's vocabulary for a merges list: the 256 byte characters, the same with ``</w>``,
    one entry per merge in order, then the start and end tokens (named as Hugging Face names them)."""
    symbols = list(bytes_to_unicode().values())
    vocab = symbols + [s + "</w>" for s in symbols] + ["".join(m) for m in merges]
    vocab += [SOT_NAMES[0], EOT_NAMES[0]]
    return {token: i for i, token in enumerate(vocab)}


def read_merges(path) -> list:
    """Merge pairs from ``merges.txt`` (first line a header when it starts with '#') or from open_clip's
    ``bpe_simple_vocab_16e6.txt.gz`` (header line, then 48,894 merges are used, as open_clip does)."""
    import gzip

    path = Path(path)
    try:
        raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        lines = raw.decode("utf-8").split("\n")
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise TokenizerError(f"The merges file {path.name} cannot be read ({exc}).") from None
    if path.suffix == ".gz":
        lines = lines[1:49152 - 256 - 2 + 1]
    elif lines and lines[0].startswith("#"):
        lines = lines[1:]
    merges = [tuple(line.split()) for line in lines if line.strip()]
    bad = next((m for m in merges if len(m) != 2), None)
    if bad is not None:
        raise TokenizerError(
            f"The merges file {path.name} has a line that is not a pair of symbols: {' '.join(bad)!r}.")
    return merges


def _pairs(word: tuple) -> set:
    return {(a, b) for a, b in zip(word[:-1], word[1:])}


class ClipTokenizer:
    """Text -> CLIP token ids (see the module docstring). Thread-safe for reading; one cache per object."""

    def __init__(self, vocab: dict, merges, context_length: int = CONTEXT_LENGTH):
        import regex

        self.encoder = {str(k): int(v) for k, v in vocab.items()}
        self.ranks = {tuple(m): i for i, m in enumerate(merges)}
        missing = [a + b for a, b in self.ranks if a + b not in self.encoder]
        if missing:
            raise TokenizerError(
                f"vocab.json and merges.txt do not belong together: {len(missing)} merged symbols "
                f"(e.g. {missing[0]!r}) are not in the vocabulary.")
        self.sot_id = self._special(SOT_NAMES)
        self.eot_id = self._special(EOT_NAMES)
        self.context_length = int(context_length)
        if self.context_length < 2:
            raise TokenizerError("The context length must hold at least the start and end tokens.")
        self.byte_encoder = bytes_to_unicode()
        self.cache = {s: s for s in LITERAL_SPECIALS}
        specials = "|".join(LITERAL_SPECIALS)
        self.pattern = regex.compile(specials + "|" + PATTERN, regex.IGNORECASE)

    def _special(self, names) -> int:
        for name in names:
            if name in self.encoder:
                return self.encoder[name]
        raise TokenizerError(f"vocab.json lacks the special token {names[0]}.")

    @classmethod
    def from_folder(cls, folder, context_length: int = CONTEXT_LENGTH) -> ClipTokenizer:
        """Read ``vocab.json`` and ``merges.txt`` of a model folder."""
        folder = Path(folder)
        try:
            vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TokenizerError(f"The tokenizer file vocab.json in {folder} cannot be read ({exc}).") from None
        if not isinstance(vocab, dict):
            raise TokenizerError(f"vocab.json in {folder} is not a mapping of tokens to ids.")
        return cls(vocab, read_merges(folder / "merges.txt"), context_length)

    def bpe(self, token: str) -> list:
        """The vocabulary pieces of one pre-token (already mapped to byte characters)."""
        if token in self.cache:
            return self.cache[token].split(" ")
        word = tuple(token[:-1]) + (token[-1] + "</w>",)
        pairs = _pairs(word)
        while pairs:
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            merged, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == best[0] and word[i + 1] == best[1]:
                    merged.append(best[0] + best[1])
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = tuple(merged)
            pairs = _pairs(word) if len(word) > 1 else set()
        self.cache[token] = " ".join(word)
        return list(word)

    def encode(self, text: str) -> list:
        """Token ids of ``text`` without the start and end tokens."""
        ids = []
        for piece in self.pattern.findall(clean_text(text)):
            if piece in LITERAL_SPECIALS:
                ids.append(self.sot_id if piece == LITERAL_SPECIALS[0] else self.eot_id)
                continue
            chars = "".join(self.byte_encoder[b] for b in piece.encode("utf-8"))
            for part in self.bpe(chars):
                try:
                    ids.append(self.encoder[part])
                except KeyError:
                    raise TokenizerError(f"The vocabulary has no entry for {part!r}; the tokenizer files are "
                                         "incomplete.") from None
        return ids

    def __call__(self, texts) -> np.ndarray:
        """int64 ``[len(texts), context_length]``: SOT, ids, EOT (the last id of a cut text), zeros."""
        if isinstance(texts, str):
            texts = [texts]
        out = np.zeros((len(texts), self.context_length), dtype=np.int64)
        for row, text in enumerate(texts):
            tokens = [self.sot_id] + self.encode(text) + [self.eot_id]
            if len(tokens) > self.context_length:
                tokens = tokens[:self.context_length]
                tokens[-1] = self.eot_id
            out[row, :len(tokens)] = tokens
        return out
