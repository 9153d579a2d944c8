"""core.table_import: Flickr-style tables (CSV/XLSX) joined to local photo files."""
import csv
import hashlib
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational as R

from photo_motifs.core.hashing import content_hash, full_hash
from photo_motifs.core.photometa import FIELDS, INVALID_FIELDS
from photo_motifs.core.table_import import (
    TABLE_FIELDS,
    TABLE_INVALID_FIELDS,
    detect_columns,
    join_table,
    pseudonymise,
    read_table,
)

COLUMNS = ["id", "owner", "latitude", "longitude", "datetaken", "title", "tags", "url_o"]
# id, owner, lat, lon, file name written in the folder (None = no file)
ROWS = [
    ("1001", "alice@N01", "48.8584", "2.2945", "1001_a1b2c3_o.jpg"),  # Flickr original size
    ("1002", "bob@N02", "-33.8568", "151.2153", "1002.jpg"),           # bare id
    ("1003", "alice@N01", "not a number", "2.0", "1003_ffee_o.jpg"),   # bad coordinates
    ("1004", "carol@N03", "40.6892", "-74.0445", "sub/1004_99aa_o.jpg"),
    ("1005", "dave@N04", "51.5", "-0.12", None),                        # no file
    ("1006", "bob@N02", "0", "0", "1006.jpg"),                          # null island
    ("1007", "erin@N05", "95.0", "10.0", "1007.jpg"),                   # out of range
    ("1008", "erin@N05", "nan", "10.0", "1008.jpg"),                    # NaN
    ("1009", "frank@N06", "", "", "1009.jpg"),                          # empty
    ("1010", "gina@N07", "45.0", "7.0", "1010.jpg"),                    # unreadable image
]
# files no row refers to ("1001" must not match "10011_...")
EXTRA_FILES = ["9999.jpg", "notes.txt", "10011_zz_o.jpg"]


def write_jpeg(path, gps=None, taken=None, size=(40, 30), orientation=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if gps:
        exif[0x8825] = gps
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    if orientation:
        exif[0x0112] = orientation
    Image.new("RGB", size, (10, 120, 200)).save(path, exif=exif.tobytes())


@pytest.fixture
def flickr(tmp_path):
    """A folder of photos and the rows of its Flickr metadata table."""
    folder = tmp_path / "photos"
    for pid, _, _, _, name in ROWS:
        if name is None:
            continue
        if pid == "1010":
            (folder / name).write_bytes(b"\xff\xd8\xff\xe0 truncated")
        elif pid == "1001":  # EXIF with its own (different) GPS and a capture time
            write_jpeg(folder / name, taken="2019:05:01 10:00:00", orientation=6,
                       gps={1: "N", 2: (R(10, 1), R(0, 1), R(0, 1)), 3: "E",
                            4: (R(20, 1), R(0, 1), R(0, 1)), 6: R(355, 10), 17: R(90, 1)})
        else:
            write_jpeg(folder / name)
    for name in EXTRA_FILES:
        if name.endswith(".txt"):
            (folder / name).write_text("hello")
        else:
            write_jpeg(folder / name)
    rows = [{"id": pid, "owner": owner, "latitude": lat, "longitude": lon,
             "datetaken": "2012-05-06 14:22:01", "title": f"Photo {pid}", "tags": "city night",
             "url_o": f"https://live.staticflickr.com/65535/{pid}_secret_o.jpg"}
            for pid, owner, lat, lon, _ in ROWS]
    return folder, rows


def _check_flickr_result(folder, records, invalid, salt=None):
    rec = {r.source_row: r for r in records}
    assert sorted(rec) == [1, 2, 4]
    first = rec[1]
    assert first.filename == "1001_a1b2c3_o.jpg"
    assert (first.latitude, first.longitude) == (48.8584, 2.2945)  # the table wins over EXIF
    assert first.location_status == "ok"
    assert first.taken_at == "2019-05-01T10:00:00"  # EXIF time first
    assert (first.orientation, first.width, first.height) == (6, 30, 40)
    assert (first.altitude, first.direction) == (35.5, 90.0)
    assert first.title == "Photo 1001" and first.tags == "city night"
    assert first.url.endswith("1001_secret_o.jpg")
    assert first.photo_id == content_hash(folder / "1001_a1b2c3_o.jpg")
    assert rec[2].taken_at == "2012-05-06T14:22:01"  # no EXIF time: the table's datetaken
    assert rec[2].latitude == -33.8568
    assert rec[4].relpath == "sub/1004_99aa_o.jpg"
    if salt is None:
        assert rec[1].owner == "alice@N01"
    else:
        assert rec[1].owner == pseudonymise("alice@N01", salt)

    by_row = {i.source_row: i for i in invalid if i.source_row is not None}
    assert {n: i.reason_code for n, i in by_row.items()} == {
        3: "bad_coordinates", 5: "no_file", 6: "bad_coordinates", 7: "bad_coordinates",
        8: "bad_coordinates", 9: "bad_coordinates", 10: "unreadable"}
    assert by_row[5].table_id == "1005" and by_row[5].path == ""
    assert by_row[3].filename == "1003_ffee_o.jpg"
    assert "0°, 0°" in by_row[6].reason and "range" in by_row[7].reason
    not_in_table = sorted(i.relpath for i in invalid if i.reason_code == "not_in_table")
    assert not_in_table == sorted(EXTRA_FILES)

    # every row and every file is accounted for
    assert sorted({r.source_row for r in records} | set(by_row)) == list(range(1, len(ROWS) + 1))
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {r.relpath for r in records} | {i.relpath for i in invalid if i.relpath} == files


def test_schemas():
    assert TABLE_FIELDS[: len(FIELDS)] == FIELDS
    assert [n for n, _ in TABLE_FIELDS[len(FIELDS):]] == ["owner", "title", "tags", "url",
                                                           "source_row"]
    assert TABLE_INVALID_FIELDS[: len(INVALID_FIELDS)] == INVALID_FIELDS


def test_join_rows(flickr):
    folder, rows = flickr
    records, invalid = join_table(rows, folder)
    _check_flickr_result(folder, records, invalid)
    assert list(records[0].as_row()) == [n for n, _ in TABLE_FIELDS]
    assert list(invalid[0].as_row()) == [n for n, _ in TABLE_INVALID_FIELDS]


def _write_csv(path, rows, delimiter=","):
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_round_trip(flickr, tmp_path, delimiter):
    folder, rows = flickr
    table = tmp_path / "flickr.csv"
    _write_csv(table, rows, delimiter)
    columns, read = read_table(table)
    assert columns == COLUMNS and len(read) == len(ROWS)
    assert read[0]["id"] == "1001"
    records, invalid = join_table(read, folder)
    _check_flickr_result(folder, records, invalid)


def test_xlsx_round_trip(flickr, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    folder, rows = flickr
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(COLUMNS)
    for row in rows:  # ids and coordinates as spreadsheet numbers, where they are numbers
        values = []
        for c in COLUMNS:
            v = row[c]
            if c == "id":
                v = int(v)
            elif c in ("latitude", "longitude"):
                try:
                    v = float(v) if v.lower() != "nan" else v
                except ValueError:
                    pass
            values.append(v)
        ws.append(values)
    ws.append([None] * len(COLUMNS))  # trailing empty row is ignored
    table = tmp_path / "flickr.xlsx"
    wb.save(table)
    columns, read = read_table(table)
    assert columns == COLUMNS and len(read) == len(ROWS)
    records, invalid = join_table(read, folder)
    _check_flickr_result(folder, records, invalid)


def test_owner_pseudonymised(flickr):
    folder, rows = flickr
    salt = "project-salt"
    records, invalid = join_table(rows, folder, hash_owner_salt=salt)
    _check_flickr_result(folder, records, invalid, salt=salt)
    expected = "u_" + hashlib.sha256((salt + "alice@N01").encode()).hexdigest()[:16]
    owners = {r.source_row: r.owner for r in records}
    assert owners[1] == expected
    assert len(set(owners.values())) == 3  # alice, bob, carol stay distinct
    dump = repr([r.as_row() for r in records] + [i.as_row() for i in invalid])
    for _, owner, *_ in ROWS:
        assert owner not in dump
    assert pseudonymise("alice@N01", "other") != expected


def test_detect_columns():
    cols = detect_columns(["ID", "Owner Name", "Lat", "Lng", "date_taken", "Title", "tags",
                           "url_z", "url_o", "FileName"])
    assert cols == {"id": "ID", "filename": "FileName", "latitude": "Lat", "longitude": "Lng",
                    "taken_at": "date_taken", "owner": "Owner Name", "title": "Title",
                    "tags": "tags", "url": "url_o"}
    cols = detect_columns(["photo", "x", "y"], {"id": "photo"})
    assert (cols["id"], cols["latitude"], cols["longitude"]) == ("photo", "y", "x")
    assert cols["filename"] is None  # a column given for one role is not guessed for another
    with pytest.raises(ValueError, match="not in the table"):
        detect_columns(["a", "b"], {"latitude": "lat"})


def test_filename_column_takes_precedence(tmp_path):
    folder = tmp_path / "p"
    write_jpeg(folder / "7.jpg")
    write_jpeg(folder / "holiday" / "beach.JPG")
    rows = [{"id": "7", "file": "holiday\\beach.jpg", "lat": "1.5", "lon": "2.5"},
            {"id": "7", "file": "", "lat": "1.5", "lon": "2.5"},
            {"id": "8", "file": str(folder / "holiday" / "beach.JPG"), "lat": "1", "lon": "2"}]
    records, invalid = join_table(rows, folder)
    assert [r.relpath for r in records] == ["holiday/beach.JPG", "7.jpg", "holiday/beach.JPG"]
    assert invalid == []


def test_custom_pattern_and_multiple_sizes(tmp_path):
    folder = tmp_path / "p"
    for name in ("55_s3cr3t_o.jpg", "55_s3cr3t_z.jpg", "55_other_o.jpg"):
        write_jpeg(folder / name)
    rows = [{"id": "55", "secret": "s3cr3t", "latitude": "3", "longitude": "4"}]
    records, invalid = join_table(rows, folder, pattern="{id}_{secret}")
    assert sorted(r.filename for r in records) == ["55_s3cr3t_o.jpg", "55_s3cr3t_z.jpg"]
    assert [(i.filename, i.reason_code) for i in invalid] == [("55_other_o.jpg", "not_in_table")]
    with pytest.raises(ValueError, match="not a column"):
        join_table(rows, folder, pattern="{id}_{server}")
    for bad in ("{id", "plain", "{}_x"):
        with pytest.raises(ValueError, match="not valid"):
            join_table(rows, folder, pattern=bad)


def test_read_table_quirks(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('id;latitude;longitude;title\n1;45,5;7,25;"two\nlines; and more"\n\n'
                     '2;46;8;plain\n', encoding="utf-8")
    columns, rows = read_table(table)
    assert columns == ["id", "latitude", "longitude", "title"]
    assert rows[0]["title"] == "two\nlines; and more" and len(rows) == 2
    folder = tmp_path / "p"
    write_jpeg(folder / "1.jpg")
    records, _ = join_table(rows, folder)
    assert (records[0].latitude, records[0].longitude) == (45.5, 7.25)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,title,lat,lon\n1,Café,1,2\n".encode("cp1252"))
    assert read_table(latin)[1][0]["title"] == "Café"
    with pytest.raises(ValueError):
        read_table(tmp_path / "t.ods")


def test_missing_required_columns(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    with pytest.raises(ValueError, match="latitude"):
        join_table([{"id": "1", "title": "x"}], folder)
    with pytest.raises(ValueError, match="neither an id nor a file name"):
        join_table([{"lat": "1", "lon": "2"}], folder)
    with pytest.raises(NotADirectoryError):
        join_table([{"id": "1", "lat": "1", "lon": "2"}], tmp_path / "nope")


def test_join_never_modifies_files(flickr):
    folder, rows = flickr
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    before = [(full_hash(p), p.stat().st_mtime_ns) for p in files]
    join_table(rows, folder, hash_owner_salt="s")
    assert [(full_hash(p), p.stat().st_mtime_ns) for p in files] == before


def test_personal_salt_is_made_once_private_and_reused(tmp_path, monkeypatch):
    from photo_motifs.core.table_import import personal_salt

    monkeypatch.setenv("PHOTO_MOTIFS_HOME", str(tmp_path / "home"))
    salt = personal_salt()
    path = tmp_path / "home" / "owner_salt"
    assert len(salt) == 32 and path.read_text().strip() == salt
    assert (path.stat().st_mode & 0o777) == 0o600
    assert personal_salt() == salt
    path.write_text("")  # a damaged (empty) salt file is replaced, never used as an empty salt
    assert len(personal_salt()) == 32


def test_other_columns_are_kept_with_names_and_types(flickr):
    from photo_motifs.core.table_import import plan_columns

    folder, rows = flickr
    extra = {"1001": ("forest", "3", "0.5", "007", "Alice A.", "alice@example.org", "a.jpg"),
             "1002": ("street", "12", "2", "012", "Bob B.", "", "b.jpg"),
             "1004": ("forest", "", "1e3", "3", "Carol C.", "c@x.ee", "c.jpg")}
    for row in rows:
        values = extra.get(row["id"], ("", "", "", "", "", "", ""))
        row.update(zip(("category", "motif", "score", "code", "ownername", "email", "FileName"), values))
    columns = list(rows[0])
    cols = detect_columns(columns, {"filename": None})
    plan = plan_columns(columns, rows, cols, hashing=True)
    # used columns (lat, lon, date, owner, title, tags, url) become fields of the import; the others stay
    assert plan.schema == [("id", "int"), ("category", "str"), ("motif", "int"), ("score", "float"),
                           ("code", "str"), ("table_FileName", "str")]
    assert plan.renamed == {"FileName": "table_FileName"}  # GeoPackage names ignore case: 'filename' is ours
    assert plan.personal == ["ownername", "email"]  # they would undo the owner hashes
    records, _invalid = join_table(rows, folder, hash_owner_salt="s", plan=plan, columns=columns)
    by_id = {r.extra["id"]: r.as_row() for r in records}
    assert by_id[1001]["category"] == "forest" and by_id[1001]["motif"] == 3 and by_id[1001]["code"] == "007"
    assert by_id[1002]["score"] == 2.0 and by_id[1004]["motif"] is None and by_id[1004]["score"] == 1000.0
    assert "ownername" not in by_id[1001] and "Alice A." not in str(by_id)
    assert list(by_id[1001])[: len(TABLE_FIELDS)] == [n for n, _ in TABLE_FIELDS]
    # without hashing the user chose to keep names: the columns stay
    assert "ownername" in [k.field for k in plan_columns(columns, rows, cols, hashing=False).kept]


def test_infer_kind_by_hand():
    from photo_motifs.core.table_import import infer_kind

    assert infer_kind(["1", "2", None, " "]) == "int"
    assert infer_kind([1, 2.5]) == "float"
    assert infer_kind(["1", "x"]) == "str"
    assert infer_kind(["0042", "1"]) == "str"
    assert infer_kind([True, False]) == "bool"
    assert infer_kind(["nan"]) == "str" and infer_kind(["inf"]) == "str" and infer_kind([]) == "str"
    assert infer_kind(["99999999999999999999"]) == "str"
