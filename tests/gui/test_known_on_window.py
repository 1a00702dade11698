"""The window screens "as known on" a day, and a reopened run is shown against the list
releases it used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow
from tests.gui.conftest import wait_idle


def test_as_known_on_in_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("Supplier,Country\nNorthrop Grumman Systems Corporation,US\n", encoding="utf-8")
    window.open_file(path)
    wait_idle(qtbot, window)
    options = window.screen_page.options
    assert not options.known_check.isChecked() and not options.known.isEnabled()
    options.date.set_date(dt.date(2026, 12, 4))
    options.known_check.setChecked(True)
    options.known.set_date(dt.date(2026, 9, 1))
    assert options.options().known_on == dt.date(2026, 9, 1)
    window.start_screening()
    wait_idle(qtbot, window)
    result = window.results.result
    assert result is not None and result.known_on == dt.date(2026, 9, 1)
    assert [r.version for r in result.releases] == ["2026.08.22"]
    assert not result.hits
    window.controller.open_run(result.run_id or 0)
    wait_idle(qtbot, window)
    shown = window.results.snapshot
    assert shown is not None and [r.version for r in shown.releases] == ["2026.08.22"]
