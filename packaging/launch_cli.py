"""Frozen entry point of the command line `tradescreen-cli` (core.cli:main)."""

import multiprocessing
import sys

from core.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
