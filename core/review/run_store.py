"""Stored screening runs: save a result, list the runs, load one back exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from core.errors import NotFoundError
from core.lists.asof import StatusBasis
from core.lists.model import Status
from core.lists.snapshot import ReleaseInfo, freshness_warnings
from core.review.cell_json import cells_from_json, cells_to_json
from core.review.hit_records import (
    hit_rows,
    hits_from_records,
    item_hit_from_record,
    item_hit_record,
)
from core.screening.coverage import CoverageWarning
from core.screening.decision import Decision
from core.screening.hit_table import HitTable
from core.screening.kept_names import KeptSheet
from core.screening.result import ListingHit, ScreenedSheet, ScreeningResult
from core.store.audit import append_in
from core.store.database import Database
from core.store.models import (
    Base,
    DecisionRecord,
    RunHit,
    RunItemHit,
    RunNames,
    RunRow,
    ScreeningRun,
)
from core.store.timestamps import as_utc


@dataclass(frozen=True)
class RunSummary:
    run_id: int
    input_name: str
    input_sha256: str
    as_of: dt.date
    started_at: dt.datetime
    user: str
    rows_screened: int
    flagged_rows: int
    hit_count: int
    threshold: float
    decided: int
    monitored: bool = False


@dataclass(frozen=True)
class StoredRun:
    """What it takes to screen a stored run again: its options and every row it kept."""

    run_id: int
    input_name: str
    input_path: str
    input_sha256: str
    as_of: dt.date
    threshold: float
    list_ids: tuple[str, ...]
    kept: tuple[KeptSheet, ...]
    """Empty for a run stored before the names were kept."""
    hits: dict[tuple[str | None, int, str, str], tuple[Status, StatusBasis]]
    """The run's hits: (sheet, row, entity, list) -> status and basis, as stored."""
    names: dict[tuple[str | None, int, str], tuple[str, str]]
    """(sheet, row, entity) -> the supplier name and entity name of a hit, as stored."""


def _day(text: object) -> dt.date | None:
    return dt.date.fromisoformat(text) if isinstance(text, str) and text else None


def _release_json(release: ReleaseInfo) -> dict[str, Any]:
    data = asdict(release)
    data["data_cutoff"] = release.data_cutoff.isoformat()
    data["imported_at"] = release.imported_at.isoformat()
    data["released_on"] = release.released_on.isoformat() if release.released_on else None
    data["list_ids"] = list(release.list_ids)
    return data


def _release_from(data: dict[str, Any]) -> ReleaseInfo:
    return ReleaseInfo(
        release_id=int(data["release_id"]),
        publisher=str(data["publisher"]),
        version=str(data["version"]),
        data_cutoff=dt.date.fromisoformat(data["data_cutoff"]),
        checksum=str(data["checksum"]),
        imported_at=dt.datetime.fromisoformat(data["imported_at"]),
        list_ids=tuple(data["list_ids"]),
        # Runs stored before releases had provenance lack these: the defaults say "unknown".
        licence=str(data.get("licence", "")),
        attribution=str(data.get("attribution", "")),
        origin=str(data.get("origin", "pack")),
        signed_by=str(data.get("signed_by", "")),
        unsigned_allowed=bool(data.get("unsigned_allowed", False)),
        released_on=_day(data.get("released_on")),
    )


class RunStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save_in(self, session: Session, result: ScreeningResult, settings: dict[str, Any]) -> int:
        """Store the run, its flagged rows and hits, and an audit record, in one transaction;
        the new run's id (``result`` is not changed: ``replace(result, run_id=...)``)."""
        run = ScreeningRun(
            input_name=result.input_name,
            input_path=result.input_path,
            input_sha256=result.input_sha256,
            as_of=result.as_of,
            threshold=result.threshold,
            list_ids=json.dumps(list(result.list_ids)),
            releases=json.dumps([_release_json(r) for r in result.releases], ensure_ascii=False),
            sheets=json.dumps([asdict(s) for s in result.sheets], ensure_ascii=False),
            settings=json.dumps(settings, ensure_ascii=False, sort_keys=True),
            known_on=result.known_on,
            warnings=json.dumps(
                [w.to_json() | {"title": w.title} for w in result.coverage], ensure_ascii=False
            ),
            app_version=result.app_version,
            user=result.user,
            started_at=result.started_at,
            finished_at=result.finished_at,
            rows_screened=result.rows_screened,
            flagged_rows=result.flagged_rows(),
            hit_count=len(result.hits),
        )
        session.add(run)
        session.flush()
        # Rows and hits go in as bulk inserts in batches, not as one ORM object each: a file
        # where every row hits has millions of them.
        _insert_batched(
            session,
            RunRow,
            (
                {"run_id": run.id, "sheet": sheet, "row_number": row, "cells": cells_to_json(v)}
                for (sheet, row), v in result.rows.items()
            ),
        )
        session.add_all(
            RunNames(run_id=run.id, position=i, sheet=k.sheet, rows=len(k.rows), data=k.encode())
            for i, k in enumerate(result.kept)
        )
        _insert_batched(session, RunHit, hit_rows(run.id, result.hits))
        session.add_all(
            item_hit_record(run.id, position, h) for position, h in enumerate(result.item_hits)
        )
        append_in(
            session,
            "screening.run",
            f"run {run.id}",
            {
                "input": result.input_name,
                "sha256": result.input_sha256,
                "as_of": result.as_of.isoformat(),
                "lists": list(result.list_ids),
                "releases": [r.checksum for r in result.releases],
                "threshold": result.threshold,
                "rows": result.rows_screened,
                "hits": len(result.hits),
                "item_hits": len(result.item_hits),
            },
            result.user,
        )
        return run.id

    def list_runs(self, limit: int | None = None) -> list[RunSummary]:
        """Newest first."""
        with self.db.session() as session:
            counted = select(DecisionRecord.run_id, func.count(DecisionRecord.id)).group_by(
                DecisionRecord.run_id
            )
            decided: dict[int, int] = {run: n for run, n in session.execute(counted)}
            query = select(ScreeningRun).order_by(ScreeningRun.id.desc())
            if limit is not None:
                query = query.limit(limit)
            return [
                RunSummary(
                    run_id=r.id,
                    input_name=r.input_name,
                    input_sha256=r.input_sha256,
                    as_of=r.as_of,
                    started_at=as_utc(r.started_at),
                    user=r.user,
                    rows_screened=r.rows_screened,
                    flagged_rows=r.flagged_rows,
                    hit_count=r.hit_count,
                    threshold=r.threshold,
                    decided=int(decided.get(r.id, 0)),
                    monitored=r.monitored,
                )
                for r in session.scalars(query)
            ]

    def stored(self, run_id: int) -> StoredRun:
        """The run's options, kept names and hits (``NotFoundError`` for an unknown run)."""
        with self.db.session() as session:
            run = session.get(ScreeningRun, run_id)
            if run is None:
                raise NotFoundError(f"there is no screening run {run_id}")
            kept = tuple(
                KeptSheet.decode(r.sheet, r.data)
                for r in session.scalars(
                    select(RunNames).where(RunNames.run_id == run_id).order_by(RunNames.position)
                )
            )
            query = select(
                RunHit.sheet, RunHit.row_number, RunHit.entity_id, RunHit.list_id, RunHit.status,
                RunHit.status_basis, RunHit.supplier_name, RunHit.entity_name,
            ).where(RunHit.run_id == run_id)  # fmt: skip
            hits: dict[tuple[str | None, int, str, str], tuple[Status, StatusBasis]] = {}
            names: dict[tuple[str | None, int, str], tuple[str, str]] = {}
            for (
                sheet,
                row,
                entity,
                list_id,
                status,
                basis,
                supplier,
                entity_name,
            ) in session.execute(query):
                hits[(sheet, row, entity, list_id)] = (Status(status), StatusBasis(basis))
                names[(sheet, row, entity)] = (supplier, entity_name)
            return StoredRun(
                run_id=run.id,
                input_name=run.input_name,
                input_path=run.input_path or run.input_name,
                input_sha256=run.input_sha256,
                as_of=run.as_of,
                threshold=run.threshold,
                list_ids=tuple(json.loads(run.list_ids)),
                kept=kept,
                hits=hits,
                names=names,
            )

    def set_monitored(self, run_id: int, monitored: bool, actor: str) -> None:
        """Mark the run's supplier list as monitored (re-checked after every list import)."""
        with self.db.session() as session:
            run = session.get(ScreeningRun, run_id)
            if run is None:
                raise NotFoundError(f"there is no screening run {run_id}")
            run.monitored = monitored
            append_in(
                session,
                "monitoring.changed",
                f"run {run_id}",
                {"run": run_id, "monitored": monitored},
                actor,
            )

    def monitored_runs(self) -> list[int]:
        with self.db.session() as session:
            query = select(ScreeningRun.id).where(ScreeningRun.monitored.is_(True))
            return sorted(session.scalars(query))

    def run_ids(self) -> list[int]:
        with self.db.session() as session:
            return sorted(session.scalars(select(ScreeningRun.id)))

    def load(self, run_id: int) -> ScreeningResult:
        """The run as it was screened, with the decisions made on it since (newest wins)."""
        with self.db.session() as session:
            run = session.get(ScreeningRun, run_id)
            if run is None:
                raise NotFoundError(f"there is no screening run {run_id}")
            rows = {
                (r.sheet, r.row_number): cells_from_json(r.cells)
                for r in session.scalars(select(RunRow).where(RunRow.run_id == run_id))
            }
            decisions = decisions_of_run(session, run_id)
            # rows of the table's columns, streamed: a run can have millions of hits
            records = session.execute(
                select(RunHit.__table__)
                .where(RunHit.run_id == run_id)
                .order_by(RunHit.position)
                .execution_options(yield_per=_BATCH)
            )
            hits = HitTable(
                with_recorded_decision(h, decisions.get(h.key)) for h in hits_from_records(records)
            )
            hits.freeze()
            releases = tuple(_release_from(d) for d in json.loads(run.releases))
            result = ScreeningResult(
                input_path=run.input_path or run.input_name,
                input_sha256=run.input_sha256,
                as_of=run.as_of,
                threshold=run.threshold,
                list_ids=tuple(json.loads(run.list_ids)),
                sheets=tuple(ScreenedSheet(**_sheet(d)) for d in json.loads(run.sheets)),
                hits=hits,
                item_hits=tuple(
                    item_hit_from_record(h)
                    for h in session.scalars(
                        select(RunItemHit)
                        .where(RunItemHit.run_id == run_id)
                        .order_by(RunItemHit.position)
                    )
                ),
                rows=rows,
                releases=releases,
                freshness=tuple(freshness_warnings(releases, run.as_of)),
                coverage=tuple(CoverageWarning.from_json(w) for w in json.loads(run.warnings)),
                known_on=run.known_on,
                app_version=run.app_version,
                user=run.user,
                started_at=as_utc(run.started_at),
                finished_at=as_utc(run.finished_at),
                run_id=run.id,
            )
        return result


_BATCH = 5000


def _insert_batched(session: Session, model: type[Base], rows: Iterable[dict[str, Any]]) -> None:
    """Insert ``rows`` (column values by name) into ``model``'s table, ``_BATCH`` at a time,
    in the session's transaction. A Core insert: one executemany per batch (the ORM's bulk
    insert ran one statement a row here, to learn the new keys)."""
    statement = insert(cast(Table, model.__table__))
    connection = session.connection()
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            connection.execute(statement, batch)
            batch = []
    if batch:
        connection.execute(statement, batch)


def decisions_of_run(
    session: Session, run_id: int
) -> dict[tuple[str | None, int, str], DecisionRecord]:
    query = (
        select(DecisionRecord)
        .where(DecisionRecord.run_id == run_id)
        .order_by(DecisionRecord.decided_at, DecisionRecord.id)
    )
    return {(d.sheet, d.row_number, d.entity_id): d for d in session.scalars(query)}


def with_recorded_decision(hit: ListingHit, record: DecisionRecord | None) -> ListingHit:
    if record is None:
        return hit
    return hit.with_decision(
        Decision(record.decision), record.note, record.decided_by, as_utc(record.decided_at)
    )


def _sheet(data: dict[str, Any]) -> dict[str, Any]:
    data["headers"] = tuple(data["headers"])
    data["guessed"] = tuple(data.get("guessed", ()))
    return data
