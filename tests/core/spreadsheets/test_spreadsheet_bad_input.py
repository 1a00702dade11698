"""Every kind of unreadable supplier file gets one clear line, never a traceback."""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spreadsheet_builders import write_ole, write_xlsx

from core.errors import InputFileError, UsageError, UserFacingError
from core.spreadsheets import list_sheets, read_all_sheets, read_supplier_file


def problem(path: Path, sheet: str | None = None) -> str:
    """The message ``read_supplier_file`` gives for ``path``; it must be one line."""
    with pytest.raises(InputFileError) as caught:
        read_supplier_file(path, sheet=sheet)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xlsx"
    assert problem(path) == f"{path}: file not found"


def test_a_folder(tmp_path: Path) -> None:
    assert problem(tmp_path) == f"{tmp_path}: is a folder, not a file"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert problem(path) == f"{path}: is empty (0 bytes)"


def test_only_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n , \n\n", encoding="utf-8")
    assert problem(path) == f"{path}: has no data (only blank lines)"


def test_workbook_with_only_empty_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "empty-sheets.xlsx", {"One": {}, "Two": {"B3": "   "}})
    assert problem(path) == f"{path}: has no data (every sheet is empty)"
    with pytest.raises(InputFileError, match="every sheet is empty"):
        read_all_sheets(path)
    assert problem(path, sheet="Two") == f"{path}, sheet 'Two': the sheet is empty"


def test_truncated_workbook(tmp_path: Path, xlsx: Callable[..., Path]) -> None:
    good = xlsx([["Supplier"], ["Acme"]])
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert problem(path) == (
        f"{path}: is damaged or incomplete (the workbook's ZIP structure is broken)"
    )


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(random.Random(7).randbytes(5000))
    assert problem(path) == f"{path}: is damaged or not a real .xlsx workbook"


def test_zip_with_a_broken_workbook_inside(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    assert problem(path).startswith(f"{path}: is damaged or not a workbook (")


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".xlsb"])
def test_password_protected_workbook(tmp_path: Path, suffix: str) -> None:
    # An encrypted OOXML workbook is an OLE compound file holding "EncryptionInfo" and
    # "EncryptedPackage" streams. This file has that directory but empty streams: a real
    # encrypted file needs Excel or msoffcrypto-tool, which are not available offline.
    path = write_ole(
        tmp_path / f"locked{suffix}", ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]
    )
    assert problem(path) == (
        f"{path}: is password-protected; remove the password in Excel and save it again"
    )


def test_ole_files_that_are_not_readable_workbooks(tmp_path: Path) -> None:
    doc = write_ole(tmp_path / "letter.xls", ["WordDocument", "1Table"])
    assert problem(doc) == f"{doc}: is a Word document, not a spreadsheet"
    xls = write_ole(tmp_path / "empty-streams.xls", ["Workbook"])
    assert problem(xls) == f"{xls}: has no sheets (the workbook may be damaged)"


USE = "use .xlsx, .xlsm, .xls, .xlsb, .ods, .csv, .tsv or .txt"
HTML = b"<html><body><table><tr><td>Supplier</td></tr></table></body></html>"
XML_2003 = b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
SAVE_AS = "open it in Excel and save it as .xlsx"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF document, not a spreadsheet"),
        ("notes.docx", None, "is a Word document, not a spreadsheet"),
        ("archive.zip", None, f"is a ZIP archive, not a workbook; {USE}"),
        ("data.json", b'{"suppliers": []}', f"has an unsupported file type (.json); {USE}"),
        (
            "export.xls",
            HTML,
            f"is a web page (HTML) with a spreadsheet name, not a real workbook; {SAVE_AS} or CSV",
        ),
        (
            "export.xls",
            XML_2003,
            f"is an Excel 2003 XML spreadsheet, which cannot be read; {SAVE_AS}",
        ),
    ],
)
def test_other_kinds_of_file(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            if name.endswith(".docx"):
                archive.writestr("word/document.xml", "<w:document/>")
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    assert problem(path) == f"{path}: {message}"


def test_no_name_column_in_a_csv_lists_the_headers(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("Amount,Date\n1,2\n3,4\n", encoding="utf-8")
    assert problem(path) == (
        f"{path}: no supplier-name column found (headers seen: 'Amount', 'Date'); "
        "choose the name column by hand"
    )


def test_unreadable_file(tmp_path: Path) -> None:
    if os.name == "nt" or os.geteuid() == 0:
        pytest.skip("root (and Windows) can read a file without read permission")
    path = tmp_path / "locked.csv"
    path.write_text("Supplier\nAcme\n", encoding="utf-8")
    path.chmod(0)
    assert "permission denied" in problem(path)


def test_list_sheets_of_a_csv_and_of_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Supplier\nAcme\n", encoding="utf-8")
    assert list_sheets(path) == []
    with pytest.raises(InputFileError, match="file not found"):
        list_sheets(tmp_path / "missing.xlsx")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(min_size=1, max_size=600),
        st.builds(lambda tail: b"PK\x03\x04" + tail, st.binary(max_size=300)),
        st.builds(
            lambda tail: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail, st.binary(max_size=1200)
        ),
    ),
    suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".csv", ".txt", ".bin"]),
)
def test_any_bytes_give_a_table_or_a_clear_error(
    tmp_path: Path, content: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    try:
        read_supplier_file(path)
    except UsageError:
        raise
    except UserFacingError as err:
        assert "\n" not in str(err) and str(path) in str(err)
