"""Matching in worker processes gives exactly the in-process answers, and fails over cleanly.

Each pool starts real (spawned) processes: about a second each, so the tests share them.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import Cancelled
from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, EntityMatcher
from core.matching.batch import NameWithCountries, match_batch
from core.matching.persist import save
from core.matching.pool import MatchPool, PoolUnavailableError, worker_count

from .conftest import DEV_CSV

FILLER = ["Northwind", "Traders", "Contoso", "Pacific", "Logistics", "Supply", "Fabrikam"]


def supplier_items(entities: list[Entity]) -> list[NameWithCountries]:
    """The labelled dev set, listed names as written, and filler companies; several
    countries per name where a vendor master would have them."""
    rng = random.Random(5)
    with DEV_CSV.open(encoding="utf-8") as handle:
        dev = [(row["supplier_name"], row["country"]) for row in csv.DictReader(handle)]
    names: dict[str, dict[str, None]] = {}
    for name, country in dev:
        names.setdefault(name, {})[country] = None
    for entity in entities[::3]:
        for name in entity.names():
            names.setdefault(name, {})[rng.choice(["", "US", "CN", "DE"])] = None
            names[name][rng.choice(["", "CN"])] = None
    for n in range(300):
        filler = " ".join(rng.sample(FILLER, 3)) + f" {n} Ltd"
        names.setdefault(filler, {})[""] = None
    return [(name, tuple(countries)) for name, countries in names.items()]


@pytest.fixture(scope="module")
def items(entities: list[Entity]) -> list[NameWithCountries]:
    return supplier_items(entities)


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory, entities: list[Entity]) -> Iterator[MatchPool]:
    index_file = tmp_path_factory.mktemp("index") / "name-index.pickle"
    started = MatchPool(index_file, entities, workers=2)  # no file yet: the workers build it
    yield started
    started.close()


def test_workers_match_exactly_as_this_process(
    pool: MatchPool, matcher: EntityMatcher, items: list[NameWithCountries]
) -> None:
    pool.wait_ready()
    for threshold in (DEFAULT_THRESHOLD, 80.0):
        expected = match_batch(matcher, items, threshold)
        assert len(expected) > 100, "the items hold many listed names"
        # small chunks: the names are spread over both workers, in many tasks
        assert pool.match(items, threshold, chunk=97) == expected


def test_workers_that_found_no_index_saved_the_one_they_built(pool: MatchPool) -> None:
    pool.wait_ready()
    assert pool.index_file.exists()


def test_progress_counts_every_name(pool: MatchPool, items: list[NameWithCountries]) -> None:
    seen: list[tuple[int, int]] = []
    pool.match(items, DEFAULT_THRESHOLD, chunk=200, on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(items), len(items))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_drops_the_queued_work_and_the_pool_goes_on(
    pool: MatchPool, matcher: EntityMatcher, items: list[NameWithCountries]
) -> None:
    with pytest.raises(Cancelled):
        pool.match(items, DEFAULT_THRESHOLD, chunk=50, cancelled=lambda: True)
    some = items[:300]
    assert pool.match(some, DEFAULT_THRESHOLD) == match_batch(matcher, some, DEFAULT_THRESHOLD)


def test_a_damaged_index_makes_the_pool_unavailable(tmp_path: Path, entities: list[Entity]) -> None:
    index_file = tmp_path / "name-index.pickle"
    assert save(index_file, EntityMatcher(entities[:50]))
    index_file.write_bytes(index_file.read_bytes()[:-10])  # exists, so nothing is rebuilt
    broken = MatchPool(index_file, entities, workers=2)
    try:
        with pytest.raises(PoolUnavailableError):
            broken.wait_ready()
        with pytest.raises(PoolUnavailableError):
            broken.match([("Huawei Technologies", ("CN",))], DEFAULT_THRESHOLD)
    finally:
        broken.close()


@pytest.mark.parametrize(("setting", "expected"), [("0", 0), ("3", 3), ("x", None), ("", None)])
def test_worker_count_setting(
    monkeypatch: pytest.MonkeyPatch, setting: str, expected: int | None
) -> None:
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", setting)
    count = worker_count()
    assert count == expected if expected is not None else 1 <= count <= 4
