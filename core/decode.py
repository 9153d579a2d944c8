"""Opening photos for embedding and contact sheets: one RGB result for every file Pillow can read.

* :func:`open_oriented` returns an 8-bit RGB :class:`PIL.Image.Image` with the EXIF orientation
  applied. JPEGs are decoded with DCT scaling (``Image.draft``) when the caller only needs a
  shorter side of ``min_side`` pixels: large photos decode several times faster, and the
  embeddings stay close to those of fully decoded photos (README, "Benchmarks").
* :func:`prepare` turns that image into the ``S x S x 3`` uint8 array a backbone expects,
  following the spec's resize/crop/resample fields.
* :func:`load_for_backbone` chains both.

Every mode is mapped to RGB: CMYK, YCbCr, LAB, HSV and 1-bit convert directly; P/PA with
transparency, LA and RGBA are composited on white; single-channel 16-bit, 32-bit integer and
float images (thermal and multispectral TIFFs) are stretched linearly so that their 1st and
99th percentiles map to 0 and 255, then shown as grey. HEIC/HEIF come from pillow-heif, AVIF
from Pillow itself.

Problems are raised as :class:`DecodeError` with a reason code and a sentence, never as a
traceback. Files are opened read-only. Pillow's decompression-bomb limit is kept, and truncated
files are not patched up (``ImageFile.LOAD_TRUNCATED_IMAGES`` is never changed: it is global
and would silently affect every other Pillow user in QGIS).
"""
from __future__ import annotations

import math
import threading

import numpy as np
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

from .files import PhotoFileError, open_photo

#: mapping from spec.resample to Pillow's filter
RESAMPLE = {
    "bicubic": Image.Resampling.BICUBIC,
    "lanczos": Image.Resampling.LANCZOS,
    "bilinear": Image.Resampling.BILINEAR,
}

# Reduce by an integer factor (box filter) before the final resampling when the image is more
# than this many times larger than the target; Pillow documents 3.0 as practically equal to
# the full filter while being several times faster on large photos.
_REDUCING_GAP = 3.0

# percentiles used to stretch high-bit-depth single-channel images to 8 bit
_STRETCH_PERCENTILES = (1.0, 99.0)
# at most this many pixels are used to estimate the percentiles
_STRETCH_SAMPLE = 1 << 20

_SINGLE_CHANNEL_DEEP = ("I;16", "I;16B", "I;16L", "I;16N", "I", "F")
_ALPHA_MODES = ("RGBA", "RGBa", "LA", "La", "PA")

_heif_lock = threading.Lock()
_heif_registered = False


class DecodeError(Exception):
    """A photo that cannot be turned into pixels.

    ``code`` is one of ``unreadable`` (missing or unreadable file), ``unsupported`` (not an image
    format Pillow/pillow-heif knows, or an unusual pixel mode), ``truncated`` (file ends before
    the image data does), ``corrupt`` (the decoder rejected the data) and ``too_large`` (above
    Pillow's decompression-bomb limit). ``sentence`` explains it to the user.
    """

    def __init__(self, code: str, sentence: str):
        super().__init__(sentence)
        self.code = code
        self.sentence = sentence


def register_heif() -> bool:
    """Let Pillow open HEIC/HEIF files through pillow-heif (once per process).

    Returns False when pillow-heif is not installed; such files then fail as ``unsupported``.
    """
    global _heif_registered
    if _heif_registered:
        return True
    with _heif_lock:
        if not _heif_registered:
            try:
                import pillow_heif
            except ImportError:
                return False
            pillow_heif.register_heif_opener()
            _heif_registered = True
    return True


def _is_truncation(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "truncated" in text or "premature end" in text


def _error_for(exc: BaseException) -> DecodeError:
    """Translate whatever Pillow or the OS raised into a DecodeError with a sentence."""
    if isinstance(exc, DecodeError):
        return exc
    if isinstance(exc, PhotoFileError):  # a device, pipe or socket, or a file over the size limit
        return DecodeError(exc.code, exc.sentence)
    if isinstance(exc, Image.DecompressionBombError):
        return DecodeError(
            "too_large",
            "The image has more pixels than Pillow's safety limit for decompression bombs "
            f"({Image.MAX_IMAGE_PIXELS * 2:,} pixels); it was not decoded.",
        )
    if isinstance(exc, UnidentifiedImageError):
        return DecodeError(
            "unsupported", "The file is not an image format that Pillow or pillow-heif can read."
        )
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, PermissionError)):
        return DecodeError("unreadable", f"The file cannot be read ({exc.strerror or exc}).")
    if _is_truncation(exc):
        return DecodeError(
            "truncated",
            "The file ends before the image data is complete (interrupted copy or download?).",
        )
    if isinstance(exc, MemoryError):
        return DecodeError("too_large", "There is not enough memory to decode this image.")
    return DecodeError(
        "corrupt", f"The image data is damaged and cannot be decoded ({type(exc).__name__}: {exc})."
    )


def _stretch_to_8bit(img: Image.Image) -> Image.Image:
    """Map a 16-bit/32-bit/float single-channel image to 8-bit grey.

    The 1st and 99th percentiles of the finite values become 0 and 255 (clipped beyond), which
    shows thermal and multispectral bands with usable contrast whatever their units are. A
    constant image becomes mid-grey.
    """
    arr = np.asarray(img)
    if arr.ndim != 2:
        raise DecodeError("unsupported", f"Unusual pixel layout for mode {img.mode}.")
    arr = arr.astype(np.float32, copy=False)
    step = max(1, int(math.sqrt(arr.size / _STRETCH_SAMPLE)))
    sample = arr[::step, ::step]
    sample = sample[np.isfinite(sample)]
    if sample.size == 0:
        return Image.new("L", img.size, 128)
    lo, hi = np.percentile(sample, _STRETCH_PERCENTILES)
    if not hi > lo:
        return Image.new("L", img.size, 128)
    out = (np.nan_to_num(arr, nan=lo) - lo) * (255.0 / (hi - lo))
    np.clip(out, 0.0, 255.0, out=out)
    return Image.fromarray(np.rint(out).astype(np.uint8))


def _composite_on_white(img: Image.Image) -> Image.Image:
    rgba = img.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB (see the module docstring for the rules)."""
    mode = img.mode
    if mode == "RGB":
        return img
    if mode == "P":
        if "transparency" in img.info:
            return _composite_on_white(img)
        return img.convert("RGB")
    if mode in _ALPHA_MODES:
        return _composite_on_white(img)
    if mode in _SINGLE_CHANNEL_DEEP:
        return _stretch_to_8bit(img).convert("RGB")
    try:
        return img.convert("RGB")
    except (ValueError, OSError) as exc:
        raise DecodeError("unsupported", f"Pixel mode {mode} cannot be converted to RGB.") from exc


def _draft(img: Image.Image, min_side: int) -> None:
    """Ask the JPEG decoder for a 1/2, 1/4 or 1/8 scale whose shorter side stays >= min_side."""
    if isinstance(img, JpegImagePlugin.JpegImageFile) and min(img.size) >= 2 * min_side:
        # draft picks the largest scale for which both sides are >= the requested size,
        # so asking for a square keeps the shorter side >= min_side.
        img.draft("RGB", (min_side, min_side))


def _load_pixels(img: Image.Image) -> None:
    """Decode the pixels; tolerate a metadata error raised after they were all decoded.

    Pillow reads some metadata only after the pixel data (e.g. TIFF EXIF sub-IFDs in
    ``load_end``); a malformed tag there (a KeyError) must not throw away a complete image.
    Truncation and decoder errors (OSError) always propagate.
    """
    try:
        img.load()
    except OSError:
        raise
    except Exception:
        if img.tile:
            raise


def _apply_orientation(img: Image.Image) -> None:
    """Rotate/flip in place per the EXIF orientation; unreadable EXIF leaves the pixels as stored."""
    try:
        ImageOps.exif_transpose(img, in_place=True)
    except Exception:
        pass


def open_oriented(path, min_side: int | None = None) -> Image.Image:
    """Open a photo as an RGB image, EXIF orientation applied, decoded read-only.

    ``min_side``: the caller needs at least this many pixels on the shorter side; JPEGs are
    then decoded at a reduced DCT scale. Other formats are decoded at full size (resize later).
    Raises :class:`DecodeError` for anything that cannot be decoded.
    """
    register_heif()
    try:
        with open_photo(path) as fh:
            img = Image.open(fh)
            if min_side:
                _draft(img, int(min_side))
            _load_pixels(img)
            _apply_orientation(img)
            rgb = to_rgb(img)
    except Exception as exc:
        raise _error_for(exc) from exc
    if rgb.width < 1 or rgb.height < 1:
        raise DecodeError("corrupt", "The image has no pixels.")
    return rgb


def _resize_box(width: int, height: int, spec) -> tuple:
    """Source box and output size implementing resize-shorter-side + centre crop, or squash.

    Centre crop as in ``models.registry.resize_and_crop``: the shorter side becomes
    ``resize_short``, the longer ``round(long * resize_short / short)``, and the crop offset is
    ``round((new - S) / 2)``. Only the cropped region is resampled (Pillow's ``box``; the filter
    still reads the pixels around it), which gives the same pixels as resizing the whole image
    and cropping, at a fraction of the cost for wide panoramas.
    """
    size = int(spec.input_size)
    if spec.crop == "squash":
        return (0.0, 0.0, float(width), float(height)), (size, size)
    short = int(spec.resize_short)
    scale = short / min(width, height)
    new_w, new_h = max(short, round(width * scale)), max(short, round(height * scale))
    left = int(round((new_w - size) / 2.0))
    top = int(round((new_h - size) / 2.0))
    sx, sy = width / new_w, height / new_h
    box = (left * sx, top * sy, (left + size) * sx, (top + size) * sy)
    return box, (size, size)


def check_spec(spec) -> None:
    """Raise ValueError when a spec's preprocessing fields name something :func:`prepare` lacks.

    Called once before a batch run, so a wrong spec fails at once instead of per photo.
    """
    if spec.resample not in RESAMPLE:
        raise ValueError(f"unknown resample filter {spec.resample!r}")
    if spec.crop not in ("center", "squash"):
        raise ValueError(f"unknown crop mode {spec.crop!r}")
    quirk = getattr(spec, "pixel_quirk", None)
    if quirk not in (None, "orange_swap_columns"):
        raise ValueError(f"unknown pixel quirk {quirk!r}")
    if int(spec.input_size) < 1 or int(spec.resize_short) < int(spec.input_size):
        raise ValueError("resize_short must be >= input_size >= 1")


def prepare(img: Image.Image, spec) -> np.ndarray:
    """Resize and crop an RGB image to the backbone input: uint8 array ``S x S x 3``.

    Follows ``spec.resize_short``, ``spec.crop`` ('center' or 'squash') and ``spec.resample``,
    then applies ``spec.pixel_quirk`` when set ('orange_swap_columns' reproduces Orange's
    preprocessing bug that swaps pixel columns 0 and 2 instead of the colour channels).
    """
    check_spec(spec)
    if img.mode != "RGB":
        img = to_rgb(img)
    box, size = _resize_box(img.width, img.height, spec)
    out = img.resize(size, RESAMPLE[spec.resample], box=box, reducing_gap=_REDUCING_GAP)
    arr = np.asarray(out, dtype=np.uint8)
    if getattr(spec, "pixel_quirk", None) == "orange_swap_columns":
        arr = arr.copy()
        arr[:, [0, 1, 2], :] = arr[:, [2, 1, 0], :]
    return arr


def load_for_backbone(path, spec) -> np.ndarray:
    """Decode ``path`` and prepare it for ``spec``: uint8 ``S x S x 3`` (raises DecodeError)."""
    return prepare(open_oriented(path, min_side=int(spec.resize_short)), spec)
