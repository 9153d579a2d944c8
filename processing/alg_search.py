"""photomotifs:search — "Find photos by words or by a photo" (adapter over core/zeroshot.py's ranking)."""
import time

from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .base import PhotoMotifsAlgorithm
from .outputs import create_sink, merged_fields, style_photo_output, to_qvalue
from .params import mark_advanced, set_help
from .photo_sources import (
    CACHE,
    INPUT,
    add_photo_source_parameters,
    clip_embeddings,
    clip_model_parameter,
    resolve_photo_source,
)
from .qgis_compat import FILE_FILE, NUMBER_INTEGER, SOURCE_VECTOR

RANK_FIELDS = [("rank", "int"), ("similarity", "float")]


class SearchAlgorithm(PhotoMotifsAlgorithm):
    MODEL = "MODEL"
    QUERY = "QUERY"
    QUERY_PHOTO = "QUERY_PHOTO"
    N = "N"
    INT8 = "INT8"
    CACHE = CACHE
    OUTPUT = "OUTPUT"
    FOUND = "FOUND"
    BEST_SIMILARITY = "BEST_SIMILARITY"
    CAPABILITY = "clip"
    GROUP = "motifs"
    NAME = "search"

    def displayName(self):
        return self.tr("Find photos by words or by a photo")

    def tags(self):
        return self.tr("clip,search,find,query,sentence,similar,photo,retrieval").split(",")

    def intro(self):
        return self.tr(
            "Finds the photos that best match a sentence ('a frozen lake with skaters', 'graffiti under a "
            "bridge') or that look most like a photo you choose, using a CLIP model you added. The best "
            "matches are written to a new layer with their similarity, and selected on the photo layer.")

    def details(self):
        return self.tr(
            "Details: similarity is the cosine between the photo's and the query's CLIP embeddings (higher "
            "is closer; CLIP's text-to-photo values are small, around 0.2-0.35 for good matches). With both a "
            "sentence and a photo the query is their average. The query photo itself is left out of the "
            "results. Embeddings come from the cache, so searching a collection embedded once takes "
            "milliseconds.")

    def initAlgorithm(self, config=None):
        add_photo_source_parameters(self)
        clip_model_parameter(self, self.MODEL)
        self.addParameter(QgsProcessingParameterString(
            self.QUERY, self.tr("Find photos showing (a sentence)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.QUERY_PHOTO, self.tr("Or photos that look like this photo"), behavior=FILE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.N, self.tr("Number of photos to find"), NUMBER_INTEGER, 20, minValue=1))
        self.addParameter(QgsProcessingParameterBoolean(self.INT8, self.tr("Use the int8 image part (faster)"),
                                                        False))
        self.addParameter(QgsProcessingParameterFile(
            self.CACHE, self.tr("Embedding cache (SQLite or GeoPackage file; default next to the project)"),
            behavior=FILE_FILE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Photos found"), SOURCE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber(self.FOUND, self.tr("Photos found")))
        self.addOutput(QgsProcessingOutputNumber(self.BEST_SIMILARITY, self.tr("Similarity of the best match")))
        set_help(self, {self.QUERY: self.tr("Any language CLIP was trained on; English works best.")})
        mark_advanced(self, self.INT8)

    def query_vector(self, parameters, context, text, spec, cache, cf):
        """(normalised query vector, content hash of the query photo or None)."""
        import numpy as np

        from ..core.embed import compute_embeddings
        from ..core.vecmath import l2_normalise

        sentence = self.parameterAsString(parameters, self.QUERY, context).strip()
        photo = self.parameterAsFile(parameters, self.QUERY_PHOTO, context)
        if not sentence and not photo:
            raise QgsProcessingException(self.tr("Give a sentence to search for, or a photo to find look-alikes of."))
        parts, photo_id = [], None
        if sentence:
            parts.append(text.encode([sentence])[0])
        if photo:
            emb = compute_embeddings([photo], spec, spec.onnx_path, cache=cache)
            if not emb.rows:
                raise QgsProcessingException(self.tr("The query photo {} cannot be read: {}").format(
                    photo, emb.failed[0][3] if emb.failed else ""))
            parts.append(l2_normalise(emb.matrix)[0])
            photo_id = emb.photo_ids[0]
        return l2_normalise(np.mean(parts, axis=0, keepdims=True))[0], photo_id

    def process(self, parameters, context, feedback, cf):
        from ..core.zeroshot import rank_by_similarity

        source = resolve_photo_source(self, parameters, context, feedback)
        text, spec, valid, emb, cache = clip_embeddings(self, parameters, context, feedback, cf, source,
                                                        self.MODEL, self.INT8)
        query, photo_id = self.query_vector(parameters, context, text, spec, cache, cf)
        exclude = [emb.photo_ids[r] == photo_id for r in emb.rows] if photo_id else None
        t0 = time.perf_counter()
        order, sims = rank_by_similarity(emb.matrix, query, self.parameterAsInt(parameters, self.N, context),
                                         exclude=exclude)
        feedback.pushInfo(self.tr("Ranked {} photos in {} ms.").format(len(emb.rows),
                                                                       f"{1000 * (time.perf_counter() - t0):.1f}"))
        if photo_id and exclude and any(exclude):
            feedback.pushInfo(self.tr("The query photo itself was left out ({} copies in the layer).").format(
                sum(exclude)))
        fields = merged_fields(source.fields, RANK_FIELDS)
        sink, dest_id = create_sink(self, parameters, self.OUTPUT, context, fields, source.wkb_type, source.crs)
        found = []
        for rank, (k, sim) in enumerate(zip(order, sims), start=1):
            feat = source.features[valid[emb.rows[k]]]
            attrs = {f.name(): feat[f.name()] for f in source.fields}
            attrs.update(rank=rank, similarity=float(sim))
            out = QgsFeature(fields)
            out.setGeometry(feat.geometry())
            out.setAttributes([to_qvalue(attrs.get(f.name())) for f in fields])
            sink.add(out)
            found.append(feat.id())
        sink.finish()
        del sink
        style_photo_output(context, dest_id, None, feedback)
        self.selection = (parameters.get(INPUT), found)
        return {self.OUTPUT: dest_id, self.FOUND: len(found),
                self.BEST_SIMILARITY: float(sims[0]) if len(sims) else None}

    def postProcessAlgorithm(self, context, feedback):
        """In QGIS (main thread): select the photos found on the photo layer of the project they came from."""
        from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer

        ref, found = getattr(self, "selection", (None, []))
        if isinstance(ref, QgsProcessingFeatureSourceDefinition):
            ref = ref.source.staticValue()
        layer = ref if isinstance(ref, QgsVectorLayer) else (context.getMapLayer(str(ref)) if ref else None)
        project = context.project()
        if isinstance(layer, QgsVectorLayer) and project is not None and project.mapLayer(layer.id()) is not None:
            layer.selectByIds(found)
            feedback.pushInfo(self.tr("{} photos selected on the layer {}.").format(len(found), layer.name()))
        return {}
