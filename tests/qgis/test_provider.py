"""The provider registers in real QGIS, algorithms are complete, missing packages give a sentence."""
import sys

import pytest

EXPECTED = {"importphotos", "importtable", "embed", "cluster", "exportgroups", "train", "classify",
            "summarize", "motifmap", "photo_motifs_workflow", "harvestflickr", "addclip", "zeroshot", "search",
            "renamemotifs"}
NETWORK = {"harvestflickr"}  # the only algorithm that connects, and its help says what it sends


def test_provider_registers_all_algorithms(provider):
    from qgis.core import QgsApplication

    ids = {alg.name() for alg in provider.algorithms()}
    assert ids == EXPECTED
    for name in EXPECTED:
        alg = QgsApplication.processingRegistry().algorithmById(f"photomotifs:{name}")
        assert alg is not None
        assert alg.shortHelpString()
        if name in NETWORK:
            assert "Network use" in alg.shortHelpString() and "No photo" in alg.shortHelpString()
        else:
            assert "no network" in alg.shortHelpString()


def test_plugin_class_factory_without_iface(qgis_app, qgis_processing):
    """qgis_process loads the plugin with iface=None: initGui/initProcessing must cope."""
    from qgis.core import QgsApplication

    import photo_motifs

    registry = QgsApplication.processingRegistry()
    before = registry.providerById("photomotifs")
    if before is not None:
        assert registry.removeProvider(before)
    assert registry.providerById("photomotifs") is None
    plugin = photo_motifs.classFactory(None)
    plugin.initProcessing()
    assert registry.providerById("photomotifs") is not None
    plugin.unload()
    assert registry.providerById("photomotifs") is None


def test_missing_package_gives_install_command(run_alg, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    from photo_motifs.core import deps

    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # as if it were not installed
    message = deps.missing_message("import")
    assert "pillow-heif" in message and "pip install" in message
    with pytest.raises(QgsProcessingException) as err:
        run_alg("photomotifs:importphotos", {"FOLDER": str(tmp_path), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "pillow-heif" in str(err.value) and "pip install" in str(err.value)
