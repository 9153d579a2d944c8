"""photomotifs:summarize — Motif summary by area (adapter over core.summarize).

Reads the photo points (reprojected by QGIS into the areas' CRS), hands plain arrays to
core.summarize and writes one polygon per area through a QGIS sink. Output CRS: the CRS the areas
are defined in — the grid's projected CRS (local UTM zone unless chosen) or the polygon layer's.
"""
from __future__ import annotations

import math
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsUnitTypes,
)

from ..core.layer_columns import (  # shared with the API (api/areas.py)
    DATE_CANDIDATES,
    FLOAT_COLUMNS,
    INT_COLUMNS,
    MOTIF_CANDIDATES,
    USER_CANDIDATES,
    detect_field,
)
from ..core.messages import msg
from ..core.options import GRID_SHAPE_OPTIONS, SEASON_OPTIONS, SUMMARY_MEASURE_OPTIONS, values
from .base import PhotoMotifsAlgorithm
from .columnar_source import read_point_columns
from .messages import message_text
from .motif_names import copy_names, motif_colours
from .outputs import create_sink, is_null, to_qvalue
from .params import mark_advanced, option_labels, option_value, set_help
from .qgis_compat import (
    DISTANCE_METERS,
    FIELD_NUMERIC,
    FIELD_TYPES,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_VECTOR_POINT,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
)
from .translation import tr

MEASURE_VALUES = values(SUMMARY_MEASURE_OPTIONS)
SHAPE_VALUES = values(GRID_SHAPE_OPTIONS)


class SummarizeAlgorithm(PhotoMotifsAlgorithm):
    NAME = "summarize"
    GROUP = "maps"

    def displayName(self):
        return self.tr("Summarize motifs by area (grid or polygons)")

    def tags(self):
        return self.tr("summary,areas,grid,hexagons,districts,dominant motif,diversity,privacy").split(",")

    def intro(self):
        return self.tr(
            "Turns the photo points into a map of areas: for each district you give, or for each cell "
            "of a hexagon or square grid, how many people photographed there, which motif dominates "
            "and how varied the motifs are. Areas with too few photographers are left empty, to "
            "protect their privacy.")

    def details(self):
        return self.tr(
            "Details: only grid cells holding photos are written. Per area: photos, distinct users and "
            "photo-user-days (one per user per day: a prolific uploader counts once a day, not once per "
            "photo); for each motif its count and share by the chosen measure; the dominant motif with "
            "its share and its margin over the second (ties go to the motif more common over the whole "
            "layer, then by name); Shannon diversity and its evenness; optionally the mean classifier "
            "confidence. Privacy: a polygon area with fewer distinct users than the minimum keeps its "
            "geometry, but every count and share is empty and 'suppressed' is true; such grid cells are "
            "left out altogether, and grid cells are at least 100 m wide unless you allow smaller ones "
            "knowingly. Photos without a user count as one user each; impossible dates (2020-02-30) "
            "count as undated. Overlapping areas (a district inside its city) each count every photo "
            "inside them; invalid polygons are repaired before counting; the log says so. The user and "
            "date fields are detected from the import (owner, taken_at) unless chosen. The grid is "
            "built in metres in the local UTM zone of the photos unless you choose a projected CRS; "
            "the output is in the grid's CRS, or in the polygon layer's CRS. "
            "The output GeoPackage stores two styles: dominant motif (default; colours as on the photo "
            "layer, opacity by dominant share) and diversity.")
    CAPABILITY = "summarize"

    INPUT = "INPUT"
    MOTIF_FIELD = "MOTIF_FIELD"
    USER_FIELD = "USER_FIELD"
    DATE_FIELD = "DATE_FIELD"
    CONFIDENCE_FIELD = "CONFIDENCE_FIELD"
    AREAS = "AREAS"
    GRID_SHAPE = "GRID_SHAPE"
    CELL_SIZE = "CELL_SIZE"
    GRID_CRS = "GRID_CRS"
    MEASURE = "MEASURE"
    MIN_USERS = "MIN_USERS"
    ALLOW_SMALL_CELLS = "ALLOW_SMALL_CELLS"
    SEASON = "SEASON"
    OUTPUT = "OUTPUT"
    N_AREAS = "N_AREAS"
    N_SUPPRESSED = "N_SUPPRESSED"
    OUTPUT_CRS = "OUTPUT_CRS"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Photo layer"),
            [SOURCE_VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField(
            self.MOTIF_FIELD, self.tr("Motif or class field"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.USER_FIELD, self.tr("User field (empty: detected, e.g. owner)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, self.tr("Date taken field (empty: detected, e.g. taken_at)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CONFIDENCE_FIELD, self.tr("Classifier confidence field (optional: mean per area)"), None,
            self.INPUT, FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Areas (empty: a grid)"),
            [SOURCE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_SHAPE, self.tr("Grid cells"), option_labels(GRID_SHAPE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Grid cell size (m)"),
            NUMBER_DOUBLE, 500.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterCrs(
            self.GRID_CRS, self.tr("Projected CRS of the grid (empty: local UTM zone)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MEASURE, self.tr("Measure for motif counts and shares"),
            option_labels(SUMMARY_MEASURE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_USERS, self.tr("Minimum users per area"),
            NUMBER_INTEGER, 5, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.SEASON, self.tr("Season (only photos taken then)"), option_labels(SEASON_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALLOW_SMALL_CELLS, self.tr("Allow grid cells under 100 m (they can locate single photographers: "
                                            "not for publishing)"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Motif summary"), SOURCE_VECTOR_POLYGON))
        self.addOutput(QgsProcessingOutputNumber(self.N_AREAS, self.tr("Areas written")))
        self.addOutput(QgsProcessingOutputNumber(self.N_SUPPRESSED, self.tr("Areas suppressed")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_CRS, self.tr("CRS of the output")))
        mark_advanced(self, self.USER_FIELD, self.DATE_FIELD, self.CONFIDENCE_FIELD, self.GRID_SHAPE, self.CELL_SIZE,
                      self.GRID_CRS, self.ALLOW_SMALL_CELLS)
        set_help(self, {
            self.INPUT: self.tr("Points with a motif or class field, e.g. the result of 'Discover photo motifs'."),
            self.MOTIF_FIELD: self.tr("Empty: cluster, else class."),
            self.AREAS: self.tr("Your districts as polygons; empty: a grid of hexagons or squares (advanced "
                                "settings) over the photos."),
            self.CELL_SIZE: self.tr("The side of a square or the width of a hexagon, in metres."),
            self.MIN_USERS: self.tr("An area photographed by fewer distinct users keeps its shape on the map, "
                                    "but its counts and shares are not published."),
        })

    def _field(self, parameters, context, key, names, candidates, what, feedback):
        chosen = self.parameterAsString(parameters, key, context)
        if chosen:
            if chosen not in names:
                raise QgsProcessingException(self.tr("The photo layer has no field '{}'.").format(chosen))
            feedback.pushInfo(self.tr("{} field: {}").format(what, chosen))
            return chosen
        found = detect_field(names, candidates)
        if found:
            feedback.pushInfo(self.tr("{} field: {} (detected)").format(what, found))
        return found

    def process(self, parameters, context, feedback, cf):
        from ..core.summarize import summarize

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        fields = self.summary_fields(parameters, context, source.fields().names(), feedback)
        params = self.summary_params(parameters, context)
        areas_source = self.parameterAsSource(parameters, self.AREAS, context)
        target = self.target_crs(parameters, context, source, areas_source, params, feedback)
        points = self.read_points(parameters, source, fields, target, context, cf, feedback)
        counts = motif_counts(points["motif"])  # the photo layer style's counts, before any season filter
        if areas_source is None and not self.parameterAsCrs(parameters, self.GRID_CRS, context).isValid():
            check_transformed(points["x"], source.sourceCrs(), target)  # not all in one cell at (0, 0)
        keep = self._season(parameters, context, fields[2], points["date"], feedback)
        if keep is not None:  # only the photos of one season
            points = {key: [v for v, k in zip(col, keep) if k] if len(col) else col for key, col in points.items()}
        area_feats, polygons = self.read_areas(areas_source)
        motif_field, user_field, date_field, conf_field = fields
        result = summarize(
            points["x"], points["y"], [None if m is None else str(m) for m in points["motif"]],
            user=points["user"] if user_field else None, date=points["date"] if date_field else None,
            confidence=points["conf"] if conf_field else None, areas=polygons, params=params,
            feedback=cf.sub(30, 80))
        for warning in result.warnings:
            feedback.reportError(message_text(warning))
        for note in result.notes:
            feedback.pushInfo(message_text(note))
        dest_id, written = self.write_summary(parameters, context, result, areas_source, area_feats, target,
                                              params, cf, feedback)
        photo_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        self._style(dest_id, context, feedback, counts, params, motif_colours(photo_layer, motif_field))
        copy_names(photo_layer, motif_field, dest_id, "dominant")  # the motif map finds notes and sheets
        return {self.OUTPUT: dest_id, self.N_AREAS: written, self.N_SUPPRESSED: result.counts["suppressed"],
                self.OUTPUT_CRS: target.authid()}

    def summary_fields(self, parameters, context, names, feedback) -> tuple:
        """(motif, user, date, confidence) field names: chosen, else detected (None: none)."""
        motif_field = self._field(parameters, context, self.MOTIF_FIELD, names, MOTIF_CANDIDATES,
                                  self.tr("Motif"), feedback)
        if not motif_field:
            raise QgsProcessingException(self.tr(
                "The photo layer has no motif field (cluster or class): run 'Discover photo motifs' or "
                "'Classify photos with a model' first, or choose the field."))
        user_field = self._field(parameters, context, self.USER_FIELD, names, USER_CANDIDATES,
                                 self.tr("User"), feedback)
        if not user_field:
            feedback.pushInfo(message_text(msg("summary_no_user_field")))
        date_field = self._field(parameters, context, self.DATE_FIELD, names, DATE_CANDIDATES,
                                 self.tr("Date"), feedback)
        if not date_field:
            feedback.pushInfo(message_text(msg("summary_no_date_field")))
        conf_field = self._field(parameters, context, self.CONFIDENCE_FIELD, names, (), self.tr("Confidence"),
                                 feedback)
        return motif_field, user_field, date_field, conf_field

    def summary_params(self, parameters, context):
        from ..core.summarize import SummaryParams

        return SummaryParams(
            measure=MEASURE_VALUES[self.parameterAsEnum(parameters, self.MEASURE, context)],
            min_users=self.parameterAsInt(parameters, self.MIN_USERS, context),
            grid_shape=SHAPE_VALUES[self.parameterAsEnum(parameters, self.GRID_SHAPE, context)],
            cell_size=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            allow_small_cells=self.parameterAsBoolean(parameters, self.ALLOW_SMALL_CELLS, context),
        ).validate()

    def target_crs(self, parameters, context, source, areas_source, params, feedback):
        """The areas' CRS (the polygon layer's, or the grid's: chosen or the local UTM zone); a grid
        CRS that counts in feet gets its cell sizes converted."""
        if areas_source is not None:
            target = areas_source.sourceCrs()
        else:
            target = self.parameterAsCrs(parameters, self.GRID_CRS, context)
            if not target.isValid():
                target = self._utm_for(source, context)
            elif target.isGeographic():
                raise QgsProcessingException(self.tr(
                    "The grid CRS {} is in degrees: choose a projected CRS in metres.").format(target.authid()))
        feedback.pushInfo(self.tr("Areas and output CRS: {} ({})").format(target.authid(), target.description()))
        if areas_source is None:
            # the cell size is given in metres; a grid CRS in feet (State Plane) counts in feet
            to_crs_units = QgsUnitTypes.fromUnitToUnitFactor(DISTANCE_METERS, target.mapUnits())
            if to_crs_units > 0 and abs(to_crs_units - 1.0) > 1e-9:
                params.cell_size *= to_crs_units
                params.min_cell_size *= to_crs_units
                feedback.pushInfo(self.tr("The grid CRS counts in {}: cells of {:.6g} of them.").format(
                    QgsUnitTypes.toString(target.mapUnits()), params.cell_size))
        return target

    def read_points(self, parameters, source, fields, target, context, cf, feedback) -> dict:
        """The photo points in the target CRS and their field values, as plain sequences for core/:
        a whole saved GeoPackage column by column (processing/columnar_source.py), else feature by feature."""
        motif_field, user_field, date_field, conf_field = fields
        columns = read_point_columns(parameters.get(self.INPUT), context, [f for f in fields if f], target)
        if columns is not None:
            feedback.pushInfo(self.tr("Reading the photo layer column by column."))
            xs, ys, found = columns
            out = {"x": xs, "y": ys}
            # SQLite gives None, text and numbers: _plain's rules for them (the text 'NULL' is NULL too)
            for key, name in (("motif", motif_field), ("user", user_field), ("date", date_field),
                              ("conf", conf_field)):
                out[key] = [None if v is None or v == "NULL" else v for v in found[name]] if name else []
            return out
        request = QgsFeatureRequest().setDestinationCrs(target, context.transformContext())
        request.setSubsetOfAttributes([f for f in fields if f], source.fields())
        out = {"x": [], "y": [], "motif": [], "user": [], "date": [], "conf": []}
        total = source.featureCount() or 1
        for n, feat in enumerate(source.getFeatures(request)):
            if n % 1000 == 0:
                cf.check()
                feedback.setProgress(30.0 * n / total)
            geom = feat.geometry()
            if geom is None or geom.isNull() or geom.isEmpty():
                out["x"].append(math.nan)
                out["y"].append(math.nan)
            else:
                pt = geom.asPoint() if not geom.isMultipart() else geom.centroid().asPoint()
                out["x"].append(pt.x())
                out["y"].append(pt.y())
            out["motif"].append(_plain(feat[motif_field]))
            for key, name in (("user", user_field), ("date", date_field), ("conf", conf_field)):
                if name:
                    out[key].append(_plain(feat[name]))
        return out

    @staticmethod
    def read_areas(areas_source) -> tuple:
        """(area features, shapely polygons) of the polygon layer; (None, None) for a grid."""
        if areas_source is None:
            return None, None
        import shapely

        # invalid outlines (a bow-tie) are repaired by core.summarize, never skipped or fatal here
        area_feats = list(areas_source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS))
        polygons = shapely.from_wkb([bytes(f.geometry().asWkb()) if f.hasGeometry() else None for f in area_feats])
        return area_feats, polygons

    def write_summary(self, parameters, context, result, areas_source, area_feats, target, params, cf,
                      feedback) -> tuple:
        """One polygon per area through the checked sink: (destination id, areas written)."""
        table = result.table
        table["min_users"] = params.min_users
        base = areas_source.fields() if areas_source is not None else QgsFields()
        fields = QgsFields()
        summary_names = [c for c in table.columns if c != "area" or areas_source is None]
        for f in base:
            if f.name() not in summary_names:
                fields.append(f)
        for col in summary_names:
            fields.append(QgsField(col, _column_type(col)))
        sink, dest_id = create_sink(self, parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, target)
        records = table.to_dict("records")
        for k, row in enumerate(records):
            if k % 500 == 0:
                cf.check()
                feedback.setProgress(80 + 15.0 * k / max(len(records), 1))
            out = QgsFeature(fields)
            attrs = {}
            if area_feats is not None:
                src = area_feats[k]
                attrs.update({f.name(): src[f.name()] for f in base})
                geom = QgsGeometry(src.geometry())
            else:
                geom = QgsGeometry()
                geom.fromWkb(bytes(result.geometry[k].wkb))
            attrs.update({c: _cell(c, row[c]) for c in summary_names})
            geom.convertToMultiType()
            out.setGeometry(geom)
            out.setAttributes([attrs.get(f.name()) for f in fields])
            sink.add(out)
        sink.finish()
        written = sink.written
        del sink  # closes the GeoPackage before its styles are stored
        feedback.pushInfo(self.tr("{} areas written ({} suppressed), measure: {}.").format(
            written, result.counts["suppressed"], params.measure))
        return dest_id, written

    def _season(self, parameters, context, date_field, dates, feedback):
        """Which photos were taken in the chosen season (None: all seasons)."""
        season = option_value(self, parameters, self.SEASON, context, SEASON_OPTIONS)
        if season == "all":
            return None
        if not date_field:
            raise QgsProcessingException(self.tr(
                "A season needs the date taken field (such as taken_at): choose it, or all seasons."))
        from ..core.phototime import season_mask

        keep = season_mask(dates, season)
        feedback.pushInfo(self.tr("Season {}: {} of {} photos were taken then.").format(
            season, int(keep.sum()), len(keep)))
        return keep

    def _utm_for(self, source, context):
        from ..core.summarize import utm_epsg

        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        extent = source.sourceExtent()
        if extent.isNull():
            raise QgsProcessingException(self.tr("The photo layer has no located photos to summarise."))
        tr_ = QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext())
        centre = tr_.transform(extent.center())
        lon, lat = centre.x(), centre.y()
        try:
            straddles = tr_.transformBoundingBox(extent).width() > 180.0
        except QgsCsException:
            straddles = True
        if straddles:
            # photos on both sides of the antimeridian (Fiji, Chukotka, the Aleutians): the
            # extent's centre lies on the other side of the Earth; take the photos' mean direction
            lon, lat = _mean_lon_lat(source, tr_, lon, lat)
        return QgsCoordinateReferenceSystem("EPSG:{}".format(utm_epsg(lon, lat)))

    def _style(self, dest_id, context, feedback, counts, params, colours=None):
        """Dominant-motif style (default) and diversity style, stored in the output GeoPackage;
        ``counts``: photos per motif on the photo layer; ``colours``: the photo layer's motif colours,
        so a motif has one colour on points and areas."""
        from .summary_style import save_summary_styles

        layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
        if layer is None:
            return
        message = save_summary_styles(layer, counts, params.min_users, persist=_is_gpkg(dest_id), colours=colours)
        if message:
            feedback.reportError(message)


def motif_counts(motifs) -> dict:
    """{motif: photos} of the photo layer (summary_style.photo_counts' rule: NULL and '' left out)."""
    counts: dict = {}
    for m in motifs:
        if m is not None and str(m) != "":
            counts[str(m)] = counts.get(str(m), 0) + 1
    return counts


def check_transformed(xs, source_crs, target):
    """The grid's own UTM zone puts every photo 100-900 km east of the zone's edge: coordinates still
    in degrees mean the points were not transformed (seen once: a grid of one hexagon at 0, 0)."""
    import numpy as np

    xs = np.asarray(xs, dtype=float)
    located = xs[~np.isnan(xs)]
    if located.size and bool(np.all((located >= -180.0) & (located <= 180.0))):
        raise QgsProcessingException(tr(
            "The photos could not be transformed from {} to {}: the grid would put them all at 0, 0. Run the "
            "summary again; if it persists, choose the grid CRS.").format(source_crs.authid(), target.authid()))


def _mean_lon_lat(source, to_wgs84, lon, lat):
    """Circular mean longitude and mean latitude of the located photos (``lon, lat`` if none)."""
    east = north = lat_sum = 0.0
    n = 0
    request = QgsFeatureRequest().setNoAttributes()
    for feat in source.getFeatures(request):
        geom = feat.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        try:
            point = to_wgs84.transform(geom.centroid().asPoint())
        except QgsCsException:
            continue
        east += math.cos(math.radians(point.x()))
        north += math.sin(math.radians(point.x()))
        lat_sum += point.y()
        n += 1
    if not n:
        return lon, lat
    return math.degrees(math.atan2(north, east)), lat_sum / n


def _is_gpkg(dest_id):
    return str(dest_id).split("|")[0].lower().endswith(".gpkg") and os.path.exists(str(dest_id).split("|")[0])


def _plain(value):
    if is_null(value) or (hasattr(value, "isNull") and value.isNull()):
        return None
    value = to_qvalue(value)
    if hasattr(value, "toString") and not isinstance(value, str):
        return value.toString("yyyy-MM-dd'T'HH:mm:ss") if hasattr(value, "date") else value.toString("yyyy-MM-dd")
    return value


def _column_type(col):
    if col in INT_COLUMNS or col.startswith("n_"):
        return FIELD_TYPES["int"]
    if col in FLOAT_COLUMNS or col.startswith("s_"):
        return FIELD_TYPES["float"]
    if col == "suppressed":
        return FIELD_TYPES["bool"]
    return FIELD_TYPES["str"]


def _cell(col, value):
    value = to_qvalue(value)
    if value is None:
        return None
    if col in INT_COLUMNS or col.startswith("n_"):
        return int(value)
    if col == "suppressed":
        return bool(value)
    return value
