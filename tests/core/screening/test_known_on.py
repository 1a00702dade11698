"""What was known when: a screening with the list releases known on a day, recorded with both
dates, and what today's data changes in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main
from core.lists.catalog import release_date_of

NORTHROP = "northrop-grumman-systems"


def _supplier(tmp_path: Path) -> Path:
    path = tmp_path / "suppliers.csv"
    path.write_text("Supplier,Country\nNorthrop Grumman Systems Corporation,US\n", encoding="utf-8")
    return path


def test_known_on_uses_the_release_of_that_day_and_runs_changes_names_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    supplier = str(_supplier(tmp_path))
    report = tmp_path / "known.xlsx"
    assert main(["--database", url, "screen", supplier, "--as-of", "2026-12-04", "--known-on",
                 "2026-09-01", "--json", "-", "--output", str(report)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    known = json.loads(out[: out.rindex("}") + 1])
    assert known["known_on"] == "2026-09-01" and known["as_of"] == "2026-12-04"
    assert [r["version"] for r in known["releases"]] == ["2026.08.22"]
    assert not known["hits"]
    audit = {r[0]: r[1] for r in load_workbook(report)["Audit"].iter_rows(values_only=True)}
    assert audit["Known on"].date().isoformat() == "2026-09-01"
    assert (
        main(["--database", url, "screen", supplier, "--as-of", "2026-12-04", "--json", "-"]) == 0
    )
    newest = json.loads(capsys.readouterr().out)
    assert [r["version"] for r in newest["releases"]] == ["2026.12.04"]
    [hit] = [h for h in newest["hits"] if h["entity_id"] == NORTHROP]
    assert hit["list_id"] == "cn-countermeasures" and hit["status"] == "active"
    assert main(["--database", url, "runs", "changes", "1", "--json", "-"]) == 0
    [run] = json.loads(capsys.readouterr().out)["runs"]
    [change] = run["changes"]
    assert (change["row"], change["entity_id"], change["list_id"]) == (
        2,
        NORTHROP,
        "cn-countermeasures",
    )
    assert (change["before"], change["after"]) == (None, "active")
    assert main(["--database", url, "runs", "show", "1"]) == 0
    assert "list releases known on 2026-09-01: TradeScreen reference data 2026.08.22" in (
        capsys.readouterr().out
    )


def test_nothing_known_that_early_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    supplier = str(_supplier(tmp_path))
    assert main(["--database", url, "screen", supplier, "--as-of", "2026-12-04",
                 "--known-on", "2020-01-01"]) == 2  # fmt: skip
    assert "no list release was known on that day" in capsys.readouterr().err


def test_the_release_date_comes_from_the_manifest_or_the_version() -> None:
    assert release_date_of({"released": "2026-12-05"}, "2026.12.04").isoformat() == "2026-12-05"
    assert release_date_of({}, "2026.08.22").isoformat() == "2026-08-22"
    assert release_date_of({}, "2026-11-30 (ab12cd34)").isoformat() == "2026-11-30"
    assert release_date_of({}, "v7") is None
