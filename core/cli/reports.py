"""The reports a command writes: the Excel report or the one-page PDF summary of a run, in the
language asked for (``--language``, else the configured one, else English), naming the lists
by their titles."""

from __future__ import annotations

from pathlib import Path

from core.cli.common import CommandContext
from core.config import LANGUAGES
from core.errors import UsageError
from core.report.pdf_summary import write_pdf_summary
from core.report.target import PDF_SUFFIX, SUFFIX
from core.report.words import ReportText, list_titles
from core.review import AuditLog
from core.screening.result import ScreeningResult
from core.store.audit import AuditHead


def language_argument(parser: object) -> None:
    parser.add_argument(  # type: ignore[attr-defined]
        "--language", choices=LANGUAGES,
        help="language of the report (default: the configured language, else English)",
    )  # fmt: skip


def report_text(context: CommandContext, language: str | None) -> ReportText:
    chosen = language or context.prefs.language or "en"
    return ReportText(chosen, list_titles(context.catalog.snapshot().lists))


def audit_head(context: CommandContext) -> AuditHead | None:
    """The trail's newest record now, as a report records it."""
    return AuditLog(context.db).head()


def check_report_name(path: Path, shown: str | None = None) -> None:
    """An .xlsx or a .pdf name, else a usage error naming both."""
    if path.suffix.lower() not in (PDF_SUFFIX, SUFFIX):
        where = shown if shown is not None else str(path)
        raise UsageError(f"{where}: name the report .xlsx (Excel) or .pdf (one-page summary)")


def write_run_report(
    result: ScreeningResult, path: Path, context: CommandContext, language: str | None,
    *, all_rows: bool = False,
) -> None:  # fmt: skip
    """The PDF summary for a .pdf name, else the Excel report."""
    text = report_text(context, language)
    head = audit_head(context)
    if path.suffix.lower() == PDF_SUFFIX:
        write_pdf_summary(result, path, text, head)
        return
    from core.report import write_report  # openpyxl only when a workbook is asked for

    write_report(result, path, all_rows=all_rows, text=text, audit_head=head)
