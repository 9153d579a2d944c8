"""No network at run time, blocked at the process level: the GUI-free chain, the summary and the
motif map in a network namespace of their own (``unshare -n``: no interface but a loopback that is
down, so every connection attempt fails), and the shipped workflow model through qgis_process.

The in-process test (test_faults_processing.test_whole_workflow_with_sockets_blocked) replaces
Python's socket functions; here C++ code (Qt, GDAL, PROJ) is blocked too, and an audit hook lists
every attempt Python code makes.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from photo_motifs.tests.fault_helpers import copy_photos

from .conftest import QGIS_PROCESS, read_layer

PACKAGE_PARENT = str(Path(__file__).resolve().parents[3])


def _unshare():
    if shutil.which("unshare") is None:
        pytest.skip("util-linux's unshare is not installed")  # CI: a skip fails the run
    base = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-rn"]
    probe = subprocess.run(base + [sys.executable, "-c", "import socket; s = socket.socket(); "
                                   "print(s.connect_ex(('127.0.0.1', 9)))"], capture_output=True, text=True)
    assert probe.returncode == 0, f"unshare -n does not run here: {probe.stderr}"
    return base


@pytest.fixture(scope="module")
def photos(labeled_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("netphotos")
    for cls in ("forest", "street"):
        copy_photos(labeled_dir / "intel_scenes_dev" / cls, root / "train" / cls, 10)
        copy_photos(labeled_dir / "intel_scenes_dev" / cls, root / "all", 10)
    return root


def _env():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=PACKAGE_PARENT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.setdefault("PHOTO_MOTIFS_MODEL_CACHE", str(Path.home() / ".cache" / "photo_motifs" / "models"))
    return env


def test_the_chain_summary_and_map_run_without_any_network(photos, tmp_path):
    base = _unshare()
    env = _env()
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path / "profile")
    proc = subprocess.run(base + [sys.executable, "-m", "photo_motifs.tests.network_blocked", str(photos),
                                  str(tmp_path)], capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    results, attempts = report["results"], report["attempts"]
    failed = {k: v["error"] for k, v in results.items() if "error" in v}
    assert not failed, failed
    assert results["importphotos"]["IMPORTED"] == 20 and results["embed"]["EMBEDDED"] == 20
    assert results["exportgroups"]["COPIED"] == 20 and results["classify"]["CLASSIFIED"] == 20
    assert results["summarize"]["N_AREAS"] >= 1
    pdf = (tmp_path / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:] and (tmp_path / "map.png").stat().st_size > 0
    assert attempts == []


def test_the_shipped_workflow_through_qgis_process_without_any_network(qgis_process_cmd, geotagged_dir, tmp_path):
    base = _unshare()
    folder = tmp_path / "photos"
    folder.mkdir()
    for p in sorted(geotagged_dir.glob("*.jpg"))[:24]:  # geotagged: the workflow maps them
        shutil.copy(p, folder / p.name)
    env = _env()
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    proc = subprocess.run(base + [QGIS_PROCESS, "run", "photomotifs:photo_motifs_workflow", "--",
                                  f"folder={folder}", "cell_size=500", "min_users=1",
                                  f"import:photos={tmp_path / 'p.gpkg'}", f"cluster:motifs={tmp_path / 'm.gpkg'}",
                                  f"cluster:contact_sheets={tmp_path / 'sheets'}",
                                  f"summarize:summary={tmp_path / 's.gpkg'}"],
                          capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    photos = read_layer(tmp_path / "p.gpkg")
    assert photos and len(read_layer(tmp_path / "m.gpkg")) == len(photos)
    assert read_layer(tmp_path / "s.gpkg")
