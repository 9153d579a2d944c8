"""photomotifs:train — train a photo classifier (adapter over core.train + models.classifier_export)."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.feedback import Canceled
from ..core.options import DEFAULT_UNKNOWN_REJECTION, TRAINING_METHOD_OPTIONS
from .base import PhotoMotifsAlgorithm
from .messages import message_text
from .outputs import is_null
from .params import mark_advanced, option_labels, option_value, set_help
from .photo_sources import (
    ONNX_MODEL,
    add_backbone_parameters,
    backbone_from_parameters,
    cache_from_parameters,
    layer_folder,
    layer_photo_path,
)
from .qgis_compat import FIELD_STRING, FILE_FOLDER, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR
from .translation import reason_text


class TrainAlgorithm(PhotoMotifsAlgorithm):
    TRAINING_FOLDER = "TRAINING_FOLDER"
    INPUT = "INPUT"
    LABEL_FIELD = "LABEL_FIELD"
    PATH_FIELD = "PATH_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    METHOD = "METHOD"
    FINETUNE_SECONDS = "FINETUNE_SECONDS"
    VAL_FRACTION = "VAL_FRACTION"
    CV_FOLDS = "CV_FOLDS"
    SEED = "SEED"
    BALANCED = "BALANCED"
    MODEL_NAME = "MODEL_NAME"
    UNKNOWN_REJECTION = "UNKNOWN_REJECTION"
    NONE_FOLDER = "NONE_FOLDER"
    NONE_LABEL = "NONE_LABEL"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    ACCURACY = "ACCURACY"
    OPEN_SET_ACCURACY = "OPEN_SET_ACCURACY"
    EXPECTED_REJECTION = "EXPECTED_REJECTION"
    BALANCED_ACCURACY = "BALANCED_ACCURACY"
    RANDOM_SPLIT_ACCURACY = "RANDOM_SPLIT_ACCURACY"
    CLASSES = "CLASSES"
    LEFT_OUT = "LEFT_OUT"
    MODEL = "MODEL"
    REPORT = "REPORT"
    CAPABILITY = "train"
    GROUP = "classes"
    NAME = "train"

    def displayName(self):
        return self.tr("Train a photo classifier")

    def tags(self):
        return self.tr("train,classifier,classes,model,lobe,examples,machine learning").split(",")

    def intro(self):
        return self.tr(
            "Teaches the computer your own categories from examples, as Lobe does: give a folder "
            "with one subfolder of example photos per class (for example 'forest', 'street', "
            "'lake'), or a photo layer whose field already holds a class (such as curated motifs). "
            "The result is a model folder that 'Classify photos with a model' applies to any "
            "photos, and a report that says honestly how often the model is right.")

    def details(self):
        return self.tr(
            "Details: embeddings come from the cache (computed when missing); a linear classifier "
            "(default) or a small neural network is trained on them, with class weights against "
            "imbalance and regularisation chosen by cross-validation. A stratified 80/20 split with a "
            "fixed seed, by user when the layer has an owner field (no person's photos on both sides; "
            "the accuracy of a random split is shown beside it), gives the evaluation (accuracy, "
            "balanced accuracy, per-class precision, recall "
            "and F1, confusion matrix, misclassified photos with a contact sheet); then the model is "
            "refitted on all photos. 'Fine-tune' (needs torch) first adapts the last stages of "
            "EfficientNet-Lite to the training photos within the time budget. The model folder holds "
            "model.onnx, signature.json in Lobe's format, the labels, the report and a model card. "
            "The model also learns when a photo fits none of the classes: from the training photos "
            "alone it measures how far photos of the known classes lie from the others, and "
            "'Classify photos' calls a photo farther than that 'unknown'. 'None of these' example "
            "photos (food, selfies, screenshots...) teach it more about what to leave out.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.TRAINING_FOLDER, self.tr("Training photos (class folders)"),
            behavior=FILE_FOLDER, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("…or a photo layer"), [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, self.tr("Class field of the layer"), "cluster", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PATH_FIELD, self.tr("Photo path field of the layer"), "photo", self.INPUT,
            FIELD_STRING, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, self.tr("Keep together in the evaluation: user or burst field (empty: detected)"),
            None, self.INPUT, optional=True))
        add_backbone_parameters(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Classifier"), option_labels(TRAINING_METHOD_OPTIONS), defaultValue=0))
        P = QgsProcessingParameterNumber
        self.addParameter(P(self.FINETUNE_SECONDS, self.tr("Fine-tune: time budget in seconds"), NUMBER_INTEGER,
                            300, minValue=10, maxValue=36000))
        self.addParameter(P(self.VAL_FRACTION, self.tr("Share of photos kept for validation"), NUMBER_DOUBLE,
                            0.2, minValue=0.0, maxValue=0.5))
        self.addParameter(P(self.CV_FOLDS, self.tr("Also run k-fold cross-validation (0 = no)"), NUMBER_INTEGER,
                            0, minValue=0, maxValue=20))
        self.addParameter(P(self.SEED, self.tr("Random seed"), NUMBER_INTEGER, 0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BALANCED, self.tr("Weight classes against imbalance"), True))
        self.addParameter(QgsProcessingParameterString(
            self.MODEL_NAME, self.tr("Model name"), optional=True))
        self.add_unknown_parameters()
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Model folder")))

        self.addOutput(QgsProcessingOutputNumber(self.ACCURACY, self.tr("Validation accuracy")))
        self.addOutput(QgsProcessingOutputNumber(self.BALANCED_ACCURACY, self.tr("Validation balanced accuracy")))
        self.addOutput(QgsProcessingOutputNumber(
            self.RANDOM_SPLIT_ACCURACY, self.tr("Accuracy of a random split (when validated by user)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.OPEN_SET_ACCURACY, self.tr("Validation accuracy of the known classes with 'unknown'")))
        self.addOutput(QgsProcessingOutputNumber(
            self.EXPECTED_REJECTION, self.tr("Expected share of photos of the known classes called 'unknown'")))
        self.addOutput(QgsProcessingOutputNumber(self.CLASSES, self.tr("Classes")))
        self.addOutput(QgsProcessingOutputNumber(self.LEFT_OUT, self.tr("Photos left out")))
        self.addOutput(QgsProcessingOutputFile(self.MODEL, self.tr("Model file (model.onnx)")))
        self.addOutput(QgsProcessingOutputFile(self.REPORT, self.tr("Evaluation report (report.md)")))
        set_help(self, {
            self.TRAINING_FOLDER: self.tr("Lobe's layout: one subfolder per class, named after the class, "
                                          "with example photos (a few dozen per class is a good start)."),
            self.METHOD: self.tr("Linear: seconds, a good default. Neural network: sometimes better with many "
                                 "photos. Fine-tune: minutes to hours, adapts the image model itself."),
            self.GROUP_FIELD: self.tr(
                "The validation photos and the cross-validation folds keep each user's photos (and each "
                "burst's) on one side, so the accuracy is what a new user's photos will get. Empty: the "
                "owner field when the layer has one, else burst_id. Class folders have no users."),
        })
        mark_advanced(self, self.GROUP_FIELD, self.VAL_FRACTION, self.CV_FOLDS, self.SEED, self.BALANCED,
                      ONNX_MODEL, self.UNKNOWN_REJECTION, self.NONE_LABEL)

    def add_unknown_parameters(self):
        """The calibrated 'unknown' (core/openset.py): target rejection and 'none of these' examples."""
        self.addParameter(QgsProcessingParameterNumber(
            self.UNKNOWN_REJECTION,
            self.tr("Calibrated 'unknown': share of photos of the known classes that may be called unknown "
                    "(0 = every photo gets a class)"),
            NUMBER_DOUBLE, DEFAULT_UNKNOWN_REJECTION, minValue=0.0, maxValue=0.5))
        self.addParameter(QgsProcessingParameterFile(
            self.NONE_FOLDER, self.tr("'None of these' photos"),
            behavior=FILE_FOLDER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.NONE_LABEL, self.tr("Class that means 'none of these' (optional)"), optional=True))
        set_help(self, {
            self.UNKNOWN_REJECTION: self.tr(
                "Photos farther from the training photos than nearly all photos of the known classes are "
                "called 'unknown' when classifying. The threshold is chosen on training photos held out in "
                "turn, so that this share of photos of your classes is called unknown (0.03 = 3 %). Higher "
                "catches more unrelated photos and loses more of your classes' photos."),
            self.NONE_FOLDER: self.tr(
                "Photos that belong to none of your classes (food, selfies, screenshots...), in any "
                "subfolders. They teach the model what to call 'unknown'."),
            self.NONE_LABEL: self.tr(
                "A class value (a subfolder or a value of the class field) whose photos belong to none of "
                "the classes. A class named 'unknown' always does."),
        })

    def none_of_these(self, parameters, context, paths, labels, invalid):
        """Training photos with the 'none of these' folder's photos added as class 'unknown'."""
        from ..core.train import add_none_of_these, collect_none_of_these

        folder = self.parameterAsFile(parameters, self.NONE_FOLDER, context)
        if not folder:
            return paths, labels, invalid
        if not os.path.isdir(folder):
            raise QgsProcessingException(self.tr("The folder {} does not exist.").format(folder))
        none_paths, none_invalid = collect_none_of_these(folder)
        paths, labels = add_none_of_these(paths, labels, none_paths)
        return paths, labels, list(invalid) + none_invalid

    def unknown_summary(self, result, feedback):
        """The calibrated 'unknown' in the log, in the user's language."""
        unknown, figures = result.unknown, result.open_set
        if unknown is None:
            feedback.pushInfo(self.tr("No calibrated 'unknown' (switched off): every photo will get one of the "
                                      "classes."))
            return
        feedback.pushInfo(self.tr(
            "Calibrated 'unknown': a photo farther from the training photos than {:.0f} % of held-out photos of "
            "the known classes is called unknown (k = {}, threshold {:.4f}); expected share of photos of the "
            "known classes called unknown: {:.1f} %.").format(
                100 * (1 - unknown.target_rejection), unknown.k, unknown.threshold,
                100 * unknown.expected_rejection))
        if figures:
            feedback.pushInfo(self.tr(
                "Validation with 'unknown': accuracy on the known classes {:.1f} % ({:.1f} % when every photo "
                "must get a class); {:.1f} % of their validation photos were called unknown.").format(
                    100 * figures["open_set_accuracy"], 100 * figures["closed_set_accuracy"],
                    100 * figures["known_rejected"]))
            if figures.get("none_rejected") is not None:
                feedback.pushInfo(self.tr(
                    "'None of these' examples: {} photos; {:.1f} % of their validation photos were called "
                    "unknown.").format(unknown.n_none, 100 * figures["none_rejected"]))

    def group_field(self, parameters, context, source, feedback):
        """The field whose values keep photos together in the evaluation (a user, else a burst)."""
        from .alg_summarize import USER_CANDIDATES
        from .photo_times import choose_field

        field = choose_field(self, parameters, context, self.GROUP_FIELD, source.fields().names(),
                             USER_CANDIDATES + ("burst_id",), self.tr("Evaluation by"), feedback)
        if not field:
            feedback.pushInfo(self.tr(
                "No user or burst field: the validation photos are drawn at random, so near-duplicates of "
                "one person's photos may sit on both sides and flatter the accuracy."))
        return field

    def training_data(self, parameters, context, feedback):
        """(paths, labels, invalid, description, groups, group field) from the folder or the layer."""
        from ..core.train import collect_folder_dataset

        folder = self.parameterAsFile(parameters, self.TRAINING_FOLDER, context)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if folder:
            if not os.path.isdir(folder):
                raise QgsProcessingException(self.tr("The folder {} does not exist.").format(folder))
            paths, labels, invalid = collect_folder_dataset(folder)
            return paths, labels, invalid, os.path.abspath(folder), None, None
        if source is None:
            raise QgsProcessingException(self.tr(
                "Choose a folder of class subfolders or a photo layer with a class field."))
        label_field = self.parameterAsString(parameters, self.LABEL_FIELD, context) or "cluster"
        path_field = self.parameterAsString(parameters, self.PATH_FIELD, context) or "photo"
        for name in (label_field, path_field):
            if source.fields().lookupField(name) < 0:
                raise QgsProcessingException(self.tr("The layer has no field '{}'.").format(name))
        root = layer_folder(source, parameters, context, self.INPUT)  # relative paths: the layer's folder
        group_field = self.group_field(parameters, context, source, feedback)
        paths, labels, invalid, groups = [], [], [], []
        for feat in source.getFeatures():
            if feedback.isCanceled():
                raise Canceled(self.tr("Canceled while reading the layer; no model was written."))
            value, label = feat[path_field], feat[label_field]
            path, problem = layer_photo_path(root, value)
            if problem:
                invalid.append((str(value), "relative_path", problem))
                continue
            if not path:
                continue
            if is_null(label) or str(label) == "":
                invalid.append((path, "no_class", self.tr("The photo has no class in the layer.")))
                continue
            paths.append(path)
            labels.append(str(label))
            if group_field:
                groups.append(None if is_null(feat[group_field]) else str(feat[group_field]))
        return (paths, labels, invalid, self.tr("{}, field {}").format(source.sourceName(), label_field),
                groups if group_field else None, group_field)

    def log_split(self, feedback, result):
        """The by-user headline in the user's language (the report and log lines below are English)."""
        split, ev = result.split, result.evaluation
        random = split.get("random_split")
        if ev is None or split.get("method") != "group" or not random:
            return
        diff = 100.0 * (random["accuracy"] - ev.accuracy)
        feedback.pushInfo(self.tr(
            "Accuracy on photos of {} users not used for fitting: {}; on a random split: {} ({} points).").format(
                split["validation_groups"], f"{100 * ev.accuracy:.1f} %", f"{100 * random['accuracy']:.1f} %",
                f"{diff:+.1f}"))
        if diff >= 2.0:
            feedback.pushInfo(self.tr(
                "A random split puts near-duplicates of the same people's photos on both sides and "
                "looks better than the model will do on new users' photos: the by-user figure is the honest one."))

    def process(self, parameters, context, feedback, cf):
        from ..core.report import summary_lines
        from ..models.classifier_export import train_model

        paths, labels, invalid, described, groups, group_field = self.training_data(parameters, context, feedback)
        group_of = dict(zip(paths, groups)) if groups is not None else None
        paths, labels, invalid = self.none_of_these(parameters, context, paths, labels, invalid)
        groups = [group_of.get(p) for p in paths] if group_of is not None else None  # 'none of these': no user
        if len(set(labels)) < 2:
            raise QgsProcessingException(self.tr(
                "Training needs photos of at least two classes; found {} class(es) in {}.").format(
                    len(set(labels)), described))
        spec, onnx_path = backbone_from_parameters(self, parameters, context, cf.sub(0, 2))
        cache, cache_path = cache_from_parameters(self, parameters, context, None)
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        trained = train_model(
            paths, labels, out_dir, invalid=invalid, backbone=spec, onnx_path=onnx_path,
            method=option_value(self, parameters, self.METHOD, context, TRAINING_METHOD_OPTIONS),
            val_fraction=self.parameterAsDouble(parameters, self.VAL_FRACTION, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            cv_folds=self.parameterAsInt(parameters, self.CV_FOLDS, context),
            class_weight="balanced" if self.parameterAsBoolean(parameters, self.BALANCED, context) else None,
            cache=cache, name=self.parameterAsString(parameters, self.MODEL_NAME, context) or None,
            source=described, feedback=cf.sub(2, 100),
            finetune_seconds=self.parameterAsInt(parameters, self.FINETUNE_SECONDS, context),
            unknown_rejection=self.parameterAsDouble(parameters, self.UNKNOWN_REJECTION, context),
            none_label=self.parameterAsString(parameters, self.NONE_LABEL, context) or None,
            groups=groups, group_field=group_field,
        )
        self.log_split(feedback, trained.result)
        for line in summary_lines(trained.result):
            feedback.pushInfo(message_text(line))
        self.unknown_summary(trained.result, feedback)
        for path, code, sentence in trained.invalid:
            feedback.pushInfo(self.tr("Left out: {}: {}").format(path, reason_text(code, sentence)))
        feedback.pushInfo(self.tr("Seconds: {}; embeddings from the cache: {} ({})").format(
            ", ".join(f"{k} {v:.1f}" for k, v in trained.seconds.items()), trained.n_cached, cache_path))
        ev, figures, unknown = trained.result.evaluation, trained.result.open_set, trained.result.unknown
        random = trained.result.split.get("random_split") or {}
        return {
            self.OUTPUT_FOLDER: str(trained.folder),
            self.MODEL: str(trained.folder / "model.onnx"),
            self.REPORT: str(trained.folder / "report.md"),
            self.ACCURACY: float(ev.accuracy) if ev is not None else None,
            self.BALANCED_ACCURACY: float(ev.balanced_accuracy) if ev is not None else None,
            self.RANDOM_SPLIT_ACCURACY: random.get("accuracy"),
            self.OPEN_SET_ACCURACY: float(figures["open_set_accuracy"]) if figures else None,
            self.EXPECTED_REJECTION: float(unknown.expected_rejection) if unknown is not None else None,
            self.CLASSES: len(trained.result.classes),
            self.LEFT_OUT: len(trained.invalid),
        }
