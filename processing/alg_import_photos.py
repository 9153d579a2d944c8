"""photomotifs:importphotos — Import geotagged photos from a folder (adapter over core.photometa)."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPoint,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from .base import PhotoMotifsAlgorithm
from .outputs import create_sink, qgs_fields, style_photo_output, to_qvalue
from .params import set_help
from .qgis_compat import FILE_FOLDER, SOURCE_VECTOR, SOURCE_VECTOR_POINT, WKB_NO_GEOMETRY, WKB_POINTZ
from .translation import reason_label, reason_text

# sinks and outputs of both import algorithms (importphotos, importtable)
OUTPUT = "OUTPUT"
INVALID = "INVALID"
IMPORTED = "IMPORTED"
LOCATED = "LOCATED"
INVALID_COUNT = "INVALID_COUNT"


def write_photo_outputs(alg, parameters, context, feedback, records, invalid, schema, invalid_schema):
    """Write records to OUTPUT (PointZ, EPSG:4326) and invalid rows to INVALID; return results."""
    fields = qgs_fields(schema)
    crs = QgsCoordinateReferenceSystem("EPSG:4326")
    sink, dest_id = create_sink(alg, parameters, OUTPUT, context, fields, WKB_POINTZ, crs)
    names = [name for name, _ in schema]
    located = 0
    for rec in records:
        row = rec.as_row()
        feat = QgsFeature(fields)
        feat.setAttributes([to_qvalue(row.get(n)) for n in names])
        lat, lon = row.get("latitude"), row.get("longitude")
        if lat is not None and lon is not None:
            alt = row.get("altitude")
            feat.setGeometry(QgsGeometry(QgsPoint(lon, lat, alt if alt is not None else 0.0)))
            located += 1
        sink.add(feat)
    sink.finish()
    del sink  # closes the file, so its style can be stored in it
    style_photo_output(context, dest_id, None, feedback)

    inv_fields = qgs_fields(invalid_schema)
    inv_names = [name for name, _ in invalid_schema]
    inv_sink, inv_id = create_sink(alg, parameters, INVALID, context, inv_fields, WKB_NO_GEOMETRY,
                                   QgsCoordinateReferenceSystem(), optional=True)
    if inv_sink is not None:
        for bad in invalid:
            row = bad.as_row()
            row["reason"] = reason_text(bad.reason_code, row.get("reason"))
            feat = QgsFeature(inv_fields)
            feat.setAttributes([to_qvalue(row.get(n)) for n in inv_names])
            inv_sink.add(feat)
        inv_sink.finish()
    feedback.pushInfo(
        alg.tr("{} photos imported ({} with a location), {} files listed in the invalid table with "
               "their reason.").format(len(records), located, len(invalid))
    )
    reasons = {}
    for bad in invalid:
        reasons[bad.reason_code] = reasons.get(bad.reason_code, 0) + 1
    for code, n in sorted(reasons.items()):
        feedback.pushInfo(alg.tr("  {}: {} — {}").format(code, n, reason_label(code)))
    return {
        OUTPUT: dest_id,
        INVALID: inv_id if inv_sink is not None else None,
        IMPORTED: len(records),
        LOCATED: located,
        INVALID_COUNT: len(invalid),
    }


class ImportPhotosAlgorithm(PhotoMotifsAlgorithm):
    FOLDER = "FOLDER"
    RECURSIVE = "RECURSIVE"
    KEEP_UNLOCATED = "KEEP_UNLOCATED"
    OUTPUT = OUTPUT
    INVALID = INVALID
    IMPORTED = IMPORTED
    LOCATED = LOCATED
    INVALID_COUNT = INVALID_COUNT
    CAPABILITY = "import"
    GROUP = "photos"
    NAME = "importphotos"

    def displayName(self):
        return self.tr("Read photo folder (EXIF locations)")

    def tags(self):
        return self.tr("import,photos,geotagged,exif,gps,points,folder").split(",")

    def intro(self):
        return self.tr(
            "Puts the photos of a folder on the map: one point per photo where the camera or phone "
            "recorded its GPS position, with the date taken, the direction and the camera. Start "
            "here with a folder of your own photos. Files that cannot be mapped are listed in a "
            "second table with the reason, so nothing disappears silently.")

    def details(self):
        return self.tr(
            "Details: reads JPEG, HEIC/HEIF, AVIF, WebP, PNG, TIFF and DNG headers only, without "
            "decoding pixels or changing the files, and makes a 3-D point layer in WGS 84. Each "
            "photo gets a content hash (photo_id) that later steps use as its identity. Reasons in "
            "the invalid table: not an image, unreadable, no EXIF, no GPS, GPS 0/0, not a number "
            "or out of range, missing hemisphere reference. Keep photos without a location to use "
            "them for training.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("Folder of photos"), behavior=FILE_FOLDER))
        self.addParameter(QgsProcessingParameterBoolean(self.RECURSIVE, self.tr("Include subfolders"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.KEEP_UNLOCATED, self.tr("Keep photos without a location (null geometry)"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos"), SOURCE_VECTOR_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INVALID, self.tr("Invalid photos (with reasons)"), SOURCE_VECTOR,
            optional=True, createByDefault=True))

        set_help(self, {
            self.KEEP_UNLOCATED: self.tr("Photos without GPS are then kept in the layer without a point, "
                                         "for example to use them as training examples."),
            self.INVALID: self.tr("Every file that could not be put on the map, with the reason."),
        })
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Photos imported")))
        self.addOutput(QgsProcessingOutputNumber(self.LOCATED, self.tr("Photos with a location")))
        self.addOutput(QgsProcessingOutputNumber(self.INVALID_COUNT, self.tr("Files not imported")))

    def process(self, parameters, context, feedback, cf):
        from ..core.photometa import FIELDS, INVALID_FIELDS, scan_folder

        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if not folder:
            raise QgsProcessingException(self.tr("Choose the folder that holds the photos."))
        import os

        if os.path.isfile(folder):
            raise QgsProcessingException(self.tr("{} is a file; choose the folder that holds the photos.").format(
                folder))
        if not os.path.isdir(folder):
            raise QgsProcessingException(self.tr("The folder {} does not exist.").format(folder))
        records, invalid = scan_folder(
            folder,
            recursive=self.parameterAsBoolean(parameters, self.RECURSIVE, context),
            keep_unlocated=self.parameterAsBoolean(parameters, self.KEEP_UNLOCATED, context),
            feedback=cf,
        )
        return write_photo_outputs(self, parameters, context, feedback, records, invalid,
                                   FIELDS, INVALID_FIELDS)
