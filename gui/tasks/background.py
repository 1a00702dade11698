"""The one home of background work: a ``QRunnable`` task on the global ``QThreadPool``.

A task runs a plain function ``fn(progress)`` off the GUI thread. Its result, its error or its
cancellation comes back to the GUI thread by signal and is handed to the callbacks given to
``run_in_background``. ``progress`` is a ``core.progress.CallbackProgress``: the core reports
through it and checks ``cancelled``; ``TaskHandle.cancel()`` sets it.

Operations take core services and plain data, never widgets. Tasks that write to the database
pass ``exclusive=True``: those run one at a time (a lock, so the pool stays the only pool).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.errors import Cancelled
from core.progress import CallbackProgress

ProgressCallback = Callable[[int, int, str], None]

_EXCLUSIVE = threading.Lock()
_YIELD_SECONDS = 0.001
_PROGRESS_INTERVAL = 0.05  # seconds between progress signals: enough for a smooth bar
_RUNNING: set[TaskHandle] = set()  # PySide drops Python runnables otherwise


class _Signals(QObject):
    """Emitted from the worker thread; received by ``_Relay`` in the GUI thread."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Relay(QObject):
    """Lives in the GUI thread (a child of the caller's object), so its slots run there.

    When the owner is deleted the relay goes with it and late results are dropped.
    """

    def __init__(self, parent: QObject | None, handle: TaskHandle) -> None:
        super().__init__(parent)
        self.handle = handle

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, label: str) -> None:
        if self.handle.on_progress is not None:
            self.handle.on_progress(done, total, label)

    @Slot(object)
    def on_succeeded(self, result: object) -> None:
        self.handle._finish()
        if self.handle.on_success is not None:
            self.handle.on_success(result)

    @Slot(object)
    def on_failed(self, error: object) -> None:
        self.handle._finish()
        if self.handle.on_failure is not None and isinstance(error, BaseException):
            self.handle.on_failure(error)

    @Slot()
    def on_cancelled(self) -> None:
        self.handle._finish()
        if self.handle.on_cancelled is not None:
            self.handle.on_cancelled()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle) -> None:
        super().__init__()
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        handle = self.handle
        signals = handle.signals
        try:
            if handle.exclusive:
                with _EXCLUSIVE:
                    result = handle.fn(handle.progress)
            else:
                result = handle.fn(handle.progress)
        except Cancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # every failure goes back to the GUI thread
            signals.failed.emit(exc)
        else:
            signals.succeeded.emit(result)


class TaskHandle:
    """A task started by ``run_in_background``: cancel it, ask whether it is still running."""

    def __init__(
        self,
        fn: Callable[[CallbackProgress], Any],
        *,
        exclusive: bool,
        on_success: Callable[[Any], object] | None,
        on_failure: Callable[[BaseException], object] | None,
        on_progress: ProgressCallback | None,
        on_cancelled: Callable[[], None] | None,
        on_finished: Callable[[], None] | None,
    ) -> None:
        self.fn = fn
        self.exclusive = exclusive
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_progress = on_progress
        self.on_cancelled = on_cancelled
        self.on_finished = on_finished
        self.signals = _Signals()
        self.progress = CallbackProgress(self._report)
        self.running = True
        self.relay: _Relay | None = None
        self._last_report = 0.0

    def cancel(self) -> None:
        """Ask the core to stop at its next check; the task then reports ``on_cancelled``."""
        self.progress.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.progress.cancelled

    def _report(self, done: int, total: int, label: str) -> None:
        # Called in the worker thread, often: forward a few times a second, and the end.
        # Between the core's slices of work, let go of the interpreter lock for a moment:
        # the window's thread, which needs it for every Python call while it paints, then
        # gets through many calls at once instead of waiting a switch interval for each.
        time.sleep(_YIELD_SECONDS)
        now = time.monotonic()
        if done >= total or now - self._last_report >= _PROGRESS_INTERVAL:
            self._last_report = now
            self.signals.progress.emit(done, total, label)

    def _finish(self) -> None:
        self.running = False
        _RUNNING.discard(self)
        if self.on_finished is not None:
            self.on_finished()


def run_in_background(
    fn: Callable[[CallbackProgress], Any],
    *,
    parent: QObject | None,
    on_success: Callable[[Any], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    on_progress: ProgressCallback | None = None,
    on_cancelled: Callable[[], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    exclusive: bool = False,
) -> TaskHandle:
    """Run ``fn(progress)`` on the global thread pool; callbacks run in the GUI thread.

    ``on_finished`` runs after any outcome, before the outcome's own callback.
    """
    handle = TaskHandle(
        fn,
        exclusive=exclusive,
        on_success=on_success,
        on_failure=on_failure,
        on_progress=on_progress,
        on_cancelled=on_cancelled,
        on_finished=on_finished,
    )
    relay = _Relay(parent, handle)
    handle.signals.progress.connect(relay.on_progress)
    handle.signals.succeeded.connect(relay.on_succeeded)
    handle.signals.failed.connect(relay.on_failed)
    handle.signals.cancelled.connect(relay.on_cancelled)
    handle.relay = relay
    _RUNNING.add(handle)
    QThreadPool.globalInstance().start(_Runnable(handle))
    return handle
