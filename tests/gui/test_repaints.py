"""Showing a result paints the page once, and the widgets that make that so.

The stall benchmark (bench/bench_gui_stall.py) measures the time; these tests pin the
behaviour that keeps it low: one full paint of the results table when a result is shown, the
main window's pages switching without ``QTabWidget``'s full repaints, and word-wrapped labels
that measure each width once but never give a stale height.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from gui.widgets.page_tabs import PageTabs
from gui.widgets.wrapped_label import WrappedLabel
from gui.window.main_window import TAB_RESULTS, MainWindow
from tests.gui.conftest import SAMPLE_DATE, wait_idle


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget = widget
        self.full = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.widget
            and event.type() == QEvent.Type.Paint
            and event.rect() == self.widget.rect()  # type: ignore[attr-defined]
        ):
            self.full += 1
        return False


def settle(qtbot: QtBot, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    qtbot.waitUntil(lambda: time.monotonic() > end, timeout=int(seconds * 1000) + 2000)


def test_the_first_result_paints_the_table_once(qtbot: QtBot, window: MainWindow) -> None:
    counter = PaintCounter(window.results.table.viewport())
    window.controller.open_sample()
    wait_idle(qtbot, window)
    window.screen_page.options.date.set_date(SAMPLE_DATE)
    window.start_screening()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_RESULTS)
    qtbot.waitUntil(lambda: window.results.detail.hit is not None)
    settle(qtbot)

    # Before: painted, then painted again in full once the page's widgets had posted their
    # "update later" events and the tab widget had repainted itself after a layout request.
    assert counter.full == 1
    assert window.results.detail.hit == window.results.current_hit()


def test_page_tabs_switch_pages_and_say_so(qtbot: QtBot) -> None:
    tabs = PageTabs()
    qtbot.addWidget(tabs)
    pages = [QLabel(f"page {i}") for i in range(3)]
    for i, page in enumerate(pages):
        assert tabs.addTab(page, f"Tab {i}") == i
    tabs.show()
    seen: list[int] = []
    tabs.currentChanged.connect(seen.append)

    tabs.setCurrentIndex(2)
    assert tabs.currentWidget() is pages[2] and pages[2].isVisible() and not pages[0].isVisible()
    tabs.setCurrentWidget(pages[1])
    assert tabs.currentIndex() == 1
    tabs.setTabText(1, "Results")
    assert tabs.tabText(1) == "Results" and tabs.count() == 3 and tabs.indexOf(pages[2]) == 2

    pages[1].setFocus()
    qtbot.keyClick(pages[1], Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(pages[2], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    assert seen == [2, 1, 2, 1]


def test_wrapped_label_heights_follow_the_text(qtbot: QtBot) -> None:
    text = "<b>Added</b> from 2025-04-09 — " + "MOFCOM announcement No. 21 of 2025; " * 6
    wrapped, plain = WrappedLabel(), QLabel()
    plain.setWordWrap(True)
    for label in (wrapped, plain):
        qtbot.addWidget(label)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(text)
    for width in (120, 369, 640, 369, 120):
        assert wrapped.heightForWidth(width) == plain.heightForWidth(width)

    tall = wrapped.heightForWidth(200)
    wrapped.setText("short")
    assert wrapped.heightForWidth(200) < tall  # not the height of the old text
    wrapped.setText(text)
    assert wrapped.heightForWidth(200) == tall
    wrapped.clear()  # a C++ slot: the label notices the text changed all the same
    assert wrapped.heightForWidth(200) < tall

    wrapped.setText(text)
    font = wrapped.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    wrapped.setFont(font)
    assert wrapped.heightForWidth(200) > tall
