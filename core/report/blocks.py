"""A small builder for the Summary and Audit sheets: titles, label/value pairs and tables,
laid out top to bottom, measured, then written in one pass (a write-only sheet cannot go
back to widen a column)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.report.cells import make_cell
from core.report.layout import (
    BOLD_FACTOR,
    HEADER,
    LABEL,
    MIN_WIDTH,
    PLAIN,
    SECTION,
    SOURCE_HEADER_FILL,
    TITLE,
    VALUE,
    VALUE_LINE_ALIGNMENT,
    Look,
    row_height,
    setup_print,
)
from core.report.measure import PADDING, has_wide, widest_line, wrapped_lines
from core.spreadsheets.table import CellValue, cell_text, column_letter

LABEL_CAP = 30.0
TABLE_CAP = 40.0
HASH_WIDTH = 66.0
"""Wide enough for a SHA-256 in hex, which cannot wrap."""
VALUE_SPAN = 70.0
"""The least width a label's value gets (spread over the columns right of the label)."""


@dataclass(slots=True)
class Spec:
    value: CellValue
    look: Look = PLAIN
    measure: bool = True
    """False for text that spans several columns and so must not widen its own column."""
    link: str = ""


@dataclass
class BlockSheet:
    rows: list[list[Spec]] = field(default_factory=list)
    spans: dict[int, bool] = field(default_factory=dict)
    """Rows (0-based) whose second cell spans to the last column; True when it wraps."""
    columns: int = 2
    caps: dict[int, float] = field(default_factory=dict)

    def title(self, text: str) -> None:
        self.rows.append([Spec(text, TITLE, measure=False)])

    def note(self, text: str, look: Look) -> None:
        self.rows.append([Spec(text, look, measure=False)])

    def blank(self) -> None:
        self.rows.append([])

    def section(self, text: str) -> None:
        self.rows.append([Spec(text, SECTION, measure=False)])

    def pair(self, label: str, value: CellValue, look: Look = VALUE, *, wrap: bool = True) -> None:
        """``label`` in the first column, ``value`` across the others."""
        if not wrap:
            look = look.but(alignment=VALUE_LINE_ALIGNMENT)
        self.spans[len(self.rows)] = wrap
        self.rows.append([Spec(label, LABEL), Spec(value, look, measure=False)])

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[CellValue]],
        *,
        header_looks: Sequence[Look] | None = None,
        looks: Sequence[Look] | None = None,
        total_look: Look | None = None,
    ) -> None:
        """A header row and data rows; with ``total_look`` the last row is a total."""
        self.columns = max(self.columns, len(headers))
        fills = header_looks or [HEADER.but(fill=SOURCE_HEADER_FILL)] * len(headers)
        self.rows.append([Spec(h, look) for h, look in zip(headers, fills, strict=True)])
        for number, row in enumerate(rows, start=1):
            row_looks = list(looks or [PLAIN] * len(row))
            if total_look is not None and number == len(rows):
                row_looks = [look.but(font=total_look.font, border=total_look.border)
                             for look in row_looks]  # fmt: skip
            self.rows.append([Spec(v, lk) for v, lk in zip(row, row_looks, strict=True)])

    def widths(self) -> list[float]:
        widest = [0.0] * self.columns
        for row in self.rows:
            for index, spec in enumerate(row):
                if spec.measure:
                    widest[index] = max(widest[index], _units(spec))
        out = [
            min(units + PADDING + 0.5, self.caps.get(i, LABEL_CAP if i == 0 else TABLE_CAP))
            for i, units in enumerate(widest)
        ]
        short = VALUE_SPAN - sum(out[1:])
        if short > 0:  # spread so a label's value has room; never narrows a column
            out[1:] = [w + short / (len(out) - 1) for w in out[1:]]
        return [round(max(w, MIN_WIDTH), 1) for w in out]

    def write(self, ws: Any) -> None:
        widths = self.widths()
        for index, width in enumerate(widths):
            ws.column_dimensions[column_letter(index)].width = width
        span_width = sum(widths[1:])
        last = column_letter(self.columns - 1)
        setup_print(ws, title_rows=None)
        for number, row in enumerate(self.rows, start=1):
            if number - 1 in self.spans:
                ws.merged_cells.add(f"B{number}:{last}{number}")
                lines = wrapped_lines(cell_text(row[1].value), span_width)
                if not self.spans[number - 1]:
                    lines = 1
            else:
                lines = max(
                    (
                        wrapped_lines(cell_text(spec.value), widths[index])
                        for index, spec in enumerate(row)
                        if spec.measure and _wraps(spec.look)
                    ),
                    default=1,
                )
            if lines > 1:
                wide = any(has_wide(cell_text(spec.value)) for spec in row)
                ws.row_dimensions[number].height = row_height(lines, wide=wide)
            ws.append([make_cell(ws, s.value, s.look, link=s.link) for s in row])


def _wraps(look: Look) -> bool:
    return bool(look.alignment is not None and look.alignment.wrap_text)


def _units(spec: Spec) -> float:
    """How wide the cell's text shows; bold text is wider."""
    units = widest_line(cell_text(spec.value))
    bold = spec.look.font is not None and spec.look.font.bold
    return units * BOLD_FACTOR if bold else units
