"""Render an algorithm dialog of Photo Motifs in a language (QGIS's own strings included).

    python3 scripts/render_i18n_screenshots.py [--lang et] [--out docs]

Runs real QGIS offscreen against the installed plugin copy (so the compiled .qm is used) and
writes ``cluster_dialog_<lang>.png`` (the "discover motifs" dialog with its help panel). The
toolbox as QGIS desktop shows it: ``scripts/desktop_toolbox_shot.py``.
"""
import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", default="et")
    parser.add_argument("--out", default=str(REPO / "docs"))
    parser.add_argument("--plugins-dir", default=str(
        Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, args.plugins_dir)
    sys.path.insert(1, "/usr/share/qgis/python/plugins")

    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSize

    QgsApplication.setTranslation(args.lang)  # QGIS's own strings too, as `qgis --lang` does
    app = QgsApplication([], True)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from photo_motifs.processing import translation
    from photo_motifs.processing.provider import PhotoMotifsProvider

    if not translation.install_translator(args.lang):
        sys.exit(f"no compiled translation for {args.lang!r} in {translation.I18N_DIR}")
    provider = PhotoMotifsProvider()
    registry = QgsApplication.processingRegistry()
    registry.addProvider(provider)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from processing.gui.AlgorithmDialog import AlgorithmDialog

    dialog = AlgorithmDialog(registry.createAlgorithmById("photomotifs:cluster"))
    dialog.resize(QSize(1000, 700))
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"cluster_dialog_{args.lang}.png"))
    dialog.close()
    print(f"wrote {out / f'cluster_dialog_{args.lang}.png'}")
    registry.removeProvider(provider)
    translation.remove_translator()
    app.exitQgis()


if __name__ == "__main__":
    main()
