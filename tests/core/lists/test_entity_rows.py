"""Entity rows of the reference format: one reading for list packs, the benchmark and tests."""

from __future__ import annotations

from pathlib import Path

from core.lists.model import Entity
from core.lists.pack import ENTITY_COLUMNS, parse_entity_row, read_entities_csv, read_pack
from core.paths import bundled_pack_dir


def test_a_full_row_keeps_every_field_notes_included() -> None:
    row = dict(
        zip(
            ENTITY_COLUMNS,
            [" acme ", "", " Acme Corp ", "阿克米公司", "ACME | Acme Co.|| ", " US ", " note "],
            strict=True,
        )
    )
    assert parse_entity_row(row) == Entity(
        entity_id="acme",
        name_en="Acme Corp",
        name_zh="阿克米公司",
        aliases=("ACME", "Acme Co."),
        country="US",
        kind="organization",
        notes="note",
    )


def test_optional_columns_may_be_missing_or_short() -> None:
    entity = parse_entity_row({"entity_id": "x", "name_en": "X Ltd", "kind": None})  # type: ignore[dict-item]
    assert entity == Entity("x", "X Ltd", kind="organization")


def test_the_csv_reading_is_the_packs_reading(tmp_path: Path) -> None:
    bundled = bundled_pack_dir()
    from_csv = read_entities_csv(bundled / "entities.csv")
    assert tuple(from_csv) == read_pack(bundled).entities
    assert any(e.notes for e in from_csv)  # the test copy of this reading used to drop them
