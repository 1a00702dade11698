"""How the report looks: sheet names, the screening columns, widths, fills, fonts, printing.

Every visual choice of the Excel report lives here, so the sheet writers only say *what* goes
in a cell and name the look it should have.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from core.lists.model import SEVERITY_ORDER, Status
from core.report.measure import PADDING, text_units, widest_line

FLAGGED = "Flagged"
"""The hits; past the rows one sheet holds they continue on "Flagged (2)", ... (``flagged``)."""
MAX_SHEET_ROWS = 1_048_576
"""Rows an Excel sheet can hold, the header included."""
SUMMARY = "Summary"
AUDIT = "Audit"
ALL_ROWS = "All rows"
ITEMS = "Items"

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
SCORE_FORMAT = "0.0"
COUNT_FORMAT = "#,##0"

LINE_HEIGHT = 15.0
"""Points per line of 11-point text; explicit row heights make wrapped rows look the same in
Excel and LibreOffice (neither reliably grows rows of a file it did not write)."""
WIDE_LINE_HEIGHT = 17.5
"""Points per line of Chinese text: CJK fonts have taller lines."""
MAX_LINES = 8
"""A wrapped cell taller than this is cut off on screen; the full text is still in the cell."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column the report adds to the supplier's own columns."""

    header: str
    cap: float = 40.0
    """The widest the column gets, in Excel character units."""
    wrap: bool = False
    number_format: str | None = None
    bold: bool = False


SHEET_COLUMN = Column("Sheet", cap=24)
ROW_COLUMN = Column("Row", cap=8, number_format="0")
LOCATION_COLUMNS = (SHEET_COLUMN, ROW_COLUMN)
"""Where the row is in the supplier file; always the first two columns of row sheets."""

HIT_COLUMNS = (
    Column("Status", cap=12, bold=True),
    Column("Basis", cap=10),
    Column("List", cap=23),
    Column("Matched entity", cap=28, wrap=True),
    Column("Chinese name", cap=20, wrap=True),
    Column("Matched name", cap=26, wrap=True),
    Column("Score", cap=7, number_format=SCORE_FORMAT),
    Column("Reasons", cap=34, wrap=True),
    Column("Since", cap=11, number_format=DATE_FORMAT),
    Column("Until", cap=11, number_format=DATE_FORMAT),
    Column("Announcement", cap=28, wrap=True),
    Column("Source", cap=28),
    Column("Decision", cap=14),
    Column("Note", cap=36, wrap=True),
)
"""The screening columns of the Flagged sheet, after the supplier's columns, in order."""

RESULT_COLUMNS = (
    Column("Result", cap=12, bold=True),
    Column("Matched entities", cap=40, wrap=False),
    Column("Lists", cap=48, wrap=False),
)
"""The screening columns of the All rows sheet."""

SOURCE_CAP = 28.0
"""The widest a supplier column gets; longer values are still there in full."""
MIN_WIDTH = 6.0
WIDTH_SAMPLE = 2000
"""Rows looked at to size the columns of a long sheet; more would only slow the export."""

STATUS_ORDER = SEVERITY_ORDER
"""The Summary sheet's status columns: the order of severity."""

FONT_NAME = "Calibri"
FONT_SIZE = 11
BOLD_FACTOR = 1.15
"""Bold text is about this much wider than regular text."""


def _font(*, size: float = FONT_SIZE, **attributes: Any) -> Font:
    """Every font names the workbook's font: a font without a name falls back to the
    application's default (a serif face in LibreOffice), which looks out of place."""
    return Font(name=FONT_NAME, size=size, **attributes)


_THIN = Side(style="thin", color="BFBFBF")
_BLACK = "000000"

STATUS_FILLS: dict[Status, PatternFill] = {
    Status.ACTIVE: PatternFill("solid", fgColor="F8D7DA"),
    Status.SUSPENDED: PatternFill("solid", fgColor="FFE8B0"),
    Status.PENDING: PatternFill("solid", fgColor="D6E6F7"),
    Status.REMOVED: PatternFill("solid", fgColor="E6E6E6"),
}
"""Light tints: readable on screen and in black-and-white print."""

STATUS_FONTS: dict[Status, Font] = {
    Status.ACTIVE: _font(bold=True, color="9C0006"),
    Status.SUSPENDED: _font(bold=True, color="7A4F00"),
    Status.PENDING: _font(bold=True, color="1F4E79"),
    Status.REMOVED: _font(bold=True, color="4D4D4D"),
}

SOURCE_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
"""Header of the supplier's own columns."""
SCREENING_HEADER_FILL = PatternFill("solid", fgColor="B7CCE4")
"""Header of the columns the screening added, so the two kinds are told apart at a glance."""
HEADER_FONT = _font(bold=True, color=_BLACK)
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
NUMBER_HEADER_ALIGNMENT = Alignment(vertical="center", horizontal="right", wrap_text=True)
HEADER_BORDER = Border(
    left=_THIN, right=_THIN, top=_THIN, bottom=Side(style="medium", color="595959")
)

CELL_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
"""A light grid: columns stay apart in print, where the sheet's gridlines do not show."""
TOP_ALIGNMENT = Alignment(vertical="top")
WRAP_ALIGNMENT = Alignment(vertical="top", wrap_text=True)

TITLE_FONT = _font(bold=True, size=14)
SECTION_FONT = _font(bold=True, size=12)
LABEL_FONT = _font(bold=True)
NOTE_FONT = _font(italic=True, color="595959")
WARNING_FILL = PatternFill("solid", fgColor="FFE8B0")
WARNING_FONT = _font(bold=True, color="9C0006")
CURRENT_FONT = _font(color="375623")
TOTAL_FONT = _font(bold=True)

HYPERLINK_STYLE = "Hyperlink"
LINK_FONT = _font(color="0563C1", underline="single")
"""Set explicitly: openpyxl's built-in Hyperlink style has a 12-point font and no underline."""


@dataclass(frozen=True, slots=True)
class Look:
    """The formatting of one cell; ``None`` leaves the workbook default."""

    font: Font | None = None
    fill: PatternFill | None = None
    alignment: Alignment | None = None
    border: Border | None = None
    number_format: str | None = None
    named_style: str | None = None
    """A built-in style applied first (e.g. "Hyperlink"); the other fields override it."""

    def but(self, **changes: Any) -> Look:
        return replace(self, **changes)


PLAIN = Look()
HEADER = Look(font=HEADER_FONT, alignment=HEADER_ALIGNMENT, border=HEADER_BORDER)
TITLE = Look(font=TITLE_FONT)
SECTION = Look(font=SECTION_FONT)
LABEL = Look(font=LABEL_FONT, alignment=TOP_ALIGNMENT)
VALUE_LINE_ALIGNMENT = Alignment(vertical="top", horizontal="left")
VALUE = Look(alignment=Alignment(vertical="top", horizontal="left", wrap_text=True))
"""A value beside its label: left-aligned (numbers and dates too) and wrapped."""
NOTE = Look(font=NOTE_FONT)
WARNING = VALUE.but(font=WARNING_FONT, fill=WARNING_FILL)
CURRENT = VALUE.but(font=CURRENT_FONT)
LINK = Look(named_style=HYPERLINK_STYLE, font=LINK_FONT)
TOTAL = Look(font=TOTAL_FONT, border=Border(top=Side(style="thin", color=_BLACK)))


def column_width(header: str, texts: Iterable[str], cap: float, *, bold: bool = False) -> float:
    """A width that shows typical content on one line, never more than ``cap``; the header
    may wrap onto two lines but its longest word fits."""
    return _width(header, max((widest_line(t) for t in texts), default=0.0), cap, bold=bold)


def column_width_of(column: Column, widest: float) -> float:
    """``column_width`` of ``column`` from the widest line of its texts (``widest_line``),
    measured as the rows went by."""
    return _width(column.header, widest, column.cap, bold=column.bold)


def _width(header: str, widest: float, cap: float, *, bold: bool) -> float:
    if bold:
        widest *= BOLD_FACTOR
    header_units = text_units(header) * BOLD_FACTOR
    longest_word = max((text_units(w) for w in header.split()), default=0.0) * BOLD_FACTOR
    header_width = max(longest_word, header_units / 2) + PADDING + 0.5
    wanted = max(widest + PADDING + 0.5, header_width, MIN_WIDTH)
    return round(min(wanted, cap), 1)


def row_height(lines: int, *, wide: bool = False) -> float:
    """The height of a row whose tallest cell has ``lines`` lines (Chinese text: ``wide``)."""
    per_line = WIDE_LINE_HEIGHT if wide else LINE_HEIGHT
    return per_line * min(max(lines, 1), MAX_LINES) + 2


def setup_print(ws: Any, *, title_rows: str | None) -> None:
    """Landscape, all columns on one page width, the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = "&A - page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows
