"""The window screens a purchase file with HS codes: the column check finds the HS column and
the results have an Items view with the item explained and its timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.lists.model import Status
from gui.window.main_window import MainWindow
from tests.core.screening.test_item_screening import ERBIUM, PURCHASES, SAMARIUM_METAL


def test_items_view_as_of_2026_06_09(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(PURCHASES, encoding="utf-8")
    window.open_file(path)
    page = window.screen_page
    qtbot.waitUntil(lambda: bool(page.tables), timeout=30_000)
    assert page.hs_combo.currentText() == "HS Code"
    page.options.date.set_date(dt.date(2026, 6, 9))
    window.start_screening()
    results = window.results
    qtbot.waitUntil(lambda: results.result is not None, timeout=60_000)
    assert results.view_filter.isVisibleTo(results)
    results.show_items_view()
    panel = results.items_panel
    assert results.views.currentWidget() is panel
    hits = [panel.model.hit_at(r) for r in range(panel.model.rowCount())]
    erbium_row = next(i for i, h in enumerate(hits) if h.item_id == ERBIUM and h.row == 4)
    assert hits[erbium_row].status is Status.SUSPENDED
    assert any(h.item_id == SAMARIUM_METAL and h.status is Status.ACTIVE for h in hits)
    panel.select_row(erbium_row)
    detail = panel.detail
    qtbot.waitUntil(lambda: detail.hit is not None and detail.hit.item_id == ERBIUM)
    assert "Suspended from 2025-11-07 until 2026-11-10" in detail.status.text()
    assert "falls under the controlled code 28053019" in detail.why.text()
    assert "铒" in detail.why.text()
    assert len(detail.timeline.lanes) == 1
    assert not results.search.isEnabled()  # the parties' filters wait for their view
    results.view_filter.setCurrentIndex(0)
    assert results.search.isEnabled()
