"""Design-card rules that can be checked mechanically."""
import ast
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2]
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("package", ["core", "models"])
def test_core_and_models_never_import_qgis_or_qt(package):
    offenders = [
        f"{p.relative_to(PLUGIN)} imports {name}"
        for p in (PLUGIN / package).rglob("*.py")
        for name in _imports(p)
        if name in FORBIDDEN
    ]
    assert not offenders, offenders


def test_unit_suite_runs_without_qgis():
    """This suite runs with pytest-qgis disabled: QGIS must not have been imported by core/."""
    import photo_motifs.core.cluster  # noqa: F401
    import photo_motifs.core.embed  # noqa: F401
    import photo_motifs.core.photometa  # noqa: F401
    import photo_motifs.models.registry  # noqa: F401

    assert "qgis.core" not in sys.modules


def test_processing_code_never_uses_iface():
    offenders = [str(p.relative_to(PLUGIN)) for p in (PLUGIN / "processing").rglob("*.py")
                 if "iface" in p.read_text(encoding="utf-8")]
    assert not offenders, offenders


def test_init_has_only_class_factory():
    tree = ast.parse((PLUGIN / "__init__.py").read_text(encoding="utf-8"))
    defs = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert defs == ["classFactory"]
    assert not [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_metadata_declares_processing_provider():
    from photo_motifs import __about__

    assert __about__.__title__ == "Photo Motifs"
    text = (PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    assert "hasProcessingProvider=yes" in text and "qgisMinimumVersion=3.22" in text
