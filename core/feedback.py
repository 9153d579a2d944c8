"""Progress and cancellation callbacks passed from the Processing/GUI layer into core/.

core/ never sees QgsProcessingFeedback: adapters wrap it in a :class:`CoreFeedback`.
"""
from __future__ import annotations

import time
from typing import Callable, Optional


class Canceled(Exception):
    """Raised by :meth:`CoreFeedback.check` when the user asked to stop."""


class CoreFeedback:
    """Callback bundle: progress in percent, cancellation flag, info and warning messages."""

    def __init__(
        self,
        on_progress: Optional[Callable[[float], None]] = None,
        is_canceled: Optional[Callable[[], bool]] = None,
        on_info: Optional[Callable[[str], None]] = None,
        on_warning: Optional[Callable[[str], None]] = None,
    ):
        self._on_progress = on_progress
        self._is_canceled = is_canceled
        self._on_info = on_info
        self._on_warning = on_warning

    def progress(self, percent: float) -> None:
        if self._on_progress is not None:
            self._on_progress(max(0.0, min(100.0, float(percent))))

    def canceled(self) -> bool:
        return bool(self._is_canceled()) if self._is_canceled is not None else False

    def check(self) -> None:
        """Raise :class:`Canceled` if cancellation was requested."""
        if self.canceled():
            raise Canceled("Canceled by the user.")

    def info(self, message: str) -> None:
        if self._on_info is not None:
            self._on_info(message)

    def warning(self, message: str) -> None:
        if self._on_warning is not None:
            self._on_warning(message)
        elif self._on_info is not None:
            self._on_info(message)

    def sub(self, start: float, end: float) -> "CoreFeedback":
        """A feedback whose 0–100 % maps onto start–end % of this one."""
        span = end - start
        return CoreFeedback(
            on_progress=lambda p: self.progress(start + span * p / 100.0),
            is_canceled=self._is_canceled,
            on_info=self._on_info,
            on_warning=self._on_warning,
        )


def ensure_feedback(feedback: Optional[CoreFeedback]) -> CoreFeedback:
    return feedback if feedback is not None else CoreFeedback()


class Ticker:
    """Progress of one long step: the percentage at every call and, at most every ``every``
    seconds, a log line ``"<label>: <done> of <total>"`` (``label``: a ``core.messages`` tick code's
    message, or any text), so a run never looks frozen.

    Each call also checks for cancellation. ``clock`` is replaceable for tests.
    """

    def __init__(self, feedback: CoreFeedback, label: str, total: int, every: float = 3.0,
                 clock: Callable[[], float] = time.monotonic):
        self.feedback = feedback
        self.label = label
        self.total = max(1, int(total))
        self.every = float(every)
        self.clock = clock
        self.last = clock()

    def __call__(self, done: int) -> None:
        self.feedback.check()
        self.feedback.progress(100.0 * done / self.total)
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            from .messages import msg

            self.feedback.info(msg("step_progress", self.label, int(done), self.total))
