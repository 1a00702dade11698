"""The work the windows start in the background: plain functions over core services and plain
data (never widgets), each taking the task's ``progress`` as its last argument."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import UsageError
from core.lists.catalog import ImportResult
from core.lists.snapshot import ListSnapshot
from core.progress import Progress
from core.report import write_report
from core.review import RunSummary
from core.screening.result import ListingHit, ScreeningResult
from core.spreadsheets import SupplierTable, list_sheets, read_all_sheets, read_supplier_file
from gui.screen_options import ScreenOptions
from gui.services import AppServices

ALL_SHEETS = "\x00all"


@dataclass(frozen=True)
class ReadFile:
    path: Path
    sheets: list[str]
    tables: list[SupplierTable]
    chosen: str
    """The sheet read, or ``ALL_SHEETS``; "" for a text file."""
    header_row: int | None = None
    """The header row chosen by hand; None: found automatically."""


def read_file(
    path: Path, sheet: str | None, progress: Progress, *, header_row: int | None = None
) -> ReadFile:
    """Read a supplier file: the sheet named, all sheets, or (``None``) the one detected;
    ``header_row`` (as numbered in the file) instead of the header row found."""
    sheets = list_sheets(path)
    if sheet == ALL_SHEETS:
        tables = read_all_sheets(path, header_row=header_row, progress=progress)
        return ReadFile(path, sheets, tables, ALL_SHEETS, header_row)
    table = read_supplier_file(path, sheet=sheet or None, header_row=header_row, progress=progress)
    return ReadFile(path, sheets, [table], table.sheet or "", header_row)


def prepare_matching(services: AppServices, rows: int, progress: Progress) -> None:
    """A file of ``rows`` rows was read: a large one gets its matching processes started
    while the user checks the columns (about 0.7 s less when Screen is pressed)."""
    services.screening().expect_rows(rows)


@dataclass(frozen=True)
class Screened:
    result: ScreeningResult
    snapshot: ListSnapshot


def screen(
    services: AppServices,
    path: Path,
    tables: list[SupplierTable],
    options: ScreenOptions,
    progress: Progress,
) -> Screened:
    """Screen the tables as the user adjusted them; the run is stored. Every row is kept in
    the result (references to the rows already read), so its report can have an "All rows"
    sheet."""
    if options.list_ids is not None and not options.list_ids:
        raise UsageError("Choose at least one list to screen against.")
    service = services.screening()
    result = service.run_tables(
        tables,
        as_of=options.as_of,
        input_path=path,
        list_ids=options.list_ids,
        threshold=options.threshold,
        keep_all_rows=True,
        progress=progress,
    )
    return Screened(result, service.snapshot())


def load_run(services: AppServices, run_id: int, progress: Progress) -> Screened:
    progress.report(0, 1, "Loading the screening")
    result = services.runs().load(run_id)
    return Screened(result, services.snapshot())


def list_runs(services: AppServices, progress: Progress) -> list[RunSummary]:
    return services.runs().list_runs()


def decide(
    services: AppServices,
    hit: ListingHit,
    run_id: int,
    decision: str,
    note: str,
    progress: Progress,
) -> list[ListingHit]:
    return services.decisions().decide(
        run_id,
        hit.row,
        hit.entity_id,
        decision,
        note,
        by=services.reviewer,
        sheet=hit.sheet,
        snapshot=services.snapshot(),
    )


def export(
    result: ScreeningResult, path: Path, progress: Progress, *, all_rows: bool = False
) -> Path:
    """The Excel report; ``all_rows`` adds the "All rows" sheet (every row screened)."""
    return write_report(result, path, all_rows=all_rows, progress=progress)


def export_run(services: AppServices, run_id: int, path: Path, progress: Progress) -> Path:
    return write_report(services.runs().load(run_id), path, progress=progress)


def import_pack(services: AppServices, path: Path, progress: Progress) -> ImportResult:
    result = services.catalog().import_pack(path, progress=progress, actor=services.reviewer)
    services.lists_changed()
    services.snapshot()  # read the new list data here, not in the GUI thread
    return result


def load_snapshot(services: AppServices, progress: Progress) -> ListSnapshot:
    return services.snapshot()


def connect(url: str, reviewer: str, progress: Progress) -> AppServices:
    progress.report(0, 1, "Opening the database")
    services = AppServices(url, reviewer)
    services.snapshot()
    return services
