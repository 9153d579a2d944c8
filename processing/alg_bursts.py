"""photomotifs:bursts — Find photo bursts (adapter over core.bursts)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .alg_summarize import DATE_CANDIDATES, USER_CANDIDATES
from .base import PhotoMotifsAlgorithm
from .messages import message_text
from .outputs import style_photo_output, write_source_with_fields
from .params import mark_advanced, set_help
from .photo_sources import (
    CACHE,
    INPUT,
    ONNX_MODEL,
    PATH_FIELD,
    add_backbone_parameters,
    embed_source,
    resolve_photo_source,
)
from .photo_times import choose_field, text_or_none, time_text
from .qgis_compat import FIELD_STRING, NUMBER_DOUBLE, SOURCE_VECTOR

BURST_FIELDS = [("burst_id", "int"), ("burst_size", "int"), ("burst_first", "bool")]
LARGEST_SHOWN = 5


class BurstsAlgorithm(PhotoMotifsAlgorithm):
    INPUT = INPUT
    PATH_FIELD = PATH_FIELD
    USER_FIELD = "USER_FIELD"
    DATE_FIELD = "DATE_FIELD"
    MINUTES = "MINUTES"
    SIMILARITY = "SIMILARITY"
    OUTPUT = "OUTPUT"
    N_BURSTS = "N_BURSTS"
    PHOTOS_IN_BURSTS = "PHOTOS_IN_BURSTS"
    CACHE = CACHE
    CAPABILITY = "bursts"
    GROUP = "motifs"
    NAME = "bursts"

    def displayName(self):
        return self.tr("Find photo bursts")

    def tags(self):
        return self.tr("bursts,near-duplicates,series,same scene,users,time,representative").split(",")

    def intro(self):
        return self.tr(
            "Finds bursts: one person's series of near-identical photos of one scene, taken within "
            "minutes (30 shots of a fountain in two minutes). A burst would otherwise form a motif of "
            "its own, make a motif look bigger than it is and flatter a classifier's accuracy. Each "
            "photo gets its burst, the burst's size and whether it is the burst's representative (its "
            "most typical photo), so motifs can be discovered from one photo per burst.")

    def details(self):
        return self.tr(
            "Details: two photos of the same user, taken at most the given minutes apart (local time "
            "as written) and with embeddings at least as similar as the threshold (cosine), are in "
            "one burst, and so are photos linked through others; in time order each photo of a burst "
            "is within the minutes of the previous one. Embeddings come from the cache as for "
            "'Discover photo motifs'. Distinct photos have a cosine similarity of at most 0.6 in our "
            "tests, a cropped and re-encoded copy 0.72 to 0.99: the default 0.9 never joins different "
            "scenes; lower it to catch looser series. Photos without a user, a time of day or a "
            "readable image are bursts of their own. Without a user field all photos count as one "
            "photographer's (a folder from one camera). The user and date fields are detected from "
            "the import (owner, taken_at) unless chosen.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Photo layer"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.PATH_FIELD, self.tr("Field with the photo path"), "photo", self.INPUT, FIELD_STRING, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.USER_FIELD, self.tr("User field (empty: detected, e.g. owner)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, self.tr("Date taken field (empty: detected, e.g. taken_at)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MINUTES, self.tr("Largest gap in a burst (minutes)"), NUMBER_DOUBLE, 10.0,
            minValue=0.01))
        self.addParameter(QgsProcessingParameterNumber(
            self.SIMILARITY, self.tr("Similarity in a burst"),
            NUMBER_DOUBLE, 0.9, minValue=-1.0, maxValue=1.0))
        add_backbone_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos with bursts"), SOURCE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber(self.N_BURSTS, self.tr("Bursts of two or more photos")))
        self.addOutput(QgsProcessingOutputNumber(self.PHOTOS_IN_BURSTS, self.tr("Photos in such bursts")))
        self.addOutput(QgsProcessingOutputFile(self.CACHE, self.tr("Embedding cache")))
        set_help(self, {
            self.MINUTES: self.tr("Photos of one user taken at most this many minutes apart can be in one burst."),
            self.SIMILARITY: self.tr(
                "Cosine of the photos' embeddings: 1 = identical. Distinct photos stay below 0.6, cropped or "
                "re-encoded copies of one photo reach 0.72 to 0.99 (EfficientNet-Lite0)."),
        })
        mark_advanced(self, self.PATH_FIELD, self.USER_FIELD, self.DATE_FIELD, ONNX_MODEL)

    def process(self, parameters, context, feedback, cf):
        from ..core.bursts import find_bursts

        minutes = self.parameterAsDouble(parameters, self.MINUTES, context)
        similarity = self.parameterAsDouble(parameters, self.SIMILARITY, context)
        source = resolve_photo_source(self, parameters, context, feedback)
        names = source.fields.names()
        date_field = choose_field(self, parameters, context, self.DATE_FIELD, names, DATE_CANDIDATES,
                                  self.tr("Date"), feedback)
        if not date_field:
            raise QgsProcessingException(self.tr(
                "The photo layer has no date taken field (such as taken_at): bursts need the time of "
                "each photo. Choose the field, or import the photos with 'Read photo folder'."))
        user_field = choose_field(self, parameters, context, self.USER_FIELD, names, USER_CANDIDATES,
                                  self.tr("User"), feedback)
        users = [text_or_none(f[user_field]) for f in source.features] if user_field else None
        dates = [time_text(f[date_field]) for f in source.features]
        _spec, cache_path, valid, emb = embed_source(self, parameters, context, feedback, cf.sub(0, 80), source)
        result = find_bursts(emb.matrix, [valid[r] for r in emb.rows], users, dates, minutes=minutes,
                             similarity=similarity, feedback=cf.sub(80, 92))
        self._report(feedback, result, users, dates)

        def values(i):
            return {"burst_id": int(result.burst_id[i]), "burst_size": int(result.burst_size[i]),
                    "burst_first": bool(result.first[i])}

        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, BURST_FIELDS,
                                           values, cf)
        style_photo_output(context, dest_id, None, feedback)
        return {self.OUTPUT: dest_id, self.N_BURSTS: result.counts["bursts"],
                self.PHOTOS_IN_BURSTS: result.counts["photos_in_bursts"], self.CACHE: cache_path}

    def _report(self, feedback, result, users, dates):
        """The run summary in the user's language, with the largest bursts."""
        import numpy as np

        for note in result.notes:
            feedback.pushInfo(message_text(note))
        ids, sizes = result.burst_id, result.burst_size
        multi = np.unique(ids[sizes > 1])
        size_of = np.bincount(ids)
        for burst in sorted(multi.tolist(), key=lambda b: (-size_of[b], b))[:LARGEST_SHOWN]:
            members = np.flatnonzero(ids == burst)
            times = sorted(d for d in (dates[i] for i in members) if d)
            feedback.pushInfo(self.tr("  burst {}: {} photos by {}, {} to {}").format(
                burst, len(members), users[members[0]] if users is not None else self.tr("the photographer"),
                times[0][:19] if times else "?", times[-1][11:19] if times else "?"))
