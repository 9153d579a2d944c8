"""QGIS-free logic of Photo Motifs. Nothing in this package imports qgis or Qt."""
