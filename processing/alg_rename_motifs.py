"""photomotifs:renamemotifs — rename, merge and exclude motifs from an old,new table (adapter over
core.motifnames)."""
from __future__ import annotations

import os
from collections import Counter

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from ..core.feedback import Canceled
from ..core.motifnames import (
    GREY_VALUES,
    apply_mapping,
    id_field,
    name_rows,
    read_mapping,
    stable_colours,
    text,
    validate_mapping,
)
from ..core.palette import category_styles
from ..core.safe_paths import resolve_against
from .base import PhotoMotifsAlgorithm
from .motif_names import problem_sentence, renderer_colours, store_names, stored_names
from .outputs import create_sink, style_photo_output, to_qvalue
from .params import set_help
from .photo_sources import layer_folder
from .qgis_compat import FIELD_TYPES, FILE_FILE, SOURCE_VECTOR
from .translation import tr


def previous_colours(layer, field_name, old_counts) -> dict:
    """The colours the motifs have now: the names table's, else the layer's categories, else the
    palette's for these counts (what the stored default style shows)."""
    colours = {}
    if layer is not None:
        colours = stored_names(layer, field_name).colours or renderer_colours(layer, field_name)
    if not colours:
        variant = "classes" if field_name == "class" else "motifs"
        colours = {s.value: s.color for s in category_styles(old_counts, noise=GREY_VALUES, variant=variant)
                   if s.kind == "category"}
    return colours


class RenameMotifsAlgorithm(PhotoMotifsAlgorithm):
    INPUT = "INPUT"
    FIELD = "FIELD"
    MAPPING = "MAPPING"
    OUTPUT = "OUTPUT"
    SHEETS = "SHEETS"
    MOTIFS = "MOTIFS"
    CHANGED = "CHANGED"
    EXCLUDED = "EXCLUDED"
    CAPABILITY = None
    GROUP = "motifs"
    NAME = "renamemotifs"

    def displayName(self):
        return self.tr("Rename and merge motifs")

    def tags(self):
        return self.tr("rename,merge,names,motifs,clusters,curate,legend,not a motif").split(",")

    def intro(self):
        return self.tr(
            "Gives the motifs names instead of C1, C2…: from a table with the columns old and new, "
            "motifs are renamed, several old motifs with the same new name are merged, and an empty new "
            "name marks photos as 'not a motif'. The map legend, summaries, exports and the printed map "
            "then use the names.")

    def details(self):
        return self.tr(
            "Details: the table is a CSV (comma, semicolon or tab) or XLSX file; optional columns note "
            "and colour (#RRGGBB) are stored with the names. The original ids stay in the field "
            "<field>_id (e.g. cluster_id), so the step can be redone: an old value is looked up among "
            "the current names first, then among the original ids (a row naming an original id takes "
            "those photos back out of a merge). The mapping is applied at once, not in a chain. The "
            "style is rebuilt with the counts of the new motifs; renamed motifs keep their colours, a "
            "merged motif takes the colour of its largest part. A GeoPackage output also gets a "
            "motif_names table (id, name, note, colour, photos). Unknown old values and repeated rows "
            "are reported and skipped; names that a spreadsheet would run as a formula, and two "
            "different names for one motif, stop the run with a sentence.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Photo layer"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, self.tr("Motif or class field"), "cluster", self.INPUT))
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, self.tr("Mapping table (CSV or XLSX with columns old,new)"), behavior=FILE_FILE))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos with named motifs"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.SHEETS, self.tr("Contact sheets under the new names"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.MOTIFS, self.tr("Motifs after renaming")))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED, self.tr("Photos whose motif changed")))
        self.addOutput(QgsProcessingOutputNumber(self.EXCLUDED, self.tr("Photos marked 'not a motif'")))
        set_help(self, {
            self.MAPPING: self.tr("First row: old,new (optional: note, colour). One row per motif to change, "
                                  "e.g. C10,flowers — C27,architecture — C28,architecture — C3, (empty: not a "
                                  "motif)."),
            self.SHEETS: self.tr("One contact sheet per named motif, titled with its name, most typical photos "
                                 "first, and an overview."),
        })

    def process(self, parameters, context, feedback, cf):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        field_name = self.parameterAsString(parameters, self.FIELD, context) or "cluster"
        if source.fields().lookupField(field_name) < 0:
            raise QgsProcessingException(self.tr("The layer has no field '{}'.").format(field_name))
        rows = read_mapping(self.parameterAsFile(parameters, self.MAPPING, context))
        features = []
        for feat in source.getFeatures():
            cf.check()
            features.append(feat)
        kept = id_field(field_name)
        values = [text(f[field_name]) if not _null(f[field_name]) else None for f in features]
        if source.fields().lookupField(kept) >= 0:
            ids = [text(f[kept]) if not _null(f[kept]) else None for f in features]
            feedback.pushInfo(self.tr("The original ids are kept in {}: old values are looked up among the "
                                      "current names, then among those ids.").format(kept))
        else:
            ids = list(values)
        mapping = validate_mapping(rows, values, ids)
        for problem in mapping.warnings:
            feedback.pushWarning(problem_sentence(problem))
        if mapping.errors:
            raise QgsProcessingException("\n".join(problem_sentence(p) for p in mapping.errors))
        new_values = apply_mapping(values, ids, mapping)
        colours = self.colours(layer, field_name, values, ids, new_values, mapping)
        dest_id = self.write(parameters, context, source, features, field_name, new_values, ids)
        table_rows = name_rows(ids, new_values, mapping.notes, colours)
        message = store_names(dest_id, field_name, table_rows)
        if message:
            feedback.pushInfo(message)
        style_photo_output(context, dest_id, field_name, feedback, colours=colours)
        results = self.report(feedback, mapping, values, ids, new_values)
        results[self.OUTPUT] = dest_id
        sheets = self.parameterAsString(parameters, self.SHEETS, context)
        if sheets:
            root = layer_folder(source, parameters, context)
            paths = [resolve_against(root, f["photo"]) if source.fields().lookupField("photo") >= 0
                     and not _null(f["photo"]) else "" for f in features]
            ranks = [f["cluster_rank"] if source.fields().lookupField("cluster_rank") >= 0
                     and not _null(f["cluster_rank"]) else None for f in features]
            write_named_sheets(sheets, paths, new_values, ranks, mapping.notes, cf.sub(90, 100))
            feedback.pushInfo(self.tr("Contact sheets: {}").format(sheets))
            results[self.SHEETS] = sheets
        return results

    @staticmethod
    def colours(layer, field_name, values, ids, new_values, mapping) -> dict:
        old_counts = Counter(v for v in values if v is not None)
        new_counts = Counter(v for v in new_values if v is not None)
        sources: dict = {}
        for value, new in zip(values, new_values):
            if value is not None and new is not None:
                sources.setdefault(new, Counter())[value] += 1
        previous = previous_colours(layer, field_name, dict(old_counts))
        colours = stable_colours(dict(new_counts), previous, {k: list(v) for k, v in sources.items()},
                                 dict(old_counts), variant="classes" if field_name == "class" else "motifs")
        colours.update(mapping.colours)
        return colours

    def write(self, parameters, context, source, features, field_name, new_values, ids) -> str:
        """The input features with the motif field rewritten (as text, in its place) and the ids kept."""
        kept = id_field(field_name)
        fields = QgsFields()
        for f in source.fields():
            if f.name() == field_name:
                fields.append(QgsField(field_name, FIELD_TYPES["str"]))
            elif f.name() == kept:
                fields.append(QgsField(kept, FIELD_TYPES["str"]))
            else:
                fields.append(f)
        if fields.lookupField(kept) < 0:
            fields.append(QgsField(kept, FIELD_TYPES["str"]))
        sink, dest_id = create_sink(self, parameters, self.OUTPUT, context, fields, source.wkbType(),
                                    source.sourceCrs())
        names = fields.names()
        for feat, new, oid in zip(features, new_values, ids):
            out = QgsFeature(fields)
            out.setGeometry(feat.geometry())
            attrs = {n: feat[n] for n in source.fields().names()}
            attrs[field_name], attrs[kept] = new, oid
            out.setAttributes([to_qvalue(attrs.get(n)) for n in names])
            sink.add(out)
        sink.finish()
        del sink  # closes the GeoPackage before the names table and style go into it
        return dest_id

    def report(self, feedback, mapping, values, ids, new_values) -> dict:
        changed = sum(1 for a, b in zip(values, new_values) if a != b)
        excluded = sum(1 for a, b in zip(values, new_values) if a is not None and b is None)
        sources = mapping.sources(values, ids)
        for new, olds in sorted(sources.items(), key=lambda kv: (kv[0] is None, str(kv[0]))):
            if list(olds) == [new]:
                continue
            parts = " + ".join(f"{old} ({n})" for old, n in olds.most_common() if old is not None)
            if not parts:
                continue
            target = new if new is not None else self.tr("not a motif")
            feedback.pushInfo(self.tr("{} → {} ({} photos)").format(parts, target, sum(olds.values())))
        n_before = len({v for v in values if v is not None})
        n_after = len({v for v in new_values if v is not None})
        feedback.pushInfo(self.tr("{} motifs before, {} after; {} photos changed, {} marked 'not a motif'.").format(
            n_before, n_after, changed, excluded))
        return {self.MOTIFS: n_after, self.CHANGED: changed, self.EXCLUDED: excluded}


def _null(value) -> bool:
    return value is None or str(value) == "NULL" or str(value) == ""


def write_named_sheets(folder, paths, names, ranks, notes, cf) -> None:
    """One contact sheet per motif name (most typical photos first) and an overview, under the
    motifs' names made safe for file systems."""
    from ..core.exportgroups import safe_folder_name
    from ..core.sheets import contact_sheet, overview_sheet

    os.makedirs(folder, exist_ok=True)
    groups: dict = {}
    order = sorted(range(len(paths)), key=lambda i: (ranks[i] if ranks[i] is not None else 1e9, paths[i]))
    for i in order:
        if names[i] is not None and paths[i]:
            groups.setdefault(names[i], []).append(paths[i])
    motifs = sorted(groups, key=lambda m: (-len(groups[m]), m))
    for n, motif in enumerate(motifs):
        if cf.canceled():
            raise Canceled(tr("The layer is complete; {} of {} contact sheets were written to {} before the cancel "
                              "request (no overview).").format(n, len(motifs), folder))
        members = groups[motif]
        contact_sheet(members, os.path.join(folder, f"{safe_folder_name(motif)}.png"),
                      title=tr("{} — {} photos").format(motif, len(members)),
                      subtitle=notes.get(motif) or tr("most typical first"))
        cf.progress(100.0 * (n + 1) / (len(motifs) + 1))
    overview_sheet({m: groups[m] for m in motifs}, os.path.join(folder, "overview.png"))
