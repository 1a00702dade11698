"""The screening service the CLI and the GUI call: screen, apply earlier decisions, store.

Every screening is stored with its audit record in one transaction, so a result the user saw
always has a run behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.lists.catalog import ListCatalog
from core.lists.snapshot import ListSnapshot
from core.progress import NullProgress, Progress, check_cancelled
from core.review.memory import apply_memory
from core.review.runs import RunStore
from core.screening import name_matching
from core.screening.engine import ScreeningRequest, screen_file, screen_tables, validate_request
from core.screening.result import ScreeningResult, file_sha256
from core.spreadsheets import SupplierTable
from core.store.database import Database


class ScreeningService:
    def __init__(self, db: Database, *, user: str | None = None) -> None:
        self.db = db
        self.user = user
        self._snapshot: ListSnapshot | None = None

    def snapshot(self) -> ListSnapshot:
        """The current list data (read once per service; a list import needs a new service)."""
        if self._snapshot is None:
            self._snapshot = ListCatalog(self.db).snapshot()
        return self._snapshot

    def prepare_index(self) -> int:
        """Build and save the name index of the current lists if it is not saved yet (after
        a list import); the number of names indexed."""
        return name_matching.prepare_index(self.snapshot())

    def expect_rows(self, rows: int) -> None:
        """The user has read a file of ``rows`` rows and is about to screen it: a large one
        gets its matching processes started meanwhile."""
        name_matching.expect_names(self.snapshot(), rows)

    def run(
        self,
        request: ScreeningRequest,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> ScreeningResult:
        """Read and screen the file of ``request``, then store the run."""
        snapshot = self.snapshot()
        result = screen_file(request, snapshot, user=self.user, progress=progress)
        return self._store(result, snapshot, _settings(request), progress)

    def run_tables(
        self,
        tables: Sequence[SupplierTable],
        *,
        as_of: dt.date,
        input_path: Path,
        list_ids: Sequence[str] | None = None,
        threshold: float | None = None,
        keep_all_rows: bool = False,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> ScreeningResult:
        """Screen tables the user has already read and adjusted (columns chosen in the GUI)."""
        snapshot = self.snapshot()
        request = ScreeningRequest(
            input_path, as_of, list_ids=tuple(list_ids) if list_ids else None, threshold=threshold
        )
        validate_request(request, snapshot)
        started = dt.datetime.now(dt.UTC)
        result = screen_tables(
            tables,
            snapshot,
            as_of=as_of,
            list_ids=list_ids,
            threshold=threshold,
            input_sha256=file_sha256(input_path),
            user=self.user,
            progress=progress,
            keep_all_rows=keep_all_rows,
            started_at=started,
        )
        settings = _settings(request) | {
            "sheets": [t.sheet for t in tables],
            "name_columns": [
                t.column_label(t.roles.name) for t in tables if t.roles.name is not None
            ],
        }
        return self._store(result, snapshot, settings, progress)

    def _store(
        self,
        result: ScreeningResult,
        snapshot: ListSnapshot,
        settings: dict[str, Any],
        progress: Progress,
    ) -> ScreeningResult:
        check_cancelled(progress)
        progress.report(0, 1, "Saving the screening")
        with self.db.session() as session:
            apply_memory(session, result, snapshot)
            RunStore(self.db).save_in(session, result, settings)
        progress.report(1, 1, "Saved")
        return result


def _settings(request: ScreeningRequest) -> dict[str, Any]:
    return {
        "sheet": request.sheet,
        "all_sheets": request.all_sheets,
        "name_column": request.name_column,
        "country_column": request.country_column,
        "header_row": request.header_row,
        "lists": list(request.list_ids) if request.list_ids else None,
        "threshold": request.threshold,
    }
