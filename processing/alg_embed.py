"""photomotifs:embed — Compute image embeddings (adapter over core.embed + the embedding cache)."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from ..core.layer_columns import EMBED_FIELDS, embed_columns, row
from .base import PhotoMotifsAlgorithm
from .outputs import is_null, style_photo_output, write_source_with_fields
from .params import mark_advanced
from .photo_sources import (
    CACHE,
    ONNX_MODEL,
    add_backbone_parameters,
    add_photo_source_parameters,
    embed_source,
    failed_reasons,
    resolve_photo_source,
)
from .qgis_compat import SOURCE_VECTOR


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
    GROUP = "embeddings"
    NAME = "embed"

    def displayName(self):
        return self.tr("Compute photo embeddings")

    def tags(self):
        return self.tr("embedding,features,vectors,image model,cnn,onnx,orange").split(",")

    def intro(self):
        return self.tr(
            "Lets the computer 'look' at every photo once: an image model turns each photo into a "
            "list of numbers (an embedding) that describes what it shows. Photos that look alike get "
            "similar numbers; discovering motifs and training classifiers build on them. The "
            "numbers are remembered in a cache, so the next steps and later runs are fast. Running "
            "this step alone is optional: the motif and training steps compute what is missing.")

    def details(self):
        return self.tr(
            "Details: ONNX Runtime on this computer. The cache is keyed by the photo's content, so "
            "renamed or moved photos are recognised. Photos that cannot be read get embed_status "
            "'failed' with the reason. The vectors can be exported as CSV (a path column and one "
            "column per dimension, like Orange's Save Data) or .npz. Image models: "
            "EfficientNet-Lite0 (default, 1280 values per photo); its int8 version (about 1.6 times "
            "faster, nearly the same vectors, cached apart); EfficientNet-Lite2 (larger); SqueezeNet "
            "as Orange computes it, to reproduce an Orange analysis; or an ONNX model of your own.")

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

        id_index = source.fields.lookupField("photo_id")
        known = [None if id_index < 0 or is_null(f[id_index]) else f[id_index] for f in source.features]
        columns = embed_columns(len(source.paths), valid, result, reasons, spec.id, known)
        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, EMBED_FIELDS,
                                           lambda i: row(columns, EMBED_FIELDS, i), cf)
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
        from ..models.quantize import HINT_SPEEDUP, int8_hint

        if int8_hint(spec.id, result.n_computed, result.seconds):
            feedback.pushInfo(self.tr(
                "Computing {} embeddings took {} s. On this CPU the int8 version of EfficientNet-Lite0 "
                "would take about {} s with the same accuracy in our tests (embeddings at cosine "
                "0.996); its vectors are cached apart from these.").format(
                    result.n_computed, f"{result.seconds:.0f}", f"{result.seconds / HINT_SPEEDUP:.0f}"))
        vectors_path = self.parameterAsFileOutput(parameters, self.VECTORS, context)
        if vectors_path:
            names = [source.paths[valid[r]] for r in result.rows]
            ids = [result.photo_ids[r] for r in result.rows]
            export_vectors(vectors_path, names, result.matrix, photo_ids=ids, backbone=spec.cache_key)
            results[self.VECTORS] = vectors_path
            feedback.pushInfo(self.tr("Vectors written to {}").format(vectors_path))
        return results
