"""core/'s run messages in the user's language: the one place that turns a code into a sentence.

core/ and models/ report with :class:`core.messages.Message` (a code and its values); the English
template of each code is marked for translation in ``core/messages.py`` itself, so Qt Linguist's
translation is looked up by that same text here. Plain strings (a free-form detail) pass through.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import TEMPLATES, Message
from ..core.options import CONTEXT


def translated_template(code: str) -> str:
    """The template of a core message code in the user's language (English without a translation)."""
    return QCoreApplication.translate(CONTEXT, TEMPLATES[code])


def message_text(message) -> str:
    """A message of core/ in the user's language: a :class:`Message` by its code, text unchanged."""
    if isinstance(message, Message):
        return message.render(translated_template)
    return message if isinstance(message, str) else str(message)
