"""A Qt-free progress and cancellation protocol for long work.

Core functions take a ``Progress`` and call ``report`` now and then and ``check`` between
units of work. The GUI adapts it to a progress bar and a Cancel button; the CLI ignores it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from core.errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int, label: str) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    """Reports nowhere and is never cancelled."""

    def report(self, done: int, total: int, label: str) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


class CallbackProgress:
    """Forwards reports to a plain callback; ``cancel()`` may be called from any thread."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str) -> None:
        if self._callback is not None:
            self._callback(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


def check_cancelled(progress: Progress) -> None:
    """Raise ``Cancelled`` if the user asked to stop."""
    if progress.cancelled:
        raise Cancelled()
