"""Earlier screenings checked again from their kept names: what a list update changes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import main
from core.lists.catalog import ListCatalog
from core.lists.model import Status
from core.paths import sample_suppliers_file
from core.review import AuditLog, RunStore
from core.screening import ScreeningRequest
from core.services.changes import ChangeKind, ChangeService
from core.services.screening import ScreeningService
from core.store.database import Database
from tests.core.review.test_review import KRATOS, KRATOS_ROW, _newer_pack_with_event

pytestmark = pytest.mark.usefixtures("trust_test_key")

AS_OF = dt.date(2025, 5, 20)
REMOVED = (f"{KRATOS},cn-unreliable-entity,removed,2025-05-01,,2025-04-30,"
           "Test removal 2025-04-30,https://example.org/removal,,")  # fmt: skip


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    ListCatalog(database).ensure_bundled()
    yield database
    database.dispose()


def _first_run(db: Database) -> int:
    result = ScreeningService(db, user="alice").run(
        ScreeningRequest(sample_suppliers_file(), AS_OF)
    )
    assert result.run_id is not None
    kept = RunStore(db).stored(result.run_id).kept
    assert sum(len(k.rows) for k in kept) == result.rows_screened == 60
    return result.run_id


def test_nothing_changes_without_new_list_data(db: Database) -> None:
    run_id = _first_run(db)
    [changes] = ChangeService(ScreeningService(db)).changes([run_id])
    assert changes.kept and changes.rows == 60 and not changes.changes


def test_a_removal_in_newer_data_is_named_and_a_rescreen_stores_it(
    db: Database, tmp_path: Path
) -> None:
    run_id = _first_run(db)
    ListCatalog(db).import_pack(_newer_pack_with_event(tmp_path, REMOVED))
    service = ChangeService(ScreeningService(db))
    [changes] = service.changes()
    [change] = changes.changes
    assert (change.row, change.entity_id, change.list_id) == (
        KRATOS_ROW,
        KRATOS,
        "cn-unreliable-entity",
    )
    assert (change.kind, change.before, change.after) == (
        ChangeKind.STATUS,
        Status.SUSPENDED,
        Status.REMOVED,
    )
    again = service.rescreen(run_id)
    assert again.run_id is not None and again.run_id != run_id
    uel = next(
        h for h in again.hits if h.entity_id == KRATOS and h.list_id == "cn-unreliable-entity"
    )
    assert uel.status is Status.REMOVED
    stored = RunStore(db).stored(again.run_id)
    assert stored.input_sha256 == RunStore(db).stored(run_id).input_sha256
    [after] = service.changes([again.run_id])
    assert not after.changes


def test_cli_changes_monitoring_and_rescreen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    sample = str(sample_suppliers_file())
    assert main(["--database", url, "screen", sample, "--as-of", AS_OF.isoformat()]) == 0
    assert main(["--database", url, "runs", "monitor", "1"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "lists", "import",
                 str(_newer_pack_with_event(tmp_path, REMOVED))]) == 0  # fmt: skip
    imported = capsys.readouterr().out
    assert "monitored run 1 (suppliers-sample.xlsx): 1 changes" in imported
    assert "1 of 1 monitored runs affected" in imported
    db = Database(url)
    [checked] = [e for e in AuditLog(db).entries() if e.action == "monitoring.checked"]
    assert checked.details["affected"] == {"1": 1}
    db.dispose()
    assert main(["--database", url, "runs", "changes", "--monitored", "--json", "-"]) == 0
    [run] = json.loads(capsys.readouterr().out)["runs"]
    [change] = run["changes"]
    assert (change["row"], change["before"], change["after"]) == (
        KRATOS_ROW,
        "suspended",
        "removed",
    )
    assert main(["--database", url, "runs", "changes"]) == 0
    assert "1 of 1 runs affected" in capsys.readouterr().out
    assert main(["--database", url, "rescreen", "1", "--as-of", "2025-09-01"]) == 0
    out = capsys.readouterr().out
    assert "screened again as of 2025-09-01" in out and "stored as run 2" in out
