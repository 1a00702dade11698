"""Reading the audit trail's head back from a report's Audit sheet, as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl


def report_head(path: Path, sheet: str = "Audit", label: str = "Audit trail head") -> str:
    """The ``N:HASH`` printed on the Audit sheet after ``label`` ("record N, N:HASH")."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        for row in workbook[sheet].iter_rows(values_only=True):
            if row and row[0] == label:
                value = str(row[1])
                found = re.search(r"(\d+)\s*[,，]\s*((\d+):[0-9a-f]{64})$", value)
                assert found and found[1] == found[3], value
                return found[2]
    finally:
        workbook.close()
    raise AssertionError(f"no {label!r} on the {sheet} sheet of {path}")
