"""Photo layers keep their time slider settings when they are opened from their GeoPackage.

QGIS reads a layer's stored default style when it opens the file and then resets the temporal
properties from the data provider (QGIS 3.22 and later), so a photo layer written by
``qgis_process`` would open without its time settings. While the plugin is loaded, every layer
added to the project gets the temporal properties of its stored Photo Motifs style back
(:func:`restore_stored_time`); other layers are left alone.
"""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from ..processing.qgis_compat import STYLE_TEMPORAL
from ..processing.styling import STYLE_NAME


def restore_stored_time(layer) -> bool:
    """Re-apply the temporal properties of the layer's stored default style (QGIS resets them
    when it opens a file). Only for layers styled by Photo Motifs whose temporal properties are
    off; True when they were restored."""
    if not isinstance(layer, QgsVectorLayer) or layer.temporalProperties().isActive():
        return False
    if layer.providerType() != "ogr" or not layer.isValid():
        return False
    try:
        count, ids, names, _descriptions, _error = layer.listStylesInDatabase()
    except (RuntimeError, TypeError, ValueError):
        return False
    if not count or STYLE_NAME not in names[:count]:
        return False
    qml, _error = layer.getStyleFromDatabase(ids[names.index(STYLE_NAME)])
    doc = QDomDocument()
    if not qml or not doc.setContent(qml)[0]:
        return False
    stored = doc.elementsByTagName("temporal")
    if stored.isEmpty() or stored.item(0).toElement().attribute("enabled") != "1":
        return False
    ok, _message = layer.importNamedStyle(doc, STYLE_TEMPORAL)
    return bool(ok) and layer.temporalProperties().isActive()


def restore_layers(layers) -> int:
    """Restore the stored time settings of the given layers; returns how many were restored."""
    return sum(1 for layer in layers if restore_stored_time(layer))


class TimeSliderKeeper:
    """Connects :func:`restore_layers` to ``QgsProject.layersAdded`` until :meth:`disconnect`."""

    def __init__(self, project=None):
        self.project = project or QgsProject.instance()
        self.project.layersAdded.connect(restore_layers)

    def disconnect(self) -> None:
        try:
            self.project.layersAdded.disconnect(restore_layers)
        except (TypeError, RuntimeError):  # already disconnected, or the project is gone
            pass
