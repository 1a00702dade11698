"""A report export killed halfway leaves its temporary file beside the destination; the next
start removes it (and never one that a running export is writing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.report.target import remove_stray_temporaries, staged_file
from core.services import CoreServices
from tests.faults.conftest import REPO, cli_env

KILLED_WHILE_WRITING = (
    "import os, sys\n"
    "from pathlib import Path\n"
    "from core.report.target import staged_file\n"
    "with staged_file(Path(sys.argv[1])) as temp:\n"
    "    temp.write_bytes(b'half a workbook')\n"
    "    os.kill(os.getpid(), 9)\n"
)


def test_the_next_start_removes_what_a_killed_export_left(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "result.xlsx"
    target.parent.mkdir()
    data = tmp_path / "userdata"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(target)],
        cwd=REPO, env=cli_env(data), timeout=60,
    )  # fmt: skip
    assert killed.returncode == -9
    left = list(target.parent.glob("~result.*.tmp"))
    assert len(left) == 1 and not target.exists()
    os.environ["TRADESCREEN_DATA_DIR"] = str(data)  # restored by the autouse fixture
    with CoreServices(f"sqlite:///{tmp_path / 'test.db'}"):
        pass
    assert list(target.parent.iterdir()) == []


def test_a_temporary_being_written_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "result.xlsx"
    with staged_file(target) as temp:
        temp.write_bytes(b"in progress")
        assert remove_stray_temporaries() == []
        assert temp.exists()
    assert target.read_bytes() == b"in progress"
