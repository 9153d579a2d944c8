"""photomotifs:embed — Compute image embeddings (adapter over core.embed + the embedding cache)."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from .common import (
    CACHE,
    ONNX_MODEL,
    PhotoMotifsAlgorithm,
    add_backbone_parameters,
    add_photo_source_parameters,
    embed_source,
    failed_reasons,
    mark_advanced,
    resolve_photo_source,
    style_photo_output,
    write_source_with_fields,
)
from .qgis_compat import SOURCE_VECTOR

STATUS_FIELDS = [("embed_status", "str"), ("embed_note", "str"), ("photo_id", "str")]


class EmbedAlgorithm(PhotoMotifsAlgorithm):
    OUTPUT = "OUTPUT"
    VECTORS = "VECTORS"
    EMBEDDED = "EMBEDDED"
    FAILED = "FAILED"
    FROM_CACHE = "FROM_CACHE"
    COMPUTED = "COMPUTED"
    SECONDS = "SECONDS"
    CACHE = CACHE
    CAPABILITY = "embed"
    GROUP, GROUP_NAME = "motifs", "Motifs"
    HELP = (
        "Computes an embedding (a feature vector from a pretrained image model) for every photo "
        "of a layer or a folder, on this computer with ONNX Runtime. Vectors are kept in an "
        "embedding cache keyed by the photo's content, so a second run, or clustering and "
        "training later, reuse them (renamed or moved photos are recognised). Photos that cannot "
        "be read get embed_status 'failed' with the reason. Optionally exports the vectors as CSV "
        "(a path column and one column per dimension, like Orange's Save Data) or .npz. "
        "Image models: EfficientNet-Lite0 (default, 1280 values per photo); its int8 version, "
        "about 1.6 times faster with embeddings at cosine 0.996 to the default's (best on CPUs "
        "with VNNI; its vectors are cached apart and do not mix with the default's); "
        "EfficientNet-Lite2 (larger); SqueezeNet as Orange computes it, to reproduce an Orange "
        "analysis; or an ONNX model of your own."
    )

    NAME = "embed"
    DISPLAY_NAME = "Compute image embeddings"

    def initAlgorithm(self, config=None):
        add_photo_source_parameters(self)
        add_backbone_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos with embedding status"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.VECTORS, self.tr("Export the vectors (CSV or NPZ)"),
            "CSV (*.csv);;NumPy (*.npz)", optional=True, createByDefault=False))

        self.addOutput(QgsProcessingOutputNumber(self.EMBEDDED, self.tr("Photos with an embedding")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Photos that could not be read")))
        self.addOutput(QgsProcessingOutputNumber(self.FROM_CACHE, self.tr("Embeddings taken from the cache")))
        self.addOutput(QgsProcessingOutputNumber(self.COMPUTED, self.tr("Embeddings computed")))
        self.addOutput(QgsProcessingOutputNumber(self.SECONDS, self.tr("Seconds spent embedding")))
        self.addOutput(QgsProcessingOutputFile(self.CACHE, self.tr("Embedding cache")))
        mark_advanced(self, ONNX_MODEL)
    def process(self, parameters, context, feedback, cf):
        from ..core.embed import export_vectors

        source = resolve_photo_source(self, parameters, context, feedback)
        spec, cache_path, valid, result = embed_source(self, parameters, context, feedback, cf, source)
        reasons = failed_reasons(source, valid, result)

        ids_by_feature = {valid[i]: result.photo_ids[i] for i in range(len(valid))}
        id_index = source.fields.lookupField("photo_id")

        def values(i):
            photo_id = ids_by_feature.get(i) or (source.features[i][id_index] if id_index >= 0 else None)
            if i in reasons:
                return {"embed_status": "failed", "embed_note": reasons[i], "photo_id": photo_id}
            return {"embed_status": "ok", "embed_note": spec.id, "photo_id": photo_id}

        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, STATUS_FIELDS,
                                           values, cf)
        style_photo_output(context, dest_id, "embed_status", feedback)

        results = {
            self.OUTPUT: dest_id,
            self.CACHE: cache_path,
            self.EMBEDDED: len(result.rows),
            self.FAILED: len(reasons),
            self.FROM_CACHE: result.n_cached,
            self.COMPUTED: result.n_computed,
            self.SECONDS: round(result.seconds, 2),
        }
        from ..models.quantize import int8_hint

        hint = int8_hint(spec.id, result.n_computed, result.seconds)
        if hint:
            feedback.pushInfo(self.tr(hint))
        vectors_path = self.parameterAsFileOutput(parameters, self.VECTORS, context)
        if vectors_path:
            names = [source.paths[valid[r]] for r in result.rows]
            ids = [result.photo_ids[r] for r in result.rows]
            export_vectors(vectors_path, names, result.matrix, photo_ids=ids, backbone=spec.cache_key)
            results[self.VECTORS] = vectors_path
            feedback.pushInfo(self.tr(f"Vectors written to {vectors_path}"))
        return results
