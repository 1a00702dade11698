"""After a list import the window says which earlier screenings it changes; History monitors a
run and screens it again from its kept names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.lists.model import Status
from gui.dialogs.changes_dialog import ChangesDialog
from gui.window.main_window import TAB_HISTORY, MainWindow
from tests.core.review.test_review import KRATOS, _newer_pack_with_event
from tests.core.services.test_run_changes import REMOVED
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.usefixtures("trust_test_key")


def test_an_import_names_the_changed_screenings_and_history_acts_on_runs(
    qtbot: QtBot, screened: MainWindow, tmp_path: Path
) -> None:
    window = screened
    window.tabs.setCurrentIndex(TAB_HISTORY)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)
    window.history.select_run(1)
    window.history.monitor_button.click()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1
                    and window.history.model.run_at(0).monitored)  # fmt: skip
    with qtbot.waitSignal(window.controller.changes_found, timeout=60_000) as found:
        window.controller.import_pack(_newer_pack_with_event(tmp_path, REMOVED))
    [run] = found.args[0]
    assert run.affected and run.changes[0].entity_id == KRATOS
    assert "1 earlier screenings are affected" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: isinstance(window.dialog, ChangesDialog))
    dialog = window.dialog
    assert isinstance(dialog, ChangesDialog)
    assert dialog.tree.topLevelItemCount() == 1
    assert "Suspended → Removed" in dialog.tree.topLevelItem(0).child(0).text(1)
    dialog.close()
    wait_idle(qtbot, window)
    window.tabs.setCurrentIndex(TAB_HISTORY)
    window.history.select_run(1)
    window.history.rescreen_button.click()
    qtbot.waitUntil(lambda: window.results.result is not None and window.results.result.run_id == 2,
                    timeout=60_000)  # fmt: skip
    uel = next(h for h in window.results.result.hits
               if h.entity_id == KRATOS and h.list_id == "cn-unreliable-entity")  # fmt: skip
    assert uel.status is Status.REMOVED


def test_the_list_picker_shows_a_list_without_names_as_such(
    qtbot: QtBot, window: MainWindow
) -> None:
    options = window.screen_page.options
    rows = [options.lists.item(i) for i in range(options.lists.count())]
    items = {item.data(Qt.ItemDataRole.UserRole): item for item in rows}
    ban = items["cn-procurement-ban"]
    assert "no names in the data" in ban.text()
    assert ban.checkState() == Qt.CheckState.Unchecked
    others = [item for key, item in items.items() if key != "cn-procurement-ban"]
    assert all(item.checkState() == Qt.CheckState.Checked for item in others)
    assert options.checked_list_ids() is None  # the default lists
    ban.setCheckState(Qt.CheckState.Checked)
    assert "cn-procurement-ban" in (options.checked_list_ids() or ())
