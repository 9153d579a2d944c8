"""Photo bursts: one user's run of near-identical photos taken within minutes.

Crowdsourced collections hold bursts: one visitor takes 30 shots of a fountain in two minutes.
Left alone, a burst forms a motif of its own, inflates a motif's size and — worst — sits on both
sides of a random train/test split. :func:`find_bursts` finds them so that clustering can use
one representative per burst and training can keep a burst (and its user) on one side.

Definition
----------
Two photos are *linked* when they have the same user, both have a time of day, they were taken
at most ``minutes`` apart (local wall-clock time as written, see ``core.phototime``) and the
cosine similarity of their embeddings is at least ``similarity``. A burst is a connected group
of linked photos (single linkage). So, in time order, every photo of a burst is within
``minutes`` of the previous one (a larger gap would cut every link across it), and each is
similar above the threshold to at least one other photo of the burst; the result does not
depend on the order of the input. Photos without a user (when the layer has a user field),
without a time of day or without an embedding are bursts of their own. Without any user field
(``user=None``) all photos count as one photographer's, as in a folder from one camera.

Measured with EfficientNet-Lite0 embeddings on the shared labelled photos: distinct photos have
cosine 0.18 in the median, 0.52 at the 99.9th percentile and at most 0.60; a photo cropped to
80-98 % of its frame and re-encoded keeps 0.72-0.99 (median 0.90) to the original. The default
0.9 therefore never joins different scenes; lower it (0.8) to catch looser recompositions.

Each burst's *representative* (``first``) is its medoid: the member with the highest mean
cosine similarity to the other members (ties: the earlier photo), i.e. the most typical shot.

Burst ids are 1, 2, ... in the order of each burst's first photo in the input; every photo has
one (a photo alone is a burst of size 1).

QGIS-free (numpy, scipy).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .messages import msg
from .phototime import parse_times
from .vecmath import l2_normalise

DEFAULT_MINUTES = 10.0
DEFAULT_SIMILARITY = 0.9
# pairs compared at once (a chunk of pairs x embedding width floats)
_CHUNK = 8192


@dataclass
class BurstResult:
    """Per photo: ``burst_id`` (1-based), ``burst_size`` and ``first`` (the burst's medoid);
    ``notes`` are ``core.messages.Message`` s (English as text, translated by processing)."""

    burst_id: np.ndarray
    burst_size: np.ndarray
    first: np.ndarray
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def _user_codes(user, n: int) -> tuple:
    """(int codes, has-user mask): None means one photographer; a missing value a user of its own."""
    import pandas as pd

    if user is None:
        return np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)
    s = pd.Series(list(user), dtype=object)
    text = s.map(lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v).strip())
    has = text.notna() & ~text.isin(["", "NULL", "None"])
    codes, _ = pd.factorize(text.where(has, None), use_na_sentinel=True)
    return codes.astype(np.int64), has.to_numpy()


def _links(order, ucode, seconds, unit, row_of, window, similarity, fb) -> tuple:
    """Linked pairs (a, b) among photos sorted by (user, time): neighbours at distance k = 1, 2, ...

    A pair further apart in the sorted order than another pair of the same user is further apart
    in time, so the search for each k stops when no photo has a same-user neighbour k places on
    within the window. ``unit[row_of[i]]`` is photo i's normalised embedding.
    """
    src, dst = [], []
    u, t = ucode[order], seconds[order]
    k = 1
    while k < len(order):
        fb.check()
        near = np.flatnonzero((u[k:] == u[:-k]) & (t[k:] - t[:-k] <= window))
        if not len(near):
            break
        for start in range(0, len(near), _CHUNK):
            fb.check()
            idx = near[start:start + _CHUNK]
            a, b = order[idx], order[idx + k]
            cos = np.einsum("ij,ij->i", unit[row_of[a]], unit[row_of[b]])
            keep = cos >= similarity
            src.append(a[keep])
            dst.append(b[keep])
        k += 1
    if not src:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(src), np.concatenate(dst)


def _medoids(groups: dict, unit, row_of, seconds, fb) -> dict:
    """{burst label: photo index of its medoid} for bursts of two or more photos."""
    out = {}
    for label, members in groups.items():
        fb.check()
        E = unit[row_of[members]]
        score = (E @ E.T).sum(axis=1)
        best = np.flatnonzero(np.isclose(score, score.max(), rtol=0, atol=1e-6))
        # ties (two photos): the earlier one, then input order
        out[label] = int(members[best[np.lexsort((members[best], seconds[members[best]]))[0]]])
    return out


def find_bursts(embeddings, rows, user, taken, *, minutes: float = DEFAULT_MINUTES,
                similarity: float = DEFAULT_SIMILARITY, feedback: CoreFeedback | None = None) -> BurstResult:
    """Bursts of ``n`` photos; see the module docstring.

    ``embeddings`` [m, d] are the vectors of the photos ``rows`` (indices into 0..n-1, as
    ``core.embed.EmbeddingResult`` gives them); ``user`` (or None: one photographer) and
    ``taken`` (date texts as the import writes them) have one value per photo.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    fb = ensure_feedback(feedback)
    if not minutes > 0:
        raise ValueError("The time window must be a positive number of minutes.")
    if not -1.0 <= similarity <= 1.0:
        raise ValueError("The similarity threshold is a cosine similarity between -1 and 1.")
    n = len(taken)
    rows = np.asarray(rows, dtype=np.int64)
    X = np.asarray(embeddings, dtype=np.float32).reshape(len(rows), -1) if len(rows) else np.zeros((0, 1))
    if user is not None and len(user) != n:
        raise ValueError("User and date must have one value per photo.")
    ucode, has_user = _user_codes(user, n)
    seconds = parse_times(taken).local_seconds()
    unit = l2_normalise(X) if len(rows) else X  # row k: photo rows[k]
    row_of = np.full(n, -1, dtype=np.int64)
    row_of[rows] = np.arange(len(rows))
    embedded = np.zeros(n, dtype=bool)
    if len(rows):
        squares = np.einsum("ij,ij->i", X, X)  # no n x d temporary: NaN/inf rows and zero rows fail
        embedded[rows] = np.isfinite(squares) & (squares > 0)
    eligible = np.flatnonzero(has_user & np.isfinite(seconds) & embedded)
    order = eligible[np.lexsort((seconds[eligible], ucode[eligible]))]
    fb.progress(10)
    a, b = _links(order, ucode, seconds, unit, row_of, float(minutes) * 60.0, float(similarity), fb.sub(10, 70))
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _count, label = connected_components(graph, directed=False)
    # burst ids in the order of each burst's first photo in the input
    _, first_seen, inverse = np.unique(label, return_index=True, return_inverse=True)
    rank = np.empty(len(first_seen), dtype=np.int64)
    rank[np.argsort(first_seen, kind="stable")] = np.arange(len(first_seen))
    burst_id = rank[inverse.ravel()] + 1
    size = np.bincount(burst_id)[burst_id]
    fb.progress(75)
    multi = np.flatnonzero(size > 1)
    groups: dict = {}
    for i in multi[np.argsort(burst_id[multi], kind="stable")]:
        groups.setdefault(int(burst_id[i]), []).append(i)
    medoid = _medoids({k: np.asarray(v) for k, v in groups.items()}, unit, row_of, seconds, fb)
    first = size == 1
    first[list(medoid.values())] = True
    fb.progress(100)
    counts = {
        "photos": n,
        "bursts": int(len(groups)),
        "photos_in_bursts": int(len(multi)),
        "largest": int(size.max()) if n else 0,
        "no_user": int((~has_user).sum()),
        "no_time": int((~np.isfinite(seconds)).sum()),
        "no_embedding": int((~embedded).sum()),
    }
    return BurstResult(burst_id.astype(np.int64), size.astype(np.int64), first, counts, _notes(counts, user is None))


def _notes(counts: dict, one_user: bool) -> list:
    notes = [msg("bursts_summary", counts["photos_in_bursts"], counts["photos"], counts["bursts"], counts["largest"])]
    if one_user:
        notes.append(msg("bursts_one_user"))
    elif counts["no_user"]:
        notes.append(msg("bursts_no_user", counts["no_user"]))
    if counts["no_time"]:
        notes.append(msg("bursts_no_time", counts["no_time"]))
    if counts["no_embedding"]:
        notes.append(msg("bursts_no_embedding", counts["no_embedding"]))
    return notes


def representatives(burst_id, first) -> np.ndarray:
    """Index of each photo's burst representative: the photo of its burst marked ``first``.

    A burst with no photo marked (a layer edited by hand) is represented by its first photo in
    the input; with several marked, by the first marked one. Photos without a burst id
    (None/NaN/negative) represent themselves.
    """
    ids = np.array([-1 if v is None or (isinstance(v, float) and v != v) else int(v) for v in burst_id],
                   dtype=np.int64)
    first = np.asarray([bool(v) for v in first], dtype=bool)
    rep = np.arange(len(ids))
    chosen: dict = {}
    for i in np.flatnonzero(first & (ids >= 0)):
        chosen.setdefault(int(ids[i]), int(i))
    for i in range(len(ids)):
        if ids[i] >= 0:
            rep[i] = chosen.setdefault(int(ids[i]), i)
    return rep
