"""core.about: versions and licences from the installed metadata, releases from the catalogue."""

from __future__ import annotations

import json
from email.message import Message
from importlib import metadata
from pathlib import Path

import pytest

from core import __version__
from core.about import BUNDLED_LIBRARIES, bundled_libraries, collect_about, licence_of
from core.lists.catalog import ListCatalog
from core.paths import bundled_pack_dir
from core.store.database import Database

EXPECTED_LICENCES = {
    "Qt for Python (PySide6)": "LGPL-3.0-only",
    "SQLAlchemy": "MIT",
    "Alembic": "MIT",
    "openpyxl": "MIT",
    "python-calamine": "MIT",
    "RapidFuzz": "MIT",
    "platformdirs": "MIT",
    "defusedxml": "PSF-2.0",
}


def test_every_required_library_has_its_installed_version_and_licence() -> None:
    libraries = {lib.name: lib for lib in bundled_libraries()}
    for spec in BUNDLED_LIBRARIES:
        if spec.required:
            assert libraries[spec.name].version == metadata.version(spec.distribution)
    for name, licence in EXPECTED_LICENCES.items():
        assert libraries[name].licence == licence, name


def _meta(**fields: str | list[str]) -> Message:
    message = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


@pytest.mark.parametrize(
    ("fields", "licence"),
    [
        ({"License_Expression": "MIT", "License": "BSD"}, "MIT"),
        ({"License": "PSFL"}, "PSF-2.0"),
        ({"License": "Apache-2.0"}, "Apache-2.0"),
        ({"License": "Permission is hereby granted...\nlong text", "Classifier": [
            "Programming Language :: Python", "License :: OSI Approved :: MIT License"]}, "MIT"),
        ({"Classifier": ["Programming Language :: Python"]}, None),
    ],
)  # fmt: skip
def test_licence_of_prefers_the_expression_then_the_field_then_the_classifier(
    fields: dict[str, str | list[str]], licence: str | None
) -> None:
    assert licence_of(_meta(**fields)) == licence  # type: ignore[arg-type]


def test_collect_about_lists_releases_and_the_data_folder(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'about.db'}")
    try:
        catalog = ListCatalog(db)
        catalog.ensure_bundled()
        info = collect_about(catalog)
    finally:
        db.dispose()
    manifest = json.loads((bundled_pack_dir() / "manifest.json").read_text(encoding="utf-8"))
    assert info.version == __version__
    assert info.app_name == "TradeScreen"
    # both bundled releases, the newest first
    assert [r.version for r in info.releases] == [str(manifest["version"]), "2026.08.22"]
    assert info.releases[0].data_cutoff.isoformat() == manifest["data_cutoff"]
    assert info.database.startswith("sqlite:///")
    assert info.data_dir == tmp_path / "userdata"  # tests/conftest.py's private data dir


def test_collect_about_without_a_database() -> None:
    info = collect_about(None)
    assert info.releases == ()
    assert info.database == ""
    assert info.libraries
