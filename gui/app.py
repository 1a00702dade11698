"""Entry point of the desktop app ``tradescreen`` (placeholder until the GUI issue lands)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

from core import __version__


def main(argv: list[str] | None = None) -> int:
    app = QApplication(sys.argv if argv is None else argv)
    label = QLabel(f"TradeScreen {__version__}")
    label.resize(480, 200)
    label.show()
    return app.exec()
