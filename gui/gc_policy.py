"""Keeping Python's garbage collector from freezing the window during long work.

A full collection walks every tracked object; with a 100,000-row file in memory that takes
hundreds of milliseconds, holding the GIL, so the event loop stalls whichever thread triggered
it. Reading and screening create no reference cycles (measured: 0 unreachable objects after a
100k-row run), so the collector is paused while a long task runs, and what the task built is
then moved out of its reach (``gc.freeze``) before it is switched on again: later collections
only look at newer objects. Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import gc

_paused = 0


def freeze_startup_objects() -> None:
    """After start-up: the modules, Qt wrappers and list data stay for the whole session."""
    gc.collect()
    gc.freeze()


def pause() -> None:
    global _paused
    if _paused == 0:
        gc.disable()
    _paused += 1


def resume() -> None:
    global _paused
    if _paused == 0:
        return
    _paused -= 1
    if _paused == 0:
        gc.freeze()
        gc.enable()
