"""The core services the windows use, built once by ``gui.app`` and handed down.

Nothing here does work itself: it opens the database (creating, migrating and importing the
bundled lists on first start) and gives the windows the core objects over it. Methods may be
called from worker threads; the list snapshot is read once and shared until lists change.
"""

from __future__ import annotations

import threading

from core.lists.catalog import ListCatalog
from core.lists.snapshot import ListSnapshot
from core.review import AuditLog, DecisionService, RunStore
from core.screening.service import ScreeningService
from core.store.database import Database, describe_url


class AppServices:
    def __init__(self, database_url: str, reviewer: str) -> None:
        """Open the database; raises ``core.errors.DatabaseError`` if it cannot be used."""
        self.db = Database(database_url)
        try:
            ListCatalog(self.db).ensure_bundled()
        except BaseException:
            self.db.dispose()
            raise
        self.reviewer = reviewer
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
                self._screening = ScreeningService(self.db, user=self.reviewer)
            return self._screening

    def snapshot(self) -> ListSnapshot:
        """The current list data (read on first use, then shared)."""
        return self.screening().snapshot()

    def lists_changed(self) -> None:
        """A list pack was imported: the next snapshot reads the database again."""
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
        self.db.dispose()
