"""The window closes, as if the user closed it, when the system asks the app to end.

A termination signal (SIGTERM from ``kill``, a logout, SIGHUP when its terminal goes; Ctrl-C
in the terminal that started it) would otherwise end the process at once, skipping the
window's shutdown: the running task is not cancelled and the matching workers are not
stopped. Python runs signal handlers only between its own instructions, and a Qt event loop
waiting for events runs none: a short timer lets the handler run within a fraction of a
second.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QTimer

from core.shutdown import TERMINATING_SIGNALS

_WAKE_MS = 200


def close_on_termination(close: Callable[[], object], parent: QObject) -> QTimer:
    """Call ``close`` (on the GUI thread) when a termination signal or SIGINT arrives; the
    timer that keeps the handlers running belongs to ``parent``."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, close)

    for sig in (*TERMINATING_SIGNALS, signal.SIGINT):
        signal.signal(sig, handler)
    wake = QTimer(parent)
    wake.setObjectName("termination-wake")
    wake.timeout.connect(lambda: None)
    wake.start(_WAKE_MS)
    return wake
