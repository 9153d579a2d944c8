"""Parameter helpers of the algorithms: choice lists from ``core.options``, help texts, advanced flags."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

from ..core.options import CONTEXT as OPTIONS_CONTEXT
from .qgis_compat import PARAMETER_ADVANCED


def option_labels(options) -> list:
    """The translated labels of ``core.options`` ``(label, value)`` tuples, for an enum parameter.

    The labels are literals marked with QT_TRANSLATE_NOOP in core/options.py (pylupdate5
    extracts them there); here they are looked up in the same context.
    """
    return [QCoreApplication.translate(OPTIONS_CONTEXT, label) for label, _value in options]


def option_value(alg, parameters, name, context, options):
    """The value of the option chosen in the enum parameter ``name`` (built from ``options``)."""
    return options[alg.parameterAsEnum(parameters, name, context)][1]


def set_help(alg: QgsProcessingAlgorithm, texts: dict) -> None:
    """Per-parameter help ({parameter name: translated sentence}), shown in the dialog's tooltips
    and by ``qgis_process help``."""
    for name, text in texts.items():
        alg.parameterDefinition(name).setHelp(text)


def mark_advanced(alg: QgsProcessingAlgorithm, *names) -> None:
    """Fold parameters that most users keep at their defaults into the dialog's Advanced group."""
    for name in names:
        param = alg.parameterDefinition(name)
        param.setFlags(param.flags() | PARAMETER_ADVANCED)
