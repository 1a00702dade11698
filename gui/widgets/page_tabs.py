"""The main window's pages behind a row of tabs: a ``QTabBar`` over a ``QStackedWidget``.

Not a ``QTabWidget``: that one repaints itself and every page in full whenever a page's size
hint changes (``QTabWidget::setUpLayout`` ends in ``update()``), and on the Results page that
happens each time the detail pane or the table adjusts, which added a whole repaint of the
results table (25-45 ms) to showing a result. Here a page's layout changes repaint only what
moved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget


class PageTabs(QWidget):
    currentChanged = Signal(int)  # noqa: N815 (the name QTabWidget gives it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = QTabBar(self)
        self.bar.setObjectName("pageTabBar")
        self.bar.setDocumentMode(True)
        self.bar.setExpanding(False)
        self.bar.setDrawBase(True)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.bar.currentChanged.connect(self._show_page)

    def addTab(self, page: QWidget, text: str) -> int:
        self.stack.addWidget(page)
        return self.bar.addTab(text)

    def count(self) -> int:
        return self.stack.count()

    def widget(self, index: int) -> QWidget | None:
        return self.stack.widget(index)

    def indexOf(self, page: QWidget) -> int:
        return self.stack.indexOf(page)

    def tabText(self, index: int) -> str:
        return self.bar.tabText(index)

    def setTabText(self, index: int, text: str) -> None:
        self.bar.setTabText(index, text)

    def currentIndex(self) -> int:
        return self.bar.currentIndex()

    def currentWidget(self) -> QWidget | None:
        return self.stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:
        self.bar.setCurrentIndex(index)

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.currentChanged.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Tab and Ctrl+Shift+Tab move between pages, as in a QTabWidget.
        key, modifiers = event.key(), event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            step = -1 if key == Qt.Key.Key_Backtab else 1
            self.setCurrentIndex((self.currentIndex() + step) % max(1, self.count()))
            event.accept()
            return
        super().keyPressEvent(event)
