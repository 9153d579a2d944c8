"""SciPy's hierarchical linkage in a child process, so the calling process's threads keep running.

``scipy.cluster.hierarchy.linkage`` holds the GIL for its whole run (its Cython core has no
``nogil`` section). Inside QGIS the clustering runs in a background task while the GUI thread
runs Python too (the dialog's progress, log and every plugin): a tree over 8,000 photos held the
GUI for 4.8 s (``bench/big_session.py --photos 8000``). Above :data:`CHILD_ABOVE` photos the
condensed distances go to a temporary ``.npy`` file and the venv's interpreter computes the same
SciPy linkage there (the result is SciPy's, bit for bit); the caller waits without the GIL,
checks for cancellation every 0.2 s and kills the child when cancelled. The child is started
with ``subprocess`` (fork and exec, as QGIS's own GDAL tools are run), never forked without exec.

If no Python interpreter can be found or the child fails (no SciPy there, no room for the
file), the linkage is computed in this process, as before.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import numpy as np

from .feedback import CoreFeedback, ensure_feedback
from .messages import msg

#: trees over more photos than this are built in a child process (SciPy takes ~0.3 s for 2,500)
CHILD_ABOVE = 2500
#: seconds between cancellation checks while the child works, and between its log lines
POLL = 0.2
LOG_EVERY = 3.0
#: SciPy's linkage time grows with n²: about 6 s for 8,000 photos on a busy 2-core machine
SECONDS_PER_PAIR = 6.0 / 8000 ** 2


def waiting_progress(elapsed: float, n: int) -> float:
    """Percent to show ``elapsed`` seconds into a tree over ``n`` photos: it follows the expected
    time (``SECONDS_PER_PAIR`` n²) and slows down beyond it, so the bar keeps moving, never
    reaches 100 before the tree is there and never goes back."""
    expected = max(SECONDS_PER_PAIR * n * n, 0.5)
    return 95.0 * (1.0 - float(np.exp(-elapsed / expected)))


_CHILD_CODE = (
    "import sys\n"
    "import numpy as np\n"
    "from scipy.cluster.hierarchy import linkage\n"
    "np.save(sys.argv[3], linkage(np.load(sys.argv[1], mmap_mode='r'), method=sys.argv[2]))\n"
)


def python_for_child() -> str | None:
    """The venv's interpreter (inside QGIS ``sys.executable`` is not a Python with our packages,
    on some systems it is QGIS itself), else ``sys.executable`` when it is a Python, else None."""
    from .deps import venv_dir

    venv = venv_dir() / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if venv.is_file():
        return str(venv)
    exe = sys.executable or ""
    return exe if os.path.basename(exe).lower().startswith("python") and os.path.isfile(exe) else None


def linkage(condensed: np.ndarray, method: str, n: int, feedback: CoreFeedback | None = None) -> np.ndarray:
    """``scipy.cluster.hierarchy.linkage(condensed, method)`` over ``n`` points; in a child process
    above :data:`CHILD_ABOVE` points. Raises :class:`~.feedback.Canceled` when cancelled."""
    from scipy.cluster.hierarchy import linkage as scipy_linkage

    fb = ensure_feedback(feedback)
    python = python_for_child() if n > CHILD_ABOVE else None
    if python is not None:
        Z = _in_child(python, condensed, method, n, fb)
        if Z is not None:
            return Z
    fb.check()
    return scipy_linkage(condensed, method=method)


def _in_child(python: str, condensed: np.ndarray, method: str, n: int, fb: CoreFeedback):
    """The child's linkage matrix, or None when the child could not compute it."""
    with tempfile.TemporaryDirectory(prefix="photo_motifs_linkage_") as folder:
        source, result = os.path.join(folder, "condensed.npy"), os.path.join(folder, "linkage.npy")
        try:
            np.save(source, np.ascontiguousarray(condensed, dtype=np.float64))
            child = subprocess.Popen([python, "-c", _CHILD_CODE, source, method, result],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, close_fds=True)
        except (OSError, ValueError):
            return None
        started = last = time.monotonic()
        try:
            while True:
                try:
                    code = child.wait(timeout=POLL)
                    break
                except subprocess.TimeoutExpired:
                    fb.check()
                    fb.progress(waiting_progress(time.monotonic() - started, n))
                    if time.monotonic() - last >= LOG_EVERY:  # the run does not look frozen
                        last = time.monotonic()
                        fb.info(msg("cluster_tree_waiting", n, round(last - started)))
        except BaseException:  # cancelled (Canceled) or interrupted: the child goes too
            child.kill()
            child.wait()
            raise
        if code != 0 or not os.path.isfile(result):
            return None
        Z = np.load(result)
        return Z if Z.shape == (n - 1, 4) and np.isfinite(Z).all() else None
