"""photomotifs:zeroshot — "Motifs from words": classes of photos from sentences (adapter over core/zeroshot.py)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .base import PhotoMotifsAlgorithm
from .outputs import style_photo_output, write_source_with_fields
from .params import mark_advanced, set_help
from .photo_sources import (
    CACHE,
    add_photo_source_parameters,
    clip_embeddings,
    clip_model_parameter,
    resolve_photo_source,
)
from .qgis_compat import FILE_FILE, NUMBER_DOUBLE, SOURCE_VECTOR
from .translation import reason_text

FIELDS = [("class", "str"), ("confidence", "float"), ("unknown", "bool"), ("top3", "str"), ("similarity", "float"),
          ("other_margin", "float"), ("other_match", "str"), ("zeroshot_note", "str")]


class ZeroShotAlgorithm(PhotoMotifsAlgorithm):
    MODEL = "MODEL"
    CLASSES = "CLASSES"
    TEMPLATES = "TEMPLATES"
    UNKNOWN = "UNKNOWN"
    OTHER_CLASSES = "OTHER_CLASSES"
    GENERIC_OTHER = "GENERIC_OTHER"
    INT8 = "INT8"
    CACHE = CACHE
    OUTPUT = "OUTPUT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    CLASSIFIED = "CLASSIFIED"
    UNKNOWN_PHOTOS = "UNKNOWN_PHOTOS"
    FAILED = "FAILED"
    CAPABILITY = "clip"
    GROUP = "motifs"
    NAME = "zeroshot"

    def displayName(self):
        return self.tr("Motifs from words")

    def tags(self):
        return self.tr("clip,zero-shot,words,classes,names,prompts,unknown,classify").split(",")

    def intro(self):
        return self.tr(
            "Sorts photos into classes you only name in words — 'church', 'graffiti', 'river at night', "
            "'winter park' — without any example photos, using a CLIP model you added. Photos that fit none "
            "of the classes are marked 'unknown'. Each photo gets its class, how sure the model is and the "
            "next best classes; the result can also be saved as a model for 'Classify photos'.")

    def details(self):
        return self.tr(
            "Details: write one class per line, or name a text file. A line 'graffiti: street art on a wall; "
            "a wall with graffiti' gives a class its own sentences; otherwise the name is put into each "
            "template ('a photo of a {}.' and five more, averaged as CLIP does). 'Unknown': a photo is "
            "unknown when generic sentences ('a photo of something') or a kind of photo you list as "
            "belonging to no class (for example selfie, food, screenshot) match it better than every class, "
            "or when its confidence is below the threshold. other_margin says by how much the best class "
            "beat the best of those (negative: unknown). Embeddings are cached as for every image model. "
            "Write class names and sentences in English: CLIP learnt mostly from English text.")

    def initAlgorithm(self, config=None):
        add_photo_source_parameters(self)
        clip_model_parameter(self, self.MODEL)
        self.addParameter(QgsProcessingParameterString(
            self.CLASSES, self.tr("Classes: one name (or 'name: sentence; sentence') per line, or a text file"),
            multiLine=True))
        self.addParameter(QgsProcessingParameterString(
            self.TEMPLATES, self.tr("Templates, one per line with {} for the class (empty: CLIP's 'a photo of "
                                    "a {}.' family)"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.UNKNOWN, self.tr("Below this confidence a photo is 'unknown' (0 = only the rule of the other "
                                  "sentences)"), NUMBER_DOUBLE, 0.0, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.OTHER_CLASSES, self.tr("Kinds of photos that belong to no class (one per line, e.g. selfie, "
                                        "food): such photos become 'unknown'"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GENERIC_OTHER, self.tr("Photos that generic sentences ('a photo of something') describe better "
                                        "than every class are 'unknown'"), True))
        self.addParameter(QgsProcessingParameterBoolean(self.INT8, self.tr("Use the int8 image part (faster)"),
                                                        False))
        self.addParameter(QgsProcessingParameterFile(
            self.CACHE, self.tr("Embedding cache (SQLite or GeoPackage file; default next to the project)"),
            behavior=FILE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Photos with classes"),
                                                            SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_MODEL, self.tr("Also save as a model for 'Classify photos'"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CLASSIFIED, self.tr("Photos with a class")))
        self.addOutput(QgsProcessingOutputNumber(self.UNKNOWN_PHOTOS, self.tr("Photos called 'unknown'")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Photos that could not be read")))
        set_help(self, {
            self.CLASSES: self.tr("For example:\nchurch\nriver at night\ngraffiti: street art on a wall; a wall "
                                  "with graffiti\nAt least two classes."),
            self.OUTPUT_MODEL: self.tr("A model folder (model.onnx, signature.json) that 'Classify photos' and "
                                       "Lobe's loaders run; photos the other sentences match get the class "
                                       "'unknown (…)' there."),
        })
        mark_advanced(self, self.TEMPLATES, self.OTHER_CLASSES, self.GENERIC_OTHER, self.INT8)

    def prompts(self, parameters, context):
        """(classes as ClassPrompts, templates, other-class lines)."""
        from ..core.zeroshot import TEMPLATES, parse_classes, read_class_lines

        templates = read_class_lines(self.parameterAsString(parameters, self.TEMPLATES, context)) or list(TEMPLATES)
        classes = parse_classes(read_class_lines(self.parameterAsString(parameters, self.CLASSES, context)),
                                templates)
        if len(classes) < 2:
            raise QgsProcessingException(self.tr("Name at least two classes, one per line."))
        others = read_class_lines(self.parameterAsString(parameters, self.OTHER_CLASSES, context))
        return classes, templates, others

    def process(self, parameters, context, feedback, cf):
        from ..core.zeroshot import other_entries, zero_shot

        classes, templates, others = self.prompts(parameters, context)
        source = resolve_photo_source(self, parameters, context, feedback)
        text, spec, valid, emb, _cache = clip_embeddings(self, parameters, context, feedback, cf, source,
                                                         self.MODEL, self.INT8)
        labels = [c.label for c in classes]
        class_emb = text.class_embeddings(classes, cf)
        generic = self.parameterAsBoolean(parameters, self.GENERIC_OTHER, context)
        other_emb, other_names = other_entries(text, others, generic, templates, cf)
        threshold = self.parameterAsDouble(parameters, self.UNKNOWN, context)
        feedback.pushInfo(self.tr("{} classes from {} sentences; 'other' entries: {}").format(
            len(classes), sum(len(c.prompts) for c in classes), ", ".join(other_names) or self.tr("none")))
        result = zero_shot(emb.matrix, class_emb, text.logit_scale, labels, other_emb, other_names, threshold) \
            if emb.rows else None
        by_feature = {valid[r]: k for k, r in enumerate(emb.rows)}
        reasons = {valid[i]: reason_text(code, sentence) for i, _path, code, sentence in emb.failed}

        def values(i):
            k = by_feature.get(i)
            if k is None:
                return {"zeroshot_note": reasons.get(i, self.tr("The feature has no photo path."))}
            margin = float(result.other_margin[k])
            return {"class": result.labels[k], "confidence": float(result.confidence[k]),
                    "unknown": bool(result.unknown[k]), "similarity": float(result.similarity[k]),
                    "top3": "; ".join(f"{c} {p:.3f}" for c, p in result.top[k]),
                    "other_margin": None if margin != margin else margin, "other_match": result.other_match[k]}

        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, FIELDS, values, cf)
        style_photo_output(context, dest_id, "class", feedback)
        counts = result.counts() if result is not None else {}
        feedback.pushInfo(self.tr("Photos per class: {}").format(
            ", ".join(f"{c} {n}" for c, n in sorted(counts.items(), key=lambda cn: -cn[1]) if n)))
        n_unknown = int(result.unknown.sum()) if result is not None else 0
        results = {self.OUTPUT: dest_id, self.CLASSIFIED: len(emb.rows) - n_unknown,
                   self.UNKNOWN_PHOTOS: n_unknown, self.FAILED: len(emb.failed)}
        model_dir = self.parameterAsString(parameters, self.OUTPUT_MODEL, context)
        if model_dir:
            self.save_model(model_dir, text, spec, classes, class_emb, other_emb, other_names, templates, threshold,
                            generic)
            feedback.pushInfo(self.tr("Model for 'Classify photos' written to {}").format(model_dir))
            results[self.OUTPUT_MODEL] = model_dir
        return results

    def save_model(self, folder, text, spec, classes, class_emb, other_emb, other_names, templates, threshold,
                   generic):
        from ..core.zeroshot import GENERIC_PROMPTS, zero_shot_head
        from ..models.zeroshot_model import export_zero_shot_model

        head = zero_shot_head(class_emb, text.logit_scale, [c.label for c in classes], other_emb, other_names)
        name = self.tr("Motifs from words ({})").format(", ".join(c.label for c in classes[:4]))
        export_zero_shot_model(head, spec, spec.onnx_path, folder, name, text.name, {
            "prompts": {c.label: c.prompts for c in classes}, "templates": list(templates),
            "generic_prompts": list(GENERIC_PROMPTS) if generic else [], "other_classes": list(other_names),
            "logit_scale": text.logit_scale, "min_confidence": threshold, "clip_model": str(text.folder)})
