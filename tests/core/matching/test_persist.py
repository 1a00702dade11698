"""The name index kept on disk: loaded when good, rebuilt when missing, damaged or foreign."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lists.model import Entity
from core.matching import EntityMatcher
from core.matching.mapped_index import MappedPostings, _postings_section
from core.matching.persist import index_key, index_path, load, load_or_build, save

NAMES = ["Lockheed Martin Corp", "Huawei Technologies Co Ltd", "洛克希德·马丁公司", "Rapid Flight"]


@pytest.fixture(scope="module")
def few(entities: list[Entity]) -> list[Entity]:
    return entities[:200]


def test_a_saved_index_loads_and_matches_as_a_built_one(tmp_path: Path, few: list[Entity]) -> None:
    built = load_or_build(few, tmp_path)
    files = list(tmp_path.glob("name-index-*.index"))
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
    assert len(list(tmp_path.glob("name-index-*.index"))) == 2
    assert not list(tmp_path.glob(".name-index-*"))


def test_a_mapped_index_matches_as_the_built_one_on_every_listed_name(
    tmp_path: Path, entities: list[Entity]
) -> None:
    """The names and postings read from the mapped file are those the build made."""
    built = EntityMatcher(entities)
    path = tmp_path / "all.index"
    assert save(path, built)
    loaded = load(path, entities)
    assert loaded is not None
    assert len(loaded.index.names) == len(built.index.names)
    for nid in range(0, len(built.index.names), 7):
        a, b = loaded.index.names[nid], built.index.names[nid]
        assert (a.printed, a.derived_from, a.tokens, a.weights, a.entity_index, a.is_alias,
                a.script) == (b.printed, b.derived_from, b.tokens, b.weights, b.entity_index,
                              b.is_alias, b.script)  # fmt: skip
    fresh = EntityMatcher(entities)
    for entity in entities[::3]:
        for name in entity.names():
            for text in (name, name[:-1], f"{name} Trading", name.upper()):
                for threshold in (88.0, 75.0):
                    expected = fresh.match(text, "CN", threshold=threshold)
                    assert loaded.match(text, "CN", threshold=threshold) == expected, text


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=12), st.lists(st.integers(0, 2**32 - 1), max_size=5), max_size=60
    ),
    st.lists(st.text(max_size=12), max_size=20),
)
def test_mapped_postings_hold_what_the_table_held(
    table: dict[str, list[int]], others: list[str]
) -> None:
    import mmap

    body = _postings_section(table)
    buffer = mmap.mmap(-1, max(1, len(body)))
    buffer.write(body)
    mapped = MappedPostings(memoryview(buffer)[: len(body)])
    assert len(mapped) == len(table)
    assert sorted(mapped) == sorted(table)
    for key, ids in table.items():
        assert mapped[key] == ids and mapped.get(key) == ids and key in mapped
    for key in others:
        if key not in table:
            assert mapped.get(key) is None and key not in mapped


@pytest.mark.parametrize("where", [0, 4, 12, 40, 200])
def test_a_file_with_a_good_digest_but_a_broken_layout_is_refused(
    tmp_path: Path, few: list[Entity], where: int
) -> None:
    """A broken writer (right checksum, wrong contents) is refused too, never raised."""
    import hashlib

    from core.matching import persist

    path = tmp_path / "broken.index"
    assert save(path, EntityMatcher(few))
    data = bytearray(path.read_bytes())
    head = len(persist._MAGIC) + 32
    data[head + where : head + where + 4] = b"\xff\xff\xff\x7f"
    data[len(persist._MAGIC) : head] = hashlib.sha256(data[head:]).digest()
    path.write_bytes(bytes(data))
    assert load(path, few) is None
