"""The Audit sheet: enough to show later what was screened, against which list data, by
whom, when, and who decided what."""

from __future__ import annotations

from typing import Any

from core.report.blocks import HASH_WIDTH, BlockSheet
from core.report.cells import to_naive_utc
from core.report.flagged import decision_label, sheet_label
from core.report.layout import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    NOTE,
    PLAIN,
    SCORE_FORMAT,
    TOP_ALIGNMENT,
    VALUE,
    WRAP_ALIGNMENT,
)
from core.report.words import ENGLISH, ReportText
from core.screening.result import ListingHit, ScreenedSheet, ScreeningResult
from core.spreadsheets.table import CellValue
from core.store.audit import AuditHead

RELEASE_HEADERS = ("Publisher", "Version", "Data cut-off", "Imported (UTC)", "Lists", "SHA-256")
DECISION_HEADERS = ("Sheet", "Row", "Supplier name", "Entity", "Decision", "Note", "By",
                    "At (UTC)")  # fmt: skip
"""Note is the sixth column, as SHA-256 is in the releases table: both want a wide column."""
HASH_COLUMN = RELEASE_HEADERS.index("SHA-256")


def sheet_setup(result: ScreeningResult, sheet: ScreenedSheet) -> str:
    """ "Vendors: header row 3, name column "Vendor Name", 60 rows"."""

    def header(index: int | None) -> str:
        if index is None:
            return "none"
        return f'"{sheet.headers[index]}"' if index < len(sheet.headers) else f"#{index + 1}"

    text = (
        f"{sheet_label(result, sheet.sheet)}: header row {sheet.header_row}, name column "
        f"{header(sheet.name_column)}, country column {header(sheet.country_column)}, "
        f"{sheet.rows_screened:,} rows"
    )
    if sheet.guessed:
        text += f" (guessed from the contents: {', '.join(sheet.guessed)})"
    return text


def decided_hits(result: ScreeningResult) -> list[ListingHit]:
    """One hit per decision: a decision is about a row and an entity on all its lists."""
    seen: dict[tuple[str | None, int, str], ListingHit] = {}
    for hit in result.hits:
        if hit.decision and hit.key not in seen:
            seen[hit.key] = hit
    return list(seen.values())


def decision_row(result: ScreeningResult, hit: ListingHit) -> list[CellValue]:
    at = to_naive_utc(hit.decided_at) if hit.decided_at else None
    return [
        sheet_label(result, hit.sheet),
        hit.row,
        hit.supplier_name,
        hit.entity_name or hit.entity_name_zh,
        decision_label(hit),
        hit.decision_note,
        hit.decided_by,
        at,
    ]


def head_value(text: ReportText, head: AuditHead | None) -> str:
    """ "record 17, 17:f5a0..." (the ``N:HASH`` that ``audit verify --head`` takes)."""
    if head is None:
        return text.word("audit_none")
    return text.word("audit_head_value", seq=head.seq, head=str(head))


def audit_blocks(
    result: ScreeningResult, text: ReportText = ENGLISH, head: AuditHead | None = None
) -> BlockSheet:
    sheet = BlockSheet()
    sheet.title("Audit trail")
    sheet.blank()
    sheet.pair("Run id", result.run_id if result.run_id is not None else "not stored")
    sheet.pair("App version", f"TradeScreen {result.app_version}")
    sheet.pair("User", result.user)
    moment = VALUE.but(number_format=DATETIME_FORMAT)
    sheet.pair("Started (UTC)", to_naive_utc(result.started_at), moment)
    sheet.pair("Finished (UTC)", to_naive_utc(result.finished_at), moment)
    sheet.pair("As-of date", result.as_of, VALUE.but(number_format=DATE_FORMAT))
    if result.known_on is not None:
        sheet.pair(
            "Known on", result.known_on, VALUE.but(number_format=DATE_FORMAT)
        )  # the releases known on that day, not the newest
    else:
        sheet.pair("Known on", "the newest list releases")
    sheet.pair("Threshold", result.threshold, VALUE.but(number_format=SCORE_FORMAT))
    sheet.pair("Input file", result.input_path)
    sheet.pair("Input SHA-256", result.input_sha256 or "not computed", wrap=False)
    for screened in result.sheets:
        sheet.pair("Sheet", sheet_setup(result, screened))
    sheet.pair("Lists screened", ", ".join(result.list_ids))
    # The head lets a reader of this report show later that no newer record was deleted.
    sheet.pair(text.word("audit_head"), head_value(text, head), wrap=False)
    sheet.blank()
    sheet.section("List releases")
    releases: list[list[CellValue]] = [
        [r.publisher, r.version, r.data_cutoff, to_naive_utc(r.imported_at),
         ", ".join(r.list_ids), r.checksum]
        for r in result.releases
    ]  # fmt: skip
    if releases:
        wrap = PLAIN.but(alignment=WRAP_ALIGNMENT)
        top = PLAIN.but(alignment=TOP_ALIGNMENT)
        sheet.table(
            RELEASE_HEADERS,
            releases,
            looks=[wrap, top, top.but(number_format=DATE_FORMAT),
                   top.but(number_format=DATETIME_FORMAT), wrap, top],
        )  # fmt: skip
        sheet.caps[HASH_COLUMN] = HASH_WIDTH
        for r in result.releases:
            # Where a release came from, and the data's licence: a condition of its use.
            sheet.pair(f"{r.publisher} {r.version}", r.provenance)
            if r.licence:
                sheet.pair("Licence", f"{r.licence}. Attribution: {r.attribution}")
    else:
        sheet.note("No list release is recorded for this screening.", NOTE)
    sheet.blank()
    sheet.section("Reviewer decisions")
    decided = decided_hits(result)
    if decided:
        count = "1 decision is" if len(decided) == 1 else f"{len(decided)} decisions are"
        sheet.note(f"{count} part of this report.", NOTE)
        top = PLAIN.but(alignment=TOP_ALIGNMENT)
        sheet.table(
            DECISION_HEADERS,
            [decision_row(result, hit) for hit in decided],
            looks=[top, top, top, top, top, PLAIN.but(alignment=WRAP_ALIGNMENT), top,
                   top.but(number_format=DATETIME_FORMAT)],
        )  # fmt: skip
    else:
        sheet.note("No reviewer decisions yet.", NOTE)
    return sheet


def write_audit(
    ws: Any, result: ScreeningResult, text: ReportText = ENGLISH, head: AuditHead | None = None
) -> None:
    audit_blocks(result, text, head).write(ws)
