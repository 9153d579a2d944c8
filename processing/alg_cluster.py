"""photomotifs:cluster — Discover motifs by clustering photo embeddings (adapter over core.cluster)."""
import json
from dataclasses import replace

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..core.layer_columns import CLUSTER_FIELDS, cluster_columns, row, tiny_limit, tiny_motifs
from ..core.options import (
    CLUSTER_METHOD_OPTIONS,
    CUT_OPTIONS,
    LINKAGE_OPTIONS,
    METRIC_OPTIONS,
    PROJECTION_NONE,
    PROJECTION_OPTIONS,
)
from ..core.safe_write import json_problem, replace_complete
from .base import PhotoMotifsAlgorithm, algorithm_id
from .messages import message_text
from .outputs import create_sink, is_null, qgs_fields, style_photo_output, write_source_with_fields
from .params import mark_advanced, option_labels, option_value
from .photo_sources import (
    CACHE,
    ONNX_MODEL,
    add_backbone_parameters,
    add_photo_source_parameters,
    embed_source,
    failed_reasons,
    resolve_photo_source,
)
from .qgis_compat import NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR, SOURCE_VECTOR_POINT, WKB_NO_GEOMETRY, WKB_POINT
from .translation import tr


class ClusterAlgorithm(PhotoMotifsAlgorithm):
    METHOD = "METHOD"
    METRIC = "METRIC"
    NORMALIZE = "NORMALIZE"
    PCA_DIMS = "PCA_DIMS"
    LINKAGE = "LINKAGE"
    CUT = "CUT"
    K = "K"  # parameter (fixed K) and output (the number of clusters found)
    HEIGHT_RATIO = "HEIGHT_RATIO"
    K_MIN = "K_MIN"
    K_MAX = "K_MAX"
    MIN_CLUSTER_SIZE = "MIN_CLUSTER_SIZE"
    SEED = "SEED"
    PROJECTION = "PROJECTION"
    BURST_REPRESENTATIVES = "BURST_REPRESENTATIVES"
    OUTPUT = "OUTPUT"
    SHEETS = "SHEETS"
    MAP = "MAP"
    REPORT = "REPORT"
    TINY = "TINY"
    TINY_LIMIT = "TINY_LIMIT"
    NOT_CLUSTERED = "NOT_CLUSTERED"
    CACHE = CACHE
    CAPABILITY = "cluster"
    GROUP = "motifs"
    NAME = "cluster"

    def displayName(self):
        return self.tr("Discover photo motifs (clustering)")

    def tags(self):
        return self.tr("cluster,motifs,groups,similar photos,hierarchical,kmeans,hdbscan,orange").split(",")

    def intro(self):
        return self.tr(
            "Finds what people photograph: photos that look alike are put into the same motif "
            "(C1, C2… by size, largest first), without any labels from you. The result is your photo "
            "layer with a motif per photo, ready to map, and contact sheets that show each motif's "
            "most typical photos first. The number of motifs is chosen automatically unless you set "
            "it.")

    def details(self):
        return self.tr(
            "Details: embeddings come from the cache (computed when missing). By default they are "
            "normalised, reduced to 64 principal components and grouped by hierarchical clustering "
            "(cosine distance, average linkage); the number of motifs is where merging two more "
            "groups would join clearly different photos (the elbow of the merge heights, reported in "
            "the log). HDBSCAN labels photos that fit no motif 'noise'. Each photo gets its motif's "
            "size, its rank by distance to the motif's most typical photo (1 = most typical) and "
            "coordinates on a 2-D similarity map. A JSON record keeps every parameter. With the same "
            "distance, linkage and cut as Orange (normalisation off), the motifs equal Orange's. "
            "Large collections are clustered through k-means centroids, as the log says.")

    def initAlgorithm(self, config=None):
        add_photo_source_parameters(self)
        add_backbone_parameters(self)
        P = QgsProcessingParameterNumber
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"), option_labels(CLUSTER_METHOD_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.METRIC, self.tr("Distance"), option_labels(METRIC_OPTIONS),
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.NORMALIZE, self.tr("L2-normalise embeddings first"), True))
        self.addParameter(P(self.PCA_DIMS, self.tr("Reduce to this many principal components first (0 = no)"),
                            NUMBER_INTEGER, 64, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.LINKAGE, self.tr("Linkage (hierarchical)"), option_labels(LINKAGE_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CUT, self.tr("Number of motifs"), option_labels(CUT_OPTIONS), defaultValue=0))
        self.parameterDefinition(self.CUT).setHelp(self.tr(
            "Automatic: the number where merging two more groups would join clearly different photos. "
            "Fixed: exactly K motifs. Height ratio: cut the tree as Orange's Hierarchical Clustering "
            "widget does."))
        self.addParameter(P(self.K, self.tr("K (fixed number of motifs)"), NUMBER_INTEGER, 8, minValue=2))
        self.addParameter(P(self.HEIGHT_RATIO, self.tr("Height ratio"), NUMBER_DOUBLE, 0.75,
                            minValue=0.01, maxValue=1.0))
        self.addParameter(P(self.K_MIN, self.tr("Automatic: smallest K"), NUMBER_INTEGER, 2, minValue=2))
        self.addParameter(P(self.K_MAX, self.tr("Automatic: largest K"), NUMBER_INTEGER, 30, minValue=2))
        self.addParameter(P(self.MIN_CLUSTER_SIZE, self.tr("HDBSCAN: minimum cluster size"), NUMBER_INTEGER, 5,
                            minValue=2))
        self.addParameter(P(self.SEED, self.tr("Random seed"), NUMBER_INTEGER, 0))
        self.addParameter(QgsProcessingParameterEnum(
            self.PROJECTION, self.tr("Similarity map"), option_labels(PROJECTION_OPTIONS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BURST_REPRESENTATIVES, self.tr("Cluster one photo per burst (from 'Find photo bursts')"), False))
        self.parameterDefinition(self.BURST_REPRESENTATIVES).setHelp(self.tr(
            "Clusters only each burst's representative (burst_first) and gives every photo of the burst "
            "its motif, so 30 near-identical shots of one scene by one person weigh as one photo. Motif "
            "sizes are then given in bursts and in photos."))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Photos with motifs"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.SHEETS, self.tr("Contact sheets folder"), optional=True, createByDefault=True))
        self.parameterDefinition(self.SHEETS).setHelp(self.tr(
            "One picture per motif with its photos, most typical first, and an overview of all motifs."))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.MAP, self.tr("Similarity map"), SOURCE_VECTOR_POINT,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Run record (JSON)"), "JSON (*.json)", optional=True, createByDefault=True))

        self.addOutput(QgsProcessingOutputNumber(self.K, self.tr("Number of motifs")))
        self.addOutput(QgsProcessingOutputNumber(self.TINY, self.tr("Tiny motifs (probably not motifs)")))
        self.addOutput(QgsProcessingOutputNumber(self.TINY_LIMIT, self.tr("Photos a motif needs not to be tiny")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_CLUSTERED, self.tr("Photos that could not be read")))
        self.addOutput(QgsProcessingOutputFile(self.CACHE, self.tr("Embedding cache")))
        mark_advanced(self, self.NORMALIZE, self.PCA_DIMS, self.HEIGHT_RATIO, self.K_MIN, self.K_MAX,
                      self.MIN_CLUSTER_SIZE, self.SEED, ONNX_MODEL)

    def cluster_params(self, parameters, context):
        from ..core.cluster import ClusterParams

        method = option_value(self, parameters, self.METHOD, context, CLUSTER_METHOD_OPTIONS)
        pca = self.parameterAsInt(parameters, self.PCA_DIMS, context)
        params = ClusterParams(
            method=method,
            # k-means is Euclidean by nature (cosine-like after L2 normalisation)
            metric="euclidean" if method == "kmeans"
            else option_value(self, parameters, self.METRIC, context, METRIC_OPTIONS),
            pca_dims=pca or None,
            normalize=self.parameterAsBoolean(parameters, self.NORMALIZE, context),
            linkage=option_value(self, parameters, self.LINKAGE, context, LINKAGE_OPTIONS),
            cut=option_value(self, parameters, self.CUT, context, CUT_OPTIONS),
            k=self.parameterAsInt(parameters, self.K, context),
            height_ratio=self.parameterAsDouble(parameters, self.HEIGHT_RATIO, context),
            k_min=self.parameterAsInt(parameters, self.K_MIN, context),
            k_max=self.parameterAsInt(parameters, self.K_MAX, context),
            min_cluster_size=self.parameterAsInt(parameters, self.MIN_CLUSTER_SIZE, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
        )
        params.validate()
        return params

    def process(self, parameters, context, feedback, cf):
        from ..core.cluster import cluster_embeddings
        from ..core.embcache import CachedVectors, EmbeddingCache
        from ..core.projection import similarity_map

        params = self.cluster_params(parameters, context)
        source = resolve_photo_source(self, parameters, context, feedback)
        reps = self.burst_representatives(parameters, context, source, feedback)
        clustered = source if reps is None else representatives_only(source, reps)
        # the vectors stay in the cache and are read back in chunks: a million photos fit in memory
        spec, cache_path, valid, emb = embed_source(self, parameters, context, feedback, cf.sub(0, 60), clustered,
                                                    keep_vectors=False)
        if len(emb.rows) < 2:
            raise QgsProcessingException(self.tr(
                "Only {} photo(s) could be read: clustering needs at least two.").format(len(emb.rows)))
        with EmbeddingCache(cache_path) as cache:
            vectors = CachedVectors(cache, [emb.photo_ids[r] for r in emb.rows], spec.cache_key)
            result = cluster_embeddings(vectors, params, feedback=cf.sub(60, 80))
            projection = option_value(self, parameters, self.PROJECTION, context, PROJECTION_OPTIONS)
            # PCA: the clustering's own components; t-SNE reads the vectors back
            xy = similarity_map(vectors, method=projection, seed=params.seed, feedback=cf.sub(80, 88),
                                clustered=result) if projection != PROJECTION_NONE else None
        photo_sizes = self.photo_sizes(result, reps, emb, valid)
        tiny = tiny_motifs(photo_sizes, sum(photo_sizes.values()))
        self.say_plainly(feedback, source, result, tiny, sum(photo_sizes.values()))
        self.say_details(feedback, result, reps, photo_sizes)

        # row r of the embedding matrix belongs to feature valid[emb.rows[r]]
        feature_of_row = [valid[r] for r in emb.rows]
        reasons = failed_reasons(clustered, valid, emb)
        columns = cluster_columns(len(source.paths), feature_of_row, result, xy, reasons, tiny=tiny, reps=reps,
                                  sizes=photo_sizes,
                                  member_note=self.tr("In a burst: the motif of the burst's representative."))
        dest_id = write_source_with_fields(self, parameters, context, self.OUTPUT, source, CLUSTER_FIELDS,
                                           lambda i: row(columns, CLUSTER_FIELDS, i), cf)
        not_clustered = sum(1 for label in columns["cluster"] if label is None)
        results = {self.OUTPUT: dest_id, self.K: result.k, self.CACHE: cache_path, self.TINY: len(tiny),
                   self.TINY_LIMIT: tiny_limit(len(emb.rows)), self.NOT_CLUSTERED: not_clustered}
        style_photo_output(context, dest_id, "cluster", feedback)

        paths_of_row = [source.paths[fi] for fi in feature_of_row]
        sheets = self.parameterAsString(parameters, self.SHEETS, context)
        if sheets:
            results[self.SHEETS] = self.write_sheets(sheets, paths_of_row, result, cf.sub(88, 99))
            feedback.pushInfo(self.tr("Contact sheets: {}").format(sheets))

        map_sink, map_id = create_sink(
            self, parameters, self.MAP, context,
            qgs_fields([("photo", "str"), ("cluster", "str"), ("cluster_rank", "int")]),
            WKB_POINT, QgsCoordinateReferenceSystem(), optional=True)
        if map_sink is not None and xy is not None:
            for r, path in enumerate(paths_of_row):
                f = QgsFeature()
                f.setAttributes([path, result.labels[r], int(result.rank[r])])
                f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(xy[r, 0]), float(xy[r, 1]))))
                map_sink.add(f)
            results[self.MAP] = map_id
        if map_sink is not None:
            map_sink.finish()

        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            record = {
                "algorithm": algorithm_id(self),
                "backbone": spec.cache_key,
                "embedding_cache": cache_path,
                "photos": len(source.paths),
                "clustered": len(emb.rows),
                "not_clustered": len(reasons),
                "params": result.params,
                "k": result.k,
                "criterion": result.criterion,
                "k_curve": [[int(k), float(v)] for k, v in result.k_curve],
                "sizes": result.sizes,
                "burst_representatives": reps is not None,
                "photos_by_motif": photo_sizes,
                "notes": result.notes,
                "projection": projection,
            }
            write_report_json(report, record)
            results[self.REPORT] = report
        return results

    def say_plainly(self, feedback, source, result, tiny, n_read):
        """The run in plain words first: motifs found, tiny ones, photos that are not on the map."""
        feedback.pushInfo(self.tr("{} motifs found among {} photos.").format(result.k, n_read))
        if tiny:
            feedback.pushInfo(self.tr("{} of them hold fewer than {} photos and are probably not motifs: {} "
                                      "(flagged in the field cluster_tiny and in the legend).").format(
                len(tiny), tiny_limit(n_read), ", ".join(tiny)))
        if source.wkb_type != WKB_NO_GEOMETRY:
            unlocated = sum(1 for f in source.features if not f.hasGeometry() or f.geometry().isEmpty())
            if unlocated:
                feedback.pushInfo(self.tr("{} photos have no location: they are in the layer and the contact "
                                          "sheets, but not on the map.").format(unlocated))

    def say_details(self, feedback, result, reps, photo_sizes):
        """The technical lines, under a heading, after the plain summary; the motifs' sizes (in
        bursts and photos when bursts are clustered as one)."""
        feedback.pushInfo(self.tr("Details:"))
        for note in result.notes:
            feedback.pushInfo(message_text(note))
        if result.k_curve:
            feedback.pushInfo(self.tr("Automatic choice of the number of motifs ({}):").format(result.criterion))
            chosen = self.tr("  <- chosen")
            for k, value in result.k_curve:
                feedback.pushInfo(f"  k={k}: {value:.4f}{chosen if k == result.k else ''}")
        if reps is None:
            feedback.pushInfo(self.tr("{} motifs: {}").format(result.k, ", ".join(
                f"{name} ({size})" for name, size in result.sizes.items())))
        else:
            feedback.pushInfo(self.tr("{} motifs: {}").format(result.k, ", ".join(
                self.tr("{} ({} photos, {} bursts)").format(name, photo_sizes.get(name, 0), size)
                for name, size in result.sizes.items())))

    def burst_representatives(self, parameters, context, source, feedback):
        """Index of each feature's burst representative (None unless the option is on)."""
        if not self.parameterAsBoolean(parameters, self.BURST_REPRESENTATIVES, context):
            return None
        from ..core.bursts import representatives

        names = source.fields.names()
        if "burst_id" not in names or "burst_first" not in names:
            raise QgsProcessingException(self.tr(
                "The photo layer has no bursts (fields burst_id and burst_first): run 'Find photo bursts' "
                "on it first, or turn off 'Cluster one photo per burst'."))
        reps = representatives([None if is_null(f["burst_id"]) else int(f["burst_id"]) for f in source.features],
                               [not is_null(f["burst_first"]) and bool(f["burst_first"]) for f in source.features])
        feedback.pushInfo(self.tr("Clustering one photo per burst: {} of {} photos.").format(
            len(set(reps.tolist())), len(reps)))
        return reps

    @staticmethod
    def photo_sizes(result, reps, emb, valid):
        """{motif: photos} (with burst members when bursts are clustered as one photo)."""
        if reps is None:
            return dict(result.sizes)
        label_of = {valid[r]: result.labels[k] for k, r in enumerate(emb.rows)}
        photos: dict = {}
        for i in range(len(reps)):
            label = label_of.get(int(reps[i]))
            if label is not None:
                photos[label] = photos.get(label, 0) + 1
        return photos

    @staticmethod
    def write_sheets(folder, paths, result, cf):
        from ..core.sheets import write_motif_sheets

        return write_motif_sheets(
            folder, paths, result, cf, title=lambda name, n: tr("{} — {} photos").format(name, n),
            subtitle=tr("most typical first"),
            canceled=lambda done, total, where: tr(
                "The motif layer is complete; {} of {} contact sheets were written to {} before the cancel "
                "request (no overview).").format(done, total, where))


def write_report_json(path, record) -> None:
    """The run report, complete or absent (read back as JSON before it gets its name)."""
    replace_complete(path, lambda tmp: tmp.write_text(json.dumps(record, indent=2), encoding="utf-8"),
                     verify=json_problem)


def representatives_only(source, reps):
    """The photo source with only burst representatives' paths (the others are left out)."""
    return replace(source, paths=[p if reps[i] == i else "" for i, p in enumerate(source.paths)])
