"""Time photomotifs:importphotos against QGIS's native:importphotos on the same folder, in one run.

    python -m photo_motifs.bench.import_vs_native [FOLDER] [--repeat N]

Prints seconds per run (best of N), photos located by each, and the ratio. Default folder:
../shared/data/geotagged (102 files). Run from the folder that holds the installed plugin.
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main():
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(here.parent / "shared" / "data" / "geotagged"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing
    from photo_motifs.processing.provider import PhotoMotifsProvider

    provider = PhotoMotifsProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    def timed(alg, params):
        best, located = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            res = processing.run(alg, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
            best = min(best, time.perf_counter() - t0)
            layer = res["OUTPUT"]
            located = sum(1 for f in layer.getFeatures()
                          if f.hasGeometry() and not f.geometry().isEmpty()
                          and (f.geometry().asPoint().x(), f.geometry().asPoint().y()) != (0, 0))
        return best, located

    n_files = sum(len(files) for _, _, files in os.walk(args.folder))
    ours = timed("photomotifs:importphotos", {"FOLDER": args.folder, "RECURSIVE": True,
                                              "OUTPUT": "TEMPORARY_OUTPUT", "INVALID": "TEMPORARY_OUTPUT"})
    native = timed("native:importphotos", {"FOLDER": args.folder, "RECURSIVE": True, "OUTPUT": "TEMPORARY_OUTPUT"})
    print(f"folder: {args.folder} ({n_files} files), best of {args.repeat}")
    print(f"photomotifs:importphotos  {ours[0]:.3f} s  {n_files / ours[0]:7.1f} files/s  located {ours[1]}")
    print(f"native:importphotos       {native[0]:.3f} s  {n_files / native[0]:7.1f} files/s  "
          f"located {native[1]} (not counting 0/0)")
    print(f"time ratio ours/native: {ours[0] / native[0]:.2f}  (below 1 = faster)")
    app.exitQgis()


if __name__ == "__main__":
    main()
