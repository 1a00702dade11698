"""Choosing the header row on the column-check page: the file is read again through the core,
the preview and the column pickers follow, and screening uses the rows below it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from gui.dialogs import error_dialogs
from gui.pages.screen_page import ScreenPage
from gui.window.main_window import MainWindow
from tests.gui.conftest import KRATOS, SAMPLE_DATE, wait_idle


def _titled_workbook(path: Path) -> Path:
    """Rows 1-2: a stale header block the detector takes for the header; row 3 blank;
    row 4: the real header; the listed supplier in row 5, column B."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Vendors"
    for row in (
        ["Vendor Name", "Country"],
        ["old export", "2019"],
        [],
        ["Ref", "Vendor Name", "Country"],
        ["V1", "Kratos Unmanned Aerial Systems Inc", "US"],
        ["V2", "Northern Textiles GmbH", "DE"],
    ):
        sheet.append(row)
    book.save(path)
    return path


def _open_titled(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> ScreenPage:
    """The titled workbook opened and read, detection having taken the stale block."""
    window.open_file(_titled_workbook(tmp_path / "titled.xlsx"))
    wait_idle(qtbot, window)
    return window.screen_page


def _type_header_row(qtbot: QtBot, win: MainWindow, row: int) -> None:
    """Type the row number into the header-row box and press Enter, as a user does."""
    spin = win.screen_page.header_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(row))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    # after a short pause for more arrow clicks, the file is read again in the background
    qtbot.waitUntil(lambda: not win.screen_page.header_timer_pending(), timeout=5_000)
    wait_idle(qtbot, win)


def test_changing_the_header_row_reads_again_and_screens_the_rows_below(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _open_titled(qtbot, window, tmp_path)
    assert page.tables[0].header_row == 1
    assert page.header_spin.value() == 1 and page.header_spin.isEnabled()
    assert page.header_info.text() == "found automatically"
    assert not page.header_auto.isEnabled()
    assert page.name_combo.currentText() == "Vendor Name"

    _type_header_row(qtbot, window, 4)
    table = page.tables[0]
    assert (table.sheet, table.header_row) == ("Vendors", 4)
    assert page.header_spin.value() == 4
    assert page.header_info.text() == "chosen by hand" and page.header_auto.isEnabled()
    # the column pickers and the preview follow the new header row
    assert [page.name_combo.itemText(i) for i in range(page.name_combo.count())] == [
        "Ref",
        "Vendor Name",
        "Country",
    ]
    assert page.name_combo.currentText() == "Vendor Name"
    assert page.country_combo.currentText() == "Country"
    preview = page.preview_model
    # rows 1-2 above the header, greyed; then the data rows 5-6
    assert preview.rowCount() == 4
    assert [preview.headerData(r, Qt.Orientation.Vertical) for r in range(4)] == [
        "1",
        "2",
        "5",
        "6",
    ]
    assert [preview.is_above_header(r) for r in range(4)] == [True, True, False, False]
    assert preview.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert "above the header row" in preview.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "greyed" in page.rows_info.text()
    assert "[supplier name]" in preview.headerData(1, Qt.Orientation.Horizontal)
    assert preview.index(2, 1).data() == "Kratos Unmanned Aerial Systems Inc"

    page.options.date.set_date(SAMPLE_DATE)
    qtbot.mouseClick(page.screen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    result = window.results.result
    assert result is not None
    assert result.sheets[0].header_row == 4 and result.rows_screened == 2
    assert {(h.row, h.entity_id) for h in result.hits} == {(5, KRATOS)}


def test_a_blank_header_row_is_refused_and_automatic_detection_comes_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _open_titled(qtbot, window, tmp_path)
    _type_header_row(qtbot, window, 3)
    assert len(error_dialogs.shown) == 1
    box = error_dialogs.shown[0]
    assert isinstance(box, QMessageBox)
    assert box.text() == "This choice cannot be used."
    message = box.informativeText()
    assert "Row 3" in message and "'Vendors'" in message and "blank" in message
    assert page.tables[0].header_row == 1, "what was shown stays"
    assert page.header_spin.value() == 1
    box.close()

    page.set_header_row(4)  # as the box does on Enter, without the pause for more clicks
    wait_idle(qtbot, window)
    assert page.tables[0].header_row == 4
    qtbot.mouseClick(page.header_auto, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.tables[0].header_row == 1
    assert page.header_info.text() == "found automatically"


def double_click(qtbot: QtBot, view: QTableView, index: QModelIndex) -> None:
    """As a user does: Qt's item views want the press of the first click on the same cell."""
    center = view.visualRect(index).center()
    with qtbot.waitSignal(view.doubleClicked, timeout=2_000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_double_clicking_a_preview_row_makes_it_the_header_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _open_titled(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: page.preview.isVisible())
    assert page.tables[0].header_row == 1  # detection took the stale block
    preview = page.preview_model
    row = next(r for r in range(preview.rowCount()) if preview.row_at(r).row_number == 4)
    double_click(qtbot, page.preview, preview.index(row, 1))
    wait_idle(qtbot, window)
    assert page.tables[0].header_row == 4
    assert page.name_combo.currentText() == "Vendor Name"
    assert page.header_info.text() == "chosen by hand"

    # and back up: row 1, now shown greyed above the header
    assert preview.is_above_header(0) and preview.row_at(0).row_number == 1
    double_click(qtbot, page.preview, preview.index(0, 0))
    wait_idle(qtbot, window)
    assert page.tables[0].header_row == 1


def test_a_title_above_the_header_spans_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.open_sample()
    wait_idle(qtbot, window)
    page = window.screen_page
    table = page.tables[0]
    assert [r.row_number for r in table.above] == [1]  # "Vendor master export — 2025-05"
    assert page.preview.columnSpan(0, 0) == len(table.headers)
    assert page.preview.columnSpan(1, 0) == 1  # data rows keep their cells
