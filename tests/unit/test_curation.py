"""core/curation.py: Lobe's keys and advice, labelling and review order, tallies (expected by hand)."""
import json

import pytest

from photo_motifs.core.curation import (
    PhotoRow,
    ReviewTally,
    advice,
    class_keys,
    holdout_accuracy,
    labelling_order,
    parse_top,
    review_order,
    top_classes,
)


def test_keys_one_to_nine():
    classes = [f"c{i}" for i in range(12)]
    keys = class_keys(classes)
    assert list(keys) == list(range(1, 10)) and keys[1] == "c0" and keys[9] == "c8"


@pytest.mark.parametrize("count,expected", [(0, "too_few"), (4, "too_few"), (5, "more"), (199, "more"),
                                            (200, "good")])
def test_lobe_advice(count, expected):
    assert advice(count) == expected


def test_labelling_order_unlabelled_motif_by_motif_typical_first():
    rows = [PhotoRow(1, None, "C2", 2), PhotoRow(2, None, "C1", 3), PhotoRow(3, "forest", "C1", 1),
            PhotoRow(4, None, "C1", 1), PhotoRow(5, None, None, None), PhotoRow(6, None, "C2", 1),
            PhotoRow(7, None, "C1", 2)]
    # C1 has 4 photos, C2 2: C1 first (rank 1, 2, 3; photo 3 is labelled), then C2, then no motif
    assert labelling_order(rows) == [4, 7, 2, 6, 1, 5]
    assert labelling_order(rows, only_unlabelled=False) == [4, 7, 2, 6, 1, 5, 3]


def test_review_order_is_ascending_confidence():
    rows = [PhotoRow(1, predicted="a", confidence=0.9), PhotoRow(2, predicted="b", confidence=0.2),
            PhotoRow(3, predicted=None, confidence=0.1), PhotoRow(4, predicted="a", confidence=0.55),
            PhotoRow(5, predicted="unknown", confidence=0.3, label="b")]
    assert review_order(rows) == [2, 5, 4, 1]
    assert review_order(rows, skip_labelled=True) == [2, 4, 1]
    assert review_order(rows, "unknown") == [5]


def test_review_order_disagreement():
    rows = [PhotoRow(1, predicted="a", confidence=0.9, other="b"), PhotoRow(2, predicted="a", confidence=0.4,
                                                                             other="a"),
            PhotoRow(3, predicted="b", confidence=0.3, other="a"), PhotoRow(4, predicted="b", other=None)]
    assert review_order(rows, "disagreement") == [3, 1]
    with pytest.raises(ValueError, match="Unknown review mode"):
        review_order(rows, "random")


def test_top_classes_from_fields_or_text():
    assert parse_top("street art 0.700; sea 0.200; forest 0.100") == [("street art", 0.7), ("sea", 0.2),
                                                                        ("forest", 0.1)]
    values = {"class": "unknown", "confidence": 0.3, "class_2": "sea", "confidence_2": 0.25}
    assert top_classes(values) == [("unknown", 0.3), ("sea", 0.25)]
    assert top_classes({"top_classes": "a 0.5; b 0.3; c 0.1; d 0.1"}) == [("a", 0.5), ("b", 0.3), ("c", 0.1)]


def test_review_tally_counts_each_photo_once():
    tally = ReviewTally()
    assert tally.model_right is None
    assert tally.record(1, "a", "a") == "confirmed"
    assert tally.record(2, "a", "b") == "corrected"
    assert tally.record(2, "a", "a") == "confirmed"  # the user changed their mind
    tally.record(3, "unknown", "c")
    assert (tally.reviewed, tally.confirmed, tally.corrected) == (3, 2, 1)
    assert tally.model_right == pytest.approx(2 / 3)


def test_holdout_accuracy_from_report(tmp_path):
    (tmp_path / "report.json").write_text(json.dumps({"evaluation": {"accuracy": 0.875}}))
    assert holdout_accuracy(tmp_path) == 0.875
    assert holdout_accuracy(tmp_path / "none") is None
    (tmp_path / "report.json").write_text("{broken")
    assert holdout_accuracy(tmp_path) is None
