"""Reading workbooks (xlsx, xlsm, ods) through python-calamine: row numbers, sheets, values."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from spreadsheet_builders import grid_cells, set_cached_values, write_ods, write_xlsx

from core.errors import Cancelled, InputFileError, UsageError
from core.progress import CallbackProgress
from core.spreadsheets import list_sheets, read_all_sheets, read_supplier_file
from core.spreadsheets.table import ColumnRoles, SupplierTable

ROOT = Path(__file__).resolve().parents[3]
HEADER = ["Vendor ID", "Vendor Name", "Country", "Tax ID"]


def texts(table: SupplierTable, column: int | None) -> list[tuple[int, str]]:
    return [(row.row_number, table.text(row, column)) for row in table.rows]


def test_data_after_a_title_keeps_spreadsheet_row_numbers(xlsx: Callable[..., Path]) -> None:
    # title in row 1, rows 2-4 empty, header in row 5, a blank row inside the data
    path = xlsx(
        [
            ["Vendor master export — 2025-05"],
            [],
            [],
            [],
            HEADER,
            ["V1", "Acme Ltd", "US", "12-3456789"],
            [],
            ["V2", "Beta GmbH", "DE", None],
        ],
        extra={"merge": ["A1:D1"]},
    )
    table = read_supplier_file(path)
    assert (table.sheet, table.header_row, table.headers) == ("Sheet1", 5, tuple(HEADER))
    assert texts(table, table.roles.name) == [(6, "Acme Ltd"), (8, "Beta GmbH")]
    assert table.roles == ColumnRoles(name=1, country=2, identifier=3)
    assert table.encoding is None and table.delimiter is None


def test_calamine_skipping_leading_empty_rows_and_columns_does_not_shift_numbers(
    xlsx: Callable[..., Path],
) -> None:
    # nothing at all in rows 1-4 or column A-B: the first used cell is C5
    path = xlsx([HEADER, ["V1", "Acme Ltd", "US", 123456789]], first_row=5, first_column=3)
    table = read_supplier_file(path)
    assert table.header_row == 5
    assert table.headers[:2] == ("", "")
    assert table.roles.name == 3
    assert texts(table, 3) == [(6, "Acme Ltd")]
    assert table.text(table.rows[0], 5) == "123456789"
    assert table.column_label(0) == "Column A"


def test_values_keep_their_types_and_display_as_text(xlsx: Callable[..., Path]) -> None:
    path = xlsx(
        [
            ["Supplier", "Spend", "Since", "Active", "Last call"],
            ["Acme", 1200, datetime.date(2024, 2, 29), True, datetime.datetime(2025, 1, 2, 3, 4)],
            ["", 0.5, None, False, None],
        ]
    )
    table = read_supplier_file(path)
    first, second = table.rows
    assert first.values[2] == datetime.date(2024, 2, 29)
    assert [table.text(first, c) for c in range(5)] == [
        "Acme", "1200", "2024-02-29", "TRUE", "2025-01-02 03:04:00",
    ]  # fmt: skip
    # a row with an empty name cell is kept: the screening counts it as not screened
    assert second.row_number == 3 and second.values[0] is None
    assert table.text(second, 1) == "0.5"


def test_formulas_give_their_cached_values(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx",
        {"S": {"A1": "Supplier Name", "B1": "Country", "A2": '=UPPER("acme ltd")', "B2": "US"}},
    )
    set_cached_values(path, {"A2": "ACME LTD"})
    table = read_supplier_file(path)
    assert texts(table, 0) == [(2, "ACME LTD")]


def test_chinese_headers_in_a_workbook(xlsx: Callable[..., Path]) -> None:
    path = xlsx(
        [
            ["供应商清单"],
            ["序号", "供应商名称", "英文名称", "国别", "统一社会信用代码"],
            [1, "华为技术有限公司", "Huawei Technologies Co., Ltd.", "中国", "914403001922038216"],
        ]
    )
    table = read_supplier_file(path)
    assert table.header_row == 2
    assert table.roles == ColumnRoles(name=1, name_alt=2, country=3, identifier=4)
    assert table.text(table.rows[0], table.roles.identifier) == "914403001922038216"


def test_default_sheet_is_the_first_with_a_name_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "multi.xlsx",
        {
            "Notes": grid_cells([["Prepared by", "Jane"], ["Date", "2025-05-01"]]),
            "Empty": {},
            "Hidden": {**grid_cells([["Supplier Name"], ["Hidden Co"]]), "hidden": True},
            "Vendors": grid_cells([["Vendor Name", "Country"], ["Acme Ltd", "US"]]),
            "More": grid_cells([["Company"], ["Beta GmbH"]]),
        },
    )
    assert list_sheets(path) == ["Notes", "Empty", "Hidden", "Vendors", "More"]
    assert read_supplier_file(path).sheet == "Vendors"
    assert [t.sheet for t in read_all_sheets(path)] == ["Vendors", "More"]
    # a hidden sheet is read when named
    assert texts(read_supplier_file(path, sheet="hidden"), 0) == [(2, "Hidden Co")]


def test_unknown_sheet_is_a_usage_error_listing_the_sheets(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["Supplier"], ["Acme"]], sheet="Vendors")
    with pytest.raises(UsageError, match=r"No sheet 'Suppliers' in .*sheets are: 'Vendors'"):
        read_supplier_file(path, sheet="Suppliers")


def test_overrides_by_header_letter_and_number(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["Code", "Firma", "Land"], ["1", "Alpha GmbH", "DE"]])
    by_header = read_supplier_file(path, name_column="firma", country_column="Land")
    by_letter = read_supplier_file(path, name_column="B", country_column="3")
    assert by_header.roles == by_letter.roles == ColumnRoles(name=1, country=2)
    assert by_header.guessed == frozenset()
    with pytest.raises(UsageError, match=r"No column 'Name' in .*'Code', 'Firma', 'Land'"):
        read_supplier_file(path, name_column="Name")


def test_guessed_name_column_is_reported(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["Nr", "Firma"], ["1", "Alpha Maschinenbau GmbH"], ["2", "Beta Logistik AG"]])
    table = read_supplier_file(path)
    assert (table.roles.name, table.guessed) == (1, frozenset({"name"}))


def test_ods_and_xlsm_and_misnamed_workbooks(tmp_path: Path, xlsx: Callable[..., Path]) -> None:
    grid: list[list[object]] = [
        ["Title"],
        [None],
        [None],
        ["Supplier Name", "Country"],
        ["Acme Ltd", "US"],
        [None],
        ["Beta GmbH", 3],
    ]
    ods = read_supplier_file(write_ods(tmp_path / "s.ods", grid))
    assert (ods.header_row, texts(ods, 0)) == (4, [(5, "Acme Ltd"), (7, "Beta GmbH")])
    source = xlsx([["Supplier"], ["Acme"]])
    for suffix in (".xlsm", ".xls", ".ods"):  # content decides, not the extension
        renamed = shutil.copy(source, tmp_path / f"renamed{suffix}")
        assert texts(read_supplier_file(renamed), 0) == [(2, "Acme")]


def test_progress_is_reported_and_cancel_stops(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["Supplier"], *([f"Company {n}"] for n in range(25_000))])
    reports: list[tuple[int, int]] = []
    table = read_supplier_file(
        path, progress=CallbackProgress(lambda d, t, _: reports.append((d, t)))
    )
    assert len(table.rows) == 25_000 and reports[-1] == (25_001, 25_001)
    assert len(reports) >= 3
    cancelling = CallbackProgress()
    cancelling.cancel()
    with pytest.raises(Cancelled):
        read_supplier_file(path, progress=cancelling)


def test_bundled_sample_reads_as_documented() -> None:
    for name in ("suppliers-sample.xlsx", "suppliers-sample.csv"):
        table = read_supplier_file(ROOT / "resources" / "samples" / name)
        assert table.header_row == 3 and len(table.rows) == 60
        assert table.roles == ColumnRoles(name=1, country=2, address=4, identifier=5)
        assert table.rows[0].row_number == 4
        names = {table.text(row, 1) for row in table.rows}
        assert {
            "Kratos Unmanned Aerial Systems Inc",
            "洛克希德·马丁公司",
            "General Motors Company",
        } <= names
        categories = {table.text(row, 6) for row in table.rows}
        assert '=HYPERLINK("x")' in categories


def test_no_name_column_lists_the_headers(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["Amount", "Date"], [1.0, 2.0]], sheet="Numbers")
    with pytest.raises(InputFileError) as caught:
        read_supplier_file(path)
    assert "no sheet has a supplier-name column" in str(caught.value)
    assert "'Amount', 'Date'" in str(caught.value)
    with pytest.raises(InputFileError, match=r"sheet 'Numbers': no supplier-name column found"):
        read_supplier_file(path, sheet="Numbers")
