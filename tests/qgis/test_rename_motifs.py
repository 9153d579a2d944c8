"""photomotifs:renamemotifs in real QGIS: merge, exclusion, names table, stable colours, redo, and
the names in the area summary and the printed motif map (expected values by hand)."""
import shutil
import subprocess

import pytest
from PIL import Image

from .conftest import read_layer

# 12 photos in EPSG:3301 (metres): (x, cluster, rank); C1 is the largest motif
PHOTOS = [(10, "C1", 1), (20, "C1", 2), (30, "C1", 3), (40, "C1", 4), (150, "C2", 1), (160, "C2", 2),
          (170, "C2", 3), (250, "C3", 1), (260, "C3", 2), (270, "C3", 3), (350, "C4", 1), (360, "C4", 2)]
# the palette's first colours (core/palette.py: Okabe-Ito), handed out by size: C1, C2, C3, C4
ORANGE, SKY, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"


def write_gpkg(layer, path):
    from qgis.core import QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return str(path)


@pytest.fixture
def motifs_gpkg(tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    photos = tmp_path / "photos"
    photos.mkdir()
    layer = QgsVectorLayer("Point?crs=EPSG:3301", "motifs", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in (
        ("photo", QVariant.String), ("owner", QVariant.String), ("cluster", QVariant.String),
        ("cluster_rank", QVariant.Int))])
    layer.updateFields()
    feats = []
    for k, (x, cluster, rank) in enumerate(PHOTOS):
        path = photos / f"p{k}.jpg"
        Image.new("RGB", (48, 32), (20 * k, 100, 200 - 10 * k)).save(path)
        f = QgsFeature(layer.fields())
        f.setAttributes([str(path), f"u{k}", cluster, rank])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 10)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return write_gpkg(layer, tmp_path / "motifs.gpkg")


def mapping_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def categories(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "styled", "ogr")  # the default style stored in the GeoPackage
    assert layer.renderer().type() == "categorizedSymbol"
    return {c.label(): c.symbol().color().name().upper() for c in layer.renderer().categories()}


def test_merge_exclusion_names_table_style_and_sheets(run_alg, motifs_gpkg, tmp_path):
    mapping = mapping_csv(tmp_path / "m.csv", "old,new,note\nC1,forest,trees and parks\nC2,forest,\nC3,,\n"
                                              "C4,river at night,lights on water\nC9,ghost,\n")
    out = tmp_path / "named.gpkg"
    res = run_alg("photomotifs:renamemotifs", {"INPUT": motifs_gpkg, "FIELD": "cluster", "MAPPING": mapping,
                                               "OUTPUT": str(out), "SHEETS": str(tmp_path / "sheets")})
    assert (res["MOTIFS"], res["CHANGED"], res["EXCLUDED"]) == (2, 12, 3)
    rows = read_layer(out)
    assert [r["cluster"] for r in rows] == ["forest"] * 7 + [None] * 3 + ["river at night"] * 2
    assert [r["cluster_id"] for r in rows] == [c for _x, c, _r in PHOTOS]
    assert [r["cluster_rank"] for r in rows] == [r for _x, _c, r in PHOTOS]  # other fields kept
    names = {(r["id"], r["name"]): (r["note"], r["colour"], r["photos"])
             for r in read_layer(f"{out}|layername=motif_names")}
    assert names == {("C1", "forest"): ("trees and parks", ORANGE, 4), ("C2", "forest"): ("trees and parks", ORANGE, 3),
                     ("C4", "river at night"): ("lights on water", YELLOW, 2), ("C3", None): (None, None, 3)}
    # legend: the new names with their counts; the merge keeps C1's colour, the rename C4's
    assert categories(out) == {"forest (7)": ORANGE, "river at night (2)": YELLOW, "not a motif (3)": "#9E9E9E"}
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        "forest.png", "overview.png", "river at night.png"]
    # exported by name; the photos that are no motif are left out of a class-folder export
    run_alg("photomotifs:exportgroups", {"INPUT": str(out), "GROUP_FIELD": "cluster", "SKIP_EMPTY": True,
                                         "XLSX": False, "CSV": False, "OUTPUT_FOLDER": str(tmp_path / "groups")})
    folders = {p.name: len(list(p.iterdir())) for p in (tmp_path / "groups").iterdir()}
    assert folders == {"forest": 7, "river at night": 2}


def test_redo_from_the_original_ids(run_alg, motifs_gpkg, tmp_path):
    first = tmp_path / "named.gpkg"
    run_alg("photomotifs:renamemotifs", {"INPUT": motifs_gpkg, "FIELD": "cluster", "OUTPUT": str(first),
                                         "MAPPING": mapping_csv(tmp_path / "a.csv", "old,new\nC1,forest\nC2,forest\n"
                                                                                    "C3,\n")})
    # the second run renames the merge, takes C2 back out of it and C3 back in as a motif
    again = tmp_path / "again.gpkg"
    res = run_alg("photomotifs:renamemotifs", {
        "INPUT": str(first), "FIELD": "cluster", "OUTPUT": str(again),
        "MAPPING": mapping_csv(tmp_path / "b.csv", "old,new\nforest,woods\nC2,meadow\nC3,grass\n")})
    assert [r["cluster"] for r in read_layer(again)] == ["woods"] * 4 + ["meadow"] * 3 + ["grass"] * 3 + ["C4"] * 2
    assert [r["cluster_id"] for r in read_layer(again)] == [c for _x, c, _r in PHOTOS]
    assert res["MOTIFS"] == 4
    colours = categories(again)
    assert colours["woods (4)"] == ORANGE and colours["C4 (2)"] == YELLOW  # kept through both runs
    assert colours["meadow (3)"] not in (ORANGE, YELLOW) and colours["grass (3)"] not in (ORANGE, YELLOW)


def test_bad_mappings_are_sentences(run_alg, motifs_gpkg, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "bad.gpkg"
    mapping = mapping_csv(tmp_path / "bad.csv", "old,new\nC1,=HYPERLINK(\"http://x\")\nC2,a\nC2,b\n")
    with pytest.raises(QgsProcessingException) as err:
        run_alg("photomotifs:renamemotifs", {"INPUT": motifs_gpkg, "FIELD": "cluster", "MAPPING": mapping,
                                             "OUTPUT": str(out)})
    text = str(err.value)
    assert "Row 2: the new name '=HYPERLINK" in text and "spreadsheets run as a formula" in text
    assert "Row 4 gives 'C2' the name 'b', row 3 gave it 'a'" in text
    assert not out.exists()
    with pytest.raises(QgsProcessingException, match="needs the columns 'old' and 'new'"):
        run_alg("photomotifs:renamemotifs", {"INPUT": motifs_gpkg, "FIELD": "cluster", "OUTPUT": str(out),
                                             "MAPPING": mapping_csv(tmp_path / "c.csv", "a;b\nC1;x\n")})
    with pytest.raises(QgsProcessingException, match="No old motif of the mapping is in the layer; its motifs "
                                                     "are: C1, C2, C3, C4"):
        run_alg("photomotifs:renamemotifs", {"INPUT": motifs_gpkg, "FIELD": "cluster", "OUTPUT": str(out),
                                             "MAPPING": mapping_csv(tmp_path / "d.csv", "old,new\nX,y\n")})


def test_summary_and_motif_map_show_the_names(run_alg, motifs_gpkg, tmp_path):
    named = tmp_path / "named.gpkg"
    run_alg("photomotifs:renamemotifs", {
        "INPUT": motifs_gpkg, "FIELD": "cluster", "OUTPUT": str(named), "SHEETS": str(tmp_path / "sheets"),
        "MAPPING": mapping_csv(tmp_path / "m.csv", "old,new\nC1,õhtune jõgi\nC2,õhtune jõgi\nC3,\nC4,church\n")})
    summary = tmp_path / "summary.gpkg"
    run_alg("photomotifs:summarize", {"INPUT": str(named), "GRID_SHAPE": 1, "CELL_SIZE": 100, "MIN_USERS": 1,
                                      "GRID_CRS": "EPSG:3301", "MEASURE": 2, "OUTPUT": str(summary)})
    areas = {r["area"]: r for r in read_layer(summary)}
    # cells by hand: x 10-40 -> S0_0 (4 C1), 150-170 -> S1_0 (3 C2), 250-270 -> S2_0 (excluded), 350-360 -> S3_0
    assert areas["S0_0"]["dominant"] == "õhtune jõgi" and areas["S0_0"]["n_ohtune_jogi"] == 4
    assert areas["S1_0"]["dominant"] == "õhtune jõgi" and areas["S3_0"]["dominant"] == "church"
    assert areas["S2_0"]["dominant"] is None and areas["S2_0"]["photos"] == 3
    # one colour per motif on points and areas
    area_colours = {c.split(" (")[0]: v for c, v in categories(summary).items()}
    point_colours = {c.split(" (")[0]: v for c, v in categories(named).items()}
    assert area_colours["õhtune jõgi"] == point_colours["õhtune jõgi"] == ORANGE
    assert area_colours["church"] == point_colours["church"] == YELLOW
    assert {r["name"] for r in read_layer(f"{summary}|layername=motif_names")} == {"õhtune jõgi", "church", None}
    pdf = tmp_path / "map.pdf"
    run_alg("photomotifs:motifmap", {"SUMMARY": str(summary), "SHEETS": str(tmp_path / "sheets"),
                                     "OUTPUT_PDF": str(pdf), "OUTPUT_PNG": str(tmp_path / "map.png")})
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils, installed by scripts/setup.sh) is missing"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # legend and top motifs name the motifs; no C-number is left on the map
    assert "õhtune jõgi" in text and "church" in text
    assert "õhtune jõgi: dominant in 2 areas" in text and "church: dominant in 1 areas" in text
    assert "C1" not in text and "C4" not in text
    # the area of 'not a motif' photos is published as having no motif, not hatched as suppressed
    assert "no motif (only photos outside every motif)" in text and "suppressed" not in text


def test_renamemotifs_through_qgis_process(qgis_process_cmd, motifs_gpkg, tmp_path):
    """The command line: a merge and an exclusion, a warning for an unknown motif, exit status 0;
    a formula-like name exits 1 with the sentence and writes nothing."""
    import json

    out = tmp_path / "cli.gpkg"
    mapping = mapping_csv(tmp_path / "m.csv", "old;new\nC1;forest\nC2;forest\nC3;\nC7;x\n")
    proc = qgis_process_cmd("--json", "run", "photomotifs:renamemotifs", "--", f"INPUT={motifs_gpkg}",
                            "FIELD=cluster", f"MAPPING={mapping}", f"OUTPUT={out}", timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert (results["MOTIFS"], results["CHANGED"], results["EXCLUDED"]) == (2, 10, 3)
    assert "Row 5: 'C7' is no motif of this layer; the row is skipped." in proc.stdout + proc.stderr
    assert [r["cluster"] for r in read_layer(out)] == ["forest"] * 7 + [None] * 3 + ["C4"] * 2
    assert categories(out) == {"forest (7)": ORANGE, "C4 (2)": YELLOW, "not a motif (3)": "#9E9E9E"}
    bad = mapping_csv(tmp_path / "bad.csv", "old,new\nC1,@SUM(1)\n")
    proc = qgis_process_cmd("run", "photomotifs:renamemotifs", "--", f"INPUT={motifs_gpkg}", "FIELD=cluster",
                            f"MAPPING={bad}", f"OUTPUT={tmp_path / 'bad.gpkg'}", timeout=300)
    assert proc.returncode == 1 and "begins with '@'" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr and not (tmp_path / "bad.gpkg").exists()
