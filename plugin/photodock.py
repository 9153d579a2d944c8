"""The photo viewer dock: the selected photo large, previous/next, and the other photos of its motif.

It follows the selection of the active photo layer (map or attribute table alike). Clicking a
photo of the strip selects that feature and pans the map to it. Every image is decoded off the
GUI thread (:class:`ThumbnailLoader`, a small thread pool over :func:`core.thumbnails.thumbnail`:
JPEG draft decoding, disk cache) and kept in a small in-memory cache, so stepping through a
10,000-photo layer never blocks QGIS.
"""
from __future__ import annotations

import os

from qgis.core import QgsExpression, QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..processing.qgis_compat import REQUEST_NO_GEOMETRY
from .thumbnail_loader import LARGE, SMALL, ThumbnailLoader

STRIP_LIMIT = 60


def tr(text):
    return QCoreApplication.translate("PhotoMotifs", text)


class PhotoDock(QgsDockWidget):
    """Shows the selected photo of the active photo layer and the other photos of its motif."""

    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Photo Motifs — photo viewer"), parent)
        self.setObjectName("PhotoMotifsPhotoDock")
        self.iface = iface
        self.layer = None
        self.field = None
        self.sequence: list = []  # feature ids that previous/next step through
        self.position = -1
        self.current_fid = None
        self.current_path = ""
        self.loader = ThumbnailLoader(self)
        self.loader.ready.connect(self._image_ready)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.title = QLabel(tr("Select a photo on the map or in the attribute table."), body)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.photo = QLabel(body)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(240, 200)
        self.photo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.photo.setStyleSheet("background: #202020; color: #dddddd;")
        layout.addWidget(self.photo, 3)
        nav = QHBoxLayout()
        self.prev_button = QToolButton(body)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(tr("Previous photo"))
        self.next_button = QToolButton(body)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(tr("Next photo"))
        self.position_label = QLabel(body)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position_label, 1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        self.info = QLabel(body)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.info)
        self.strip_label = QLabel(tr("Other photos of this motif"), body)
        layout.addWidget(self.strip_label)
        self.strip = QListWidget(body)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setIconSize(QSize(96, 96))
        self.strip.setFixedHeight(124)
        self.strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.strip)
        self.sheets_button = QPushButton(tr("All photos of this motif…"), body)
        self.report_button = QPushButton(tr("Training report"), body)
        self.report_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sheets_button)
        buttons.addWidget(self.report_button)
        layout.addLayout(buttons)
        self.tips_hint = QLabel(tr("Tip: View › Show Map Tips shows the photo when the mouse rests on a point."),
                                body)
        self.tips_hint.setWordWrap(True)
        self.tips_hint.setStyleSheet("color: #555555;")
        layout.addWidget(self.tips_hint)
        self.setWidget(body)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.strip.itemClicked.connect(self._strip_clicked)
        self.sheets_button.clicked.connect(self.open_sheets)
        self.report_button.clicked.connect(self.open_report)
        self.update_tips_hint()
        if iface is not None:
            iface.currentLayerChanged.connect(self.set_layer)
            self.set_layer(iface.activeLayer())
        self._update_buttons()

    # --- following the layer and its selection ---------------------------------------------------
    def set_layer(self, layer):
        """Follow ``layer`` when it is a vector layer with a photo field (else keep the current one)."""
        if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField("photo") < 0:
            return
        if self.layer is not None:
            try:
                self.layer.selectionChanged.disconnect(self._selection_changed)
            except (TypeError, RuntimeError):
                pass
        from ..processing.styling import category_field_of

        self.layer = layer
        self.field = category_field_of(layer)
        if self.field == "embed_status":
            self.field = None
        layer.selectionChanged.connect(self._selection_changed)
        layer.willBeDeleted.connect(self._layer_deleted)
        report = layer.customProperty("photo_motifs/report") or ""
        self.report_button.setVisible(bool(report) and os.path.isfile(str(report)))
        self.update_tips_hint()
        self._selection_changed()

    def update_tips_hint(self):
        """Say how to switch QGIS's map tips on while they are off."""
        action = getattr(self.iface, "actionMapTips", None) if self.iface is not None else None
        checked = action().isChecked() if callable(action) and action() is not None else False
        self.tips_hint.setVisible(not checked)

    def _layer_deleted(self):
        self.layer = None
        self.sequence, self.position, self.current_fid = [], -1, None
        self.photo.clear()
        self.strip.clear()
        self.title.setText(tr("Select a photo on the map or in the attribute table."))

    def _selection_changed(self, *_args):
        if self.layer is None:
            return
        selected = sorted(self.layer.selectedFeatureIds())
        if not selected:
            self.sequence, self.position = [], -1
            self.current_fid = None
            self.photo.clear()
            self.photo.setText(tr("No photo selected"))
            self.info.clear()
            self.strip.clear()
            self._update_buttons()
            return
        if len(selected) > 1:
            self.sequence = selected
            fid = self.current_fid if self.current_fid in selected else selected[0]
        else:
            fid = selected[0]
            self.sequence = self._same_category(fid) or [fid]
        self.position = self.sequence.index(fid) if fid in self.sequence else 0
        self.show_feature(fid)

    def _category_of(self, feature):
        if not self.field:
            return None
        value = feature[self.field]
        return None if value is None or str(value) == "NULL" else value

    def _same_category(self, fid):
        """Feature ids of the same motif/class, most representative first."""
        feature = self.layer.getFeature(fid)
        value = self._category_of(feature)
        if value is None:
            return []
        expr = f"{QgsExpression.quotedColumnRef(self.field)} = {QgsExpression.quotedValue(value)}"
        request = QgsFeatureRequest().setFilterExpression(expr).setFlags(REQUEST_NO_GEOMETRY)
        names = self.layer.fields().names()
        rows = []
        for f in self.layer.getFeatures(request):
            if "cluster_rank" in names and f["cluster_rank"] is not None and str(f["cluster_rank"]) != "NULL":
                key = (0, f["cluster_rank"])
            elif "confidence" in names and f["confidence"] is not None and str(f["confidence"]) != "NULL":
                key = (0, -f["confidence"])
            else:
                key = (1, 0)
            rows.append((key, f.id()))
        return [fid for _key, fid in sorted(rows)]

    def _photo_path(self, value) -> str:
        """A photo path of the layer: relative ones against the layer's folder (never QGIS's
        working folder), as the algorithms read them; "" when none can be resolved."""
        from ..core.safe_paths import layer_source_folder, resolve_against

        text = "" if value is None or str(value) == "NULL" else str(value)
        resolved = resolve_against(layer_source_folder(self.layer.source()), text)
        return resolved if os.path.isabs(resolved) else ""

    # --- showing -----------------------------------------------------------------------------------
    def show_feature(self, fid):
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            return
        self.current_fid = fid
        self.current_path = self._photo_path(feature["photo"])
        names = self.layer.fields().names()
        category = self._category_of(feature)
        lines = []
        if self.field:
            heading = tr("Class") if self.field == "class" else tr("Motif")
            text = str(category) if category is not None else tr("unreadable photo")
            if self.field == "class" and "confidence" in names and feature["confidence"] is not None \
                    and str(feature["confidence"]) != "NULL":
                text += f" ({feature['confidence'] * 100:.0f} %)"
            lines.append(f"<b>{heading}:</b> {text}")
        if "taken_at" in names and feature["taken_at"] not in (None, "") and str(feature["taken_at"]) != "NULL":
            taken = tr("Taken")  # outside the f-string, where pylupdate5 sees it
            lines.append(f"<b>{taken}:</b> {str(feature['taken_at'])[:19]}")
        for note in ("cluster_note", "classify_note", "embed_note"):
            if note in names and feature[note] and str(feature[note]) != "NULL" and category is None:
                lines.append(f"<i>{feature[note]}</i>")
        lines.append(os.path.basename(self.current_path) or tr("(no photo path)"))
        self.info.setText("<br/>".join(lines))
        self.title.setText(self.layer.name())
        self._show_large()
        self._fill_strip(category, fid)
        self._update_buttons()

    def _show_large(self):
        if not self.current_path:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(tr("No photo path"))
            return
        image = self.loader.request(self.current_path, LARGE)
        if image is not None:
            self._set_large(image)
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(tr("Loading…"))

    def _set_large(self, image):
        pixmap = QPixmap.fromImage(image)
        size = self.photo.size()
        self.photo.setPixmap(pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _fill_strip(self, category, fid):
        self.strip.clear()
        self.strip_label.setVisible(category is not None)
        self.strip.setVisible(category is not None)
        self.sheets_button.setVisible(self.field in ("cluster", "class") and category is not None)
        if category is None:
            return
        others = [f for f in self.sequence if f != fid] if len(self.layer.selectedFeatureIds()) <= 1 \
            else [f for f in self._same_category(fid) if f != fid]
        request = QgsFeatureRequest().setFilterFids(others[:STRIP_LIMIT]).setFlags(REQUEST_NO_GEOMETRY)
        paths = {f.id(): self._photo_path(f["photo"]) for f in self.layer.getFeatures(request)}
        for other in others[:STRIP_LIMIT]:
            path = paths.get(other, "")
            item = QListWidgetItem(os.path.basename(path)[:14])
            item.setData(Qt.ItemDataRole.UserRole, other)
            item.setData(Qt.ItemDataRole.UserRole + 1, path)
            item.setToolTip(path)
            image = self.loader.request(path, SMALL)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.strip.addItem(item)
        self.strip_label.setText(tr("Other photos of {} ({})").format(category, len(others)))

    def _image_ready(self, path, size, image, error):
        if size == LARGE and path == self.current_path:
            if image.isNull():
                self.photo.setPixmap(QPixmap())
                self.photo.setText(error or tr("The photo cannot be read."))
            else:
                self._set_large(image)
        elif size == SMALL and not image.isNull():
            for i in range(self.strip.count()):
                item = self.strip.item(i)
                if item.data(Qt.ItemDataRole.UserRole + 1) == path:
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.current_path:
            image = self.loader.memory.get((self.current_path, LARGE))
            if image is not None:
                self._set_large(image)

    # --- navigation --------------------------------------------------------------------------------
    def _update_buttons(self):
        n = len(self.sequence)
        self.prev_button.setEnabled(n > 1 and self.position > 0)
        self.next_button.setEnabled(n > 1 and self.position < n - 1)
        self.position_label.setText(tr("{} of {}").format(self.position + 1, n) if n else "")

    def step(self, delta):
        if not self.sequence:
            return
        position = max(0, min(len(self.sequence) - 1, self.position + delta))
        if position == self.position:
            return
        fid = self.sequence[position]
        if len(self.layer.selectedFeatureIds()) > 1:  # stepping through a selection keeps it
            self.position = position
            self.show_feature(fid)
        else:  # stepping through a motif selects the photo on the map
            self.select(fid)

    def _strip_clicked(self, item):
        # selecting refills the strip: do it after Qt has finished with the clicked item
        fid = item.data(Qt.ItemDataRole.UserRole)
        QTimer.singleShot(0, lambda: self.select(fid))

    def select(self, fid):
        """Select ``fid`` on the layer (map and attribute table follow) and pan the map to it."""
        self.layer.selectByIds([fid])
        if self.iface is not None:
            canvas = self.iface.mapCanvas()
            feature = self.layer.getFeature(fid)
            if feature.hasGeometry() and not feature.geometry().isEmpty():
                point = canvas.mapSettings().layerToMapCoordinates(self.layer, feature.geometry().centroid().asPoint())
                canvas.setCenter(point)
                canvas.refresh()

    def open_sheets(self):
        """Every photo of the current motif in the motif browser."""
        from .viewer import show_motif_browser

        motif = None
        if self.current_fid is not None and self.field in ("cluster", "class"):
            motif = self._category_of(self.layer.getFeature(self.current_fid))
        folder = None
        source = self.layer.source().split("|")[0] if self.layer is not None else ""
        if source.endswith(".gpkg") and os.path.isdir(source[:-5] + "_sheets"):
            folder = source[:-5] + "_sheets"  # the sheets the workflow wrote with this layer
        show_motif_browser(self.iface, self.layer, folder, motif=motif,
                           open_photo=lambda layer: show_photo_dock(self.iface, layer))

    def open_report(self):
        """The training report of the model that classified this layer, inside QGIS."""
        from .report_view import show_report

        path = self.layer.customProperty("photo_motifs/report") if self.layer is not None else ""
        if path:
            show_report(path, parent=self)


_DOCKS = {}


def single_dock(docks: dict, iface, dock_class):
    """The one dock of ``dock_class`` of this QGIS window (``docks`` keeps it per window), made and
    added to the right dock area the first time."""
    dock = docks.get(id(iface))
    if dock is None:
        parent = iface.mainWindow() if iface is not None else None
        dock = dock_class(iface, parent)
        docks[id(iface)] = dock
        if iface is not None:
            iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock


def show_photo_dock(iface, layer=None):
    """Show the (single) photo dock of this QGIS window, following ``layer`` when given."""
    dock = single_dock(_DOCKS, iface, PhotoDock)
    if layer is not None and layer.id() in QgsProject.instance().mapLayers():
        dock.set_layer(layer)
    dock.show()
    dock.raise_()
    return dock


def close_photo_dock(iface) -> None:
    """Remove this QGIS window's photo dock (plugin unload)."""
    dock = _DOCKS.pop(id(iface), None)
    if dock is not None:
        dock.loader.wait()
        if iface is not None:
            iface.removeDockWidget(dock)
        dock.deleteLater()
