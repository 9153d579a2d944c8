"""photomotifs:importtable — photos from a Flickr-style metadata table joined to local files."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from .alg_import_photos import IMPORTED, INVALID, INVALID_COUNT, LOCATED, OUTPUT, write_photo_outputs
from .base import PhotoMotifsAlgorithm
from .outputs import is_null, to_qvalue
from .params import set_help
from .qgis_compat import FILE_FOLDER, SOURCE_VECTOR, SOURCE_VECTOR_POINT
from .translation import tr

ID_FIELD = "ID_FIELD"
FILENAME_FIELD = "FILENAME_FIELD"
LAT_FIELD = "LAT_FIELD"
LON_FIELD = "LON_FIELD"
TAKEN_FIELD = "TAKEN_FIELD"
OWNER_FIELD = "OWNER_FIELD"
TITLE_FIELD = "TITLE_FIELD"
TAGS_FIELD = "TAGS_FIELD"
URL_FIELD = "URL_FIELD"
# parameter -> join_table keyword
COLUMN_PARAMETERS = {
    ID_FIELD: "id_field", FILENAME_FIELD: "filename_field", LAT_FIELD: "lat_field",
    LON_FIELD: "lon_field", TAKEN_FIELD: "taken_field", OWNER_FIELD: "owner_field",
    TITLE_FIELD: "title_field", TAGS_FIELD: "tags_field", URL_FIELD: "url_field",
}


def read_any_table(path):
    """(columns, rows) of CSV/TSV/XLSX with core's reader, of anything else through OGR."""
    from ..core.table_import import read_table

    if os.path.splitext(path)[1].lower() in (".csv", ".tsv", ".txt", ".xlsx"):
        return read_table(path)
    layer = QgsVectorLayer(path, "table", "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr("QGIS cannot read {} as a table.").format(path))
    columns = layer.fields().names()
    rows = [{c: plain_value(f[c]) for c in columns} for f in layer.getFeatures()]
    return columns, rows


def plain_value(value):
    """A QGIS attribute value as a plain Python value (dates and times as ISO text, NULL as None)."""
    if is_null(value):
        return None
    value = to_qvalue(value)
    if hasattr(value, "toString") and not isinstance(value, str):
        return value.toString("yyyy-MM-dd'T'HH:mm:ss") if hasattr(value, "date") else value.toString("yyyy-MM-dd")
    return value


class ImportTableAlgorithm(PhotoMotifsAlgorithm):
    TABLE = "TABLE"
    FOLDER = "FOLDER"
    RECURSIVE = "RECURSIVE"
    PATTERN = "PATTERN"
    HASH_OWNERS = "HASH_OWNERS"
    SALT = "SALT"
    OUTPUT = OUTPUT
    INVALID = INVALID
    IMPORTED = IMPORTED
    LOCATED = LOCATED
    INVALID_COUNT = INVALID_COUNT
    CAPABILITY = "import"
    GROUP = "photos"
    NAME = "importtable"

    def displayName(self):
        return self.tr("Read photo metadata table (Flickr CSV/XLSX)")

    def tags(self):
        return self.tr("import,flickr,csv,xlsx,table,photos,metadata,points").split(",")

    def intro(self):
        return self.tr(
            "Puts downloaded photos on the map from the table that came with them: a Flickr "
            "download, a photosearcher CSV or any spreadsheet with coordinates. Each table row is "
            "matched with its photo file in a folder, and owners can be replaced by anonymous codes. "
            "Rows without a photo and photos without a row are listed with the reason.")

    def details(self):
        return self.tr(
            "Details: reads CSV, TSV, XLSX or any table QGIS opens. Rows are joined to files by a "
            "file-name column or by the id pattern (Flickr files are named <id>.jpg or "
            "<id>_<secret>[_size].jpg). The columns for id, latitude, longitude, date taken, owner, "
            "title, tags and URL are detected by name unless you name them. Every other column of the "
            "table (a category or motif typed in a spreadsheet, the photo id…) is kept with its name "
            "and type, so it can be the class field of training or the motif field of a summary; a name "
            "that clashes with a field of the import gets the prefix table_. Owner ids become salted "
            "hashes: analyses need distinct users, not their names, and columns naming a person (owner "
            "names, user names, e-mail) are then left out.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("Metadata table (CSV, XLSX or any table QGIS reads)")))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("Folder of the downloaded photos"), behavior=FILE_FOLDER))
        self.addParameter(QgsProcessingParameterBoolean(self.RECURSIVE, self.tr("Include subfolders"), True))
        self.addParameter(QgsProcessingParameterString(
            self.PATTERN, self.tr("File name pattern (columns in braces)"), "{id}"))
        labels = {
            ID_FIELD: self.tr("Photo id column (empty: detected)"),
            FILENAME_FIELD: self.tr("File name column (empty: detected)"),
            LAT_FIELD: self.tr("Latitude column (empty: detected)"),
            LON_FIELD: self.tr("Longitude column (empty: detected)"),
            TAKEN_FIELD: self.tr("Date taken column (empty: detected)"),
            OWNER_FIELD: self.tr("Owner column (empty: detected)"),
            TITLE_FIELD: self.tr("Title column (empty: detected)"),
            TAGS_FIELD: self.tr("Tags column (empty: detected)"),
            URL_FIELD: self.tr("URL column (empty: detected)"),
        }
        for key, label in labels.items():
            self.addParameter(QgsProcessingParameterString(key, label, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.HASH_OWNERS, self.tr("Replace owner ids by salted hashes (personal data)"), True))
        self.addParameter(QgsProcessingParameterString(
            self.SALT, self.tr("Salt for the owner hashes (keep it secret; empty: your personal salt)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos"), SOURCE_VECTOR_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INVALID, self.tr("Invalid rows and files (with reasons)"), SOURCE_VECTOR,
            optional=True, createByDefault=True))

        set_help(self, {
            self.PATTERN: self.tr("How the photo files are named, with table columns in braces: {id} finds "
                                  "Flickr downloads named <id>.jpg or <id>_<secret>.jpg."),
            self.HASH_OWNERS: self.tr("Owner ids are personal data: hashes keep users apart for analysis "
                                      "without naming them."),
        })
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Photos imported")))
        self.addOutput(QgsProcessingOutputNumber(self.LOCATED, self.tr("Photos with a location")))
        self.addOutput(QgsProcessingOutputNumber(self.INVALID_COUNT, self.tr("Rows and files not imported")))

    def process(self, parameters, context, feedback, cf):
        from ..core.table_import import (
            TABLE_FIELDS,
            TABLE_INVALID_FIELDS,
            detect_columns,
            join_table,
            personal_salt,
            plan_columns,
        )

        table = self.parameterAsFile(parameters, self.TABLE, context)
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if not table or not os.path.isfile(table):
            raise QgsProcessingException(self.tr("The table {} does not exist.").format(table))
        if not folder or not os.path.isdir(folder):
            raise QgsProcessingException(self.tr("The folder {} does not exist.").format(folder))
        columns, rows = read_any_table(table)
        feedback.pushInfo(self.tr("{} rows, columns: {}").format(len(rows), ", ".join(columns)))
        kwargs = {kw: (self.parameterAsString(parameters, key, context) or None)
                  for key, kw in COLUMN_PARAMETERS.items()}
        salt = None
        if self.parameterAsBoolean(parameters, self.HASH_OWNERS, context):
            salt = self.parameterAsString(parameters, self.SALT, context) or personal_salt()
            if not self.parameterAsString(parameters, self.SALT, context):
                feedback.pushInfo(self.tr(
                    "Owners are pseudonymised with your personal salt (kept in your user folder): "
                    "hashes are comparable across all your imports and harvests on this computer."))
        roles = {"id": kwargs["id_field"], "filename": kwargs["filename_field"], "latitude": kwargs["lat_field"],
                 "longitude": kwargs["lon_field"], "taken_at": kwargs["taken_field"], "owner": kwargs["owner_field"],
                 "title": kwargs["title_field"], "tags": kwargs["tags_field"], "url": kwargs["url_field"]}
        plan = plan_columns(columns, rows, detect_columns(columns, roles), hashing=salt is not None)
        self.say_columns(feedback, plan)
        records, invalid = join_table(
            rows, folder, pattern=self.parameterAsString(parameters, self.PATTERN, context) or "{id}",
            recursive=self.parameterAsBoolean(parameters, self.RECURSIVE, context),
            hash_owner_salt=salt, feedback=cf, columns=columns, plan=plan, **kwargs,
        )
        return write_photo_outputs(self, parameters, context, feedback, records, invalid,
                                   TABLE_FIELDS + plan.schema, TABLE_INVALID_FIELDS)

    def say_columns(self, feedback, plan):
        """Log which of the table's other columns the layer keeps, renamed or left out."""
        if plan.kept:
            feedback.pushInfo(self.tr("Other columns kept in the layer: {}.").format(
                ", ".join(k.field for k in plan.kept)))
        for column, name in plan.renamed.items():
            feedback.pushWarning(self.tr("The column '{}' clashes with a field of the import: it is kept as "
                                         "'{}'.").format(column, name))
        if plan.personal:
            feedback.pushInfo(self.tr("Left out because owners are hashed (they name a person): {}.").format(
                ", ".join(plan.personal)))
