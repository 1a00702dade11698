"""Ending on a termination signal the way Ctrl-C ends: through every ``finally``.

By default SIGTERM (what ``kill``, a logout or a service manager sends) ends Python at once,
without unwinding: worker processes are not stopped and temporary files stay. Inside
``signals_unwind()`` such a signal raises ``Terminated`` in the main thread instead, so the
entry point's clean-up runs (open transactions roll back, workers are stopped).

``end_with_parent`` is the other half: a child process (a matching worker, a workbook
reader) calls it first, and ends when its parent ends, however that happens (kill -9 too).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
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
    handler: Callable[[int, FrameType | None], Any] | int | signal.Handlers = _raise,
) -> Iterator[None]:
    """Within the block, a termination signal calls ``handler`` (default: raise
    ``Terminated``; ``signal.SIG_IGN``: ignored); the previous handlers are restored
    afterwards. Does nothing outside
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


_PR_SET_PDEATHSIG = 1


def end_with_parent(*, kernel_watch: bool = True) -> None:
    """Make this (child) process end as soon as its parent process ends, for any reason.

    A daemon thread waits on the parent's sentinel (a pipe on POSIX, a process handle on
    Windows) and ends the process at once when the parent is gone; on Linux the kernel is
    also asked to kill this process when its parent dies (``PR_SET_PDEATHSIG``), if
    ``kernel_watch`` (the parent started it from its main thread)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if kernel_watch and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    sentinel = parent.sentinel
    if not parent.is_alive():  # died before the request above took effect
        os._exit(1)
    threading.Thread(target=_exit_with, args=(sentinel,), name="parent-watch", daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    # No clean-up: the parent that would want results is gone, and the task queue's locks
    # may be held by a thread of this process.
    os._exit(1)
