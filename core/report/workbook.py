"""The report workbook: its sheets in order, its properties, and saving it.

The workbook is built in openpyxl's write-only mode: rows stream to disk as they are made, so
a report takes little memory whatever its size. Every sheet therefore gets its widths, frozen
panes and print setup before its first row. The data rows of the Flagged and All rows sheets
are written by ``row_stream`` and joined to openpyxl's output when the file is saved.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from core import __version__
from core.errors import UserFacingError
from core.progress import NullProgress, Progress, check_cancelled
from core.report.all_rows import write_all_rows
from core.report.audit_sheet import write_audit
from core.report.cells import to_naive_utc
from core.report.flagged import flagged_sheet_title, flagged_sheets, write_flagged
from core.report.items_sheet import has_items_sheet, write_items
from core.report.layout import ALL_ROWS, AUDIT, FLAGGED, ITEMS, MAX_SHEET_ROWS, SUMMARY
from core.report.row_stream import RowStream, save_with_streams
from core.report.source_columns import plan_source_columns
from core.report.summary import write_summary
from core.report.target import check_target, staged_file
from core.report.words import ENGLISH, ReportText
from core.screening.result import ScreeningResult
from core.store.audit import AuditHead

MAX_ROWS = MAX_SHEET_ROWS


def check_size(result: ScreeningResult, *, all_rows: bool) -> None:
    """Refuse a report Excel could not open, before any work. (The hits continue on more
    Flagged sheets; the All rows sheet has the rows of one supplier file, which fit a sheet
    unless the file was a text file longer than any sheet.)"""
    if not all_rows:
        return
    count = sum(len(kept) for kept in result.all_rows.values())
    if count + 1 > MAX_ROWS:
        raise UserFacingError(
            f"the {ALL_ROWS} sheet would need {count:,} rows, more than the {MAX_ROWS - 1:,} "
            "an Excel sheet holds; export without All rows"
        )


def build_workbook(
    result: ScreeningResult,
    *,
    all_rows: bool,
    progress: Progress,
    text: ReportText = ENGLISH,
    audit_head: AuditHead | None = None,
) -> tuple[Any, list[RowStream]]:
    """The report as a write-only workbook, and the rows streamed beside it; save both once
    with ``save_with_streams``."""
    workbook = Workbook(write_only=True)
    streams: list[RowStream] = []
    try:
        props = workbook.properties
        props.title = text.word(
            "workbook_title", input=result.input_name, as_of=result.as_of.isoformat()
        )
        props.subject = "Supplier screening against trade-restriction lists"
        props.creator = f"TradeScreen {__version__}"
        props.lastModifiedBy = props.creator
        props.created = to_naive_utc(result.finished_at)
        props.keywords = ", ".join(result.list_ids)
        source = plan_source_columns(result.sheets)
        flagged = [
            workbook.create_sheet(flagged_sheet_title(sheet_name(FLAGGED, text), part))
            for part in range(flagged_sheets(len(result.hits)))
        ]
        streams += write_flagged(flagged, result, source, progress, text)
        if has_items_sheet(result):
            write_items(workbook.create_sheet(sheet_name(ITEMS, text)), result)
        write_summary(workbook.create_sheet(sheet_name(SUMMARY, text)), result, text)
        write_audit(workbook.create_sheet(sheet_name(AUDIT, text)), result, text, audit_head)
        if all_rows:
            every = workbook.create_sheet(sheet_name(ALL_ROWS, text))
            streams.append(write_all_rows(every, result, source, progress))
    except BaseException:
        discard(workbook, streams)
        raise
    return workbook, streams


_SHEET_WORDS = {FLAGGED: "sheet_flagged", SUMMARY: "sheet_summary", AUDIT: "sheet_audit",
                ALL_ROWS: "sheet_all_rows", ITEMS: "sheet_items"}  # fmt: skip


def sheet_name(sheet: str, text: ReportText) -> str:
    """A sheet's name in the report's language (``layout``'s names are the English ones)."""
    return text.word(_SHEET_WORDS[sheet])


def discard(workbook: Any, streams: list[RowStream]) -> None:
    """Remove the temporary files a write-only workbook streamed its rows to."""
    for stream in streams:
        stream.close()
    for ws in workbook.worksheets:
        with contextlib.suppress(Exception):
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


def write_report(
    result: ScreeningResult,
    path: Path,
    *,
    all_rows: bool = False,
    progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    text: ReportText = ENGLISH,
    audit_head: AuditHead | None = None,
) -> Path:
    """Write the Excel report of ``result`` to ``path`` (an .xlsx file) and return ``path``;
    ``text``: its language and the lists' titles; ``audit_head``: the audit trail's newest
    record when the report is made, printed on the Audit sheet (``audit verify --head``).

    Sheets: Flagged, Summary, Audit and, with ``all_rows``, All rows (needs a result screened
    with every row kept). The file appears only when complete; an existing report is replaced
    then. Raises ``UserFacingError`` when the file cannot be written (folder missing, file
    open in Excel, read-only, disk full) and ``Cancelled`` when ``progress`` is cancelled.
    """
    path = Path(path)
    check_target(path)
    check_size(result, all_rows=all_rows)
    check_cancelled(progress)
    with staged_file(path) as temp:
        workbook, streams = build_workbook(
            result, all_rows=all_rows, progress=progress, text=text, audit_head=audit_head
        )
        try:
            progress.report(0, 1, "Saving report")
            check_cancelled(progress)
            save_with_streams(workbook, streams, temp)
        finally:
            discard(workbook, streams)
    progress.report(1, 1, "Saving report")
    return path
