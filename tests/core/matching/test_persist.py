"""The name index kept on disk: loaded when good, rebuilt when missing, damaged or foreign."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.lists.model import Entity
from core.matching import EntityMatcher
from core.matching.persist import index_key, index_path, load, load_or_build, save

NAMES = ["Lockheed Martin Corp", "Huawei Technologies Co Ltd", "洛克希德·马丁公司", "Rapid Flight"]


@pytest.fixture(scope="module")
def few(entities: list[Entity]) -> list[Entity]:
    return entities[:200]


def test_a_saved_index_loads_and_matches_as_a_built_one(tmp_path: Path, few: list[Entity]) -> None:
    built = load_or_build(few, tmp_path)
    files = list(tmp_path.glob("name-index-*.pickle"))
    assert len(files) == 1
    loaded = load(files[0], few)
    assert loaded is not None
    fresh = EntityMatcher(few)
    for entity in few[:60]:
        for name in (*entity.names(), *NAMES):
            assert loaded.match(name, "US") == fresh.match(name, "US") == built.match(name, "US")


def test_other_entities_get_another_file(few: list[Entity]) -> None:
    assert index_key(few) != index_key(few[:-1])
    assert index_key(few) != index_key([*few[1:], few[0]])  # the order is part of it


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"not an index at all",
    ],
)
def test_a_damaged_file_is_rebuilt_never_raised(
    tmp_path: Path, few: list[Entity], damage: object
) -> None:
    path = index_path(tmp_path, index_key(few))
    assert save(path, EntityMatcher(few))
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert load(path, few) is None
    matcher = load_or_build(few, tmp_path)
    assert matcher.match(few[0].name_en)
    assert load(path, few) is not None  # written again


def test_an_index_of_other_entities_is_refused(tmp_path: Path, few: list[Entity]) -> None:
    path = tmp_path / "index.pickle"
    assert save(path, EntityMatcher(few))
    assert load(path, few[:-1]) is None


def test_an_unwritable_directory_only_means_no_cache(tmp_path: Path, few: list[Entity]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    matcher = load_or_build(few, blocker / "cache")  # cannot be made: a file is in the way
    assert matcher.match(few[0].name_en)


def test_only_the_last_few_files_are_kept(tmp_path: Path, entities: list[Entity]) -> None:
    for size in (10, 20, 30, 40):
        load_or_build(entities[:size], tmp_path)
    assert len(list(tmp_path.glob("name-index-*.pickle"))) == 2
    assert not list(tmp_path.glob(".name-index-*"))
