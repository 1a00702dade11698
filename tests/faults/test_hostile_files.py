"""Workbooks and text files that would crash the reader or exhaust memory: each gives a clear
one-line error from the CLI, with no traceback, and the process survives it."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.errors import InputFileError
from core.spreadsheets import read_supplier_file
from tests.faults.hostile_files import (
    device_links,
    far_cells_workbook,
    fifo,
    inflating_workbook,
    nul_file,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and links")


def _cli_error(path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    database = f"sqlite:///{tmp_path / 'test.db'}"
    code = main(["screen", str(path), "--as-of", "2025-05-20", "--database", database])
    err = capsys.readouterr().err.strip()
    assert code == 1, err
    assert err.count("\n") == 0 and "Traceback" not in err, err
    return err


def test_an_inflating_workbook_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = inflating_workbook(tmp_path / "suppliers.xlsx", unpacked_mib=200)
    assert bomb.stat().st_size < 2 << 20
    err = _cli_error(bomb, capsys, tmp_path)
    assert "xl/worksheets/sheet1.xml unpacks to 200 MiB" in err and "times" in err


def test_a_workbook_that_aborts_the_reader_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _cli_error(far_cells_workbook(tmp_path / "suppliers.xlsx"), capsys, tmp_path)
    assert "the workbook reader crashed on it" in err


@pytest.mark.parametrize("device", ["zero", "urandom"])
def test_a_link_to_a_device_is_not_read(
    device: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    links = {link.stem: link for link in device_links(tmp_path)}
    if device not in links:
        pytest.skip(f"no /dev/{device} here")
    err = _cli_error(links[device], capsys, tmp_path)
    assert "is not a regular file" in err


def test_a_named_pipe_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = fifo(tmp_path / "suppliers.csv")
    if pipe is None:
        pytest.skip("no named pipes here")
    assert "is not a regular file" in _cli_error(pipe, capsys, tmp_path)


def test_a_gigabyte_of_nul_bytes_is_refused_by_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _cli_error(nul_file(tmp_path / "suppliers.csv", 1 << 30), capsys, tmp_path)
    assert "larger than the 512 MiB a supplier file can be" in err


def test_nul_bytes_under_the_size_cap_are_refused_as_binary(tmp_path: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InputFileError, match="binary data"):
        read_supplier_file(nul_file(tmp_path / "suppliers.csv", 100 << 20))
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 50, "refused without reading the file"
