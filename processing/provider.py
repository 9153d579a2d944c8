"""The Photo Motifs Processing provider (id ``photomotifs``)."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PROVIDER_ID, __version__
from .translation import install_translator, tr

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "plugin", "icon.png")
SVG_ICON = os.path.join(os.path.dirname(__file__), "icons", "provider.svg")


def algorithm_classes():
    from .alg_addclip import AddClipAlgorithm
    from .alg_classify import ClassifyAlgorithm
    from .alg_cluster import ClusterAlgorithm
    from .alg_embed import EmbedAlgorithm
    from .alg_export_groups import ExportGroupsAlgorithm
    from .alg_harvest_flickr import HarvestFlickrAlgorithm
    from .alg_import_photos import ImportPhotosAlgorithm
    from .alg_import_table import ImportTableAlgorithm
    from .alg_motif_map import MotifMapAlgorithm
    from .alg_rename_motifs import RenameMotifsAlgorithm
    from .alg_search import SearchAlgorithm
    from .alg_summarize import SummarizeAlgorithm
    from .alg_train import TrainAlgorithm
    from .alg_zeroshot import ZeroShotAlgorithm

    return [ImportPhotosAlgorithm, ImportTableAlgorithm, EmbedAlgorithm, ClusterAlgorithm,
            ExportGroupsAlgorithm, TrainAlgorithm, ClassifyAlgorithm,
            SummarizeAlgorithm, MotifMapAlgorithm, HarvestFlickrAlgorithm,
            AddClipAlgorithm, ZeroShotAlgorithm, SearchAlgorithm, RenameMotifsAlgorithm]


class PhotoMotifsProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        # QGIS reads parameter descriptions when it loads the algorithms: translate before that
        install_translator()

    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Photo Motifs")

    def longName(self):
        return tr("Photo Motifs {} (offline photo embeddings, motifs and classifiers)").format(__version__)

    def icon(self):
        return QIcon(SVG_ICON if os.path.isfile(SVG_ICON) else ICON)

    def svgIconPath(self):
        return SVG_ICON if os.path.isfile(SVG_ICON) else ICON

    def versionInfo(self):
        return __version__

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        self.load_models()

    def load_models(self):
        """Add the shipped .model3 workflows; before registration, wait for it (see shipped_models)."""
        from qgis.core import QgsApplication

        from .workflows import shipped_models

        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is None:
            registry.providerAdded.connect(self._registered)
            return
        for model in shipped_models():
            self.addAlgorithm(model)

    def _registered(self, provider_id):
        if provider_id == self.id():
            from qgis.core import QgsApplication

            QgsApplication.processingRegistry().providerAdded.disconnect(self._registered)
            self.refreshAlgorithms()
