"""kill -9 or SIGTERM of the window with a large file open (its matching workers started
while the user checks the columns): no process of ours is alive 5 s later."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import REPO, cli_env
from tests.faults.processes import descendants, kill_all, needs_proc, wait_for_exit

pytestmark = [needs_proc, pytest.mark.slow]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_no_process_outlives_the_window(
    how: signal.Signals, supplier_csv: Path, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'test.db'}"
    window = subprocess.Popen(
        [sys.executable, "-m", "gui", str(supplier_csv), "--database", database],
        cwd=REPO,
        env=cli_env(tmp_path / "data"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ours: set[int] = set()
        deadline = time.monotonic() + 90
        while len(ours) < 3 and time.monotonic() < deadline:  # 2 workers + resource tracker
            assert window.poll() is None, f"the window ended with status {window.returncode}"
            ours |= descendants(window.pid)
            time.sleep(0.1)
        assert len(ours) >= 3, f"the window did not start its workers: {sorted(ours)}"
        time.sleep(0.5)
        ours |= descendants(window.pid)
        window.send_signal(how)
        window.wait(timeout=30)
        left = wait_for_exit(ours, 5.0)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    kill_all(left)
    assert not left, f"still alive 5 s after {how.name}: {sorted(left)}"
    if how == signal.SIGTERM:
        assert window.returncode == 0, "SIGTERM closes the window as the user would"
