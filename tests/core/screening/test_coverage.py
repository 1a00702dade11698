"""A list with no names in the data is never passed off as screened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main
from core.paths import sample_suppliers_file

BAN = "cn-procurement-ban"


def test_the_empty_list_is_not_a_default_and_warns_when_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    sample = str(sample_suppliers_file())
    assert main(["--database", url, "screen", sample, "--as-of", "2026-08-01", "--json", "-"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert BAN not in default["lists"] and not default["coverage_warnings"]
    report = tmp_path / "r.xlsx"
    assert main(["--database", url, "screen", sample, "--as-of", "2026-08-01", "--lists",
                 f"{BAN},us-1260h", "--json", "-", "--output", str(report)]) == 0  # fmt: skip
    captured = capsys.readouterr()
    chosen = json.loads(captured.out[: captured.out.rindex("}") + 1])
    assert chosen["lists"] == [BAN, "us-1260h"]
    assert [w["list_id"] for w in chosen["coverage_warnings"]] == [BAN]
    assert any(BAN in w and "no names" in w for w in chosen["warnings"])
    assert f"warning: {BAN}" in captured.err
    summary = [tuple(r) for r in load_workbook(report)["Summary"].iter_rows(values_only=True)]
    assert any(r[0] == "Not screened" and BAN in str(r[1]) for r in summary)
    assert main(["--database", url, "runs", "show", "2"]) == 0
