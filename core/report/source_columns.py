"""The supplier's own columns in a report sheet, across one or several screened sheets.

With one sheet they are its headers in order. With several (``--all-sheets``) they are the
union of the headers by name, in first-seen order, so "Vendor Name" of two sheets is one
column even when it sits in a different place in each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from core.screening.result import ScreenedSheet
from core.spreadsheets.table import CellValue, header_label


@dataclass(frozen=True)
class SourceColumns:
    headers: tuple[str, ...]
    """Header of each report column, in report order."""
    positions: dict[str | None, tuple[int | None, ...]]
    """Per sheet: for each report column, the index into that sheet's row values (or None
    when the sheet has no such column)."""

    def values(self, sheet: str | None, row: Sequence[CellValue]) -> list[CellValue]:
        """The row's values laid out in report columns; missing columns are ``None``."""
        positions = self.positions.get(sheet)
        if positions is None:
            return [None] * len(self.headers)
        return [row[i] if i is not None and i < len(row) else None for i in positions]


def plan_source_columns(sheets: Sequence[ScreenedSheet]) -> SourceColumns:
    """The report columns for the supplier values of ``sheets``.

    Headers match by name ignoring case; a name repeated within one sheet stays repeated
    ("Note", "Note (2)") and matches the same repetition in other sheets.
    """
    index_of: dict[tuple[str, int], int] = {}
    headers: list[str] = []
    mappings: list[tuple[str | None, dict[int, int]]] = []
    for sheet in sheets:
        seen: Counter[str] = Counter()
        mapping: dict[int, int] = {}
        for position, header in enumerate(sheet.headers):
            label = header_label(header, position)
            key = (label.casefold(), seen[label.casefold()])
            seen[label.casefold()] += 1
            if key not in index_of:
                index_of[key] = len(headers)
                headers.append(label if key[1] == 0 else f"{label} ({key[1] + 1})")
            mapping[index_of[key]] = position
        mappings.append((sheet.sheet, mapping))
    positions = {
        sheet: tuple(mapping.get(column) for column in range(len(headers)))
        for sheet, mapping in mappings
    }
    return SourceColumns(headers=tuple(headers), positions=positions)
