"""The All rows sheet: every screened row with its own columns and the screening's verdict.

Files can have hundreds of thousands of rows, so the data rows go through ``RowStream``
(plain worksheet XML written straight to a temporary file) instead of openpyxl's cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from core.lists.model import SEVERITY, Status
from core.progress import Progress, check_cancelled
from core.report.cells import make_cell
from core.report.flagged import sheet_label
from core.report.layout import (
    LOCATION_COLUMNS,
    NOTE,
    RESULT_COLUMNS,
    SOURCE_CAP,
    STATUS_FILLS,
    STATUS_FONTS,
    WIDTH_SAMPLE,
    Column,
    Look,
)
from core.report.row_sheets import measured_widths, prepare_table, set_filter, write_header
from core.report.row_stream import RowStream
from core.report.source_columns import SourceColumns
from core.screening.result import ScreeningResult
from core.spreadsheets.table import CellValue, cell_text

PROGRESS_EVERY = 2000
NO_MATCH = "no match"
NOT_KEPT = (
    "The screening did not keep every row. Screen again with the All rows option to list them."
)


@dataclass
class RowVerdict:
    """What the screening found for one row, over all its hits."""

    status: Status | None = None
    entities: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)

    def values(self) -> list[CellValue]:
        if self.status is None:
            return [NO_MATCH, None, None]
        return [self.status.value, "; ".join(self.entities), "; ".join(self.lists)]


def verdicts(result: ScreeningResult) -> dict[tuple[str | None, int], RowVerdict]:
    out: dict[tuple[str | None, int], RowVerdict] = {}
    for hit in result.hits:
        verdict = out.setdefault((hit.sheet, hit.row), RowVerdict())
        if verdict.status is None or SEVERITY[hit.status] < SEVERITY[verdict.status]:
            verdict.status = hit.status
        entity = hit.entity_name or hit.entity_name_zh
        if entity not in verdict.entities:
            verdict.entities.append(entity)
        listing = f"{hit.list_id}: {hit.status.value}"
        if listing not in verdict.lists:
            verdict.lists.append(listing)
    return out


def all_rows_columns(source: SourceColumns) -> list[Column]:
    supplier = [Column(h, cap=SOURCE_CAP) for h in source.headers]
    return [*LOCATION_COLUMNS, *supplier, *RESULT_COLUMNS]


def report_rows(
    result: ScreeningResult, source: SourceColumns, found: dict[tuple[str | None, int], RowVerdict]
) -> Iterator[tuple[list[CellValue], Status | None]]:
    """Each screened row in report columns, with the row's highest status (None: no match)."""
    empty = RowVerdict()
    for sheet, rows in result.all_rows.items():
        label = sheet_label(result, sheet)
        for number, values in rows:
            verdict = found.get((sheet, number), empty)
            row = [label, number, *source.values(sheet, values), *verdict.values()]
            yield row, verdict.status


def total_rows(result: ScreeningResult) -> int:
    return sum(len(rows) for rows in result.all_rows.values())


def write_all_rows(
    ws: Any, result: ScreeningResult, source: SourceColumns, progress: Progress
) -> RowStream:
    """Set up the sheet and stream its rows; they reach the file when the workbook is saved."""
    columns = all_rows_columns(source)
    found = verdicts(result)
    sample = [row for row, _ in islice(report_rows(result, source, found), WIDTH_SAMPLE)]
    texts = [[cell_text(row[i]) for row in sample] for i in range(len(columns))]
    prepare_table(ws, columns, measured_widths(columns, texts))
    write_header(ws, columns, range(len(LOCATION_COLUMNS) + len(source.headers)))
    stream = RowStream(ws, first_row=2)
    try:
        _stream_rows(stream, result, source, found, progress)
    except BaseException:
        stream.close()
        raise
    if not result.all_rows:
        ws.append([make_cell(ws, NOT_KEPT, NOTE)])
    set_filter(ws, len(columns), stream.next_row - 1)
    return stream


def _stream_rows(
    stream: RowStream,
    result: ScreeningResult,
    source: SourceColumns,
    found: dict[tuple[str | None, int], RowVerdict],
    progress: Progress,
) -> None:
    total = total_rows(result)
    width = len(source.headers) + len(LOCATION_COLUMNS) + len(RESULT_COLUMNS)
    looks = {status: _flagged_looks(status, width) for status in STATUS_FILLS}
    for written, (row, status) in enumerate(report_rows(result, source, found)):
        if written % PROGRESS_EVERY == 0:
            check_cancelled(progress)
            progress.report(written, total, "Writing all rows")
        stream.append(row, None if status is None else looks[status])
    progress.report(total, total, "Writing all rows")


def _flagged_looks(status: Status, width: int) -> list[Look]:
    """A flagged row is tinted with its status; the Result cell also gets the status font."""
    tint = Look(fill=STATUS_FILLS[status])
    looks = [tint] * width
    looks[width - len(RESULT_COLUMNS)] = tint.but(font=STATUS_FONTS[status])
    return looks
