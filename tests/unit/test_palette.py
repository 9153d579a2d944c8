"""The shared motif palette: distinct styles for the largest 19 categories, greys for the rest."""
from photo_motifs.core.palette import (
    GREY_NOISE,
    GREY_OTHER,
    GREY_UNREADABLE,
    PALETTE,
    category_styles,
)


def test_palette_has_21_distinct_colours():
    assert len(PALETTE) == 21 and len(set(PALETTE)) == 21
    assert all(len(c) == 7 and c.startswith("#") for c in PALETTE)


def test_largest_19_coloured_rest_is_other():
    counts = {f"C{i}": 100 - i for i in range(1, 26)}
    counts["noise"] = 7
    counts["unreadable"] = 2
    styles = category_styles(counts)
    coloured = [s for s in styles if s.kind == "category"]
    assert [s.value for s in coloured] == [f"C{i}" for i in range(1, 20)]
    assert len({(s.color, s.shape) for s in coloured}) == 19
    other = [s for s in styles if s.kind == "other"]
    assert len(other) == 1 and other[0].color == GREY_OTHER
    assert other[0].count == sum(100 - i for i in range(20, 26))
    assert [s.color for s in styles if s.kind == "noise"] == [GREY_NOISE]
    unreadable = [s for s in styles if s.kind == "unreadable"]
    assert unreadable[0].color == GREY_UNREADABLE and unreadable[0].shape == "cross"


def test_same_counts_same_colours_whatever_the_order():
    a = category_styles({"sea": 5, "forest": 5, "street": 9})
    b = category_styles({"street": 9, "forest": 5, "sea": 5})
    assert a == b and [s.value for s in a] == ["street", "forest", "sea"]


def test_class_variant_differs_from_motifs_for_the_same_names():
    counts = {"C1": 40, "C2": 30, "C3": 20, "C4": 10}
    motifs = {s.value: (s.color, s.shape) for s in category_styles(counts)}
    classes = {s.value: (s.color, s.shape) for s in category_styles(counts, variant="classes")}
    assert all(motifs[v] != classes[v] for v in counts)
    assert all(shape == "square" for _c, shape in classes.values())
    many = category_styles({f"k{i}": 100 - i for i in range(19)}, variant="classes")
    assert len({(s.color, s.shape) for s in many}) == 19
