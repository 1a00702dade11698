"""Untrusted text never becomes a formula, an error value or a broken file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from core.report import write_report
from core.report.cells import clean_text, excel_value, needs_text_cell

from .conftest import FORMULA_NAME, SHEET, make_result, sheet_xml

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DANGEROUS = [FORMULA_NAME, "+1-555", "@SUM(A1)", "-2+3", "=1+1"]


def cells_holding(ws: Any, texts: list[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {t: [] for t in texts}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in found:
                found[cell.value].append(cell)
    return found


@pytest.mark.parametrize("sheet", ["Flagged", "All rows"])
def test_formula_looking_text_is_text_with_the_exact_value(workbook: Any, sheet: str) -> None:
    found = cells_holding(workbook[sheet], DANGEROUS)
    expected = DANGEROUS if sheet == "All rows" else DANGEROUS[:-1]
    for text in expected:
        assert found[text], f"{text!r} is missing from {sheet}"
        for cell in found[text]:
            assert cell.data_type == "s"
            assert cell.value == text  # no apostrophe added to the value
            assert cell.quotePrefix


@pytest.mark.parametrize("index", [1, 4])
def test_saved_sheets_hold_no_formula(report: Path, index: int) -> None:
    root = ElementTree.fromstring(sheet_xml(report, index))
    assert root.findall(f".//{NS}f") == []
    texts = {}
    for cell in root.iter(f"{NS}c"):
        text = cell.find(f"{NS}is/{NS}t")
        if text is not None and text.text in DANGEROUS:
            texts[text.text] = cell
            assert cell.get("t") == "inlineStr"
            assert cell.find(f"{NS}v") is None
    assert FORMULA_NAME in texts and "+1-555" in texts and "@SUM(A1)" in texts


def test_error_texts_and_control_characters_are_kept_readable(tmp_path: Path) -> None:
    rows = {(SHEET, 5): ("#N/A", "bad\x00byte\x1b", None, "tab\tand\nnewline")}
    hits = [make_result().hits[0]]
    path = write_report(make_result(hits=hits, rows=rows), tmp_path / "r.xlsx")
    ws = load_workbook(path)["Flagged"]
    assert ws["C2"].value == "#N/A" and ws["C2"].data_type == "s"
    assert ws["D2"].value == "bad\ufffdbyte\ufffd"
    assert ws["F2"].value == "tab\tand\nnewline"


@pytest.mark.parametrize(
    ("value", "stored", "number_format", "as_text"),
    [
        (None, None, None, False),
        (True, True, None, False),
        (12, 12, None, False),
        (12345678901234567, "12345678901234567", None, True),
        (float("nan"), "nan", None, True),
        (1.5, 1.5, None, False),
        (dt.date(2025, 5, 20), dt.date(2025, 5, 20), "yyyy-mm-dd", False),
        (dt.date(1899, 12, 1), "1899-12-01", None, True),
        (dt.datetime(2025, 5, 20, 8, tzinfo=dt.timezone(dt.timedelta(hours=8))),
         dt.datetime(2025, 5, 20, 0, 0), "yyyy-mm-dd", False),
        (dt.datetime(2025, 5, 20, 8, 30), dt.datetime(2025, 5, 20, 8, 30),
         "yyyy-mm-dd hh:mm:ss", False),
        ("plain", "plain", None, False),
        ("\t=cmd", "\t=cmd", None, True),
        ("\r=cmd", "\r=cmd", None, True),
    ],
)  # fmt: skip
def test_excel_value(value: Any, stored: Any, number_format: Any, as_text: bool) -> None:
    assert excel_value(value) == (stored, number_format, as_text)


@given(st.text(max_size=50))
def test_any_text_is_written_unchanged_unless_unwritable(text: str) -> None:
    stored, _, as_text = excel_value(text)
    assert isinstance(stored, str)
    if not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", text):
        assert stored == text
    assert as_text == needs_text_cell(stored)
    assert len(stored) == len(text)


def test_overlong_text_is_cut_to_excel_limit() -> None:
    assert len(clean_text("x" * 40000)) == 32767
