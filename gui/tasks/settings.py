"""The app's settings: one typed, versioned schema over ``QSettings``.

Stored natively (registry, plist, ini under ~/.config) unless ``TRADESCREEN_DATA_DIR`` is set:
then in ``settings.ini`` inside it, so portable use and tests never touch the real settings.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from core.identity import default_reviewer
from core.matching import DEFAULT_THRESHOLD
from core.paths import APP_AUTHOR, APP_NAME, user_data_dir
from core.store.database import describe_url

SCHEMA_VERSION = 1
MAX_RECENT = 8
LANGUAGES = ("en", "zh_CN")


def open_qsettings() -> QSettings:
    if os.environ.get("TRADESCREEN_DATA_DIR"):
        path = user_data_dir() / "settings.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(APP_AUTHOR, APP_NAME)


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


@dataclass(frozen=True)
class Preferences:
    """What the Settings dialog edits."""

    reviewer: str
    default_threshold: float
    database_url: str
    """"" means the embedded SQLite database in the user data folder."""
    language: str


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
            self.store.setValue("schema_version", SCHEMA_VERSION)

    # -- the preferences -------------------------------------------------------------------
    def preferences(self) -> Preferences:
        language = self._str("language", "") or system_language()
        return Preferences(
            reviewer=self._str("reviewer", "") or default_reviewer(),
            default_threshold=self._float("default_threshold", DEFAULT_THRESHOLD),
            database_url=self._str("database_url", ""),
            language=language if language in LANGUAGES else "en",
        )

    def save_preferences(self, prefs: Preferences) -> None:
        self.store.setValue("reviewer", prefs.reviewer.strip())
        self.store.setValue("default_threshold", float(prefs.default_threshold))
        self.store.setValue("database_url", prefs.database_url.strip())
        self.store.setValue("language", prefs.language)
        self.store.sync()

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
