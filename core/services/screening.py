"""The screening service the CLI and the GUI call: screen, apply earlier decisions, store.

Every screening is stored with its audit record in one transaction, so a result the user saw
always has a run behind it. This sits above ``core.screening`` and ``core.review``: screening
itself knows nothing of reviews or storage.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from sqlalchemy.orm import Session

from core.lists.catalog import ListCatalog
from core.lists.snapshot import ListSnapshot
from core.matching.runtime import MatchingRuntime, SizeHint
from core.progress import NullProgress, Progress, check_cancelled
from core.review.memory import apply_memory
from core.review.run_store import RunStore
from core.screening.engine import ScreeningRequest, screen
from core.screening.result import ScreeningResult
from core.store.database import Database

log = logging.getLogger(__name__)


class ScreeningService:
    def __init__(
        self, db: Database, *, user: str | None = None, runtime: MatchingRuntime | None = None
    ) -> None:
        """``runtime``: the bundle's, which outlives this service (a list import makes a new
        service over the same runtime); None: one of its own (its workers, if any, stop at
        exit)."""
        self.db = db
        self.user = user
        self.runtime = runtime if runtime is not None else MatchingRuntime()
        self._snapshot: ListSnapshot | None = None
        self._known: dict[dt.date, ListSnapshot] = {}

    def snapshot(self, known_on: dt.date | None = None) -> ListSnapshot:
        """The current list data (read once per service; a list import needs a new service);
        ``known_on``: the list data of the releases known on that day."""
        if known_on is not None:
            found = self._known.get(known_on)
            if found is None:
                found = self._known[known_on] = ListCatalog(self.db).snapshot(known_on=known_on)
            return found
        if self._snapshot is None:
            self._snapshot = ListCatalog(self.db).snapshot()
        return self._snapshot

    def prepare_index(self, progress: Progress | None = None) -> int:
        """Build and save the name index of the current lists if it is not saved yet (after
        a list import); the number of names indexed. ``progress`` hears the build and may
        cancel it (``Cancelled``; the next screening builds it then)."""
        return self.runtime.prepare_index(self.snapshot(), progress)

    def expect_rows(self, rows: int) -> None:
        """The user has read a file of ``rows`` rows and is about to screen it: a large one
        gets its matching processes started meanwhile."""
        self.runtime.expect(self.snapshot(), SizeHint(rows=rows))

    def run(
        self,
        request: ScreeningRequest,
        progress: Progress = NullProgress(),  # noqa: B008 - stateless default
    ) -> ScreeningResult:
        """Screen ``request`` (reading its file unless it carries the tables read), apply
        the decisions remembered, and store the run with ``request.settings()``."""
        snapshot = self.snapshot(request.known_on)
        result = screen(request, snapshot, runtime=self.runtime, user=self.user, progress=progress)
        check_cancelled(progress)
        progress.report(0, 1, "Saving the screening")
        screened = result

        def store(session: Session) -> ScreeningResult:
            remembered = apply_memory(session, screened, snapshot)
            run_id = RunStore(self.db).save_in(session, remembered, request.settings())
            return replace(remembered, run_id=run_id)

        # The whole store runs again if a concurrent writer (another reviewer on a shared
        # database) made the database refuse it: the screening's work is never thrown away.
        stored = self.db.transaction(store)
        progress.report(1, 1, "Saved")
        log.info(
            "screened %s (sha256 %s) as of %s: %d rows, %d hits, %d rows flagged; run %s",
            stored.input_name, stored.input_sha256[:16], stored.as_of, stored.rows_screened,
            len(stored.hits), stored.flagged_rows(), stored.run_id,
        )  # fmt: skip
        return stored
