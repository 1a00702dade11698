"""Exporting with the "All rows" sheet from the window: every screened row, with its result."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.paths import sample_suppliers_file
from gui.desktop import file_dialogs
from gui.window.main_window import MainWindow
from tests.gui.conftest import wait_idle


def _export(
    qtbot: QtBot, win: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *args: str(target))
    qtbot.mouseClick(win.results.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    workbook = load_workbook(target, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def test_export_with_all_rows_has_every_screened_row(
    qtbot: QtBot, screened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = screened.results
    result = results.result
    assert result is not None
    check = results.all_rows_check
    assert check.isEnabled() and not check.isChecked()
    assert "All rows" not in _export(qtbot, screened, tmp_path / "plain.xlsx", monkeypatch)

    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert check.isChecked()
    target = tmp_path / "with-all-rows.xlsx"
    assert "All rows" in _export(qtbot, screened, target, monkeypatch)
    workbook = load_workbook(target, read_only=True)
    rows = [list(r) for r in workbook["All rows"].iter_rows(values_only=True)]
    workbook.close()
    header, body = rows[0], rows[1:]
    assert len(body) == result.rows_screened == 60
    at = header.index("Row")
    # every data row of the sample's sheet, by the row number the user sees
    below = result.sheets[0].header_row
    source = load_workbook(sample_suppliers_file(), read_only=True)
    numbered = enumerate(source["Vendors"].iter_rows(values_only=True), start=1)
    expected = [n for n, r in numbered if n > below and any(v is not None for v in r)]
    source.close()
    assert [r[at] for r in body] == expected
    listed = header.index("Matched entities")
    matched = {r[at] for r in body if len(r) > listed and r[listed]}
    assert matched == {hit.row for hit in result.hits}


def test_a_reopened_run_cannot_have_all_rows(
    qtbot: QtBot, screened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = screened.results.result.run_id  # type: ignore[union-attr]
    assert run_id is not None
    screened.results.all_rows_check.setChecked(True)
    screened.controller.open_run(run_id)
    wait_idle(qtbot, screened)
    check = screened.results.all_rows_check
    assert not check.isEnabled() and not screened.results.include_all_rows()
    assert "History" in check.toolTip()
    assert "All rows" not in _export(qtbot, screened, tmp_path / "again.xlsx", monkeypatch)
