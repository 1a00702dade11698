"""The Summary sheet: what was screened, against what, as of when, and what was found."""

from __future__ import annotations

from typing import Any

from core.report.blocks import BlockSheet
from core.report.layout import (
    COUNT_FORMAT,
    CURRENT,
    DATE_FORMAT,
    HEADER,
    NOTE,
    NUMBER_HEADER_ALIGNMENT,
    PLAIN,
    SOURCE_HEADER_FILL,
    STATUS_FILLS,
    STATUS_ORDER,
    TOTAL,
    TOTAL_FONT,
    VALUE,
    WARNING,
)
from core.screening.result import ScreeningResult
from core.spreadsheets.table import CellValue

CURRENT_TEXT = "List data is current for this date."
COUNTS_NOTE = "A hit is one supplier row matched to one listed entity on one list."


def sheets_text(result: ScreeningResult) -> str:
    return "; ".join(
        f"{s.sheet or result.input_name}: {s.rows_screened:,} rows" for s in result.sheets
    )


def count_table(result: ScreeningResult) -> list[list[CellValue]]:
    """One row per list screened (lists without hits too), then a total row."""
    counts = result.counts()
    list_ids = list(result.list_ids) + sorted(set(counts) - set(result.list_ids))
    numbers: list[tuple[str, list[int]]] = []
    for list_id in list_ids:
        found = counts.get(list_id)
        by_status = [found[s] if found else 0 for s in STATUS_ORDER]
        numbers.append((list_id, [*by_status, sum(by_status)]))
    totals = [sum(column) for column in zip(*(n for _, n in numbers), strict=True)]
    rows: list[list[CellValue]] = [[list_id, *n] for list_id, n in numbers]
    rows.append(["Total", *(totals or [0] * (len(STATUS_ORDER) + 1))])
    return rows


def summary_blocks(result: ScreeningResult) -> BlockSheet:
    sheet = BlockSheet()
    sheet.title(f"Screening of {result.input_name} as of {result.as_of.isoformat()}")
    sheet.blank()
    sheet.pair("Input file", result.input_name)
    sheet.pair("SHA-256", result.input_sha256 or "not computed", wrap=False)
    sheet.pair("Sheets screened", sheets_text(result))
    sheet.pair("Rows screened", result.rows_screened, VALUE.but(number_format=COUNT_FORMAT))
    sheet.pair("As-of date", result.as_of, VALUE.but(number_format=DATE_FORMAT))
    sheet.pair("Lists screened", ", ".join(result.list_ids))
    sheet.pair("Flagged rows", result.flagged_rows(), VALUE.but(number_format=COUNT_FORMAT))
    sheet.pair("Hits", len(result.hits), VALUE.but(number_format=COUNT_FORMAT))
    if result.freshness:
        for warning in result.freshness:
            sheet.pair("List data", warning.message, WARNING)
    else:
        sheet.pair("List data", CURRENT_TEXT, CURRENT)
    for gap in result.coverage:
        sheet.pair("Not screened", gap.message, WARNING)
    sheet.blank()
    sheet.section("Hits by list and status")
    headers = ["List", *(s.value for s in STATUS_ORDER), "Total"]
    number_header = HEADER.but(alignment=NUMBER_HEADER_ALIGNMENT)
    header_looks = [
        HEADER.but(fill=SOURCE_HEADER_FILL),
        *(number_header.but(fill=STATUS_FILLS[s]) for s in STATUS_ORDER),
        number_header.but(fill=SOURCE_HEADER_FILL),
    ]
    count = PLAIN.but(number_format=COUNT_FORMAT)
    looks = [PLAIN, *([count] * len(STATUS_ORDER)), count.but(font=TOTAL_FONT)]
    sheet.table(
        headers,
        count_table(result),
        header_looks=header_looks,
        looks=looks,
        total_look=TOTAL,
    )
    sheet.note(COUNTS_NOTE, NOTE)
    return sheet


def write_summary(ws: Any, result: ScreeningResult) -> None:
    summary_blocks(result).write(ws)
