"""Viewer thumbnails: JPEG draft decoding, cached once, refreshed when the photo changes."""
import os

import pytest
from PIL import Image

from photo_motifs.core.decode import DecodeError
from photo_motifs.core.thumbnails import thumbnail


def test_thumbnail_is_small_cached_and_refreshed(tmp_path):
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (2400, 1600), (200, 30, 30)).save(photo, quality=90)
    before = photo.read_bytes()
    cache = tmp_path / "cache"
    first = thumbnail(photo, 200, cache)
    with Image.open(first) as im:
        assert max(im.size) == 200 and im.size[0] > im.size[1]
    mtime = first.stat().st_mtime_ns
    assert thumbnail(photo, 200, cache) == first and first.stat().st_mtime_ns == mtime
    assert photo.read_bytes() == before  # the photo is only read
    Image.new("RGB", (800, 1200), (0, 0, 200)).save(photo)
    os.utime(photo, ns=(mtime + 10**9, mtime + 10**9))
    second = thumbnail(photo, 200, cache)
    assert second != first
    with Image.open(second) as im:
        assert im.size[1] == 200


def test_unreadable_photo_raises_a_sentence(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a jpeg at all")
    with pytest.raises(DecodeError) as err:
        thumbnail(bad, 128, tmp_path / "cache")
    assert str(err.value)
