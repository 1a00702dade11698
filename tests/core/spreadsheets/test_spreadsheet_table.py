"""The plain table data: display text of cells, column letters, row cleaning."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.spreadsheets.table import (
    CellValue,
    ColumnRoles,
    SupplierRow,
    SupplierTable,
    cell_text,
    column_index,
    column_letter,
    header_label,
)
from core.spreadsheets.workbook_rows import clean_row

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("Acme", "Acme"),
        (" padded ", " padded "),
        (12, "12"),
        (12.0, "12"),
        (-0.0, "0"),
        (123456789012.0, "123456789012"),
        (0.1 + 0.2, "0.3"),
        (1.5e20, "1.5e+20"),
        (float("nan"), "nan"),
        (True, "TRUE"),
        (False, "FALSE"),
        (datetime.date(2025, 5, 20), "2025-05-20"),
        (datetime.datetime(2025, 5, 20), "2025-05-20"),
        (datetime.datetime(2025, 5, 20, 13, 5, 9), "2025-05-20 13:05:09"),
    ],
)
def test_cell_text(value: CellValue, text: str) -> None:
    assert cell_text(value) == text


def test_table_text_and_labels() -> None:
    table = SupplierTable(
        path="s.csv",
        sheet=None,
        header_row=1,
        headers=("Supplier", ""),
        rows=(SupplierRow(2, ("Acme", 3.0)),),
        roles=ColumnRoles(name=0),
    )
    row = table.rows[0]
    assert (table.text(row, 0), table.text(row, 1), table.text(row, None), table.text(row, 9)) == (
        "Acme", "3", "", "",
    )  # fmt: skip
    assert (table.column_label(0), table.column_label(1)) == ("Supplier", "Column B")
    assert table.roles.get("name") == 0 and table.roles.get("country") is None
    with pytest.raises(ValueError):
        table.roles.get("colour")


@given(st.integers(min_value=0, max_value=20_000))
def test_column_letters_round_trip(column: int) -> None:
    assert column_index(column_letter(column)) == column
    assert column_index(column_letter(column).lower()) == column


def test_column_letters() -> None:
    assert [column_letter(c) for c in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    with pytest.raises(ValueError):
        column_index("A1")


def test_clean_row() -> None:
    assert clean_row(["", "", ""]) is None
    assert clean_row([" ", "\t", ""]) is None
    assert clean_row(["", 0.0, ""]) == (None, 0.0, None)
    assert clean_row(["x", False]) == ("x", False)
    assert clean_row([datetime.time(9, 30), datetime.timedelta(hours=1), "a"]) == (
        "09:30:00",
        "1:00:00",
        "a",
    )


def test_core_spreadsheets_does_not_import_qt() -> None:
    code = (
        "import sys, core.spreadsheets, core.spreadsheets.columns;"
        "sys.exit(any(name.startswith(('PySide', 'PyQt', 'shiboken')) for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_one_label_for_a_column_without_header() -> None:
    assert header_label(" Supplier ", 0) == "Supplier"
    assert header_label("  ", 27) == "Column AB"
    assert header_label("", 2, template="列 {letter}") == "列 C"
