"""QGIS enums in the form the running QGIS has, the one place that knows both forms.

QGIS 3.36+ and QGIS 4 (Qt 6) moved many class enums into scoped ``Qgis.*`` enums (for example
``Qgis.ProcessingSourceType.Vector`` for ``QgsProcessing.TypeVector``); QGIS 4 drops the old
names, and QGIS 3.22 has only those. No single spelling works on both, so each name below is the
first that exists: the scoped ``Qgis`` enum, else the 3.22 class enum. Field types follow
QgsField: ``QMetaType.Type`` from QGIS 3.38, ``QVariant.Type`` before (PyQt6 has no
``QVariant.Type``). Algorithms import these names instead of spelling the enums themselves.
"""
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSymbol,
    QgsSymbolLayer,
    QgsUnitTypes,
    QgsVectorLayerTemporalProperties,
    QgsWkbTypes,
)


def first_of(*candidates):
    """The first ``(owner, "Enum.Member")`` path that exists, e.g. ``(Qgis, "WkbType.Point")``."""
    for owner, path in candidates:
        obj = owner
        for part in path.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                break
        else:
            return obj
    raise AttributeError("None of " + ", ".join(f"{o.__name__}.{p}" for o, p in candidates) + " exists.")


SOURCE_VECTOR = first_of((Qgis, "ProcessingSourceType.Vector"), (QgsProcessing, "TypeVector"))
SOURCE_VECTOR_POINT = first_of((Qgis, "ProcessingSourceType.VectorPoint"), (QgsProcessing, "TypeVectorPoint"))
SOURCE_VECTOR_POLYGON = first_of((Qgis, "ProcessingSourceType.VectorPolygon"), (QgsProcessing, "TypeVectorPolygon"))
PARAMETER_ADVANCED = first_of((Qgis, "ProcessingParameterFlag.Advanced"),
                              (QgsProcessingParameterDefinition, "FlagAdvanced"))
NUMBER_INTEGER = first_of((Qgis, "ProcessingNumberParameterType.Integer"), (QgsProcessingParameterNumber, "Integer"))
NUMBER_DOUBLE = first_of((Qgis, "ProcessingNumberParameterType.Double"), (QgsProcessingParameterNumber, "Double"))
FILE_FILE = first_of((Qgis, "ProcessingFileParameterBehavior.File"), (QgsProcessingParameterFile, "File"))
FILE_FOLDER = first_of((Qgis, "ProcessingFileParameterBehavior.Folder"), (QgsProcessingParameterFile, "Folder"))
FIELD_STRING = first_of((Qgis, "ProcessingFieldParameterDataType.String"), (QgsProcessingParameterField, "String"))
FIELD_NUMERIC = first_of((Qgis, "ProcessingFieldParameterDataType.Numeric"), (QgsProcessingParameterField, "Numeric"))
WKB_POINT = first_of((Qgis, "WkbType.Point"), (QgsWkbTypes, "Point"))
WKB_POINTZ = first_of((Qgis, "WkbType.PointZ"), (QgsWkbTypes, "PointZ"))
WKB_NO_GEOMETRY = first_of((Qgis, "WkbType.NoGeometry"), (QgsWkbTypes, "NoGeometry"))
GEOMETRY_POLYGON = first_of((Qgis, "GeometryType.Polygon"), (QgsWkbTypes, "PolygonGeometry"))
REQUEST_NO_GEOMETRY = first_of((Qgis, "FeatureRequestFlag.NoGeometry"), (QgsFeatureRequest, "NoGeometry"))
# marker shapes of processing/styling.py (Qgis.MarkerShape from QGIS 3.24)
MARKER_SHAPES = {
    name: first_of((Qgis, f"MarkerShape.{member}"), (QgsSimpleMarkerSymbolLayerBase, member))
    for name, member in (("circle", "Circle"), ("square", "Square"), ("triangle", "Triangle"),
                         ("cross", "Cross2"), ("arrowhead", "ArrowHeadFilled"))
}
PROPERTY_ANGLE = first_of((QgsSymbolLayer, "Property.Angle"), (QgsSymbolLayer, "PropertyAngle"))
PROPERTY_OFFSET = first_of((QgsSymbolLayer, "Property.Offset"), (QgsSymbolLayer, "PropertyOffset"))
PROPERTY_LAYER_ENABLED = first_of((QgsSymbolLayer, "Property.LayerEnabled"), (QgsSymbolLayer, "PropertyLayerEnabled"))
PROPERTY_SIZE = first_of((QgsSymbolLayer, "Property.Size"), (QgsSymbolLayer, "PropertySize"))
PROPERTY_STROKE_COLOR = first_of((QgsSymbolLayer, "Property.StrokeColor"), (QgsSymbolLayer, "PropertyStrokeColor"))
WKB_MULTIPOLYGON = first_of((Qgis, "WkbType.MultiPolygon"), (QgsWkbTypes, "MultiPolygon"))
SYMBOL_PROPERTY_OPACITY = first_of((QgsSymbol, "Property.Opacity"), (QgsSymbol, "PropertyOpacity"))
DISTANCE_METERS = first_of((Qgis, "DistanceUnit.Meters"), (QgsUnitTypes, "DistanceMeters"))
ALGORITHM_NO_THREADING = first_of((Qgis, "ProcessingAlgorithmFlag.NoThreading"),
                                  (QgsProcessingAlgorithm, "FlagNoThreading"))
LAYER_FILTER_POINT = first_of((Qgis, "LayerFilter.PointLayer"), (QgsMapLayerProxyModel, "PointLayer"))
LAYER_FILTER_VECTOR = first_of((Qgis, "LayerFilter.VectorLayer"), (QgsMapLayerProxyModel, "VectorLayer"))
LAYER_FILTER_NO_GEOMETRY = first_of((Qgis, "LayerFilter.NoGeometry"), (QgsMapLayerProxyModel, "NoGeometry"))
FAST_INSERT = first_of((QgsFeatureSink, "Flag.FastInsert"), (QgsFeatureSink, "FastInsert"))

if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    _T = QMetaType.Type
    FIELD_TYPES = {"str": _T.QString, "int": _T.LongLong, "float": _T.Double, "bool": _T.Bool}
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_TYPES = {"str": QVariant.String, "int": QVariant.LongLong, "float": QVariant.Double, "bool": QVariant.Bool}
# ISO 8601 text keeps the UTC offset, which date fields lose
FIELD_TYPES["datetime"] = FIELD_TYPES["str"]
PARAMETER_HIDDEN = first_of((Qgis, "ProcessingParameterFlag.Hidden"), (QgsProcessingParameterDefinition, "FlagHidden"))
DATETIME_DATE = first_of((Qgis, "ProcessingDateTimeParameterDataType.Date"), (QgsProcessingParameterDateTime, "Date"))
SKIP_GEOMETRY_CHECKS = first_of((Qgis, "ProcessingFeatureSourceFlag.SkipGeometryValidityChecks"),
                                (QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks"))
# the motif map's scale bar and area labels (processing/alg_motif_map.py)
DISTANCE_KILOMETERS = first_of((Qgis, "DistanceUnit.Kilometers"), (QgsUnitTypes, "DistanceKilometers"))
SCALEBAR_FIXED_SEGMENTS = first_of((Qgis, "ScaleBarSegmentSizeMode.Fixed"),
                                   (QgsScaleBarSettings, "SegmentSizeFixed"))
LABEL_OVER_POINT = first_of((Qgis, "LabelPlacement.OverPoint"), (QgsPalLayerSettings, "OverPoint"))
TEXT_AS_TEXT = first_of((Qgis, "TextRenderFormat.AlwaysText"), (QgsRenderContext, "TextFormatAlwaysText"))
# temporal properties of photo layers (processing/temporal.py): Qgis.VectorTemporalMode from QGIS 3.28
TEMPORAL_INSTANT_FIELD = first_of((Qgis, "VectorTemporalMode.FeatureDateTimeInstantFromField"),
                                  (QgsVectorLayerTemporalProperties, "ModeFeatureDateTimeInstantFromField"))
TEMPORAL_EXPRESSIONS = first_of((Qgis, "VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions"),
                                (QgsVectorLayerTemporalProperties, "ModeFeatureDateTimeStartAndEndFromExpressions"))
STYLE_TEMPORAL = first_of((QgsMapLayer, "StyleCategory.Temporal"), (QgsMapLayer, "Temporal"))
