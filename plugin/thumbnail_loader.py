"""Thumbnails decoded off the GUI thread for the photo dock and the motif browser.

A small thread pool over :func:`core.thumbnails.thumbnail` (JPEG draft decoding, disk cache); the
images arrive in the GUI thread through ``ThumbnailLoader.ready`` and are kept in a small
in-memory cache, so stepping through a 10,000-photo layer never blocks QGIS.
"""
from __future__ import annotations

from collections import OrderedDict

from qgis.PyQt.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, pyqtSignal
from qgis.PyQt.QtGui import QImage

LARGE, SMALL = 720, 128


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


class _Signals(QObject):
    done = pyqtSignal(str, int, QImage, str)  # path, size, image (null on failure), error sentence


class _ThumbnailJob(QRunnable):
    def __init__(self, path, size, signals):
        super().__init__()
        self.path, self.size, self.signals = path, size, signals
        self.setAutoDelete(True)

    def run(self):
        from ..core.decode import DecodeError
        from ..core.threadstate import keep_thread_state

        keep_thread_state()  # a pooled thread: see core/threadstate.py
        from ..core.thumbnails import thumbnail

        try:
            image = QImage(str(thumbnail(self.path, self.size)))
            error = "" if not image.isNull() else tr("The thumbnail cannot be read.")
        except DecodeError as exc:
            image, error = QImage(), str(exc)
        except OSError as exc:
            image, error = QImage(), tr("The photo cannot be read: {}").format(exc.strerror or exc)
        self.signals.done.emit(self.path, self.size, image, error)


class ThumbnailLoader(QObject):
    """Decode thumbnails in two background threads; ``ready(path, size, image, error)`` in the GUI thread."""

    ready = pyqtSignal(str, int, QImage, str)

    def __init__(self, parent=None, memory_items: int = 600):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.memory: OrderedDict = OrderedDict()
        self.memory_items = memory_items
        self.pending: set = set()

    def request(self, path: str, size: int) -> QImage | None:
        """The cached image now, or None and a ``ready`` signal later."""
        key = (path, size)
        if key in self.memory:
            self.memory.move_to_end(key)
            return self.memory[key]
        if key not in self.pending and path:
            self.pending.add(key)
            self.pool.start(_ThumbnailJob(path, size, self.signals))
        return None

    def _done(self, path, size, image, error):
        self.pending.discard((path, size))
        if not image.isNull():
            self.memory[(path, size)] = image
            while len(self.memory) > self.memory_items:
                self.memory.popitem(last=False)
        self.ready.emit(path, size, image, error)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
