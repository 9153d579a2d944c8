"""Screenshot of the Processing toolbox in real QGIS desktop, run inside QGIS with ``--code``
by ``scripts/desktop_toolbox_shot.sh [LANG]`` (Xvfb, a temporary profile, ``--lang``).

Writes ``docs/toolbox_<lang>.png`` (the toolbox dock filtered to Photo Motifs, groups expanded)
and ``docs/workflow_<lang>.png`` (the plugin's workflow dialog), then quits QGIS. The language
is QGIS's own (``--lang``), as a user would start it.
"""
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QModelIndex, QRect, Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit, QTreeView
from qgis.utils import iface

DOCS = os.path.join(os.environ.get("PHOTO_MOTIFS_REPO", os.getcwd()), "docs")


def shoot():
    window = iface.mainWindow()
    window.resize(1400, 900)
    dock = window.findChild(QDockWidget, "ProcessingToolbox")
    dock.setVisible(True)
    dock.raise_()
    window.resizeDocks([dock], [560], Qt.Orientation.Horizontal)
    dock.findChild(QLineEdit).setText("photomotifs")  # ids match in every language
    tree = dock.findChild(QTreeView)
    tree.expandAll()
    tree.clearSelection()
    QgsApplication.processEvents()
    language = (QgsSettings().value("locale/userLocale") or "en")[:2]
    os.makedirs(DOCS, exist_ok=True)
    model = tree.model()

    def count(parent):
        n = model.rowCount(parent)
        return n + sum(count(model.index(i, 0, parent)) for i in range(n))

    rows = tree.visualRect(model.index(0, 0)).height() * (count(QModelIndex()) + 1)
    height = tree.mapTo(dock, tree.rect().topLeft()).y() + rows
    dock.grab(QRect(0, 0, dock.width(), min(height, dock.height()))).save(
        os.path.join(DOCS, f"toolbox_{language}.png"))
    QTimer.singleShot(300, shoot_workflow)


def shoot_workflow():
    """The plugin's workflow dialog, as its toolbar button opens it."""
    from qgis.utils import plugins

    language = (QgsSettings().value("locale/userLocale") or "en")[:2]
    dialog = plugins["photo_motifs"].open_workflow()
    dialog.resize(760, 720)
    QgsApplication.processEvents()
    dialog.grab().save(os.path.join(DOCS, f"workflow_{language}.png"))
    dialog.close()
    QTimer.singleShot(300, QgsApplication.instance().quit)


QTimer.singleShot(2500, shoot)
