"""The bundled sample file screened with the bundled lists, written and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.lists.snapshot import ListSnapshot
from core.paths import sample_suppliers_file
from core.report import write_report
from core.screening import ScreeningRequest, screen

from .conftest import column_of, labelled


def test_sample_screening_report(tmp_path: Path, bundled_snapshot: ListSnapshot) -> None:
    request = ScreeningRequest(sample_suppliers_file(), dt.date(2025, 5, 20), keep_all_rows=True)
    result = screen(request, bundled_snapshot, user="tester")
    path = write_report(result, tmp_path / "sample report.xlsx", all_rows=True)
    workbook: Any = load_workbook(path)
    assert workbook.sheetnames == ["Flagged", "Summary", "Audit", "All rows"]

    flagged = workbook["Flagged"]
    name, status = column_of(flagged, "Vendor Name"), column_of(flagged, "Status")
    found = {
        (row[name - 1], row[status - 1]) for row in flagged.iter_rows(min_row=2, values_only=True)
    }
    assert any("Kratos" in str(n) and s == "suspended" for n, s in found), found
    assert flagged.max_row == len(result.hits) + 1

    summary = labelled(workbook["Summary"])
    assert summary["Rows screened"] == result.rows_screened
    assert summary["Flagged rows"] == result.flagged_rows()
    assert summary["SHA-256"] == result.input_sha256

    all_rows = workbook["All rows"]
    assert all_rows.max_row == result.rows_screened + 1
    names = [row[3] for row in all_rows.iter_rows(min_row=2, values_only=True)]
    chinese = [name for name in names if "有限公司" in str(name)]
    assert chinese, "the sample's Chinese supplier names are missing"


def test_the_report_names_the_matched_words_as_the_file_wrote_them(
    tmp_path: Path, bundled_snapshot: ListSnapshot
) -> None:
    """The Reasons column reads "Atomics", "Systems" (the supplier's words), not the stems the
    matcher compares ("atomic", "system")."""
    request = ScreeningRequest(sample_suppliers_file(), dt.date(2025, 5, 20))
    path = write_report(screen(request, bundled_snapshot, user="tester"), tmp_path / "r.xlsx")
    flagged = load_workbook(path)["Flagged"]
    name, reasons = column_of(flagged, "Vendor Name"), column_of(flagged, "Reasons")
    said = {
        str(row[reasons - 1])
        for row in flagged.iter_rows(min_row=2, values_only=True)
        if row[name - 1] == "General Atomics Aeronautical Systems"
    }
    assert said and all(
        "tokens matched: General, Atomics, Aeronautical, Systems" in text for text in said
    ), said
