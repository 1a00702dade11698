"""Entry point of the installed `tradescreen-cli` command, importing nothing until it runs.

The matching worker processes (``core.matching.pool``) start by importing the module that
started their parent. From this one they get no more than they need; from ``core.cli`` they
would load the database and spreadsheet libraries too, a second of work each, while the file
is being read.
"""

from __future__ import annotations


def cli() -> int:
    from core.cli import main

    return main()
