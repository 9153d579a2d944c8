"""Runs a chain of Processing algorithms in the background, one QgsProcessingAlgRunnerTask each.

The dialog describes a run as steps (algorithm id + parameters, possibly computed from the
results of earlier steps); :class:`AlgorithmChain` runs them one after another on QGIS's task
manager, forwards progress and every log line to the GUI thread, and ends in exactly one of
three states: "succeeded", "failed" (with the algorithm's own sentence) or "cancelled".
"""
from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from .plan import Step  # noqa: F401 - the chain runs plan.Step objects (imported from here by older code)

SUCCEEDED, FAILED, CANCELLED = "succeeded", "failed", "cancelled"


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


class LogFeedback(QgsProcessingFeedback):
    """Processing feedback that forwards each log line as a signal (queued to the GUI thread)."""

    line = pyqtSignal(str, str)  # text, kind: "info", "warning" or "error"

    def __init__(self):
        super().__init__()
        self.errors: list = []

    def pushInfo(self, info):
        super().pushInfo(info)
        self.line.emit(info, "info")

    def pushWarning(self, warning):
        super().pushWarning(warning)
        self.line.emit(warning, "warning")

    def reportError(self, error, fatalError=False):
        super().reportError(error, fatalError)
        self.errors.append(error)
        self.line.emit(error, "error")


class AlgorithmChain(QObject):
    """Run steps in order in the background; cancel at any time.

    Signals: ``step_started(index, total, title)``, ``progress(percent of the whole run)``,
    ``log(text, kind)``, ``finished(state, message)`` with state SUCCEEDED, FAILED or CANCELLED.
    ``results`` maps each finished step's key to its Processing results.
    """

    step_started = pyqtSignal(int, int, str)
    progress = pyqtSignal(float)
    log = pyqtSignal(str, str)
    finished = pyqtSignal(str, str)

    def __init__(self, steps, parent=None):
        super().__init__(parent)
        self.steps = list(steps)
        self.results: dict = {}
        self.state: str | None = None
        self.cancel_requested = False
        self._index = -1
        self._task = self._feedback = self._context = self._algorithm = None

    @property
    def running(self) -> bool:
        return self.state is None and self._index >= 0

    @property
    def current_title(self) -> str:
        return self.steps[self._index].title if 0 <= self._index < len(self.steps) else ""

    def start(self):
        self._next()

    def cancel(self):
        """Ask the running algorithm to stop; the chain ends as CANCELLED, never as a failure."""
        if self.state is not None:
            return
        self.cancel_requested = True
        if self._feedback is not None:
            self._feedback.cancel()
        if self._task is not None:
            self._task.cancel()

    def _next(self):
        self._index += 1
        if self._index >= len(self.steps):
            self._finish(SUCCEEDED, "")
            return
        step = self.steps[self._index]
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(step.algorithm_id)
        if algorithm is None:
            self._finish(FAILED, tr("The algorithm {} is not available: is the Photo Motifs provider "
                                         "enabled in the Processing settings?").format(step.algorithm_id))
            return
        params = step.parameters(self.results) if callable(step.parameters) else dict(step.parameters)
        self._algorithm = algorithm  # QGIS does not own the algorithm: keep it alive with the task
        self._context = QgsProcessingContext()
        self._context.setProject(QgsProject.instance())
        self._feedback = LogFeedback()
        self._feedback.line.connect(self.log)
        total = len(self.steps)
        self._feedback.progressChanged.connect(
            lambda pct, i=self._index: self.progress.emit((i + max(0.0, min(100.0, pct)) / 100.0) * 100.0 / total))
        self.step_started.emit(self._index, total, step.title)
        self.progress.emit(self._index * 100.0 / total)
        self._task = QgsProcessingAlgRunnerTask(algorithm, params, self._context, self._feedback)
        self._task.executed.connect(lambda ok, results, i=self._index: self._executed(i, ok, results))
        if self.cancel_requested:
            self._finish(CANCELLED, "")
            return
        QgsApplication.taskManager().addTask(self._task)

    def _executed(self, index, ok, results):
        if index != self._index or self.state is not None:
            return
        step = self.steps[index]
        if self.cancel_requested or self._feedback.isCanceled():
            self._finish(CANCELLED, tr("Cancelled during “{}”.").format(step.title))
        elif not ok:
            sentence = self._feedback.errors[-1] if self._feedback.errors else tr("see the log")
            self._finish(FAILED, tr("“{}” failed: {}").format(step.title, sentence))
        elif not results:  # an unexpected Python error ends a Python algorithm with no results
            self._finish(FAILED, tr("“{}” stopped without a result: the error is in the QGIS message log "
                                    "(Python tab).").format(step.title))
        else:
            self.results[step.key] = dict(results or {})
            # the task still runs its own finishing code after this signal: start the next
            # step (which replaces this step's context) from the event loop
            QTimer.singleShot(0, self._next)

    def _finish(self, state, message):
        self.state = state
        self._task = None
        if state == SUCCEEDED:
            self.progress.emit(100.0)
        self.finished.emit(state, message)
        QTimer.singleShot(0, self._release)

    def _release(self):
        """Free the last step's context (and the layers in its store) while QGIS is running."""
        self._context = self._feedback = self._algorithm = None
