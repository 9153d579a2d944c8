"""One QGIS session as a user has it: a large motif run from the workflow dialog, then training a
classifier from class folders, in the same process. Prints figures (JSON): how each run ended,
GUI stalls (a 50 ms timer in the GUI thread; a gap over 0.5 s is a stall), seconds per run.

Run in a fresh process (the crash it guards against needs a session whose first onnxruntime,
onnx and matplotlib imports happen in QGIS's task threads, see core/threadstate.py)::

    python -m photo_motifs.bench.big_session [--photos 20000] [--workdir DIR] [--json OUT]

Photos are small synthetic JPEGs without GPS made from the shared labelled photos
(tests/synthetic_city.py); their embeddings are put in the cache beforehand (a stand-in for
an earlier embedding run), so the run times the import, clustering, sheets and the layer.
``tests/qgis/test_big_session.py`` runs it and checks how both runs ended.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time


def make_inputs(workdir: str, n: int, labeled: str) -> tuple:
    from ..models.registry import get_backbone
    from ..tests.synthetic_city import fill_cache, make_city

    labeled = os.path.dirname(labeled) if labeled.endswith("intel_scenes_dev") else labeled

    folder = os.path.join(workdir, "photos")
    cache = os.path.join(workdir, "project", "embeddings.sqlite")
    if not os.path.isdir(folder):
        make_city(folder, labeled, n, seed=11, gps=False, size=64)
    small = os.path.join(workdir, "new_photos")  # the photos the trained model then classifies
    if not os.path.isdir(small):
        make_city(small, labeled, 60, seed=12, gps=False, size=64)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    if not os.path.exists(cache):
        fill_cache(cache, folder, labeled, get_backbone("efficientnet_lite0").cache_key)
    return folder, cache


class StallMeter:
    """A timer in the GUI thread: the longest gap between its ticks, and every gap over 0.5 s."""

    def __init__(self):
        from qgis.PyQt.QtCore import QTimer

        self.last = time.monotonic()
        self.stalls: list = []
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(50)

    def tick(self):
        now = time.monotonic()
        gap = now - self.last - 0.05
        self.longest = max(self.longest, gap)
        if gap > 0.5:
            self.stalls.append(round(gap, 2))
        self.last = now


def run_dialog(dialog, seconds=3600):
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    t0 = time.monotonic()
    dialog.run()
    deadline = t0 + seconds
    while dialog.chain is None or dialog.chain.state is None:
        if time.monotonic() > deadline:
            return "timeout", time.monotonic() - t0
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()
    return dialog.chain.state, time.monotonic() - t0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20000)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--json", default=None)
    parser.add_argument("--labeled", default=os.path.join(
        os.environ.get("PHOTO_MOTIFS_SHARED_DATA", ""), "labeled"))
    args = parser.parse_args(argv)
    workdir = args.workdir or tempfile.mkdtemp(prefix="big_session_")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    from ..core import deps

    deps.add_venv_to_path()
    t0 = time.monotonic()
    folder, cache = make_inputs(workdir, args.photos, args.labeled)
    figures = {"photos": args.photos, "prepare_s": round(time.monotonic() - t0, 1)}
    figures.update(run_session(folder, cache, workdir, os.path.join(args.labeled, "intel_scenes_dev")))
    text = json.dumps(figures, indent=2)
    print(text, flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text)
    app.exitQgis()
    return 0


def run_session(folder, cache, workdir, training) -> dict:
    """The motif run, then training, in the workflow dialog; figures of both."""
    from qgis.core import QgsApplication, QgsSettings

    from ..plugin.workflow import WorkflowDialog
    from ..processing.provider import PhotoMotifsProvider

    provider = PhotoMotifsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    QgsSettings().remove("photo_motifs/workflow")
    meter = StallMeter()
    dialog = WorkflowDialog(None)
    dialog.project_folder.setFilePath(os.path.join(workdir, "project"))
    dialog.photos.source_folder.setChecked(True)
    dialog.photos.folder.setFilePath(folder)
    dialog.embeddings.cache.setFilePath(cache)
    dialog.task.task_motifs.setChecked(True)
    dialog.show()
    figures = {}
    state, seconds = run_dialog(dialog)
    results = dialog.chain.results.get("result", {})
    layer = dialog.result_layer
    figures["motifs"] = {"state": state, "seconds": round(seconds, 1), "k": results.get("K"),
                         "features": layer.featureCount() if layer is not None else 0,
                         "message": dialog.step_label.text()}
    figures["motifs_longest_gui_gap_s"] = round(meter.longest, 2)
    figures["motifs_stalls_over_half_second"] = list(meter.stalls)
    meter.stalls, meter.longest = [], 0.0
    dialog.photos.folder.setFilePath(os.path.join(workdir, "new_photos"))
    dialog.task.task_train.setChecked(True)
    dialog.task.training.setFilePath(training)
    state, seconds = run_dialog(dialog)
    results = dialog.chain.results.get("result", {})
    figures["train"] = {"state": state, "seconds": round(seconds, 1),
                        "classified": results.get("CLASSIFIED"),
                        "accuracy": dialog.chain.results.get("train", {}).get("ACCURACY"),
                        "message": dialog.step_label.text()}
    figures["train_longest_gui_gap_s"] = round(meter.longest, 2)
    figures["train_stalls_over_half_second"] = list(meter.stalls)
    meter.timer.stop()
    dialog.close()
    QgsApplication.processingRegistry().removeProvider(provider)
    return figures


if __name__ == "__main__":
    sys.exit(main())
