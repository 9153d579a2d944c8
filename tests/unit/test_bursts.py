"""Photo bursts: a known burst found exactly in real photos; the definition on small vectors.

The city of tests/burst_photos.py holds one burst (a fountain and 12 cropped, re-encoded versions
by one user within seven minutes) among photos that must stay apart: the user's other photos
taken in between, the user's copy hours later, another user's copy and a copy without a user.
The medoid is checked with scikit-learn's cosine similarities, not the code under test.
"""
import numpy as np
import pytest

from photo_motifs.core.bursts import find_bursts, representatives
from photo_motifs.tests.burst_photos import BURST_SIZE, make_burst_city


@pytest.fixture(scope="module")
def city(labeled_dir, tmp_path_factory):
    from photo_motifs.core.embed import compute_embeddings
    from photo_motifs.models.registry import ensure_onnx, get_backbone

    rows = make_burst_city(labeled_dir, tmp_path_factory.mktemp("burst_city"))
    spec = get_backbone("efficientnet_lite0")
    emb = compute_embeddings([r["photo"] for r in rows], spec, ensure_onnx(spec.id))
    assert len(emb.rows) == len(rows)
    return rows, emb


def test_known_burst_found_exactly(city):
    from sklearn.metrics.pairwise import cosine_similarity

    rows, emb = city
    result = find_bursts(emb.matrix, emb.rows, [r["owner"] for r in rows], [r["taken_at"] for r in rows])
    in_burst = np.array([r["in_burst"] for r in rows])
    burst = set(result.burst_id[in_burst].tolist())
    assert len(burst) == 1 and in_burst.sum() == BURST_SIZE
    assert (result.burst_size[in_burst] == BURST_SIZE).all() and (result.burst_size[~in_burst] == 1).all()
    assert len(set(result.burst_id.tolist())) == len(rows) - BURST_SIZE + 1  # every other photo alone
    members = np.flatnonzero(in_burst)
    similarity = cosine_similarity(emb.matrix[members])
    assert result.first[in_burst].sum() == 1
    assert members[np.argmax(similarity.sum(axis=1))] == np.flatnonzero(result.first & in_burst)[0]
    assert result.first[~in_burst].all()  # a photo alone represents itself
    assert result.counts["bursts"] == 1 and result.counts["photos_in_bursts"] == BURST_SIZE
    assert result.counts["no_user"] == 1


def test_bursts_need_time_and_similarity(city):
    rows, emb = city
    users, taken = [r["owner"] for r in rows], [r["taken_at"] for r in rows]
    # a 30-second window cuts the burst (its photos are 35 s apart)
    assert find_bursts(emb.matrix, emb.rows, users, taken, minutes=0.5).counts["bursts"] == 0
    # without a user field all photos are one photographer's: the other user's copy and the copy
    # without a user, taken during the burst, join it
    one = find_bursts(emb.matrix, emb.rows, None, taken)
    assert one.counts["photos_in_bursts"] == BURST_SIZE + 2
    # a threshold no pair reaches: no burst
    assert find_bursts(emb.matrix, emb.rows, users, taken, similarity=1.0).counts["bursts"] == 0


def test_chain_order_and_missing_values():
    rng = np.random.default_rng(0)
    a, c = rng.normal(size=16), rng.normal(size=16)
    b = (a / np.linalg.norm(a) + c / np.linalg.norm(c))  # similar to a and to c, which differ
    X = np.stack([a, b, c, a, a, a])
    users = ["u", "u", "u", "u", None, "v"]
    taken = ["2024-05-01T10:00:00", "2024-05-01T10:09:00", "2024-05-01T10:18:00",  # a chain, 9 min apart
             "2024-05-01T10:40:00",  # 22 min after the chain: alone
             "2024-05-01T10:00:00", "2024-05-01T10:00:00"]  # no user; another user
    cos_ab = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    assert a @ c / np.linalg.norm(a) / np.linalg.norm(c) < 0.5 < cos_ab
    r = find_bursts(X, range(6), users, taken, similarity=cos_ab - 1e-3)
    assert r.burst_id.tolist() == [1, 1, 1, 2, 3, 4] and r.burst_size.tolist() == [3, 3, 3, 1, 1, 1]
    assert r.first.tolist() == [False, True, False, True, True, True]  # b is the most typical
    order = [5, 2, 0, 4, 3, 1]
    shuffled = find_bursts(X[order], range(6), [users[i] for i in order], [taken[i] for i in order],
                           similarity=cos_ab - 1e-3)
    assert shuffled.burst_size.tolist() == [r.burst_size[i] for i in order]
    # a photo without an embedding or a time of day is alone
    r = find_bursts(X[[0, 1]], [0, 1], ["u", "u", "u"], [taken[0], taken[1], taken[2]], similarity=0.0)
    assert r.burst_size.tolist() == [2, 2, 1] and r.counts["no_embedding"] == 1
    r = find_bursts(X[:2], [0, 1], ["u", "u"], [taken[0], "2024-05-01"], similarity=0.0)
    assert r.burst_size.tolist() == [1, 1] and r.counts["no_time"] == 1
    with pytest.raises(ValueError, match="minutes"):
        find_bursts(X, range(6), users, taken, minutes=0)


def test_representatives():
    assert representatives([1, 1, 2, 1, None], [False, True, True, False, False]).tolist() == [1, 1, 2, 1, 4]
    # no member marked: the first member; two marked: the first marked
    assert representatives([5, 5, 6, 6], [False, False, True, True]).tolist() == [0, 0, 2, 2]
