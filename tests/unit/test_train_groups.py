"""Evaluation by user: splits that keep a user's (or a burst's) photos on one side, and the report.

The known-answer case (bench/user_split.py) deals the shared labelled photos out to synthetic
users, five each, every user keeping a cropped and re-encoded near-duplicate of each photo; a
third of the users is kept apart as new users. A random split scores the near-duplicates of
photos it was fitted on and comes out higher than the split by user, whose figure is close to
the accuracy on the new users' photos (measured, not assumed: averaged over two user draws).
"""
import json

import numpy as np
import pytest

from photo_motifs.core import train as T  # noqa: N812
from photo_motifs.core.report import difference_sentence, summary_text, write_report


def test_group_holdout_keeps_groups_apart_and_every_class_in_training():
    rng = np.random.default_rng(0)
    groups = np.repeat(np.arange(40), 5)  # 40 users, 5 photos each
    y = rng.integers(0, 3, len(groups))
    y[groups == 7] = 3  # class 3: all its photos are one user's
    tr, va, moved = T.group_holdout_split(y, [f"u{g}" for g in groups], 0.2, seed=1)
    assert not set(groups[tr]) & set(groups[va]) and len(tr) + len(va) == len(y)
    assert 0.1 < len(va) / len(y) < 0.3
    assert np.any(y[tr] == 3) and not np.any(y[va] == 3)  # the one-user class stays in training
    for train_rows, test_rows in T.group_folds(y, T.group_codes(groups), 5, seed=0):
        assert not set(groups[train_rows]) & set(groups[test_rows])
        assert set(y[train_rows]) == set(y)
    # a missing group is a group of its own, never merged with another
    assert T.group_codes(["a", None, "b", "a", "", float("nan")]).tolist() == [0, 2, 1, 0, 3, 4]
    tr, va, split = T.split_indices(y, ["same"] * len(y), 0.2, seed=0)
    assert split["method"] == "random" and "one group" in split["note"]


def test_difference_sentence():
    assert "9.0 points higher" in difference_sentence(0.85, 0.94)
    assert "new users' photos" in difference_sentence(0.85, 0.94)
    assert "about the same (+1.0 points)" in difference_sentence(0.85, 0.86)
    assert "points lower" in difference_sentence(0.9, 0.8, "burst")


@pytest.fixture(scope="module")
def user_photos(labeled_dir, tmp_path_factory):
    from photo_motifs.bench.user_split import build_user_photos, embed_rows

    rows = build_user_photos(labeled_dir, tmp_path_factory.mktemp("users"), per_class=50, copies=1)
    return embed_rows(rows)


def test_random_split_flatters_and_by_user_predicts_new_users(user_photos):
    from photo_motifs.bench.user_split import evaluate_split

    X, labels, users, blocks = user_photos
    runs = [evaluate_split(X, labels, users, blocks, seed=seed, random_cv=False) for seed in (0, 1)]
    by_user = np.mean([r["by_user"] for r in runs])
    random_split = np.mean([r["random_split"] for r in runs])
    cv_by_user = np.mean([r["cv_by_user"] for r in runs])
    new_users = np.mean([r["new_users"] for r in runs])
    assert all(r["random_split"] > r["by_user"] for r in runs)
    assert random_split - by_user >= 0.04
    assert abs(by_user - new_users) < abs(random_split - new_users)
    assert abs(cv_by_user - new_users) <= 0.04 < abs(random_split - new_users)
    result = runs[0]["result"]
    assert result.split["method"] == "group" and result.split["group_field"] == "owner"
    assert result.cv["by_group"] and result.split["validation_groups"] >= 5
    lines = summary_text(result).splitlines()
    assert lines[1].startswith("Accuracy by user") and "Random split" in lines[2] and "points" in lines[3]


def test_report_and_model_card_record_the_split(user_photos, tmp_path):
    from types import SimpleNamespace

    from photo_motifs.models.classifier_export import model_card

    X, labels, users, blocks = user_photos
    keep = np.arange(0, len(labels), 3)  # a third of the photos keeps this test quick
    result = T.train_classifier(X[keep], [labels[i] for i in keep], blocks=blocks,
                                groups=[users[i] for i in keep], group_field="owner")
    files = write_report(result, tmp_path)
    md = files["report.md"].read_text()
    assert "split by user (field owner)" in md and "Random split, as Lobe's 80/20 split draws it" in md
    data = json.loads(files["report.json"].read_text())
    assert data["split"]["method"] == "group" and 0 < data["split"]["random_split"]["accuracy"] <= 1
    spec = SimpleNamespace(title="tiny", cache_key="tiny", weights="test", licence="test", crop="center",
                           resize_short=36, input_size=32)
    card = model_card(result, spec, "test model", "2026-01-01")
    assert "split by user (field owner)" in card and "random split (for comparison only)" in card
