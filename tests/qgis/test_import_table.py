"""photomotifs:importtable: a Flickr-style CSV joined to downloaded files, in real QGIS."""
import csv
import shutil

import pytest

from .conftest import read_layer


@pytest.fixture
def flickr_download(geotagged_dir, tmp_path):
    """Real photos renamed the way Flickr downloaders name them, and the API's metadata CSV."""
    photos = tmp_path / "photos"
    photos.mkdir()
    sources = sorted(geotagged_dir.glob("exif-samples__DSCN00*.jpg"))[:5]
    names = ["5100000001_ab12cd34ef_o.jpg", "5100000002.jpg", "5100000003_99ff00aa11_b.jpg",
             "5100000004_0123456789_z.jpg", "unrelated_download.jpg"]
    for src, name in zip(sources, names):
        shutil.copyfile(src, photos / name)
    rows = [
        # id, owner, latitude, longitude, datetaken, title, tags, url_o
        ("5100000001", "12345678@N00", "58.3806", "26.7251", "2021-05-01 10:00:00", "Town hall", "tartu square", "https://example.org/1"),
        ("5100000002", "12345678@N00", "58.3733", "26.7154", "2021-05-02 11:00:00", "Observatory", "hill", "https://example.org/2"),
        ("5100000003", "87654321@N01", "58.3821", "26.7323", "2021-05-03 12:00:00", "Emajõgi bridge", "river", "https://example.org/3"),
        ("5100000004", "87654321@N01", "not a number", "26.70", "2021-05-04 13:00:00", "bad lat", "", ""),
        ("5100000005", "11111111@N02", "58.37", "26.71", "2021-05-05 14:00:00", "file missing", "", ""),
        ("5100000006", "11111111@N02", "0", "0", "2021-05-06 15:00:00", "null island", "", ""),
    ]
    table = tmp_path / "flickr.csv"
    with open(table, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "owner", "latitude", "longitude", "datetaken", "title", "tags", "url_o"])
        w.writerows(rows)
    return table, photos


def test_flickr_table_join(run_alg, flickr_download, tmp_path):
    table, photos = flickr_download
    res = run_alg("photomotifs:importtable", {
        "TABLE": str(table), "FOLDER": str(photos), "HASH_OWNERS": True, "SALT": "project-salt",
        "OUTPUT": str(tmp_path / "out.gpkg"), "INVALID": str(tmp_path / "invalid.csv"),
    })
    ok = read_layer(res["OUTPUT"])
    bad = read_layer(res["INVALID"])
    assert sorted(r["filename"] for r in ok) == [
        "5100000001_ab12cd34ef_o.jpg", "5100000002.jpg", "5100000003_99ff00aa11_b.jpg"]
    by_name = {r["filename"]: r for r in ok}
    town = by_name["5100000001_ab12cd34ef_o.jpg"]
    # positions come from the table, not from the files' EXIF
    assert abs(town["latitude"] - 58.3806) < 1e-9 and abs(town["geometry"].constGet().x() - 26.7251) < 1e-9
    assert town["title"] == "Town hall" and town["url"] == "https://example.org/1"
    # owners pseudonymised: distinct users stay distinct, names never appear
    owners = {r["owner"] for r in ok}
    assert len(owners) == 2 and all(o.startswith("u_") for o in owners)
    assert "12345678@N00" not in (tmp_path / "out.gpkg").read_bytes().decode("latin-1")
    codes = sorted(r["reason_code"] for r in bad)
    # row 4: bad latitude; row 5: no file; row 6: 0/0 and no file; unrelated_download.jpg: no row
    assert len(codes) == 4 and codes.count("not_in_table") == 1
    assert codes.count("bad_coordinates") >= 1 and codes.count("no_file") >= 1
    assert all(r["reason"] for r in bad)


def test_xlsx_table(run_alg, flickr_download, tmp_path):
    import openpyxl

    table, photos = flickr_download
    wb = openpyxl.Workbook()
    ws = wb.active
    with open(table, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    xlsx = tmp_path / "flickr.xlsx"
    wb.save(xlsx)
    res = run_alg("photomotifs:importtable", {
        "TABLE": str(xlsx), "FOLDER": str(photos), "HASH_OWNERS": False,
        "OUTPUT": "TEMPORARY_OUTPUT", "INVALID": "TEMPORARY_OUTPUT",
    })
    assert res["IMPORTED"] == 3 and res["INVALID_COUNT"] == 4
    owners = {f["owner"] for f in res["OUTPUT"].getFeatures()}
    assert owners == {"12345678@N00", "87654321@N01"}


def test_other_columns_become_label_and_motif_fields(run_alg, labeled_dir, tmp_path):
    """A 'category' typed in a spreadsheet survives the import and trains a model and summarises
    by area; a column named like a field of the import is renamed and said; owner names are left out."""
    intel = labeled_dir / "intel_scenes_dev"
    table = tmp_path / "photos.csv"
    rows = []
    for k, cls in enumerate(["forest"] * 8 + ["street"] * 8):
        name = sorted((intel / cls).iterdir())[k % 8].name
        # forest photos in the west cell, street photos in the east cell (EPSG:4326, ~1 km apart)
        rows.append((f"{cls}/{name}", 58.38, 26.70 + (0.02 if cls == "street" else 0.0) + k * 1e-5, cls,
                     f"owner{k}", f"Name {k}", k))
    with open(table, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "latitude", "longitude", "category", "owner", "ownername", "Photo_ID"])
        w.writerows(rows)
    out = tmp_path / "photos.gpkg"
    res = run_alg("photomotifs:importtable", {"TABLE": str(table), "FOLDER": str(intel), "OUTPUT": str(out),
                                              "SALT": "s", "INVALID": "TEMPORARY_OUTPUT"})
    assert res["IMPORTED"] == 16
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "p", "ogr")
    names = layer.fields().names()
    assert "category" in names and "file" in names and "table_Photo_ID" in names and "photo_id" in names
    assert "ownername" not in names
    assert layer.fields().field("table_Photo_ID").typeName().lower().startswith("int")
    photos = read_layer(out)
    assert sorted(r["category"] for r in photos) == ["forest"] * 8 + ["street"] * 8
    trained = run_alg("photomotifs:train", {"INPUT": str(out), "LABEL_FIELD": "category",
                                            "OUTPUT_FOLDER": str(tmp_path / "model")})
    assert trained["CLASSES"] == 2 and trained["ACCURACY"] is not None
    summary = tmp_path / "summary.gpkg"
    run_alg("photomotifs:summarize", {"INPUT": str(out), "MOTIF_FIELD": "category", "CELL_SIZE": 1000,
                                      "GRID_SHAPE": 1, "MIN_USERS": 1, "MEASURE": 2, "OUTPUT": str(summary)})
    dominant = sorted((r["dominant"], r["photos"]) for r in read_layer(summary))
    assert dominant == [("forest", 8), ("street", 8)]
