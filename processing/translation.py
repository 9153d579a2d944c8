"""Translations: the plugin's Qt translator, toolbox groups, and per-photo reasons by code.

Every user-visible string of processing/ and plugin/ goes through ``tr("literal")`` (context
``PhotoMotifs``), so ``pylupdate5`` extracts it into ``i18n/photo_motifs_<lang>.ts`` and the
translator finds it by its literal source text; values are filled in afterwards with
``.format()``. The compiled ``.qm`` files are made by ``lrelease`` when the plugin is installed
(``scripts/install_plugin.py``).

core/ is QGIS-free and speaks plain English. Its per-photo problems carry a reason code
(``not_an_image``, ``no_gps``, ``corrupt``…): :func:`reason_text` turns the code into the
user's language here. Free-form details (an OS error, a decoder message) stay English.
"""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

CONTEXT = "PhotoMotifs"
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")

_installed: dict = {"translator": None, "language": None}


def tr(text: str) -> str:
    """The translation of the literal ``text`` in the plugin's context (``text`` if none)."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_language() -> str:
    """Two-letter language QGIS runs in.

    QGIS desktop writes the language it starts in (``--lang``, the options dialog's override or
    the system locale) to ``locale/userLocale``, as plugins are expected to read it. qgis_process
    does not: there the setting is used when present, else QGIS's own rule
    (``QgsApplication.locale()``: the override flag, else the system locale).
    """
    from qgis.core import QgsApplication, QgsSettings

    value = QgsSettings().value("locale/userLocale", "") or ""
    if not isinstance(value, str) or not value.strip():
        value = QgsApplication.locale() or ""
    return value.strip()[:2].lower()


def qm_path(language: str) -> str:
    return os.path.join(I18N_DIR, f"photo_motifs_{language}.qm")


def install_translator(language: str | None = None) -> bool:
    """Install the translator for ``language`` (default: QGIS's) once; True when one is active.

    Must run before the provider's algorithms are created: QGIS reads parameter descriptions
    once, when an algorithm is initialised. Without ``language`` an installed translator is
    kept; an explicit language replaces it, and English (or a language without a ``.qm``)
    removes it.
    """
    if language is None and _installed["translator"] is not None:
        return True  # the plugin, the provider and each algorithm ask: the first answer stands
    language = (language or qgis_language()).lower()
    if _installed["language"] == language and _installed["translator"] is not None:
        return True
    remove_translator()
    path = qm_path(language)
    if language in ("", "c", "en") or not os.path.isfile(path):
        return False
    translator = QTranslator()
    if not translator.load(path):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.update(translator=translator, language=language)
    return True


def remove_translator() -> None:
    translator = _installed["translator"]
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    _installed.update(translator=None, language=None)


def active_language() -> str | None:
    """Language of the installed translator (None: English)."""
    return _installed["language"]


# --- toolbox groups, in workflow order --------------------------------------------------------
# The toolbox sorts groups by their (translated) names: the number keeps the workflow order in
# every language.

GROUP_ORDER = ("workflow", "photos", "embeddings", "motifs", "classes", "maps")


def group_name(group_id: str) -> str:
    names = {
        "workflow": tr("0 · Whole workflow (models)"),
        "photos": tr("1 · Photos"),
        "embeddings": tr("2 · Embeddings"),
        "motifs": tr("3 · Motifs"),
        "classes": tr("4 · Classes"),
        "maps": tr("5 · Maps and exports"),
    }
    return names.get(group_id, group_id)


# --- per-photo reasons from core/, by code ----------------------------------------------------

def _reason_sentences() -> dict:
    """{reason code: sentence in the user's language}. Same meaning as core's English sentences."""
    return {
        # core.photometa (import)
        "not_an_image": tr("The file is not an image in a format Photo Motifs can read."),
        "unreadable": tr("The file cannot be read."),
        "exif_unreadable": tr("The photo's EXIF metadata is damaged and cannot be read, so its "
                              "location is unknown."),
        "no_exif": tr("The photo has no EXIF metadata, so it has no location."),
        "no_gps": tr("The photo's EXIF metadata has no GPS position."),
        "gps_without_coordinates": tr("The photo's GPS block has no complete latitude/longitude pair."),
        "gps_nan": tr("The photo's GPS latitude or longitude is not a number (NaN, infinite or a "
                      "zero denominator)."),
        "gps_zero": tr("The photo's GPS position is exactly 0°, 0° — a default written by cameras "
                       "without a satellite fix, not a real location."),
        "gps_out_of_range": tr("The photo's GPS position is outside the valid range "
                               "(latitude ±90°, longitude ±180°)."),
        "gps_missing_ref": tr("The photo's GPS position has no N/S or E/W reference, so its "
                              "hemisphere is unknown; it is rejected rather than guessed."),
        # core.table_import
        "no_file": tr("No photo file in the folder matches this table row."),
        "bad_coordinates": tr("The row's latitude or longitude is missing or invalid."),
        "not_in_table": tr("No row of the table refers to this file."),
        # core.decode (embedding, classification, contact sheets)
        "unsupported": tr("The file is not an image format that can be read."),
        "too_large": tr("The image is too large to decode safely."),
        "truncated": tr("The file ends before the image data is complete (interrupted copy or "
                        "download?)."),
        "corrupt": tr("The image data is damaged and cannot be decoded."),
        "not_image": tr("The file is not a photo (unknown image file extension)."),
        # processing side
        "no_path": tr("The feature has no photo path."),
        "no_class": tr("The photo has no class in the layer."),
    }


# Codes whose core sentence is always the same text: the translation replaces it. Other codes
# carry a detail (an OS error, a decoder message, the bad value): the translated sentence is
# followed by core's English sentence in brackets so the detail is not lost.
_FIXED = {"not_an_image", "exif_unreadable", "no_exif", "no_gps", "gps_without_coordinates",
          "gps_nan", "gps_zero", "gps_out_of_range", "gps_missing_ref", "not_in_table", "truncated",
          "not_image", "no_path", "no_class"}


def reason_label(code: str) -> str:
    """The general sentence for a reason code, in the user's language (the code if unknown)."""
    return _reason_sentences().get(code, code)


def reason_text(code: str | None, sentence: str | None) -> str | None:
    """A per-photo problem in the user's language (``sentence`` unchanged in English)."""
    if active_language() is None or not code:
        return sentence
    translated = _reason_sentences().get(code)
    if translated is None:
        return sentence
    if code in _FIXED or not sentence:
        return translated
    return f"{translated} [{sentence}]"
