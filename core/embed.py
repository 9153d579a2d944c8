"""Image embeddings with an ONNX backbone: decode in worker threads, infer in batches, cache.

:func:`compute_embeddings` is the batch entry point:

1. identify every photo by content hash, reusing the hash remembered by the cache when the
   file's path, size and mtime are unchanged (hashing runs in worker threads);
2. look the hashes up in the :class:`~.embcache.EmbeddingCache`; photos with identical bytes
   are computed once;
3. decode and prepare the misses in a thread pool (Pillow releases the GIL while decoding and
   resampling) with a bounded number of photos in flight; batches of decoded photos go to a
   second pool where onnxruntime runs several single-threaded batches at once (it releases
   the GIL too); the calling thread collects the batches in order and writes them to the cache.

Raw backbone features are returned and stored; normalisation (L2 or otherwise) is left to the
clustering step. A photo that cannot be decoded is reported in ``failed`` with a sentence and
never stops the batch. Output order follows the input order, whatever the thread timing.
"""
from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from .decode import DecodeError, check_spec, load_for_backbone
from .feedback import Ticker, ensure_feedback
from .files import PhotoFileError
from .hashing import content_hash
from .messages import msg
from .vectors_io import export_vectors, read_vectors

__all__ = [
    "EmbeddingResult",
    "OnnxBackbone",
    "compute_embeddings",
    "export_vectors",
    "read_vectors",
]

# share of the progress bar given to identifying (hashing) the photos
_IDENTIFY_SHARE = 10.0

# photos per onnxruntime call: a batch is run in slices this small, whose activations stay in
# the core's caches (EfficientNet-Lite0, one thread per call, 2 cores busy: about 9.0 ms of
# CPU per photo in slices of 2 against 9.8-10.6 ms for whole batches of 16; the features
# are the same photo by photo)
_MICRO_BATCH = 2


def _cpu_count() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass
class EmbeddingResult:
    """Outcome of :func:`compute_embeddings`.

    ``paths`` and ``photo_ids`` are per input path (``photo_ids[i]`` is None when the file could
    not even be read). ``rows`` lists the input indices that have a vector, in input order, and
    ``matrix[k]`` is the vector of ``paths[rows[k]]``. ``failed`` holds
    ``(index, path, code, sentence)``. ``n_cached`` / ``n_computed`` count distinct photos
    (by content) taken from the cache / run through the backbone.
    """

    paths: list
    photo_ids: list
    rows: list
    matrix: np.ndarray
    failed: list = field(default_factory=list)
    n_cached: int = 0
    n_computed: int = 0
    seconds: float = 0.0
    backbone: str = ""


class OnnxBackbone:
    """An onnxruntime session that maps uint8 NHWC image batches to float32 feature rows.

    The built-in backbones take ``pixels`` (float32 NCHW, RGB 0..255, normalisation inside the
    graph) and give ``features`` [N, D]. User models are described by the spec's optional
    fields: ``input_name`` / ``output_name`` (a single-input or single-output model is fed/read
    whatever its tensor is called), ``layout`` ('NCHW' or 'NHWC', guessed from the input shape
    when the spec has none) and ``mean`` / ``std`` (RGB, 0..1 units: the model then receives
    ``(pixels / 255 - mean) / std``).

    ``threads``: intra-op threads of one call (default: number of CPUs, best for a single
    batch). :meth:`run` may be called from several threads at once. ``onnx_path`` may also be
    the model's bytes (a Dask worker receives them instead of a path).
    """

    def __init__(self, spec, onnx_path, threads: int | None = None):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(threads or _cpu_count())
        # a single-threaded call is run in slices of _MICRO_BATCH photos (faster per photo);
        # a multi-threaded one gets the whole batch, to keep all its threads busy
        self.micro_batch = _MICRO_BATCH if opts.intra_op_num_threads == 1 else None
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # idle intra-op threads would otherwise busy-wait, taking CPU from the decoders
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            onnx_path if isinstance(onnx_path, bytes) else str(onnx_path), sess_options=opts,
            providers=["CPUExecutionProvider"],
        )
        inputs = {i.name: i for i in self.session.get_inputs()}
        outputs = [o.name for o in self.session.get_outputs()]
        self.input_name = _pick(getattr(spec, "input_name", None), "pixels", list(inputs))
        self.output_name = _pick(getattr(spec, "output_name", None), "features", outputs)
        if self.input_name is None or self.output_name is None:
            raise ValueError(
                f"{onnx_path}: cannot tell which tensors to use; the model has inputs "
                f"{list(inputs)} and outputs {outputs} (set input_name/output_name)."
            )
        shape = list(inputs[self.input_name].shape)
        self.layout = (getattr(spec, "layout", None) or _guess_layout(shape)).upper()
        if self.layout not in ("NCHW", "NHWC"):
            raise ValueError(f"unknown layout {self.layout!r} (use NCHW or NHWC)")
        self.fixed_batch = shape[0] if isinstance(shape[0], int) and shape[0] > 0 else None
        self._scale, self._offset = _normalisation(
            getattr(spec, "mean", None), getattr(spec, "std", None), self.layout
        )

    def run(self, batch: np.ndarray) -> np.ndarray:
        """Features of a uint8 batch ``[N, S, S, 3]`` (RGB): float32 ``[N, D]``."""
        batch = np.asarray(batch)
        if batch.ndim == 3:
            batch = batch[None]
        if self.layout == "NCHW":
            batch = batch.transpose(0, 3, 1, 2)
        x = np.ascontiguousarray(batch, dtype=np.float32)
        if self._scale is not None:
            x *= self._scale
            x -= self._offset
        if self.fixed_batch and x.shape[0] != self.fixed_batch:
            if self.fixed_batch != 1:
                raise ValueError(f"the model accepts batches of exactly {self.fixed_batch}")
            return np.concatenate([self._infer(x[i:i + 1]) for i in range(x.shape[0])])
        return self._infer(x)

    def _infer(self, x: np.ndarray) -> np.ndarray:
        step = self.micro_batch
        if step and x.shape[0] > step:
            return np.concatenate([self._infer(x[i:i + step]) for i in range(0, x.shape[0], step)])
        out = self.session.run([self.output_name], {self.input_name: x})[0]
        return np.asarray(out, dtype=np.float32).reshape(x.shape[0], -1)


def _pick(wanted, default, available):
    """The tensor name to use: the spec's, else the conventional one, else the only one."""
    for name in (wanted, default):
        if name and name in available:
            return name
    return available[0] if len(available) == 1 else None


def _guess_layout(shape) -> str:
    if len(shape) == 4 and shape[-1] == 3 and shape[1] != 3:
        return "NHWC"
    return "NCHW"


def _normalisation(mean, std, layout):
    """Per-channel ``scale`` and ``offset`` with ``(x / 255 - mean) / std == x * scale - offset``."""
    if mean is None and std is None:
        return None, None
    mean = np.broadcast_to(np.asarray(mean if mean is not None else 0.0, dtype=np.float64), (3,))
    std = np.broadcast_to(np.asarray(std if std is not None else 1.0, dtype=np.float64), (3,))
    scale, offset = 1.0 / (255.0 * std), mean / std
    shape = (1, 3, 1, 1) if layout == "NCHW" else (1, 1, 1, 3)
    return scale.reshape(shape).astype(np.float32), offset.reshape(shape).astype(np.float32)


def _stat(path):
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def hash_photo(path):
    """(photo_id, size, mtime_ns) or a DecodeError for a file that cannot be read."""
    try:
        size, mtime = _stat(path)
        return content_hash(path), size, mtime
    except PhotoFileError as exc:  # a device, pipe or socket, or a file over the size limit
        return DecodeError(exc.code, exc.sentence)
    except OSError as exc:
        return DecodeError("unreadable", f"The file cannot be read ({exc.strerror or exc}).")


def _identify(paths, cache, pool, feedback):
    """Content hash of every path (None on failure) and the failures as {index: DecodeError}."""
    ids = [None] * len(paths)
    errors = {}
    to_hash = []
    # a million known photos take a minute here: progress and a log line every few seconds
    tick = Ticker(feedback.sub(0, _IDENTIFY_SHARE / 2), msg("tick_lookup"), len(paths))
    for i, path in enumerate(paths):
        if i % 1000 == 0:
            tick(i)
        feedback.check()
        if cache is not None:
            try:
                known = cache.known_hash(path, *_stat(path))
            except OSError:
                known = None
            if known:
                ids[i] = known
                continue
        to_hash.append(i)
    observed = []
    tick = Ticker(feedback.sub(_IDENTIFY_SHARE / 2, _IDENTIFY_SHARE), msg("tick_hashed"), len(to_hash))
    for done, (i, outcome) in enumerate(
        zip(to_hash, pool.map(hash_photo, [paths[i] for i in to_hash])), start=1
    ):
        tick(done)
        if isinstance(outcome, DecodeError):
            errors[i] = outcome
        else:
            ids[i] = outcome[0]
            observed.append((outcome[0], paths[i], outcome[1], outcome[2]))
    if cache is not None and observed:
        cache.remember_paths(observed)
    return ids, errors


def _decode(path, spec):
    """Prepared pixels or the DecodeError; an unexpected failure also becomes a DecodeError."""
    try:
        return load_for_backbone(path, spec)
    except DecodeError as exc:
        return exc
    except Exception as exc:
        return DecodeError("corrupt", f"The image could not be prepared ({exc}).")


def compute_embeddings(
    paths,
    spec,
    onnx_path=None,
    cache=None,
    photo_ids=None,
    batch_size: int = 16,
    workers: int | None = None,
    feedback=None,
    backbone: OnnxBackbone | None = None,
    streams: int | None = None,
    keep_vectors: bool = True,
) -> EmbeddingResult:
    """Embed every photo in ``paths`` with the backbone described by ``spec``.

    ``onnx_path``: the backbone's ONNX file (default: ``spec.onnx_path``), or pass a ready
    ``backbone`` to reuse a session across calls; otherwise a session is created, only when
    something has to be computed.
    ``cache``: an :class:`~.embcache.EmbeddingCache`, read and written under ``spec.cache_key``.
    ``photo_ids``: content hashes already known by the caller (skips hashing).
    ``workers``: decoding threads; ``streams``: batches inferred concurrently, each on one
    thread (both default to the number of CPUs). Several single-threaded inference calls use
    the CPUs better than one call spread over all of them (less CPU time per photo), and leave
    no idle core while photos decode.
    ``keep_vectors=False`` (needs a cache): vectors go to the cache only and ``matrix`` stays
    empty; ``rows`` still lists the photos that have one. A million 1280-d vectors are 5 GB:
    read them back in chunks (:class:`~.embcache.CachedVectors`).
    Raises :class:`~.feedback.Canceled` when cancelled; batches finished so far stay cached.
    """
    t0 = time.perf_counter()
    feedback = ensure_feedback(feedback)
    check_spec(spec)
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    if not keep_vectors and cache is None:
        raise ValueError("Embeddings that are not kept in memory need a cache to go to.")
    paths = [os.fspath(p) for p in paths]
    key = spec.cache_key
    workers = max(1, int(workers or _cpu_count()))
    streams = max(1, int(streams or _cpu_count()))

    decoders = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo_motifs_decode")
    inferers = ThreadPoolExecutor(max_workers=streams, thread_name_prefix="photo_motifs_infer")
    try:
        if photo_ids is None:
            ids, errors = _identify(paths, cache, decoders, feedback)
        else:
            if len(photo_ids) != len(paths):
                raise ValueError("photo_ids must have one entry per path")
            ids, errors = list(photo_ids), {}
        first_index = first_occurrences(ids)
        vectors = cached_vectors(cache, list(first_index), key, keep_vectors)
        n_cached = len(vectors)
        todo = [(pid, i) for pid, i in first_index.items() if pid not in vectors]
        if todo:
            feedback.info(msg("cache_summary", n_cached, len(first_index), len(todo)))
            if backbone is None:
                onnx_path = onnx_path or getattr(spec, "onnx_path", None)
                if not onnx_path:
                    raise ValueError(f"No ONNX file given for the backbone {spec.cache_key}.")
                backbone = OnnxBackbone(spec, onnx_path, threads=1 if streams > 1 else None)
        pipeline = _Pipeline(backbone, cache, key, vectors, batch_size, streams, feedback, keep_vectors)
        decode_errors = pipeline.run(todo, paths, spec, decoders, workers, inferers)
    finally:
        decoders.shutdown(wait=True, cancel_futures=True)
        inferers.shutdown(wait=True, cancel_futures=True)
    feedback.progress(100.0)
    return assemble_result(paths, ids, errors, decode_errors, vectors, n_cached, len(todo) - len(decode_errors),
                           time.perf_counter() - t0, key)


def first_occurrences(ids) -> dict:
    """{photo_id: first input index} of every distinct photo, in input order (None ids left out)."""
    first_index = {}
    for i, pid in enumerate(ids):
        if pid is not None and pid not in first_index:
            first_index[pid] = i
    return first_index


def cached_vectors(cache, ids, key: str, keep_vectors: bool = True) -> dict:
    """{photo_id: vector} found in the cache; with ``keep_vectors=False`` {photo_id: None} (nothing read)."""
    if cache is None:
        return {}
    if keep_vectors:
        return cache.get_many(ids, key)
    return dict.fromkeys(cache.present(ids, key))


def assemble_result(paths, ids, errors: dict, decode_errors: dict, vectors: dict, n_cached: int,
                    n_computed: int, seconds: float, key: str) -> EmbeddingResult:
    """The :class:`EmbeddingResult` of a run: failures per input, rows with a vector, the matrix.

    ``errors``: {input index: DecodeError} (unreadable files); ``decode_errors``: {photo_id:
    DecodeError}; ``vectors``: {photo_id: vector, or None when the vectors stayed in the cache}.
    """
    failed = []
    rows = []
    for i, (path, pid) in enumerate(zip(paths, ids)):
        err = errors.get(i) or decode_errors.get(pid)
        if err is not None:
            failed.append((i, path, err.code, err.sentence))
        elif pid in vectors:
            rows.append(i)
    if rows and vectors[ids[rows[0]]] is not None:
        matrix = np.stack([vectors[ids[i]] for i in rows]).astype(np.float32, copy=False)
    else:
        matrix = np.zeros((0, 0), dtype=np.float32)
    return EmbeddingResult(
        paths=paths,
        photo_ids=ids,
        rows=rows,
        matrix=matrix,
        failed=failed,
        n_cached=n_cached,
        n_computed=n_computed,
        seconds=seconds,
        backbone=key,
    )


class _Pipeline:
    """Decode in one pool, infer batches in another, collect everything on the calling thread.

    The calling thread takes decoded photos in input order, stacks them into batches, submits
    at most ``streams`` batches to the inference pool at a time and stores finished batches
    (in order) in ``vectors`` and the cache. Decoding keeps ``batch_size * (streams + 2)``
    photos in flight, enough to keep the decoders busy during inference while bounding memory.
    Feedback is only ever called from the calling thread.
    """

    def __init__(self, backbone, cache, key, vectors, batch_size, streams, feedback, keep_vectors=True):
        self.keep_vectors = keep_vectors
        self.backbone = backbone
        self.cache = cache
        self.key = key
        self.vectors = vectors
        self.batch_size = batch_size
        self.streams = streams
        self.feedback = feedback
        self.batches = deque()  # (photo ids, future of the features), in submission order
        self.done = 0
        self.total = 0

    def run(self, todo, paths, spec, decoders, workers, inferers) -> dict:
        """Embed ``todo`` [(photo_id, path index)]; returns {photo_id: DecodeError}."""
        errors = {}
        if not todo:
            return errors
        self.total = len(todo)
        # progress, and a log line at least every 3 s (20,000 photos take minutes on 2 cores)
        self.tick = Ticker(self.feedback.sub(_IDENTIFY_SHARE, 100.0), msg("tick_embedded"), self.total)
        max_in_flight = max(self.batch_size * (self.streams + 2), 2 * workers)
        queue = iter(todo)
        decoding = deque()

        def top_up():
            while len(decoding) < max_in_flight:
                item = next(queue, None)
                if item is None:
                    return
                decoding.append((item[0], decoders.submit(_decode, paths[item[1]], spec)))

        batch_ids, batch_pixels = [], []
        top_up()
        while decoding:
            self.feedback.check()
            pid, future = decoding.popleft()
            top_up()
            outcome = future.result()
            if isinstance(outcome, DecodeError):
                errors[pid] = outcome
                self.done += 1
            else:
                batch_ids.append(pid)
                batch_pixels.append(outcome)
            if batch_ids and (len(batch_ids) == self.batch_size or not decoding):
                self.batches.append((batch_ids, self._submit(inferers, np.stack(batch_pixels))))
                batch_ids, batch_pixels = [], []
                self._collect(wait=len(self.batches) > self.streams)
        while self.batches:
            self.feedback.check()
            self._collect(wait=True)
        return errors

    def _submit(self, inferers, pixels) -> list:
        """Futures of the features of ``pixels``, inferred in slices spread over the streams.

        With several streams, slices of ``_MICRO_BATCH`` photos let every stream share a
        batch, so no core idles while the last batch of a run is inferred on a single thread
        (``bench/embed_throughput.py`` measures it). A single stream, or a model that takes a
        fixed batch larger than one, gets the batch whole.
        """
        fixed = getattr(self.backbone, "fixed_batch", None)
        step = _MICRO_BATCH if self.streams > 1 and fixed in (None, 1) else len(pixels)
        return [inferers.submit(self.backbone.run, pixels[i:i + step])
                for i in range(0, len(pixels), step)]

    def _collect(self, wait: bool) -> None:
        """Store finished batches in order: the oldest one (waiting if asked), then any done."""
        while self.batches and (wait or all(f.done() for f in self.batches[0][1])):
            ids, futures = self.batches.popleft()
            features = [f.result() for f in futures]
            features = features[0] if len(features) == 1 else np.concatenate(features)
            computed = dict(zip(ids, features))
            self.vectors.update(computed if self.keep_vectors else dict.fromkeys(computed))
            if self.cache is not None:
                self.cache.put_many(computed, self.key)
            self.done += len(ids)
            self.tick(self.done)
            wait = False


# ---------------------------------------------------------------------------------------------
# the work of one partition on a Dask worker (api/distributed.py submits it; no Dask import here)

_WORKER_SESSIONS: dict = {}


def worker_session(spec, model, token: str) -> OnnxBackbone:
    """This process's onnxruntime session for ``model`` (bytes or a path), made once per process.

    Single-threaded (one intra-op thread, batches sliced as on one machine), so a photo gets the
    same vector here as in :func:`compute_embeddings` on one machine.
    """
    key = (spec.cache_key, token)
    if key not in _WORKER_SESSIONS:
        _WORKER_SESSIONS.clear()  # one model per worker process
        _WORKER_SESSIONS[key] = OnnxBackbone(spec, model, threads=1)
    return _WORKER_SESSIONS[key]


def embed_items(items, spec, model, token: str, threads: int = 1, batch_size: int = 16) -> tuple:
    """Embed ``items`` [(photo_id, path)]: ``(photo_ids embedded, float32 matrix, {photo_id: (code, sentence)})``.

    The function a Dask worker runs on one partition: ``threads`` decoding threads and as many
    inference streams on the worker's one session (:func:`worker_session`). A photo that cannot
    be read is a failure row of the result, never an exception.
    """
    session = worker_session(spec, model, token)
    ids = [pid for pid, _ in items]
    res = compute_embeddings([path for _, path in items], spec, photo_ids=ids, backbone=session,
                             workers=threads, streams=threads, batch_size=batch_size)
    failed = {ids[i]: (code, sentence) for i, _path, code, sentence in res.failed}
    return [ids[i] for i in res.rows], res.matrix, failed


def hash_items(items) -> list:
    """Content hashes of a worker's share [(index, path)]:
    ``[(index, photo_id or None, size, mtime_ns, (code, sentence) or None)]``."""
    out = []
    for i, path in items:
        outcome = hash_photo(path)
        if isinstance(outcome, DecodeError):
            out.append((i, None, 0, 0, (outcome.code, outcome.sentence)))
        else:
            out.append((i, *outcome, None))
    return out
