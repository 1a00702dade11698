"""Where a hit stands in review: the one answer the window, the report and the CLI render.

A hit is undecided; decided on this screening; carried over from an earlier screening of the
same supplier name and entity (remembered, shown as such, never silently); or back for review
because the entity's listing changed after an earlier decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from core.lists.describe import EventLine
from core.screening.decision import Decision
from core.screening.result import ListingHit, PriorDecision


class ReviewState(StrEnum):
    UNDECIDED = "undecided"
    DECIDED = "decided"
    """Decided on this screening."""
    REMEMBERED = "remembered"
    """An earlier decision on the same supplier name and entity applies."""
    REVIEW_AGAIN = "review_again"
    """An earlier decision no longer applies: the listing changed since."""


@dataclass(frozen=True, slots=True)
class Review:
    state: ReviewState
    decision: Decision | None
    """The decision in force (made here, or remembered); None when undecided."""
    note: str
    by: str
    at: dt.datetime | None
    prior: PriorDecision | None
    """The earlier decision, whether it applies or has lapsed."""

    @property
    def category(self) -> Decision | ReviewState:
        """What the window filters and sorts by: the decision in force, else the state."""
        return self.decision if self.decision is not None else self.state

    @property
    def changes(self) -> tuple[EventLine, ...]:
        """Listing events since the earlier decision (why it is back for review)."""
        return self.prior.changes if self.prior is not None else ()


def review_of(hit: ListingHit) -> Review:
    prior = hit.prior
    if hit.decision is not None:
        remembered = (
            prior is not None
            and prior.applies
            and hit.decision == prior.decision
            and hit.decided_at == prior.decided_at
        )
        state = ReviewState.REMEMBERED if remembered else ReviewState.DECIDED
        return Review(state, hit.decision, hit.decision_note, hit.decided_by, hit.decided_at, prior)
    if prior is not None and not prior.applies:
        return Review(ReviewState.REVIEW_AGAIN, None, "", "", None, prior)
    return Review(ReviewState.UNDECIDED, None, "", "", None, prior)
