"""Controlled items: goods whose export needs a licence (rare earths, critical minerals), as of a
date, by HS code.

An item is controlled from its ``added`` event, suspended inside a ``suspended`` window and
lifted by ``removed``: the same rules as a listing, replayed by the same function
(``core.lists.asof.status_as_of``), so a status word means the same on an item as on a party.
The pack's ``items.csv`` has one row per item and action (the item's names and codes repeated).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from core.errors import ListPackError
from core.lists.asof import StatusBasis, status_as_of, status_basis
from core.lists.model import Action, ListingEvent, ListStatus

ITEMS_LIST_ID = "cn-controlled-items"
"""The id under which item events are replayed (no list of parties carries it)."""
ITEM_COLUMNS = (
    "item_id", "name_en", "name_zh", "hs_codes", "control_ref", "action", "effective_on",
    "until", "source_url", "quality", "note",
)  # fmt: skip
_CODE = re.compile(r"\d{4,10}")
_KEYWORD = re.compile(r"^([A-Z][a-z]+)(?=:| items| oxide| compounds|-related|-material)")
"""A substance name that leads an item's English name ("Samarium: ...", "Gallium items")."""


@dataclass(frozen=True, slots=True)
class ItemEvent:
    item_id: str
    action: Action
    effective_on: dt.date
    until: dt.date | None = None
    control_ref: str = ""
    source_url: str = ""
    quality: str = ""
    note: str = ""
    seq: int = 0

    def as_listing_event(self) -> ListingEvent:
        """The event in the form the as-of replay takes."""
        return ListingEvent(
            entity_id=self.item_id,
            list_id=ITEMS_LIST_ID,
            action=self.action,
            effective_on=self.effective_on,
            until=self.until,
            announcement=self.control_ref,
            source_url=self.source_url,
            quality=self.quality,
            note=self.note,
            seq=self.seq,
        )


@dataclass(frozen=True, slots=True)
class ControlledItem:
    item_id: str
    name_en: str
    name_zh: str
    hs_codes: tuple[str, ...]
    """Tariff codes as printed (8 or 10 digits)."""
    events: tuple[ItemEvent, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        """Words that name the item in a goods description: its Chinese element name and the
        substance its English name starts with ("钐", "Samarium")."""
        found = _KEYWORD.match(self.name_en)
        words = [self.name_zh, found.group(1) if found else ""]
        return tuple(w for w in dict.fromkeys(words) if w)

    @property
    def control_ref(self) -> str:
        """The notice that put the item under control (its first ``added`` event)."""
        added = [e for e in self.events if e.action is Action.ADDED]
        return added[0].control_ref if added else ""

    def status(self, as_of: dt.date) -> ListStatus:
        return status_as_of((e.as_listing_event() for e in self.events), as_of)


def hs_digits(text: str) -> str:
    """An HS code as its digits ("2805.30.19 10" -> "2805301910"); "" when it is no code."""
    digits = re.sub(r"[\s.\-]", "", text.strip())
    return digits if digits.isdigit() else ""


def parse_item_rows(rows: Sequence[Mapping[str, str]], where: str) -> tuple[ControlledItem, ...]:
    """Items from the rows of ``items.csv`` (one per item and action); ``where`` names the file
    in errors, which give the line."""
    entries: list[tuple[ItemNames, ItemEvent]] = []
    for seq, row in enumerate(rows):
        line = f"{where} line {seq + 2}"
        item_id = row["item_id"].strip()
        if not item_id:
            raise ListPackError(f"{line}: item_id is empty")
        try:
            action = Action(row["action"].strip())
        except ValueError:
            raise ListPackError(f"{line}: unknown action {row['action']!r}") from None
        codes = tuple(c for c in (p.strip() for p in row["hs_codes"].split("|")) if c)
        bad = [c for c in codes if not _CODE.fullmatch(c)]
        if bad:
            raise ListPackError(f"{line}: hs_codes {', '.join(bad)} are not 4-10 digit codes")
        names = ItemNames(item_id, row["name_en"].strip(), row["name_zh"].strip(), codes)
        event = ItemEvent(
            item_id=item_id,
            action=action,
            effective_on=_date(row["effective_on"], line, "effective_on"),
            until=_optional_date(row["until"], line),
            control_ref=row["control_ref"].strip(),
            source_url=row["source_url"].strip(),
            quality=row["quality"].strip(),
            note=row["note"].strip(),
            seq=seq,
        )
        entries.append((names, event))
    return assemble_items(entries)


@dataclass(frozen=True, slots=True)
class ItemNames:
    """An item's names and codes, as each of its rows repeats them."""

    item_id: str
    name_en: str
    name_zh: str
    hs_codes: tuple[str, ...]


def assemble_items(entries: Iterable[tuple[ItemNames, ItemEvent]]) -> tuple[ControlledItem, ...]:
    """Items from their rows, in first-seen order; an item's first row gives its names."""
    names: dict[str, ItemNames] = {}
    events: dict[str, list[ItemEvent]] = {}
    for item, event in entries:
        names.setdefault(item.item_id, item)
        events.setdefault(item.item_id, []).append(event)
    return tuple(
        ControlledItem(n.item_id, n.name_en, n.name_zh, n.hs_codes, tuple(events[n.item_id]))
        for n in names.values()
    )


def item_rows(items: Iterable[ControlledItem]) -> list[dict[str, str]]:
    """The ``items.csv`` rows of ``items`` (the inverse of ``parse_item_rows``)."""
    out = []
    for item in items:
        for e in item.events:
            out.append(
                {
                    "item_id": item.item_id,
                    "name_en": item.name_en,
                    "name_zh": item.name_zh,
                    "hs_codes": "|".join(item.hs_codes),
                    "control_ref": e.control_ref,
                    "action": e.action.value,
                    "effective_on": e.effective_on.isoformat(),
                    "until": e.until.isoformat() if e.until else "",
                    "source_url": e.source_url,
                    "quality": e.quality,
                    "note": e.note,
                }
            )
    return out


def _date(text: str, line: str, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ListPackError(f"{line}: {column} {text!r} is not a date (YYYY-MM-DD)") from None


def _optional_date(text: str, line: str) -> dt.date | None:
    return _date(text, line, "until") if text.strip() else None


@dataclass(frozen=True, slots=True)
class ItemState:
    """One item's status as of a date, and what the status rests on."""

    item: ControlledItem
    status: ListStatus
    basis: StatusBasis


def item_states(
    items: Iterable[ControlledItem], as_of: dt.date, sources_through: dt.date | None
) -> list[ItemState]:
    """Every item's status as of ``as_of`` (not-yet-controlled ones too), in data order."""
    out = []
    for item in items:
        status = item.status(as_of)
        out.append(ItemState(item, status, status_basis(status, sources_through)))
    return out
