"""What a list update changes in earlier screenings: each stored run's kept names screened
again with the newest list data, as of the run's own date, compared hit by hit.

Runs that share a date and lists are screened in one pass (names shared by several supplier
files are matched once); each run keeps its own threshold. A hit appears, disappears, or
changes status or status basis (``published`` / ``computed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from core.errors import UsageError
from core.lists.asof import StatusBasis
from core.lists.model import Status
from core.progress import NullProgress, Progress, check_cancelled
from core.review.run_store import RunStore, StoredRun
from core.screening import ScreeningRequest, ScreeningResult
from core.screening.engine import screen
from core.services.screening import ScreeningService
from core.store.audit import AuditLog


class ChangeKind(StrEnum):
    APPEARS = "appears"
    DISAPPEARS = "disappears"
    STATUS = "status"
    BASIS = "basis"


@dataclass(frozen=True, slots=True)
class HitChange:
    sheet: str | None
    row: int
    supplier_name: str
    entity_id: str
    entity_name: str
    list_id: str
    kind: ChangeKind
    before: Status | None
    after: Status | None
    before_basis: StatusBasis | None
    after_basis: StatusBasis | None


@dataclass(frozen=True, slots=True)
class RunChanges:
    run_id: int
    input_name: str
    as_of: dt.date
    rows: int
    kept: bool
    """False for a run stored before the names were kept: it cannot be checked again."""
    changes: tuple[HitChange, ...]

    @property
    def affected(self) -> bool:
        return bool(self.changes)


_Key = tuple[str | None, int, str, str]


class ChangeService:
    """Run changes and screenings again, over the service's database and newest list data."""

    def __init__(self, screening: ScreeningService) -> None:
        self.screening = screening
        self.runs = RunStore(screening.db)

    def changes(
        self,
        run_ids: Sequence[int] | None = None,
        *,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> list[RunChanges]:
        """The changes of each run (all runs when ``run_ids`` is None), in run order."""
        ids = list(run_ids) if run_ids is not None else self.runs.run_ids()
        stored = [self.runs.stored(run_id) for run_id in ids]
        groups: dict[tuple[dt.date, tuple[str, ...]], list[StoredRun]] = {}
        for run in stored:
            if run.kept:
                groups.setdefault((run.as_of, run.list_ids), []).append(run)
        found: dict[int, RunChanges] = {}
        for done, ((as_of, list_ids), runs) in enumerate(groups.items()):
            check_cancelled(progress)
            progress.report(done, len(groups), "Checking earlier screenings")
            result = self._screen_together(runs, as_of, list_ids)
            for run in runs:
                found[run.run_id] = _compare(run, _hits_of(result, run))
        progress.report(len(groups), len(groups), "Checking earlier screenings")
        return [
            found.get(run.run_id)
            or RunChanges(run.run_id, run.input_name, run.as_of, 0, kept=False, changes=())
            for run in stored
        ]

    def check_monitored(
        self,
        actor: str,
        *,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> list[RunChanges]:
        """After a list import: the monitored runs checked again, and what changed recorded
        in the audit trail (one record, even when nothing changed)."""
        found = self.changes(self.runs.monitored_runs(), progress=progress)
        self.record_monitored(found, actor)
        return found

    def record_monitored(self, found: Sequence[RunChanges], actor: str) -> None:
        """Record in the audit trail what the newest list data changes in the monitored runs
        among ``found``."""
        monitored = set(self.runs.monitored_runs())
        found = [c for c in found if c.run_id in monitored]
        AuditLog(self.screening.db).append(
            "monitoring.checked",
            "monitored runs",
            {
                "runs": [c.run_id for c in found],
                "affected": {str(c.run_id): len(c.changes) for c in found if c.affected},
                "releases": [r.checksum for r in self.screening.snapshot().releases],
            },
            actor,
        )

    def rescreen(
        self,
        run_id: int,
        as_of: dt.date | None = None,
        *,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> ScreeningResult:
        """A new stored run from the kept names of run ``run_id``, with the newest list data
        (as of ``as_of``, default the run's own date), linked to it (``rescreen_of``)."""
        run = self.runs.stored(run_id)
        if not run.kept:
            raise UsageError(
                f"run {run_id} was stored before runs kept their names: screen its file again"
            )
        request = ScreeningRequest(
            Path(run.input_path),
            as_of or run.as_of,
            list_ids=run.list_ids or None,
            threshold=run.threshold,
            input_sha256=run.input_sha256,
            rescreen_of=run.run_id,
            tables=tuple(k.as_table(run.input_path) for k in run.kept),
        )
        return self.screening.run(request, progress)

    def _screen_together(
        self, runs: Sequence[StoredRun], as_of: dt.date, list_ids: tuple[str, ...]
    ) -> ScreeningResult:
        tables = tuple(
            replace(kept.as_table(run.input_path), sheet=_sheet_key(run.run_id, index))
            for run in runs
            for index, kept in enumerate(run.kept)
        )
        request = ScreeningRequest(
            Path(runs[0].input_path),
            as_of,
            list_ids=list_ids or None,
            threshold=min(run.threshold for run in runs),
            input_sha256="-",
            tables=tables,
        )
        service = self.screening
        return screen(request, service.snapshot(), runtime=service.runtime, user=service.user)


def _sheet_key(run_id: int, index: int) -> str:
    return f"\x1frun{run_id}:{index}"


_Now = dict[_Key, tuple[Status, StatusBasis, str, str]]


def _hits_of(result: ScreeningResult, run: StoredRun) -> _Now:
    """The run's hits in a shared screening: its sheets, at its own threshold."""
    sheets = {_sheet_key(run.run_id, i): kept.sheet for i, kept in enumerate(run.kept)}
    out: _Now = {}
    for hit in result.hits:
        if hit.sheet in sheets and hit.score >= run.threshold:
            key = (sheets[hit.sheet], hit.row, hit.entity_id, hit.list_id)
            out[key] = (hit.status, hit.status_basis, hit.supplier_name, hit.entity_name)
    return out


def _compare(run: StoredRun, now: _Now) -> RunChanges:
    changes = []
    for key in sorted(set(run.hits) | set(now), key=_order):
        sheet, row, entity_id, list_id = key
        before, after = run.hits.get(key), now.get(key)
        if before is not None and after is not None:
            if before[0] != after[0]:
                kind = ChangeKind.STATUS
            elif before[1] != after[1]:
                kind = ChangeKind.BASIS
            else:
                continue
        else:
            kind = ChangeKind.APPEARS if before is None else ChangeKind.DISAPPEARS
        supplier, entity_name = (
            (after[2], after[3]) if after is not None else run.names[(sheet, row, entity_id)]
        )
        changes.append(
            HitChange(
                sheet=sheet,
                row=row,
                supplier_name=supplier,
                entity_id=entity_id,
                entity_name=entity_name,
                list_id=list_id,
                kind=kind,
                before=before[0] if before else None,
                after=after[0] if after else None,
                before_basis=before[1] if before else None,
                after_basis=after[1] if after else None,
            )
        )
    rows = sum(len(k.rows) for k in run.kept)
    return RunChanges(run.run_id, run.input_name, run.as_of, rows, True, tuple(changes))


def _order(key: _Key) -> tuple[str, int, str, str]:
    return (key[0] or "", key[1], key[2], key[3])


def affected(changes: Iterable[RunChanges]) -> list[RunChanges]:
    return [c for c in changes if c.affected]


def changes_to_json(changes: Iterable[RunChanges]) -> dict[str, object]:
    """The ``runs changes --json`` document."""
    return {
        "runs": [
            {
                "run_id": c.run_id,
                "input": c.input_name,
                "as_of": c.as_of.isoformat(),
                "rows": c.rows,
                "kept_names": c.kept,
                "changes": [
                    {
                        "sheet": h.sheet,
                        "row": h.row,
                        "supplier_name": h.supplier_name,
                        "entity_id": h.entity_id,
                        "entity_name": h.entity_name,
                        "list_id": h.list_id,
                        "change": h.kind.value,
                        "before": h.before.value if h.before else None,
                        "after": h.after.value if h.after else None,
                        "before_basis": h.before_basis.value if h.before_basis else None,
                        "after_basis": h.after_basis.value if h.after_basis else None,
                    }
                    for h in c.changes
                ],
            }
            for c in changes
        ]
    }


def change_line(change: HitChange) -> str:
    """ "row 32 Kratos UAS Inc. -> Kratos ... on cn-unreliable-entity: suspended -> active"."""
    where = f"{change.sheet}!{change.row}" if change.sheet else f"row {change.row}"
    before = _state(change.before, change.before_basis)
    after = _state(change.after, change.after_basis)
    return (
        f"{where} {change.supplier_name} -> {change.entity_name or change.entity_id} on "
        f"{change.list_id}: {before} -> {after}"
    )


def _state(status: Status | None, basis: StatusBasis | None) -> str:
    if status is None:
        return "no hit"
    return status.value + (" (computed)" if basis is StatusBasis.COMPUTED else "")
