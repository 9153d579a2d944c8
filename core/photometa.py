"""Photo metadata (location, time, direction, camera, size) read from file headers only.

Pixels are never decoded: ``PIL.Image.open`` is lazy and reads the header, EXIF comes from
``getexif()`` and its GPS and Exif sub-IFDs. Formats: JPEG (and MPO), HEIC/HEIF (pillow-heif),
AVIF (Pillow's own plugin), WebP, PNG (``eXIf`` chunk) and TIFF, including 16-bit
thermal/multispectral TIFFs and DNG. Files are opened read-only and never modified.

Every file of a scanned folder ends in exactly one of the two lists :func:`scan_folder`
returns: a :class:`PhotoRecord` (``FIELDS``) or an :class:`InvalidPhoto` (``INVALID_FIELDS``).

Reason codes
------------
Files that cannot be used at all (always in the invalid list):

``not_an_image``
    Pillow does not recognise the content and the name is not an image name (CSV, XMP or
    ``.exif`` sidecars, documents...).
``unreadable``
    An image (by content or by name) whose header cannot be read: corrupt or truncated data,
    a damaged EXIF block that makes Pillow fail (the known denial-of-service sample), a size
    beyond Pillow's decompression-bomb limit, HEIC without pillow-heif, or an I/O error.
    Every exception of the header read is caught, so a bad file never stops a scan.
``not_a_file``
    A device, named pipe or socket (or a link to one): never opened (``core/files.py``).
``file_too_large``
    Larger than ``core.files.MAX_PHOTO_BYTES``: never opened.

Photos that can be read but have no usable location. They are the record's
``location_status`` (with null coordinates) when ``keep_unlocated`` is set, otherwise they go
to the invalid list with the same code:

``exif_unreadable``
    The image header is fine but its EXIF block cannot be parsed.
``no_exif``
    The photo carries no EXIF metadata.
``no_gps``
    EXIF without a GPS block.
``gps_without_coordinates``
    A GPS block without a complete latitude/longitude pair (only a version tag, a map datum,
    or a latitude without longitude).
``gps_nan``
    Latitude or longitude is not a finite number: NaN, infinity, a rational with a zero
    denominator, or a value of the wrong type.
``gps_zero``
    Exactly 0°, 0°. Cameras write this as a default when they have no fix ("null island");
    it is not a location, so it is rejected like a missing one.
``gps_out_of_range``
    |latitude| > 90 or |longitude| > 180.
``gps_missing_ref``
    Coordinates are present but GPSLatitudeRef or GPSLongitudeRef is missing or is not
    N/S (E/W). EXIF stores unsigned values and the reference tag carries the hemisphere;
    exiftool then prints the unsigned value, i.e. assumes N/E, which puts a photo taken in the
    southern or western hemisphere thousands of kilometres away. We reject rather than guess.

The checks run in the order listed, so a photo gets the first code that applies. ``ok`` marks a
usable location. Duplicates (the same bytes twice) are not an error: both files are kept and
share one ``photo_id``.

Values
------
- latitude/longitude: decimal degrees, WGS 84, degrees + minutes/60 + seconds/3600; the
  reference tag decides the sign (a negative stored value counts by its magnitude).
- altitude: metres, GPSAltitude made negative when GPSAltitudeRef is 1 (below sea level);
  direction: GPSImgDirection in degrees [0, 360). Both are null unless the location is ``ok``
  (a camera without a fix writes defaults there too) or not finite.
- taken_at: ISO 8601 ``YYYY-MM-DDTHH:MM:SS`` (seconds precision) plus ``±HH:MM`` when the
  offset is known. First of DateTimeOriginal (+OffsetTimeOriginal), DateTimeDigitized
  (+OffsetTimeDigitized), DateTime (+OffsetTime) that holds a valid date; an offset written in
  the date string itself is used when the offset tag is absent.
- orientation: the EXIF Orientation tag (1-8) as the camera wrote it, or null. For HEIF this is
  the original tag (pillow-heif resets it to 1 after applying the container's rotation).
- width/height: as displayed, i.e. swapped for orientations 5-8 (HEIF sizes from pillow-heif
  are already displayed sizes); for DNG the full-resolution sub-image, not the preview.
- make/model: stripped of surrounding whitespace and NULs; empty strings become null.
"""
from __future__ import annotations

import math
import os
import re
import warnings
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

from PIL import ExifTags, Image, TiffImagePlugin, UnidentifiedImageError

from .feedback import CoreFeedback, Ticker, ensure_feedback
from .files import PhotoFileError, check_photo_file, is_image_name, list_files, open_photo
from .hashing import content_hash
from .messages import msg

try:
    import pillow_heif
except ImportError:  # HEIC files are then reported as unreadable with the install hint
    pillow_heif = None
else:
    pillow_heif.register_heif_opener()

FIELDS = [
    ("photo", "str"),
    ("relpath", "str"),
    ("filename", "str"),
    ("photo_id", "str"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("altitude", "float"),
    ("direction", "float"),
    ("taken_at", "datetime"),
    ("orientation", "int"),
    ("make", "str"),
    ("model", "str"),
    ("width", "int"),
    ("height", "int"),
    ("file_size", "int"),
    ("format", "str"),
    ("location_status", "str"),
]

INVALID_FIELDS = [
    ("path", "str"),
    ("relpath", "str"),
    ("filename", "str"),
    ("reason_code", "str"),
    ("reason", "str"),
]

OK = "ok"

REASONS = {
    "not_an_image": "The file is not an image in a format Photo Motifs can read.",
    "unreadable": "The image cannot be read.",
    "exif_unreadable": "The photo's EXIF metadata is damaged and cannot be read, so its location "
                       "is unknown.",
    "no_exif": "The photo has no EXIF metadata, so it has no location.",
    "no_gps": "The photo's EXIF metadata has no GPS position.",
    "gps_without_coordinates": "The photo's GPS block has no complete latitude/longitude pair.",
    "gps_nan": "The photo's GPS latitude or longitude is not a number (NaN, infinite or a "
               "zero denominator).",
    "gps_zero": "The photo's GPS position is exactly 0°, 0° — a default written by cameras "
                "without a satellite fix, not a real location.",
    "gps_out_of_range": "The photo's GPS position is outside the valid range "
                        "(latitude ±90°, longitude ±180°).",
    "gps_missing_ref": "The photo's GPS position has no N/S or E/W reference, so its hemisphere "
                       "is unknown; it is rejected rather than guessed.",
}

_GPS = ExifTags.GPS
_BASE = ExifTags.Base
_DNG_VERSION = 50706
_SUBIFDS = 330
_NEW_SUBFILE_TYPE = 254
_DATE_TAGS = (  # (date tag, offset tag, date in IFD0?)
    (_BASE.DateTimeOriginal, _BASE.OffsetTimeOriginal, False),
    (_BASE.DateTimeDigitized, _BASE.OffsetTimeDigitized, False),
    (_BASE.DateTime, _BASE.OffsetTime, True),
)
_DATE_RE = re.compile(
    r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_OFFSET_RE = re.compile(r"([+-])(\d{2}):?(\d{2})$")
_MAX_DETAIL = 160


class PhotoError(Exception):
    """A file that cannot be imported at all: ``code`` and a plain-English ``sentence``."""

    def __init__(self, code: str, sentence: str):
        super().__init__(sentence)
        self.code = code
        self.sentence = sentence


@dataclass
class PhotoRecord:
    """One photo: a row of the photo layer, fields in ``FIELDS`` order."""

    photo: str
    relpath: str
    filename: str
    photo_id: str
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    altitude: Optional[float] = None
    direction: Optional[float] = None
    taken_at: Optional[str] = None
    orientation: Optional[int] = None
    make: Optional[str] = None
    model: Optional[str] = None
    width: Optional[int] = None
    height: Optional[int] = None
    file_size: Optional[int] = None
    format: Optional[str] = None
    location_status: str = OK

    def as_row(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class InvalidPhoto:
    """A file left out of the photo layer, with its reason code and sentence."""

    path: str
    relpath: str
    filename: str
    reason_code: str
    reason: str

    def as_row(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def relative_path(path: Path, root: Optional[Path]) -> str:
    """path relative to root with '/' separators (the file name when root is None or unrelated)."""
    if root is not None:
        try:
            return Path(os.path.relpath(path, root)).as_posix()
        except ValueError:  # another drive on Windows
            pass
    return path.name


def read_photo(path, root=None, with_hash: bool = True) -> PhotoRecord:
    """Metadata of one photo from its headers; raises :class:`PhotoError` if it cannot be read.

    Location problems do not raise: they are the record's ``location_status``. Without
    ``with_hash`` the photo_id is left empty (scan_folder hashes only the photos it keeps).
    """
    path = Path(os.path.abspath(path))
    try:
        file_size = check_photo_file(path).st_size  # a device, pipe or socket is never opened
        header = _read_header(path)
        photo_id = content_hash(path) if with_hash else None
    except PhotoFileError as exc:
        raise PhotoError(exc.code, exc.sentence) from exc
    except OSError as exc:
        raise PhotoError("unreadable", f"The file cannot be read ({_detail(exc)}).") from exc
    return PhotoRecord(
        photo=str(path),
        relpath=relative_path(path, Path(os.path.abspath(root)) if root is not None else None),
        filename=path.name,
        photo_id=photo_id,
        file_size=file_size,
        **header,
    )


def scan_folder(folder, recursive: bool = True, keep_unlocated: bool = False,
                feedback: CoreFeedback | None = None):
    """Read every non-hidden file of folder; return ``(records, invalid)``.

    Each file lands in exactly one list. Photos without a usable location are records with a
    null position and their ``location_status`` when keep_unlocated is set, otherwise invalid.
    """
    feedback = ensure_feedback(feedback)
    root = Path(os.path.abspath(folder))
    if not root.is_dir():
        raise NotADirectoryError(f"The folder {folder} does not exist.")
    files = list_files(root, recursive)
    records, invalid = [], []
    tick = Ticker(feedback, msg("tick_files_read"), len(files))  # a log line at least every 3 s
    for i, path in enumerate(files):
        tick(i)
        try:
            rec = read_photo(path, root, with_hash=False)
            if rec.location_status == OK or keep_unlocated:
                rec.photo_id = content_hash(path)  # only photos that are kept need an identity
        except (PhotoError, PhotoFileError) as err:
            invalid.append(_invalid(path, root, err.code, err.sentence))
        except OSError as exc:
            invalid.append(_invalid(path, root, "unreadable", f"The file cannot be read ({_detail(exc)})."))
        else:
            if rec.location_status == OK or keep_unlocated:
                records.append(rec)
            else:
                invalid.append(_invalid(path, root, rec.location_status,
                                        REASONS[rec.location_status]))
    feedback.progress(100.0)
    located = sum(1 for r in records if r.location_status == OK)
    feedback.info(msg("import_summary", len(files), located, len(records) - located, len(invalid)))
    return records, invalid


def _invalid(path: Path, root: Path, code: str, sentence: str) -> InvalidPhoto:
    return InvalidPhoto(str(path), relative_path(path, root), path.name, code, sentence)


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _read_header(path: Path) -> dict:
    """The PhotoRecord fields that come from the image header and its EXIF."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about odd EXIF and large images
        with open_photo(path) as fh:
            try:
                im = Image.open(fh)
            except UnidentifiedImageError as exc:
                if not is_image_name(path.name):
                    raise PhotoError("not_an_image", REASONS["not_an_image"]) from exc
                hint = (" Reading HEIC/HEIF needs the Python package pillow-heif."
                        if pillow_heif is None and path.suffix.lower() in (".heic", ".heif", ".hif")
                        else "")
                raise PhotoError("unreadable", "The file is named like an image but its content "
                                 "is not an image format that can be read." + hint) from exc
            except Image.DecompressionBombError as exc:
                raise PhotoError("unreadable", "The image declares more pixels than the safety "
                                 f"limit allows ({_detail(exc)}).") from exc
            except Exception as exc:  # corrupt headers raise anything: OSError, struct.error...
                raise PhotoError("unreadable", "The image header is damaged or truncated "
                                 f"({type(exc).__name__}: {_detail(exc)}).") from exc
            with im:
                try:
                    return _header_fields(im, fh)
                except Exception as exc:
                    raise PhotoError("unreadable", "The image metadata cannot be read "
                                     f"({type(exc).__name__}: {_detail(exc)}).") from exc


def _header_fields(im: Image.Image, fh) -> dict:
    fmt = {"MPO": "JPEG"}.get(im.format, im.format)
    width, height = im.size
    if im.format == "TIFF":
        if _DNG_VERSION in im.tag_v2:
            fmt = "DNG"
        width, height = _full_resolution_size(im, fh) or (width, height)
    out = {"format": fmt, "width": width, "height": height}
    try:
        exif = im.getexif()
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:  # a damaged EXIF block: the image itself is still usable
        out["location_status"] = "exif_unreadable"
        return out
    shown_orientation = _orientation(exif.get(_BASE.Orientation))
    if shown_orientation in (5, 6, 7, 8):
        out["width"], out["height"] = height, width
    out["orientation"] = _orientation(im.info.get("original_orientation")) or shown_orientation
    out["make"] = _text(exif.get(_BASE.Make))
    out["model"] = _text(exif.get(_BASE.Model))
    out["taken_at"] = _taken_at(exif, exif_ifd)
    if not exif:
        out["location_status"] = "no_exif"
    else:
        out.update(gps_location(gps))
    return out


def _full_resolution_size(im, fh):
    """(width, height) of a TIFF/DNG's full-resolution sub-IFD when IFD0 is a preview, else None
    (also when the sub-IFDs are damaged: the preview's size is then the best we know)."""
    try:
        return _subifd_size(im, fh)
    except Exception:
        return None


def _subifd_size(im, fh):
    if not (int(im.tag_v2.get(_NEW_SUBFILE_TYPE, 0)) & 1) or _SUBIFDS not in im.tag_v2:
        return None
    offsets = im.tag_v2[_SUBIFDS]
    offsets = offsets if isinstance(offsets, tuple) else (offsets,)
    fh.seek(0)
    head = fh.read(16)
    head = head if head[2:4] in (b"\x2b\x00", b"\x00\x2b") else head[:8]  # BigTIFF or classic
    for offset in offsets:
        ifd = TiffImagePlugin.ImageFileDirectory_v2(head)
        fh.seek(offset)
        ifd.load(fh)
        if not int(ifd.get(_NEW_SUBFILE_TYPE, 0)) & 1 and 256 in ifd and 257 in ifd:
            return int(ifd[256]), int(ifd[257])
    return None


def gps_location(gps) -> dict:
    """latitude, longitude, altitude, direction and location_status from a GPS IFD mapping."""
    out = {"latitude": None, "longitude": None, "altitude": None, "direction": None}
    if not gps:
        return {**out, "location_status": "no_gps"}
    if _GPS.GPSLatitude not in gps or _GPS.GPSLongitude not in gps:
        return {**out, "location_status": "gps_without_coordinates"}
    lat, lon = _degrees(gps[_GPS.GPSLatitude]), _degrees(gps[_GPS.GPSLongitude])
    if lat is None or lon is None:
        return {**out, "location_status": "gps_nan"}
    if lat == 0 and lon == 0:
        return {**out, "location_status": "gps_zero"}
    if abs(lat) > 90 or abs(lon) > 180:
        return {**out, "location_status": "gps_out_of_range"}
    lat_sign = {"N": 1, "S": -1}.get(_ref(gps.get(_GPS.GPSLatitudeRef)))
    lon_sign = {"E": 1, "W": -1}.get(_ref(gps.get(_GPS.GPSLongitudeRef)))
    if lat_sign is None or lon_sign is None:
        return {**out, "location_status": "gps_missing_ref"}
    altitude = number(gps.get(_GPS.GPSAltitude))
    if altitude is not None and _altitude_ref(gps.get(_GPS.GPSAltitudeRef)) == 1:
        altitude = -abs(altitude)
    direction = number(gps.get(_GPS.GPSImgDirection))
    return {
        "latitude": lat_sign * abs(lat),
        "longitude": lon_sign * abs(lon),
        "altitude": altitude,
        "direction": direction % 360.0 if direction is not None else None,
        "location_status": OK,
    }


def number(value) -> Optional[float]:
    """A finite float from an EXIF number (IFDRational, int, float, ``(num, den)``, text), or None.

    Zero denominators, NaN and infinities give None.
    """
    if isinstance(value, TiffImagePlugin.IFDRational):
        if value.denominator == 0:
            return None
        result = float(value)
    elif _is_pair(value):
        if value[1] == 0:
            return None
        result = value[0] / value[1]
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        result = float(value)
    elif isinstance(value, (str, bytes)):
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        try:
            result = float(text.strip(" \t\r\n\x00"))
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def _degrees(value) -> Optional[float]:
    """Decimal degrees from degrees[, minutes[, seconds]] (each any form :func:`number` reads)
    or from a single decimal-degree number; None if any part is not a finite number."""
    if isinstance(value, (tuple, list)) and not _is_pair(value):
        if not 1 <= len(value) <= 3:
            return None
        parts = [number(v) for v in value]
        if len(parts) == 3 and parts[2] is None and None not in parts[:2] and parts[1] % 1:
            # Nikon and others write decimal minutes with seconds 0/0 ("48/1, 5332358/100000,
            # 0/0"): the minutes already carry the fraction, the empty seconds add nothing.
            parts = parts[:2]
        if any(p is None for p in parts):
            return None
        return sum(p / 60.0 ** i for i, p in enumerate(parts))
    return number(value)


def _is_pair(value) -> bool:
    """A bare ``(numerator, denominator)`` rational (two ints), as opposed to D/M/S parts."""
    return (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value))


def _ref(value) -> Optional[str]:
    text = _text(value)
    return text[0].upper() if text else None


def _altitude_ref(value) -> Optional[int]:
    if isinstance(value, bytes):
        return value[0] if value else None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip(" \x00").isdigit():
        return int(value.strip(" \x00"))
    return None


def _orientation(value) -> Optional[int]:
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _text(value) -> Optional[str]:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    return value.strip(" \t\r\n\x00") or None


def _taken_at(ifd0, exif_ifd) -> Optional[str]:
    for date_tag, offset_tag, in_ifd0 in _DATE_TAGS:
        stamp = parse_exif_datetime(
            _text((ifd0 if in_ifd0 else exif_ifd).get(date_tag)),
            _text(exif_ifd.get(offset_tag)),
        )
        if stamp is not None:
            return stamp
    return None


def parse_exif_datetime(text: Optional[str], offset: Optional[str] = None) -> Optional[str]:
    """ISO 8601 from an EXIF date ``YYYY:MM:DD HH:MM:SS[.fff][±HH:MM]`` (``-``/``T`` separators
    accepted) and an optional offset tag; None for blank or impossible dates."""
    match = _DATE_RE.match(text.strip()) if text else None
    if match is None:
        return None
    try:
        stamp = datetime(*(int(g) for g in match.groups()[:6]))
    except ValueError:
        return None
    tz = _timezone(offset) or _timezone(match.group(7))
    if tz is not None:
        stamp = stamp.replace(tzinfo=tz)
    return stamp.isoformat(timespec="seconds")


def _timezone(text: Optional[str]):
    if not text:
        return None
    if text.strip() == "Z":
        return timezone.utc
    match = _OFFSET_RE.match(text.strip())
    if match is None:
        return None
    sign = -1 if match.group(1) == "-" else 1
    delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    return timezone(sign * delta) if delta < timedelta(hours=24) else None
