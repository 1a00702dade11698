"""Ending on a termination signal the way Ctrl-C ends: through every ``finally``.

By default SIGTERM (what ``kill``, a logout or a service manager sends) ends Python at once,
without unwinding: worker processes are not stopped and temporary files stay. Inside
``signals_unwind()`` such a signal raises ``Terminated`` in the main thread instead, so the
entry point's clean-up runs (open transactions roll back, workers are stopped).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

TERMINATING_SIGNALS = tuple(
    sig for name in ("SIGTERM", "SIGHUP", "SIGBREAK") if (sig := getattr(signal, name, None))
)
"""The signals that ask a program to end (SIGBREAK: Ctrl-Break in a Windows console)."""


class Terminated(BaseException):
    """A termination signal arrived; like ``KeyboardInterrupt``, not an ``Exception``."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by signal {signum}")
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The exit status a shell expects after this signal (128 + its number)."""
        return 128 + self.signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def signals_unwind(
    handler: Callable[[int, FrameType | None], Any] = _raise,
) -> Iterator[None]:
    """Within the block, a termination signal calls ``handler`` (default: raise
    ``Terminated``); the previous handlers are restored afterwards. Does nothing outside
    the main thread (only it may set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in TERMINATING_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
