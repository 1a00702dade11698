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

_lock = threading.Lock()
_pauses = 0
_enable_after = False
_freeze_after = False


def pause_collector() -> None:
    """A long task starts: no cyclic collection until the matching ``resume_collector``."""
    global _pauses, _enable_after, _freeze_after
    with _lock:
        if _pauses == 0:
            _enable_after = gc.isenabled()
            _freeze_after = False
            gc.disable()
        _pauses += 1


def resume_collector(*, freeze: bool = False) -> None:
    """A long task ended (any outcome). When the last pause ends the collector is switched back
    on; with ``freeze`` (asked by any of the nested pauses) what was built while paused is first
    moved out of its reach (``gc.freeze``), so later collections only walk newer objects. A
    resume without a pause does nothing."""
    global _pauses, _freeze_after
    with _lock:
        if _pauses == 0:
            return
        _freeze_after = _freeze_after or freeze
        _pauses -= 1
        if _pauses == 0:
            if _freeze_after:
                gc.freeze()
            if _enable_after:
                gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; the collector is as it was after (nesting is fine)."""
    pause_collector()
    try:
        yield
    finally:
        resume_collector()
