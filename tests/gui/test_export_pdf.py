"""Export → PDF summary from the window, in the window's language, lists by their titles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from gui.tasks.settings import AppSettings
from gui.window.main_window import MainWindow
from tests.core.report.test_report_languages import pages, pdftotext
from tests.gui.conftest import wait_idle


@pytest.mark.parametrize(("language", "title", "status"), [
    ("en", "Screening summary: suppliers-sample.xlsx", "suspended"),
    ("zh_CN", "筛查结果摘要：suppliers-sample.xlsx", "暂停"),
])  # fmt: skip
def test_the_window_exports_the_pdf_summary_in_its_language(
    qtbot: QtBot, screened: MainWindow, settings: AppSettings, tmp_path: Path,
    language: str, title: str, status: str,
) -> None:  # fmt: skip
    settings.save_preferences(dataclasses.replace(settings.preferences(), language=language))
    assert screened.actions_.export_pdf.isEnabled()
    result = screened.results.result
    assert result is not None
    target = tmp_path / "summary.pdf"
    screened.controller.export_result(result, target, False)
    wait_idle(qtbot, screened)
    assert screened.controller.last_export == target
    assert pages(target) == 1
    text = " ".join(pdftotext(target).split())
    assert title in text and status in text
    assert "Unreliable Entity List" in text or "不可靠实体清单" in text, "lists by title"


def test_the_excel_report_from_the_window_names_lists_by_title(
    qtbot: QtBot, screened: MainWindow, settings: AppSettings, tmp_path: Path
) -> None:
    settings.save_preferences(dataclasses.replace(settings.preferences(), language="zh_CN"))
    result = screened.results.result
    assert result is not None
    target = tmp_path / "report.xlsx"
    screened.controller.export_result(result, target, False)
    wait_idle(qtbot, screened)
    ws = load_workbook(target)["标记"]
    headers = [c.value for c in ws[1]]
    lists = {row[headers.index("清单")] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert "不可靠实体清单" in lists and "cn-unreliable-entity" not in lists
