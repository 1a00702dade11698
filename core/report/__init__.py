"""The Excel report of a screening: Flagged, Summary, Audit and optionally All rows sheets.

``layout`` owns how it looks, ``cells`` keeps every value safe (text that looks like a
formula stays text), one module per sheet says what goes in it, and ``workbook`` puts them
together and saves all or nothing.
"""

from core.report.layout import ALL_ROWS, AUDIT, FLAGGED, HIT_COLUMNS, SUMMARY
from core.report.workbook import write_report

SHEET_ORDER = (FLAGGED, SUMMARY, AUDIT, ALL_ROWS)
"""The sheets of a report, in order (All rows only when asked for)."""

__all__ = ["ALL_ROWS", "AUDIT", "FLAGGED", "HIT_COLUMNS", "SHEET_ORDER", "SUMMARY", "write_report"]
