"""Edits of motifs and labels in a layer's edit buffer: rename, merge, split, move, 'not a motif'.

Every change is an attribute edit inside one ``beginEditCommand``/``endEditCommand``, so QGIS's
undo/redo, "Save layer edits" and "Roll back" treat it as one step, exactly like an edit in the
attribute table. The first change of a motif field keeps the original ids in ``<field>_id``
(as ``photomotifs:renamemotifs`` does) within the same step. After each change the style
follows: categories with the new counts, colours kept for the motifs that stay (see
``core.motifnames.stable_colours``); the legend follows the renderer. When the edits are saved,
the layer's ``motif_names`` table (GeoPackage) is rewritten from the saved values.
"""
from __future__ import annotations

from collections import Counter

from qgis.core import QgsFeatureRequest, QgsField
from qgis.PyQt.QtCore import QCoreApplication

from ..core.motifnames import formula_like, id_field, name_rows, text
from ..processing.motif_names import renderer_colours, store_names, stored_names
from ..processing.outputs import is_null
from ..processing.qgis_compat import FIELD_TYPES, REQUEST_NO_GEOMETRY


def tr(message):
    return QCoreApplication.translate("PhotoMotifs", message)


class EditError(ValueError):
    """A change that cannot be made, with the sentence why."""


def attribute_text(value):
    """An attribute value as motif text: None for NULL (None or a null QVariant) and blanks."""
    return None if is_null(value) else text(value)


def values_of(layer, field_name, fids=None) -> dict:
    """{fid: value as text or None} of ``field_name`` (edit buffer included)."""
    index = layer.fields().lookupField(field_name)
    if index < 0:
        return {}
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([index])
    if fids is not None:
        request.setFilterFids(list(fids))
    return {f.id(): attribute_text(f[index]) for f in layer.getFeatures(request)}


def text_fields(layer) -> list:
    """Fields that can hold motifs: text fields other than paths and notes, the usual ones first."""
    skip = {"photo", "relpath", "filename", "photo_id", "taken_at", "url", "title", "tags", "owner",
            "embed_status", "top_classes"}
    names = [f.name() for f in layer.fields() if f.type() == FIELD_TYPES["str"] and f.name() not in skip
             and not f.name().endswith(("_note", "_id"))]
    first = [n for n in ("cluster", "class", "label", "motif", "category") if n in names]
    return first + [n for n in names if n not in first]


def check_name(name) -> str:
    """A motif or class name as it will be stored; raises :class:`EditError` with a sentence."""
    name = text(name)
    if name is None:
        raise EditError(tr("Give a name."))
    if formula_like(name):
        raise EditError(tr("A name beginning with {} is run as a formula by spreadsheets; write it without "
                           "that sign.").format(name[0]))
    return name


class MotifEditor:
    """Changes of one text field of a photo layer (a motif or label field), undoable."""

    def __init__(self, layer, field_name, keep_ids: bool = True):
        self.layer = layer
        self.field = field_name
        self.keep_ids = keep_ids  # motif fields keep their original ids; a label field does not
        self.known_colours: dict = {}  # every colour a value had this session (undo brings it back)

    # --- reading ----------------------------------------------------------------------------------
    def values(self, fids=None) -> dict:
        return values_of(self.layer, self.field, fids)

    def counts(self) -> Counter:
        return Counter(self.values().values())

    def fids_of(self, names) -> list:
        names = set(names)
        return [fid for fid, value in self.values().items() if value in names]

    # --- editing ----------------------------------------------------------------------------------
    def ensure_editable(self) -> None:
        layer = self.layer
        if layer.isEditable():
            return
        if not layer.startEditing():
            raise EditError(tr("The layer {} cannot be edited (read-only file or data source).").format(layer.name()))

    def ensure_field(self) -> int:
        """Index of the field, created (text) in the edit buffer when missing, e.g. ``label``."""
        index = self.layer.fields().lookupField(self.field)
        if index >= 0:
            return index
        if not self.layer.addAttribute(QgsField(self.field, FIELD_TYPES["str"])):
            raise EditError(tr("The field {} cannot be added to the layer {}.").format(self.field, self.layer.name()))
        return self.layer.fields().lookupField(self.field)

    def _keep_original_ids(self) -> None:
        """Add ``<field>_id`` holding the current values, once (inside the running edit command)."""
        kept = id_field(self.field)
        if not self.keep_ids or self.layer.fields().lookupField(kept) >= 0:
            return
        current = self.values()
        if not self.layer.addAttribute(QgsField(kept, FIELD_TYPES["str"])):
            raise EditError(tr("The field {} cannot be added to the layer {}.").format(kept, self.layer.name()))
        index = self.layer.fields().lookupField(kept)
        for fid, value in current.items():
            if value is not None:
                self.layer.changeAttributeValue(fid, index, value)

    def set_values(self, fids, value, description: str) -> int:
        """Give the photos ``fids`` the value ``value`` (None: NULL) as one undoable step."""
        fids = list(fids)
        if not fids:
            return 0
        if self.layer.fields().lookupField(self.field) >= 0:
            index = self.layer.fields().lookupField(self.field)
            field = self.layer.fields().at(index)
            if value is not None and field.type() != FIELD_TYPES["str"]:
                raise EditError(tr("The field {} holds numbers; name the motifs with 'Rename and merge motifs', "
                                   "which writes them as text.").format(self.field))
        self.ensure_editable()
        self.remember_colours()
        self.layer.beginEditCommand(description)
        try:
            index = self.ensure_field()
            self._keep_original_ids()
            old = self.values(fids)
            changed = 0
            for fid in fids:
                if old.get(fid) != value:
                    self.layer.changeAttributeValue(fid, index, value)
                    changed += 1
        except Exception:
            self.layer.destroyEditCommand()
            raise
        self.layer.endEditCommand()
        return changed

    def rename(self, old, new) -> int:
        new = check_name(new)
        if new == old:
            return 0
        return self.set_values(self.fids_of([old]), new, tr("Rename motif {} to {}").format(old, new))

    def merge(self, names, into) -> int:
        into = check_name(into)
        return self.set_values(self.fids_of(names), into, tr("Merge {} into {}").format(", ".join(names), into))

    def exclude_motifs(self, names) -> int:
        return self.set_values(self.fids_of(names), None, tr("Mark {} as not a motif").format(", ".join(names)))

    def move(self, fids, target) -> int:
        """Move photos to ``target`` (an existing or a new motif; None: not a motif)."""
        if target is None:
            return self.set_values(fids, None, tr("Mark {} photos as not a motif").format(len(list(fids))))
        target = check_name(target)
        return self.set_values(fids, target, tr("Move {} photos to {}").format(len(list(fids)), target))

    # --- style ------------------------------------------------------------------------------------
    def remember_colours(self) -> None:
        for value, colour in renderer_colours(self.layer, self.field).items():
            self.known_colours.setdefault(value, colour)

    def restyle(self, sources=None, iface=None, counts=None) -> None:
        """Rebuild the categories from the current values, keeping colours (see module doc).

        ``counts``: {category value: photos} as the renderer classifies them (motif names,
        ``NOT_A_MOTIF``, ``unreadable``), when the caller has just counted them.
        """
        from ..processing.styling import apply_photo_style, category_renderer

        if self.layer.fields().lookupField(self.field) < 0:
            return
        current = renderer_colours(self.layer, self.field)
        colours = dict(self.known_colours)
        colours.update(current)
        for new, olds in (sources or {}).items():
            for old in olds:
                if old in colours and new not in current:
                    colours.setdefault(new, colours[old])
        renderer = category_renderer(self.layer, self.field, counts, colours=colours) if counts else None
        if renderer is not None and self.layer.mapTipTemplate():
            self.layer.setRenderer(renderer)  # the map tip and photo widget are there already
            self.layer.triggerRepaint()
        else:
            apply_photo_style(self.layer, self.field, colours=colours)
        self.remember_colours()
        if iface is not None and hasattr(iface, "layerTreeView") and iface.layerTreeView() is not None:
            iface.layerTreeView().refreshLayerSymbology(self.layer.id())

    # --- saved edits: the names table -------------------------------------------------------------
    def store_names(self, notes=None) -> str:
        """Rewrite the layer's names table from its values; '' or a sentence why not."""
        if not self.keep_ids:
            return ""
        ids = self.layer.fields().lookupField(id_field(self.field))
        values = self.values()
        if ids >= 0:
            originals = values_of(self.layer, id_field(self.field))
            keys = list(values)
            id_list = [originals.get(k) for k in keys]
        else:
            keys, id_list = list(values), [values[k] for k in values]
        stored = stored_names(self.layer, self.field)
        all_notes = dict(stored.notes)
        all_notes.update(notes or {})
        rows = name_rows(id_list, [values[k] for k in keys], all_notes, renderer_colours(self.layer, self.field))
        return store_names(self.layer, self.field, rows)


def store_layer_style(layer) -> str | None:
    """Store the layer's current style as the default style of its GeoPackage (None when stored).

    Written into ``layer_styles`` directly (``core.motifnames.replace_default_style``): in QGIS
    3.22 ``saveStyleToDatabase`` waits forever once the layer has loaded its default style from
    the same file, and on the layer being edited it breaks that layer's later reads.
    """
    from qgis.PyQt.QtXml import QDomDocument

    from ..core.motifnames import replace_default_style
    from ..processing.motif_names import layer_file
    from ..processing.styling import STYLE_NAME

    path, table = layer_file(layer)
    if not path or not table:
        return tr("The style is kept in the project; only GeoPackage files store it with the layer.")
    qml, sld = QDomDocument(), QDomDocument()
    layer.exportNamedStyle(qml)
    layer.exportSldStyle(sld, "")
    try:
        replace_default_style(path, table, qml.toString(), sld.toString(), STYLE_NAME, tr("Photo Motifs style"))
    except ValueError as exc:
        return str(exc)
    return None
