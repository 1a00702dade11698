"""The one configuration file the window and the command line share (TOML).

The schema is declared once (``OPTIONS``: name, type, environment variable, help); the window's
Settings writes the file, both read it. Precedence, for the window and the CLI alike:
command-line flag > environment variable > the file > the default (``effective``).

The file lives in the platform's user config folder (platformdirs), or inside
``TRADESCREEN_DATA_DIR`` when that is set (portable use, tests). A database password is never
written to it: ``core.secrets`` keeps it in the OS keyring when there is one.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from core.errors import UserFacingError
from core.matching import DEFAULT_THRESHOLD, threshold_in_range
from core.paths import APP_AUTHOR, APP_NAME

SCHEMA_VERSION = 1
CONFIG_FILE_NAME = "config.toml"
LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True)
class Preferences:
    """What the Settings dialog edits and the CLI defaults to."""

    reviewer: str = ""
    """"" means the operating-system user."""
    default_threshold: float = DEFAULT_THRESHOLD
    database_url: str = ""
    """"" means the embedded SQLite database in the user data folder."""
    language: str = ""
    """"" means the system's language (the window decides) or English (the CLI)."""
    default_lists: tuple[str, ...] = ()
    """() means every list."""


@dataclass(frozen=True)
class Option:
    name: str
    env: str
    help: str


OPTIONS = (
    Option("database_url", "TRADESCREEN_DATABASE_URL", "database URL; empty: the embedded SQLite"),
    Option("reviewer", "TRADESCREEN_REVIEWER", "reviewer name; empty: the operating-system user"),
    Option("default_threshold", "TRADESCREEN_THRESHOLD", "lowest match score reported"),
    Option("language", "TRADESCREEN_LANGUAGE", "en or zh_CN; empty: the system's language"),
    Option("default_lists", "TRADESCREEN_LISTS", "list ids screened by default; empty: all"),
)
"""The schema, in file order; each name is a field of ``Preferences``."""


def config_dir() -> Path:
    override = os.environ.get("TRADESCREEN_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def config_path() -> Path:
    """Where the configuration file is (it may not exist yet)."""
    return config_dir() / CONFIG_FILE_NAME


def _coerce(name: str, value: Any, where: str) -> Any:
    """The value as the schema's type; a clear error naming the key and where it came from."""
    try:
        if name == "default_threshold":
            number = float(value)
            if not threshold_in_range(number):
                raise ValueError
            return number
        if name == "default_lists":
            parts = value.split(",") if isinstance(value, str) else list(value)
            return tuple(dict.fromkeys(str(p).strip() for p in parts if str(p).strip()))
        if name == "language":
            text = str(value).strip()
            if text and text not in LANGUAGES:
                raise ValueError
            return text
        if not isinstance(value, str):
            raise ValueError
        return value.strip()
    except (TypeError, ValueError):
        raise UserFacingError(f"{where}: {name} = {value!r} is not valid") from None


def load_file(path: Path | None = None) -> dict[str, Any]:
    """The values set in the file (unknown keys ignored, newer schema versions read as far as
    understood); {} when there is no file."""
    path = path or config_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserFacingError(f"cannot read the configuration file {path}: {exc}") from None
    known = {option.name for option in OPTIONS}
    return {k: _coerce(k, v, str(path)) for k, v in data.items() if k in known}


def load_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    environ = os.environ if environ is None else environ
    return {
        option.name: _coerce(option.name, environ[option.env], option.env)
        for option in OPTIONS
        if environ.get(option.env)
    }


def stored_preferences(path: Path | None = None) -> Preferences:
    """The file's values over the defaults: what the Settings dialog shows and edits."""
    return dataclasses.replace(Preferences(), **load_file(path))


def effective(
    flags: Mapping[str, Any] | None = None,
    *,
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Preferences:
    """Flag > environment variable > file > default; a flag of None is not given."""
    values = load_file(path)
    values.update(load_environment(environ))
    values.update({k: v for k, v in (flags or {}).items() if v is not None})
    return dataclasses.replace(Preferences(), **values)


def save_preferences(prefs: Preferences, path: Path | None = None) -> Path:
    """Writes the file whole (atomically: a crash leaves the old one). The database URL is
    written without its password; the caller keeps that in the keyring first."""
    from core.secrets import url_without_password

    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# TradeScreen settings, shared by the window and tradescreen-cli.",
        "# A command-line flag or an environment variable (TRADESCREEN_...) overrides a value.",
        f"schema_version = {SCHEMA_VERSION}",
    ]
    for option in OPTIONS:
        value = getattr(prefs, option.name)
        if option.name == "database_url":
            value = url_without_password(value)
        lines += [f"# {option.help} ({option.env})", f"{option.name} = {_toml_value(value)}"]
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def _toml_value(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_string(str(v)) for v in value) + "]"
    return _toml_string(str(value))


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if " " <= c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
