"""Opening files and screening: column override, cancel, bad files, crashes, remembered
decisions, drag and drop."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.lists.model import Status
from core.spreadsheets import SheetChoice
from gui.dialogs import error_dialogs
from gui.dialogs.error_dialogs import CrashDialog
from gui.tasks import operations
from gui.tasks.services import AppServices
from gui.window.main_window import MainWindow
from tests.gui.conftest import KRATOS, SAMPLE_DATE, find_row, wait_idle


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _open(qtbot: QtBot, win: MainWindow, path: Path) -> None:
    win.open_file(path)
    wait_idle(qtbot, win)


def _screen(qtbot: QtBot, win: MainWindow) -> None:
    win.screen_page.options.date.set_date(SAMPLE_DATE)
    win.start_screening()
    wait_idle(qtbot, win)


def test_column_override_changes_the_screened_column(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = _write_csv(
        tmp_path / "vendors.csv",
        [
            ["Vendor Name", "Country", "Remarks"],
            ["Harbor Trading Ltd", "US", "Kratos Unmanned Aerial Systems Inc"],
            ["Northern Textiles GmbH", "DE", "nothing to see"],
        ],
    )
    _open(qtbot, window, path)
    page = window.screen_page
    table = page.tables[0]
    assert table.roles.name == 0
    assert page.name_combo.currentText() == "Vendor Name"
    assert "supplier name" in page.preview_model.headerData(0, Qt.Orientation.Horizontal)
    _screen(qtbot, window)
    assert window.results.result is not None and window.results.result.hits == []

    page.set_column("name", 2)  # as choosing "Remarks" in the combo box does
    assert page.name_combo.currentText() == "Remarks"
    assert page.tables[0].roles.name == 2
    assert "supplier name" in page.preview_model.headerData(2, Qt.Orientation.Horizontal)
    page.set_column("country", None)
    assert page.tables[0].roles.country is None
    _screen(qtbot, window)
    result = window.results.result
    assert result is not None and result.sheets[0].name_column == 2
    assert {h.entity_id for h in result.hits} == {KRATOS}
    assert all(h.supplier_name == "Kratos Unmanned Aerial Systems Inc" for h in result.hits)
    assert {h.row for h in result.hits} == {2}


def test_cancel_mid_screen_keeps_nothing(
    qtbot: QtBot, window: MainWindow, services: AppServices, tmp_path: Path
) -> None:
    rows = [["Vendor Name", "Country"]]
    rows += [[f"Harbor Trading {i} Ltd", "US"] for i in range(40_000)]
    _open(qtbot, window, _write_csv(tmp_path / "big.csv", rows))
    assert len(window.screen_page.tables[0].rows) == 40_000
    window.start_screening()
    bar = window.progress.bar
    qtbot.waitUntil(lambda: bar.maximum() == 40_000 and bar.value() > 0, timeout=20_000)
    assert window.progress.isVisible() and window.progress.cancel.isEnabled()
    assert not window.screen_page.screen_button.isEnabled()
    qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.results.result is None
    assert "cancelled" in window.statusBar().currentMessage().lower()
    assert not window.progress.isVisible()
    assert window.screen_page.screen_button.isEnabled()
    assert services.runs().list_runs() == []


def test_a_corrupt_workbook_shows_its_one_line_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "suppliers.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook" + bytes(200))
    _open(qtbot, window, bad)
    assert len(error_dialogs.shown) == 1
    box = error_dialogs.shown[0]
    assert isinstance(box, QMessageBox)
    assert box.text() == "This file cannot be read."
    text = box.informativeText()
    assert "suppliers.xlsx" in text and "\n" not in text
    assert "damaged" in text or "not a workbook" in text
    assert window.screen_page.path is None  # nothing half-open
    assert window.controller.task is None and window.screen_page.welcome.isEnabled()


def test_an_unexpected_error_shows_the_crash_dialog_and_keeps_the_results(
    qtbot: QtBot, screened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = screened.results.result

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom in the reader")

    monkeypatch.setattr(operations, "read_file", broken)
    screened.controller.open_sample()
    wait_idle(qtbot, screened)
    assert len(error_dialogs.shown) == 1
    dialog = error_dialogs.shown[0]
    assert isinstance(dialog, CrashDialog)
    assert "RuntimeError: boom in the reader" in dialog.details
    assert "Traceback" in dialog.details
    dialog.copy_details()
    assert screened.results.result is before
    assert screened.results.proxy.rowCount() > 0


def test_false_positive_is_remembered_on_the_next_screening(
    qtbot: QtBot, screened: MainWindow
) -> None:
    results = screened.results
    results.select_row(find_row(screened, lambda h: h.entity_id == KRATOS))
    results.detail.note.setText("a different Kratos")
    results.detail.request(next(b for b in results.detail.buttons if b.value == "false_positive"))
    qtbot.waitUntil(lambda: results.current_hit().decision == "false_positive")  # type: ignore[union-attr]

    screened.tabs.setCurrentIndex(0)
    _screen(qtbot, screened)
    result = results.result
    assert result is not None
    kratos = [h for h in result.hits if h.entity_id == KRATOS]
    assert kratos and all(h.prior is not None and h.prior.applies for h in kratos)
    assert all(
        h.status is Status.SUSPENDED for h in kratos if h.list_id != "cn-countermeasures"
    )  # on cn-countermeasures (MFA, 2024-12-05) Kratos is active
    row = find_row(screened, lambda h: h.entity_id == KRATOS)
    assert results.proxy.index(row, 6).data() == "False positive (earlier)"
    results.select_row(row)
    prior = results.detail.prior.text()
    assert prior.startswith("Cleared before by Test Reviewer on ") and "a different Kratos" in prior
    results.decision_filter.setCurrentIndex(results.decision_filter.findData("false_positive"))
    assert results.proxy.rowCount() == len(kratos)


def test_all_sheets_and_sheet_choice(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "EU"
    first.append(["Supplier Name", "Country"])
    first.append(["Northern Textiles GmbH", "DE"])
    second = book.create_sheet("US")
    second.append(["Vendor", "Country"])
    second.append(["Shield AI", "US"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    _open(qtbot, window, path)
    page = window.screen_page
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())][:2] == [
        "EU",
        "US",
    ]
    page.sheet_requested.emit(SheetChoice.every())
    wait_idle(qtbot, window)
    assert [t.sheet for t in page.tables] == ["EU", "US"]
    assert page.sheet_tabs.count() == 2 and page.sheet_tabs.isVisible()
    _screen(qtbot, window)
    result = window.results.result
    assert result is not None and {s.sheet for s in result.sheets} == {"EU", "US"}
    assert {h.sheet for h in result.hits} == {"US"}
    assert not window.results.table.isColumnHidden(1)  # the Sheet column, several sheets


def test_dropping_a_file_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    from core.paths import sample_suppliers_file

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sample_suppliers_file()))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wait_idle(qtbot, window)
    assert window.screen_page.path == sample_suppliers_file()
    qtbot.waitUntil(lambda: window.screen_page.stack.currentIndex() == 1)  # a turn later


def test_freshness_banner_after_the_data_cut_off(qtbot: QtBot, window: MainWindow) -> None:
    import datetime as dt

    window.controller.open_sample()
    wait_idle(qtbot, window)
    window.screen_page.options.date.set_date(dt.date(2026, 10, 1))
    window.start_screening()
    wait_idle(qtbot, window)
    banner = window.results.banner
    assert banner.isVisible()
    assert "2026-08-22" in banner.text() and "40 days later" in banner.text()
    window.tabs.setCurrentIndex(0)
    _screen(qtbot, window)  # 2025-05-20: before the cut-off, no banner
    assert not window.results.banner.isVisible()


def test_reading_a_file_prepares_the_matching_for_its_rows(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    monkeypatch.setattr("gui.window.controller.PREPARE_DELAY_MS", 10)
    monkeypatch.setattr(
        operations,
        "prepare_matching",
        lambda services, rows, progress: asked.append(rows),
    )
    window.controller.open_sample()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: asked == [60])  # the sample's 60 rows, once the columns are shown
