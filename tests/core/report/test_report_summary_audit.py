"""The Summary and Audit sheets say what was screened, against what, and who decided."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.report import write_report

from .conftest import RELEASE, labelled, make_result


def count_rows(ws: Any) -> dict[str, list[Any]]:
    """List -> [active, suspended, pending, removed, total] from the counts table."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[:2] == ("List", "active"))
    assert rows[start][:6] == ("List", "active", "suspended", "pending", "removed", "Total")
    out = {}
    for row in rows[start + 1 :]:
        if not isinstance(row[1], int):
            break
        out[row[0]] = list(row[1:6])
    return out


def test_summary_states_input_date_and_rows(workbook: Any, result: Any) -> None:
    values = labelled(workbook["Summary"])
    assert values["Input file"] == "suppliers 2025.xlsx"
    assert values["SHA-256"] == result.input_sha256
    assert values["Sheets screened"] == "Suppliers: 8 rows"
    assert values["Rows screened"] == 8
    assert values["As-of date"] == dt.datetime(2025, 5, 20)
    assert values["Lists screened"] == "cn-export-control, cn-unreliable-entity, us-1260h"
    assert values["Flagged rows"] == 5
    assert values["Hits"] == 7


def test_summary_counts_by_list_and_status(workbook: Any) -> None:
    assert count_rows(workbook["Summary"]) == {
        "cn-export-control": [1, 1, 0, 0, 2],
        "cn-unreliable-entity": [2, 0, 1, 0, 3],
        "us-1260h": [1, 0, 0, 1, 2],
        "Total": [4, 1, 1, 1, 7],
    }


def test_summary_shows_the_freshness_warning_visibly(workbook: Any) -> None:
    ws = workbook["Summary"]
    cells = [c for row in ws.iter_rows() for c in row]
    cell = next(c for c in cells if c.value and "current to" in str(c.value))
    assert "2025-05-01" in cell.value and "19 days later" in cell.value
    assert cell.font.bold and cell.fill.fgColor.rgb.endswith("FFE8B0")
    assert cell.alignment.wrap_text
    assert ws.row_dimensions[cell.row].height > 30


def test_summary_says_when_list_data_is_current(tmp_path: Path) -> None:
    ws = load_workbook(write_report(make_result(freshness=()), tmp_path / "r.xlsx"))["Summary"]
    assert labelled(ws)["List data"] == "List data is current for this date."


def test_audit_records_run_user_times_threshold_and_input(workbook: Any, result: Any) -> None:
    ws = workbook["Audit"]
    values = labelled(ws)
    assert values["Run id"] == 42
    assert values["App version"] == "TradeScreen 0.1.0"
    assert values["User"] == "zhang.san"
    assert values["Started (UTC)"] == dt.datetime(2025, 5, 20, 8, 0, 0)
    assert values["Finished (UTC)"] == dt.datetime(2025, 5, 20, 8, 0, 3)
    started = next(c for c in ws["B"] if c.value == dt.datetime(2025, 5, 20, 8, 0, 0))
    assert started.number_format == "yyyy-mm-dd hh:mm:ss"
    assert values["Threshold"] == 85
    assert values["Input file"] == "/data/in/suppliers 2025.xlsx"
    assert values["Input SHA-256"] == result.input_sha256
    assert values["Sheet"].startswith('Suppliers: header row 2, name column "Supplier"')


def test_audit_lists_releases(workbook: Any) -> None:
    rows = list(workbook["Audit"].iter_rows(values_only=True))
    start = rows.index(next(r for r in rows if r[0] == "Publisher"))
    assert rows[start][:6] == (
        "Publisher", "Version", "Data cut-off", "Imported (UTC)", "Lists", "SHA-256",
    )  # fmt: skip
    assert rows[start + 1][:6] == (
        RELEASE.publisher, RELEASE.version, dt.datetime(2025, 5, 1),
        dt.datetime(2025, 5, 2, 9, 30), "cn-export-control, cn-unreliable-entity, us-1260h",
        RELEASE.checksum,
    )  # fmt: skip


def test_audit_lists_reviewer_decisions(workbook: Any) -> None:
    rows = list(workbook["Audit"].iter_rows(values_only=True))
    section = rows.index(next(r for r in rows if r[0] == "Reviewer decisions"))
    assert rows[section + 1][0] == "1 decision is part of this report."
    start = rows.index(next(r for r in rows if r[:2] == ("Sheet", "Row")))
    assert rows[start + 1][:8] == (
        "Suppliers", 9, "Acme Trading", "Entity 9 Ltd.", "false positive",
        "different company, checked USCC", "li.wei", dt.datetime(2025, 3, 1, 10, 0),
    )  # fmt: skip


def test_audit_without_run_or_decisions(tmp_path: Path) -> None:
    result = make_result(run_id=None, hits=make_result().hits[:2], releases=(), freshness=())
    ws = load_workbook(write_report(result, tmp_path / "r.xlsx"))["Audit"]
    values = labelled(ws)
    assert values["Run id"] == "not stored"
    assert "No list release is recorded for this screening." in values
    assert "No reviewer decisions yet." in values


def test_workbook_properties_and_printing(workbook: Any) -> None:
    from core import __version__

    assert workbook.properties.creator == f"TradeScreen {__version__}"
    assert workbook.properties.title == "TradeScreen report: suppliers 2025.xlsx as of 2025-05-20"
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert workbook["Flagged"].print_title_rows == "$1:$1"
    assert workbook["All rows"].print_title_rows == "$1:$1"


def test_audit_shows_each_release_provenance_and_licence(tmp_path: Path) -> None:
    release = dataclasses.replace(
        RELEASE, publisher="OpenSanctions: US OFAC SDN", origin="opensanctions",
        licence="CC BY-NC 4.0", attribution="OpenSanctions",
    )  # fmt: skip
    signed = dataclasses.replace(RELEASE, signed_by="30316bd172b31b2a")
    path = write_report(make_result(releases=(signed, release)), tmp_path / "r.xlsx")
    values = labelled(load_workbook(path)["Audit"])
    assert values[f"{RELEASE.publisher} {RELEASE.version}"] == (
        "signed by publisher key 30316bd172b31b2a"
    )
    assert values[f"{release.publisher} {release.version}"] == (
        "imported from a list file (opensanctions), not signed"
    )
    assert values["Licence"] == "CC BY-NC 4.0. Attribution: OpenSanctions"
