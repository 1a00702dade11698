"""What a stored run keeps of every screened row, so that it can be checked again without its
file: the row number, the name and second name as screened, and the country.

About 30 bytes a row once compressed (measured by ``bench/bench_run_changes.py``): a run of
100,000 rows keeps them in a few megabytes, against the file's own tens.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from core.spreadsheets.table import ColumnRoles, SupplierRow, SupplierTable

KEPT_HEADERS = ("Name", "Second name", "Country")


@dataclass(frozen=True, slots=True)
class KeptSheet:
    sheet: str | None
    rows: tuple[int, ...]
    """Row numbers as the user sees them."""
    names: tuple[str, ...]
    alts: tuple[str, ...]
    countries: tuple[str, ...]

    def __post_init__(self) -> None:
        if not len(self.rows) == len(self.names) == len(self.alts) == len(self.countries):
            raise ValueError("a kept sheet needs one name, second name and country per row")

    def encode(self) -> bytes:
        lines = (
            json.dumps([row, name, alt, country], ensure_ascii=False, separators=(",", ":"))
            for row, name, alt, country in zip(
                self.rows, self.names, self.alts, self.countries, strict=True
            )
        )
        return zlib.compress("\n".join(lines).encode("utf-8"), 6)

    @classmethod
    def decode(cls, sheet: str | None, data: bytes) -> KeptSheet:
        text = zlib.decompress(data).decode("utf-8")
        rows: list[int] = []
        names: list[str] = []
        alts: list[str] = []
        countries: list[str] = []
        for line in text.splitlines():
            row, name, alt, country = json.loads(line)
            rows.append(int(row))
            names.append(str(name))
            alts.append(str(alt))
            countries.append(str(country))
        return cls(sheet, tuple(rows), tuple(names), tuple(alts), tuple(countries))

    def as_table(self, path: str) -> SupplierTable:
        """The kept rows as a table to screen again (its three columns are the kept ones)."""
        rows = tuple(
            SupplierRow(row, (name, alt or None, country or None))
            for row, name, alt, country in zip(
                self.rows, self.names, self.alts, self.countries, strict=True
            )
        )
        roles = ColumnRoles(name=0, name_alt=1, country=2)
        return SupplierTable(path, self.sheet, 1, KEPT_HEADERS, rows, roles)


def kept_sheet(
    sheet: str | None,
    rows: Sequence[SupplierRow],
    names: Sequence[str],
    alts: Sequence[str],
    countries: Sequence[str],
) -> KeptSheet:
    return KeptSheet(
        sheet, tuple(r.row_number for r in rows), tuple(names), tuple(alts), tuple(countries)
    )
