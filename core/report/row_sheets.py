"""What the two row sheets (Flagged, All rows) share: header, widths, frozen panes, filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.report.cells import make_cell
from core.report.layout import (
    BOLD_FACTOR,
    HEADER,
    SCREENING_HEADER_FILL,
    SOURCE_HEADER_FILL,
    Column,
    column_width,
    row_height,
    setup_print,
)
from core.report.measure import wrapped_lines
from core.spreadsheets.table import column_letter

FREEZE_AT = "C2"
"""Below the header row and right of the Sheet and Row columns."""


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    """Column widths; a write-only sheet needs them before its first row."""
    for index, width in enumerate(widths):
        ws.column_dimensions[column_letter(index)].width = width


def measured_widths(
    columns: Sequence[Column], texts_by_column: Sequence[Sequence[str]]
) -> list[float]:
    return [
        column_width(column.header, texts, column.cap, bold=column.bold)
        for column, texts in zip(columns, texts_by_column, strict=True)
    ]


def prepare_table(ws: Any, columns: Sequence[Column], widths: Sequence[float]) -> None:
    """Everything a write-only sheet needs before its rows: widths, frozen header, printing."""
    set_widths(ws, widths)
    ws.freeze_panes = FREEZE_AT
    setup_print(ws, title_rows="1:1")
    lines = max(
        (wrapped_lines(c.header, w / BOLD_FACTOR) for c, w in zip(columns, widths, strict=True)),
        default=1,
    )
    ws.row_dimensions[1].height = row_height(lines)


def write_header(ws: Any, columns: Sequence[Column], source_range: range) -> None:
    """The header row; the supplier's columns and the screening's columns get their own
    fills so the two kinds are told apart."""
    cells = []
    for index, column in enumerate(columns):
        fill = SOURCE_HEADER_FILL if index in source_range else SCREENING_HEADER_FILL
        cells.append(make_cell(ws, column.header, HEADER.but(fill=fill)))
    ws.append(cells)


def set_filter(ws: Any, columns: int, last_row: int) -> None:
    """An autofilter over the header and the data rows, which are also what prints (text
    running past the last column would otherwise widen the printout)."""
    ref = f"A1:{column_letter(columns - 1)}{max(last_row, 1)}"
    ws.auto_filter.ref = ref
    ws.print_area = ref
