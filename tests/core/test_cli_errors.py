"""CLI exit codes and one-line errors (design.md, "Command line")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["lists", "--as-of", "2025-02-30"],
            2,
            "'2025-02-30' is not a date in the form YYYY-MM-DD",
        ),
        (["lists", "--as-of", "20/05/2025"], 2, "is not a date"),
        (["frobnicate"], 2, "invalid choice"),
        ([], 2, "required"),
        (["entity", "no such company anywhere"], 1, "no listed entity matches"),
        (["lists", "import", "/no/such/pack"], 1, "no such file or directory"),
        (["--database", "mysql+nodriver://x/y", "lists"], 1, "unsupported database URL"),
    ],
)
def test_user_mistakes_get_one_line_and_the_right_code(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, _out, err = _run(args, capsys)
    assert got == code
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unreadable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_bytes(b"garbage" * 1000)
    code, _, err = _run(["--database", str(bogus), "lists"], capsys)
    assert code == 1
    assert "cannot open the database" in err and len(err.strip().splitlines()) == 1


def test_entity_history_shows_every_list_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["entity", "Kratos", "--as-of", "2025-05-20"], capsys)
    assert code == 0
    assert "cn-unreliable-entity (Unreliable Entity List): suspended until 2025-08-12" in out
    assert "cn-export-control (Export Control Control List): suspended until 2025-08-12" in out
    assert "不可靠实体清单工作机制公告〔2025〕7号" in out
    assert "source: https://www.mofcom.gov.cn/" in out


def test_entity_found_by_chinese_name_and_alias(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["entity", "奎托斯无人机系统公司"], capsys)
    assert code == 0 and "kratos-unmanned-aerial-systems" in out


def test_version_prints_the_user_data_dir(
    capsys: pytest.CaptureFixture[str], _private_data_dir: Path
) -> None:
    code, out, _ = _run(["--version"], capsys)
    assert code == 0
    assert str(_private_data_dir) in out


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "core.cli", "--database", str(tmp_path / "p.db"), "lists",
         "--as-of", "2025-04-03"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "cn-unreliable-entity" in result.stdout
