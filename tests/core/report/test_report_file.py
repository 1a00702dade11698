"""The report file appears whole or not at all, and failures say what to do."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet import _writer as openpyxl_writer

import core.report.workbook as report_workbook
from core.errors import Cancelled, UsageError, UserFacingError
from core.progress import CallbackProgress
from core.report import write_report
from core.report.target import check_suffix, with_suffix
from core.screening.result import ScreeningResult

from .conftest import SHEET, make_result


def folder_listing(folder: Path) -> list[str]:
    """What is in ``folder`` beside the test's private user data folder (which holds the
    notes of temporary files being written)."""
    return sorted(p.name for p in folder.iterdir() if p.name != "userdata")


def test_returns_the_path_and_replaces_an_older_report(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    assert write_report(make_result(), target) == target
    assert load_workbook(target).sheetnames[0] == "Flagged"
    assert folder_listing(tmp_path) == ["report.xlsx"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.xlsx"
    with pytest.raises(UserFacingError, match=r"the folder .*no such folder does not exist"):
        write_report(make_result(), target)


def test_a_folder_is_not_a_report_file(tmp_path: Path) -> None:
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(UserFacingError, match="that is a folder"):
        write_report(make_result(), tmp_path / "out.xlsx")


def test_the_report_must_be_named_xlsx(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"name it \.xlsx"):
        write_report(make_result(), tmp_path / "report.csv")


def test_one_rule_for_the_report_suffix() -> None:
    check_suffix(Path("R.XLSX"))
    with pytest.raises(UsageError, match=r"^--output R\.pdf: .* name it \.xlsx$"):
        check_suffix(Path("R.pdf"), shown="--output R.pdf")
    assert with_suffix(Path("a/R")) == Path("a/R.xlsx")
    assert with_suffix(Path("R.Xlsx")) == Path("R.Xlsx")
    assert with_suffix(Path("R.csv")) == Path("R.xlsx")


def test_a_file_open_in_excel_is_reported_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    real_open = Path.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(UserFacingError, match="open in another program or read-only") as err:
        write_report(make_result(), target)
    assert "\n" not in str(err.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert folder_listing(tmp_path) == ["report.xlsx"]


def test_a_lock_taken_during_the_export_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")

    def refuse(self: Path, other: Any) -> Path:
        raise PermissionError(13, "Permission denied", str(other))

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(UserFacingError, match="close it"):
        write_report(make_result(), target)
    assert target.read_bytes() == b"old"
    assert folder_listing(tmp_path) == ["report.xlsx"]


@pytest.mark.parametrize("all_rows", [False, True])
def test_cancelling_leaves_no_file_behind(tmp_path: Path, all_rows: bool) -> None:
    rows = [(n, (f"Supplier {n}", "US", None, None)) for n in range(2, 6000)]
    result = make_result(all_rows={SHEET: rows})
    stage = "Writing all rows" if all_rows else "Writing flagged rows"
    seen: list[tuple[int, str]] = []

    def cancel_while_writing(done: int, total: int, label: str) -> None:
        seen.append((done, label))
        if label == stage and (done > 0 or not all_rows):
            progress.cancel()

    progress = CallbackProgress(cancel_while_writing)
    temporaries = len(openpyxl_writer.ALL_TEMP_FILES)
    (tmp_path / "report.xlsx").write_bytes(b"old")
    with pytest.raises(Cancelled):
        write_report(result, tmp_path / "report.xlsx", all_rows=all_rows, progress=progress)
    assert folder_listing(tmp_path) == ["report.xlsx"]
    assert (tmp_path / "report.xlsx").read_bytes() == b"old"
    assert len(openpyxl_writer.ALL_TEMP_FILES) == temporaries
    assert ("Saving report" not in {label for _, label in seen}) or not all_rows


def test_a_failure_while_building_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ws: Any, result: ScreeningResult, *_: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(report_workbook, "write_audit", broken)
    with pytest.raises(RuntimeError):
        write_report(make_result(), tmp_path / "report.xlsx")
    assert folder_listing(tmp_path) == []


def test_progress_ends_with_saving(tmp_path: Path) -> None:
    labels: list[tuple[int, int, str]] = []
    progress = CallbackProgress(lambda done, total, label: labels.append((done, total, label)))
    write_report(make_result(), tmp_path / "r.xlsx", all_rows=True, progress=progress)
    assert "Writing all rows" in {label for _, _, label in labels}
    assert labels[-1] == (1, 1, "Saving report")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_report(make_result(), tmp_path / "r.xlsx")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_more_rows_than_excel_holds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_workbook, "MAX_ROWS", 8)
    with pytest.raises(UserFacingError, match="export without All rows"):
        write_report(make_result(), tmp_path / "r.xlsx", all_rows=True)
    assert write_report(make_result(), tmp_path / "r.xlsx").exists()
    assert folder_listing(tmp_path) == ["r.xlsx"]
