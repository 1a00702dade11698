"""The decision shortcuts are declared once (gui.text.decision_keys) and bound as declared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from gui.text.decision_keys import DECISION_KEYS, DECISION_LETTERS
from gui.widgets import detail_pane
from gui.window.main_window import MainWindow


def test_the_results_page_binds_the_declared_keys(window: MainWindow) -> None:
    page = window.results
    bound = {
        (s.key().toString(), s.context())
        for s in page.findChildren(QShortcut)
        if s.key() != QKeySequence(QKeySequence.StandardKey.Find)
    }
    within_page = Qt.ShortcutContext.WidgetWithChildrenShortcut
    on_table = Qt.ShortcutContext.WidgetShortcut
    assert bound == {(QKeySequence(k).toString(), within_page) for k in DECISION_KEYS.values()} | {
        (QKeySequence(k).toString(), on_table) for k in DECISION_LETTERS.values()
    }
    assert detail_pane.DECISION_KEYS == DECISION_KEYS  # the pane's buttons name the same keys
