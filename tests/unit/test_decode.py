"""core.decode: every pixel mode, EXIF orientation, JPEG draft decoding, errors as sentences."""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from ...core.decode import (
    DecodeError,
    check_spec,
    load_for_backbone,
    open_oriented,
    prepare,
    to_rgb,
)

RED = (255, 0, 0)


def spec(size=32, short=None, crop="center", resample="bicubic", quirk=None):
    return SimpleNamespace(
        input_size=size,
        resize_short=short if short is not None else size,
        crop=crop,
        resample=resample,
        pixel_quirk=quirk,
    )


def _pixel(img, xy):
    return np.asarray(img)[xy[1], xy[0]].astype(int)


def _close(rgb, expected, tol=6):
    return all(abs(int(a) - int(b)) <= tol for a, b in zip(rgb, expected))


def _photo_like(width, height, seed=0):
    """A smooth, textured RGB image (JPEG-friendly, like a photo)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    arr = np.stack(
        [
            127 + 100 * np.sin(x / 37.0 + rng.uniform(0, 3)) * np.cos(y / 53.0),
            127 + 100 * np.cos(x / 71.0) * np.sin(y / 29.0 + rng.uniform(0, 3)),
            127 + 60 * np.sin((x + y) / 97.0),
        ],
        axis=-1,
    )
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# -- pixel modes ---------------------------------------------------------------------------------

def test_rgb_jpeg(tmp_path):
    p = tmp_path / "red.jpg"
    Image.new("RGB", (40, 30), RED).save(p, quality=95)
    img = open_oriented(p)
    assert img.mode == "RGB" and img.size == (40, 30)
    assert _close(_pixel(img, (20, 15)), RED)


@pytest.mark.parametrize("ext", ["jpg", "tif"])
def test_cmyk(tmp_path, ext):
    p = tmp_path / f"cmyk.{ext}"
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(p)  # pure red in CMYK
    img = open_oriented(p)
    assert img.mode == "RGB"
    assert _close(_pixel(img, (20, 15)), RED, tol=12)


def test_palette_with_transparency_is_composited_on_white(tmp_path):
    p = tmp_path / "p.png"
    img = Image.new("P", (20, 10), 0)
    img.putpalette([255, 0, 0, 0, 0, 255] + [0] * (256 * 3 - 6))
    img.paste(1, (10, 0, 20, 10))
    img.save(p, transparency=1)
    out = open_oriented(p)
    assert out.mode == "RGB"
    assert tuple(_pixel(out, (2, 5))) == RED
    assert tuple(_pixel(out, (15, 5))) == (255, 255, 255)


def test_palette_without_transparency(tmp_path):
    p = tmp_path / "p.gif"
    img = Image.new("P", (10, 10), 0)
    img.putpalette([0, 0, 255] + [0] * 765)
    img.save(p)
    assert tuple(_pixel(open_oriented(p), (5, 5))) == (0, 0, 255)


def test_pa_mode():
    img = Image.new("PA", (10, 10), (0, 0))
    img.putpalette([0, 255, 0] + [0] * 765)
    img.paste((0, 255), (5, 0, 10, 10))
    out = to_rgb(img)
    assert tuple(_pixel(out, (2, 5))) == (255, 255, 255)
    assert tuple(_pixel(out, (7, 5))) == (0, 255, 0)


def test_la_mode(tmp_path):
    p = tmp_path / "la.png"
    img = Image.new("LA", (20, 10), (0, 255))
    img.paste((0, 0), (10, 0, 20, 10))
    img.save(p)
    out = open_oriented(p)
    assert tuple(_pixel(out, (2, 5))) == (0, 0, 0)
    assert tuple(_pixel(out, (15, 5))) == (255, 255, 255)


def test_rgba_half_transparent_on_white(tmp_path):
    p = tmp_path / "rgba.png"
    Image.new("RGBA", (10, 10), (255, 0, 0, 128)).save(p)
    assert _close(_pixel(open_oriented(p), (5, 5)), (255, 127, 127), tol=2)


@pytest.mark.parametrize("mode", ["L", "1"])
def test_grey_and_bilevel(tmp_path, mode):
    p = tmp_path / f"g_{mode}.png"
    img = Image.new(mode, (10, 10), 0)
    img.paste(255 if mode == "L" else 1, (5, 0, 10, 10))
    img.save(p)
    out = open_oriented(p)
    assert out.mode == "RGB"
    assert tuple(_pixel(out, (1, 1))) == (0, 0, 0)
    assert tuple(_pixel(out, (8, 1))) == (255, 255, 255)


@pytest.mark.parametrize("mode", ["I;16", "I", "F"])
def test_deep_single_channel_tiff_is_stretched(tmp_path, mode):
    """16-bit/32-bit/float thermal-like images: 1st-99th percentile stretched to 0..255."""
    ramp = np.tile(np.linspace(20000, 30000, 200), (50, 1))
    dtype = {"I;16": np.uint16, "I": np.int32, "F": np.float32}[mode]
    img = Image.fromarray(ramp.astype(dtype))
    assert img.mode == mode
    p = tmp_path / f"deep_{mode.replace(';', '')}.tif"
    img.save(p)
    out = np.asarray(open_oriented(p))
    assert out.dtype == np.uint8 and out.shape == (50, 200, 3)
    row = out[25, :, 0].astype(int)
    assert row[0] == 0 and row[-1] == 255
    assert np.all(np.diff(row) >= 0)
    assert 110 <= row[100] <= 145
    assert np.array_equal(out[..., 0], out[..., 2])


def test_constant_16bit_image_becomes_mid_grey(tmp_path):
    p = tmp_path / "flat.tif"
    Image.fromarray(np.full((8, 8), 4242, np.uint16)).save(p)
    assert tuple(_pixel(open_oriented(p), (3, 3))) == (128, 128, 128)


def test_avif_and_heif_when_encoders_exist(tmp_path):
    import pillow_heif

    written = []
    for ext, save in (
        ("avif", lambda img, p: img.save(p, "AVIF")),
        ("heic", lambda img, p: pillow_heif.from_pillow(img).save(p, quality=90)),
    ):
        p = tmp_path / f"red.{ext}"
        try:
            save(Image.new("RGB", (64, 48), RED), p)
        except Exception:  # an encoder missing from this build
            continue
        written.append(p)
        out = open_oriented(p)
        assert out.size == (64, 48)
        assert _close(_pixel(out, (32, 24)), RED, tol=20)
    if not written:
        pytest.skip("neither AVIF nor HEIF encoding is available")


# -- orientation -------------------------------------------------------------------------------

# where the stored top-left corner appears once the orientation is applied
_CORNER = {1: "tl", 2: "tr", 3: "br", 4: "bl", 5: "tl", 6: "tr", 7: "br", 8: "bl"}


def _oriented_jpeg(path, orientation, size=(60, 40)):
    img = Image.new("RGB", size, (0, 0, 255))
    img.paste(RED, (0, 0, 15, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, quality=95, exif=exif.tobytes())


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation(tmp_path, orientation):
    p = tmp_path / f"o{orientation}.jpg"
    _oriented_jpeg(p, orientation)
    out = open_oriented(p)
    w, h = out.size
    assert (w, h) == ((60, 40) if orientation <= 4 else (40, 60))
    corners = {"tl": (2, 2), "tr": (w - 3, 2), "bl": (2, h - 3), "br": (w - 3, h - 3)}
    red = [name for name, xy in corners.items() if _close(_pixel(out, xy), RED, tol=40)]
    assert red == [_CORNER[orientation]]


def test_orientation_with_draft(tmp_path):
    p = tmp_path / "big6.jpg"
    _oriented_jpeg(p, 6, size=(2400, 1600))
    out = open_oriented(p, min_side=224)
    assert out.size[0] < out.size[1]  # rotated to portrait
    assert min(out.size) >= 224 and min(out.size) < 1600


# -- draft (DCT-scaled) decoding ---------------------------------------------------------------

def test_draft_keeps_min_side_and_matches_full_decode(tmp_path):
    p = tmp_path / "big.jpg"
    _photo_like(2400, 1800).save(p, quality=90)
    drafted = open_oriented(p, min_side=256)
    assert min(drafted.size) >= 256
    assert drafted.size == (600, 450)  # 1/4 scale: 1/8 would give 225 < 256
    full = open_oriented(p)
    assert full.size == (2400, 1800)
    s = spec(224, 256)
    a = prepare(drafted, s).astype(np.float32).ravel()
    b = prepare(full, s).astype(np.float32).ravel()
    assert np.abs(a - b).mean() < 3.0
    cos = float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))
    assert cos > 0.999


def test_small_jpeg_is_not_drafted(tmp_path):
    p = tmp_path / "small.jpg"
    _photo_like(300, 200).save(p)
    assert open_oriented(p, min_side=224).size == (300, 200)


# -- prepare -----------------------------------------------------------------------------------

def _reference_resize_crop(img, s):
    """Resize the whole image (shorter side -> resize_short) and cut the centre square."""
    w, h = img.size
    scale = s.resize_short / min(w, h)
    nw, nh = max(s.resize_short, round(w * scale)), max(s.resize_short, round(h * scale))
    img = img.resize((nw, nh), Image.Resampling.BICUBIC)
    left, top = int(round((nw - s.input_size) / 2)), int(round((nh - s.input_size) / 2))
    return np.asarray(img.crop((left, top, left + s.input_size, top + s.input_size)))


@pytest.mark.parametrize("size", [(640, 480), (480, 640), (1000, 300), (300, 300), (250, 900)])
def test_prepare_center_crop_matches_resize_then_crop(size):
    img = _photo_like(*size, seed=size[0])
    s = spec(224, 256)
    out = prepare(img, s)
    assert out.shape == (224, 224, 3) and out.dtype == np.uint8
    ref = _reference_resize_crop(img, s)
    diff = np.abs(out.astype(int) - ref.astype(int))
    assert diff.mean() < 0.5 and diff.max() <= 6


def test_prepare_center_crop_cuts_the_sides():
    img = Image.new("RGB", (300, 100), RED)
    img.paste((0, 255, 0), (100, 0, 200, 100))
    out = prepare(img, spec(32, 32))
    inner = out[:, 2:-2]  # the bicubic filter blends the outermost columns with the red sides
    assert np.all(inner[:, :, 1] > 240) and np.all(inner[:, :, 0] < 15)


def test_prepare_squash_keeps_everything():
    img = Image.new("RGB", (300, 100), RED)
    img.paste((0, 255, 0), (200, 0, 300, 100))
    out = prepare(img, spec(30, 30, crop="squash", resample="lanczos"))
    assert out.shape == (30, 30, 3)
    assert _close(out[15, 2], RED) and _close(out[15, 27], (0, 255, 0))


def test_prepare_orange_quirk_swaps_columns_0_and_2():
    arr = np.zeros((8, 8, 3), np.uint8)
    arr[:, 0] = (10, 20, 30)
    arr[:, 2] = (200, 100, 50)
    img = Image.fromarray(arr)
    plain = prepare(img, spec(8, crop="squash", resample="bilinear"))
    quirky = prepare(img, spec(8, crop="squash", resample="bilinear", quirk="orange_swap_columns"))
    assert np.array_equal(quirky[:, 0], plain[:, 2])
    assert np.array_equal(quirky[:, 2], plain[:, 0])
    assert np.array_equal(quirky[:, 3:], plain[:, 3:])
    assert np.array_equal(quirky[:, 1], plain[:, 1])


def test_check_spec_rejects_unknown_values():
    with pytest.raises(ValueError):
        check_spec(spec(resample="nearest"))
    with pytest.raises(ValueError):
        check_spec(spec(crop="pad"))
    with pytest.raises(ValueError):
        check_spec(spec(quirk="bgr"))


def test_load_for_backbone(tmp_path):
    p = tmp_path / "x.jpg"
    _photo_like(1600, 1200).save(p)
    out = load_for_backbone(p, spec(224, 256))
    assert out.shape == (224, 224, 3) and out.dtype == np.uint8


# -- errors ------------------------------------------------------------------------------------

def test_truncated_jpeg(tmp_path):
    full = tmp_path / "full.jpg"
    _photo_like(640, 480).save(full, quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size * 6 // 10])
    with pytest.raises(DecodeError) as info:
        open_oriented(cut)
    assert info.value.code == "truncated"
    assert "complete" in info.value.sentence


def test_text_file_is_unsupported(tmp_path):
    p = tmp_path / "notes.jpg"
    p.write_text("not a photo\n")
    with pytest.raises(DecodeError) as info:
        open_oriented(p)
    assert info.value.code == "unsupported"
    assert info.value.sentence.endswith(".")


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(DecodeError) as info:
        open_oriented(tmp_path / "gone.jpg")
    assert info.value.code == "unreadable"


def test_garbage_after_jpeg_header_is_an_error(tmp_path):
    p = tmp_path / "garbage.jpg"
    good = tmp_path / "good.jpg"
    _photo_like(64, 64).save(good)
    data = bytearray(good.read_bytes())
    data[400:] = bytes(range(256)) * ((len(data) - 400) // 256) + bytes((len(data) - 400) % 256)
    p.write_bytes(bytes(data))
    with pytest.raises(DecodeError) as info:  # must raise: garbage must never decode silently
        open_oriented(p)
    assert info.value.code in ("corrupt", "truncated", "unsupported")
    assert info.value.sentence.endswith(".")


def test_decompression_bomb_is_a_sentence(tmp_path, monkeypatch):
    p = tmp_path / "bomb.png"
    Image.new("RGB", (200, 200)).save(p)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(DecodeError) as info:
        open_oriented(p)
    assert info.value.code == "too_large"


def test_photos_are_never_modified(tmp_path):
    p = tmp_path / "o6.jpg"
    _oriented_jpeg(p, 6)
    before = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
    open_oriented(p, min_side=16)
    assert (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) == before


# -- shared data ---------------------------------------------------------------------------------

def test_every_edge_case_decodes_or_gives_a_sentence(geotagged_dir: Path):
    files = sorted(p for p in (geotagged_dir / "edge_cases").rglob("*") if p.is_file())
    if not files:
        pytest.skip("no edge_cases folder in the shared data")
    decoded, refused = 0, 0
    for path in files:
        try:
            img = open_oriented(path, min_side=224)
        except DecodeError as exc:
            assert exc.code in ("unreadable", "unsupported", "truncated", "corrupt", "too_large")
            assert exc.sentence
            refused += 1
        else:
            assert img.mode == "RGB" and min(img.size) >= 1
            assert prepare(img, spec(224, 256)).shape == (224, 224, 3)
            decoded += 1
    assert decoded > refused > 0
