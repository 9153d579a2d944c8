"""Contact-sheet titles use a TrueType font that has a glyph for every character we write."""
from PIL import ImageFont

from photo_motifs.core.sheets import _font


def test_sheet_font_is_truetype_with_em_dash_and_ellipsis():
    font = _font(20)
    assert isinstance(font, ImageFont.FreeTypeFont)
    assert "DejaVu" in font.getname()[0]
    # a missing glyph renders as the same box for every character; real glyphs differ in width
    widths = {font.getlength(ch) for ch in ("—", "…", "õ", "x")}
    assert len(widths) >= 3
