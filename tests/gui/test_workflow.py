"""The whole workflow through the real widgets: open the sample, screen as of 2025-05-20,
look at a suspended hit and its timeline, mark a false positive, export, read the workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from core.lists.model import Status
from gui.desktop import file_dialogs
from gui.models.results_model import COL_DECISION, COL_STATUS
from gui.window.main_window import TAB_RESULTS, MainWindow
from tests.gui.conftest import KRATOS, SAMPLE_DATE, find_row, wait_idle


def test_sample_file_to_excel_report(
    qtbot: QtBot, screened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = screened
    results = win.results
    assert win.tabs.currentIndex() == TAB_RESULTS
    assert results.result is not None and results.result.as_of == SAMPLE_DATE
    assert results.result.run_id is not None
    assert "60" in results.summary.text()

    # the suspended Kratos hits on both MOFCOM lists, and active on the MFA list (2024-12-05)
    kratos = [h for h in results.model.hits() if h.entity_id == KRATOS]
    assert {h.list_id: h.status for h in kratos} == {
        "cn-unreliable-entity": Status.SUSPENDED,
        "cn-export-control": Status.SUSPENDED,
        "cn-countermeasures": Status.ACTIVE,
    }
    row = find_row(win, lambda h: h.entity_id == KRATOS and h.list_id == "cn-unreliable-entity")
    assert results.proxy.index(row, COL_STATUS).data() == "Suspended"
    results.select_row(row)
    hit = results.current_hit()
    assert hit is not None and hit.entity_id == KRATOS

    # the detail pane: why it matched, with the matched tokens marked, and the timeline
    detail = results.detail
    assert detail.hit == hit
    assert "Kratos" in detail.why.text() and "background-color" in detail.why.text()
    assert "Suspended from 2025-05-14 until 2025-08-12" in detail.statuses.text()
    timeline = detail.history.timeline
    assert [lane.list_id for lane in timeline.lanes] == [
        "cn-countermeasures",
        "cn-export-control",
        "cn-unreliable-entity",
    ]
    assert timeline.as_of == SAMPLE_DATE
    x = timeline.as_of_x()
    assert x is not None and 0 < x < timeline.width()
    suspended = [s for lane in timeline.lanes for s in lane.spans if s.status is Status.SUSPENDED]
    assert any(s.start <= SAMPLE_DATE < (s.end or SAMPLE_DATE) for s in suspended)
    assert not timeline.grab().isNull()
    # an event's announcement as a tooltip, and its source link opens in the browser
    lane = timeline.lanes[1]
    first = lane.events[0]
    marker = timeline.marker_point(1, first)
    assert first.announcement in timeline.tooltip_at(marker)
    opened: list[str] = []
    monkeypatch.setattr(file_dialogs, "open_url", lambda url: opened.append(url.toString()))
    assert first.source_url in detail.history.events.text()
    detail.history.events.linkActivated.emit(first.source_url)
    assert opened == [first.source_url]

    # decide: false positive with a note, by the button
    detail.note.setText("different company, checked the tax id")
    qtbot.mouseClick(
        detail.buttons[next(iter(b for b in detail.buttons if b.value == "false_positive"))],
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(
        lambda: all(h.decision == "false_positive" for h in results.model.siblings(hit))
    )
    row = find_row(win, lambda h: h.entity_id == KRATOS and h.list_id == "cn-unreliable-entity")
    assert results.proxy.index(row, COL_DECISION).data() == "False positive"
    assert "False positive by Test Reviewer" in detail.current.text()

    # export, then read the workbook back
    target = tmp_path / "out" / "report.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *args: str(target))
    results.export_button.click()
    wait_idle(qtbot, win)
    assert target.exists()
    assert results.folder_button.isEnabled()
    workbook = load_workbook(target, read_only=True)
    flagged = [list(r) for r in workbook["Flagged"].iter_rows(values_only=True)]
    workbook.close()
    header_at = next(i for i, r in enumerate(flagged) if "Decision" in r and "Note" in r)
    header = flagged[header_at]
    rows = [dict(zip(header, r, strict=False)) for r in flagged[header_at + 1 :]]
    kratos_rows = [r for r in rows if r.get("Matched entity", "").startswith("Kratos")]
    assert len(kratos_rows) == 3  # one per list
    assert sorted(r["Status"] for r in kratos_rows) == ["active", "suspended", "suspended"]
    for r in kratos_rows:
        assert r["Vendor Name"] == "Kratos Unmanned Aerial Systems Inc"
        assert r["Row"] == 32
        assert r["Decision"] == "false positive"
        assert r["Note"].startswith("different company, checked the tax id (Test Reviewer")

    # "Open containing folder" opens the export's folder
    results.folder_button.click()
    assert opened[-1].endswith(str(target.parent).lstrip("/"))


def test_keyboard_decisions_on_the_table(qtbot: QtBot, screened: MainWindow) -> None:
    results = screened.results
    row = find_row(screened, lambda h: h.supplier_name.startswith("Illumina"))
    results.select_row(row)
    results.table.setFocus()
    qtbot.keyClick(results.table, Qt.Key.Key_C)
    qtbot.waitUntil(
        lambda: results.current_hit() is not None and results.current_hit().decision == "confirmed"
    )  # type: ignore[union-attr]
    qtbot.keyClick(results.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: results.current_hit().decision == "escalated")  # type: ignore[union-attr]


def test_filters_and_sorting(screened: MainWindow) -> None:
    results = screened.results
    total = results.proxy.rowCount()
    results.status_filter.setCurrentIndex(results.status_filter.findData("suspended"))
    suspended = results.proxy.rowCount()
    assert 0 < suspended < total
    assert all(results.proxy.hit_at(r).status is Status.SUSPENDED for r in range(suspended))
    results.status_filter.setCurrentIndex(0)
    results.list_filter.setCurrentIndex(results.list_filter.findData("us-1260h"))
    assert all(
        results.proxy.hit_at(r).list_id == "us-1260h" for r in range(results.proxy.rowCount())
    )
    results.list_filter.setCurrentIndex(0)
    results.search.setText("洛克希德")
    results.apply_filters()
    assert results.proxy.rowCount() == 2
    results.search.setText("")
    results.apply_filters()
    results.table.sortByColumn(COL_STATUS, Qt.SortOrder.DescendingOrder)
    statuses = [results.proxy.hit_at(r).status for r in range(results.proxy.rowCount())]
    assert statuses[0] is Status.REMOVED and statuses[-1] is Status.ACTIVE
    results.decision_filter.setCurrentIndex(results.decision_filter.findData("undecided"))
    assert results.proxy.rowCount() == total


def test_history_reopens_and_exports_a_run(
    qtbot: QtBot, screened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = screened.history
    screened.tabs.setCurrentIndex(3)  # the History tab reads the runs when shown
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    run_id = screened.results.result.run_id  # type: ignore[union-attr]
    screened.results.clear()
    history.select_run(run_id)  # type: ignore[arg-type]
    history.open_button.click()
    wait_idle(qtbot, screened)
    assert screened.results.result is not None and screened.results.result.run_id == run_id
    assert screened.results.proxy.rowCount() == len(screened.results.result.hits)
    target = tmp_path / "again.xlsx"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *args: str(target))
    history.export_button.click()
    wait_idle(qtbot, screened)
    assert target.exists()


def test_window_has_the_parts_a_user_needs(window: MainWindow) -> None:
    assert window.width() >= 1000
    names = {a.objectName() for a in window.findChildren(QWidget)} | {
        a.objectName() for a in window.actions_.file_menu.actions()
    }
    for name in ("actionOpen", "actionScreen", "actionExport", "actionSettings", "sampleButton"):
        assert name in names
    assert window.screen_page.stack.currentIndex() == 0  # the welcome page, with the sample
