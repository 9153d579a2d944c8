"""photomotifs:motiftime — When motifs are photographed (adapter over core.motiftime)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..core.options import SUMMARY_MEASURE_OPTIONS, values
from .alg_summarize import DATE_CANDIDATES, MOTIF_CANDIDATES, USER_CANDIDATES
from .base import PhotoMotifsAlgorithm
from .messages import message_text
from .outputs import create_sink, qgs_fields, to_qvalue
from .params import mark_advanced, option_labels, option_value, set_help
from .photo_times import choose_field, text_or_none, time_text
from .qgis_compat import NUMBER_INTEGER, REQUEST_NO_GEOMETRY, SOURCE_VECTOR, WKB_NO_GEOMETRY

MEASURE_VALUES = values(SUMMARY_MEASURE_OPTIONS)
TABLE_FIELDS = [
    ("motif", "str"), ("period", "str"), ("value", "int"), ("label", "str"), ("season_name", "str"),
    ("count", "float"), ("share_motif", "float"), ("share_period", "float"),
    ("photos", "int"), ("users", "int"), ("pud", "int"), ("suppressed", "bool"),
]


class MotifTimeAlgorithm(PhotoMotifsAlgorithm):
    INPUT = "INPUT"
    MOTIF_FIELD = "MOTIF_FIELD"
    USER_FIELD = "USER_FIELD"
    DATE_FIELD = "DATE_FIELD"
    MEASURE = "MEASURE"
    SOUTHERN = "SOUTHERN"
    MIN_USERS = "MIN_USERS"
    OUTPUT = "OUTPUT"
    CHART = "CHART"
    N_PHOTOS = "N_PHOTOS"
    N_MOTIFS = "N_MOTIFS"
    CAPABILITY = "motiftime"
    GROUP = "maps"
    NAME = "motiftime"

    def displayName(self):
        return self.tr("When motifs are photographed (months, hours, seasons)")

    def tags(self):
        return self.tr("time,month,hour,season,winter,night,heat map,chart,temporal,when").split(",")

    def intro(self):
        return self.tr(
            "Shows when each motif is photographed: in which months, at which hours of the day and in "
            "which seasons, as a table and as a heat map per motif (months by hours) ready for a paper. "
            "Winter landscapes, autumn parks or the river at night stand out at a glance.")

    def details(self):
        return self.tr(
            "Details: for every motif and every month (1-12), hour (0-23) and season (DJF, MAM, JJA, "
            "SON) the table gives the count by the chosen measure (photo-user-days, distinct users or "
            "photos, as in the summary by area), its share of the motif's total and its share of all "
            "motifs at that time. Hours are the local time of each photo: the time as the camera wrote "
            "it, which the stored UTC offset confirms when there is one; photos without an offset are "
            "taken as local time as written. Photos known to the month only count in their month and "
            "season, not in the hours. Rows and heat map cells with fewer distinct users than the "
            "minimum are left empty (privacy). The chart folder gets one PNG per motif, an overview "
            "of all motifs and the heat map numbers as CSV.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Photo layer (with a motif or class field)"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.MOTIF_FIELD, self.tr("Motif or class field"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.USER_FIELD, self.tr("User field (empty: detected, e.g. owner)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, self.tr("Date taken field (empty: detected, e.g. taken_at)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MEASURE, self.tr("Measure for motif counts and shares"),
            option_labels(SUMMARY_MEASURE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SOUTHERN, self.tr("Southern hemisphere (December-February is summer)"), False))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_USERS, self.tr("Minimum distinct users per row or cell (fewer: left empty)"),
            NUMBER_INTEGER, 5, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Motifs by month, hour and season"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CHART, self.tr("Heat maps folder"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.N_PHOTOS, self.tr("Photos counted")))
        self.addOutput(QgsProcessingOutputNumber(self.N_MOTIFS, self.tr("Motifs")))
        set_help(self, {self.MOTIF_FIELD: self.tr("Empty: cluster, else class."), self.CHART: self.tr(
            "One PNG per motif (months by hours, with the motif's months and hours beside it), "
            "overview.png with all motifs and heatmap_cells.csv with the numbers behind them.")})
        mark_advanced(self, self.USER_FIELD, self.DATE_FIELD, self.MIN_USERS)

    def _fields(self, parameters, context, source, feedback):
        names = source.fields().names()
        motif = choose_field(self, parameters, context, self.MOTIF_FIELD, names, MOTIF_CANDIDATES,
                             self.tr("Motif"), feedback)
        if not motif:
            raise QgsProcessingException(self.tr(
                "The photo layer has no motif field (cluster or class): run 'Discover photo motifs' or "
                "'Classify photos with a model' first, or choose the field."))
        date = choose_field(self, parameters, context, self.DATE_FIELD, names, DATE_CANDIDATES,
                            self.tr("Date"), feedback)
        if not date:
            raise QgsProcessingException(self.tr(
                "The photo layer has no date taken field (such as taken_at): choose the field that holds "
                "when each photo was taken."))
        user = choose_field(self, parameters, context, self.USER_FIELD, names, USER_CANDIDATES,
                            self.tr("User"), feedback)
        if not user:
            feedback.pushInfo(self.tr("No user field (such as owner): every photo counts as a user of its own."))
        return motif, date, user

    def process(self, parameters, context, feedback, cf):
        from ..core.motiftime import MotifTimeParams, motif_time, write_charts

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        motif_field, date_field, user_field = self._fields(parameters, context, source, feedback)
        params = MotifTimeParams(
            measure=option_value(self, parameters, self.MEASURE, context, SUMMARY_MEASURE_OPTIONS),
            southern=self.parameterAsBoolean(parameters, self.SOUTHERN, context),
            min_users=self.parameterAsInt(parameters, self.MIN_USERS, context),
        ).validate()
        motifs, dates, users = self._read(source, motif_field, date_field, user_field, cf)
        result = motif_time(motifs, dates, users, params, feedback=cf.sub(30, 60))
        self._report(feedback, result)
        self._hemisphere_hint(source, context, params, feedback)
        dest_id = self._write_table(parameters, context, result, cf)
        results = {self.OUTPUT: dest_id, self.N_PHOTOS: result.counts["used"], self.N_MOTIFS: len(result.motifs)}
        folder = self.parameterAsString(parameters, self.CHART, context)
        if folder:
            write_charts(result, folder, feedback=cf.sub(70, 100))
            results[self.CHART] = folder
            feedback.pushInfo(self.tr("Heat maps: {}").format(folder))
        return results

    def _read(self, source, motif_field, date_field, user_field, cf):
        wanted = [f for f in (motif_field, date_field, user_field) if f]
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(wanted, source.fields())
        motifs, dates, users = [], [], []
        total = source.featureCount() or 1
        for n, feat in enumerate(source.getFeatures(request)):
            if n % 1000 == 0:
                cf.check()
                cf.progress(30.0 * n / total)
            motifs.append(text_or_none(feat[motif_field]))
            dates.append(time_text(feat[date_field]))
            if user_field:
                users.append(text_or_none(feat[user_field]))
        return motifs, dates, users if user_field else None

    def _write_table(self, parameters, context, result, cf):
        fields = qgs_fields(TABLE_FIELDS)
        sink, dest_id = create_sink(self, parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY,
                                    QgsCoordinateReferenceSystem())
        names = [name for name, _ in TABLE_FIELDS]
        for k, row in enumerate(result.table.to_dict("records")):
            if k % 500 == 0:
                cf.check()
            feature = QgsFeature(fields)
            feature.setAttributes([_cell(kind, row[name]) for name, kind in TABLE_FIELDS if name in names])
            sink.add(feature)
        sink.finish()
        return dest_id

    def _report(self, feedback, result):
        """The run summary in the user's language, with each motif's total."""
        for note in result.notes:
            feedback.pushInfo(message_text(note))
        measure = option_labels(SUMMARY_MEASURE_OPTIONS)[MEASURE_VALUES.index(result.params.measure)]
        for motif in result.motifs:
            feedback.pushInfo(self.tr("  {}: {} ({})").format(motif, f"{result.totals[motif]:.0f}", measure.lower()))

    def _hemisphere_hint(self, source, context, params, feedback):
        """Say so when the photos lie south of the equator but northern seasons were asked for."""
        extent = source.sourceExtent()
        if extent.isNull() or params.southern:
            return
        try:
            to_wgs84 = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                              context.transformContext())
            centre = to_wgs84.transform(extent.center())
        except QgsCsException:
            return
        if centre.y() < 0:
            feedback.pushInfo(self.tr(
                "The photos lie south of the equator: choose 'Southern hemisphere' to name the seasons "
                "as they are there (December-February is summer)."))


def _cell(kind, value):
    value = to_qvalue(value)
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value)
    return str(value)
