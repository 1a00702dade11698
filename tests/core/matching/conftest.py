"""Fixtures for the matching tests: the bundled entities (the repo copy, so the tests run on a
clean clone) and one matcher over them, built once per session."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.lists.model import Entity
from core.matching import EntityMatcher

REPO = Path(__file__).resolve().parents[3]
ENTITIES_CSV = REPO / "resources" / "lists" / "bundled" / "entities.csv"
DEV_CSV = Path(__file__).resolve().parent / "data" / "dev-matches.csv"


def load_entities(path: Path = ENTITIES_CSV) -> list[Entity]:
    """Entities from an entities.csv of the reference-list format (aliases "|"-separated)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Entity(
                entity_id=row["entity_id"].strip(),
                name_en=row["name_en"].strip(),
                name_zh=row.get("name_zh", "").strip(),
                aliases=tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip()),
                country=row.get("country", "").strip(),
                kind=row.get("kind", "").strip() or "organization",
            )
            for row in csv.DictReader(handle)
        ]


@pytest.fixture(scope="session")
def entities() -> list[Entity]:
    return load_entities()


@pytest.fixture(scope="session")
def matcher(entities: list[Entity]) -> EntityMatcher:
    return EntityMatcher(entities)
