"""QGIS-side fixtures: a real QgsApplication (pytest-qgis) with Processing and our provider."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from photo_motifs.core import deps

deps.add_venv_to_path()


@pytest.fixture(scope="session")
def provider(qgis_app, qgis_processing):
    from qgis.core import QgsApplication

    from photo_motifs.processing.provider import PhotoMotifsProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("photomotifs")
    if existing is not None:
        return existing
    prov = PhotoMotifsProvider()
    assert registry.addProvider(prov)
    return prov


@pytest.fixture
def run_alg(provider):
    """processing.run with a fresh context; returns the results dict."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def _run(alg_id, params):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(alg_id, params, context=context, feedback=QgsProcessingFeedback())

    return _run


def read_layer(path, layer=None):
    """All features of a vector file as dicts (+ 'geometry')."""
    from qgis.core import QgsVectorLayer

    uri = f"{path}|layername={layer}" if layer else str(path)
    lyr = QgsVectorLayer(uri, "t", "ogr")
    assert lyr.isValid(), f"cannot open {uri}"
    rows = []
    for f in lyr.getFeatures():
        row = {name: (None if f[name] is None or str(f[name]) == "NULL" else f[name])
               for name in lyr.fields().names()}
        row["geometry"] = f.geometry() if f.hasGeometry() else None
        rows.append(row)
    return rows


QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="session")
def qgis_process_cmd():
    """Run qgis_process with the installed, enabled plugin (README command one does that)."""
    if not os.path.exists(QGIS_PROCESS):
        pytest.skip("qgis_process.bin is not installed")
    plugins = Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins/photo_motifs"
    if not plugins.is_dir():
        pytest.skip(f"the plugin is not installed at {plugins}: run bash scripts/setup.sh first")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def _run(*args, timeout=900):
        return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=timeout)

    return _run
