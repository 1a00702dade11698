"""Frozen entry point of the command line `tradescreen-cli` (core.cli:main).

``freeze_support`` comes first: a matching worker process runs this same executable, and
should not load the whole command line before it takes over."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from core.cli import main

    sys.exit(main())
