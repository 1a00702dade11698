"""An SQLite database this user may not write (a shared drive, a read-only copy for an
auditor): the commands that only read work; a write is refused with one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import core.store.database as database_module
from core.cli import main
from core.store.database import Database


@pytest.fixture
def read_only_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with a screening run and decisions, copied into a folder where neither it
    nor its WAL side files may be written (permissions are simulated: the tests may run as
    root, whom file modes do not stop)."""
    made = tmp_path / "made" / "tradescreen.db"
    url = f"sqlite:///{made}"
    from core.paths import sample_suppliers_file

    assert main(["screen", str(sample_suppliers_file()), "--as-of", "2025-05-20",
                 "--database", url]) == 0  # fmt: skip
    Database(url).dispose()  # checkpointed: the WAL merged into the file
    shared = tmp_path / "shared"
    shared.mkdir()
    copy = shared / "tradescreen.db"
    shutil.copyfile(made, copy)
    monkeypatch.setattr(database_module, "_writable", lambda path: False)
    return copy


@pytest.mark.parametrize("command", [["runs"], ["runs", "show", "1"], ["audit", "verify"],
                                     ["lists"], ["entity", "Kratos"]])  # fmt: skip
def test_reading_commands_work(
    command: list[str], read_only_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", str(read_only_copy), *command]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in read_only_copy.parent.iterdir()) == ["tradescreen.db"]


def test_a_write_is_one_line_and_changes_nothing(
    read_only_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only_copy.read_bytes()
    code = main(["--database", str(read_only_copy), "decide", "1", "32",
                 "kratos-unmanned-aerial-systems", "--as", "confirmed"])  # fmt: skip
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.count("\n") == 0 and "Traceback" not in err
    assert "readonly" in err.replace("-", "").replace(" ", "") or "read-only" in err
    assert read_only_copy.read_bytes() == before
