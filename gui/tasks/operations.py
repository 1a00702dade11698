"""The work the windows start in the background: plain functions over core services and plain
data (never widgets), each taking the task's ``progress`` as its last argument."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import Cancelled, UsageError
from core.lists.catalog import ImportResult
from core.lists.snapshot import ListSnapshot
from core.lists.sources.own_list import OwnListOptions
from core.lists.sources.reading import FileReading, import_reading, read_for_import
from core.progress import Progress
from core.report import write_report
from core.report.pdf_summary import write_pdf_summary
from core.report.target import PDF_SUFFIX
from core.report.words import ReportText, list_titles
from core.review import RunSummary
from core.screening import ScreeningRequest
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from core.services.changes import ChangeService, RunChanges
from core.spreadsheets import SheetChoice, SupplierTable, list_sheets, read_tables
from gui.tasks.screen_options import ScreenOptions
from gui.tasks.services import AppServices


@dataclass(frozen=True)
class ReadFile:
    path: Path
    sheets: list[str]
    tables: list[SupplierTable]
    asked: SheetChoice
    """The sheet choice the file was read with (stored with the run as the user's choice)."""
    header_row: int | None = None
    """The header row chosen by hand; None: found automatically."""
    encoding: str | None = None
    """The text encoding chosen by hand (CSV/TXT); None: detected."""

    @property
    def chosen(self) -> SheetChoice:
        """What is shown: the sheet read (the one detected, when none was asked for), all
        sheets, or for a text file the one table (``SheetChoice()``)."""
        if self.asked.all_sheets or len(self.tables) != 1 or self.tables[0].sheet is None:
            return self.asked
        return SheetChoice.named(self.tables[0].sheet)


def read_file(
    path: Path,
    sheet: SheetChoice,
    progress: Progress,
    *,
    header_row: int | None = None,
    encoding: str | None = None,
) -> ReadFile:
    """Read a supplier file: the sheet named, all sheets, or the one detected;
    ``header_row`` (as numbered in the file) instead of the header row found; a text file
    in ``encoding`` instead of the one detected."""
    sheets = list_sheets(path)
    tables = read_tables(path, sheet, header_row=header_row, encoding=encoding, progress=progress)
    return ReadFile(path, sheets, tables, sheet, header_row, encoding)


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
    read: ReadFile,
    tables: list[SupplierTable],
    options: ScreenOptions,
    progress: Progress,
) -> Screened:
    """Screen the tables of ``read`` as the user adjusted them (``tables``: their columns
    chosen); the run is stored. Every row is kept in the result (references to the rows
    already read), so its report can have an "All rows" sheet."""
    if options.list_ids is not None and not options.list_ids:
        raise UsageError("Choose at least one list to screen against.")
    request = screening_request(read, tables, options)
    service = services.screening()
    result = service.run(request, progress)
    return Screened(result, service.snapshot())


def screening_request(
    read: ReadFile, tables: list[SupplierTable], options: ScreenOptions
) -> ScreeningRequest:
    """The request the window's choices make, as the command line would make it: the file
    was read with ``read.asked`` and ``read.header_row``; a name or country column changed
    on the column check is named by its header."""
    return ScreeningRequest(
        read.path,
        options.as_of,
        sheets=read.asked,
        name_column=_column_chosen(read.tables, tables, "name"),
        country_column=_column_chosen(read.tables, tables, "country"),
        hs_column=_column_chosen(read.tables, tables, "hs_code"),
        header_row=read.header_row,
        encoding=read.encoding,
        list_ids=tuple(options.list_ids) if options.list_ids else None,
        threshold=options.threshold,
        known_on=options.known_on,
        keep_all_rows=True,
        tables=tuple(tables),
    )


def _column_chosen(
    read: list[SupplierTable], adjusted: list[SupplierTable], role: str
) -> str | None:
    """The header of the ``role`` column the user chose instead of the one detected (the
    headers, "; "-separated, if they chose differently per sheet); None if left as read."""
    labels: dict[str, None] = {}
    for before, after in zip(read, adjusted, strict=False):
        column = after.roles.get(role)
        if column != before.roles.get(role):
            labels[after.column_label(column) if column is not None else ""] = None
    return "; ".join(labels) if labels else None


def load_run(services: AppServices, run_id: int, progress: Progress) -> Screened:
    progress.report(0, 1, "Loading the screening")
    result = services.runs().load(run_id)
    return Screened(result, _run_snapshot(services, result))


def _run_snapshot(services: AppServices, result: ScreeningResult) -> ListSnapshot:
    """The list data the run was screened with (its releases, if still stored), so that a
    reopened run is shown as it was, whatever was imported since."""
    stored = {r.release_id for r in services.catalog().releases()}
    used = [r.release_id for r in result.releases]
    if used and all(rid in stored for rid in used):
        return services.catalog().snapshot(used)
    return services.snapshot()


def list_runs(services: AppServices, progress: Progress) -> list[RunSummary]:
    return services.runs().list_runs()


def decide(
    services: AppServices,
    hit: ListingHit,
    run_id: int,
    decision: Decision,
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
    services: AppServices,
    result: ScreeningResult,
    path: Path,
    progress: Progress,
    *,
    all_rows: bool = False,
    language: str = "en",
) -> Path:
    """The one-page PDF summary for a .pdf path, else the Excel report (``all_rows`` adds the
    "All rows" sheet); in ``language`` (the window's), the lists named by their titles."""
    text = ReportText(language, list_titles(services.snapshot().lists))
    head = services.audit().head()  # the report records the trail's head when it was made
    if path.suffix.lower() == PDF_SUFFIX:
        progress.report(0, 1, "Writing the summary")
        return write_pdf_summary(result, path, text, head)
    return write_report(
        result, path, all_rows=all_rows, progress=progress, text=text, audit_head=head
    )


def export_run(
    services: AppServices, run_id: int, path: Path, progress: Progress, *, language: str = "en"
) -> Path:
    result = services.runs().load(run_id)
    return export(services, result, path, progress, language=language)


def import_pack(services: AppServices, path: Path, progress: Progress) -> ImportResult:
    result = services.catalog().import_pack(path, progress=progress, actor=services.reviewer)
    services.lists_changed()
    services.snapshot()  # read the new list data here, not in the GUI thread
    prepare_index(services, progress)
    return result


def check_changes(services: AppServices, progress: Progress) -> list[RunChanges]:
    """After a list import: every earlier run checked against the new data; the monitored
    ones are recorded in the audit trail."""
    service = ChangeService(services.screening())
    found = service.changes(progress=progress)
    service.record_monitored(found, services.reviewer)
    return found


def set_monitored(services: AppServices, run_id: int, on: bool, progress: Progress) -> int:
    services.runs().set_monitored(run_id, on, services.reviewer)
    return run_id


def rescreen(services: AppServices, run_id: int, progress: Progress) -> Screened:
    """A new run from the kept names of ``run_id``, with the newest list data."""
    service = services.screening()
    result = ChangeService(service).rescreen(run_id, progress=progress)
    return Screened(result, service.snapshot())


def read_list_file(
    services: AppServices,
    path: Path,
    fmt: str | None,
    own: OwnListOptions | None,
    progress: Progress,
) -> FileReading:
    """A list file or pack read and checked for the import dialog; nothing stored yet."""
    return read_for_import(path, fmt, own=own, progress=progress)


def import_list_file(
    services: AppServices, reading: FileReading, allow_unsigned: bool, progress: Progress
) -> ImportResult:
    result = import_reading(
        services.catalog(),
        reading,
        allow_unsigned=allow_unsigned,
        progress=progress,
        actor=services.reviewer,
    )
    services.lists_changed()
    services.snapshot()  # read the new list data here, not in the GUI thread
    prepare_index(services, progress)
    return result


def prepare_index(services: AppServices, progress: Progress) -> int:
    """After a list import: the name index of the new list data built and saved (with
    progress), so that the next screening only loads it. The import is stored already:
    a cancel here only leaves the index to the next screening (0 names)."""
    try:
        return services.screening().prepare_index(progress)
    except Cancelled:
        return 0


def load_snapshot(services: AppServices, progress: Progress) -> ListSnapshot:
    return services.snapshot()


def connect(url: str, reviewer: str, progress: Progress) -> AppServices:
    progress.report(0, 1, "Opening the database")
    services = AppServices(url, reviewer)
    services.snapshot()
    return services
