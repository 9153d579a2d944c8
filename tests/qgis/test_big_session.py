"""A large motif run and then training, in one QGIS session, through the workflow dialog.

Before core/threadstate.py this session died (SIGSEGV in malloc, in onnxruntime's session
creation, in matplotlib, or in onnx's module init): pybind11 modules first imported inside a
QGIS task kept a pointer to that task's Python thread state, which QGIS/SIP freed when the task
ended. It needs a fresh process whose first onnxruntime/onnx/matplotlib imports happen in task
threads, so the session runs in a subprocess (``bench/big_session.py``, real QGIS offscreen);
the test checks how both runs ended. The GUI-gap figures it prints are for the benchmark, not
asserted (no timing asserts).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

PHOTOS = 20000


def test_large_motif_run_then_training_in_one_session(labeled_dir, tmp_path):
    plugins = Path(__file__).resolve().parents[3]  # the folder holding the installed photo_motifs
    out = tmp_path / "figures.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(plugins),
               PHOTO_MOTIFS_SHARED_DATA=str(labeled_dir.parent))
    run = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "photo_motifs.bench.big_session", "--photos", str(PHOTOS),
         "--workdir", str(tmp_path / "work"), "--json", str(out)],
        env=env, cwd=str(plugins), capture_output=True, text=True, timeout=1800)
    tail = (run.stdout + run.stderr)[-4000:]
    assert run.returncode == 0, f"the session ended with {run.returncode} (a negative value is a signal):\n{tail}"
    figures = json.loads(out.read_text())
    motifs, train = figures["motifs"], figures["train"]
    assert motifs["state"] == "succeeded", motifs
    assert motifs["features"] == PHOTOS and motifs["k"] >= 2
    assert train["state"] == "succeeded", train
    assert train["classified"] == 60 and train["accuracy"] > 0.5
