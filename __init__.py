"""Photo Motifs QGIS plugin entry point (classFactory only)."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.main import PhotoMotifsPlugin

    return PhotoMotifsPlugin(iface)
