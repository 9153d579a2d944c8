"""A large photo with one-key answers, as in Lobe: keys 1–9 pick a class, 0 skips, Enter confirms.

:class:`PhotoStepper` steps through a list of feature ids of a photo layer. It shows the photo
(decoded off the GUI thread by the photo dock's :class:`~.photodock.ThumbnailLoader`), where it
is in the list and a description its owner gives; it emits ``class_key(n)`` for keys 1–9,
``skipped`` for 0 (and the right arrow), ``confirmed`` for Enter; the left arrow and Backspace
go back. Clicking the photo gives it the keyboard.
"""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..core.safe_paths import resolve_against
from .photodock import LARGE

DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


def photo_path(layer, feature, field_name: str = "photo") -> str:
    """The photo file of a feature, relative paths resolved against the layer's folder."""
    if layer.fields().lookupField(field_name) < 0:
        return ""
    value = feature[field_name]
    if value is None or str(value) in ("", "NULL"):
        return ""
    return resolve_against(photo_root(layer), str(value))


def photo_root(layer):
    """The folder relative photo paths of a layer are read from (its file's folder), or None."""
    source = layer.source().split("|")[0]
    return os.path.dirname(source) if os.path.isfile(source) else None


class PhotoStepper(QWidget):
    class_key = pyqtSignal(int)  # 1..9
    skipped = pyqtSignal()
    confirmed = pyqtSignal()
    moved = pyqtSignal()  # the current photo changed

    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.loader = loader
        self.layer = None
        self.fids: list = []
        self.position = 0
        self.current_path = ""
        self.describe = None  # feature -> rich text shown under the photo
        self.photo = QLabel(tr("Press Start to step through the photos."), self)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(240, 180)
        self.photo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.photo.setStyleSheet("background: #202020; color: #dddddd;")
        self.back = QToolButton(self)
        self.back.setArrowType(Qt.ArrowType.LeftArrow)
        self.back.setToolTip(tr("Previous photo (←)"))
        self.forward = QToolButton(self)
        self.forward.setArrowType(Qt.ArrowType.RightArrow)
        self.forward.setToolTip(tr("Skip this photo (0 or →)"))
        self.where = QLabel(self)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addWidget(self.where, 1)
        nav.addWidget(self.forward)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo, 1)
        layout.addLayout(nav)
        layout.addWidget(self.info)
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward.clicked.connect(self.skip)
        loader.ready.connect(self._image_ready)
        self._update()

    def sizeHint(self):
        return QSize(320, 360)

    # --- the list ---------------------------------------------------------------------------------
    def set_sequence(self, layer, fids, position: int = 0) -> None:
        self.layer = layer
        self.fids = list(fids)
        self.position = max(0, min(position, len(self.fids)))
        self.show_current()
        self.setFocus()

    @property
    def current_fid(self):
        return self.fids[self.position] if 0 <= self.position < len(self.fids) else None

    @property
    def finished(self) -> bool:
        return bool(self.fids) and self.position >= len(self.fids)

    def step(self, delta: int) -> None:
        if not self.fids:
            return
        self.position = max(0, min(len(self.fids), self.position + delta))
        self.show_current()

    def skip(self) -> None:
        self.step(1)
        self.skipped.emit()

    # --- showing ----------------------------------------------------------------------------------
    def show_current(self) -> None:
        fid = self.current_fid
        if fid is None:
            self.current_path = ""
            self.photo.setPixmap(QPixmap())
            if self.finished:
                self.photo.setText(tr("Done: every photo of this list has had its turn."))
            elif self.layer is not None:
                self.photo.setText(tr("No photos to step through."))
            self.info.clear()
        else:
            feature = self.layer.getFeature(fid)
            self.current_path = photo_path(self.layer, feature)
            self.info.setText(self.describe(feature) if self.describe else "")
            self._show_image()
        self._update()
        self.moved.emit()

    def refresh_info(self) -> None:
        fid = self.current_fid
        if fid is not None and self.describe is not None:
            self.info.setText(self.describe(self.layer.getFeature(fid)))

    def _show_image(self) -> None:
        if not self.current_path:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(tr("No photo path"))
            return
        image = self.loader.request(self.current_path, LARGE)
        if image is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(tr("Loading…"))
        else:
            self._set_image(image)

    def _set_image(self, image) -> None:
        pixmap = QPixmap.fromImage(image)
        self.photo.setPixmap(pixmap.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _image_ready(self, path, size, image, error) -> None:
        if size != LARGE or path != self.current_path:
            return
        if image.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(error or tr("The photo cannot be read."))
        else:
            self._set_image(image)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        image = self.loader.memory.get((self.current_path, LARGE)) if self.current_path else None
        if image is not None:
            self._set_image(image)

    def _update(self) -> None:
        n = len(self.fids)
        shown = min(self.position + 1, n)
        self.where.setText(tr("{} of {}").format(shown, n) if n else "")
        self.back.setEnabled(self.position > 0)
        self.forward.setEnabled(self.position < n)

    # --- keys -------------------------------------------------------------------------------------
    def mousePressEvent(self, event):
        self.setFocus()
        super().mousePressEvent(event)

    def keyPressEvent(self, event):
        key = event.key()
        if key in DIGITS:
            if DIGITS[key] == 0:
                self.skip()
            elif self.current_fid is not None:
                self.class_key.emit(DIGITS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current_fid is not None:
                self.confirmed.emit()
        elif key == Qt.Key.Key_Right:
            self.skip()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Backspace):
            self.step(-1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
