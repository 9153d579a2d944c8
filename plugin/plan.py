"""The run plan of the workflow dialog as data: ``plan(choices) -> Plan`` (steps, folders, result).

The dialog (:mod:`.workflow`) only collects the user's choices into a :class:`Choices` and shows
the run; which algorithms run, with which parameters and where their outputs go is decided here,
from the algorithms' own key constants and the ``core/options.py`` choice lists (an enum
parameter gets the index of the chosen option's *value*, never a combo position). Nothing is
created while planning: the plan names the folders the run needs (``Plan.folders``) and the
dialog makes them when the run starts.

``STEPS`` is the table of steps, one row per algorithm the dialog can run, in run order, like
Deepness's table of model types: a row says when it applies, its title and its parameters. A new
step is one new row; a new dialog page adds its fields to :class:`Choices` (and, if it runs
something, a row). Tested without widgets in ``tests/qgis/test_run_plan.py``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable

from ..core.options import (
    BACKBONE_OPTIONS,
    CLIP_FOLDER,
    CLIP_FOLDER_INT8,
    CUT_OPTIONS,
    TRAINING_METHOD_OPTIONS,
    index_of,
)
from ..processing.alg_classify import ClassifyAlgorithm
from ..processing.alg_cluster import ClusterAlgorithm
from ..processing.alg_import_photos import ImportPhotosAlgorithm
from ..processing.alg_import_table import ImportTableAlgorithm
from ..processing.alg_train import TrainAlgorithm
from ..processing.base import algorithm_id
from ..processing.photo_sources import BACKBONE, CACHE, CLIP_MODEL, INPUT, PATH_FIELD
from ..processing.translation import tr

# the dialog's choices of source and task (stored in QgsSettings by these names)
SOURCE_FOLDER, SOURCE_TABLE, SOURCE_LAYER = "folder", "table", "layer"
SOURCES = (SOURCE_FOLDER, SOURCE_TABLE, SOURCE_LAYER)
TASK_MOTIFS, TASK_CLASSIFY, TASK_TRAIN = "motifs", "classify", "train"
TASKS = (TASK_MOTIFS, TASK_CLASSIFY, TASK_TRAIN)
CACHE_NAME = "embeddings.sqlite"


class PlanError(ValueError):
    """A choice is missing or wrong: the sentence says which (shown instead of running)."""


@dataclass
class Choices:
    """Everything the user chose in the dialog; plain values, no widgets.

    ``backbone`` and ``method`` are option *values* of ``core.options.BACKBONE_OPTIONS`` and
    ``TRAINING_METHOD_OPTIONS``; ``k`` 0 means automatic.
    """

    project_folder: str = ""
    source: str = SOURCE_FOLDER
    folder: str = ""
    table: str = ""
    table_folder: str = ""
    layer_id: str = ""  # a photo layer of the project
    layer_name: str = ""
    path_field: str = "photo"
    backbone: str = BACKBONE_OPTIONS[0][1]
    clip_model: str = ""  # a converted CLIP folder, with backbone CLIP_FOLDER (empty: the latest)
    cache: str = ""
    task: str = TASK_MOTIFS
    k: int = 0
    model: str = ""
    labels: str = ""
    training: str = ""
    method: str = TRAINING_METHOD_OPTIONS[0][1]
    arrows: bool = False


@dataclass
class Step:
    """One algorithm run. ``parameters`` may be a function of the results so far (by key)."""

    key: str
    algorithm_id: str
    title: str
    parameters: dict | Callable = field(default_factory=dict)


@dataclass
class Result:
    """What the run leaves for the map: the layer to add, its field, sheets, report, names."""

    layer_path: str
    field: str  # "cluster" or "class"
    kind: str  # TASK_MOTIFS or a classification
    source_name: str  # the photos' folder, table or layer, for the layer's name
    run: int  # the run's number in the project folder (1, 2, ...)
    run_folder: str
    sheets: str = ""
    report: str = ""
    invalid: str = ""  # the table of photos that could not be imported (None for a layer)
    model_name: str = ""

    def layer_name(self, count=None) -> str:
        """'Motifs — tartu_flickr (6)', 'Classes — intel_scenes_dev — tartu_flickr'; runs after
        the first carry their number, so two runs never share a name."""
        if self.kind == TASK_MOTIFS:
            name = tr("Motifs — {}").format(self.source_name)
            if count is not None:
                name += f" ({count})"
        else:
            name = tr("Classes — {} — {}").format(self.model_name, self.source_name)
        if self.run > 1:
            name += " · " + tr("run {}").format(self.run)
        return name


@dataclass
class Plan:
    steps: list
    folders: list  # to create when the run starts, in order
    result: Result
    cache: str


# --- names ---------------------------------------------------------------------------------------

def safe_name(text: str) -> str:
    """A short file-name-safe form of a folder, table or layer name."""
    text = re.sub(r"[^\w.-]+", "_", text.strip(), flags=re.UNICODE).strip("._")
    return text[:40] or "photos"


def source_name(choices: Choices) -> str:
    if choices.source == SOURCE_FOLDER:
        return os.path.basename(os.path.normpath(choices.folder)) if choices.folder else ""
    if choices.source == SOURCE_TABLE:
        return os.path.splitext(os.path.basename(choices.table))[0] if choices.table else ""
    return choices.layer_name


def run_number(project_folder: str) -> int:
    """The first run number whose folder ``run_<n>…`` does not exist yet (only reads)."""
    used = set()
    if os.path.isdir(project_folder):
        for name in os.listdir(project_folder):
            m = re.match(r"run_(\d+)(?:_|$)", name)
            if m:
                used.add(int(m.group(1)))
    n = 1
    while n in used:
        n += 1
    return n


def option_index(options, value, what: str) -> int:
    """The enum index of ``value`` in a ``core.options`` list (what saved models and scripts store)."""
    try:
        return index_of(options, value)
    except ValueError:
        raise PlanError(tr("Unknown {}: {}.").format(what, value)) from None


# --- the rows of the table ----------------------------------------------------------------------

@dataclass
class Context:
    """What the rows share: the choices, the run folder and the paths planned so far."""

    choices: Choices
    run_folder: str
    cache: str
    paths: dict = field(default_factory=dict)

    def path(self, name: str) -> str:
        """A file or folder in this run's folder (the run folder is new, so nothing is overwritten)."""
        return self.paths.setdefault(name, os.path.join(self.run_folder, name))

    def photos_input(self) -> dict:
        """The photo layer later steps read: the imported one, or the project layer chosen."""
        if self.choices.source == SOURCE_LAYER:
            return {INPUT: self.choices.layer_id, PATH_FIELD: self.choices.path_field or "photo"}
        return {INPUT: self.path("photos.gpkg"), PATH_FIELD: "photo"}

    def backbone(self) -> dict:
        """BACKBONE as the option's index (and CLIP_MODEL for a converted CLIP folder)."""
        params = {BACKBONE: option_index(BACKBONE_OPTIONS, self.choices.backbone, tr("image model"))}
        if self.choices.backbone in (CLIP_FOLDER, CLIP_FOLDER_INT8) and self.choices.clip_model:
            params[CLIP_MODEL] = self.choices.clip_model
        return params


def _import_folder(ctx: Context) -> dict:
    folder = ctx.choices.folder
    if not folder or not os.path.isdir(folder):
        raise PlanError(tr("Choose the folder that holds the photos."))
    A = ImportPhotosAlgorithm
    return {A.FOLDER: folder, A.RECURSIVE: True, A.KEEP_UNLOCATED: True,
            A.OUTPUT: ctx.path("photos.gpkg"), A.INVALID: ctx.path("photos_invalid.csv")}


def _import_table(ctx: Context) -> dict:
    c = ctx.choices
    if not c.table or not os.path.isfile(c.table) or not os.path.isdir(c.table_folder):
        raise PlanError(tr("Choose the metadata table and the folder of the downloaded photos."))
    A = ImportTableAlgorithm
    return {A.TABLE: c.table, A.FOLDER: c.table_folder, A.OUTPUT: ctx.path("photos.gpkg"),
            A.INVALID: ctx.path("photos_invalid.csv")}


def _train(ctx: Context) -> dict:
    training = ctx.choices.training
    if not training or not os.path.isdir(training):
        raise PlanError(tr("Choose the folder with one subfolder of example photos per class."))
    A = TrainAlgorithm
    return {A.TRAINING_FOLDER: training, **ctx.backbone(), CACHE: ctx.cache,
            A.METHOD: option_index(TRAINING_METHOD_OPTIONS, ctx.choices.method, tr("training method")),
            A.OUTPUT_FOLDER: ctx.path("model")}


def _cluster(ctx: Context) -> dict:
    A = ClusterAlgorithm
    params = dict(ctx.photos_input(), **ctx.backbone(), **{
        CACHE: ctx.cache, A.OUTPUT: ctx.path("motifs.gpkg"),
        A.SHEETS: ctx.path("motifs_sheets"), A.REPORT: ctx.path("motifs.json")})
    if ctx.choices.k > 1:
        params[A.CUT] = option_index(CUT_OPTIONS, "k", "cut")
        params[A.K] = int(ctx.choices.k)
    return params


def model_file(ctx: Context) -> str:
    """The classifier the classify step applies: the one trained in this run, or the user's."""
    if ctx.choices.task == TASK_TRAIN:
        return os.path.join(ctx.path("model"), "signature.json")
    model = ctx.choices.model
    if not model or not os.path.isfile(model):
        raise PlanError(tr("Choose the model: the signature.json of a model folder, or an .onnx file."))
    return model


def _classify(ctx: Context) -> dict:
    A = ClassifyAlgorithm
    params = dict(ctx.photos_input(), **{A.MODEL: model_file(ctx), CACHE: ctx.cache,
                                         A.OUTPUT: ctx.path("classes.gpkg")})
    if ctx.choices.task == TASK_CLASSIFY and ctx.choices.labels:
        params[A.LABELS] = ctx.choices.labels
    return params


@dataclass(frozen=True)
class StepRow:
    """A row of the step table: which algorithm, when, under which title, with which parameters."""

    key: str  # the name later steps and the dialog find its results under
    algorithm: type  # the algorithm class (its NAME gives the id)
    applies: Callable  # (Choices) -> bool
    title: Callable  # () -> translated title (a function: the language is known at run time)
    parameters: Callable  # (Context) -> dict; raises PlanError with a sentence

    @property
    def algorithm_id(self) -> str:
        return algorithm_id(self.algorithm)


STEPS = (
    StepRow("photos", ImportPhotosAlgorithm, lambda c: c.source == SOURCE_FOLDER,
            lambda: tr("Reading the photos' locations"), _import_folder),
    StepRow("photos", ImportTableAlgorithm, lambda c: c.source == SOURCE_TABLE,
            lambda: tr("Joining the table to the photos"), _import_table),
    StepRow("train", TrainAlgorithm, lambda c: c.task == TASK_TRAIN,
            lambda: tr("Training the classifier"), _train),
    StepRow("result", ClusterAlgorithm, lambda c: c.task == TASK_MOTIFS,
            lambda: tr("Discovering motifs"), _cluster),
    StepRow("result", ClassifyAlgorithm, lambda c: c.task in (TASK_CLASSIFY, TASK_TRAIN),
            lambda: tr("Classifying the photos"), _classify),
)


# --- the plan -----------------------------------------------------------------------------------

def check_choices(choices: Choices) -> None:
    if not choices.project_folder.strip():
        raise PlanError(tr("Choose a project folder: every result of the run is saved there."))
    if choices.source not in SOURCES or choices.task not in TASKS:
        raise PlanError(tr("Choose where the photos come from and what to do with them."))
    if choices.source == SOURCE_LAYER and not choices.layer_id:
        raise PlanError(tr("Choose a photo layer of the project."))


def result_of(ctx: Context, run: int) -> Result:
    c = ctx.choices
    name = source_name(c) or tr("photos")
    invalid = ctx.paths.get("photos_invalid.csv", "")
    if c.task == TASK_MOTIFS:
        return Result(ctx.path("motifs.gpkg"), "cluster", TASK_MOTIFS, name, run, ctx.run_folder,
                      sheets=ctx.path("motifs_sheets"), invalid=invalid)
    if c.task == TASK_TRAIN:
        model_dir = ctx.path("model")
        return Result(ctx.path("classes.gpkg"), "class", c.task, name, run, ctx.run_folder,
                      report=os.path.join(model_dir, "report.md"), invalid=invalid,
                      model_name=os.path.basename(os.path.normpath(c.training)))
    folder = os.path.dirname(c.model)
    report = os.path.join(folder, "report.md")
    return Result(ctx.path("classes.gpkg"), "class", c.task, name, run, ctx.run_folder,
                  report=report if os.path.isfile(report) else "", invalid=invalid,
                  model_name=os.path.basename(folder) or os.path.basename(c.model))


def plan(choices: Choices) -> Plan:
    """The steps of a run for ``choices``; raises :class:`PlanError` with a sentence when a
    choice is missing. Reads the file system only (existence checks), writes nothing."""
    check_choices(choices)
    out = os.path.abspath(choices.project_folder.strip())
    run = run_number(out)
    run_folder = os.path.join(out, f"run_{run}_{safe_name(source_name(choices) or 'photos')}")
    cache = choices.cache or os.path.join(out, CACHE_NAME)
    ctx = Context(choices, run_folder, cache)
    steps = [Step(row.key, row.algorithm_id, row.title(), row.parameters(ctx))
             for row in STEPS if row.applies(choices)]
    return Plan(steps, [out, run_folder], result_of(ctx, run), cache)
