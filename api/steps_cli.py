"""The steps of the command line (``api/cli.py``): read the input, call the API, write the outputs, report."""
from __future__ import annotations

import sys

from . import layers

KEPT = ("Embeddings computed before the interruption are kept in the cache, so the next run continues from there; "
        "no output layer was written.")


def _say(progress: bool, text: str) -> None:
    if progress:
        print(text, file=sys.stderr)


def import_photos(args, client, progress=True) -> None:
    from .photos import import_photos as run

    photos, invalid = run(args.folder, recursive=not args.no_recursive, keep_unlocated=args.keep_unlocated,
                          return_invalid=True, progress=progress)
    _write(photos, args.output, invalid, args.invalid, progress)


def import_table(args, client, progress=True) -> None:
    from .photos import import_table as run

    columns = dict(item.split("=", 1) for item in args.column)
    photos, invalid = run(args.table, args.folder, recursive=not args.no_recursive, pattern=args.pattern,
                          hash_owners=not args.no_hash_owners, salt=args.salt, columns=columns,
                          return_invalid=True, progress=progress)
    _write(photos, args.output, invalid, args.invalid, progress)


def _write(photos, output, invalid, invalid_path, progress) -> None:
    if photos.empty:
        raise ValueError(f"No photo could be imported ({len(invalid)} files left out; see --invalid).")
    layers.write(photos, output)
    located = int((~(photos.geometry.is_empty | photos.geometry.isna())).sum())
    _say(progress, f"{len(photos)} photos imported ({located} with a location), {len(invalid)} files left out: "
                   f"{output}")
    if invalid_path:
        layers.write(invalid, invalid_path)


def embed(args, client, progress=True) -> None:
    from ..core.feedback import Canceled
    from .embedding import embed_rows, status_columns
    from .progress import feedback_for

    photos = layers.read(args.layer)
    fb, close = feedback_for(progress, "Embedding photos")
    try:
        done = embed_rows(photos, args.backbone, args.cache, client, args.path_field, threads=args.threads,
                          partition_size=args.partition_size, keep_vectors=bool(args.vectors), feedback=fb)
    except (Canceled, KeyboardInterrupt):
        raise Canceled(KEPT) from None
    finally:
        close()
    res = done.result
    _say(progress, f"Embeddings: {res.n_cached} from the cache, {res.n_computed} computed, {len(res.failed)} photos "
                   f"could not be read ({res.seconds:.1f} s); cache {done.cache.path if done.cache else 'none'}.")
    if args.output:
        from ..core.layer_columns import EMBED_FIELDS

        extra = layers.frame_from_columns(status_columns(done, photos), EMBED_FIELDS, index=photos.index)
        layers.write(layers.with_columns(photos, extra, EMBED_FIELDS), args.output)
    if args.vectors:
        from ..core.vectors_io import export_vectors

        export_vectors(args.vectors, [res.paths[r] for r in res.rows], res.matrix,
                       photo_ids=[res.photo_ids[r] for r in res.rows], backbone=done.spec.cache_key)


def cluster(args, client, progress=True) -> None:
    from ..core.feedback import Canceled
    from .motifs import cluster as run

    photos = layers.read(args.layer)
    try:
        out, result = _cluster(run, photos, args, client, progress)
    except (Canceled, KeyboardInterrupt):
        raise Canceled(KEPT) from None
    for note in result.notes:
        _say(progress, note)
    _say(progress, f"{result.k} motifs: " + ", ".join(f"{k} ({n})" for k, n in result.sizes.items()))
    layers.write(out, args.output)


def _cluster(run, photos, args, client, progress):
    return run(photos, backbone=args.backbone, cache=args.cache, client=client, path_field=args.path_field,
                      method=args.method, metric=args.metric, normalize=not args.no_normalize,
                      pca_dims=args.pca_dims or None, linkage=args.linkage, cut=args.cut, k=args.k,
                      height_ratio=args.height_ratio, k_min=args.k_min, k_max=args.k_max,
                      min_cluster_size=args.min_cluster_size, seed=args.seed, projection=args.projection,
               sheets=args.sheets, report=args.report, details=True, progress=progress)


def train(args, client, progress=True) -> None:
    import os

    from ..core.report import summary_lines
    from .classes import train as run

    training = args.training if os.path.isdir(args.training) else layers.read(args.training)
    trained = run(training, args.output, label_field=args.label_field, path_field=args.path_field,
                  backbone=args.backbone, cache=args.cache, method=args.method,
                  finetune_seconds=args.finetune_seconds, val_fraction=args.val_fraction, cv_folds=args.cv_folds,
                  seed=args.seed, name=args.name, progress=progress)
    for line in summary_lines(trained.result):
        _say(progress, line)
    for path, _code, sentence in trained.invalid:
        _say(progress, f"Left out: {path}: {sentence}")
    _say(progress, f"Model folder: {trained.folder}")


def classify(args, client, progress=True) -> None:
    from .classes import classify as run

    photos = layers.read(args.layer)
    out, result = run(photos, args.model, path_field=args.path_field, labels=args.labels, top_k=args.top_k,
                      threshold=args.threshold, use_cache=not args.no_cache, cache=args.cache, details=True,
                      progress=progress)
    counts = result.counts()
    _say(progress, "Photos per class: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items(), key=lambda cn: -cn[1])
                                                  if n))
    layers.write(out, args.output)


def summarize(args, client, progress=True) -> None:
    from .areas import summarize as run

    layer = args.layer if layers.columnar_readable(args.layer) else layers.read(args.layer)
    out, result = run(layer, args.areas, motif_field=args.motif_field, user_field=args.user_field,
                      date_field=args.date_field, confidence_field=args.confidence_field,
                      grid_shape=args.grid_shape, cell_size=args.cell_size, grid_crs=args.grid_crs,
                      measure=args.measure, min_users=args.min_users, client=client, details=True,
                      progress=progress)
    layers.write(out, args.output)
    _say(progress, f"{len(out)} areas written ({result.counts['suppressed']} suppressed), measure: {args.measure}: "
                   f"{args.output}")
