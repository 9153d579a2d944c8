"""The Motifs panel: name, merge, split and correct motifs; label photos; review predictions.

A dock beside the photo viewer with three tabs on the active photo layer:

* **Motifs** — the motifs of a field (``cluster``, ``class``, a table's ``category``…) with their
  photo counts and most typical photo; rename in place (a name that exists merges), merge the
  selected motifs, mark them "not a motif", move the photos selected on the map or in the
  attribute table to a motif, or split them off as a new motif; a note per motif; name
  suggestions from a CLIP model. Every change is one step of QGIS's undo stack on the layer's
  edit buffer (:mod:`.motif_edits`); the style and legend follow after each change; saving the
  edits also stores the names table.
* **Label** and **Review** (:mod:`.label_review`) — Lobe's loop: keys 1–9 label photos, "Train
  from labels", review predictions least sure first, retrain.
"""
from __future__ import annotations

import json

from qgis.core import QgsExpression, QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QSize, Qt, QTimer
from qgis.PyQt.QtGui import QFont, QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.curation import number
from ..core.motifnames import GREY_VALUES, NOT_A_MOTIF, id_field
from ..core.safe_paths import resolve_against
from ..processing.motif_names import renderer_colours, stored_names
from ..processing.qgis_compat import LAYER_FILTER_VECTOR, REQUEST_NO_GEOMETRY
from ..processing.styling import UNREADABLE
from .label_review import LabelTab, ReviewTab, TrainingBox
from .motif_edits import EditError, MotifEditor, attribute_text, store_layer_style, text_fields, tr, values_of
from .photo_stepper import photo_path, photo_root
from .photodock import SMALL, ThumbnailLoader, single_dock

VALUE, PATH = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NOT_A_MOTIF_ITEM, UNREADABLE_ITEM = "\x00not a motif", "\x00unreadable"
NOTES_PROPERTY = "photo_motifs/notes/{}"
ALL = "\x00all"  # refresh everything


def is_photo_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.fields().lookupField("photo") >= 0


class MotifsTab(QWidget):
    """The motifs of one field with counts and thumbnails, and the actions on them."""

    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.editor = None
        self.notes: dict = {}
        self._filling = False
        self.field = QComboBox(self)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([tr("Motif"), tr("Photos"), tr("Note")])
        self.list.setIconSize(QSize(48, 48))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setColumnWidth(0, 190)
        self.list.setColumnWidth(1, 60)
        self.select_button = QPushButton(tr("Select photos"), self)
        self.merge_button = QPushButton(tr("Merge"), self)
        self.exclude_button = QPushButton(tr("Not a motif"), self)
        self.selection_label = QLabel(self)
        self.target = QComboBox(self)
        self.move_button = QPushButton(tr("Move"), self)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(tr("name of a new motif"))
        self.split_button = QPushButton(tr("Split off"), self)
        self._build_layout()
        self._build_names_box()
        self.field.currentTextChanged.connect(lambda _t: self.set_field())
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemSelectionChanged.connect(self.update_buttons)
        self.select_button.clicked.connect(self.select_photos)
        self.merge_button.clicked.connect(self.merge_selected)
        self.exclude_button.clicked.connect(self.exclude_selected)
        self.move_button.clicked.connect(self.move_selected_photos)
        self.split_button.clicked.connect(self.split_selected_photos)
        self.new_name.textChanged.connect(lambda _t: self.update_buttons())

    def _build_layout(self):
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Field:"), self))
        top.addWidget(self.field, 1)
        motif_actions = QHBoxLayout()
        for button in (self.select_button, self.merge_button, self.exclude_button):
            motif_actions.addWidget(button)
        self.merge_button.setToolTip(tr("Merge the selected motifs into the largest of them; rename it afterwards "
                                        "(double-click its name)."))
        self.exclude_button.setToolTip(tr("The photos of the selected motifs belong to no motif (their original "
                                          "ids are kept, so this can be undone or redone)."))
        move = QHBoxLayout()
        move.addWidget(QLabel(tr("to"), self))
        move.addWidget(self.target, 1)
        move.addWidget(self.move_button)
        split = QHBoxLayout()
        split.addWidget(self.new_name, 1)
        split.addWidget(self.split_button)
        photos = QGroupBox(tr("Photos selected on the map or in the attribute table"), self)
        box = QVBoxLayout(photos)
        box.addWidget(self.selection_label)
        box.addLayout(move)
        box.addLayout(split)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addLayout(motif_actions)
        self.layout_.addWidget(photos)

    def _build_names_box(self):
        from .name_suggestions import NameSuggestionsBox

        self.names_box = NameSuggestionsBox(self)
        self.layout_.addWidget(self.names_box)

    # --- layer and field ------------------------------------------------------------------------
    def set_layer(self, layer):
        self.field.blockSignals(True)
        self.field.clear()
        if layer is not None:
            self.field.addItems(text_fields(layer))
            styled = [n for n in text_fields(layer) if renderer_colours(layer, n)]
            if styled:
                self.field.setCurrentText(styled[0])
        self.field.blockSignals(False)
        self.set_field()

    def set_field(self):
        layer, name = self.dock.layer, self.field.currentText()
        self.editor = MotifEditor(layer, name) if layer is not None and name else None
        self.notes = {}
        if self.editor is not None:
            self.notes = dict(stored_names(layer, name).notes)
            try:
                self.notes.update(json.loads(layer.customProperty(NOTES_PROPERTY.format(name), "") or "{}"))
            except ValueError:
                pass
        self.refresh()

    # --- the list ---------------------------------------------------------------------------------
    def refresh(self):
        """Fill the list from the layer (edit buffer included)."""
        self._filling = True
        try:
            self._fill()
        finally:
            self._filling = False
        self.update_buttons()

    def _fill(self):
        self.scanned = ({}, 0, 0)
        selected = {i.data(0, VALUE) for i in self.list.selectedItems()}
        self.list.clear()
        self.target.clear()
        if self.editor is None:
            return
        counts, excluded, unreadable, typical = self._scan()
        self.scanned = (counts, excluded, unreadable)
        for value in sorted(counts, key=lambda v: (v in GREY_VALUES, -counts[v], v)):
            item = QTreeWidgetItem([value, str(counts[value]), self.notes.get(value, "")])
            item.setData(0, VALUE, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setTextAlignment(1, RIGHT)
            self._set_icon(item, typical.get(value))
            self.list.addTopLevelItem(item)
            item.setSelected(value in selected)
            self.target.addItem(value, value)
        for marker, text, n in ((NOT_A_MOTIF_ITEM, tr("not a motif"), excluded),
                                (UNREADABLE_ITEM, tr("no motif (unreadable photos)"), unreadable)):
            if n:
                item = QTreeWidgetItem([text, str(n), ""])
                item.setData(0, VALUE, marker)
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
                item.setTextAlignment(1, RIGHT)
                self.list.addTopLevelItem(item)
        self.target.addItem(tr("not a motif"), NOT_A_MOTIF_ITEM)

    def style_counts(self) -> dict:
        """{category value: photos} as the layer's renderer classifies them, from the last scan."""
        counts, excluded, unreadable = getattr(self, "scanned", ({}, 0, 0))
        out = dict(counts)
        if excluded:
            out[NOT_A_MOTIF] = excluded
        if unreadable:
            out[UNREADABLE] = unreadable
        return out

    def _scan(self):
        """One pass over the layer: photos per motif, 'not a motif', unreadable, and each motif's
        most typical photo (lowest cluster_rank, else highest confidence)."""
        layer, field = self.dock.layer, self.editor.field
        fields = layer.fields()
        kept = id_field(field)
        key = "cluster_rank" if "cluster_rank" in fields.names() else \
            "confidence" if "confidence" in fields.names() else None
        wanted = [n for n in (field, kept, key, "photo") if n and fields.lookupField(n) >= 0]
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(wanted, fields)
        counts, best = {}, {}
        excluded = unreadable = 0
        for f in layer.getFeatures(request):
            value = attribute_text(f[field]) if field in wanted else None
            if value is None:
                if kept in wanted and attribute_text(f[kept]) is not None:
                    excluded += 1
                else:
                    unreadable += 1
                continue
            counts[value] = counts.get(value, 0) + 1
            score = number(f[key]) if key else None
            rank = (score if key == "cluster_rank" else -score) if score is not None else float("inf")
            if value not in best or rank < best[value][0]:
                best[value] = (rank, f.id(), f["photo"])
        root = photo_root(layer)
        typical = {v: resolve_against(root, str(p)) if attribute_text(p) else "" for v, (_r, _fid, p) in best.items()}
        return counts, excluded, unreadable, typical

    def _set_icon(self, item, path):
        item.setData(0, PATH, path or "")
        if path:
            image = self.dock.loader.request(path, SMALL)
            if image is not None:
                item.setIcon(0, QIcon(QPixmap.fromImage(image)))

    def image_ready(self, path, size, image, _error):
        if size != SMALL or image.isNull():
            return
        self._filling = True
        try:
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, PATH) == path:
                    item.setIcon(0, QIcon(QPixmap.fromImage(image)))
        finally:
            self._filling = False

    def selected_motifs(self) -> list:
        return [i.data(0, VALUE) for i in self.list.selectedItems()
                if i.data(0, VALUE) not in (NOT_A_MOTIF_ITEM, UNREADABLE_ITEM)]

    def selected_photos(self) -> list:
        layer = self.dock.layer
        return list(layer.selectedFeatureIds()) if layer is not None else []

    def update_buttons(self):
        motifs = self.selected_motifs()
        photos = self.selected_photos()
        ok = self.editor is not None
        self.select_button.setEnabled(ok and bool(self.list.selectedItems()))
        self.merge_button.setEnabled(ok and len(motifs) >= 2)
        self.exclude_button.setEnabled(ok and bool(motifs))
        self.move_button.setEnabled(ok and bool(photos) and self.target.count() > 0)
        self.split_button.setEnabled(ok and bool(photos) and bool(self.new_name.text().strip()))
        self.selection_label.setText(tr("{} photos selected").format(len(photos)))
        self.names_box.update_button(motifs, ok)

    # --- actions ----------------------------------------------------------------------------------
    def _apply(self, change, sources=None) -> bool:
        """Run an edit; restyle and refill, or say why it could not be made."""
        try:
            change()
        except EditError as exc:
            self.dock.say(str(exc), error=True)
            self.refresh()
            return False
        self.dock.after_edit(sources)
        return True

    def _item_changed(self, item, column):
        if self._filling or self.editor is None:
            return
        old = item.data(0, VALUE)
        if column == 2:
            self.notes[old] = item.text(2).strip()
            self.dock.layer.setCustomProperty(NOTES_PROPERTY.format(self.editor.field), json.dumps(self.notes))
            return
        new = item.text(0).strip()
        if column != 0 or new == old:
            return
        if not new:  # an empty name is not a rename: use "Not a motif"
            self.refresh()
            return
        if old in self.notes and new not in self.notes:
            self.notes[new] = self.notes[old]
        QTimer.singleShot(0, lambda: self.rename(old, new))  # after the editor has closed

    def rename(self, old, new) -> bool:
        merged = new in self.editor.counts()
        if self._apply(lambda: self.editor.rename(old, new), {new: [old]} if not merged else None):
            said = tr("{} merged into {}.") if merged else tr("{} renamed {}.")
            self.dock.say(said.format(old, new))
            return True
        return False

    def merge_selected(self):
        motifs = self.selected_motifs()
        if len(motifs) < 2:
            return
        counts = self.editor.counts()
        into = max(motifs, key=lambda m: (counts.get(m, 0), m))
        if self._apply(lambda: self.editor.merge(motifs, into), {into: sorted(motifs, key=lambda m: -counts[m])}):
            self.dock.say(tr("{} merged into {}: double-click the name to rename it.").format(
                ", ".join(m for m in motifs if m != into), into))

    def exclude_selected(self):
        motifs = self.selected_motifs()
        if motifs and self._apply(lambda: self.editor.exclude_motifs(motifs)):
            self.dock.say(tr("{}: not a motif.").format(", ".join(motifs)))

    def move_selected_photos(self):
        photos = self.selected_photos()
        target = self.target.currentData()
        target = None if target == NOT_A_MOTIF_ITEM else target
        if photos and self._apply(lambda: self.editor.move(photos, target)):
            self.dock.say(tr("{} photos moved to {}.").format(len(photos), target or tr("not a motif")))

    def split_selected_photos(self):
        photos = self.selected_photos()
        name = self.new_name.text().strip()
        if not photos or not name:
            return
        if name in self.editor.counts():
            self.dock.say(tr("{} is already a motif: choose it under 'to' and press Move.").format(name), error=True)
            return
        if self._apply(lambda: self.editor.move(photos, name)):
            self.new_name.clear()
            self.dock.say(tr("{} photos split off as the new motif {}.").format(len(photos), name))

    def select_photos(self):
        items = self.list.selectedItems()
        if not items or self.editor is None:
            return
        wanted = {i.data(0, VALUE) for i in items}
        values = self.editor.values()
        ids = values_of(self.dock.layer, id_field(self.editor.field))
        fids = [fid for fid, v in values.items()
                if v in wanted or (v is None and ((NOT_A_MOTIF_ITEM in wanted and ids.get(fid) is not None)
                                                  or (UNREADABLE_ITEM in wanted and ids.get(fid) is None)))]
        self.dock.layer.selectByIds(fids)

    # --- name suggestions (name_suggestions.NameSuggestionsBox) ---------------------------------
    def typical_paths(self, motif, n) -> list:
        """Paths of a motif's most typical photos (by cluster_rank when the layer has it)."""
        layer = self.dock.layer
        fids = self.editor.fids_of([motif])
        # one request for all of them (a getFeature per photo took 2 s for 20,000 in the GUI thread)
        features = list(layer.getFeatures(QgsFeatureRequest().setFilterFids(list(fids))))
        if "cluster_rank" in layer.fields().names():
            features.sort(key=lambda f: (str(f["cluster_rank"]) == "NULL", f["cluster_rank"] or 0))
        return [p for p in (photo_path(layer, f) for f in features[:n]) if p]


class CurationDock(QgsDockWidget):
    """The Motifs panel (see the module doc)."""

    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Photo Motifs — motifs, labels and review"), parent)
        self.setObjectName("PhotoMotifsCurationDock")
        self.iface = iface
        self.layer = None
        self.loader = ThumbnailLoader(self)
        body = QWidget(self)
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(LAYER_FILTER_VECTOR)
        self.tabs = QTabWidget(body)
        self.motifs = MotifsTab(self)
        self.label = LabelTab(self)
        self.review = ReviewTab(self)
        self.training = TrainingBox(self)
        self.tabs.addTab(self.motifs, tr("Motifs"))
        self.tabs.addTab(self.label, tr("Label"))
        self.tabs.addTab(self.review, tr("Review"))
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo"), body)
        self.redo_button = QPushButton(tr("Redo"), body)
        self.save_button = QPushButton(tr("Save edits"), body)
        bar = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.save_button):
            bar.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Photo layer:"), body))
        top.addWidget(self.layer_combo, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.training)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.setWidget(body)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self._refresh_after_change)
        self._last_counts = None
        self._dirty: set = set()
        self.loader.ready.connect(self.motifs.image_ready)
        self.layer_combo.layerChanged.connect(self.set_layer)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.undo_button.clicked.connect(lambda: self.layer is not None and self.layer.undoStack().undo())
        self.redo_button.clicked.connect(lambda: self.layer is not None and self.layer.undoStack().redo())
        self.save_button.clicked.connect(self.save)
        self.training.setVisible(False)
        if is_photo_layer(self.layer_combo.currentLayer()):  # chosen by the combo box before it was connected
            self.set_layer(self.layer_combo.currentLayer())
        if iface is not None:
            iface.currentLayerChanged.connect(self.follow)
            self.follow(iface.activeLayer())
        self.update_edit_buttons()

    # --- the layer --------------------------------------------------------------------------------
    def follow(self, layer):
        """Follow the active layer of QGIS when it is a photo layer."""
        if is_photo_layer(layer) and layer is not self.layer:
            self.layer_combo.setLayer(layer)

    def set_layer(self, layer):
        if layer is not None and not is_photo_layer(layer):
            self.say(tr("{} has no 'photo' field: choose a photo layer.").format(layer.name()), error=True)
            layer = None
        if self.layer is not None:
            self._disconnect(self.layer)
        self.layer = layer
        if layer is not None:
            for signal in (layer.attributeAdded, layer.attributeDeleted, layer.afterRollBack):
                signal.connect(self.schedule_refresh)
            layer.attributeValueChanged.connect(self._value_changed)
            for signal in (layer.editingStarted, layer.editingStopped, layer.undoStack().indexChanged):
                signal.connect(self.update_edit_buttons)
            layer.afterCommitChanges.connect(self._committed)
            layer.selectionChanged.connect(self._selection_changed)
            layer.willBeDeleted.connect(self._layer_deleted)
        self._last_counts = None
        self.motifs.set_layer(layer)
        self.label.set_layer(layer)
        self.review.set_layer(layer)
        self.update_edit_buttons()

    def _disconnect(self, layer):
        for signal, slot in ((layer.attributeValueChanged, self._value_changed),
                             (layer.attributeAdded, self.schedule_refresh),
                             (layer.attributeDeleted, self.schedule_refresh),
                             (layer.afterRollBack, self.schedule_refresh),
                             (layer.editingStarted, self.update_edit_buttons),
                             (layer.editingStopped, self.update_edit_buttons),
                             (layer.undoStack().indexChanged, self.update_edit_buttons),
                             (layer.afterCommitChanges, self._committed),
                             (layer.selectionChanged, self._selection_changed),
                             (layer.willBeDeleted, self._layer_deleted)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _tab_changed(self, index):
        self.training.setVisible(index > 0)
        self.say("")

    def _selection_changed(self, *_args):
        self.motifs.update_buttons()
        self.label.update_buttons()

    def _layer_deleted(self):
        self.layer_combo.setLayer(None)
        self.set_layer(None)

    def detach(self):
        """Let go of the layer (before the dock is deleted)."""
        if self.training.trainer.running:
            self.training.trainer.cancel()
        if self.layer is not None:
            self._disconnect(self.layer)
            self.layer = None
        self.loader.wait()

    # --- after every change (ours, undo, redo, rollback, the attribute table) ----------------------
    def after_edit(self, sources=None):
        """Right after a change of ours: the lists, then the style with what became of which motif."""
        self._refresh_timer.stop()
        self._dirty.add(ALL)
        self._refresh_after_change(sources)

    def schedule_refresh(self, *_args):
        """Something unknown changed (a field added, a rollback): refresh everything soon."""
        self._dirty.add(ALL)
        self._refresh_timer.start()

    def _value_changed(self, _fid, index, _value):
        """One value changed (ours, undo, redo, the attribute table): refresh what shows its field."""
        fields = self.layer.fields() if self.layer is not None else None
        self._dirty.add(fields.at(index).name() if fields is not None and 0 <= index < fields.count() else ALL)
        self._refresh_timer.start()

    def _refresh_after_change(self, sources=None):
        dirty, self._dirty = self._dirty, set()
        if self.layer is None:
            return
        editor = self.motifs.editor
        if editor is not None and (ALL in dirty or editor.field in dirty or id_field(editor.field) in dirty):
            self.motifs.refresh()
            counts = self.motifs.style_counts()
            if counts != self._last_counts and self.styled_by_motifs():
                editor.restyle(sources, self.iface, counts)
            self._last_counts = counts
        if ALL in dirty or self.label.field_name in dirty or "class" in dirty:
            self.label.refresh_counts()
        self.review.refresh_tally()
        self.update_edit_buttons()

    def styled_by_motifs(self) -> bool:
        """True when the layer's categories are those of the panel's field (or it has none yet)."""
        editor = self.motifs.editor
        renderer = self.layer.renderer() if self.layer is not None else None
        if editor is None or self.layer is None:
            return False
        if renderer is None or renderer.type() == "singleSymbol":
            return True
        if renderer.type() != "categorizedSymbol":
            return False
        attribute = renderer.classAttribute()
        return attribute == editor.field or QgsExpression.quotedColumnRef(editor.field) in attribute

    def update_edit_buttons(self, *_args):
        stack = self.layer.undoStack() if self.layer is not None else None
        self.undo_button.setEnabled(bool(stack and stack.canUndo()))
        self.redo_button.setEnabled(bool(stack and stack.canRedo()))
        self.save_button.setEnabled(bool(self.layer is not None and self.layer.isEditable()
                                         and self.layer.isModified()))
        if stack is not None and stack.canUndo():
            self.undo_button.setToolTip(tr("Undo: {}").format(stack.undoText()))

    def save(self):
        if self.layer is None or not self.layer.isEditable():
            return
        if not self.layer.commitChanges():
            self.say(tr("The edits could not be saved: {}").format("; ".join(self.layer.commitErrors())), error=True)
            return
        self.say(tr("Edits saved in {}.").format(self.layer.name()))
        self.update_edit_buttons()

    def _committed(self):
        # the layer still holds its GeoPackage while it emits this: write once the commit is over
        QTimer.singleShot(0, self.store_names)

    def store_names(self):
        editor = self.motifs.editor
        if editor is None or self.layer is None or self.layer.fields().lookupField(id_field(editor.field)) < 0:
            return
        message = editor.store_names(self.motifs.notes)
        if self.styled_by_motifs() and self.layer.providerType() == "ogr":
            message = store_layer_style(self.layer) or message  # reopened later: the names, not C1, C2…
        if message:
            self.say(message)

    def say(self, text, error=False):
        self.status.setText(text)
        self.status.setStyleSheet("color: #B00020;" if error else "")


_DOCKS = {}


def show_curation_dock(iface, layer=None):
    """Show the (single) Motifs panel of this QGIS window, on ``layer`` when given."""
    dock = single_dock(_DOCKS, iface, CurationDock)
    if is_photo_layer(layer) and layer.id() in QgsProject.instance().mapLayers():
        dock.layer_combo.setLayer(layer)
    dock.show()
    dock.raise_()
    return dock


def close_curation_dock(iface) -> None:
    """Remove this QGIS window's Motifs panel (plugin unload)."""
    dock = _DOCKS.pop(id(iface), None)
    if dock is not None:
        dock.detach()
        if iface is not None:
            iface.removeDockWidget(dock)
        dock.deleteLater()
