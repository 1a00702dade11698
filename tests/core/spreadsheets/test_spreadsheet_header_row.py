"""Choosing the header row by hand (``header_row``): the row number the user sees, roles
detected again from that row, rows above it left out, clear errors for rows that cannot be."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spreadsheet_builders import grid_cells, write_xlsx

from core.cli import main
from core.errors import InputFileError, UsageError
from core.spreadsheets import read_all_sheets, read_supplier_file
from core.spreadsheets.table import ColumnRoles, SupplierTable
from core.store.database import Database, resolve_database_url
from core.store.models import ScreeningRun

# Rows 1-2: a stale header block of an older export, which detection takes for the header
# (as strong as the real one, and higher up); row 3 blank; row 4: the real header; 5-6: data.
TITLED = [
    ["Vendor Name", "Country"],
    ["list of", "2025"],
    [],
    ["Ref", "Vendor Name", "Country"],
    ["V1", "Acme Ltd", "US"],
    ["V2", "Beta GmbH", "DE"],
]


def names(table: SupplierTable) -> list[tuple[int, str]]:
    return [(row.row_number, table.text(row, table.roles.name)) for row in table.rows]


def test_detection_alone_takes_the_title_row(xlsx: Callable[..., Path]) -> None:
    table = read_supplier_file(xlsx(TITLED))
    assert table.header_row == 1, "the premise of the tests below"


def test_a_header_row_below_the_detected_one(xlsx: Callable[..., Path]) -> None:
    table = read_supplier_file(xlsx(TITLED), header_row=4)
    assert table.header_row == 4
    assert table.headers == ("Ref", "Vendor Name", "Country")
    assert table.roles == ColumnRoles(name=1, country=2)
    assert names(table) == [(5, "Acme Ltd"), (6, "Beta GmbH")], "rows above are not data"
    assert table.guessed == frozenset()
    # kept apart, blank row 3 left out, padded to the table's width
    assert [(r.row_number, r.values) for r in table.above] == [
        (1, ("Vendor Name", "Country", None)),
        (2, ("list of", "2025", None)),
    ]
    assert read_supplier_file(xlsx(TITLED)).above == ()


def test_only_the_nearest_rows_above_the_header_are_kept(xlsx: Callable[..., Path]) -> None:
    grid = [[f"note {n}"] for n in range(1, 16)] + [["Supplier", "Country"], ["Acme", "US"]]
    table = read_supplier_file(xlsx(grid), header_row=16)
    assert [r.row_number for r in table.above] == list(range(6, 16))


def test_a_header_row_above_the_detected_one(xlsx: Callable[..., Path]) -> None:
    # detection finds row 3; the user says the real header is row 1 and row 3 is data
    path = xlsx(
        [
            ["Firm", "Land"],
            ["Acme Ltd", "US"],
            ["Supplier Name", "Country"],
            ["Beta GmbH", "DE"],
        ]
    )
    assert read_supplier_file(path).header_row == 3
    table = read_supplier_file(path, header_row=1)
    assert table.headers == ("Firm", "Land")
    assert table.roles.name == 0
    assert names(table) == [(2, "Acme Ltd"), (3, "Supplier Name"), (4, "Beta GmbH")]


def test_the_roles_come_from_the_chosen_row_and_overrides_still_apply(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx(TITLED)
    table = read_supplier_file(path, header_row=4, name_column="Ref", country_column="C")
    assert (table.roles.name, table.roles.country) == (0, 2)
    with pytest.raises(UsageError, match="No column 'Supplier'"):
        read_supplier_file(path, header_row=4, name_column="Supplier")


def test_a_header_row_without_a_name_header_guesses_from_the_rows_below(
    xlsx: Callable[..., Path],
) -> None:
    rows = [["Report"], ["A", "B"]] + [[f"Company {n} Ltd", "US"] for n in range(8)]
    table = read_supplier_file(xlsx(rows), header_row=2)
    assert table.header_row == 2 and table.roles.name == 0
    assert table.guessed == {"name"}


def test_a_named_sheet_and_all_sheets(tmp_path: Path) -> None:
    asia = grid_cells([["x"], ["供应商名称", "国家"], ["华为", "CN"]])
    path = write_xlsx(tmp_path / "two.xlsx", {"EU": grid_cells(TITLED), "Asia": asia})
    assert read_supplier_file(path, sheet="EU", header_row=4).roles.name == 1
    both = read_all_sheets(path, header_row=2)
    assert [(t.sheet, t.header_row) for t in both] == [("EU", 2), ("Asia", 2)]
    assert both[1].roles.name == 0 and names(both[1]) == [(3, "华为")]


def test_csv_lines(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "Supplier report\nrun,2025\n\nRef,Vendor Name,Country\nV1,Acme Ltd,US\n", encoding="utf-8"
    )
    table = read_supplier_file(path, header_row=4)
    assert table.header_row == 4 and table.roles == ColumnRoles(name=1, country=2)
    assert names(table) == [(5, "Acme Ltd")]
    assert [r.row_number for r in table.above] == [1, 2]
    assert read_all_sheets(path, header_row=4)[0].headers == table.headers


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (3, r"Row 3 of .*suppliers\.xlsx, sheet 'Sheet1' is blank"),
        (9, r"No header row 9 in .*suppliers\.xlsx, sheet 'Sheet1': its last row with data is 6"),
        (0, r"Header row 0 for .*suppliers\.xlsx, sheet 'Sheet1' is not a row number"),
    ],
)
def test_rows_that_cannot_be_the_header(xlsx: Callable[..., Path], row: int, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        read_supplier_file(xlsx(TITLED), sheet="Sheet1", header_row=row)


def test_a_blank_or_missing_line_of_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Vendor\n\nAcme\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"Row 2 of .*s\.csv is blank"):
        read_supplier_file(path, header_row=2)
    with pytest.raises(UsageError, match="last row with data is 3"):
        read_all_sheets(path, header_row=4)


def test_the_last_row_as_header_leaves_no_data(xlsx: Callable[..., Path]) -> None:
    table = read_supplier_file(xlsx([["Acme Ltd"], ["Vendor Name"]]), header_row=2)
    assert table.headers == ("Vendor Name",) and table.rows == ()


def test_no_name_column_below_the_chosen_row_is_an_input_error(xlsx: Callable[..., Path]) -> None:
    with pytest.raises(InputFileError, match="supplier-name column"):
        read_supplier_file(xlsx([["Vendor Name"], ["Acme Ltd"], [1], [2]]), header_row=3)


def test_cli_header_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        "Supplier,Country\nexport,2025\nRef,Vendor Name,Land\nV1,Skydio Inc.,US\n",
        encoding="utf-8",
    )
    out = tmp_path / "result.json"
    args = ["screen", str(path), "--as-of", "2025-05-20", "--json", str(out)]
    assert main([*args, "--header-row", "3"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["sheets"][0]["name_column"] == "Vendor Name"
    assert {(h["row"], h["entity_id"]) for h in data["hits"]} == {(4, "skydio")}
    assert stored_settings()["header_row"] == 3  # the stored run says how it was read
    capsys.readouterr()
    assert main([*args, "--header-row", "7"]) == 2
    assert "last row with data is 4" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--header-row", "0"])
    assert exit_info.value.code == 2
    assert "rows start at 1" in capsys.readouterr().err


def stored_settings() -> dict[str, object]:
    """The settings of the one screening run stored in the default database."""
    db = Database(resolve_database_url(None))
    try:
        with db.session() as session:
            settings: dict[str, object] = json.loads(session.query(ScreeningRun).one().settings)
    finally:
        db.dispose()
    return settings
