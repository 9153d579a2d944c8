"""Run messages of core/ and models/ as codes with values: the one source of every such sentence.

core/ speaks to the user through :class:`~.feedback.CoreFeedback` (``info``/``warning``) and
through notes kept on its results. Each such message is a :class:`Message`: a code from
:data:`TEMPLATES` and the values to put into it. ``str(message)`` is the English sentence (the
command line, the Python API, logs); ``processing/messages.py`` gives the same code's sentence in
the user's language (Qt Linguist), and a unit test checks that both sides know the same codes
with the same number of values. Per-photo problems follow the same rule with their reason codes
(``processing/translation.py``).

A value is inserted as given: numbers, names and paths; a nested :class:`Message` (a list of
parts, for example) is rendered in the same language as its parent.
"""
from __future__ import annotations

from .options import QT_TRANSLATE_NOOP

# code -> English template with positional {} placeholders (the order of the values). Marked with
# QT_TRANSLATE_NOOP (it returns the text unchanged) so pylupdate5 extracts each template from this
# file: the English here is the translators' source too (scripts/update_translations.py).
TEMPLATES = {
    # core.photometa / core.table_import (import)
    "import_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} files: {} photos with a location, {} kept without a "
                                                       "location, {} invalid."),
    "table_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} table rows, {} files: {} photos imported, {} rows or files "
                                                      "listed as invalid."),
    # core.embed
    "cache_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} distinct photos found in the embedding cache; "
                                                      "computing {}."),
    "cache_summary_dask": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} distinct photos found in the embedding cache; "
                                                           "computing {} on {} Dask workers in {} partitions."),
    # a long step's progress (core.feedback.Ticker): "<step>: <done> of <total>", the step one of the tick_ codes
    "step_progress": QT_TRANSLATE_NOOP("PhotoMotifs", "{}: {} of {}"),
    "tick_files_read": QT_TRANSLATE_NOOP("PhotoMotifs", "Files read"),
    "tick_rows_joined": QT_TRANSLATE_NOOP("PhotoMotifs", "Table rows joined to their photos"),
    "tick_lookup": QT_TRANSLATE_NOOP("PhotoMotifs", "Photos looked up in the cache"),
    "tick_hashed": QT_TRANSLATE_NOOP("PhotoMotifs", "Photos identified by their content"),
    "tick_embedded": QT_TRANSLATE_NOOP("PhotoMotifs", "Photos embedded"),
    "tick_written": QT_TRANSLATE_NOOP("PhotoMotifs", "Photos written to the layer"),
    "tick_covariance": QT_TRANSLATE_NOOP("PhotoMotifs", "Principal components (embeddings read, then added up)"),
    "tick_reduce": QT_TRANSLATE_NOOP("PhotoMotifs", "Normalising and reducing the embeddings"),
    "tick_micro_batches": QT_TRANSLATE_NOOP("PhotoMotifs", "Micro-clusters: batches done"),
    "tick_micro_assign": QT_TRANSLATE_NOOP("PhotoMotifs", "Micro-clusters: photos assigned"),
    "tick_merge": QT_TRANSLATE_NOOP("PhotoMotifs", "Merging the micro-clusters"),
    "tick_medoids": QT_TRANSLATE_NOOP("PhotoMotifs", "Typical photos and ranks: motifs done"),
    "tick_kmeans": QT_TRANSLATE_NOOP("PhotoMotifs", "k-means: numbers of motifs tried"),
    "tick_hdbscan": QT_TRANSLATE_NOOP("PhotoMotifs", "HDBSCAN: photos given the motif of their nearest sampled photo"),
    # core.cluster, core.sheets (motif discovery: its steps, logged at least every few seconds)
    "cluster_pca": QT_TRANSLATE_NOOP("PhotoMotifs", "Reducing {} embeddings of {} values to {} principal "
                                                    "components."),
    "cluster_distances": QT_TRANSLATE_NOOP("PhotoMotifs", "Measuring the distances between all {} photos."),
    "cluster_tree": QT_TRANSLATE_NOOP("PhotoMotifs", "Linking the {} photos into a tree ({} linkage)."),
    "cluster_tree_waiting": QT_TRANSLATE_NOOP("PhotoMotifs", "Still linking the {} photos into a tree ({} s)."),
    "cluster_micro": QT_TRANSLATE_NOOP("PhotoMotifs", "Grouping {} photos into {} micro-clusters ({} passes of "
                                                      "mini-batch k-means)."),
    "cluster_micro_tree": QT_TRANSLATE_NOOP("PhotoMotifs", "Linking the {} micro-clusters into a tree ({} linkage, "
                                                           "weighted by their photos)."),
    "cluster_kmeans": QT_TRANSLATE_NOOP("PhotoMotifs", "k-means for every number of motifs from {} to {}."),
    "cluster_hdbscan": QT_TRANSLATE_NOOP("PhotoMotifs", "HDBSCAN on {} photos (minimum motif size {})."),
    "cluster_medoids": QT_TRANSLATE_NOOP("PhotoMotifs", "Finding the most typical photo of each of the {} motifs "
                                                        "and ranking their photos."),
    # core.cluster: the notes of a clustering (its report and the log's Details)
    "cluster_pca_skipped": QT_TRANSLATE_NOOP("PhotoMotifs", "PCA to {} dimensions skipped: the data has only {} "
                                                            "(photos or features)."),
    "cluster_pca_kept": QT_TRANSLATE_NOOP("PhotoMotifs", "PCA from {} to {} dimensions keeps {} of the variance."),
    "cluster_pca_kept_sampled": QT_TRANSLATE_NOOP("PhotoMotifs", "PCA from {} to {} dimensions keeps {} of the "
                                                                 "variance (fitted on {} random photos)."),
    "cluster_medoid_sampled": QT_TRANSLATE_NOOP("PhotoMotifs", "{} clusters have more than {} photos: their medoid "
                                                               "was chosen among the {} photos nearest the cluster "
                                                               "mean, scored on {} random members."),
    "cluster_micro_note": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos are more than the {} clustered exactly: "
                                                           "grouped them into {} k-means micro-clusters, clustered "
                                                           "those hierarchically ({} linkage, micro-clusters "
                                                           "weighted by their photo counts) and gave every photo "
                                                           "its micro-cluster's cluster. No photo-by-photo distance "
                                                           "matrix was built; the linkage matrix is over the "
                                                           "micro-clusters."),
    "cluster_kmeans_sample": QT_TRANSLATE_NOOP("PhotoMotifs", "Automatic k for k-means was chosen on {} random "
                                                              "photos, then k-means ran on all {}."),
    "cluster_hdbscan_cosine": QT_TRANSLATE_NOOP("PhotoMotifs", "HDBSCAN with cosine distance ran with Euclidean "
                                                               "distance on L2-normalised vectors (same neighbour "
                                                               "order)."),
    "cluster_hdbscan_sample": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos are more than the {} clustered exactly: "
                                                               "ran HDBSCAN on {} random photos and gave every other "
                                                               "photo the cluster (or noise) of its nearest sampled "
                                                               "photo."),
    "cluster_k_range": QT_TRANSLATE_NOOP("PhotoMotifs", "Automatic k searched {}-{} only: there are {} photos (at "
                                                        "least {} photos per cluster on average)."),
    "sheet_written": QT_TRANSLATE_NOOP("PhotoMotifs", "Contact sheet {} of {}: {} ({} photos)."),
    # core.train, models.classifier_export
    "training_set": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos in {} classes; computing embeddings with {}."),
    "fitting_head": QT_TRANSLATE_NOOP("PhotoMotifs", "Fitting the {} head on {} photos, validating on {}."),
    "cross_validation": QT_TRANSLATE_NOOP("PhotoMotifs", "{}-fold cross-validation."),
    "refitting_head": QT_TRANSLATE_NOOP("PhotoMotifs", "Refitting the {} head on all {} photos."),
    "split_class_too_small": QT_TRANSLATE_NOOP("PhotoMotifs", "These classes are too small to keep a validation "
                                                              "photo, so their recall is not measured: {}."),
    # models.registry, models.finetune
    "converting": QT_TRANSLATE_NOOP("PhotoMotifs", "Converting {} to ONNX (once; cached in {})."),
    "converted": QT_TRANSLATE_NOOP("PhotoMotifs", "Converted {} in {} s."),
    "quantising": QT_TRANSLATE_NOOP("PhotoMotifs", "Quantising {} to int8 (once; cached in {})."),
    "quantised": QT_TRANSLATE_NOOP("PhotoMotifs", "Quantised {} in {} s."),
    "finetune_decoding": QT_TRANSLATE_NOOP("PhotoMotifs", "Decoding {} photos for fine-tuning."),
    "finetune_start": QT_TRANSLATE_NOOP("PhotoMotifs", "Fine-tuning the last {} stage(s) of {} on {} photos for at "
                                                       "most {} s."),
    "finetune_epoch": QT_TRANSLATE_NOOP("PhotoMotifs", "Epoch {}: loss {}, accuracy on augmented training photos {} "
                                                       "({} s of {} s)."),
    "finetune_done": QT_TRANSLATE_NOOP("PhotoMotifs", "Fine-tuned {} steps ({} epochs) in {} s; last epoch loss {}, "
                                                      "accuracy on augmented training photos {}."),
    "finetune_note": QT_TRANSLATE_NOOP("PhotoMotifs", "Fine-tuned the last {} stage(s) of the backbone for {} s ({} "
                                                      "steps, {} epochs) on the {} training photos only; the "
                                                      "validation photos were not used, the final head was refitted "
                                                      "on all photos."),
    "finetune_failed_after": QT_TRANSLATE_NOOP("PhotoMotifs", "Some photos failed only after fine-tuning; the "
                                                              "validation split may include photos the fine-tuning "
                                                              "saw."),
    "finetune_cv_optimistic": QT_TRANSLATE_NOOP("PhotoMotifs", "The cross-validation figures reuse the fine-tuned "
                                                               "backbone, which saw the training photos of every "
                                                               "fold: they are optimistic."),
    # models.clip_weights, models.clip (photomotifs:addclip)
    "clip_reading_openai": QT_TRANSLATE_NOOP("PhotoMotifs", "Reading OpenAI's TorchScript weights {} (their code "
                                                            "is not run)."),
    "clip_reading_openclip": QT_TRANSLATE_NOOP("PhotoMotifs", "Reading the OpenCLIP weights {}."),
    "clip_arch_ignored": QT_TRANSLATE_NOOP("PhotoMotifs", "The architecture name {} was not used: config.json sets "
                                                          "the activation ({})."),
    "clip_arch_config": QT_TRANSLATE_NOOP("PhotoMotifs", "Activation ({}) and attention heads from "
                                                         "open_clip_config.json."),
    "clip_dims_from_weights": QT_TRANSLATE_NOOP("PhotoMotifs", "Dimensions read from the weights: image width {}, "
                                                               "text width {}, {} + {} attention heads."),
    "clip_export_image": QT_TRANSLATE_NOOP("PhotoMotifs", "Exporting the image tower ({} px) to ONNX."),
    "clip_export_text": QT_TRANSLATE_NOOP("PhotoMotifs", "Exporting the text tower to ONNX."),
    "clip_int8": QT_TRANSLATE_NOOP("PhotoMotifs", "Writing the int8 image tower."),
    # core.flickr (photomotifs:harvestflickr): the harvest's progress
    "flickr_budget": QT_TRANSLATE_NOOP("PhotoMotifs", "Hourly budget of {} API calls used: waiting {} before the "
                                                      "next call."),
    "flickr_retry": QT_TRANSLATE_NOOP("PhotoMotifs", "{}: retrying in {} (attempt {} of {}; cancel to stop)."),
    "flickr_download_of": QT_TRANSLATE_NOOP("PhotoMotifs", "Download of {}: {}"),
    "flickr_total": QT_TRANSLATE_NOOP("PhotoMotifs", "Flickr reports {} photos for the query."),
    "flickr_slice_span": QT_TRANSLATE_NOOP("PhotoMotifs", "{} to {}"),
    "flickr_slice_span_area": QT_TRANSLATE_NOOP("PhotoMotifs", "{} to {} in {}"),
    "flickr_slice_split": QT_TRANSLATE_NOOP("PhotoMotifs", "Slice {}: {} photos, over the cap of {}: split by {}."),
    "flickr_slice_capped": QT_TRANSLATE_NOOP("PhotoMotifs", "Slice {} has {} photos in one second and a tiny area: "
                                                            "only the first {} can be read."),
    "flickr_slice_done": QT_TRANSLATE_NOOP("PhotoMotifs", "Slice {}: {} photos in {} page(s); {} distinct photos so "
                                                          "far ({} API calls)."),
    "flickr_refused_entries": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photo entries of Flickr's answers were left out "
                                                               "because {} (ids must be numbers and secrets letters "
                                                               "and digits)."),
    "flickr_download_progress": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} photos: {} downloaded, {} already there, "
                                                                 "{} failed."),
    "flickr_found": QT_TRANSLATE_NOOP("PhotoMotifs", "{} distinct photos found in {} slices with {} API calls."),
    "flickr_files": QT_TRANSLATE_NOOP("PhotoMotifs", "Files: {} downloaded ({} MB), {} already complete, {} not "
                                                     "downloaded."),
    "flickr_refused_urls": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photo URLs (or their redirects) pointed outside "
                                                            "Flickr's photo servers or to plain http and were "
                                                            "refused; see {}."),
    # core.bursts (photomotifs:bursts)
    "bursts_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} photos are in {} bursts of two or more photos "
                                                       "(largest: {} photos); every other photo is a burst of its "
                                                       "own."),
    "bursts_one_user": QT_TRANSLATE_NOOP("PhotoMotifs", "No user field: all photos count as one photographer's."),
    "bursts_no_user": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no user: each is a burst of its own."),
    "bursts_no_time": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no time of day: each is a burst of its own."),
    "bursts_no_embedding": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos could not be read: each is a burst of its "
                                                            "own."),
    # core.motiftime (photomotifs:motiftime)
    "motiftime_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} photos have a motif and a month; {} motifs."),
    "motiftime_hours": QT_TRANSLATE_NOOP("PhotoMotifs", "Hours are local times: {} photos carry their UTC offset, "
                                                        "{} have none and are taken as local time as written."),
    "motiftime_utc": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have UTC times (marked Z) without their local "
                                                      "offset: their hours are UTC, not local."),
    "motiftime_no_month": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos with a motif have no readable month and were "
                                                           "left out."),
    "motiftime_no_hour": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have a date but no time of day: they count in "
                                                          "their month and season, not in the hours."),
    "motiftime_no_motif": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no motif and were left out."),
    "motiftime_no_user": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no user: each counts as a user of its "
                                                          "own."),
    "motiftime_suppressed": QT_TRANSLATE_NOOP("PhotoMotifs", "{} rows have fewer than {} distinct users: their "
                                                             "counts and shares are empty (suppressed)."),
    # the fields a step reads (api.summarize; processing's choose_field says the same with tr())
    "field_chosen": QT_TRANSLATE_NOOP("PhotoMotifs", "{} field: {}"),
    "field_detected": QT_TRANSLATE_NOOP("PhotoMotifs", "{} field: {} (detected)"),
    "field_motif": QT_TRANSLATE_NOOP("PhotoMotifs", "Motif"),
    "field_user": QT_TRANSLATE_NOOP("PhotoMotifs", "User"),
    "field_date": QT_TRANSLATE_NOOP("PhotoMotifs", "Date"),
    "field_confidence": QT_TRANSLATE_NOOP("PhotoMotifs", "Confidence"),
    # photomotifs:summarize and api.summarize: before the run
    "summary_no_user_field": QT_TRANSLATE_NOOP("PhotoMotifs", "No user field (such as owner): every photo counts as "
                                                              "a user of its own."),
    "summary_no_date_field": QT_TRANSLATE_NOOP("PhotoMotifs", "No date field: a user's photos count as one "
                                                              "photo-user-day per area."),
    "summary_crs": QT_TRANSLATE_NOOP("PhotoMotifs", "Areas and output CRS: {} ({})"),
    "summary_grid_units": QT_TRANSLATE_NOOP("PhotoMotifs", "The grid CRS counts in {}: cells of {} of them."),
    "summary_dask": QT_TRANSLATE_NOOP("PhotoMotifs", "Summarising on {} Dask workers, {} partitions."),
    "summary_dask_overlap": QT_TRANSLATE_NOOP("PhotoMotifs", "The areas overlap: the photos are summarised on this "
                                              "machine, where a photo counts in every area that holds it (on Dask "
                                              "partitions each photo meets one area)."),
    # core.summarize (photomotifs:summarize, api.summarize): a warning and the notes of a summary
    "summary_small_cells": QT_TRANSLATE_NOOP("PhotoMotifs", "Grid cells of {} m are smaller than {} m (allowed on "
                                                            "request): cells that small can locate single "
                                                            "photographers. Do not publish this grid."),
    "summary_repaired": QT_TRANSLATE_NOOP("PhotoMotifs", "{} areas had invalid outlines (self-crossing or touching "
                                                         "rings, such as a bow-tie) and were repaired with make_valid "
                                                         "before counting; their geometry in the output is "
                                                         "unchanged."),
    "summary_overlap": QT_TRANSLATE_NOOP("PhotoMotifs", "The areas overlap ({} pairs share ground, e.g. areas {} and "
                                                        "{}): each area counts every photo inside it, so {} photos "
                                                        "count in more than one area and the areas' totals add up "
                                                        "to more than the photos."),
    "summary_no_user": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no user: each counts as a user of its own "
                                                        "(so the minimum-users rule is weaker where they are)."),
    "summary_no_date": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no readable date (missing, or impossible "
                                                        "such as 2020-02-30): a user's undated photos count as one "
                                                        "photo-user-day per area."),
    "summary_no_motif": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no motif: they count as photos, users and "
                                                         "photo-user-days but in no motif."),
    "summary_no_location": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos have no location and were left out."),
    "summary_outside": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos lie outside every area and were left out."),
    "summary_suppressed_cells": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} grid cells with photos have fewer than {} "
                                                                 "distinct users: they were left out of the grid "
                                                                 "(not drawn), so no cell points at where a few "
                                                                 "people took photos."),
    "summary_suppressed_areas": QT_TRANSLATE_NOOP("PhotoMotifs", "{} of {} areas with photos have fewer than {} "
                                                                 "distinct users: their counts and shares are NULL "
                                                                 "(suppressed), their geometry is kept."),
    # core.report: the training summary (Processing log, command line, report.md)
    "train_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "Trained a {} classifier on {} photos in {} classes ({})."),
    "train_validation": QT_TRANSLATE_NOOP("PhotoMotifs", "Validation ({} photos not used for fitting): accuracy {}, "
                                                         "balanced accuracy {}, {} misclassified."),
    "train_weakest": QT_TRANSLATE_NOOP("PhotoMotifs", "Weakest class: {} (recall {})."),
    "train_cv": QT_TRANSLATE_NOOP("PhotoMotifs", "{}-fold cross-validation: accuracy {} ± {}."),
    "train_cv_by_user": QT_TRANSLATE_NOOP("PhotoMotifs", "{}-fold cross-validation by user: accuracy {} ± {}."),
    "train_cv_by_burst": QT_TRANSLATE_NOOP("PhotoMotifs", "{}-fold cross-validation by burst: accuracy {} ± {}."),
    "train_cv_by_group": QT_TRANSLATE_NOOP("PhotoMotifs", "{}-fold cross-validation by group: accuracy {} ± {}."),
    "train_refitted": QT_TRANSLATE_NOOP("PhotoMotifs", "The exported model was refitted on all {} photos."),
    "split_field": QT_TRANSLATE_NOOP("PhotoMotifs", ", field {}"),
    "split_headline_user": QT_TRANSLATE_NOOP("PhotoMotifs", "Accuracy by user (the {} validation photos come from {} "
                                                            "users whose photos were not used for fitting{}): {}, "
                                                            "balanced accuracy {}, {} misclassified."),
    "split_headline_burst": QT_TRANSLATE_NOOP("PhotoMotifs", "Accuracy by burst (the {} validation photos come from {} "
                                                             "bursts whose photos were not used for fitting{}): {}, "
                                                             "balanced accuracy {}, {} misclassified."),
    "split_headline_group": QT_TRANSLATE_NOOP("PhotoMotifs", "Accuracy by group (the {} validation photos come from {} "
                                                             "groups whose photos were not used for fitting{}): {}, "
                                                             "balanced accuracy {}, {} misclassified."),
    "train_random_split": QT_TRANSLATE_NOOP("PhotoMotifs", "Random split, as Lobe's 80/20 split draws it: accuracy "
                                                           "{}."),
    "split_random_higher_user": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points higher because the "
                                                                 "same users' photos, near-duplicates among them, sit "
                                                                 "on both sides of it; expect the by-user figure on new"
                                                                 " users' photos."),
    "split_random_lower_user": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points lower, by the chance"
                                                                " of which photos it held out; the by-user figure is "
                                                                "the one to expect on new users' photos."),
    "split_random_same_user": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores about the same ({} points): in "
                                                               "this collection the users' own photos do not inflate "
                                                               "it."),
    "split_random_higher_burst": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points higher because the"
                                                                  " same bursts' photos, near-duplicates among them, "
                                                                  "sit on both sides of it; expect the by-burst figure "
                                                                  "on new bursts' photos."),
    "split_random_lower_burst": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points lower, by the "
                                                                 "chance of which photos it held out; the by-burst "
                                                                 "figure is the one to expect on new bursts' photos."),
    "split_random_same_burst": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores about the same ({} points): in"
                                                                " this collection the bursts' own photos do not inflate"
                                                                " it."),
    "split_random_higher_group": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points higher because the"
                                                                  " same groups' photos, near-duplicates among them, "
                                                                  "sit on both sides of it; expect the by-group figure "
                                                                  "on new groups' photos."),
    "split_random_lower_group": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores {} points lower, by the "
                                                                 "chance of which photos it held out; the by-group "
                                                                 "figure is the one to expect on new groups' photos."),
    "split_random_same_group": QT_TRANSLATE_NOOP("PhotoMotifs", "The random split scores about the same ({} points): in"
                                                                " this collection the groups' own photos do not inflate"
                                                                " it."),
    # core.train: the hold-out split by group (user, burst)
    "split_one_group": QT_TRANSLATE_NOOP("PhotoMotifs", "All photos belong to one group, so the split is random."),
    "split_too_few_groups": QT_TRANSLATE_NOOP("PhotoMotifs", "The groups are too few to keep any of them for "
                                                             "validation without losing a class from training, "
                                                             "so the split is random."),
    "split_class_not_validated": QT_TRANSLATE_NOOP("PhotoMotifs", "No photo of these classes is among the groups "
                                                                  "held out for validation, so their recall is not "
                                                                  "measured: {}."),
    "split_moved_classes": QT_TRANSLATE_NOOP("PhotoMotifs", "All photos of these classes belong to groups that fell "
                                                            "into validation, so they were kept for training and "
                                                            "their recall is not measured: {}."),
    # core.exportgroups: the summary is a list of parts joined by ", "
    "export_summary": QT_TRANSLATE_NOOP("PhotoMotifs", "{} into {} folders under {}."),
    "export_copied": QT_TRANSLATE_NOOP("PhotoMotifs", "{} copied"),
    "export_hardlinked": QT_TRANSLATE_NOOP("PhotoMotifs", "{} hard-linked"),
    "export_symlinked": QT_TRANSLATE_NOOP("PhotoMotifs", "{} symbolic links"),
    "export_stripped": QT_TRANSLATE_NOOP("PhotoMotifs", "{} re-encoded without metadata"),
    "export_identical": QT_TRANSLATE_NOOP("PhotoMotifs", "{} already there (identical)"),
    "export_renamed": QT_TRANSLATE_NOOP("PhotoMotifs", "{} renamed to avoid a name clash"),
    "export_failed": QT_TRANSLATE_NOOP("PhotoMotifs", "{} not exported"),
    "export_symlinks_instead": QT_TRANSLATE_NOOP("PhotoMotifs", "Hard links were not possible here (another drive "
                                                                "or file system): made symbolic links instead."),
    "export_copied_not_linked": QT_TRANSLATE_NOOP("PhotoMotifs", "{} photos could not be linked at all and were "
                                                                 "copied."),
    "export_hardlink_shared": QT_TRANSLATE_NOOP("PhotoMotifs", "Hard-linked photos share their bytes with the "
                                                               "originals: editing one edits the other."),
    "export_sharing": QT_TRANSLATE_NOOP("PhotoMotifs", "For sharing, the tables leave out the {} columns that "
                                                       "could locate, date or identify a photo, its camera or its "
                                                       "owner: {}."),
}


class Message(str):
    """A sentence for the user as a code and its values. It *is* its English sentence (a ``str``:
    logs, the command line and tests read it as text); :meth:`render` gives it with other
    templates (a translation), which ``processing/messages.py`` does for QGIS's language."""

    __slots__ = ("code", "values")

    def __new__(cls, code: str, values=()):
        if code not in TEMPLATES:
            raise KeyError(f"Unknown message code '{code}'.")
        values = tuple(values)
        self = super().__new__(cls, _render(code, values, TEMPLATES.__getitem__))
        self.code = code
        self.values = values
        return self

    def render(self, template_of=TEMPLATES.__getitem__) -> str:
        """The sentence, with ``template_of(code)`` giving each code's template (a translation);
        nested messages are rendered the same way."""
        return _render(self.code, self.values, template_of)

    def __reduce__(self):  # pickled by code and values (Dask workers, multiprocessing)
        return (Message, (self.code, self.values))


def _render(code: str, values: tuple, template_of) -> str:
    return template_of(code).format(*[render_value(v, template_of) for v in values])


def render_value(value, template_of=TEMPLATES.__getitem__) -> str:
    """A value of a message: a nested message, or a list of messages joined by ", "."""
    if isinstance(value, Message):
        return value.render(template_of)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        return ", ".join(v.render(template_of) for v in value)
    return str(value)


def msg(code: str, *values) -> Message:
    """``Message(code, values)``: ``feedback.info(msg("cross_validation", 5))``."""
    return Message(code, tuple(values))


def placeholders(template: str) -> int:
    """How many ``{}`` a template has (checked against its translation by the unit tests)."""
    return template.count("{}")
