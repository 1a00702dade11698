"""Frozen entry point of the desktop app `tradescreen` (gui.app:main)."""

import multiprocessing
import sys

from gui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
