"""Property tests of the as-of replay (design.md, "Status as of a date D")."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from core.lists.asof import status_as_of
from core.lists.model import Action, ListingEvent, Status

START = dt.date(2024, 1, 1)
days = st.integers(min_value=0, max_value=400)


@st.composite
def histories(draw: st.DrawFn) -> list[ListingEvent]:
    """Random event histories of one entity on one list, including odd ones."""
    count = draw(st.integers(min_value=0, max_value=8))
    events = []
    for seq in range(count):
        action = draw(st.sampled_from(list(Action)))
        effective = START + dt.timedelta(days=draw(days))
        until = None
        if action is Action.SUSPENDED and draw(st.booleans()):
            until = effective + dt.timedelta(days=draw(st.integers(1, 200)))
        announced = None
        if draw(st.booleans()):
            announced = effective - dt.timedelta(days=draw(st.integers(0, 30)))
        events.append(ListingEvent("e", "l", action, effective, until, announced, seq=seq))
    return events


@settings(max_examples=300)
@given(histories(), days, st.randoms())
def test_status_never_depends_on_storage_order(
    events: list[ListingEvent], day: int, rnd: random.Random
) -> None:
    as_of = START + dt.timedelta(days=day)
    shuffled = events[:]
    rnd.shuffle(shuffled)
    assert status_as_of(shuffled, as_of) == status_as_of(events, as_of)


@settings(max_examples=300)
@given(histories(), days)
def test_a_suspension_never_outlives_its_until(events: list[ListingEvent], day: int) -> None:
    as_of = START + dt.timedelta(days=day)
    status = status_as_of(events, as_of)
    if status.status is Status.SUSPENDED:
        assert status.basis is not None and status.basis.action is Action.SUSPENDED
        assert status.basis.effective_on <= as_of
        assert status.until is None or as_of < status.until
        # The window that pauses the measures is the latest suspension in force.
        latest = max(
            (e for e in events if e.action is Action.SUSPENDED and e.effective_on <= as_of),
            key=lambda e: e.replay_key,
        )
        assert status.basis == latest


@settings(max_examples=200)
@given(histories())
def test_every_date_gets_exactly_one_status(events: list[ListingEvent]) -> None:
    for offset in range(0, 430, 7):
        as_of = START + dt.timedelta(days=offset)
        status = status_as_of(events, as_of)
        assert isinstance(status.status, Status)
        assert status.as_of == as_of
        listed = [e for e in events if e.effective_on <= as_of]
        if not listed:
            assert status.status in (Status.NOT_LISTED, Status.PENDING)


@settings(max_examples=200)
@given(histories(), days)
def test_pending_only_for_announced_future_listings(events: list[ListingEvent], day: int) -> None:
    as_of = START + dt.timedelta(days=day)
    status = status_as_of(events, as_of)
    if status.status is Status.PENDING:
        assert status.basis is not None
        assert status.basis.action is Action.ADDED
        assert status.basis.effective_on > as_of
        assert status.basis.announced_on is not None and status.basis.announced_on <= as_of


@given(st.integers(1, 300), st.integers(1, 300))
def test_suspension_lapses_back_to_active_on_until(start: int, length: int) -> None:
    added = ListingEvent("e", "l", Action.ADDED, START, seq=0)
    begin = START + dt.timedelta(days=start)
    until = begin + dt.timedelta(days=length)
    suspended = ListingEvent("e", "l", Action.SUSPENDED, begin, until, seq=1)
    assert status_as_of([added, suspended], until - dt.timedelta(days=1)).status is Status.SUSPENDED
    assert status_as_of([added, suspended], until).status is Status.ACTIVE


def test_reinstatement_after_removal() -> None:
    events = [
        ListingEvent("e", "l", Action.ADDED, dt.date(2024, 1, 1), seq=0),
        ListingEvent("e", "l", Action.SUSPENDED, dt.date(2024, 2, 1), None, seq=1),
        ListingEvent("e", "l", Action.REMOVED, dt.date(2024, 3, 1), seq=2),
        ListingEvent(
            "e", "l", Action.ADDED, dt.date(2024, 5, 1), None, dt.date(2024, 4, 20), seq=3
        ),
    ]
    assert status_as_of(events, dt.date(2024, 2, 15)).status is Status.SUSPENDED
    assert status_as_of(events, dt.date(2024, 3, 15)).status is Status.REMOVED
    assert status_as_of(events, dt.date(2024, 4, 25)).status is Status.PENDING
    reinstated = status_as_of(events, dt.date(2024, 5, 1))
    # The open-ended suspension belonged to the old listing: a reinstatement starts afresh.
    assert reinstated.status is Status.ACTIVE
    assert reinstated.since == dt.date(2024, 5, 1)
