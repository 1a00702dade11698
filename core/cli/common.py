"""What every command shares: the database opened once, dates parsed the same way."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import TextIO

from core.config import Preferences
from core.lists.catalog import ListCatalog
from core.services import CoreServices, ScreeningService
from core.store.database import Database


class CommandContext:
    """Opens the database (and imports the bundled lists) only when a command needs it: the
    command's ``CoreServices``, closed (workers stopped, database closed) when it ends."""

    def __init__(self, database_url: str, prefs: Preferences | None = None) -> None:
        self.database_url = database_url
        self.prefs = prefs or Preferences()
        """The configuration in force (flag > environment > file > default)."""
        self._services: CoreServices | None = None

    @property
    def services(self) -> CoreServices:
        if self._services is None:
            self._services = CoreServices(self.database_url)
        return self._services

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def catalog(self) -> ListCatalog:
        return self.services.catalog()

    @property
    def screening(self) -> ScreeningService:
        return self.services.screening()

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def date_argument(text: str) -> dt.date:
    """argparse type: a clear one-line error for a malformed date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def fail(message: str, code: int = 1) -> int:
    print(f"tradescreen-cli: error: {message}", file=sys.stderr)
    return code


def warn(message: str) -> None:
    print(f"tradescreen-cli: warning: {message}", file=sys.stderr)


class TerminalProgress:
    """Progress on stderr, on one line redrawn at most ten times a second; only when stderr is a
    terminal (a script's captured stderr gets no carriage-return noise)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._shown = False

    def report(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        share = f" {100 * done // total:3d}%" if total > 0 else ""
        self.stream.write(f"\r\x1b[K{label}{share}")
        self.stream.flush()
        self._shown = True

    @property
    def cancelled(self) -> bool:
        return False

    def finish(self) -> None:
        """Clears the line, so that what follows starts at the left margin."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
