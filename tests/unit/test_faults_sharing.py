"""An export "for sharing" (metadata stripped) also strips its tables: no location, date, camera,
owner or original path beside the copies, and the report says which columns were left out.

Before: the photos were re-encoded without EXIF/GPS, while photo_motifs_export.csv/.xlsx next to
them held latitude, longitude, altitude, the date, the camera and the original path.
"""
import csv
import zipfile

from photo_motifs.core.exportgroups import export_groups, sharing_columns
from photo_motifs.tests.fault_helpers import copy_photos

PRIVATE = ["photo", "relpath", "filename", "latitude", "longitude", "altitude", "direction", "taken_at", "make",
           "model", "owner", "ownername", "title", "tags", "photo_id", "x", "y", "url", "datetaken"]
PUBLIC = ["cluster", "cluster_size", "confidence", "class_2", "width", "height", "format"]


def _rows(photos):
    rows = []
    for k, p in enumerate(sorted(photos.iterdir())):
        row = {c: f"value {c} {k}" for c in PRIVATE + PUBLIC}
        row.update(photo=str(p), cluster=f"C{k % 2}", latitude=58.38 + k / 1000, longitude=26.72, altitude=60.0)
        rows.append(row)
    return rows


def _columns(out):
    with open(out / "photo_motifs_export.csv", encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    with zipfile.ZipFile(out / "photo_motifs_export.xlsx") as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    return header, xml


def test_tables_for_sharing_leave_out_location_date_camera_owner_and_paths(labeled_dir, tmp_path):
    photos = tmp_path / "photos"
    copy_photos(labeled_dir / "intel_scenes_dev" / "forest", photos, 4)
    report = export_groups(_rows(photos), tmp_path / "share", strip_metadata=True)
    header, xml = _columns(tmp_path / "share")
    assert header == PUBLIC + ["export_file", "export_status"]
    for column in PRIVATE:
        assert f">{column}<" not in xml, column
    assert "58.38" not in xml and str(photos) not in xml and "value make" not in xml
    note = next(n for n in report.notes if n.startswith("For sharing"))
    assert f"the {len(PRIVATE)} columns" in note and "latitude" in note and "photo" in note


def test_an_ordinary_export_keeps_every_column(labeled_dir, tmp_path):
    photos = tmp_path / "photos"
    copy_photos(labeled_dir / "intel_scenes_dev" / "forest", photos, 2)
    report = export_groups(_rows(photos), tmp_path / "out")
    header, _xml = _columns(tmp_path / "out")
    assert header == PRIVATE + PUBLIC + ["export_file", "export_status"]
    assert not any(n.startswith("For sharing") for n in report.notes)


def test_the_column_rule_by_hand():
    kept, left = sharing_columns(["cluster", "sim_x", "GPSLatitude", "Taken_At", "camera_make", "n_photos",
                                  "owner_id", "export_note", "class"], keep=("cluster",))
    assert kept == ["cluster", "n_photos", "export_note", "class"]
    assert left == ["sim_x", "GPSLatitude", "Taken_At", "camera_make", "owner_id"]
