"""What reviewers decided before, applied to a new screening.

Every decision (confirmed, false positive, escalated) is remembered for the supplier name
(normalized) and the entity, and carried to later screenings, shown as such ("confirmed
before by ... on ..."), never silently. It applies until the entity's listing changes: a
listing event on any of its lists that was not known when the decision was made brings the
hit back for review.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.lists.describe import EventLine
from core.lists.model import ListingEvent
from core.lists.snapshot import ListSnapshot
from core.matching.normalize import normalize
from core.screening.decision import Decision
from core.screening.result import ListingHit, PriorDecision, ScreeningResult
from core.store.models import DecisionRecord
from core.store.timestamps import as_utc


def supplier_key(name: str) -> str:
    """The supplier name as the matcher sees it, so spelling noise does not defeat memory."""
    norm = normalize(name)
    return (norm.text or name.strip().casefold())[:500]


def event_key(event: ListingEvent) -> str:
    until = event.until.isoformat() if event.until else ""
    return "|".join(
        (event.list_id, event.action.value, event.effective_on.isoformat(), until,
         event.announcement)
    )  # fmt: skip


def entity_events(snapshot: ListSnapshot, entity_id: str) -> list[ListingEvent]:
    return [
        e for list_id in snapshot.lists_of(entity_id) for e in snapshot.events(entity_id, list_id)
    ]


def listing_keys(snapshot: ListSnapshot, entity_id: str) -> list[str]:
    return sorted(event_key(e) for e in entity_events(snapshot, entity_id))


def latest_decisions(
    session: Session, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], DecisionRecord]:
    """The newest decision for each (supplier key, entity id), over every run."""
    wanted = set(pairs)
    if not wanted:
        return {}
    entity_ids = sorted({entity for _, entity in wanted})
    found: dict[tuple[str, str], DecisionRecord] = {}
    for chunk in range(0, len(entity_ids), 500):
        query = (
            select(DecisionRecord)
            .where(DecisionRecord.entity_id.in_(entity_ids[chunk : chunk + 500]))
            .order_by(DecisionRecord.decided_at, DecisionRecord.id)
        )
        for record in session.scalars(query):
            key = (record.supplier_key, record.entity_id)
            if key in wanted:
                found[key] = record  # later rows overwrite: the newest wins
    return found


def apply_memory(
    session: Session, result: ScreeningResult, snapshot: ListSnapshot
) -> ScreeningResult:
    """``result`` with the hits cleared before marked as such (a new result; ``result`` is
    left as it was)."""
    keys = {(supplier_key(h.supplier_name), h.entity_id) for h in result.hits}
    remembered = latest_decisions(session, keys)
    if not remembered:
        return result
    hits: list[ListingHit] = []
    current: dict[str, dict[str, ListingEvent]] = {}
    for hit in result.hits:
        record = remembered.get((supplier_key(hit.supplier_name), hit.entity_id))
        if record is None:
            hits.append(hit)
            continue
        if hit.entity_id not in current:
            current[hit.entity_id] = {
                event_key(e): e for e in entity_events(snapshot, hit.entity_id)
            }
        known = set(json.loads(record.listing_events))
        changes = tuple(
            EventLine.of(event)
            for key, event in sorted(current[hit.entity_id].items())
            if key not in known
        )
        prior = PriorDecision(
            decision=Decision(record.decision),
            note=record.note,
            decided_by=record.decided_by,
            decided_at=as_utc(record.decided_at),
            run_id=record.run_id,
            applies=not changes,
            changes=changes,
        )
        hit = hit.with_prior(prior)
        if prior.applies:
            hit = hit.with_decision(
                prior.decision, record.note, record.decided_by, prior.decided_at
            )
        hits.append(hit)
    return replace(result, hits=hits)
