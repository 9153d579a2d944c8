"""Styles of the motif summary: dominant motif (categories) and diversity (graduated).

The dominant-motif colours come from ``core.palette.category_styles`` fed with the motif's photo
counts on the photo layer — the same function and counts the photo layer's style uses — so a motif
has one colour on the points and on the areas. Each area's opacity follows its dominant share
(data-defined): a clear winner is drawn solid, a near tie faint. Suppressed areas (too few users)
are hatched grey. Both styles are stored in the output GeoPackage, dominant motif as the default.
"""
from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationEqualInterval,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsProperty,
    QgsRendererCategory,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.motifnames import stable_colours, styles_with_colours
from ..core.palette import category_styles
from .outputs import is_null
from .qgis_compat import REQUEST_NO_GEOMETRY, SYMBOL_PROPERTY_OPACITY
from .translation import tr

DOMINANT_STYLE = "dominant motif"
DIVERSITY_STYLE = "diversity"
# opacity 25 % at a dominant share of 0 (never reached) up to 100 % at a share of 1
OPACITY_EXPRESSION = 'scale_linear(coalesce("dom_share", 1), 0, 1, 25, 100)'
VIRIDIS = ("#440154", "#3B528B", "#21908C", "#5DC963", "#FDE725")
NO_MOTIF = "__no_motif__"
# suppressed areas are NULL (hatched); published areas without a dominant motif get their own class
DOMINANT_EXPRESSION = f'CASE WHEN "suppressed" THEN NULL ELSE coalesce("dominant", \'{NO_MOTIF}\') END'


def photo_counts(source, field_name) -> dict:
    """{motif text: photos} over every feature of the photo layer (the photo layer style's counts)."""
    counts: dict = {}
    index = source.fields().lookupField(field_name)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([index])
    for feat in source.getFeatures(request):
        value = feat[index]
        if is_null(value) or str(value) == "":
            continue
        counts[str(value)] = counts.get(str(value), 0) + 1
    return counts


def _fill(color: str, outline="#FFFFFF") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({
        "color": color, "outline_color": outline, "outline_width": "0.15", "outline_style": "solid"})


def dominant_renderer(counts: dict, min_users: int, colours: dict | None = None) -> QgsCategorizedSymbolRenderer:
    """Categories of ``dominant`` in the photo layer's palette, opacity by ``dom_share``;
    ``colours`` ({motif: colour}, e.g. of named motifs) are kept."""
    if colours:
        styles = styles_with_colours(counts, stable_colours(counts, colours))
    else:
        styles = category_styles(counts)
    coloured = {s.value for s in styles if s.value is not None}
    categories = []
    for s in styles:
        values = [s.value] if s.value is not None else sorted(v for v in counts if v not in coloured)
        for value in values:
            symbol = _fill(s.color)
            symbol.setDataDefinedProperty(SYMBOL_PROPERTY_OPACITY, QgsProperty.fromExpression(OPACITY_EXPRESSION))
            label = str(value) if s.kind != "other" else tr("{} (other motif)").format(value)
            categories.append(QgsRendererCategory(str(value), symbol, label))
    hatched = QgsFillSymbol.createSimple({
        "color": "#8C8C8C", "style": "b_diagonal", "outline_color": "#8C8C8C", "outline_width": "0.15"})
    hatched.symbolLayer(0).setBrushStyle(Qt.BrushStyle.BDiagPattern)
    categories.append(QgsRendererCategory(
        "", hatched, tr("suppressed: fewer than {} users").format(min_users)))
    # an area whose photos are all "not a motif" (or unreadable) is published, not suppressed
    categories.append(QgsRendererCategory(NO_MOTIF, _fill("#FFFFFF", outline="#8C8C8C"),
                                          tr("no motif (only photos outside every motif)")))
    return QgsCategorizedSymbolRenderer(DOMINANT_EXPRESSION, categories)


def diversity_renderer(layer, classes=5) -> QgsGraduatedSymbolRenderer:
    """Shannon diversity in equal-interval classes on a viridis ramp (suppressed areas not drawn)."""
    renderer = QgsGraduatedSymbolRenderer("shannon")
    renderer.setSourceSymbol(_fill(VIRIDIS[0]))
    # equal intervals from 0 (one motif) to the largest H: readable, and no empty classes from the
    # many areas with H = 0 that natural breaks would split
    renderer.setClassificationMethod(QgsClassificationEqualInterval())
    renderer.updateClasses(layer, classes)
    ramp = QgsGradientColorRamp(QColor(VIRIDIS[0]), QColor(VIRIDIS[-1]))
    ramp.setStops([QgsGradientStop(i / (len(VIRIDIS) - 1), QColor(c)) for i, c in enumerate(VIRIDIS[1:-1], 1)])
    renderer.updateColorRamp(ramp)
    return renderer


def save_summary_styles(layer, counts: dict, min_users: int, persist: bool = True, colours=None) -> str:
    """Set the dominant-motif style on ``layer``; with ``persist`` also store both styles in its
    GeoPackage (dominant motif as the default). Returns an error sentence, or '' on success."""
    errors = []
    if persist:
        layer.setRenderer(diversity_renderer(layer))
        msg = layer.saveStyleToDatabase(DIVERSITY_STYLE, tr("Shannon diversity of motifs (graduated)"), False, "")
        if msg:
            errors.append(msg)
    layer.setRenderer(dominant_renderer(counts, min_users, colours))
    if persist:
        msg = layer.saveStyleToDatabase(DOMINANT_STYLE, tr("Dominant motif, opacity by its share"), True, "")
        if msg:
            errors.append(msg)
    if errors:
        return tr("The styles could not be stored in the GeoPackage: {}").format("; ".join(errors))
    return ""
