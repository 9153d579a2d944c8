"""photomotifs:exportgroups — copy photos into one folder per cluster/class + XLSX/CSV tables."""
import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
)

from ..core.options import EXPORT_MODE_OPTIONS
from ..core.safe_paths import resolve_against
from .base import PhotoMotifsAlgorithm
from .messages import message_text
from .outputs import is_null, to_qvalue
from .params import option_labels, option_value
from .photo_sources import PhotoSource, add_backbone_parameters, embed_source, layer_folder
from .qgis_compat import FIELD_STRING, SOURCE_VECTOR
from .translation import reason_text


class ExportGroupsAlgorithm(PhotoMotifsAlgorithm):
    INPUT = "INPUT"
    PATH_FIELD = "PATH_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    MODE = "MODE"
    STRIP_METADATA = "STRIP_METADATA"
    SKIP_EMPTY = "SKIP_EMPTY"
    XLSX = "XLSX"
    CSV = "CSV"
    EMBEDDINGS = "EMBEDDINGS"
    COPIED = "COPIED"
    HARDLINKED = "HARDLINKED"
    SKIPPED_IDENTICAL = "SKIPPED_IDENTICAL"
    RENAMED = "RENAMED"
    FAILED = "FAILED"
    GROUPS = "GROUPS"
    TABLES = "TABLES"
    CAPABILITY = "export"
    GROUP = "maps"
    NAME = "exportgroups"

    def displayName(self):
        return self.tr("Export photos by motif or class")

    def tags(self):
        return self.tr("export,folders,copy,xlsx,csv,clusters,classes,motifs").split(",")

    def intro(self):
        return self.tr(
            "Sorts copies of your photos into one folder per motif or class, and writes the table "
            "of photos as a spreadsheet (XLSX and CSV). Use it to browse a motif's photos in any "
            "image viewer, to share them, or to hand-correct motifs into training folders. Your "
            "original photos stay where they are.")

    def details(self):
        return self.tr(
            "Details: photos are copied (or hard-linked where the file system allows), never moved; "
            "existing folders and files are never deleted; name collisions get ' (2)' suffixes and "
            "identical files are skipped. Full file names are kept. The tables can include the "
            "embedding columns (as Orange's Save Data). Optionally removes EXIF/GPS from the copies "
            "for sharing (the originals are untouched).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Photo layer"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.PATH_FIELD, self.tr("Field with the photo path"), "photo", self.INPUT,
            FIELD_STRING, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, self.tr("Group by field (cluster, class…)"), "cluster", self.INPUT))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Copy or link the photos"), option_labels(EXPORT_MODE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.STRIP_METADATA, self.tr("Remove EXIF/GPS from the copies (for sharing)"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SKIP_EMPTY, self.tr("Leave out photos without a value (e.g. not labelled yet), as in a Lobe "
                                     "dataset"), False))
        self.addParameter(QgsProcessingParameterBoolean(self.XLSX, self.tr("Write an XLSX table"), True))
        self.addParameter(QgsProcessingParameterBoolean(self.CSV, self.tr("Write a CSV table"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.EMBEDDINGS, self.tr("Include embedding columns in the tables"), False))
        add_backbone_parameters(self)

        self.addOutput(QgsProcessingOutputNumber(self.COPIED, self.tr("Photos copied")))
        self.addOutput(QgsProcessingOutputNumber(self.HARDLINKED, self.tr("Photos hard-linked")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED_IDENTICAL,
                                                 self.tr("Photos skipped (an identical file was there)")))
        self.addOutput(QgsProcessingOutputNumber(self.RENAMED, self.tr("Photos renamed to avoid a name clash")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Photos not exported")))
        self.addOutput(QgsProcessingOutputNumber(self.GROUPS, self.tr("Folders")))
        self.addOutput(QgsProcessingOutputString(self.TABLES, self.tr("Tables written (separated by ;)")))

    def process(self, parameters, context, feedback, cf):
        from ..core.exportgroups import export_groups

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        path_field = self.parameterAsString(parameters, self.PATH_FIELD, context) or "photo"
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        for name in (path_field, group_field):
            if source.fields().lookupField(name) < 0:
                raise QgsProcessingException(self.tr("The layer has no field '{}'.").format(name))
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        root = layer_folder(source, parameters, context)  # relative photo paths resolve against it
        names = source.fields().names()
        rows, features = [], []
        for feat in source.getFeatures():
            cf.check()
            row = {n: to_qvalue(feat[n]) for n in names}
            row = {k: (None if is_null(v) else v) for k, v in row.items()}
            if feat.hasGeometry() and not feat.geometry().isEmpty():
                pt = feat.geometry().centroid().asPoint()
                row["x"], row["y"] = pt.x(), pt.y()
            rows.append(row)
            features.append(feat)

        vectors = None
        if self.parameterAsBoolean(parameters, self.EMBEDDINGS, context):
            photo_source = PhotoSource(source.fields(), source.wkbType(), source.sourceCrs(), features,
                                       [resolve_against(root, r.get(path_field)) for r in rows], root)
            spec, _cache, valid, emb = embed_source(self, parameters, context, feedback, cf.sub(0, 40), photo_source)
            vectors = np.full((len(rows), emb.matrix.shape[1] if len(emb.rows) else 0), np.nan, dtype=np.float32)
            for r, idx in enumerate(emb.rows):
                vectors[valid[idx]] = emb.matrix[r]
            cf = cf.sub(40, 100)
        tables = tuple(t for t, key in (("xlsx", self.XLSX), ("csv", self.CSV))
                       if self.parameterAsBoolean(parameters, key, context))
        report = export_groups(
            rows, out_dir, path_field=path_field, group_field=group_field,
            mode=option_value(self, parameters, self.MODE, context, EXPORT_MODE_OPTIONS),
            strip_metadata=self.parameterAsBoolean(parameters, self.STRIP_METADATA, context),
            write_tables=tables, vectors=vectors, feedback=cf, root=root,
            skip_empty=self.parameterAsBoolean(parameters, self.SKIP_EMPTY, context),
        )
        feedback.pushInfo(message_text(report.summary()))
        for note in report.notes:
            feedback.pushInfo(note)
        for path, code, sentence in report.problems:
            feedback.reportError(f"{path}: {reason_text(code, sentence)}")
        return {self.OUTPUT_FOLDER: out_dir, self.COPIED: report.copied, self.HARDLINKED: report.hardlinked,
                self.SKIPPED_IDENTICAL: report.skipped_identical, self.RENAMED: report.renamed,
                self.FAILED: report.failed, self.GROUPS: len(report.groups),
                self.TABLES: ";".join(str(t) for t in report.tables)}
