"""QGIS's own Processing dialog of every Photo Motifs algorithm, at the size QGIS opens it, in
English and in Estonian: no parameter label is cut at the right edge (a label is cut when the
width its text needs is more than the width it has and it does not wrap)."""
import pytest
from qgis.PyQt.QtCore import QPoint
from qgis.PyQt.QtWidgets import QLabel, QScrollArea

from .test_translation import _fresh_provider


def cut_labels(algorithm_id):
    from processing import createAlgorithmDialog

    dialog = createAlgorithmDialog(algorithm_id, {})
    dialog.show()
    panel = dialog.mainWidget()
    viewport = panel.findChild(QScrollArea).viewport()
    cut = []
    for label in panel.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text() or label.wordWrap():
            continue
        needed = label.fontMetrics().boundingRect(label.text()).width()
        right = label.mapTo(viewport, QPoint(min(needed, label.width()), 0)).x()
        if needed > label.width() + 2 or right > viewport.width():
            cut.append(f"{label.text()!r} needs {needed} px, ends at {right} of {viewport.width()}")
    dialog.close()
    dialog.deleteLater()
    return cut


@pytest.mark.parametrize("language", ["en", "et"])
def test_no_label_is_cut(processing_gui, qgis_processing, language):
    from photo_motifs.processing import translation

    if language == "et":
        assert translation.install_translator("et")
    try:
        provider = _fresh_provider()
        problems = {alg.name(): cut for alg in provider.algorithms() for cut in [cut_labels(alg.id())] if cut}
    finally:
        if language == "et":
            translation.remove_translator()
            _fresh_provider()
    assert not problems, problems


def test_grid_settings_are_advanced_and_the_privacy_rule_is_said(qgis_processing):
    from photo_motifs.processing.qgis_compat import PARAMETER_ADVANCED

    provider = _fresh_provider()
    alg = next(a for a in provider.algorithms() if a.name() == "summarize")
    for name in ("GRID_SHAPE", "CELL_SIZE", "GRID_CRS"):
        assert alg.parameterDefinition(name).flags() & PARAMETER_ADVANCED, name
    help_text = alg.parameterDefinition("MIN_USERS").help()
    assert "fewer" in help_text and "users" in help_text and help_text.count(".") == 1
