"""Pausing Python's cyclic garbage collector while many long-lived objects are made.

Reading a large file, building or loading the name index and screening create hundreds of
thousands of objects and no reference cycles. Meanwhile every few thousand new objects the
collector runs, and now and then walks all of them: a fifth of a second per 100k-row file
read, measured. Reference counting still frees whatever is dropped while it is paused.

The one home of the rule: ``collector_paused()`` around a block of core work, and
``pause_collector()`` / ``resume_collector()`` for a task whose start and end are separate
calls (the window's background tasks). Pauses nest, from any thread: the collector runs again
when the last one ends, and only if it was running when the first one began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """The nesting count of the pauses. One per process, like the collector it switches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._enable_after = False
        self._freeze_after = False

    def pause(self) -> None:
        with self._lock:
            if self._count == 0:
                self._enable_after = gc.isenabled()
                self._freeze_after = False
                gc.disable()
            self._count += 1

    def resume(self, freeze: bool) -> None:
        with self._lock:
            if self._count == 0:
                return
            self._freeze_after = self._freeze_after or freeze
            self._count -= 1
            if self._count == 0:
                if self._freeze_after:
                    gc.freeze()
                if self._enable_after:
                    gc.enable()


_PAUSES = _Pauses()


def pause_collector() -> None:
    """A long task starts: no cyclic collection until the matching ``resume_collector``."""
    _PAUSES.pause()


def resume_collector(*, freeze: bool = False) -> None:
    """A long task ended (any outcome). When the last pause ends the collector is switched back
    on; with ``freeze`` (asked by any of the nested pauses) what was built while paused is first
    moved out of its reach (``gc.freeze``), so later collections only walk newer objects. A
    resume without a pause does nothing."""
    _PAUSES.resume(freeze)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; the collector is as it was after (nesting is fine)."""
    pause_collector()
    try:
        yield
    finally:
        resume_collector()
