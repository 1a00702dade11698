"""The core services the windows use, built once by ``gui.app`` and handed down.

``core.services.CoreServices`` does the work (the database opened, the bundled lists imported
on first start, the matching runtime owned); this names it for the windows, with the
reviewer the window always knows.
"""

from __future__ import annotations

from core.matching.runtime import MatchingRuntime
from core.services import CoreServices


class AppServices(CoreServices):
    reviewer: str

    def __init__(
        self, database_url: str, reviewer: str, *, runtime: MatchingRuntime | None = None
    ) -> None:
        """Open the database; raises ``core.errors.DatabaseError`` if it cannot be used."""
        super().__init__(database_url, reviewer, runtime=runtime)
