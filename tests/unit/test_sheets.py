"""Contact sheets (core.sheets)."""
from PIL import Image

from photo_motifs.core import sheets
from photo_motifs.core.sheets import contact_sheet, overview_sheet


def make_photos(folder, n, size=(64, 48)):
    paths = []
    for i in range(n):
        p = folder / f"photo.{i}.v2.jpg"
        Image.new("RGB", size, (40 * i % 255, 100, 200)).save(p, quality=90)
        paths.append(p)
    return paths


def load(path):
    with Image.open(path) as img:
        assert img.format == "PNG"
        return img.convert("RGB")


def test_contact_sheet_size_and_placeholder(tmp_path):
    paths = make_photos(tmp_path, 7)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    out = tmp_path / "sheets" / "C1.png"
    before = broken.read_bytes()
    problems = contact_sheet(paths + [broken], out, "C1 — 8 photos", subtitle="medoid first", cols=3, thumb=50,
                             max_photos=6, labels=[p.name for p in paths + [broken]])
    assert problems == []  # the broken photo is number 8, beyond max_photos
    img = load(out)
    assert img.width == 2 * sheets.MARGIN + 3 * 50 + 2 * sheets.GAP
    problems = contact_sheet([broken] + paths[:2], out, "C2", cols=3, thumb=50)
    assert [(p[0], p[1]) for p in problems] == [(str(broken), "truncated")]
    assert problems[0][2].endswith(".") and "image data" in problems[0][2]  # a sentence
    img = load(out)
    first_tile = img.getpixel((sheets.MARGIN + 2, img.height - sheets.MARGIN - 2))
    assert first_tile == sheets.PLACEHOLDER
    assert broken.read_bytes() == before


def test_exif_orientation_applied(tmp_path):
    p = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise on display
    Image.new("RGB", (80, 40), (255, 0, 0)).save(p, exif=exif)
    img, problem = sheets.thumbnail(p, 40)
    assert problem is None and img.size == (20, 40)


def test_overview_sheet_rows(tmp_path):
    paths = make_photos(tmp_path, 5)
    out = tmp_path / "overview.png"
    problems = overview_sheet({"C1": paths[:4], "C2": paths[4:], "noise": [tmp_path / "missing.jpg"]}, out,
                              per_group=3, thumb=40)
    assert [p[1] for p in problems] == ["unreadable"]
    img = load(out)
    assert img.height == 2 * sheets.MARGIN + 3 * 40 + 2 * sheets.GAP
    assert img.width == 2 * sheets.MARGIN + 120 + sheets.GAP + 3 * 40 + 2 * sheets.GAP
