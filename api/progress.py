"""Progress of API calls and of the command line: tqdm bars and log lines on a CoreFeedback.

``progress=True`` draws a bar per step on standard error (tqdm) and prints core's log lines
above it; ``False`` stays silent; a ``core.feedback.CoreFeedback`` of your own is used as given
(cancellation included). Ctrl-C stops a run between two photos or steps (``Canceled``).
"""
from __future__ import annotations

import sys

from ..core.feedback import CoreFeedback


class Bar:
    """One tqdm bar in percent; ``feedback()`` is the CoreFeedback that moves it."""

    def __init__(self, label: str, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=100, desc=label, unit="%", file=self.stream, leave=True,
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining}")

    def progress(self, percent: float) -> None:
        if self.bar is not None:
            self.bar.update(max(0.0, percent - self.bar.n))

    def info(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        elif self.enabled:
            print(text, file=self.stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def feedback(self) -> CoreFeedback:
        return CoreFeedback(on_progress=self.progress, on_info=self.info, on_warning=self.info)


def feedback_for(progress, label: str):
    """(CoreFeedback, closer) for an API call's ``progress`` argument."""
    if isinstance(progress, CoreFeedback):
        return progress, (lambda: None)
    bar = Bar(label, enabled=bool(progress))
    return bar.feedback(), bar.close
