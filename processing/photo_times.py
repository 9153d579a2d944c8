"""Field choices and time values shared by the time-aware algorithms (bursts, motiftime, train).

:func:`choose_field` takes the field the user chose or detects one by name (the import's
``owner``, ``taken_at``), and says which in the log. :func:`time_text` hands a photo time to
core/ as ISO 8601 text (``core.phototime`` reads it): text as stored, a QGIS date-time with its
offset (``Z`` for UTC, as GeoPackage date-time fields are read), a date without a time.
"""
from __future__ import annotations

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from .alg_summarize import detect_field
from .outputs import is_null
from .translation import tr


def choose_field(alg, parameters, context, key, names, candidates, what, feedback):
    """The chosen field of parameter ``key`` (a sentence if the layer lacks it), else the first of
    ``candidates`` the layer has, else None; the log says which (``what``: "User", "Date"...)."""
    chosen = alg.parameterAsString(parameters, key, context)
    if chosen:
        if chosen not in names:
            raise QgsProcessingException(tr("The photo layer has no field '{}'.").format(chosen))
        feedback.pushInfo(tr("{} field: {}").format(what, chosen))
        return chosen
    found = detect_field(names, candidates)
    if found:
        feedback.pushInfo(tr("{} field: {} (detected)").format(what, found))
    return found


def time_text(value):
    """A photo time attribute as ISO 8601 text (None when missing)."""
    if is_null(value):
        return None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    return str(value)


def text_or_none(value):
    """An attribute as text, None when missing (NULL)."""
    return None if is_null(value) else str(value)
