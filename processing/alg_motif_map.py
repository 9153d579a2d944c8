"""photomotifs:motifmap — a publishable motif map: the shipped print layout to PDF and PNG.

Loads ``templates/motif_map.qpt`` (or a template of the user's with the same item ids), puts the
motif summary on the map with its stored style, and fills the legend, scale bar, north arrow, the
top motifs with their contact-sheet thumbnails, the privacy note and the photo attribution.
"""
from __future__ import annotations

import os

from qgis.core import (
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsReadWriteContext,
    QgsSymbolLayerUtils,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..core.motifnames import sheet_for
from .base import PhotoMotifsAlgorithm
from .motif_names import stored_names
from .outputs import is_null
from .params import mark_advanced
from .qgis_compat import ALGORITHM_NO_THREADING, FILE_FOLDER, REQUEST_NO_GEOMETRY, SOURCE_VECTOR_POLYGON
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
            self.SUMMARY, self.tr("Motif summary (output of 'Summarize motifs by area')"),
            [SOURCE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterFile(
            self.SHEETS, self.tr("Contact sheets folder (from 'Discover photo motifs')"),
            behavior=FILE_FOLDER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), self.tr("Photo motifs")))
        self.addParameter(QgsProcessingParameterString(
            self.ATTRIBUTION, self.tr("Attribution of the photo source"),
            self.tr("Photos: their owners, from the photo source named here."), multiLine=True))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template (.qpt; empty: the shipped one)"), extension="qpt",
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Motif map (PDF)"), "PDF (*.pdf)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PNG, self.tr("Motif map (PNG)"), "PNG (*.png)", optional=True, createByDefault=True))
        mark_advanced(self, self.TEMPLATE)

    def process(self, parameters, context, feedback, cf):
        from ..core.summarize import motif_field_names

        source_layer = self.parameterAsVectorLayer(parameters, self.SUMMARY, context)
        if source_layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SUMMARY))
        names = source_layer.fields().names()
        missing = [f for f in ("dominant", "suppressed") if f not in names]
        if missing:
            raise QgsProcessingException(self.tr(
                "The layer has no field {}: choose the output of 'Summarize motifs by area'.").format(
                    ", ".join(missing)))
        # a layer of our own, so the user's project layer keeps its style
        layer = QgsVectorLayer(source_layer.source(), self.tr("Motif summary"), source_layer.providerType())
        if not layer.isValid():
            layer = source_layer.clone()
        if layer.renderer() is None or layer.renderer().type() != "categorizedSymbol":
            from .summary_style import dominant_renderer

            counts = {}
            for f in layer.getFeatures(QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)):
                if not is_null(f["dominant"]) and f["dominant"] != "":
                    counts[str(f["dominant"])] = counts.get(str(f["dominant"]), 0) + 1
            layer.setRenderer(dominant_renderer(counts, 5))

        stats = summary_stats(layer, motif_field_names)
        project = QgsProject()
        project.addMapLayer(layer, False)
        project.setCrs(layer.crs())
        layout = QgsPrintLayout(project)
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or TEMPLATE
        doc = QDomDocument()
        with open(template, encoding="utf-8") as fh:
            if not doc.setContent(fh.read()):
                raise QgsProcessingException(self.tr("The layout template {} is not readable.").format(template))
        layout.loadFromTemplate(doc, QgsReadWriteContext())
        self.fill(layout, layer, stats, parameters, context)
        cf.check()

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        exporter = QgsLayoutExporter(layout)
        result = exporter.exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(self.tr("The PDF {} could not be written: {}").format(
                pdf, exporter.errorMessage() or result))
        results = {self.OUTPUT_PDF: pdf}
        png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        if png:
            # rendered and saved by Qt: the exporter's own PNG path also tries to georeference the
            # file through GDAL, which cannot update PNGs and prints an error
            image = exporter.renderPageToImage(0, QSize(), 150)
            if image.isNull() or not image.save(png, "PNG"):
                raise QgsProcessingException(self.tr("The PNG {} could not be written.").format(png))
            results[self.OUTPUT_PNG] = png
        feedback.pushInfo(self.tr("Motif map: {}").format(pdf))
        return results

    def fill(self, layout, layer, stats, parameters, context):
        def item(item_id):
            return layout.itemById(item_id)

        title = self.parameterAsString(parameters, self.TITLE, context)
        if item("title"):
            item("title").setText(title)
        measure = measure_names().get(stats["measure"], stats["measure"] or "")
        if item("subtitle"):
            item("subtitle").setText(self.tr(
                "Dominant motif per area by {}; opacity: the dominant motif's share ({} areas, CRS {})").format(
                measure, stats["areas"], layer.crs().authid()))
        map_item = item("map")
        if map_item is not None:
            map_item.setLayers([layer])
            map_item.setCrs(layer.crs())
            map_item.setExtent(fitted_extent(layer.extent(), map_item.rect().width() / map_item.rect().height()))
        scale = item("scalebar")
        if scale is not None and map_item is not None:
            scale.setLinkedMap(map_item)
            scale.applyDefaultSize()
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
        sheets = self.parameterAsFile(parameters, self.SHEETS, context)
        names = stored_names(layer, "dominant")  # named motifs: their sheets may carry the original ids
        colours = {c.value(): c.symbol().color() for c in layer.renderer().categories()} \
            if layer.renderer().type() == "categorizedSymbol" else {}
        if item("motifs_heading"):
            item("motifs_heading").setText(self.tr("Top motifs (share of all {})").format(measure))
        for k in range(MOTIF_SLOTS):
            pic, lab, swatch = item(f"motif_{k + 1}"), item(f"motif_{k + 1}_label"), item(f"motif_{k + 1}_swatch")
            if k < len(stats["top"]):
                motif, n_dom, share = stats["top"][k]
                sheet = sheet_for(sheets, motif, names.ids_of(motif))
                if pic is not None:
                    pic.setPicturePath(sheet if sheet and os.path.isfile(sheet) else "")
                if lab is not None:
                    lab.setText(self.tr("{}: dominant in {} areas, {:.0%}").format(motif, n_dom, share))
                if swatch is not None:
                    symbol = swatch.symbol().clone()
                    symbol.setColor(colours.get(motif, QColor("#BDBDBD")))
                    swatch.setSymbol(symbol)
            else:
                for it in (pic, lab, swatch):
                    if it is not None:
                        it.setVisibility(False)
        if item("privacy"):
            item("privacy").setText(self.tr(
                "Privacy: areas with fewer than {} distinct users are hatched; their counts are not "
                "published ({} of {} areas). Photos without a user count as one user each.").format(
                stats["min_users"], stats["suppressed"], stats["areas"]))
        if item("attribution"):
            item("attribution").setText(self.parameterAsString(parameters, self.ATTRIBUTION, context))


def fitted_extent(extent, ratio, margin=1.06):
    """``extent`` grown by ``margin`` and widened or heightened to the map frame's ``ratio``."""
    from qgis.core import QgsRectangle

    cx, cy = extent.center().x(), extent.center().y()
    w, h = max(extent.width(), 1.0) * margin, max(extent.height(), 1.0) * margin
    if w / h > ratio:
        h = w / ratio
    else:
        w = h * ratio
    return QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


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
