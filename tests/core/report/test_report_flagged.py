"""The Flagged sheet: one row per hit, the supplier's columns then the screening's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.report import write_report
from core.screening.decision import Decision
from core.screening.result import ScreenedSheet

from .conftest import CHINESE_NAME, HEADERS, SHEET, column_of, make_hit, make_result

HIT_HEADERS = [
    "Status", "Basis", "List", "Matched entity", "Chinese name", "Matched name", "Score", "Reasons",
    "Since", "Until", "Announcement", "Source", "Decision", "Note",
]  # fmt: skip


def test_sheets_come_in_order(workbook: Any) -> None:
    assert workbook.sheetnames == ["Flagged", "Summary", "Audit", "All rows"]


def test_without_all_rows_there_is_no_all_rows_sheet(tmp_path: Path) -> None:
    path = write_report(make_result(), tmp_path / "r.xlsx")
    assert load_workbook(path).sheetnames == ["Flagged", "Summary", "Audit"]


def test_headers_are_location_supplier_columns_then_hit_columns(workbook: Any) -> None:
    ws = workbook["Flagged"]
    headers = [c.value for c in ws[1]]
    assert headers == ["Sheet", "Row", *HEADERS, *HIT_HEADERS]


def test_one_row_per_hit_in_result_order(workbook: Any, result: Any) -> None:
    ws = workbook["Flagged"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(result.hits)
    status = column_of(ws, "Status") - 1
    listed = column_of(ws, "List") - 1
    assert [(r[0], r[1], r[status], r[listed]) for r in rows] == [
        (SHEET, h.row, h.status.value, h.list_id) for h in result.hits
    ]


def test_original_values_keep_their_types(workbook: Any) -> None:
    ws = workbook["Flagged"]
    onboarded = ws.cell(row=2, column=column_of(ws, "Onboarded"))
    assert onboarded.value == dt.datetime(2020, 1, 15)
    assert onboarded.is_date and onboarded.number_format == "yyyy-mm-dd"
    moment = ws.cell(row=8, column=column_of(ws, "Onboarded"))
    assert moment.value == dt.datetime(2021, 3, 4, 15, 30)
    assert moment.number_format == "yyyy-mm-dd hh:mm:ss"
    assert ws.cell(row=2, column=2).value == 5
    assert ws.cell(row=2, column=2).data_type == "n"


def test_dates_are_excel_dates_and_score_a_number(workbook: Any) -> None:
    ws = workbook["Flagged"]
    since = ws.cell(row=2, column=column_of(ws, "Since"))
    until = ws.cell(row=2, column=column_of(ws, "Until"))
    assert since.value == dt.datetime(2025, 4, 10) and since.is_date
    assert since.number_format == "yyyy-mm-dd"
    assert until.value == dt.datetime(2025, 8, 12) and until.number_format == "yyyy-mm-dd"
    assert ws.cell(row=3, column=column_of(ws, "Until")).value is None
    score = ws.cell(row=2, column=column_of(ws, "Score"))
    assert score.data_type == "n"
    assert score.value == 91.3
    assert score.number_format == "0.0"


def test_source_is_a_real_hyperlink(workbook: Any) -> None:
    ws = workbook["Flagged"]
    source = ws.cell(row=2, column=column_of(ws, "Source"))
    assert source.value == "https://example.org/notice/5"
    assert source.hyperlink is not None
    assert source.hyperlink.target == "https://example.org/notice/5"
    assert source.font.underline == "single"


def test_only_web_addresses_become_links(tmp_path: Path) -> None:
    hits = [make_hit(5, "Kratos", make_result().hits[0].status, "us-1260h",
                     source_url="file:///etc/passwd")]  # fmt: skip
    path = write_report(make_result(hits=hits), tmp_path / "r.xlsx")
    ws = load_workbook(path)["Flagged"]
    source = ws.cell(row=2, column=column_of(ws, "Source"))
    assert source.value == "file:///etc/passwd"
    assert source.hyperlink is None


def test_header_frozen_and_filtered(workbook: Any, result: Any) -> None:
    ws = workbook["Flagged"]
    assert ws.freeze_panes == "C2"
    last = ws.cell(row=1, column=ws.max_column).column_letter
    assert ws.auto_filter.ref == f"A1:{last}{len(result.hits) + 1}"
    assert all(cell.font.bold for cell in ws[1])
    assert all(cell.fill.fgColor.rgb not in (None, "00000000") for cell in ws[1])


def test_each_status_has_its_own_fill(workbook: Any, result: Any) -> None:
    ws = workbook["Flagged"]
    fills: dict[str, set[str]] = {}
    for number, hit in enumerate(result.hits, start=2):
        for cell in ws[number]:
            fills.setdefault(hit.status.value, set()).add(cell.fill.fgColor.rgb)
    assert set(fills) == {"active", "suspended", "pending", "removed"}
    assert all(len(colours) == 1 for colours in fills.values()), fills
    assert len({next(iter(c)) for c in fills.values()}) == 4


def test_widths_follow_content_and_count_chinese_double(workbook: Any) -> None:
    ws = workbook["Flagged"]
    widths = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}
    assert widths["Row"] < widths["Country"] < widths["Supplier"]
    # 16 CJK characters are 32 units wide: the Supplier column reaches its cap of 28
    assert widths["Supplier"] == 28
    # "奎托斯无人机系统公司" (10 characters, 20 units) is wider than its header
    assert widths["Chinese name"] >= 20
    assert max(widths.values()) <= 36


def test_chinese_text_round_trips(workbook: Any) -> None:
    ws = workbook["Flagged"]
    row = [c.value for c in ws[4]]
    assert CHINESE_NAME in row
    assert "中国" in row and "摄像头" in row and "公告〔2025〕7号" in row


def test_notes_explain_earlier_decisions_and_upcoming_changes(workbook: Any) -> None:
    ws = workbook["Flagged"]
    note = column_of(ws, "Note")
    decision = column_of(ws, "Decision")
    assert ws.cell(row=7, column=decision).value == "false positive"
    assert ws.cell(row=7, column=note).value == (
        "Cleared before by li.wei on 2025-03-01: different company, checked USCC"
    )
    lapsed = ws.cell(row=8, column=note).value
    assert ws.cell(row=8, column=decision).value is None
    assert "listing changed since" in lapsed and "公告〔2025〕5号" in lapsed
    assert ws.cell(row=5, column=note).value == "Upcoming: added from 2025-06-01"


def test_decision_made_in_this_review_shows_its_note(tmp_path: Path) -> None:
    at = dt.datetime(2025, 5, 21, 9, 0, tzinfo=dt.UTC)
    hit = make_result().hits[0].with_decision(Decision.ESCALATED, "ask legal", "wang.wu", at)
    path = write_report(make_result(hits=[hit]), tmp_path / "r.xlsx")
    ws = load_workbook(path)["Flagged"]
    assert ws.cell(row=2, column=column_of(ws, "Decision")).value == "escalated"
    assert ws.cell(row=2, column=column_of(ws, "Note")).value == "ask legal (wang.wu, 2025-05-21)"


def test_several_sheets_share_columns_by_header_name(tmp_path: Path) -> None:
    other = ScreenedSheet("Bids", 1, ("Country", "Supplier", "Bid (USD)"), 1, 0, 3)
    hits = [
        make_hit(5, "Kratos UAS Inc.", make_result().hits[0].status, "us-1260h"),
        make_hit(2, "Shield AI", make_result().hits[0].status, "us-1260h", sheet="Bids"),
    ]
    rows = {
        (SHEET, 5): ("Kratos UAS Inc.", "US", None, "drones"),
        ("Bids", 2): ("US", "Shield AI", 120000),
    }
    result = make_result(sheets=(make_result().sheets[0], other), hits=hits, rows=rows)
    ws = load_workbook(write_report(result, tmp_path / "r.xlsx"))["Flagged"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == ["Sheet", "Row", *HEADERS, "Bid (USD)"]
    assert [c.value for c in ws[2]][:7] == [SHEET, 5, "Kratos UAS Inc.", "US", None, "drones", None]
    assert [c.value for c in ws[3]][:7] == ["Bids", 2, "Shield AI", "US", None, None, 120000]


def test_csv_rows_name_the_file_and_empty_headers_get_a_letter(tmp_path: Path) -> None:
    sheet = ScreenedSheet(None, 1, ("Name", "", "Name"), 0, None, 1)
    hit = make_hit(2, "Kratos", make_result().hits[0].status, "us-1260h", sheet=None)
    result = make_result(sheets=(sheet,), hits=[hit], rows={(None, 2): ("Kratos", "x", "y")},
                         input_path="/tmp/vendors.csv")  # fmt: skip
    ws = load_workbook(write_report(result, tmp_path / "r.xlsx"))["Flagged"]
    assert [c.value for c in ws[1]][:5] == ["Sheet", "Row", "Name", "Column B", "Name (2)"]
    assert [c.value for c in ws[2]][:5] == ["vendors.csv", 2, "Kratos", "x", "y"]


def test_no_hits_gives_a_note_not_an_empty_sheet(tmp_path: Path) -> None:
    ws = load_workbook(write_report(make_result(hits=[], rows={}), tmp_path / "r.xlsx"))["Flagged"]
    assert ws.cell(row=2, column=1).value == "No row matched a listed entity as of 2025-05-20."
    assert ws.auto_filter.ref.endswith("1")


def test_hits_past_a_sheet_continue_on_the_next_flagged_sheet(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """An Excel sheet holds 1,048,575 hits under its header (lowered here to 4): the rest
    go on "Flagged (2)", ..., each with the header, the same columns and its own filter."""
    import core.report.flagged as flagged

    monkeypatch.setattr(flagged, "ROWS_PER_SHEET", 4)
    result = make_result()
    hits = [make_hit(10 + n, f"Supplier {n}", result.hits[0].status, "us-1260h") for n in range(10)]
    rows = {(SHEET, h.row): (h.supplier_name, "US", None, "drones") for h in hits}
    workbook = load_workbook(write_report(make_result(hits=hits, rows=rows), tmp_path / "r.xlsx"))
    assert workbook.sheetnames[:4] == ["Flagged", "Flagged (2)", "Flagged (3)", "Summary"]
    parts = [workbook[name] for name in workbook.sheetnames[:3]]
    header = [c.value for c in parts[0][1]]
    found = []
    for ws in parts:
        assert [c.value for c in ws[1]] == header
        found.append([r[1] for r in ws.iter_rows(min_row=2, values_only=True)])
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"
    assert found == [[10, 11, 12, 13], [14, 15, 16, 17], [18, 19]]
    assert [ws.column_dimensions["C"].width for ws in parts] == [
        parts[0].column_dimensions["C"].width
    ] * 3
