"""The base class of every Photo Motifs algorithm: dependency check, error sentences, one cancel path.

Subclasses implement :meth:`PhotoMotifsAlgorithm.process` and return their texts from methods
(``displayName``, ``intro``, ``details``); outputs, parameters and photo sources have their own
modules (:mod:`.outputs`, :mod:`.params`, :mod:`.photo_sources`).
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import threading
import traceback

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PROVIDER_ID
from ..core import deps
from ..core.feedback import Canceled, CoreFeedback
from ..core.threadstate import keep_thread_state
from .messages import message_text
from .outputs import check_destinations
from .translation import group_name, install_translator, tr

ICON_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")


def algorithm_id(algorithm) -> str:
    """The registry id of one of our algorithms, ``photomotifs:<NAME>``, from its class (or its
    ``NAME``): the plugin names algorithms through this, never with a spelled-out id."""
    return f"{PROVIDER_ID}:{algorithm if isinstance(algorithm, str) else algorithm.NAME}"


def offline_note() -> str:
    return tr("Runs entirely on this computer: no photo, embedding or model is sent anywhere and no "
              "network connection is made.")


def log_traceback() -> None:
    """The current exception's traceback into QGIS's message log (tab Photo Motifs), not the run's
    log: the user reads the sentence, a developer finds the details."""
    QgsMessageLog.logMessage(traceback.format_exc(), "Photo Motifs", Qgis.MessageLevel.Info)


@contextlib.contextmanager
def cancel_on_sigterm(feedback):
    """Under ``qgis_process``: SIGTERM cancels the run as Ctrl-C (SIGINT) does.

    qgis_process cancels the feedback on SIGINT (its signal watcher, when Qt processes events)
    but has no handler for SIGTERM: the process died on the spot, silently, leaving temporary
    files. For the run's duration a Python handler cancels the feedback instead (Python runs it
    in the main thread as soon as it runs Python code again), so the run stops at its next check,
    removes its temporary files, says what it leaves and exits non-zero; the previous handler
    (the default) is restored afterwards. Elsewhere (QGIS desktop, tests) nothing changes.
    """
    if feedback is None or threading.current_thread() is not threading.main_thread() \
            or QgsApplication.platform() != "qgis_process":
        yield
        return

    def handler(signum, frame):
        feedback.cancel()

    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def core_feedback(feedback) -> CoreFeedback:
    """Wrap a QgsProcessingFeedback into the callbacks core/ understands."""
    if feedback is None:
        return CoreFeedback()
    return CoreFeedback(
        on_progress=feedback.setProgress,
        is_canceled=feedback.isCanceled,
        on_info=lambda text: feedback.pushInfo(message_text(text)),
        on_warning=lambda text: feedback.reportError(message_text(text)),
    )


class PhotoMotifsAlgorithm(QgsProcessingAlgorithm):
    """Base class: dependency check, error sentences, cancellation, help text, icon.

    Subclasses return their texts from methods with literal strings (``self.tr("…")``), so that
    pylupdate extracts them and the translator finds them: ``displayName()``, ``intro()`` (what
    the algorithm does for the user, in the user's words) and ``details()`` (how, for those who
    want to know).
    """

    NAME = ""  # algorithm id within the provider; also the icon's file name (icons/<NAME>.svg)
    CAPABILITY: str | None = None  # key of core.deps.NEEDS checked before running
    GROUP = "photos"  # one of translation.GROUP_ORDER

    def __init__(self):
        super().__init__()
        install_translator()  # no-op once installed; algorithms created early still translate

    def tr(self, text):
        return tr(text)

    def name(self):
        return self.NAME

    def displayName(self):
        return self.NAME

    def intro(self) -> str:
        return ""

    def details(self) -> str:
        return ""

    def createInstance(self):
        return type(self)()

    def group(self):
        return group_name(self.GROUP)

    def groupId(self):
        return self.GROUP

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):
        path = os.path.join(ICON_DIR, f"{self.NAME}.svg")
        return path if os.path.isfile(path) else os.path.join(ICON_DIR, "provider.svg")

    def shortDescription(self):
        return re.split(r"(?<=[.!?])\s", self.intro(), maxsplit=1)[0]

    def shortHelpString(self):
        parts = [self.intro(), self.details(), offline_note()]
        return "\n\n".join(p for p in parts if p)

    def canExecute(self):
        """(False, sentence with the install command) when a package the algorithm needs is missing.

        QGIS's dialog, toolbox and model builder ask this before a run; headless runs
        (processing.run, qgis_process) do not, so processAlgorithm raises the same sentence.
        """
        message = deps.missing_message(self.CAPABILITY)
        return (False, message) if message else (True, "")

    def processAlgorithm(self, parameters, context, feedback):
        """Run :meth:`process`; every failure and every cancellation raises (never a false success).

        A raised QgsProcessingException makes ``qgis_process`` exit with status 1 and the dialog
        show the sentence. A cancel request (the dialog's Cancel, ``feedback.cancel()``, or
        Ctrl-C or SIGTERM under ``qgis_process``, which cancel the feedback) ends as such an
        exception too, with what the run left behind; returning ``{}`` would count as success.
        Sinks the run did not finish are finished (read back and renamed) after ``process``
        returns, and removed when it fails.
        """
        keep_thread_state()  # QGIS's task threads: see core/threadstate.py (the crash after a big run)
        message = deps.missing_message(self.CAPABILITY)
        if message:  # canExecute() was not asked (headless run)
            raise QgsProcessingException(message)
        self._created_outputs = []
        self._complete_outputs = set()
        self._sinks = []
        cf = core_feedback(feedback)
        try:
            with cancel_on_sigterm(feedback):
                results = self._run_process(parameters, context, feedback, cf)
        finally:
            self.discard_unfinished_outputs()
        if feedback is not None and feedback.isCanceled():
            # canceled after the last check: the outputs are complete, but the user asked to stop
            raise QgsProcessingException(self.canceled_sentence(Canceled(
                self.tr("The run had finished writing its outputs when the cancel request came."))))
        return results

    def _run_process(self, parameters, context, feedback, cf):
        try:
            check_destinations(self, parameters, context)
            results = self.process(parameters, context, feedback, cf)
            for sink in list(self._sinks):
                sink.finish()  # an output the algorithm did not close: read back and renamed now
            return results
        except QgsProcessingException as exc:
            raise QgsProcessingException(self._with_left_behind(str(exc))) from None
        except Canceled as exc:
            raise QgsProcessingException(self.canceled_sentence(exc)) from None
        except (ValueError, KeyError, OSError, RuntimeError, sqlite3.Error) as exc:
            log_traceback()
            raise QgsProcessingException(self._with_left_behind(self.error_sentence(exc))) from None
        except Exception as exc:  # a bug: still a sentence, the traceback goes to the message log
            log_traceback()
            raise QgsProcessingException(self._with_left_behind(self.tr(
                "Photo Motifs met an unexpected error ({}: {}); please report it with the message log "
                "(Photo Motifs tab).").format(type(exc).__name__, exc))) from None

    def discard_unfinished_outputs(self) -> None:
        """Remove the temporary files of every output this run began but did not complete."""
        for sink in getattr(self, "_sinks", []):
            if not sink.done:
                sink.discard()

    def error_sentence(self, exc: BaseException) -> str:
        """A sentence for an error core/ did not already phrase (OS and SQLite errors)."""
        if isinstance(exc, KeyError) and exc.args:
            return str(exc.args[0])
        if isinstance(exc, OSError) and exc.strerror:
            where = exc.filename or ""
            return self.tr("Reading or writing {} failed: {}.").format(where, exc.strerror) if where else \
                self.tr("A file operation failed: {}.").format(exc.strerror)
        if isinstance(exc, sqlite3.Error):
            return self.tr("The embedding cache could not be read or written ({}): the disk may be full, the "
                           "folder read-only or the file damaged.").format(exc)
        return str(exc)

    def canceled_sentence(self, exc: Canceled) -> str:
        detail = str(exc)
        text = self.tr("Canceled by the user.")
        if detail and detail != "Canceled by the user.":
            text += " " + detail
        return self._with_left_behind(text)

    def _with_left_behind(self, text: str) -> str:
        """``text`` + which outputs this run began but did not complete (their temporary files are
        removed; a file that had the name before the run is unchanged)."""
        self.discard_unfinished_outputs()
        incomplete = [str(d).split("|")[0] for d in getattr(self, "_created_outputs", [])
                      if d not in self._complete_outputs]
        incomplete = [d for d in incomplete if d not in text]  # named already by the sentence
        if incomplete:
            text += " " + self.tr("Not saved (the run ended before it was complete; no partial file is "
                                  "left): {}.").format(", ".join(incomplete))
        return text

    def process(self, parameters, context, feedback, cf: CoreFeedback) -> dict:  # pragma: no cover
        raise QgsProcessingException(self.tr("The algorithm does not implement process()."))
