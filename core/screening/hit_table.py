"""The hits of a screening held compactly: a sequence of ``ListingHit`` that stores a few
integers per hit and makes each ``ListingHit`` when it is read.

A file where every row hits has millions of hits, and nearly all their fields repeat: the
fields of one listing (entity names, list, status, dates, announcement, events) are the same
for every row that hits it, and the fields of one name match (supplier name and country, the
name matched, score, reasons) the same for every list of the entity it matched. The table
keeps each distinct group of such values once and, per hit, its sheet, row and the numbers of
its two groups: 18 bytes a hit instead of a ``ListingHit`` and its values (about 6 KB
each as measured when every hit had its own objects).

The fields are ``ListingHit``'s own (``dataclasses.fields``): the table only decides which of
them travel together. A field added to ``ListingHit`` joins the listing group, and is carried
like the others.
"""

from __future__ import annotations

import dataclasses
import operator
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from core.screening.result import ListingHit

_FIELDS = tuple(f.name for f in dataclasses.fields(ListingHit))
_PLACE = ("sheet", "row")
_MATCH = ("supplier_name", "supplier_country", "entity_id", "matched_name", "score", "band",
          "reasons", "matched_tokens")  # fmt: skip
"""What one name match of one row decides: the same on every list of the entity."""
_LISTING = tuple(f for f in _FIELDS if f not in _PLACE and f not in _MATCH)
"""Everything else: what the entity's listing on one list decides (and a decision on it)."""
assert set(_PLACE) | set(_MATCH) <= set(_FIELDS), "hit_table names a field ListingHit lacks"

_match_of = operator.attrgetter(*_MATCH)
_listing_of = operator.attrgetter(*_LISTING)
_LAYOUT = (*_PLACE, *_MATCH, *_LISTING)
_in_field_order = operator.itemgetter(*(_LAYOUT.index(f) for f in _FIELDS))
_SAME_OBJECTS_CACHE = 1 << 14


class _Groups:
    """Distinct value tuples, numbered in the order first seen."""

    def __init__(self) -> None:
        self.values: list[tuple[Any, ...]] = []
        self._numbers: dict[tuple[Any, ...], int] = {}
        # By the identity of the values: most hits reuse the very objects of an earlier hit,
        # and comparing identities is much cheaper than hashing reasons and event lines. An
        # id is unique only while its object lives, so each entry keeps its values alive;
        # the cache is emptied when full, which bounds what it keeps.
        self._by_ids: dict[tuple[int, ...], tuple[int, tuple[Any, ...]]] = {}

    def number(self, values: tuple[Any, ...]) -> int:
        ids = tuple(map(id, values))
        cached = self._by_ids.get(ids)
        if cached is not None:
            return cached[0]
        found = self._numbers.get(values)
        if found is None:
            found = self._numbers[values] = len(self.values)
            self.values.append(values)
        if len(self._by_ids) >= _SAME_OBJECTS_CACHE:
            self._by_ids.clear()
        self._by_ids[ids] = (found, values)
        return found

    def frozen(self) -> None:
        """No more groups will be added by value: drop the lookups (the values stay)."""
        self._numbers.clear()
        self._by_ids.clear()

    def __len__(self) -> int:
        return len(self.values)


class HitTable(Sequence[ListingHit]):
    """The hits of one screening in order: append, read, replace one (a decision), sort.

    Reading gives a new ``ListingHit`` equal to the one appended: the table holds values,
    not the objects, so ``is`` does not hold between reads."""

    __slots__ = ("_listing", "_listings", "_match", "_matches", "_row", "_sheet", "_sheets")

    def __init__(self, hits: Iterable[ListingHit] = ()) -> None:
        self._sheets: list[str | None] = []
        self._sheet = array("H")
        self._row = array("q")
        self._match = array("I")
        self._listing = array("I")
        self._matches = _Groups()
        self._listings = _Groups()
        self.extend(hits)

    # -- adding ---------------------------------------------------------------------------------
    def append(self, hit: ListingHit) -> None:
        self._sheet.append(self._sheet_number(hit.sheet))
        self._row.append(hit.row)
        self._match.append(self._matches.number(_match_of(hit)))
        self._listing.append(self._listings.number(_listing_of(hit)))

    def extend(self, hits: Iterable[ListingHit]) -> None:
        for hit in hits:
            self.append(hit)

    def freeze(self) -> None:
        """All hits are in: free the lookups that found repeated values (hits can still be
        added or replaced; their values are then kept anew)."""
        self._matches.frozen()
        self._listings.frozen()

    def _sheet_number(self, sheet: str | None) -> int:
        sheets = self._sheets
        if sheets and sheets[-1] == sheet:
            return len(sheets) - 1
        try:
            return sheets.index(sheet)
        except ValueError:
            sheets.append(sheet)
            return len(sheets) - 1

    def __setitem__(self, index: int, hit: ListingHit) -> None:
        """Put ``hit`` at ``index`` (a new version of the hit there: a decision on it)."""
        if not -len(self) <= index < len(self):
            raise IndexError("hit index out of range")
        self._sheet[index] = self._sheet_number(hit.sheet)
        self._row[index] = hit.row
        self._match[index] = self._matches.number(_match_of(hit))
        self._listing[index] = self._listings.number(_listing_of(hit))

    # -- reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._row)

    @overload
    def __getitem__(self, index: int) -> ListingHit: ...

    @overload
    def __getitem__(self, index: slice) -> list[ListingHit]: ...

    def __getitem__(self, index: int | slice) -> ListingHit | list[ListingHit]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError("hit index out of range")
        return self._make(index % len(self) if index < 0 else index)

    def _make(self, i: int) -> ListingHit:
        values = (
            (self._sheets[self._sheet[i]], self._row[i])
            + self._matches.values[self._match[i]]
            + self._listings.values[self._listing[i]]
        )
        return ListingHit(*_in_field_order(values))

    def __iter__(self) -> Iterator[ListingHit]:
        sheets, matches, listings = self._sheets, self._matches.values, self._listings.values
        for sheet, row, match, listing in zip(
            self._sheet, self._row, self._match, self._listing, strict=True
        ):
            values = (sheets[sheet], row) + matches[match] + listings[listing]
            yield ListingHit(*_in_field_order(values))

    def places(self) -> Iterator[tuple[str | None, int]]:
        """(sheet, row) of every hit in order, without making the hits."""
        sheets = self._sheets
        return ((sheets[s], r) for s, r in zip(self._sheet, self._row, strict=True))

    def records(
        self, encode: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> Iterator[dict[str, Any]]:
        """For each hit in order: ``encode`` of its fields, made by parts: ``encode`` is given
        a dict of some of the hit's fields (by name) and returns what they become (e.g. stored
        columns by name); the parts the hits share are encoded once while they recur, so
        encoding millions of hits costs little more than merging dicts. ``encode`` must treat
        each field on its own."""
        sheets = self._sheets
        match_fields, listing_fields = self._matches.values, self._listings.values
        matches: dict[int, dict[str, Any]] = {}
        listings: dict[int, dict[str, Any]] = {}
        for sheet, row, match, listing in zip(
            self._sheet, self._row, self._match, self._listing, strict=True
        ):
            encoded_match = matches.get(match)
            if encoded_match is None:
                if len(matches) >= _SAME_OBJECTS_CACHE:
                    matches.clear()
                encoded_match = matches[match] = encode(
                    dict(zip(_MATCH, match_fields[match], strict=True))
                )
            encoded_listing = listings.get(listing)
            if encoded_listing is None:
                if len(listings) >= _SAME_OBJECTS_CACHE:
                    listings.clear()
                encoded_listing = listings[listing] = encode(
                    dict(zip(_LISTING, listing_fields[listing], strict=True))
                )
            yield encode({"sheet": sheets[sheet], "row": row}) | encoded_match | encoded_listing

    def place(self, index: int) -> tuple[str | None, int]:
        """(sheet, row) of the hit at ``index``, without making the hit."""
        return self._sheets[self._sheet[index]], self._row[index]

    def highest_row(self) -> int:
        """The highest row number of any hit (0 for none)."""
        return max(self._row, default=0)

    def column(self, name: str) -> list[Any]:
        """The value of field ``name`` of every hit, in order, without making the hits."""
        if name == "sheet":
            return [self._sheets[s] for s in self._sheet]
        if name == "row":
            return list(self._row)
        groups, numbers, at = self._group_of(name)
        values = [group[at] for group in groups.values]
        return [values[n] for n in numbers]

    def count_by(self, name: str) -> Counter[Any]:
        """How many hits have each value of field ``name`` (quick: by group, not by hit)."""
        if name in _PLACE:
            return Counter(self.column(name))
        groups, numbers, at = self._group_of(name)
        out: Counter[Any] = Counter()
        for number, count in Counter(numbers).items():
            out[groups.values[number][at]] += count
        return out

    def _group_of(self, name: str) -> tuple[_Groups, array[int], int]:
        if name in _MATCH:
            return self._matches, self._match, _MATCH.index(name)
        return self._listings, self._listing, _LISTING.index(name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return (
            f"HitTable({len(self):,} hits, {len(self._matches):,} matches, "
            f"{len(self._listings):,} listings)"
        )

    # -- ordering -------------------------------------------------------------------------------
    def sort(self, key: Callable[[ListingHit], Any]) -> None:
        """Order the hits by ``key`` (stable, like ``list.sort``)."""
        order = sorted(range(len(self)), key=lambda i: key(self._make(i)))
        for name in ("_sheet", "_row", "_match", "_listing"):
            column = getattr(self, name)
            setattr(self, name, array(column.typecode, (column[i] for i in order)))

    def copy(self) -> HitTable:
        """A table of the same hits that can be changed without changing this one."""
        out = HitTable()
        out._sheets = list(self._sheets)
        out._sheet, out._row = array("H", self._sheet), array("q", self._row)
        out._match, out._listing = array("I", self._match), array("I", self._listing)
        out._matches, out._listings = self._matches, self._listings  # only ever added to
        return out


def as_hit_table(hits: Iterable[ListingHit]) -> HitTable:
    """``hits`` as a ``HitTable`` (itself when it is one)."""
    return hits if isinstance(hits, HitTable) else HitTable(hits)
