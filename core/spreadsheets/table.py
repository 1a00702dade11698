"""Plain data for a supplier file once read: headers, rows with their true row numbers, roles.

Nothing here reads files or guesses anything; ``reader`` builds these objects and
``columns`` decides the roles.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

CellValue = str | int | float | bool | datetime.date | datetime.datetime | None
"""A cell as the file holds it. Formulas give their cached values; empty cells are ``None``."""

ROLE_NAMES = (
    "name", "name_alt", "country", "address", "identifier", "hs_code", "description",
)  # fmt: skip
"""The roles a column can play, in the order ``ColumnRoles`` declares them."""


@dataclass(frozen=True, slots=True)
class ColumnRoles:
    """0-based column indexes into ``SupplierTable.headers``; ``None`` means not found."""

    name: int | None
    name_alt: int | None = None
    """A second name column, e.g. a separate Chinese-name column."""
    country: int | None = None
    address: int | None = None
    identifier: int | None = None
    """Tax id, USCC 统一社会信用代码, DUNS, LEI, registration number."""
    hs_code: int | None = None
    """The goods' HS / tariff code (a purchase file): screened against controlled items."""
    description: int | None = None
    """A goods description (品名): searched for the names of controlled items."""

    def get(self, role: str) -> int | None:
        """The column of ``role`` (one of ``ROLE_NAMES``)."""
        if role not in ROLE_NAMES:
            raise ValueError(f"unknown column role {role!r}")
        value: int | None = getattr(self, role)
        return value


@dataclass(frozen=True, slots=True)
class SupplierRow:
    """One non-blank data row."""

    row_number: int
    """The 1-based row number the user sees in the spreadsheet (for CSV: the line the record
    starts on)."""
    values: tuple[CellValue, ...]
    """Original cell values, one per header (shorter rows are padded with ``None``)."""


ROWS_ABOVE_KEPT = 10


@dataclass(frozen=True)
class SupplierTable:
    """One sheet (or one CSV file) of suppliers, ready for screening."""

    path: str
    sheet: str | None
    """The sheet name; ``None`` for CSV and other delimited text."""
    header_row: int
    """1-based row (CSV: line) number of the header row."""
    headers: tuple[str, ...]
    """Header texts, stripped; ``""`` for a column without a header."""
    rows: tuple[SupplierRow, ...]
    """Data rows below the header, blank rows left out, in file order."""
    roles: ColumnRoles
    encoding: str | None = None
    """The text encoding detected (CSV only), as a Python codec name."""
    delimiter: str | None = None
    """The field delimiter detected (CSV only)."""
    guessed: frozenset[str] = field(default_factory=frozenset)
    """Roles chosen from the cell contents because no header matched; the user should check
    these."""
    above: tuple[SupplierRow, ...] = ()
    """The non-blank rows just above the header row (titles, notes), at most
    ``ROWS_ABOVE_KEPT``, in file order: shown so a user can tell the header row was found
    right, or pick another."""

    def text(self, row: SupplierRow, column: int | None) -> str:
        """The cell of ``row`` in ``column`` as display text; ``""`` if empty or out of range."""
        if column is None or column < 0 or column >= len(row.values):
            return ""
        return cell_text(row.values[column])

    def column_label(self, column: int) -> str:
        """The header of ``column``, or "Column C" when the header cell is empty."""
        return header_label(self.headers[column] if 0 <= column < len(self.headers) else "", column)


def cell_text(value: CellValue) -> str:
    """Display text of one cell value.

    ``None`` gives ``""``; whole numbers have no ``.0``; other floats use up to 15
    significant digits (what Excel shows); dates are ISO ``YYYY-MM-DD``; date-times are
    ``YYYY-MM-DD HH:MM:SS`` (date only at midnight); booleans are ``TRUE``/``FALSE``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


def column_letter(column: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> "A", 26 -> "AA"."""
    if column < 0:
        raise ValueError(f"column index must not be negative: {column}")
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


UNTITLED_COLUMN = "Column {letter}"
"""The label of a column whose header cell is empty; ``{letter}`` is its spreadsheet letter."""


def header_label(header: str, column: int, template: str = UNTITLED_COLUMN) -> str:
    """``header`` as shown to a user, or "Column C" (``template`` with the column's letter) for
    a column whose header is empty or only spaces. The one rule for header-less columns: the
    preview, the column choices, the report and the details pane label them alike. A GUI
    passes its translated ``template``."""
    return header.strip() or template.format(letter=column_letter(column))


def column_index(letters: str) -> int:
    """The 0-based index of a spreadsheet column letter (case-insensitive): "B" -> 1."""
    if not letters or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"not a column letter: {letters!r}")
    number = 0
    for char in letters.upper():
        number = number * 26 + (ord(char) - ord("A") + 1)
    return number - 1
