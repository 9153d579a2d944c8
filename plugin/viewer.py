"""The contact-sheet browser: the sheets written by the cluster algorithm, one motif at a time.

Non-modal (the map stays usable) and one instance per QGIS window: opening it again brings it
to the front at the requested folder and motif. Without a folder it opens at the last run's
sheets (remembered by the workflow dialog).
"""
import os

from qgis.core import QgsFeatureRequest, QgsSymbolLayerUtils
from qgis.PyQt.QtCore import QPoint, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from ..processing.qgis_compat import REQUEST_NO_GEOMETRY
from ..processing.translation import tr
from .thumbnail_loader import SMALL, ThumbnailLoader


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


class MotifBrowser(QDialog):
    """Every photo of a motif (or class) of a result layer as thumbnails, motif by motif.

    Thumbnails are decoded off the GUI thread (the photo dock's :class:`ThumbnailLoader`) and only
    for the items in view, so a motif of thousands of photos scrolls without loading them all.
    A click selects the photo on the map and pans to it; a double click also opens the photo
    viewer dock. The PNG contact sheets (for reports) stay one click away.
    """

    BATCH = 48  # thumbnails requested at a time (the items in view and a little beyond)

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.layer = None
        self.field = None
        self.folder = None
        self.members = {}
        self.open_photo = None  # callable(layer): the photo viewer dock (set by whoever opens the browser)
        self.setWindowTitle(tr("Photo Motifs — motifs"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(1100, 760)
        self.loader = ThumbnailLoader(self)
        self.loader.ready.connect(self._thumbnail_ready)
        self.size = SMALL
        self.motifs = QListWidget(self)
        self.motifs.setMaximumWidth(260)
        self.photos = QListWidget(self)
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(SMALL, SMALL))
        self.photos.setGridSize(QSize(SMALL + 16, SMALL + 28))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setUniformItemSizes(True)
        self.photos.setWordWrap(True)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.sheet_button = QPushButton(tr("Contact sheet (PNG)…"), self)
        self.sheet_button.clicked.connect(self.open_sheet)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Motifs (most photos first)"), self))
        left.addWidget(self.motifs, 1)
        left.addWidget(self.sheet_button)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.photos, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.motifs.currentRowChanged.connect(self._motif_changed)
        self.photos.itemClicked.connect(self._photo_clicked)
        self.photos.itemDoubleClicked.connect(self._photo_double_clicked)
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(60)
        self._visible_timer.timeout.connect(self.request_visible)
        self.photos.verticalScrollBar().valueChanged.connect(lambda *_: self._visible_timer.start())

    # --- the layer and its motifs ------------------------------------------------------------------
    def set_layer(self, layer, folder=None):
        self.layer = layer
        names = layer.fields().names() if layer is not None else []
        self.field = next((f for f in ("cluster", "class") if f in names), None)
        self.folder = folder or (layer.customProperty("photo_motifs/sheets") if layer is not None else None)
        self.motifs.clear()
        self.members = {}
        if self.field is None:
            self.heading.setText(tr("Choose a layer with motifs (the result of Discover motifs) or classes."))
            return
        wanted = [self.field, "photo"] + [f for f in ("cluster_rank", f"{self.field}_tiny") if f in names]
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(wanted, layer.fields())
        members = {}
        for feature in layer.getFeatures(request):
            value = feature[self.field]
            if value is None or str(value) == "NULL":
                continue
            rank = feature["cluster_rank"] if "cluster_rank" in names else 0
            tiny = f"{self.field}_tiny" in names and feature[f"{self.field}_tiny"] is True
            members.setdefault(str(value), []).append(
                (rank if isinstance(rank, int) else 0, str(feature["photo"] or ""), feature.id(), tiny))
        self.members = {k: sorted(v) for k, v in sorted(members.items(), key=lambda kv: -len(kv[1]))}
        colours = self._colours()
        for value, rows in self.members.items():
            text = tr("{} ({} photos)").format(value, len(rows))
            if rows and rows[0][3]:
                text += " — " + tr("tiny")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            if value in colours:
                item.setIcon(colours[value])
            self.motifs.addItem(item)
        self.setWindowTitle(tr("Photo Motifs — motifs of “{}”").format(layer.name()))
        if self.motifs.count():
            self.motifs.setCurrentRow(0)

    def _colours(self) -> dict:
        renderer = self.layer.renderer()
        if renderer is None or renderer.type() != "categorizedSymbol":
            return {}
        return {str(c.value()): QgsSymbolLayerUtils.symbolPreviewIcon(c.symbol(), QSize(16, 16))
                for c in renderer.categories()}

    def show_motif(self, value) -> bool:
        items = [self.motifs.item(i) for i in range(self.motifs.count())]
        for i, item in enumerate(items):
            if item.data(Qt.ItemDataRole.UserRole) == str(value):
                self.motifs.setCurrentRow(i)
                return True
        return False

    @property
    def current_motif(self):
        item = self.motifs.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _motif_changed(self, _row):
        self.photos.clear()
        motif = self.current_motif
        if motif is None:
            return
        rows = self.members.get(motif, [])
        placeholder = QPixmap(self.size, self.size)
        placeholder.fill(Qt.GlobalColor.lightGray)
        blank = QIcon(placeholder)
        for _rank, path, fid, _tiny in rows:
            item = QListWidgetItem(blank, os.path.basename(path)[:18])
            item.setData(Qt.ItemDataRole.UserRole, fid)
            item.setData(Qt.ItemDataRole.UserRole + 1, path)
            item.setToolTip(path)
            self.photos.addItem(item)
        self.heading.setText(tr("{}: {} photos, most typical first. Click a photo to select it on the map.")
                             .format(motif, len(rows)))
        sheet = self.sheet_of(motif)
        self.sheet_button.setEnabled(bool(sheet) and os.path.isfile(sheet))
        self._visible_timer.start()

    # --- thumbnails, only for what is in view ----------------------------------------------------
    def visible_rows(self) -> range:
        """Rows of the photo list in view (and the next few), from the list's own geometry."""
        if not self.photos.count():
            return range(0)
        viewport = self.photos.viewport().rect()
        first = self.photos.indexAt(viewport.topLeft() + QPoint(4, 4)).row()
        first = max(0, first)
        return range(first, min(self.photos.count(), first + self.BATCH))

    def request_visible(self):
        for row in self.visible_rows():
            item = self.photos.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 2):
                continue
            image = self.loader.request(item.data(Qt.ItemDataRole.UserRole + 1), self.size)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                item.setData(Qt.ItemDataRole.UserRole + 2, True)

    def _thumbnail_ready(self, path, size, image, _error):
        if size != self.size or image.isNull():
            return
        for row in self.visible_rows():
            item = self.photos.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1) == path:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                item.setData(Qt.ItemDataRole.UserRole + 2, True)

    def showEvent(self, event):
        super().showEvent(event)
        self._visible_timer.start()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._visible_timer.start()

    # --- to the map ---------------------------------------------------------------------------------
    def _photo_clicked(self, item):
        self.select(item.data(Qt.ItemDataRole.UserRole))

    def _photo_double_clicked(self, item):
        self.select(item.data(Qt.ItemDataRole.UserRole))
        if self.open_photo is not None:
            self.open_photo(self.layer)

    def select(self, fid):
        """Select the photo on the layer (the map, attribute table and dock follow) and pan to it."""
        if self.layer is None:
            return
        self.layer.selectByIds([fid])
        if self.iface is None:
            return
        feature = self.layer.getFeature(fid)
        if feature.hasGeometry() and not feature.geometry().isEmpty():
            canvas = self.iface.mapCanvas()
            canvas.setCenter(canvas.mapSettings().layerToMapCoordinates(
                self.layer, feature.geometry().centroid().asPoint()))
            canvas.refresh()

    def sheet_of(self, motif) -> str:
        """The PNG sheet of a motif: by its name, or by its original id once it was renamed."""
        if not self.folder or motif is None:
            return ""
        from ..core.motifnames import sheet_for
        from ..processing.motif_names import stored_names

        return sheet_for(self.folder, motif, stored_names(self.layer, self.field).ids_of(motif)) or ""

    def open_sheet(self):
        sheet = self.sheet_of(self.current_motif)
        show_contact_sheets(self.folder, os.path.basename(sheet)[:-4] if sheet else self.current_motif,
                            parent=self.parentWidget(), iface=self.iface)

    def closeEvent(self, event):
        self.loader.wait(5000)
        super().closeEvent(event)


_BROWSERS = {}


def show_motif_browser(iface=None, layer=None, folder=None, parent=None, motif=None, open_photo=None):
    """The (single) motif browser of this QGIS window, on ``layer`` (default: the active layer);
    ``open_photo(layer)`` opens the photo viewer on a double click."""
    if parent is None and iface is not None:
        parent = iface.mainWindow()
    browser = _BROWSERS.get(id(parent))
    try:
        browser is not None and browser.isVisible()
    except RuntimeError:  # deleted with its parent
        browser = None
    if browser is None:
        browser = MotifBrowser(iface, parent)
        _BROWSERS[id(parent)] = browser
    if open_photo is not None:
        browser.open_photo = open_photo
    if layer is None and iface is not None:
        layer = iface.activeLayer()
    if layer is not None and (layer is not browser.layer or folder):
        browser.set_layer(layer, folder)
    if motif is not None:
        browser.show_motif(motif)
    browser.show()
    browser.raise_()
    browser.activateWindow()
    return browser


def close_browsers():
    """Delete the contact-sheet viewers and motif browsers (before QGIS exits; plugin unload)."""
    for window in list(_BROWSERS.values()) + list(_VIEWERS.values()):
        try:
            if hasattr(window, "loader"):
                window.loader.wait(5000)
            window.close()
            window.deleteLater()
        except RuntimeError:  # deleted with its parent already
            pass
    _BROWSERS.clear()
    _VIEWERS.clear()
