"""A simple viewer for the contact sheets written by the cluster and train algorithms."""
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


class ContactSheetViewer(QDialog):
    def __init__(self, parent=None, folder=None):
        super().__init__(parent)
        self.setWindowTitle("Photo Motifs — contact sheets")
        self.resize(1100, 760)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(260)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        choose = QPushButton("Open folder…", self)
        choose.clicked.connect(self.choose_folder)
        left = QVBoxLayout()
        left.addWidget(choose)
        left.addWidget(self.list)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(scroll, 1)
        self.list.currentTextChanged.connect(self.show_sheet)
        self.folder = None
        if folder:
            self.load_folder(folder)

    def choose_folder(self):
        folder = QFileDialog.getExistingDirectory(self, "Folder with contact sheets")
        if folder:
            self.load_folder(folder)

    def load_folder(self, folder):
        self.folder = folder
        self.list.clear()
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith(".png"))
        # the overview first, then clusters in size order as their file names say
        names.sort(key=lambda n: (not n.startswith("overview"), n))
        self.list.addItems(names)
        if names:
            self.list.setCurrentRow(0)

    def show_sheet(self, name):
        if self.folder and name:
            self.image.setPixmap(QPixmap(os.path.join(self.folder, name)))
