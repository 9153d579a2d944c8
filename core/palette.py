"""One category palette for every motif/class map: photo points and area summaries alike.

Colour alone cannot keep 20 categories apart for a reader with a colour-vision deficiency, so a
category is told by three things at once: the hue (the 7 Okabe-Ito colours, chosen to stay
distinct under protanopia, deuteranopia and tritanopia), the lightness (base, dark, light rings
of those hues) and, on point layers, the marker shape (circle, square, triangle by ring). That
gives 21 distinguishable styles; the largest 19 categories get one each, the rest are drawn as
"other" in grey, and noise / unknown / unreadable photos are greys of their own.

QGIS-free: the QGIS side turns a ``CategoryStyle`` into a symbol.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
SHAPES = ("circle", "square", "triangle")
MAX_COLORED = 19

GREY_NOISE = "#9E9E9E"       # cluster noise, class "unknown"
GREY_OTHER = "#BDBDBD"       # categories beyond the largest 19
GREY_UNREADABLE = "#6E6E6E"  # photos that could not be read: shown, never hidden


def _mix(color: str, target: int, amount: float) -> str:
    """``color`` moved ``amount`` of the way towards grey level ``target`` (0 black, 255 white)."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (target - c) * amount):02X}" for c in rgb)


def _ring_color(index: int) -> str:
    base = OKABE_ITO[index % len(OKABE_ITO)]
    ring = index // len(OKABE_ITO)
    if ring == 0:
        return base
    if ring == 1:
        return _mix(base, 0, 0.45)    # dark ring
    return _mix(base, 255, 0.55)      # light ring


PALETTE = tuple(_ring_color(i) for i in range(len(OKABE_ITO) * len(SHAPES)))


# classes: the same 21 styles, hues rotated by three within each lightness ring
_CLASS_ORDER = tuple(ring * len(OKABE_ITO) + (hue + 3) % len(OKABE_ITO)
                     for ring in range(len(SHAPES)) for hue in range(len(OKABE_ITO)))


def variant_colours(variant: str = "motifs") -> list:
    """The palette's colours in the order :func:`category_styles` hands them out for ``variant``."""
    order = _CLASS_ORDER if variant == "classes" else tuple(range(len(PALETTE)))
    return [PALETTE[i] for i in order]


def variant_shapes(variant: str = "motifs") -> tuple:
    """Marker shapes by lightness ring (base, dark, light) for ``variant``."""
    return ("square", "circle", "triangle") if variant == "classes" else SHAPES


@dataclass(frozen=True)
class CategoryStyle:
    """How one category value is drawn. ``value`` is None for the "other" bucket."""

    value: object
    color: str  # "#RRGGBB"
    shape: str  # one of SHAPES, or "cross" for unreadable photos
    count: int
    kind: str = "category"  # "category", "other", "noise" or "unreadable"


def category_styles(
    counts: Mapping[object, int],
    *,
    noise: Iterable[object] = ("noise", "unknown", -1),
    unreadable: Iterable[object] = ("unreadable",),
    max_colored: int = MAX_COLORED,
    variant: str = "motifs",
) -> list[CategoryStyle]:
    """Styles for the categories in ``counts`` (value -> number of features).

    The largest ``max_colored`` ordinary categories get palette styles, largest first (ties by
    value, so the same data always gets the same colours); the remaining ones are folded into one
    "other" style whose count is their sum. Noise and unreadable values keep their own greys.

    ``variant="classes"`` starts three hues further round the wheel and draws squares first, so a
    classifier trained from clusters (same names C1…Cn, same counts) never looks like the
    cluster layer it came from.
    """
    order = _CLASS_ORDER if variant == "classes" else tuple(range(len(PALETTE)))
    shapes = ("square", "circle", "triangle") if variant == "classes" else SHAPES
    noise_set, unreadable_set = set(noise), set(unreadable)
    ordinary = [(v, n) for v, n in counts.items() if v not in noise_set and v not in unreadable_set]
    ordinary.sort(key=lambda vn: (-vn[1], str(vn[0])))
    styles = [CategoryStyle(v, PALETTE[order[i]], shapes[(i // len(OKABE_ITO)) % len(shapes)], n)
              for i, (v, n) in enumerate(ordinary[:max_colored])]
    rest = ordinary[max_colored:]
    if rest:
        styles.append(CategoryStyle(None, GREY_OTHER, "circle", sum(n for _, n in rest), "other"))
    styles += [CategoryStyle(v, GREY_NOISE, "circle", n, "noise") for v, n in counts.items() if v in noise_set]
    styles += [CategoryStyle(v, GREY_UNREADABLE, "cross", n, "unreadable")
               for v, n in counts.items() if v in unreadable_set]
    return styles
