"""The ``--json`` documents of the text commands (``lists``, ``runs``, ``runs show``, ``entity``,
``audit``): the same facts the text shows, as data. Each starts with ``format_version`` and
``kind`` (``core.cli.output.document``); docs/cli-documents.schema.json describes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any

from core.cli.output import document
from core.lists.asof import status_as_of
from core.lists.model import SEVERITY_ORDER, Entity
from core.lists.snapshot import ListSnapshot
from core.review.run_store import RunSummary
from core.store.audit import AuditEntry, AuditHead


def plain(value: Any) -> Any:
    """A dataclass, date, enum, tuple or dict as JSON-able values (dates in ISO form)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def lists_document(snapshot: ListSnapshot, as_of: dt.date) -> dict[str, Any]:
    counts = snapshot.counts(as_of)
    lists = []
    for list_id in sorted(snapshot.lists):
        info = snapshot.lists[list_id]
        by_status = counts.get(list_id, {})
        release = snapshot.release_of(list_id)
        lists.append(
            {
                **plain(info),
                "entities": sum(by_status.values()),
                "counts": {s.value: by_status.get(s, 0) for s in SEVERITY_ORDER},
                "release_id": release.release_id if release else None,
            }
        )
    return document(
        "lists",
        as_of=as_of.isoformat(),
        lists=lists,
        releases=[plain(r) for r in snapshot.releases],
        warnings=[w.message for w in snapshot.freshness(as_of)],
    )


def runs_document(runs: Sequence[RunSummary]) -> dict[str, Any]:
    return document("runs", runs=[plain(r) for r in runs])


def entity_document(
    snapshot: ListSnapshot, found: Sequence[Entity], as_of: dt.date
) -> dict[str, Any]:
    entities = []
    for entity in found:
        listings = []
        for list_id in snapshot.lists_of(entity.entity_id):
            events = snapshot.events(entity.entity_id, list_id)
            info = snapshot.lists.get(list_id)
            listings.append(
                {
                    "list_id": list_id,
                    "list_title": info.name_en if info else list_id,
                    "list_title_zh": info.name_zh if info else "",
                    **plain(status_as_of(events, as_of)),
                    "events": [plain(e) for e in events],
                }
            )
        entities.append({**plain(entity), "listings": listings})
    return document(
        "entity",
        as_of=as_of.isoformat(),
        entities=entities,
        warnings=[w.message for w in snapshot.freshness(as_of)],
    )


def audit_document(entries: Sequence[AuditEntry]) -> dict[str, Any]:
    return document("audit", records=[plain(e) for e in entries])


def run_document(result: dict[str, Any], head: AuditHead | None) -> dict[str, Any]:
    """``runs show --json``: the screening result document with the audit trail's head now
    (null for an empty trail), the ``N:HASH`` that ``audit verify --head`` takes."""
    value = None if head is None else {"seq": head.seq, "hash": head.hash, "head": str(head)}
    return {**result, "audit_head": value}
