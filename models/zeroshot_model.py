"""Write zero-shot CLIP classes as a model folder that *Classify photos* (and Lobe's loaders) run.

The text embeddings of the classes become a linear head (``core.zeroshot.zero_shot_head``:
weights = logit scale x normalised text embeddings, no bias, no standardisation) on the CLIP
image tower's L2-normalised embedding, so ``softmax(head)`` is exactly the zero-shot softmax;
the "other" entries of the unknown rule are classes named ``unknown (generic)``,
``unknown (<kind>)``. ``models.classifier_export`` builds the one ONNX graph (preprocessing,
image tower, head) and Lobe's ``signature.json``; the ``photo_motifs.zeroshot`` block of the
signature records the model, templates, prompts and the confidence threshold.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from ..core.model_files import UNKNOWN_FILE
from ..core.safe_write import publish_folder
from .classifier_export import export_input_size, model_folder_problem, write_model_files


def model_card(name: str, spec, head, clip_name: str, zeroshot: dict) -> str:
    classes = [c for c in head.classes if not c.startswith("unknown (")]
    others = [c for c in head.classes if c.startswith("unknown (")]
    lines = [
        f"# {name}", "",
        "Zero-shot classifier written by Photo Motifs ('Motifs from words'): no training photos; each class "
        f"is the CLIP text embedding of its sentences (model {clip_name}).", "",
        "## Classes and their sentences", "",
    ]
    for label in classes:
        lines.append(f"- **{label}**: " + "; ".join(zeroshot["prompts"].get(label, [])))
    if others:
        lines += ["", "Photos that an 'other' entry matches better than every class get the class "
                  + ", ".join(f"`{c}`" for c in others) + " (generic: " + "; ".join(zeroshot["generic_prompts"])
                  + ")."]
    lines += [
        "", "## Model", "",
        f"- Image tower: {spec.title} (`{spec.cache_key}`); licence of the weights: {spec.licence}.",
        f"- Head: softmax over logit scale {zeroshot['logit_scale']:.2f} x cosine to each class's text embedding.",
        f"- Input: `Image:0` NHWC {export_input_size(spec)} x {export_input_size(spec)} x 3, RGB in [0, 1].",
        f"- 'Motifs from words' called a photo unknown below a confidence of {zeroshot['min_confidence']}; "
        "give the same threshold to 'Classify photos' for the same answers.", "",
    ]
    return "\n".join(lines)


def export_zero_shot_model(head, spec, backbone_onnx, out_dir, name: str, clip_name: str, zeroshot: dict) -> Path:
    """Write model.onnx, signature.json, labels.txt, head.npz and model_card.md into ``out_dir``,
    whole or not at all (written in a temporary folder, checked, then put in place, as trained
    models are: ``models.classifier_export.publish_model_folder``).

    ``zeroshot``: {'prompts': {class: [sentences]}, 'generic_prompts': [...], 'templates': [...],
    'logit_scale': float, 'min_confidence': float, 'clip_model': folder}.
    """
    created = datetime.datetime.now().astimezone().isoformat(timespec="seconds")

    def fill(tmp):
        write_model_files(tmp, head, spec, backbone_onnx, name, model_card(name, spec, head, clip_name, zeroshot),
                          signature_extra={"zeroshot": dict(zeroshot, created=created)})

    return publish_folder(out_dir, fill, verify=model_folder_problem, obsolete=(UNKNOWN_FILE,))


def suggest_motif_names(paths_by_motif: dict, clip_folder=None, words=None, templates=None, cache=None,
                        int8: bool = False, top: int = 5, feedback=None) -> dict:
    """Names for motifs from a word list: ``{motif: [core.zeroshot.NameSuggestion, ...]}``, best first.

    ``paths_by_motif``: {motif label: [photo paths]}; ``clip_folder``: a CLIP folder (default: the
    model added last); ``words``: the candidate names (default ``core.zeroshot.MOTIF_WORDS``; a
    word may be 'name: sentence; sentence' as in zero-shot classes); ``cache``: an
    ``EmbeddingCache`` (the photos' CLIP embeddings are read from it and stored in it). The
    words are embedded once for all motifs; photos that cannot be read are left out.
    """
    from ..core.embed import compute_embeddings
    from ..core.feedback import ensure_feedback
    from ..core.zeroshot import MOTIF_WORDS, TEMPLATES, ClipText, parse_classes, suggest_names
    from .registry import spec_for_clip_folder

    feedback = ensure_feedback(feedback)
    spec = spec_for_clip_folder(clip_folder, int8=int8)
    text = ClipText(Path(spec.onnx_path).parent)
    classes = parse_classes(list(words or MOTIF_WORDS), templates or TEMPLATES)
    word_emb = text.class_embeddings(classes, feedback)
    labels = [c.label for c in classes]
    motifs = list(paths_by_motif)
    paths = [str(p) for m in motifs for p in paths_by_motif[m]]
    owner = [m for m in motifs for _p in paths_by_motif[m]]
    emb = compute_embeddings(paths, spec, spec.onnx_path, cache=cache, feedback=feedback.sub(0, 95))
    rows = {m: [k for k, r in enumerate(emb.rows) if owner[r] == m] for m in motifs}
    return {m: suggest_names(emb.matrix[rows[m]], word_emb, labels, text.logit_scale, top) if rows[m] else []
            for m in motifs}
