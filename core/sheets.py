"""Contact sheets: PNG grids of photo thumbnails, one per cluster or one row per cluster.

Thumbnails come from :func:`.decode.open_oriented` (EXIF orientation applied, JPEGs decoded at a
reduced scale), are fitted inside a square cell without cropping, and a photo that cannot be
decoded becomes a grey tile with a short reason. Photos are opened read-only. Both functions
return the problems as ``(path, reason_code, sentence)`` rows and never stop on one photo.
"""
from __future__ import annotations

import functools
import math
import os
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .decode import DecodeError, open_oriented
from .safe_write import png_problem, replace_complete

BACKGROUND = (255, 255, 255)
CELL = (236, 236, 236)
PLACEHOLDER = (170, 170, 170)
INK = (20, 20, 20)
MUTED = (90, 90, 90)
MARGIN = 12
GAP = 6

# short tile captions for decode.DecodeError codes
_SHORT_REASON = {
    "unreadable": "file missing or unreadable",
    "unsupported": "format not supported",
    "truncated": "file is truncated",
    "corrupt": "image data corrupt",
    "too_large": "image too large",
    "not_a_file": "not a photo file",
    "file_too_large": "file too large",
}


# TrueType fonts that cover "—", "…" and accented letters (Pillow's built-in bitmap font does
# not); DejaVu comes with QGIS's dependencies (fonts-dejavu-core) and with matplotlib.
_FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans.ttf",  # found on Pillow's font path (Windows/macOS font folders)
)


def _font_files() -> list:
    files = list(_FONT_FILES)
    try:  # matplotlib ships DejaVu Sans on every platform
        import matplotlib

        files.append(os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf",
                                  "DejaVuSans.ttf"))
    except ImportError:
        pass
    return files


@functools.lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.ImageFont:
    """DejaVu Sans at ``size`` pixels; Pillow's scalable default font when no TrueType file is found."""
    for path in _font_files():
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _fit_text(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit_text(draw, lines[-1] + " …", font, width)
    return [_fit_text(draw, line, font, width) for line in lines]


def _placeholder(size: int, reason: str) -> Image.Image:
    tile = Image.new("RGB", (size, size), PLACEHOLDER)
    draw = ImageDraw.Draw(tile)
    font = _font(max(9, size // 12))
    lines = _wrap(draw, reason, font, size - 10, 4)
    line_h = font.size + 3
    y = (size - line_h * len(lines)) // 2
    for line in lines:
        w = draw.textlength(line, font=font)
        draw.text(((size - w) / 2, y), line, fill=INK, font=font)
        y += line_h
    return tile


def thumbnail(path, size: int) -> tuple:
    """(RGB image fitting in size x size, problem row or None); a placeholder when undecodable."""
    try:
        img = open_oriented(path, min_side=size)
        img.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)
        return img, None
    except DecodeError as exc:
        reason = _SHORT_REASON.get(exc.code, exc.code)
        placeholder = _placeholder(size, f"{os.path.basename(os.fspath(path))}: {reason}")
        return placeholder, (os.fspath(path), exc.code, exc.sentence)


def _paste_centered(sheet: Image.Image, img: Image.Image, x: int, y: int, size: int) -> None:
    sheet.paste(CELL, (x, y, x + size, y + size))
    sheet.paste(img, (x + (size - img.width) // 2, y + (size - img.height) // 2))


def contact_sheet(paths, out_png, title: str, subtitle: str | None = None, cols: int = 6, thumb: int = 160,
                  max_photos: int = 36, labels=None) -> list:
    """Write a PNG grid of the first ``max_photos`` photos under a title; return problem rows.

    ``title`` is typically the cluster name and size ("C1 — 120 photos"); ``subtitle`` a second
    line (a note "showing 36 of 120" is added when photos are left out). ``labels`` (aligned with
    ``paths``) are drawn under each thumbnail, e.g. the file name or rank.
    """
    if cols < 1 or thumb < 16 or max_photos < 1:
        raise ValueError("A contact sheet needs at least 1 column, 16-pixel thumbnails and 1 photo.")
    paths = list(paths)
    if labels is not None and len(labels) != len(paths):
        raise ValueError(f"{len(labels)} captions were given for {len(paths)} photos; give one per photo or none.")
    shown = paths[:max_photos]
    rows = max(1, math.ceil(len(shown) / cols))
    title_font, sub_font = _font(20), _font(13)
    label_font = _font(max(9, min(13, thumb // 12)))
    label_h = label_font.size + 6 if labels is not None else 0
    lines = [subtitle] if subtitle else []
    if len(paths) > len(shown):
        lines.append(f"showing {len(shown)} of {len(paths)} photos")
    header = MARGIN + title_font.size + 6 + len(lines) * (sub_font.size + 4) + GAP
    width = 2 * MARGIN + cols * thumb + (cols - 1) * GAP
    height = header + rows * (thumb + label_h) + (rows - 1) * GAP + MARGIN
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((MARGIN, MARGIN), _fit_text(draw, title, title_font, width - 2 * MARGIN), fill=INK, font=title_font)
    y = MARGIN + title_font.size + 6
    for line in lines:
        draw.text((MARGIN, y), _fit_text(draw, line, sub_font, width - 2 * MARGIN), fill=MUTED, font=sub_font)
        y += sub_font.size + 4
    problems = []
    for i, path in enumerate(shown):
        r, c = divmod(i, cols)
        x = MARGIN + c * (thumb + GAP)
        y = header + r * (thumb + label_h + GAP)
        img, problem = thumbnail(path, thumb)
        if problem:
            problems.append(problem)
        _paste_centered(sheet, img, x, y, thumb)
        if labels is not None:
            text = _fit_text(draw, str(labels[i]), label_font, thumb)
            draw.text((x, y + thumb + 3), text, fill=MUTED, font=label_font)
    _save(sheet, out_png)
    return problems


def overview_sheet(groups: dict, out_png, per_group: int = 6, thumb: int = 120) -> list:
    """Write a PNG with one row per group (name, size, its first ``per_group`` photos).

    ``groups`` maps a cluster name to its photo paths, in the order wanted (e.g. by rank, so
    the medoid comes first); rows follow the dictionary order. Returns problem rows.
    """
    if per_group < 1 or thumb < 16:
        raise ValueError("An overview sheet needs at least 1 photo per group and 16-pixel thumbnails.")
    if not groups:
        raise ValueError("There are no groups to show.")
    name_font, size_font = _font(16), _font(12)
    label_w = max(120, thumb)
    width = 2 * MARGIN + label_w + GAP + per_group * thumb + (per_group - 1) * GAP
    height = 2 * MARGIN + len(groups) * thumb + (len(groups) - 1) * GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    problems = []
    for r, (name, paths) in enumerate(groups.items()):
        paths = list(paths)
        y = MARGIN + r * (thumb + GAP)
        draw.text((MARGIN, y + 4), _fit_text(draw, str(name), name_font, label_w - 4), fill=INK, font=name_font)
        count = f"{len(paths)} photo" + ("" if len(paths) == 1 else "s")
        draw.text((MARGIN, y + 8 + name_font.size), count, fill=MUTED, font=size_font)
        for c, path in enumerate(paths[:per_group]):
            x = MARGIN + label_w + GAP + c * (thumb + GAP)
            img, problem = thumbnail(path, thumb)
            if problem:
                problems.append(problem)
            _paste_centered(sheet, img, x, y, thumb)
    _save(sheet, out_png)
    return problems


def _save(sheet: Image.Image, out_png) -> None:
    out = Path(out_png)
    out.parent.mkdir(parents=True, exist_ok=True)
    # complete or absent: a cancelled run or a full disk never leaves a truncated PNG
    # zlib level 1: a 20,000-photo run's sheets encoded in a quarter of the time of level 6
    replace_complete(out, lambda tmp: sheet.save(tmp, format="PNG", optimize=False, compress_level=1),
                     verify=png_problem)


#: the file in a sheets folder listing the sheets a run wrote (removed by the next run)
SHEETS_MARKER = ".photo_motifs_sheets"


def remove_previous_sheets(folder) -> None:
    """Remove the sheets an earlier run wrote into this folder (listed in its marker file), so a
    run with fewer clusters leaves no stale C<n>.png behind; nothing else is ever deleted."""
    marker = os.path.join(folder, SHEETS_MARKER)
    if os.path.isfile(marker):
        with open(marker, encoding="utf-8") as fh:
            for name in fh.read().split("\n"):
                path = os.path.join(folder, os.path.basename(name))
                if name.endswith(".png") and os.path.isfile(path):
                    os.remove(path)


def _english_title(name: str, n: int) -> str:
    return f"{name} — {n} photos"


def write_motif_sheets(folder, paths, result, feedback=None, title=_english_title,
                       subtitle: str = "most typical first", canceled=None) -> str:
    """One contact sheet per motif (``<name>.png``, most typical photo first) and ``overview.png``.

    ``paths[r]`` is the photo of row ``r`` of the clustering ``result`` (a ``core.cluster.ClusterResult``);
    ``title(name, photos)`` and ``subtitle`` are the texts on each sheet (the caller's language);
    ``canceled(done, total, folder)`` the sentence when the run is cancelled between sheets.
    """
    from .feedback import Canceled, ensure_feedback
    from .messages import msg

    fb = ensure_feedback(feedback)
    os.makedirs(folder, exist_ok=True)
    remove_previous_sheets(folder)
    groups: dict = {}
    for r in sorted(range(len(paths)), key=lambda r: (result.rank[r], paths[r])):
        groups.setdefault(result.labels[r], []).append(paths[r])
    names = list(result.sizes)
    for n, name in enumerate(names):
        if fb.canceled():
            raise Canceled(canceled(n, len(names), folder) if canceled else
                           f"The motif layer is complete; {n} of {len(names)} contact sheets were written to "
                           f"{folder} before the cancel request (no overview).")
        members = groups.get(name, [])
        contact_sheet(members, os.path.join(folder, f"{name}.png"), title=title(name, len(members)),
                      subtitle=subtitle)
        fb.progress(100.0 * (n + 1) / (len(names) + 1))
        fb.info(msg("sheet_written", n + 1, len(names), name, len(members)))
    overview_sheet({name: groups.get(name, []) for name in names}, os.path.join(folder, "overview.png"))
    listing = "\n".join([f"{name}.png" for name in names] + ["overview.png"])
    replace_complete(os.path.join(folder, SHEETS_MARKER), lambda tmp: Path(tmp).write_text(listing, encoding="utf-8"))
    return str(folder)
