"""photomotifs:motifmap — a publishable motif map: the shipped print layout to PDF and PNG.

Loads ``templates/motif_map.qpt`` (or a template of the user's with the same item ids), puts the
motif summary on the map with its stored style, and fills the legend, scale bar, north arrow, the
top motifs with their contact-sheet thumbnails, the privacy note and the photo attribution.
"""
from __future__ import annotations

import math
import os

from qgis.core import (
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsProject,
    QgsReadWriteContext,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..core.motifnames import sheet_for
from ..core.safe_write import IncompleteOutput, pdf_problem, png_problem, replace_complete
from .base import PhotoMotifsAlgorithm
from .motif_names import stored_names
from .outputs import is_null
from .params import mark_advanced
from .qgis_compat import (
    ALGORITHM_NO_THREADING,
    DISTANCE_KILOMETERS,
    DISTANCE_METERS,
    FILE_FOLDER,
    REQUEST_NO_GEOMETRY,
    SCALEBAR_FIXED_SEGMENTS,
    SOURCE_VECTOR_POLYGON,
    TEXT_AS_TEXT,
)
from .summary_style import label_areas
from .translation import tr

TEMPLATE = os.path.join(os.path.dirname(__file__), "templates", "motif_map.qpt")
MOTIF_SLOTS = 4


def measure_names() -> dict:
    """The summary's measure codes as the map's text names them, in the user's language."""
    return {"pud": tr("photo-user-days"), "users": tr("distinct users"), "photos": tr("photos")}


class MotifMapAlgorithm(PhotoMotifsAlgorithm):
    NAME = "motifmap"
    GROUP = "maps"

    def displayName(self):
        return self.tr("Publish a motif map (PDF/PNG)")

    def tags(self):
        return self.tr("print layout,map,pdf,png,publish,legend,motifs").split(",")

    def intro(self):
        return self.tr(
            "Makes a finished map to print or share from a motif summary: the areas coloured by their "
            "dominant motif, with legend, scale bar, north arrow and the typical photos of the top "
            "motifs, as PDF and PNG.")

    def details(self):
        return self.tr(
            "Details: the summary comes from 'Summarize motifs by area', the thumbnails from the "
            "contact sheets folder of 'Discover photo motifs'. A note gives the privacy threshold used "
            "and the attribution of the photo source. The layout comes from the shipped template; give "
            "your own .qpt with the same item ids to change it.")
    CAPABILITY = None

    SUMMARY = "SUMMARY"
    BACKGROUND = "BACKGROUND"
    SHEETS = "SHEETS"
    TITLE = "TITLE"
    ATTRIBUTION = "ATTRIBUTION"
    TEMPLATE = "TEMPLATE"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"

    def flags(self):
        # layout items are Qt graphics items: render them in the main thread
        return super().flags() | ALGORITHM_NO_THREADING

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SUMMARY, self.tr("Motif summary layer"),
            [SOURCE_VECTOR_POLYGON]))
        self.parameterDefinition(self.SUMMARY).setHelp(self.tr("The output of 'Summarize motifs by area'."))
        self.addParameter(QgsProcessingParameterFile(
            self.SHEETS, self.tr("Contact sheets folder"),
            behavior=FILE_FOLDER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), self.tr("Photo motifs")))
        attribution = QgsProcessingParameterString(
            self.ATTRIBUTION, self.tr("Attribution of the photos"), "", multiLine=True, optional=True)
        attribution.setMetadata({"widget_wrapper": {
            "class": f"{__package__}.widgets.PlaceholderTextWrapper",
            "placeholder": self.tr("e.g. Photos: Flickr users, CC BY 2.0 (empty: no attribution line)")}})
        attribution.setHelp(self.tr("Printed under the map as it is; leave empty to print nothing."))
        self.addParameter(attribution)
        background = QgsProcessingParameterMapLayer(
            self.BACKGROUND, self.tr("Background layer (optional)"), optional=True)
        background.setHelp(self.tr("A layer of the project drawn under the areas, e.g. an OpenStreetMap "
                                   "layer you already use; nothing is downloaded by this algorithm."))
        self.addParameter(background)
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template (.qpt; empty: the shipped one)"), extension="qpt",
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Motif map (PDF)"), "PDF (*.pdf)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PNG, self.tr("Motif map (PNG)"), "PNG (*.png)", optional=True, createByDefault=True))
        mark_advanced(self, self.TEMPLATE)

    def process(self, parameters, context, feedback, cf):
        source_layer = self.parameterAsVectorLayer(parameters, self.SUMMARY, context)
        if source_layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SUMMARY))
        background = self.parameterAsLayer(parameters, self.BACKGROUND, context)
        layout, project = self.build_layout(source_layer, parameters, context, background)
        cf.check()
        map_item = layout.itemById("map")
        crs_id = map_item.crs().authid() if map_item is not None else "?"
        map_item = None
        failure = None
        try:
            pdf, png = self.export_map(layout, parameters, context, cf)
        except Exception as exc:  # re-raised below, without the frames that hold the layout
            failure = (type(exc), exc.args)
        finally:
            del layout, project  # the layout first, then its project (which owns the layers)
        if failure is not None:
            # a traceback kept with the error would keep the layout alive until QGIS exits, and
            # destroyed after QGIS it crashes the process (qgis_process ended with SIGSEGV)
            raise failure[0](*failure[1])
        results = {self.OUTPUT_PDF: pdf}
        if png:
            results[self.OUTPUT_PNG] = png
        feedback.pushInfo(self.tr("Motif map: {} (map in {})").format(pdf, crs_id))
        return results

    def build_layout(self, source_layer, parameters, context, background=None):
        """The filled print layout (and the private project holding its layers)."""
        from ..core.summarize import motif_field_names

        layer = map_copy_of_summary(source_layer)
        names = layer.fields().names()
        missing = [f for f in ("dominant", "suppressed") if f not in names]
        if missing:
            raise QgsProcessingException(self.tr(
                "The layer has no field {}: choose the output of 'Summarize motifs by area'.").format(
                    ", ".join(missing)))
        if layer.renderer() is None or layer.renderer().type() != "categorizedSymbol":
            from .summary_style import dominant_renderer

            layer.setRenderer(dominant_renderer(dominant_counts(layer), 5))
        stats = summary_stats(layer, motif_field_names)
        if not stats["areas"]:
            raise QgsProcessingException(self.tr(
                "The summary {} has no areas: there is nothing to map. Summarise photos that have a "
                "location (and a motif) first.").format(source_layer.name()))
        label_areas(layer)  # the stored style may have them already; the map's font in any case
        project = QgsProject()
        project.addMapLayer(layer, False)
        layers = [layer]
        if background is not None:
            copy = background.clone()
            project.addMapLayer(copy, False)
            layers.append(copy)
        crs = map_crs(layer, context.transformContext())
        project.setCrs(crs)
        layout = QgsPrintLayout(project)
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or TEMPLATE
        doc = QDomDocument()
        with open(template, encoding="utf-8") as fh:
            if not doc.setContent(fh.read()):
                raise QgsProcessingException(self.tr("The layout template {} is not readable.").format(template))
        layout.loadFromTemplate(doc, QgsReadWriteContext())
        self.fill(layout, layer, layers, crs, stats, parameters, context)
        return layout, project

    def export_map(self, layout, parameters, context, cf) -> tuple:
        """(PDF, PNG or "") of ``layout`` as asked, each written complete or not at all."""
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        exporter = QgsLayoutExporter(layout)
        self.write_pdf(exporter, pdf)
        png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        if png:
            cf.check()
            self.write_png(exporter, png)
        return pdf, png

    # --- writing the map: complete or absent (core/safe_write.py) -----------------------------

    def export_error(self, result) -> str:
        """A sentence for a QgsLayoutExporter result (QGIS 3.22's exporter has no errorMessage())."""
        return {
            QgsLayoutExporter.ExportResult.Canceled: self.tr("the export was canceled"),
            QgsLayoutExporter.ExportResult.MemoryError: self.tr("there was not enough memory to render the map"),
            QgsLayoutExporter.ExportResult.FileError: self.tr("the file could not be opened for writing (is the disk "
                                                 "full, the folder read-only or the file open elsewhere?)"),
            QgsLayoutExporter.ExportResult.PrintError: self.tr("the map could not be rendered for printing"),
            QgsLayoutExporter.ExportResult.SvgLayerError: self.tr("a layer could not be exported"),
            QgsLayoutExporter.ExportResult.IteratorError: self.tr("the atlas could not be prepared"),
        }.get(result, self.tr("the layout exporter failed (code {})").format(int(result)))

    def write_complete_file(self, path, fill, verify, what):
        """``fill(temporary name)``, read back by ``verify``, then renamed to ``path``; otherwise a
        sentence naming ``path`` and nothing left under any name."""
        try:
            replace_complete(path, fill, verify=verify)
        except IncompleteOutput as exc:
            raise QgsProcessingException(self.tr(
                "The {} {} could not be completed ({}): nothing was saved under its name. The disk may be "
                "full.").format(what, path, exc.reason)) from None
        except OSError as exc:
            raise QgsProcessingException(self.tr("The {} {} could not be written: {}.").format(
                what, path, exc.strerror or exc)) from None

    def write_pdf(self, exporter, pdf):
        def fill(tmp):
            settings = QgsLayoutExporter.PdfExportSettings()
            settings.textRenderFormat = TEXT_AS_TEXT  # names and texts stay text: searchable, selectable
            result = exporter.exportToPdf(str(tmp), settings)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(self.tr("The PDF {} could not be written: {}.").format(
                    pdf, self.export_error(result)))

        self.write_complete_file(pdf, fill, pdf_problem, "PDF")

    def write_png(self, exporter, png):
        # rendered and saved by Qt: the exporter's own PNG path also tries to georeference the
        # file through GDAL, which cannot update PNGs and prints an error
        def fill(tmp):
            image = exporter.renderPageToImage(0, QSize(), 150)
            if image.isNull():
                raise QgsProcessingException(self.tr("The PNG {} could not be rendered: there was not enough "
                                                     "memory.").format(png))
            if not image.save(str(tmp), "PNG"):
                raise QgsProcessingException(self.tr("The PNG {} could not be written: the disk may be full "
                                                     "or the folder read-only.").format(png))

        self.write_complete_file(png, fill, png_problem, "PNG")

    def fill(self, layout, layer, layers, crs, stats, parameters, context):
        def item(item_id):
            return layout.itemById(item_id)

        title = self.parameterAsString(parameters, self.TITLE, context)
        set_text_or_hide(item("title"), title)
        measure = measure_names().get(stats["measure"], stats["measure"] or "")
        set_text_or_hide(item("subtitle"), self.tr(
            "Dominant motif per area by {}; opacity: the dominant motif's share ({} areas; map in {})").format(
            measure, stats["areas"], crs.authid()))
        map_item = item("map")
        if map_item is not None:
            fit_map(map_item, layer, layers, crs, layout.project())
            fit_scale_bar(item("scalebar"), map_item)
        north = item("north")
        if north is not None:
            from qgis.core import QgsPathResolver

            north.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg",
                                                                         QgsPathResolver()))
        legend = item("legend")
        if legend is not None:
            legend.setLinkedMap(map_item)
            legend.setTitle(self.tr("Dominant motif"))
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.clear()
            node = root.addLayer(layer)
            node.setName("")
            legend.setLegendFilterByMapEnabled(True)
        self.fill_motifs(item, layer, stats, measure, parameters, context)
        set_text_or_hide(item("privacy"), self.tr(
            "Privacy: areas with fewer than {} distinct users are hatched; their counts are not "
            "published ({} of {} areas). Photos without a user count as one user each.").format(
            stats["min_users"], stats["suppressed"], stats["areas"]))
        set_text_or_hide(item("attribution"), self.parameterAsString(parameters, self.ATTRIBUTION, context).strip())

    def fill_motifs(self, item, layer, stats, measure, parameters, context):
        """The top motifs: contact-sheet thumbnail, colour swatch and label; unused slots hidden."""
        sheets = self.parameterAsFile(parameters, self.SHEETS, context)
        names = stored_names(layer, "dominant")  # named motifs: their sheets may carry the original ids
        colours = {c.value(): c.symbol().color() for c in layer.renderer().categories()} \
            if layer.renderer().type() == "categorizedSymbol" else {}
        set_text_or_hide(item("motifs_heading"), self.tr("Top motifs (share of all {})").format(measure)
                         if stats["top"] else "")
        for k in range(MOTIF_SLOTS):
            pic, lab, swatch = item(f"motif_{k + 1}"), item(f"motif_{k + 1}_label"), item(f"motif_{k + 1}_swatch")
            if k < len(stats["top"]):
                motif, n_dom, share = stats["top"][k]
                sheet = sheet_for(sheets, motif, names.ids_of(motif))
                if pic is not None:
                    if sheet and os.path.isfile(sheet):
                        pic.setPicturePath(sheet)
                    else:
                        pic.setVisibility(False)
                text = self.tr("{}: dominant in 1 area, {:.0%}").format(motif, share) if n_dom == 1 else \
                    self.tr("{}: dominant in {} areas, {:.0%}").format(motif, n_dom, share)
                set_text_or_hide(lab, text)
                if swatch is not None:
                    symbol = swatch.symbol().clone()
                    symbol.setColor(colours.get(motif, QColor("#BDBDBD")))
                    swatch.setSymbol(symbol)
            else:
                for it in (pic, lab, swatch):
                    if it is not None:
                        it.setVisibility(False)


# --- the map: its layer, CRS, extent, scale bar and labels (one function each) -------------------

def dominant_counts(layer) -> dict:
    counts = {}
    for f in layer.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
        if not is_null(f["dominant"]) and f["dominant"] != "":
            counts[str(f["dominant"])] = counts.get(str(f["dominant"]), 0) + 1
    return counts


def map_copy_of_summary(source_layer):
    """A layer of the map's own, so the user's project layer keeps its style: the same file for
    file layers, a copy of the features for memory layers (a memory layer's source string only
    describes its fields: a new layer from it would be empty)."""
    if source_layer.providerType() == "memory":
        copy = source_layer.materialize(QgsFeatureRequest())
        copy.setRenderer(source_layer.renderer().clone() if source_layer.renderer() else None)
        return copy
    layer = QgsVectorLayer(source_layer.source(), tr("Motif summary"), source_layer.providerType())
    return layer if layer.isValid() else source_layer.clone()


def map_crs(layer, transform_context):
    """The summary's CRS when it is projected; for degrees, the local UTM zone of its centre (a map
    drawn in degrees is squashed and its scale bar meaningless)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    from ..core.summarize import utm_epsg

    crs = layer.crs()
    if crs.isValid() and not crs.isGeographic():
        return crs
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = layer.extent().center()
    if crs.isValid() and crs != wgs84:
        centre = QgsCoordinateTransform(crs, wgs84, transform_context).transform(centre)
    return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")


def fit_map(map_item, layer, layers, crs, project):
    """The map in ``crs``, zoomed to the areas with a margin, shaped like its frame."""
    from qgis.core import QgsCoordinateTransform, QgsRectangle

    map_item.setLayers(layers)
    map_item.setCrs(crs)
    extent = layer.extent()
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, project.transformContext())
        source = QgsRectangle(extent)
        extent = transform.transformBoundingBox(extent)
        if not transform.isValid() or extent == source:  # seen once: areas drawn in degrees on a UTM map
            raise QgsProcessingException(tr(
                "The areas could not be transformed from {} to {}: the map would show them in the wrong place. "
                "Run the map again; if it persists, choose a summary in a projected CRS.").format(
                    layer.crs().authid(), crs.authid()))
    rect = map_item.rect()
    map_item.setExtent(fitted_extent(extent, rect.width() / rect.height()))


def fitted_extent(extent, ratio, margin=1.08):
    """``extent`` grown by ``margin`` and widened or heightened to the map frame's ``ratio``."""
    from qgis.core import QgsRectangle

    cx, cy = extent.center().x(), extent.center().y()
    w, h = max(extent.width(), 1.0) * margin, max(extent.height(), 1.0) * margin
    if w / h > ratio:
        h = w / ratio
    else:
        w = h * ratio
    return QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def scale_bar_plan(map_width_m: float, frame_width_mm: float, font_pt: float = 7.0):
    """(segment length in metres, segments, unit 'm' or 'km') of a scale bar a quarter to a third
    of the map wide, in round numbers, whose labels fit their segments (no '0 10,00020,000 m')."""
    best = None
    mm_per_m = frame_width_mm / map_width_m
    for exponent in range(-1, 8):
        for mantissa in (1, 2, 2.5, 5):
            segment = mantissa * 10 ** exponent
            for n in (4, 3, 2):
                unit_km = segment * n >= 1000  # "0 0.5 1 1.5 2 km", never "2,000 m"
                value = segment / 1000 if unit_km else segment
                share = n * segment / map_width_m
                if not 0.15 <= share <= 0.45:
                    continue
                widest = f"{value * n:g}"
                label_mm = len(widest) * font_pt * 0.62 * 0.3528 + 2.0
                if segment * mm_per_m < label_mm:
                    continue
                score = (abs(share - 0.3), -n)
                if best is None or score < best[0]:
                    best = (score, segment, n)
    if best is None:  # a very narrow frame: one segment of a round length
        segment = 10 ** max(0, int(math.log10(max(map_width_m * 0.3, 1.0))))
        return segment, 1, "km" if segment >= 1000 else "m"
    segment, n = best[1], best[2]
    return segment, n, "km" if segment * n >= 1000 else "m"


def fit_scale_bar(scale, map_item):
    """Units, segment length and count that fit the map's extent (see :func:`scale_bar_plan`)."""
    if scale is None or map_item is None:
        return
    scale.setLinkedMap(map_item)
    factor = QgsUnitTypes.fromUnitToUnitFactor(map_item.crs().mapUnits(), DISTANCE_METERS)
    width_m = map_item.extent().width() * (factor if factor > 0 else 1.0)
    segment, n, unit = scale_bar_plan(width_m, map_item.rect().width(), scale.textFormat().size() or 7.0)
    scale.setUnits(DISTANCE_KILOMETERS if unit == "km" else DISTANCE_METERS)
    scale.setUnitLabel(unit)
    scale.setSegmentSizeMode(SCALEBAR_FIXED_SEGMENTS)
    scale.setUnitsPerSegment(segment / 1000.0 if unit == "km" else segment)
    scale.setNumberOfSegments(n)
    scale.setNumberOfSegmentsLeft(0)
    scale.update()


def set_text_or_hide(item, text):
    """A label item shows ``text``, or is hidden when there is none (never a template's placeholder)."""
    if item is None:
        return
    item.setText(text or "")
    item.setVisibility(bool(text))


def summary_stats(layer, motif_field_names) -> dict:
    """Areas, suppressed areas, measure, threshold and the top motifs [(motif, areas dominated,
    share of the measure over the published areas)] of a summary layer."""
    names = layer.fields().names()
    dominated, features = {}, []
    stats = {"areas": 0, "suppressed": 0, "measure": "", "min_users": "?"}
    for f in layer.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
        stats["areas"] += 1
        if "measure" in names and f["measure"]:
            stats["measure"] = str(f["measure"])
        if "min_users" in names and not is_null(f["min_users"]):
            stats["min_users"] = int(f["min_users"])
        if f["suppressed"]:
            stats["suppressed"] += 1
            continue
        features.append(f)
        dom = f["dominant"]
        if not is_null(dom) and dom != "":
            dominated[str(dom)] = dominated.get(str(dom), 0) + 1
    count_fields = {n[2:]: n for n in names if n.startswith("n_")}
    motifs = set(dominated)
    fields = motif_field_names(sorted(motifs))
    totals = {}
    for m in motifs:
        field = fields[m][0] if fields[m][0] in names else count_fields.get(m)
        totals[m] = sum(float(f[field] or 0) for f in features if not is_null(f[field])) if field else 0.0
    grand = sum(float(f[n] or 0) for f in features for n in count_fields.values() if not is_null(f[n])) or 1.0
    top = sorted(motifs, key=lambda m: (-dominated[m], -totals[m], m))[:MOTIF_SLOTS]
    stats["top"] = [(m, dominated[m], totals[m] / grand) for m in top]
    return stats
