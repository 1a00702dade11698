"""The CLI habits scripts rely on: standard input, ``--csv``, versioned JSON, ``--json -`` on
every text command, ``--fail-on``, ``-q``/``-v``, ``--version`` paths and the log file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.cli import main
from core.cli.output import suffix_for
from core.cli.screen_cmd import FAIL_ON_EXIT
from core.logs import log_path, remove_file_log
from core.paths import sample_suppliers_file
from core.screening.json_export import hit_json_fields

REPO = Path(__file__).resolve().parents[2]
SAMPLE = sample_suppliers_file()


@pytest.fixture(autouse=True)
def _close_log() -> Any:
    yield
    remove_file_log()


def sample_as_csv(tmp_path: Path) -> Path:
    workbook = openpyxl.load_workbook(SAMPLE, read_only=True)  # holds the file until closed
    out = tmp_path / "suppliers.csv"
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for row in workbook["Vendors"].iter_rows(values_only=True):
                writer.writerow(["" if v is None else v for v in row])
    finally:
        workbook.close()
    return out


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        input=stdin, capture_output=True, env=env, cwd=REPO, check=False, timeout=300,
    )  # fmt: skip


def test_a_csv_piped_in_is_screened_and_the_json_is_versioned(tmp_path: Path) -> None:
    """``cat file.csv | tradescreen-cli screen - --as-of … --json -``"""
    piped = run_cli("screen", "-", "--as-of", "2025-05-20", "--json", "-",
                    stdin=sample_as_csv(tmp_path).read_bytes())  # fmt: skip
    assert piped.returncode == 0, piped.stderr.decode()
    data = json.loads(piped.stdout)
    assert next(iter(data)) == "format_version"
    assert data["format_version"] == 1
    assert data["app_version"] and data["matcher_version"] >= 1
    assert data["input"] == "stdin.csv"
    assert data["rows_screened"] == 60
    assert any(h["entity_id"] == "kratos-unmanned-aerial-systems" for h in data["hits"])


def test_a_workbook_on_standard_input_gives_the_same_hits_as_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    assert main(["screen", "-", "--as-of", "2025-05-20", "--json", "-"]) == 0
    piped = json.loads(capsys.readouterr().out)
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--json", "-"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    key = [(h["row"], h["entity_id"], h["list_id"], h["status"]) for h in piped["hits"]]
    assert key == [(h["row"], h["entity_id"], h["list_id"], h["status"]) for h in from_file["hits"]]
    assert piped["input"] == "stdin.xlsx"


@pytest.mark.parametrize(
    ("head", "suffix"),
    [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ".xls"), (b"name\tcountry\nA\tB", ".tsv"),
     (b"name,country\nA,B", ".csv"), (b"PK\x03\x04broken", ".xlsx")],
)  # fmt: skip
def test_standard_input_format_is_judged_from_the_bytes(head: bytes, suffix: str) -> None:
    assert suffix_for(head) == suffix


def test_csv_to_standard_output_has_the_json_hit_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--json", "-"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--csv", "-"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == hit_json_fields() == list(hits[0])
    assert len(rows) == 1 + len(hits)
    by_name = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["entity_id"] for r in by_name] == [h["entity_id"] for h in hits]
    assert [float(r["score"]) for r in by_name] == [h["score"] for h in hits]


def test_csv_file_without_hits_still_has_its_header(tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    assert main(["screen", str(SAMPLE), "--as-of", "2000-01-01", "--csv", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines() == [",".join(hit_json_fields())]


def test_fail_on_active_exits_with_its_code_only_when_an_active_hit_exists(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--json", "-"]) == 0
    statuses = {h["status"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert "active" in statuses
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--fail-on", "active"]) == (
        FAIL_ON_EXIT
    )
    assert FAIL_ON_EXIT not in (0, 1, 2)
    assert main(["screen", str(SAMPLE), "--as-of", "2000-01-01", "--fail-on", "active"]) == 0
    absent = "pending" if "pending" not in statuses else "removed"
    if absent not in statuses:
        assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--fail-on", absent]) == 0


def test_fail_on_an_unknown_status_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--fail-on", "active,banned"])
    assert exit_.value.code == 2
    assert "'banned' is not a hit status" in capsys.readouterr().err


def test_every_text_command_writes_json_to_standard_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20"]) == 0
    assert main(["decide", "1", "32", "kratos-unmanned-aerial-systems", "--as", "escalated",
                 "--by", "Alice"]) == 0  # fmt: skip
    capsys.readouterr()
    documents = {}
    for command in (["lists"], ["runs"], ["runs", "show", "1"], ["entity", "kratos"], ["audit"]):
        assert main([*command, "--json", "-"]) == 0
        documents[command[-1]] = json.loads(capsys.readouterr().out)
    for data in documents.values():
        assert next(iter(data)) == "format_version"
    assert "cn-export-control" in [lst["list_id"] for lst in documents["lists"]["lists"]]
    assert documents["runs"]["runs"][0]["run_id"] == 1
    assert documents["1"]["run_id"] == 1 and documents["1"]["hits"]
    assert documents["kratos"]["entities"][0]["listings"]
    decision = next(r for r in documents["audit"]["records"] if r["action"] == "decision.recorded")
    assert decision["actor"] == "Alice"
    assert decision["details"]["os_user"], "the OS user is recorded beside the name given"


def test_version_names_the_config_and_log_files(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    lines = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines()[1:])
    assert lines["config"].endswith("config.toml")
    assert lines["log"] == str(log_path())


def test_a_screening_is_logged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "screen", str(SAMPLE), "--as-of", "2025-05-20"]) == 0
    remove_file_log()
    text = log_path().read_text(encoding="utf-8")
    assert "core.services.screening [cli]: screened suppliers-sample.xlsx" in text
    assert "as of 2025-05-20: 60 rows" in text


def test_quiet_hides_warnings_and_verbose_shows_more(capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    assert main(["-q", "lists"]) == 0
    logging.getLogger("core.lists").warning("hidden by -q")
    assert "hidden by -q" not in capsys.readouterr().err
    assert main(["-v", "lists"]) == 0
    logging.getLogger("core.lists").info("shown with -v")
    assert "shown with -v" in capsys.readouterr().err


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
def test_progress_goes_to_stderr_only_on_a_terminal(tty: bool) -> None:
    from core.cli.common import TerminalProgress

    stream = _Stream(tty)
    progress = TerminalProgress(stream)
    progress.report(0, 200, "Matching names")
    progress.report(200, 200, "Matching names")
    progress.finish()
    shown = stream.getvalue()
    if tty:
        assert "Matching names   0%" in shown and "Matching names 100%" in shown
        assert shown.endswith("\r\x1b[K"), "the line is cleared for what follows"
    else:
        assert shown == ""
