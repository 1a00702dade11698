"""Entry point of the installed `tradescreen` app, importing nothing until it runs (see
``core.launch``: the matching worker processes import this module, and need no Qt)."""

from __future__ import annotations


def main() -> int:
    from gui.app import main as run

    return run()
