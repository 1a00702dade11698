"""Which sheets of a supplier file to read, and the one place that reads them so.

The command line (``--sheet NAME`` / ``--all-sheets``) and the window's sheet box make the same
choice; both read through ``read_tables``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from core.errors import UsageError
from core.progress import NullProgress, Progress
from core.spreadsheets.reader import read_all_sheets, read_supplier_file
from core.spreadsheets.table import SupplierTable


@dataclass(frozen=True)
class SheetChoice:
    """One named sheet, every sheet with a name column, or (neither) the sheet detected."""

    sheet: str | None = None
    all_sheets: bool = False

    def __post_init__(self) -> None:
        if self.sheet is not None and self.all_sheets:
            raise UsageError("choose either one sheet or all sheets, not both")

    @classmethod
    def named(cls, sheet: str) -> SheetChoice:
        return cls(sheet=sheet)

    @classmethod
    def every(cls) -> SheetChoice:
        return cls(all_sheets=True)

    @property
    def detected(self) -> bool:
        """Neither a sheet nor all sheets was asked for: the reader picks the sheet."""
        return self.sheet is None and not self.all_sheets


def read_tables(
    path: str | os.PathLike[str],
    choice: SheetChoice = SheetChoice(),
    *,
    name_column: str | None = None,
    country_column: str | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    progress: Progress = NullProgress(),  # noqa: B008 - stateless default
) -> list[SupplierTable]:
    """The tables of ``path`` that ``choice`` names: every sheet with a name column
    (``read_all_sheets``), else the one sheet named or detected (``read_supplier_file``)."""
    if choice.all_sheets:
        return read_all_sheets(
            path,
            name_column=name_column,
            country_column=country_column,
            header_row=header_row,
            encoding=encoding,
            progress=progress,
        )
    return [
        read_supplier_file(
            path,
            sheet=choice.sheet,
            name_column=name_column,
            country_column=country_column,
            header_row=header_row,
            encoding=encoding,
            progress=progress,
        )
    ]
