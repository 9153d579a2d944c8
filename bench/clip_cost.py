"""What a CLIP ViT-B/32 costs beside EfficientNet-Lite0 on this CPU, and text search over 100,000 photos.

    python -m photo_motifs.bench.clip_cost [WORKDIR] [--rounds 5] [--photos 64]

No CLIP weights can be downloaded here, so a **random-weight** CLIP with ViT-B/32's dimensions
(open_clip's ViT-B-32.json: 224 px, patch 32, width 768, 12 layers; text width 512, 12 layers;
512-d embeddings) is saved in the Hugging Face layout and converted by ``models/clip.py`` like a
real download (speed does not depend on the weights' values). Its tokenizer is a small learnt
vocabulary, so its text tower's token table is smaller than the real one (49,408 x 512 floats,
100 MB more on disk; no effect on speed). ``WORKDIR`` keeps the converted model between runs.

Printed:

* conversion time and the folder's file sizes;
* images/s at batch 16 through onnxruntime on all cores (already prepared pixels), for
  Lite0 fp32 and int8 and CLIP ViT-B/32 fp32 and int8, in interleaved rounds (the machine is
  shared: medians, with the load average);
* photos/s of whole embedding runs (decode + resize + inference, ``core.embed``) on real photos
  from the shared data, Lite0 against CLIP;
* search over 100,000 stored 512-d embeddings: reading them from the embedding cache (SQLite),
  encoding the sentence with the text tower, ranking them (``core.zeroshot.rank_by_similarity``).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SHARED = Path(os.environ.get("PHOTO_MOTIFS_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
BATCH = 16


def converted_model(workdir: Path) -> Path:
    from ..models.clip import convert_clip
    from ..tests import clip_helpers as h

    folder = workdir / "clip-vit-b-32-random"
    if (folder / "clip.json").is_file():
        print(f"reusing {folder}")
        return folder
    src = workdir / "hf-vit-b-32-random"
    if not (src / "config.json").is_file():
        h.hf_clip_folder(src, h.learn_bpe(), dims=h.VIT_B_32)
    t0 = time.perf_counter()
    done = convert_clip(src, folder)
    print(f"conversion of the ViT-B/32 (random weights): {time.perf_counter() - t0:.0f} s; speed noted by the "
          f"converter: {done.info['speed']}")
    return folder


def sizes(folder: Path) -> None:
    total = 0
    for path in sorted(folder.iterdir()):
        total += path.stat().st_size
        print(f"  {path.name:<18} {path.stat().st_size / 1e6:8.1f} MB")
    print(f"  {'total':<18} {total / 1e6:8.1f} MB")


def throughput(models: dict, rounds: int) -> dict:
    """{name: [images/s per round]} at batch 16, sessions on all cores, rounds interleaved."""
    import onnxruntime as ort

    x = np.random.default_rng(0).standard_normal((BATCH, 3, 224, 224)).astype(np.float32)
    sessions = {}
    for name, path in models.items():
        opts = ort.SessionOptions()
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        sess = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        feed = {sess.get_inputs()[0].name: x}
        sess.run(None, feed)
        sessions[name] = (sess, feed)
    out = {name: [] for name in models}
    for _ in range(rounds):
        for name, (sess, feed) in sessions.items():
            t0 = time.perf_counter()
            sess.run(None, feed)
            out[name].append(BATCH / (time.perf_counter() - t0))
    return out


def cpu_ms_per_image(models: dict, rounds: int) -> dict:
    """{name: CPU milliseconds per image} on one thread at batch 16 (process time: what the image costs,
    whatever else the machine runs; two idle cores give about 2000 / ms images/s)."""
    import onnxruntime as ort

    x = np.random.default_rng(0).standard_normal((BATCH, 3, 224, 224)).astype(np.float32)
    out = {}
    for name, path in models.items():
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        sess = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        feed = {sess.get_inputs()[0].name: x}
        sess.run(None, feed)
        times = []
        for _ in range(max(2, rounds // 2)):
            t0 = time.process_time()
            sess.run(None, feed)
            times.append(time.process_time() - t0)
        out[name] = 1000 * float(np.median(times)) / BATCH
    return out


def whole_runs(specs: dict, n: int) -> None:
    from ..core.embed import compute_embeddings
    from ..core.files import list_image_files

    folder = SHARED / "labeled" / "intel_scenes_dev"
    photos = list_image_files(folder, recursive=True)[:n] if folder.is_dir() else []
    if not photos:
        print(f"  (no photos at {folder}: set PHOTO_MOTIFS_SHARED_DATA)")
        return
    for name, (spec, path) in specs.items():
        compute_embeddings(photos[:8], spec, path)  # warm-up: sessions, file cache
        t0 = time.perf_counter()
        compute_embeddings(photos, spec, path)
        print(f"  {name:<22} {len(photos) / (time.perf_counter() - t0):7.1f} photos/s ({len(photos)} photos)")


def search(folder: Path, rounds: int) -> None:
    from ..core.embcache import EmbeddingCache
    from ..core.zeroshot import ClipText, rank_by_similarity

    n, dim = 100_000, 512
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((n, dim)).astype(np.float32)
    ids = [f"{i:032x}" for i in range(n)]
    with tempfile.TemporaryDirectory(prefix="pm_search_") as tmp:
        cache = EmbeddingCache(Path(tmp) / "cache.sqlite")
        t0 = time.perf_counter()
        cache.put_many(dict(zip(ids, vectors)), "bench")
        print(f"  storing 100,000 embeddings in the cache: {time.perf_counter() - t0:.1f} s (once)")
        text = ClipText(folder)
        text.encode(["warm-up"])
        read, encode, rank, cpu = [], [], [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            got = cache.get_many(ids, "bench")
            matrix = np.stack([got[i] for i in ids])
            t1 = time.perf_counter()
            query = text.encode(["a frozen lake with skaters at sunset"])[0]
            t2 = time.perf_counter()
            c2 = time.process_time()
            rank_by_similarity(matrix, query, 20)
            t3 = time.perf_counter()
            cpu.append(time.process_time() - c2)
            read.append(t1 - t0)
            encode.append(t2 - t1)
            rank.append(t3 - t2)
        cache.close()
    print(f"  read 100,000 vectors from the cache: {1000 * np.median(read):.0f} ms; encode the sentence: "
          f"{1000 * np.median(encode):.0f} ms; rank 100,000 and take the best 20: {1000 * np.median(rank):.1f} ms "
          f"({1000 * np.median(cpu):.1f} ms of CPU)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workdir", nargs="?", help="keeps the converted random ViT-B/32 between runs")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--photos", type=int, default=64)
    args = ap.parse_args(argv)
    from ..models.registry import ensure_onnx, get_backbone, spec_for_clip_folder

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="pm_clip_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"CPUs: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    folder = converted_model(workdir)
    sizes(folder)
    models = {"EfficientNet-Lite0": ensure_onnx("efficientnet_lite0"),
              "EfficientNet-Lite0 int8": ensure_onnx("efficientnet_lite0_int8"),
              "CLIP ViT-B/32": folder / "image.onnx", "CLIP ViT-B/32 int8": folder / "image_int8.onnx"}
    print(f"images/s at batch {BATCH} (onnxruntime, all cores, prepared pixels; median of {args.rounds} "
          "interleaved rounds, min-max):")
    for name, rates in throughput(models, args.rounds).items():
        print(f"  {name:<24} {np.median(rates):7.1f}   ({min(rates):.1f}-{max(rates):.1f})")
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(f"CPU time per image, one thread, batch {BATCH} (robust to other jobs; 2 idle cores ~ 2000/ms images/s):")
    for name, ms in cpu_ms_per_image(models, args.rounds).items():
        print(f"  {name:<24} {ms:7.1f} ms   (~{2000 / ms:.0f} images/s on 2 idle cores)")
    print("whole embedding runs (decode, resize, infer):")
    whole_runs({"EfficientNet-Lite0": (get_backbone("efficientnet_lite0"), ensure_onnx("efficientnet_lite0")),
                "CLIP ViT-B/32": (spec_for_clip_folder(folder), folder / "image.onnx"),
                "CLIP ViT-B/32 int8": (spec_for_clip_folder(folder, int8=True), folder / "image_int8.onnx")},
               args.photos)
    print("text search over 100,000 stored embeddings (512-d):")
    search(folder, args.rounds)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
