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
from core.screening.hit_table import as_hit_table
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
    """The newest decision for each (supplier key, entity id), over every run. A decision is
    found by the key it was stored with and by its supplier name as today's normalization
    keys it: a newer matcher may normalize a name otherwise ("Siemens Aktiengesellschaft"
    was "siemen aktiengesellschaft", now "siemen"), and a remembered decision must not be
    lost by an upgrade."""
    wanted = set(pairs)
    if not wanted:
        return {}
    entity_ids = sorted({entity for _, entity in wanted})
    keys: dict[str, str] = {}

    def rekeyed(name: str) -> str:
        key = keys.get(name)
        if key is None:
            key = keys[name] = supplier_key(name)
        return key

    found: dict[tuple[str, str], DecisionRecord] = {}
    for chunk in range(0, len(entity_ids), 500):
        query = (
            select(DecisionRecord)
            .where(DecisionRecord.entity_id.in_(entity_ids[chunk : chunk + 500]))
            .order_by(DecisionRecord.decided_at, DecisionRecord.id)
        )
        for record in session.scalars(query):
            stored = (record.supplier_key, record.entity_id)
            today = (rekeyed(record.supplier_name), record.entity_id)
            for key in {stored, today} & wanted:
                found[key] = record  # later rows overwrite: the newest wins
    return found


def apply_memory(
    session: Session, result: ScreeningResult, snapshot: ListSnapshot
) -> ScreeningResult:
    """``result`` with the hits cleared before marked as such (a new result; ``result`` is
    left as it was)."""
    keyed: dict[str, str] = {}  # supplier name -> key: normalizing is the slow part

    def key_of(name: str) -> str:
        found = keyed.get(name)
        if found is None:
            found = keyed[name] = supplier_key(name)
        return found

    hits = as_hit_table(result.hits).copy()
    names = zip(hits.column("supplier_name"), hits.column("entity_id"), strict=True)
    remembered = latest_decisions(session, {(key_of(name), entity) for name, entity in names})
    if not remembered:
        return result
    current: dict[str, dict[str, ListingEvent]] = {}
    priors: dict[tuple[int, str], PriorDecision] = {}  # one value per decision and entity
    for position, hit in enumerate(result.hits):
        record = remembered.get((key_of(hit.supplier_name), hit.entity_id))
        if record is None:
            continue
        prior = priors.get((record.id, hit.entity_id))
        if prior is None:
            prior = priors[(record.id, hit.entity_id)] = _prior(snapshot, record, hit, current)
        hit = hit.with_prior(prior)
        if prior.applies:
            hit = hit.with_decision(
                prior.decision, record.note, record.decided_by, prior.decided_at
            )
        hits[position] = hit
    hits.freeze()
    return replace(result, hits=hits)


def _prior(
    snapshot: ListSnapshot,
    record: DecisionRecord,
    hit: ListingHit,
    current: dict[str, dict[str, ListingEvent]],
) -> PriorDecision:
    """The earlier decision ``record`` as it bears on ``hit``: in force unless the entity's
    listing changed since (``current`` caches the entity's events by key)."""
    if hit.entity_id not in current:
        current[hit.entity_id] = {event_key(e): e for e in entity_events(snapshot, hit.entity_id)}
    known = set(json.loads(record.listing_events))
    changes = tuple(
        EventLine.of(event)
        for key, event in sorted(current[hit.entity_id].items())
        if key not in known
    )
    return PriorDecision(
        decision=Decision(record.decision),
        note=record.note,
        decided_by=record.decided_by,
        decided_at=as_utc(record.decided_at),
        run_id=record.run_id,
        applies=not changes,
        changes=changes,
    )
