"""The contact-sheet browser: the sheets written by the cluster algorithm, one motif at a time.

Non-modal (the map stays usable) and one instance per QGIS window: opening it again brings it
to the front at the requested folder and motif. Without a folder it opens at the last run's
sheets (remembered by the workflow dialog).
"""
import os

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from ..processing.translation import tr


class ContactSheetViewer(QDialog):
    def __init__(self, parent=None, folder=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Photo Motifs — contact sheets"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(1100, 760)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(220)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        choose = QPushButton(tr("Open folder…"), self)
        choose.clicked.connect(self.choose_folder)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(choose)
        left.addWidget(self.folder_label)
        left.addWidget(self.list)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(scroll, 1)
        self.list.currentTextChanged.connect(self.show_sheet)
        self.folder = None
        if folder:
            self.load_folder(folder)

    def choose_folder(self):
        folder = QFileDialog.getExistingDirectory(self, tr("Folder with contact sheets"), self.folder or "")
        if folder:
            self.load_folder(folder)

    def load_folder(self, folder):
        self.folder = folder
        self.folder_label.setText(folder)
        self.list.clear()
        if not os.path.isdir(folder):
            self.image.setText(tr("The folder {} does not exist.").format(folder))
            return
        names = [n for n in os.listdir(folder) if n.lower().endswith(".png")]

        def order(name):  # the overview first, then motifs by number (C2 before C10)
            stem = name[:-4]
            number = stem[1:] if stem[:1] == "C" else ""
            return (stem != "overview", not number.isdigit(), int(number) if number.isdigit() else 0, stem)

        names.sort(key=order)
        self.list.addItems(names)
        if names:
            self.list.setCurrentRow(0)
        else:
            self.image.setText(tr("No contact sheets in this folder."))

    def show_motif(self, motif):
        """Select the sheet of ``motif`` (e.g. "C3") when the folder has one."""
        items = self.list.findItems(f"{motif}.png", Qt.MatchFlag.MatchExactly)
        if items:
            self.list.setCurrentItem(items[0])
            return True
        return False

    def show_sheet(self, name):
        if self.folder and name:
            self.image.setPixmap(QPixmap(os.path.join(self.folder, name)))


_VIEWERS = {}


def show_contact_sheets(folder=None, motif=None, parent=None, iface=None):
    """Show the (single) contact-sheet browser at ``folder`` (default: the last run's sheets)."""
    from qgis.core import QgsSettings

    folder = folder or QgsSettings().value("photo_motifs/workflow/last_sheets", "") or None
    if parent is None and iface is not None:
        parent = iface.mainWindow()
    viewer = _VIEWERS.get(id(parent))
    if viewer is None:
        viewer = ContactSheetViewer(parent)
        _VIEWERS[id(parent)] = viewer
    if folder and folder != viewer.folder:
        viewer.load_folder(folder)
    if motif:
        viewer.show_motif(motif)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


def show_motif_browser(iface=None, layer=None, folder=None, parent=None):
    """The motifs of a result layer (for now: its contact sheets)."""
    return show_contact_sheets(folder, parent=parent, iface=iface)
