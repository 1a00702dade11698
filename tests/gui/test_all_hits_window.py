"""The window screens a file where every row hits and stays usable: the table shows every
hit, sorts, filters, takes a decision, and the next file opens. (Smaller here than the
million rows of bench/bench_all_hits.py; the model is the same at any size.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.lists.model import Status
from gui.models.results_model import COL_ROW, COL_STATUS, COL_SUPPLIER
from gui.window.main_window import TAB_RESULTS, MainWindow
from tests.gui.conftest import SAMPLE_DATE, wait_idle

ROWS = 30_000  # 90,000 hits: each row is on three lists as of the date


@pytest.mark.slow
def test_the_window_screens_an_all_hits_file_and_stays_usable(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "all-hits.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Supplier name", "Country"])
        writer.writerows([f"Kratos Unmanned Aerial Systems {'Inc' if n % 2 else 'Corp'}", "US"]
                         for n in range(ROWS))  # fmt: skip
    window.controller.open_file(source)
    wait_idle(qtbot, window)
    window.screen_page.options.date.set_date(SAMPLE_DATE)
    window.start_screening()
    wait_idle(qtbot, window, timeout=120_000)
    results = window.results
    result = results.result
    assert result is not None and result.run_id is not None
    assert len(result.hits) == 3 * ROWS and result.flagged_rows() == ROWS
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_RESULTS)
    assert results.proxy.rowCount() == 3 * ROWS
    assert f"{3 * ROWS:,} of {3 * ROWS:,} hits" in results.shown.text()
    assert f"{ROWS:,} flagged" in results.summary.text()
    assert not results.table.grab().isNull()  # the rows on screen are painted
    row_width = results.table.horizontalHeader().sectionSize(COL_ROW)
    text_width = results.fontMetrics().horizontalAdvance(str(ROWS + 1))
    assert row_width >= text_width + 16  # the row number and the cell's margins: not elided

    # sort by status, then back by row; filter by status
    results.proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert results.proxy.hit_at(0).status is Status.ACTIVE
    assert results.proxy.hit_at(3 * ROWS - 1).status is Status.SUSPENDED
    results.proxy.sort(COL_ROW, Qt.SortOrder.DescendingOrder)
    assert results.proxy.hit_at(0).row == ROWS + 1
    results.proxy.sort(COL_SUPPLIER, Qt.SortOrder.AscendingOrder)
    assert results.proxy.hit_at(0).supplier_name.endswith("Corp")
    results.status_filter.setCurrentIndex(results.status_filter.findData(Status.ACTIVE.value))
    assert results.proxy.rowCount() == ROWS
    results.search.setText("corp")
    qtbot.waitUntil(lambda: results.proxy.rowCount() == ROWS // 2)
    results.search.clear()
    results.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: results.proxy.rowCount() == 3 * ROWS)

    # a decision on a hit far down the table reaches its row's three hits
    results.proxy.sort(COL_ROW, Qt.SortOrder.AscendingOrder)
    far = 3 * ROWS - 2
    results.select_row(far)
    hit = results.current_hit()
    assert hit is not None and hit.row == ROWS + 1
    detail = results.detail
    detail.note.setText("the drone maker itself")
    qtbot.mouseClick(
        detail.buttons[next(b for b in detail.buttons if b.value == "escalated")],
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: all(h.decision == "escalated" for h in results.model.siblings(hit)))
    assert len(results.model.siblings(hit)) == 3
    assert results.model.status_counts()[Status.ACTIVE] == ROWS

    # and the next file opens
    window.controller.open_sample()
    wait_idle(qtbot, window)
    assert window.isVisible() and window.screen_page.tables
