"""QGIS-side fixtures: a real QgsApplication (pytest-qgis) with Processing and our provider."""
import os
import subprocess
from pathlib import Path

import pytest

from photo_motifs.core import deps

deps.add_venv_to_path()


def wait_for(predicate, seconds=600.0, what="the run"):
    """Process Qt events (task signals, queued log lines) until ``predicate()`` or the deadline."""
    import time

    from qgis.PyQt.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


@pytest.fixture
def processing_gui(qgis_iface, monkeypatch):
    """QGIS's Processing dialogs ask the interface for its browser model (pytest-qgis's has none)."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    return qgis_iface


_KEEP = []  # Python must keep its provider objects alive, or QGIS keeps a hollow C++ object


def ensure_provider():
    """Our provider in the registry (registered again if a test removed it)."""
    from qgis.core import QgsApplication

    from photo_motifs.processing.provider import PhotoMotifsProvider

    registry = QgsApplication.processingRegistry()
    prov = registry.providerById("photomotifs")
    if prov is None:
        prov = PhotoMotifsProvider()
        assert registry.addProvider(prov)
        _KEEP.append(prov)
    return prov


@pytest.fixture
def provider(qgis_app, qgis_processing):
    return ensure_provider()


@pytest.fixture(scope="session")
def run_alg(qgis_app, qgis_processing):
    """processing.run with a fresh context; returns the results dict.

    Every key a run of ours returns must be a declared output (the model builder can only chain
    declared outputs): checked on each run.
    """
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    def _run(alg_id, params):
        ensure_provider()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results = processing.run(alg_id, params, context=context, feedback=QgsProcessingFeedback())
        if alg_id.startswith("photomotifs:"):
            alg = QgsApplication.processingRegistry().algorithmById(alg_id)
            undeclared = set(results) - {o.name() for o in alg.outputDefinitions()}
            assert not undeclared, f"{alg_id} returned undeclared outputs {sorted(undeclared)}"
        return results

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
        # GeoPackage stores a missing point as an empty one: both mean "no location"
        row["geometry"] = f.geometry() if f.hasGeometry() and not f.geometry().isEmpty() else None
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
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)  # pytest-qgis points QGIS at a temporary profile

    def _run(*args, timeout=900):
        return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=timeout)

    return _run
