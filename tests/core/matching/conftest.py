"""Fixtures for the matching tests: the bundled entities (the repo copy, so the tests run on a
clean clone) and one matcher over them, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.lists.model import Entity
from core.lists.pack import read_entities_csv
from core.matching import EntityMatcher
from core.paths import bundled_pack_dir

REPO = Path(__file__).resolve().parents[3]
ENTITIES_CSV = bundled_pack_dir() / "entities.csv"
DEV_CSV = Path(__file__).resolve().parent / "data" / "dev-matches.csv"


@pytest.fixture(scope="session")
def entities() -> list[Entity]:
    """The bundled entities, read as a list pack reads them (``notes`` kept)."""
    return read_entities_csv(ENTITIES_CSV)


@pytest.fixture(scope="session")
def matcher(entities: list[Entity]) -> EntityMatcher:
    return EntityMatcher(entities)
