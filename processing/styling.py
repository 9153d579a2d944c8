"""Styles for the layers the algorithms write: categories, map tips, the photo in the form.

One style for every photo layer (import, embed, cluster, classify outputs): a categorised
renderer on the motif/class field built from :func:`core.palette.category_styles` (colour and
marker shape per category, counts in the legend, greys for noise, "other" and unreadable photos),
an HTML map tip with the photo's thumbnail, and the external-resource widget that shows the photo
in the attribute form. :func:`store_style` saves it as the default style inside the GeoPackage,
so a layer written by ``qgis_process`` or opened later is styled too; :func:`style_on_load`
applies the same style when Processing adds the output to a project.

QGIS-only, without the GUI interface object: usable from algorithms, ``qgis_process`` and the plugin.
"""
from __future__ import annotations

import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..core.motifnames import GREY_VALUES, NOT_A_MOTIF, id_field, stable_colours, styles_with_colours
from ..core.palette import GREY_OTHER, category_styles
from .qgis_compat import (
    GEOMETRY_POLYGON,
    MARKER_SHAPES,
    PROPERTY_ANGLE,
    PROPERTY_LAYER_ENABLED,
    PROPERTY_OFFSET,
    PROPERTY_SIZE,
    PROPERTY_STROKE_COLOR,
    REQUEST_NO_GEOMETRY,
)
from .temporal import time_style

UNREADABLE = "unreadable"
PHOTO_FIELD = "photo"
STYLE_NAME = "Photo Motifs"


def tr(text: str) -> str:
    return QCoreApplication.translate("PhotoMotifs", text)


# --- categories ------------------------------------------------------------------------------

def category_expression(layer, field_name: str, failed_values=()) -> str:
    """The renderer's classification expression: the field, with NULL (the photo could not be
    read, or had no path) and ``failed_values`` shown as "unreadable" instead of vanishing.
    When the layer keeps the original ids (``<field>_id``, written by renaming motifs), a NULL
    motif with an id is a photo set to "not a motif"."""
    field = QgsExpression.quotedColumnRef(field_name)
    expr = f"coalesce({field}, {QgsExpression.quotedString(UNREADABLE)})"
    if layer is not None and layer.fields().lookupField(id_field(field_name)) >= 0:
        kept = QgsExpression.quotedColumnRef(id_field(field_name))
        expr = (f"CASE WHEN {field} IS NULL AND {kept} IS NOT NULL THEN {QgsExpression.quotedString(NOT_A_MOTIF)} "
                f"ELSE {expr} END")
    if failed_values:
        listed = ", ".join(QgsExpression.quotedString(str(v)) for v in failed_values)
        expr = f"CASE WHEN {field} IN ({listed}) THEN {QgsExpression.quotedString(UNREADABLE)} ELSE {expr} END"
    return expr


def category_counts(layer, expression: str) -> dict:
    """{category value (text): number of features} for an expression over the whole layer."""
    counts: dict = {}
    expr = QgsExpression(expression)
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils

    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expr.prepare(ctx)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    for feature in layer.getFeatures(request):
        ctx.setFeature(feature)
        value = expr.evaluate(ctx)
        key = "" if value is None or str(value) == "NULL" else str(value)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _marker(color: str, shape: str, size: float = 3.2):
    symbol = QgsMarkerSymbol()
    layer = QgsSimpleMarkerSymbolLayer(MARKER_SHAPES.get(shape, MARKER_SHAPES["circle"]), size)
    layer.setColor(QColor(color))
    layer.setStrokeColor(QColor(255, 255, 255) if shape != "cross" else QColor(color))
    layer.setStrokeWidth(0.25 if shape != "cross" else 0.5)
    symbol.changeSymbolLayer(0, layer)
    return symbol


def _selection_halo(symbol) -> None:
    """A black-and-white ring around a selected photo, drawn only for selected features: the
    selection stays visible whatever the motif's colour (QGIS 3.22 paints selected markers in
    one selection colour, which can equal a motif's yellow).

    Legends (print layouts, the Layers panel) draw every symbol layer whatever its data-defined
    'enabled' says, and there is no feature, so ``is_selected()`` is NULL: the ring's size and
    colour are data-defined too, invisible unless selected, and its fixed size is the marker's,
    so a legend shows the plain marker at its own size."""
    selected = "coalesce(is_selected(), false)"
    for position, (width, colour) in enumerate(((1.0, "#000000"), (0.45, "#FFFFFF"))):
        ring = QgsSimpleMarkerSymbolLayer(MARKER_SHAPES["circle"], symbol.size())
        ring.setColor(QColor(0, 0, 0, 0))
        ring.setStrokeColor(QColor(colour))
        ring.setStrokeWidth(width)
        ring.setDataDefinedProperty(PROPERTY_LAYER_ENABLED, QgsProperty.fromExpression(selected))
        ring.setDataDefinedProperty(PROPERTY_SIZE, QgsProperty.fromExpression(
            f"CASE WHEN {selected} THEN 6.2 ELSE 0 END"))
        ring.setDataDefinedProperty(PROPERTY_STROKE_COLOR, QgsProperty.fromExpression(
            f"CASE WHEN {selected} THEN '{colour}' ELSE '0,0,0,0' END"))
        ring.setLocked(True)  # the symbol's colour stays the marker's (QgsSymbol.color skips locked layers)
        symbol.insertSymbolLayer(position, ring)  # under the marker


def _fill(color: str):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": "#4d4d4d", "outline_width": "0.2"})


def _direction_arrow(symbol, direction_field: str) -> None:
    """A small arrowhead pointing where the camera looked, only for photos with a direction."""
    arrow = QgsSimpleMarkerSymbolLayer(MARKER_SHAPES["arrowhead"], 1.8)
    arrow.setColor(QColor("#303030"))
    arrow.setStrokeColor(QColor("#303030"))
    arrow.setStrokeWidth(0.1)
    field = QgsExpression.quotedColumnRef(direction_field)
    arrow.setDataDefinedProperty(PROPERTY_ANGLE, QgsProperty.fromExpression(field))
    # attribute() is NULL without a feature, so the legend shows the category marker alone
    arrow.setDataDefinedProperty(
        PROPERTY_LAYER_ENABLED,
        QgsProperty.fromExpression(f"attribute({QgsExpression.quotedString(direction_field)}) IS NOT NULL"))
    # drawn a little ahead of the point, in the direction of view
    arrow.setDataDefinedProperty(
        PROPERTY_OFFSET,
        QgsProperty.fromExpression(f"array(2.6*sin(radians({field})), -2.6*cos(radians({field})))"))
    symbol.appendSymbolLayer(arrow)


def category_renderer(layer, field_name: str, counts: dict | None = None, *, variant: str | None = None,
                      failed_values=(), direction_field: str | None = None, colours: dict | None = None):
    """Categorised renderer on ``field_name`` for a point or polygon layer (None without the field).

    Colours and marker shapes come from :func:`core.palette.category_styles` with the counts of
    the layer (or ``counts`` when given, e.g. those of the photo layer an area summary came
    from), so the same counts always give the same colours on points and polygons. The legend
    says how many features each category has. ``variant`` "classes" draws classifier output in
    other colours than cluster output; by default a field named "class" is treated so.
    ``colours`` ({value: '#RRGGBB'}, e.g. from the layer's names table) keeps the colours of
    the motifs it names; other motifs get palette colours none of them has.
    """
    if layer is None or layer.fields().lookupField(field_name) < 0:
        return None
    polygons = layer.geometryType() == GEOMETRY_POLYGON
    if polygons:  # an area with no photos is not "unreadable": plain field values
        expression = field_name
        counts = counts if counts is not None else category_counts(layer, QgsExpression.quotedColumnRef(field_name))
        counts.pop("", None)
    else:
        expression = category_expression(layer, field_name, failed_values)
        counts = counts if counts is not None else category_counts(layer, expression)
    variant = variant or ("classes" if field_name == "class" else "motifs")
    counts = {str(k): int(v) for k, v in counts.items()}
    if colours:
        colours = stable_colours(counts, colours, variant=variant, unreadable=(UNREADABLE,))
        styles = styles_with_colours(counts, colours, variant=variant, unreadable=(UNREADABLE,))
    else:
        styles = category_styles(counts, noise=GREY_VALUES, unreadable=(UNREADABLE,), variant=variant)
    tiny = tiny_values(layer, field_name) if not polygons else set()
    categories = []
    for style in styles:
        symbol = _fill(style.color) if polygons else _marker(style.color, style.shape)
        if not polygons:
            if direction_field:
                _direction_arrow(symbol, direction_field)
            _selection_halo(symbol)
        if style.kind == "other":
            n_other = len([s for s in counts if s not in {x.value for x in styles}])
            label = tr("other ({} categories, {} photos)").format(n_other, style.count)
            categories.append(QgsRendererCategory("", symbol, label))
        else:
            name = tr("unreadable photos") if style.kind == "unreadable" else str(style.value)
            if style.value == NOT_A_MOTIF:
                name = tr("not a motif")
            label = tr("{} ({})").format(name, style.count)
            if str(style.value) in tiny:
                label = tr("{} — tiny: probably not a motif").format(label)
            categories.append(QgsRendererCategory(str(style.value), symbol, label))
    if not polygons and not any(c.value() == "" for c in categories):
        categories.append(all_other_values_category())
    return QgsCategorizedSymbolRenderer(expression, categories)


def all_other_values_category():
    """Grey "all other values": a photo whose motif is edited to a new value stays on the map
    (until the style is rebuilt) instead of vanishing."""
    symbol = _marker(GREY_OTHER, "circle")
    _selection_halo(symbol)
    return QgsRendererCategory("", symbol, tr("all other values"))


def tiny_values(layer, field_name: str) -> set:
    """Motifs the cluster algorithm flagged as tiny (``cluster_tiny``), as text."""
    flag = f"{field_name}_tiny"
    if layer.fields().lookupField(flag) < 0:
        return set()
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([field_name, flag],
                                                                                      layer.fields())
    return {str(f[field_name]) for f in layer.getFeatures(request) if f[flag] is True or str(f[flag]) == "true"}


def single_renderer(layer, direction_field: str | None = None):
    """One symbol for photo layers without a category yet (the imported photos)."""
    if layer.geometryType() == GEOMETRY_POLYGON:
        return QgsSingleSymbolRenderer(_fill("#0072B2"))
    symbol = _marker("#0072B2", "circle")
    if direction_field:
        _direction_arrow(symbol, direction_field)
    return QgsSingleSymbolRenderer(symbol)


# --- map tips and the photo in the form ------------------------------------------------------

def map_tip_html(layer, category_field: str | None = None, path_field: str = PHOTO_FIELD) -> str:
    """HTML map tip: the photo as a thumbnail, motif/class (with confidence), date taken, file name."""
    names = set(layer.fields().names())
    path = QgsExpression.quotedColumnRef(path_field)
    url = (f"[% CASE WHEN {path} IS NULL THEN '' WHEN left({path}, 1) = '/' THEN 'file://' || {path} "
           f"ELSE 'file:///' || replace({path}, '\\\\', '/') END %]")
    rows = []
    if category_field and category_field in names:
        unreadable = QgsExpression.quotedString(tr("unreadable"))
        value = f"[% coalesce({QgsExpression.quotedColumnRef(category_field)}, {unreadable}) %]"
        if "confidence" in names and category_field == "class":
            value += (" [% CASE WHEN \"confidence\" IS NULL THEN '' "
                      "ELSE '(' || round(\"confidence\" * 100) || ' %)' END %]")
        heading = tr("Class") if category_field == "class" else tr("Motif")
        rows.append(f"<b>{heading}:</b> {value}")
    if "taken_at" in names:
        taken = tr("Taken")  # outside the f-string, where pylupdate5 sees it
        rows.append(f"<b>{taken}:</b> [% coalesce(left(\"taken_at\", 19), '–') %]")
    name = "\"filename\"" if "filename" in names else f"base_file_name({path})"
    rows.append(f"[% {name} %]")
    return (
        "<div style=\"font-family:sans-serif;font-size:9pt;max-width:260px\">"
        f"<img src=\"{url}\" style=\"max-width:240px;max-height:180px\" width=\"240\"/><br/>"
        + "<br/>".join(rows) + "</div>"
    )


def photo_widget(layer, path_field: str = PHOTO_FIELD) -> bool:
    """The attribute form shows the photo (external resource widget, image viewer), as QGIS's
    own photo import does. False when the layer has no such field."""
    index = layer.fields().lookupField(path_field)
    if index < 0:
        return False
    config = {"DocumentViewer": 1, "DocumentViewerHeight": 320, "DocumentViewerWidth": 0,
              "FileWidget": True, "FileWidgetButton": True, "UseLink": True, "FullUrl": True,
              "StorageMode": 0, "RelativeStorage": 0}
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ExternalResource", config))
    return True


def category_field_of(layer) -> str | None:
    """The field a photo layer is styled by: class, cluster or the embedding status."""
    names = layer.fields().names()
    for name in ("class", "cluster", "embed_status"):
        if name in names:
            return name
    return None


def apply_photo_style(layer, category_field: str | None = None, arrows: bool = False,
                      colours: dict | None = None) -> None:
    """Renderer, map tip and photo widget on a photo layer (points, or a table without geometry).

    ``arrows``: also draw a small arrowhead in the direction of view of photos that recorded one.
    ``colours``: {motif: colour} to keep (default: those of the layer's motif names table).
    """
    if layer is None or not layer.isValid():
        return
    category_field = category_field or category_field_of(layer)
    direction = "direction" if arrows and "direction" in layer.fields().names() else None
    if layer.isSpatial():
        renderer = None
        if category_field:
            failed = ("failed",) if category_field == "embed_status" else ()
            if colours is None:
                from .motif_names import stored_names

                colours = stored_names(layer, category_field).colours
            renderer = category_renderer(layer, category_field, failed_values=failed, direction_field=direction,
                                         colours=colours)
        layer.setRenderer(renderer or single_renderer(layer, direction))
    if layer.fields().lookupField(PHOTO_FIELD) >= 0:
        layer.setMapTipTemplate(map_tip_html(layer, category_field))
        photo_widget(layer)
    time_style(layer, category_field)
    layer.triggerRepaint()


# --- stored with the data, applied on load ----------------------------------------------------

def store_style(layer) -> str | None:
    """Save the layer's current style as its default style: inside a GeoPackage, else as a .qml
    next to the file. Returns an error sentence, or None when stored."""
    if layer.providerType() != "ogr":
        return tr("Only file layers can store a style.")
    path = layer.source().split("|")[0]
    if path.lower().endswith((".gpkg", ".sqlite")):
        error = layer.saveStyleToDatabase(STYLE_NAME, tr("Photo Motifs style"), True, "")
        return error or None
    _message, ok = layer.saveDefaultStyle()
    return None if ok else _message


def style_output(context, dest_id: str, category_field: str | None, feedback=None, colours=None) -> None:
    """Style an algorithm's written output: stored in its file, and applied when QGIS loads it.

    Call after the sink is closed (the writer object deleted), so the file holds every feature.
    ``colours``: {motif: colour} to keep (see :func:`apply_photo_style`).
    """
    if not dest_id:
        return
    path = str(dest_id).split("|")[0]
    if os.path.isfile(path):
        layer = QgsVectorLayer(str(dest_id), "photos", "ogr")
        if layer.isValid():
            apply_photo_style(layer, category_field, colours=colours)
            error = store_style(layer)
            if error and feedback is not None:
                feedback.pushInfo(tr("The style could not be stored with the layer: {}").format(error))
    if context is not None and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(StyleOnLoad.create(category_field, colours))


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Apply the photo style when Processing adds an output layer to the project (memory layers
    have no file to store it in; file layers are loaded without their default style)."""

    instances: list = []  # QGIS does not own Python post-processors: keep them alive

    def __init__(self, category_field, colours=None):
        super().__init__()
        self.category_field = category_field
        self.colours = colours

    @classmethod
    def create(cls, category_field, colours=None):
        instance = cls(category_field, colours)
        cls.instances.append(instance)
        return instance

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            apply_photo_style(layer, self.category_field, colours=self.colours)


