"""Motifs from words, the 'unknown' rule, search and name suggestions (core/zeroshot.py).

The pipeline is checked against transformers' CLIPModel in torch on the same pixels and token
ids; the rules against synthetic embeddings whose answers are worked out by hand below.
"""
import math

import numpy as np
import pytest

from photo_motifs.core import zeroshot
from photo_motifs.core.zeroshot import ClassPrompts, ClipModelError, ClipText
from photo_motifs.tests import clip_helpers as h

CLASSES = ["church", "river at night", "graffiti", "winter park", "old town"]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return h.tiny_models(tmp_path_factory.mktemp("clip_models"))


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    return h.make_photos(tmp_path_factory.mktemp("zs_photos"), n=16)


@pytest.fixture(scope="module")
def embedded(models, photos):
    from photo_motifs.core.embed import compute_embeddings
    from photo_motifs.models.registry import spec_for_clip_folder

    spec = spec_for_clip_folder(models["hf"])
    result = compute_embeddings(photos, spec)
    assert result.rows == list(range(len(photos)))
    return spec, result.matrix


def torch_reference(models, spec, photos, prompts_per_class):
    """CLIP zero-shot logits in torch: image features of the same pixels, prompt ensembles, scale x cosine."""
    import torch

    from photo_motifs.core.clip_tokenizer import ClipTokenizer
    from photo_motifs.core.decode import load_for_backbone

    model = models["hf_model"]
    pixels = np.stack([load_for_backbone(p, spec) for p in photos]).astype(np.float32) / 255.0
    pixels = ((pixels - np.asarray(spec.mean, np.float32)) / np.asarray(spec.std, np.float32)).transpose(0, 3, 1, 2)
    tok = ClipTokenizer.from_folder(models["hf"])
    with torch.no_grad():
        img = model.get_image_features(pixel_values=torch.from_numpy(np.ascontiguousarray(pixels))).pooler_output
        img = torch.nn.functional.normalize(img, dim=-1)
        classes = []
        for prompts in prompts_per_class:
            t = model.get_text_features(input_ids=torch.from_numpy(tok(prompts))).pooler_output
            classes.append(torch.nn.functional.normalize(torch.nn.functional.normalize(t, dim=-1).mean(0), dim=0))
        return (model.logit_scale.exp() * img @ torch.stack(classes).T).numpy()


def test_zero_shot_argmax_equals_torch(models, photos, embedded):
    spec, matrix = embedded
    text = ClipText(models["hf"])
    classes = zeroshot.parse_classes(CLASSES)
    result = zeroshot.zero_shot(matrix, text.class_embeddings(classes), text.logit_scale, CLASSES)
    logits = torch_reference(models, spec, photos, [c.prompts for c in classes])
    top2 = np.sort(logits, axis=1)[:, -2:]
    clear = (top2[:, 1] - top2[:, 0]) > 1e-3  # numerical differences are ~1e-5
    assert clear.sum() >= len(photos) // 2
    assert [result.labels[i] for i in np.flatnonzero(clear)] == [CLASSES[j] for j in logits.argmax(1)[clear]]
    ref_probs = np.exp(logits - logits.max(1, keepdims=True))
    ref_probs /= ref_probs.sum(1, keepdims=True)
    assert np.abs(result.probs - ref_probs).max() < 1e-4
    assert not result.unknown.any() and np.isnan(result.other_margin).all()


def test_templates_and_own_sentences():
    classes = zeroshot.parse_classes(["church", "graffiti: street art on a wall; a wall with graffiti"],
                                     ["a photo of a {}.", "a {} in the city."])
    assert classes[0] == ClassPrompts("church", ["a photo of a church.", "a church in the city."])
    assert classes[1] == ClassPrompts("graffiti", ["street art on a wall", "a wall with graffiti"])
    assert zeroshot.parse_classes(["tower"])[0].prompts[0] == "a photo of a tower."
    with pytest.raises(ClipModelError, match="listed twice"):
        zeroshot.parse_classes(["Church", "church"])
    with pytest.raises(ClipModelError, match="needs '{}'"):
        zeroshot.parse_classes(["church"], ["a photo"])


def test_class_list_from_text_or_file(tmp_path):
    assert zeroshot.read_class_lines("church\n\n# a comment\r\n  river at night \n") == ["church", "river at night"]
    path = tmp_path / "classes.txt"
    path.write_text("\ufeffforest\nlake\n", encoding="utf-8")
    assert zeroshot.read_class_lines(str(path)) == ["forest", "lake"]


def test_ensemble_is_the_mean_of_normalised_sentences(models):
    text = ClipText(models["hf"])
    sentences = ["a photo of a church.", "a church.", "kirik Tallinnas"]
    each = text.encode(sentences)
    assert np.allclose(np.linalg.norm(each, axis=1), 1.0, atol=1e-6)
    mean = each.mean(axis=0)
    expected = mean / np.linalg.norm(mean)
    got = text.class_embeddings([ClassPrompts("church", sentences)])[0]
    assert np.abs(got - expected).max() < 1e-6


# --------------------------------------------------------------------------- the unknown rule


def unit(*values):
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_unknown_rule_with_known_answers():
    """Classes e1, e2, one 'other' entry e3 (orthogonal); logit scale 10. Worked out by hand:

    p1 = e1                    -> cos (1, 0 | 0): class A, margin 1
    p2 = 0.6 e1 + 0.8 e3       -> cos (0.6, 0 | 0.8): the other entry wins, margin -0.2: unknown
    p3 = 0.8 e2 + 0.6 e3       -> cos (0, 0.8 | 0.6): class B, margin 0.2
    p4 = (e1 + e2) / sqrt(2)   -> cos (0.7071, 0.7071 | 0): confidence e^7.071 / (2 e^7.071 + 1) = 0.49960;
                                  below a threshold of 0.6: unknown; with 0.4: class A (first of the tie)
    """
    e1, e2, e3 = np.eye(3, dtype=np.float32)
    photos = np.stack([e1, 0.6 * e1 + 0.8 * e3, 0.8 * e2 + 0.6 * e3, unit(1, 1, 0)])
    a = math.exp(10 * math.sqrt(0.5))
    for threshold, expected in ((0.6, ["A", "unknown", "B", "unknown"]), (0.4, ["A", "unknown", "B", "A"])):
        result = zeroshot.zero_shot(photos * 3.0, np.stack([e1, e2]), 10.0, ["A", "B"], other_emb=e3[None],
                                    other_names=["generic"], min_confidence=threshold)
        assert result.labels == expected
    assert result.other_margin == pytest.approx([1.0, -0.2, 0.2, math.sqrt(0.5)], abs=1e-6)
    assert result.confidence[3] == pytest.approx(a / (2 * a + 1), abs=1e-6)
    assert result.confidence[0] == pytest.approx(math.exp(10) / (math.exp(10) + 2), abs=1e-6)
    assert result.other_match == ["generic"] * 4
    assert list(result.unknown) == [False, True, False, False]
    assert result.counts() == {"A": 2, "B": 1, "unknown": 1}
    assert result.top[2][0][0] == "B"


def test_other_entries_use_the_generic_ensemble_and_listed_kinds(models):
    text = ClipText(models["hf"])
    emb, names = zeroshot.other_entries(text, ["selfie", "food: a plate of food"])
    assert names == ["generic", "selfie", "food"]
    generic = text.class_embeddings([ClassPrompts("g", list(zeroshot.GENERIC_PROMPTS))])[0]
    assert np.abs(emb[0] - generic).max() < 1e-6
    assert zeroshot.other_entries(text, [], generic=False) == (None, [])


def test_zero_shot_model_folder_runs_in_classify(models, photos, embedded, tmp_path):
    """The exported folder, run by core.classify on the photo files, gives zero-shot's classes and shares."""
    from photo_motifs.core.classify import classify_paths
    from photo_motifs.models.zeroshot_model import export_zero_shot_model

    spec, matrix = embedded
    text = ClipText(models["hf"])
    classes = zeroshot.parse_classes(CLASSES)
    class_emb = text.class_embeddings(classes)
    other_emb, other_names = zeroshot.other_entries(text, ["selfie"])
    result = zeroshot.zero_shot(matrix, class_emb, text.logit_scale, CLASSES, other_emb, other_names)
    head = zeroshot.zero_shot_head(class_emb, text.logit_scale, CLASSES, other_emb, other_names)
    folder = export_zero_shot_model(head, spec, spec.onnx_path, tmp_path / "zs", "Zero-shot test", text.name, {
        "prompts": {c.label: c.prompts for c in classes}, "generic_prompts": list(zeroshot.GENERIC_PROMPTS),
        "templates": list(zeroshot.TEMPLATES), "logit_scale": text.logit_scale, "min_confidence": 0.0,
        "clip_model": str(models["hf"])})
    classified = classify_paths(photos, folder, top_k=3)
    assert classified.classes == CLASSES + ["unknown (generic)", "unknown (selfie)"]
    assert np.abs(classified.probs[:, :len(CLASSES)] - result.probs).max() < 1e-4
    for photo, label, unknown, match in zip(classified.photos, result.labels, result.unknown, result.other_match):
        assert photo.label == (f"unknown ({match})" if unknown else label)
    assert "river at night" in (folder / "model_card.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- search and names


def test_rank_by_similarity_known_answers():
    rows = np.array([[1, 0], [0, 2], [3, 3], [-1, 0], [0.9, 0.1]], np.float32)
    idx, sims = zeroshot.rank_by_similarity(rows, [1, 0.2], n=3)
    # cosines to (1, 0.2): 0.9806, 0.1961, 0.8321, -0.9806, (0.9*1+0.1*0.2)/(0.9055*1.0198)=0.9962
    assert list(idx) == [4, 0, 2]
    assert sims == pytest.approx([0.99624, 0.98058, 0.83205], abs=1e-4)
    idx, _ = zeroshot.rank_by_similarity(rows, [1, 0.2], n=10, exclude=[False, False, False, False, True])
    assert list(idx) == [0, 2, 1, 3]
    assert len(zeroshot.rank_by_similarity(np.zeros((0, 2)), [1, 0], n=5)[0]) == 0


def test_search_by_text_finds_the_photo_the_text_was_built_for(models, embedded):
    """A query vector equal to one photo's embedding ranks that photo first with cosine 1."""
    _spec, matrix = embedded
    idx, sims = zeroshot.rank_by_similarity(matrix, matrix[7] * 5, n=4)
    assert idx[0] == 7 and sims[0] == pytest.approx(1.0, abs=1e-5)
    assert np.all(np.diff(sims) <= 0)


def test_suggest_names_known_answers():
    """Words w1..w3 = e1..e3; a motif of three photos near e2 and one near e1: 'lake' first, then 'forest'."""
    e = np.eye(3, dtype=np.float32)
    motif = np.stack([unit(0.1, 1, 0), unit(0, 1, 0.1), unit(0, 1, 0), unit(1, 0.2, 0)])
    got = zeroshot.suggest_names(motif, e, ["forest", "lake", "church"], logit_scale=20.0, top=2)
    assert [s.word for s in got] == ["lake", "forest"]
    assert got[0].share == pytest.approx(0.75) and got[1].share == pytest.approx(0.25)
    p = np.exp(20 * (motif @ e.T))
    p /= p.sum(1, keepdims=True)
    assert got[0].score == pytest.approx(p[:, 1].mean(), abs=1e-6)
    centre = motif.mean(0) / np.linalg.norm(motif.mean(0))
    assert got[0].cosine == pytest.approx(centre[1], abs=1e-6)


def test_clip_text_suggests_names_end_to_end(models, embedded):
    _spec, matrix = embedded
    text = ClipText(models["hf"])
    got = text.suggest_names(matrix[:5], ["church", "forest", "lake"], top=3)
    assert sorted(s.word for s in got) == ["church", "forest", "lake"]
    assert sum(s.score for s in got) == pytest.approx(1.0, abs=1e-5)


def test_a_folder_that_is_not_a_clip_model(tmp_path):
    with pytest.raises(ClipModelError, match="not a CLIP model folder"):
        ClipText(tmp_path)
    (tmp_path / "clip.json").write_text('{"format": "photo_motifs.clip", "files": {"text": "../x.onnx"}}')
    with pytest.raises(ClipModelError, match="outside|inside"):
        ClipText(tmp_path)


def test_suggest_motif_names_from_photo_paths(models, photos, embedded):
    """The photo-level entry point (for the Motifs panel) equals suggest_names on the photos' embeddings."""
    from photo_motifs.models.zeroshot_model import suggest_motif_names

    _spec, matrix = embedded
    words = ["church", "forest", "lake", "graffiti: street art on a wall"]
    got = suggest_motif_names({"C1": photos[:4], "C2": photos[4:9], "empty": [str(photos[0]) + ".missing"]},
                              models["hf"], words, top=2)
    text = ClipText(models["hf"])
    word_emb = text.class_embeddings(zeroshot.parse_classes(words))
    expected = zeroshot.suggest_names(matrix[4:9], word_emb, ["church", "forest", "lake", "graffiti"],
                                      text.logit_scale, 2)
    assert [(s.word, round(s.score, 5)) for s in got["C2"]] == [(s.word, round(s.score, 5)) for s in expected]
    assert len(got["C1"]) == 2 and got["empty"] == []
