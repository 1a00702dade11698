"""The compact hit table: a sequence of ``ListingHit`` equal to the hits put in, whatever is
shared between them, with their values held once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from core.lists.model import Status
from core.screening.decision import Decision
from core.screening.hit_table import HitTable, as_hit_table
from core.screening.result import ListingHit, PriorDecision
from tests.core.report.conftest import make_hit

AT = dt.datetime(2025, 5, 21, 9, 0, tzinfo=dt.UTC)


def _varied() -> list[ListingHit]:
    """Hits that differ in every kind of field: place, match, listing, decision, prior."""
    prior = PriorDecision(Decision.FALSE_POSITIVE, "not them", "li.lei", AT, 3, True)
    hits = [
        make_hit(2, "Kratos UAS Inc.", Status.ACTIVE, "us-1260h"),
        make_hit(2, "Kratos UAS Inc.", Status.SUSPENDED, "cn-export-control"),
        make_hit(3, "华为技术有限公司", Status.ACTIVE, "cn-unreliable-entity", sheet=None),
        make_hit(4, "Shield AI", Status.REMOVED, "us-1260h", until=dt.date(2026, 1, 1)),
        make_hit(5, "Shield AI", Status.PENDING, "us-1260h", score=77.5, prior=prior),
        make_hit(6, "Omega", Status.ACTIVE, "us-1260h").with_decision(
            Decision.ESCALATED, "ask legal", "wang.wu", AT
        ),
    ]
    return hits + [dataclasses.replace(hits[0], row=1000 + n) for n in range(50)]


def test_reads_back_every_hit_as_it_was_put_in() -> None:
    hits = _varied()
    table = HitTable(hits)
    assert len(table) == len(hits)
    assert list(table) == hits and table == hits and hits == table
    assert [table[i] for i in range(len(hits))] == hits
    assert table[-1] == hits[-1] and table[1:4] == hits[1:4] and table[::7] == hits[::7]
    assert [table.place(i) for i in range(len(hits))] == [(h.sheet, h.row) for h in hits]
    assert list(table.places()) == [(h.sheet, h.row) for h in hits]
    with pytest.raises(IndexError):
        table[len(hits)]
    assert table != hits[:-1] and table != [*hits[:-1], hits[0]]


def test_repeated_values_are_held_once() -> None:
    base = make_hit(2, "Kratos UAS Inc.", Status.ACTIVE, "us-1260h")
    other_list = dataclasses.replace(base, list_id="cn-export-control", status=Status.SUSPENDED)
    table = HitTable()
    for row in range(10_000):
        table.extend([dataclasses.replace(base, row=row), dataclasses.replace(other_list, row=row)])
    assert repr(table) == "HitTable(20,000 hits, 1 matches, 2 listings)"
    assert table[5] == dataclasses.replace(other_list, row=2)


def test_a_hit_replaced_in_place_and_copies_apart() -> None:
    hits = _varied()
    table = HitTable(hits)
    copy = table.copy()
    decided = hits[3].with_decision(Decision.CONFIRMED, "yes", "li.lei", AT)
    copy[3] = decided
    assert copy[3] == decided and table[3] == hits[3]
    assert list(copy) == [*hits[:3], decided, *hits[4:]]
    table.freeze()  # no more lookups by value: adding still works, and reads the same
    table.append(hits[0])
    assert table[-1] == hits[0] and len(table) == len(hits) + 1
    with pytest.raises(IndexError):
        copy[len(hits)] = decided


def test_columns_and_counts_without_making_the_hits() -> None:
    hits = _varied()
    table = HitTable(hits)
    for name in ("sheet", "row", "supplier_name", "score", "status", "decision", "prior"):
        assert table.column(name) == [getattr(h, name) for h in hits]
    assert table.count_by("status") == Counter(h.status for h in hits)
    assert table.count_by("sheet") == Counter(h.sheet for h in hits)


def test_sort_is_stable_like_a_list() -> None:
    hits = _varied()
    table = HitTable(hits)
    table.sort(key=lambda h: (h.status.value, -h.score))
    assert list(table) == sorted(hits, key=lambda h: (h.status.value, -h.score))


def test_as_hit_table_keeps_a_table_and_converts_a_list() -> None:
    hits = _varied()
    table = HitTable(hits)
    assert as_hit_table(table) is table
    assert as_hit_table(hits) == hits


def test_records_encode_each_hit_by_its_parts() -> None:
    hits = _varied()
    calls = []

    def encode(values: dict[str, object]) -> dict[str, object]:
        calls.append(sorted(values))
        return {f"c_{name}": repr(value) for name, value in values.items()}

    records = list(HitTable(hits).records(encode))
    fields = [f.name for f in dataclasses.fields(ListingHit)]
    assert records == [{f"c_{f}": repr(getattr(h, f)) for f in fields} for h in hits]
    assert len(calls) < 3 * len(hits), "the parts hits share are encoded once"
