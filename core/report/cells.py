"""Safe cell values: what goes into a report cell is shown exactly and never runs.

openpyxl turns any string starting with "=" into a formula and "#N/A"-like strings into error
values; Excel itself treats "+", "-" and "@" as the start of a formula when a cell is edited.
Supplier files and list data are untrusted, so such text is written as a text cell with the
quote-prefix flag (Excel's "this is text" mark, not an apostrophe in the value). Values Excel
cannot hold (control characters, NaN, dates before 1900, time zones) are made displayable.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from openpyxl.cell import WriteOnlyCell

from core.report.layout import DATE_FORMAT, DATETIME_FORMAT, PLAIN, Look
from core.spreadsheets.table import CellValue

FORMULA_STARTS = frozenset("=+-@\t\r")
"""First characters that make Excel (or a CSV re-import) read text as a formula."""
ERROR_TEXTS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})
MAX_TEXT = 32767
"""Excel's limit on the characters in one cell."""
EXACT_INTEGER_LIMIT = 10**15
"""Excel keeps 15 significant digits; longer whole numbers (IDs) are written as text."""

_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"
_TRUNCATED = " [...]"


def needs_text_cell(text: str) -> bool:
    """True when ``text`` would be read as a formula or an error value if not forced to text."""
    return text[:1] in FORMULA_STARTS or text in ERROR_TEXTS


def clean_text(text: str) -> str:
    """``text`` with characters XML cannot carry replaced by U+FFFD, cut to Excel's limit."""
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub(_REPLACEMENT, text)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - len(_TRUNCATED)] + _TRUNCATED
    return text


def to_naive_utc(moment: dt.datetime) -> dt.datetime:
    """Excel has no time zones: aware times are converted to UTC (the report says so)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def excel_value(value: CellValue) -> tuple[CellValue, str | None, bool]:
    """(value to store, number format or None, must be a text cell) for one value."""
    if value is None or isinstance(value, bool):
        return value, None, False
    if isinstance(value, int):
        if abs(value) >= EXACT_INTEGER_LIMIT:
            return str(value), None, True
        return value, None, False
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value), None, True
        return value, None, False
    if isinstance(value, dt.datetime):
        moment = to_naive_utc(value)
        if moment.year < 1900:
            return moment.isoformat(sep=" "), None, True
        midnight = moment.time() == dt.time(0)
        return moment, DATE_FORMAT if midnight else DATETIME_FORMAT, False
    if isinstance(value, dt.date):
        if value.year < 1900:
            return value.isoformat(), None, True
        return value, DATE_FORMAT, False
    text = clean_text(value)
    return text, None, needs_text_cell(text)


def make_cell(ws: Any, value: CellValue, look: Look = PLAIN, *, link: str = "") -> Any:
    """A write-only cell holding ``value`` safely, formatted with ``look``.

    ``link`` becomes a real hyperlink when it is an http(s) address; anything else (a
    ``file:`` or ``javascript:`` target from imported list data) stays plain text.
    """
    stored, number_format, as_text = excel_value(value)
    cell = WriteOnlyCell(ws, value=stored)
    if look.named_style:
        cell.style = look.named_style  # first: a named style replaces the cell's format
    if as_text:
        cell.data_type = "s"
        cell.quotePrefix = True
    if look.font is not None:
        cell.font = look.font
    if look.fill is not None:
        cell.fill = look.fill
    if look.alignment is not None:
        cell.alignment = look.alignment
    if look.border is not None:
        cell.border = look.border
    if look.number_format is not None and not as_text:
        cell.number_format = look.number_format
    elif number_format is not None:
        cell.number_format = number_format
    if link and is_web_link(link):
        cell.hyperlink = link
    return cell


def is_web_link(target: str) -> bool:
    lowered = target.strip().lower()
    return (
        lowered.startswith(("http://", "https://"))
        and len(target) <= 2000
        and not _UNWRITABLE.search(target)
        and not any(c.isspace() for c in target)
    )
