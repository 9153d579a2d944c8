"""Keep one Python thread state for the whole life of a thread that Python did not start.

QGIS runs Processing algorithms, ``QgsTask.fromFunction`` functions and ``QRunnable`` jobs in
the threads of a ``QThreadPool``. SIP enters Python there with ``PyGILState_Ensure`` and leaves
with ``PyGILState_Release``, so every call gets a new ``PyThreadState`` that is freed when the
call returns, while the OS thread lives on and runs the next task.

pybind11 extension modules (onnxruntime, onnx, matplotlib's ``_path``/``ft2font``, torch) keep
a pointer to a thread state per OS thread: the first pybind11 module imported stores the
importing thread's state in its thread-local slot (``internals.tstate``), and later GIL
acquisitions in that thread reuse it. Imported first inside a task, the pointer outlives the
state: the next task in the same pooled thread acquires the GIL with freed memory
(``PyEval_AcquireThread`` on garbage, or writes that corrupt the heap). Seen as QGIS crashing
when training after a motif run in one session — inside ``malloc`` while the model was written,
at onnxruntime's session creation, in matplotlib's transforms, or in ``PyInit_onnx_cpp2py_export``.

:func:`keep_thread_state`, called at the start of every piece of our code that such a thread
runs, takes one more ``PyGILState_Ensure`` that is never released: the thread keeps a single
state until it ends, as a thread started by Python does, so nothing cached in it dangles.
"""
from __future__ import annotations

import ctypes
import threading

_marker = threading.local()  # per thread state: gone when a state is freed, so a new one is kept too


def keep_thread_state() -> bool:
    """Make the calling thread's current Python thread state live as long as the thread.

    Idempotent per thread state; returns True when it took the extra reference now. Harmless in
    threads Python started (their state is freed when they end, whatever the count).
    """
    if getattr(_marker, "kept", False):
        return False
    ctypes.pythonapi.PyGILState_Ensure.restype = ctypes.c_int
    ctypes.pythonapi.PyGILState_Ensure()  # never released, on purpose
    _marker.kept = True
    return True
