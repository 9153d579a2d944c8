"""Name suggestions for a motif in the Motifs panel, from a converted CLIP model.

A collapsible box: the CLIP model folder (the one added last is preselected), an editable list
of words (``core.zeroshot.MOTIF_WORDS`` to start; a line ``graffiti: street art on a wall; a
wall with graffiti`` gives a word its own sentences), *Suggest names…* and the ranked words.
The ranking is the CLIP engine's (``models.zeroshot_model.suggest_motif_names``) over the
motif's most typical photos; it runs as a background task (CLIP's image tower takes seconds)
and the photos' CLIP embeddings go into the layer's embedding cache. Double-clicking a word
gives it to the selected motif (one undoable rename).
"""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout

from .motif_edits import tr

SUGGEST_PHOTOS = 32  # the most typical photos of a motif that a suggestion looks at
WORD = Qt.ItemDataRole.UserRole


def is_clip_folder(folder) -> bool:
    """True for a folder converted by 'Add a CLIP model' (it holds clip.json)."""
    from ..core.model_files import CLIP_INFO_FILE

    return bool(folder) and os.path.isfile(os.path.join(str(folder), CLIP_INFO_FILE))


def words_from_text(text: str) -> list:
    """Candidate names: one per line, or several per line separated by commas (a line with its own
    sentences, 'name: sentence; sentence', stays whole); blanks and repeats dropped."""
    out = []
    for line in str(text or "").splitlines():
        parts = [line] if ":" in line else line.split(",")
        for part in parts:
            word = " ".join(part.split())
            if word and word not in out:
                out.append(word)
    return out


def default_clip_folder() -> str:
    """The CLIP model added last, or ''."""
    try:
        from ..models.registry import installed_clip_models

        installed = installed_clip_models()
    except (ImportError, OSError):
        return ""
    return str(installed[0]) if installed else ""


class NameSuggestionsBox(QgsCollapsibleGroupBox):
    """The CLIP box of the Motifs tab; ``tab`` gives the selected motif, its photos and renames."""

    def __init__(self, tab):
        super().__init__(tr("Name suggestions (CLIP model)"), tab)
        from ..core.zeroshot import MOTIF_WORDS

        self.tab = tab
        self.task = None
        self.motif = None
        self.setCollapsed(True)
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setToolTip(tr("A folder made by 'Add a CLIP model' (image.onnx, text.onnx)."))
        self.folder.setFilePath(default_clip_folder())
        self.words = QPlainTextEdit(self)
        self.words.setPlainText(", ".join(MOTIF_WORDS))
        self.words.setMaximumHeight(70)
        self.button = QPushButton(tr("Suggest names…"), self)
        self.suggestions = QListWidget(self)
        self.suggestions.setMaximumHeight(110)
        self.suggestions.setToolTip(tr("Double-click a suggestion to give it to the selected motif."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addWidget(QLabel(tr("Words to choose from (commas or lines):"), self))
        layout.addWidget(self.words)
        layout.addWidget(self.button)
        layout.addWidget(self.suggestions)
        self.folder.fileChanged.connect(lambda _p: tab.update_buttons())
        self.button.clicked.connect(self.suggest)
        self.suggestions.itemDoubleClicked.connect(self.use)

    @property
    def running(self) -> bool:
        return self.task is not None

    def update_button(self, motifs, ok):
        self.button.setEnabled(ok and len(motifs) == 1 and is_clip_folder(self.folder.filePath())
                               and not self.running)

    def suggest(self):
        motifs = self.tab.selected_motifs()
        folder = self.folder.filePath()
        if len(motifs) != 1 or not is_clip_folder(folder) or self.running:
            return
        words = words_from_text(self.words.toPlainText())
        paths = self.tab.typical_paths(motifs[0], SUGGEST_PHOTOS)
        if not words or not paths:
            self.tab.dock.say(tr("Give some words, and a motif whose photos can be read."), error=True)
            return
        from ..core.embcache import default_cache_path
        from .training import cache_for, layer_home

        layer = self.tab.dock.layer
        cache = cache_for(layer) or str(default_cache_path(layer_home(layer)))
        self.motif = motifs[0]
        self.suggestions.clear()
        self.tab.dock.say(tr("Looking at the {} most typical photos of {} with CLIP…").format(len(paths), motifs[0]))
        self.task = QgsTask.fromFunction(tr("Name suggestions for {}").format(motifs[0]), _suggest,
                                         on_finished=self._done, motif=motifs[0], paths=paths, folder=folder,
                                         words=words, cache=cache)
        self.update_button(motifs, True)
        QgsApplication.taskManager().addTask(self.task)

    def _done(self, exception, result=None):
        self.task = None
        self.tab.update_buttons()
        if exception is not None or result is None:
            self.tab.dock.say(tr("No names could be suggested: {}").format(exception or tr("cancelled")), error=True)
            return
        for s in result:
            item = QListWidgetItem(tr("{}  ({:.0%} of the photos' votes, best word for {:.0%} of them)").format(
                s.word, s.score, s.share))
            item.setData(WORD, s.word)
            self.suggestions.addItem(item)
        self.tab.dock.say(tr("Names for {}: double-click one to use it.").format(self.motif) if result else
                          tr("None of the motif's photos could be read."))

    def use(self, item):
        motifs = self.tab.selected_motifs()
        if len(motifs) == 1:
            self.tab.rename(motifs[0], item.data(WORD))


def _suggest(task, motif, paths, folder, words, cache):
    """Runs in the task's thread: the engine's ranking for one motif (list of NameSuggestion)."""
    from ..core.embcache import EmbeddingCache
    from ..core.feedback import CoreFeedback
    from ..models.zeroshot_model import suggest_motif_names

    feedback = CoreFeedback(on_progress=task.setProgress, is_canceled=task.isCanceled)
    result = suggest_motif_names({motif: paths}, folder, words, cache=EmbeddingCache(cache), top=5,
                                 feedback=feedback)
    return result[motif]
