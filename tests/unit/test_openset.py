"""The calibrated 'unknown' (core/openset.py): known answers on synthetic embeddings, the ONNX
graph against numpy, model folders, Lobe models left as they were, and real photos of other kinds.

Expected rejections are computed independently: the Local Outlier Factor by its definition
(Breunig et al. 2000) from scipy's ``cdist``, the threshold with ``np.percentile`` over the
training photos' own LOF, and scikit-learn's ``LocalOutlierFactor`` for the graph — not with the
code under test.
"""
from __future__ import annotations

import json
import os

import numpy as np
import onnxruntime as ort
import pytest
from onnx import helper
from scipy.spatial.distance import cdist
from sklearn.model_selection import StratifiedKFold

from ...core import openset as O  # noqa: N812
from ...core.classify import UNKNOWN, classify_embeddings, classify_paths
from ...core.train import add_none_of_these, collect_none_of_these, none_of_these_labels, train_classifier
from ...models.classifier_export import head_graph
from ...models.lobe import load_model
from .test_classify import tiny_model  # noqa: F401 - shared module fixture


def sphere_clusters(n_per_class, dim=24, spread=0.05, seed=0, n_outliers=0):
    """Tight clusters around orthogonal unit directions (classes 0..C-1) and outliers along
    directions orthogonal to all of them: an outlier lies at distance >= sqrt(2) * 0.9 from every
    class direction, a class member within about ``spread * sqrt(dim)`` of its own."""
    rng = np.random.default_rng(seed)
    n_classes = len(n_per_class)
    X, y = [], []
    for c, n in enumerate(n_per_class):
        centre = np.zeros(dim)
        centre[c] = 1.0
        X.append(centre + spread * rng.normal(0, 1, (n, dim)) * (np.arange(dim) >= n_classes))
        y += [c] * n
    out = np.zeros((n_outliers, dim))
    if n_outliers:
        out[:, n_classes:] = rng.normal(0, 1, (n_outliers, dim - n_classes))
    return np.concatenate(X).astype(np.float32), np.asarray(y), out.astype(np.float32)


def lof_by_hand(train, queries=None, k=20):
    """The Local Outlier Factor by its definition, on L2-normalised rows (scipy cdist, sorting).

    Without ``queries``: every training row's LOF among the others (itself left out).
    """
    a = train / np.linalg.norm(train, axis=1, keepdims=True)
    n = len(a)
    k = min(k, n - 1)
    d_train = cdist(a, a)
    np.fill_diagonal(d_train, np.inf)  # a photo is not its own neighbour
    nb_train = np.argsort(d_train, axis=1, kind="stable")[:, :k]
    kdist = np.take_along_axis(d_train, nb_train, axis=1)[:, -1]

    def lrd(dist_rows, nb):
        reach = np.maximum(np.take_along_axis(dist_rows, nb, axis=1), kdist[nb])
        return 1.0 / (reach.mean(axis=1) + 1e-10)

    lrd_train = lrd(d_train, nb_train)
    if queries is None:
        return lrd_train[nb_train].mean(axis=1) / lrd_train
    b = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    d_q = cdist(b, a)
    nb_q = np.argsort(d_q, axis=1, kind="stable")[:, :k]
    return lrd_train[nb_q].mean(axis=1) / lrd(d_q, nb_q)


def test_rejections_match_the_definition():
    """Well-separated classes plus outliers: the same rejections as LOF computed by hand."""
    X, y, outliers = sphere_clusters((40, 40, 30, 35), n_outliers=15, seed=1)
    new_inliers, _new_y, _ = sphere_clusters((50, 50, 50, 50), seed=2)
    cal = O.fit_unknown(X, y, ["a", "b", "c", "d"], target_rejection=0.05, seed=0)
    thr = np.percentile(lof_by_hand(X, k=20), 95.0)
    assert cal.method == "lof" and cal.k == 20 and cal.threshold == pytest.approx(thr, rel=1e-4)
    queries = np.concatenate([new_inliers, outliers])
    expected = lof_by_hand(X, queries, k=20) / thr
    assert np.allclose(cal.scores(queries), expected, rtol=1e-3)
    rejected = cal.scores(queries) > 1
    assert np.array_equal(rejected, expected > 1)
    assert rejected[len(new_inliers):].all()  # every outlier is unknown
    assert rejected[:len(new_inliers)].mean() <= 0.12  # target 5 %, 200 fresh photos of the classes


def kth_by_class(train, y_train, queries, k):
    """The k-NN distance by hand: L2-normalise, scipy cdist, sort per class, min over classes."""
    a = train / np.linalg.norm(train, axis=1, keepdims=True)
    b = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    dist = cdist(b, a)
    best = np.full(len(queries), np.inf)
    for c in np.unique(y_train):
        d = np.sort(dist[:, y_train == c], axis=1)
        best = np.minimum(best, d[:, min(k, d.shape[1]) - 1])
    return best


def test_small_classes_use_knn_by_the_definition():
    """Classes under 30 photos: k-NN distance (k = 5), threshold from held-out folds, as by hand."""
    X, y, outliers = sphere_clusters((20, 25, 12), n_outliers=10, seed=11)
    fresh, _, _ = sphere_clusters((40, 40, 40), seed=12)
    cal = O.fit_unknown(X, y, ["a", "b", "c"], target_rejection=0.05, seed=0)
    assert cal.method == "knn" and cal.k == 5
    held = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        held[te] = kth_by_class(X[tr], y[tr], X[te], 5)
    thr = np.quantile(held, 0.95)
    assert cal.threshold == pytest.approx(thr, rel=1e-4)
    queries = np.concatenate([fresh, outliers])
    expected = kth_by_class(X, y, queries, 5) / thr
    assert np.allclose(cal.scores(queries), expected, rtol=1e-3, atol=1e-5)
    assert np.array_equal(cal.scores(queries) > 1, expected > 1)
    assert (cal.scores(outliers) > 1).all() and (cal.scores(fresh) > 1).mean() <= 0.12
    assert O.fit_unknown(X, y, ["a", "b", "c"], method="lof").method == "lof"  # forced
    with pytest.raises(ValueError, match="Unknown 'unknown' method"):
        O.fit_unknown(X, y, ["a", "b", "c"], method="svm")


def test_target_rejection_holds_on_fresh_photos():
    """The share of fresh photos of the known classes called unknown is about the target, and the
    cross-validated estimate says so."""
    rng = np.random.default_rng(3)
    centres = rng.normal(0, 1, (5, 16))
    X = np.concatenate([c + 0.8 * rng.normal(0, 1, (120, 16)) for c in centres]).astype(np.float32)
    y = np.repeat(np.arange(5), 120)
    fresh = np.concatenate([c + 0.8 * rng.normal(0, 1, (600, 16)) for c in centres]).astype(np.float32)
    cal = O.fit_unknown(X, y, list("abcde"), target_rejection=0.10)
    rate = float(np.mean(cal.scores(fresh) > 1))
    assert 0.07 <= rate <= 0.13, rate  # 3,000 fresh photos: binomial sd 0.5 points
    assert abs(cal.expected_rejection - rate) <= 0.03, (cal.expected_rejection, rate)
    assert np.isfinite(cal.held_out).all() and len(cal.held_out) == len(X)


def users_with_near_duplicates(rng, centres, n_users, shots=6):
    """Each user photographs one spot of a class ``shots`` times (near-duplicates of one scene)."""
    X, y, users = [], [], []
    for u in range(n_users):
        c = u % len(centres)
        scene = centres[c] + 0.8 * rng.normal(0, 1, centres.shape[1])
        X.append(scene + 0.02 * rng.normal(0, 1, (shots, centres.shape[1])))
        y += [c] * shots
        users += [u] * shots
    return np.concatenate(X).astype(np.float32), np.asarray(y), np.asarray(users)


@pytest.mark.parametrize("method", ["knn", "lof"])
def test_calibration_by_user_is_not_fooled_by_near_duplicates(method):
    """Each user shot one scene 10 times. Calibrated photo by photo, a held-out photo always has its
    twins in training, and the threshold comes out far too strict: new users' photos (one each,
    drawn from the same classes) are rejected well above the target. Folds by user (``groups``)
    keep the rejection of new users near the target, for both scores."""
    rng = np.random.default_rng(5)
    centres = rng.normal(0, 1, (4, 16))
    X, y, users = users_with_near_duplicates(rng, centres, 80, shots=10)
    new, _y_new, _u = users_with_near_duplicates(rng, centres, 400, shots=1)  # 400 unseen users
    target = 0.05
    by_photo = O.fit_unknown(X, y, list("abcd"), target_rejection=target, method=method)
    by_user = O.fit_unknown(X, y, list("abcd"), target_rejection=target, method=method, groups=users)
    rate_photo = float(np.mean(by_photo.scores(new) > 1))
    rate_user = float(np.mean(by_user.scores(new) > 1))
    assert rate_photo > 3 * target, rate_photo  # 400 photos: binomial sd about 1 point
    assert rate_user <= 2 * target, rate_user
    if method == "lof":  # train_classifier passes the users on to the calibration
        result = train_classifier(X, [list("abcd")[i] for i in y], groups=users, unknown_rejection=target)
        assert float(np.mean(result.unknown.scores(new) > 1)) <= 2 * target


def test_lof_tiny_sets_and_duplicates():
    X, y, _ = sphere_clusters((4, 3), seed=4)
    twice = np.concatenate([X, X[:2]])
    cal = O.fit_unknown(twice, np.concatenate([y, y[:2]]), ["big", "small"], method="lof")
    assert len(cal.reference) == 7 and cal.k == 6  # duplicates removed; k = photos - 1
    probe = X[:3] + 0.01
    assert np.allclose(cal.raw(probe), lof_by_hand(X, probe, k=6), rtol=1e-3)


def test_bad_settings_are_sentences():
    X, y, _ = sphere_clusters((5, 5))
    with pytest.raises(ValueError, match="above 0 and at most 0.5"):
        O.fit_unknown(X, y, ["a", "b"], target_rejection=0.7)
    with pytest.raises(ValueError, match="at least 3 different photos of the known classes"):
        O.fit_unknown(X[:3], np.array([0, 1, 1]), ["a", UNKNOWN], none_class=UNKNOWN)


@pytest.mark.parametrize("per_class", [(40, 35, 30), (20, 20, 6)])
def test_onnx_graph_gives_the_numpy_score(per_class):
    X, y, outliers = sphere_clusters(per_class, n_outliers=5, seed=5)
    labels = [["a", "b", "c"][i] for i in y]
    result = train_classifier(X, labels, val_fraction=0.0, seed=0)
    head, cal = result.head, result.unknown
    model = helper.make_model(head_graph(head, "features", unknown=cal), opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    queries = np.concatenate([X[::3] * 1.7 + 0.01, outliers])  # scaled: the graph normalises like numpy
    conf, _pred, score = sess.run(["Confidences", "Prediction", "UnknownScore"], {"features": queries})
    assert score.shape == (len(queries),)
    assert np.allclose(score, cal.scores(queries), rtol=1e-3)
    assert np.allclose(conf, head.predict_proba(queries), atol=1e-5)
    # and both are, by the definition, the score of the photos among the reference photos / threshold
    assert cal.method == ("lof" if min(per_class) >= 30 else "knn")
    if cal.method == "lof":
        from sklearn.neighbors import LocalOutlierFactor

        lof = LocalOutlierFactor(n_neighbors=cal.k, novelty=True).fit(cal.reference)
        unit = queries / np.linalg.norm(queries, axis=1, keepdims=True)
        assert np.allclose(score, -lof.score_samples(unit) / cal.threshold, rtol=1e-3)
    else:
        assert np.allclose(score, kth_by_class(X, y, queries, 5) / cal.threshold, rtol=1e-3, atol=1e-4)


def test_open_set_figures_by_hand():
    classes = ["a", "b", UNKNOWN]
    probs = np.array([[.9, .1, 0], [.2, .8, 0], [.6, .4, 0], [.1, .2, .7], [.7, .3, 0], [.2, .1, .7]])
    scores = np.array([0.5, 0.9, 1.5, 0.2, 0.3, 2.0])
    y = np.array([0, 1, 0, 1, 2, 2])
    f = O.open_set_figures(probs, scores, y, classes, none_class=UNKNOWN)
    # known photos 0-3: closed-set predictions a, b, a, b (the 'unknown' column ignored) -> 4 of 4;
    # called unknown: photo 2 (score 1.5) and photo 3 (best class 'unknown') -> 2 of 4 correct
    assert f["n_known"] == 4 and f["closed_set_accuracy"] == 1.0
    assert f["open_set_accuracy"] == 0.5 and f["known_rejected"] == 0.5
    assert f["n_none"] == 2 and f["none_rejected"] == 0.5  # photo 5 (score 2.0); photo 4 is accepted as 'a'


def test_none_of_these_labels_and_folder(tmp_path):
    assert none_of_these_labels(["x", "other", "y"], "other") == ["x", UNKNOWN, "y"]
    assert none_of_these_labels(["x", "other"], "") == ["x", "other"]
    (tmp_path / "none" / "deep").mkdir(parents=True)
    for name in ("a.jpg", "deep/b.png", "notes.txt"):
        (tmp_path / "none" / name).write_bytes(b"x")
    paths, invalid = collect_none_of_these(tmp_path / "none")
    assert sorted(os.path.basename(p) for p in paths) == ["a.jpg", "b.png"]
    assert [row[1] for row in invalid] == ["not_image"]
    both = str(tmp_path / "none" / "a.jpg")
    merged, labels = add_none_of_these(["/p/1.jpg", both], ["forest", "forest"], paths)
    assert labels.count(UNKNOWN) == 2 and labels.count("forest") == 1 and both in merged
    with pytest.raises(ValueError, match="does not exist"):
        collect_none_of_these(tmp_path / "missing")


def test_none_of_these_class_trains_the_head_not_the_reference():
    X, y, outliers = sphere_clusters((30, 30, 30), seed=6)
    labels = [["forest", "street", "food"][i] for i in y]
    result = train_classifier(X, labels, none_label="food", seed=0)
    cal = result.unknown
    assert result.classes == ["forest", "street", UNKNOWN]
    assert cal.none_class == UNKNOWN and cal.n_none == 30 and len(cal.reference) == 60
    forest_street = X[y < 2] / np.linalg.norm(X[y < 2], axis=1, keepdims=True)
    assert np.allclose(np.sort(cal.reference, axis=0), np.sort(forest_street, axis=0), atol=1e-6)
    assert result.open_set["n_none"] == 6 and result.open_set["none_rejected"] == 1.0
    food_like, _, _ = sphere_clusters((0, 0, 10), seed=7)
    res = classify_embeddings(food_like, result.head, calibration=cal)
    assert all(p.label == UNKNOWN and p.unknown for p in res.photos)
    assert res.unknown_reasons() == {"score": 10, "none_class": 0, "confidence": 0}  # far from both classes
    # with the distance rule out of the way the head's 'none of these' class still calls them unknown
    res = classify_embeddings(food_like, result.head, calibration=cal, unknown_limit=1e6)
    assert all(p.label == UNKNOWN and p.unknown and p.top[0][0] == UNKNOWN for p in res.photos)
    assert res.unknown_reasons() == {"score": 0, "none_class": 10, "confidence": 0}


def test_switched_off_and_limit():
    X, y, outliers = sphere_clusters((20, 20), n_outliers=4, seed=8)
    labels = [["a", "b"][i] for i in y]
    off = train_classifier(X, labels, unknown_rejection=0.0)
    assert off.unknown is None and off.open_set is None and off.as_dict()["unknown"] is None
    on = train_classifier(X, labels)
    res = classify_embeddings(outliers, on.head, calibration=on.unknown)
    assert all(p.label == UNKNOWN for p in res.photos) and res.open_set["limit"] == 1.0
    scores = [p.unknown_score for p in res.photos]
    loose = classify_embeddings(outliers, on.head, calibration=on.unknown, unknown_limit=max(scores) + 1)
    assert not any(p.unknown for p in loose.photos)
    closed = classify_embeddings(outliers, on.head, calibration=on.unknown, open_set=False)
    assert closed.open_set is None and all(p.unknown_score is None and not p.unknown for p in closed.photos)
    with pytest.raises(ValueError, match="above 0"):
        classify_embeddings(outliers, on.head, calibration=on.unknown, unknown_limit=0)


def test_calibration_file_round_trip(tmp_path):
    X, y, _ = sphere_clusters((10, 12), seed=9)
    cal = O.fit_unknown(X, y, ["a", UNKNOWN], none_class=None)
    back = O.UnknownCalibration.load(cal.save(tmp_path / "unknown.npz"))
    assert back.info() == cal.info()
    assert np.array_equal(back.reference, cal.reference) and np.array_equal(back.kdist, cal.kdist)
    assert np.allclose(back.scores(X), cal.scores(X))
    with np.load(tmp_path / "unknown.npz", allow_pickle=False) as data:  # numpy arrays only
        assert "reference" in data.files


def test_model_folder_and_lobe_model(tiny_model, tmp_path):  # noqa: F811
    """Our model folder classifies with the score from the graph and from unknown.npz alike; a
    Lobe export keeps today's behaviour (every photo gets a class, no score)."""
    from .test_lobe import make_lobe_export
    from .test_train import make_photo

    folder = tiny_model["folder"]
    sig = json.loads((folder / "signature.json").read_text())
    info = sig["photo_motifs"]["unknown"]
    assert info["output"] == "UnknownScore" and info["file"] == "unknown.npz"
    assert info["method"] == "knn" and info["k"] == 5  # 10 photos per class: k-NN (LOF needs 30)
    assert info["target_rejection"] == 0.03 and (folder / "unknown.npz").is_file()
    model = load_model(folder)
    assert model.unknown_output == "UnknownScore" and model.calibration().threshold == info["threshold"]
    odd = [make_photo(tmp_path / "grey.jpg", (128, 128, 128), seed=1), make_photo(tmp_path / "red.jpg",
                                                                                  (200, 40, 40), seed=2)]
    res = classify_paths(odd, model)
    assert res.open_set["limit"] == 1.0 and all(p.unknown_score is not None for p in res.photos)
    assert res.photos[0].label == UNKNOWN and res.photos[0].unknown_score > 1  # grey: no class is grey
    from ...core.embed import compute_embeddings

    emb = compute_embeddings(odd, tiny_model["spec"], tiny_model["onnx"])
    by_head = classify_embeddings(emb.matrix, folder)
    assert np.allclose([p.unknown_score for p in by_head.photos], [p.unknown_score for p in res.photos],
                       rtol=1e-3, atol=1e-3)
    lobe = load_model(make_lobe_export(tmp_path / "lobe"))
    assert lobe.unknown is None and lobe.calibration() is None
    lres = classify_paths(odd, lobe)
    assert lres.open_set is None and not any(p.unknown for p in lres.photos)
    assert all(p.unknown_score is None and p.label in ("Red", "Green", "Blue") for p in lres.photos)


def test_real_photos_of_other_classes_are_unknown(labeled_dir, tmp_path):
    """EfficientNet-Lite0: trained on 3 Intel scene classes (30 photos each), the model calls
    photos of food, people and vehicles unknown, and photos of its own classes it has not seen
    rarely; another scene class (mountain) falls in between."""
    from ...models.classifier_export import train_model_folder

    intel, imagenet = labeled_dir / "intel_scenes_dev", labeled_dir / "imagenet_sample_motifs"
    train = tmp_path / "train"
    held_out = []
    for cls in ("forest", "sea", "street"):
        (train / cls).mkdir(parents=True)
        photos = sorted((intel / cls).iterdir())
        for p in photos[:30]:
            os.symlink(p, train / cls / p.name)
        held_out += photos[30:]
    trained = train_model_folder(train, tmp_path / "model", val_fraction=0.0)
    assert trained.result.unknown.expected_rejection <= 0.06
    others = {"mountain": sorted((intel / "mountain").iterdir())[:20]}
    for cls in ("food", "people", "transport"):
        others[cls] = sorted((imagenet / cls).iterdir())[:20]
    groups = {"held_out": held_out, **others}
    res = classify_paths([p for g in groups.values() for p in g], trained.folder)
    assert not res.failed
    flags = np.array([p.unknown for p in res.photos])
    rates, start = {}, 0
    for name, photos in groups.items():
        rates[name] = float(flags[start:start + len(photos)].mean())
        start += len(photos)
    assert rates["held_out"] <= 0.15, rates  # target 3 %; 60 photos, 90 to calibrate on
    for cls in ("food", "people", "transport"):
        assert rates[cls] >= 0.85, rates  # none of these is a scene
    assert rates["held_out"] < rates["mountain"], rates


def test_zero_shot_other_classes_count_as_unknown():
    """A zero-shot model's 'unknown (<kind>)' classes are "none of these" too, and keep their name."""
    from ...core.train import HeadParams

    classes = ["sea", "forest", "unknown (selfie)"]
    probs = np.array([[.7, .2, .1], [.1, .2, .7]])
    assert O.unknown_mask(probs, None, classes, UNKNOWN).tolist() == [False, True]
    assert O.is_none_class("unknown") and O.is_none_class("unknown (generic)") and not O.is_none_class("unknowns")
    head = HeadParams(classes, np.zeros(2, np.float32), np.ones(2, np.float32),
                      [np.array([[5, 0, 0], [0, 0, 5]], np.float32)], [np.zeros(3, np.float32)])
    res = classify_embeddings(np.array([[1, 0], [0, 1]], np.float32), head)
    assert [p.label for p in res.photos] == ["sea", "unknown (selfie)"]
    assert [p.unknown for p in res.photos] == [False, True] and res.unknown_reasons()["none_class"] == 1
