"""Plain data for lists, entities and listing events, independent of storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    ADDED = "added"
    SUSPENDED = "suspended"
    REMOVED = "removed"


class Status(StrEnum):
    """An entity's standing on one list as of a date. Order is severity, highest first."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    PENDING = "pending"
    REMOVED = "removed"
    NOT_LISTED = "not_listed"


SEVERITY_ORDER: tuple[Status, ...] = (
    Status.ACTIVE,
    Status.SUSPENDED,
    Status.PENDING,
    Status.REMOVED,
)
"""The statuses a screening reports, in the order a reviewer should look at them: in force
first, history last. Every table, sheet and sort of statuses follows it."""

SEVERITY: dict[Status, int] = {status: rank for rank, status in enumerate(SEVERITY_ORDER)}
"""Rank of each reported status in ``SEVERITY_ORDER`` (0 = most severe): a sort key."""


@dataclass(frozen=True, slots=True)
class RestrictionList:
    list_id: str
    name_en: str
    name_zh: str = ""
    authority: str = ""
    jurisdiction: str = ""
    effect: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A listed party. ``aliases`` holds abbreviations, former names and other renderings."""

    entity_id: str
    name_en: str
    name_zh: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""
    kind: str = "organization"
    notes: str = ""

    def names(self) -> tuple[str, ...]:
        """Every name the entity is known by, primary names first, without blanks."""
        out = [n for n in (self.name_en, self.name_zh, *self.aliases) if n.strip()]
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class ListingEvent:
    """One fact from one announcement about one entity on one list.

    ``seq`` is the event's position in its list release; it breaks ties between events that
    share both dates, so the replay never depends on the order rows were stored or loaded.
    """

    entity_id: str
    list_id: str
    action: Action
    effective_on: dt.date
    until: dt.date | None = None
    announced_on: dt.date | None = None
    announcement: str = ""
    source_url: str = ""
    quality: str = ""
    note: str = ""
    seq: int = 0

    @property
    def replay_key(self) -> tuple[dt.date, dt.date, int, str, dt.date]:
        announced = self.announced_on or self.effective_on
        return (
            self.effective_on,
            announced,
            self.seq,
            self.action.value,
            self.until or dt.date.max,
        )

    @property
    def derived(self) -> bool:
        """True when a date of the event was computed, not printed (quality ``D``): a
        suspension's end counted from "90 days" or "1 year", a date from an edition diff."""
        return "D" in self.quality.split("+")

    @property
    def derived_until(self) -> bool:
        """True when ``until`` was computed from a duration ("90 days"), not printed."""
        return "D" in self.quality.split("+")


@dataclass(frozen=True, slots=True)
class ListStatus:
    """Status of one entity on one list as of a date, with what explains it.

    ``since``: for active and suspended, the first day of the current listing; for removed, the
    removal date; for pending, the day the announced listing takes effect. ``until``: for
    suspended, the first day the measures apply again (None = open-ended). ``basis`` is the event
    that set the status; ``upcoming`` are announced changes not yet in force on the date.
    """

    status: Status
    as_of: dt.date
    since: dt.date | None = None
    until: dt.date | None = None
    suspended_since: dt.date | None = None
    basis: ListingEvent | None = None
    upcoming: tuple[ListingEvent, ...] = field(default=())
