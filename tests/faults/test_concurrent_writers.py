"""Reviewers deciding at the same instant on one shared database (PostgreSQL, and SQLite):
every decision is stored, the audit chain stays intact, and a screening stored meanwhile is
stored too. Each reviewer is a client of its own (an engine and connection of its own), as
separate app instances are."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.lists.catalog import ListCatalog
from core.paths import sample_suppliers_file
from core.review import AuditLog, DecisionService, RunStore
from core.screening import ScreeningRequest
from core.screening.result import ListingHit
from core.services import ScreeningService
from core.store.database import Database
from core.store.models import DecisionRecord
from tests.faults.conftest import REPO, cli_env
from tests.support.postgres import ThrowawayPostgres

REVIEWERS = 20
ROUNDS = 10
AS_OF = dt.date(2025, 5, 20)


def _stored_run(url: str) -> tuple[int, list[ListingHit]]:
    db = Database(url)
    try:
        ListCatalog(db).ensure_bundled()
        result = ScreeningService(db, user="lead").run(
            ScreeningRequest(sample_suppliers_file(), AS_OF)
        )
        assert result.run_id is not None and result.hits
        return result.run_id, result.hits
    finally:
        db.dispose()


def _decisions(url: str) -> int:
    db = Database(url, migrate=False)
    try:
        with db.session() as session:
            return int(session.scalar(select(func.count(DecisionRecord.id))) or 0)
    finally:
        db.dispose()


def _verify(url: str) -> tuple[bool, int]:
    db = Database(url, migrate=False)
    try:
        check = AuditLog(db).verify()
        return check.ok, check.records
    finally:
        db.dispose()


def _decide_at_once(url: str, run_id: int, hits: list[ListingHit], count: int) -> list[str]:
    """``count`` reviewers, each with a database client of its own, deciding at one instant;
    the errors they got. (Each is given the list data read once, as the window does.)"""
    clients = [Database(url, migrate=False) for _ in range(count)]
    snapshot = ListCatalog(clients[0]).snapshot()
    start = threading.Barrier(count)

    def decide(n: int) -> str:
        hit = hits[n % len(hits)]
        start.wait()
        try:
            DecisionService(clients[n]).decide(
                run_id, hit.row, hit.entity_id, "false-positive", f"round {n}",
                by=f"reviewer-{n}", sheet=hit.sheet, snapshot=snapshot,
            )  # fmt: skip
        except Exception as err:  # the test reports every failure, of any kind
            return f"{type(err).__name__}: {err}"
        return ""

    try:
        with ThreadPoolExecutor(count) as pool:
            return [error for error in pool.map(decide, range(count)) if error]
    finally:
        for client in clients:
            client.dispose()


@pytest.mark.slow
def test_twenty_reviewers_at_once_all_stored(database_url: str) -> None:
    run_id, hits = _stored_run(database_url)
    records_before = _verify(database_url)[1]
    for round_ in range(1, ROUNDS + 1):
        errors = _decide_at_once(database_url, run_id, hits, REVIEWERS)
        assert errors == [], f"round {round_}: {errors[:3]}"
        assert _decisions(database_url) == REVIEWERS * round_
        ok, records = _verify(database_url)
        assert ok and records == records_before + REVIEWERS * round_


@pytest.mark.slow
def test_screening_stores_while_reviewers_decide(database_url: str) -> None:
    run_id, hits = _stored_run(database_url)
    screening_db = Database(database_url, migrate=False)
    stored: list[int | None] = []

    def screen() -> None:
        service = ScreeningService(screening_db, user="screener")
        stored.append(service.run(ScreeningRequest(sample_suppliers_file(), AS_OF)).run_id)

    try:
        screener = threading.Thread(target=screen)
        screener.start()
        errors = _decide_at_once(database_url, run_id, hits, REVIEWERS)
        screener.join(timeout=120)
    finally:
        screening_db.dispose()
    assert errors == []
    assert len(stored) == 1 and stored[0] is not None
    check_db = Database(database_url, migrate=False)
    try:
        assert stored[0] in {run.run_id for run in RunStore(check_db).list_runs()}
    finally:
        check_db.dispose()
    assert _verify(database_url)[0]


@pytest.mark.slow
@pytest.mark.postgres
def test_twenty_decide_commands_at_once(postgres_server: ThrowawayPostgres, tmp_path: Path) -> None:
    """The real CLI, 20 processes started together on PostgreSQL (where the decisions were
    lost): 20 decisions, exit status 0 each. (About 40 s on two cores: once, on the server.)"""
    database_url = postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}")
    run_id, hits = _stored_run(database_url)
    env = cli_env(tmp_path / "data", workers=0)

    def decide(n: int) -> subprocess.Popen[str]:
        hit = hits[n % len(hits)]
        command = ["decide", str(run_id), str(hit.row), hit.entity_id, "--as", "escalated"]
        return subprocess.Popen(
            [sys.executable, "-m", "core.cli", *command, "--by", f"cli-{n}",
             "--database", database_url],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    commands = [decide(n) for n in range(REVIEWERS)]
    failures = []
    for command in commands:
        _, err = command.communicate(timeout=180)
        if command.returncode != 0:
            failures.append(err.strip())
    assert failures == []
    assert _decisions(database_url) == REVIEWERS
    verify = subprocess.run(
        [sys.executable, "-m", "core.cli", "audit", "verify", "--database", database_url],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stdout + verify.stderr
