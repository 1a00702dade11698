"""Rows that buy or sell a controlled item: by HS code, or (weaker) by the item's name in a
goods description.

An HS code matches a controlled code by prefix at the length the code was printed (8 or 10
digits; dots, spaces and dashes ignored): a row's 2805301990 falls under the controlled 28053019,
never under 2805301910. A description matches when it names the item's substance in English
(a whole word, any case) or Chinese (its element character). One hit per row and item; the
HS code is the stronger signal, and a description that names the same item says so too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from core.lists.asof import StatusBasis, status_basis
from core.lists.items import ControlledItem, hs_digits
from core.lists.model import ListStatus, Status


class ItemSignal(StrEnum):
    HS_CODE = "hs_code"
    """The row's HS code falls under a controlled code."""
    DESCRIPTION = "description"
    """Only the row's goods description names the item."""


@dataclass(frozen=True, slots=True)
class ItemHit:
    """One row matched to one controlled item, with the item's status as of the date."""

    sheet: str | None
    row: int
    """The row number the user sees in the spreadsheet."""
    supplier_name: str
    item_id: str
    item_name: str
    item_name_zh: str
    signal: ItemSignal
    hs_code: str
    """The row's HS code as written ("" when the row has none)."""
    matched_code: str
    """The controlled code it falls under ("" for a description-only hit)."""
    words: tuple[str, ...]
    """The item's names found in the row's description."""
    control_ref: str
    """The notice (and control code) that put the item under control."""
    status: Status
    since: dt.date | None
    until: dt.date | None
    suspended_since: dt.date | None
    status_basis: StatusBasis
    basis_ref: str
    """The notice of the event the status rests on (a suspension's, once suspended)."""
    source_url: str

    def matched_by(self) -> str:
        """ "HS code 2805301990 under 28053019; description names 铒" (English)."""
        parts = []
        if self.signal is ItemSignal.HS_CODE:
            parts.append(f"HS code {self.hs_code} under {self.matched_code}")
        if self.words:
            parts.append("description names " + ", ".join(self.words))
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class _Candidate:
    item: ControlledItem
    code: str
    words: tuple[str, ...]


class ItemMatcher:
    """The controlled items in force (or suspended, pending, lifted) on one date, ready to be
    looked up by HS code and description; build once per screening."""

    def __init__(
        self, items: Iterable[ControlledItem], as_of: dt.date, sources_through: dt.date | None
    ) -> None:
        self._statuses: dict[str, ListStatus] = {}
        self._items: dict[str, ControlledItem] = {}
        self._codes: dict[str, list[tuple[str, ControlledItem]]] = {}
        word_items: dict[str, list[ControlledItem]] = {}
        self._sources_through = sources_through
        for item in items:
            status = item.status(as_of)
            if status.status is Status.NOT_LISTED:
                continue
            self._statuses[item.item_id] = status
            self._items[item.item_id] = item
            for code in item.hs_codes:
                self._codes.setdefault(code[:4], []).append((code, item))
            for word in item.keywords:
                word_items.setdefault(word.casefold(), []).append(item)
        self._word_items = word_items
        self._words = _word_pattern(word_items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def match(
        self, *, sheet: str | None, row: int, supplier: str, hs_code: str, description: str
    ) -> list[ItemHit]:
        found: dict[str, _Candidate] = {}
        digits = hs_digits(hs_code)
        for code, item in self._codes.get(digits[:4], ()) if digits else ():
            if digits.startswith(code) and item.item_id not in found:
                found[item.item_id] = _Candidate(item, code, ())
        for word in self._described(description):
            for item in self._word_items[word.casefold()]:
                previous = found.get(item.item_id)
                if previous is None:
                    found[item.item_id] = _Candidate(item, "", (word,))
                elif word not in previous.words:
                    found[item.item_id] = _Candidate(item, previous.code, (*previous.words, word))
        return [self._hit(sheet, row, supplier, hs_code, c) for c in self._distinct(found)]

    def _distinct(self, found: dict[str, _Candidate]) -> list[_Candidate]:
        """The candidates worth a hit: every HS-code match, and of the description-only ones
        a word already explained by an HS-code match of the row adds nothing, and of several
        items named by the same word one per status is enough (samarium metal, oxide and
        compounds share the word and the notice)."""
        by_code = [c for c in found.values() if c.code]
        explained = {w.casefold() for c in by_code for w in c.item.keywords}
        kept: dict[tuple[str, Status], _Candidate] = {}
        for c in found.values():
            if c.code:
                continue
            words = [w for w in c.words if w.casefold() not in explained]
            if words:
                key = (words[0].casefold(), self._statuses[c.item.item_id].status)
                kept.setdefault(key, c)
        return [*by_code, *kept.values()]

    def _described(self, description: str) -> list[str]:
        if self._words is None or not description:
            return []
        return list(dict.fromkeys(m.group(0) for m in self._words.finditer(description)))

    def _hit(
        self, sheet: str | None, row: int, supplier: str, hs_code: str, found: _Candidate
    ) -> ItemHit:
        item, status = found.item, self._statuses[found.item.item_id]
        basis = status.basis
        return ItemHit(
            sheet=sheet,
            row=row,
            supplier_name=supplier,
            item_id=item.item_id,
            item_name=item.name_en,
            item_name_zh=item.name_zh,
            signal=ItemSignal.HS_CODE if found.code else ItemSignal.DESCRIPTION,
            hs_code=hs_code.strip(),
            matched_code=found.code,
            words=found.words,
            control_ref=item.control_ref,
            status=status.status,
            since=status.since,
            until=status.until,
            suspended_since=status.suspended_since,
            status_basis=status_basis(status, self._sources_through),
            basis_ref=basis.announcement if basis else "",
            source_url=basis.source_url if basis else "",
        )


def _word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every item name: Latin names as whole words, Chinese ones anywhere."""
    if not words:
        return None
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(rf"\b{escaped}\b" if word.isascii() else escaped)
    return re.compile("|".join(parts), re.IGNORECASE)
