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
from core.report.words import ENGLISH, ReportText
from core.screening.result import ScreeningResult
from core.spreadsheets.table import CellValue

CURRENT_TEXT = ENGLISH.word("current")
COUNTS_NOTE = ENGLISH.word("counts_note")


def sheets_text(result: ScreeningResult, text: ReportText = ENGLISH) -> str:
    return "; ".join(
        text.word("sheet_rows", sheet=s.sheet or result.input_name, rows=f"{s.rows_screened:,}")
        for s in result.sheets
    )


def count_table(result: ScreeningResult, text: ReportText = ENGLISH) -> list[list[CellValue]]:
    """One row per list screened (lists without hits too), then a total row."""
    counts = result.counts()
    list_ids = list(result.list_ids) + sorted(set(counts) - set(result.list_ids))
    numbers: list[tuple[str, list[int]]] = []
    for list_id in list_ids:
        found = counts.get(list_id)
        by_status = [found[s] if found else 0 for s in STATUS_ORDER]
        numbers.append((list_id, [*by_status, sum(by_status)]))
    totals = [sum(column) for column in zip(*(n for _, n in numbers), strict=True)]
    rows: list[list[CellValue]] = [[text.list_title(list_id), *n] for list_id, n in numbers]
    rows.append([text.word("Total"), *(totals or [0] * (len(STATUS_ORDER) + 1))])
    return rows


def summary_blocks(result: ScreeningResult, text: ReportText = ENGLISH) -> BlockSheet:
    """The sheet's blocks in ``text``'s language (list data warnings stay as the core words
    them, in English)."""
    w = text.word
    sheet = BlockSheet()
    sheet.title(w("screening_of", input=result.input_name, as_of=result.as_of.isoformat()))
    sheet.blank()
    sheet.pair(w("input_file"), result.input_name)
    sheet.pair("SHA-256", result.input_sha256 or w("not_computed"), wrap=False)
    sheet.pair(w("sheets"), sheets_text(result, text))
    sheet.pair(w("rows_screened"), result.rows_screened, VALUE.but(number_format=COUNT_FORMAT))
    sheet.pair(w("as_of_date"), result.as_of, VALUE.but(number_format=DATE_FORMAT))
    if result.known_on is not None:
        sheet.pair(w("known_on"), result.known_on, VALUE.but(number_format=DATE_FORMAT))
    sheet.pair(w("lists_screened"), ", ".join(text.list_title(i) for i in result.list_ids))
    sheet.pair(w("flagged_rows"), result.flagged_rows(), VALUE.but(number_format=COUNT_FORMAT))
    sheet.pair(w("hits"), len(result.hits), VALUE.but(number_format=COUNT_FORMAT))
    if result.freshness:
        for warning in result.freshness:
            sheet.pair(w("list_data"), warning.message, WARNING)
    else:
        sheet.pair(w("list_data"), w("current"), CURRENT)
    for gap in result.coverage:
        sheet.pair(w("not_screened"), gap.message, WARNING)
    sheet.blank()
    sheet.section(w("hits_by_list"))
    statuses = [text.status(s) if text.chinese else s.value for s in STATUS_ORDER]
    headers = [w("List"), *statuses, w("Total")]
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
        count_table(result, text),
        header_looks=header_looks,
        looks=looks,
        total_look=TOTAL,
    )
    sheet.note(w("counts_note"), NOTE)
    return sheet


def write_summary(ws: Any, result: ScreeningResult, text: ReportText = ENGLISH) -> None:
    summary_blocks(result, text).write(ws)
