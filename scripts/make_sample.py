"""Build the default sample: real photos from Debian's mate-backgrounds package, geotagged.

The photos are real (landscapes, flowers, water, plants), but their positions and dates are
SYNTHETIC: they are placed around Tartu (Estonia) and dated in plausible months and hours of
2023-2024 (flowers in spring and summer by day, a storm on an autumn evening...) for
demonstration only, and every file says so in its EXIF ImageDescription. The three views of a
photo are dated minutes apart (a burst); every other photo carries its UTC offset
(OffsetTimeOriginal, +03:00 in summer time, +02:00 in winter) as phones write it, the others
have none, as many cameras. One truncated copy and one copy without GPS show the invalid table.
Idempotent: an existing sample is left as it is.
"""
import random
import shutil
import sys
from pathlib import Path

from PIL import Image
from PIL.TiffImagePlugin import IFDRational

SOURCE = Path("/usr/share/backgrounds/mate/nature")
PHOTOS = ["Aqua", "Blinds", "Dune", "FreshFlower", "Garden", "GreenMeadow", "LadyBird",
          "RainDrops", "Storm", "TwoWings", "Wood", "YellowFlower"]
CENTRE = (58.3780, 26.7290)  # Tartu town hall square
NOTE = ("Photo Motifs demonstration sample. Photo: Debian package mate-backgrounds ({src}). "
        "The GPS position and the date are synthetic, for demonstration only.")
# synthetic but plausible dates (year, month, day, hour, minute) per photo, by what it shows
TAKEN = {
    "Aqua": (2023, 11, 18, 20, 15), "Blinds": (2024, 1, 21, 15, 40), "Dune": (2024, 7, 14, 18, 30),
    "FreshFlower": (2024, 5, 19, 11, 5), "Garden": (2023, 8, 6, 16, 20), "GreenMeadow": (2024, 6, 2, 7, 45),
    "LadyBird": (2024, 6, 9, 13, 10), "RainDrops": (2023, 9, 24, 8, 30), "Storm": (2023, 10, 8, 19, 5),
    "TwoWings": (2024, 5, 26, 17, 50), "Wood": (2024, 3, 16, 12, 30), "YellowFlower": (2024, 7, 21, 10, 15),
}
VIEW_MINUTES = (0, 1, 3)  # the three views of a photo: a burst


def exif_time(name: str, view: int):
    """(DateTimeOriginal, OffsetTimeOriginal or None) of a view: every other photo has an offset."""
    y, mo, d, h, mi = TAKEN[name]
    mi += VIEW_MINUTES[view]
    stamp = f"{y:04d}:{mo:02d}:{d:02d} {h + mi // 60:02d}:{mi % 60:02d}:00"
    offset = ("+03:00" if 4 <= mo <= 10 else "+02:00") if PHOTOS.index(name) % 2 == 0 else None
    return stamp, offset


def gps_ifd(lat, lon, alt):
    def dms(value):
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = ((value - d) * 60 - m) * 60
        return (IFDRational(d, 1), IFDRational(m, 1), IFDRational(round(s * 10000), 10000))

    return {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon),
            5: b"\x00", 6: IFDRational(round(alt * 100), 100)}


def crops(img):
    """Three views of each photo: the whole frame and two overlapping squares."""
    w, h = img.size
    s = min(w, h)
    return {
        "full": img,
        "left": img.crop((0, 0, s, s)),
        "right": img.crop((w - s, h - s, w, h)),
    }


def main(out):
    out = Path(out)
    if out.is_dir() and any(out.iterdir()):
        print(f"sample already at {out}")
        return
    if not SOURCE.is_dir():
        sys.exit(f"{SOURCE} is missing: install the Debian package mate-backgrounds "
                 "(bash scripts/setup.sh does), or pass a folder of your own photos.")
    final, out = out, out.with_name(out.name + ".partial")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(42)
    for name in PHOTOS:
        src = SOURCE / f"{name}.jpg"
        with Image.open(src) as img:
            img.draft("RGB", (1600, 1600))
            img = img.convert("RGB")
            for j, (view, im) in enumerate(crops(img).items()):
                im = im.copy()
                im.thumbnail((1600, 1600), Image.LANCZOS)
                exif = Image.Exif()
                exif[0x010E] = NOTE.format(src=src.name)  # ImageDescription
                exif[0x010F] = "Photo Motifs sample"  # Make
                exif[0x0110] = "mate-backgrounds"  # Model
                exif[0x0112] = 1
                lat = CENTRE[0] + rng.uniform(-0.02, 0.02)
                lon = CENTRE[1] + rng.uniform(-0.035, 0.035)
                stamp, offset = exif_time(name, j)
                exif.get_ifd(0x8769)[0x9003] = stamp  # DateTimeOriginal
                if offset:
                    exif.get_ifd(0x8769)[0x9011] = offset  # OffsetTimeOriginal
                exif.get_ifd(0x8825).update(gps_ifd(lat, lon, 40 + rng.uniform(0, 30)))
                im.save(out / f"{name}_{view}.jpg", quality=90, exif=exif)
    # two files that cannot be mapped, to show the invalid table
    whole = (out / "Aqua_full.jpg").read_bytes()
    (out / "broken_truncated.jpg").write_bytes(whole[: len(whole) // 3])
    with Image.open(SOURCE / "Wood.jpg") as img:
        img.draft("RGB", (800, 800))
        img.convert("RGB").save(out / "no_location.jpg", quality=85)
    (out.parent / "README.txt").write_text(
        "Photo Motifs sample: photos from Debian's mate-backgrounds package (GPL-2+/CC, see\n"
        "/usr/share/doc/mate-backgrounds/copyright), three views each, with SYNTHETIC positions\n"
        "around Tartu and SYNTHETIC dates (plausible months and hours of 2023-2024) for\n"
        "demonstration only. broken_truncated.jpg and no_location.jpg are\n"
        "there on purpose to show the invalid-photos table.\n"
    )
    out.rename(final)
    print(f"sample written to {final} ({len(PHOTOS) * 3 + 2} files)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sample/photos")
