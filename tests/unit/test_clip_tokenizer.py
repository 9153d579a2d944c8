"""Our CLIP tokenizer gives the ids of the original CLIP tokenizer (open_clip's tokenizer.py).

Expected ids come from outside the code under test: the cleaning each tricky string must get
(ftfy, HTML unescaped twice, whitespace, lower case) is written out by hand below, and the ids
of that cleaned text are computed by transformers' CLIPTokenizer (Rust ``tokenizers`` BPE over
the same vocab.json/merges.txt), which agrees with the original once the text is cleaned.
Where the original differs for another reason (literal special tokens), the expected ids are
put together by hand. The vocabulary is learnt from a small corpus in CLIP's format
(tests/clip_helpers.py), so byte characters, ``</w>`` and merge order all matter.
"""
import pytest

from photo_motifs.core import clip_tokenizer
from photo_motifs.core.clip_tokenizer import ClipTokenizer, TokenizerError
from photo_motifs.tests import clip_helpers

NFD_CAFE = "Cafe\u0301 cre\u0300me"
FINAL_SIGMA = "\u03bf\u03b4\u03bf\u03c2"  # "οδος" ending in ς (U+03C2), as str.lower() writes it
HUNDRED_WORDS = " ".join(["photo", "of", "the", "old", "town"] * 20)

# raw text -> the text open_clip's cleaning gives (by hand)
CLEANED = {
    "Café crème": "café crème",
    NFD_CAFE: "café crème",  # ftfy's NFC
    "Õismäe ülikool, ŠOKOLAAD ja ŽÜRII": "õismäe ülikool, šokolaad ja žürii",
    "🌲 forest 🌊 sea 😀": "🌲 forest 🌊 sea 😀",
    "\u201cTallinn\u2019s\u201d old town": "\"tallinn's\" old town",  # curly quotes uncurled
    "<b>fish &amp;amp; chips</b>": "<b>fish & chips</b>",  # ftfy keeps entities in HTML; unescaped twice
    "rock &amp; roll": "rock & roll",
    "\uff34\uff21\uff2c\uff2c\uff29\uff2e\uff2e \uff12\uff10\uff12\uff14": "tallinn 2024",  # full width
    "\ufb01eld \ufb02owers office": "field flowers office",  # ligatures
    "ΟΔΟΣ": FINAL_SIGMA,
    "CafÃ© crÃ¨me": "café crème",  # mojibake repaired
    "  many   spaces\tand\nnew lines  ": "many spaces and new lines",
    "It's 3 o'clock, don\u2019t we'll?": "it's 3 o'clock, don't we'll?",
    "Photo of a CHURCH…": "photo of a church…",
    HUNDRED_WORDS: HUNDRED_WORDS,
}
# strings where transformers' tokenizer on the raw text gives other ids than the original
RAW_DIFFERS = ["\u201cTallinn\u2019s\u201d old town", "<b>fish &amp;amp; chips</b>", "rock &amp; roll",
               "\uff34\uff21\uff2c\uff2c\uff29\uff2e\uff2e \uff12\uff10\uff12\uff14", "\ufb01eld \ufb02owers office",
               "ΟΔΟΣ", "CafÃ© crÃ¨me"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tok")
    merges = clip_helpers.learn_bpe()
    vocab = clip_helpers.write_tokenizer(folder, merges)
    return folder, vocab, merges


@pytest.fixture(scope="module")
def ours(files):
    return ClipTokenizer.from_folder(files[0])


@pytest.fixture(scope="module")
def hf(files):
    from transformers import CLIPTokenizer

    _folder, vocab, merges = files
    return CLIPTokenizer(vocab=vocab, merges=[tuple(m) for m in merges])


def hf_ids(hf, text):
    ids = hf(text)["input_ids"]
    assert ids[0] == hf.bos_token_id and ids[-1] == hf.eos_token_id
    return ids[1:-1]


def test_the_vocabulary_has_real_merges(files, ours):
    _folder, vocab, merges = files
    assert len(merges) > 250 and len(vocab) == 512 + len(merges) + 2
    assert ours.sot_id == len(vocab) - 2 and ours.eot_id == len(vocab) - 1
    # the byte table and open_clip's vocabulary order, written independently in the helpers
    assert clip_tokenizer.bytes_to_unicode() == clip_helpers.bytes_to_unicode()
    assert clip_tokenizer.vocab_from_merges(merges) == vocab
    # merged pieces are used: 'photo' is one token of the vocabulary, not five letters
    assert len(ours.encode("photo")) == 1


@pytest.mark.parametrize("raw", list(CLEANED))
def test_ids_equal_the_original_tokenizer(ours, hf, raw):
    assert clip_tokenizer.clean_text(raw) == CLEANED[raw]
    expected = hf_ids(hf, CLEANED[raw])
    assert ours.encode(raw) == expected
    row = ours([raw])[0]
    if len(expected) + 2 <= 77:
        assert list(row[:len(expected) + 2]) == [ours.sot_id, *expected, ours.eot_id]
        assert not row[len(expected) + 2:].any()  # padded with zeros


def test_a_long_sentence_is_cut_keeping_the_end_token(ours, hf):
    expected = hf_ids(hf, HUNDRED_WORDS)
    assert len(expected) == 100
    row = ours(HUNDRED_WORDS)[0]
    assert row.shape == (77,)
    assert list(row) == [ours.sot_id, *expected[:75], ours.eot_id]


def test_literal_special_tokens_as_open_clip(ours, hf):
    """open_clip's pattern knows '<start_of_text>'/'<end_of_text>' (any case): they give the special ids;
    Hugging Face's names '<|endoftext|>' are plain text there, cut into '<|', 'endoftext', '|>'."""
    assert ours.encode("<END_of_text> here") == [ours.eot_id, *hf_ids(hf, "here")]
    assert ours.encode("<start_of_text>") == [ours.sot_id]
    assert ours.encode("<|endoftext|> sneaky") == hf_ids(hf, "<| endoftext |> sneaky")
    assert ours.eot_id not in ours.encode("<|endoftext|> sneaky")
    # transformers itself treats '<|endoftext|>' as its end token: a difference the test must see
    assert hf_ids(hf, "<|endoftext|> sneaky")[0] == ours.eot_id


@pytest.mark.parametrize("raw", RAW_DIFFERS)
def test_transformers_on_raw_text_would_differ(ours, hf, raw):
    """The cases where a tokenizer without the original cleaning goes wrong are really exercised."""
    assert hf_ids(hf, raw) != ours.encode(raw)


def test_batch_shape_and_empty_text(ours):
    batch = ours(["", "photo", "Õismäe"])
    assert batch.shape == (3, 77) and batch.dtype.name == "int64"
    assert list(batch[0, :3]) == [ours.sot_id, ours.eot_id, 0]


def test_bad_files_give_sentences(tmp_path, files):
    folder, _vocab, _merges = files
    with pytest.raises(TokenizerError, match="vocab.json"):
        ClipTokenizer.from_folder(tmp_path)
    (tmp_path / "vocab.json").write_text('{"a": 0}', encoding="utf-8")
    (tmp_path / "merges.txt").write_text("#version: 0.2\na b\n", encoding="utf-8")
    with pytest.raises(TokenizerError, match="do not belong together"):
        ClipTokenizer.from_folder(tmp_path)
    (tmp_path / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    with pytest.raises(TokenizerError, match="special token"):
        ClipTokenizer.from_folder(tmp_path)


def test_open_clip_merges_file_gives_the_same_ids(tmp_path, files, ours):
    """bpe_simple_vocab_16e6.txt.gz (open_clip's file: a header line, then merges) builds the same vocabulary."""
    import gzip

    _folder, _vocab, merges = files
    gz = tmp_path / "bpe_simple_vocab_16e6.txt.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write("\"bpe_simple_vocab_16e6.txt#version: 0.2\n" + "\n".join(f"{a} {b}" for a, b in merges) + "\n")
    read = clip_tokenizer.read_merges(gz)
    assert read == merges
    other = ClipTokenizer(clip_tokenizer.vocab_from_merges(read), read)
    assert other.encode("Õismäe 🌲 photo") == ours.encode("Õismäe 🌲 photo")
