"""Our algorithms chain in a Processing model (what the graphical model builder makes)."""


def test_import_then_cluster_as_a_model(provider, geotagged_dir, tmp_path):
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )

    import processing

    model = QgsProcessingModelAlgorithm("Photo motifs of a folder", "tests")
    model.addModelParameter(
        QgsProcessingParameterFile("folder", "Photos", behavior=QgsProcessingParameterFile.Folder),
        QgsProcessingModelParameter("folder"))
    cache = Source.fromStaticValue(str(tmp_path / "cache.sqlite"))

    imp = QgsProcessingModelChildAlgorithm("photomotifs:importphotos")
    imp.setChildId("imp")
    imp.addParameterSources("FOLDER", [Source.fromModelParameter("folder")])
    model.addChildAlgorithm(imp)

    clu = QgsProcessingModelChildAlgorithm("photomotifs:cluster")
    clu.setChildId("clu")
    clu.addParameterSources("INPUT", [Source.fromChildOutput("imp", "OUTPUT")])
    clu.addParameterSources("CACHE", [cache])
    clu.addParameterSources("K_MIN", [Source.fromStaticValue(3)])
    out = QgsProcessingModelOutput("motifs")
    out.setChildId("clu")
    out.setChildOutputName("OUTPUT")
    clu.setModelOutputs({"motifs": out})
    model.addChildAlgorithm(clu)

    params = {"folder": str(geotagged_dir), "clu:motifs": str(tmp_path / "motifs.gpkg")}
    ok, errors = model.checkParameterValues(params, QgsProcessingContext())
    assert ok, errors
    res = processing.run(model, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    from .conftest import read_layer

    rows = read_layer(res["clu:motifs"])
    assert len(rows) >= 45
    labelled = [r for r in rows if r["cluster"]]
    assert len({r["cluster"] for r in labelled}) >= 3
    assert all(r["cluster_note"] for r in rows if not r["cluster"])
    # the folder holds located photos whose pixels are truncated: they reach the layer unclustered
    failed = [r for r in rows if r["filename"].startswith("DERIVED_truncated")]
    assert failed and all(r["cluster"] is None and "ends before" in r["cluster_note"] for r in failed)
