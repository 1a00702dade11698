"""An in-memory view of the list data known to one screening: lists, entities, events.

Built once from the database (or straight from a pack), then asked many times: the status of
an entity on each of its lists as of a date, and per-list counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.lists.asof import replay_order, status_as_of
from core.lists.items import ControlledItem
from core.lists.model import Entity, ListingEvent, ListStatus, RestrictionList, Status


@dataclass(frozen=True)
class ReleaseInfo:
    """What the app knows about one imported list release."""

    release_id: int
    publisher: str
    version: str
    data_cutoff: dt.date
    checksum: str
    imported_at: dt.datetime
    list_ids: tuple[str, ...]
    licence: str = ""
    attribution: str = ""
    origin: str = "pack"
    """How it came: ``pack`` (a list pack), or the importer of a list file (``opensanctions``,
    ``csl``, ``csv``)."""
    signed_by: str = ""
    """The key id of the trusted publisher key that signed the pack; empty when unsigned."""
    unsigned_allowed: bool = False
    """An unsigned pack imported by the user's explicit choice."""
    released_on: dt.date | None = None
    """The day the publisher released it (``None``: its data cut-off stands in)."""

    @property
    def release_date(self) -> dt.date:
        """When the release became known: the publisher's release date, else its cut-off.
        ``--known-on K`` screens with the releases whose release date is on or before K."""
        return self.released_on or self.data_cutoff

    @property
    def provenance(self) -> str:
        """One line on where the release came from and what proves it."""
        if self.signed_by:
            return f"signed by publisher key {self.signed_by}"
        if self.unsigned_allowed:
            return "unsigned pack, imported by explicit choice"
        if self.origin != "pack":
            return f"imported from a list file ({self.origin}), not signed"
        return "not signed"


@dataclass(frozen=True)
class FreshnessWarning:
    release: ReleaseInfo
    as_of: dt.date

    @property
    def days_after_cutoff(self) -> int:
        return (self.as_of - self.release.data_cutoff).days

    @property
    def message(self) -> str:
        return (
            f"List data {self.release.publisher} {self.release.version} is current to "
            f"{self.release.data_cutoff.isoformat()}; the screening date "
            f"{self.as_of.isoformat()} is {self.days_after_cutoff} days later. Announcements "
            "after the cut-off are missing, and suspension ends computed from a notice "
            '("90 days", "1 year") may have been changed since. Import a newer list release.'
        )


def freshness_warning(release: ReleaseInfo, as_of: dt.date) -> FreshnessWarning | None:
    """The warning that screening as of ``as_of`` is later than ``release``'s data cut-off,
    or None when the release covers the date. The one freshness rule: the screening, a stored
    run shown again and the lists view all ask here."""
    return FreshnessWarning(release, as_of) if as_of > release.data_cutoff else None


def freshness_warnings(releases: Iterable[ReleaseInfo], as_of: dt.date) -> list[FreshnessWarning]:
    """A warning for each of ``releases`` whose data cut-off is before ``as_of``, in order."""
    return [w for r in releases if (w := freshness_warning(r, as_of)) is not None]


@dataclass
class ListSnapshot:
    lists: dict[str, RestrictionList]
    entities: dict[str, Entity]
    releases: tuple[ReleaseInfo, ...] = ()
    _events: dict[tuple[str, str], list[ListingEvent]] = field(default_factory=dict)
    _lists_of_entity: dict[str, list[str]] = field(default_factory=dict)
    items: tuple[ControlledItem, ...] = ()
    """The controlled items of the newest release that has any."""
    items_release: ReleaseInfo | None = None

    @classmethod
    def build(
        cls,
        lists: Iterable[RestrictionList],
        entities: Iterable[Entity],
        events: Iterable[ListingEvent],
        releases: Iterable[ReleaseInfo] = (),
        *,
        items: Iterable[ControlledItem] = (),
        items_release: ReleaseInfo | None = None,
    ) -> ListSnapshot:
        by_key: dict[tuple[str, str], list[ListingEvent]] = defaultdict(list)
        for event in events:
            by_key[(event.entity_id, event.list_id)].append(event)
        ordered = {key: replay_order(evs) for key, evs in by_key.items()}
        lists_of: dict[str, list[str]] = defaultdict(list)
        for entity_id, list_id in sorted(ordered):
            lists_of[entity_id].append(list_id)
        return cls(
            lists={lst.list_id: lst for lst in lists},
            entities={e.entity_id: e for e in entities},
            releases=tuple(releases),
            _events=ordered,
            _lists_of_entity=dict(lists_of),
            items=tuple(items),
            items_release=items_release,
        )

    def events(self, entity_id: str, list_id: str) -> list[ListingEvent]:
        return self._events.get((entity_id, list_id), [])

    def lists_of(self, entity_id: str) -> list[str]:
        return self._lists_of_entity.get(entity_id, [])

    def statuses(
        self, entity_id: str, as_of: dt.date, list_ids: Iterable[str] | None = None
    ) -> dict[str, ListStatus]:
        """The entity's status on each of its lists (restricted to ``list_ids`` if given)."""
        wanted = None if list_ids is None else set(list_ids)
        return {
            list_id: status_as_of(self.events(entity_id, list_id), as_of)
            for list_id in self.lists_of(entity_id)
            if wanted is None or list_id in wanted
        }

    def counts(self, as_of: dt.date) -> dict[str, Mapping[Status, int]]:
        """Per list, how many entities are in each status as of the date."""
        counts: dict[str, Counter[Status]] = {list_id: Counter() for list_id in self.lists}
        for (_, list_id), events in self._events.items():
            counts.setdefault(list_id, Counter())[status_as_of(events, as_of).status] += 1
        return dict(counts)

    def entities_on(self, list_id: str, kind: str | None = None) -> int:
        """How many entities the list data has on ``list_id`` (of ``kind``, if given)."""
        return sum(
            1
            for entity_id, on in self._events
            if on == list_id
            and (kind is None or getattr(self.entities.get(entity_id), "kind", None) == kind)
        )

    def default_list_ids(self) -> tuple[str, ...]:
        """The lists a screening uses when none are named: every list with names in the data
        (a list without any, such as a ban whose annex is not published, is not offered as if
        it were screened)."""
        with_names = {list_id for _, list_id in self._events}
        return tuple(sorted(list_id for list_id in self.lists if list_id in with_names))

    def freshness(self, as_of: dt.date) -> list[FreshnessWarning]:
        """A warning for each release whose data cut-off is before the screening date."""
        return freshness_warnings(self.releases, as_of)

    def release_of(self, list_id: str) -> ReleaseInfo | None:
        for release in self.releases:
            if list_id in release.list_ids:
                return release
        return None
