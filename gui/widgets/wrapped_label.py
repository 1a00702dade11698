"""A word-wrapped rich-text label that remembers its height for each width.

Qt's layouts ask a label's ``heightForWidth`` several times per pass, alternating between the
width the label has and the width its container would like (in the detail pane: 369 and 640
pixels, ten times each over the three passes that showing a hit takes). ``QLabel`` lays its
whole text out again whenever the width differs from the previous call, so the detail pane
spent 50-85 ms laying out the same few paragraphs. Here each width is laid out once per text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}
        self._measured = ""

    def heightForWidth(self, width: int) -> int:
        text = self.text()
        if text != self._measured:  # also catches clear() and C++-side changes
            self._heights.clear()
            self._measured = text
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ContentsRectChange,
        ):
            self._heights.clear()
        super().changeEvent(event)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)
