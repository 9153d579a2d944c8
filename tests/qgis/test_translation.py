"""The plugin in Estonian: real QGIS with the compiled translator, and qgis_process with locale et.

The QGIS suite runs against the installed plugin copy, whose i18n/*.qm were compiled by
scripts/install_plugin.py (lrelease).
"""
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from . import conftest as qgis_conftest

PLUGIN = Path(__file__).resolve().parents[2]


def estonian_texts() -> set:
    root = ET.parse(PLUGIN / "i18n" / "photo_motifs_et.ts").getroot()
    return {m.find("translation").text for m in root.iter("message") if m.find("translation").text}


def _fresh_provider():
    """Register a new provider: QGIS reads parameter descriptions when algorithms are created."""
    from qgis.core import QgsApplication

    from photo_motifs.processing.provider import PhotoMotifsProvider

    registry = QgsApplication.processingRegistry()
    old = registry.providerById("photomotifs")
    if old is not None:
        registry.removeProvider(old)
    provider = PhotoMotifsProvider()
    assert registry.addProvider(provider)
    qgis_conftest._KEEP.append(provider)
    return provider


@pytest.fixture
def estonian(qgis_app, qgis_processing):
    from photo_motifs.processing import translation

    qm = Path(translation.qm_path("et"))
    assert qm.is_file(), f"{qm} is missing: scripts/install_plugin.py compiles it with lrelease"
    assert translation.install_translator("et")
    provider = _fresh_provider()
    yield provider
    translation.remove_translator()
    _fresh_provider()


def test_algorithm_texts_come_out_in_estonian(estonian):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("photomotifs:cluster")
    assert alg.displayName() == "Leia fotomotiivid (klasterdamine)"
    assert alg.group() == "3 · Motiivid"
    assert alg.parameterDefinition("CUT").description() == "Motiivide arv"
    assert alg.parameterDefinition("CUT").options() == ["automaatne", "fikseeritud (K)", "kõrguse suhe (Orange)"]
    assert alg.parameterDefinition("FOLDER").help().startswith("Kõik selle kausta fotod")
    help_text = alg.shortHelpString()
    assert help_text.startswith("Leiab, mida inimesed pildistavad")
    assert "võrguühendust ei looda" in help_text
    # every algorithm of the provider (also ones added later) is named, grouped and explained
    from photo_motifs.processing.base import PhotoMotifsAlgorithm

    texts = estonian_texts()
    for alg in estonian.algorithms():
        assert alg.group() in texts, alg.id()
        if not isinstance(alg, PhotoMotifsAlgorithm):
            continue  # a shipped .model3 workflow: its name is its id
        assert alg.displayName() in texts, alg.id()
        assert alg.group() in texts, alg.id()
        assert alg.intro() in texts and alg.details() in texts, alg.id()
        assert all(p.description() in texts for p in alg.parameterDefinitions()), alg.id()
        assert not alg.icon().isNull() and os.path.basename(alg.svgIconPath()) == f"{alg.name()}.svg", alg.id()


def test_groups_sort_in_workflow_order(estonian):
    from photo_motifs.processing.translation import GROUP_ORDER, group_name

    names = [group_name(g) for g in GROUP_ORDER]
    assert names == sorted(names) and names[1] == "1 · Fotod"


def test_a_real_run_reports_in_estonian(estonian, run_alg, geotagged_dir, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    import processing

    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):
            messages.append(info)
            super().pushInfo(info)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    res = processing.run("photomotifs:importphotos",
                         {"FOLDER": str(geotagged_dir), "OUTPUT": str(tmp_path / "photos.gpkg"),
                          "INVALID": str(tmp_path / "invalid.gpkg")},
                         context=context, feedback=Feedback())
    summary = f"{res['IMPORTED']} fotot imporditud ({res['LOCATED']} asukohaga), {res['INVALID_COUNT']} faili"
    assert any(m.startswith(summary) for m in messages), messages
    assert any("no_gps" in m and "Foto EXIF-metaandmetes pole GPS-asukohta." in m for m in messages)
    # core's own summary line, matched by its English wording and translated
    assert any(m.startswith(f"{res['IMPORTED'] + res['INVALID_COUNT']} faili: ") for m in messages), messages
    reasons = {r["reason_code"]: r["reason"] for r in qgis_conftest.read_layer(tmp_path / "invalid.gpkg")}
    assert reasons["no_gps"] == "Foto EXIF-metaandmetes pole GPS-asukohta."
    assert reasons["gps_zero"].startswith("Foto GPS-asukoht on täpselt 0°, 0°")
    with pytest.raises(QgsProcessingException, match="Kausta .* ei ole olemas"):
        run_alg("photomotifs:importphotos", {"FOLDER": str(tmp_path / "nowhere"), "OUTPUT": "TEMPORARY_OUTPUT"})


def test_every_core_message_code_is_given_in_the_users_language(qgis_app):
    """core's run messages (codes with values) come out in Estonian with their values, in English
    without a translator, and a plain string passes through unchanged."""
    from photo_motifs.core.messages import TEMPLATES, Message, placeholders
    from photo_motifs.processing import translation
    from photo_motifs.processing.messages import message_text

    samples = [Message(code, ["7"] * placeholders(template)) for code, template in TEMPLATES.items()]
    translation.remove_translator()
    assert [message_text(m) for m in samples] == [str(m) for m in samples]
    try:
        assert translation.install_translator("et")
        for m in samples:
            out = message_text(m)
            assert out != str(m) and out.count("7") == placeholders(TEMPLATES[m.code]), m.code
        assert message_text("a detail in English") == "a detail in English"
    finally:
        translation.remove_translator()


def test_translator_follows_the_qgis_locale_setting(qgis_app):
    from qgis.core import QgsSettings

    from photo_motifs.processing import translation

    settings = QgsSettings()
    before = settings.value("locale/userLocale")
    try:
        settings.setValue("locale/userLocale", "et_EE")
        assert translation.qgis_language() == "et"
        translation.remove_translator()
        assert translation.install_translator() and translation.active_language() == "et"
        assert translation.tr("Photos") == "Fotod"
        settings.setValue("locale/userLocale", "en_US")
        assert not translation.install_translator("en") and translation.tr("Photos") == "Photos"
    finally:
        translation.remove_translator()
        if before is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", before)


def test_plugin_installs_the_translator_before_the_provider(qgis_app, qgis_processing):
    """qgis_process and QGIS desktop create the plugin, then call initProcessing."""
    from qgis.core import QgsApplication, QgsSettings

    import photo_motifs
    from photo_motifs.processing import translation

    registry = QgsApplication.processingRegistry()
    old = registry.providerById("photomotifs")
    if old is not None:
        registry.removeProvider(old)
    settings = QgsSettings()
    before = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "et")
    try:
        plugin = photo_motifs.classFactory(None)
        plugin.initProcessing()
        alg = registry.algorithmById("photomotifs:importphotos")
        assert alg.displayName() == "Loe fotokaust (EXIF-i asukohad)"
        assert alg.parameterDefinition("FOLDER").description() == "Fotode kaust"
        plugin.unload()
    finally:
        translation.remove_translator()
        if before is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", before)
        _fresh_provider()


def test_qgis_process_speaks_estonian(qgis_process_cmd, geotagged_dir, tmp_path):
    """qgis_process with a profile whose QGIS3.ini sets the locale to et (as QGIS's options do)."""
    installed = Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins/photo_motifs"
    profile = tmp_path / "config" / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True)
    (profile / "python" / "plugins").mkdir(parents=True)
    (profile / "python" / "plugins" / "photo_motifs").symlink_to(installed)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[locale]\nuserLocale=et\noverrideFlag=true\n\n[PythonPlugins]\nphoto_motifs=true\n", encoding="utf-8")
    # the qgis_process_cmd fixture (used for its checks) runs the default profile: this one is ours
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"))
    help_text = subprocess.run([qgis_conftest.QGIS_PROCESS, "help", "photomotifs:importphotos"], env=env,
                               capture_output=True, text=True, timeout=300).stdout
    run = subprocess.run([qgis_conftest.QGIS_PROCESS, "run", "photomotifs:importphotos", "--",
                          f"FOLDER={geotagged_dir}", f"OUTPUT={tmp_path / 'photos.gpkg'}",
                          f"INVALID={tmp_path / 'invalid.gpkg'}"],
                         env=env, capture_output=True, text=True, timeout=600)
    assert "Loe fotokaust (EXIF-i asukohad)" in help_text and "Fotode kaust" in help_text, help_text[-2000:]
    assert run.returncode == 0, run.stderr[-2000:]
    assert "fotot imporditud" in run.stdout and "Foto EXIF-metaandmetes pole GPS-asukohta." in run.stdout, \
        run.stdout[-2000:]
