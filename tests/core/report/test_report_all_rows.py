"""The All rows sheet: every screened row with its verdict, streamed for big files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.report import write_report

from .conftest import HEADERS, SHEET, make_result


def test_every_row_with_its_highest_status(workbook: Any) -> None:
    ws = workbook["All rows"]
    assert [c.value for c in ws[1]] == ["Sheet", "Row", *HEADERS, "Result", "Matched entities",
                                        "Lists"]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [3, 4, 5, 6, 7, 8, 9, 10]
    verdict = {r[1]: r[6:] for r in rows}
    assert verdict[3] == ("no match", None, None)
    assert verdict[5] == (
        "active", "Kratos Unmanned Aerial Systems, Inc.",
        "cn-export-control: suspended; cn-unreliable-entity: active",
    )  # fmt: skip
    assert verdict[8][0] == "removed"
    assert verdict[9] == ("active", "Entity 9 Ltd.", "cn-export-control: active; "
                          "cn-unreliable-entity: active")  # fmt: skip
    assert rows[1][5] == "=1+1"
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:I9"


def test_flagged_rows_are_tinted_others_plain(workbook: Any) -> None:
    ws = workbook["All rows"]
    assert ws["A2"].fill.fill_type is None
    assert ws["A4"].fill.fill_type == "solid"
    assert ws["G4"].font.bold


def test_all_rows_without_kept_rows_explains(tmp_path: Path) -> None:
    path = write_report(make_result(all_rows={}), tmp_path / "r.xlsx", all_rows=True)
    ws = load_workbook(path)["All rows"]
    assert "did not keep every row" in ws["A2"].value


def test_long_sheet_is_written(tmp_path: Path) -> None:
    rows = [(n, (f"Supplier {n}", "US", None, None)) for n in range(2, 5002)]
    result = make_result(all_rows={SHEET: rows})
    workbook = load_workbook(write_report(result, tmp_path / "r.xlsx", all_rows=True),
                             read_only=True)  # fmt: skip
    try:
        assert sum(1 for _ in workbook["All rows"].iter_rows(min_row=2)) == 5000
    finally:
        workbook.close()


def test_streamed_text_is_escaped_and_kept_exactly(tmp_path: Path) -> None:
    tricky = [
        "A & B <Holdings> Ltd",
        "  leading and trailing  ",
        "line one\r\nline two",
        "]]> <![CDATA[",
        "华为技术有限公司",
        "#N/A",
    ]
    rows = [(n, (text, None, None, None)) for n, text in enumerate(tricky, start=2)]
    result = make_result(all_rows={SHEET: rows}, hits=[], rows={})
    ws = load_workbook(write_report(result, tmp_path / "r.xlsx", all_rows=True))["All rows"]
    assert [ws.cell(row=n, column=3).value for n in range(2, 8)] == tricky
    assert ws.cell(row=7, column=3).data_type == "s"
    assert ws.cell(row=7, column=3).quotePrefix


def test_streamed_numbers_dates_and_booleans_keep_their_types(tmp_path: Path) -> None:
    values = (12, 1234567.891, dt.date(2024, 2, 29), dt.datetime(2024, 2, 29, 13, 45, 10))
    rows = [(2, values), (3, (True, float("inf"), dt.date(1850, 1, 1), 10**17))]
    result = make_result(all_rows={SHEET: rows}, hits=[], rows={})
    ws = load_workbook(write_report(result, tmp_path / "r.xlsx", all_rows=True))["All rows"]
    row = [c for c in ws[2]][2:6]
    assert [c.value for c in row] == [12, 1234567.891, dt.datetime(2024, 2, 29),
                                      dt.datetime(2024, 2, 29, 13, 45, 10)]  # fmt: skip
    assert row[2].number_format == "yyyy-mm-dd"
    assert row[3].number_format == "yyyy-mm-dd hh:mm:ss"
    assert [c.value for c in ws[3]][2:6] == [True, "inf", "1850-01-01", "100000000000000000"]
