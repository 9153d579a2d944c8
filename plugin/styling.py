"""Categorised styles for cluster/class fields, applied when Processing loads an output layer."""
import colorsys

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor


def palette(n):
    """n well-separated colours (golden-angle hues)."""
    return [QColor.fromRgbF(*colorsys.hsv_to_rgb((i * 0.618034) % 1.0, 0.75, 0.9)) for i in range(n)]


def categorized_renderer(layer, field_name):
    idx = layer.fields().lookupField(field_name)
    if idx < 0:
        return None
    values = sorted({str(v) for v in layer.uniqueValues(idx) if v is not None and str(v) != "NULL"},
                    key=lambda v: (not v[1:].isdigit(), int(v[1:]) if v[1:].isdigit() else 0, v))
    categories = []
    for value, color in zip(values, palette(len(values))):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        if value in ("noise", "unknown"):
            color = QColor(150, 150, 150)
        symbol.setColor(color)
        categories.append(QgsRendererCategory(value, symbol, value))
    return QgsCategorizedSymbolRenderer(field_name, categories)


class CategorizeOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Style the output layer by a field when Processing adds it to the project."""

    instances = []  # keep Python objects alive until QGIS calls them

    def __init__(self, field_name):
        super().__init__()
        self.field_name = field_name
        CategorizeOnLoad.instances.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is None or not layer.isSpatial():
            return
        renderer = categorized_renderer(layer, self.field_name)
        if renderer is not None:
            layer.setRenderer(renderer)
            layer.triggerRepaint()


def style_output_on_load(context, dest_id, field_name):
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(CategorizeOnLoad(field_name))
