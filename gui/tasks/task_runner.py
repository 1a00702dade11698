"""The one long task at a time (reading, screening, export, import, reconnecting), with its
progress and Cancel, as signals: no widget is imported here.

``gui.tasks.background.run_in_background`` runs the work; this object remembers which long task is
running, refuses a second one, pauses the garbage collector meanwhile and says what happens
(``started``, ``busy_changed``, ``progress``, ``failed``) for the window to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core import collector
from core.progress import CallbackProgress
from gui.tasks.background import TaskHandle, run_in_background


class TaskRunner(QObject):
    started = Signal(str)
    """A long task started: its label ("Reading suppliers.xlsx…")."""
    busy_changed = Signal(bool)
    """True when a long task starts (after ``started``), False once it reported back."""
    progress = Signal(int, int, bool)
    """``done, total, rows``: ``rows`` True when the units are rows."""
    failed = Signal(object)
    """An error (a ``BaseException``) for ``gui.dialogs.error_dialogs.show_error``."""
    status_message = Signal(str, int)
    """A line for the status bar and how long to show it (ms; 0: until replaced)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: TaskHandle | None = None
        """The long task running now, None when idle."""

    def busy(self) -> bool:
        return self.task is not None

    def run(
        self,
        label: str,
        fn: Callable[[CallbackProgress], Any],
        on_success: Callable[[Any], object],
        *,
        rows: bool = True,
        exclusive: bool = False,
        on_cancelled: Callable[[], None] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
    ) -> TaskHandle | None:
        """Start the one long task; None (and a status message) when one is running.

        Errors go to ``failed`` unless ``on_failure`` is given; a cancellation says
        "Cancelled." unless ``on_cancelled`` is given."""
        if self.task is not None:
            self.status_message.emit(
                QCoreApplication.translate(
                    "MainWindow", "Please wait until the current work ends."
                ),
                4000,
            )
            return None
        self.started.emit(label)
        self.busy_changed.emit(True)
        collector.pause_collector()

        def finished() -> None:
            self.task = None
            collector.resume_collector(freeze=True)  # what it built stays: freeze it
            self.busy_changed.emit(False)

        self.task = run_in_background(
            fn,
            parent=self,
            on_success=on_success,
            on_failure=on_failure or self.failed.emit,
            on_progress=lambda done, total, _label: self.progress.emit(done, total, rows),
            on_cancelled=on_cancelled or self._cancelled,
            on_finished=finished,
            exclusive=exclusive,
        )
        return self.task

    def _cancelled(self) -> None:
        self.status_message.emit(QCoreApplication.translate("MainWindow", "Cancelled."), 5000)

    def cancel(self) -> bool:
        """Ask the running task to stop; False when none runs."""
        if self.task is None:
            return False
        self.task.cancel()
        return True
