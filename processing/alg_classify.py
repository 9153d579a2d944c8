"""photomotifs:classify — classify photos with our, Lobe's or any ONNX classifier."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..core.layer_columns import class_fields, classify_columns, row
from .base import PhotoMotifsAlgorithm
from .messages import message_text
from .outputs import style_photo_output, write_source_with_fields
from .params import mark_advanced, set_help
from .photo_sources import CACHE, add_photo_source_parameters, cache_from_parameters, resolve_photo_source
from .qgis_compat import FILE_FILE, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR
from .translation import reason_text


class ClassifyAlgorithm(PhotoMotifsAlgorithm):
    MODEL = "MODEL"
    OUTPUT = "OUTPUT"
    CSV = "CSV"
    COPY_TO = "COPY_TO"
    LABELS = "LABELS"
    INPUT_SIZE = "INPUT_SIZE"
    TOP_K = "TOP_K"
    THRESHOLD = "THRESHOLD"
    UNKNOWN = "UNKNOWN"
    UNKNOWN_LIMIT = "UNKNOWN_LIMIT"
    USE_CACHE = "USE_CACHE"
    CACHE = CACHE
    CLASSIFIED = "CLASSIFIED"
    FAILED = "FAILED"
    UNKNOWN_COUNT = "UNKNOWN_COUNT"
    CAPABILITY = "classify"
    GROUP = "classes"
    NAME = "classify"

    def displayName(self):
        return self.tr("Classify photos with a model")

    def tags(self):
        return self.tr("classify,classifier,classes,model,lobe,onnx,labels").split(",")

    def intro(self):
        return self.tr(
            "Gives every photo a class with a trained model: one made by 'Train a photo "
            "classifier', a model exported from Lobe (ONNX), or any ONNX image classifier with its "
            "list of class names. Each photo gets its class and how sure the model is. Photos that "
            "fit none of the classes (unlike every training photo, as the model learnt when it was "
            "trained here) get the class 'unknown'. Optionally copies the photos into one folder per "
            "class.")

    def details(self):
        return self.tr(
            "Details: choose the model's signature.json or .onnx (a bare ONNX model needs a labels "
            "file, one class per line). Lobe TensorFlow exports are not supported: export ONNX from "
            "Lobe instead. Photos are EXIF-oriented, resized to fill the model input and "
            "centre-cropped, as Lobe does. Each photo also gets the next best classes. For our own "
            "models, embeddings already in the cache are reused. Optionally writes Lobe Image "
            "Tools' CSV (File, Label, Confidence) and COPIES (never moves) the photos into one "
            "folder per class.")

    def initAlgorithm(self, config=None):
        add_photo_source_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Model (signature.json or .onnx)"),
            behavior=FILE_FILE))
        self.addParameter(QgsProcessingParameterFile(
            self.LABELS, self.tr("Labels file for a bare ONNX model (one class per line)"), optional=True))
        P = QgsProcessingParameterNumber
        self.addParameter(P(self.INPUT_SIZE,
                            self.tr("Input size for a bare ONNX model of any size (0 = from the model)"),
                            NUMBER_INTEGER, 0, minValue=0))
        self.addParameter(P(self.TOP_K, self.tr("Classes to keep per photo"), NUMBER_INTEGER, 3,
                            minValue=1, maxValue=10))
        self.addParameter(P(self.THRESHOLD, self.tr("Minimum confidence (else 'unknown')"),
                            NUMBER_DOUBLE, 0.0, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.UNKNOWN, self.tr("Call photos that fit none of the classes 'unknown' (models trained here)"), True))
        self.addParameter(P(self.UNKNOWN_LIMIT,
                            self.tr("'unknown' above this unknown_score (1 = as calibrated in training)"),
                            NUMBER_DOUBLE, 1.0, minValue=0.01, maxValue=100.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.USE_CACHE, self.tr("Reuse cached embeddings (our models)"), True))
        self.addParameter(QgsProcessingParameterFile(
            self.CACHE, self.tr("Embedding cache file"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Classified photos"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV, self.tr("Lobe Image Tools CSV"), "CSV (*.csv)",
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.COPY_TO, self.tr("Copies, one folder per class"), optional=True,
            createByDefault=False))

        self.addOutput(QgsProcessingOutputNumber(self.CLASSIFIED, self.tr("Photos classified")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Photos that could not be read")))
        self.addOutput(QgsProcessingOutputNumber(self.UNKNOWN_COUNT, self.tr("Photos called 'unknown'")))
        set_help(self, {
            self.MODEL: self.tr("The signature.json (or model.onnx) in the folder written by 'Train a photo "
                                "classifier' or exported from Lobe as ONNX, or any .onnx classifier."),
            self.CSV: self.tr("Lobe Image Tools' table: File, Label, Confidence."),
            self.COPY_TO: self.tr("The photos are copied (never moved) into one subfolder per class."),
            self.THRESHOLD: self.tr("Photos whose best class has a lower confidence (0–1) get the class "
                                    "'unknown'. 0 keeps every class."),
            self.UNKNOWN: self.tr(
                "Models made by 'Train a photo classifier' know how far photos of their classes lie from the "
                "training photos. A photo farther away gets the class 'unknown', its distance relative to "
                "that threshold in the field unknown_score (above 1 = unknown). Lobe's and other ONNX models "
                "have no such calibration: every photo gets one of their classes."),
            self.UNKNOWN_LIMIT: self.tr(
                "1 uses the threshold calibrated when training. Higher values call fewer photos unknown, "
                "lower values more."),
        })
        mark_advanced(self, self.LABELS, self.INPUT_SIZE, self.USE_CACHE, self.UNKNOWN_LIMIT)

    def log_open_set(self, model, open_set, limit, feedback):
        """Say whether the run applies a calibrated 'unknown' and why not."""
        if model.unknown is None:
            feedback.pushInfo(self.tr(
                "This model has no calibrated 'unknown' (a Lobe or other ONNX model, or one trained without "
                "it): every photo gets one of its classes, unless its confidence is below the threshold."))
        elif not open_set:
            feedback.pushInfo(self.tr("The model's calibrated 'unknown' is switched off: every photo gets one "
                                      "of its classes, unless its confidence is below the threshold."))
        else:
            feedback.pushInfo(self.tr(
                "Calibrated 'unknown' on: photos with unknown_score above {} (farther from the training photos "
                "than {:.0f} % of held-out photos of the known classes when the limit is 1) are called "
                "unknown.").format(limit, 100 * (1 - float(model.unknown.get("target_rejection", 0.0)))))

    def log_unknown_counts(self, result, feedback) -> int:
        """How many photos were called 'unknown', and why; returns the count."""
        reasons = result.unknown_reasons()
        n = sum(reasons.values())
        feedback.pushInfo(self.tr(
            "{} of {} photos were called 'unknown': {} unlike every training photo, {} like the 'none of these' "
            "examples, {} below the confidence threshold.").format(
                n, len(result.photos), reasons["score"], reasons["none_class"], reasons["confidence"]))
        return n

    def process(self, parameters, context, feedback, cf):
        from ..core.classify import copy_into_label_folders, write_image_tools_csv
        from ..core.lobe import load_model
        from ..models.apply import classify_photos

        model_path = self.parameterAsFile(parameters, self.MODEL, context)
        size = self.parameterAsInt(parameters, self.INPUT_SIZE, context) or None
        model = load_model(model_path, labels=self.parameterAsFile(parameters, self.LABELS, context) or None,
                           size=size)
        shown = ", ".join(model.classes[:20])
        if len(model.classes) > 20:
            shown += self.tr(" … and {} more").format(len(model.classes) - 20)
        feedback.pushInfo(self.tr("Model: {} ({}), {} classes: {}").format(
            model.name, model.source, len(model.classes), shown))
        top_k = min(self.parameterAsInt(parameters, self.TOP_K, context), len(model.classes))
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        open_set = self.parameterAsBoolean(parameters, self.UNKNOWN, context)
        limit = self.parameterAsDouble(parameters, self.UNKNOWN_LIMIT, context)
        self.log_open_set(model, open_set, limit, feedback)
        copy_to = self.parameterAsString(parameters, self.COPY_TO, context)
        # copies made into a folder inside the input folder are never classified again
        source = resolve_photo_source(self, parameters, context, feedback, exclude=copy_to or None)
        valid = [i for i, p in enumerate(source.paths) if p]
        paths = [source.paths[i] for i in valid]

        opened = []

        def open_cache():  # only for our models, whose head runs on cached embeddings
            opened.append(cache_from_parameters(self, parameters, context, source))
            return opened[-1][0]

        result, emb, spec = classify_photos(
            paths, model, top_k=top_k, threshold=threshold, cache=open_cache,
            use_cache=self.parameterAsBoolean(parameters, self.USE_CACHE, context), feedback=cf.sub(0, 90),
            open_set=open_set, unknown_limit=limit)
        if emb is not None:
            feedback.pushInfo(self.tr("Embeddings ({}): {} from the cache {}, {} computed.").format(
                spec.title, emb.n_cached, opened[-1][1], emb.n_computed))

        by_feature = {valid[p.index]: p for p in result.photos}
        reasons = {valid[i]: reason_text(code, sentence) for i, _path, code, sentence in result.failed}

        for i, sentence in source.unresolved.items():  # why a feature has no photo path, when known
            reasons.setdefault(i, sentence)
        columns = classify_columns(len(source.paths), by_feature, reasons, top_k,
                                   self.tr("The feature has no photo path."))
        schema = class_fields(top_k)
        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, schema,
                                           lambda i: row(columns, schema, i), cf)
        style_photo_output(context, dest_id, "class", feedback)
        counts = result.counts()
        present = [(c, n) for c, n in sorted(counts.items(), key=lambda cn: -cn[1]) if n]
        text = ", ".join(f"{c} {n}" for c, n in present[:20])
        if len(present) > 20:
            text += self.tr(" … and {} more classes").format(len(present) - 20)
        feedback.pushInfo(self.tr("Photos per class: {}").format(text))
        if result.failed:
            feedback.pushInfo(self.tr("{} photos could not be read (see classify_note).").format(len(result.failed)))
        n_unknown = self.log_unknown_counts(result, feedback)
        results = {self.OUTPUT: dest_id, self.CLASSIFIED: len(result.photos), self.FAILED: len(result.failed),
                   self.UNKNOWN_COUNT: n_unknown}
        csv_path = self.parameterAsFileOutput(parameters, self.CSV, context)
        if csv_path:
            write_image_tools_csv(csv_path, result)
            results[self.CSV] = csv_path
        if copy_to:
            report = copy_into_label_folders(result, copy_to, feedback=cf.sub(90, 100))
            feedback.pushInfo(message_text(report.summary()))
            results[self.COPY_TO] = copy_to
        return results
