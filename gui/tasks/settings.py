"""The window's settings: the preferences in the configuration file the CLI reads too
(``core.config``: one typed schema), the window's own state in ``QSettings``.

``QSettings`` keeps only what is the window's alone: geometry, recent files, the last folder.
It is stored natively (registry, plist, ini under ~/.config) unless ``TRADESCREEN_DATA_DIR`` is
set: then in ``settings.ini`` inside it, so portable use and tests never touch the real
settings. Schema version 2 moved the preferences from ``QSettings`` into the file (``_upgrade``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from core import config
from core.config import LANGUAGES, Preferences
from core.errors import UserFacingError
from core.identity import default_reviewer
from core.paths import APP_AUTHOR, APP_NAME, user_data_dir
from core.secrets import remember_password
from core.store.database import describe_url

SCHEMA_VERSION = 2
MAX_RECENT = 8
log = logging.getLogger(__name__)
__all__ = ["LANGUAGES", "AppSettings", "Preferences", "changes_between"]


def open_qsettings() -> QSettings:
    if os.environ.get("TRADESCREEN_DATA_DIR"):
        path = user_data_dir() / "settings.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(APP_AUTHOR, APP_NAME)


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def changes_between(old: Preferences, new: Preferences) -> dict[str, list[Any]]:
    """Changed fields as ``{name: [old, new]}`` (for the audit log); database URLs without
    passwords."""
    out: dict[str, list[Any]] = {}
    for field in dataclasses.fields(Preferences):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            if field.name == "database_url":
                before = describe_url(before) if before else "embedded"
                after = describe_url(after) if after else "embedded"
            out[field.name] = [before, after]
    return out


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or open_qsettings()
        version = self._int("schema_version", 0)
        if version < SCHEMA_VERSION:
            self._upgrade(version)
            self.store.setValue("schema_version", SCHEMA_VERSION)

    def _upgrade(self, version: int) -> None:
        """Version 1 kept the preferences in QSettings: they move into the configuration file
        (unless it exists already: then the file wins)."""
        if version < 1 or config.config_path().exists():
            return
        keys = ("reviewer", "default_threshold", "database_url", "language")
        if not any(self.store.contains(key) for key in keys):
            return
        old = Preferences(
            reviewer=self._str("reviewer", ""),
            default_threshold=self._float("default_threshold", Preferences.default_threshold),
            database_url=self._str("database_url", ""),
            language=self._str("language", ""),
        )
        self.save_preferences(old)
        for key in keys:
            self.store.remove(key)
        log.info("preferences moved from QSettings to %s", config.config_path())

    # -- the preferences: the configuration file shared with the CLI ----------------------
    def preferences(self) -> Preferences:
        """The file's preferences, with the reviewer and language filled in as the window uses
        them (the OS user, the system language). A broken file reads as the defaults (it is
        logged; saving writes a good one)."""
        try:
            prefs = config.stored_preferences()
        except UserFacingError as error:
            log.warning("%s; using the default settings", error)
            prefs = Preferences()
        language = prefs.language or system_language()
        return dataclasses.replace(
            prefs,
            reviewer=prefs.reviewer or default_reviewer(),
            language=language if language in LANGUAGES else "en",
        )

    def save_preferences(self, prefs: Preferences) -> None:
        """Writes the configuration file; a database password goes to the OS keyring (when
        there is one), never into the file."""
        if prefs.database_url and not remember_password(prefs.database_url):
            log.info("the database password is not kept: no OS keyring (it will be asked for)")
        config.save_preferences(prefs)

    # -- files -----------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        try:
            files = json.loads(self._str("recent_files", "[]"))
        except ValueError:
            return []
        return [f for f in files if isinstance(f, str)][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> list[str]:
        text = str(Path(path))
        files = [text] + [f for f in self.recent_files() if f != text]
        self.store.setValue("recent_files", json.dumps(files[:MAX_RECENT], ensure_ascii=False))
        self.store.setValue("last_directory", str(Path(text).parent))
        return files[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self.store.setValue("recent_files", "[]")

    def last_directory(self) -> str:
        folder = self._str("last_directory", "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_directory(self, folder: str | Path) -> None:
        self.store.setValue("last_directory", str(folder))

    # -- window state ----------------------------------------------------------------------
    def window_state(self, key: str) -> QByteArray | None:
        value = self.store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.store.sync()

    # -- typed reads: QSettings gives strings back from ini files ------------------------------
    def _str(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _float(self, key: str, default: float) -> float:
        try:
            value = float(self.store.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return value if 0 <= value <= 100 else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self.store.value(key, default)))
        except (TypeError, ValueError):
            return default
