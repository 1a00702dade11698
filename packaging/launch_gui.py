"""Frozen entry point of the desktop app `tradescreen` (gui.app:main).

``freeze_support`` comes first: a matching worker process runs this same executable, and
should not load Qt before it takes over."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from gui.app import main

    sys.exit(main())
