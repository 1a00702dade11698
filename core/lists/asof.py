"""The as-of rules: an entity's status on one list as of a date (design.md).

This module is the one place that owns the rules. Everything that shows or counts a status
(screening, the lists view, the CLI, exports) calls ``status_as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from core.lists.model import Action, ListingEvent, ListStatus, Status


def replay_order(events: Iterable[ListingEvent]) -> list[ListingEvent]:
    """Events in the order they are replayed: effective date, announcement date, release order."""
    return sorted(events, key=lambda e: e.replay_key)


def status_as_of(events: Iterable[ListingEvent], as_of: dt.date) -> ListStatus:
    """Replay one entity's events on one list up to ``as_of`` and say where it stands.

    ``added`` makes it active (again, after a removal: a reinstatement); ``suspended`` opens a
    window [effective_on, until) that replaces any earlier one and pauses the measures while the
    date is inside it; ``removed`` ends the listing. A not-listed or removed entity with an
    ``added`` announced on or before the date but effective after it is ``pending``. Other
    announced changes not yet in force leave the status as it is and come back as ``upcoming``.
    """
    ordered = replay_order(events)
    upcoming = tuple(
        e
        for e in ordered
        if e.effective_on > as_of and e.announced_on is not None and e.announced_on <= as_of
    )

    state = Status.NOT_LISTED
    listed_since: dt.date | None = None
    window: ListingEvent | None = None
    basis: ListingEvent | None = None
    removed_on: dt.date | None = None
    for event in ordered:
        if event.effective_on > as_of:
            break
        if event.action is Action.ADDED:
            if state is not Status.ACTIVE:
                listed_since, basis = event.effective_on, event
            if state is Status.REMOVED:
                window = None  # a reinstatement starts a fresh history
            state = Status.ACTIVE
        elif event.action is Action.SUSPENDED:
            window = event  # a later suspension replaces the earlier window: an extension
        else:
            state, removed_on, window, basis = Status.REMOVED, event.effective_on, None, event

    if state is Status.ACTIVE:
        if window is not None and (window.until is None or as_of < window.until):
            return ListStatus(
                Status.SUSPENDED,
                as_of,
                since=listed_since,
                until=window.until,
                suspended_since=window.effective_on,
                basis=window,
                upcoming=upcoming,
            )
        # A lapsed window leaves the suspension as the basis, so the explanation can say the
        # measures apply again since its end.
        return ListStatus(
            Status.ACTIVE, as_of, since=listed_since, basis=window or basis, upcoming=upcoming
        )

    pending = next((e for e in upcoming if e.action is Action.ADDED), None)
    if pending is not None:
        return ListStatus(
            Status.PENDING, as_of, since=pending.effective_on, basis=pending, upcoming=upcoming
        )
    if state is Status.REMOVED:
        return ListStatus(Status.REMOVED, as_of, since=removed_on, basis=basis, upcoming=upcoming)
    return ListStatus(Status.NOT_LISTED, as_of, upcoming=upcoming)


class StatusBasis(StrEnum):
    """What a status rests on: dates printed by its sources, or a date computed from them."""

    PUBLISHED = "published"
    COMPUTED = "computed"


def status_basis(status: ListStatus, sources_through: dt.date | None) -> StatusBasis:
    """``computed`` when the status rests on a date no source printed or has confirmed yet:

    - measures in force again because a suspension's end passed, where that end was computed
      ("90 days", "1 year" from the notice: quality ``D``) or lies after ``sources_through``
      (the newest source of the list data: nobody could yet say whether it was extended);
    - a listing or removal whose own date is derived (``D``: an edition or file comparison).

    A suspension itself rests on its notice's start date and is ``published``.
    """
    event = status.basis
    if event is None:
        return StatusBasis.PUBLISHED
    if status.status is Status.ACTIVE and event.action is Action.SUSPENDED:
        lapsed_on = event.until
        if (
            event.derived
            or sources_through is None
            or (lapsed_on is not None and lapsed_on > sources_through)
        ):
            return StatusBasis.COMPUTED
        return StatusBasis.PUBLISHED
    if event.action is not Action.SUSPENDED and event.derived:
        return StatusBasis.COMPUTED
    return StatusBasis.PUBLISHED
