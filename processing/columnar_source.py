"""A whole GeoPackage point layer read column by column (core.columnar) instead of feature by feature.

Used where an algorithm only needs coordinates and a few attributes of every photo (the motif
summary). It applies only when the input is a complete, saved GeoPackage layer: not a selection,
not a limited or filtered source, no subset string, no unsaved edits, and a CRS change that
QGIS would make with PROJ's default operation (pyproj, built on the same PROJ, then transforms
the arrays). Otherwise :func:`read_point_columns` returns None and the caller reads features.
"""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)


def whole_gpkg_layer(value, context):
    """(path, layer name, QgsVectorLayer) when ``value`` names a whole saved GeoPackage layer, else None."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) not in (-1, None) or \
                getattr(value, "filterExpression", ""):
            return None
        value = value.source.staticValue()
    layer = value if isinstance(value, QgsVectorLayer) else \
        QgsProcessingUtils.mapLayerFromString(str(value), context) if value else None
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or parts.get("layerId") not in (None, ""):
        return None
    return path, parts.get("layerName") or None, layer


def read_point_columns(value, context, names, target: QgsCoordinateReferenceSystem):
    """(xs, ys, {name: values}) of every photo in ``target``'s coordinates, or None (read features)."""
    found = whole_gpkg_layer(value, context)
    if found is None:
        return None
    path, layer_name, layer = found
    from ..core.columnar import read_points

    try:
        table = read_points(path, list(names), layer=layer_name)
    except ValueError:
        return None  # not points (or not readable this way): QGIS reads the features
    if table.x.size != layer.featureCount():
        return None
    x, y = table.x, table.y
    source = layer.crs()
    if source.isValid() and target.isValid() and source != target:
        if context.transformContext().calculateCoordinateOperation(source, target):
            return None  # the project chose a particular datum transformation: QGIS applies it
        from pyproj import Transformer

        wkt2 = QgsCoordinateReferenceSystem.WktVariant.WKT2_2019
        transformer = Transformer.from_crs(source.authid() or source.toWkt(wkt2),
                                           target.authid() or target.toWkt(wkt2), always_xy=True)
        located = np.isfinite(x) & np.isfinite(y)
        x, y = x.copy(), y.copy()
        x[located], y[located] = transformer.transform(x[located], y[located])
    return x, y, table.columns
