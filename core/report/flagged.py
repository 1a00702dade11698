"""The Flagged sheet: one row per hit (row x entity x list), the supplier's own columns first,
then what the screening found and what reviewers decided."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from core.lists.model import Status
from core.progress import Progress, check_cancelled
from core.report.cells import is_web_link, make_cell
from core.report.layout import (
    CELL_BORDER,
    HIT_COLUMNS,
    LINK,
    LOCATION_COLUMNS,
    MAX_SHEET_ROWS,
    NOTE,
    SOURCE_CAP,
    STATUS_FILLS,
    STATUS_FONTS,
    TOP_ALIGNMENT,
    WRAP_ALIGNMENT,
    Column,
    Look,
    column_width_of,
    row_height,
)
from core.report.measure import has_wide, widest_line, wrapped_lines
from core.report.row_sheets import prepare_table, set_filter, write_header
from core.report.row_stream import RowStream
from core.report.source_columns import SourceColumns
from core.report.words import ENGLISH, ReportText
from core.review.state import ReviewState, review_of
from core.screening.result import ListingHit, ScreeningResult
from core.spreadsheets.table import CellValue, cell_text

PROGRESS_EVERY = 2000
ROWS_PER_SHEET = MAX_SHEET_ROWS - 1
"""Hits on one Flagged sheet (its first row is the header)."""
MAX_LINKS = 65_530
"""Hyperlinks Excel keeps on one sheet."""
STATUS_INDEX = [c.header for c in HIT_COLUMNS].index("Status")
SOURCE_INDEX = [c.header for c in HIT_COLUMNS].index("Source")


@dataclass(frozen=True, slots=True)
class FlaggedRow:
    values: list[CellValue]
    status: Status
    link: str


def sheet_label(result: ScreeningResult, sheet: str | None) -> str:
    """The sheet name; a CSV file has none, so its file name stands in."""
    return sheet if sheet is not None else result.input_name


def decision_label(hit: ListingHit, text: ReportText = ENGLISH) -> str:
    return text.decision(hit.decision)


def decision_note(hit: ListingHit, text: ReportText = ENGLISH) -> str:
    """The reviewer's note, an earlier decision that applies or has lapsed, upcoming changes."""
    review = review_of(hit)
    lines = []
    prior = review.prior
    if prior is not None and prior.applies:
        lines.append(
            f"{prior.decision.earlier} before by {prior.decided_by} on "
            f"{prior.decided_at:%Y-%m-%d}" + (f": {prior.note}" if prior.note else "")
        )
    elif prior is not None:
        changes = "; ".join(c.english() for c in prior.changes) or "the listing changed"
        lines.append(
            f"Marked {prior.decision.english} by {prior.decided_by} on "
            f"{prior.decided_at:%Y-%m-%d}, but the listing changed since ({changes}): "
            "review again"
        )
    if review.state is ReviewState.DECIDED:
        by = f" ({review.by}, {review.at:%Y-%m-%d})" if review.at else ""
        lines.append((review.note or decision_label(hit, text)) + by)
    if hit.upcoming:
        lines.append("Upcoming: " + "; ".join(e.english(with_list=False) for e in hit.upcoming))
    return "\n".join(lines)


def hit_values(hit: ListingHit, text: ReportText = ENGLISH) -> list[CellValue]:
    """The screening columns of one hit, in ``HIT_COLUMNS`` order (the list by its title)."""
    return [
        text.status(hit.status) if text.chinese else hit.status.value,
        text.basis(hit.status_basis),
        text.list_title(hit.list_id),
        hit.entity_name,
        hit.entity_name_zh,
        hit.matched_name,
        round(hit.score, 1),
        "; ".join(r.english() for r in hit.reasons),
        hit.since,
        hit.until,
        hit.announcement,
        hit.source_url,
        decision_label(hit, text),
        decision_note(hit, text),
    ]


def flagged_columns(source: SourceColumns, text: ReportText = ENGLISH) -> list[Column]:
    """The supplier's headers as they are; the report's own headers in the report's language."""
    supplier = [Column(h, cap=SOURCE_CAP, wrap=True) for h in source.headers]
    ours = [replace(c, header=text.word(c.header)) for c in (*LOCATION_COLUMNS, *HIT_COLUMNS)]
    return [*ours[: len(LOCATION_COLUMNS)], *supplier, *ours[len(LOCATION_COLUMNS) :]]


def flagged_rows(
    result: ScreeningResult, source: SourceColumns, text: ReportText = ENGLISH
) -> Iterator[FlaggedRow]:
    """The report row of each hit, in the result's order, made as they are read."""
    for hit in result.hits:
        original = result.rows.get((hit.sheet, hit.row), ())
        yield FlaggedRow(
            values=[
                sheet_label(result, hit.sheet),
                hit.row,
                *source.values(hit.sheet, original),
                *hit_values(hit, text),
            ],
            status=hit.status,
            link=hit.source_url,
        )


def flagged_sheets(hits: int) -> int:
    """How many Flagged sheets ``hits`` hits take: one, and one more for each further
    ``ROWS_PER_SHEET`` (an Excel sheet holds 1,048,576 rows, its header included)."""
    return max(1, -(-hits // ROWS_PER_SHEET))


def flagged_sheet_title(name: str, part: int) -> str:
    """The title of the ``part``-th Flagged sheet (0-based): ``name``, then "name (2)", ..."""
    return name if part == 0 else f"{name} ({part + 1})"


def write_flagged(
    sheets: Sequence[Any],
    result: ScreeningResult,
    source: SourceColumns,
    progress: Progress,
    text: ReportText = ENGLISH,
) -> list[RowStream]:
    """Set up the Flagged sheets (``flagged_sheets`` of them) and stream the hits into them,
    ``ROWS_PER_SHEET`` each; the rows reach the file when the workbook is saved.

    Two passes over the hits, none held: the first measures the columns (every sheet gets
    the same widths), the second writes."""
    columns = flagged_columns(source, text)
    widest = [0.0] * len(columns)
    total = len(result.hits)
    for number, row in enumerate(flagged_rows(result, source, text)):
        if number % PROGRESS_EVERY == 0:
            check_cancelled(progress)
            progress.report(number, total, "Measuring flagged rows")
        for index, value in enumerate(row.values):
            width = widest_line(cell_text(value))
            if width > widest[index]:
                widest[index] = width
    widths = [column_width_of(c, w) for c, w in zip(columns, widest, strict=True)]
    streams: list[RowStream] = []
    try:
        for ws in sheets:
            prepare_table(ws, columns, widths)
            write_header(ws, columns, range(len(LOCATION_COLUMNS) + len(source.headers)))
            streams.append(RowStream(ws, first_row=2))
        _stream_rows(streams, columns, widths, flagged_rows(result, source, text), total, progress)
    except BaseException:
        for stream in streams:
            stream.close()
        raise
    if not total:
        none = text.word("no_row_matched", as_of=result.as_of.isoformat())
        sheets[0].append([make_cell(sheets[0], none, NOTE)])
    for ws, stream in zip(sheets, streams, strict=True):
        set_filter(ws, len(columns), stream.next_row - 1)
    return streams


def _stream_rows(
    streams: list[RowStream],
    columns: list[Column],
    widths: list[float],
    rows: Iterable[FlaggedRow],
    total: int,
    progress: Progress,
) -> None:
    first_hit_column = len(columns) - len(HIT_COLUMNS)
    status_column = first_hit_column + STATUS_INDEX
    source_column = first_hit_column + SOURCE_INDEX
    looks = {status: _row_looks(columns, status, status_column) for status in STATUS_FILLS}
    linked = {
        status: [*row_looks[:source_column], _link_look(row_looks[source_column]),
                 *row_looks[source_column + 1 :]]
        for status, row_looks in looks.items()
    }  # fmt: skip
    progress.report(0, total, "Writing flagged rows")
    for index, row in enumerate(rows):
        if index % PROGRESS_EVERY == 0:
            check_cancelled(progress)
            progress.report(index, total, "Writing flagged rows")
        stream = streams[index // ROWS_PER_SHEET]
        height = _wrapped_height(columns, widths, [cell_text(v) for v in row.values])
        # Excel keeps at most 65,530 links a sheet; past them the address is plain text
        if is_web_link(row.link) and stream.links < MAX_LINKS:
            stream.append(
                row.values, linked[row.status], height=height, link=(source_column, row.link)
            )
        else:
            stream.append(row.values, looks[row.status], height=height)
    progress.report(total, total, "Writing flagged rows")


def _row_looks(columns: list[Column], status: Status, status_column: int) -> list[Look]:
    """Each cell's look in a row of ``status``: the status tint everywhere, the column's
    wrapping and number format, the status font in the Status column."""
    fill = STATUS_FILLS[status]
    looks = [_column_look(column).but(fill=fill) for column in columns]
    looks[status_column] = looks[status_column].but(font=STATUS_FONTS[status])
    return looks


def _link_look(look: Look) -> Look:
    return look.but(named_style=LINK.named_style, font=LINK.font)


def _wrapped_height(columns: list[Column], widths: list[float], texts: list[str]) -> float | None:
    """The height a row needs for its wrapped cells; None when one line is enough."""
    wrapped = [(text, width) for column, width, text in zip(columns, widths, texts, strict=True)
               if column.wrap]  # fmt: skip
    lines = max((wrapped_lines(text, width) for text, width in wrapped), default=1)
    if lines <= 1:
        return None
    return row_height(lines, wide=any(has_wide(text) for text, _ in wrapped))


def _column_look(column: Column) -> Look:
    return Look(
        alignment=WRAP_ALIGNMENT if column.wrap else TOP_ALIGNMENT,
        border=CELL_BORDER,
        number_format=column.number_format,
    )
