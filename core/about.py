"""What the About dialog shows, gathered without Qt: versions, list releases, data folder, licences.

Versions and licences come from the installed distributions' metadata (``importlib.metadata``);
the frozen build carries that metadata too (``packaging/tradescreen.spec`` copies it). The
licence names below are only used when a distribution's metadata does not state one.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from core import __version__
from core.config import config_path
from core.lists.catalog import ListCatalog
from core.lists.snapshot import ReleaseInfo
from core.logs import log_path
from core.paths import APP_NAME, user_data_dir
from core.store.database import describe_url


@dataclass(frozen=True)
class BundledLibrary:
    """A third-party distribution shipped inside the installed app."""

    name: str  # as shown to the user
    distribution: str  # as known to importlib.metadata
    fallback_licence: str  # SPDX id, used when the metadata names none
    chosen_licence: str | None = None  # for a dual-licensed library: the option we use
    required: bool = True  # False: optional extra (PostgreSQL driver)


BUNDLED_LIBRARIES: tuple[BundledLibrary, ...] = (
    BundledLibrary("Qt for Python (PySide6)", "PySide6_Essentials", "LGPL-3.0-only",
                   chosen_licence="LGPL-3.0-only"),
    BundledLibrary("Shiboken6", "shiboken6", "LGPL-3.0-only", chosen_licence="LGPL-3.0-only"),
    BundledLibrary("SQLAlchemy", "SQLAlchemy", "MIT"),
    BundledLibrary("Alembic", "alembic", "MIT"),
    BundledLibrary("openpyxl", "openpyxl", "MIT"),
    BundledLibrary("python-calamine", "python-calamine", "MIT"),
    BundledLibrary("RapidFuzz", "RapidFuzz", "MIT"),
    BundledLibrary("platformdirs", "platformdirs", "MIT"),
    BundledLibrary("defusedxml", "defusedxml", "PSF-2.0"),
    BundledLibrary("ReportLab", "reportlab", "BSD-3-Clause"),
    BundledLibrary("Pillow", "pillow", "MIT-CMU"),
    BundledLibrary("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    BundledLibrary("cffi", "cffi", "MIT"),
    BundledLibrary("OpenCC (Python reimplementation)", "opencc-python-reimplemented",
                   "Apache-2.0"),
    BundledLibrary("charset-normalizer", "charset-normalizer", "MIT"),
    BundledLibrary("anyascii", "anyascii", "ISC"),
    BundledLibrary("psycopg", "psycopg", "LGPL-3.0-only", required=False),
)  # fmt: skip


@dataclass(frozen=True)
class LibraryInfo:
    name: str
    version: str | None  # None: the distribution's metadata is not available
    licence: str


@dataclass(frozen=True)
class AboutInfo:
    app_name: str
    version: str
    python_version: str
    data_dir: Path
    config_file: Path
    log_file: Path
    database: str  # the URL without its password
    releases: tuple[ReleaseInfo, ...]  # newest first
    libraries: tuple[LibraryInfo, ...]


def collect_about(catalog: ListCatalog | None) -> AboutInfo:
    """Everything the About dialog shows; ``catalog`` None when no database could be opened."""
    releases = tuple(catalog.releases()) if catalog is not None else ()
    database = describe_url(catalog.db.url) if catalog is not None else ""
    return AboutInfo(
        app_name=APP_NAME,
        version=__version__,
        python_version=platform.python_version(),
        data_dir=user_data_dir(),
        config_file=config_path(),
        log_file=log_path(),
        database=database,
        releases=releases,
        libraries=tuple(bundled_libraries()),
    )


def bundled_libraries() -> list[LibraryInfo]:
    """Each bundled library with its installed version; optional ones only when present."""
    found: list[LibraryInfo] = []
    for lib in BUNDLED_LIBRARIES:
        try:
            meta = metadata.metadata(lib.distribution)
        except metadata.PackageNotFoundError:
            if lib.required:
                found.append(LibraryInfo(lib.name, None, lib.fallback_licence))
            continue
        licence = licence_of(meta) or lib.fallback_licence
        if lib.chosen_licence and lib.chosen_licence in _alternatives(licence):
            licence = lib.chosen_licence
        found.append(LibraryInfo(lib.name, meta["Version"], licence))
    return found


def missing_metadata() -> list[str]:
    """Required libraries whose version cannot be read (a frozen build missing their metadata)."""
    return [lib.name for lib in bundled_libraries() if lib.version is None]


def licence_of(meta: metadata.PackageMetadata) -> str | None:
    """The licence a distribution declares: its SPDX expression, its short licence field, or
    the OSI classifier; None when it declares none (or only a whole licence text)."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 80:
        return _SPDX_NAMES.get(text, text)
    for classifier in meta.get_all("Classifier") or []:
        if str(classifier).startswith("License :: OSI Approved :: "):
            name = str(classifier).rsplit(" :: ", 1)[1]
            return _SPDX_NAMES.get(name, name)
    return None


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _alternatives(expression: str) -> set[str]:
    return {part.strip(" ()") for part in expression.split(" OR ")}


# Licence names seen in metadata, as SPDX identifiers.
_SPDX_NAMES = {
    "MIT License": "MIT",
    "PSFL": "PSF-2.0",
    "Python Software Foundation License": "PSF-2.0",
    "BSD License": "BSD-3-Clause",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
}
