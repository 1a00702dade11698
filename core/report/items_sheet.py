"""The Items sheet: rows buying or selling a controlled item, with the item's status as of
the screening date and what the status rests on."""

from __future__ import annotations

from typing import Any

from core.report.cells import is_web_link, make_cell
from core.report.flagged import sheet_label
from core.report.layout import (
    CELL_BORDER,
    DATE_FORMAT,
    LINK,
    LOCATION_COLUMNS,
    NOTE,
    STATUS_FILLS,
    STATUS_FONTS,
    TOP_ALIGNMENT,
    WRAP_ALIGNMENT,
    Column,
    Look,
)
from core.report.row_sheets import measured_widths, prepare_table, set_filter, write_header
from core.screening.item_hits import ItemHit
from core.screening.result import ScreeningResult
from core.spreadsheets.table import CellValue, cell_text

ITEM_COLUMNS = (
    Column("Supplier", cap=28, wrap=True),
    Column("HS code in the file", cap=14),
    Column("Status", cap=12, bold=True),
    Column("Status basis", cap=11),
    Column("Controlled item", cap=36, wrap=True),
    Column("Chinese name", cap=10),
    Column("Matched by", cap=30, wrap=True),
    Column("Since", cap=11, number_format=DATE_FORMAT),
    Column("Until", cap=11, number_format=DATE_FORMAT),
    Column("Control", cap=34, wrap=True),
    Column("Status rests on", cap=34, wrap=True),
    Column("Source", cap=28),
)
"""After the Sheet and Row columns, in order."""
STATUS_COLUMN = len(LOCATION_COLUMNS) + [c.header for c in ITEM_COLUMNS].index("Status")
SOURCE_COLUMN = len(LOCATION_COLUMNS) + len(ITEM_COLUMNS) - 1


def has_items_sheet(result: ScreeningResult) -> bool:
    """A report gets the sheet when a screened sheet had an HS-code or description column."""
    return bool(result.item_hits) or any(
        s.hs_column is not None or s.description_column is not None for s in result.sheets
    )


def item_values(result: ScreeningResult, hit: ItemHit) -> list[CellValue]:
    return [
        sheet_label(result, hit.sheet),
        hit.row,
        hit.supplier_name,
        hit.hs_code,
        hit.status.value,
        hit.status_basis.value,
        hit.item_name,
        hit.item_name_zh,
        hit.matched_by(),
        hit.since,
        hit.until,
        hit.control_ref,
        hit.basis_ref,
        hit.source_url,
    ]


def write_items(ws: Any, result: ScreeningResult) -> None:
    columns = [*LOCATION_COLUMNS, *ITEM_COLUMNS]
    rows = [item_values(result, hit) for hit in result.item_hits]
    texts = [[cell_text(row[i]) for row in rows] for i in range(len(columns))]
    widths = measured_widths(columns, texts)
    prepare_table(ws, columns, widths)
    write_header(ws, columns, range(0))
    for hit, values in zip(result.item_hits, rows, strict=True):
        fill = STATUS_FILLS[hit.status]
        cells = []
        for index, (column, value) in enumerate(zip(columns, values, strict=True)):
            look = Look(
                alignment=WRAP_ALIGNMENT if column.wrap else TOP_ALIGNMENT,
                border=CELL_BORDER,
                number_format=column.number_format,
                fill=fill,
            )
            if index == STATUS_COLUMN:
                look = look.but(font=STATUS_FONTS[hit.status])
            link = ""
            if index == SOURCE_COLUMN and is_web_link(hit.source_url):
                look, link = look.but(named_style=LINK.named_style, font=LINK.font), hit.source_url
            cells.append(make_cell(ws, value, look, link=link))
        ws.append(cells)
    if not rows:
        ws.append([make_cell(ws, f"No row names a controlled item as of {result.as_of}.", NOTE)])
    set_filter(ws, len(columns), len(rows) + 1)
