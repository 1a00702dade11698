"""A ``ListingHit`` as a stored ``RunHit`` row and back, field by field from the dataclass.

Every field of the hit has a column of the same name (``row`` is ``row_number``), except the
decision fields, which come from the decision records (and a remembered decision from
``prior``) when a run is loaded. Values go through ``core.screening.hit_values``: dates stay
dates, enums their values, tuples and the earlier decision JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from core.screening.hit_table import HitTable
from core.screening.hit_values import (
    HIT_FIELDS,
    ITEM_HIT_CODEC,
    decode_field,
    encode_field,
)
from core.screening.item_hits import ItemHit
from core.screening.result import ListingHit
from core.store.models import RunHit, RunItemHit

FROM_DECISIONS = frozenset({"decision", "decision_note", "decided_by", "decided_at"})
"""Hit fields a run's decision records give when it is loaded, not stored with the hit."""
_COLUMN = {"row": "row_number"}
_NATIVE = frozenset({"since", "until", "suspended_since"})
"""Fields stored in a column of their own type (Date); the others as JSON text or text."""
_JSON_TEXT = frozenset({"reasons", "matched_tokens", "upcoming", "prior", "basis_event"})
STORED_FIELDS: tuple[str, ...] = tuple(f for f in HIT_FIELDS if f not in FROM_DECISIONS)


def column_of(field: str) -> str:
    return _COLUMN.get(field, field)


def _to_column(field: str, value: Any) -> Any:
    if field in _NATIVE:
        return value
    encoded = encode_field(field, value)
    if field in _JSON_TEXT:
        return None if encoded is None else json.dumps(encoded, ensure_ascii=False)
    return encoded


def _from_column(field: str, value: Any) -> Any:
    if field in _NATIVE:
        return value
    if field in _JSON_TEXT:
        return decode_field(field, None if value is None else json.loads(value))
    return decode_field(field, value)


def hit_record(run_id: int, position: int, hit: ListingHit) -> RunHit:
    values = next(hit_rows(run_id, [hit]))
    return RunHit(**(values | {"position": position}))


_ENCODED_CACHE = 4096  # JSON texts decoded, kept while they recur


def hit_rows(run_id: int, hits: Iterable[ListingHit]) -> Iterator[dict[str, Any]]:
    """The ``run_hits`` row of each hit, in order (position 0, 1, ...), for a bulk insert.

    The hits of a screening share their values (``HitTable``): what they share is encoded
    once (JSON text for millions of hits would otherwise take longer than the screening)."""
    table = hits if isinstance(hits, HitTable) else HitTable(hits)
    for position, row in enumerate(table.records(_columns_of)):
        row["run_id"] = run_id
        row["position"] = position
        yield row


def _columns_of(values: dict[str, Any]) -> dict[str, Any]:
    """Stored columns of some of a hit's fields (``HitTable.records``)."""
    return {column_of(f): _to_column(f, v) for f, v in values.items() if f not in FROM_DECISIONS}


def item_hit_record(run_id: int, position: int, hit: ItemHit) -> RunItemHit:
    return RunItemHit(
        run_id=run_id,
        position=position,
        sheet=hit.sheet,
        row_number=hit.row,
        item_id=hit.item_id,
        fields=json.dumps(ITEM_HIT_CODEC.encode(hit), ensure_ascii=False),
    )


def item_hit_from_record(record: RunItemHit) -> ItemHit:
    return ITEM_HIT_CODEC.decode(json.loads(record.fields))


def hit_from_record(record: RunHit) -> ListingHit:
    """The hit as stored; a decision remembered from an earlier screening is in force again."""
    return next(hits_from_records([record]))


def hits_from_records(records: Iterable[Any]) -> Iterator[ListingHit]:
    """``hit_from_record`` of each record (a ``RunHit`` or a row of its table's columns).
    The hits of a run share most of their JSON texts (reasons, events), each decoded once
    into one value that the hits then share (``HitTable`` holds it once)."""
    decoded: dict[tuple[str, str], Any] = {}
    for record in records:
        values: dict[str, Any] = {}
        for field in STORED_FIELDS:
            raw = getattr(record, column_of(field))
            if field not in _JSON_TEXT or raw is None:
                values[field] = _from_column(field, raw)
                continue
            found = decoded.get((field, raw))
            if found is None:
                if len(decoded) >= _ENCODED_CACHE:
                    decoded.clear()
                found = decoded[(field, raw)] = _from_column(field, raw)
            values[field] = found
        yield _remembered_in_force(ListingHit(**values))


def _remembered_in_force(hit: ListingHit) -> ListingHit:
    prior = hit.prior
    if prior is not None and prior.applies:
        hit = hit.with_decision(prior.decision, prior.note, prior.decided_by, prior.decided_at)
    return hit
