"""Stored runs, decisions remembered across screenings, and the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from core.cli import main
from core.errors import NotFoundError, UsageError
from core.lists.catalog import ListCatalog
from core.lists.signing import sign_manifest
from core.paths import bundled_pack_dir, sample_suppliers_file
from core.report.flagged import decision_note
from core.review import AuditLog, Decision, DecisionService, ReviewState, RunStore, review_of
from core.screening import ScreeningRequest
from core.services import ScreeningService
from core.store.database import Database
from tests.support.packs import TEST_KEY, TEST_TRUSTED

SAMPLE = sample_suppliers_file()
KRATOS = "kratos-unmanned-aerial-systems"
KRATOS_ROW = 32
AS_OF = dt.date(2025, 5, 20)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    ListCatalog(database).ensure_bundled()
    yield database
    database.dispose()


def _screen(db: Database) -> list:  # type: ignore[type-arg]
    result = ScreeningService(db, user="alice").run(ScreeningRequest(SAMPLE, AS_OF))
    assert result.run_id is not None
    return result.hits


def _kratos(hits: list) -> list:  # type: ignore[type-arg]
    return [h for h in hits if h.entity_id == KRATOS]


def _newer_pack_with_event(tmp_path: Path, event_row: str) -> Path:
    """The bundled pack re-released with one more event, as a publisher would."""
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), pack)
    events = pack / "events.csv"
    raw = events.read_bytes()
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    events.write_bytes(raw.rstrip(b"\r\n") + newline + event_row.encode() + newline)
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["events.csv"]["sha256"] = hashlib.sha256(events.read_bytes()).hexdigest()
    manifest["version"] = "2026.12.01"
    manifest["data_cutoff"] = "2026-12-01"
    manifest["signature"] = sign_manifest(manifest, TEST_KEY)
    (pack / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return pack


def test_run_is_stored_and_loads_back_the_same(db: Database) -> None:
    service = ScreeningService(db, user="alice")
    result = service.run(ScreeningRequest(SAMPLE, AS_OF))
    store = RunStore(db)
    [summary] = store.list_runs()
    assert summary.run_id == result.run_id
    assert (summary.rows_screened, summary.flagged_rows) == (60, result.flagged_rows())
    assert summary.input_sha256 == result.input_sha256
    loaded = store.load(summary.run_id)
    assert loaded.hits == result.hits
    assert loaded.rows == result.rows
    assert loaded.releases == result.releases
    assert (loaded.as_of, loaded.threshold, loaded.list_ids) == (AS_OF, 88.0, result.list_ids)
    assert loaded.user == "alice"


def test_false_positive_is_remembered_until_the_listing_changes(
    db: Database, tmp_path: Path
) -> None:
    first = _screen(db)
    assert all(h.decision is None for h in _kratos(first))
    DecisionService(db).decide(1, KRATOS_ROW, KRATOS, Decision.FALSE_POSITIVE,
                               "our Kratos is a bakery", by="bob")  # fmt: skip

    second = _kratos(_screen(db))
    assert second and all(h.decision == "false_positive" for h in second)
    prior = second[0].prior
    assert prior is not None and prior.applies
    assert (prior.decided_by, prior.note, prior.run_id) == ("bob", "our Kratos is a bakery", 1)

    # A new listing event for the entity (a new release of the list data) brings it back.
    row = (f"{KRATOS},cn-unreliable-entity,removed,2026-11-30,,2026-11-28,"
           "Test announcement 2026-11-28,https://example.org/notice,,")  # fmt: skip
    ListCatalog(db, trusted=TEST_TRUSTED).import_pack(_newer_pack_with_event(tmp_path, row))
    third = _kratos(_screen(db))
    assert third and all(h.decision is None for h in third)
    prior = third[0].prior
    assert prior is not None and not prior.applies
    assert any("removed from 2026-11-30" in change.english() for change in prior.changes)


def test_a_decision_stored_under_an_older_normalization_is_still_remembered(
    db: Database,
) -> None:
    # A decision keeps the key the matcher of its day gave the supplier name; a newer matcher
    # may key that name otherwise (legal forms, particles, numbers): the memory must hold.
    _screen(db)
    DecisionService(db).decide(1, KRATOS_ROW, KRATOS, Decision.FALSE_POSITIVE, by="bob")
    with db.engine.begin() as connection:
        changed = connection.execute(
            text("UPDATE decisions SET supplier_key = 'kratos unmanned aerial system inc'")
        ).rowcount
    assert changed == 1
    again = _kratos(_screen(db))
    assert again and all(h.decision == "false_positive" for h in again)


def test_other_suppliers_are_not_cleared(db: Database) -> None:
    _screen(db)
    DecisionService(db).decide(1, KRATOS_ROW, KRATOS, "false-positive", by="bob")
    hits = _screen(db)
    assert all(h.decision is None for h in hits if h.entity_id != KRATOS)


@pytest.mark.usefixtures("trust_test_key")
@pytest.mark.parametrize("decision", [Decision.CONFIRMED, Decision.ESCALATED])
def test_every_decision_is_carried_over_until_the_listing_changes(
    db: Database, tmp_path: Path, decision: Decision
) -> None:
    _screen(db)
    updated = DecisionService(db).decide(1, KRATOS_ROW, KRATOS, decision, note="checked", by="amy")
    assert {h.decision for h in updated} == {decision}
    second = _kratos(_screen(db))
    assert second and all(h.decision is decision for h in second)
    assert all(review_of(h).state is ReviewState.REMEMBERED for h in second)
    prior = second[0].prior
    assert prior is not None and prior.applies and prior.decided_by == "amy"
    assert decision_note(second[0]).startswith(f"{decision.earlier} before by amy on ")

    row = (f"{KRATOS},cn-unreliable-entity,removed,2026-11-30,,2026-11-28,"
           "Test announcement 2026-11-28,https://example.org/notice,,")  # fmt: skip
    ListCatalog(db).import_pack(_newer_pack_with_event(tmp_path, row))
    third = _kratos(_screen(db))
    assert third and all(h.decision is None for h in third)
    assert all(review_of(h).state is ReviewState.REVIEW_AGAIN for h in third)


def test_decision_errors_are_specific(db: Database) -> None:
    _screen(db)
    service = DecisionService(db)
    with pytest.raises(NotFoundError, match="no screening run 99"):
        service.decide(99, KRATOS_ROW, KRATOS, "confirmed")
    with pytest.raises(NotFoundError, match=f"hits on that row: {KRATOS}"):
        service.decide(1, KRATOS_ROW, "huawei-technologies", "confirmed")
    with pytest.raises(UsageError, match="unknown decision"):
        service.decide(1, KRATOS_ROW, KRATOS, "maybe")


def test_audit_chain_records_everything_and_verifies(db: Database) -> None:
    _screen(db)
    DecisionService(db).decide(1, KRATOS_ROW, KRATOS, "escalated", by="carol")
    log = AuditLog(db)
    log.append("settings.changed", "threshold", {"from": 88, "to": 90}, "carol")
    actions = [e.action for e in reversed(log.entries())]
    # Two bundled releases (2026.08.22 and 2026.12.04), then the run and the decisions.
    assert actions == ["lists.imported", "lists.imported", "screening.run", "decision.recorded",
                       "settings.changed"]  # fmt: skip
    assert log.verify().ok


@pytest.mark.parametrize(
    ("statement", "seq", "problem"),
    [
        ("UPDATE audit_log SET details = '{\"decision\":\"confirmed\"}' WHERE seq = 3", 3,
         "content was changed"),
        ("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2", 2, "content was changed"),
        ("DELETE FROM audit_log WHERE seq = 2", 2, "missing"),
    ],
)  # fmt: skip
def test_audit_verify_finds_the_first_edited_record(
    db: Database, statement: str, seq: int, problem: str
) -> None:
    _screen(db)
    DecisionService(db).decide(1, KRATOS_ROW, KRATOS, "false-positive", by="bob")
    assert AuditLog(db).verify().ok
    with db.engine.begin() as connection:
        connection.execute(text(statement))
    check = AuditLog(db).verify()
    assert not check.ok
    assert check.broken_seq == seq
    assert problem in check.problem


def test_cli_review_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    assert main(["screen", str(SAMPLE), "--as-of", "2025-05-20", "--database", url]) == 0
    assert main(["decide", "1", str(KRATOS_ROW), KRATOS, "--as", "false-positive",
                 "--note", "not them", "--by", "dana", "--database", url]) == 0  # fmt: skip
    assert main(["runs", "--database", url]) == 0
    assert main(["runs", "show", "1", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "false positive by dana" in out
    assert main(["audit", "verify", "--database", url]) == 0
    assert "audit trail intact: 4 records" in capsys.readouterr().out
    db = Database(url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET subject = 'run 7' WHERE seq = 2"))
    db.dispose()
    assert main(["audit", "verify", "--database", url]) == 3
    assert "BROKEN at record 2" in capsys.readouterr().out
    assert main(["decide", "1", "5", KRATOS, "--as", "confirmed", "--database", url]) == 1
    assert "no hit for" in capsys.readouterr().err
