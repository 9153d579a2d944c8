"""One QGIS session as a user has it: a large motif run from the workflow dialog, then training a
classifier from class folders, in the same process. Prints figures (JSON): how each run ended,
GUI stalls (a 50 ms timer in the GUI thread; a gap over 0.5 s is a stall), seconds per run and
per step, the longest silences of the run log and of the progress bar (and in which step), and
the process's peak memory (ru_maxrss).

Run in a fresh process (the crash it guards against needs a session whose first onnxruntime,
onnx and matplotlib imports happen in QGIS's task threads, see core/threadstate.py)::

    python -m photo_motifs.bench.big_session [--photos 20000] [--workdir DIR] [--json OUT]
                                             [--embed] [--log LOG]

Photos are small synthetic JPEGs without GPS made from the shared labelled photos
(tests/synthetic_city.py); their embeddings are put in the cache beforehand (a stand-in for
an earlier embedding run), so the run times the import, clustering, sheets and the layer.
``--embed`` starts from an empty cache instead: the motif run embeds every photo with
EfficientNet-Lite0 first (a first run as a new user has it). ``--log`` writes the run log with
the second each line arrived at; ``--trace-stalls`` every thread's Python stack whenever the
GUI thread has not run for 0.4 s (faulthandler's watchdog: it needs no GIL, so it shows which
call holds it). A workdir is reused: its photos and filled cache are kept.
``tests/qgis/test_big_session.py`` runs it and checks how both runs ended.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time


def make_inputs(workdir: str, n: int, labeled: str, embed: bool = False) -> tuple:
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
    if embed:  # an empty cache of its own: the run embeds every photo
        cache = os.path.join(workdir, "project", "embeddings_fresh.sqlite")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(cache + suffix):
                os.remove(cache + suffix)
    elif not os.path.exists(cache):
        fill_cache(cache, folder, labeled, get_backbone("efficientnet_lite0").cache_key)
    return folder, cache


class StallMeter:
    """A timer in the GUI thread: the longest gap between its ticks, and every gap over 0.5 s."""

    def __init__(self, trace=None):
        from qgis.PyQt.QtCore import QTimer

        self.trace = trace  # an open file: every thread's Python stack whenever the GUI stops for 0.4 s
        self.last = time.monotonic()
        self.stalls: list = []
        self.longest = 0.0
        self.where = None  # a callable naming what ran (step, last log line) for each stall
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(50)

    def tick(self):
        now = time.monotonic()
        gap = now - self.last - 0.05
        self.longest = max(self.longest, gap)
        if gap > 0.5:
            self.stalls.append([round(gap, 2), *(self.where() if self.where else [])])
            if self.trace is not None:
                self.trace.write(f"--- the stall above lasted {gap:.2f} s ---\n")
                self.trace.flush()
        self.last = now
        if self.trace is not None:  # re-armed at every tick: fires only when the GUI thread is held
            import faulthandler

            faulthandler.dump_traceback_later(0.4, file=self.trace)

    def stop(self):
        self.timer.stop()
        if self.trace is not None:
            import faulthandler

            faulthandler.cancel_dump_traceback_later()


class ChainMeter:
    """What the user sees move: when each log line and progress change arrived, per step."""

    def __init__(self, chain, log=None):
        self.t0 = self.last_log = self.last_progress = time.monotonic()
        self.log = log if log is not None else []
        self.step, self.step_started = chain.current_title, self.t0
        self.last_text = ""
        self.steps: list = []
        self.log_gap = self.progress_gap = (0.0, "")
        self.lines = 0
        chain.step_started.connect(self.started)
        chain.log.connect(self.logged)
        chain.progress.connect(self.moved)
        chain.finished.connect(lambda *_: self.started(-1, 0, "after the run: the result shown"))

    def started(self, _index, _total, title):
        now = time.monotonic()
        if self.step:
            self.steps.append((self.step, round(now - self.step_started, 1)))
        self.step, self.step_started = title, now

    def logged(self, text, _kind):
        now = time.monotonic()
        self.lines += 1
        self.last_text = text
        self.log.append((now - self.t0, text))
        if now - self.last_log > self.log_gap[0]:
            self.log_gap = (now - self.last_log, self.step)
        self.last_log = now

    def moved(self, _pct):
        now = time.monotonic()
        if now - self.last_progress > self.progress_gap[0]:
            self.progress_gap = (now - self.last_progress, self.step)
        self.last_progress = now

    def figures(self) -> dict:
        return {"steps_s": dict(self.steps), "log_lines": self.lines,
                "longest_log_silence_s": [round(self.log_gap[0], 1), self.log_gap[1]],
                "longest_progress_pause_s": [round(self.progress_gap[0], 1), self.progress_gap[1]]}


def peak_memory_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 0)


def run_dialog(dialog, seconds=3600, log=None):
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    t0 = time.monotonic()
    dialog.run()
    dialog.meter = ChainMeter(dialog.chain, log) if dialog.chain is not None else None
    if getattr(dialog, "stall_meter", None) is not None and dialog.meter is not None:
        dialog.stall_meter.where = lambda m=dialog.meter: [m.step, m.last_text[:120]]
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
    parser.add_argument("--embed", action="store_true", help="start from an empty embedding cache")
    parser.add_argument("--log", default=None, help="write the run log with times (seconds) here")
    parser.add_argument("--trace-stalls", default=None,
                        help="write every thread's Python stack here whenever the GUI thread stops for 0.4 s")
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
    folder, cache = make_inputs(workdir, args.photos, args.labeled, args.embed)
    figures = {"photos": args.photos, "embedded_in_run": args.embed, "prepare_s": round(time.monotonic() - t0, 1)}
    log: list = []
    trace = open(args.trace_stalls, "w", encoding="utf-8") if args.trace_stalls else None
    try:
        figures.update(run_session(folder, cache, workdir, os.path.join(args.labeled, "intel_scenes_dev"),
                                   log, trace))
    finally:
        if trace is not None:
            trace.close()
    if args.log:
        with open(args.log, "w", encoding="utf-8") as fh:
            fh.writelines(f"{t:8.1f}  {text}\n" for t, text in log)
    text = json.dumps(figures, indent=2)
    print(text, flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text)
    app.exitQgis()
    return 0


def run_session(folder, cache, workdir, training, log=None, trace=None) -> dict:
    """The motif run, then training, in the workflow dialog; figures of both."""
    from qgis.core import QgsApplication, QgsSettings

    from ..plugin.workflow import WorkflowDialog
    from ..processing.provider import PhotoMotifsProvider

    provider = PhotoMotifsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    QgsSettings().remove("photo_motifs/workflow")
    meter = StallMeter(trace)
    dialog = WorkflowDialog(None)
    dialog.stall_meter = meter
    dialog.project_folder.setFilePath(os.path.join(workdir, "project"))
    dialog.photos.source_folder.setChecked(True)
    dialog.photos.folder.setFilePath(folder)
    dialog.embeddings.cache.setFilePath(cache)
    dialog.task.task_motifs.setChecked(True)
    dialog.show()
    figures = {}
    state, seconds = run_dialog(dialog, log=log)
    results = dialog.chain.results.get("result", {})
    layer = dialog.result_layer
    figures["motifs"] = {"state": state, "seconds": round(seconds, 1), "k": results.get("K"),
                         "features": layer.featureCount() if layer is not None else 0,
                         "message": dialog.step_label.text(), **dialog.meter.figures()}
    figures["motifs_peak_memory_mb"] = peak_memory_mb()
    figures["motifs_longest_gui_gap_s"] = round(meter.longest, 2)
    figures["motifs_stalls_over_half_second"] = list(meter.stalls)
    meter.stalls, meter.longest = [], 0.0
    dialog.photos.folder.setFilePath(os.path.join(workdir, "new_photos"))
    dialog.task.task_train.setChecked(True)
    dialog.task.training.setFilePath(training)
    if log is not None:
        log.append((0.0, "=== training run ==="))
    state, seconds = run_dialog(dialog, log=log)
    results = dialog.chain.results.get("result", {})
    figures["train"] = {"state": state, "seconds": round(seconds, 1),
                        "classified": results.get("CLASSIFIED"),
                        "accuracy": dialog.chain.results.get("train", {}).get("ACCURACY"),
                        "message": dialog.step_label.text(), **dialog.meter.figures()}
    figures["peak_memory_mb"] = peak_memory_mb()
    figures["train_longest_gui_gap_s"] = round(meter.longest, 2)
    figures["train_stalls_over_half_second"] = list(meter.stalls)
    meter.stop()
    dialog.close()
    QgsApplication.processingRegistry().removeProvider(provider)
    return figures


if __name__ == "__main__":
    sys.exit(main())
