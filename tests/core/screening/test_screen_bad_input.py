"""Every bad input gives a one-line error naming the file (and sheet/row/column) and exit 1."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from core.cli import main


def _run(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["screen", str(path), "--as-of", "2025-05-20", *extra])
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return code, err


def _ole_file(path: Path) -> Path:
    """The start of an OLE2 compound file: what an encrypted (password) workbook is."""
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    return path


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(tmp_path / "nowhere.xlsx", capsys)
    assert code == 1 and "nowhere.xlsx" in err


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    code, err = _run(folder, capsys)
    assert code == 1 and "folder" in err


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv"])
def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    code, err = _run(path, capsys)
    assert code == 1 and name in err and "empty" in err


def test_corrupt_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    code, err = _run(path, capsys)
    assert code == 1 and "broken.xlsx" in err


def test_truncated_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Supplier", "Country"])  # type: ignore[union-attr]
    book.save(good)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:300])
    code, err = _run(path, capsys)
    assert code == 1 and "cut.xlsx" in err


def test_password_protected_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(_ole_file(tmp_path / "locked.xlsx"), capsys)
    assert code == 1 and "locked.xlsx" in err and "password" in err.lower()


def test_wrong_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "suppliers.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    code, err = _run(path, capsys)
    assert code == 1 and "suppliers.pdf" in err


def test_no_name_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("Amount,Qty\n12,3\n14,5\n", encoding="utf-8")
    code, err = _run(path, capsys)
    assert code == 1 and "numbers.csv" in err and "name" in err.lower()


def test_unknown_name_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Vendor,Country\nAcme,US\n", encoding="utf-8")
    code, err = _run(path, capsys, "--name-column", "Company")
    assert code == 2 and "Company" in err


def test_undecodable_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"Supplier,Country\n" + bytes(range(128, 256)) * 8 + b"\x00\xff\xfe\x81\n")
    code, err = _run(path, capsys)
    assert code == 1 and "garbage.csv" in err
