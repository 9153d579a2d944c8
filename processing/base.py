"""The base class of every Photo Motifs algorithm: dependency check, error sentences, one cancel path.

Subclasses implement :meth:`PhotoMotifsAlgorithm.process` and return their texts from methods
(``displayName``, ``intro``, ``details``); outputs, parameters and photo sources have their own
modules (:mod:`.outputs`, :mod:`.params`, :mod:`.photo_sources`).
"""
from __future__ import annotations

import os
import re
import sqlite3
import traceback

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core import deps
from ..core.feedback import Canceled, CoreFeedback
from .messages import message_text
from .outputs import check_destinations
from .translation import group_name, install_translator, tr

ICON_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")


def offline_note() -> str:
    return tr("Runs entirely on this computer: no photo, embedding or model is sent anywhere and no "
              "network connection is made.")


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
        Ctrl-C under ``qgis_process``, which cancels the feedback) ends as such an exception too,
        with what the run left behind; returning ``{}`` would count as success.
        """
        message = deps.missing_message(self.CAPABILITY)
        if message:  # canExecute() was not asked (headless run)
            raise QgsProcessingException(message)
        self._created_outputs = []
        self._complete_outputs = set()
        cf = core_feedback(feedback)
        try:
            check_destinations(self, parameters, context)
            results = self.process(parameters, context, feedback, cf)
        except QgsProcessingException as exc:
            raise QgsProcessingException(self._with_left_behind(str(exc))) from None
        except Canceled as exc:
            raise QgsProcessingException(self.canceled_sentence(exc)) from None
        except (ValueError, KeyError, OSError, RuntimeError, sqlite3.Error) as exc:
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(self._with_left_behind(self.error_sentence(exc))) from exc
        if feedback is not None and feedback.isCanceled():
            # canceled after the last check: the outputs are complete, but the user asked to stop
            raise QgsProcessingException(self.canceled_sentence(Canceled(
                self.tr("The run had finished writing its outputs when the cancel request came."))))
        return results

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
        """``text`` + which outputs of this run exist but are incomplete (or that none was written)."""
        incomplete = [d for d in getattr(self, "_created_outputs", []) if d not in self._complete_outputs]
        if incomplete:
            text += " " + self.tr("Incomplete output left behind (delete it or run again): {}.").format(
                ", ".join(str(d) for d in incomplete))
        return text

    def process(self, parameters, context, feedback, cf: CoreFeedback) -> dict:  # pragma: no cover
        raise QgsProcessingException(self.tr("The algorithm does not implement process()."))
