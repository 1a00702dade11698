"""Workbooks through python-calamine: sheet names and the non-blank rows of one sheet.

Rows keep the row numbers Excel shows: calamine drops empty rows and columns above and left of
the data unless asked not to, so every sheet is read from A1. Every calamine failure becomes
an ``InputFileError``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from core.errors import InputFileError
from core.progress import Progress, check_cancelled
from core.spreadsheets.table import CellValue

NumberedRow = tuple[int, tuple[CellValue, ...]]
"""A 1-based row number and that row's values."""

CHUNK_ROWS = 10_000
"""Rows converted between progress reports and cancellation checks."""
_PLAIN = frozenset({str, int, float, bool, datetime.date, datetime.datetime})


@contextmanager
def open_workbook(path: Path) -> Iterator[CalamineWorkbook]:
    """The workbook at ``path``, closed afterwards; format judged by content, not extension.

    Raises ``InputFileError`` if it is password-protected or cannot be parsed.
    """
    try:
        with path.open("rb") as handle:
            workbook = CalamineWorkbook.from_filelike(handle)
    except PasswordError:
        raise InputFileError(
            str(path), "is password-protected; remove the password in Excel and save it again"
        ) from None
    except (CalamineError, ValueError, OSError) as err:
        raise InputFileError(str(path), f"is damaged or not a workbook ({_short(err)})") from None
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_names(workbook: CalamineWorkbook) -> list[str]:
    """All sheet names in workbook order, including hidden and chart sheets."""
    return list(workbook.sheet_names)


def automatic_sheets(workbook: CalamineWorkbook) -> list[str]:
    """The sheets considered when the user names none: visible worksheets, in order."""
    return [
        meta.name
        for meta in workbook.sheets_metadata
        if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible
    ]


def read_sheet_rows(
    workbook: CalamineWorkbook, path: Path, sheet: str, progress: Progress
) -> list[NumberedRow]:
    """The non-blank rows of ``sheet`` with their true 1-based row numbers.

    Empty cells become ``None``; formulas give their cached values; times and durations
    become text. A row is blank when every cell is empty or only spaces.
    """
    try:
        data = workbook.get_sheet_by_name(sheet)
        total = data.height + data.start[0] if data.start else 0
        # Row by row rather than ``to_python``: converting a whole sheet at once holds the
        # GIL for a quarter of a second per 100k rows and freezes the window meanwhile.
        # ``iter_rows`` starts at row 1 but at the first used column: pad on the left.
        pad = [""] * (data.start[1] if data.start else 0)
        label = f"Reading {path.name}, sheet {sheet}"
        rows: list[NumberedRow] = []
        for number, raw in enumerate(data.iter_rows(), start=1):
            if number % CHUNK_ROWS == 1:
                check_cancelled(progress)
                progress.report(number - 1, total, label)
            values = clean_row(pad + raw if pad else raw)
            if values is not None:
                rows.append((number, values))
    except PasswordError:
        raise InputFileError(str(path), "is password-protected", sheet=sheet) from None
    except (CalamineError, ValueError) as err:
        raise InputFileError(str(path), f"cannot be read ({_short(err)})", sheet=sheet) from None
    progress.report(total, total, label)
    return rows


def clean_row(raw: list[Any]) -> tuple[CellValue, ...] | None:
    """The row's values with ``""`` as ``None``, or ``None`` if the row is blank.

    Works on whole rows with C-level list operations: this runs once per row of every file.
    """
    if raw.count("") == len(raw):
        return None
    kinds = set(map(type, raw))
    if kinds == {str} and not "".join(raw).strip():
        return None
    if not kinds <= _PLAIN:
        raw = [_plain(value) for value in raw]
    return tuple([None if value == "" else value for value in raw])


def _plain(value: object) -> CellValue:
    """A cell value as one of the ``CellValue`` types (times and durations as text)."""
    if value is None or isinstance(value, str | int | float | datetime.date):
        return value
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value)


def _short(err: Exception) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."
