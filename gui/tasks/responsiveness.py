"""Keeping the window responsive while Python work runs in a worker thread.

Two interpreter settings matter, both measured with ``bench/bench_gui_stall.py``:

* The GIL switch interval. The GUI thread needs the GIL for every Python slot and every
  virtual call into a Python widget or model (painting, layout, events), and each time it may
  wait a whole switch interval for the busy worker to let go: at the default 5 ms a repaint of
  the window took up to 1.7 s while screening ran. At 0.2 ms the worst gap stays under 100 ms,
  and the worker is no slower (the interval only matters while another thread waits).
* The garbage collector. A full collection walks every tracked object; with a 100,000-row file
  in memory that takes hundreds of milliseconds, holding the GIL. Reading and screening create
  no reference cycles (measured: 0 unreachable objects after a 100k-row run), so collection is
  paused while a long task runs, and what the task built is then moved out of its reach
  (``gc.freeze``) before it is switched on again: later collections only look at newer objects.
  Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent

SWITCH_INTERVAL = 0.0002
"""Seconds; CPython's default is 0.005."""


def configure() -> None:
    """At start-up, once the window is built."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.collect()
    gc.freeze()  # the modules, Qt wrappers and list data stay for the whole session


def settle_before_painting() -> None:
    """Showing a page posts work for later: one "update later" per widget shown (Qt's
    ``show_sys``) and layout requests that climb to the window. Left in the queue, they arrive
    after the paint already due, so a page would be painted, laid out and painted again in
    full (the results table alone is 25-45 ms a paint). Handled now, they join that paint."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)
