"""The whole GUI-free chain in one QGIS process, run by a test inside a network namespace without
any network (``unshare -n``): import -> embed -> cluster (contact sheets) -> export -> train ->
classify -> summarize -> motif map (tests only).

``python -m photo_motifs.tests.network_blocked PHOTOS WORK`` (PHOTOS holds ``all/`` and
``train/<class>/``) prints one JSON line: each step's results or its error, and every network
attempt Python code made (an audit hook records ``socket.connect``, ``socket.getaddrinfo``,
``socket.sendto`` to anything but a Unix socket). Attempts from C++ (Qt, GDAL, PROJ) cannot be
seen from here; the namespace refuses them, so a step that needed the network would fail.
"""
from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

ATTEMPTS = []


def _audit(event, args):
    if event == "socket.connect" and args and getattr(args[0], "family", None) != socket.AF_UNIX:
        ATTEMPTS.append(f"connect {args[1]!r}")
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
        ATTEMPTS.append(f"{event} {args[:2]!r}")


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from photo_motifs.core import deps

    deps.add_venv_to_path()
    from photo_motifs.processing.provider import PhotoMotifsProvider

    provider = PhotoMotifsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def _steps(photos: Path, work: Path) -> list:
    cache = str(work / "cache.sqlite")
    return [
        ("importphotos", {"FOLDER": str(photos / "all"), "KEEP_UNLOCATED": True, "OUTPUT": str(work / "p.gpkg")}),
        ("embed", {"INPUT": str(work / "p.gpkg"), "CACHE": cache, "OUTPUT": str(work / "e.gpkg")}),
        ("cluster", {"INPUT": str(work / "p.gpkg"), "CACHE": cache, "OUTPUT": str(work / "m.gpkg"),
                     "SHEETS": str(work / "sheets")}),
        ("exportgroups", {"INPUT": str(work / "m.gpkg"), "GROUP_FIELD": "cluster",
                          "OUTPUT_FOLDER": str(work / "groups")}),
        ("train", {"TRAINING_FOLDER": str(photos / "train"), "CACHE": cache, "OUTPUT_FOLDER": str(work / "model")}),
        ("classify", {"INPUT": str(work / "p.gpkg"), "MODEL": str(work / "model" / "signature.json"),
                      "CACHE": cache, "OUTPUT": str(work / "c.gpkg")}),
        ("summarize", {"INPUT": str(work / "located.gpkg"), "GRID_SHAPE": 0, "CELL_SIZE": 500, "MIN_USERS": 1,
                       "OUTPUT": str(work / "summary.gpkg")}),
        ("motifmap", {"SUMMARY": str(work / "summary.gpkg"), "SHEETS": str(work / "sheets"),
                      "OUTPUT_PDF": str(work / "map.pdf"), "OUTPUT_PNG": str(work / "map.png")}),
    ]


def _locate(work: Path) -> None:
    """The motif layer with made-up positions (the test photos have no GPS): located.gpkg."""
    from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPoint, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer(str(work / "m.gpkg"), "m", "ogr")
    memory = layer.materialize(QgsFeatureRequest())
    memory.startEditing()
    for k, f in enumerate(memory.getFeatures()):
        memory.changeGeometry(f.id(), QgsGeometry(QgsPoint(26.70 + 0.004 * (k % 7), 58.37 + 0.003 * (k // 7), 0.0)))
    memory.commitChanges()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(work / "located.gpkg"), memory.transformContext(), options)


def main(argv) -> None:
    photos, work = Path(argv[1]), Path(argv[2])
    sys.addaudithook(_audit)
    app, _provider = _qgis()
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    results = {}
    for name, params in _steps(photos, work):
        if name == "summarize":
            _locate(work)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        try:
            out = processing.run(f"photomotifs:{name}", params, context=context, feedback=QgsProcessingFeedback())
            results[name] = {k: (v if isinstance(v, (int, float, str, type(None))) else str(v)) for k, v in out.items()}
        except Exception as exc:  # the test shows which step failed and why
            results[name] = {"error": str(exc)}
    print(json.dumps({"results": results, "attempts": ATTEMPTS, "pid": os.getpid()}), flush=True)
    del app
    os._exit(0)  # QGIS's teardown of a standalone Processing session can crash: the results are out


if __name__ == "__main__":
    main(sys.argv)
