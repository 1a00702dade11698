"""kill -9 or SIGTERM of the CLI while it reads, matches or stores: no process of ours is
alive 5 s later (the matching workers and multiprocessing's resource tracker included), and
the database holds no half-stored run (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.review import AuditLog
from core.store.database import Database
from core.store.models import RunHit, ScreeningRun
from tests.faults.conftest import start_phased_cli
from tests.faults.processes import descendants, kill_all, needs_proc, wait_for_exit

pytestmark = [needs_proc, pytest.mark.slow]

PHASES = {
    "reading": "Reading ",
    "matching": "Screening",
    "storing": "Saving the screening",
}


def _run_until(process: subprocess.Popen[str], marker: str) -> set[int]:
    """Read the CLI's phase lines until one starts with ``marker`` (while its workers run);
    every process below it seen meanwhile."""
    assert process.stderr is not None
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    for line in process.stderr:
        seen |= descendants(process.pid)
        if line.startswith("PHASE " + marker) and (marker != "Reading " or len(seen) >= 2):
            seen |= descendants(process.pid)
            return seen
        assert time.monotonic() < deadline, "the CLI never got there"
    pytest.fail(f"the CLI ended (status {process.wait()}) before {marker!r}")


@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_no_process_outlives_the_cli(
    phase: str, how: signal.Signals, supplier_csv: Path, tmp_path: Path, database_url: str
) -> None:
    database = database_url
    args = ["screen", str(supplier_csv), "--as-of", "2025-05-20", "--database", database]
    process = start_phased_cli(args, tmp_path / "data")
    try:
        ours = _run_until(process, PHASES[phase])
        assert len(ours) >= 2, "the screening should have started its worker processes"
        process.send_signal(how)
        assert process.stderr is not None
        said = process.stderr.read()
        process.wait(timeout=30)
        left = wait_for_exit(ours, 5.0)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()
    kill_all(left)
    assert not left, f"still alive 5 s after {how.name} while {phase}: {sorted(left)}"
    if how == signal.SIGTERM:
        # 143: unwound; 0: it had finished; -15: ended by the signal after its clean-up
        finished = "PHASE Saved" in said
        assert process.returncode == 143 or (finished and process.returncode in (0, -15)), said
    _no_half_stored_run(database)


def _no_half_stored_run(url: str) -> None:
    """Every run stored has all its hits and its audit record; the trail is intact."""
    db = Database(url)
    try:
        with db.session() as session:
            for run in session.scalars(select(ScreeningRun)):
                stored = session.scalar(
                    select(func.count(RunHit.id)).where(RunHit.run_id == run.id)
                )
                assert stored == run.hit_count, f"run {run.id}: {stored} of {run.hit_count} hits"
            runs = session.scalar(select(func.count(ScreeningRun.id)))
        check = AuditLog(db).verify()
        assert check.ok
        assert sum(e.action == "screening.run" for e in AuditLog(db).entries()) == runs
    finally:
        db.dispose()
