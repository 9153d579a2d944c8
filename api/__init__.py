"""Photo Motifs as a Python library, without QGIS: GeoDataFrames in and out.

    from photo_motifs import api

    photos = api.import_photos("/data/photos")                   # EXIF locations, EPSG:4326
    vectors = api.embed(photos, cache="cache.sqlite")            # one row per photo (NaN: unreadable)
    motifs = api.cluster(photos, vectors, sheets="sheets")       # cluster, cluster_rank, ... columns
    summary = api.summarize(motifs, cell_size=500, min_users=5)  # one hexagon per area with photos
    api.write(summary, "summary.gpkg")                           # or .parquet (GeoParquet)

Each function runs the ``core``/``models`` code of the Processing algorithm of the same name with
the same defaults and gives the same columns (``tests/qgis/test_api_equals_processing.py``).
Large collections: ``embed(..., client=dask_client)`` embeds on a Dask cluster and
``cluster(photos)`` without vectors reads them from the cache in chunks (README, "Large
collections"). The command line is ``python -m photo_motifs`` (``api/cli.py``). Importing this
package never imports QGIS; inside QGIS it writes GeoParquet only (pyogrio must stay out of QGIS).
"""
from .areas import summarize
from .classes import classify, train
from .distributed import local_cluster
from .embedding import embed
from .layers import read, write
from .motifs import cluster
from .photos import import_photos, import_table

__all__ = ["classify", "cluster", "embed", "import_photos", "import_table", "local_cluster", "read", "summarize",
           "train", "write"]
