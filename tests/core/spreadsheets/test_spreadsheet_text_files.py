"""Delimited text files: encodings, delimiters, true line numbers, round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputFileError, UsageError
from core.spreadsheets import read_supplier_file
from core.spreadsheets.table import ColumnRoles, SupplierTable

CHINESE = "供应商名称,国家\r\n华为技术有限公司,中国\r\n洛克希德·马丁公司,美国\r\n"


def names(table: SupplierTable) -> list[tuple[int, str]]:
    return [(row.row_number, table.text(row, table.roles.name)) for row in table.rows]


@pytest.mark.parametrize(
    ("encoding", "data", "detected"),
    [
        ("utf-8", CHINESE.encode("utf-8"), "utf-8"),
        ("utf-8-sig", CHINESE.encode("utf-8-sig"), "utf-8-sig"),
        ("utf-16", CHINESE.encode("utf-16"), "utf-16-le"),
        ("utf-16-be", b"\xfe\xff" + CHINESE.encode("utf-16-be"), "utf-16-be"),
        ("gb18030", CHINESE.encode("gb18030"), "gb18030"),
        ("gbk", CHINESE.encode("gbk"), "gb18030"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, data: bytes, detected: str) -> None:
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(data)
    table = read_supplier_file(path)
    assert (table.encoding, table.delimiter) == (detected, ",")
    assert table.headers == ("供应商名称", "国家")
    assert names(table) == [(2, "华为技术有限公司"), (3, "洛克希德·马丁公司")]
    assert table.roles == ColumnRoles(name=0, country=1)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_when_mostly_ascii(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u16.csv"
    path.write_bytes("Supplier Name,Country\nAcme Ltd,US\nÖko GmbH,DE\n".encode(encoding))
    table = read_supplier_file(path)
    assert table.encoding == encoding
    assert names(table) == [(2, "Acme Ltd"), (3, "Öko GmbH")]


@pytest.mark.parametrize(
    ("delimiter", "suffix"),
    [(",", ".csv"), (";", ".csv"), ("\t", ".tsv"), ("\t", ".txt"), ("|", ".txt")],
)
def test_delimiters(tmp_path: Path, delimiter: str, suffix: str) -> None:
    rows = [
        ["Vendor Name", "Country", "Note"],
        ["Acme, Inc.", "US", "a;b|c"],
        ["Beta GmbH", "DE", ""],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = tmp_path / f"s{suffix}"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    table = read_supplier_file(path)
    assert table.delimiter == delimiter
    assert names(table) == [(2, "Acme, Inc."), (3, "Beta GmbH")]
    assert table.text(table.rows[0], 2) == "a;b|c"


def test_line_numbers_with_titles_blank_lines_and_embedded_newlines(tmp_path: Path) -> None:
    text = (
        "Supplier list May 2025\r\n"  # 1
        "\r\n"  # 2
        "Supplier,Country,Address\r\n"  # 3
        'Acme Ltd,US,"1 Main St\r\nSuite 4\r\nBoston"\r\n'  # 4-6
        ",,\r\n"  # 7: blank record
        "\r\n"  # 8
        '"Beta\nGmbH",DE,\r\n'  # 9-10
        ",CN,no name\r\n"  # 11: kept, name empty
        "Gamma Co,FR"  # 12: short row, padded
    )
    path = tmp_path / "s.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_supplier_file(path)
    assert table.header_row == 3
    assert names(table) == [(4, "Acme Ltd"), (9, "Beta\nGmbH"), (11, ""), (12, "Gamma Co")]
    assert table.text(table.rows[0], 2) == "1 Main St\r\nSuite 4\r\nBoston"
    assert table.rows[-1].values == ("Gamma Co", "FR", None)


def test_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"Vendor\rAcme\r\rBeta\r")
    assert names(read_supplier_file(path)) == [(2, "Acme"), (4, "Beta")]


def test_windows_1252_is_read(tmp_path: Path) -> None:
    # Excel on a Western Windows machine saves "CSV" in cp1252: it was refused, it is read.
    path = tmp_path / "latin.csv"
    path.write_bytes("Supplier Name,Country\nAcme Ltd,US\nMüller Stahl GmbH,DE\n".encode("cp1252"))
    table = read_supplier_file(path)
    assert table.encoding == "cp1252"
    assert [row.values[0] for row in table.rows] == ["Acme Ltd", "Müller Stahl GmbH"]


def test_bytes_in_no_accepted_encoding_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"Supplier Name,Country\nAcme Ltd,US\nM\x81\x8d\x8f\x90\x9d\xff\n")
    with pytest.raises(InputFileError) as caught:
        read_supplier_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, row 3: cannot be decoded as any of UTF-8, UTF-16")
    assert "choose its encoding" in message


def test_a_csv_saved_with_an_xlsx_name_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "really-a-csv.xlsx"
    path.write_text("Supplier Name;Country\nAcme Ltd;US\n", encoding="utf-8")
    table = read_supplier_file(path)
    assert (table.sheet, table.delimiter, names(table)) == (None, ";", [(2, "Acme Ltd")])


def test_sheet_option_on_a_csv_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Supplier\nAcme\n", encoding="utf-8")
    with pytest.raises(UsageError, match="text file without sheets"):
        read_supplier_file(path, sheet="Sheet1")


HEADER = ["Supplier Name", "Country", "Address", "Tax ID", "Notes"]
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# GB18030 can encode all of Unicode, but a GB18030 file of mostly rare characters cannot be
# told from Windows-1252 bytes and is refused (see delimited._plausible_chinese), so the
# Chinese round trip draws from GB2312 ideographs, printable ASCII and CSV specials.
GB2312_CHARS = [chr(code) for code in range(0x4E00, 0x9FA6) if _in_gb2312(chr(code))]
CHINESE_TEXT = st.text(
    st.one_of(
        st.sampled_from(GB2312_CHARS),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from('\r\n,"'),
    ),
    max_size=12,
)


def _written_lines(row: list[str]) -> int:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    return len(io.StringIO(buffer.getvalue(), newline="").readlines())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_csv_round_trips(tmp_path: Path, encoding: str, data: st.DataObject) -> None:
    cell = CHINESE_TEXT if encoding == "gb18030" else ANY_TEXT
    rows = data.draw(st.lists(st.lists(cell, min_size=5, max_size=5), max_size=25))
    header = ["供应商名称", *HEADER[1:]] if encoding == "gb18030" else HEADER
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    path = tmp_path / f"round-trip-{encoding}.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))

    table = read_supplier_file(path)

    expected, line = [], 1 + _written_lines(header)
    for row in rows:
        if "".join(row).strip():
            expected.append((line, row))
        line += _written_lines(row)
    got = [(r.row_number, [table.text(r, c) for c in range(5)]) for r in table.rows]
    assert got == expected
    assert (table.header_row, list(table.headers), table.roles.name) == (1, header, 0)
