"""photomotifs:harvestflickr — geotagged photos of an area from Flickr, then the import path.

The only part of the plugin that uses the network, and only when the user runs it. The work is
in core/flickr.py; this adapter reads the parameters, takes the API key from QGIS's
authentication database, and gives core a transport built on QGIS's network manager (so the
proxy and SSL settings of the user's QGIS apply).
"""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsBlockingNetworkRequest,
    QgsCoordinateReferenceSystem,
    QgsNetworkAccessManager,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QByteArray, QDate, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core import flickr
from ..core.options import FLICKR_DATE_OPTIONS, FLICKR_LICENCE_OPTIONS, FLICKR_SIZE_OPTIONS
from ..core.table_import import personal_salt
from .alg_import_photos import IMPORTED, INVALID, INVALID_COUNT, LOCATED, OUTPUT, write_photo_outputs
from .base import PhotoMotifsAlgorithm
from .params import mark_advanced, option_labels
from .qgis_compat import DATETIME_DATE, NUMBER_INTEGER, PARAMETER_HIDDEN, SOURCE_VECTOR, SOURCE_VECTOR_POINT
from .translation import tr

KEY_FIELDS = ("password", "token", "key", "api_key")  # where a key can sit in a configuration


class QgisTransport:
    """core.flickr's transport on QGIS's network manager.

    API calls are POSTs through QgsBlockingNetworkRequest (the key travels in the body, so it
    is in no URL and no log line); photo files are streamed with QgsNetworkAccessManager into
    core's sink as they arrive, so an interrupted transfer leaves a partial ``.part`` file.
    """

    def __init__(self, feedback):
        self.feedback = feedback

    def __call__(self, url, data=None, sink=None):
        if data is not None:
            return self._post(url, data)
        return self._get(url, sink)

    def _post(self, url, data):
        request = QNetworkRequest(QUrl(url))
        request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/x-www-form-urlencoded")
        body = b"&".join(bytes(QUrl.toPercentEncoding(str(k))) + b"=" + bytes(QUrl.toPercentEncoding(str(v)))
                         for k, v in data.items())
        blocking = QgsBlockingNetworkRequest()
        code = blocking.post(request, QByteArray(body), True, self.feedback)
        reply = blocking.reply()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                   for k in reply.rawHeaderList()}
        error = blocking.errorMessage() if code != QgsBlockingNetworkRequest.ErrorCode.NoError else ""
        return flickr.HttpResponse(int(status or 0), bytes(reply.content()), headers, error)

    def _get(self, url, sink):
        request = QNetworkRequest(QUrl(url))
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
        reply = QgsNetworkAccessManager.instance().get(request)
        chunks, received, write_error = [], [0], []

        def read():
            chunk = bytes(reply.readAll())
            if chunk and not write_error:
                received[0] += len(chunk)
                if sink is None:
                    chunks.append(chunk)
                    return
                try:
                    sink(chunk)
                except OSError as exc:  # a full disk: an exception must not escape a Qt slot
                    write_error.append(exc.strerror or str(exc))
                    reply.abort()

        def watch_cancel():
            if self.feedback is not None and self.feedback.isCanceled():
                reply.abort()

        loop = QEventLoop()
        reply.readyRead.connect(read)
        reply.finished.connect(loop.quit)
        timer = QTimer()
        timer.timeout.connect(watch_cancel)
        timer.start(200)
        if not reply.isFinished():
            loop.exec()
        timer.stop()
        read()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                   for k in reply.rawHeaderList()}
        error = reply.errorString() if reply.error() != QNetworkReply.NetworkError.NoError else ""
        if write_error:  # core compares the bytes received with the file it wrote
            error = write_error[0]
        reply.deleteLater()
        return flickr.HttpResponse(int(status or 0), b"".join(chunks), headers, error, received[0])


def api_key_from_authcfg(authcfg: str) -> str:
    """The Flickr key stored in a QGIS authentication configuration (never logged)."""
    if not authcfg:
        raise QgsProcessingException(tr(
            "Choose the authentication configuration that holds your Flickr API key (see the "
            "help: Settings > Options > Authentication, a 'Basic' configuration with the key "
            "as its password)."))
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise QgsProcessingException(tr(
            "QGIS's authentication system is disabled ({}), so the Flickr API key cannot be "
            "read.").format(manager.disabledMessage()))
    config = QgsAuthMethodConfig()
    loaded = manager.loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):  # some bindings return (ok, config)
        loaded, config = loaded[0], loaded[1] if len(loaded) > 1 else config
    if not loaded or not config.isValid(True):
        raise QgsProcessingException(tr(
            "The authentication configuration '{}' could not be read: it does not exist, or "
            "QGIS's master password was not given (on the command line, point the environment "
            "variable QGIS_AUTH_PASSWORD_FILE at a file holding it).").format(authcfg))
    for key in KEY_FIELDS:
        value = (config.config(key) or "").strip()
        if value:
            return value
    raise QgsProcessingException(tr(
        "The authentication configuration '{}' holds no key: store the Flickr API key as the "
        "password of a 'Basic' configuration.").format(authcfg))


class HarvestFlickrAlgorithm(PhotoMotifsAlgorithm):
    EXTENT = "EXTENT"
    DATE_KIND = "DATE_KIND"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    TEXT = "TEXT"
    TAGS = "TAGS"
    LICENCES = "LICENCES"
    AUTHCFG = "AUTHCFG"
    SIZE = "SIZE"
    DOWNLOAD = "DOWNLOAD"
    HASH_OWNERS = "HASH_OWNERS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT = OUTPUT
    INVALID = INVALID
    CALLS_PER_HOUR = "CALLS_PER_HOUR"
    API_URL = "API_URL"
    # outputs
    TABLE = "TABLE"
    FOUND = "FOUND"
    DOWNLOADED = "DOWNLOADED"
    ALREADY = "ALREADY"
    NOT_DOWNLOADED = "NOT_DOWNLOADED"
    API_CALLS = "API_CALLS"
    SLICES = "SLICES"
    IMPORTED = IMPORTED
    LOCATED = LOCATED
    INVALID_COUNT = INVALID_COUNT

    NAME = "harvestflickr"
    CAPABILITY = "import"

    def displayName(self):
        return self.tr("Harvest geotagged photos from Flickr")

    def intro(self) -> str:
        return self.tr(
            "Harvests the geotagged photos of an area from Flickr with your own Flickr API key, "
            "then imports them as a point layer (the same import as 'Read photo metadata table "
            "(Flickr CSV/XLSX)'). Files are saved as photos/{id}_{secret}_{size}.jpg next to the metadata table "
            "photos.csv (id, owner, owner name, title, tags, date taken and its granularity, upload "
            "date, latitude, longitude, accuracy, licence, URL, file name), not_downloaded.csv and a "
            "README with the query, the licences and the terms of use. Owner ids are replaced by "
            "salted hashes unless you turn that off.")

    def details(self) -> str:
        return self.tr(
            "Flickr returns at most about 4,000 photos per query, so the search is split by time, "
            "and by area where one second still holds too many, until every slice is under that "
            "cap; the totals per slice are logged and saved (slices.csv). The API allows 3,600 "
            "calls per hour: each call returns up to 250 photos, and when the hourly budget is used "
            "the harvest waits and says so. A file is first written under a temporary .part name, "
            "so running the harvest again after a crash or a cancel downloads only what is "
            "missing.\n\n"
            "The API key: create one at https://www.flickr.com/services/apps/create/ (non-commercial "
            "key), then in QGIS Settings > Options > Authentication add a configuration of type "
            "'Basic' named e.g. 'Flickr' with any username and the key as password, and choose it "
            "here. The key is read from QGIS's authentication database when the algorithm starts "
            "and is never written to the project, the log or the output.")

    def network_note(self) -> str:
        return self.tr(
            "Network use: this is the only Photo Motifs algorithm that connects to the internet, and "
            "only when you run it. It sends to api.flickr.com your API key and the search: the area "
            "as a longitude/latitude box, the dates, the text and tags, the licence filter, and "
            "paging; then it downloads the photo files from Flickr's photo servers by their public "
            "URLs. No photo, file or other data of yours is sent. All traffic goes through QGIS's "
            "network manager (your proxy and SSL settings).")

    def shortHelpString(self):
        return "\n\n".join((self.intro(), self.details(), self.network_note()))

    def shortDescription(self):
        return self.tr("Harvests the geotagged photos of an area from Flickr with your own API key.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Area")))
        self.addParameter(QgsProcessingParameterEnum(
            self.DATE_KIND, self.tr("Dates are"), option_labels(FLICKR_DATE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterDateTime(
            self.START_DATE, self.tr("From (inclusive)"), DATETIME_DATE,
            defaultValue=QDate(2004, 1, 1)))
        self.addParameter(QgsProcessingParameterDateTime(
            self.END_DATE, self.tr("To (inclusive)"), DATETIME_DATE,
            defaultValue=QDate.currentDate()))
        self.addParameter(QgsProcessingParameterString(
            self.TEXT, self.tr("Text in title, description or tags"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TAGS, self.tr("Tags, comma-separated, any of them"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LICENCES, self.tr("Licences"), option_labels(FLICKR_LICENCE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, self.tr("Flickr API key (authentication configuration)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SIZE, self.tr("Photo size to download"), option_labels(FLICKR_SIZE_OPTIONS),
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DOWNLOAD, self.tr("Download the photo files (off: metadata table only)"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.HASH_OWNERS, self.tr("Replace owner ids by salted hashes and leave out owner names"), True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Harvested photos"), SOURCE_VECTOR_POINT, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INVALID, self.tr("Photos not imported (with reasons)"), SOURCE_VECTOR,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.CALLS_PER_HOUR, self.tr("API calls per hour (Flickr allows 3,600 per key)"),
            NUMBER_INTEGER, flickr.DEFAULT_CALLS_PER_HOUR, minValue=1, maxValue=3600))
        self.addParameter(QgsProcessingParameterString(
            self.API_URL, self.tr("API endpoint"), flickr.FLICKR_REST_URL))
        mark_advanced(self, self.CALLS_PER_HOUR, self.API_URL)
        api = self.parameterDefinition(self.API_URL)
        api.setFlags(api.flags() | PARAMETER_HIDDEN)

        self.addOutput(QgsProcessingOutputFile(self.TABLE, self.tr("Metadata table")))
        self.addOutput(QgsProcessingOutputNumber(self.FOUND, self.tr("Photos found")))
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, self.tr("Photos downloaded by this run")))
        self.addOutput(QgsProcessingOutputNumber(self.ALREADY, self.tr("Photos already downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_DOWNLOADED, self.tr("Photos not downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.API_CALLS, self.tr("API calls")))
        self.addOutput(QgsProcessingOutputNumber(self.SLICES, self.tr("Query slices")))
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Photos imported")))
        self.addOutput(QgsProcessingOutputNumber(self.LOCATED, self.tr("Photos with a location")))
        self.addOutput(QgsProcessingOutputNumber(self.INVALID_COUNT, self.tr("Photos not imported")))

    def prepareAlgorithm(self, parameters, context, feedback):
        # the key is read here, in the main thread where QGIS may ask for the master password
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        self._api_key = api_key_from_authcfg(authcfg)
        return True

    def process(self, parameters, context, feedback, cf):
        crs = QgsCoordinateReferenceSystem("EPSG:4326")
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        start = self.parameterAsDateTime(parameters, self.START_DATE, context).date()
        end = self.parameterAsDateTime(parameters, self.END_DATE, context).date()
        if not start.isValid() or not end.isValid():
            raise QgsProcessingException(self.tr("Choose a start and an end date."))
        query = flickr.HarvestQuery(
            bbox=(max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum()),
                  min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum())),
            start=datetime(start.year(), start.month(), start.day()),
            end=datetime(end.year(), end.month(), end.day(), 23, 59, 59),
            date_kind=FLICKR_DATE_OPTIONS[self.parameterAsEnum(parameters, self.DATE_KIND, context)][1],
            text=self.parameterAsString(parameters, self.TEXT, context).strip(),
            tags=self.parameterAsString(parameters, self.TAGS, context).strip(),
            licences=FLICKR_LICENCE_OPTIONS[self.parameterAsEnum(parameters, self.LICENCES, context)][1],
            size=FLICKR_SIZE_OPTIONS[self.parameterAsEnum(parameters, self.SIZE, context)][1],
        )
        query.validate()
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        download = self.parameterAsBoolean(parameters, self.DOWNLOAD, context)
        api_url = self.parameterAsString(parameters, self.API_URL, context) or flickr.FLICKR_REST_URL
        endpoint = urlsplit(api_url)
        if endpoint.scheme != "https" and not (
                endpoint.scheme == "http" and endpoint.hostname in ("127.0.0.1", "localhost", "::1")):
            raise QgsProcessingException(self.tr(
                "The API endpoint {} is refused: your API key is sent to it, so it must be an https:// "
                "address (plain http only to this computer, for tests).").format(api_url))
        salt = None
        if self.parameterAsBoolean(parameters, self.HASH_OWNERS, context):
            salt = personal_salt()
            feedback.pushInfo(self.tr(
                "Owner ids are replaced by hashes with your personal salt (kept in your user folder), so "
                "an owner gets the same hash in all your harvests and imports on this computer."))
        feedback.pushInfo(self.tr("Query: {}").format(query.describe()))
        if api_url != flickr.FLICKR_REST_URL:
            feedback.pushInfo(self.tr("API endpoint: {}").format(api_url))
        client = flickr.FlickrClient(
            getattr(self, "_api_key", ""), QgisTransport(feedback), api_url=api_url,
            calls_per_hour=self.parameterAsInt(parameters, self.CALLS_PER_HOUR, context), feedback=cf)
        try:
            result = flickr.harvest(query, folder, client, download_files=download, hash_owner_salt=salt,
                                    feedback=cf.sub(0, 90))
        except flickr.FlickrError as exc:
            raise QgsProcessingException(self.tr("{} Files downloaded so far stay in {}.").format(
                str(exc), folder)) from exc
        dl = result.download
        feedback.pushInfo(self.tr(
            "{} photos found with {} API calls in {} slices ({:.0f} s, {:.0f} s waited for the "
            "hourly budget, {} retries).").format(
            result.photos, result.calls, len(result.slices), result.seconds, result.waited, result.retries))
        results = {
            self.OUTPUT_FOLDER: folder, self.TABLE: str(result.table), self.FOUND: result.photos,
            self.DOWNLOADED: dl.downloaded if dl else 0, self.ALREADY: dl.already if dl else 0,
            self.NOT_DOWNLOADED: len(dl.failed) if dl else 0, self.API_CALLS: result.calls,
            self.SLICES: len(result.slices), self.OUTPUT: None, self.INVALID: None,
            self.IMPORTED: 0, self.LOCATED: 0, self.INVALID_COUNT: 0,
        }
        if dl is None or not parameters.get(self.OUTPUT) or not dl.files:
            if dl is None:
                reason = self.tr("the photos were not downloaded.")
            elif not dl.files:
                reason = self.tr("no photo was downloaded.")
            else:
                reason = self.tr("none was asked for.")
            feedback.pushInfo(self.tr("No point layer: {}").format(reason))
            return results
        from ..core.table_import import TABLE_FIELDS, TABLE_INVALID_FIELDS, join_table, read_table

        cf.info(self.tr("Importing the harvested photos (the import of a metadata table)."))
        _columns, rows = read_table(result.table)
        records, invalid = join_table(rows, f"{folder}/{flickr.PHOTOS_DIR}", feedback=cf.sub(90, 100))
        results.update(write_photo_outputs(self, parameters, context, feedback, records, invalid,
                                           TABLE_FIELDS, TABLE_INVALID_FIELDS))
        return results
