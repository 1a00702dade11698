"""The core services over one database, built once by an entry point and handed down.

Nothing here does work itself: it opens the database (creating, migrating and importing the
bundled lists on first start), owns the matching runtime, and gives out the core objects over
them. The desktop app (``gui.tasks.services.AppServices``) and each command of the CLI
(``core.cli.common.CommandContext``) make one each and close it on exit. Methods may be called
from worker threads; the list snapshot is read once and shared until lists change.
"""

from __future__ import annotations

import threading
from types import TracebackType

from core.lists.catalog import ListCatalog
from core.lists.snapshot import ListSnapshot
from core.matching.runtime import MatchingRuntime
from core.report.target import remove_stray_temporaries
from core.review import AuditLog, DecisionService, RunStore
from core.services.screening import ScreeningService
from core.store.database import Database, describe_url


class CoreServices:
    def __init__(
        self,
        database_url: str,
        reviewer: str | None = None,
        *,
        runtime: MatchingRuntime | None = None,
    ) -> None:
        """Open the database; raises ``core.errors.DatabaseError`` if it cannot be used.
        ``reviewer``: who screens and decides (None: the login name, as the CLI does)."""
        remove_stray_temporaries()  # of reports a killed process was writing
        self.db = Database(database_url)
        try:
            ListCatalog(self.db).ensure_bundled()
        except BaseException:
            self.db.dispose()
            raise
        self.reviewer = reviewer
        self.runtime = runtime if runtime is not None else MatchingRuntime()
        self._lock = threading.Lock()
        self._screening: ScreeningService | None = None

    @property
    def database_url(self) -> str:
        return self.db.url

    @property
    def database_label(self) -> str:
        return describe_url(self.db.url)

    def catalog(self) -> ListCatalog:
        return ListCatalog(self.db)

    def screening(self) -> ScreeningService:
        with self._lock:
            if self._screening is None:
                self._screening = ScreeningService(
                    self.db, runtime=self.runtime, user=self.reviewer
                )
            return self._screening

    def snapshot(self) -> ListSnapshot:
        """The current list data (read on first use, then shared)."""
        return self.screening().snapshot()

    def lists_changed(self) -> None:
        """A list pack was imported: the next snapshot reads the database again (the
        matching runtime stays: it keys its matchers and workers by the list releases)."""
        with self._lock:
            self._screening = None

    def set_reviewer(self, reviewer: str) -> None:
        with self._lock:
            self.reviewer = reviewer
            if self._screening is not None:
                self._screening.user = reviewer

    def runs(self) -> RunStore:
        return RunStore(self.db)

    def decisions(self) -> DecisionService:
        return DecisionService(self.db)

    def audit(self) -> AuditLog:
        return AuditLog(self.db)

    def close(self) -> None:
        """Stop the matching workers and close the database."""
        self.runtime.close()
        self.db.dispose()

    def __enter__(self) -> CoreServices:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
