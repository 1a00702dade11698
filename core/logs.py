"""Logging to a rotating file in the user log folder, for the window and the CLI alike.

The Windows build has no console: without the file, its warnings and tracebacks would be lost.
``TRADESCREEN_DATA_DIR`` (portable use, tests) puts the log inside that folder.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from core.paths import APP_AUTHOR, APP_NAME

LOG_FILE_NAME = "tradescreen.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s [%(program)s]: %(message)s"


def log_dir() -> Path:
    override = os.environ.get("TRADESCREEN_DATA_DIR")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_path() -> Path:
    """The current log file (older ones beside it end in .1, .2, .3)."""
    return log_dir() / LOG_FILE_NAME


class _FileHandler(logging.handlers.RotatingFileHandler):
    """Marks which program wrote each line: the window and the CLI share the file."""

    def __init__(self, path: Path, program: str) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                         delay=True)  # fmt: skip
        self.program = program
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        record.program = self.program
        super().emit(record)


def install_file_log(program: str, level: int = logging.INFO) -> Path | None:
    """Sends the ``core`` and ``gui`` loggers' records at ``level`` and above to the log file
    (one file per process; a second call changes the level). None when the folder cannot be
    written: logging must never stop the app."""
    path = log_path()
    loggers = [logging.getLogger("core"), logging.getLogger("gui")]
    for logger in loggers:
        logger.setLevel(min(level, logging.WARNING))
    existing = [h for h in loggers[0].handlers if isinstance(h, _FileHandler)]
    if existing and Path(existing[0].baseFilename) == path.absolute():
        existing[0].setLevel(level)
        return path
    remove_file_log()  # the data folder changed (tests): a new file
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _FileHandler(path, program)
    except OSError:
        return None
    handler.setLevel(level)
    for logger in loggers:
        logger.addHandler(handler)
    return path


def remove_file_log() -> None:
    """Closes the log file (tests switch data folders between runs)."""
    for name in ("core", "gui"):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, _FileHandler)]:
            logger.removeHandler(handler)
            handler.close()
